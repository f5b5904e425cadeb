"""The text of an imported DOCX as body.md: headings, clauses, lists, tables, emphasis and footnotes.

What the reader sees is kept: the numbers Word computes for its lists («6.1.») as written text,
bold and italic runs as **…** and *…*, a footnote as a Markdown footnote ([^1]) where its
reference stands. Everything else the text holds is escaped, so that Markdown reads it back
as written.
"""

from __future__ import annotations

import re

from selfassess.documents.lint.structure import CLAUSE, Structure
from selfassess.errors import Finding, Location, warning
from selfassess.messages import t
from selfassess.word.reader import Block, DocxText, Span, Table

_MARKS = (("**", "bold"), ("*", "italic"))  # outer first


def body_markdown(document: DocxText, structure: Structure, shown: str, notes: list[Finding]) -> str:
    """Return the text between the contents and the sheets as Markdown, clause numbers kept."""
    end = min((b.index for b in structure.named.values()), default=len(document.blocks) + 1)
    headings = {h.block.index: h for h in structure.headings}
    lines: list[str] = []
    footnotes: list[str] = []
    done_tables: set[int] = set()
    for block in document.blocks[structure.body_start :]:
        if block.index >= end:
            break
        if block.table is not None:
            if block.table not in done_tables:
                done_tables.add(block.table)
                lines += _pipe_table(document.tables[block.table - 1], shown, notes)
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        heading = headings.get(block.index)
        if heading is not None:
            # Sections "# 1. …", everything under them "## 1.4.1 …", as the workspace writes them.
            depth = heading.number.count(".") + 1 if heading.number else heading.level
            if lines and lines[-1]:
                lines.append("")
            lines += [("#" if depth <= 1 else "##") + " " + escape(text), ""]
        elif _list_item(block, text):
            lines.append("- " + inline(block, footnotes, re.compile(r"^\s*[-–•]\s*")))
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines += [inline(block, footnotes), ""]
    if footnotes:
        lines += ["", *(f"[^{n}]: {note}" for n, note in enumerate(footnotes, start=1))]
    return "\n".join(lines).strip() + "\n"


def _list_item(block: Block, text: str) -> bool:
    """Return True for a bullet: Word's (no number shown), a list style's, or one typed («- », «• »)."""
    if block.label:
        return False  # Word's number, kept as text: «1. …» is a paragraph of its own
    return block.numbered or "list" in block.style.casefold() or text.startswith(("- ", "– ", "• "))


def escape(text: str) -> str:
    """Return text Markdown reads back as written: no heading, list or table marks, no emphasis."""
    return _line_start(_plain(text), text)


def _plain(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|")


def _line_start(markdown: str, text: str) -> str:
    if markdown.startswith("#"):
        markdown = "\\" + markdown
    if CLAUSE.match(text) is None and re.match(r"^\d+[.)]\s", markdown):
        markdown = markdown.replace(".", "\\.", 1).replace(")", "\\)", 1)
    return markdown


def inline(block: Block, footnotes: list[str], strip: re.Pattern[str] | None = None) -> str:
    """Return the paragraph as Markdown: its bold and italic runs marked, its footnotes referenced.

    Marks hug the words (spaces go outside them); a mark is not opened right where another
    closes, which Markdown would read as one run of stars.
    """
    text = " ".join(block.text.split())
    spans = block.spans if " ".join("".join(s.text for s in block.spans).split()) == text else [Span(block.text)]
    if strip is not None:
        spans = _strip_start(spans, strip)
    out: list[str] = []
    stack: list[str] = []
    pending = ""
    closed_here = False
    for span in spans:
        if span.note is not None:
            footnotes.append(escape(" ".join(span.note.split())))
            out += [pending, f"[^{len(footnotes)}]"]
            pending = ""
            continue
        piece = re.sub(r"\s+", " ", span.text)
        core = piece.strip(" ")
        if not core:
            pending = " " if out and piece else pending
            continue
        if piece.startswith(" ") and out:
            pending = " "
        wanted = [mark for mark, name in _MARKS if getattr(span, name)]
        keep = 0
        while keep < len(stack) and stack[keep] in wanted:
            keep += 1
        closing = _close(stack, keep)
        if closing:
            out += closing
            closed_here = True
        if closed_here and not pending:
            wanted = [m for m in wanted if m in stack]  # "**a***b*" would not read back
        out.append(pending)
        for mark in wanted:
            if mark not in stack:
                stack.append(mark)
                out.append(mark)
        out.append(_plain(core))
        pending = " " if piece.endswith(" ") else ""
        closed_here = False
    out += _close(stack, 0)
    return _line_start("".join(out).strip(), text)


def _close(stack: list[str], keep: int) -> list[str]:
    """Close the marks open above the first `keep`, innermost first; return them."""
    closed = []
    while len(stack) > keep:
        closed.append(stack.pop())
    return closed


def _strip_start(spans: list[Span], pattern: re.Pattern[str]) -> list[Span]:
    """Return the spans without a typed list mark («- », «• ») at the start of their text."""
    out = list(spans)
    for i, span in enumerate(out):
        if span.note is None and span.text.strip():
            out[i] = Span(pattern.sub("", span.text, count=1), span.bold, span.italic)
            break
    return out


def _pipe_table(table: Table, shown: str, notes: list[Finding]) -> list[str]:
    rows = [[" ".join(c.split()).replace("|", "\\|") for c in row] for row in table.rows]
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        return []
    if any(len(r) != width for r in rows):
        notes.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("table {number}", number=table.number)),
                t("the table has merged cells; they were split, check it in body.md"),
            )
        )
    rows = [r + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return [*out, ""]
