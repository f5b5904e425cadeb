"""The evidence register read from YAML, Excel or CSV into evidence items, with locations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from selfassess.errors import Finding, Location, error, warning
from selfassess.models import EvidenceItem
from selfassess.sheets import CONTROL, clean
from selfassess.textnorm import did_you_mean, fold
from selfassess.workspace.register_columns import (
    ALIAS_TO_FIELD,
    COLUMNS,
    HEADER_NAMES,
    HEADER_SEARCH_ROWS,
    IGNORED_COLUMNS,
    PREFERRED_SHEETS,
    REQUIRED_COLUMNS,
)
from selfassess.workspace.spreadsheet import CsvError, column_letter, csv_grid, decode_text, xlsx_grid
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
    return items, places, findings


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


_QUALIFIER = re.compile(r"[(,:;]")
_MONTH_WORDS = ("мес", "месяц", "месяцев", "month", "months", "ай")
_YEAR_WORDS = ("лет", "год", "года", "year", "years", "жыл")


def _header_field(cell: object) -> tuple[str | None, str | None]:
    """Return the field a header names and, for validity columns, the unit its numbers are in.

    "Критерии (через ;)" is criteria; "Срок действия, мес" holds periods in months; a header
    is matched whole, or by its part before a bracket or comma, never by a loose prefix
    ("Ссылка на файл" is not the web-address column).
    """
    text = str(cell)
    head, *tail = _QUALIFIER.split(text, maxsplit=1)
    name = ALIAS_TO_FIELD.get(fold(text)) or ALIAS_TO_FIELD.get(fold(head))
    words = fold(" ".join(tail) or text).split()
    unit = (
        "months" if any(w in _MONTH_WORDS for w in words) else "years" if any(w in _YEAR_WORDS for w in words) else None
    )
    if name in ("valid_until", "validity") and unit:
        return "validity", unit
    return name, None


def _header_map(cells: list[Any]) -> tuple[dict[int, str], dict[str, str]]:
    mapping: dict[int, str] = {}
    units: dict[str, str] = {}
    for index, cell in enumerate(cells):
        if cell is None or cell == "":
            continue
        name, unit = _header_field(cell)
        if name and name not in mapping.values():
            mapping[index] = name
            if unit:
                units[name] = unit
    return mapping, units


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], dict[str, str]] | None:
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping, units = _header_map(cells)
        if len(mapping) >= 3 and ("id" in mapping.values() or "title" in mapping.values()):
            return number, mapping, units
    return None


def _table_rows(
    grid: list[list[Any]],
    locate: Any,
    where_row: Any,
    shown: str,
    header_fix: str,
) -> tuple[list[RawRow], list[Finding]]:
    """Turn a grid of cells (Excel sheet or CSV) into raw rows, using its header row."""
    found = _find_header(grid)
    if found is None:
        return [], [
            error(
                "no-header",
                where_row(0),
                "cannot find the header row naming the columns",
                f"the first rows must name the columns, e.g. {header_fix}",
            )
        ]
    header_index, mapping, units = found
    findings: list[Finding] = []
    header = grid[header_index]
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
        if index not in mapping and cell not in (None, "") and fold(str(cell)) not in IGNORED_COLUMNS:
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
    column_of = {name: index for index, name in mapping.items()}
    pairs = list(mapping.items())
    rows = []
    for number in range(header_index + 1, len(grid)):
        cells = grid[number]
        width = len(cells)
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
        if not values:
            continue
        if "validity" in units and re.fullmatch(r"\d+(\.0)?", str(values.get("validity", ""))):
            values["validity"] = f"{int(float(values['validity']))} {units['validity']}"
        rows.append(RawRow(values, where_row(number), partial(_locate_cell, locate, number, column_of), labels))
    return rows, findings


def _locate_cell(locate: Callable[[int, int], Location], number: int, column_of: dict[str, int], name: str) -> Location:
    return locate(number, column_of[name]) if name in column_of else locate(number, 0)


HEADER_EXAMPLE = "Код | Наименование | Файл | Вид | Критерии"


def _xlsx_rows(path: Path, shown: str) -> tuple[list[RawRow], list[Finding]]:
    from python_calamine import CalamineError

    try:
        name, grid = xlsx_grid(path, PREFERRED_SHEETS)
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
    )
    return rows, findings + more
