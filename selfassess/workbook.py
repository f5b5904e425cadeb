"""Excel sheets as an office makes them: real dates, a frozen filtered header, fitted widths, printable.

Every XLSX selfassess writes goes through `add_table`, so that each opens in Excel with the
header row fixed and filterable, columns wide enough for their text, dates that sort and
filter as dates, a sheet name cut on a word, and a page setup that prints the table across
one page wide with its header on every page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from selfassess.reproducible import normalize_docx
from selfassess.sheets import clean

DATE_FORMAT = "DD.MM.YYYY"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MIN_WIDTH, MAX_WIDTH = 8, 70
WIDE = 110  # characters of column width beyond which a sheet prints in landscape


def sheet_title(text: str) -> str:
    """Return a valid sheet name (31 characters, none of []:*?/\\), cut after a whole word."""
    name = " ".join(_FORBIDDEN.sub(" ", clean(text)).split()) or "Sheet"
    if len(name) <= 31:
        return name
    cut = name[:31]
    if name[31] == " " or " " not in cut:
        return cut.rstrip(" ,.;-–—")  # the cut falls between two words, or there is no word to keep
    return cut[: cut.rfind(" ")].rstrip(" ,.;-–—")


def widths(header: Sequence[object], rows: Sequence[Sequence[object]], sample: int = 2000) -> list[float]:
    """Return each column's width from its longest text (the first `sample` rows), within bounds."""
    columns = max([len(header), *(len(r) for r in rows[:sample])], default=0)
    out = []
    for index in range(columns):
        texts = [_shown(header[index]) if index < len(header) else ""]
        texts += [_shown(r[index]) for r in rows[:sample] if index < len(r)]
        longest = max((max((len(line) for line in t.splitlines()), default=0) for t in texts), default=0)
        out.append(float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))))
    return out


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return "00.00.0000"
    return "" if value is None else str(value)


def add_table(
    book: Any,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    column_widths: Sequence[float] | None = None,
    header_rows: Sequence[Sequence[object]] = (),
) -> Any:
    """Add a sheet holding a table: `header` (bold, frozen, filtered), then `rows`.

    Dates in `rows` (datetime.date) become date cells; text never becomes a formula.
    `header_rows` are extra rows printed under the header and frozen with it (a matrix's
    annex numbers). Works on write-only workbooks (large indexes) as on ordinary ones.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(sheet_title(title))
    sizes = list(column_widths) if column_widths else widths(header, rows)
    for index, width in enumerate(sizes, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    frozen = 1 + len(header_rows)
    sheet.freeze_panes = f"A{frozen + 1}"
    last = get_column_letter(max(len(header), 1))
    sheet.print_title_rows = f"1:{frozen}"
    sheet.page_setup.orientation = "landscape" if sum(sizes) > WIDE else "portrait"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="D9E2F3")
    wrap = Alignment(wrap_text=True, vertical="top")
    heading = []
    for text in header:
        cell = _cell(sheet, str(text), bold)  # a register id heading a matrix column stays text too
        cell.fill, cell.alignment = fill, wrap
        heading.append(cell)
    sheet.append(heading)
    for row in header_rows:
        sheet.append([_cell(sheet, value, bold) for value in row])
    for row in rows:
        # An empty cell is not written either way: made as a cell, a matrix of 1,000 criteria by
        # 10,000 annexes costs 10 million of them and a minute.
        sheet.append([None if value is None else _cell(sheet, value) for value in row])
    count = len(rows) + frozen
    sheet.auto_filter.ref = f"A{frozen}:{last}{max(count, frozen)}"
    return sheet


def _cell(sheet: Any, value: object, font: Any = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, dt.datetime):
        value = value.date()
    cell = WriteOnlyCell(sheet, value=clean(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=…" from a register stays text, never a formula
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    return cell


def workbook_bytes(book: Any, when: dt.datetime) -> bytes:
    """Return the workbook's bytes, the same for the same content (creation time pinned)."""
    book.properties.created = book.properties.modified = when
    book.properties.creator = "selfassess"
    buffer = io.BytesIO()
    book.save(buffer)
    return normalize_docx(buffer.getvalue(), when)


def new_workbook() -> Any:
    """Return an empty write-only workbook (rows streamed: a 100,000-row index stays small in memory)."""
    from openpyxl import Workbook

    return Workbook(write_only=True)
