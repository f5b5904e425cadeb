"""The parts of a workbook read in bounded memory, and the sizes selfassess refuses to read.

Shared by the measures of each format (xlsx_guard, workbook_guard) and by the readers
(spreadsheet) that look into an .xlsx without a library.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selfassess.messages import N_, t, tn


def column_letter(index: int) -> str:
    """Return the Excel column letters of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def xml_attributes(text: str) -> dict[str, str]:
    return dict(re.findall(r'([\w:]+)="([^"]*)"', text))


def column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def xml_unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


# ----------------------------------------------------------------------------- sizes refused
#
# Readers build what a file claims before anyone can look: calamine a dense grid up to the
# furthest cell (32 bytes a cell in Rust, then a Python object each), openpyxl an object per
# cell and per merged cell, python-docx a cell per spanned grid column. A 5 KB workbook can
# claim 17 billion cells. Each file is measured first, streamed, in bounded memory.

# calamine and pandas: about 750 MB at the limit (20 million: 1.1 GB); a register of 100,000 x 15
# is 1.5 million, a full Excel sheet of 11 columns 11.5 million.
CELL_LIMIT = 12_000_000
OPENPYXL_CELL_LIMIT = 1_000_000  # openpyxl: about 5 s and 300 MB at the limit; a standards table has thousands
MERGED_LIMIT = 100_000  # openpyxl makes an object per merged cell: 1,000,000 take 14 s
MERGE_LIMIT = 100_000  # merged areas listed in one sheet
PART_LIMIT = 512 * 2**20  # bytes of one XML part of a workbook, once unpacked
DOCX_XML_LIMIT = 50 * 2**20  # bytes of all XML of a Word file, held by lxml as a tree of 5-10 times that
DOCX_ROW_LIMIT = 50_000  # rows of all tables of a Word file: a catalogue has hundreds
DOCX_WIDTH_LIMIT = 1_000  # grid columns in one row of a Word table (Word allows 63)
CHUNK = 1 << 20  # pieces that stay in the CPU's cache across the several searches of each
STRAY_HINT = N_(
    "in Excel press Ctrl+End to find the last cell, delete the rows and columns between the table "
    "and it, and save the file"
)


class TooLarge(ValueError):
    """A file whose reading would take gigabytes or minutes, refused before any reader opens it."""

    def __init__(self, reason: str, hint: str, sheet: str | None = None, cell: str | None = None) -> None:
        super().__init__(f"{reason}; {hint}")
        self.reason, self.hint, self.sheet, self.cell = reason, hint, sheet, cell


def stray_cells(sheet: str, rows: int, columns: int, limit: int | None = None, formatted: bool = False) -> TooLarge:
    """Return the refusal of a sheet reaching far past its table (`formatted`: cells of formatting only counted)."""
    far, limit = f"{column_letter(columns - 1)}{rows}", CELL_LIMIT if limit is None else limit
    values = {"sheet": sheet, "far": far, "rows": rows, "columns": columns, "limit": limit}
    if formatted:
        reason = t(
            "the sheet '{sheet}' reaches cell {far}: {rows:,} rows x {columns:,} columns, far more than the "
            "{limit:,} cells (formatted ones included) selfassess reads in a sheet — probably a stray value or "
            "formatting far below or right of the table",
            **values,
        )
    else:
        reason = t(
            "the sheet '{sheet}' reaches cell {far}: {rows:,} rows x {columns:,} columns, far more than the "
            "{limit:,} cells selfassess reads in a sheet — probably a stray value or formatting far below "
            "or right of the table",
            **values,
        )
    return TooLarge(reason, t(STRAY_HINT), sheet, far)


class Damaged(ValueError):
    """A file whose structure is broken where it was measured; its readers would fail too."""


def damaged(name: str, why: str) -> Damaged:
    return Damaged(
        t(
            "the file is damaged ({why} in {name}); open it in Excel or LibreOffice and save it again",
            why=why,
            name=name,
        )
    )


def part_chunks(path: Path, package: Any, name: str, limit: int = PART_LIMIT) -> Iterator[bytes]:
    """Yield a zip part unpacked, in pieces that end before a '<' (so no tag is cut).

    The deflate stream is read as the Rust readers read it, to its end: a part claiming a
    small size in the zip's directory is measured by what it really holds.
    """
    import zlib

    info = package.getinfo(name)
    pieces = _inflate(path, info) if info.compress_type == 8 else _stored(package, info)
    carry, total = b"", 0
    try:
        for block in pieces:
            total += len(block)
            if total > limit:
                raise TooLarge(
                    t("the file unpacks to more than {size} MB (reading {part})", size=PART_LIMIT // 2**20, part=name),
                    t("the file is damaged or holds far more than a table; save the table alone in a new file"),
                )
            data = carry + block
            cut = data.rfind(b"<")
            if cut <= 0 and len(data) > 2 * CHUNK:
                cut = len(data)  # a text of megabytes without a tag: nothing to carry over
            if cut > 0:
                yield data[:cut]
                data = data[cut:]
            carry = data
    except zlib.error as exc:
        raise damaged(name, t("broken compression: {error}", error=exc)) from None
    if carry:
        yield carry


def _stored(package: Any, info: Any) -> Iterator[bytes]:
    with package.open(info) as stream:
        yield from iter(lambda: stream.read(CHUNK), b"")


def _inflate(path: Path, info: Any) -> Iterator[bytes]:
    import struct
    import zlib

    with open(path, "rb") as handle:
        handle.seek(info.header_offset)
        local = handle.read(30)
        if len(local) < 30 or local[:4] != b"PK\x03\x04":
            raise damaged(info.filename, t("no local header"))
        name_length, extra_length = struct.unpack("<HH", local[26:30])
        handle.seek(info.header_offset + 30 + name_length + extra_length)
        left = info.compress_size
        inflate = zlib.decompressobj(-15)
        while left > 0 and not inflate.eof:
            raw = handle.read(min(left, 1 << 20))
            if not raw:
                break
            left -= len(raw)
            data = inflate.decompress(raw, CHUNK)
            while data:
                yield data
                data = inflate.decompress(inflate.unconsumed_tail, CHUNK) if inflate.unconsumed_tail else b""
        rest = inflate.flush()
        if rest:
            yield rest


def open_zip(path: Path) -> Any:
    import zipfile

    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Damaged(t("it is not a workbook that can be opened ({error})", error=exc)) from None


def workbook_sheets(package: Any) -> list[tuple[str, str | None, bool]]:
    """Return an .xlsx's sheets in order: (name, zip part, hidden)."""
    import posixpath

    try:
        book = package.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = package.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return []
    targets = {}
    for attributes in re.findall(r"<(?:\w+:)?Relationship\b([^>]*)>", rels):
        found = xml_attributes(attributes)
        target = found.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        targets[found.get("Id")] = target
    names = {info.filename.lower(): info.filename for info in package.infolist()}
    sheets = []
    for attributes in re.findall(r"<(?:\w+:)?sheet\b([^>]*)>", book):
        found = xml_attributes(attributes)
        ident = found.get("r:id") or next((v for k, v in found.items() if k.endswith(":id")), None)
        member = names.get(targets.get(ident, "").lower())
        sheets.append((xml_unescape(found.get("name", "")), member, found.get("state", "visible") != "visible"))
    return sheets


def together(sheets: int, total: int, limit: int) -> TooLarge:
    return TooLarge(
        tn(
            "the workbook's {n} sheet reaches {total:,} cells together, more than the {limit:,} "
            "selfassess reads in a workbook",
            "the workbook's {n} sheets reach {total:,} cells together, more than the {limit:,} "
            "selfassess reads in a workbook",
            sheets,
            total=total,
            limit=limit,
        ),
        t("save the sheet with the table alone in a new workbook"),
    )
