"""Dates as regulations write them (19.01.2026, «19» январь 2026-ж., 2026-жылдын 19-январы,
19 января 2026 г., 19 January 2026): each must be a real day, and one context one style."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from selfassess.documents.lint.context import LintContext
from selfassess.errors import Location, Severity
from selfassess.messages import t, tn

_MONTHS = {
    1: ("январ", "january", "jan"),
    2: ("феврал", "february", "feb"),
    3: ("март", "march", "mar"),
    4: ("апрел", "april", "apr"),
    5: ("май", "мая", "mai", "may"),
    6: ("июн", "june", "jun"),
    7: ("июл", "july", "jul"),
    8: ("август", "august", "aug"),
    9: ("сентябр", "september", "sep"),
    10: ("октябр", "october", "oct"),
    11: ("ноябр", "november", "nov"),
    12: ("декабр", "december", "dec"),
}
_MONTH_WORD = r"([A-Za-zА-Яа-яЁёӨөҮүҢң]{3,})"
_FORMS = [
    ("numeric", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)")),
    ("slashed", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")),
    ("iso", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    # «19» январь 2026-ж. / “ 19 ” 01 2026ж / «19» января 2026 г.
    ("quoted", re.compile(r"[«“\"„]\s*(\d{1,2})\s*[»”\"“]\s*(\d{1,2}|" + _MONTH_WORD[1:-1] + r")\s+(\d{4})")),
    # 2026-жылдын 19-январы, 2026-жылдын 5-майындагы
    ("ky", re.compile(r"(\d{4})\s*-?\s*жыл\w*\s+(\d{1,2})\s*-?\s*" + _MONTH_WORD, re.IGNORECASE)),
    # 19 января 2026 г., 19 January 2026
    ("verbal", re.compile(r"(?<!\d)(\d{1,2})\s+" + _MONTH_WORD + r"\s+(\d{4})")),
]


@dataclass(frozen=True)
class FoundDate:
    """A date written in a text: as written, its day (None when there is no such day), its style."""

    written: str
    value: dt.date | None
    style: str
    start: int


def month_of(word: str) -> int | None:
    """Return the month a word names (январь, января, январы, January, Jan), or None."""
    low = word.lower()
    if low.isdigit():
        number = int(low)
        return number if 1 <= number <= 12 else None
    return next((m for m, stems in _MONTHS.items() if any(low.startswith(s) for s in stems)), None)


def find_dates(text: str) -> list[FoundDate]:
    """Return every date in `text`, in order, each once (the first form that reads it)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for style, pattern in _FORMS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            parts = match.groups()
            if style == "iso":
                year, month, day = parts
            elif style == "ky":
                year, day, month = parts
            else:
                day, month, year = parts
            number = month_of(month)
            if number is None:
                continue  # "19 студент 2026" is no date
            try:
                value: dt.date | None = dt.date(int(year), number, int(day))
            except ValueError:
                value = None
            found.append(FoundDate(match.group(0), value, style, match.start()))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    contexts: dict[str, list[tuple[Location, FoundDate]]] = {}
    for header in ctx.document.headers:
        for date in find_dates(header.text):
            where = ctx.at(None, t("header of section {section}", section=header.section))
            contexts.setdefault("header", []).append((where, date))
    title = {b.index for b in ctx.structure.title_page}
    for block in ctx.document.blocks:
        for date in find_dates(block.text):
            where = ctx.at(block)
            if date.value is None:
                yield (
                    "date-invalid",
                    Severity.error,
                    where,
                    t("{date} is not a date (there is no such day) in {quote}", date=date.written, quote=block.quote()),
                    t("correct the day or the month"),
                )
            part = "title page" if block.index in title else "table" if block.table else "text"
            contexts.setdefault(part, []).append((where, date))
    # Numbers written three ways in one place look like three hands: one style per context.
    for part, dates in contexts.items():
        numeric = [(w, d) for w, d in dates if d.style in ("numeric", "slashed", "iso")]
        styles = {d.style for _, d in numeric}
        if len(styles) > 1:
            first = {d.style: (w, d) for w, d in reversed(numeric)}
            shown = ", ".join(f"{d.written}" for _, d in first.values())
            where, _ = next(iter(first.values()))
            yield (
                "date-style-mixed",
                Severity.warning,
                where,
                _mixed(part, len(styles), shown),
                t("write every date of the document as 19.01.2026"),
            )


def _mixed(part: str, ways: int, dates: str) -> str:
    """Return the message for dates written `ways` ways (2 or more) in one part of the document."""
    if part == "header":
        return tn(
            "dates in the header are written in {n} ways ({dates})",
            "dates in the header are written in {n} ways ({dates})",
            ways,
            dates=dates,
        )
    if part == "title page":
        return tn(
            "dates in the title page are written in {n} ways ({dates})",
            "dates in the title page are written in {n} ways ({dates})",
            ways,
            dates=dates,
        )
    if part == "table":
        return tn(
            "dates in the table are written in {n} ways ({dates})",
            "dates in the table are written in {n} ways ({dates})",
            ways,
            dates=dates,
        )
    return tn(
        "dates in the text are written in {n} ways ({dates})",
        "dates in the text are written in {n} ways ({dates})",
        ways,
        dates=dates,
    )
