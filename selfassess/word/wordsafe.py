"""What Word checks that a schema cannot: language, compatibility mode, margins, table grids.

Every DOCX selfassess writes passes through `make_word_safe` before it is saved:
- the document language is set (ky-KG, ru-RU, en-US), so Word does not mark every word;
- the Word 2013+ compatibility mode is declared, so Word does not open in Compatibility Mode;
- every page-margin element carries all the attributes the schema requires;
- a merged cell's width is the sum of the grid columns it spans;
- two tables in a row are kept apart by a tiny paragraph, as Word would merge them into one.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LANGUAGE_TAGS = {"ky": "ky-KG", "ru": "ru-RU", "en": "en-US"}
WORD_2013 = "15"
# CT_Settings children that come after w:compat: a settings part out of order is unreadable.
_AFTER_COMPAT = (
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip
_PAGE_MARGIN_DEFAULTS = {
    "top": "1440", "right": "1440", "bottom": "1440", "left": "1440", "header": "720", "footer": "720", "gutter": "0",
}  # fmt: skip


def make_word_safe(document: Any, language: str) -> None:
    """Apply every fix above to a python-docx document, in place."""
    set_language(document, language)
    declare_compatibility(document)
    parts = [document.element, *_header_footer_elements(document)]
    for root in parts:
        complete_page_margins(root)
        for table in root.iter(qn("w:tbl")):
            match_cell_widths(table)
        separate_tables(root)


def _header_footer_elements(document: Any) -> list[Any]:
    out, seen = [], set()
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.even_page_header):
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) not in seen:
                seen.add(id(element))
                out.append(element)
    return out


def set_language(document: Any, language: str) -> None:
    """Declare the document's language in the default run properties and the theme."""
    tag = LANGUAGE_TAGS.get(language, language)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    # Every style that names a language of its own would override the default.
    for element in styles.iter(qn("w:lang")):
        if element is not lang and element.get(qn("w:val")):
            element.set(qn("w:val"), tag)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)


def declare_compatibility(document: Any) -> None:
    """Declare Word 2013+ layout (compatibilityMode 15), replacing an older declaration."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        later = {qn(f"w:{name}") for name in _AFTER_COMPAT}
        successor = next((child for child in settings if child.tag in later), None)
        if successor is not None:
            successor.addprevious(compat)
        else:
            settings.append(compat)
    setting = next(
        (s for s in compat.findall(qn("w:compatSetting")) if s.get(qn("w:name")) == "compatibilityMode"), None
    )
    if setting is None:
        setting = OxmlElement("w:compatSetting")
        setting.set(qn("w:name"), "compatibilityMode")
        setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
        compat.append(setting)
    setting.set(qn("w:val"), WORD_2013)


def complete_page_margins(root: Any) -> None:
    """Give every w:pgMar the attributes the schema requires (header, footer and gutter too)."""
    for margins in root.iter(qn("w:pgMar")):
        for name, default in _PAGE_MARGIN_DEFAULTS.items():
            if margins.get(qn(f"w:{name}")) is None:
                margins.set(qn(f"w:{name}"), default)


def match_cell_widths(table: Any) -> None:
    """Set each cell's width to the grid columns it spans: Word reads w:tcW, LibreOffice the grid."""
    grid = table.find(qn("w:tblGrid"))
    # Only merged cells go wrong (a cell's own column is set with it); a table without any is
    # left alone, which keeps a 10,000-row evidence index quick.
    if grid is None or next(table.iter(qn("w:gridSpan")), None) is None:
        return
    columns = [int(c.get(qn("w:w")) or 0) for c in grid.findall(qn("w:gridCol"))]
    if not columns or not all(columns):
        return
    for row in table.findall(qn("w:tr")):
        position = 0
        for cell in row.findall(qn("w:tc")):
            tcpr = cell.find(qn("w:tcPr"))
            if tcpr is None:
                tcpr = OxmlElement("w:tcPr")
                cell.insert(0, tcpr)
            span_element = tcpr.find(qn("w:gridSpan"))
            span = int(span_element.get(qn("w:val"))) if span_element is not None else 1
            width = sum(columns[position : position + span])
            position += span
            if not width:
                continue
            tcw = tcpr.find(qn("w:tcW"))
            if tcw is None:
                tcw = OxmlElement("w:tcW")
                # w:tcW comes first in w:tcPr, after an optional w:cnfStyle.
                cnf = tcpr.find(qn("w:cnfStyle"))
                if cnf is not None:
                    cnf.addnext(tcw)
                else:
                    tcpr.insert(0, tcw)
            tcw.set(qn("w:w"), str(width))
            tcw.set(qn("w:type"), "dxa")


def separate_tables(root: Any) -> None:
    """Put a tiny empty paragraph between two tables that follow each other."""
    tbl = qn("w:tbl")
    for table in list(root.iter(tbl)):
        following = table.getnext()
        if following is not None and following.tag == tbl:
            table.addnext(_tiny_paragraph())


def _tiny_paragraph() -> Any:
    paragraph = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    for name in ("before", "after", "line"):
        spacing.set(qn(f"w:{name}"), "0" if name != "line" else "20")
    spacing.set(qn("w:lineRule"), "exact")
    ppr.append(spacing)
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr.append(size)
    ppr.append(rpr)
    paragraph.append(ppr)
    return paragraph
