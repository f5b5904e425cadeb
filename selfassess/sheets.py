"""Text into spreadsheets, safely: a register's "=…" stays text, control characters never break the file.

An evidence title such as `=HYPERLINK("http://…")` or `=cmd|' /C calc'!A0` must never become a
formula in a workbook the rector's office opens, nor in a CSV Excel reads.
"""

from __future__ import annotations

import re
from typing import Any

# What XML 1.0 cannot hold (and what Word or Excel refuse): C0 controls but tab, new line, return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CSV_FORMULA = ("=", "+", "@", "\t", "\r")


def clean(text: str) -> str:
    """Return `text` without the control characters no Office file can hold."""
    return CONTROL.sub("", text)


def cells(sheet: Any, values: list[Any]) -> list[Any]:
    """Return a row for openpyxl's `sheet.append`: every text a text cell, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for value in values:
        if isinstance(value, str):
            value = clean(value)
            if value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
        out.append(value)
    return out


def csv_value(value: object) -> object:
    """Return a CSV cell Excel will not run as a formula: such text gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    text = clean(value)
    risky = text.startswith(_CSV_FORMULA) or (text.startswith("-") and not _NUMBER.match(text))
    return "'" + text if risky else text


_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?(?:\s*%)?$")
