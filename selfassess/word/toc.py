"""Contents that work everywhere: bookmarked headings and PAGEREF lines, not a TOC field.

LibreOffice fills PAGEREF fields in a single conversion (a Word TOC field it leaves empty),
and Word updates them when printing or on opening (updateFields is set).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from selfassess.word.fields import add_bookmark, add_field

MARKER = "SELFASSESS-TOC"
LEVELS = {"Heading 1": 1, "Heading 2": 2}


def fill_contents(document: Any, marker: str = MARKER) -> list[tuple[int, str]]:
    """Replace the marker paragraph with one line per heading after it; return (level, text)."""
    from docx.text.paragraph import Paragraph

    body = document.element.body
    w_t, w_p = qn("w:t"), qn("w:p")

    def text_of(p: Any) -> str:
        return "".join(t.text or "" for t in p.iter(w_t)).strip()

    paragraphs = list(body.iterchildren(w_p))
    index = next((i for i, p in enumerate(paragraphs) if text_of(p) == marker), None)
    if index is None:
        return []
    # Style ids, not names: looking a paragraph's style up by name costs a scan of all styles.
    level_of = {style.style_id: LEVELS[style.name] for style in document.styles if style.name in LEVELS}
    entries = []
    for p in paragraphs[index + 1 :]:
        ppr = p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        level = level_of.get(style_id)
        if not level:
            continue
        text = text_of(p)
        if text:
            name = f"_Toc{len(entries) + 1:06d}"
            add_bookmark(Paragraph(p, None), name, 1000 + len(entries))
            entries.append((level, text, name))
    anchor = Paragraph(paragraphs[index], document._body)
    # Style ids set directly: python-docx would look each style name up among all styles.
    toc_ids = {s.name: s.style_id for s in document.styles if s.name in ("toc 1", "toc 2")}
    for level, text, name in entries:
        line = anchor.insert_paragraph_before()
        line._p.get_or_add_pPr().get_or_add_pStyle().val = toc_ids.get(f"toc {level}", f"TOC{level}")
        line.add_run(f"{text}\t")
        add_field(line, f"PAGEREF {name} \\h", cached="")
    body.remove(paragraphs[index])
    return [(level, text) for level, text, _ in entries]


def restyle_tables(document: Any, style: str = "KNU Table") -> None:
    """Give pandoc's tables the bordered style (LibreOffice ignores a default table style)."""
    for table in document.tables:
        if table.style is None or table.style.name in ("Table", "Normal Table"):
            table.style = document.styles[style]


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
