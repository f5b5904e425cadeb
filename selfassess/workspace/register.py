"""The evidence register read from YAML, Excel or CSV into evidence items, with locations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from selfassess.errors import Finding, Location, error, warning
from selfassess.evidence_item import EvidenceItem
from selfassess.messages import t, tn
from selfassess.sheets import CONTROL, clean
from selfassess.textnorm import did_you_mean, fold
from selfassess.workspace.plain_words import problem
from selfassess.workspace.register_columns import (
    COLUMNS,
    EXPIRY_HINT,
    HEADER_EXAMPLE,
    HEADER_NAMES,
    IGNORED_COLUMNS,
    LIST_FIELDS,
    PREFERRED_SHEETS,
    REQUIRED_COLUMNS,
    find_header,
    layout_note,
    layout_row,
    shifted_row,
    suggest_field,
)
from selfassess.workspace.spreadsheet import (
    CsvError,
    csv_grid,
    decode_text,
    read_as_cp1251,
    uncalculated_formulas,
    xlsx_grid,
)
from selfassess.workspace.workbook_parts import TooLarge, column_letter
from selfassess.workspace.yaml_cache import parsed
from selfassess.workspace.yamlfile import LineDict, read_yaml

RegisterRead = tuple[list[EvidenceItem], list[tuple[Location, Location]], list[Finding]]
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")  # read by calamine; .xls and .ods measured first


@dataclass(slots=True)
class RawRow:
    """One register row as read: values by field, and where each value came from."""

    values: dict[str, Any]
    where: Location
    cells: dict[str, Location] | Callable[[str], Location] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)

    def location(self, name: str) -> Location:
        # Table rows locate a cell only when a problem needs it: most rows have none.
        if callable(self.cells):
            return self.cells(name)
        return self.cells.get(name, self.where)

    def column(self, name: str) -> str:
        return self.columns.get(name, name)


def read_register(path: Path, shown: str, cache_dir: Path | None = None) -> RegisterRead:
    """Return the register's items, each item's row and criteria cell (same order), and the problems."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows, findings = _yaml_rows(path, shown, cache_dir)
    elif suffix in WORKBOOKS:
        rows, findings = _xlsx_rows(path, shown)
    elif suffix in (".csv", ".tsv", ".txt"):
        rows, findings = _csv_rows(path, shown)
    else:
        said = t("cannot read a register in '{suffix}' format", suffix=suffix)
        return [], [], [error("register-format", Location(shown), said, t("use .xlsx, .xls, .ods, .csv or .yaml"))]
    items, places, empty = [], [], {}
    for row in rows:
        item, problems = _item(row, empty)
        findings.extend(problems)
        if item is not None:
            items.append(item)
            places.append((row.where, row.location("criteria")))
    if suffix in (".xlsx", ".xlsm"):
        findings = _explain_formulas(path, findings, empty)
    return items, places, findings


def _explain_formulas(path: Path, findings: list[Finding], empty: dict[int, tuple[object, str]]) -> list[Finding]:
    """Say so when an empty cell holds a formula Excel never calculated: the cell is not empty
    in Excel, and "is empty" would send the user looking for a value that is there.

    `empty`: the findings of empty cells (by id) with their item and column."""
    sheet = next((f.where.sheet for f in findings if id(f) in empty and f.where and f.where.sheet), None)
    formulas = uncalculated_formulas(path, sheet) if sheet else {}
    if not formulas:
        return findings
    explained = []
    for finding in findings:
        formula = formulas.get(finding.where.cell or "") if id(finding) in empty and finding.where else None
        if formula:
            ident, column = empty[id(finding)]
            finding = replace(
                finding,
                message=t(
                    "{ident}: column '{column}' holds a formula ({formula}) with no result stored, "
                    "so it reads as empty",
                    ident=ident,
                    column=column,
                    formula=formula[:60],
                ),
                hint=t(
                    "open the file in Excel and save it (with calculation set to automatic) so that the result "
                    "is stored, or type the value instead of the formula"
                ),
            )
        explained.append(finding)
    return explained


def _item(row: RawRow, empty: dict[int, tuple[object, str]]) -> tuple[EvidenceItem | None, list[Finding]]:
    try:
        return EvidenceItem.model_validate(row.values), []
    except ValidationError as exc:
        ident = row.values.get("id") or t("this row")
        findings = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else None
            if name is None:
                message = t("{ident}: {problem}", ident=ident, problem=problem(err))
            elif err["type"] in ("missing", "string_too_short"):
                message = t("{ident}: column '{column}' is empty", ident=ident, column=row.column(name))
            else:
                said = problem(err)
                message = t("{ident}: column '{column}' {problem}", ident=ident, column=row.column(name), problem=said)
            # The expiry column takes a date or a period: its problem names both.
            hint = t(EXPIRY_HINT) if name == "valid_until" else None
            finding = error(
                "invalid-evidence", row.location(name) if name else row.where, message, hint, evidence=str(ident)
            )
            if name is not None and err["type"] in ("missing", "string_too_short"):
                empty[id(finding)] = (ident, row.column(name))
            findings.append(finding)
        return None, findings


def _yaml_rows(path: Path, shown: str, cache_dir: Path | None = None) -> tuple[list[RawRow], list[Finding]]:
    data, findings = read_yaml(path, shown, cache=partial(parsed, path, cache_dir) if cache_dir else None)
    if findings:
        return [], findings
    if isinstance(data, dict) and isinstance(data.get("evidence"), list):
        data = data["evidence"]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [
            error(
                "invalid-register",
                Location(shown, 1),
                t("the register must be a list of items, each starting with '- id:'"),
            )
        ]
    rows = []
    for entry in data:
        line = getattr(entry, "line", None)
        if not isinstance(entry, LineDict):
            findings.append(
                error(
                    "invalid-register",
                    Location(shown, line),
                    t("expected an item with keys (id, title, …), found {value}", value=repr(entry)),
                )
            )
            continue
        values: dict[str, Any] = {}
        cells: dict[str, Location] = {}
        for key, value in entry.items():
            key_line = entry.key_lines.get(key, line)
            if key not in COLUMNS:
                close = did_you_mean(str(key), list(COLUMNS))
                findings.append(
                    error(
                        "unknown-field",
                        Location(shown, key_line),
                        t("{ident}: unknown key '{key}'", ident=entry.get("id", t("this item")), key=key),
                        t("did you mean '{name}'?", name=close)
                        if close
                        else t("allowed keys: {keys}", keys=", ".join(COLUMNS)),
                    )
                )
                continue
            values[key] = value
            cells[key] = Location(shown, key_line)
        rows.append(RawRow(values, Location(shown, line), cells))
    return rows, findings


def _table_rows(
    grid: list[list[Any]],
    locate: Any,
    where_row: Any,
    shown: str,
    header_fix: str,
    csv: bool = False,
) -> tuple[list[RawRow], list[Finding]]:
    """Turn a grid of cells (Excel sheet or CSV) into raw rows, using its header row.

    `csv`: the grid is a text file, where a row with more cells than the header has a
    separator too many and every cell after it has shifted.
    """
    found = find_header(grid)
    if found is None:
        return [], [
            error(
                "no-header",
                where_row(0),
                t("cannot find the header row naming the columns"),
                t("the first rows must name the columns, e.g. {example}", example=header_fix),
            )
        ]
    header_index, mapping, units, twins = found
    findings: list[Finding] = []
    header = grid[header_index]
    column_name = (lambda i: str(i + 1)) if csv else column_letter
    column_of = {name: index for index, name in mapping.items()}
    for name in dict.fromkeys(twins.values()):
        first = column_of[name]
        others = [i for i, n in twins.items() if n == name]
        before = ", ".join(column_name(i) for i in [first, *others[:-1]])
        places = t("{items} and {last}", items=before, last=column_name(others[-1]))
        said = {"label": str(header[first]).strip(), "places": places, "name": name, "first": column_name(first)}
        if name in LIST_FIELDS:
            text = tn(
                "the column '{label}' appears {n} time (column {places}); the {name} of all of them are read together",
                "the column '{label}' appears {n} times (columns {places}); the {name} of all of them are read "
                "together",
                len(others) + 1,
                **said,
            )
            hint = t("merge them into one column")
        else:
            text = tn(
                "the column '{label}' appears {n} time (column {places}); only the first ({first}) is read",
                "the column '{label}' appears {n} times (columns {places}); only the first ({first}) is read",
                len(others) + 1,
                **said,
            )
            hint = t("merge them into one column, or delete or rename the one that is not current")
        findings.append(warning("duplicate-column", locate(header_index, others[0]), text, hint))
    missing = [name for name in REQUIRED_COLUMNS if name not in mapping.values()]
    if "file" not in mapping.values() and "url" not in mapping.values():
        missing.append("file")
    for name in missing:
        findings.append(
            error(
                "missing-column",
                where_row(header_index),
                t("there is no '{name}' column", name=name),
                t("add a column headed {header}", header=t(HEADER_NAMES[name])),
            )
        )
    for index, cell in enumerate(header):
        if (
            index not in mapping
            and index not in twins
            and cell not in (None, "")
            and fold(str(cell)) not in IGNORED_COLUMNS
        ):
            close = suggest_field(cell, set(mapping.values()))
            findings.append(
                warning(
                    "unknown-column",
                    locate(header_index, index),
                    t("the column '{name}' is not one selfassess reads; it is ignored", name=cell),
                    t("did you mean '{name}'?", name=close) if close else None,
                )
            )
    if missing:
        return [], findings
    labels = {name: str(header[index]).strip() for index, name in mapping.items()}
    pairs = list(mapping.items())
    more = [(index, name) for index, name in twins.items() if name in LIST_FIELDS]
    header_width = max((i + 1 for i, c in enumerate(header) if c is not None and str(c).strip()), default=0)
    span, layout = max(2, len(pairs) // 2 + 1), []  # a heading merged across most of the row
    rows = []
    for number in range(header_index + 1, len(grid)):
        cells = grid[number]
        width = len(cells)
        if csv and width > header_width and any(str(c).strip() for c in cells[header_width:]):
            findings.append(shifted_row(cells, header_width, mapping, where_row(number)))
            continue
        values = {}
        for index, name in pairs:
            if index < width:
                value = cells[index]
                if value.__class__ is str:
                    value = value.strip()
                    if CONTROL.search(value):
                        # Invisible characters pasted from other software (a NUL, a form feed)
                        # would break every document the text reaches: removed, and said.
                        value = clean(value)
                        findings.append(
                            warning(
                                "control-characters",
                                locate(number, index),
                                t(
                                    "the cell held invisible control characters; they were removed: {text}",
                                    text=repr(value[:40]),
                                ),
                                t("retype the cell if its text looks wrong"),
                            )
                        )
                elif value.__class__ is float and value.is_integer():
                    value = int(value)  # Excel stores the id 12 as 12.0
                if value is not None and value != "":
                    values[name] = value
        if values and layout_row(cells, values, span):
            layout.append(number)
            continue
        located = column_of
        for index, name in more:
            value = cells[index] if index < width else None
            text = value.strip() if isinstance(value, str) else value
            if text is None or text == "":
                continue
            if name in values:
                values[name] = f"{values[name]}; {text}"
            else:
                values[name] = text
                located = {**located, name: index}  # the only cell holding them is the one pointed at
        if not values:
            continue
        if "validity" in units and re.fullmatch(r"\d+(\.0)?", str(values.get("validity", ""))):
            values["validity"] = f"{int(float(values['validity']))} {units['validity']}"
        rows.append(RawRow(values, where_row(number), partial(_locate_cell, locate, number, located), labels))
    if layout:  # one line, shown with -v
        findings.append(layout_note([where_row(number) for number in layout]))
    return rows, findings


def _locate_cell(locate: Callable[[int, int], Location], number: int, column_of: dict[str, int], name: str) -> Location:
    return locate(number, column_of[name]) if name in column_of else locate(number, 0)


def _xlsx_rows(path: Path, shown: str) -> tuple[list[RawRow], list[Finding]]:
    from python_calamine import CalamineError

    try:
        name, grid = xlsx_grid(path, PREFERRED_SHEETS, as_shown=True)
    except TooLarge as exc:
        return [], [error("sheet-too-large", Location(shown, sheet=exc.sheet, cell=exc.cell), exc.reason, exc.hint)]
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        return [], [
            error(
                "unreadable",
                Location(shown),
                t("cannot open the Excel file: it is not an Excel workbook inside (another kind of file renamed?)")
                if "zip" in str(exc).lower()
                else t("cannot open the Excel file ({error})", error=exc),
                t("open it in Excel and save it again as .xlsx"),
            )
        ]
    return _table_rows(
        grid,
        lambda r, c: Location(shown, sheet=name, cell=f"{column_letter(c)}{r + 1}"),
        lambda r: Location(shown, sheet=name, cell=f"A{r + 1}"),
        shown,
        HEADER_EXAMPLE,
    )


def _csv_rows(path: Path, shown: str) -> tuple[list[RawRow], list[Finding]]:
    text, encoding = decode_text(path.read_bytes())
    findings: list[Finding] = []
    if encoding == "cp1251":
        findings.append(
            read_as_cp1251(shown, t("in Excel, save as 'CSV UTF-8 (Comma delimited)' to keep Kyrgyz letters"))
        )
    try:
        grid, lines = csv_grid(text)
    except CsvError as exc:  # the rows before the broken line are still read
        grid, lines = exc.grid, exc.lines
        findings.append(error("unreadable", Location(shown, exc.line), str(exc), t("save it again from Excel as CSV")))
    rows, more = _table_rows(
        grid,
        lambda r, c: Location(shown, lines[r]),
        lambda r: Location(shown, lines[r] if r < len(lines) else 1),
        shown,
        HEADER_EXAMPLE.replace(" | ", ";"),
        csv=True,
    )
    return rows, findings + more
