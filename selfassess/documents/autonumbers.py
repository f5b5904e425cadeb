"""The numbers Word shows before automatically numbered paragraphs, put into their text.

A list typed with Word's numbering («1.», «6.1.», «а)») has no number in its text: Word
computes it from word/numbering.xml (the level's start, format and text such as "%1.%2.").
The lint and the import read what a reader sees, so the number is computed here the way Word
counts (one count per list definition, a deeper level restarting under a new higher one) and
written before the paragraph's text. Bullets get no number; their paragraphs stay list items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from selfassess.word.reader import DocxText, Span, W

_RU = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
_ROMAN += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool  # w:isLgl: every level's number shown in decimal


def show_numbers(document: DocxText) -> None:
    """Write before each automatically numbered paragraph the number Word shows for it; once."""
    if document.numbering is None:
        return
    lists = _definitions(document.numbering)
    counts: dict[str, list[int | None]] = {}
    used: set[str] = set()
    for block in document.blocks:
        if block.num is None or block.label is not None or block.num[0] not in lists:
            continue
        num_id, ilvl = block.num
        abstract, levels, restarts = lists[num_id]
        level = levels.get(ilvl)
        if level is None:
            continue
        count = counts.setdefault(abstract, [None] * 10)
        if num_id not in used:
            used.add(num_id)
            for restarted in restarts:
                count[restarted] = None  # a list restarted by its own start value
        count[ilvl] = level.start if count[ilvl] is None else count[ilvl] + 1  # type: ignore[operator]
        count[ilvl + 1 :] = [None] * (len(count) - ilvl - 1)
        block.numbered = True
        if level.fmt == "bullet":
            block.label = ""
            continue

        def number(
            match: re.Match[str], level: _Level = level, levels: dict[int, _Level] = levels, count: list = count
        ) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at, level)
            value = count[at] if count[at] is not None else shown.start
            return _format(value or 0, "decimal" if level.legal else shown.fmt)

        label = re.sub(r"%([1-9])", number, level.text).strip()
        block.label = label
        if label:
            block.text = f"{label} {block.text}"
            block.spans.insert(0, Span(label + " "))


def _definitions(root: etree._Element) -> dict[str, tuple[str, dict[int, _Level], list[int]]]:
    """Return numId → (its list definition's id, the levels, the levels it restarts)."""
    abstracts: dict[str, dict[int, _Level]] = {}
    for abstract in root.iterchildren(f"{{{W}}}abstractNum"):
        abstracts[abstract.get(f"{{{W}}}abstractNumId", "")] = _levels(abstract)
    found = {}
    for num in root.iterchildren(f"{{{W}}}num"):
        ref = num.find(f"{{{W}}}abstractNumId")
        abstract = ref.get(f"{{{W}}}val", "") if ref is not None else ""
        levels = dict(abstracts.get(abstract, {}))
        restarts = []
        for override in num.iterchildren(f"{{{W}}}lvlOverride"):
            ilvl = _int(override.get(f"{{{W}}}ilvl"), 0)
            start = override.find(f"{{{W}}}startOverride")
            replaced = _levels(override).get(ilvl)
            if replaced is not None:
                levels[ilvl] = replaced
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = _Level(_int(start.get(f"{{{W}}}val"), 1), old.fmt, old.text, old.legal)
            restarts.append(ilvl)
        found[num.get(f"{{{W}}}numId", "")] = (abstract, levels, restarts)
    return found


def _levels(parent: etree._Element) -> dict[int, _Level]:
    levels = {}
    for lvl in parent.iterchildren(f"{{{W}}}lvl"):

        def value(tag: str, default: str, lvl: etree._Element = lvl) -> str:
            el = lvl.find(f"{{{W}}}{tag}")
            return el.get(f"{{{W}}}val", default) if el is not None else default

        legal = lvl.find(f"{{{W}}}isLgl") is not None and value("isLgl", "1") not in ("0", "false", "off")
        ilvl = _int(lvl.get(f"{{{W}}}ilvl"), 0)
        if 0 <= ilvl <= 9:
            levels[ilvl] = _Level(_int(value("start", "1"), 1), value("numFmt", "decimal"), value("lvlText", ""), legal)
    return levels


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _format(value: int, fmt: str) -> str:
    """Return `value` as a list number of Word's format `fmt`; decimal for the formats not known."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("russianLower", "russianUpper") and value > 0:
        letter = _RU[(value - 1) % len(_RU)] * ((value - 1) // len(_RU) + 1)
        return letter if fmt == "russianLower" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                roman, rest = roman + digits, rest - amount
        return roman if fmt == "lowerRoman" else roman.upper()
    return str(value)
