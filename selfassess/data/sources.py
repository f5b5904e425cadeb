"""Data sources: the units' CSV and Excel tables, read into frames with a declared schema.

The only module (with indicators.py) that imports pandas, so the CLI starts fast.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from selfassess.errors import Finding, Location, error, warning
from selfassess.textnorm import did_you_mean, fold
from selfassess.workspace.paths import as_on_disk, refused
from selfassess.workspace.spreadsheet import EXCEL_ERRORS, column_letter, decode_text, excel_error_cells

ColumnType = Literal["text", "number", "integer", "date", "year"]


class ColumnSpec(BaseModel):
    """One column of a data source: the names it may have (ky/ru/en), its type, allowed values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    names: Annotated[tuple[str, ...], Field(min_length=1)]
    type: ColumnType = "text"
    allowed: tuple[str, ...] = ()
    required: bool = True
    # The smallest and largest value a number may take; an integer column counts (at least 0).
    min: float | None = None
    max: float | None = None

    def lowest(self) -> float | None:
        """Return the smallest value allowed: `min`, else 0 for counts (integer columns)."""
        return self.min if self.min is not None else (0 if self.type == "integer" else None)


class SourceSpec(BaseModel):
    """A data source declared in indicators/sources.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    file: str
    sheet: str | None = None
    header_row: int | None = Field(None, ge=1)
    columns: dict[str, ColumnSpec]


@dataclass
class Source:
    """A data source read: its frame (columns named by the spec), and where each row came from."""

    spec: SourceSpec
    shown: str
    frame: Any  # pandas.DataFrame
    rows: Any  # pandas.Series: the file's row (line) number of each frame row
    findings: list[Finding] = field(default_factory=list)
    sheet: str | None = None

    def location(self, row: int | None = None, column: str | None = None) -> Location:
        if self.sheet is not None:
            return Location(self.shown, sheet=self.sheet, cell=f"{column or 'A'}{row}" if row else None)
        return Location(self.shown, row)


def inside_evidence(evidence_dir: Path, written: str) -> bool:
    """Return True when `written` names a file inside the evidence folder (no '..', absolute path or link out)."""
    import os

    text = written.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":") or ".." in text.split("/"):
        return False
    real = os.path.realpath(as_on_disk(evidence_dir.joinpath(*text.split("/"))))
    root = os.path.realpath(evidence_dir)
    return real == root or real.startswith(root + os.sep)


def read_source(evidence_dir: Path, spec: SourceSpec, shown_root: str = "evidence") -> Source:
    """Return the source's frame with typed columns; every problem becomes a finding, no row is lost silently."""
    import pandas as pd

    shown = f"{shown_root}/{spec.file}"
    path = as_on_disk(evidence_dir.joinpath(*spec.file.replace("\\", "/").split("/")))
    empty = Source(spec, shown, pd.DataFrame(columns=list(spec.columns)), pd.Series(dtype="int64"))
    if not inside_evidence(evidence_dir, spec.file):
        hint = "give the path relative to the evidence folder, without '..' and not through a link out of it"
        empty.findings.append(
            error("path-escape", Location(shown), "the data source lies outside the evidence folder", hint)
        )
        return empty
    problem = refused(path, shown, evidence_dir)
    if problem is not None:
        empty.findings.append(problem)
        return empty
    if not path.is_file():
        hint = "check 'file:' in indicators/sources.yaml (relative to the evidence folder)"
        empty.findings.append(error("missing-source", Location(shown), "the data source file does not exist", hint))
        return empty
    try:
        raw, _, sheet, findings = _raw_table(path, spec, shown)
    except LookupError as exc:
        empty.findings.append(error("missing-source", Location(shown), f"the workbook {exc}"))
        return empty
    except Exception as exc:
        empty.findings.append(
            error("unreadable", Location(shown), f"cannot read the file ({type(exc).__name__}: {exc})")
        )
        return empty
    empty.sheet = sheet

    def locate(row: int, column: int) -> Location:
        return Location(shown, sheet=sheet, cell=f"{column_letter(column)}{row}") if sheet else Location(shown, row)

    head = raw.iloc[:30].to_numpy().tolist()
    header_index, mapping = _find_header(head, spec)
    if header_index is None:
        findings.append(
            error(
                "no-header",
                locate(1, 0),
                "cannot find the header row naming the columns of this data source",
                "head its columns: " + "; ".join(" / ".join(c.names[:2]) for c in spec.columns.values()),
            )
        )
        empty.findings = findings
        return empty
    header_line = int(raw.index[header_index])
    for name, column in spec.columns.items():
        if name not in mapping and column.required:
            findings.append(
                error(
                    "missing-column",
                    locate(header_line, 0),
                    f"there is no column '{column.names[0]}' ({name})",
                    f"head a column with one of: {', '.join(column.names)}",
                )
            )
    body = raw.iloc[header_index + 1 :]
    width = len(head[header_index])
    while width and head[header_index][width - 1] in (None, ""):
        width -= 1
    if raw.shape[1] > width:
        extra = (body.iloc[:, width:] != "") & body.iloc[:, width:].notna()
        for index in extra.index[extra.any(axis=1)][:20]:
            findings.append(
                warning(
                    "extra-cells",
                    locate(int(index), width),
                    f"this row has more cells than the header names ({width}); the extra cells are left out",
                    "check for a stray separator (a comma or semicolon inside a value needs quotes)",
                )
            )
    frame = pd.DataFrame(index=body.index)
    for name in spec.columns:
        position = mapping.get(name)
        column = body.iloc[:, position] if position is not None and position < body.shape[1] else None
        frame[name] = column.where(column != "", None) if column is not None else None
    frame = frame[frame.notna().any(axis=1)]
    _excel_errors(path, sheet, frame, mapping, spec, locate, findings)
    rows = pd.Series(frame.index.to_numpy(), index=frame.index)  # the file's own row numbers
    for name, column in spec.columns.items():
        frame[name] = _convert(frame[name], column, mapping.get(name, 0), rows, locate, findings)
    frame = frame.reset_index(drop=True)
    return Source(spec, shown, frame, rows.reset_index(drop=True), findings, sheet)


def _raw_table(path: Path, spec: SourceSpec, shown: str) -> tuple[Any, Any, str | None, list[Finding]]:
    """Return every non-empty row as a frame of positional columns, each row's number, the sheet."""
    import csv

    import pandas as pd

    findings: list[Finding] = []
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        name = names[0]
        if spec.sheet is not None:
            match = next((n for n in names if fold(n) == fold(spec.sheet)), None)
            if match is None:
                close = did_you_mean(spec.sheet, names)
                extra = f" (did you mean '{close}'?)" if close else f"; its sheets: {', '.join(names)}"
                raise LookupError(f"has no sheet '{spec.sheet}'{extra}")
            name = match
        frame = pd.DataFrame(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
        frame.index = frame.index + 1  # Excel rows count from 1
        return _non_empty(frame), None, name, findings
    text, encoding = decode_text(path.read_bytes())
    if encoding != "utf-8-sig":
        findings.append(
            warning(
                "encoding",
                Location(shown),
                "the file is not UTF-8; it was read as Windows-1251 (Cyrillic), which has no ң, ө, ү",
                "in Excel, save as 'CSV UTF-8' to keep Kyrgyz letters",
            )
        )
    # The separator is the one under which the header names the most declared columns
    # (a decimal comma in "0,5" can fool a guess from character counts alone).
    first_lines = "\n".join(text.splitlines()[:30])
    scores = {d: len(_find_header(list(csv.reader(io.StringIO(first_lines), delimiter=d)), spec)[1]) for d in ";,\t"}
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
    return _non_empty(frame), None, None, findings


def _non_empty(frame: Any) -> Any:
    """Return the rows that have at least one cell that is not blank (short rows are padded with "")."""
    frame = frame.fillna("")
    filled = frame.map(lambda v: str(v).strip() != "") if len(frame) < 100_000 else frame != ""
    return frame[filled.any(axis=1)]


def _convert(values: Any, column: ColumnSpec, position: int, rows: Any, locate: Any, findings: list[Finding]) -> Any:
    """Return the column converted to its type; cells that do not convert are reported and left empty."""
    import pandas as pd

    present = values.notna()
    if column.type == "text":
        # Excel gives the code 580100 as the number 580100.0; CSV gives text already.
        text = values
        if pd.api.types.infer_dtype(values, skipna=True) != "string":  # Excel cells may be numbers
            numeric = values.map(lambda v: isinstance(v, int | float), na_action="ignore").fillna(False).astype(bool)
            text = values.where(
                ~numeric, values[numeric].map(lambda v: str(int(v)) if float(v).is_integer() else str(v))
            )
        stripped = {v: (str(v).strip() or None) for v in text.dropna().unique()}  # each distinct value once
        text = text.map(stripped)
        present = text.notna()
        if column.allowed:
            allowed = {fold(a) for a in column.allowed}
            bad = present & ~text.map(lambda v: v is None or fold(str(v)) in allowed)
            _report(bad, text, column, position, rows, locate, findings, f"is not one of {', '.join(column.allowed)}")
            text = text.where(~bad, None)
        return text
    if column.type == "date":
        from selfassess.values import parse_date

        def date_or_none(v: Any) -> Any:
            try:
                return parse_date(v)
            except ValueError:
                return pd.NaT

        converted = values.map(date_or_none, na_action="ignore")
        bad = present & converted.isna()
        _report(bad, values, column, position, rows, locate, findings, "is not a date")
        return converted
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    retry = present & numbers.isna()
    if retry.any():
        # Decimal commas, spaces or no-break spaces between digits, a trailing %: cleaned only
        # where the plain parse failed, each distinct text once.
        table = {
            v: str(v).replace("\u00a0", "").replace(" ", "").replace(",", ".").rstrip("%")
            for v in values[retry].unique()
        }
        numbers[retry] = pd.to_numeric(values[retry].map(table), errors="coerce")
        present = present & values.map(lambda v: str(v).strip() != "", na_action="ignore").fillna(False).astype(bool)
    bad = present & numbers.isna()
    if column.type in ("integer", "year"):
        fractional = numbers.notna() & (numbers % 1 != 0)
        _report(fractional, values, column, position, rows, locate, findings, "is not a whole number")
        numbers = numbers.where(~fractional)
    low, high = column.lowest(), column.max
    if low is not None:
        below = numbers.notna() & (numbers < low)
        _report(below, values, column, position, rows, locate, findings, f"is below {low:g}, the least it can be")
        numbers = numbers.where(~below)
    if high is not None:
        above = numbers.notna() & (numbers > high)
        _report(above, values, column, position, rows, locate, findings, f"is above {high:g}, the most it can be")
        numbers = numbers.where(~above)
    _report(bad, values, column, position, rows, locate, findings, "is not a number")
    return numbers


def _excel_errors(
    path: Path,
    sheet: str | None,
    frame: Any,
    mapping: dict[str, int],
    spec: SourceSpec,
    locate: Any,
    findings: list[Finding],
) -> None:
    """Leave out, and report, cells holding an Excel error (#DIV/0!, #N/A …): a broken formula is no value.

    An .xlsx keeps them as error cells (which the reader gives as empty); a CSV saved by
    Excel writes their text.
    """
    stored = excel_error_cells(path, sheet) if sheet and path.suffix.lower() in (".xlsx", ".xlsm") else {}
    for name, position in mapping.items():
        column = frame[name]
        found = {int(i): str(column[i]).strip() for i in column.index[column.isin(EXCEL_ERRORS)]}
        found.update({row: code for (row, col), code in stored.items() if col == position and row in frame.index})
        for row, code in sorted(found.items())[:200]:
            findings.append(
                warning(
                    "excel-error",
                    locate(row, position),
                    f"column '{spec.columns[name].names[0]}' holds the Excel error {code}, not a value; it is left out",
                    "fix the formula in the workbook (or the value it divides by) and save it again",
                )
            )
            frame.loc[row, name] = None


def _report(
    bad: Any, values: Any, column: ColumnSpec, position: int, rows: Any, locate: Any, findings: list[Finding], why: str
) -> None:
    for index in bad[bad].index[:200]:  # enough to find the pattern; the count says the rest
        findings.append(
            warning(
                "bad-value",
                locate(int(rows[index]), position),
                f"column '{column.names[0]}': '{values[index]}' {why}; this value is left out",
                "correct the cell, or leave it empty",
            )
        )
    extra = int(bad.sum()) - 200
    if extra > 0:
        findings.append(
            warning(
                "bad-value",
                locate(int(rows[bad[bad].index[200]]), position),
                f"column '{column.names[0]}': {extra} more values like these are left out",
            )
        )


def _find_header(grid: list[list[Any]], spec: SourceSpec) -> tuple[int | None, dict[str, int]]:
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
