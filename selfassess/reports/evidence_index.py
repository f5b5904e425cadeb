"""The evidence index (DOCX, XLSX) and the criteria × evidence matrix (XLSX) of a pack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from selfassess import i18n
from selfassess.reports.report import ReportPlan
from selfassess.reproducible import normalize_docx
from selfassess.word.wordsafe import make_word_safe
from selfassess.workbook import add_table, new_workbook, workbook_bytes

INDEX_COLUMNS = ("annex_column", "code", "title", "kind", "owner", "date", "valid_until", "sha256")


def index_rows(plan: ReportPlan, digests: dict[str, str], kinds: object, lang: str) -> list[list[object]]:
    """Return one row per annex, in annex order: number, evidence id, title, kind, owner, date, the
    last day it counts (an agency reads an expired document as the record of its time), SHA-256."""
    rows = []
    for annex in plan.annexes:
        item = annex.item
        day = item.issued or item.snapshot
        kind = kinds.label(kinds.resolve(item.kind) or item.kind, lang)  # type: ignore[attr-defined]
        rows.append(
            [
                str(annex.number),
                item.id,
                item.title,
                kind,
                item.owner or "",
                day,
                item.expires or "",
                digests.get(item.id, ""),
            ]
        )
    return sorted(rows, key=lambda row: int(str(row[0])))


def index_xlsx(rows: list[list[object]], lang: str, when: dt.datetime) -> bytes:
    """Return the evidence index as an Excel sheet (dates as dates, the header frozen and filtered)."""
    book = new_workbook()
    table = [[int(str(row[0])), *row[1:]] for row in rows]
    add_table(book, i18n.label("evidence_index", lang), [i18n.label(c, lang) for c in INDEX_COLUMNS], table)
    return workbook_bytes(book, when)


def matrix_xlsx(plan: ReportPlan, lang: str, when: dt.datetime) -> bytes:
    """Return the criteria × evidence matrix: ● supports directly, ○ through a crosswalk."""
    book = new_workbook()
    column = {a.item.id: i for i, a in enumerate(plan.annexes)}
    rows = []
    for result in plan.results:
        marks: list[str | None] = [None] * len(plan.annexes)  # None cells are not written at all
        for support in result.support:
            if support.item.id in column:
                marks[column[support.item.id]] = "○" if support.via else "●"
        rows.append([result.qid, result.ref.criterion.title.get(lang), *marks])
    header = [i18n.label("criterion", lang), i18n.label("title", lang), *(a.item.id for a in plan.annexes)]
    numbers = ["", i18n.label("annex_column", lang), *(a.number for a in plan.annexes)]
    sizes = [16.0, 60.0, *([7.0] * len(plan.annexes))]
    add_table(book, i18n.label("criteria_matrix", lang), header, rows, sizes, header_rows=[numbers])
    return workbook_bytes(book, when)


def index_docx(reference: Path, title: str, rows: list[list[object]], lang: str, when: dt.datetime) -> bytes:
    """Return the evidence index as a Word table (built as XML: python-docx is slow for 10,000 rows)."""
    from docx import Document
    from docx.oxml import parse_xml

    from selfassess.word.render import save

    document = Document(str(reference))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    document.add_paragraph(title, style="Title")
    document.add_paragraph(i18n.label("evidence_index", lang), style="Subtitle")
    # Within the 16.5 cm text width; the digest wraps in its own column (it is whole in the XLSX).
    widths = (600, 900, 2400, 1100, 1155, 1000, 1000, 1200)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def cell(text: str, width: int, bold: bool = False, small: bool = False) -> str:
        run_props = (
            "<w:rPr>"
            + ("<w:b/>" if bold else "")
            + ('<w:sz w:val="14"/>' if small else '<w:sz w:val="20"/>')
            + "</w:rPr>"
        )
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>'
            f'<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
        )

    header = [i18n.label(c, lang) for c in INDEX_COLUMNS]
    parts = [
        f'<w:tbl {ns}><w:tblPr><w:tblStyle w:val="KNUTable"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>',
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>",
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + "".join(cell(h, w, bold=True) for h, w in zip(header, widths, strict=True))
        + "</w:tr>",
    ]
    for row in rows:
        shown = [i18n.format_date(v, lang, "numeric") if isinstance(v, dt.date) else str(v or "") for v in row]
        last = len(row) - 1
        cells = [cell(text, w, small=(i == last)) for i, (text, w) in enumerate(zip(shown, widths, strict=True))]
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
    parts.append("</w:tbl>")
    table = parse_xml("".join(parts))
    body.insert(len(body) - 1, table)
    make_word_safe(document, lang)
    props = document.core_properties
    props.title = i18n.label("evidence_index", lang)
    props.author = "selfassess"
    props.created = props.modified = when
    return normalize_docx(save(document), when)
