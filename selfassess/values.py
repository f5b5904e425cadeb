"""Parsing the values people type into registers: dates, periods, lists of ids."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from functools import lru_cache

from selfassess.messages import t

_ISO = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_DMY2 = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$")
_PERIOD = re.compile(r"^(\d+)\s*([a-zа-яёөүң]*)\.?$")
_ISO_PERIOD = re.compile(r"^p(?:(\d+)y)?(?:(\d+)m)?$")
_SPLIT = re.compile(r"[,;\n\r]+")

NO_EXPIRY = frozenset({"", "-", "—", "–", "бессрочно", "бессрочный", "мөөнөтсүз", "indefinite", "none", "no expiry"})

_YEAR_WORDS = ("y", "yr", "yrs", "year", "years", "г", "год", "года", "лет", "ж", "жыл")
_MONTH_WORDS = ("m", "mo", "mon", "month", "months", "мес", "месяц", "месяца", "месяцев", "ай")


def parse_date(value: object) -> dt.date | None:
    """Return the date a cell or YAML value means; None for an empty value.

    Raises ValueError with a plain-words reason for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value.year < 1900:
            raise ValueError(t("{date} is before 1900; write the document's real date", date=value.isoformat()))
        return value
    return _parse_date_text(str(value).strip())


@lru_cache(maxsize=4096)
def _parse_date_text(text: str) -> dt.date | None:
    # Registers repeat the same few hundred dates; parsing each once is enough.
    if text.casefold() in NO_EXPIRY:
        return None
    text = text.removesuffix("г.").removesuffix("ж.").strip()
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_DMY2, "dmy")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts["y"]
            if pattern is _DMY2:
                # "19.01.26" is 2026; "01.09.99" could be 1999 or 2099: the full year decides.
                if year > TWO_DIGIT_YEARS:
                    raise ValueError(
                        t("{value} has a two-digit year; write the year in full, e.g. 01.09.1999", value=repr(text))
                    )
                year += 2000
            if pattern is _DMY and "/" in text and parts["d"] <= 12 and parts["m"] <= 12 and parts["d"] != parts["m"]:
                raise ValueError(
                    t(
                        "{value} could be day/month or month/day; write it as {iso} or {dotted} "
                        "(or the other way round, as meant)",
                        value=repr(text),
                        iso=f"{year}-{parts['m']:02d}-{parts['d']:02d}",
                        dotted=f"{parts['d']:02d}.{parts['m']:02d}.{year}",
                    )
                )
            if not 1900 <= year <= 2200:
                raise ValueError(
                    t(
                        "{value} has the year {year}; a document's date lies between 1900 and 2200",
                        value=repr(text),
                        year=year,
                    )
                )
            try:
                return dt.date(year, parts["m"], parts["d"])
            except ValueError:
                break
    raise ValueError(t("{value} is not a date; write it as 2026-01-19 or 19.01.2026", value=repr(text)))


TWO_DIGIT_YEARS = 60  # "26" is 2026 and "59" 2059; above it the century is anyone's guess


def parse_expiry(value: object) -> dt.date | None:
    """Return the last day an expiry cell gives: a date, or a date in the words around it that
    offices write ("до 31.08.2026", "по 31.08.2026", "31.08.2026 г.", "31.08.2026-ж. чейин").

    Raises ValueError: a date's own problem, or "neither a date nor a period" for other text.
    """
    if value.__class__ is not str:
        return parse_date(value)
    return _parse_expiry_text(value.strip())


@lru_cache(maxsize=1024)
def _parse_expiry_text(text: str) -> dt.date | None:
    try:
        return _parse_date_text(text)
    except ValueError:
        if _DATE_SHAPE.match(text):
            raise  # a date written wrong (31.02.2026): its own reason
    bare = _UNTIL_AFTER.sub("", _UNTIL_BEFORE.sub("", text, count=1), count=1)
    if bare != text and _DATE_SHAPE.match(bare):
        return _parse_date_text(bare)
    raise ValueError(t("{value} is neither a date nor a period", value=repr(text)))


_DATE_SHAPE = re.compile(r"^[\d\s./-]+$")
_UNTIL_BEFORE = re.compile(r"^(?:(?:действует|действителен|действительно)\s+)?(?:до|по|until|till)\s+", re.I)
_UNTIL_AFTER = re.compile(r"(?:\s*-?\s*(?:г|года|ж|жыл|жылга)\b\.?)?(?:\s*(?:чейин|дейре|включительно))?\s*$", re.I)


@lru_cache(maxsize=1024)
def is_period(text: str) -> bool:
    """Return whether a cell's text is a validity period ('3 года', '6 месяцев', '12 ай', 'P3Y')."""
    try:
        return parse_period_months(text) is not None
    except ValueError:
        return False


def parse_period_months(value: object) -> int | None:
    """Return a validity period in months ('36 months', '3 years', '3 жыл', 'P3Y'); None if empty."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().casefold().replace(",", ".")
    months = None
    iso = _ISO_PERIOD.match(text)
    if iso and any(iso.groups()):
        months = int(iso.group(1) or 0) * 12 + int(iso.group(2) or 0)
    match = _PERIOD.match(text)
    if months is None and match:
        number, unit = int(match.group(1)), match.group(2)
        months = number * 12 if unit in _YEAR_WORDS else number if unit in _MONTH_WORDS else None
    if months is not None:
        if months > MAX_PERIOD_MONTHS:
            raise ValueError(
                t(
                    "{value} is longer than 100 years; leave it empty for a document valid without end",
                    value=repr(value),
                )
            )
        return months
    # A bare number is ambiguous (months or years?): refusing it beats guessing wrong.
    raise ValueError(t("{value} is not a period; write it as '36 months' or '3 years'", value=repr(value)))


MAX_PERIOD_MONTHS = 1200  # a hundred years: longer is a typo, not a validity


def add_months(day: dt.date, months: int) -> dt.date:
    """Return `day` moved forward by `months`, clamped to the end of the month (and to the
    last day a date can have: 9999-12-31 plus a month is still "valid for ever")."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def split_list(value: object) -> tuple[str, ...]:
    """Return the items of a list written in one cell ('a; b, c' or lines) or given as a list."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        items = [str(v).strip() for v in value if v is not None]
    else:
        text = str(value)
        if not any(sep in text for sep in ",;\n\r"):
            text = text.strip()
            return (text,) if text else ()
        items = [part.strip() for part in _SPLIT.split(text)]
    return tuple(item for item in items if item)


def clean_id(value: object) -> object:
    """Return an id as text; refuse one a register or a narrative could not cite as written."""
    text = str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
    if isinstance(text, str):
        stripped = text.strip()
        if not stripped:
            raise ValueError(t("the id is empty"))
        if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in stripped):
            raise ValueError(
                t(
                    "{value} holds an invisible character (zero-width space, direction mark); retype it",
                    value=repr(stripped),
                )
            )
        if any(c in stripped for c in ":/\\") or ".." in stripped or " " in stripped or "\t" in stripped:
            raise ValueError(
                t(
                    "{value} cannot be an id: write it without ':', '/', '..' or spaces, e.g. 1.2 or A1",
                    value=repr(stripped),
                )
            )
        return stripped
    return text


# A group that repeats and holds a repetition ("(a+)+", "(\\w*)*", "(a|aa)+") can take
# exponential time on a line that almost matches: Python's re has no time limit, so such
# patterns are refused before they meet a narrative.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,\d*\}|\|)(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\d*\})")


def regular_expression(value: str | None) -> str | None:
    """Return a pattern from the settings, refused when invalid or when it could run for hours."""
    if value is not None:
        if not value.strip():
            raise ValueError(
                t("the pattern is empty; give one, e.g. {example}, or remove the key", example="'Д-\\d{3}'")
            )
        if len(value) > 200:
            raise ValueError(t("the pattern is longer than 200 characters; a document code or an id needs far less"))
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(
                t("{value} is not a valid regular expression ({error})", value=repr(value), error=exc)
            ) from None
        if _NESTED_REPEAT.search(value):
            raise ValueError(
                t(
                    "{value} repeats a group that itself repeats, which can take hours on some texts; "
                    "write it without the nesting, e.g. {good} instead of {bad}",
                    value=repr(value),
                    good="'Д-\\d{3}'",
                    bad="'(Д-\\d+)+'",
                )
            )
    return value
