"""The parts of a controlled document found in its text: title page, contents, headings, clauses, sheets.

Drafts rarely use Word's heading styles or a contents field; the parts are found by what they
say as well as by their styles, in ky, ru and en, so that any regulation can be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selfassess.textnorm import fold
from selfassess.word.reader import Block, DocxText, Table

CONTENTS_TITLES = {fold(t) for t in ("Мазмуну", "Мазмун", "Содержание", "Оглавление", "Contents", "Table of contents")}
# The named parts after the clauses, in each language.
# Singular or plural, with or without a colon («Разработчик:», «Иштеп чыккан:»): fold drops the colon.
DEVELOPERS = {
    fold(t)
    for t in (
        "Иштеп чыгуучулар",
        "Иштеп чыгуучу",
        "Иштеп чыккан",
        "Иштеп чыккандар",
        "Разработчики",
        "Разработчик",
        "Developers",
        "Developer",
        "Developed by",
    )
}
AGREEMENT_SHEET = {fold(t) for t in ("Макулдашуу барагы", "Лист согласования", "Agreement sheet")}
CHANGE_SHEET = {
    fold(t)
    for t in (
        "Өзгөртүүлөрдү киргизүү барагы",
        "Өзгөртүүлөрдү каттоо барагы",
        "Лист регистрации изменений",
        "Лист внесения изменений",
        "Change registration sheet",
        "Record of changes",
    )
}
NAMED_PARTS = DEVELOPERS | AGREEMENT_SHEET | CHANGE_SHEET
APPROVAL_WORDS = {fold(t) for t in ("БЕКТЕМ", "БЕКИТЕМ", "БЕКИТИЛДИ", "УТВЕРЖДАЮ", "УТВЕРЖДЕНО", "APPROVED", "APPROVE")}
AGREEMENT_WORDS = {fold(t) for t in ("Макулдашылган", "Макулдашылды", "СОГЛАСОВАНО", "AGREED", "Agreed by")}

# "1.2 Text", "1.2. Text", and in drafts also a numbered clause typed as a list item: "- 4.1 Text".
CLAUSE = re.compile(r"^\s*(?:[-–•]\s+)?(\d{1,3}(?:\.\d{1,3})*)(\.?)(?=\s|\t)\s*(.*)$", re.DOTALL)
_ENTRY_TAIL = re.compile(r"(?:\t+|\.{3,}|…+|\s{2,})\s*(\d{1,4})\s*$")


@dataclass
class Entry:
    """A contents line: its number (if any), title and page (if written)."""

    block: Block
    number: str | None
    title: str
    page: int | None


@dataclass
class Heading:
    block: Block
    number: str | None
    title: str
    level: int


@dataclass
class Clause:
    """A paragraph that starts with a clause number: 1.2, 1.2.3 or 1.2."""

    block: Block
    number: tuple[int, ...]
    dotted: bool  # "1.2." rather than "1.2"
    text: str


@dataclass
class Structure:
    """Where each part of the document is."""

    document: DocxText
    title_page: list[Block] = field(default_factory=list)
    contents_title: Block | None = None
    entries: list[Entry] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    body_start: int = 0  # index into document.blocks where the text proper starts
    named: dict[str, Block] = field(default_factory=dict)  # developers / agreement / changes → its title

    def table_after(self, part: str) -> Table | None:
        """Return the first table after the named part's title (the sheet itself), before the next part's title."""
        title = self.named.get(part)
        if title is None:
            return None
        end = self.part_end(part)
        return next((t for t in self.document.tables if title.index < t.first_block < end), None)

    def part_end(self, part: str) -> int:
        """Return the index of the block that ends the named part: the next part's title, or past the end."""
        title = self.named[part]
        later = [b.index for b in self.named.values() if b.index > title.index]
        return min(later, default=len(self.document.blocks) + 1)

    def text_blocks(self) -> list[Block]:
        """Return the body's blocks after the title page and contents, outside tables."""
        return [b for b in self.document.blocks[self.body_start :] if b.table is None]


def analyse(document: DocxText) -> Structure:
    """Return the document's parts."""
    found = Structure(document)
    blocks = document.blocks
    start = next((i for i, b in enumerate(blocks) if b.table is None and fold(b.text) in CONTENTS_TITLES), None)
    if start is not None:
        found.contents_title = blocks[start]
        i = start + 1
        while i < len(blocks) and (not blocks[i].text.strip() or _is_entry(blocks[i])):
            block = blocks[i]
            if block.level and block.toc_level is None:
                break  # a heading: the text has begun
            if block.text.strip():
                entry = _entry(block)
                if found.entries and entry.page is None and _same_entry(entry, found.entries[0]):
                    break  # the first heading, repeating the first entry
                found.entries.append(entry)
            i += 1
        found.title_page = [b for b in blocks[:start] if b.table is None]
        found.body_start = i
    else:
        first = next((i for i, b in enumerate(blocks) if b.level or _numbered_heading(b)), len(blocks))
        found.title_page = [b for b in blocks[:first] if b.table is None]
        found.body_start = first
    styled = any(b.level for b in blocks[found.body_start :] if b.table is None)
    for block in blocks[found.body_start :]:
        if block.table is not None or not block.text.strip():
            continue
        key = fold(block.text)
        if key in NAMED_PARTS:
            part = "developers" if key in DEVELOPERS else "agreement" if key in AGREEMENT_SHEET else "changes"
            found.named.setdefault(part, block)
            found.headings.append(Heading(block, None, block.text.strip(), 1))
            continue
        clause = CLAUSE.match(block.text)
        heading = (block.level and block.toc_level is None) or (not styled and _numbered_heading(block))
        if heading:
            number = clause.group(1) if clause else None
            title = clause.group(3).strip() if clause else block.text.strip()
            level = block.level or (number.count(".") + 1 if number else 1)
            found.headings.append(Heading(block, number, title, level))
        if clause and not heading and _enumeration_item(clause):
            continue  # «1. вступительное совещание;» in a clause's list: an item, not section 1
        if clause:
            number = tuple(int(n) for n in clause.group(1).split("."))
            found.clauses.append(Clause(block, number, bool(clause.group(2)), clause.group(3).strip()))
    return found


def _enumeration_item(clause: re.Match[str]) -> bool:
    """Return True for an item of a list inside a clause: one number, its text in small letters."""
    return "." not in clause.group(1) and clause.group(3).strip()[:1].islower()


def _is_entry(block: Block) -> bool:
    text = block.text.strip()
    if block.toc_level is not None:
        return True
    if len(text) > 160 or block.table is not None:
        return False
    if _ENTRY_TAIL.search(text):
        return True
    return fold(_ENTRY_TAIL.sub("", text)) in NAMED_PARTS or _numbered_heading(block)


def _entry(block: Block) -> Entry:
    text = block.text.strip()
    tail = _ENTRY_TAIL.search(text)
    page = int(tail.group(1)) if tail else None
    title = re.sub(r"[.…\s]+$", "", text[: tail.start()] if tail else text)
    clause = CLAUSE.match(title)
    if clause:
        return Entry(block, clause.group(1), clause.group(3).strip(), page)
    return Entry(block, None, title.strip(), page)


def _numbered_heading(block: Block) -> bool:
    """Return True for a short numbered line without a final stop: "1. Максаты…", "1.4.1 Окутуунун сапаты"."""
    if block.table is not None:
        return False
    text = block.text.strip()
    clause = CLAUSE.match(text)
    if not clause or not clause.group(3) or len(text) > 120 or "\n" in text:
        return False
    rest = clause.group(3).strip()
    return (
        rest[:1].isupper() and not rest.endswith((".", ";", ",", ":")) and (clause.group(2) or "." in clause.group(1))
    )


def _same_entry(a: Entry, b: Entry) -> bool:
    return a.number == b.number and fold(a.title) == fold(b.title)


def same_title(a: str, b: str) -> bool:
    """Return True when two titles say the same, dots, case and spacing aside."""
    return fold(a) == fold(b)
