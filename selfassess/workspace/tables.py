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
from selfassess.messages import t
from selfassess.workspace.spreadsheet import csv_grid, decode_text, sheet_grid
from selfassess.workspace.workbook_guard import guard_docx, guard_workbook
from selfassess.workspace.workbook_parts import DOCX_ROW_LIMIT, DOCX_WIDTH_LIMIT, TooLarge, column_letter
from selfassess.workspace.xlsx_guard import guard_xlsx

FORMATS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".docx")


@dataclass
class Table:
    """One sheet or one Word table: its cells, and how to point at a cell in messages."""

    name: str
    rows: list[list[Any]] = field(default_factory=list)
    kind: str = "sheet"  # sheet | csv | docx
    lines: list[int] = field(default_factory=list)  # CSV: the line each row starts on
    hidden: bool = False  # a sheet hidden in the workbook

    def where(self, row: int, column: int | None = None) -> str:
        """Return a cell as the user finds it: Sheet!B7, line 7 of a CSV, or row 7 of table 2."""
        if self.kind == "csv":
            return t("line {line}", line=self.lines[row] if row < len(self.lines) else row + 1)
        if self.kind == "docx" and column is not None:
            return t("{table}, row {row}, column {column}", table=self.name, row=row + 1, column=column + 1)
        if self.kind == "docx":
            return t("{table}, row {row}", table=self.name, row=row + 1)
        return f"{self.name}!{column_letter(column or 0)}{row + 1}"


def read_tables(path: Path) -> list[Table]:
    """Return every table of the file: each sheet of a workbook, each table of a Word document."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SelfAssessError(
            t(
                "{file}: cannot read '{suffix}' files; give an .xlsx, .xls, .ods, .csv or .docx file",
                file=path.name,
                suffix=suffix or path.name,
            )
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
    except TooLarge as exc:
        raise SelfAssessError(f"{path.name}: {exc}") from None
    except Exception as exc:  # any reader's failure (zip, XML, calamine) means the same to the user
        raise SelfAssessError(
            t(
                "{file}: the file cannot be read ({error}); open it in Excel or LibreOffice and save it again",
                file=path.name,
                error=f"{type(exc).__name__}: {exc}",
            )
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

    extents = guard_xlsx(path, strict=True)
    # A sheet measured under another name (its part found by a search) is bounded by the largest.
    bound = (max((r for r, _ in extents.values()), default=0), max((c for _, c in extents.values()), default=0))
    book = load_workbook(path, data_only=True)
    tables = []
    for sheet in book.worksheets:
        rows: list[list[Any]] = []
        height, width = extents.get(sheet.title, bound)
        # Only the cells holding something are walked: openpyxl would make a cell of every
        # position up to a formatted cell far below the table.
        for row in sheet.iter_rows(max_row=height, max_col=width) if height and width else ():
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
        tables.append(Table(sheet.title, rows, hidden=sheet.sheet_state != "visible"))
    return tables


def _calamine(path: Path) -> list[Table]:
    from python_calamine import CalamineWorkbook

    guard_workbook(path)  # calamine builds every sheet of an .xls or .ods when it opens the file
    book = CalamineWorkbook.from_path(str(path))
    from python_calamine import SheetVisibleEnum

    visible = {m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible}
    tables = []
    for name in book.sheet_names:
        rows = sheet_grid(book.get_sheet_by_name(name))
        cells = [[_shown_number(v, None) if isinstance(v, float) else v for v in r] for r in rows]
        tables.append(Table(name, cells, hidden=bool(visible) and name not in visible))
    return tables


def _docx(path: Path) -> list[Table]:
    from docx import Document
    from docx.table import _Cell

    guard_docx(path)
    document = Document(str(path))
    tables, total = [], 0
    for number, table in enumerate(document.tables, start=1):
        # The rows are walked here, not through python-docx's row.cells: that finds the cell
        # above a vertically merged one by searching the table again for each cell (20,000
        # merged rows take minutes) and repeats a cell once per column it claims to span.
        rows_xml = table._tbl.tr_lst
        total += len(rows_xml)
        if total > DOCX_ROW_LIMIT:
            raise TooLarge(
                t(
                    "the document's tables have more than {limit:,} rows (table {number} has {rows:,})",
                    limit=DOCX_ROW_LIMIT,
                    number=number,
                    rows=len(rows_xml),
                ),
                t("a catalogue of standards has hundreds; copy its table to a new document, or save it as .xlsx"),
            )
        rows: list[list[Any]] = []
        above: dict[int, str] = {}  # grid column → the text of the cell there in the row above
        for index, tr in enumerate(rows_xml):
            cells: list[Any] = []
            here: dict[int, str] = {}
            column = tr.grid_before
            for tc in tr.tc_lst:
                span = tc.grid_span
                if column + span > DOCX_WIDTH_LIMIT:
                    raise TooLarge(
                        t(
                            "table {number}, row {row}: a cell spans {span:,} columns (Word allows 63); "
                            "the file is damaged",
                            number=number,
                            row=index + 1,
                            span=span,
                        ),
                        t("open it in Word and save it again, or copy the table to a new document"),
                    )
                # A vertically merged cell shows the text of the cell it continues, as Word shows it.
                text = above.get(column, "") if tc.vMerge == "continue" else _Cell(tc, table).text.strip()
                cells.extend([text] * span)
                here.update(dict.fromkeys(range(column, column + span), text))
                column += span
            above = here
            rows.append(cells)
        tables.append(Table(t("table {number}", number=number), rows, "docx"))
    return tables
