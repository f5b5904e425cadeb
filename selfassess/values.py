"""Parsing the values people type into registers: dates, periods, lists of ids."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

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
        return value.date()
    if isinstance(value, dt.date):
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
            year = parts["y"] + 2000 if parts["y"] < 100 else parts["y"]
            try:
                return dt.date(year, parts["m"], parts["d"])
            except ValueError:
                break
    raise ValueError(f"{text!r} is not a date; write it as 2026-01-19 or 19.01.2026")


def parse_period_months(value: object) -> int | None:
    """Return a validity period in months ('36 months', '3 years', '3 жыл', 'P3Y'); None if empty."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().casefold().replace(",", ".")
    iso = _ISO_PERIOD.match(text)
    if iso and any(iso.groups()):
        return int(iso.group(1) or 0) * 12 + int(iso.group(2) or 0)
    match = _PERIOD.match(text)
    if match:
        number, unit = int(match.group(1)), match.group(2)
        if unit in _YEAR_WORDS:
            return number * 12
        if unit in _MONTH_WORDS:
            return number
    # A bare number is ambiguous (months or years?): refusing it beats guessing wrong.
    raise ValueError(f"{value!r} is not a period; write it as '36 months' or '3 years'")


def add_months(day: dt.date, months: int) -> dt.date:
    """Return `day` moved forward by `months`, clamped to the end of the month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
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
