"""A controlled document's Markdown body read as the lint reads a DOCX, line numbers kept.

`check` lints documents/ without rendering them: the parts selfassess makes itself (header,
title page, contents, signature sheets) are consistent by construction, so only the text the
department writes is checked, and each finding points at its line of body.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from selfassess.word.reader import Block, DocxText, Table

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
# The rules that concern what the department writes; the rest concern what selfassess makes.
TEXT_RULES = (
    "clause-gap",
    "clause-level-jump",
    "clause-duplicate",
    "clause-repeated",
    "numbering-style",
    "abbreviation-undefined",
    "abbreviation-variant",
    "name-variant",
    "date-invalid",
    "fragment",
)


def markdown_document(path: Path, text: str) -> DocxText:
    """Return the body's headings, paragraphs, list items and table cells as blocks."""
    document = DocxText(path)
    paragraph: list[str] = []
    start = 0

    def add(text: str, line: int, level: int | None = None, cell: tuple[int, int, int] | None = None) -> None:
        block = Block(len(document.blocks) + 1, text, f"Heading {level}" if level else "", level, line=line)
        if cell is not None:
            block.table, block.row, block.column = cell
        document.blocks.append(block)

    def flush() -> None:
        if paragraph:
            add(" ".join(paragraph), start)
            paragraph.clear()

    table: Table | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("|"):
            flush()
            if _TABLE_RULE.match(line):
                continue
            if table is None:
                table = Table(len(document.tables) + 1, [], len(document.blocks) + 1)
                document.tables.append(table)
            cells = [c.strip() for c in line.strip("|").split("|")]
            table.rows.append(cells)
            for column, cell in enumerate(cells, start=1):
                add(cell, number, cell=(table.number, len(table.rows), column))
            continue
        table = None
        heading = _HEADING.match(line)
        if heading:
            flush()
            add(heading.group(2).strip(), number, len(heading.group(1)))
        elif not line or line.startswith(("- ", "* ", "+ ")) or re.match(r"^\d+(\.\d+)*\.?\s", line):
            flush()
            if line:
                add(line, number)
        else:
            if not paragraph:
                start = number
            paragraph.append(line)
    flush()
    return document
