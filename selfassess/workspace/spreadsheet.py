"""Reading spreadsheets as the offices send them: Excel sheets with merged cells, CSV in any encoding."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from selfassess.textnorm import fold


def column_letter(index: int) -> str:
    """Return the Excel column letters of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def decode_text(raw: bytes) -> tuple[str, str]:
    """Return the text of a CSV export and the encoding used (UTF-8 first, then Windows-1251)."""
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def xlsx_grid(path: Path, preferred: tuple[str, ...] = ()) -> tuple[str, list[list[Any]]]:
    """Return the first sheet named in `preferred` (else the first sheet) as rows of cells.

    Raises calamine's errors, OSError or ValueError when the file cannot be read.
    """
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    name = next((n for n in book.sheet_names if fold(n) in preferred), book.sheet_names[0])
    return name, sheet_grid(book.get_sheet_by_name(name))


def sheet_grid(sheet: Any) -> list[list[Any]]:
    """Return a calamine sheet as rows of cells; a merged range holds its value in every cell it
    covers, as a reader of the sheet sees it."""
    grid: list[list[Any]] = [list(row) for row in sheet.to_python(skip_empty_area=False)]
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or []:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for r in range(top, min(bottom, len(grid) - 1) + 1):
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
        message = f"the file cannot be read as a table from this line on ({exc})"
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
_CELL_ERROR = re.compile(r'<c r="([A-Z]+)(\d+)"[^>]*?\bt="e"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S)


def excel_error_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """Return the cells of an .xlsx sheet holding an Excel error (#DIV/0!, #N/A …): (row from 1,
    column from 0) → the error. A reader that gives them as empty cells would hide a broken formula."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            book = package.read("xl/workbook.xml").decode("utf-8")
            rels = package.read("xl/_rels/workbook.xml.rels").decode("utf-8")
            sheets = [_attributes(m) for m in re.findall(r"<sheet\b([^>]*)>", book)]
            ident = next((a.get("r:id") for a in sheets if _unescape(a.get("name", "")) == sheet), None)
            links = [_attributes(m) for m in re.findall(r"<Relationship\b([^>]*)>", rels)]
            target = next((a.get("Target") for a in links if a.get("Id") == ident), None) if ident else None
            if target is None:
                return {}
            name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            xml = package.read(name).decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return {}
    return {(int(row), _column_index(letters)): value for letters, row, value in _CELL_ERROR.findall(xml)}


def _attributes(text: str) -> dict[str, str]:
    return dict(re.findall(r'([\w:]+)="([^"]*)"', text))


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)
