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
from selfassess.messages import N_, t, tn
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
        message = N_("column '{column}': '{value}' is not a date; this value is left out")
        report_cells(bad, values, column, position, rows, locate, findings, message)
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
        message = N_(
            "column '{column}': '{value}' is not a plausible value (infinite, or beyond 10^15); this value is left out"
        )
        report_cells(absurd, values, column, position, rows, locate, findings, message)
        numbers = numbers.where(~absurd)
    if column.type in ("integer", "year"):
        fractional = numbers.notna() & (numbers % 1 != 0)
        message = N_("column '{column}': '{value}' is not a whole number; this value is left out")
        report_cells(fractional, values, column, position, rows, locate, findings, message)
        numbers = numbers.where(~fractional)
    low, high = column.lowest(), column.max
    if low is not None:
        below = numbers.notna() & (numbers < low)
        message = N_("column '{column}': '{value}' is below {low}, the least it can be; this value is left out")
        report_cells(below, values, column, position, rows, locate, findings, message, low=f"{low:g}")
        numbers = numbers.where(~below)
    if high is not None:
        above = numbers.notna() & (numbers > high)
        message = N_("column '{column}': '{value}' is above {high}, the most it can be; this value is left out")
        report_cells(above, values, column, position, rows, locate, findings, message, high=f"{high:g}")
        numbers = numbers.where(~above)
    message = N_("column '{column}': '{value}' is not a number; this value is left out")
    report_cells(bad, values, column, position, rows, locate, findings, message)
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
        shown = {"column": column.names[0], "value": value, "line": lines[0], "lines": row_list(lines)}
        # A code one digit off another (580200, 580100) is another programme, not a typo.
        hints = (
            [t("did you mean '{close}'?", close=close)]
            if close and not ambiguous and not _code_like(str(value))
            else []
        )
        if value_set.declared_in.startswith("selfassess.yaml"):
            hints.append(
                t(
                    "if it is one of ours, add it (or this spelling as an alias) to {file}; "
                    "to keep undeclared values as groups of their own, write other: keep for the column",
                    file=value_set.declared_in,
                )
            )
        else:
            hints.append(
                t(
                    "add it to 'values:' as another spelling of the one it means; "
                    "to keep undeclared values as groups of their own, write other: keep for the column"
                )
            )
        findings.append(
            report(
                "unknown-value",
                locate(lines[0], position),
                _unknown_message(ambiguous, canonical, value_set.declared_in, len(lines), shown),
                " ".join(hints),
            )
        )
    if len(unknown) > 20:
        rest = sum(len(lines_of[v]) for v in unknown[20:])
        findings.append(
            report(
                "unknown-value",
                locate(min(lines_of[v][0] for v in unknown[20:]), position),
                tn(
                    "column '{column}': {n} more values not declared, in {rows} rows, are left out",
                    "column '{column}': {n} more values not declared, in {rows} rows, are left out",
                    len(unknown) - 20,
                    column=column.names[0],
                    rows=rest,
                ),
            )
        )
    return text.map(table)


def _unknown_message(
    ambiguous: tuple[str, ...] | None, canonical: list[str], declared_in: str, count: int, shown: dict[str, object]
) -> str:
    """Return why a value is left out of the groups, and where: in one row, or in `count` rows."""
    if ambiguous:
        values = ", ".join(ambiguous)
        if count == 1:
            return t(
                "column '{column}': '{value}' names more than one of them ({values}); "
                "left out of the groups in row {line} (counted in totals only)",
                values=values,
                **shown,
            )
        return tn(
            "column '{column}': '{value}' names more than one of them ({values}); "
            "left out of the groups in {n} rows ({lines}) (counted in totals only)",
            "column '{column}': '{value}' names more than one of them ({values}); "
            "left out of the groups in {n} rows ({lines}) (counted in totals only)",
            count,
            values=values,
            **shown,
        )
    if len(canonical) <= 8:
        values = ", ".join(canonical)
        if count == 1:
            return t(
                "column '{column}': '{value}' is not one of {values}; "
                "left out of the groups in row {line} (counted in totals only)",
                values=values,
                **shown,
            )
        return tn(
            "column '{column}': '{value}' is not one of {values}; "
            "left out of the groups in {n} rows ({lines}) (counted in totals only)",
            "column '{column}': '{value}' is not one of {values}; "
            "left out of the groups in {n} rows ({lines}) (counted in totals only)",
            count,
            values=values,
            **shown,
        )
    if count == 1:
        return t(
            "column '{column}': '{value}' is none of the {count} values declared in {file}; "
            "left out of the groups in row {line} (counted in totals only)",
            count=len(canonical),
            file=declared_in,
            **shown,
        )
    return tn(
        "column '{column}': '{value}' is none of the {count} values declared in {file}; "
        "left out of the groups in {n} rows ({lines}) (counted in totals only)",
        "column '{column}': '{value}' is none of the {count} values declared in {file}; "
        "left out of the groups in {n} rows ({lines}) (counted in totals only)",
        count,
        count=len(canonical),
        file=declared_in,
        **shown,
    )


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
                    t(
                        "column '{column}' holds the Excel error {code}, not a value; it is left out",
                        column=spec.columns[name].names[0],
                        code=code,
                    ),
                    t("fix the formula in the workbook (or the value it divides by) and save it again"),
                )
            )
            frame.loc[row, name] = None


def report_cells(
    bad: Any,
    values: Any,
    column: ColumnSpec,
    position: int,
    rows: Any,
    locate: Any,
    findings: list[Finding],
    message: str,
    **extra: object,
) -> None:
    """Report each bad cell with `message` (a msgid with {column}, {value} and the `extra` values)."""
    for index in bad[bad].index[:200]:  # enough to find the pattern; the count says the rest
        findings.append(
            warning(
                "bad-value",
                locate(int(rows[index]), position),
                t(message, column=column.names[0], value=values[index], **extra),
                t("correct the cell, or leave it empty"),
            )
        )
    more = int(bad.sum()) - 200
    if more > 0:
        findings.append(
            warning(
                "bad-value",
                locate(int(rows[bad[bad].index[200]]), position),
                tn(
                    "column '{column}': {n} more values like these are left out",
                    "column '{column}': {n} more values like these are left out",
                    more,
                    column=column.names[0],
                ),
            )
        )
