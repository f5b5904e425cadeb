"""Make a DOCX of the department's regulation as it was issued, inconsistencies and all.

The text (seed/regulation-as-issued.txt) is the regulation as a reader copied it out of Word:
each page's header table appears where the page begins (lines starting with a tab), contents
lines end with a tab and a page number, and the signature tables are lines of tab-separated
cells. This rebuilds a Word document of that shape: one section per page header (so a header
that changes from page to page changes between sections, as in the original), the title page,
contents and body as plain paragraphs (the original uses no heading styles), and real tables.

Usage: python tests/documents/seed_docx.py OUT.docx
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Cm, Pt

SEED = Path(__file__).resolve().parent / "seed" / "regulation-as-issued.txt"


def _header_rows(block: list[str]) -> list[list[str]]:
    return [line.split("\t")[1:] for line in block]


def _fill_header(section: object, rows: list[list[str]]) -> None:
    header = section.header  # type: ignore[attr-defined]
    header.is_linked_to_previous = False
    width = max(len(r) for r in rows)
    table = header.add_table(rows=len(rows), cols=width, width=Cm(17))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text.strip()


def make_seed_docx(target: Path, source: Path = SEED) -> Path:
    """Write the regulation as issued to `target` and return it."""
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(12)
    first = True
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if table_rows:
            width = max(len(r) for r in table_rows)
            table = document.add_table(rows=len(table_rows), cols=width)
            for r, cells in enumerate(table_rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text.strip()
            table_rows.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t") and "министрлиги" in line:  # a page's header table begins
            block = []
            while i < len(lines) and lines[i].startswith("\t"):
                block.append(lines[i])
                i += 1
            flush_table()
            section = document.sections[0] if first else document.add_section(WD_SECTION.NEW_PAGE)
            first = False
            _fill_header(section, _header_rows(block))
            continue
        if line.count("\t") >= 2 or (line.startswith("\t") and table_rows):
            table_rows.append(line.split("\t"))
        else:
            flush_table()
            document.add_paragraph(line)
        i += 1
    flush_table()
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":
    print(make_seed_docx(Path(sys.argv[1] if len(sys.argv) > 1 else "seed-regulation.docx")))
