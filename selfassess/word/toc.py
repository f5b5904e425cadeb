"""Contents that work everywhere: bookmarked headings and PAGEREF lines, not a TOC field.

LibreOffice fills PAGEREF fields in a single conversion (a Word TOC field it leaves empty),
and Word updates them when printing or on opening (updateFields is set).
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from selfassess.word.fields import add_bookmark

MARKER = "SELFASSESS-TOC"
LEVELS = {"Heading 1": 1, "Heading 2": 2}
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def fill_contents(document: Any, marker: str = MARKER) -> list[tuple[int, str]]:
    """Replace the marker paragraph with one line per heading after it; return (level, text)."""
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    body = document.element.body
    w_t, w_p, w_ppr, w_pstyle, w_val = qn("w:t"), qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")

    def text_of(p: Any) -> str:
        return "".join(p.itertext(w_t, with_tail=False)).strip()

    paragraphs = list(body.iterchildren(w_p))
    index = next((i for i, p in enumerate(paragraphs) if text_of(p) == marker), None)
    if index is None:
        return []
    # Style ids, not names: looking a paragraph's style up by name costs a scan of all styles.
    level_of = {style.style_id: LEVELS[style.name] for style in document.styles if style.name in LEVELS}
    entries = []
    for p in paragraphs[index + 1 :]:
        ppr = p.find(w_ppr)
        style = ppr.find(w_pstyle) if ppr is not None else None
        level = level_of.get(style.get(w_val)) if style is not None else None
        if not level:
            continue
        text = text_of(p)
        if text:
            name = f"_Toc{len(entries) + 1:06d}"
            add_bookmark(Paragraph(p, None), name, 1000 + len(entries))
            entries.append((level, text, name))
    anchor = paragraphs[index]
    # Style ids set directly: python-docx would look each style name up among all styles.
    toc_ids = {s.name: s.style_id for s in document.styles if s.name in ("toc 1", "toc 2")}
    # All the lines parsed at once: built one element at a time, they cost a second for 1,000 headings.
    lines = "".join(_line(toc_ids.get(f"toc {level}", f"TOC{level}"), text, name) for level, text, name in entries)
    for line in parse_xml(f'<w:body xmlns:w="{_W_NS}">{lines}</w:body>'):
        anchor.addprevious(line)
    body.remove(anchor)
    return [(level, text) for level, text, _ in entries]


def _line(style_id: str, text: str, bookmark: str) -> str:
    """Return a contents line as python-docx writes it: the heading's text, a tab, its PAGEREF field."""
    run = _run_text(text + "\t")
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{escape(style_id, _QUOTE)}"/></w:pPr><w:r>{run}</w:r>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        f" PAGEREF {escape(bookmark)} \\h </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r/><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


_QUOTE = {'"': "&quot;"}
_BREAKS = re.compile(r"(\t|\r|\n)")


def _run_text(text: str) -> str:
    """Return a run's content for `text` as python-docx's Run.text makes it: <w:tab/> for a tab,
    <w:br/> for a line break, <w:t> (space kept where it leads or trails) for the rest."""
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "".join(out)


def restyle_tables(document: Any, style: str = "KNU Table") -> None:
    """Give pandoc's tables the bordered style (LibreOffice ignores a default table style)."""
    from docx.table import Table

    w_tblpr, w_tblstyle, w_val = qn("w:tblPr"), qn("w:tblStyle"), qn("w:val")
    plain: dict[str | None, bool] = {}  # by style id: a table's style is looked up once per id, not per table
    for tbl in document.element.body.iterchildren(qn("w:tbl")):
        properties = tbl.find(w_tblpr)
        named = properties.find(w_tblstyle) if properties is not None else None
        ident = named.get(w_val) if named is not None else None
        if ident not in plain:
            current = Table(tbl, document._body).style
            plain[ident] = current is None or current.name in ("Table", "Normal Table")
        if plain[ident]:
            Table(tbl, document._body).style = document.styles[style]


# The elements that follow w:updateFields in CT_Settings: Word rejects a settings part whose
# children are out of schema order ("unreadable content").
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip


def update_fields_on_open(document: Any) -> None:
    """Ask Word to refresh fields (contents page numbers) when the document is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    later = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}
    successor = next((child for child in settings if child.tag in later), None)
    if successor is not None:
        successor.addprevious(element)
    else:
        settings.append(element)


def pages_from_pdf(pdf: bytes) -> list[tuple[str, int]]:
    """Return the PDF's outline (the headings LibreOffice exported) as (title, page) in order."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        outline = reader.outline
    except (PdfReadError, ValueError, KeyError):
        return []
    found: list[tuple[str, int]] = []

    def walk(items: Any) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            page = reader.get_destination_page_number(item)
            if page is not None and page >= 0:
                found.append((" ".join(str(item.title).split()), page + 1))

    walk(outline)
    return found


def store_page_numbers(document: Any, outline: list[tuple[str, int]]) -> int:
    """Write each contents line's page number into its PAGEREF field as the shown result.

    Word shows a field's stored result until the fields are updated; storing the numbers of
    the LibreOffice layout means the contents are right even if the reader declines to update.
    Returns how many lines got a number.
    """
    body = document.element.body
    w_t, w_r = qn("w:t"), qn("w:r")
    heading_of: dict[str, str] = {}
    for start in body.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name")) or ""
        if name.startswith("_Toc"):
            paragraph = start.getparent()
            heading_of[name] = " ".join("".join(t.text or "" for t in paragraph.iter(w_t)).split())
    position, stored = 0, 0
    for instr in body.iter(qn("w:instrText")):
        words = (instr.text or "").split()
        if len(words) < 2 or words[0] != "PAGEREF" or words[1] not in heading_of:
            continue
        title = heading_of[words[1]]
        # Headings are matched in order: the same title later on is a later heading.
        for index in range(position, len(outline)):
            if outline[index][0] == title:
                position = index + 1
                _set_result(instr.getparent(), str(outline[index][1]), w_r, w_t)
                stored += 1
                break
    return stored


def _set_result(instr_run: Any, value: str, w_r: str, w_t: str) -> None:
    """Set the text between the field's 'separate' and 'end' marks to `value`."""
    fld = qn("w:fldChar")
    run = instr_run.getnext()
    while run is not None and not (run.tag == w_r and _char(run, fld) == "separate"):
        run = run.getnext()
    if run is None:
        return
    result = run.getnext()
    texts, runs = [], []
    while result is not None and not (result.tag == w_r and _char(result, fld) == "end"):
        if result.tag == w_r:
            runs.append(result)
            texts += result.findall(w_t)
        result = result.getnext()
    if not texts:
        holder = runs[0] if runs else OxmlElement("w:r")
        if not runs:
            run.addnext(holder)
        texts = [OxmlElement("w:t")]
        holder.append(texts[0])
    texts[0].text = value
    for extra in texts[1:]:
        extra.text = ""


def _char(run: Any, fld: str) -> str | None:
    element = run.find(fld)
    return element.get(qn("w:fldCharType")) if element is not None else None
