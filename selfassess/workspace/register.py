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
from selfassess.sheets import CONTROL, clean
from selfassess.textnorm import did_you_mean, fold
from selfassess.workspace.register_columns import (
    ALIAS_TO_FIELD,
    COLUMNS,
    HEADER_NAMES,
    IGNORED_COLUMNS,
    LIST_FIELDS,
    PREFERRED_SHEETS,
    REQUIRED_COLUMNS,
    find_header,
)
from selfassess.workspace.spreadsheet import CsvError, csv_grid, decode_text, uncalculated_formulas, xlsx_grid
from selfassess.workspace.workbook_parts import TooLarge, column_letter
from selfassess.workspace.yamlfile import LineDict, read_yaml


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


def read_register(path: Path, shown: str) -> tuple[list[EvidenceItem], list[tuple[Location, Location]], list[Finding]]:
    """Return the register's items, each item's row and criteria cell (same order), and the problems."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows, findings = _yaml_rows(path, shown)
    elif suffix in (".xlsx", ".xlsm"):
        rows, findings = _xlsx_rows(path, shown)
    elif suffix in (".csv", ".tsv", ".txt"):
        rows, findings = _csv_rows(path, shown)
    else:
        return (
            [],
            [],
            [
                error(
                    "register-format",
                    Location(shown),
                    f"cannot read a register in '{suffix}' format",
                    "use .xlsx, .csv or .yaml",
                )
            ],
        )
    items, places = [], []
    for row in rows:
        item, problems = _item(row)
        findings.extend(problems)
        if item is not None:
            items.append(item)
            places.append((row.where, row.location("criteria")))
    if suffix in (".xlsx", ".xlsm"):
        findings = _explain_formulas(path, findings)
    return items, places, findings


def _explain_formulas(path: Path, findings: list[Finding]) -> list[Finding]:
    """Say so when an empty cell holds a formula Excel never calculated: the cell is not empty
    in Excel, and "is empty" would send the user looking for a value that is there."""
    empty = {id(f): f for f in findings if f.code == "invalid-evidence" and f.message.endswith(" is empty")}
    sheet = next((f.where.sheet for f in empty.values() if f.where and f.where.sheet), None)
    formulas = uncalculated_formulas(path, sheet) if sheet else {}
    if not formulas:
        return findings
    explained = []
    for finding in findings:
        formula = formulas.get(finding.where.cell or "") if id(finding) in empty and finding.where else None
        if formula:
            finding = replace(
                finding,
                message=finding.message.removesuffix("is empty")
                + f"holds a formula ({formula[:60]}) with no result stored, so it reads as empty",
                hint="open the file in Excel and save it (with calculation set to automatic) so that the result "
                "is stored, or type the value instead of the formula",
            )
        explained.append(finding)
    return explained


def _item(row: RawRow) -> tuple[EvidenceItem | None, list[Finding]]:
    try:
        return EvidenceItem.model_validate(row.values), []
    except ValidationError as exc:
        ident = row.values.get("id") or "this row"
        findings = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else None
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] in ("missing", "string_too_short"):
                message = "is empty"
            where = row.location(name) if name else row.where
            subject = f"{ident}: column '{row.column(name)}'" if name else f"{ident}"
            findings.append(
                error(
                    "invalid-evidence",
                    where,
                    f"{subject} {message}" if name else f"{subject}: {message}",
                    evidence=str(ident),
                )
            )
        return None, findings


def _yaml_rows(path: Path, shown: str) -> tuple[list[RawRow], list[Finding]]:
    data, findings = read_yaml(path, shown)
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
                "the register must be a list of items, each starting with '- id:'",
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
                    f"expected an item with keys (id, title, …), found {entry!r}",
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
                        f"{entry.get('id', 'this item')}: unknown key '{key}'",
                        f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(COLUMNS)}",
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
                "cannot find the header row naming the columns",
                f"the first rows must name the columns, e.g. {header_fix}",
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
        places = ", ".join(column_name(i) for i in [first, *others[:-1]]) + f" and {column_name(others[-1])}"
        label = str(header[first]).strip()
        if name in LIST_FIELDS:
            said, hint = f"the {name} of all of them are read together", "merge them into one column"
        else:
            said = f"only the first ({column_name(first)}) is read"
            hint = "merge them into one column, or delete or rename the one that is not current"
        findings.append(
            warning(
                "duplicate-column",
                locate(header_index, others[0]),
                f"the column '{label}' appears {len(others) + 1} times (columns {places}); {said}",
                hint,
            )
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in mapping.values()]
    if "file" not in mapping.values() and "url" not in mapping.values():
        missing.append("file")
    for name in missing:
        findings.append(
            error(
                "missing-column",
                where_row(header_index),
                f"there is no '{name}' column",
                f"add a column headed {HEADER_NAMES[name]}",
            )
        )
    for index, cell in enumerate(header):
        if (
            index not in mapping
            and index not in twins
            and cell not in (None, "")
            and fold(str(cell)) not in IGNORED_COLUMNS
        ):
            close = did_you_mean(str(cell), ALIAS_TO_FIELD)
            findings.append(
                warning(
                    "unknown-column",
                    locate(header_index, index),
                    f"the column '{cell}' is not one selfassess reads; it is ignored",
                    f"did you mean '{close}'?" if close else None,
                )
            )
    if missing:
        return [], findings
    labels = {name: str(header[index]).strip() for index, name in mapping.items()}
    pairs = list(mapping.items())
    more = [(index, name) for index, name in twins.items() if name in LIST_FIELDS]
    header_width = max((i + 1 for i, c in enumerate(header) if c is not None and str(c).strip()), default=0)
    rows = []
    for number in range(header_index + 1, len(grid)):
        cells = grid[number]
        width = len(cells)
        if csv and width > header_width and any(str(c).strip() for c in cells[header_width:]):
            findings.append(_shifted_row(cells, header_width, mapping, where_row(number)))
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
                                f"the cell held invisible control characters; they were removed: {value[:40]!r}",
                                "retype the cell if its text looks wrong",
                            )
                        )
                elif value.__class__ is float and value.is_integer():
                    value = int(value)  # Excel stores the id 12 as 12.0
                if value is not None and value != "":
                    values[name] = value
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
    return rows, findings


def _shifted_row(cells: list[Any], header_width: int, mapping: dict[int, str], where: Location) -> Finding:
    """Return the error of a CSV line with cells past the header: a value holding the separator
    was not quoted, every cell after it has moved one column right, and none can be trusted."""
    filled = max(i + 1 for i, c in enumerate(cells) if str(c).strip())
    ident = next((str(cells[i]).strip() for i, name in mapping.items() if name == "id" and i < len(cells)), "")
    return error(
        "malformed-row",
        where,
        f"{ident or 'this row'}: the line has {filled} cells but the header names {header_width}; "
        "a value holding the separator has moved the cells after it, so the row is not read",
        'put a value holding a comma or semicolon in quotes ("t:1.1, t:1.2"), or save the table again '
        "from Excel as CSV",
        evidence=ident or None,
    )


def _locate_cell(locate: Callable[[int, int], Location], number: int, column_of: dict[str, int], name: str) -> Location:
    return locate(number, column_of[name]) if name in column_of else locate(number, 0)


HEADER_EXAMPLE = "Код | Наименование | Файл | Вид | Критерии"


def _xlsx_rows(path: Path, shown: str) -> tuple[list[RawRow], list[Finding]]:
    from python_calamine import CalamineError

    try:
        name, grid = xlsx_grid(path, PREFERRED_SHEETS)
    except TooLarge as exc:
        return [], [error("sheet-too-large", Location(shown, sheet=exc.sheet, cell=exc.cell), exc.reason, exc.hint)]
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        return [], [
            error(
                "unreadable",
                Location(shown),
                f"cannot open the Excel file ({exc})",
                "open it in Excel and save it again as .xlsx",
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
            warning(
                "encoding",
                Location(shown),
                "the file is not UTF-8; it was read as Windows-1251 (Cyrillic). Windows-1251 has no ң, ө, ү",
                "in Excel, save as 'CSV UTF-8 (Comma delimited)' to keep Kyrgyz letters",
            )
        )
    try:
        grid, lines = csv_grid(text)
    except CsvError as exc:  # the rows before the broken line are still read
        grid, lines = exc.grid, exc.lines
        findings.append(error("unreadable", Location(shown, exc.line), str(exc), "save it again from Excel as CSV"))
    rows, more = _table_rows(
        grid,
        lambda r, c: Location(shown, lines[r]),
        lambda r: Location(shown, lines[r] if r < len(lines) else 1),
        shown,
        HEADER_EXAMPLE.replace(" | ", ";"),
        csv=True,
    )
    return rows, findings + more
