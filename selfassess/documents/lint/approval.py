"""Approval and agreement blocks complete (position, name, date; protocol where the form has
one), and everyone who agreed on the title page listed on the agreement sheet."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from selfassess.documents.lint.context import LintContext
from selfassess.documents.lint.dates import find_dates
from selfassess.documents.lint.structure import AGREEMENT_WORDS, APPROVAL_WORDS, Structure
from selfassess.errors import Location, Severity
from selfassess.messages import N_, t
from selfassess.textnorm import fold
from selfassess.word.reader import Block

_U = "A-ZА-ЯЁӨҮҢ"
_L = "a-zа-яёөүң"
# «Д.Т. Чонтоев», «Чонтоев Д.Т.», «Chontoev D.T.»: initials and a surname, either order.
PERSON = re.compile(
    rf"(?:(?P<i1>[{_U}]\.\s?(?:[{_U}]\.)?)\s?(?P<s1>[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?))"
    rf"|(?:(?P<s2>[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?)\s(?P<i2>[{_U}]\.\s?(?:[{_U}]\.)?))"
)
_DRAFT = re.compile(r"\b(?:ДОЛБООР|ПРОЕКТ|DRAFT)\b")
_BLANK = re.compile(r"_{3,}")
_TITLE_BLOCKS = 40
_PROTOCOL = re.compile(r"(?:протокол|токтом|minutes|protocol)[ \t]*(?:№|No\.?|N|#)?[ \t]*(\S*)", re.IGNORECASE)
_BLOCK_LINES = 7
_PROTOCOL_WORD = r"(?:протокол\w*|токтом\w*|minutes|protocol)"
# The number next to «№» (either side of the word: «Протокол № 5», «№ 7 протокол»), else the
# number right after or before the word («протокол 5», «7-протокол»): never a date's day.
_PROTOCOL_NUMBER = (
    re.compile(r"(?:№|\bNo\.?|#)\s*(\d+(?:/\d+)?)(?![\d.]\d)", re.IGNORECASE),
    re.compile(_PROTOCOL_WORD + r"\s*(\d+(?:/\d+)?)(?![\d.]\d)", re.IGNORECASE),
    re.compile(r"(?<![\d.])(\d+)\s*-?\s*" + _PROTOCOL_WORD, re.IGNORECASE),
)
# What a block lacks, listed after a colon in the message: each a noun phrase of its own.
_LACKS = {
    "name": N_("the name (initials and surname)"),
    "position": N_("the position"),
    "date": N_("a complete date (day, month, year)"),
    "protocol": N_("the protocol number"),
}
_INCOMPLETE = {
    "approval": (
        N_("the approval block «{text}» lacks {missing}"),
        N_("give the approval block its position, name and date"),
    ),
    "agreement": (
        N_("the agreement block «{text}» lacks {missing}"),
        N_("give the agreement block its position, name and date and the protocol's number and date"),
    ),
}


def people_in(text: str) -> list[tuple[str, str]]:
    """Return each person named in `text` as (surname, initials without spaces)."""
    found = []
    for match in PERSON.finditer(text):
        surname = match.group("s1") or match.group("s2")
        initials = (match.group("i1") or match.group("i2") or "").replace(" ", "")
        found.append((surname, initials))
    return found


def protocol_number(text: str) -> str | None:
    """Return the protocol's number a block's text gives; "" when it names a protocol without
    a number, None when it names none."""
    line = next((line for line in text.splitlines() if re.search(_PROTOCOL_WORD, line, re.IGNORECASE)), None)
    if line is None:
        return None
    return next((m.group(1) for pattern in _PROTOCOL_NUMBER for m in [pattern.search(line)] if m), "")


def _position(text: str) -> bool:
    """Return True when a line says more than a name and a date: "Ректор КНУ им. Ж. Баласагына"."""
    rest = PERSON.sub(" ", text)
    for date in find_dates(rest):
        rest = rest.replace(date.written, " ")
    rest = _PROTOCOL.sub(" ", rest)
    return sum(c.isalpha() for c in rest) >= 4


def approval_block(structure: Structure) -> list[Block]:
    return _block_after(structure, APPROVAL_WORDS)


def agreement_block(structure: Structure) -> list[Block]:
    return _block_after(structure, AGREEMENT_WORDS)


def _block_after(structure: Structure, words: set[str]) -> list[Block]:
    """Return the title page's lines of the block opened by one of `words`: the lines after it,
    single empty lines skipped (drafts space them so), up to two empty lines in a row, the next
    block's word, or a title in capitals (ЖОБО).

    The block may be paragraphs, or a cell of a table on the title page (approval and agreement
    side by side): then its lines are those of that column, in the rows from there down. A
    paragraph broken into lines (Shift+Enter) counts as its lines."""
    lines = _lines(structure.title_page)
    start = next((i for i, b in enumerate(lines) if fold(b.text) in words), None)
    if start is None:
        cells = _lines([b for b in structure.document.blocks[: structure.body_start] if b.table is not None])
        start = next((i for i, b in enumerate(cells) if fold(b.text) in words), None)
        if start is None:
            return []
        word = cells[start]
        lines = [word] + [b for b in cells[start + 1 :] if (b.table, b.column) == (word.table, word.column)]
        start = 0
    block = [lines[start]]
    empty = 0
    for line in lines[start + 1 :]:
        key = fold(line.text)
        if not key:
            empty += 1
            if empty >= 2 and len(block) > 1:
                break
            continue
        empty = 0
        letters = [c for c in line.text if c.isalpha()]
        if key in APPROVAL_WORDS or key in AGREEMENT_WORDS or (len(letters) > 2 and all(c.isupper() for c in letters)):
            break
        block.append(line)
        if len(block) > _BLOCK_LINES:
            break
    return block


def _lines(blocks: list[Block]) -> list[Block]:
    """Return the blocks with each one broken into lines (Shift+Enter) given as a block per line."""
    out = []
    for block in blocks:
        if "\n" in block.text.strip():
            out += [dataclasses.replace(block, text=line, spans=[]) for line in block.text.split("\n")]
        else:
            out.append(block)
    return out


def is_draft(ctx: LintContext) -> bool:
    """Return whether the document is marked a draft (ДОЛБООР, ПРОЕКТ, DRAFT) in its header or
    on its title page, where its code or status stands."""
    texts = [h.text for h in ctx.document.headers] + [b.text for b in ctx.document.blocks[:_TITLE_BLOCKS]]
    return any(_DRAFT.search(t) for t in texts)


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    draft = is_draft(ctx)
    for kind, lines in (("approval", approval_block(ctx.structure)), ("agreement", agreement_block(ctx.structure))):
        if not lines:
            continue
        rest = lines[1:]
        text = "\n".join(b.text for b in rest)
        missing = []
        people = people_in(text)
        if not people:
            missing.append("name")
        if not any(_position(b.text) for b in rest):
            missing.append("position")
        # A draft goes to signature with the date and protocol left as blanks to fill by hand.
        blank_allowed = draft and _BLANK.search(text) is not None
        dates = [d for d in find_dates(text) if d.value]
        if not dates and not blank_allowed:
            missing.append("date")
        if protocol_number(text) == "" and not blank_allowed:
            missing.append("protocol")
        if missing:
            shown = " / ".join(b.text.strip() for b in lines if b.text.strip())
            message, hint = _INCOMPLETE[kind]
            lacks = ", ".join(t(_LACKS[m]) for m in missing)
            yield (
                f"{kind}-incomplete",
                Severity.error,
                ctx.at(lines[0]),
                t(message, text=shown[:120], missing=lacks),
                t(hint),
            )
    yield from _agreement_sheet(ctx)


def _agreement_sheet(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    lines = agreement_block(ctx.structure)
    sheet = ctx.structure.table_after("agreement")
    if not lines or sheet is None:
        return
    listed = {(fold(s), i.replace(".", "")) for row in sheet.rows for cell in row for s, i in people_in(cell)}
    for surname, initials in people_in("\n".join(b.text for b in lines[1:])):
        if (fold(surname), initials.replace(".", "")) not in listed:
            yield (
                "agreement-not-on-sheet",
                Severity.error,
                ctx.at(lines[0]),
                t(
                    "{person} agrees the document on the title page but is not on the agreement sheet",
                    person=f"{initials} {surname}",
                ),
                t("add the person to the agreement sheet (position, name, signature)"),
            )
