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
  * kg-licensing:L2 has one item, valid until 15.01.2027 (expiring within the window).
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
)
GAPS = {"esg2015:1.8", "knu-bsmjab:1.4.6", "kg-licensing:L6"}


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


def table(doc, header: list[str], rows: list[list], widths: list[float] | None = None, size: float = 10) -> None:
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(header):
        cell = t.rows[0].cells[i]
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(str(text)), size, bold=True)
    for row in rows:
        cells = t.add_row().cells
        for i, value in enumerate(row):
            cells[i].text = ""
            _set_font(cells[i].paragraphs[0].add_run("" if value is None else str(value)), size)
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    doc.add_paragraph()


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
        ["esg2015:1.1", "kg-minreq:1.4", "knu-bsmjab:1.4.7"],
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
        ["esg2015:1.3", "knu-bsmjab:1.4.1"],
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
        ["esg2015:1.2", "kg-minreq:2.1", "esg2015:1.9"],
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
        ["esg2015:1.5", "knu-bsmjab:1.4.2"],
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
        ["kg-minreq:1.7", "esg2015:1.3"],
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
        ["kg-minreq:1.4", "knu-bsmjab:1.4.7"],
    )
