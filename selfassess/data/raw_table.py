"""A data source's file read as a grid: the rows, the header among them, and the rows that are malformed.

Nothing here knows what a column means; cells are typed in cells.py.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from selfassess.data.source_spec import SourceSpec
from selfassess.errors import Finding, Location, warning
from selfassess.messages import t, tn
from selfassess.textnorm import did_you_mean, fold
from selfassess.workspace.spreadsheet import decode_text, default_sheet
from selfassess.workspace.workbook_guard import guard_workbook
from selfassess.workspace.xlsx_guard import guard_xlsx


class NoSheet(LookupError):
    """The workbook has no sheet of the name the declaration gives; the message says which it has."""


def raw_table(path: Path, spec: SourceSpec, shown: str) -> tuple[Any, Any, str | None, list[Finding]]:
    """Return every non-empty row as a frame of positional columns (indexed by row number), each
    row's number of cells in a text file (None for a workbook), and the sheet read."""
    import csv

    import pandas as pd

    findings: list[Finding] = []
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        from python_calamine import CalamineWorkbook

        # A workbook claiming billions of cells is refused (TooLarge) before calamine builds them:
        # an .xls or .ods as it opens, an .xlsx sheet by sheet.
        guard_workbook(path, sheet="" if suffix in (".xlsx", ".xlsm") else None)
        book = CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        name = default_sheet(book)
        if spec.sheet is not None:
            match = next((n for n in names if fold(n) == fold(spec.sheet)), None)
            if match is None:
                close = did_you_mean(spec.sheet, names)
                if close:
                    raise NoSheet(
                        t(
                            "the workbook has no sheet '{sheet}' (did you mean '{close}'?)",
                            sheet=spec.sheet,
                            close=close,
                        )
                    )
                raise NoSheet(
                    t(
                        "the workbook has no sheet '{sheet}'; its sheets: {sheets}",
                        sheet=spec.sheet,
                        sheets=", ".join(names),
                    )
                )
            name = match
        if suffix in (".xlsx", ".xlsm"):
            guard_xlsx(path, [name], parts=False)
        frame = pd.DataFrame(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
        frame.index = frame.index + 1  # Excel rows count from 1
        return non_empty(frame), None, name, findings
    text, encoding = decode_text(path.read_bytes())
    if encoding in ("cp1251", "latin-1"):
        findings.append(
            warning(
                "encoding",
                Location(shown),
                t("the file is not UTF-8; it was read as Windows-1251 (Cyrillic), which has no ң, ө, ү"),
                t("in Excel, save as 'CSV UTF-8' to keep Kyrgyz letters"),
            )
        )
    # The separator is the one under which the header names the most declared columns
    # (a decimal comma in "0,5" can fool a guess from character counts alone).
    first_lines = "\n".join(text.splitlines()[:30])
    scores = {d: len(find_header(list(csv.reader(io.StringIO(first_lines), delimiter=d)), spec)[1]) for d in ";,\t"}
    delimiter = max(scores, key=lambda d: (scores[d], d == ","))
    if '"' in text:
        # Quoted cells may hold separators or span lines: the csv module keeps each record's
        # own first line exactly (slower, and only needed here).
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        records, lines, end = [], [], 0
        for cells in reader:
            records.append(cells)
            lines.append(end + 1)
            end = reader.line_num
        frame = pd.DataFrame(records, index=lines)
        lengths = dict(zip(lines, map(len, records), strict=True))
        cells = CellCounts(lambda wanted: {line: lengths.get(line, 0) for line in wanted})
    else:
        # No quotes: every record is one line, and pandas' C parser reads a million in a second.
        # The widest row sets the columns, so a row longer than the header is reported, not lost.
        width = max((line.count(delimiter) for line in text.splitlines()), default=0) + 1
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=object,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
        frame.index = frame.index + 1  # line numbers
        cells = CellCounts(_line_counter(text, delimiter))
    return non_empty(frame), cells, None, findings


class CellCounts:
    """How many cells lines of a text file have, counted only for the lines asked about.

    Splitting a million lines costs half a second; most files need a handful counted.
    """

    def __init__(self, count: Any) -> None:
        self._count = count

    def of(self, lines: Any) -> dict[int, int]:
        """Return each line's number of cells."""
        return self._count([int(line) for line in lines])


def _line_counter(text: str, delimiter: str) -> Any:
    split: list[str] = []

    def count(wanted: list[int]) -> dict[int, int]:
        if wanted and not split:
            split.extend(re.split(r"\r\n|\r|\n", text))  # the line ends pandas knows
        return {line: split[line - 1].count(delimiter) + 1 if line <= len(split) else 0 for line in wanted}

    return count


def malformed_rows(
    body: Any, cells: Any, width: int, mapping: dict[str, int], spec: SourceSpec, locate: Any, findings: list[Finding]
) -> dict[int, str]:
    """Return the text file's rows that cannot be read safely (line → why), each reported once.

    A line with more cells than the header has a separator too many somewhere (an unquoted
    ';' inside a job title): every cell after it has shifted, so no cell of it can be trusted.
    A line with fewer cells lacks a required column's cell. Neither row is used at all.
    """
    required = [
        (position, spec.columns[name].names[0]) for name, position in mapping.items() if spec.columns[name].required
    ]
    left_out: dict[int, str] = {}  # line → why, a whole sentence: "… the whole row is left out" follows it
    hints: dict[int, str] = {}
    if body.shape[1] > width:
        extra = (body.iloc[:, width:] != "") & body.iloc[:, width:].notna()
        too_long = body.index[extra.any(axis=1).to_numpy()]
        counts = cells.of(too_long)
        for line in too_long:
            left_out[int(line)] = t(
                "this line has {cells} cells but the header names {width}", cells=counts[int(line)], width=width
            )
            hints[int(line)] = t(
                "a value holding the separator (a comma or semicolon) must be in quotes; "
                "in Excel, save the table again as CSV"
            )
    # A line short of a required cell is short of the last one too: only rows with that cell
    # empty can be short, and only those are counted.
    last = max((position for position, _ in required), default=-1)
    if 0 <= last < body.shape[1]:
        cell = body.iloc[:, last]
        suspects = list(body.index[((cell == "") | cell.isna()).to_numpy()])
    else:
        suspects = list(body.index) if last >= 0 else []
    counts = cells.of(suspects)
    for line in suspects:
        missing = [name for position, name in required if position >= counts[int(line)]]
        if int(line) in left_out or not missing:
            continue
        left_out[int(line)] = t(
            "this line has {cells} cells but the header names {width} ('{column}' is missing)",
            cells=counts[int(line)],
            width=width,
            column=missing[0],
        )
        hints[int(line)] = t("fill in the row's missing cells: a separator too few shifts the cells after it")
    shown = sorted(left_out)
    for line in shown[:20]:
        findings.append(
            warning(
                "malformed-row",
                locate(line, 0),
                t("{problem}; the whole row is left out of every computation", problem=left_out[line]),
                hints[line],
            )
        )
    if len(shown) > 20:
        findings.append(
            warning(
                "malformed-row",
                locate(shown[20], 0),
                tn(
                    "{n} more rows like these are left out (lines {lines})",
                    "{n} more rows like these are left out (lines {lines})",
                    len(shown) - 20,
                    lines=row_list(shown[20:]),
                ),
            )
        )
    return left_out


def row_list(lines: list[int], limit: int = 10) -> str:
    """Return row numbers for a message: "13, 24" or "13, 24, … (40 in all)"."""
    shown = ", ".join(str(n) for n in lines[:limit])
    return shown if len(lines) <= limit else t("{rows}, … ({count} in all)", rows=shown, count=len(lines))


def non_empty(frame: Any) -> Any:
    """Return the rows that have at least one cell that is not blank (short rows are padded with "")."""
    frame = frame.fillna("")
    filled = frame.map(lambda v: str(v).strip() != "") if len(frame) < 100_000 else frame != ""
    return frame[filled.any(axis=1)]


def find_header(grid: list[list[Any]], spec: SourceSpec) -> tuple[int | None, dict[str, int]]:
    """Return the index of the row naming the most declared columns, and each column's position."""
    aliases = {fold(n): name for name, column in spec.columns.items() for n in column.names}
    rows = range(spec.header_row - 1, spec.header_row) if spec.header_row else range(min(30, len(grid)))
    best: tuple[int | None, dict[str, int]] = (None, {})
    for index in rows:
        if index >= len(grid):
            break
        mapping: dict[str, int] = {}
        for position, cell in enumerate(grid[index]):
            name = aliases.get(fold(str(cell))) if cell not in (None, "") else None
            if name and name not in mapping:
                mapping[name] = position
        if len(mapping) > len(best[1]):
            best = (index, mapping)
        if len(mapping) == len(spec.columns):
            break
    if best[0] is None or not best[1]:
        return None, {}
    return best
