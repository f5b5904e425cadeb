"""Measuring an .xlsx before a reader opens it: the furthest cell and the merged areas of each sheet,
streamed from the zip in bounded memory."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from selfassess.messages import t
from selfassess.workspace.workbook_parts import (
    CELL_LIMIT,
    MERGE_LIMIT,
    MERGED_LIMIT,
    OPENPYXL_CELL_LIMIT,
    PART_LIMIT,
    Damaged,
    TooLarge,
    column_index,
    open_zip,
    part_chunks,
    stray_cells,
    together,
    workbook_sheets,
)

_OPENED = ("sharedstrings.xml", "styles.xml", "workbook.xml", ".rels")


def guard_xlsx(
    path: Path, sheets: list[str] | None = None, strict: bool = False, parts: bool = True
) -> dict[str, tuple[int, int]]:
    """Refuse an .xlsx whose sheets would take gigabytes to read; return each sheet's used rows and columns.

    `sheets`: the sheets that will be read (None: all). `strict`: the bounds of openpyxl, which
    holds every cell and every merged cell as an object. `parts`: measure the other parts too
    (shared strings, styles), which every reader reads whole.
    """
    with open_zip(path) as package:
        read = 0
        for info in package.infolist() if parts else ():
            lowered = info.filename.lower()
            # Read whole when the file opens, together bounded: calamine reads the shared
            # strings, styles and workbook; openpyxl every part (a pivot cache too).
            wanted_part = lowered.endswith(_OPENED) if not strict else lowered.endswith((".xml", ".rels"))
            if wanted_part and "worksheets/" not in lowered:
                for piece in part_chunks(path, package, info.filename, PART_LIMIT - read):
                    read += len(piece)
        listed = workbook_sheets(package)
        wanted = [s for s in listed if sheets is None or s[0] in sheets]
        if sheets != [] and (any(member is None for _, member, _ in wanted) or len(wanted) < len(sheets or listed)):
            # A sheet whose part cannot be found here may still be found by a reader: every
            # worksheet-like part is measured instead.
            wanted = [
                (info.filename, info.filename, False)
                for info in package.infolist()
                if info.filename.lower().endswith(".xml") and "worksheets/" in info.filename.lower()
            ]
        extents = {}
        for name, member, _ in wanted:
            extents[name] = _sheet_extent(path, package, name, str(member), strict)
        total = sum(rows * columns for rows, columns in extents.values())
        if strict and total > OPENPYXL_CELL_LIMIT:  # openpyxl holds every sheet at once
            raise together(len(extents), total, OPENPYXL_CELL_LIMIT)
        return extents


def _sheet_extent(path: Path, package: Any, name: str, member: str, strict: bool) -> tuple[int, int]:
    if not strict:
        bound = _quick_extent(path, package, name, member)
        if bound is not None and bound[0] * bound[1] <= CELL_LIMIT:
            return bound
    return _exact_extent(path, package, name, member, strict)


_PREFIX = re.compile(rb"<(\w+:)?sheetData\b")


def _quick_extent(path: Path, package: Any, name: str, member: str) -> tuple[int, int] | None:
    """Return an upper bound of the rows and columns holding cells, or None when only a full
    reading can tell (cells written without their reference, or in an unusual form).

    Excel, LibreOffice and openpyxl write each cell as <c r="B7" …> and each row as <row r="7" …>;
    only references of two or more letters, or of 100,000 and more, are collected, so a
    register of 100,000 rows costs a fraction of a second.
    """
    columns, rows, letter, merges = b"", 99_999, ord("A"), 0
    patterns: list[Any] = []
    prefix = p = b""
    for chunk in part_chunks(path, package, member):
        if not patterns:
            found = _PREFIX.search(chunk)
            prefix = (found.group(1) or b"") if found else b""
            p = re.escape(prefix)
            # Any other form (r not first, quotes, spaces, another prefix: all valid XML, all read
            # by calamine) sends the sheet to the exact measure.
            other = rb"<(?:c|row)[\s>/]" if prefix else rb":(?:c|row)[\s>/]"
            patterns = [
                re.compile(rb"<" + p + rb'c(?:[>/\t\r\n]| (?!r="[A-Z]{1,3}[0-9]{1,7}"))'),
                re.compile(rb"<" + p + rb'row(?:[>/\t\r\n]| (?!r="[0-9]{1,7}"))'),
                re.compile(other),
                re.compile(rb"<" + p + rb'c r="([A-Z]{2,3})[0-9]'),
                re.compile(rb' r="[A-Z]{0,3}([0-9]{6,7})"'),
            ]
        odd_cell, odd_row, odd_prefix, wide, deep = patterns
        if odd_cell.search(chunk) or odd_row.search(chunk):
            return None
        if (prefix and chunk.count(b":c") != chunk.count(b"<" + prefix + b"c")) or odd_prefix.search(chunk):
            return None
        found_wide = wide.findall(chunk)
        if found_wide:
            columns = max(columns, *found_wide, key=lambda c: (len(c), c))
        elif not columns:
            while letter < ord("Z"):
                more = re.search(rb'<%sc r="[%c-Z][0-9]' % (p, letter + 1), chunk)
                if not more:
                    break
                letter = more.group()[-2]
        found_deep = deep.findall(chunk)
        if found_deep:
            rows = max(rows, max(map(int, found_deep)))
        merges += chunk.count(b"<" + prefix + b"mergeCell")
    if merges > MERGE_LIMIT:
        return None
    width = column_index(columns.decode()) + 1 if columns else letter - 64
    return rows, width


# A tag's attributes as XML allows them: values in either quotes, holding '>' if they like.
_TAG = re.compile(rb"""<(?:[\w.-]+:)?(row|c|mergeCell)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>""")
_R = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL = re.compile(rb"([A-Za-z]{1,4})([0-9]{1,9})")
_REF = re.compile(r"\$?([A-Za-z]{1,4})\$?([0-9]{1,9})")
_MERGE_REF = re.compile(rb"""(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _exact_extent(path: Path, package: Any, name: str, member: str, strict: bool) -> tuple[int, int]:
    """Return the rows and columns holding content, placing cells as the readers do: by their
    reference, else after the cell (or row) before; refuse past the bounds."""
    limit = OPENPYXL_CELL_LIMIT if strict else CELL_LIMIT
    row = column = 0
    rows = columns = 0  # holding content
    reach_rows = reach_columns = 0  # any cell, formatting only included: openpyxl holds them all
    cells = merged = merges = 0
    widest = ("", 0)
    letters: dict[bytes, int] = {}
    for chunk in part_chunks(path, package, member):
        found = _TAG.findall(chunk)
        cells += len(found)
        for tag, attributes, empty in found:
            if tag == b"c":
                ref = _R.search(attributes)
                if ref:
                    parsed = _CELL.fullmatch(ref.group(1) or ref.group(2) or b"")
                    if parsed is None:  # calamine and openpyxl refuse it too; nothing is guessed
                        shown = ref.group(0).decode("utf-8", "replace").strip()
                        raise Damaged(
                            t(
                                "the sheet '{sheet}' has a cell reference that cannot be read ({ref})",
                                sheet=name,
                                ref=shown,
                            )
                        )
                    key = parsed.group(1)
                    column = letters.get(key) or letters.setdefault(key, column_index(key.decode().upper()) + 1)
                    cell_row = int(parsed.group(2))
                else:
                    column, cell_row = column + 1, row
                if cell_row > reach_rows:
                    reach_rows = cell_row
                if column > reach_columns:
                    reach_columns = column
                if not empty:
                    if cell_row > rows:
                        rows = cell_row
                    if column > columns:
                        columns = column
            elif tag == b"row":
                ref = _R.search(attributes)
                number = (ref.group(1) or ref.group(2) or b"").strip() if ref else b""
                if ref and not number.isdigit():
                    shown = ref.group(0).decode("utf-8", "replace").strip()
                    raise Damaged(
                        t("the sheet '{sheet}' has a row number that cannot be read ({ref})", sheet=name, ref=shown)
                    )
                row, column = (int(number) if ref else row + 1), 0
            else:
                ref = _MERGE_REF.search(attributes)
                merges += 1
                if ref:
                    area_ref = (ref.group(1) or ref.group(2) or b"").decode("ascii", "replace")
                    area = _area(area_ref)
                    merged += area
                    widest = max(widest, (area_ref, area), key=lambda w: w[1])
        # Checked once a piece: a piece holds at most a few hundred thousand cells.
        if rows * columns > limit:
            raise stray_cells(name, rows, columns, limit)
        if merges > MERGE_LIMIT or (strict and merged > MERGED_LIMIT):
            raise _merged(name, widest, merged, merges)
        if cells > limit:
            # Cells of formatting only are held by openpyxl, and cost the count here.
            raise stray_cells(name, reach_rows, reach_columns, limit, formatted=True)
    return rows, columns


def _area(ref: str) -> int:
    corners = [_REF.fullmatch(part) for part in ref.split(":")]
    if len(corners) != 2 or not all(corners):
        return 1
    (a, b) = [(int(m.group(2)), column_index(m.group(1).upper())) for m in corners if m]
    return (abs(a[0] - b[0]) + 1) * (abs(a[1] - b[1]) + 1)


def _merged(name: str, widest: tuple[str, int], merged: int, merges: int) -> TooLarge:
    if merges > MERGE_LIMIT:
        reason = t("the sheet '{sheet}' has more than {limit:,} merged areas", sheet=name, limit=MERGE_LIMIT)
    else:
        reason = t(
            "the sheet '{sheet}' merges {merged:,} cells (the largest area is {area}, {size:,} cells), "
            "far more than a table's titles need",
            sheet=name,
            merged=merged,
            area=widest[0],
            size=widest[1],
        )
    return TooLarge(
        reason,
        t("select the merged areas in Excel, unmerge them (Home → Merge & Center) and save the file"),
        name,
        widest[0].split(":")[0] or None,
    )
