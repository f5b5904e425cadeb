"""A data source's cells typed and checked: numbers, dates, declared values, Excel errors.

Every cell that does not fit is reported with its row and left out, never read as something else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selfassess.data.raw_table import row_list
from selfassess.data.source_spec import ColumnSpec, SourceSpec
from selfassess.data.values import ValueSet
from selfassess.errors import Finding, error, warning
from selfassess.textnorm import fold
from selfassess.workspace.spreadsheet import EXCEL_ERRORS, excel_error_cells

PLAUSIBLE = 1e15  # the largest magnitude a number in a data source may have


def convert(values: Any, column: ColumnSpec, position: int, rows: Any, locate: Any, findings: list[Finding]) -> Any:
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
        return text.map(stripped)
    if column.type == "date":
        from selfassess.values import parse_date

        def date_or_none(v: Any) -> Any:
            try:
                return parse_date(v)
            except ValueError:
                return pd.NaT

        converted = values.map(date_or_none, na_action="ignore")
        bad = present & converted.isna()
        report_cells(bad, values, column, position, rows, locate, findings, "is not a date")
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
    # "inf", "1e308" or a 38-digit code read as a number would overflow every sum and ratio
    # after it; no count, score or amount a university reports comes near 10^15.
    absurd = numbers.notna() & (numbers.abs() > PLAUSIBLE)
    if absurd.any():
        why = "is not a plausible value (infinite, or beyond 10^15)"
        report_cells(absurd, values, column, position, rows, locate, findings, why)
        numbers = numbers.where(~absurd)
    if column.type in ("integer", "year"):
        fractional = numbers.notna() & (numbers % 1 != 0)
        report_cells(fractional, values, column, position, rows, locate, findings, "is not a whole number")
        numbers = numbers.where(~fractional)
    low, high = column.lowest(), column.max
    if low is not None:
        below = numbers.notna() & (numbers < low)
        report_cells(below, values, column, position, rows, locate, findings, f"is below {low:g}, the least it can be")
        numbers = numbers.where(~below)
    if high is not None:
        above = numbers.notna() & (numbers > high)
        report_cells(above, values, column, position, rows, locate, findings, f"is above {high:g}, the most it can be")
        numbers = numbers.where(~above)
    report_cells(bad, values, column, position, rows, locate, findings, "is not a number")
    return numbers


def resolve_values(
    text: Any,
    column: ColumnSpec,
    value_set: ValueSet,
    position: int,
    rows: Any,
    locate: Any,
    findings: list[Finding],
) -> Any:
    """Return the column with every spelling replaced by its canonical value.

    A value outside the set is dropped, an error, or kept, as the column declares; each such
    value is reported once with how many rows hold it, never once per cell and never silently.
    """
    distinct = list(text.dropna().unique())
    table = {v: value_set.resolve(str(v)) for v in distinct}
    # "—", "-" or "?" in a group column says there is no value: it is an empty cell, not a group.
    unknown = [v for v in distinct if table[v] is None and fold(str(v))]
    if column.other == "keep":
        table.update((v, v) for v in unknown)
        return text.map(table)
    report = error if column.other == "error" else warning
    canonical = value_set.canonical()
    held = text[text.isin(set(unknown))]
    lines_of = {v: sorted(int(rows[i]) for i in index) for v, index in held.groupby(held, sort=False).groups.items()}
    for value in sorted(unknown, key=lambda v: lines_of[v][0])[:20]:
        lines = lines_of[value]
        ambiguous = value_set.ambiguous.get(fold(str(value)))
        close = value_set.suggest(str(value))
        if ambiguous:
            why = f"names more than one of them ({', '.join(ambiguous)})"
        elif len(canonical) <= 8:
            why = f"is not one of {', '.join(canonical)}"
        else:
            why = f"is none of the {len(canonical)} values declared in {value_set.declared_in}"
        rows_text = f"row {lines[0]}" if len(lines) == 1 else f"{len(lines)} rows ({row_list(lines)})"
        # A code one digit off another (580200, 580100) is another programme, not a typo.
        hint = f"did you mean '{close}'? " if close and not ambiguous and not _code_like(str(value)) else ""
        if value_set.declared_in.startswith("selfassess.yaml"):
            hint += f"if it is one of ours, add it (or this spelling as an alias) to {value_set.declared_in}"
        else:
            hint += "add it to 'values:' as another spelling of the one it means"
        hint += "; to keep undeclared values as groups of their own, write other: keep for the column"
        findings.append(
            report(
                "unknown-value",
                locate(lines[0], position),
                f"column '{column.names[0]}': '{value}' {why}; left out of the groups in {rows_text} "
                "(counted in totals only)",
                hint,
            )
        )
    if len(unknown) > 20:
        rest = sum(len(lines_of[v]) for v in unknown[20:])
        findings.append(
            report(
                "unknown-value",
                locate(min(lines_of[v][0] for v in unknown[20:]), position),
                f"column '{column.names[0]}': {len(unknown) - 20} more values not declared, "
                f"in {rest} rows, are left out",
            )
        )
    return text.map(table)


def _code_like(text: str) -> bool:
    """Return True for codes such as 580100 or 05.03.01, which differ by a digit on purpose."""
    return sum(c.isdigit() for c in text) * 2 > len(text.strip())


def excel_errors(
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


def report_cells(
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
