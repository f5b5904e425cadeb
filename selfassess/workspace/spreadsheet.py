"""Reading spreadsheets as the offices send them: Excel sheets with merged cells, CSV in any encoding.

Every workbook is measured before a reader opens it (a few kilobytes can claim billions of
cells): the measures are in xlsx_guard and workbook_guard, the shared limits in workbook_parts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from selfassess.errors import Finding, Location, warning
from selfassess.messages import t
from selfassess.textnorm import fold
from selfassess.workspace.workbook_guard import guard_workbook
from selfassess.workspace.workbook_parts import (
    CELL_LIMIT,
    TooLarge,
    column_index,
    open_zip,
    part_chunks,
    workbook_sheets,
    xml_unescape,
)
from selfassess.workspace.xlsx_guard import guard_xlsx


def decode_text(raw: bytes) -> tuple[str, str]:
    """Return the text of a CSV export and the encoding used (UTF-16 by its BOM, UTF-8, then Windows-1251).

    Excel's "Unicode text" is UTF-16 with a byte-order mark; old Mac files end lines with a
    lone CR, which the csv module refuses: each becomes a new line (so line numbers stay).
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text, encoding = raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            text, encoding = raw.decode("utf-16", errors="replace"), "utf-16"
    else:
        for encoding in ("utf-8-sig", "cp1251", "latin-1"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if "\r" in text and _LONE_CR.search(text):
        text = _LONE_CR.sub("\n", text)
    return text, encoding


_LONE_CR = re.compile(r"\r(?!\n)")


def read_as_cp1251(shown: str, hint: str) -> Finding:
    """Return the warning for a text file read as Windows-1251 (a Russian Windows' default)."""
    return warning(
        "encoding",
        Location(shown),
        t("the file is not UTF-8; it was read as Windows-1251 (Cyrillic). Windows-1251 has no ң, ө, ү"),
        hint,
    )


def xlsx_grid(path: Path, preferred: tuple[str, ...] = (), as_shown: bool = False) -> tuple[str, list[list[Any]]]:
    """Return the first visible sheet named in `preferred` (else the first visible sheet) as rows of cells;
    with `as_shown`, numbers of an .xlsx formatted with fixed decimals as the text Excel shows ("2.10").

    An .xls or .ods (Excel 97-2003, LibreOffice) is measured whole first: calamine builds every
    sheet of it when it opens the file. Raises TooLarge for a sheet that would take gigabytes;
    calamine's errors, OSError or ValueError (Damaged) when the file cannot be read.
    """
    from python_calamine import CalamineWorkbook

    xlsx = path.suffix.lower() not in (".xls", ".ods")
    merges = guard_workbook(path, "" if xlsx else None)  # .xlsx: the parts calamine reads when it opens the file
    book = CalamineWorkbook.from_path(str(path))
    name = default_sheet(book, preferred)
    if xlsx:
        guard_xlsx(path, [name], parts=False)
    shown = shown_numbers(path, name) if as_shown and xlsx else None
    return name, sheet_grid(book.get_sheet_by_name(name), shown, None if merges is None else merges.get(name, []))


def shown_numbers(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """Return the numbers of an .xlsx sheet that Excel shows with a fixed count of decimals,
    as shown: (row from 0, column from 0) → "2.10".

    Criterion 2.10 typed in Excel is the number 2.1; a cell formatted "0.00" shows it as 2.10,
    which is what the office reads and means. A reader of values alone would give 2.1 — another
    criterion.
    """
    decimals = _style_decimals(path)
    if not any(decimals):
        return {}
    shown: dict[tuple[int, int], str] = {}
    for letters, row, style, value in _sheet_cells(path, sheet, _NUMBER_CELL):
        index = int(style)
        places = decimals[index] if index < len(decimals) else 0
        if places:
            try:
                number = float(value)
            except ValueError:
                continue
            shown[(int(row) - 1, column_index(letters.decode()))] = f"{number:.{places}f}"
    return shown


# A number cell (no t="…", or t="n") with a style: <c r="B7" s="3"><v>2.1</v></c>.
_NUMBER_CELL = re.compile(
    rb'<(?:\w+:)?c r="([A-Z]{1,3})([0-9]{1,7})"(?=[^>]*\bs="([0-9]{1,6})")(?![^>]*\bt="(?!n")[^"]*")[^>]*>'
    rb"<(?:\w+:)?v>([^<]{1,40})</(?:\w+:)?v></(?:\w+:)?c>"
)
_NUMBER_FORMAT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?\bnumFmtId="([0-9]+)"[^>]*?\bformatCode="([^"]*)"')
_CELL_FORMATS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.S)
_FORMAT_OF_STYLE = re.compile(rb"<(?:\w+:)?xf\b([^>]*)")
_FORMAT_ID = re.compile(rb'\bnumFmtId="([0-9]+)"')
# Excel's own formats with fixed decimals: 2 "0.00", 4 "#,##0.00"; and a code of that shape.
_BUILT_IN_DECIMALS = {2: 2, 4: 2}
_FIXED = re.compile(r"^(?:#,##)?0\.(0{1,9})$")


def _style_decimals(path: Path) -> list[int]:
    """Return, for each cell style of the workbook, the decimals its number format fixes (0: none)."""
    try:
        with open_zip(path) as package:
            name = next((n for n in package.namelist() if n.lower() == "xl/styles.xml"), None)
            if name is None:
                return []
            styles = b"".join(part_chunks(path, package, name, limit=32 * 2**20))
    except (ValueError, OSError, KeyError, TooLarge):
        return []
    codes = {int(i): xml_unescape(c.decode("utf-8", "replace")) for i, c in _NUMBER_FORMAT.findall(styles)}
    cell_formats = _CELL_FORMATS.search(styles)
    out = []
    for attributes in _FORMAT_OF_STYLE.findall(cell_formats.group(1) if cell_formats else b""):
        found = _FORMAT_ID.search(attributes)
        number = int(found.group(1)) if found else 0
        fixed = _FIXED.match(codes[number].split(";")[0].strip()) if number in codes else None
        out.append(len(fixed.group(1)) if fixed else _BUILT_IN_DECIMALS.get(number, 0))
    return out


def default_sheet(book: Any, preferred: tuple[str, ...] = ()) -> str:
    """Return the sheet a user means by "the workbook": the first visible worksheet named in
    `preferred`, else the first visible worksheet. A hidden sheet (lists for drop-downs, an old
    copy) is never chosen while a visible one exists."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    shown = [
        m.name
        for m in book.sheets_metadata
        if m.visible == SheetVisibleEnum.Visible and m.typ == SheetTypeEnum.WorkSheet
    ]
    group = shown or list(book.sheet_names)
    return next((n for n in group if fold(n) in preferred), group[0])


def sheet_grid(
    sheet: Any, shown: dict[tuple[int, int], str] | None = None, merged: list[Any] | None = None
) -> list[list[Any]]:
    """Return a calamine sheet as rows of cells; a merged range holds its value in every cell it
    covers, as a reader of the sheet sees it. `shown` replaces numbers by their text; `merged`
    gives the merged ranges when calamine does not (an .ods: guard_ods finds them)."""
    grid: list[list[Any]] = [list(row) for row in sheet.to_python(skip_empty_area=False)]
    for (r, c), text in (shown or {}).items():
        if r < len(grid) and c < len(grid[r]) and isinstance(grid[r][c], int | float):
            grid[r][c] = text
    width = max(map(len, grid), default=0)
    budget = CELL_LIMIT
    for (top, left), (bottom, right) in (sheet.merged_cell_ranges if merged is None else merged) or []:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        # Past the cells read, a merged area shows nothing a reader could use: it is cut there.
        bottom, right = min(bottom, len(grid) - 1), min(right, width - 1)
        budget -= (bottom - top + 1) * (right - left + 1)
        if budget < 0:
            raise TooLarge(
                t(
                    "the merged areas of the sheet '{sheet}' cover more than {limit:,} cells",
                    sheet=sheet.name,
                    limit=CELL_LIMIT,
                ),
                t("unmerge them in Excel (Home → Merge & Center) and save the file"),
                sheet.name,
            )
        value = grid[top][left]
        for r in range(top, bottom + 1):
            row = grid[r]
            row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value
    return grid


def csv_grid(text: str) -> tuple[list[list[str]], list[int]]:
    """Return the rows of CSV `text` (separator guessed) and the line each row starts on."""
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    grid, lines = [], []
    end = 0
    try:
        for cells in reader:
            grid.append(cells)
            lines.append(end + 1)
            end = reader.line_num
    except csv.Error as exc:
        message = t("the file cannot be read as a table from this line on ({error})", error=exc)
        raise CsvError(end + 1, message, grid, lines) from None
    return grid, lines


class CsvError(ValueError):
    """A CSV file that cannot be read past a line (a cell of megabytes, a broken quote); the rows
    before it are kept."""

    def __init__(self, line: int, message: str, grid: list[list[str]], lines: list[int]) -> None:
        super().__init__(message)
        self.line, self.grid, self.lines = line, grid, lines


EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)
_CELL_ERROR = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?\bt="e"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S)


def excel_error_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """Return the cells of an .xlsx sheet holding an Excel error (#DIV/0!, #N/A …): (row from 1,
    column from 0) → the error. A reader that gives them as empty cells would hide a broken formula."""
    return {
        (int(row), column_index(letters.decode())): value.decode("utf-8", "replace")
        for letters, row, value in _sheet_cells(path, sheet, _CELL_ERROR)
    }


def _sheet_cells(path: Path, sheet: str, pattern: re.Pattern[bytes]) -> Iterator[Any]:
    """Yield the matches of a pattern of whole cells (<c …>…</c>) in an .xlsx sheet, read in
    pieces cut between cells; nothing when the sheet cannot be found or read."""
    try:
        with open_zip(path) as package:
            member = next((m for n, m, _ in workbook_sheets(package) if n == sheet and m), None)
            if member is None:
                return
            carry = b""
            for chunk in chain(part_chunks(path, package, member), [b""]):  # b"": the end
                data = carry + chunk
                cut = max(data.rfind(b"<c "), data.rfind(b":c ")) if chunk else len(data)
                cut = cut if cut > 0 else len(data)
                yield from pattern.findall(data[:cut])
                carry = data[cut:]
    except (ValueError, OSError, KeyError):
        return


_UNCALCULATED = re.compile(
    rb'<(?:\w+:)?c r="([A-Z]{1,3}[0-9]{1,7})"([^>]*)>'
    rb"(?:<(?:\w+:)?f\b[^>/]*>([^<]*)</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)(<(?:\w+:)?v\s*/>|<(?:\w+:)?v></(?:\w+:)?v>)?"
    rb"</(?:\w+:)?c>"
)


def uncalculated_formulas(path: Path, sheet: str) -> dict[str, str]:
    """Return the cells of an .xlsx sheet holding a formula with no stored result (B7 → "=A7&C7").

    Excel stores each formula's last result; a file written by a program (or saved with manual
    calculation) may hold none, and every reader then sees an empty cell.
    """
    return {
        ref.decode(): "=" + xml_unescape(formula.decode("utf-8", "replace"))
        for ref, attributes, formula, value in _sheet_cells(path, sheet, _UNCALCULATED)
        # An empty result stored as text (t="str") is a result: the formula gave "".
        if not (value and b't="str"' in attributes)
    }
