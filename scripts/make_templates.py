"""Build templates/reference.docx and templates/controlled-document.docx.

The two share one style set (pandoc's reference.docx, restyled): when the body converted by
pandoc is inserted into the template, the template's style definitions win, so they must be
the same. The output is committed; users restyle it in Word. Run after changing the layout:

    python scripts/make_templates.py
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

import pypandoc
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selfassess.reproducible import normalize_docx  # noqa: E402
from selfassess.word.fields import add_field  # noqa: E402
from selfassess.word.wordsafe import make_word_safe  # noqa: E402

FONT = "Times New Roman"
TEXT_WIDTH = Cm(16.5)  # A4 21 cm − left 3 cm − right 1.5 cm
HEADER_WIDTHS = (Cm(9.0), Cm(4.0), Cm(3.5))


def force_font(style, size: float | None = None, bold: bool | None = None) -> None:
    """Set the style's font, dropping theme fonts that would override it."""
    style.font.name = FONT
    style.font.color.rgb = RGBColor(0, 0, 0)
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)


def pandoc_reference() -> bytes:
    pandoc = pypandoc.get_pandoc_path()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "reference.docx"
        subprocess.run([pandoc, "-o", str(target), "--print-default-data-file", "reference.docx"], check=True)
        return target.read_bytes()


def restyle(doc) -> None:
    styles = doc.styles
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            force_font(style)
    normal = styles["Normal"]
    force_font(normal, 12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Body Text", "First Paragraph"):
        pf = styles[name].paragraph_format
        pf.first_line_indent = Cm(1.25)
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.space_before = Pt(0)
        pf.space_after = Pt(6)
    compact = styles["Compact"].paragraph_format
    compact.first_line_indent = Cm(0)
    compact.space_after = Pt(2)
    compact.alignment = WD_ALIGN_PARAGRAPH.LEFT  # table cells: justified text leaves holes
    for level, size in ((1, 12), (2, 12), (3, 12)):
        heading = styles[f"Heading {level}"]
        force_font(heading, size, bold=True)
        heading.font.italic = False
        pf = heading.paragraph_format
        pf.keep_with_next = True
        pf.space_before = Pt(12 if level == 1 else 8)
        pf.space_after = Pt(6)
        pf.first_line_indent = Cm(0)
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title = styles["Title"]
    force_font(title, 14, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(6)
    force_font(styles["Subtitle"], 12, bold=False)
    for spacing in styles["Subtitle"].element.get_or_add_rPr().findall(qn("w:spacing")):
        spacing.getparent().remove(spacing)
    styles["Subtitle"].font.italic = False
    styles["Subtitle"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    toc_heading = styles["TOC Heading"]
    force_font(toc_heading, 12, bold=True)
    toc_heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    toc_heading.paragraph_format.space_after = Pt(12)
    for level in (1, 2):
        name = f"toc {level}"
        toc = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH) if name not in [s.name for s in styles] else styles[name]
        toc.base_style = normal
        force_font(toc, 12)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)
        toc.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    # Lists (pandoc's "Compact") read like the body: justified, a little space after each item.
    compact.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    compact.space_after = Pt(3)
    # Captions: "1-таблица. …" above its table and kept with it; "1-сүрөт. …" under its picture.
    for name in ("Figure", "Captioned Figure"):
        pf = styles[name].paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.first_line_indent = Cm(0)
        pf.keep_with_next = True
        pf.space_before = Pt(6)
        pf.space_after = Pt(0)
        pf.line_spacing = 1.0
    table_caption = styles["Table Caption"]
    force_font(table_caption, 12)
    table_caption.font.italic = False
    pf = table_caption.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
    pf.first_line_indent = Cm(0)
    pf.keep_with_next = True
    pf.space_before = Pt(12)
    pf.space_after = Pt(3)
    image_caption = styles["Image Caption"]
    force_font(image_caption, 12)
    image_caption.font.italic = False
    pf = image_caption.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf.first_line_indent = Cm(0)
    pf.space_before = Pt(3)
    pf.space_after = Pt(12)
    cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    force_font(cell, 11)
    cell.paragraph_format.line_spacing = 1.0
    cell.paragraph_format.first_line_indent = Cm(0)
    head = styles.add_style("Table Head", WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = cell
    force_font(head, 11, bold=True)
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.keep_with_next = True
    change_head = styles.add_style("Change Head", WD_STYLE_TYPE.PARAGRAPH)
    change_head.base_style = head
    force_font(change_head, 9, bold=True)
    header = styles.add_style("Page Header", WD_STYLE_TYPE.PARAGRAPH)
    header.base_style = normal
    force_font(header, 10)
    header.paragraph_format.line_spacing = 1.0
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Block Right", "Block Left"):
        block = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        block.base_style = normal
        force_font(block, 12)
        block.paragraph_format.left_indent = Cm(9.0) if name == "Block Right" else Cm(0)
        block.paragraph_format.space_after = Pt(2)
    grid = styles.add_style("KNU Table", WD_STYLE_TYPE.TABLE)
    grid.base_style = styles["Normal Table"] if "Normal Table" in [s.name for s in styles] else None
    tbl_pr = grid.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        grid.element.append(tbl_pr)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "80")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def drop_sample_footnotes(doc) -> None:
    """pandoc's reference carries a sample footnote that LibreOffice would print instead of ours."""
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith("/footnotes") or rel.reltype.endswith("/endnotes"):
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
                from lxml import etree

                root = etree.fromstring(rel.target_part.blob)
                for note in list(root):
                    if note.get(qn("w:type")) not in ("separator", "continuationSeparator", "continuationNotice"):
                        root.remove(note)
                rel.target_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(2.0)
    section.header_distance = Cm(1.0)
    # Word writes every w:pgMar attribute and the schema requires them; python-docx sets only
    # those it is given.
    section.footer_distance = Cm(1.0)
    section.gutter = Cm(0)
    section.different_first_page_header_footer = False


def clear_body(doc) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def set_widths(table, widths) -> None:
    """Word reads the cell widths, LibreOffice the grid: set both."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
    table.autofit = False  # python-docx puts w:tblLayout where the schema wants it


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def write(cell, text: str, style: str = "Page Header", bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    run = paragraph.add_run(text)
    if bold:
        run.bold = True


def page_header(doc) -> None:
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    table = header.add_table(3, 3, TEXT_WIDTH)
    table.style = doc.styles["KNU Table"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    top = table.cell(0, 0).merge(table.cell(0, 2))
    write(top, "{{ ministry }}")
    top.add_paragraph("{{ university }}", style="Page Header")
    write(table.cell(1, 0), "{{ title }}", bold=True)
    write(table.cell(1, 1), "{{ code }}")
    page = table.cell(1, 2).paragraphs[0]
    page.style = "Page Header"
    page.add_run("{{ page_before }}")
    add_field(page, "PAGE")
    page.add_run("{{ page_between }}")
    add_field(page, "NUMPAGES")
    page.add_run("{{ page_after }}")
    version = table.cell(2, 0).merge(table.cell(2, 1))
    write(version, "{{ version_label }}")
    write(table.cell(2, 2), "{{ date_numeric }}")
    set_widths(table, HEADER_WIDTHS)
    # python-docx appends the table after the header's empty paragraph; keep that paragraph
    # (a header must end with one) but put the table first.
    first = header.paragraphs[0]._p
    first.addprevious(table._tbl)
    header.paragraphs[-1].paragraph_format.space_after = Pt(6)


def para(doc, text: str = "", style: str = "Normal", bold: bool = False, align=None, size: float | None = None):
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def title_page(doc) -> None:
    para(doc, "{{ approve_label }}", "Block Right", bold=True)
    para(doc, "{{ approval_position }}", "Block Right")
    para(doc, "_______________ {{ approval_name }}", "Block Right")
    para(doc, "{{ approval_date }}", "Block Right")
    for _ in range(5):
        para(doc)
    para(doc, "{{ type_label }}", "Title")
    para(doc, "{{ title_page_title }}", "Title")
    para(doc, "{% if subtitle %}{{ subtitle }}{% endif %}", "Subtitle")
    para(doc, "{{ code }}", "Subtitle")
    para(doc, "{% if superseded %}{{ superseded_label }}{% endif %}", "Title")
    for _ in range(5):
        para(doc)
    para(doc, "{{ agreed_label }}", "Block Left", bold=True)
    para(doc, "{{ agreement_position }}", "Block Left")
    para(doc, "_______________ {{ agreement_name }}", "Block Left")
    para(doc, "{% if agreement_protocol %}{{ agreement_protocol }}{% endif %}", "Block Left")
    para(doc, "{{ agreement_date }}", "Block Left")
    page_break(doc)


def contents(doc) -> None:
    para(doc, "{{ contents_label }}", "TOC Heading")
    # Filled after rendering with one line per heading: text, dot leader, PAGEREF field.
    para(doc, "SELFASSESS-TOC", "toc 1")
    page_break(doc)


def signature_table(doc, heading_key: str, columns: list[str], widths, loop: str, cells: list[str]) -> None:
    # A sheet with nobody on it is not printed (a draft report has no developers yet).
    para(doc, "{%p if " + loop + " %}")
    heading = para(doc, "{{ " + heading_key + " }}", "Heading 1")
    heading.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["KNU Table"]
    for cell, label in zip(table.rows[0].cells, columns, strict=True):
        write(cell, "{{ " + label + " }}", "Table Head")
    repeat_header(table.rows[0])
    table.cell(1, 0).paragraphs[0].add_run("{%tr for row in " + loop + " %}")
    for cell, value in zip(table.rows[2].cells, cells, strict=True):
        write(cell, value, "Table Text")
        # Every row keeps with the next: the sheet is not split across pages.
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    cant_split(table.rows[2])
    signature_height(table.rows[2])
    table.cell(3, 0).paragraphs[0].add_run("{%tr endfor %}")
    set_widths(table, widths)
    para(doc)
    para(doc, "{%p endif %}")


def signature_height(row) -> None:
    """Give a row room to sign in: at least 1 cm, as the seed's forms."""
    row.height = Cm(1.0)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def change_sheet(doc) -> None:
    page_break(doc)
    para(doc, "{{ changes_label }}", "Heading 1")
    table = doc.add_table(rows=5, cols=6)
    table.style = doc.styles["KNU Table"]
    keys = ["ch_number", "ch_order", "ch_received", "ch_entered"]
    for col, key in enumerate(keys):
        merged = table.cell(0, col).merge(table.cell(1, col))
        write(merged, "{{ " + key + " }}", "Change Head")
    rep = table.cell(0, 4).merge(table.cell(0, 5))
    write(rep, "{{ ch_by }}", "Change Head")
    write(table.cell(1, 4), "{{ name_label }}", "Change Head")
    write(table.cell(1, 5), "{{ signature_short }}", "Change Head")
    repeat_header(table.rows[0])
    repeat_header(table.rows[1])
    table.cell(2, 0).paragraphs[0].add_run("{%tr for row in changes %}")
    values = ["{{ row.number }}", "{{ row.order }}", "{{ row.received }}", "{{ row.entered }}", "{{ row.by }}", ""]
    for cell, value in zip(table.rows[3].cells, values, strict=True):
        write(cell, value, "Table Text")
    cant_split(table.rows[3])
    signature_height(table.rows[3])
    table.cell(4, 0).paragraphs[0].add_run("{%tr endfor %}")
    # Wide enough that no header word breaks («Өзгөртүүнүн», «распорядительного») in 9 pt.
    set_widths(table, (Cm(2.3), Cm(3.9), Cm(2.5), Cm(2.5), Cm(3.3), Cm(2.0)))


def build_reference() -> bytes:
    doc = Document(io.BytesIO(pandoc_reference()))
    restyle(doc)
    drop_sample_footnotes(doc)
    page_setup(doc)
    make_word_safe(doc, "ky")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def blank_with_header(reference: bytes):
    """Return a document with the reference's styles, an empty body and the page-header table."""
    doc = Document(io.BytesIO(reference))
    clear_body(doc)
    page_setup(doc)
    page_header(doc)
    return doc


def finish(doc) -> bytes:
    make_word_safe(doc, "ky")  # each document sets its own language when it is rendered
    doc.core_properties.author = "selfassess"
    doc.core_properties.title = "{{ title }}"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_template(reference: bytes) -> bytes:
    doc = blank_with_header(reference)
    title_page(doc)
    contents(doc)
    para(doc, "{{p body }}")
    signature_table(
        doc,
        "developers_label",
        ["position_label", "name_label", "signature_label", "date_label"],
        (Cm(6.0), Cm(4.5), Cm(3.0), Cm(3.0)),
        "developers",
        ["{{ row.position }}", "{{ row.name }}", "", "{{ row.date }}"],
    )
    signature_table(
        doc,
        "agreement_sheet_label",
        ["position_label", "name_label", "signature_label"],
        (Cm(8.5), Cm(4.5), Cm(3.5)),
        "agreement_sheet",
        ["{{ row.position }}", "{{ row.name }}", ""],
    )
    change_sheet(doc)
    return finish(doc)


def build_memo(reference: bytes) -> bytes:
    """A memo as the office writes its letters: no controlled-document header, version or sheets.

    The university and the sending department head the first page, then the outgoing number
    and date, the addressee (the unit's head) on the right, the subject, the text, the
    signatory's position and name on one line, and who prepared it at the foot.
    """
    doc = Document(io.BytesIO(reference))
    clear_body(doc)
    page_setup(doc)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.style = "Page Header"
    add_field(footer, "PAGE")  # a memo listing many gaps runs to pages
    para(doc, "{{ university }}", "Page Header", bold=True)
    rule = para(doc, "{{ sender }}", "Page Header")
    bottom_rule(rule)
    para(doc)
    para(doc, "{{ memo_kind }}", "Title")
    para(doc, "{{ outgoing_line }}", "Block Left")
    para(doc)
    para(doc, "{%p for line in addressee_lines %}", "Block Right")
    para(doc, "{{ line }}", "Block Right")
    para(doc, "{%p endfor %}", "Block Right")
    para(doc)
    para(doc, "{{ subject }}", "Block Left", bold=True)
    para(doc)
    para(doc, "{{p body }}")
    para(doc)
    signature = para(doc, "{{ signer_position }}\t_______________\t{{ signer_name }}", "Block Left")
    stops = signature.paragraph_format.tab_stops
    stops.add_tab_stop(Cm(9.0))
    stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    signature.paragraph_format.keep_together = True
    para(doc, "{%p if executor_line %}", "Block Left")
    para(doc)
    para(doc, "{{ executor_line }}", "Block Left", size=10)
    para(doc, "{%p endif %}", "Block Left")
    return finish(doc)


def bottom_rule(paragraph) -> None:
    """A thin line under the letterhead, as the university's letter forms have."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def main() -> None:
    reference = build_reference()
    template = build_template(reference)
    target = ROOT / "templates"
    target.mkdir(exist_ok=True)
    (target / "reference.docx").write_bytes(normalize_docx(reference))
    (target / "controlled-document.docx").write_bytes(normalize_docx(template))
    (target / "memo.docx").write_bytes(normalize_docx(build_memo(reference)))
    print("wrote templates/reference.docx, templates/controlled-document.docx and templates/memo.docx")


if __name__ == "__main__":
    main()
