"""Data sources: the units' CSV and Excel tables, read into frames with a declared schema.

The grid is read in raw_table.py and its cells typed in cells.py; pandas is imported inside
functions only, so the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfassess.data.cells import convert, excel_errors, resolve_values
from selfassess.data.raw_table import NoSheet, find_header, malformed_rows, raw_table
from selfassess.data.source_spec import ColumnSpec, SourceSpec
from selfassess.data.values import ValueSet
from selfassess.errors import Finding, Location, error, warning
from selfassess.messages import t
from selfassess.workspace.paths import as_on_disk, refused
from selfassess.workspace.workbook_parts import column_letter

__all__ = ["ColumnSpec", "Source", "SourceSpec", "inside_evidence", "read_source"]


@dataclass
class Source:
    """A data source read: its frame (columns named by the spec), and where each row came from."""

    spec: SourceSpec
    shown: str
    frame: Any  # pandas.DataFrame
    rows: Any  # pandas.Series: the file's row (line) number of each frame row
    findings: list[Finding] = field(default_factory=list)
    sheet: str | None = None
    left_out: dict[int, str] = field(default_factory=dict)  # line → why the whole row is not used
    positions: dict[str, int] = field(default_factory=dict)  # column key → its position in the file

    @property
    def total(self) -> int:
        """Return the data rows the file has, those left out as malformed included."""
        return len(self.frame) + len(self.left_out)

    def location(self, row: int | None = None, key: str | None = None) -> Location:
        """Return where row `row` (a line, or a sheet row) is, in column `key` in a workbook."""
        if self.sheet is not None:
            letter = column_letter(self.positions.get(key, 0)) if key else "A"
            return Location(self.shown, sheet=self.sheet, cell=f"{letter}{row}" if row else None)
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


def read_source(
    evidence_dir: Path,
    spec: SourceSpec,
    shown_root: str = "evidence",
    vocabulary: Mapping[str, ValueSet] | None = None,
    declared_in: str = "indicators/sources.yaml",
) -> Source:
    """Return the source's frame with typed columns; every problem becomes a finding, no row is lost silently.

    `vocabulary` holds the value sets of selfassess.yaml (programmes, faculties) that columns
    headed like them resolve through; `declared_in` names the file declaring `spec`, for messages.
    """
    import pandas as pd

    shown = f"{shown_root}/{spec.file}"
    path = as_on_disk(evidence_dir.joinpath(*spec.file.replace("\\", "/").split("/")))
    empty = Source(spec, shown, pd.DataFrame(columns=list(spec.columns)), pd.Series(dtype="int64"))
    if not inside_evidence(evidence_dir, spec.file):
        hint = t("give the path relative to the evidence folder, without '..' and not through a link out of it")
        empty.findings.append(
            error("path-escape", Location(shown), t("the data source lies outside the evidence folder"), hint)
        )
        return empty
    problem = refused(path, shown, evidence_dir)
    if problem is not None:
        empty.findings.append(problem)
        return empty
    if not path.is_file():
        hint = t("check 'file:' in indicators/sources.yaml (relative to the evidence folder)")
        empty.findings.append(error("missing-source", Location(shown), t("the data source file does not exist"), hint))
        return empty
    try:
        raw, cells, sheet, findings = raw_table(path, spec, shown)
    except NoSheet as exc:
        empty.findings.append(error("missing-source", Location(shown), str(exc)))
        return empty
    except Exception as exc:
        problem = f"{type(exc).__name__}: {exc}"
        empty.findings.append(
            error("unreadable", Location(shown), t("cannot read the file ({problem})", problem=problem))
        )
        return empty
    empty.sheet = sheet

    def locate(row: int, column: int) -> Location:
        return Location(shown, sheet=sheet, cell=f"{column_letter(column)}{row}") if sheet else Location(shown, row)

    head = raw.iloc[:30].to_numpy().tolist()
    header_index, mapping = find_header(head, spec)
    if header_index is None:
        findings.append(
            error(
                "no-header",
                locate(1, 0),
                t("cannot find the header row naming the columns of this data source"),
                t(
                    "head its columns: {columns}",
                    columns="; ".join(" / ".join(c.names[:2]) for c in spec.columns.values()),
                ),
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
                    t("there is no column '{column}' ({key})", column=column.names[0], key=name),
                    t("head a column with one of: {names}", names=", ".join(column.names)),
                )
            )
    body = raw.iloc[header_index + 1 :]
    width = len(head[header_index])
    while width and head[header_index][width - 1] in (None, ""):
        width -= 1
    left_out = malformed_rows(body, cells, width, mapping, spec, locate, findings) if cells is not None else {}
    if left_out:
        body = body.drop(index=list(left_out))
    if raw.shape[1] > width:
        # In a workbook a cell right of the table cannot shift the row's other cells: it is a
        # note beside the table, not read, and the row is kept.
        extra = (body.iloc[:, width:] != "") & body.iloc[:, width:].notna()
        for index in extra.index[extra.any(axis=1)][:20]:
            findings.append(
                warning(
                    "extra-cells",
                    locate(int(index), width),
                    t(
                        "this row has cells right of the table (its header has {width} columns); they are not read",
                        width=width,
                    ),
                    t("move notes out of the table, or give the column a heading and declare it in sources.yaml"),
                )
            )
    frame = pd.DataFrame(index=body.index)
    for name in spec.columns:
        position = mapping.get(name)
        column = body.iloc[:, position] if position is not None and position < body.shape[1] else None
        frame[name] = column.where(column != "", None) if column is not None else None
    frame = frame[frame.notna().any(axis=1)]
    excel_errors(path, sheet, frame, mapping, spec, locate, findings)
    rows = pd.Series(frame.index.to_numpy(), index=frame.index)  # the file's own row numbers
    for name, column in spec.columns.items():
        frame[name] = convert(frame[name], column, mapping.get(name, 0), rows, locate, findings)
        value_set = column.value_set(name, vocabulary or {}, declared_in)
        if value_set is not None:
            frame[name] = resolve_values(frame[name], column, value_set, mapping.get(name, 0), rows, locate, findings)
    frame = frame.reset_index(drop=True)
    return Source(spec, shown, frame, rows.reset_index(drop=True), findings, sheet, left_out, mapping)
