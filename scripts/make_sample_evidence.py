#!/usr/bin/env python3
"""Generate the sample evidence folder of the KNU workspace and its register.

Writes `evidence/` (DOCX, XLSX, PDF and CSV files plus `register.xlsx`) for the sample
workspace of Jusup Balasagyn Kyrgyz National University. Every file is invented sample data
(only the names of the rector and of the head of БСМЖАБ are real); the footer of every
document says so.

Run from anywhere:  python3 scripts/make_sample_evidence.py
Needs python-docx, openpyxl and LibreOffice (`soffice`) for the PDF files. Output is
deterministic: zip members, document properties and PDF dates/IDs are pinned.

Deliberate gaps for the tool to find (today = 2026-11-25, warning window 90 days):
  * nothing is registered against esg2015:1.8, knu-bsmjab:1.4.6 and kg-licensing:L6;
  * esg2015:1.10 has only items that expired on 30.06.2026 (stale);
  * kg-licensing:L2 has one item, valid until 15.01.2027 (expiring within the window);
  * programme accreditation (prog-acc) of 580100 and 710400: 710400 has no programme
    passport, no syllabi and no annual review, and its only employer memorandum expires on
    31.01.2027; 580100 declares 4.2 (laboratories) not applicable.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = ROOT / "evidence"
FIXED_TIME = dt.datetime(2026, 11, 20, 9, 0, 0)
ZIP_TIME = (2026, 11, 20, 9, 0, 0)
PDF_TIME = "20261120090000"
FONT = "Times New Roman"

MINISTRY_KY = "Кыргыз Республикасынын илим, жогорку билим жана инновациялар министрлиги"
MINISTRY_RU = "Министерство науки, высшего образования и инноваций Кыргызской Республики"
UNIV_KY = "Жусуп Баласагын атындагы Кыргыз улуттук университети"
UNIV_RU = "Кыргызский национальный университет имени Жусупа Баласагына"
RECTOR = "Д.Т. Чонтоев"
SAMPLE_NOTE = "Үлгү документ: selfassess демо-маалыматтары / Образец документа: демонстрационные данные selfassess"

ALLOWED_CRITERIA = (
    {f"esg2015:1.{i}" for i in range(1, 11)}
    | {f"kg-minreq:1.{i}" for i in range(1, 8)}
    | {"kg-minreq:2.1"}
    | {f"knu-bsmjab:1.4.{i}" for i in range(1, 8)}
    | {f"kg-licensing:L{i}" for i in range(1, 7)}
    | {f"prog-acc:{c}" for c in ("1.1", "1.2", "1.3", "2.1", "3.1", "3.2", "4.1", "4.2")}
)
GAPS = {"esg2015:1.8", "knu-bsmjab:1.4.6"}
# kg-licensing:L6 (curricula and syllabi for the licence) is left partial on purpose: the
# curricula are registered against it, the syllabi not yet.
# esg2015:1.8 maps_to kg-minreq:1.6 (and 8.1, 8.2) in the shipped catalogue, and a crosswalk counts both
# ways: citing kg-minreq:1.6 would cover esg2015:1.8 and hide the deliberate gap.
CROSSWALKS_INTO_GAPS = {"kg-minreq:1.6"}


def d(text: str) -> dt.date:
    """Return the date written as dd.mm.yyyy."""
    return dt.datetime.strptime(text, "%d.%m.%Y").date()


# --------------------------------------------------------------------------- register


@dataclass
class Item:
    title: str
    file: str | None
    kind: str
    owner: str
    issued: dt.date | None
    language: str
    criteria: tuple[str, ...]
    valid_until: dt.date | None = None
    note: str = ""
    url: str | None = None
    snapshot: dt.date | None = None
    id: str = field(default="")
    programmes: tuple[str, ...] = ()


REGISTER: list[Item] = []


def reg(
    title, file, kind, owner, issued, language, criteria, valid_until=None, note="", url=None, snapshot=None
) -> None:
    """Append one evidence item to the register (ids are given in call order)."""
    item = Item(
        title,
        file,
        kind,
        owner,
        d(issued) if issued else None,
        language,
        tuple(criteria),
        d(valid_until) if valid_until else None,
        note,
        url,
        d(snapshot) if snapshot else None,
    )
    item.id = f"E-{len(REGISTER) + 1:03d}"
    REGISTER.append(item)


# --------------------------------------------------------------------------- determinism


def _pin_core_xml(xml: bytes) -> bytes:
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", rb"\g<1>" + stamp + rb"\g<3>", xml)


def normalize_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed member times, a stable order and pinned core dates."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    members.sort(key=lambda m: (m[0] != "[Content_Types].xml", m[0]))
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in members:
            if name == "docProps/core.xml":
                data = _pin_core_xml(data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


def normalize_pdf(path: Path) -> None:
    """Overwrite the PDF's dates, /ID and /DocChecksum with same-length fixed values."""
    data = path.read_bytes()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", rb"\g<1>" + PDF_TIME.encode(), data)
    seed = hashlib.sha256(path.name.encode() + b"|" + str(len(data)).encode()).hexdigest().upper()

    def hexfill(match: re.Match) -> bytes:
        return match.group(1) + seed[: len(match.group(2))].encode() + match.group(3)

    def idfill(match: re.Match) -> bytes:
        return re.sub(rb"(<)([0-9A-Fa-f]+)(>)", hexfill, match.group(0))

    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", idfill, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)()", hexfill, data)
    path.write_bytes(data)


# --------------------------------------------------------------------------- DOCX helpers


def _set_font(run, size=None, bold=None, italic=None, color=None):
    run.font.name = FONT
    rpr = run._r.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if color:
        run.font.color.rgb = RGBColor(*color)
    return run


def add_field(par, instr: str, size=9) -> None:
    """Append a Word field (PAGE, NUMPAGES) to a paragraph."""
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = par.add_run()
        _set_font(run, size)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        elif kind == "text":
            run.text = "1"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def new_doc(landscape: bool = False) -> Document:
    """Return an empty A4 document in the university's plain style with the sample footer."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(3)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(1.5)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(foot.add_run(SAMPLE_NOTE), 7, color=(0x80, 0x80, 0x80))
    return doc


def control_header(doc, title: str, code: str, version: str, date: str, lang="ky") -> None:
    """Put the KNU document-control header table (ministry, title, code, page N-M) on every page."""
    header = doc.sections[0].header
    width = doc.sections[0].page_width - doc.sections[0].left_margin - doc.sections[0].right_margin
    table = header.add_table(3, 3, width)
    table.style = "Table Grid"
    table.autofit = False
    for i, w in enumerate((9.0, 4.5, 3.5)):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)
    top = table.cell(0, 0).merge(table.cell(0, 2))
    top.text = ""
    p = top.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(
        p.add_run((MINISTRY_KY if lang == "ky" else MINISTRY_RU) + "\n" + (UNIV_KY if lang == "ky" else UNIV_RU)),
        9,
        bold=True,
    )
    cells = [(1, 0, title), (1, 1, code), (2, 0, version), (2, 2, date)]
    for r, c, text in cells:
        par = table.cell(r, c).paragraphs[0]
        _set_font(par.add_run(text), 9)
    page = table.cell(1, 2).paragraphs[0]
    add_field(page, "PAGE")
    _set_font(page.add_run("-"), 9)
    add_field(page, "NUMPAGES")
    _set_font(page.add_run(" бет" if lang == "ky" else " стр."), 9)
    table.cell(2, 0).merge(table.cell(2, 1))
    header.paragraphs[0].text = ""


def p(doc, text: str = "", bold=False, italic=False, align=None, size=None, indent=True, space_after=None):
    par = doc.add_paragraph()
    if align == "c":
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align is None:
        par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            par.paragraph_format.first_line_indent = Cm(1.0)
    if space_after is not None:
        par.paragraph_format.space_after = Pt(space_after)
    if text:
        _set_font(par.add_run(text), size, bold, italic)
    return par


def table(doc, header: list[str] | None, rows: list[list], widths: list[float] | None = None, size: float = 10) -> None:
    """Write a bordered table; `header=None` gives a key/value table without a header row."""
    ncols = len(header) if header else len(rows[0])
    t = doc.add_table(rows=0, cols=ncols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    if header:
        cells = t.add_row().cells
        for i, text in enumerate(header):
            _set_font(cells[i].paragraphs[0].add_run(str(text)), size, bold=True)
        t.rows[0].repeat_header = True
    for row in rows:
        cells = t.add_row().cells
        for i, value in enumerate(row):
            _set_font(cells[i].paragraphs[0].add_run("" if value is None else str(value)), size)
    if not widths:
        widths = _default_widths(doc, header, rows, ncols)
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
        for cell in t.columns[i].cells:
            cell.width = Cm(w)
    doc.add_paragraph()


def _default_widths(doc, header, rows, ncols) -> list[float]:
    """Return column widths proportional to the longest text in each column."""
    sec = doc.sections[0]
    total = (sec.page_width - sec.left_margin - sec.right_margin) / 360000  # EMU per cm
    lengths = []
    for c in range(ncols):
        texts = ([str(header[c])] if header else []) + [str(r[c]) for r in rows]
        lengths.append(min(max(len(t) for t in texts), 60) + 4)
    return [total * n / sum(lengths) for n in lengths]


def render(doc, blocks) -> None:
    """Write a list of blocks: str (paragraph), ("h", text), ("ul", [...]), ("t", head, rows[, widths]),
    ("sign", position, name), ("c", text) centred bold, ("r", text) right, ("i", text) italic."""
    for block in blocks:
        if isinstance(block, str):
            p(doc, block)
            continue
        tag = block[0]
        if tag == "h":
            par = p(doc, block[1], bold=True, indent=False)
            par.paragraph_format.space_before = Pt(8)
            par.paragraph_format.keep_with_next = True
        elif tag == "ul":
            for text in block[1]:
                par = doc.add_paragraph(style="List Bullet")
                par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                _set_font(par.add_run(text))
        elif tag == "ol":
            for i, text in enumerate(block[1], 1):
                p(doc, f"{i}. {text}")
        elif tag == "t":
            table(doc, block[1], block[2], block[3] if len(block) > 3 else None)
        elif tag == "sign":
            par = doc.add_paragraph()
            par.paragraph_format.space_before = Pt(18)
            par.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
            _set_font(par.add_run(f"{block[1]}\t{block[2]}"), bold=True)
        elif tag == "c":
            p(doc, block[1], bold=True, align="c")
        elif tag == "cn":
            p(doc, block[1], align="c")
        elif tag == "r":
            p(doc, block[1], align="r")
        elif tag == "i":
            p(doc, block[1], italic=True)
        elif tag == "br":
            doc.add_page_break()
        else:
            raise ValueError(f"unknown block {tag!r}")


def approval(doc, lines: list[str]) -> None:
    """Write an approval stamp («БЕКИТЕМ» / «УТВЕРЖДАЮ») block at the right."""
    for i, line in enumerate(lines):
        par = doc.add_paragraph()
        par.paragraph_format.left_indent = Cm(9.5)
        par.paragraph_format.space_after = Pt(0)
        _set_font(par.add_run(line), bold=(i == 0))
    doc.add_paragraph()


def letterhead(doc, lang: str, doc_type: str, date_no: str, city=True) -> None:
    """Write the ministry / university heading, the document type and its date and number."""
    p(doc, MINISTRY_KY if lang == "ky" else MINISTRY_RU, align="c", size=11)
    p(doc, (UNIV_KY if lang == "ky" else UNIV_RU).upper(), bold=True, align="c")
    p(doc, doc_type, bold=True, align="c", size=14)
    par = doc.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
    town = ("Бишкек шаары" if lang == "ky" else "г. Бишкек") if city else ""
    _set_font(par.add_run(f"{date_no}\t{town}"))


def set_props(doc, title: str, lang: str, author: str) -> None:
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = UNIV_KY if lang == "ky" else UNIV_RU
    cp.comments = SAMPLE_NOTE
    cp.keywords = "selfassess; sample"
    cp.language = {"ky": "ky-KG", "ru": "ru-RU"}.get(lang, lang)
    cp.revision = 1
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME


PDF_QUEUE: list[tuple[Path, Path]] = []
STAGING = Path(tempfile.mkdtemp(prefix="selfassess-evidence-"))


def save_docx(doc, rel: str, title: str, lang: str, author: str = "БСМЖАБ") -> None:
    set_props(doc, title, lang, author)
    path = EVIDENCE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    normalize_zip(path)


def save_pdf(doc, rel: str, title: str, lang: str, author: str = "БСМЖАБ") -> None:
    """Queue a document for conversion to PDF (LibreOffice runs once for all of them)."""
    set_props(doc, title, lang, author)
    tmp = STAGING / f"doc{len(PDF_QUEUE):03d}.docx"
    doc.save(tmp)
    normalize_zip(tmp)
    PDF_QUEUE.append((tmp, EVIDENCE / rel))


def convert_pdfs() -> None:
    """Convert every queued DOCX to PDF with one LibreOffice run, then move and pin the PDFs."""
    if not PDF_QUEUE:
        return
    profile = STAGING / "lo-profile"
    env = dict(os.environ, TZ="UTC")
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(STAGING / "pdf"),
    ] + [str(t) for t, _ in PDF_QUEUE]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for tmp, target in PDF_QUEUE:
        produced = STAGING / "pdf" / (tmp.stem + ".pdf")
        if not produced.exists():
            raise SystemExit(f"LibreOffice did not convert {target.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), target)
        normalize_pdf(target)
        tmp.unlink()


# --------------------------------------------------------------------------- XLSX helpers

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")


def new_wb() -> Workbook:
    wb = Workbook()
    return wb


def sheet(
    wb,
    name: str,
    header: list[str],
    rows: list[list],
    widths: list[int] | None = None,
    title: str | None = None,
    first: bool = False,
):
    """Fill a worksheet: optional merged title row, a bold header row, then rows."""
    ws = wb.active if first else wb.create_sheet()
    ws.title = name
    r0 = 1
    if title:
        ws.cell(1, 1, title).font = Font(bold=True, size=12)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        r0 = 2
    for c, text in enumerate(header, 1):
        cell = ws.cell(r0, c, text)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(rows, r0 + 1):
        for c, value in enumerate(row, 1):
            cell = ws.cell(r, c, value)
            cell.border = BORDER
            if isinstance(value, dt.date):
                cell.number_format = "DD.MM.YYYY"
    for c, w in enumerate(widths or [], 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(r0 + 1, 1)
    return ws


def save_xlsx(wb, rel: str, title: str, author: str = "БСМЖАБ") -> None:
    props = wb.properties
    props.title = title
    props.creator = author
    props.lastModifiedBy = author
    props.description = SAMPLE_NOTE
    props.keywords = "selfassess; sample"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    path = EVIDENCE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    normalize_zip(path)


def save_csv(rel: str, header: list[str], rows: list[list], encoding="utf-8", delimiter=",") -> None:
    path = EVIDENCE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


# --------------------------------------------------------------------------- people

SURNAMES_M = [
    "Асанов",
    "Жумабаев",
    "Мамытов",
    "Сыдыков",
    "Турдубаев",
    "Кадыров",
    "Усенов",
    "Абдыкадыров",
    "Токтогулов",
    "Бейшеналиев",
    "Осмонов",
    "Алымкулов",
    "Эсенгулов",
    "Касымов",
    "Орозбеков",
    "Сатыбалдиев",
    "Жээнбеков",
    "Исаков",
    "Кубанычбеков",
    "Мукашев",
    "Садыков",
    "Тойчуев",
    "Шаршеев",
    "Иманалиев",
]
SURNAMES_F = [
    "Асанова",
    "Бакиева",
    "Токтогулова",
    "Осмонова",
    "Абдыкадырова",
    "Эсенгулова",
    "Алымкулова",
    "Бейшеналиева",
    "Жумабаева",
    "Мамбетова",
    "Сулайманова",
    "Касымова",
    "Орозбаева",
    "Иманалиева",
    "Турдубаева",
    "Сыдыкова",
    "Кадырова",
    "Ибраимова",
    "Иванова",
    "Ким",
    "Петрова",
    "Шамшиева",
    "Нурманбетова",
    "Чыныбаева",
]
INITIALS = "АБГДЖКМНРСТУЭ"


def person(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES_M if rng.random() < 0.45 else SURNAMES_F)
    return f"{surname} {rng.choice(INITIALS)}.{rng.choice(INITIALS)}."


# =========================================================================== policies


def qa_policy() -> None:
    doc = new_doc()
    control_header(doc, "Билим берүүнүн сапатын камсыз кылуу саясаты", "КНУ.СМК-СА.01", "2.0 версиясы", "28.08.2025")
    approval(
        doc,
        ["«БЕКИТЕМ»", "Жусуп Баласагын атындагы КУУнун ректору", f"_____________ {RECTOR}", "2025-жылдын 28-августу"],
    )
    render(
        doc,
        [
            (
                "c",
                "ЖУСУП БАЛАСАГЫН АТЫНДАГЫ КЫРГЫЗ УЛУТТУК УНИВЕРСИТЕТИНИН БИЛИМ БЕРҮҮНҮН САПАТЫН КАМСЫЗ КЫЛУУ САЯСАТЫ",
            ),
            ("cn", "КНУ.СМК-СА.01, 2.0 версиясы"),
            ("h", "1. Жалпы жоболор"),
            "1.1. Бул саясат Жусуп Баласагын атындагы Кыргыз улуттук университетинин (мындан ары — КУУ) "
            "билим берүүнүн сапатын камсыз кылуу жаатындагы негизги принциптерин, максаттарын жана "
            "милдеттенмелерин аныктайт. Саясат КУУнун миссиясына, 2023–2027-жылдарга өнүктүрүү "
            "стратегиясына, «Билим берүү жөнүндө» Кыргыз Республикасынын Мыйзамына, Кыргыз Республикасынын "
            "Өкмөтүнүн 2015-жылдын 29-сентябрындагы № 670 токтому менен бекитилген минималдык талаптарга "
            "жана Европалык жогорку билим берүү мейкиндигинде сапатты камсыз кылуунун стандарттарына жана "
            "көрсөтмөлөрүнө (ESG 2015) негизделет.",
            "1.2. Саясат университеттин бардык түзүмдүк бөлүмдөрүнө, профессордук-окутуучулук курамга, "
            "окуу-көмөкчү персоналга жана билим алуучуларга жайылтылат. Саясаттын талаптары ички "
            "жоболордо, регламенттерде жана жылдык иш пландарында ачылып берилет.",
            ("h", "2. Миссия жана сапат жаатындагы максаттар"),
            "2.1. КУУнун миссиясы — улуттук жана дүйнөлүк илимдин жетишкендиктерине таянып, Кыргыз "
            "Республикасынын туруктуу өнүгүүсүнө салым кошо турган, атаандаштыкка жөндөмдүү, ак ниеттүү жана "
            "жоопкерчиликтүү адистерди даярдоо, ошондой эле мамлекеттик тилди жана улуттук маданиятты "
            "өнүктүрүүгө көмөктөшүү.",
            "2.2. Сапат жаатындагы стратегиялык максаттар төмөнкүлөр:",
            (
                "ul",
                [
                    "билим берүү программаларынын мазмунун эмгек рыногунун жана коомдун муктаждыктарына "
                    "шайкеш келтирүү, иш берүүчүлөрдү программаларды иштеп чыгууга тартуу;",
                    "студентке багытталган окутууну, баалоонун ачык-айкын жана калыс жол-жоболорун камсыз кылуу;",
                    "профессордук-окутуучулук курамдын квалификациясын үзгүлтүксүз жогорулатуу;",
                    "окуу ресурстарын, электрондук окутуу чөйрөсүн жана студенттерди колдоо кызматтарын өнүктүрүү;",
                    "башкаруучулук чечимдерди ишенимдүү маалыматтардын жана көрсөткүчтөрдүн негизинде кабыл алуу;",
                    "университеттин ишмердүүлүгү жөнүндө толук жана так маалыматты ачык жарыялоо.",
                ],
            ),
            ("h", "3. Сапатты камсыз кылуунун принциптери"),
            "3.1. КУУ сапатты камсыз кылууда академиялык эркиндикти жана академиялык чынчылдыкты, бардык "
            "кызыкдар тараптардын катышуусун, далилдүүлүктү, ачык-айкындуулукту жана «пландоо — аткаруу — "
            "текшерүү — аракеттенүү» циклине негизделген үзгүлтүксүз жакшыртууну жетекчиликке алат.",
            "3.2. Сапат маданияты ар бир кызматкердин жана студенттин жеке жоопкерчилиги катары "
            "калыптандырылат. Университет академиялык чынчылдыкты бузуунун, анын ичинде плагиаттын "
            "бардык түрлөрүнө жол бербейт.",
            ("h", "4. Жоопкерчиликтерди бөлүштүрүү"),
            (
                "t",
                ["Катышуучу", "Сапатты камсыз кылуудагы ролу"],
                [
                    ["Окумуштуулар кеңеши", "Саясатты бекитет, анын аткарылышы жөнүндө жылдык отчетту карайт"],
                    ["Ректор, биринчи проректор", "Сапат боюнча жетекчиликтин жоопкерчилиги; ресурстарды бөлүү"],
                    ["БСБСД", "Сапатты башкаруу системасын координациялайт, документтерди жүргүзөт"],
                    ["БСМЖАБ", "Мониторинг, ички аудит, сурамжылоолор, аналитикалык отчеттор"],
                    ["Факультеттер жана кафедралар", "Билим берүү программаларынын сапаты жана аларды кайра кароо"],
                    ["Студенттик кеңеш, иш берүүчүлөр", "Сапат боюнча кеңештин курамында катышуу, кайтарым байланыш"],
                ],
                [6, 10.5],
            ),
            ("h", "5. Саясатты ишке ашыруу жана кайра кароо"),
            "5.1. Саясат сапат боюнча жылдык иш-чаралар планы, ички аудиттердин программасы жана "
            "кызыкдар тараптарды сурамжылоонун графиги аркылуу ишке ашырылат.",
            "5.2. Саясаттын аткарылышы жыл сайын БСМЖАБдын мониторинг боюнча отчетунун негизинде бааланат "
            "жана Окумуштуулар кеңешинде каралат. Саясат беш жылда кеминде бир жолу, ошондой эле "
            "университеттин миссиясы же мыйзамдар олуттуу өзгөргөн учурда кайра каралат.",
            "5.3. Саясат университеттин расмий сайтында кыргыз, орус жана англис тилдеринде жарыяланат.",
            ("i", "Окумуштуулар кеңешинин 2025-жылдын 28-августундагы № 1 токтому менен бекитилген."),
            ("sign", "БСБСДнын директору", "Н.Т. Асанова"),
        ],
    )
    save_docx(doc, "policies/qa-policy.docx", "Билим берүүнүн сапатын камсыз кылуу саясаты", "ky", "БСБСД")
    reg(
        "Билим берүүнүн сапатын камсыз кылуу саясаты (КНУ.СМК-СА.01, 2.0 версиясы)",
        "policies/qa-policy.docx",
        "policy",
        "БСБСД",
        "28.08.2025",
        "ky",
        ["esg2015:1.1", "kg-minreq:1.4"],
        valid_until="28.08.2030",
        note="Окумуштуулар кеңешинин 2025-ж. 28-августундагы №1 токтому менен бекитилген",
    )


def bsmjab_regulation() -> None:
    doc = new_doc()
    control_header(
        doc,
        "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө жобо",
        "КНУ.СМК-СП.01",
        "0.1 версиясы",
        "19.01.2026",
    )
    approval(doc, ["«БЕКИТЕМ»", "Жусуп Баласагын атындагы КУУнун ректору", f"_____________ {RECTOR}", "2026-ж."])
    render(
        doc,
        [
            ("c", "ЖОБО"),
            ("c", "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө"),
            ("cn", "КУУнун түзүмдүк бөлүмү жөнүндө жобо"),
            (
                "r",
                "«Макулдашылган»: Окуу-методикалык кеңештин төрагасы А.Б. Шамшиев, "
                "2026-жылдын 19-январындагы № 3 протокол",
            ),
            ("h", "1. Максаты жана колдонуу чөйрөсү"),
            "1.1. Бул жобо Жусуп Баласагын атындагы Кыргыз улуттук университетинин (мындан ары — КУУ) ички "
            "нормативдик документи болуп саналат жана билим берүүнүн сапатына мониторинг жүргүзүү жана аудит "
            "бөлүмүнүн (мындан ары — БСМЖАБ) укуктук статусун, максаттарын, милдеттерин, функцияларын, "
            "укуктарын жана жоопкерчилигин, ошондой эле башка түзүмдүк бөлүмдөр менен өз ара аракеттенүү "
            "тартибин аныктайт.",
            "1.2. БСМЖАБ КУУнун билим берүүнүн сапатын башкаруу системасы департаментинин (мындан ары — "
            "БСБСД) түзүмдүк бөлүмү болуп саналат жана анын директоруна баш ийет.",
            "1.3. Бөлүмдүн иш алкагы төмөнкү багыттарды камтыйт: академиялык билим берүүнүн сапаты; "
            "окутуунун сапаты; билим берүү ресурстары жана инфраструктура; билим берүү процессиндеги "
            "катышуучулардын канааттануусу; рейтингдер жана натыйжалуулук көрсөткүчтөрү менен иштөө; "
            "кошумча билим берүү программаларынын сапаты; билим берүүнүн сапатын башкаруу системасын "
            "координациялоо.",
            ("h", "2. Негизги максаттары жана милдеттери"),
            (
                "ul",
                [
                    "КУУда билим берүүнүн сапатын ички баалоо жана контролдоо тутумунун үзгүлтүксүз иштешин "
                    "жана өнүгүшүн камсыз кылуу;",
                    "билим берүү процесстерине мониторинг жана аудит жүргүзүү аркылуу шайкеш келбестиктерди, "
                    "тобокелдиктерди жана жакшыртуунун багыттарын аныктоо;",
                    "башкаруучулук чечимдерди кабыл алууда жетекчиликти маалыматтык-аналитикалык жактан колдоо;",
                    "университетте сапат маданиятын калыптандырууга көмөктөшүү.",
                ],
            ),
            ("h", "3. Негизги функциялары"),
            "3.1. Бөлүм бардык даярдык деңгээлдеринде билим берүүнүн сапатына системалуу мониторинг "
            "жүргүзөт, ички аудитти пландайт жана өткөрөт, билим берүү программаларын ишке ашыруунун "
            "натыйжалуулугун талдайт, студенттердин, окутуучулардын, бүтүрүүчүлөрдүн жана иш берүүчүлөрдүн "
            "арасында сурамжылоолорду уюштурат.",
            "3.2. Бөлүм университетти аккредитациялоо жана текшерүү жол-жоболоруна даярдоого катышат, "
            "документтерди чогултат жана текшерет, эксперттер менен өз ара аракеттенет жана өзүн-өзү баалоо "
            "процесстерин коштойт. Бөлүм сапат боюнча маалымат базасын жана аудит материалдарынын архивин "
            "жүргүзөт.",
            ("h", "4. Өз ара аракеттенүү"),
            "4.1. БСМЖАБ институттар, колледждер, факультеттер жана кафедралар, окуу бөлүмү, кадрлар бөлүмү, "
            "электрондук билим берүү технологиялары бөлүмү, карьера борбору, аккредитациялоо жана "
            "лицензиялоо бөлүмү, юридикалык бөлүм жана окумуштуулар кеңеши менен өз ара аракеттенет.",
            ("h", "5. Квалификациялык талаптар"),
            "5.1. БСМЖАБдын кызматкерлери жогорку кесиптик билимге, жогорку окуу жайында кеминде бир жылдык "
            "иш тажрыйбасына, аналитикалык иш жүргүзүү көндүмдөрүнө ээ болушу жана бөлүмдүн ишине тиешелүү "
            "нормативдик-укуктук документтерди билиши керек.",
            ("h", "Иштеп чыгуучулар"),
            (
                "t",
                ["Кызматы", "Аты-жөнү", "Кол тамгасы", "Күнү"],
                [
                    ["БСМЖАБдын башчысы", "Кемелгазыева Г.К.", "", "19.01.2026"],
                    ["БСМЖАБдын башкы адиси", "Орозакунова М.К.", "", "19.01.2026"],
                    ["Жетектөөчү адис", "Караева С.Д.", "", "19.01.2026"],
                ],
                [6, 5, 3, 2.5],
            ),
        ],
    )
    save_pdf(
        doc,
        "policies/bsmjab-regulation.pdf",
        "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө жобо",
        "ky",
    )
    reg(
        "БСМЖАБ жөнүндө жобо (КНУ.СМК-СП.01, 0.1 версиясы)",
        "policies/bsmjab-regulation.pdf",
        "policy",
        "БСМЖАБ",
        "19.01.2026",
        "ky",
        ["kg-minreq:1.5", "knu-bsmjab:1.4.7"],
        note="Окуу-методикалык кеңеште макулдашылган, 2026-ж. 19-январындагы №3 протокол",
    )


def assessment_regulation() -> None:
    doc = new_doc()
    control_header(
        doc,
        "Положение о текущем контроле и промежуточной аттестации студентов",
        "КНУ.СМК-П.07",
        "Версия 3.0",
        "30.08.2024",
        lang="ru",
    )
    approval(doc, ["«УТВЕРЖДАЮ»", "Ректор КНУ им. Ж. Баласагына", f"_____________ {RECTOR}", "«30» августа 2024 г."])
    render(
        doc,
        [
            ("c", "ПОЛОЖЕНИЕ\nо текущем контроле успеваемости и промежуточной аттестации студентов"),
            ("h", "1. Общие положения"),
            "1.1. Настоящее Положение устанавливает порядок организации текущего контроля успеваемости, "
            "рубежного контроля (модулей) и промежуточной аттестации студентов, обучающихся по программам "
            "бакалавриата, специалитета и магистратуры в Кыргызском национальном университете имени "
            "Жусупа Баласагына (далее — КНУ), по кредитной технологии обучения.",
            "1.2. Положение разработано в соответствии с Законом Кыргызской Республики «Об образовании», "
            "нормативными актами уполномоченного органа в сфере образования о кредитной технологии обучения "
            "и Политикой КНУ в области обеспечения качества образования.",
            ("h", "2. Балльно-рейтинговая система"),
            "2.1. Освоение каждой дисциплины оценивается по 100-балльной шкале. Текущий и рубежный "
            "контроль в течение семестра дают не более 60 баллов, итоговый контроль (экзамен) — не более 40 "
            "баллов. Студент, набравший в течение семестра менее 31 балла, к экзамену не допускается.",
            "2.2. Критерии оценивания, веса контрольных мероприятий и сроки их проведения доводятся до "
            "сведения студентов на первом занятии и публикуются в силлабусе дисциплины и в системе "
            "электронного обучения.",
            (
                "t",
                ["Баллы", "Буквенная оценка", "Традиционная оценка"],
                [
                    ["87–100", "A", "отлично (5)"],
                    ["80–86", "B", "хорошо (4)"],
                    ["74–79", "C", "хорошо (4)"],
                    ["68–73", "D", "удовлетворительно (3)"],
                    ["61–67", "E", "удовлетворительно (3)"],
                    ["0–60", "F", "неудовлетворительно (2)"],
                ],
                [4, 4, 6],
            ),
            ("h", "3. Промежуточная аттестация и апелляция"),
            "3.1. Экзамены проводятся в письменной, устной или компьютерной форме по билетам и тестам, "
            "утверждённым на заседании кафедры. Не менее 30 % экзаменационных заданий обновляются ежегодно.",
            "3.2. Студент вправе подать апелляцию в течение одного рабочего дня после объявления результатов. "
            "Апелляционная комиссия факультета рассматривает заявление в течение трёх рабочих дней; решение "
            "оформляется протоколом.",
            "3.3. Повторная сдача экзамена допускается не более двух раз; вторая пересдача принимается "
            "комиссией. Результаты аттестации анализируются отделом мониторинга качества образования и аудита "
            "(БСМЖАБ) по каждой программе и доводятся до сведения деканов.",
            ("sign", "Начальник учебного отдела", "Б.А. Сыдыков"),
        ],
    )
    save_docx(
        doc,
        "policies/assessment-regulation.docx",
        "Положение о текущем контроле и промежуточной аттестации студентов",
        "ru",
        "Окуу бөлүмү",
    )
    reg(
        "Положение о текущем контроле успеваемости и промежуточной аттестации студентов (КНУ.СМК-П.07)",
        "policies/assessment-regulation.docx",
        "policy",
        "Окуу бөлүмү",
        "30.08.2024",
        "ru",
        ["esg2015:1.3"],
    )


def programme_regulation() -> None:
    doc = new_doc()
    control_header(
        doc,
        "Положение о разработке, утверждении и пересмотре образовательных программ",
        "КНУ.СМК-П.04",
        "Версия 2.1",
        "26.06.2025",
        lang="ru",
    )
    approval(doc, ["«УТВЕРЖДАЮ»", "Ректор КНУ им. Ж. Баласагына", f"_____________ {RECTOR}", "«26» июня 2025 г."])
    render(
        doc,
        [
            (
                "c",
                "ПОЛОЖЕНИЕ\nо разработке, утверждении, мониторинге и периодическом пересмотре "
                "основных профессиональных образовательных программ",
            ),
            ("h", "1. Назначение"),
            "1.1. Положение определяет единый порядок проектирования основных профессиональных "
            "образовательных программ (ОПОП, кырг. НКББП) высшего профессионального образования КНУ, их "
            "согласования с работодателями, утверждения, ежегодного мониторинга и периодического пересмотра.",
            ("h", "2. Разработка программы"),
            "2.1. Программу разрабатывает рабочая группа выпускающей кафедры, в состав которой включаются "
            "не менее одного представителя работодателей и одного студента старшего курса. Программа "
            "проектируется от результатов обучения: результаты формулируются в соответствии с "
            "государственным образовательным стандартом (ГОС), миссией КНУ и профессиональными стандартами.",
            "2.2. Пакет программы включает паспорт ОПОП, матрицу компетенций и результатов обучения, "
            "учебный план, силлабусы дисциплин, программы практик и итоговой государственной аттестации, "
            "а также сведения о кадровом и ресурсном обеспечении.",
            ("h", "3. Экспертиза и утверждение"),
            "3.1. Проект программы проходит внутреннюю экспертизу в БСМЖАБ (соответствие ГОС и требованиям "
            "к документации) и внешнюю рецензию работодателя. Программа рассматривается учебно-методической "
            "комиссией факультета, Учебно-методическим советом КНУ и утверждается Учёным советом.",
            ("h", "4. Мониторинг и пересмотр"),
            "4.1. Ежегодно выпускающая кафедра готовит отчёт о реализации программы: набор и контингент, "
            "успеваемость и отсев, результаты анкетирования студентов и выпускников, трудоустройство, "
            "рекомендации работодателей. Отчёт обсуждается на заседании кафедры с участием студентов.",
            "4.2. Полный пересмотр программы проводится не реже одного раза в пять лет, а также при "
            "изменении ГОС. Изменения вносятся в учебный план до 1 июня для набора следующего года.",
            ("sign", "Директор ДУСКО (БСБСД)", "Н.Т. Асанова"),
        ],
    )
    save_docx(
        doc,
        "policies/programme-development-regulation.docx",
        "Положение о разработке и пересмотре образовательных программ",
        "ru",
        "БСБСД",
    )
    reg(
        "Положение о разработке, утверждении, мониторинге и пересмотре ОПОП (КНУ.СМК-П.04)",
        "policies/programme-development-regulation.docx",
        "policy",
        "БСБСД",
        "26.06.2025",
        "ru",
        ["esg2015:1.2"],
    )


def admission_rules() -> None:
    doc = new_doc()
    approval(doc, ["«БЕКИТЕМ»", "КУУнун ректору", f"_____________ {RECTOR}", "2026-жылдын 20-марты"])
    render(
        doc,
        [
            (
                "c",
                "Жусуп Баласагын атындагы Кыргыз улуттук университетине 2026–2027-окуу жылына "
                "студенттерди кабыл алуунун ЭРЕЖЕЛЕРИ",
            ),
            ("h", "1. Жалпы жоболор"),
            "1.1. Бул Эрежелер Жусуп Баласагын атындагы Кыргыз улуттук университетине (мындан ары — КУУ) "
            "бакалавриаттын, адистиктин жана магистратуранын билим берүү программаларына окууга кабыл алуунун "
            "тартибин жөнгө салат жана Кыргыз Республикасынын жогорку окуу жайларына кабыл алуунун типтүү "
            "эрежелеринин негизинде иштелип чыккан.",
            "1.2. Бакалавриатка кабыл алуу жалпы республикалык тестирлөөнүн (ЖРТ) жыйынтыктарынын негизинде "
            "онлайн-каттоо аркылуу ачык конкурс менен жүргүзүлөт. Мамлекеттик бюджеттин эсебинен окуу "
            "орундары ЖРТнын босого баллынан жогору балл алган талапкерлердин арасында бөлүштүрүлөт.",
            ("h", "2. Кабыл алуу комиссиясы"),
            "2.1. Кабыл алуу комиссиясын ректор жетектейт. Комиссиянын курамы ректордун буйругу менен "
            "бекитилет. Комиссия талапкерлердин документтерин кабыл алат, конкурстун жүрүшү жөнүндө маалыматты "
            "университеттин сайтында күн сайын жарыялап турат жана апелляцияларды карайт.",
            ("h", "3. Конкурстун тартиби"),
            "3.1. Талапкер бир эле учурда үчтөн ашпаган багытка арыз бере алат. Балдары бирдей болгон учурда "
            "предметтик тесттердин жыйынтыгы жана мектепти артыкчылык менен бүтүргөнү эске алынат.",
            "3.2. Магистратурага кабыл алуу чет тили боюнча тесттин жана адистик боюнча кирүү сынагынын "
            "жыйынтыгында жүргүзүлөт. Сынактын программалары кабыл алуу башталганга чейин бир ай мурун "
            "жарыяланат.",
            (
                "t",
                ["Даярдык деңгээли", "Документтерди кабыл алуу мөөнөтү", "Студенттердин катарына кабыл алуу"],
                [
                    ["Бакалавриат (бюджет)", "2026-ж. 1-июлу — 5-августу", "25-августка чейин"],
                    ["Бакалавриат (контракт)", "2026-ж. 1-июлу — 20-августу", "30-августка чейин"],
                    ["Магистратура", "2026-ж. 15-июну — 10-августу", "25-августка чейин"],
                ],
                [5, 6, 5],
            ),
            ("i", "Окумуштуулар кеңешинин 2026-жылдын 19-мартындагы № 7 токтому менен кабыл алынган."),
        ],
    )
    save_pdf(
        doc,
        "policies/admission-rules-2026.pdf",
        "2026–2027-окуу жылына кабыл алуунун эрежелери",
        "ky",
        "Кабыл алуу комиссиясы",
    )
    reg(
        "2026–2027-окуу жылына студенттерди кабыл алуунун эрежелери",
        "policies/admission-rules-2026.pdf",
        "policy",
        "Кабыл алуу комиссиясы",
        "20.03.2026",
        "ky",
        ["esg2015:1.4"],
    )


def staff_competition_regulation() -> None:
    doc = new_doc()
    approval(doc, ["«УТВЕРЖДАЮ»", "Ректор КНУ им. Ж. Баласагына", f"_____________ {RECTOR}", "«15» мая 2024 г."])
    render(
        doc,
        [
            ("c", "ПОЛОЖЕНИЕ\nо порядке замещения должностей профессорско-преподавательского состава"),
            ("h", "1. Общие положения"),
            "1.1. Положение определяет порядок конкурсного отбора и избрания на должности профессорско-"
            "преподавательского состава (ППС) КНУ: ассистента, преподавателя, старшего преподавателя, "
            "доцента, профессора, заведующего кафедрой. Трудовые договоры с ППС заключаются по результатам "
            "конкурса на срок до пяти лет.",
            ("h", "2. Квалификационные требования"),
            "2.1. Претендент на должность доцента должен иметь учёную степень кандидата (доктора PhD) наук "
            "или учёное звание доцента, стаж научно-педагогической работы не менее трёх лет и публикации в "
            "рецензируемых изданиях за последние пять лет. Профиль учёной степени должен соответствовать "
            "преподаваемым дисциплинам.",
            "2.2. Все работники ППС проходят повышение квалификации не реже одного раза в три года в объёме "
            "не менее 72 часов, включая модуль по педагогике высшей школы и цифровым образовательным "
            "технологиям.",
            ("h", "3. Процедура конкурса"),
            "3.1. Объявление о конкурсе публикуется на сайте КНУ не менее чем за один месяц до даты "
            "проведения. Кафедра заслушивает открытую лекцию претендента и даёт рекомендацию; решение "
            "принимает Учёный совет факультета тайным голосованием.",
            "3.2. При избрании учитываются результаты рейтинга преподавателя и анкетирования «Преподаватель "
            "глазами студентов», проводимого БСМЖАБ.",
            ("sign", "Начальник отдела кадров", "Г.С. Мамбетова"),
        ],
    )
    save_docx(
        doc,
        "policies/staff-competition-regulation.docx",
        "Положение о порядке замещения должностей ППС",
        "ru",
        "Кадрлар бөлүмү",
    )
    reg(
        "Положение о порядке замещения должностей профессорско-преподавательского состава",
        "policies/staff-competition-regulation.docx",
        "policy",
        "Кадрлар бөлүмү",
        "15.05.2024",
        "ru",
        ["esg2015:1.5"],
    )


def integrity_policy() -> None:
    doc = new_doc()
    control_header(doc, "Академиялык чынчылдык жөнүндө жобо", "КНУ.СМК-П.11", "1.0 версиясы", "27.12.2024")
    approval(doc, ["«БЕКИТЕМ»", "КУУнун ректору", f"_____________ {RECTOR}", "2024-жылдын 27-декабры"])
    render(
        doc,
        [
            ("c", "АКАДЕМИЯЛЫК ЧЫНЧЫЛДЫК ЖӨНҮНДӨ ЖОБО"),
            ("h", "1. Жалпы жоболор"),
            "1.1. Бул жобо КУУнун студенттеринин, магистранттарынын, аспиранттарынын жана кызматкерлеринин "
            "окуу жана илимий ишмердүүлүгүндөгү академиялык чынчылдыктын принциптерин, аны бузуунун түрлөрүн "
            "жана жоопкерчиликти аныктайт.",
            "1.2. Академиялык эркиндик — окутуучунун окутуунун мазмунун жана ыкмаларын өз алдынча тандоо, "
            "илимий изилдөөлөрдү жүргүзүү жана алардын жыйынтыктарын жарыялоо укугу — университеттин "
            "Уставы жана бул жобо менен корголот.",
            ("h", "2. Академиялык чынчылдыкты бузуунун түрлөрү"),
            (
                "ul",
                [
                    "плагиат — башка адамдын текстин, идеясын же маалыматтарын булагын көрсөтпөй пайдалануу;",
                    "маалыматтарды ойдон чыгаруу же бурмалоо;",
                    "көчүрүп алуу жана экзамендерде уруксат берилбеген каражаттарды колдонуу;",
                    "башка адамдын ордуна тапшырма аткаруу же аттестациядан өтүү;",
                    "жасалма документтерди берүү жана баа коюуга мыйзамсыз таасир көрсөтүү.",
                ],
            ),
            ("h", "3. Алдын алуу жана текшерүү"),
            "3.1. Бүтүрүү квалификациялык иштери, магистрдик диссертациялар жана илимий макалалар "
            "плагиатка текшерүү системасы аркылуу милдеттүү түрдө текшерилет. Бакалаврдык иштер үчүн "
            "оригиналдуулуктун минималдык деңгээли — 70 %, магистрдик диссертациялар үчүн — 80 %.",
            "3.2. Академиялык чынчылдык боюнча комиссия арыздарды 10 жумуш күнүнүн ичинде карайт. "
            "Комиссиянын курамына окутуучулар жана студенттик кеңештин өкүлү кирет.",
            ("h", "4. Жоопкерчилик"),
            "4.1. Бузуунун оордугуна жараша эскертүү, ишти кайра аткаруу, баа жокко чыгаруу же "
            "университеттен чыгаруу чаралары колдонулат. Чечимге студент беш жумуш күнүнүн ичинде даттана алат.",
            ("sign", "БСБСДнын директору", "Н.Т. Асанова"),
        ],
    )
    save_docx(doc, "policies/academic-integrity-policy.docx", "Академиялык чынчылдык жөнүндө жобо", "ky", "БСБСД")
    reg(
        "Академиялык чынчылдык жөнүндө жобо (КНУ.СМК-П.11)",
        "policies/academic-integrity-policy.docx",
        "policy",
        "БСБСД",
        "27.12.2024",
        "ky",
        ["kg-minreq:1.7"],
    )


def data_regulation() -> None:
    doc = new_doc()
    control_header(
        doc,
        "Регламент сбора и анализа данных о качестве образования",
        "КНУ.СМК-Р.03",
        "Версия 1.0",
        "12.02.2026",
        lang="ru",
    )
    approval(
        doc, ["«УТВЕРЖДАЮ»", "Первый проректор по учебной работе", "_____________ А.Б. Шамшиев", "«12» февраля 2026 г."]
    )
    render(
        doc,
        [
            ("c", "РЕГЛАМЕНТ\nсбора, хранения и анализа данных о качестве образования"),
            ("h", "1. Цель"),
            "1.1. Регламент устанавливает перечень наборов данных, которые структурные подразделения КНУ "
            "предоставляют отделу мониторинга качества образования и аудита (БСМЖАБ), сроки и форматы их "
            "передачи, а также правила хранения и защиты персональных данных.",
            ("h", "2. Наборы данных и поставщики"),
            (
                "t",
                ["Набор данных", "Поставщик", "Срок", "Формат"],
                [
                    ["Контингент студентов", "Учебный отдел", "до 10 октября и 10 марта", "CSV/XLSX"],
                    ["Успеваемость по дисциплинам", "Учебный отдел", "через 10 дней после сессии", "CSV"],
                    ["Список ППС, ставки, степени", "Отдел кадров", "до 1 октября", "XLSX"],
                    ["Повышение квалификации", "Отдел кадров, ИПК", "ежеквартально", "XLSX"],
                    ["Активность в LMS", "Отдел электронного обучения", "ежемесячно", "CSV"],
                    ["Трудоустройство выпускников", "Центр карьеры", "до 1 ноября", "XLSX"],
                    ["Площади и оснащение", "Административно-хозяйственный отдел", "до 15 января", "XLSX"],
                    ["Библиотечный фонд", "Научная библиотека", "до 1 октября", "XLSX"],
                ],
                [5, 4.5, 4, 2.5],
            ),
            ("h", "3. Качество и защита данных"),
            "3.1. Поставщик отвечает за полноту и достоверность данных. БСМЖАБ проверяет данные на "
            "полноту, дубликаты и согласованность с данными прошлых периодов и в течение пяти рабочих "
            "дней сообщает поставщику о выявленных расхождениях.",
            "3.2. Персональные данные студентов и работников передаются в обезличенном виде; ключи "
            "сопоставления хранятся в подразделении-поставщике. Доступ к базе данных качества имеют только "
            "работники БСМЖАБ и БСБСД.",
            "3.3. Результаты анализа публикуются в ежегодном отчёте о мониторинге качества образования и на "
            "внутреннем портале КНУ.",
            ("sign", "Начальник БСМЖАБ", "Г.К. Кемелгазыева"),
        ],
    )
    save_docx(
        doc, "policies/data-collection-regulation.docx", "Регламент сбора и анализа данных о качестве образования", "ru"
    )
    reg(
        "Регламент сбора, хранения и анализа данных о качестве образования (КНУ.СМК-Р.03)",
        "policies/data-collection-regulation.docx",
        "policy",
        "БСМЖАБ",
        "12.02.2026",
        "ru",
        ["esg2015:1.7", "kg-minreq:1.4"],
    )


def qms_register() -> None:
    wb = new_wb()
    rows = [
        [
            "КНУ.СМК-СА.01",
            "Билим берүүнүн сапатын камсыз кылуу саясаты",
            "2.0",
            d("28.08.2025"),
            "БСБСД",
            "Колдонулат",
            d("28.08.2030"),
        ],
        ["КНУ.СМК-СП.01", "БСМЖАБ жөнүндө жобо", "0.1", d("19.01.2026"), "БСМЖАБ", "Колдонулат", d("19.01.2029")],
        [
            "КНУ.СМК-П.04",
            "Положение о разработке и пересмотре ОПОП",
            "2.1",
            d("26.06.2025"),
            "БСБСД",
            "Колдонулат",
            d("26.06.2028"),
        ],
        [
            "КНУ.СМК-П.07",
            "Положение о текущем контроле и промежуточной аттестации",
            "3.0",
            d("30.08.2024"),
            "Окуу бөлүмү",
            "Колдонулат",
            d("30.08.2027"),
        ],
        [
            "КНУ.СМК-П.07",
            "Положение о текущем контроле и промежуточной аттестации",
            "2.0",
            d("01.09.2021"),
            "Окуу бөлүмү",
            "Жокко чыгарылган",
            None,
        ],
        [
            "КНУ.СМК-П.11",
            "Академиялык чынчылдык жөнүндө жобо",
            "1.0",
            d("27.12.2024"),
            "БСБСД",
            "Колдонулат",
            d("27.12.2027"),
        ],
        [
            "КНУ.СМК-Р.03",
            "Регламент сбора и анализа данных о качестве образования",
            "1.0",
            d("12.02.2026"),
            "БСМЖАБ",
            "Колдонулат",
            d("12.02.2029"),
        ],
        [
            "КНУ.СМК-Р.05",
            "Ички аудит жүргүзүү регламенти",
            "1.2",
            d("14.11.2025"),
            "БСМЖАБ",
            "Колдонулат",
            d("14.11.2028"),
        ],
        [
            "КНУ.СМК-Р.06",
            "Корректирующие и предупреждающие действия",
            "1.0",
            d("14.11.2025"),
            "БСМЖАБ",
            "Колдонулат",
            d("14.11.2028"),
        ],
        [
            "КНУ.СМК-П.12",
            "Положение о Совете по качеству",
            "1.0",
            d("02.10.2025"),
            "БСБСД",
            "Колдонулат",
            d("02.10.2028"),
        ],
        [
            "КНУ.СМК-П.15",
            "Студенттерди сурамжылоо жөнүндө жобо",
            "1.1",
            d("01.04.2026"),
            "БСМЖАБ",
            "Колдонулат",
            d("01.04.2029"),
        ],
        [
            "КНУ.СМК-Р.08",
            "Регламент управления документированной информацией СМК",
            "1.0",
            d("05.03.2025"),
            "БСБСД",
            "Кайра каралууда",
            d("05.03.2028"),
        ],
    ]
    sheet(
        wb,
        "Документтер",
        ["Коду", "Аталышы", "Версиясы", "Бекитилген күнү", "Ээси", "Абалы", "Кийинки кайра кароо"],
        rows,
        [16, 58, 10, 15, 14, 18, 18],
        title="СБС документтеринин реестри (2026-жылдын 1-ноябрына карата)",
        first=True,
    )
    save_xlsx(wb, "policies/qms-documents-register.xlsx", "СБС документтеринин реестри", "БСБСД")
    reg(
        "Сапатты башкаруу системасынын документтеринин реестри",
        "policies/qms-documents-register.xlsx",
        "dataset",
        "БСБСД",
        "01.11.2026",
        "ky",
        ["kg-minreq:1.4"],
    )


# =========================================================================== orders


def order_internal_audit() -> None:
    doc = new_doc()
    letterhead(doc, "ky", "БУЙРУК", "2026-жылдын 3-марты № 45")
    render(
        doc,
        [
            ("c", "2026-жылы билим берүүнүн сапатына ички аудит өткөрүү жөнүндө"),
            "КУУнун билим берүүнүн сапатын камсыз кылуу саясатына, Билим берүүнүн сапатына мониторинг "
            "жүргүзүү жана аудит бөлүмү жөнүндө жобонун 5.2-пунктуна жана БСМЖАБдын 2026-жылга иш планына "
            "ылайык, билим берүү программаларынын мамлекеттик билим берүү стандарттарына, ички ченемдик "
            "актыларга жана тышкы аккредитациялоо критерийлерине шайкештигин текшерүү максатында",
            ("c", "БУЙРУК КЫЛАМ:"),
            (
                "ol",
                [
                    "2026-жылдын 16-мартынан 17-апрелине чейин төмөндөгү графикке ылайык ички аудит өткөрүлсүн.",
                    "Ички аудиттин жетекчиси болуп БСМЖАБдын башчысы Г.К. Кемелгазыева дайындалсын.",
                    "Факультеттердин декандары аудиторлорго окуу пландарын, силлабустарды, окуу-усулдук "
                    "комплекстерди, кафедралардын жыйындарынын протоколдорун жана аттестациянын жыйынтыктарын "
                    "өз убагында беришсин.",
                    "БСМЖАБ 2026-жылдын 30-апрелине чейин ички аудиттин жыйынтыгы боюнча отчетту даярдап, "
                    "ректоратка берсин.",
                    "Бул буйруктун аткарылышын көзөмөлдөө биринчи проректор А.Б. Шамшиевге жүктөлсүн.",
                ],
            ),
            (
                "t",
                ["Бөлүм", "Аудиттин мөөнөтү", "Аудиторлор"],
                [
                    ["Экономика факультети", "16.03.2026 — 20.03.2026", "Орозакунова М.К., Караева С.Д."],
                    [
                        "Математика, информатика жана кибернетика факультети",
                        "23.03.2026 — 27.03.2026",
                        "Караева С.Д., Ибраимова А.Т.",
                    ],
                    ["Социалдык илимдер факультети", "30.03.2026 — 03.04.2026", "Орозакунова М.К., Садыков Н.Б."],
                    ["Кыргыз филологиясы факультети", "06.04.2026 — 10.04.2026", "Кемелгазыева Г.К., Сулайманова Ж.Т."],
                    ["Илимий китепкана", "13.04.2026 — 17.04.2026", "Караева С.Д."],
                ],
                [6, 4.5, 6],
            ),
            ("sign", "Ректор", RECTOR),
            (
                "i",
                "Долбоорду даярдаган: БСМЖАБдын башчысы Г.К. Кемелгазыева. "
                "Макулдашылды: юридикалык бөлүмдүн башчысы К.Ж. Усенов.",
            ),
        ],
    )
    save_pdf(doc, "Буйруктар/Ректордун буйругу 45.pdf", "Ички аудит өткөрүү жөнүндө буйрук № 45", "ky", "Жалпы бөлүм")
    reg(
        "Ректордун 2026-ж. 3-мартындагы №45 «2026-жылы ички аудит өткөрүү жөнүндө» буйругу",
        "Буйруктар/Ректордун буйругу 45.pdf",
        "order",
        "БСМЖАБ",
        "03.03.2026",
        "ky",
        ["knu-bsmjab:1.4.1"],
    )


def order_quality_representatives() -> None:
    doc = new_doc()
    letterhead(doc, "ky", "БУЙРУК", "2025-жылдын 10-сентябры № 118")
    render(
        doc,
        [
            ("c", "Түзүмдүк бөлүмдөрдө сапат боюнча ыйгарым укуктуу өкүлдөрдү дайындоо жөнүндө"),
            "КУУда билим берүүнүн сапатын башкаруу системасынын иштешин камсыз кылуу, сапатты камсыз "
            "кылуу боюнча жоопкерчиликти так бөлүштүрүү жана түзүмдүк бөлүмдөр менен БСБСДнын ортосундагы "
            "өз ара аракеттенүүнү жакшыртуу максатында",
            ("c", "БУЙРУК КЫЛАМ:"),
            (
                "ol",
                [
                    "Биринчи проректор А.Б. Шамшиев сапат боюнча жетекчиликтин өкүлү болуп бекитилсин.",
                    "Факультеттерде жана түзүмдүк бөлүмдөрдө сапат боюнча ыйгарым укуктуу өкүлдөр тиркемеге "
                    "ылайык дайындалсын.",
                    "Ыйгарым укуктуу өкүлдөр бөлүмдүн сапат боюнча документтерин жүргүзүүнү, ички аудиттерге "
                    "даярдоону жана корректирлөөчү аракеттердин аткарылышын камсыз кылышсын.",
                    "БСБСД 2025-жылдын 1-ноябрына чейин ыйгарым укуктуу өкүлдөр үчүн 36 сааттык окутуу "
                    "семинарын уюштурсун.",
                    "Студенттик кеңештин төрагасы факультеттердин сапат боюнча комиссияларына студенттердин "
                    "өкүлдөрүн сунуштасын.",
                ],
            ),
            (
                "t",
                ["Бөлүм", "Сапат боюнча ыйгарым укуктуу өкүл", "Кызматы"],
                [
                    ["Экономика факультети", "Турдубаева А.К.", "экономикалык теория кафедрасынын доценти"],
                    ["Математика, информатика жана кибернетика факультети", "Исаков Б.М.", "деканын орун басары"],
                    ["Социалдык илимдер факультети", "Сыдыкова Н.Р.", "психология кафедрасынын ага окутуучусу"],
                    ["Кыргыз филологиясы факультети", "Жумабаева Г.Т.", "кафедра башчысы"],
                    ["Юридикалык факультет", "Кубанычбеков Т.А.", "доцент"],
                    ["Окуу бөлүмү", "Чыныбаева А.М.", "башкы адис"],
                ],
                [6, 4.5, 6],
            ),
            ("sign", "Ректор", RECTOR),
        ],
    )
    save_pdf(
        doc,
        "Буйруктар/Ректордун буйругу 118.pdf",
        "Сапат боюнча ыйгарым укуктуу өкүлдөрдү дайындоо жөнүндө буйрук № 118",
        "ky",
        "Жалпы бөлүм",
    )
    reg(
        "Ректордун 2025-ж. 10-сентябрындагы №118 «Сапат боюнча ыйгарым укуктуу өкүлдөрдү дайындоо жөнүндө» буйругу",
        "Буйруктар/Ректордун буйругу 118.pdf",
        "order",
        "БСБСД",
        "10.09.2025",
        "ky",
        ["kg-minreq:1.5"],
    )


def order_enrolment() -> None:
    doc = new_doc()
    letterhead(doc, "ky", "БУЙРУК", "2026-жылдын 25-августу № 1205-с")
    rng = random.Random(1205)
    render(
        doc,
        [
            ("c", "Студенттердин катарына кабыл алуу жөнүндө"),
            "Жусуп Баласагын атындагы КУУга 2026–2027-окуу жылына студенттерди кабыл алуунун эрежелерине "
            "ылайык жана кабыл алуу комиссиясынын 2026-жылдын 24-августундагы № 12 протоколунун негизинде",
            ("c", "БУЙРУК КЫЛАМ:"),
            "1. Төмөндө аталган талапкерлер 2026-жылдын 1-сентябрынан тартып 580100 «Экономика» багыты "
            "боюнча күндүзгү окуу формасынын 1-курсуна мамлекеттик бюджеттин эсебинен студенттердин "
            "катарына кабыл алынсын:",
            (
                "t",
                ["№", "Аты-жөнү", "ЖРТ баллы", "Окуу тили"],
                [
                    [i, person(rng), 150 + rng.randint(0, 70), rng.choice(["кыргыз", "кыргыз", "орус"])]
                    for i in range(1, 13)
                ],
                [1.2, 7, 3, 3],
            ),
            "2. Экономика факультетинин деканы Р.Д. Осмонов 2026-жылдын 1-сентябрына чейин академиялык "
            "топторду түзүп, студенттерди окуу планы жана силлабустар менен тааныштырсын.",
            "3. Окуу бөлүмү студенттердин жеке иштерин түзүп, маалыматтарды электрондук базага киргизсин.",
            ("sign", "Ректор", RECTOR),
            ("i", "Тиркеме: кабыл алуу комиссиясынын протоколунан көчүрмө (2 барак)."),
        ],
    )
    save_pdf(
        doc,
        "Буйруктар/Студенттерди кабыл алуу жөнүндө буйрук 1205-с.pdf",
        "Студенттердин катарына кабыл алуу жөнүндө буйрук № 1205-с",
        "ky",
        "Окуу бөлүмү",
    )
    reg(
        "Ректордун 2026-ж. 25-августундагы №1205-с «Студенттердин катарына кабыл алуу жөнүндө» "
        "буйругу (580100 Экономика)",
        "Буйруктар/Студенттерди кабыл алуу жөнүндө буйрук 1205-с.pdf",
        "order",
        "Окуу бөлүмү",
        "25.08.2026",
        "ky",
        ["esg2015:1.4"],
        note="Мисал катары бир багыт боюнча буйрук; калган буйруктар Окуу бөлүмүндө",
    )


def order_qa_council() -> None:
    doc = new_doc()
    letterhead(doc, "ru", "ПРИКАЗ", "«02» октября 2025 г. № 131")
    render(
        doc,
        [
            ("c", "Об утверждении состава Совета по качеству КНУ на 2025–2027 годы"),
            "В соответствии с Политикой КНУ в области обеспечения качества образования и Положением о Совете "
            "по качеству (КНУ.СМК-П.12), в целях обеспечения участия руководства, преподавателей, студентов и "
            "работодателей в функционировании и пересмотре системы обеспечения качества",
            ("c", "ПРИКАЗЫВАЮ:"),
            (
                "ol",
                [
                    "Утвердить состав Совета по качеству КНУ на 2025–2027 годы согласно приложению.",
                    "Совету по качеству проводить заседания не реже одного раза в квартал; рассматривать "
                    "результаты мониторинга, внутренних аудитов и анкетирования, а также ход выполнения "
                    "корректирующих действий.",
                    "Протоколы заседаний Совета размещать на внутреннем портале КНУ в течение 10 дней.",
                    "Контроль за исполнением приказа возложить на первого проректора А.Б. Шамшиева.",
                ],
            ),
            (
                "t",
                ["№", "ФИО", "Должность / представительство", "Роль"],
                [
                    [1, "Шамшиев А.Б.", "первый проректор по учебной работе", "председатель"],
                    [2, "Асанова Н.Т.", "директор ДУСКО (БСБСД)", "заместитель председателя"],
                    [3, "Кемелгазыева Г.К.", "начальник отдела мониторинга качества и аудита (БСМЖАБ)", "секретарь"],
                    [4, "Осмонов Р.Д.", "декан экономического факультета", "член"],
                    [5, "Эсенгулова Д.М.", "декан факультета социальных наук", "член"],
                    [6, "Сыдыков Б.А.", "начальник учебного отдела", "член"],
                    [7, "Алымкулов Э.С.", "председатель Студенческого совета КНУ", "член (студенты)"],
                    [8, "Токтогулова А.Н.", "магистрант, экономический факультет", "член (студенты)"],
                    [9, "Садыков М.Т.", "директор по персоналу ОАО «Айыл Банк»", "член (работодатели)"],
                    [10, "Ким В.С.", "технический директор ОсОО «Ала-Тоо Софт»", "член (работодатели)"],
                ],
                [1, 4, 8, 3.5],
            ),
            ("sign", "Ректор", RECTOR),
        ],
    )
    save_docx(doc, "orders/order-qa-council.docx", "Приказ об утверждении состава Совета по качеству", "ru", "БСБСД")
    reg(
        "Приказ №131 от 02.10.2025 об утверждении состава Совета по качеству на 2025–2027 годы",
        "orders/order-qa-council.docx",
        "order",
        "БСБСД",
        "02.10.2025",
        "ru",
        ["kg-minreq:1.3", "esg2015:1.1"],
    )


def order_antiplagiarism() -> None:
    doc = new_doc()
    letterhead(doc, "ru", "ПРИКАЗ", "«15» января 2026 г. № 07")
    render(
        doc,
        [
            ("c", "О проверке выпускных квалификационных работ на наличие заимствований в 2026 году"),
            "В целях исполнения Положения об академической честности (КНУ.СМК-П.11) и обеспечения "
            "объективности итоговой государственной аттестации выпускников 2026 года",
            ("c", "ПРИКАЗЫВАЮ:"),
            (
                "ol",
                [
                    "Деканам факультетов обеспечить проверку всех выпускных квалификационных работ бакалавров и "
                    "магистерских диссертаций в системе проверки текстов на заимствования не позднее чем за 14 "
                    "дней до защиты.",
                    "Установить минимальный уровень оригинальности: 70 % для выпускных работ бакалавров, 80 % для "
                    "магистерских диссертаций.",
                    "Работы с уровнем оригинальности ниже установленного к защите не допускать; повторная "
                    "проверка допускается один раз после доработки.",
                    "Отделу электронного обучения обеспечить доступ выпускающих кафедр к системе проверки и "
                    "хранение отчётов о проверке в электронном архиве в течение пяти лет.",
                    "БСМЖАБ до 15 июля 2026 г. подготовить сводную справку о результатах проверки по факультетам.",
                ],
            ),
            "Сводные данные за 2025 год: проверено 3 412 работ, не допущено к защите с первой попытки — "
            "96 работ (2,8 %), после доработки допущено 88 работ.",
            ("sign", "Ректор", RECTOR),
        ],
    )
    save_pdf(doc, "orders/order-antiplagiarism.pdf", "Приказ о проверке ВКР на заимствования", "ru", "Окуу бөлүмү")
    reg(
        "Приказ №07 от 15.01.2026 о проверке выпускных квалификационных работ на заимствования",
        "orders/order-antiplagiarism.pdf",
        "order",
        "Окуу бөлүмү",
        "15.01.2026",
        "ru",
        ["kg-minreq:1.7"],
    )


def order_teacher_rating() -> None:
    doc = new_doc()
    letterhead(doc, "ky", "БУЙРУК", "2025-жылдын 20-октябры № 142")
    render(
        doc,
        [
            ("c", "2025–2026-окуу жылында профессордук-окутуучулук курамдын рейтингин жүргүзүү жөнүндө"),
            "Окутуунун сапатын баалоо, окутуучулардын кесиптик өнүгүүсүн стимулдаштыруу жана КУУнун "
            "сапатты камсыз кылуу саясатын ишке ашыруу максатында",
            ("c", "БУЙРУК КЫЛАМ:"),
            (
                "ol",
                [
                    "2025–2026-окуу жылынын жыйынтыгы боюнча профессордук-окутуучулук курамдын рейтинги "
                    "окуу-усулдук, илимий, тарбиялык иштин көрсөткүчтөрү жана «Окутуучу студенттердин көзү менен» "
                    "сурамжылоосунун жыйынтыктары боюнча жүргүзүлсүн.",
                    "Көрсөткүчтөрдүн салмагы: окуу-усулдук иш — 35 %, илимий иш — 30 %, студенттердин баалоосу "
                    "— 25 %, коомдук жана тарбиялык иш — 10 %.",
                    "Кафедралар окутуучулардын портфолиолорун 2026-жылдын 15-июнуна чейин электрондук "
                    "системага киргизишсин.",
                    "БСМЖАБ рейтингдин жыйынтыктарын 2026-жылдын 1-июлуна чейин жалпылап, Окумуштуулар "
                    "кеңешине сунуштасын.",
                    "Рейтингдин жыйынтыгы боюнча алгачкы 10 % окутуучуларга сыйлык берүү, ал эми төмөнкү 10 % "
                    "окутуучулар үчүн квалификацияны жогорулатуунун жеке планын түзүү сунушталсын.",
                ],
            ),
            ("sign", "Ректор", RECTOR),
        ],
    )
    save_docx(doc, "orders/order-teacher-rating.docx", "ПОКтун рейтингин жүргүзүү жөнүндө буйрук № 142", "ky")
    reg(
        "Ректордун 2025-ж. 20-октябрындагы №142 «ПОКтун рейтингин жүргүзүү жөнүндө» буйругу",
        "orders/order-teacher-rating.docx",
        "order",
        "БСМЖАБ",
        "20.10.2025",
        "ky",
        ["knu-bsmjab:1.4.2"],
    )


def order_practice_bases() -> None:
    doc = new_doc()
    letterhead(doc, "ru", "ПРИКАЗ", "«12» сентября 2026 г. № 1318")
    render(
        doc,
        [
            ("c", "О закреплении баз практик студентов направления «Психология» на 2026–2027 учебный год"),
            "В соответствии с учебным планом направления «Психология», Положением о практике студентов КНУ "
            "и заключёнными договорами о сотрудничестве с медицинскими и социальными учреждениями",
            ("c", "ПРИКАЗЫВАЮ:"),
            (
                "ol",
                [
                    "Закрепить базы учебной, производственной (клинико-психологической) и преддипломной практик "
                    "согласно приложению.",
                    "Декану факультета социальных наук Эсенгуловой Д.М. назначить руководителей практик от "
                    "кафедры и согласовать с базами графики прохождения практик.",
                    "Руководителям практик провести инструктаж по технике безопасности и конфиденциальности "
                    "сведений о пациентах до начала практики.",
                ],
            ),
            (
                "t",
                ["База практики", "Договор", "Вид практики", "Мест"],
                [
                    [
                        "Республиканский центр психического здоровья",
                        "№ 27-К от 05.09.2025",
                        "клинико-психологическая",
                        20,
                    ],
                    [
                        "Городская клиническая больница № 6 г. Бишкек",
                        "№ 31-К от 18.10.2024",
                        "клинико-психологическая",
                        12,
                    ],
                    ["Городской центр социальной помощи семье и детям", "№ 14 от 01.02.2025", "учебная", 25],
                    ["Психологическая служба КНУ", "внутренняя база", "учебная", 15],
                ],
                [7, 4, 4.5, 1.5],
            ),
            ("sign", "Ректор", RECTOR),
        ],
    )
    save_docx(
        doc,
        "orders/order-practice-bases.docx",
        "Приказ о закреплении баз практик",
        "ru",
        "Социалдык илимдер факультети",
    )
    reg(
        "Приказ №1318 от 12.09.2026 о закреплении баз практик (в т.ч. клинических) направления «Психология»",
        "orders/order-practice-bases.docx",
        "order",
        "Социалдык илимдер факультети",
        "12.09.2026",
        "ru",
        ["esg2015:1.3"],
    )


def order_staffing() -> None:
    doc = new_doc()
    letterhead(doc, "ru", "ПРИКАЗ", "«29» августа 2026 г. № 1190-к")
    render(
        doc,
        [
            (
                "c",
                "Об утверждении штатного расписания профессорско-преподавательского состава на 2026–2027 учебный год",
            ),
            "На основании расчёта учебной нагрузки кафедр на 2026–2027 учебный год, решения Учёного совета "
            "КНУ от 28.08.2026 (протокол № 1) и письменных согласий работников на заключение трудовых договоров",
            ("c", "ПРИКАЗЫВАЮ:"),
            (
                "ol",
                [
                    "Утвердить штатное расписание ППС на 2026–2027 учебный год в количестве 1 486,75 ставки, "
                    "в том числе штатных работников — 1 182,5 ставки, внутренних совместителей — 141,25 ставки, "
                    "внешних совместителей — 163,0 ставки.",
                    "Отделу кадров до 15.09.2026 заключить (продлить) трудовые договоры с работниками ППС при "
                    "наличии письменного согласия и результатов конкурсного отбора.",
                    "Деканам факультетов обеспечить соответствие профиля учёной степени преподавателей "
                    "закреплённым дисциплинам; сведения о несоответствиях направить в БСМЖАБ до 01.10.2026.",
                    "Контроль за исполнением приказа возложить на проректора по экономике и финансам.",
                ],
            ),
            (
                "t",
                ["Факультет", "Ставки", "в т.ч. штатные", "Доля с учёной степенью (по ставкам), %"],
                [
                    ["Экономический факультет", "112,50", "91,25", "58,4"],
                    ["Факультет математики, информатики и кибернетики", "138,25", "109,75", "52,1"],
                    ["Факультет социальных наук", "74,00", "60,50", "61,7"],
                    ["Факультет кыргызской филологии", "96,75", "84,00", "66,3"],
                    ["Юридический факультет", "88,50", "63,25", "55,0"],
                ],
                [7, 2.5, 3, 4.5],
            ),
            ("sign", "Ректор", RECTOR),
        ],
    )
    save_docx(
        doc,
        "orders/order-staffing-table-2026.docx",
        "Приказ об утверждении штатного расписания ППС",
        "ru",
        "Кадрлар бөлүмү",
    )
    reg(
        "Приказ №1190-к от 29.08.2026 об утверждении штатного расписания ППС на 2026–2027 уч. год",
        "orders/order-staffing-table-2026.docx",
        "order",
        "Кадрлар бөлүмү",
        "29.08.2026",
        "ru",
        ["kg-licensing:L4", "kg-licensing:L5"],
    )


# =========================================================================== minutes


def minutes_academic_council_2025() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_KY.upper()),
            ("c", "ОКУМУШТУУЛАР КЕҢЕШИНИН ЖЫЙЫНЫНЫН\nПРОТОКОЛУ № 1"),
            ("cn", "2025-жылдын 28-августу, Бишкек шаары"),
            (
                "i",
                f"Төрага: {RECTOR}, ректор. Катчы: Ж.Э. Токтосунова. Кеңештин 47 мүчөсүнүн 41и катышты, "
                "кворум бар. Чакырылгандар: студенттик кеңештин төрагасы Э.С. Алымкулов, «Айыл Банк» ААКнын "
                "өкүлү М.Т. Садыков.",
            ),
            ("h", "КҮН ТАРТИБИ:"),
            (
                "ol",
                [
                    "Университеттин 2025–2026-окуу жылына даярдыгы жөнүндө (баяндамачы — А.Б. Шамшиев).",
                    "Билим берүүнүн сапатын камсыз кылуу саясатынын жаңы редакциясын бекитүү жөнүндө "
                    "(баяндамачы — Н.Т. Асанова).",
                    "Университеттин 2025–2026-окуу жылына иш планын бекитүү жөнүндө (баяндамачы — Б.А. Сыдыков).",
                ],
            ),
            ("h", "1. УГУЛДУ:"),
            "А.Б. Шамшиев окуу пландарынын, сабак жүгүнүн жана окуу аудиторияларынын даярдыгы жөнүндө "
            "маалымат берди. 2025–2026-окуу жылына 86 бакалавриат жана 54 магистратура программасы боюнча "
            "окуу пландары бекитилген, силлабустардын 94 %ы электрондук окутуу системасына жүктөлгөн.",
            ("h", "2. УГУЛДУ:"),
            "Н.Т. Асанова саясаттын жаңы редакциясы ESG 2015 стандарттарына жана Кыргыз Республикасынын "
            "минималдык талаптарына ылайыкташтырылганын, долбоор факультеттерде, студенттик кеңеште жана "
            "иш берүүчүлөр менен талкууланганын билдирди. Талкуунун жүрүшүндө 23 сунуш түшүп, алардын 17си "
            "эске алынды.",
            "СӨЗ СҮЙЛӨГӨНДӨР: Р.Д. Осмонов (экономика факультетинин деканы) — иш берүүчүлөрдүн "
            "программаларды кароого катышуусун бекемдөөнү сунуштады; Э.С. Алымкулов — сурамжылоолордун "
            "жыйынтыктарын студенттерге ачык жарыялоону сунуштады.",
            ("h", "ТОКТОМ КЫЛЫНДЫ:"),
            (
                "ol",
                [
                    "Университеттин 2025–2026-окуу жылына даярдыгы жөнүндө маалымат эске алынсын.",
                    "Билим берүүнүн сапатын камсыз кылуу саясаты (КНУ.СМК-СА.01, 2.0 версиясы) бекитилсин жана "
                    "университеттин сайтында жарыялансын (жооптуу — Н.Т. Асанова, мөөнөтү — 15.09.2025).",
                    "Университеттин 2025–2026-окуу жылына иш планы бекитилсин.",
                ],
            ),
            "Добуш берүүнүн жыйынтыгы: «макул» — 39, «каршы» — 0, «калыс» — 2.",
            ("sign", "Төрага", RECTOR),
            ("sign", "Катчы", "Ж.Э. Токтосунова"),
        ],
    )
    save_pdf(
        doc,
        "Протоколдор/Окумуштуулар кеңешинин протоколу №1.pdf",
        "Окумуштуулар кеңешинин 2025-ж. 28-августундагы №1 протоколу",
        "ky",
        "Окумуштуулар кеңеши",
    )
    reg(
        "Окумуштуулар кеңешинин 2025-жылдын 28-августундагы №1 жыйынынын протоколу (сапат саясатын бекитүү)",
        "Протоколдор/Окумуштуулар кеңешинин протоколу №1.pdf",
        "minutes",
        "Окумуштуулар кеңеши",
        "28.08.2025",
        "ky",
        ["esg2015:1.1", "kg-minreq:1.1"],
    )


def minutes_ums() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_KY.upper()),
            ("c", "ОКУУ-МЕТОДИКАЛЫК КЕҢЕШТИН ЖЫЙЫНЫНЫН\nПРОТОКОЛУ № 3"),
            ("cn", "2026-жылдын 19-январы"),
            ("i", "Төрага: А.Б. Шамшиев. Катчы: А.М. Чыныбаева. Кеңештин 25 мүчөсүнүн 21и катышты."),
            ("h", "КҮН ТАРТИБИ:"),
            (
                "ol",
                [
                    "«Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө» жобонун долбоорун "
                    "макулдашуу (Г.К. Кемелгазыева).",
                    "2026-жылы кабыл алынуучу студенттер үчүн 580100 «Экономика» жана 710400 «Программалык "
                    "инженерия» багыттарынын окуу пландарына өзгөртүүлөрдү кароо (Р.Д. Осмонов, Б.М. Исаков).",
                    "Силлабустардын бирдиктүү формасы жөнүндө (Н.Т. Асанова).",
                ],
            ),
            ("h", "1. УГУЛДУ:"),
            "Г.К. Кемелгазыева жобонун долбоору бөлүмдүн иш алкагын (1.4.1–1.4.7), функцияларын жана башка "
            "бөлүмдөр менен өз ара аракеттенүү тартибин аныктай турганын билдирди. Юридикалык бөлүмдүн "
            "пикири оң.",
            ("h", "2. УГУЛДУ:"),
            "Р.Д. Осмонов «Экономика» программасынын окуу планына «Маалыматтарды талдоо» тандоо курсун "
            "кошуу жана «Эконометрика» дисциплинасынын кредиттерин 4төн 5ке чейин көбөйтүү сунушталганын "
            "билдирди. Сунуш иш берүүчүлөрдүн сурамжылоосунун жана кафедранын программаны кароосунун "
            "(2025-жылдын 14-ноябрындагы № 4 протокол) жыйынтыгына негизделген. Б.М. Исаков «Программалык "
            "инженерия» программасында өндүрүштүк практиканын көлөмүн 6 кредитке чейин көбөйтүү "
            "сунушталганын маалымдады.",
            ("h", "ТОКТОМ КЫЛЫНДЫ:"),
            (
                "ol",
                [
                    "БСМЖАБ жөнүндө жобо (КНУ.СМК-СП.01) макулдашылсын жана ректордун бекитүүсүнө сунушталсын.",
                    "580100 жана 710400 багыттарынын окуу пландарына сунушталган өзгөртүүлөр жактырылсын жана "
                    "Окумуштуулар кеңешине сунушталсын.",
                    "Силлабустун бирдиктүү формасы 2026–2027-окуу жылынан тартып колдонулсун.",
                ],
            ),
            "Добуш берүү: «макул» — 21, «каршы» — 0, «калыс» — 0.",
            ("sign", "Төрага", "А.Б. Шамшиев"),
            ("sign", "Катчы", "А.М. Чыныбаева"),
        ],
    )
    save_docx(
        doc,
        "minutes/ums-protocol-3-2026.docx",
        "Окуу-методикалык кеңештин №3 протоколу",
        "ky",
        "Окуу-методикалык кеңеш",
    )
    reg(
        "Окуу-методикалык кеңештин 2026-жылдын 19-январындагы №3 протоколу",
        "minutes/ums-protocol-3-2026.docx",
        "minutes",
        "Окуу-методикалык кеңеш",
        "19.01.2026",
        "ky",
        ["esg2015:1.2", "knu-bsmjab:1.4.7"],
    )


def minutes_academic_council_2026() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_RU.upper()),
            ("c", "ПРОТОКОЛ № 10\nзаседания Учёного совета"),
            ("cn", "26 июня 2026 г., г. Бишкек"),
            (
                "i",
                f"Председатель: {RECTOR}. Секретарь: Ж.Э. Токтосунова. Присутствовали 43 из 47 членов Учёного совета.",
            ),
            ("h", "ПОВЕСТКА ДНЯ:"),
            (
                "ol",
                [
                    "Об итогах выполнения плана работы университета за 2025–2026 учебный год (А.Б. Шамшиев).",
                    "О результатах внутреннего аудита 2026 года и плане корректирующих действий (Г.К. Кемелгазыева).",
                    "О ходе реализации Стратегии развития КНУ на 2023–2027 годы (Н.У. Касымов).",
                ],
            ),
            ("h", "1. СЛУШАЛИ:"),
            "А.Б. Шамшиева. План работы на 2025–2026 учебный год выполнен на 87 %: из 142 мероприятий "
            "выполнено 124, частично — 11, не выполнено — 7 (в основном связанные с ремонтом корпуса № 4 и "
            "внедрением электронной зачётной книжки). По предварительным данным Центра карьеры, трудоустройство "
            "выпускников 2025 года через 12 месяцев — около 71 % при целевом значении 70 %.",
            ("h", "2. СЛУШАЛИ:"),
            "Г.К. Кемелгазыеву. Внутренний аудит охватил 4 факультета и научную библиотеку; выявлено 3 "
            "значительных и 9 незначительных несоответствий, 11 возможностей для улучшения. Основные "
            "проблемы: неполнота учебно-методических комплексов, отсутствие анализа результатов анкетирования "
            "на уровне кафедр, устаревшая часть библиотечного фонда по ИТ-дисциплинам.",
            ("h", "3. СЛУШАЛИ:"),
            "Н.У. Касымова. Из 38 ключевых показателей Стратегии 26 достигли промежуточных целевых значений "
            "2026 года; отставание по доле программ с международной аккредитацией и по доле англоязычных "
            "курсов.",
            ("h", "ПОСТАНОВИЛИ:"),
            (
                "ol",
                [
                    "Отчёт о выполнении плана работы за 2025–2026 учебный год утвердить; невыполненные "
                    "мероприятия перенести в план на 2026–2027 учебный год.",
                    "Утвердить план корректирующих действий по итогам внутреннего аудита; БСМЖАБ ежеквартально "
                    "докладывать Совету по качеству о ходе выполнения.",
                    "Стратегическому отделу уточнить целевые показатели Стратегии на 2027 год до 01.10.2026.",
                ],
            ),
            "Голосовали: «за» — 41, «против» — 0, «воздержались» — 2.",
            ("sign", "Председатель", RECTOR),
            ("sign", "Секретарь", "Ж.Э. Токтосунова"),
        ],
    )
    save_pdf(
        doc,
        "minutes/academic-council-2026-06.pdf",
        "Протокол №10 заседания Учёного совета от 26.06.2026",
        "ru",
        "Окумуштуулар кеңеши",
    )
    reg(
        "Протокол №10 заседания Учёного совета от 26.06.2026 (итоги года, внутренний аудит, стратегия)",
        "minutes/academic-council-2026-06.pdf",
        "minutes",
        "Окумуштуулар кеңеши",
        "26.06.2026",
        "ru",
        ["kg-minreq:1.2", "esg2015:1.9", "esg2015:1.7"],
    )


def minutes_department_review() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "КНУ им. Ж. Баласагына — Экономический факультет"),
            ("c", "ПРОТОКОЛ № 4\nзаседания кафедры экономической теории"),
            ("cn", "14 ноября 2025 г."),
            (
                "i",
                "Председатель: А.К. Турдубаева, зав. кафедрой. Секретарь: Н.Б. Касымова. Присутствовали: "
                "14 преподавателей, 3 студента (представители групп ЭК-1-23, ЭК-1-22, ЭК-1-21), представители "
                "работодателей — М.Т. Садыков (ОАО «Айыл Банк»), Ж.К. Иманалиева (Национальный "
                "статистический комитет).",
            ),
            ("h", "ПОВЕСТКА ДНЯ:"),
            "Ежегодный отчёт о реализации ОПОП 580100 «Экономика» (бакалавриат) за 2024–2025 учебный год и "
            "предложения по пересмотру учебного плана.",
            ("h", "СЛУШАЛИ:"),
            "Доцента Р.К. Абдыкадырову. Контингент программы — 612 студентов; отсев после первого курса "
            "составил 9,4 % (в прошлом году 11,2 %). Средний балл по дисциплинам профессионального цикла — "
            "74,6. По данным анкетирования выпускников 2025 года 78 % удовлетворены программой в целом, при этом "
            "41 % отмечают недостаток практических навыков анализа данных. Трудоустройство выпускников 2024 "
            "года через 12 месяцев — 73 %, из них по специальности — 58 %.",
            ("h", "ВЫСТУПИЛИ:"),
            "М.Т. Садыков предложил усилить подготовку по эконометрике и работе со статистическими пакетами, "
            "а также увеличить продолжительность производственной практики в банках. Студент А. Жумабаев "
            "отметил перегруженность первого курса общеобразовательными дисциплинами и предложил перенести "
            "часть из них на второй курс.",
            ("h", "ПОСТАНОВИЛИ:"),
            (
                "ol",
                [
                    "Отчёт о реализации ОПОП 580100 за 2024–2025 учебный год принять.",
                    "Внести в учебный план набора 2026 года элективный курс «Анализ данных в экономике» (5 кредитов) "
                    "и увеличить объём дисциплины «Эконометрика» до 5 кредитов; направить предложения в УМС.",
                    "Обновить силлабусы дисциплин профессионального цикла с учётом замечаний работодателей до "
                    "01.03.2026 (отв. — ведущие преподаватели).",
                    "Совместно с Центром карьеры организовать встречи студентов 3–4 курсов с работодателями "
                    "(не реже одного раза в семестр).",
                ],
            ),
            ("sign", "Заведующий кафедрой", "А.К. Турдубаева"),
            ("sign", "Секретарь", "Н.Б. Касымова"),
        ],
    )
    save_docx(
        doc,
        "minutes/economics-dept-programme-review.docx",
        "Протокол №4 заседания кафедры экономической теории (пересмотр ОПОП 580100)",
        "ru",
        "Экономика факультети",
    )
    reg(
        "Протокол №4 заседания кафедры экономической теории от 14.11.2025 (ежегодный обзор ОПОП 580100)",
        "minutes/economics-dept-programme-review.docx",
        "minutes",
        "Экономика факультети",
        "14.11.2025",
        "ru",
        ["esg2015:1.9", "kg-minreq:1.3"],
    )


# =========================================================================== plans


def strategic_plan() -> None:
    doc = new_doc()
    approval(doc, ["«БЕКИТИЛДИ»", "КУУнун Окумуштуулар кеңешинин", "2022-жылдын 29-декабрындагы № 5 токтому менен"])
    render(
        doc,
        [
            ("c", "ЖУСУП БАЛАСАГЫН АТЫНДАГЫ КЫРГЫЗ УЛУТТУК УНИВЕРСИТЕТИН 2023–2027-ЖЫЛДАРГА ӨНҮКТҮРҮҮ СТРАТЕГИЯСЫ"),
            ("h", "1. Миссия жана көз караш"),
            "Миссия: улуттук жана дүйнөлүк илимдин жетишкендиктерине таянып, Кыргыз Республикасынын "
            "туруктуу өнүгүүсүнө салым кошо турган атаандаштыкка жөндөмдүү адистерди даярдоо, илимий "
            "изилдөөлөрдү жүргүзүү жана мамлекеттик тилди, улуттук маданиятты өнүктүрүү.",
            "Көз караш (2027): КУУ — Борбордук Азиядагы алдыңкы классикалык университеттердин бири, "
            "билим берүүнүн, илимдин жана инновациялардын өлкөдөгү борбору.",
            ("h", "2. Стратегиялык багыттар"),
            (
                "ol",
                [
                    "Билим берүүнүн сапаты жана программалардын атаандаштыкка жөндөмдүүлүгү.",
                    "Илимий изилдөөлөр жана инновациялар.",
                    "Эл аралык кызматташтык жана академиялык мобилдүүлүк.",
                    "Кадрдык потенциалды өнүктүрүү.",
                    "Санариптик трансформация жана инфраструктура.",
                    "Студенттерди колдоо жана коом менен байланыш.",
                ],
            ),
            ("h", "3. Негизги көрсөткүчтөр"),
            (
                "t",
                ["Көрсөткүч", "2022 (база)", "2025 (максат)", "2027 (максат)"],
                [
                    ["Бүтүрүүчүлөрдүн 12 айдан кийин ишке орношуусу, %", "64", "70", "75"],
                    ["Илимий даражасы бар ПОКтун үлүшү (ставка боюнча), %", "51", "55", "60"],
                    ["Көз карандысыз аккредитациядан өткөн программалардын үлүшү, %", "78", "90", "100"],
                    ["Эл аралык аккредитациясы бар программалар, саны", "2", "5", "8"],
                    ["Электрондук окутуу системасында курсу бар дисциплиналардын үлүшү, %", "40", "80", "95"],
                    ["Студенттердин окутуунун сапатына канааттануусу, %", "68", "75", "80"],
                    ["Англис тилинде окутулган курстардын саны", "35", "70", "120"],
                ],
                [9, 2.5, 2.5, 2.5],
            ),
            ("h", "4. Ишке ашыруу жана мониторинг"),
            "Стратегия жылдык иш пландары аркылуу ишке ашырылат. Стратегиялык өнүктүрүү бөлүмү жыл сайын "
            "февраль айында көрсөткүчтөрдүн аткарылышы боюнча отчет даярдайт; отчет Окумуштуулар кеңешинде "
            "каралат жана университеттин сайтында жарыяланат. Стратегия 2025-жылы орто мөөнөттүү баалоодон "
            "өттү; көрсөткүчтөр 2026-жылы тактоого тийиш.",
            ("sign", "Стратегиялык өнүктүрүү бөлүмүнүн башчысы", "Н.У. Касымов"),
        ],
    )
    save_pdf(
        doc,
        "plans/strategic-plan-2023-2027.pdf",
        "КУУнун 2023–2027-жылдарга өнүктүрүү стратегиясы",
        "ky",
        "Стратегиялык өнүктүрүү бөлүмү",
    )
    reg(
        "КУУнун 2023–2027-жылдарга өнүктүрүү стратегиясы",
        "plans/strategic-plan-2023-2027.pdf",
        "plan",
        "Стратегиялык өнүктүрүү бөлүмү",
        "29.12.2022",
        "ky",
        ["kg-minreq:1.1", "esg2015:1.1"],
        valid_until="31.12.2027",
        note="Окумуштуулар кеңешинин 2022-ж. 29-декабрындагы №5 токтому",
    )


def annual_plan() -> None:
    doc = new_doc()
    approval(doc, ["«УТВЕРЖДЕНО»", "решением Учёного совета КНУ", "протокол № 1 от 28.08.2025"])
    render(
        doc,
        [
            (
                "c",
                "ПЛАН РАБОТЫ КЫРГЫЗСКОГО НАЦИОНАЛЬНОГО УНИВЕРСИТЕТА ИМЕНИ Ж. БАЛАСАГЫНА "
                "НА 2025–2026 УЧЕБНЫЙ ГОД (выписка: раздел «Качество образования»)",
            ),
            "План разработан на основе Стратегии развития КНУ на 2023–2027 годы и Политики в области "
            "обеспечения качества. Для каждого мероприятия указаны ответственный, срок и ожидаемый "
            "результат; выполнение плана рассматривается Учёным советом в июне.",
            (
                "t",
                ["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
                [
                    [
                        1,
                        "Актуализация учебных планов набора 2026 года",
                        "до 01.03.2026",
                        "деканы, УМС",
                        "учебные планы",
                    ],
                    [2, "Внутренний аудит факультетов и библиотеки", "март–апрель 2026", "БСМЖАБ", "отчёт, план КПД"],
                    [3, "Анкетирование «Преподаватель глазами студентов»", "апрель–май 2026", "БСМЖАБ", "отчёт"],
                    [4, "Анкетирование удовлетворённости студентов", "май 2026", "БСМЖАБ", "отчёт"],
                    [5, "Опрос выпускников и работодателей", "июнь–сентябрь 2026", "Центр карьеры", "отчёт"],
                    [6, "Рейтинг ППС", "до 01.07.2026", "БСМЖАБ, кафедры", "рейтинг"],
                    [
                        7,
                        "Повышение квалификации ППС (не менее 400 чел.)",
                        "в течение года",
                        "Отдел кадров, ИПК",
                        "сертификаты",
                    ],
                    [
                        8,
                        "Размещение курсов в LMS (не менее 90 % дисциплин)",
                        "до 01.02.2026",
                        "ОЭО, кафедры",
                        "курсы в LMS",
                    ],
                    [9, "Подготовка к институциональной аккредитации", "2026", "ОАиЛ, БСМЖАБ", "отчёт по самооценке"],
                    [10, "Отчёт о мониторинге качества за учебный год", "до 30.09.2026", "БСМЖАБ", "отчёт"],
                ],
                [1, 6.5, 3, 3, 3],
            ),
            ("sign", "Начальник учебного отдела", "Б.А. Сыдыков"),
        ],
    )
    save_docx(doc, "plans/annual-plan-2025-2026.docx", "План работы КНУ на 2025–2026 учебный год", "ru", "Окуу бөлүмү")
    reg(
        "План работы КНУ на 2025–2026 учебный год (раздел «Качество образования»)",
        "plans/annual-plan-2025-2026.docx",
        "plan",
        "Окуу бөлүмү",
        "28.08.2025",
        "ru",
        ["kg-minreq:1.2", "esg2015:1.9"],
    )


def bsmjab_workplan() -> None:
    doc = new_doc(landscape=True)
    approval(doc, ["«БЕКИТЕМ»", "БСБСДнын директору", "_____________ Н.Т. Асанова", "2026-жылдын 15-январы"])
    render(
        doc,
        [
            ("c", "БИЛИМ БЕРҮҮНҮН САПАТЫНА МОНИТОРИНГ ЖҮРГҮЗҮҮ ЖАНА АУДИТ БӨЛҮМҮНҮН 2026-ЖЫЛГА ИШ ПЛАНЫ"),
            "Иш планы КУУнун 2025–2026-окуу жылына иш планына, сапатты камсыз кылуу саясатына жана "
            "БСМЖАБ жөнүндө жобого ылайык түзүлдү. Пландын аткарылышы ар бир чейректин аягында БСБСДга "
            "отчет түрүндө берилет.",
            (
                "t",
                ["№", "Иш-чара", "Жобонун пункту", "Мөөнөтү", "Жооптуу", "Натыйжа"],
                [
                    [
                        1,
                        "Ички аудиттин программасын даярдоо жана буйрукту даярдоо",
                        "5.2",
                        "февраль",
                        "Кемелгазыева Г.К.",
                        "буйрук",
                    ],
                    [2, "Факультеттерде ички аудит өткөрүү", "5.2", "март–апрель", "аудиторлор", "аудит отчету"],
                    [3, "Студенттердин канааттануусун сурамжылоо", "5.4", "май", "Орозакунова М.К.", "отчет"],
                    [
                        4,
                        "«Окутуучу студенттердин көзү менен» сурамжылоосу",
                        "5.4",
                        "апрель–май",
                        "Караева С.Д.",
                        "отчет",
                    ],
                    [
                        5,
                        "Бүтүрүүчүлөрдү жана иш берүүчүлөрдү сурамжылоо (Карьера борбору менен)",
                        "5.4",
                        "июнь–сентябрь",
                        "Орозакунова М.К.",
                        "отчет",
                    ],
                    [
                        6,
                        "Корректирлөөчү аракеттердин аткарылышын көзөмөлдөө",
                        "6.8",
                        "ар чейрек",
                        "Кемелгазыева Г.К.",
                        "КПА журналы",
                    ],
                    [
                        7,
                        "ИЖБИМдин мониторинг системасына маалыматтарды тапшыруу",
                        "1.4.5",
                        "октябрь",
                        "Караева С.Д.",
                        "маалымат",
                    ],
                    [8, "Жылдык мониторинг отчету", "5.6", "сентябрь", "бөлүм", "отчет"],
                    [
                        9,
                        "Институционалдык аккредитацияга өзүн-өзү баалоо отчетун даярдоого катышуу",
                        "5.7",
                        "октябрь–декабрь",
                        "бөлүм",
                        "отчет",
                    ],
                ],
                [1, 9, 2.5, 3, 4, 3.5],
            ),
            ("sign", "БСМЖАБдын башчысы", "Г.К. Кемелгазыева"),
        ],
    )
    save_docx(doc, "plans/bsmjab-workplan-2026.docx", "БСМЖАБдын 2026-жылга иш планы", "ky")
    reg(
        "БСМЖАБдын 2026-жылга иш планы",
        "plans/bsmjab-workplan-2026.docx",
        "plan",
        "БСМЖАБ",
        "15.01.2026",
        "ky",
        ["knu-bsmjab:1.4.7"],
    )


# =========================================================================== reports


def annual_monitoring_report() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_RU),
            ("cn", "Отдел мониторинга качества образования и аудита (БСМЖАБ)"),
            ("c", "ОТЧЁТ\nо мониторинге качества образования за 2025–2026 учебный год"),
            ("h", "1. Введение"),
            "Отчёт подготовлен в соответствии с п. 5.6 Положения о БСМЖАБ и Регламентом сбора и анализа "
            "данных о качестве образования. Использованы данные учебного отдела (контингент, успеваемость), "
            "отдела кадров, отдела электронного обучения, Центра карьеры и результаты анкетирований 2026 года.",
            ("h", "2. Основные показатели"),
            (
                "t",
                ["Показатель", "2023–2024", "2024–2025", "2025–2026"],
                [
                    ["Контингент (очная форма), чел.", "18 912", "18 640", "18 455"],
                    ["Отсев после 1 курса, %", "12,1", "11,4", "10,2"],
                    ["Доля студентов, сдавших сессию без задолженностей, %", "78,3", "80,1", "81,6"],
                    ["Средний балл по 100-балльной шкале", "72,4", "73,0", "73,8"],
                    ["Доля ППС с учёной степенью (по ставкам), %", "53,2", "55,1", "56,9"],
                    ["Доля дисциплин с курсом в LMS, %", "71", "86", "93"],
                    ["Удовлетворённость студентов качеством преподавания, %", "70", "73", student_stat("S02")[1]],
                    ["Трудоустройство выпускников через 12 месяцев, %", "68,5", "70,4", "71,2"],
                ],
                [8, 2.8, 2.8, 2.8],
            ),
            ("h", "3. Выводы"),
            "Большинство показателей улучшились по сравнению с прошлым годом. Вместе с тем сохраняются "
            "различия между факультетами: доля студентов без задолженностей колеблется от 68 % до 91 %, "
            "удовлетворённость доступом к Wi-Fi остаётся низкой (средняя "
            f"оценка {student_stat('S08')[0]} из 5), а состоянием аудиторий — ниже среднего "
            f"({student_stat('S05')[0]} из 5).",
            "Активность в LMS высокая в период сессии и низкая в середине семестра; в 14 % курсов нет "
            "обновлений после 2024 года. Трудоустройство по специальности выпускников ИТ-программ выше "
            "среднего (82 %), гуманитарных программ — ниже (49 %).",
            ("h", "4. Рекомендации"),
            (
                "ul",
                [
                    "Деканатам с долей студентов без задолженностей ниже 75 % разработать планы "
                    "академической поддержки.",
                    "Кафедрам обсуждать результаты анкетирования «Преподаватель глазами студентов» на заседаниях "
                    "и фиксировать принятые меры в протоколах.",
                    "Отделу электронного обучения провести аудит неактуальных курсов в LMS до 01.12.2026.",
                    "Административно-хозяйственному отделу включить модернизацию Wi-Fi в план на 2027 год.",
                ],
            ),
            ("sign", "Начальник БСМЖАБ", "Г.К. Кемелгазыева"),
        ],
    )
    save_docx(
        doc,
        "reports/annual-monitoring-report-2025-2026.docx",
        "Отчёт о мониторинге качества образования за 2025–2026 учебный год",
        "ru",
    )
    reg(
        "Отчёт о мониторинге качества образования за 2025–2026 учебный год",
        "reports/annual-monitoring-report-2025-2026.docx",
        "report",
        "БСМЖАБ",
        "30.09.2026",
        "ru",
        ["kg-minreq:1.2", "esg2015:1.7", "esg2015:1.9", "esg2015:1.6", "knu-bsmjab:1.4.3"],
    )


def strategy_report() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_KY),
            ("c", "2023–2027-жылдарга өнүктүрүү стратегиясынын 2025-жылы аткарылышы жөнүндө ОТЧЕТ"),
            "Отчет Стратегиянын 38 негизги көрсөткүчүнүн 2025-жылдын жыйынтыгы боюнча абалын чагылдырат. "
            "Маалыматтар түзүмдүк бөлүмдөрдөн 2026-жылдын 31-январына чейин чогултулду жана БСМЖАБ "
            "тарабынан текшерилди.",
            (
                "t",
                ["Көрсөткүч", "2025 максат", "2025 иш жүзүндө", "Баа"],
                [
                    ["Бүтүрүүчүлөрдүн 12 айдан кийин ишке орношуусу, %", "70", "70,4", "аткарылды"],
                    ["Илимий даражасы бар ПОКтун үлүшү, %", "55", "55,1", "аткарылды"],
                    ["Көз карандысыз аккредитациядан өткөн программалар, %", "90", "84", "аткарылган жок"],
                    ["Эл аралык аккредитациясы бар программалар", "5", "3", "аткарылган жок"],
                    ["Электрондук курсу бар дисциплиналар, %", "80", "86", "ашыгы менен аткарылды"],
                    ["Студенттердин канааттануусу, %", "75", "73", "жарым-жартылай"],
                ],
                [8, 2.5, 3, 3.5],
            ),
            "Жалпысынан 38 көрсөткүчтүн 24ү аткарылды, 8и жарым-жартылай аткарылды, 6сы аткарылган жок. "
            "Аткарылбаган көрсөткүчтөрдүн негизги себептери: программалык аккредитациянын мөөнөттөрүнүн "
            "кийинкиге жылдырылышы жана эл аралык агенттиктердин кызматтарынын кымбаттыгы.",
            "Сунуштар: аккредитациялоо жана лицензиялоо бөлүмү 2026-жылы кеминде 12 программанын "
            "аккредитациясын уюштурсун; Стратегиялык өнүктүрүү бөлүмү 2027-жылга карата максаттуу "
            "көрсөткүчтөрдү тактасын.",
            ("sign", "Стратегиялык өнүктүрүү бөлүмүнүн башчысы", "Н.У. Касымов"),
        ],
    )
    save_pdf(
        doc,
        "reports/strategy-implementation-report-2025.pdf",
        "Стратегиянын 2025-жылы аткарылышы жөнүндө отчет",
        "ky",
        "Стратегиялык өнүктүрүү бөлүмү",
    )
    reg(
        "Өнүктүрүү стратегиясынын 2025-жылы аткарылышы жөнүндө отчет",
        "reports/strategy-implementation-report-2025.pdf",
        "report",
        "Стратегиялык өнүктүрүү бөлүмү",
        "20.02.2026",
        "ky",
        ["kg-minreq:1.2"],
    )


def internal_audit_report() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_KY),
            ("cn", "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү"),
            ("c", "2026-ЖЫЛЫ ӨТКӨРҮЛГӨН ИЧКИ АУДИТТИН ЖЫЙЫНТЫГЫ БОЮНЧА ОТЧЕТ"),
            ("h", "1. Аудиттин негизи жана чөйрөсү"),
            "Ички аудит ректордун 2026-жылдын 3-мартындагы № 45 буйругунун негизинде 2026-жылдын "
            "16-мартынан 17-апрелине чейин өткөрүлдү. Аудиттин чөйрөсү: төрт факультеттин билим берүү "
            "программаларынын документтери (окуу пландары, силлабустар, окуу-усулдук комплекстер, "
            "кафедралардын протоколдору, аттестациянын жыйынтыктары) жана илимий китепкана.",
            "Аудиттин критерийлери: мамлекеттик билим берүү стандарттары, КУУнун ички жоболору "
            "(КНУ.СМК-П.04, КНУ.СМК-П.07), ESG 2015 жана аккредитациялык агенттиктин стандарттары.",
            ("h", "2. Жыйынтыктар"),
            (
                "t",
                ["Бөлүм", "Олуттуу шайкеш келбестик", "Анча олуттуу эмес", "Жакшыртуу мүмкүнчүлүгү"],
                [
                    ["Экономика факультети", 0, 2, 3],
                    ["Математика, информатика жана кибернетика факультети", 1, 3, 2],
                    ["Социалдык илимдер факультети", 1, 2, 3],
                    ["Кыргыз филологиясы факультети", 0, 1, 2],
                    ["Илимий китепкана", 1, 1, 1],
                    ["Бардыгы", 3, 9, 11],
                ],
                [7, 3, 3, 3.5],
            ),
            ("h", "3. Негизги байкоолор"),
            (
                "ul",
                [
                    "ОШК-1 (ММИК): 710400 программасынын 12 дисциплинасынын окуу-усулдук комплекстери толук эмес; "
                    "баалоо критерийлери силлабустарда көрсөтүлгөн эмес.",
                    "ОШК-2 (СИФ): 2024–2025-окуу жылында программаны жыл сайын кароонун протоколдору жок.",
                    "ОШК-3 (китепкана): IT-дисциплиналар боюнча негизги адабияттын 38 %ы 10 жылдан эски.",
                    "Бардык факультеттерде «Окутуучу студенттердин көзү менен» сурамжылоосунун жыйынтыктары "
                    "кафедраларда талкууланбайт.",
                    "Жакшы тажрыйба: Экономика факультетинде иш берүүчүлөр программаны кароого системалуу катышат.",
                ],
            ),
            ("h", "4. Сунуштар"),
            "Ар бир шайкеш келбестик боюнча бөлүмдөр 2026-жылдын 20-майына чейин корректирлөөчү аракеттердин "
            "планын беришсин. Аракеттердин аткарылышы КПА журналында катталат жана БСМЖАБ тарабынан "
            "чейрек сайын текшерилет.",
            (
                "t",
                ["Кызматы", "Аты-жөнү", "Кол тамгасы"],
                [
                    ["Аудиттин жетекчиси, БСМЖАБдын башчысы", "Кемелгазыева Г.К.", ""],
                    ["Аудитор, башкы адис", "Орозакунова М.К.", ""],
                    ["Аудитор, жетектөөчү адис", "Караева С.Д.", ""],
                ],
                [8, 5, 3.5],
            ),
        ],
    )
    save_pdf(doc, "reports/internal-audit-report-2026.pdf", "Ички аудиттин жыйынтыгы боюнча отчет 2026", "ky")
    reg(
        "2026-жылы өткөрүлгөн ички аудиттин жыйынтыгы боюнча отчет",
        "reports/internal-audit-report-2026.pdf",
        "audit_report",
        "БСМЖАБ",
        "28.04.2026",
        "ky",
        ["esg2015:1.9", "knu-bsmjab:1.4.1", "knu-bsmjab:1.4.7"],
    )


def capa_log() -> None:
    wb = new_wb()
    rows = [
        [
            "КПА-2026-01",
            "Ички аудит 2026",
            "ОШК-1",
            "710400 программасынын 12 дисциплинасынын ОУКлары толук эмес",
            "олуттуу",
            "ОУКларды толуктоо, баалоо критерийлерин силлабустарга киргизүү",
            "Исаков Б.М.",
            d("01.09.2026"),
            "жабылды",
            d("28.08.2026"),
            "Кайра текшерүүдө шайкеш",
        ],
        [
            "КПА-2026-02",
            "Ички аудит 2026",
            "ОШК-2",
            "Программаны жыл сайын кароонун протоколдору жок (СИФ)",
            "олуттуу",
            "Программаны кароону кафедранын иш планына киргизүү, 2025–2026 боюнча кароо өткөрүү",
            "Эсенгулова Д.М.",
            d("30.06.2026"),
            "жабылды",
            d("24.06.2026"),
            "Протокол №9 бар",
        ],
        [
            "КПА-2026-03",
            "Ички аудит 2026",
            "ОШК-3",
            "IT адабиятынын 38 %ы 10 жылдан эски",
            "олуттуу",
            "Электрондук китепканага жазылуу, 2026-жылы 120 аталыш сатып алуу",
            "Алымкулова Ч.Т.",
            d("31.12.2026"),
            "аткарылууда",
            None,
            "",
        ],
        [
            "КПА-2026-04",
            "Ички аудит 2026",
            "ШК-4",
            "Сурамжылоонун жыйынтыктары кафедраларда талкууланбайт",
            "анча олуттуу эмес",
            "Жыйынтыктарды кафедралардын жыйындарында кароо милдеттүү",
            "деканаттар",
            d("15.10.2026"),
            "аткарылууда",
            None,
            "4 факультеттин 2си аткарды",
        ],
        [
            "КПА-2026-05",
            "Ички аудит 2026",
            "ШК-5",
            "Силлабустардын формасы бирдиктүү эмес",
            "анча олуттуу эмес",
            "Бирдиктүү форманы киргизүү (ОМК №3 протокол)",
            "Асанова Н.Т.",
            d("01.09.2026"),
            "жабылды",
            d("01.09.2026"),
            "",
        ],
        [
            "КПА-2026-06",
            "Ички аудит 2026",
            "ШК-6",
            "Практика базалары менен келишимдердин мөөнөтү өтүп кеткен (2)",
            "анча олуттуу эмес",
            "Келишимдерди узартуу",
            "Эсенгулова Д.М.",
            d("01.09.2026"),
            "жабылды",
            d("10.06.2026"),
            "№31-К келишими узартылды",
        ],
        [
            "КПА-2026-07",
            "Сурамжылоо 2026",
            "—",
            f"Wi-Fi тармагына канааттануу төмөн ({student_stat('S08')[0]}/5)",
            "жакшыртуу",
            "Wi-Fi тармагын модернизациялоо долбоору",
            "Аманов С.Т.",
            d("30.06.2027"),
            "пландалды",
            None,
            "",
        ],
        [
            "КПА-2026-08",
            "Тышкы баалоо 2021",
            "Р-3",
            "Бүтүрүүчүлөрдүн ишке орношуусуна системалуу мониторинг жок",
            "олуттуу",
            "Бүтүрүүчүлөрдү көзөмөлдөө системасын киргизүү (6 жана 12 ай)",
            "Жумабаев Т.К.",
            d("31.12.2023"),
            "жабылды",
            d("15.12.2023"),
            "Маалыматтар жыл сайын чогултулат",
        ],
        [
            "КПА-2026-09",
            "Тышкы баалоо 2021",
            "Р-5",
            "Студенттердин сапатты камсыз кылууга катышуусу формалдуу",
            "анча олуттуу эмес",
            "Студенттерди сапат боюнча кеңешке жана комиссияларга киргизүү",
            "Шамшиев А.Б.",
            d("31.12.2025"),
            "жабылды",
            d("02.10.2025"),
            "Буйрук №131",
        ],
        [
            "КПА-2026-10",
            "Тышкы баалоо 2021",
            "Р-7",
            "Англис тилиндеги курстардын саны аз",
            "жакшыртуу",
            "Англис тилинде окутуучу ПОКту окутуу программасы",
            "Касымов Н.У.",
            d("31.12.2026"),
            "аткарылууда",
            None,
            "2026-ж. 58 курс",
        ],
        [
            "КПА-2026-11",
            "Даттануу",
            "Д-12",
            "Апелляциялык комиссиянын чечими 3 күндөн кеч берилген",
            "анча олуттуу эмес",
            "Апелляцияларды каттоонун электрондук журналы",
            "Сыдыков Б.А.",
            d("01.02.2026"),
            "жабылды",
            d("20.01.2026"),
            "",
        ],
        [
            "КПА-2026-12",
            "LMS мониторинги",
            "—",
            "Курстардын 14 %ы 2024-жылдан бери жаңыланган эмес",
            "жакшыртуу",
            "Эскирген курстарды аудиттөө жана жаңылоо",
            "Абдраимов Э.Н.",
            d("01.12.2026"),
            "аткарылууда",
            None,
            "",
        ],
    ]
    sheet(
        wb,
        "КПА журналы",
        [
            "№",
            "Булак",
            "Байкоонун коду",
            "Шайкеш келбестик / көйгөй",
            "Деңгээли",
            "Корректирлөөчү аракет",
            "Жооптуу",
            "Мөөнөтү",
            "Абалы",
            "Жабылган күнү",
            "Натыйжалуулукту текшерүү",
        ],
        rows,
        [13, 16, 10, 46, 16, 46, 16, 12, 13, 13, 28],
        title="Корректирлөөчү жана алдын алуучу аракеттердин (КПА) журналы, 2026",
        first=True,
    )
    save_xlsx(wb, "reports/capa-log-2026.xlsx", "КПА журналы 2026")
    reg(
        "Корректирлөөчү жана алдын алуучу аракеттердин журналы (2026)",
        "reports/capa-log-2026.xlsx",
        "capa_record",
        "БСМЖАБ",
        "10.11.2026",
        "ky",
        ["esg2015:1.9", "knu-bsmjab:1.4.7"],
        note="2021-жылкы тышкы баалоонун сунуштарынын аткарылышын да камтыйт",
    )


def ranking_indicators() -> None:
    wb = new_wb()
    rows = [
        ["Студенттердин жалпы саны", "адам", 19850, 19630, 19420, "Окуу бөлүмү", "ИЖБИМ мониторинги"],
        ["Эл аралык студенттердин үлүшү", "%", 3.1, 3.6, 4.2, "Эл аралык бөлүм", "QS, ИЖБИМ"],
        ["Студент / окутуучу катышы (ставка боюнча)", "катыш", 13.4, 13.1, 12.8, "Кадрлар бөлүмү", "QS, THE"],
        ["Илимий даражасы бар ПОКтун үлүшү", "%", 53.2, 55.1, 56.9, "Кадрлар бөлүмү", "ИЖБИМ, улуттук рейтинг"],
        ["Scopus/WoS басылмалары", "саны", 212, 248, 301, "Илим бөлүмү", "QS, THE Impact"],
        ["Бир окутуучуга цитаталар (5 жыл)", "саны", 1.9, 2.3, 2.8, "Илим бөлүмү", "QS"],
        ["Бүтүрүүчүлөрдүн ишке орношуусу (12 ай)", "%", 68.5, 70.4, 71.2, "Карьера борбору", "ИЖБИМ, улуттук рейтинг"],
        [
            "Аккредитацияланган программалардын үлүшү",
            "%",
            80.0,
            84.0,
            86.5,
            "Аккредитация жана лицензиялоо бөлүмү",
            "ИЖБИМ",
        ],
        ["ТУӨМ (SDG) боюнча отчет тапшырылды", "ооба/жок", "жок", "ооба", "ооба", "БСМЖАБ", "THE Impact"],
    ]
    sheet(
        wb,
        "Көрсөткүчтөр",
        ["Көрсөткүч", "Бирдиги", "2024", "2025", "2026", "Маалымат берүүчү", "Кайда тапшырылат"],
        rows,
        [44, 10, 10, 10, 10, 34, 24],
        title="Рейтингдик көрсөткүчтөр (2026-жылдын 15-октябрына карата)",
        first=True,
    )
    subs = [
        ["ИЖБИМдин ЖОЖдордун мониторинг системасы", d("01.10.2026"), "тапшырылды", "Караева С.Д."],
        ["QS Emerging Europe and Central Asia 2027", d("15.03.2026"), "тапшырылды", "Кемелгазыева Г.К."],
        ["THE Impact Rankings 2026", d("20.11.2025"), "тапшырылды", "Орозакунова М.К."],
        ["Улуттук рейтинг (ЖОЖдордун көз карандысыз рейтинги)", d("30.09.2026"), "тапшырылды", "Караева С.Д."],
    ]
    sheet(wb, "Тапшыруулар", ["Система / рейтинг", "Тапшырылган күнү", "Абалы", "Жооптуу"], subs, [50, 16, 14, 20])
    save_xlsx(wb, "reports/ranking-indicators-2026.xlsx", "Рейтингдик көрсөткүчтөр 2026")
    reg(
        "Рейтингдик көрсөткүчтөр жана ИЖБИМдин мониторинг системасына тапшырылган маалыматтар (2026)",
        "reports/ranking-indicators-2026.xlsx",
        "dataset",
        "БСМЖАБ",
        "15.10.2026",
        "ky",
        ["knu-bsmjab:1.4.5"],
    )


def ranking_analysis() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "Отдел мониторинга качества образования и аудита (БСМЖАБ)"),
            ("c", "АНАЛИТИЧЕСКАЯ СПРАВКА\nоб участии КНУ в национальных и международных рейтингах в 2026 году"),
            "В 2026 году КНУ представил данные в четыре рейтинговые системы: систему мониторинга вузов "
            "Министерства науки, высшего образования и инноваций (МНВОиИ), QS Emerging Europe and Central Asia, "
            "THE Impact Rankings и национальный независимый рейтинг вузов. Сбор данных координировал БСМЖАБ в "
            "соответствии с п. 1.4.5 Положения об отделе.",
            "Наиболее заметная положительная динамика отмечена по публикационной активности (рост числа "
            "публикаций в Scopus/WoS на 21 % к 2025 году) и по доле иностранных студентов (4,2 %). Показатель "
            "соотношения студентов и преподавателей (12,8) остаётся выше, чем у большинства университетов "
            "сравнения в регионе.",
            "Выявлены проблемы качества данных: расхождение численности ППС в данных отдела кадров и "
            "факультетов (27 человек, внешние совместители), отсутствие единого идентификатора автора для "
            "10 % публикаций. Рекомендуется закрепить ответственность за показатели в Регламенте сбора "
            "данных и ввести ежегодную сверку данных до 1 октября.",
            (
                "t",
                ["Рейтинг", "2024", "2025", "2026"],
                [
                    ["QS EECA (позиция)", "201–250", "181–190", "171–180"],
                    ["THE Impact (общий)", "—", "1001+", "801–1000"],
                    ["Национальный рейтинг (место среди классических вузов)", "2", "2", "1"],
                ],
                [8, 2.5, 2.5, 2.5],
            ),
            ("sign", "Начальник БСМЖАБ", "Г.К. Кемелгазыева"),
        ],
    )
    save_docx(doc, "reports/ranking-analysis-2026.docx", "Аналитическая справка об участии КНУ в рейтингах 2026", "ru")
    reg(
        "Аналитическая справка об участии КНУ в национальных и международных рейтингах (2026)",
        "reports/ranking-analysis-2026.docx",
        "report",
        "БСМЖАБ",
        "05.11.2026",
        "ru",
        ["knu-bsmjab:1.4.5", "kg-minreq:1.7"],
    )


def staff_analysis() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "Отдел мониторинга качества образования и аудита (БСМЖАБ)"),
            ("c", "АНАЛИТИЧЕСКАЯ СПРАВКА\nо кадровом обеспечении образовательных программ на 2026–2027 учебный год"),
            "Справка подготовлена по п. 5.10 Положения о БСМЖАБ на основе списка ППС отдела кадров по "
            "состоянию на 01.10.2026 и расчёта учебной нагрузки кафедр. Доли рассчитаны двумя способами: по "
            "числу физических лиц и по ставкам (с учётом внутреннего и внешнего совместительства).",
            (
                "t",
                [
                    "Программа",
                    "Физ. лиц",
                    "Ставок",
                    "Со степенью, % (лица)",
                    "Со степенью, % (ставки)",
                    "Штатные, % (ставки)",
                ],
                [
                    ["580100 Экономика", 46, "38,75", "54,3", "58,4", "81,1"],
                    ["710400 Программная инженерия", 41, "33,50", "43,9", "49,3", "74,6"],
                    ["Психология", 29, "24,25", "58,6", "61,7", "80,4"],
                    ["Кыргыз филологиясы", 37, "34,00", "64,9", "66,3", "88,2"],
                ],
                [5, 1.8, 1.8, 2.8, 2.8, 2.8],
            ),
            "По всем программам доля ППС с учёной степенью по ставкам превышает 45 %. Наиболее низкий "
            "показатель — у программы «Программная инженерия», где значительная часть практических занятий "
            "ведётся внешними совместителями из ИТ-компаний без учёной степени; это соответствует практической "
            "направленности программы, но требует контроля при аккредитации.",
            "Выявлено 6 случаев несоответствия профиля учёной степени преподаваемой дисциплине (экономический "
            "и юридический факультеты); деканам рекомендовано пересмотреть закрепление дисциплин до начала "
            "весеннего семестра.",
            ("sign", "Начальник БСМЖАБ", "Г.К. Кемелгазыева"),
        ],
    )
    save_docx(
        doc,
        "reports/staff-qualification-analysis-2026.docx",
        "Аналитическая справка о кадровом обеспечении программ",
        "ru",
    )
    reg(
        "Аналитическая справка о кадровом обеспечении образовательных программ (2026–2027)",
        "reports/staff-qualification-analysis-2026.docx",
        "report",
        "БСМЖАБ",
        "12.10.2026",
        "ru",
        ["kg-licensing:L5", "knu-bsmjab:1.4.2", "esg2015:1.5"],
    )


# =========================================================================== programmes

ECON_PLAN = [  # (semester, cycle, discipline, credits, control)
    (1, "Б.1", "Кыргыз тили жана адабияты", 3, "сынак"),
    (1, "Б.1", "Орус тили", 3, "сынак"),
    (1, "Б.1", "Англис тили", 4, "сынак"),
    (1, "Б.1", "Кыргызстандын тарыхы", 3, "экзамен"),
    (1, "Б.1", "Манас таануу", 3, "сынак"),
    (1, "Б.2", "Экономисттер үчүн математика I", 5, "экзамен"),
    (1, "Б.3", "Экономикалык теория", 5, "экзамен"),
    (1, "Б.2", "Маалыматтык технологиялар", 4, "экзамен"),
    (2, "Б.1", "Кыргыз тили (кесиптик)", 3, "сынак"),
    (2, "Б.1", "Орус тили (кесиптик)", 3, "сынак"),
    (2, "Б.1", "Англис тили", 4, "экзамен"),
    (2, "Б.1", "Философия", 3, "экзамен"),
    (2, "Б.2", "Экономисттер үчүн математика II", 5, "экзамен"),
    (2, "Б.3", "Микроэкономика", 5, "экзамен"),
    (2, "Б.2", "Статистиканын теориясы", 4, "экзамен"),
    (2, "Б.1", "Кыргызстандын экономикалык географиясы", 3, "сынак"),
    (3, "Б.3", "Макроэкономика", 5, "экзамен"),
    (3, "Б.2", "Ыктымалдуулук теориясы жана математикалык статистика", 5, "экзамен"),
    (3, "Б.3", "Бухгалтердик эсеп", 5, "экзамен"),
    (3, "Б.3", "Финансы", 5, "экзамен"),
    (3, "Б.3", "Маркетинг", 4, "дифф. сынак"),
    (3, "Б.1", "Укук негиздери", 3, "сынак"),
    (3, "Б.2", "Экология жана туруктуу өнүгүү", 3, "сынак"),
    (4, "Б.3", "Менеджмент", 5, "экзамен"),
    (4, "Б.3", "Акча, кредит, банктар", 5, "экзамен"),
    (4, "Б.3", "Экономикалык ой-пикирлердин тарыхы", 4, "экзамен"),
    (4, "Б.3", "Эконометрика", 5, "экзамен"),
    (4, "Б.3", "Дүйнөлүк экономика", 5, "экзамен"),
    (4, "Б.5", "Окуу практикасы", 3, "дифф. сынак"),
    (4, "Б.3", "Тандоо курсу 1: Бизнес-коммуникация", 3, "сынак"),
    (5, "Б.3", "Ишкананын экономикасы", 5, "экзамен"),
    (5, "Б.3", "Мамлекеттик финансы", 5, "экзамен"),
    (5, "Б.3", "Эмгек экономикасы", 5, "экзамен"),
    (5, "Б.3", "Институционалдык экономика", 5, "экзамен"),
    (5, "Б.3", "Тандоо курсу 2: Экономикадагы маалыматтарды талдоо", 5, "дифф. сынак"),
    (5, "Б.3", "Тандоо курсу 3: Банк иши", 5, "экзамен"),
    (6, "Б.3", "Инвестициялар", 5, "экзамен"),
    (6, "Б.3", "Салыктар жана салык салуу", 5, "экзамен"),
    (6, "Б.3", "Эл аралык экономикалык мамилелер", 5, "экзамен"),
    (6, "Б.3", "Экономикалык талдоо", 5, "экзамен"),
    (6, "Б.3", "Тандоо курсу 4: Санариптик экономика", 5, "дифф. сынак"),
    (6, "Б.5", "Өндүрүштүк практика", 5, "дифф. сынак"),
    (7, "Б.3", "Аймактык экономика", 5, "экзамен"),
    (7, "Б.3", "Инновациялык экономика", 5, "экзамен"),
    (7, "Б.3", "Экономикалык изилдөөлөрдүн методдору", 5, "экзамен"),
    (7, "Б.3", "Тандоо курсу 5: Эл аралык финансы", 5, "экзамен"),
    (7, "Б.3", "Тандоо курсу 6: Тобокелдиктерди башкаруу", 5, "дифф. сынак"),
    (7, "Б.3", "Курстук иш", 5, "коргоо"),
    (8, "Б.5", "Дипломдук алдындагы практика", 12, "дифф. сынак"),
    (8, "Б.6", "Мамлекеттик экзамен", 6, "экзамен"),
    (8, "Б.6", "Бүтүрүү квалификациялык ишин аткаруу жана коргоо", 12, "коргоо"),
]

SE_PLAN = [
    (1, "Б.1", "Кыргызский язык", 3, "зачёт"),
    (1, "Б.1", "Русский язык", 3, "зачёт"),
    (1, "Б.1", "Английский язык", 4, "зачёт"),
    (1, "Б.1", "История Кыргызстана", 3, "экзамен"),
    (1, "Б.1", "Манасоведение", 3, "зачёт"),
    (1, "Б.2", "Математический анализ I", 5, "экзамен"),
    (1, "Б.3", "Введение в программирование", 5, "экзамен"),
    (1, "Б.2", "Дискретная математика", 4, "экзамен"),
    (2, "Б.1", "Кыргызский язык (профессиональный)", 3, "зачёт"),
    (2, "Б.1", "Английский язык", 4, "экзамен"),
    (2, "Б.1", "Философия", 3, "экзамен"),
    (2, "Б.2", "Математический анализ II", 5, "экзамен"),
    (2, "Б.2", "Линейная алгебра и аналитическая геометрия", 5, "экзамен"),
    (2, "Б.3", "Объектно-ориентированное программирование", 5, "экзамен"),
    (2, "Б.3", "Архитектура компьютеров", 5, "экзамен"),
    (3, "Б.3", "Алгоритмы и структуры данных", 6, "экзамен"),
    (3, "Б.2", "Теория вероятностей и математическая статистика", 5, "экзамен"),
    (3, "Б.3", "Базы данных", 5, "экзамен"),
    (3, "Б.3", "Операционные системы", 5, "экзамен"),
    (3, "Б.1", "Основы права", 3, "зачёт"),
    (3, "Б.1", "Английский язык (профессиональный)", 3, "зачёт"),
    (3, "Б.2", "Экология и устойчивое развитие", 3, "зачёт"),
    (4, "Б.3", "Компьютерные сети", 5, "экзамен"),
    (4, "Б.3", "Веб-программирование", 5, "экзамен"),
    (4, "Б.3", "Инженерия требований к ПО", 5, "экзамен"),
    (4, "Б.3", "Проектирование ПО", 5, "экзамен"),
    (4, "Б.5", "Учебная практика", 4, "диф. зачёт"),
    (4, "Б.1", "Экономика ИТ-проектов", 3, "зачёт"),
    (4, "Б.3", "Элективный курс 1: Python для анализа данных", 3, "зачёт"),
    (5, "Б.3", "Тестирование и обеспечение качества ПО", 5, "экзамен"),
    (5, "Б.3", "Разработка мобильных приложений", 5, "экзамен"),
    (5, "Б.3", "Управление ИТ-проектами", 5, "экзамен"),
    (5, "Б.3", "Человеко-машинное взаимодействие", 5, "экзамен"),
    (5, "Б.3", "Элективный курс 2: Облачные технологии", 5, "диф. зачёт"),
    (5, "Б.3", "Элективный курс 3: Машинное обучение", 5, "экзамен"),
    (6, "Б.3", "Безопасность программного обеспечения", 5, "экзамен"),
    (6, "Б.3", "DevOps и непрерывная интеграция", 5, "экзамен"),
    (6, "Б.3", "Групповой программный проект", 6, "защита"),
    (6, "Б.5", "Производственная практика", 6, "диф. зачёт"),
    (6, "Б.3", "Элективный курс 4: Разработка игр", 4, "зачёт"),
    (6, "Б.3", "Элективный курс 5: Параллельное программирование", 4, "экзамен"),
    (7, "Б.3", "Сопровождение и эволюция ПО", 5, "экзамен"),
    (7, "Б.3", "Формальные методы в программной инженерии", 5, "экзамен"),
    (7, "Б.1", "Профессиональная этика в ИТ", 3, "зачёт"),
    (7, "Б.3", "Элективный курс 6: Архитектура микросервисов", 5, "экзамен"),
    (7, "Б.3", "Элективный курс 7: Анализ больших данных", 5, "диф. зачёт"),
    (7, "Б.3", "Курсовая работа", 4, "защита"),
    (7, "Б.3", "Научно-исследовательский семинар", 3, "зачёт"),
    (8, "Б.5", "Преддипломная практика", 12, "диф. зачёт"),
    (8, "Б.6", "Государственный экзамен", 6, "экзамен"),
    (8, "Б.6", "Выполнение и защита выпускной квалификационной работы", 12, "защита"),
]


def _plan_rows(plan, prefix):
    rows = []
    for i, (sem, cycle, name, cr, control) in enumerate(plan, 1):
        hours = cr * 30
        if cycle in ("Б.5", "Б.6"):
            lec = prac = 0
        else:
            lec, prac = cr * 6, cr * 6
        rows.append([f"{prefix}.{i:02d}", cycle, name, cr, hours, lec, prac, hours - lec - prac, sem, control])
    return rows


def _plan_summary(plan):
    cycles = sorted({c for _, c, _, _, _ in plan})
    rows = []
    for cycle in cycles:
        per_sem = [sum(cr for s, c, _, cr, _ in plan if c == cycle and s == sem) for sem in range(1, 9)]
        rows.append([cycle, *per_sem, sum(per_sem)])
    totals = [sum(cr for s, _, _, cr, _ in plan if s == sem) for sem in range(1, 9)]
    rows.append(["Бардыгы / Итого", *totals, sum(totals)])
    assert all(t == 30 for t in totals) and sum(totals) == 240, totals
    return rows


def curricula() -> None:
    wb = new_wb()
    sheet(
        wb,
        "Окуу планы",
        [
            "Коду",
            "Цикл",
            "Дисциплина",
            "Кредит",
            "Жалпы саат",
            "Лекция",
            "Практика/семинар",
            "СӨИ",
            "Семестр",
            "Текшерүү формасы",
        ],
        _plan_rows(ECON_PLAN, "ЭК"),
        [9, 7, 52, 8, 10, 8, 10, 8, 9, 15],
        title="Окуу планы: 580100 «Экономика», академиялык даража — бакалавр, күндүзгү окуу, "
        "2026-жылы кабыл алынгандар үчүн",
        first=True,
    )
    sheet(
        wb,
        "Жыйынтык",
        ["Цикл"] + [f"{s}-сем." for s in range(1, 9)] + ["Бардыгы"],
        _plan_summary(ECON_PLAN),
        [16] + [8] * 9,
    )
    cycles = [
        ["Б.1", "Гуманитардык, социалдык жана экономикалык цикл"],
        ["Б.2", "Математикалык жана табигый-илимий цикл"],
        ["Б.3", "Кесиптик цикл"],
        ["Б.5", "Практикалар"],
        ["Б.6", "Жыйынтыктоочу мамлекеттик аттестация"],
    ]
    sheet(wb, "Циклдер", ["Коду", "Аталышы"], cycles, [8, 50])
    save_xlsx(wb, "programmes/curriculum-580100-economics.xlsx", "Окуу планы 580100 Экономика", "Экономика факультети")
    reg(
        "580100 «Экономика» (бакалавр) багытынын окуу планы, 2026-жылы кабыл алынгандар үчүн",
        "programmes/curriculum-580100-economics.xlsx",
        "curriculum",
        "Экономика факультети",
        "26.02.2026",
        "ky",
        ["esg2015:1.2", "kg-minreq:2.1", "knu-bsmjab:1.4.1", "kg-licensing:L6"],
        note="Окумуштуулар кеңешинин 2026-ж. 26-февралындагы №6 токтому менен бекитилген",
    )

    wb = new_wb()
    sheet(
        wb,
        "Учебный план",
        [
            "Код",
            "Цикл",
            "Дисциплина",
            "Кредиты",
            "Всего часов",
            "Лекции",
            "Практ./лаб.",
            "СРС",
            "Семестр",
            "Форма контроля",
        ],
        _plan_rows(SE_PLAN, "ПИ"),
        [9, 7, 52, 8, 10, 8, 10, 8, 9, 15],
        title="Учебный план: 710400 «Программная инженерия», бакалавр, очная форма, набор 2026 года",
        first=True,
    )
    sheet(wb, "Свод", ["Цикл"] + [f"{s} сем." for s in range(1, 9)] + ["Всего"], _plan_summary(SE_PLAN), [16] + [8] * 9)
    save_xlsx(
        wb,
        "programmes/curriculum-710400-software-engineering.xlsx",
        "Учебный план 710400 Программная инженерия",
        "Математика, информатика жана кибернетика факультети",
    )
    reg(
        "Учебный план 710400 «Программная инженерия» (бакалавр), набор 2026 года",
        "programmes/curriculum-710400-software-engineering.xlsx",
        "curriculum",
        "Математика, информатика жана кибернетика факультети",
        "26.02.2026",
        "ru",
        ["kg-minreq:2.1", "kg-licensing:L6"],
    )


SYLLABI = [
    dict(
        file="syllabus-economic-theory-ky.docx",
        lang="ky",
        course="Экономикалык теория",
        credits=5,
        sem=1,
        teacher="Турдубаева А.К., э.и.к., доцент",
        dept="Экономикалык теория кафедрасы",
        about="Курс экономиканын негизги категорияларын, рыноктук механизмдин иштешин, микро- жана "
        "макроэкономикалык талдоонун негиздерин үйрөтөт. Курс кесиптик циклдин бардык "
        "дисциплиналары үчүн база болуп саналат.",
        outcomes=[
            "экономикалык категорияларды жана мыйзамдарды түшүндүрө алат;",
            "суроо-талап жана сунуш моделин колдонуп, рыноктук кырдаалды талдайт;",
            "негизги макроэкономикалык көрсөткүчтөрдү эсептейт жана чечмелейт;",
            "Кыргызстандын экономикасынын учурдагы көйгөйлөрү боюнча негиздүү пикир айтат.",
        ],
        topics=[
            "Экономикалык теориянын предмети жана методдору",
            "Муктаждыктар жана ресурстар",
            "Экономикалык системалар",
            "Рынок жана анын инфраструктурасы",
            "Суроо-талап жана сунуш",
            "Ийкемдүүлүк",
            "Керектөөчүнүн жүрүм-туруму",
            "Өндүрүш жана чыгымдар",
            "Атаандаштык жана монополия",
            "Өндүрүш факторлорунун рыногу",
            "Улуттук эсептер системасы",
            "Жумушсуздук жана инфляция",
            "Акча жана банк системасы",
            "Мамлекеттин экономикалык саясаты",
            "Дүйнөлүк экономика жана Кыргызстан",
        ],
        literature=[
            "Мамытов А.М. Экономикалык теория. — Бишкек, 2021.",
            "Мэнкью Н.Г. Экономикс принциптери. — Орус тилиндеги котормо, 2020.",
            "Кыргыз Республикасынын Улуттук статистика комитетинин маалыматтары (stat.gov.kg).",
        ],
    ),
    dict(
        file="syllabus-microeconomics-ru.docx",
        lang="ru",
        course="Микроэкономика",
        credits=5,
        sem=2,
        teacher="Абдыкадырова Р.К., к.э.н., доцент",
        dept="Кафедра экономической теории",
        about="Курс формирует навыки анализа поведения потребителей и фирм, ценообразования на "
        "рынках с различной структурой и оценки эффективности распределения ресурсов.",
        outcomes=[
            "строить и анализировать модели потребительского выбора;",
            "рассчитывать издержки и оптимальный объём выпуска фирмы;",
            "сравнивать рыночные структуры по эффективности;",
            "применять микроэкономический анализ к задачам экономической политики.",
        ],
        topics=[
            "Предмет и метод микроэкономики",
            "Спрос, предложение, равновесие",
            "Эластичность",
            "Теория потребительского выбора",
            "Эффект дохода и замещения",
            "Производственная функция",
            "Издержки производства",
            "Совершенная конкуренция",
            "Монополия",
            "Монополистическая конкуренция",
            "Олигополия и элементы теории игр",
            "Рынок труда",
            "Рынок капитала",
            "Общее равновесие",
            "Провалы рынка и роль государства",
        ],
        literature=[
            "Пиндайк Р., Рубинфельд Д. Микроэкономика. — М., 2019.",
            "Вэриан Х.Р. Микроэкономика. Промежуточный уровень. — М., 2018.",
            "Сборник задач по микроэкономике / под ред. Р.К. Абдыкадыровой. — Бишкек: КНУ, 2024.",
        ],
    ),
    dict(
        file="syllabus-mathematics-for-economists-ru.docx",
        lang="ru",
        course="Математика для экономистов I",
        credits=5,
        sem=1,
        teacher="Иманалиев К.Т., к.ф.-м.н., доцент",
        dept="Кафедра прикладной математики",
        about="Курс даёт математический аппарат, необходимый для изучения экономической теории, "
        "статистики и эконометрики: линейную алгебру и основы математического анализа.",
        outcomes=[
            "выполнять операции с матрицами и решать системы линейных уравнений;",
            "исследовать функции одной переменной и находить экстремумы;",
            "применять производную для анализа предельных величин в экономике;",
            "строить простейшие линейные экономические модели (модель Леонтьева).",
        ],
        topics=[
            "Матрицы и определители",
            "Системы линейных уравнений",
            "Векторы и линейные пространства",
            "Модель межотраслевого баланса",
            "Функции и пределы",
            "Непрерывность",
            "Производная",
            "Предельный анализ в экономике",
            "Исследование функций",
            "Эластичность функций",
            "Неопределённый интеграл",
            "Определённый интеграл",
            "Приложения интеграла в экономике",
            "Функции нескольких переменных",
            "Оптимизация с ограничениями",
        ],
        literature=[
            "Кремер Н.Ш. Высшая математика для экономистов. — М., 2020.",
            "Малыхин В.И. Математика в экономике. — М., 2019.",
        ],
    ),
    dict(
        file="syllabus-information-technologies-ky.docx",
        lang="ky",
        course="Маалыматтык технологиялар",
        credits=4,
        sem=1,
        teacher="Сатыбалдиев Н.А., ага окутуучу",
        dept="Колдонмо информатика кафедрасы",
        about="Курс студенттерди электрондук жадыбалдар, маалымат базалары, офистик программалар жана "
        "онлайн-кызматташуу куралдары менен иштөөгө үйрөтөт; экономикалык маалыматтарды иштетүүгө "
        "басым жасалат.",
        outcomes=[
            "электрондук жадыбалдарда формулаларды, функцияларды жана диаграммаларды колдонот;",
            "жыйынды таблицалар аркылуу маалыматтарды топтойт жана талдайт;",
            "маалыматтардын коопсуздугунун жана санариптик этиканын эрежелерин сактайт;",
            "LMS жана булуттагы кызматтар аркылуу топто иштейт.",
        ],
        topics=[
            "Маалымат жана маалыматтык процесстер",
            "Компьютердин архитектурасы",
            "Операциялык системалар",
            "Текст редактору: илимий иштин форматы",
            "Электрондук жадыбалдар: негиздер",
            "Формулалар жана функциялар",
            "Диаграммалар",
            "Жыйынды таблицалар",
            "Маалымат базаларына киришүү",
            "SQL суроо-талаптары",
            "Презентациялар",
            "Интернет жана булут кызматтары",
            "Маалымат коопсуздугу",
            "Санариптик этика",
            "Долбоорду коргоо",
        ],
        literature=[
            "Абдраимов Э.Н. Маалыматтык технологиялар. Окуу куралы. — Бишкек: КУУ, 2023.",
            "Microsoft Excel боюнча онлайн-курс (LMS КУУ).",
        ],
    ),
    dict(
        file="syllabus-statistics-ky.docx",
        lang="ky",
        course="Статистиканын теориясы",
        credits=4,
        sem=2,
        teacher="Бакиева Ж.С., э.и.к., доцент",
        dept="Экономикалык теория кафедрасы",
        about="Курс статистикалык байкоонун, маалыматтарды топтоонун, орточо чоңдуктардын, вариация "
        "көрсөткүчтөрүнүн, динамика катарларынын жана индекстердин методологиясын үйрөтөт.",
        outcomes=[
            "статистикалык байкоону пландайт жана уюштурат;",
            "орточо жана вариация көрсөткүчтөрүн эсептейт;",
            "динамика катарларын жана индекстерди талдайт;",
            "Улуттук статистика комитетинин маалыматтарын талдоодо колдонот.",
        ],
        topics=[
            "Статистиканын предмети",
            "Статистикалык байкоо",
            "Жыйынтыктоо жана топтоо",
            "Абсолюттук жана салыштырмалуу чоңдуктар",
            "Орточо чоңдуктар",
            "Вариация көрсөткүчтөрү",
            "Тандоо методу",
            "Корреляциялык талдоо",
            "Регрессиялык талдоо",
            "Динамика катарлары",
            "Тенденцияны аныктоо",
            "Индекстер",
            "Баалардын индекстери",
            "Улуттук эсептер системасы",
            "Статистикалык маалыматты презентациялоо",
        ],
        literature=[
            "Бакиева Ж.С. Статистиканын теориясы. — Бишкек: КУУ, 2022.",
            "Елисеева И.И., Юзбашев М.М. Общая теория статистики. — М., 2020.",
        ],
    ),
]


def syllabi() -> None:
    for s in SYLLABI:
        ky = s["lang"] == "ky"
        doc = new_doc()
        head = (
            ["Окутуучу", "Кафедра", "Кредит", "Семестр", "Программа"]
            if ky
            else ["Преподаватель", "Кафедра", "Кредиты", "Семестр", "Программа"]
        )
        vals = [s["teacher"], s["dept"], str(s["credits"]), str(s["sem"]), "580100 Экономика (бакалавр)"]
        render(
            doc,
            [
                ("cn", UNIV_KY if ky else UNIV_RU),
                ("c", "СИЛЛАБУС: " + s["course"]),
                ("cn", "2026–2027-окуу жылы" if ky else "2026–2027 учебный год"),
                ("t", None, [[h, v] for h, v in zip(head, vals, strict=False)], [4, 13]),
                ("h", "1. Курстун сыпаттамасы" if ky else "1. Описание курса"),
                s["about"],
                ("h", "2. Окутуунун натыйжалары" if ky else "2. Результаты обучения"),
                "Курсту ийгиликтүү аяктаган студент:" if ky else "По завершении курса студент будет способен:",
                ("ul", s["outcomes"]),
                ("h", "3. Курстун мазмуну" if ky else "3. Содержание курса"),
                (
                    "t",
                    ["Апта", "Тема", "Лекция, саат", "Практика, саат"]
                    if ky
                    else ["Неделя", "Тема", "Лекции, ч", "Практика, ч"],
                    [[i, t, 2, 2] for i, t in enumerate(s["topics"], 1)],
                    [1.9, 9.9, 2.6, 2.6],
                ),
                ("h", "4. Баалоо саясаты" if ky else "4. Политика оценивания"),
                (
                    "t",
                    ["Баалоонун түрү", "Упай"] if ky else ["Вид контроля", "Баллы"],
                    [["1-модуль", 30], ["2-модуль", 30], ["Жыйынтыктоочу экзамен", 40], ["Бардыгы", 100]]
                    if ky
                    else [["Модуль 1", 30], ["Модуль 2", 30], ["Итоговый экзамен", 40], ["Итого", 100]],
                    [10, 3],
                ),
                (
                    "Сабакка катышуу милдеттүү; себепсиз 20 %дан ашык калтырган студент экзаменге киргизилбейт. "
                    "Плагиат жана көчүрүү КУУнун академиялык чынчылдык жөнүндө жобосуна ылайык каралат. "
                    "Тапшырмалар LMS аркылуу кабыл алынат."
                    if ky
                    else "Посещение занятий обязательно; студент, пропустивший без уважительной "
                    "причины более 20 % занятий, "
                    "к экзамену не допускается. Плагиат и списывание рассматриваются в соответствии с Положением "
                    "КНУ об академической честности. Задания принимаются через LMS."
                ),
                ("h", "5. Адабияттар" if ky else "5. Литература"),
                ("ul", s["literature"]),
                (
                    "i",
                    (
                        "Кафедранын 2026-жылдын 28-августундагы № 1 жыйынында бекитилген."
                        if ky
                        else "Утверждён на заседании кафедры 28.08.2026, протокол № 1."
                    ),
                ),
            ],
        )
        save_docx(doc, f"programmes/syllabi/{s['file']}", f"Силлабус: {s['course']}", s["lang"], "Экономика факультети")
    reg(
        "580100 «Экономика» багытынын 1-курсунун дисциплиналарынын силлабустары (5 файл)",
        "programmes/syllabi",
        "syllabus",
        "Экономика факультети",
        "28.08.2026",
        "ky",
        ["esg2015:1.3", "knu-bsmjab:1.4.1"],
        note="Папка: кыргыз жана орус тилдериндеги силлабустар",
    )


def programme_passport() -> None:
    doc = new_doc()
    approval(doc, ["«БЕКИТЕМ»", "КУУнун ректору", f"_____________ {RECTOR}", "2026-жылдын 26-февралы"])
    render(
        doc,
        [
            ("c", "НЕГИЗГИ КЕСИПТИК БИЛИМ БЕРҮҮ ПРОГРАММАСЫНЫН ПАСПОРТУ"),
            ("cn", "580100 «Экономика», академиялык даража — «бакалавр»"),
            (
                "t",
                ["Параметр", "Маани"],
                [
                    ["Факультет / бүтүрүүчү кафедра", "Экономика факультети / Экономикалык теория кафедрасы"],
                    ["Мамлекеттик билим берүү стандарты", "580100 «Экономика» багыты боюнча ЖКББ МБС"],
                    ["Көлөмү жана ченемдик мөөнөтү", "240 кредит, 4 жыл (күндүзгү)"],
                    ["Окутуу тилдери", "кыргыз, орус"],
                    ["Программанын жетекчиси", "Турдубаева А.К., э.и.к., доцент"],
                    ["Акыркы кайра кароо", "2025-жылдын 14-ноябры (кафедранын № 4 протоколу)"],
                ],
                [6, 10.5],
            ),
            ("h", "1. Программанын максаты"),
            "Программанын максаты — КУУнун миссиясына ылайык, экономикалык процесстерди талдай алган, "
            "санариптик куралдарды колдонгон жана мамлекеттик, финансылык жана бизнес секторлорунда натыйжалуу "
            "иштей турган, атаандаштыкка жөндөмдүү экономисттерди даярдоо.",
            ("h", "2. Окутуунун күтүлгөн натыйжалары"),
            (
                "ol",
                [
                    "Экономикалык теориянын негиздерин жана экономикалык кубулуштарды талдоонун методдорун колдонот.",
                    "Экономикалык маалыматтарды чогултат, статистикалык жана эконометрикалык ыкмалар менен иштетет.",
                    "Ишкананын жана мамлекеттик сектордун финансылык-экономикалык көрсөткүчтөрүн "
                    "эсептейт жана баалайт.",
                    "Кыргыз, орус жана англис тилдеринде кесиптик маселелер боюнча оозеки жана "
                    "жазуу жүзүндө баарлашат.",
                    "Командада иштейт, кесиптик этиканы жана академиялык чынчылдыкты сактайт.",
                    "Экономикалык чечимдердин социалдык жана экологиялык кесепеттерин эске алат.",
                ],
            ),
            ("h", "3. Иш берүүчүлөрдүн катышуусу"),
            "Программа «Айыл Банк» ААК, Улуттук статистика комитети жана «Ала-Тоо Софт» ЖЧКсы менен "
            "макулдашылган. Иш берүүчүлөрдүн өкүлдөрү программаны жыл сайын кароого, практиканы уюштурууга "
            "жана мамлекеттик аттестациялык комиссиянын ишине катышат.",
            ("h", "4. Программанын натыйжаларынын дисциплиналар менен байланышы (үзүндү)"),
            (
                "t",
                ["Дисциплина", "ОН1", "ОН2", "ОН3", "ОН4", "ОН5", "ОН6"],
                [
                    ["Экономикалык теория", "+", "", "", "", "+", ""],
                    ["Статистиканын теориясы", "", "+", "", "", "", ""],
                    ["Эконометрика", "", "+", "", "", "", ""],
                    ["Ишкананын экономикасы", "+", "", "+", "", "+", ""],
                    ["Экология жана туруктуу өнүгүү", "", "", "", "", "", "+"],
                    ["Англис тили", "", "", "", "+", "", ""],
                    ["Өндүрүштүк практика", "", "+", "+", "+", "+", ""],
                ],
                [6, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
            ),
            ("sign", "Экономика факультетинин деканы", "Р.Д. Осмонов"),
        ],
    )
    save_docx(
        doc,
        "programmes/programme-passport-580100.docx",
        "НКББП паспорту 580100 Экономика",
        "ky",
        "Экономика факультети",
    )
    reg(
        "580100 «Экономика» негизги кесиптик билим берүү программасынын (НКББП) паспорту",
        "programmes/programme-passport-580100.docx",
        "curriculum",
        "Экономика факультети",
        "26.02.2026",
        "ky",
        ["kg-minreq:2.1"],
    )


PROGRAMMES_RU = [
    ("Экономический факультет", "580100", "Экономика"),
    ("Экономический факультет", "580200", "Менеджмент"),
    ("Факультет математики, информатики и кибернетики", "710400", "Программная инженерия"),
    ("Факультет математики, информатики и кибернетики", "510200", "Прикладная математика и информатика"),
    ("Факультет социальных наук", "530000", "Психология"),
    ("Факультет кыргызской филологии", "520100", "Филология"),
]


def grade_statistics() -> None:
    rng = random.Random(2026)
    rows = []
    for fac, code, name in PROGRAMMES_RU:
        for course in (1, 2, 3):
            for disc in rng.sample(
                [
                    "Математика",
                    "Английский язык",
                    "Философия",
                    "История Кыргызстана",
                    "Информационные технологии",
                    "Профильная дисциплина 1",
                    "Профильная дисциплина 2",
                    "Профильная дисциплина 3",
                ],
                2,
            ):
                n = rng.randint(45, 130)
                absent = rng.randint(0, 4)
                f = rng.randint(2, max(3, n // 8))
                passed = n - absent - f
                a = int(passed * rng.uniform(0.12, 0.25))
                b = int(passed * rng.uniform(0.25, 0.35))
                c = int(passed * rng.uniform(0.15, 0.25))
                dd = int(passed * rng.uniform(0.08, 0.15))
                e = passed - a - b - c - dd
                mean = round((a * 92 + b * 83 + c * 76 + dd * 70 + e * 64 + f * 45) / (n - absent), 1)
                rows.append(
                    [
                        fac,
                        code,
                        name,
                        course,
                        disc,
                        2 * course - 1,
                        n,
                        passed,
                        a,
                        b,
                        c,
                        dd,
                        e,
                        f,
                        absent,
                        str(mean).replace(".", ","),
                    ]
                )
    save_csv(
        "programmes/grade-statistics-2025-2026-winter.csv",
        [
            "Факультет",
            "Шифр ОП",
            "Программа",
            "Курс",
            "Дисциплина",
            "Семестр",
            "Записано",
            "Сдали",
            "A",
            "B",
            "C",
            "D",
            "E",
            "F",
            "Неявка",
            "Средний балл",
        ],
        rows,
        encoding="utf-8-sig",
        delimiter=";",
    )
    reg(
        "Статистика успеваемости по итогам зимней сессии 2025–2026 учебного года (выгрузка)",
        "programmes/grade-statistics-2025-2026-winter.csv",
        "dataset",
        "Окуу бөлүмү",
        "10.02.2026",
        "ru",
        ["esg2015:1.3", "knu-bsmjab:1.4.1"],
        note="CSV, UTF-8 с BOM, разделитель «;»",
    )


def contingent() -> None:
    rng = random.Random(110)
    rows = []
    for fac, code, name in PROGRAMMES_RU:
        for course in (1, 2, 3, 4):
            budget = rng.randint(25, 60)
            contract = rng.randint(40, 140) - course * 6
            rows.append([fac, code, name, "бакалавриат", "очная", course, budget, contract, budget + contract])
        rows.append([fac, code, name, "магистратура", "очная", 1, rng.randint(5, 15), rng.randint(8, 25), 0])
        rows[-1][-1] = rows[-1][-3] + rows[-1][-2]
    save_csv(
        "programmes/contingent-2026-10-01.csv",
        ["Факультет", "Код", "Направление", "Уровень", "Форма обучения", "Курс", "Бюджет", "Контракт", "Всего"],
        rows,
        encoding="cp1251",
        delimiter=";",
    )
    reg(
        "Контингент студентов по направлениям на 01.10.2026 (выгрузка из АИС, выборка факультетов)",
        "programmes/contingent-2026-10-01.csv",
        "dataset",
        "Окуу бөлүмү",
        "01.10.2026",
        "ru",
        ["esg2015:1.4", "kg-licensing:L3"],
        note="CSV в кодировке Windows-1251, разделитель «;»",
    )


# =========================================================================== staff

DEPARTMENTS = [
    ("Кафедра экономической теории", "экономика"),
    ("Кафедра финансов и кредита", "экономика"),
    ("Кафедра прикладной математики", "математика"),
    ("Кафедра программной инженерии", "информатика"),
    ("Кафедра психологии", "психология"),
    ("Кафедра кыргызского языка", "филология"),
]
DEGREES = {
    "экономика": ("д.э.н.", "к.э.н."),
    "математика": ("д.ф.-м.н.", "к.ф.-м.н."),
    "информатика": ("д.т.н.", "к.т.н."),
    "психология": ("д.псх.н.", "к.псх.н."),
    "филология": ("д.филол.н.", "к.филол.н."),
}


def staff_records() -> list[list]:
    """Return the sample teaching staff list (deterministic)."""
    rng = random.Random(73)
    staff, seen = [], set()
    for dept, branch in DEPARTMENTS:
        for _ in range(rng.randint(10, 14)):
            name = person(rng)
            while name in seen:
                name = person(rng)
            seen.add(name)
            roll = rng.random()
            if roll < 0.08:
                post, degree, title = "профессор", DEGREES[branch][0], "профессор"
            elif roll < 0.45:
                post, degree, title = (
                    "доцент",
                    rng.choice([DEGREES[branch][1], DEGREES[branch][1], "PhD"]),
                    rng.choice(["доцент", "—"]),
                )
            elif roll < 0.8:
                post, degree, title = "старший преподаватель", rng.choice(["—", "—", DEGREES[branch][1]]), "—"
            else:
                post, degree, title = "преподаватель", "—", "—"
            emp = rng.choices(
                ["штатный", "внутренний совместитель", "внешний совместитель", "почасовик"], [70, 8, 15, 7]
            )[0]
            rate = {
                "штатный": rng.choice([1.0, 1.0, 1.0, 0.75]),
                "внутренний совместитель": rng.choice([0.25, 0.5]),
                "внешний совместитель": rng.choice([0.25, 0.5]),
                "почасовик": 0.0,
            }[emp]
            profile = branch if rng.random() > 0.07 else rng.choice(["история", "педагогика", "юриспруденция"])
            staff.append(
                [name, dept, post, degree, title, emp, rate, rng.randint(1955, 1996), profile if degree != "—" else ""]
            )
    return staff


def staff_list(staff) -> None:
    wb = new_wb()
    profile = dict(DEPARTMENTS)
    rows = [[i, *r, profile[r[1]]] for i, r in enumerate(staff, 1)]
    sheet(
        wb,
        "ППС",
        [
            "№",
            "ФИО",
            "Кафедра",
            "Должность",
            "Учёная степень",
            "Учёное звание",
            "Штат/совместитель",
            "Ставка",
            "Год рождения",
            "Отрасль науки учёной степени",
            "Профиль кафедры",
        ],
        rows,
        [5, 24, 32, 22, 14, 12, 24, 8, 12, 22, 18],
        title="Список профессорско-преподавательского состава (выборка кафедр) на 01.10.2026",
        first=True,
    )
    summary = []
    for dept, _ in DEPARTMENTS:
        people = [r for r in staff if r[1] == dept]
        rates = sum(r[6] for r in people)
        with_degree = sum(r[6] for r in people if r[3] != "—")
        full = sum(r[6] for r in people if r[5] == "штатный")
        summary.append(
            [
                dept,
                len(people),
                rates,
                round(100 * with_degree / rates, 1) if rates else 0,
                round(100 * full / rates, 1) if rates else 0,
            ]
        )
    sheet(
        wb,
        "Свод",
        ["Кафедра", "Физ. лиц", "Ставок", "Доля со степенью (по ставкам), %", "Доля штатных (по ставкам), %"],
        summary,
        [34, 10, 10, 20, 20],
    )
    save_xlsx(wb, "staff/staff-list-2026-2027.xlsx", "Список ППС на 2026–2027 учебный год", "Кадрлар бөлүмү")
    reg(
        "Список профессорско-преподавательского состава на 2026–2027 уч. год (степень, звание, ставка, вид занятости)",
        "staff/staff-list-2026-2027.xlsx",
        "dataset",
        "Кадрлар бөлүмү",
        "01.10.2026",
        "ru",
        ["esg2015:1.5", "knu-bsmjab:1.4.2", "kg-licensing:L5"],
    )


def consents(staff) -> None:
    wb = new_wb()
    rows, n = [], 0
    for r in staff:
        if r[5] == "почасовик":
            continue
        n += 1
        day = dt.date(2026, 6, 1) + dt.timedelta(days=(n * 7) % 80)
        until = dt.date(2026 + (1 if r[5] != "штатный" else 1 + n % 4), 8, 31)
        rows.append([n, r[0], r[2], r[1], r[5], f"С-{n:03d}/2026", day, until])
    sheet(
        wb,
        "Согласия",
        ["№", "ФИО", "Должность", "Кафедра", "Вид занятости", "№ согласия", "Дата согласия", "Трудовой договор до"],
        rows,
        [5, 24, 22, 32, 24, 13, 14, 18],
        title="Реестр письменных согласий ППС на заключение трудовых договоров, 2026–2027 уч. год",
        first=True,
    )
    save_xlsx(wb, "staff/employment-consents-register.xlsx", "Реестр письменных согласий ППС", "Кадрлар бөлүмү")
    reg(
        "Реестр письменных согласий ППС на заключение трудовых договоров (2026–2027)",
        "staff/employment-consents-register.xlsx",
        "staff_file",
        "Кадрлар бөлүмү",
        "15.09.2026",
        "ru",
        ["kg-licensing:L4"],
        note="Оригиналы согласий хранятся в личных делах",
    )


def pd_records(staff) -> None:
    rng = random.Random(72)
    courses = [
        ("Педагогика высшей школы", "ИПК КНУ", 72),
        ("Цифровые образовательные технологии и LMS", "ОЭО КНУ", 36),
        ("Обеспечение качества в высшем образовании (ESG)", "БСБСД КНУ", 36),
        ("Академическое письмо и публикации в Scopus", "Научный отдел КНУ", 24),
        ("English for Academic Purposes (B2)", "Центр языков КНУ", 108),
        ("Сапатты камсыз кылуу: ички аудитор", "БСБСД КНУ", 36),
        ("Методика преподавания эконометрики", "Erasmus+ проект", 40),
    ]
    rows = []
    for i, r in enumerate(rng.sample(staff, 45), 1):
        c = rng.choice(courses)
        start = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randint(0, 300))
        rows.append(
            [i, r[0], r[1], c[0], c[1], start, start + dt.timedelta(days=c[2] // 6), c[2], f"ПК-{start.year}-{i:04d}"]
        )
    wb = new_wb()
    sheet(
        wb,
        "Повышение квалификации",
        ["№", "ФИО", "Кафедра", "Программа", "Организатор", "Начало", "Окончание", "Часы", "№ сертификата"],
        rows,
        [5, 24, 32, 44, 20, 12, 12, 8, 16],
        title="Сведения о повышении квалификации ППС, 2025–2026 учебный год",
        first=True,
    )
    save_xlsx(
        wb, "staff/professional-development-2025-2026.xlsx", "Повышение квалификации ППС 2025–2026", "Кадрлар бөлүмү"
    )
    reg(
        "Сведения о повышении квалификации ППС за 2025–2026 учебный год",
        "staff/professional-development-2025-2026.xlsx",
        "dataset",
        "Кадрлар бөлүмү",
        "05.07.2026",
        "ru",
        ["esg2015:1.5"],
    )


# =========================================================================== surveys

LIKERT_KY = [
    "1 — таптакыр макул эмесмин",
    "2 — макул эмесмин",
    "3 — бейтарапмын",
    "4 — макулмун",
    "5 — толугу менен макулмун",
]
LIKERT_RU = [
    "1 — полностью не согласен",
    "2 — скорее не согласен",
    "3 — затрудняюсь ответить",
    "4 — скорее согласен",
    "5 — полностью согласен",
]

STUDENT_ITEMS = [
    ("S01", "Окуу программасынын мазмуну менин кесиптик максаттарыма шайкеш келет.", 3.9),
    ("S02", "Окутуучулар сабакты түшүнүктүү жана кызыктуу өтүшөт.", 4.02),
    ("S03", "Баалоонун критерийлери алдын ала жарыяланат жана калыс колдонулат.", 3.6),
    ("S04", "Тапшырмалар боюнча окутуучулардан өз убагында кайтарым байланыш алам.", 3.4),
    ("S05", "Окуу аудиториялары жана лабораториялар окуу үчүн ыңгайлуу.", 3.2),
    ("S06", "Китепканада керектүү адабияттар жетиштүү.", 3.3),
    ("S07", "Электрондук окутуу системасы (LMS) ыңгайлуу жана туруктуу иштейт.", 3.7),
    ("S08", "Университетте Wi-Fi жеткиликтүү жана сапаттуу.", 2.7),
    ("S09", "Деканаттын жана окуу бөлүмүнүн кызматтары сапаттуу көрсөтүлөт.", 3.3),
    ("S10", "Академиялык чынчылдыктын эрежелери бардык студенттерге бирдей колдонулат.", 3.5),
    ("S11", "Менин пикирим университеттин жетекчилиги тарабынан эске алынат.", 3.0),
    ("S12", "Жалпысынан КУУдагы окуу менен канааттанам.", 3.98),
]


def likert(rng: random.Random, mean: float) -> int:
    weights = [2.718 ** (-((k - mean) ** 2) / 1.3) for k in range(1, 6)]
    return rng.choices(range(1, 6), weights)[0]


def _summary(items, answers):
    out = []
    for j, (code, text, _) in enumerate(items):
        vals = [a[j] for a in answers if a[j] is not None]
        n = len(vals)
        out.append(
            [
                code,
                text,
                n,
                round(sum(vals) / n, 2),
                round(100 * sum(v >= 4 for v in vals) / n, 1),
                round(100 * sum(v <= 2 for v in vals) / n, 1),
            ]
        )
    return out


def _survey_wb(title, items, meta_head, meta_rows, answers, scale, lang="ky"):
    wb = new_wb()
    codes = [c for c, _, _ in items]
    rows = [m + a for m, a in zip(meta_rows, answers, strict=False)]
    sheet(
        wb,
        "Жооптор" if lang == "ky" else "Ответы",
        meta_head + codes,
        rows,
        [10] + [18] * (len(meta_head) - 1) + [6] * len(codes),
        first=True,
    )
    sheet(
        wb,
        "Суроолор" if lang == "ky" else "Вопросы",
        ["Коду" if lang == "ky" else "Код", "Суроо" if lang == "ky" else "Утверждение"],
        [[c, t] for c, t, _ in items],
        [8, 90],
    )
    sheet(wb, "Шкала", ["Маани" if lang == "ky" else "Значение"], [[s] for s in scale], [40])
    head = (
        ["Коду", "Суроо", "Жооп берди", "Орточо", "4–5 %", "1–2 %"]
        if lang == "ky"
        else ["Код", "Утверждение", "Ответили", "Среднее", "4–5, %", "1–2, %"]
    )
    sheet(
        wb,
        "Жыйынтык" if lang == "ky" else "Итоги",
        head,
        _summary(items, answers),
        [8, 80, 12, 10, 10, 10],
        title=title,
    )
    return wb


_STUDENT_ANSWERS: list = []


def student_answers() -> tuple[list, list]:
    """Return the (deterministic) metadata and answers of the 2026 student survey."""
    if not _STUDENT_ANSWERS:
        rng = random.Random(501)
        faculties = ["Экономика", "ММИК", "Социалдык илимдер", "Кыргыз филологиясы", "Юридикалык"]
        meta, answers = [], []
        for i in range(1, 313):
            meta.append(
                [f"R{i:04d}", rng.choice(faculties), rng.randint(1, 4), rng.choice(["кыргыз", "кыргыз", "орус"])]
            )
            answers.append([None if rng.random() < 0.03 else likert(rng, m) for _, _, m in STUDENT_ITEMS])
        _STUDENT_ANSWERS.extend([meta, answers])
    return _STUDENT_ANSWERS[0], _STUDENT_ANSWERS[1]


def student_stat(code: str) -> tuple[str, str]:
    """Return the mean and the share of 4–5 answers of one student-survey item, written with a comma."""
    row = next(r for r in _summary(STUDENT_ITEMS, student_answers()[1]) if r[0] == code)
    return f"{row[3]:.1f}".replace(".", ","), f"{row[4]:.0f}"


def student_survey() -> None:
    meta, answers = student_answers()
    wb = _survey_wb(
        "Студенттердин канааттануусун сурамжылоонун жыйынтыктары, май 2026 (n = 312)",
        STUDENT_ITEMS,
        ["ID", "Факультет", "Курс", "Окуу тили"],
        meta,
        answers,
        LIKERT_KY,
    )
    save_xlsx(wb, "surveys/student-satisfaction-2026.xlsx", "Студенттердин канааттануусу 2026")
    reg(
        "Студенттердин окуу шарттарына жана окутуунун сапатына канааттануусун сурамжылоонун жыйынтыктары (май 2026)",
        "surveys/student-satisfaction-2026.xlsx",
        "survey_results",
        "БСМЖАБ",
        "15.06.2026",
        "ky",
        ["knu-bsmjab:1.4.4", "esg2015:1.3"],
        note="Онлайн-анкета, n = 312, Likert 1–5",
    )


TEACHER_ITEMS = [
    ("T1", "Окутуучу сабакка даярдыгы менен келет.", 4.2),
    ("T2", "Материалды түшүнүктүү түшүндүрөт.", 3.9),
    ("T3", "Студенттерди талкууга тартат.", 3.7),
    ("T4", "Баалоо калыс жана ачык.", 3.8),
    ("T5", "Сабактын убактысын натыйжалуу колдонот.", 4.0),
    ("T6", "LMSти үзгүлтүксүз колдонот.", 3.5),
    ("T7", "Консультацияларда жеткиликтүү.", 3.6),
    ("T8", "Жалпысынан окутуучунун ишине канааттанам.", 3.9),
]


def teacher_survey() -> None:
    rng = random.Random(502)
    teachers = [(f"T-{i:03d}", rng.choice([d for d, _ in DEPARTMENTS]), rng.uniform(-0.6, 0.5)) for i in range(1, 41)]
    meta, answers = [], []
    for i in range(1, 601):
        code, dept, shift = rng.choice(teachers)
        meta.append([f"A{i:04d}", code, dept, rng.randint(1, 4)])
        answers.append([likert(rng, m + shift) for _, _, m in TEACHER_ITEMS])
    wb = _survey_wb(
        "«Окутуучу студенттердин көзү менен» сурамжылоосу, 2025–2026 окуу жылы, жазгы семестр",
        TEACHER_ITEMS,
        ["ID", "Окутуучунун коду", "Кафедра", "Курс"],
        meta,
        answers,
        LIKERT_KY,
    )
    per_teacher = []
    for code, dept, _ in teachers:
        vals = [sum(a) / len(a) for m, a in zip(meta, answers, strict=False) if m[1] == code]
        if vals:
            per_teacher.append([code, dept, len(vals), round(sum(vals) / len(vals), 2)])
    sheet(
        wb,
        "Окутуучулар боюнча",
        ["Окутуучунун коду", "Кафедра", "Анкеталар", "Орточо балл"],
        per_teacher,
        [18, 34, 12, 12],
    )
    save_xlsx(wb, "surveys/teacher-evaluation-by-students-2026.xlsx", "Окутуучу студенттердин көзү менен 2026")
    reg(
        "«Окутуучу студенттердин көзү менен» сурамжылоосунун жыйынтыктары (2026, жазгы семестр)",
        "surveys/teacher-evaluation-by-students-2026.xlsx",
        "survey_results",
        "БСМЖАБ",
        "20.05.2026",
        "ky",
        ["esg2015:1.5", "knu-bsmjab:1.4.2"],
        note="Окутуучулардын аты-жөнү коддолгон; ачкыч БСМЖАБда сакталат",
    )


GRAD_ITEMS = [
    ("G01", "Алган билимим азыркы ишиме керектүү.", 3.7),
    ("G02", "Программа практикалык көндүмдөрдү жетиштүү берди.", 3.1),
    ("G03", "Окутуучулардын квалификациясы жогору болду.", 3.9),
    ("G04", "Практика кесипке даярданууга жардам берди.", 3.4),
    ("G05", "Карьера борбору иш издөөдө колдоо көрсөттү.", 2.9),
    ("G06", "Окуу ресурстары жетиштүү болду.", 3.3),
    ("G07", "Бүтүрүү ишин даярдоодо жетекчиден жардам алдым.", 4.0),
    ("G08", "КУУну досторума сунуштайм.", 3.8),
]


def graduate_survey() -> None:
    rng = random.Random(503)
    progs = ["580100 Экономика", "580200 Менеджмент", "710400 Программалык инженерия", "Психология", "Филология"]
    meta, answers = [], []
    for i in range(1, 147):
        status = rng.choices(
            [
                "иштейт (адистиги боюнча)",
                "иштейт (адистигинен тышкары)",
                "окуусун улантат",
                "иш издеп жатат",
                "бала багуу өргүүсүндө",
            ],
            [55, 18, 12, 11, 4],
        )[0]
        meta.append([f"G{i:04d}", rng.choice(progs), status])
        answers.append([likert(rng, m) for _, _, m in GRAD_ITEMS])
    wb = _survey_wb(
        "Бүтүрүүчүлөрдү сурамжылоонун жыйынтыктары, 2026-жылдын бүтүрүүчүлөрү (n = 146)",
        GRAD_ITEMS,
        ["ID", "Программа", "Учурдагы абалы"],
        meta,
        answers,
        LIKERT_KY,
    )
    save_xlsx(wb, "surveys/graduate-survey-2026.xlsx", "Бүтүрүүчүлөрдү сурамжылоо 2026", "Карьера борбору")
    reg(
        "Бүтүрүүчүлөрдү сурамжылоонун жыйынтыктары (2026-жылдын бүтүрүүчүлөрү)",
        "surveys/graduate-survey-2026.xlsx",
        "survey_results",
        "Карьера борбору",
        "10.07.2026",
        "ky",
        ["knu-bsmjab:1.4.4"],
    )


EMP_ITEMS = [
    ("E01", "Выпускники КНУ обладают необходимыми теоретическими знаниями.", 4.0),
    ("E02", "Выпускники владеют практическими навыками, востребованными в организации.", 3.2),
    ("E03", "Выпускники умеют работать с цифровыми инструментами и данными.", 3.4),
    ("E04", "Выпускники владеют государственным, официальным и английским языками.", 3.5),
    ("E05", "Выпускники умеют работать в команде.", 3.9),
    ("E06", "КНУ привлекает работодателей к разработке образовательных программ.", 3.3),
    ("E07", "Организация готова принимать студентов КНУ на практику.", 4.3),
    ("E08", "В целом организация удовлетворена качеством подготовки выпускников КНУ.", 3.8),
]


def employer_survey() -> None:
    rng = random.Random(504)
    sectors = ["банковский сектор", "государственное управление", "ИТ-компания", "образование", "НКО", "торговля"]
    suggestions = [
        "Больше практики на реальных данных",
        "Увеличить долю английского языка",
        "",
        "Стажировки с третьего курса",
        "",
        "Совместные курсы с компаниями",
        "Курс по Excel/Power BI",
        "",
    ]
    meta, answers = [], []
    for i in range(1, 35):
        meta.append([f"O{i:03d}", rng.choice(sectors), rng.choice(["до 50", "50–250", "более 250"])])
        answers.append([likert(rng, m) for _, _, m in EMP_ITEMS])
    wb = _survey_wb(
        "Результаты опроса работодателей, сентябрь 2026 (n = 34)",
        EMP_ITEMS,
        ["ID", "Сектор", "Численность персонала"],
        meta,
        answers,
        LIKERT_RU,
        lang="ru",
    )
    sheet(wb, "Предложения", ["ID", "Предложение"], [[m[0], rng.choice(suggestions)] for m in meta], [8, 60])
    save_xlsx(wb, "surveys/employer-survey-2026.xlsx", "Опрос работодателей 2026", "Карьера борбору")
    reg(
        "Результаты опроса работодателей об удовлетворённости подготовкой выпускников (сентябрь 2026)",
        "surveys/employer-survey-2026.xlsx",
        "survey_results",
        "Карьера борбору",
        "30.09.2026",
        "ru",
        ["knu-bsmjab:1.4.4", "kg-minreq:1.3"],
    )


def student_questionnaire() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_KY),
            ("cn", "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү"),
            ("c", "СТУДЕНТТЕРДИН ОКУУ ШАРТТАРЫНА ЖАНА ОКУТУУНУН САПАТЫНА КАНААТТАНУУСУН ИЗИЛДӨӨ АНКЕТАСЫ"),
            "Урматтуу студент! Бул сурамжылоо КУУдагы окуунун сапатын жакшыртуу максатында өткөрүлөт. "
            "Анкета анонимдүү; жооптор жалпыланган түрдө гана талданат. Анкетаны толтурууга 10 мүнөттөй "
            "убакыт кетет. Ар бир ырастоо боюнча өзүңүздүн макулдугуңуздун деңгээлин белгилеңиз.",
            ("h", "А бөлүгү. Жалпы маалымат"),
            ("ul", ["Факультет: ______________________", "Курс: 1 / 2 / 3 / 4", "Окуу тили: кыргыз / орус / англис"]),
            ("h", "Б бөлүгү. Ырастоолор (1 — таптакыр макул эмесмин … 5 — толугу менен макулмун)"),
            (
                "t",
                ["Коду", "Ырастоо", "1", "2", "3", "4", "5"],
                [[c, t, "", "", "", "", ""] for c, t, _ in STUDENT_ITEMS],
                [1.3, 10.2, 1, 1, 1, 1, 1],
            ),
            ("h", "В бөлүгү. Ачык суроолор"),
            (
                "ol",
                [
                    "КУУдагы окуунун эң күчтүү жактары кайсылар?",
                    "Окуу процессинде эмнени биринчи кезекте өзгөртүү керек деп ойлойсуз?",
                ],
            ),
            (
                "i",
                "Анкета Сапат боюнча кеңеште 2026-жылдын 1-апрелинде макулдашылган; "
                "онлайн-формада LMS аркылуу таратылат. Катышканыңыз үчүн рахмат!",
            ),
        ],
    )
    save_docx(
        doc, "surveys/student-satisfaction-questionnaire.docx", "Студенттердин канааттануусун изилдөө анкетасы", "ky"
    )
    reg(
        "Студенттердин канааттануусун изилдөө анкетасы (инструмент)",
        "surveys/student-satisfaction-questionnaire.docx",
        "survey_instrument",
        "БСМЖАБ",
        "01.04.2026",
        "ky",
        ["knu-bsmjab:1.4.4"],
    )


def graduate_employment() -> None:
    rng = random.Random(505)
    progs = [
        ("580100", "Экономика", 148, 104),
        ("580200", "Менеджмент", 96, 63),
        ("710400", "Программалык инженерия", 71, 58),
        ("510200", "Колдонмо математика жана информатика", 44, 35),
        ("—", "Психология", 58, 36),
        ("—", "Филология (кыргыз тили жана адабияты)", 83, 53),
        ("—", "Юриспруденция", 167, 126),
    ]  # 475 of 667 employed = 71.2 %
    summary, records, num = [], [], 0
    for code, name, n, emp12 in progs:
        emp6 = round(emp12 * rng.uniform(0.8, 0.9))
        in_field = round(emp12 * rng.uniform(0.6, 0.85))
        study = round(n * rng.uniform(0.06, 0.12))
        army = round(n * rng.uniform(0.0, 0.03))
        leave = round(n * rng.uniform(0.02, 0.05))
        unknown = n - emp12 - study - army - leave
        summary.append(
            [
                code,
                name,
                n,
                emp6,
                emp12,
                in_field,
                study,
                army,
                leave,
                unknown,
                round(100 * emp12 / n, 1),
                round(100 * in_field / n, 1),
            ]
        )
        for k in range(n):
            num += 1
            status = (
                "иштейт"
                if k < emp12
                else "окуйт"
                if k < emp12 + study
                else "аскер кызматында"
                if k < emp12 + study + army
                else "бала багуу өргүүсү"
                if k < emp12 + study + army + leave
                else "маалымат жок"
            )
            sector = (
                rng.choice(["мамлекеттик", "жеке", "банк", "билим берүү", "IT", "эл аралык уюм"])
                if status == "иштейт"
                else ""
            )
            records.append(
                [
                    f"B25-{num:04d}",
                    code,
                    name,
                    status,
                    "ооба" if status == "иштейт" and k < in_field else ("жок" if status == "иштейт" else ""),
                    sector,
                    rng.choice(["сурамжылоо", "Социалдык фонддун маалыматы", "кафедра"]),
                ]
            )
    wb = new_wb()
    sheet(
        wb,
        "Жыйынтык",
        [
            "Коду",
            "Программа",
            "Бүтүрүүчүлөр",
            "Иште (6 ай)",
            "Иште (12 ай)",
            "Адистиги боюнча",
            "Окуусун улантат",
            "Аскер кызматында",
            "Бала багуу өргүүсү",
            "Маалымат жок",
            "Ишке орношуу, %",
            "Адистиги боюнча, %",
        ],
        summary,
        [8, 38, 12, 11, 11, 13, 13, 13, 13, 12, 13, 14],
        title="2025-жылдын бүтүрүүчүлөрүнүн ишке орношуусу (2026-жылдын 15-октябрына карата абал)",
        first=True,
    )
    sheet(
        wb,
        "Бүтүрүүчүлөр",
        ["ID", "Коду", "Программа", "Абалы", "Адистиги боюнча", "Сектор", "Маалымат булагы"],
        records,
        [12, 8, 38, 20, 15, 16, 26],
    )
    save_xlsx(
        wb,
        "Карьера борбору/Бүтүрүүчүлөрдүн ишке орношуусу 2025.xlsx",
        "2025-жылдын бүтүрүүчүлөрүнүн ишке орношуусу",
        "Карьера борбору",
    )
    reg(
        "2025-жылдын бүтүрүүчүлөрүнүн ишке орношуусу боюнча маалыматтар (6 жана 12 ай)",
        "Карьера борбору/Бүтүрүүчүлөрдүн ишке орношуусу 2025.xlsx",
        "dataset",
        "Карьера борбору",
        "15.10.2026",
        "ky",
        ["esg2015:1.7"],
        note="Жеке маалыматтар коддолгон",
    )


# =========================================================================== resources

BUILDINGS = [
    (
        "1",
        "Башкы окуу имараты",
        "Бишкек ш., Фрунзе көч., 547",
        1974,
        28450.0,
        17980.0,
        "оперативдик башкаруу",
        "ТП-01-0547 (2018)",
    ),
    (
        "2",
        "2-окуу имараты",
        "Бишкек ш., Манас пр., 101",
        1968,
        12300.0,
        7640.0,
        "оперативдик башкаруу",
        "ТП-01-0101 (2019)",
    ),
    (
        "3",
        "3-окуу имараты",
        "Бишкек ш., Абдымомунов көч., 328",
        1981,
        9870.0,
        6120.0,
        "оперативдик башкаруу",
        "ТП-01-0328 (2018)",
    ),
    (
        "4",
        "4-окуу имараты",
        "Бишкек ш., Жибек Жолу пр., 394",
        1986,
        11240.0,
        6950.0,
        "оперативдик башкаруу",
        "ТП-01-0394 (2020)",
    ),
    (
        "5",
        "5-окуу имараты",
        "Бишкек ш., Чүй пр., 255",
        1979,
        8600.0,
        5310.0,
        "оперативдик башкаруу",
        "ТП-01-0255 (2021)",
    ),
    (
        "6",
        "6-окуу имараты (ММИК)",
        "Бишкек ш., Фрунзе көч., 547/2",
        1990,
        10450.0,
        6780.0,
        "оперативдик башкаруу",
        "ТП-01-0548 (2018)",
    ),
    (
        "7",
        "Илимий китепкана",
        "Бишкек ш., Фрунзе көч., 547/1",
        1984,
        7900.0,
        3400.0,
        "оперативдик башкаруу",
        "ТП-01-0549 (2018)",
    ),
    (
        "8",
        "Спорт комплекси",
        "Бишкек ш., Ахунбаев көч., 97",
        2009,
        5200.0,
        4100.0,
        "ижара (2029-ж. 31-августуна чейин)",
        "ТП-01-0097 (2022)",
    ),
]
CONTINGENT_FULL_TIME = 18455


def premises() -> None:
    rng = random.Random(547)
    wb = new_wb()
    sheet(
        wb,
        "Имараттар",
        [
            "№",
            "Аталышы",
            "Дареги",
            "Курулган жылы",
            "Жалпы аянты, м²",
            "Окуу максатындагы пайдалуу аянт, м²",
            "Пайдалануу негизи",
            "Техпаспорт №",
        ],
        [list(b) for b in BUILDINGS],
        [5, 26, 36, 12, 14, 20, 30, 18],
        title="Окуу имараттарынын техникалык паспорттору боюнча аянттар (2026-жылдын 15-январына карата)",
        first=True,
    )
    rooms = []
    kinds = [
        ("лекциялык аудитория", 90, 160, 1.3),
        ("практикалык сабак үчүн аудитория", 40, 70, 1.8),
        ("компьютердик класс", 50, 75, 2.5),
        ("лаборатория", 55, 95, 3.0),
        ("окуу залы", 120, 260, 2.4),
    ]
    for bno in ("1", "6"):
        for floor in range(1, 5):
            for k in range(1, 9):
                kind, lo, hi, per_seat = rng.choice(kinds)
                area = round(rng.uniform(lo, hi), 1)
                rooms.append(
                    [
                        bno,
                        f"{floor}{k:02d}",
                        kind,
                        area,
                        int(area / per_seat),
                        rng.choice(["проектор", "проектор, интерактивдүү такта", "—", "компьютерлер, проектор"]),
                    ]
                )
    sheet(
        wb,
        "Бөлмөлөр",
        ["Имарат", "Бөлмө", "Түрү", "Аянты, м²", "Орун саны", "Жабдуулар"],
        rooms,
        [8, 8, 32, 11, 10, 36],
    )
    useful = sum(b[5] for b in BUILDINGS)
    summary = [
        ["Окуу максатындагы пайдалуу аянт, бардыгы, м²", useful],
        ["Күндүзгү окуу формасындагы студенттердин саны (01.10.2025)", CONTINGENT_FULL_TIME],
        ["Бир студентке туура келген аянт, м²", round(useful / CONTINGENT_FULL_TIME, 2)],
        ["Лицензиялык талап (Убактылуу жобо, 2022-ж. редакциясы), м²", 3.0],
        ["Маалымат жаңыланат", "жыл сайын, 15-январга карата"],
    ]
    sheet(wb, "Жыйынтык", ["Көрсөткүч", "Маани"], summary, [60, 40])
    save_xlsx(
        wb,
        "resources/premises-technical-passport.xlsx",
        "Окуу имараттарынын аянттары",
        "Административдик-чарбалык бөлүм",
    )
    reg(
        "Окуу имараттарынын техникалык паспорттору боюнча аянттар жана бөлмөлөр (2026)",
        "resources/premises-technical-passport.xlsx",
        "inventory",
        "Административдик-чарбалык бөлүм",
        "15.01.2026",
        "ky",
        ["kg-licensing:L3"],
        note="Маалымат жыл сайын жаңыланат",
    )


def library_holdings() -> None:
    rng = random.Random(48)
    books = [
        ("Экономикалык теория", "580100", "Экономикалык теория", "Мамытов А.М.", 2021, "негизги"),
        ("Экономикалык теория", "580100", "Экономикс принциптери", "Мэнкью Н.Г.", 2020, "негизги"),
        ("Микроэкономика", "580100", "Микроэкономика", "Пиндайк Р., Рубинфельд Д.", 2019, "негизги"),
        ("Микроэкономика", "580100", "Микроэкономика. Промежуточный уровень", "Вэриан Х.Р.", 2018, "кошумча"),
        ("Макроэкономика", "580100", "Макроэкономика", "Бланшар О.", 2019, "негизги"),
        ("Эконометрика", "580100", "Вводный курс эконометрики", "Вулдридж Дж.", 2021, "негизги"),
        ("Эконометрика", "580100", "Эконометрика. Начальный курс", "Магнус Я.Р. и др.", 2017, "кошумча"),
        ("Статистиканын теориясы", "580100", "Статистиканын теориясы", "Бакиева Ж.С.", 2022, "негизги"),
        ("Бухгалтердик эсеп", "580100", "Бухгалтерский учёт по МСФО", "Касымова Н.Б.", 2023, "негизги"),
        ("Финансы", "580100", "Финансы", "Иманалиева Ж.К.", 2020, "негизги"),
        ("Акча, кредит, банктар", "580100", "Деньги, кредит, банки", "Лаврушин О.И.", 2019, "негизги"),
        ("Маалыматтык технологиялар", "580100", "Маалыматтык технологиялар", "Абдраимов Э.Н.", 2023, "негизги"),
        (
            "Алгоритмы и структуры данных",
            "710400",
            "Алгоритмы: построение и анализ",
            "Кормен Т. и др.",
            2013,
            "негизги",
        ),
        ("Алгоритмы и структуры данных", "710400", "Грокаем алгоритмы", "Бхаргава А.", 2022, "кошумча"),
        ("Базы данных", "710400", "Системы баз данных. Полный курс", "Гарсиа-Молина Г.", 2004, "негизги"),
        ("Базы данных", "710400", "Database System Concepts", "Silberschatz A.", 2019, "негизги"),
        ("Операционные системы", "710400", "Современные операционные системы", "Таненбаум Э.", 2015, "негизги"),
        ("Компьютерные сети", "710400", "Компьютерные сети", "Таненбаум Э., Уэзеролл Д.", 2012, "негизги"),
        ("Проектирование ПО", "710400", "Чистая архитектура", "Мартин Р.", 2018, "негизги"),
        (
            "Проектирование ПО",
            "710400",
            "Приёмы объектно-ориентированного проектирования",
            "Гамма Э. и др.",
            2007,
            "кошумча",
        ),
        (
            "Тестирование и обеспечение качества ПО",
            "710400",
            "Тестирование программного обеспечения",
            "Канер С.",
            2001,
            "негизги",
        ),
        ("Веб-программирование", "710400", "Изучаем JavaScript", "Браун И.", 2017, "негизги"),
        ("Машинное обучение", "710400", "Python и машинное обучение", "Рашка С.", 2020, "кошумча"),
        ("Математический анализ I", "710400", "Курс математического анализа", "Кудрявцев Л.Д.", 2003, "негизги"),
        ("Дискретная математика", "710400", "Дискретная математика для программистов", "Хаггарти Р.", 2012, "негизги"),
        ("Кыргызстандын тарыхы", "жалпы", "Кыргызстандын тарыхы", "Осмонов Ө.Ж.", 2016, "негизги"),
        ("Манас таануу", "жалпы", "Манас таануу", "авторлор тобу", 2018, "негизги"),
        ("Философия", "жалпы", "Философия", "Касымов Н.У.", 2019, "негизги"),
        ("Англис тили", "жалпы", "English File Intermediate", "Latham-Koenig C.", 2019, "негизги"),
        ("Кыргыз тили", "жалпы", "Кесиптик кыргыз тили", "Жумабаева Г.Т.", 2021, "негизги"),
    ]
    rows = []
    for disc, prog, title, author, year, kind in books:
        students = {"580100": 150, "710400": 75, "жалпы": 4600}[prog]
        copies = rng.randint(20, 140) if prog != "жалпы" else rng.randint(800, 2400)
        rows.append(
            [
                disc,
                prog,
                title,
                author,
                year,
                kind,
                copies,
                rng.choice(["ооба", "ооба", "жок"]),
                students,
                round(copies / students, 2),
            ]
        )
    wb = new_wb()
    sheet(
        wb,
        "Фонд",
        [
            "Дисциплина",
            "Программа",
            "Аталышы",
            "Автору",
            "Басылган жылы",
            "Түрү",
            "Нускалар",
            "Электрондук версия",
            "Студенттер",
            "1 студентке нуска",
        ],
        rows,
        [32, 11, 46, 26, 12, 11, 10, 12, 11, 12],
        title="Илимий китепкананын фонду: 580100 жана 710400 программаларынын дисциплиналары (2026-жылдын 1-октябры)",
        first=True,
    )
    totals = [
        ["Басма фонд, бардыгы, нуска", 1_284_560],
        ["Окуу адабияты, нуска", 742_300],
        ["Электрондук китепкана системасындагы аталыштар", 38_400],
        ["Окурмандар, бардыгы", 21_870],
        ["2025-жылы сатылып алынган аталыштар", 312],
    ]
    sheet(wb, "Жалпы маалымат", ["Көрсөткүч", "Маани"], totals, [50, 14])
    save_xlsx(wb, "resources/library-holdings-2026.xlsx", "Илимий китепкананын фонду 2026", "Илимий китепкана")
    reg(
        "Илимий китепкананын фонду дисциплиналар боюнча (580100, 710400), 2026",
        "resources/library-holdings-2026.xlsx",
        "dataset",
        "Илимий китепкана",
        "01.10.2026",
        "ky",
        ["esg2015:1.6", "knu-bsmjab:1.4.3"],
    )


def lms_export() -> None:
    rng = random.Random(2611)
    courses = [
        ("ECO101", "Экономикалык теория", "ЭФ"),
        ("ECO102", "Микроэкономика", "ЭФ"),
        ("ECO205", "Эконометрика", "ЭФ"),
        ("SE210", "Алгоритмы и структуры данных", "ФМИК"),
        ("SE215", "Базы данных", "ФМИК"),
        ("SE330", "Тестирование и обеспечение качества ПО", "ФМИК"),
        ("PSY120", "Общая психология", "ФСН"),
        ("KYR101", "Кыргыз тили жана адабияты", "ККФ"),
    ]
    actions = [
        ("course_viewed", "core", 40),
        ("resource_viewed", "mod_resource", 25),
        ("assignment_submitted", "mod_assign", 10),
        ("quiz_attempt_submitted", "mod_quiz", 8),
        ("forum_post_created", "mod_forum", 5),
        ("grade_updated", "core_grades", 6),
        ("resource_uploaded", "mod_resource", 6),
    ]
    rows = []
    start = dt.datetime(2026, 11, 2, 8, 0)
    for _ in range(640):
        course, name, fac = rng.choice(courses)
        action, comp, _ = rng.choices(actions, [a[2] for a in actions])[0]
        teacher_action = action in ("grade_updated", "resource_uploaded")
        user = f"t{rng.randint(1, 24):03d}" if teacher_action else f"s{rng.randint(1, 420):04d}"
        ts = start + dt.timedelta(minutes=rng.randint(0, 14 * 24 * 60))
        rows.append([ts, user, "teacher" if teacher_action else "student", course, name, fac, action, comp])
    rows.sort(key=lambda r: (r[0], r[1]))
    for r in rows:
        r[0] = r[0].strftime("%Y-%m-%d %H:%M:%S")
    save_csv(
        "resources/lms-activity-2026-11.csv",
        ["timestamp", "user_id", "role", "course_id", "course_name", "faculty", "action", "component"],
        rows,
    )
    reg(
        "Выгрузка журнала активности LMS КНУ за 02–15.11.2026 (обезличенная)",
        "resources/lms-activity-2026-11.csv",
        "lms_export",
        "Электрондук окутуу бөлүмү",
        "16.11.2026",
        "ru",
        ["knu-bsmjab:1.4.3", "esg2015:1.6", "esg2015:1.7"],
        note="CSV, UTF-8, разделитель «,»; идентификаторы пользователей обезличены",
    )


def lab_inventory() -> None:
    rng = random.Random(66)
    items = [
        "Осциллограф цифровой GW Instek GDS-1102",
        "Генератор сигналов",
        "Мультиметр лабораторный",
        "Учебный стенд «Электрические цепи»",
        "Спектрофотометр",
        "Лазер гелий-неоновый учебный",
        "Компьютер Intel Core i5 / 16 ГБ",
        'Интерактивная панель 75"',
        "Проектор",
        "Стенд «Микроконтроллеры»",
        "Источник питания лабораторный",
        "Набор «Оптика»",
    ]
    rows = []
    for i in range(1, 33):
        year = rng.randint(2008, 2025)
        status = "иштейт" if year > 2014 or rng.random() < 0.5 else rng.choice(["оңдоону талап кылат", "эскирген"])
        rows.append(
            [
                i,
                rng.choice(items),
                f"01-{rng.randint(10000, 99999)}",
                year,
                rng.choice(
                    ["Физика лабораториясы 6-212", "Электроника лабораториясы 6-305", "Компьютердик класс 6-118"]
                ),
                status,
            ]
        )
    wb = new_wb()
    sheet(
        wb,
        "Жабдуулар",
        ["№", "Аталышы", "Инвентардык №", "Колдонууга берилген жылы", "Лаборатория", "Абалы"],
        rows,
        [5, 44, 14, 14, 34, 22],
        title="Лабораториялык жабдуулардын инвентардык тизмеси (6-окуу имараты), 2026",
        first=True,
    )
    save_xlsx(
        wb,
        "resources/lab-equipment-inventory.xlsx",
        "Лабораториялык жабдуулардын тизмеси",
        "Физика жана электроника факультети",
    )
    reg(
        "Лабораториялык жабдуулардын инвентардык тизмеси (6-окуу имараты)",
        "resources/lab-equipment-inventory.xlsx",
        "inventory",
        "Физика жана электроника факультети",
        "20.09.2026",
        "ky",
        ["esg2015:1.6", "knu-bsmjab:1.4.3"],
    )


def contract_doc(title_lines, number_date, parties, clauses, signatures, lang="ru"):
    doc = new_doc()
    for line in title_lines:
        p(doc, line, bold=True, align="c")
    par = doc.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
    _set_font(par.add_run(("г. Бишкек" if lang == "ru" else "Бишкек шаары") + "\t" + number_date))
    render(doc, [parties, *clauses])
    table(
        doc,
        ["Сторона 1" if lang == "ru" else "1-тарап", "Сторона 2" if lang == "ru" else "2-тарап"],
        [signatures],
        [8.25, 8.25],
    )
    return doc


def elibrary_contract() -> None:
    doc = contract_doc(
        ["ДОГОВОР № ЭБ-04/2026", "о предоставлении доступа к электронно-библиотечной системе"],
        "«10» января 2026 г.",
        "ОсОО «Цифровая библиотека Центральной Азии» (далее — Лицензиар) в лице директора Орозбекова Т.С. и "
        f"{UNIV_RU} (далее — Лицензиат) в лице ректора {RECTOR}, действующего на основании Устава, заключили "
        "настоящий договор о нижеследующем.",
        [
            ("h", "1. Предмет договора"),
            "1.1. Лицензиар предоставляет Лицензиату неисключительное право доступа к электронно-библиотечной "
            "системе (ЭБС), содержащей не менее 38 000 наименований учебной и научной литературы на кыргызском, "
            "русском и английском языках, для неограниченного числа пользователей из сети университета и "
            "удалённо по индивидуальным учётным записям.",
            ("h", "2. Срок действия"),
            "2.1. Договор действует с 01.01.2026 по 31.12.2027 включительно. Лицензиар ежемесячно предоставляет "
            "статистику использования ЭБС по факультетам.",
            ("h", "3. Стоимость и порядок расчётов"),
            "3.1. Стоимость доступа составляет 1 480 000 (один миллион четыреста восемьдесят тысяч) сом в год. "
            "Оплата производится ежеквартально равными долями.",
            ("h", "4. Обязанности сторон"),
            "4.1. Лицензиат обязуется не допускать копирования изданий в объёме, превышающем 10 % издания, и "
            "информировать пользователей об условиях использования.",
        ],
        [
            "Лицензиар: ОсОО «Цифровая библиотека Центральной Азии»\nДиректор ________ Т.С. Орозбеков",
            f"Лицензиат: КНУ им. Ж. Баласагына\nРектор ________ {RECTOR}",
        ],
    )
    save_pdf(doc, "resources/elibrary-contract.pdf", "Договор о доступе к ЭБС № ЭБ-04/2026", "ru", "Илимий китепкана")
    reg(
        "Договор №ЭБ-04/2026 о предоставлении доступа к электронно-библиотечной системе",
        "resources/elibrary-contract.pdf",
        "contract_mou",
        "Илимий китепкана",
        "10.01.2026",
        "ru",
        ["knu-bsmjab:1.4.3"],
        valid_until="31.12.2027",
    )


def lease_contract() -> None:
    doc = contract_doc(
        ["ДОГОВОР АРЕНДЫ № 17-А", "нежилого помещения (спортивный комплекс)"],
        "«01» сентября 2024 г.",
        "Государственное учреждение «Дирекция спортивных сооружений» (далее — Арендодатель) в лице директора "
        f"Мукашева Б.Т. и {UNIV_RU} (далее — Арендатор) в лице ректора {RECTOR} заключили настоящий договор.",
        [
            ("h", "1. Предмет договора"),
            "1.1. Арендодатель передаёт Арендатору во временное пользование спортивный комплекс общей площадью "
            "5 200 м² (в том числе игровой зал 1 250 м², плавательный бассейн 25 м, тренажёрный зал 310 м²), "
            "расположенный по адресу: г. Бишкек, ул. Ахунбаева, 97, для проведения учебных занятий по физической "
            "культуре и спортивных мероприятий студентов.",
            ("h", "2. Срок аренды"),
            "2.1. Срок аренды — пять лет: с 01.09.2024 по 31.08.2029. Договор подлежит государственной регистрации.",
            ("h", "3. Арендная плата"),
            "3.1. Арендная плата составляет 310 000 сом в месяц и вносится до 10 числа текущего месяца.",
            ("h", "4. Права и обязанности"),
            "4.1. Арендатор вправе использовать помещения по графику учебных занятий с 8:00 до 18:00 в рабочие "
            "дни; Арендодатель обеспечивает соответствие помещений санитарным и противопожарным нормам.",
        ],
        [
            "Арендодатель: ГУ «Дирекция спортивных сооружений»\nДиректор ________ Б.Т. Мукашев",
            f"Арендатор: КНУ им. Ж. Баласагына\nРектор ________ {RECTOR}",
        ],
    )
    save_pdf(
        doc,
        "resources/sports-complex-lease.pdf",
        "Договор аренды спортивного комплекса № 17-А",
        "ru",
        "Юридикалык бөлүм",
    )
    reg(
        "Договор аренды №17-А спортивного комплекса (ул. Ахунбаева, 97) на 2024–2029 гг.",
        "resources/sports-complex-lease.pdf",
        "contract_mou",
        "Юридикалык бөлүм",
        "01.09.2024",
        "ru",
        ["kg-licensing:L3"],
        valid_until="31.08.2029",
    )


def property_extract() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "Кыргыз Республикасынын Министрлер Кабинетине караштуу Мамлекеттик каттоо кызматы"),
            ("c", "КЫЙМЫЛСЫЗ МҮЛККӨ БОЛГОН УКУКТАРДЫН БИРДИКТҮҮ МАМЛЕКЕТТИК РЕЕСТРИНЕН КӨЧҮРМӨ"),
            ("cn", "№ 01-2026-000318, 2026-жылдын 15-январы"),
            "Бул көчүрмө Жусуп Баласагын атындагы Кыргыз улуттук университетинин төмөндө көрсөтүлгөн кыймылсыз "
            "мүлк объекттерине оперативдик башкаруу укугу мамлекеттик каттоодон өткөндүгүн тастыктайт. Менчик "
            "ээси — Кыргыз Республикасы. Укуктун пайда болгон күнү ар бир объект боюнча таблицада көрсөтүлгөн.",
            (
                "t",
                ["Объект", "Дареги", "Жалпы аянты, м²", "Укук катталган күн"],
                [
                    [
                        "Башкы окуу имараты",
                        "Бишкек ш., Фрунзе көч., 547",
                        "28 450,0",
                        "12.04.2019 (1996-жылдан бери колдонууда)",
                    ],
                    ["2-окуу имараты", "Бишкек ш., Манас пр., 101", "12 300,0", "12.04.2019"],
                    ["3-окуу имараты", "Бишкек ш., Абдымомунов көч., 328", "9 870,0", "03.06.2019"],
                    ["4-окуу имараты", "Бишкек ш., Жибек Жолу пр., 394", "11 240,0", "03.06.2019"],
                    ["5-окуу имараты", "Бишкек ш., Чүй пр., 255", "8 600,0", "21.10.2020"],
                    ["6-окуу имараты", "Бишкек ш., Фрунзе көч., 547/2", "10 450,0", "12.04.2019"],
                    ["Илимий китепкана", "Бишкек ш., Фрунзе көч., 547/1", "7 900,0", "12.04.2019"],
                ],
                [4, 5.5, 2.8, 4.7],
            ),
            "Укукту чектөөлөр (обременения) жана талаштар катталган эмес.",
            "Көчүрмө берилген күндөн тартып бир жыл бою, 2027-жылдын 15-январына чейин жарактуу.",
            ("sign", "Каттоочу", "Сулайманова Ж.Т."),
        ],
    )
    save_pdf(
        doc,
        "resources/property-register-extract-2026.pdf",
        "Кыймылсыз мүлккө укуктардын мамлекеттик реестринен көчүрмө",
        "ky",
        "Юридикалык бөлүм",
    )
    reg(
        "Кыймылсыз мүлккө укуктардын бирдиктүү мамлекеттик реестринен көчүрмө №01-2026-000318 (окуу имараттары)",
        "resources/property-register-extract-2026.pdf",
        "certificate",
        "Юридикалык бөлүм",
        "15.01.2026",
        "ky",
        ["kg-licensing:L2"],
        valid_until="15.01.2027",
        note="Көчүрмө бир жыл жарактуу; жаңысын 2027-жылдын январында алуу керек",
    )


def state_registration() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "Кыргыз Республикасынын Юстиция министрлиги"),
            ("c", "ЮРИДИКАЛЫК ЖАКТЫ МАМЛЕКЕТТИК КАЙРА КАТТОО ЖӨНҮНДӨ КҮБӨЛҮК"),
            ("cn", "Каттоо номери 4127-3301-У-е, 2025-жылдын 12-марты"),
            (
                "t",
                None,
                [
                    ["Толук аталышы", UNIV_KY],
                    ["Уюштуруу-укуктук формасы", "мекеме"],
                    ["Дареги", "Кыргыз Республикасы, Бишкек ш., Фрунзе көч., 547"],
                    ["Биринчи каттоо", "1951-жылы (Кыргыз мамлекеттик университети катары)"],
                    ["Кайра каттоонун негизи", "Уставдын жаңы редакциясы (2025-жылдын 29-январы)"],
                    ["Ишмердүүлүгүнүн негизги түрү", "жогорку кесиптик билим берүү"],
                ],
                [5, 12],
            ),
            "Күбөлүк юридикалык жактын мамлекеттик кайра каттоодон өткөндүгүн тастыктайт. Каттоо жөнүндө маалымат "
            "юридикалык жактардын бирдиктүү мамлекеттик реестрине киргизилди.",
            ("sign", "Каттоо бөлүмүнүн башчысы", "__________________"),
        ],
    )
    save_pdf(
        doc,
        "external/state-registration-certificate-2025.pdf",
        "Юридикалык жакты мамлекеттик кайра каттоо жөнүндө күбөлүк",
        "ky",
        "Юридикалык бөлүм",
    )
    reg(
        "Юридикалык жакты мамлекеттик кайра каттоо жөнүндө күбөлүк (2025)",
        "external/state-registration-certificate-2025.pdf",
        "certificate",
        "Юридикалык бөлүм",
        "12.03.2025",
        "ky",
        ["kg-licensing:L1"],
    )


def sanitary_conclusion() -> None:
    doc = new_doc()
    render(
        doc,
        [
            (
                "cn",
                "Министерство здравоохранения Кыргызской Республики\nДепартамент профилактики заболеваний и "
                "государственного санитарно-эпидемиологического надзора",
            ),
            ("c", "САНИТАРНО-ЭПИДЕМИОЛОГИЧЕСКОЕ ЗАКЛЮЧЕНИЕ\n№ 02-14/3318 от 30.09.2025"),
            "По результатам обследования помещений, используемых Кыргызским национальным университетом имени "
            "Жусупа Баласагына для образовательной деятельности (учебные корпуса № 1–6, научная библиотека, г. "
            "Бишкек), установлено, что помещения соответствуют санитарным правилам и нормам, предъявляемым к "
            "организациям высшего профессионального образования, по освещённости, воздушно-тепловому режиму, "
            "водоснабжению и канализации, площади на одно учебное место.",
            "Выявленные замечания (частичное несоответствие естественной освещённости в аудиториях 4-го корпуса, "
            "ауд. 4-105 — 4-112) устранены до выдачи заключения, что подтверждено актом повторного осмотра от "
            "24.09.2025.",
            "Заключение действительно до 30 сентября 2027 года.",
            ("sign", "Главный специалист", "Ибраимова А.Т."),
        ],
    )
    save_pdf(
        doc,
        "resources/sanitary-conclusion-2025.pdf",
        "Санитарно-эпидемиологическое заключение № 02-14/3318",
        "ru",
        "Административдик-чарбалык бөлүм",
    )
    reg(
        "Санитарно-эпидемиологическое заключение №02-14/3318 о соответствии учебных помещений",
        "resources/sanitary-conclusion-2025.pdf",
        "certificate",
        "Административдик-чарбалык бөлүм",
        "30.09.2025",
        "ru",
        ["kg-licensing:L3"],
        valid_until="30.09.2027",
    )


def clinical_base_agreement() -> None:
    doc = contract_doc(
        ["ДОГОВОР № 27-К", "о сотрудничестве и предоставлении клинической базы для практики студентов"],
        "«05» сентября 2025 г.",
        "Республиканский центр психического здоровья (далее — Клиническая база) в лице главного врача "
        f"Шаршеева А.К. и {UNIV_RU} (далее — Университет) в лице ректора {RECTOR} заключили настоящий договор.",
        [
            ("h", "1. Предмет договора"),
            "1.1. Клиническая база предоставляет Университету возможность проведения клинико-психологической "
            "практики студентов направления «Психология» и магистерской программы «Клиническая психология» в "
            "отделениях центра под руководством штатных клинических психологов.",
            ("h", "2. Обязанности сторон"),
            "2.1. Клиническая база выделяет учебную комнату площадью не менее 36 м² и обеспечивает одновременное "
            "прохождение практики не более чем 20 студентами. Университет назначает руководителей практики из "
            "числа преподавателей кафедры психологии и обеспечивает соблюдение студентами врачебной тайны.",
            ("h", "3. Срок действия"),
            "3.1. Договор вступает в силу с момента подписания и действует бессрочно; каждая сторона вправе "
            "расторгнуть его, уведомив другую сторону не менее чем за три месяца.",
        ],
        ["Клиническая база\nГлавный врач ________ А.К. Шаршеев", f"Университет\nРектор ________ {RECTOR}"],
    )
    save_pdf(
        doc,
        "resources/clinical-base-agreement-27k.pdf",
        "Договор № 27-К о клинической базе",
        "ru",
        "Социалдык илимдер факультети",
    )
    reg(
        "Договор №27-К о предоставлении клинической базы для практики студентов-психологов",
        "resources/clinical-base-agreement-27k.pdf",
        "contract_mou",
        "Социалдык илимдер факультети",
        "05.09.2025",
        "ru",
        ["esg2015:1.2"],
    )


# =========================================================================== external


def charter() -> None:
    doc = new_doc()
    approval(
        doc,
        [
            "«БЕКИТИЛДИ»",
            "Кыргыз Республикасынын илим, жогорку билим",
            "жана инновациялар министрлигинин",
            "2025-жылдын 29-январындагы буйругу менен",
        ],
    )
    render(
        doc,
        [
            ("c", "ЖУСУП БАЛАСАГЫН АТЫНДАГЫ КЫРГЫЗ УЛУТТУК УНИВЕРСИТЕТИНИН УСТАВЫ"),
            ("cn", "(үзүндү: 1–3-бөлүмдөр)"),
            ("h", "1. Жалпы жоболор"),
            "1.1. Жусуп Баласагын атындагы Кыргыз улуттук университети (мындан ары — Университет) жогорку жана "
            "жогорку окуу жайдан кийинки кесиптик билим берүү программаларын, ошондой эле орто кесиптик жана "
            "кошумча билим берүү программаларын ишке ашыруучу мамлекеттик жогорку окуу жайы болуп саналат.",
            "1.2. Университеттин расмий аталышы: кыргыз тилинде — Жусуп Баласагын атындагы Кыргыз улуттук "
            "университети, кыскартылган аталышы — КУУ; орус тилинде — Кыргызский национальный университет "
            "имени Жусупа Баласагына, КНУ; англис тилинде — Kyrgyz National University named after Jusup "
            "Balasagyn, KNU.",
            "1.3. Университеттин юридикалык дареги: Кыргыз Республикасы, Бишкек шаары, Фрунзе көчөсү, 547.",
            ("h", "2. Университеттин миссиясы жана максаттары"),
            "2.1. Университеттин миссиясы — улуттук жана дүйнөлүк илимдин жетишкендиктерине таянып, Кыргыз "
            "Республикасынын туруктуу өнүгүүсүнө салым кошо турган атаандаштыкка жөндөмдүү адистерди даярдоо, "
            "илимий изилдөөлөрдү жүргүзүү, мамлекеттик тилди жана улуттук маданиятты өнүктүрүү.",
            "2.2. Университеттин негизги максаттары: сапаттуу билим берүү кызматтарын көрсөтүү; фундаменталдык "
            "жана колдонмо изилдөөлөрдү жүргүзүү; илимий-педагогикалык кадрларды даярдоо; эл аралык "
            "кызматташтыкты өнүктүрүү; коомго билим жана маданият жаатында кызмат көрсөтүү.",
            ("h", "3. Академиялык эркиндик жана өз алдынчалык"),
            "3.1. Университет академиялык, уюштуруу жана финансылык өз алдынчалыкка ээ. Окутуучулар "
            "окутуунун мазмунун, ыкмаларын жана каражаттарын билим берүү программасынын алкагында өз алдынча "
            "тандоо, илимий изилдөөлөрдү жүргүзүү жана алардын жыйынтыктарын эркин жарыялоо укугуна ээ.",
            "3.2. Студенттер жеке окуу траекториясын түзүүгө, тандоо курстарын тандоого, университетти "
            "башкарууга жана сапатты баалоо жол-жоболоруна катышууга укуктуу.",
            "3.3. Университеттин жогорку башкаруу органы — Камкорчулар кеңеши, жалпы жетекчиликти Окумуштуулар "
            "кеңеши жүзөгө ашырат; аткаруу органы — ректор.",
        ],
    )
    save_pdf(
        doc,
        "Уставдык документтер/КУУнун Уставы 2025.pdf",
        "Жусуп Баласагын атындагы КУУнун Уставы",
        "ky",
        "Юридикалык бөлүм",
    )
    reg(
        "Жусуп Баласагын атындагы КУУнун Уставы (2025-ж. 29-январындагы редакция, үзүндү)",
        "Уставдык документтер/КУУнун Уставы 2025.pdf",
        "charter",
        "Юридикалык бөлүм",
        "29.01.2025",
        "ky",
        ["kg-minreq:1.1", "kg-minreq:1.7", "kg-licensing:L1"],
    )


def licence() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", MINISTRY_RU),
            ("c", "ЛИЦЕНЗИЯ\nна право ведения образовательной деятельности"),
            ("cn", "Серия LD № 230147, регистрационный № 2023-0312 от 14 марта 2023 г."),
            f"Выдана: {UNIV_RU}, ИНН 01203199110074, юридический адрес: Кыргызская Республика, г. "
            f"Бишкек, ул. Фрунзе, 547.",
            "Вид деятельности: образовательная деятельность по программам среднего профессионального, высшего "
            "профессионального (бакалавриат, специалитет, магистратура) и послевузовского профессионального "
            "образования согласно приложению к лицензии.",
            "Места осуществления деятельности: г. Бишкек, ул. Фрунзе, 547, 547/1, 547/2; пр. Манас, 101; ул. "
            "Абдымомунова, 328; пр. Жибек Жолу, 394; пр. Чуй, 255; ул. Ахунбаева, 97.",
            "Срок действия лицензии: бессрочно. Лицензия действительна только с приложением, являющимся её "
            "неотъемлемой частью.",
            ("sign", "Министр", "__________________"),
        ],
    )
    save_pdf(
        doc,
        "external/licence-LD-230147.pdf",
        "Лицензия серия LD № 230147",
        "ru",
        "Аккредитация жана лицензиялоо бөлүмү",
    )
    reg(
        "Лицензия на право ведения образовательной деятельности серия LD №230147",
        "external/licence-LD-230147.pdf",
        "licence",
        "Аккредитация жана лицензиялоо бөлүмү",
        "14.03.2023",
        "ru",
        ["kg-licensing:L1"],
        note="Бессрочная",
    )

    doc = new_doc()
    render(
        doc,
        [
            ("c", "ПРИЛОЖЕНИЕ № 1 к лицензии серия LD № 230147 от 14.03.2023"),
            ("cn", "Перечень образовательных программ (выписка)"),
            (
                "t",
                ["№", "Шифр", "Направление / специальность", "Уровень", "Нормативный срок", "Предельный контингент"],
                [
                    [1, "580100", "Экономика", "бакалавриат", "4 года", 900],
                    [2, "580200", "Менеджмент", "бакалавриат", "4 года", 600],
                    [3, "710400", "Программная инженерия", "бакалавриат", "4 года", 450],
                    [4, "510200", "Прикладная математика и информатика", "бакалавриат", "4 года", 300],
                    [5, "—", "Психология", "бакалавриат", "4 года", 400],
                    [6, "—", "Филология", "бакалавриат", "4 года", 700],
                    [7, "580100", "Экономика", "магистратура", "2 года", 120],
                    [8, "—", "Клиническая психология", "магистратура", "2 года", 40],
                ],
                [1, 2, 6, 3, 2.5, 2.5],
            ),
            "Приложение переоформлено в связи с открытием магистерской программы «Клиническая психология» "
            "(приказ МНВОиИ от 02.08.2025).",
        ],
    )
    save_pdf(
        doc,
        "external/licence-appendix-1.pdf",
        "Приложение № 1 к лицензии LD № 230147",
        "ru",
        "Аккредитация жана лицензиялоо бөлүмү",
    )
    reg(
        "Приложение №1 к лицензии LD №230147: перечень программ и предельный контингент",
        "external/licence-appendix-1.pdf",
        "licence",
        "Аккредитация жана лицензиялоо бөлүмү",
        "02.08.2025",
        "ru",
        ["esg2015:1.4"],
    )


def accreditation() -> None:
    doc = new_doc()
    render(
        doc,
        [
            (
                "cn",
                "Көз карандысыз аккредитациялык агенттик «Билим-Сапат» / "
                "Независимое аккредитационное агентство «Билим-Сапат»",
            ),
            ("c", "ИНСТИТУЦИОНАЛДЫК АККРЕДИТАЦИЯ ЖӨНҮНДӨ КҮБӨЛҮК\nСВИДЕТЕЛЬСТВО ОБ ИНСТИТУЦИОНАЛЬНОЙ АККРЕДИТАЦИИ"),
            ("cn", "№ ИА-2021-017"),
            f"Ушул күбөлүк {UNIV_KY} институционалдык аккредитациядан ийгиликтүү өткөндүгүн тастыктайт.",
            f"Настоящее свидетельство подтверждает, что {UNIV_RU} успешно прошёл институциональную аккредитацию.",
            "Аккредитациялык кеңештин чечими / Решение Аккредитационного совета: 2021-жылдын "
            "30-июнундагы № 6 протокол.",
            "Жарактуулук мөөнөтү / Срок действия: 30.06.2021 — 30.06.2026.",
            ("sign", "Агенттиктин директору", "__________________"),
        ],
    )
    save_pdf(
        doc,
        "external/accreditation-certificate-2021.pdf",
        "Институционалдык аккредитация жөнүндө күбөлүк",
        "ky",
        "Аккредитация жана лицензиялоо бөлүмү",
    )
    reg(
        "Институционалдык аккредитация жөнүндө күбөлүк №ИА-2021-017",
        "external/accreditation-certificate-2021.pdf",
        "certificate",
        "Аккредитация жана лицензиялоо бөлүмү",
        "30.06.2021",
        "ky",
        ["esg2015:1.10"],
        valid_until="30.06.2026",
        note="Мөөнөтү бүткөн; кайра аккредитациялоо 2027-ж. пландалган",
    )

    doc = new_doc()
    render(
        doc,
        [
            ("cn", "Независимое аккредитационное агентство «Билим-Сапат»"),
            (
                "c",
                "ОТЧЁТ ВНЕШНЕЙ ЭКСПЕРТНОЙ КОМИССИИ\nпо результатам институциональной аккредитации "
                "КНУ им. Ж. Баласагына",
            ),
            ("cn", "Визит: 17–20 мая 2021 г."),
            ("h", "1. Общие сведения"),
            "Экспертная комиссия в составе пяти экспертов, включая представителя студентов и зарубежного эксперта, "
            "провела анализ отчёта по самооценке и визит в университет. Проведено 28 встреч с руководством, "
            "преподавателями, студентами, выпускниками и работодателями; посещено 19 учебных занятий.",
            ("h", "2. Сильные стороны"),
            (
                "ul",
                [
                    "широкий спектр образовательных программ и высокий авторитет университета в стране;",
                    "квалифицированный профессорско-преподавательский состав;",
                    "развитая библиотечная инфраструктура и собственная издательская база.",
                ],
            ),
            ("h", "3. Рекомендации"),
            (
                "ol",
                [
                    "Р-1. Разработать и утвердить актуализированную политику обеспечения качества с учётом ESG 2015.",
                    "Р-2. Ввести регулярный внутренний аудит образовательных программ.",
                    "Р-3. Создать систему мониторинга трудоустройства выпускников.",
                    "Р-4. Расширить использование LMS в учебном процессе.",
                    "Р-5. Обеспечить реальное участие студентов в процедурах обеспечения качества.",
                    "Р-6. Публиковать результаты анкетирования и принятые по ним меры.",
                    "Р-7. Увеличить число курсов на английском языке.",
                ],
            ),
            ("h", "4. Заключение"),
            "Комиссия рекомендует Аккредитационному совету агентства аккредитовать КНУ им. Ж. Баласагына сроком "
            "на пять лет с представлением отчёта о выполнении рекомендаций через два года.",
            ("sign", "Председатель экспертной комиссии", "__________________"),
        ],
    )
    save_pdf(
        doc,
        "external/expert-report-2021.pdf",
        "Отчёт внешней экспертной комиссии 2021",
        "ru",
        "Аккредитация жана лицензиялоо бөлүмү",
    )
    reg(
        "Отчёт внешней экспертной комиссии по институциональной аккредитации (2021)",
        "external/expert-report-2021.pdf",
        "external_review",
        "Аккредитация жана лицензиялоо бөлүмү",
        "25.05.2021",
        "ru",
        ["esg2015:1.10"],
        valid_until="30.06.2026",
        note=f"Выполнение рекомендаций — в журнале КПД ({rid('reports/capa-log-2026.xlsx')})",
    )


def employer_mous() -> None:
    doc = contract_doc(
        ["КЫЗМАТТАШУУ ЖӨНҮНДӨ МЕМОРАНДУМ № 08/24"],
        "2024-жылдын 15-марты",
        f"{UNIV_KY} (мындан ары — Университет) ректор {RECTOR}нун атынан жана «Айыл Банк» ачык акционердик "
        "коому (мындан ары — Банк) Башкармалыктын төрагасы Сатыбалдиев Н.А.нын атынан төмөнкүлөр жөнүндө "
        "макулдашышты.",
        [
            ("h", "1. Меморандумдун предмети"),
            "1.1. Тараптар 580100 «Экономика» жана 580200 «Менеджмент» багыттары боюнча адистерди даярдоонун "
            "сапатын жогорулатуу, студенттердин практикасын уюштуруу жана бүтүрүүчүлөрдү ишке орноштуруу "
            "максатында кызматташат.",
            ("h", "2. Тараптардын милдеттенмелери"),
            (
                "ul",
                [
                    "Банк жыл сайын кеминде 25 студентти өндүрүштүк жана дипломдук алдындагы практикага кабыл алат;",
                    "Банктын адистери билим берүү программаларын жыл сайын кароого жана мамлекеттик аттестациялык "
                    "комиссиянын ишине катышат;",
                    "Университет Банктын кызматкерлери үчүн квалификацияны жогорулатуу курстарын уюштурат;",
                    "Тараптар «Банк иши» тандоо курсун биргелешип иштеп чыгышат.",
                ],
            ),
            ("h", "3. Мөөнөтү"),
            "3.1. Меморандум кол коюлган күндөн тартып 2028-жылдын 31-декабрына чейин күчүндө болот.",
        ],
        [f"Университет\nРектор ________ {RECTOR}", "«Айыл Банк» ААК\nТөрага ________ Н.А. Сатыбалдиев"],
        lang="ky",
    )
    save_pdf(
        doc,
        "external/employer-mou-aiyl-bank.pdf",
        "«Айыл Банк» ААК менен кызматташуу жөнүндө меморандум",
        "ky",
        "Карьера борбору",
    )
    reg(
        "«Айыл Банк» ААК менен кызматташуу жөнүндө меморандум №08/24",
        "external/employer-mou-aiyl-bank.pdf",
        "contract_mou",
        "Карьера борбору",
        "15.03.2024",
        "ky",
        ["kg-minreq:1.3"],
        valid_until="31.12.2028",
    )

    doc = contract_doc(
        ["МЕМОРАНДУМ О СОТРУДНИЧЕСТВЕ № 21/25"],
        "«01» сентября 2025 г.",
        f"{UNIV_RU} в лице ректора {RECTOR} и ОсОО «Ала-Тоо Софт» в лице генерального директора Кадырова Э.Б. "
        "договорились о нижеследующем.",
        [
            ("h", "1. Цели"),
            "1.1. Совместное развитие программы 710400 «Программная инженерия»: участие специалистов компании в "
            "разработке и рецензировании учебного плана, проведение гостевых лекций, организация стажировок и "
            "производственной практики, совместное руководство выпускными проектами.",
            ("h", "2. Обязательства сторон"),
            "2.1. Компания ежегодно предоставляет не менее 15 мест для производственной практики, участвует в "
            "работе государственной аттестационной комиссии и в ежегодном обзоре программы. Университет "
            "учитывает предложения компании при обновлении элективных курсов.",
            ("h", "3. Срок"),
            "3.1. Меморандум вступает в силу с даты подписания и действует до 31 января 2027 г. Стороны "
            "рассматривают его продление не позднее чем за один месяц до окончания срока.",
        ],
        [
            f"КНУ им. Ж. Баласагына\nРектор ________ {RECTOR}",
            "ОсОО «Ала-Тоо Софт»\nГенеральный директор ________ Э.Б. Кадыров",
        ],
    )
    save_docx(
        doc,
        "external/employer-mou-ala-too-soft.docx",
        "Меморандум о сотрудничестве с ОсОО «Ала-Тоо Софт»",
        "ru",
        "Математика, информатика жана кибернетика факультети",
    )
    reg(
        "Меморандум №21/25 о сотрудничестве с ОсОО «Ала-Тоо Софт» (программа 710400)",
        "external/employer-mou-ala-too-soft.docx",
        "contract_mou",
        "Математика, информатика жана кибернетика факультети",
        "01.09.2025",
        "ru",
        ["kg-minreq:1.3"],
        valid_until="31.01.2027",
    )


# =========================================================================== web pages


def web_page(rel, url, snapshot, title, nav, blocks, lang):
    doc = new_doc()
    p(doc, f"{url}    [сайттын сүрөтү / снимок страницы: {snapshot}]", align="l", size=8)
    p(doc, "KNU · КУУ · Жусуп Баласагын атындагы Кыргыз улуттук университети", bold=True, align="l", size=13)
    p(doc, "  |  ".join(nav), align="l", size=9)
    p(doc, title, bold=True, align="l", size=16)
    render(doc, blocks)
    p(doc, "© 2026 КУУ · Бишкек ш., Фрунзе көч., 547 · info@knu.kg", align="c", size=8)
    save_pdf(doc, rel, title, lang, "Маалымат саясаты бөлүмү")


def web_pages() -> None:
    nav_ky = ["Башкы бет", "Университет", "Абитуриентке", "Студентке", "Илим", "Сапат", "Байланыш"]
    web_page(
        "web/quality-page.pdf",
        "https://www.knu.kg/ky/sapat",
        "01.11.2026",
        "Билим берүүнүн сапаты",
        nav_ky,
        [
            "Жусуп Баласагын атындагы КУУда билим берүүнүн сапатын камсыз кылуу системасы ESG 2015 стандарттарына "
            "жана Кыргыз Республикасынын минималдык талаптарына негизделген. Системаны билим берүүнүн сапатын "
            "башкаруу системасы департаменти (БСБСД) координациялайт.",
            ("h", "Документтер"),
            (
                "ul",
                [
                    "Билим берүүнүн сапатын камсыз кылуу саясаты (КНУ.СМК-СА.01) — PDF",
                    "БСМЖАБ жөнүндө жобо (КНУ.СМК-СП.01) — PDF",
                    "Академиялык чынчылдык жөнүндө жобо — PDF",
                    "Сапат боюнча кеңештин курамы — PDF",
                ],
            ),
            ("h", "Сурамжылоолордун жыйынтыктары"),
            "2026-жылдын май айында 312 студент катышкан сурамжылоонун жыйынтыгында окуу менен жалпы канааттануу "
            f"{student_stat('S12')[1]} %ды түздү. Эң төмөн баа Wi-Fi тармагынын сапатына берилди; "
            f"бул боюнча модернизациялоо долбоору "
            "иштелип чыгууда.",
            ("h", "Байланыш"),
            "БСМЖАБдын башчысы — Кемелгазыева Г.К., башкы имарат, 214-бөлмө, sapat@knu.kg",
        ],
        "ky",
    )
    reg(
        "КУУнун сайтындагы «Билим берүүнүн сапаты» барагы (сүрөтү)",
        "web/quality-page.pdf",
        "web_page",
        "БСБСД",
        None,
        "ky",
        ["esg2015:1.1"],
        url="https://www.knu.kg/ky/sapat",
        snapshot="01.11.2026",
    )

    nav_ru = ["Главная", "Университет", "Абитуриенту", "Студенту", "Наука", "Качество", "Контакты"]
    web_page(
        "web/mission-strategy-page.pdf",
        "https://www.knu.kg/ru/about/mission",
        "01.11.2026",
        "Миссия и стратегия развития",
        nav_ru,
        [
            "Миссия КНУ — на основе достижений национальной и мировой науки готовить конкурентоспособных "
            "специалистов, вносящих вклад в устойчивое развитие Кыргызской Республики, проводить научные "
            "исследования, развивать государственный язык и национальную культуру.",
            ("h", "Стратегия развития на 2023–2027 годы"),
            "Стратегия определяет шесть приоритетных направлений: качество образования, наука и инновации, "
            "интернационализация, кадровый потенциал, цифровая трансформация, поддержка студентов. Ежегодные "
            "отчёты о выполнении стратегии публикуются в этом разделе.",
            (
                "ul",
                [
                    "Стратегия развития КНУ на 2023–2027 годы — PDF",
                    "Отчёт о выполнении стратегии за 2025 год — PDF",
                    "План работы университета на 2025–2026 учебный год — PDF",
                ],
            ),
        ],
        "ru",
    )
    reg(
        "Страница сайта КНУ «Миссия и стратегия развития» (снимок)",
        "web/mission-strategy-page.pdf",
        "web_page",
        "Стратегиялык өнүктүрүү бөлүмү",
        None,
        "ru",
        ["kg-minreq:1.1"],
        url="https://www.knu.kg/ru/about/mission",
        snapshot="01.11.2026",
    )

    web_page(
        "web/programme-580100-page.pdf",
        "https://www.knu.kg/ky/programs/580100",
        "02.11.2026",
        "580100 «Экономика» — бакалавриат",
        nav_ky,
        [
            "Программанын максаты — экономикалык процесстерди талдай алган жана санариптик куралдарды колдонгон "
            "атаандаштыкка жөндөмдүү экономисттерди даярдоо. Окуу мөөнөтү — 4 жыл (240 кредит), окутуу тили — "
            "кыргыз жана орус.",
            ("h", "Окутуунун натыйжалары"),
            (
                "ul",
                [
                    "экономикалык теориянын негиздерин жана талдоо методдорун колдонот;",
                    "экономикалык маалыматтарды статистикалык жана эконометрикалык ыкмалар менен иштетет;",
                    "ишкананын жана мамлекеттик сектордун көрсөткүчтөрүн баалайт.",
                ],
            ),
            ("h", "Документтер"),
            (
                "ul",
                [
                    "НКББП паспорту — PDF",
                    "Окуу планы (2026-жылы кабыл алынгандар үчүн) — XLSX",
                    "1-курстун силлабустары — ZIP",
                ],
            ),
            "Бүтүрүүчүлөрдүн ишке орношуусу жөнүндө маалымат Карьера борборунун барагында жарыяланат.",
        ],
        "ky",
    )
    reg(
        "Сайттагы 580100 «Экономика» программасынын барагы (сүрөтү)",
        "web/programme-580100-page.pdf",
        "web_page",
        "Экономика факультети",
        None,
        "ky",
        ["kg-minreq:2.1"],
        url="https://www.knu.kg/ky/programs/580100",
        snapshot="02.11.2026",
    )


# =========================================================================== added for the shipped catalogues


def programme_report() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "КНУ им. Ж. Баласагына — Экономический факультет — Кафедра экономической теории"),
            (
                "c",
                "ОТЧЁТ\nо реализации и ежегодном обзоре ОПОП 580100 «Экономика» (бакалавриат) за 2024–2025 учебный год",
            ),
            ("h", "1. Соответствие программы миссии и ГОС"),
            "Цели и результаты обучения программы согласованы с миссией КНУ и ГОС по направлению 580100. "
            "Матрица соответствия показывает, что каждый из шести результатов обучения формируется не менее чем "
            "тремя дисциплинами и оценивается на итоговой государственной аттестации. Несоответствий ГОС по "
            "объёму циклов и практик не выявлено.",
            ("h", "2. Основные показатели"),
            (
                "t",
                ["Показатель", "2022–2023", "2023–2024", "2024–2025"],
                [
                    ["Набор на 1 курс, чел.", "164", "158", "171"],
                    ["Контингент, чел.", "598", "604", "612"],
                    ["Отсев после 1 курса, %", "12,6", "11,2", "9,4"],
                    ["Средний балл (проф. цикл)", "73,1", "73,9", "74,6"],
                    ["Удовлетворённость выпускников программой, %", "71", "74", "78"],
                    ["Трудоустройство через 12 месяцев, %", "66", "69", "73"],
                ],
                [8, 2.8, 2.8, 2.8],
            ),
            ("h", "3. Обратная связь и изменения"),
            "Выпускники и работодатели отмечают недостаток практических навыков анализа данных. По итогам обзора "
            "(протокол кафедры № 4 от 14.11.2025) в учебный план набора 2026 года включён элективный курс «Анализ "
            "данных в экономике», объём «Эконометрики» увеличен до 5 кредитов; изменения одобрены УМС (протокол № 3 "
            "от 19.01.2026).",
            ("h", "4. План действий на 2025–2026 учебный год"),
            (
                "ul",
                [
                    "обновить силлабусы профессионального цикла с учётом замечаний работодателей (до 01.03.2026);",
                    "провести две встречи студентов 3–4 курсов с работодателями в каждом семестре;",
                    "довести долю дисциплин с полноценным курсом в LMS до 100 %.",
                ],
            ),
            ("sign", "Руководитель программы", "А.К. Турдубаева"),
        ],
    )
    save_docx(
        doc,
        "reports/programme-report-580100-2024-2025.docx",
        "Отчёт о реализации ОПОП 580100 за 2024–2025 учебный год",
        "ru",
        "Экономика факультети",
    )
    reg(
        "Отчёт о реализации и ежегодном обзоре ОПОП 580100 «Экономика» за 2024–2025 учебный год",
        "reports/programme-report-580100-2024-2025.docx",
        "report",
        "Экономика факультети",
        "10.11.2025",
        "ru",
        ["kg-minreq:2.1", "knu-bsmjab:1.4.1", "esg2015:1.4"],
    )


def exam_sample() -> None:
    doc = new_doc()
    render(
        doc,
        [
            ("cn", "КНУ им. Ж. Баласагына — Экономический факультет"),
            (
                "c",
                "ОБРАЗЕЦ ВЫПОЛНЕННОЙ ЭКЗАМЕНАЦИОННОЙ РАБОТЫ\nМикроэкономика, 1 курс, зимняя сессия 2025–2026 уч. года",
            ),
            (
                "t",
                None,
                [
                    ["Билет", "№ 7"],
                    ["Студент (код)", "ЭК-25-0143"],
                    ["Дата", "14.01.2026"],
                    ["Экзаменатор", "Абдыкадырова Р.К., к.э.н., доцент"],
                    ["Итог", "34 из 40 баллов"],
                ],
                [5, 12],
            ),
            ("h", "Задания и оценка"),
            (
                "t",
                ["№", "Задание", "Макс.", "Балл", "Комментарий экзаменатора"],
                [
                    [
                        1,
                        "Объясните эффект дохода и эффект замещения при росте цены товара; постройте график.",
                        12,
                        11,
                        "Верный анализ, на графике не подписана бюджетная линия после изменения цены.",
                    ],
                    [
                        2,
                        "Фирма в условиях совершенной конкуренции: TC = 100 + 2Q + Q², P = 20. Найдите Q*, прибыль.",
                        14,
                        14,
                        "Решено полностью: Q* = 9, π = −19; верно обоснован выбор продолжать производство в "
                        "краткосрочном периоде.",
                    ],
                    [
                        3,
                        "Сравните монополию и совершенную конкуренцию по эффективности; приведите пример из "
                        "экономики КР.",
                        14,
                        9,
                        "Сравнение верное, пример не раскрыт; нет оценки чистых потерь общества.",
                    ],
                ],
                [1, 6.5, 1.3, 1.2, 7],
            ),
            ("h", "Критерии оценивания (выдержка)"),
            (
                "ul",
                [
                    "полнота и правильность решения — до 60 % баллов задания;",
                    "обоснованность выводов и использование понятий курса — до 25 %;",
                    "графическое и письменное оформление — до 15 %.",
                ],
            ),
            (
                "i",
                "Работа хранится на кафедре три года; копия отобрана БСМЖАБ при внутреннем аудите 2026 года как "
                "образец проверки соответствия оценивания критериям силлабуса. Персональные данные "
                "студента заменены кодом.",
            ),
        ],
    )
    save_pdf(
        doc,
        "programmes/samples/exam-microeconomics-2026-sample.pdf",
        "Образец экзаменационной работы: Микроэкономика",
        "ru",
        "Экономика факультети",
    )
    reg(
        "Образец выполненной и оценённой экзаменационной работы (Микроэкономика, зимняя сессия 2025–2026)",
        "programmes/samples/exam-microeconomics-2026-sample.pdf",
        "sample_artifact",
        "Экономика факультети",
        "14.01.2026",
        "ru",
        ["esg2015:1.3"],
        note="Отобран при внутреннем аудите 2026 г.; данные студента обезличены",
    )


def diploma_supplement_sample() -> None:
    rows = [
        [sem, name, cr, grade]
        for (sem, _, name, cr, _), grade in zip(
            ECON_PLAN,
            [
                "A",
                "B",
                "A",
                "B",
                "A",
                "C",
                "B",
                "A",
                "A",
                "B",
                "B",
                "A",
                "C",
                "B",
                "B",
                "A",
                "B",
                "C",
                "B",
                "B",
                "A",
                "A",
                "A",
                "B",
                "B",
                "A",
                "C",
                "B",
                "A",
                "A",
                "B",
                "B",
                "C",
                "B",
                "A",
                "B",
                "B",
                "B",
                "A",
                "B",
                "A",
                "A",
                "B",
                "A",
                "B",
                "A",
                "B",
                "A",
                "A",
                "A",
                "A",
            ],
            strict=False,
        )
    ]
    doc = new_doc()
    render(
        doc,
        [
            ("cn", UNIV_KY + " / " + "Kyrgyz National University named after Jusup Balasagyn"),
            ("c", "ДИПЛОМГО ТИРКЕМЕ / DIPLOMA SUPPLEMENT (үлгү / sample)"),
            (
                "t",
                None,
                [
                    ["Бүтүрүүчү (код) / Graduate (code)", "Б-2025-0143"],
                    ["Багыт / Field of study", "580100 Экономика / Economics"],
                    ["Даража / Degree", "бакалавр / Bachelor"],
                    ["Кредиттер / Credits (ECTS)", "240"],
                    ["Окуу мөөнөтү / Period of study", "01.09.2021 — 30.06.2025"],
                    ["Окутуу тили / Language", "кыргыз / Kyrgyz"],
                ],
                [6, 11],
            ),
            ("t", ["Сем.", "Дисциплина / Course", "Кредит", "Баа / Grade"], rows, [1.3, 11, 2, 2.7]),
            (
                "i",
                "Баалоо шкаласы: A (87–100), B (80–86), C (74–79), D (68–73), E (61–67), F (0–60). "
                "Окуу планы 2021-жылы кабыл алынгандар үчүн; үлгү катары учурдагы план колдонулду.",
            ),
        ],
    )
    save_pdf(doc, "programmes/samples/diploma-supplement-sample.pdf", "Дипломго тиркеменин үлгүсү", "ky", "Окуу бөлүмү")
    reg(
        "Дипломго тиркеменин (Diploma Supplement) үлгүсү, 580100 Экономика",
        "programmes/samples/diploma-supplement-sample.pdf",
        "sample_artifact",
        "Окуу бөлүмү",
        "30.06.2025",
        "ky",
        ["esg2015:1.4"],
        note="Бүтүрүүчүнүн маалыматтары коддолгон",
    )


def pd_certificates(staff) -> None:
    doc = new_doc()
    holders = [
        (staff[3][0], "Педагогика высшей школы", 72, "ИПК КНУ", "ПК-2026-0012", "14.02.2026"),
        (
            staff[17][0],
            "Обеспечение качества в высшем образовании (ESG)",
            36,
            "БСБСД КНУ",
            "ПК-2026-0047",
            "28.03.2026",
        ),
        (staff[30][0], "Цифровые образовательные технологии и LMS", 36, "ОЭО КНУ", "ПК-2026-0081", "22.05.2026"),
    ]
    for k, (name, course, hours, org, number, date) in enumerate(holders):
        if k:
            doc.add_page_break()
        render(
            doc,
            [
                ("cn", UNIV_RU),
                ("cn", "Институт повышения квалификации и переподготовки кадров"),
                ("c", f"УДОСТОВЕРЕНИЕ\nо повышении квалификации № {number}"),
                f"Настоящее удостоверение выдано {name} в том, что он(а) прошёл(ла) обучение по программе "
                f"повышения квалификации «{course}» в объёме {hours} академических часов, организованной {org}, "
                "и успешно выполнил(а) итоговую работу.",
                f"Дата выдачи: {date}. Регистрационный номер: {number}.",
                ("sign", "Директор ИПК", "__________________"),
            ],
        )
    save_pdf(
        doc,
        "staff/pd-certificates-2026-sample.pdf",
        "Удостоверения о повышении квалификации (выборка)",
        "ru",
        "Кадрлар бөлүмү",
    )
    reg(
        "Удостоверения о повышении квалификации ППС, 2026 (выборка из 3 удостоверений)",
        "staff/pd-certificates-2026-sample.pdf",
        "certificate",
        "Кадрлар бөлүмү",
        "22.05.2026",
        "ru",
        ["esg2015:1.5"],
        note="Полный перечень — в сведениях о повышении квалификации",
    )


def employer_review() -> None:
    doc = new_doc()
    render(
        doc,
        [
            (
                "c",
                "РЕЦЕНЗИЯ\nна основную профессиональную образовательную программу 580100 «Экономика» (бакалавриат), "
                "учебный план набора 2026 года",
            ),
            ("h", "Рецензент"),
            "Садыков Марат Токтобекович, директор по персоналу ОАО «Айыл Банк», член Совета по качеству КНУ.",
            ("h", "Заключение"),
            "Программа соответствует потребностям банковского и финансового сектора Кыргызской Республики. "
            "Результаты обучения сформулированы ясно и проверяемо; структура учебного плана логична, объём "
            "профессионального цикла и практик достаточен.",
            "Положительно оцениваю включение элективного курса «Анализ данных в экономике» и увеличение объёма "
            "«Эконометрики» — это прямой ответ на замечания работодателей, высказанные при ежегодном обзоре "
            "программы. Рекомендую: (1) включить в курс «Банковское дело» кейсы по управлению кредитным риском на "
            "данных банков КР; (2) предусмотреть защиту отчёта по производственной практике с участием "
            "представителя базы практики; (3) расширить долю занятий на английском языке на старших курсах.",
            "Программа рекомендуется к утверждению.",
            ("sign", "Директор по персоналу ОАО «Айыл Банк»", "М.Т. Садыков"),
            ("i", "12 января 2026 г. Подпись заверена печатью организации."),
        ],
    )
    save_pdf(
        doc,
        "external/employer-review-580100-2026.pdf",
        "Рецензия работодателя на ОПОП 580100",
        "ru",
        "Экономика факультети",
    )
    reg(
        "Внешняя рецензия работодателя (ОАО «Айыл Банк») на ОПОП 580100 «Экономика», набор 2026 года",
        "external/employer-review-580100-2026.pdf",
        "external_review",
        "Экономика факультети",
        "12.01.2026",
        "ru",
        ["esg2015:1.2"],
    )


def student_support_regulation() -> None:
    doc = new_doc()
    control_header(doc, "Студенттерди колдоо кызматы жөнүндө жобо", "КНУ.СМК-П.14", "1.0 версиясы", "14.05.2025")
    approval(doc, ["«БЕКИТЕМ»", "КУУнун ректору", f"_____________ {RECTOR}", "2025-жылдын 14-майы"])
    render(
        doc,
        [
            ("c", "СТУДЕНТТЕРДИ КОЛДОО ЖАНА КЕҢЕШ БЕРҮҮ КЫЗМАТЫ ЖӨНҮНДӨ ЖОБО"),
            ("h", "1. Жалпы жоболор"),
            "1.1. Бул жобо КУУда студенттерге академиялык, психологиялык, социалдык жана карьералык колдоо көрсөтүүнүн "
            "тартибин аныктайт. Кызмат студенттик иштер боюнча бөлүмдүн, психологиялык кызматтын, карьера "
            "борборунун жана факультеттердин кураторлорунун биргелешкен иши аркылуу ишке ашырылат.",
            ("h", "2. Кызматтын түрлөрү"),
            (
                "ul",
                [
                    "академиялык кеңеш берүү: ар бир академиялык топко эдвайзер (куратор) бекитилет;",
                    "академиялык карызы бар жана 1-курстун студенттери үчүн кошумча консультациялар;",
                    "психологиялык кеңеш берүү (жекече жана топтук, акысыз жана купуя);",
                    "ден соолугунун мүмкүнчүлүктөрү чектелген студенттерге шарттарды ылайыкташтыруу;",
                    "жатаканага жайгаштыруу жана социалдык жардам;",
                    "карьералык кеңеш берүү жана практика издөөгө жардам.",
                ],
            ),
            ("h", "3. Маалымдоо жана баалоо"),
            "3.1. Кызматтардын тизмеси жана байланыш маалыматтары студенттин жол көрсөткүчүндө жана LMSте "
            "жарыяланат. Кызматтардын сапаты жыл сайын студенттердин канааттануусун сурамжылоо аркылуу бааланат; "
            "жыйынтыктары БСМЖАБдын жылдык мониторинг отчетуна киргизилет.",
            ("sign", "Студенттик иштер боюнча проректор", "Б.Т. Исаков"),
        ],
    )
    save_docx(
        doc, "policies/student-support-regulation.docx", "Студенттерди колдоо кызматы жөнүндө жобо", "ky", "БСБСД"
    )
    reg(
        "Студенттерди колдоо жана кеңеш берүү кызматы жөнүндө жобо (КНУ.СМК-П.14)",
        "policies/student-support-regulation.docx",
        "policy",
        "Студенттик иштер боюнча бөлүм",
        "14.05.2025",
        "ky",
        ["esg2015:1.6"],
    )


# =========================================================================== register, README

COLUMNS = [
    "Код",
    "Наименование",
    "Файл",
    "Ссылка",
    "Дата снимка",
    "Вид",
    "Ответственное подразделение",
    "Дата",
    "Действует до",
    "Язык",
    "Критерии",
    "Программа",
    "Примечание",
]
# Programme accreditation (prog-acc): the items of one programme, and the programme criteria
# each item supports. Institution-wide items leave «Программа» empty; the register names a
# programme by its code or by its name, as offices do.
PROGRAMME_LINKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "programmes/programme-passport-580100.docx": ("580100", ("prog-acc:1.1",)),
    "web/programme-580100-page.pdf": ("Экономика", ("prog-acc:1.1",)),
    "programmes/curriculum-580100-economics.xlsx": ("580100", ("prog-acc:1.2",)),
    "programmes/curriculum-710400-software-engineering.xlsx": ("Программная инженерия", ("prog-acc:1.2",)),
    "programmes/syllabi": ("580100", ("prog-acc:1.3",)),
    "staff/staff-list-2026-2027.xlsx": ("", ("prog-acc:2.1",)),
    "reports/programme-report-580100-2024-2025.docx": ("580100", ("prog-acc:3.1",)),
    "minutes/economics-dept-programme-review.docx": ("580100", ()),
    "external/employer-review-580100-2026.pdf": ("580100", ("prog-acc:3.2",)),
    "external/employer-mou-aiyl-bank.pdf": ("580100", ("prog-acc:3.2",)),
    "external/employer-mou-ala-too-soft.docx": ("710400", ("prog-acc:3.2",)),
    "resources/library-holdings-2026.xlsx": ("", ("prog-acc:4.1",)),
    "resources/lab-equipment-inventory.xlsx": ("710400", ("prog-acc:4.2",)),
    "programmes/samples/exam-microeconomics-2026-sample.pdf": ("580100", ()),
    "programmes/samples/diploma-supplement-sample.pdf": ("580100", ()),
}
REGISTER_TITLE = "Реестр доказательств к самооценке КНУ, 2026"


def rid(file: str) -> str:
    """Return the register id of the item whose file is `file`."""
    return next(item.id for item in REGISTER if item.file == file)


def link_programmes() -> None:
    """Give the items of PROGRAMME_LINKS their programme and their programme criteria."""
    for item in REGISTER:
        programme, criteria = PROGRAMME_LINKS.get(item.file or "", ("", ()))
        item.programmes = (programme,) if programme else ()
        item.criteria = item.criteria + criteria


def write_register() -> None:
    """Write evidence/register.xlsx: a merged title row, the Russian header, one row per item."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Реестр"
    ws.cell(1, 1, REGISTER_TITLE).font = Font(bold=True, size=13)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    for c, name in enumerate(COLUMNS, 1):
        cell = ws.cell(2, c, name)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, item in enumerate(REGISTER, 3):
        as_text = r % 3 == 0  # real registers mix typed dates and text dates

        def date(value, as_text=as_text):
            if value is None:
                return None
            return value.strftime("%d.%m.%Y") if as_text else dt.datetime.combine(value, dt.time())

        values = [
            item.id,
            item.title,
            item.file,
            item.url,
            date(item.snapshot),
            item.kind,
            item.owner,
            date(item.issued),
            date(item.valid_until),
            item.language,
            "; ".join(item.criteria),
            "; ".join(item.programmes) or None,
            item.note or None,
        ]
        for c, value in enumerate(values, 1):
            cell = ws.cell(r, c, value)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=c in (2, 3, 7, 11, 13), vertical="top")
            if isinstance(value, dt.datetime):
                cell.number_format = "DD.MM.YYYY"
    for c, width in enumerate([8, 60, 40, 30, 12, 15, 28, 12, 12, 6, 34, 22, 40], 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{len(REGISTER) + 2}"
    save_xlsx(wb, "register.xlsx", REGISTER_TITLE)


README = """\
# Доказательства (evidence) / Далилдер

**RU.** Эта папка — учебный пример рабочего пространства `selfassess` для КНУ им. Ж. Баласагына:
документы-доказательства к самооценке (положения, приказы, протоколы, планы, учебные планы, силлабусы,
выгрузки данных, результаты анкетирования, договоры, снимки веб-страниц) и их реестр `register.xlsx`.
Все документы и цифры **вымышлены** и созданы скриптом `scripts/make_sample_evidence.py`; реальны только
имена ректора и начальника БСМЖАБ. Не используйте эти файлы как настоящие документы университета.

Как добавить доказательство:

1. Положите файл в подходящую подпапку (`policies/`, `orders/`, `minutes/`, `plans/`, `reports/`,
   `programmes/`, `staff/`, `surveys/`, `resources/`, `external/`, `web/`) или в папку подразделения.
   Доказательством может быть и целая папка (например, `programmes/syllabi/`).
2. Добавьте строку на лист «Реестр» файла `register.xlsx`: новый **Код** (`E-0NN`), **Наименование**,
   **Файл** (путь относительно этой папки), **Вид** (`policy`, `order`, `minutes`, … — см.
   `docs/formats.md`), **Ответственное подразделение**, **Дата**, при необходимости **Действует до**,
   **Язык** и **Критерии** — полные коды через `; ` (например `esg2015:1.1; kg-minreq:1.4`).
   Документ одной программы (учебный план, силлабусы) отметьте в столбце **Программа** — кодом или
   названием (`580100`, `Программная инженерия`); общеуниверситетские документы оставьте без программы.
   Для веб-страницы заполните также **Ссылка** и **Дата снимка**.
3. Запустите проверку `selfassess` и убедитесь, что новых ошибок нет.

**KY.** Бул папка — КУУ үчүн `selfassess` иш мейкиндигинин үлгүсү: өзүн-өзү баалоого далилдер (жоболор,
буйруктар, протоколдор, пландар, окуу пландары, силлабустар, маалыматтар, сурамжылоолордун жыйынтыктары,
келишимдер, сайттын барактарынын сүрөттөрү) жана алардын реестри `register.xlsx`. Бардык документтер жана
сандар **ойдон чыгарылган**, аларды `scripts/make_sample_evidence.py` скрипти түзөт; ректордун жана
БСМЖАБдын башчысынын аты-жөнү гана чыныгы. Бул файлдарды университеттин чыныгы документтери катары колдонбоңуз.

Далилди кантип кошуу керек:

1. Файлды ылайыктуу папкага салыңыз (же бөлүмдүн папкасына, мисалы `Буйруктар/`). Далил бүтүндөй папка
   да боло алат.
2. `register.xlsx` файлынын «Реестр» барагына жаңы сап кошуңуз: **Код** (`E-0NN`), **Наименование**
   (аталышы), **Файл** (ушул папкага салыштырмалуу жол), **Вид** (түрү: `policy`, `order`, `minutes` …),
   **Ответственное подразделение** (жооптуу бөлүм), **Дата**, керек болсо **Действует до** (жарактуу
   мөөнөтү), **Язык** (тили) жана **Критерии** — толук коддор `; ` аркылуу. Бир программанын документин
   (окуу планы, силлабустар) **Программа** тилкесинде коду же аталышы менен белгилеңиз; бүткүл
   университеттин документтеринде бул тилке бош калат. Сайттын барагы үчүн **Ссылка** (шилтеме) жана
   **Дата снимка** (сүрөт күнү) да толтурулат.
3. `selfassess` текшерүүсүн иштетип, жаңы каталар жок экенин текшериңиз.
"""


# =========================================================================== checks and main

TODAY = dt.date(2026, 11, 25)


def check_register() -> list[str]:
    """Return problems with the generated register (the deliberate gaps must hold)."""
    problems = []
    by_criterion: dict[str, list[Item]] = {}
    ids = [item.id for item in REGISTER]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    for item in REGISTER:
        if item.file and not (EVIDENCE / item.file).exists():
            problems.append(f"{item.id}: missing file {item.file}")
        for crit in item.criteria:
            if crit not in ALLOWED_CRITERIA:
                problems.append(f"{item.id}: criterion {crit} not allowed")
            if crit in GAPS or crit in CROSSWALKS_INTO_GAPS:
                problems.append(f"{item.id}: criterion {crit} must stay a gap")
            by_criterion.setdefault(crit, []).append(item)
    for item in by_criterion.get("esg2015:1.10", []):
        if not item.valid_until or item.valid_until >= TODAY:
            problems.append(f"{item.id}: esg2015:1.10 must only have expired items")
    l2 = by_criterion.get("kg-licensing:L2", [])
    if len(l2) != 1 or l2[0].valid_until != dt.date(2027, 1, 15):
        problems.append("kg-licensing:L2 must have exactly one item valid until 15.01.2027")
    return problems


def tally() -> str:
    lines = []
    for crit in sorted(
        ALLOWED_CRITERIA,
        key=lambda c: (c.split(":")[0], [int(x) if x.isdigit() else x for x in re.split(r"[.L]", c.split(":")[1])]),
    ):
        items = [i for i in REGISTER if crit in i.criteria]
        current = [i for i in items if not i.valid_until or i.valid_until >= TODAY]
        kinds = sorted({i.kind for i in current})
        lines.append(f"  {crit:18} {len(current)} current / {len(items)} total  {', '.join(kinds)}")
    return "\n".join(lines)


def results_by_year() -> None:
    """Five years of session results and attendance by faculty (Kyrgyz headers), for trends."""
    rng = random.Random(2026)
    faculties = [
        ("Экономика факультети", 0.90, 0.86),
        ("Математика, информатика жана кибернетика факультети", 0.86, 0.83),
        ("Юридикалык факультет", 0.92, 0.88),
        ("Кыргыз филологиясы факультети", 0.93, 0.90),
        ("Социалдык илимдер факультети", 0.89, 0.84),
    ]
    rows = []
    for year in range(2022, 2027):
        drift = (year - 2022) * 0.006
        for name, pass_rate, attendance in faculties:
            enrolled = rng.randint(900, 1600)
            passed = round(enrolled * min(0.99, pass_rate + drift + rng.uniform(-0.015, 0.015)))
            planned = enrolled * rng.randint(560, 620)
            attended = round(planned * min(0.98, attendance + drift + rng.uniform(-0.02, 0.02)))
            rows.append([f"{year - 1}–{year}", name, enrolled, passed, planned, attended])
    header = [
        "Окуу жылы",
        "Факультет",
        "Катталган студенттер",
        "Сессияны тапшыргандар",
        "Пландалган сааттар",
        "Катышкан сааттар",
    ]
    save_csv("data/session-results-2022-2026.csv", header, rows, encoding="utf-8-sig", delimiter=";")
    reg(
        "Факультеттер боюнча сессиянын жыйынтыктары жана сабакка катышуу, 2021–2026-окуу жылдары",
        "data/session-results-2022-2026.csv",
        "dataset",
        "Окуу бөлүмү",
        "01.09.2026",
        "ky",
        ["knu-bsmjab:1.4.1"],
        note="Окуу бөлүмүнүн жылдык жыйынтыктарынан; көрсөткүчтөрдүн динамикасы үчүн",
    )


# The whole university's faculties (ky, ru): the ministry's monitoring and the licence count
# students of every faculty; the AIS extracts above cover four faculties only.
UNIVERSITY_FACULTIES = [
    ("Экономика факультети", "Экономический факультет"),
    ("Математика, информатика жана кибернетика факультети", "Факультет математики, информатики и кибернетики"),
    ("Кыргыз филологиясы факультети", "Факультет кыргызской филологии"),
    ("Социалдык илимдер факультети", "Факультет социальных наук"),
    ("Юридикалык факультет", "Юридический факультет"),
    ("Физика жана электроника факультети", "Факультет физики и электроники"),
    ("Химия жана химиялык технология факультети", "Факультет химии и химической технологии"),
    ("Тарых жана регионтаануу факультети", "Факультет истории и регионоведения"),
    ("Журналистика факультети", "Факультет журналистики"),
    ("Эл аралык мамилелер жана чыгыш таануу факультети", "Факультет международных отношений и востоковедения"),
    ("Орус филологиясы факультети", "Факультет русской филологии"),
    ("Чет тилдер факультети", "Факультет иностранных языков"),
    ("География, экология жана туризм факультети", "Факультет географии, экологии и туризма"),
]
PART_TIME = 965  # 19,420 students in all (the ministry's monitoring, 2026) less the full-time ones


def contingent_by_faculty() -> None:
    """The university's students by faculty and form of study on 01.10.2025 (the AIS, every faculty)."""
    rng = random.Random(1810)
    weights = [rng.uniform(0.6, 1.6) for _ in UNIVERSITY_FACULTIES]
    full = [round(CONTINGENT_FULL_TIME * w / sum(weights)) for w in weights]
    full[0] += CONTINGENT_FULL_TIME - sum(full)  # the total is the one the report and the passport quote
    part = [round(PART_TIME * w / sum(weights)) for w in weights]
    part[0] += PART_TIME - sum(part)
    rows = [[ru, f, p, f + p] for (_, ru), f, p in zip(UNIVERSITY_FACULTIES, full, part, strict=True)]
    wb = new_wb()
    sheet(
        wb,
        "Контингент",
        ["Факультет", "Очная форма", "Заочная форма", "Всего"],
        rows,
        [52, 14, 14, 12],
        title="Контингент студентов по факультетам на 01.10.2025 (АИС «Студент», все факультеты)",
        first=True,
    )
    save_xlsx(wb, "data/contingent-by-faculty-2025-10-01.xlsx", "Контингент студентов по факультетам", "Окуу бөлүмү")
    reg(
        "Контингент студентов по факультетам и формам обучения на 01.10.2025 (выгрузка из АИС, весь университет)",
        "data/contingent-by-faculty-2025-10-01.xlsx",
        "dataset",
        "Окуу бөлүмү",
        "01.10.2025",
        "ru",
        ["kg-licensing:L3", "knu-bsmjab:1.4.3"],
        note="Знаменатель показателя RES-01 (учебная площадь на одного студента очной формы)",
    )


def main() -> int:
    if EVIDENCE.exists():
        shutil.rmtree(EVIDENCE)
    EVIDENCE.mkdir(parents=True)
    staff = staff_records()
    steps = [
        qa_policy,
        bsmjab_regulation,
        assessment_regulation,
        programme_regulation,
        admission_rules,
        staff_competition_regulation,
        integrity_policy,
        data_regulation,
        student_support_regulation,
        qms_register,
        order_internal_audit,
        order_quality_representatives,
        order_enrolment,
        order_qa_council,
        order_antiplagiarism,
        order_teacher_rating,
        order_practice_bases,
        order_staffing,
        minutes_academic_council_2025,
        minutes_ums,
        minutes_academic_council_2026,
        minutes_department_review,
        strategic_plan,
        annual_plan,
        bsmjab_workplan,
        annual_monitoring_report,
        strategy_report,
        internal_audit_report,
        capa_log,
        ranking_indicators,
        ranking_analysis,
        staff_analysis,
        programme_report,
        curricula,
        syllabi,
        programme_passport,
        grade_statistics,
        contingent,
        exam_sample,
        diploma_supplement_sample,
        lambda: staff_list(staff),
        lambda: consents(staff),
        lambda: pd_records(staff),
        lambda: pd_certificates(staff),
        student_questionnaire,
        student_survey,
        teacher_survey,
        graduate_survey,
        employer_survey,
        graduate_employment,
        premises,
        library_holdings,
        lms_export,
        lab_inventory,
        elibrary_contract,
        lease_contract,
        property_extract,
        sanitary_conclusion,
        clinical_base_agreement,
        charter,
        state_registration,
        employer_review,
        licence,
        accreditation,
        employer_mous,
        web_pages,
        results_by_year,
        contingent_by_faculty,  # last: new items get new ids, earlier ids never move
    ]
    for step in steps:
        step()
    convert_pdfs()
    shutil.rmtree(STAGING, ignore_errors=True)
    link_programmes()
    write_register()
    (EVIDENCE / "README.md").write_text(README, encoding="utf-8")

    problems = check_register()
    files = [f for f in EVIDENCE.rglob("*") if f.is_file()]
    size = sum(f.stat().st_size for f in files)
    print(f"{len(REGISTER)} register rows, {len(files)} files, {size / 1024:.0f} KiB in {EVIDENCE}")
    print(f"{sum(1 for i in REGISTER if i.valid_until)} items with a 'valid until' date")
    print(tally())
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    if size > 3 * 1024 * 1024:
        print("PROBLEM: evidence is larger than 3 MB", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
