"""Markdown that pandoc cannot get through in reasonable time, refused before it is tried.

Brackets nested thousands deep, tens of thousands of emphasis marks in one paragraph, a table
of 100,000 rows: each is a few kilobytes of a narrative and minutes (or hours) of pandoc.
They are found by one linear pass and refused with the narrative's file and line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from selfassess.errors import Location, SelfAssessError, error
from selfassess.messages import t

MARKDOWN_NESTING = 64  # brackets, list or quotation marks, ::: blocks one inside another
MARKDOWN_MARKS = 1_000  # '*' and '_' that may open or close emphasis, in one paragraph or table row
MARKDOWN_TABLE_ROWS = 5_000  # rows of one table (5,000 rows: 3 s from Markdown to the document)
PANDOC_SECONDS = 120  # and as many again for each 4 MB: pandoc converts 100 pages in half a second
_BLOCK = re.compile(r"(?:^[ \t]*\S.*\n?)+", re.M)
# A table's delimiter row, "|---|:--:|"; written so that no run of spaces can be matched two ways.
_TABLE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*(?::?-+:?[ \t]*)?)*$", re.M)
_BRACKET = re.compile(r"\\.|[\[\]]")
_MARK_RUN = re.compile(r"\\.|\*+|_+")
_ROW = re.compile(r".*\n?")
_NESTED_MARKS = re.compile(r"^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]*)" + f"{{{MARKDOWN_NESTING + 1}}}", re.M)
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_DIV_FENCE = re.compile(r"^ {0,3}:{3,}(.*)$", re.M)


def markdown_problem(text: str) -> tuple[int, str, str] | None:
    """Return the line, what is wrong and how to fix it, for the first construct of `text` that
    would take pandoc minutes or gigabytes; None for a text it converts in its usual time."""
    found: list[tuple[int, str, str]] = []  # (offset in text, problem, fix)
    for block in _BLOCK.finditer(text):
        chunk, start = block.group(), block.start()
        deep = _deeper_than(chunk, MARKDOWN_NESTING) if chunk.count("[") > MARKDOWN_NESTING else None
        if deep is not None:
            found.append((start + deep, *_BRACKETS))
        many_marks = chunk.count("*") + chunk.count("_") > MARKDOWN_MARKS
        rule = None
        if many_marks or chunk.count("\n") > MARKDOWN_TABLE_ROWS:
            rule = next((m for m in _TABLE_RULE.finditer(chunk) if "|" in m.group()), None)
        rows = chunk.rstrip("\n").count("\n", rule.end()) if rule else 0
        if rule and rows > MARKDOWN_TABLE_ROWS:
            found.append(
                (
                    start + chunk.rfind("\n", 0, max(rule.start() - 1, 0)) + 1,  # the header row
                    f"this table has {rows:,} rows; pandoc and Word take many minutes over a table of more "
                    f"than {MARKDOWN_TABLE_ROWS:,}",
                    "split the table into smaller ones, or give the data as an evidence file (a spreadsheet) "
                    "and cite it",
                )
            )
        if many_marks:
            # In a table each cell is read on its own: the row is the unit, not the whole table.
            pieces = [(m.start(), m.group()) for m in _ROW.finditer(chunk)] if rule else [(0, chunk)]
            for offset, piece in pieces:
                if _emphasis_marks(piece) > MARKDOWN_MARKS:
                    found.append((start + offset, *_MARKS))
                    break
        if found:
            break
    for match in _NESTED_MARKS.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else None]
        if not _THEMATIC_BREAK.match(line):
            found.append((match.start(), *_LIST_MARKS))
            break
    if ":::" in text:
        depth = 0
        for match in _DIV_FENCE.finditer(text):
            depth = depth + 1 if match.group(1).strip() else max(depth - 1, 0)
            if depth > MARKDOWN_NESTING:
                found.append((match.start(), *_DIVS))
                break
    if not found:
        return None
    at, problem, fix = min(found)
    return text.count("\n", 0, at) + 1, problem, fix


_BRACKETS = (
    f"more than {MARKDOWN_NESTING} square brackets '[' are open one inside another here; pandoc takes "
    "minutes over such text",
    "close each bracket before opening the next, or write \\[ for a bracket meant as text",
)
_MARKS = (
    f"this paragraph has more than {MARKDOWN_MARKS:,} '*' or '_' marks; pandoc takes minutes over such text",
    "remove the stray marks, write \\* and \\_ for marks meant as text, or split the paragraph",
)
_LIST_MARKS = (
    f"this line starts with more than {MARKDOWN_NESTING} list or quotation marks ('-', '*', '1.', '>') one "
    "inside another; pandoc needs gigabytes for it",
    "remove the extra marks, or write \\- for a dash meant as text",
)
_DIVS = (
    f"more than {MARKDOWN_NESTING} ':::' blocks are open one inside another here; pandoc takes minutes over them",
    "close each ::: block before opening the next",
)


def _deeper_than(chunk: str, limit: int) -> int | None:
    """Return the offset where the brackets of `chunk` open more than `limit` deep, or None."""
    depth = 0
    for match in _BRACKET.finditer(chunk):
        if match.group() == "[":
            depth += 1
            if depth > limit:
                return match.start()
        elif match.group() == "]":
            depth = max(depth - 1, 0)
    return None


def _emphasis_marks(piece: str) -> int:
    """Count the '*' and '_' of `piece` that may open or close emphasis: not escaped, not a run
    between spaces ("a * b", a blank "____" to sign on), not '_' inside a word (snake_case)."""
    count = 0
    for match in _MARK_RUN.finditer(piece):
        run = match.group()
        if run[0] == "\\":
            continue
        before = piece[match.start() - 1] if match.start() else " "
        after = piece[match.end()] if match.end() < len(piece) else " "
        if (before.isspace() and after.isspace()) or (run[0] == "_" and before.isalnum() and after.isalnum()):
            continue
        count += len(run)
    return count


def made_from_narratives(markdown: Path, shown: str, root: Path | None) -> bool:
    """Return True for a report's text, put together from the narratives of the folder `shown` is in
    (`shown` then names a body.md that does not exist)."""
    return root is not None and bool(shown) and os.path.realpath(markdown) != os.path.realpath(root / shown)


def refuse_complex_markdown(text: str, markdown: Path, shown: str, root: Path | None) -> None:
    """Raise a SelfAssessError naming the file and line of a construct pandoc would not get through."""
    problem = markdown_problem(text)
    if problem is None:
        return
    line, what, fix = problem
    where = Location(shown or str(markdown), line)
    if root is not None and made_from_narratives(markdown, shown, root):
        where, what, fix = _narrative_at_fault(root, Path(shown).parent) or (
            Location(f"{Path(shown).parent.as_posix()}/"),
            f"line {line} of the report made from these narratives: {what}",
            fix,
        )
    raise SelfAssessError(
        t("{path}: the text is too complex for pandoc; nothing was converted", path=where.path),
        [error("markdown-too-complex", where, what, fix)],
    )


MAX_NARRATIVE_SCAN = 20 * 1024 * 1024  # larger texts are refused before a build (too-large)


def _narrative_at_fault(root: Path, folder: Path) -> tuple[Location, str, str] | None:
    for top, dirs, files in os.walk(root / folder):  # links are not followed: the workspace's own files only
        dirs.sort()
        for name in sorted(files):
            path = Path(top) / name
            try:
                if path.suffix != ".md" or path.is_symlink() or not path.is_file():
                    continue
                if path.stat().st_size > MAX_NARRATIVE_SCAN:
                    continue
                problem = markdown_problem(path.read_text(encoding="utf-8-sig", errors="replace"))
            except OSError:  # the check names unreadable files; here only the culprit is looked for
                continue
            if problem is not None:
                line, what, fix = problem
                return Location(path.relative_to(root).as_posix(), line), what, fix
    return None
