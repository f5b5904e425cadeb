"""Any table an office sends, as rows of cells: Excel (XLSX, XLS), LibreOffice (ODS), CSV, Word tables.

Merged cells hold their value in every cell they cover, as a reader of the sheet sees it; an
Excel number keeps the digits its cell shows (a criterion 2.10 formatted "0.00" stays 2.10).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfassess.errors import SelfAssessError
from selfassess.workspace.spreadsheet import column_letter, csv_grid, decode_text, sheet_grid

FORMATS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".docx")


@dataclass
class Table:
    """One sheet or one Word table: its cells, and how to point at a cell in messages."""

    name: str
    rows: list[list[Any]] = field(default_factory=list)
    kind: str = "sheet"  # sheet | csv | docx
    lines: list[int] = field(default_factory=list)  # CSV: the line each row starts on

    def where(self, row: int, column: int | None = None) -> str:
        """Return a cell as the user finds it: Sheet!B7, line 7 of a CSV, or row 7 of table 2."""
        if self.kind == "csv":
            return f"line {self.lines[row] if row < len(self.lines) else row + 1}"
        if self.kind == "docx":
            return f"{self.name}, row {row + 1}" + (f", column {column + 1}" if column is not None else "")
        return f"{self.name}!{column_letter(column or 0)}{row + 1}"


def read_tables(path: Path) -> list[Table]:
    """Return every table of the file: each sheet of a workbook, each table of a Word document."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SelfAssessError(
            f"{path.name}: cannot read '{suffix or path.name}' files; give an .xlsx, .xls, .ods, .csv or .docx file"
        )
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx(path)
        if suffix in (".xls", ".ods"):
            return _calamine(path)
        if suffix == ".docx":
            return _docx(path)
        text, _ = decode_text(path.read_bytes())
        grid, lines = csv_grid(text)
        return [Table(path.name, [list(r) for r in grid], "csv", lines)]
    except SelfAssessError:
        raise
    except Exception as exc:  # any reader's failure (zip, XML, calamine) means the same to the user
        raise SelfAssessError(
            f"{path.name}: the file cannot be read ({type(exc).__name__}: {exc}); "
            "open it in Excel or LibreOffice and save it again"
        ) from None


def _shown_number(value: float, number_format: str | None) -> Any:
    """Return a number as its cell shows it: 2.1 in a "0.00" cell is the text 2.10."""
    if number_format and "." in number_format and set(number_format.split(".")[-1]) <= {"0"}:
        return f"{value:.{len(number_format.split('.')[-1])}f}"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _xlsx(path: Path) -> list[Table]:
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    tables = []
    for sheet in book.worksheets:
        rows: list[list[Any]] = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if isinstance(value, float | int) and not isinstance(value, bool):
                    value = _shown_number(float(value), cell.number_format)
                elif isinstance(value, dt.datetime):
                    value = value.date()
                cells.append(value)
            rows.append(cells)
        for merged in sheet.merged_cells.ranges:
            top, left = merged.min_row - 1, merged.min_col - 1
            if top >= len(rows) or left >= len(rows[top]):
                continue
            value = rows[top][left]
            for r in range(top, min(merged.max_row, len(rows))):
                rows[r].extend([None] * (merged.max_col - len(rows[r])))
                for c in range(left, merged.max_col):
                    rows[r][c] = value
        tables.append(Table(sheet.title, rows))
    return tables


def _calamine(path: Path) -> list[Table]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    tables = []
    for name in book.sheet_names:
        rows = sheet_grid(book.get_sheet_by_name(name))
        tables.append(Table(name, [[_shown_number(v, None) if isinstance(v, float) else v for v in r] for r in rows]))
    return tables


def _docx(path: Path) -> list[Table]:
    from docx import Document

    document = Document(str(path))
    tables = []
    for number, table in enumerate(document.tables, start=1):
        # python-docx repeats a merged cell in every grid position it covers, as Word shows it.
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        tables.append(Table(f"table {number}", rows, "docx"))
    return tables
