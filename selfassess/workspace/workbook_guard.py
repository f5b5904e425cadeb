"""Measuring .ods, .xls and .docx files before a reader opens them, and the one entry point
(guard_workbook) that picks the measure by the file's kind."""

from __future__ import annotations

import re
from pathlib import Path

from selfassess.messages import t
from selfassess.workspace.workbook_parts import (
    CELL_LIMIT,
    DOCX_ROW_LIMIT,
    DOCX_XML_LIMIT,
    PART_LIMIT,
    Damaged,
    TooLarge,
    damaged,
    open_zip,
    part_chunks,
    stray_cells,
    together,
    xml_unescape,
)
from selfassess.workspace.xlsx_guard import guard_xlsx

_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>"
)
_ODS_NAME = re.compile(rb"""table:name\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_ROWS = re.compile(rb"""table:number-rows-repeated\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_COLUMNS = re.compile(rb"""table:number-columns-repeated\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_SPAN_ROWS = re.compile(rb"""table:number-rows-spanned\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_SPAN_COLUMNS = re.compile(rb"""table:number-columns-spanned\s*=\s*(?:"([^"]*)"|'([^']*)')""")
Merges = dict[str, list[tuple[tuple[int, int], tuple[int, int]]]]  # by sheet: ((top, left), (bottom, right))
MERGE_LIMIT = 200_000  # merged areas kept of an .ods; a register has one per section at most


def _repeat(pattern: re.Pattern[bytes], attributes: bytes, sheet: str) -> int:
    found = pattern.search(attributes)
    if found is None:
        return 1
    value = (found.group(1) or found.group(2) or b"").strip()
    if not value.isdigit():
        raise Damaged(
            t(
                "the sheet '{sheet}' repeats a row or cell '{count}' times",
                sheet=sheet,
                count=value.decode("utf-8", "replace"),
            )
        )
    return int(value)


def _spanned(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    """Return how many rows or columns past its own a merged .ods cell covers (0: none, or unreadable)."""
    found = pattern.search(attributes)
    value = (found.group(1) or found.group(2) or b"").strip() if found else b""
    return int(value) - 1 if value.isdigit() and int(value) > 1 else 0


def guard_ods(path: Path) -> Merges:
    """Refuse an .ods whose sheets would take gigabytes to read; return its merged areas (calamine
    gives none of an .ods), as calamine gives those of other workbooks, from 0.

    LibreOffice ends every sheet with a million empty rows written once with a repeat count;
    calamine skips those, but repeats a row or cell holding a value as many times as written.
    """
    merges: Merges = {}
    kept = 0
    with open_zip(path) as package:
        if "content.xml" not in package.namelist():
            return merges
        name, row, column, repeat, rows, columns = "", 0, 0, 1, 0, 0
        total, sheets = 0, 0  # calamine builds every sheet as it opens the file: they add up
        for chunk in part_chunks(path, package, "content.xml"):
            for close, tag, attributes, empty in _ODS_TAG.findall(chunk):
                if tag == b"table":
                    if not close:
                        found = _ODS_NAME.search(attributes)
                        raw = (found.group(1) or found.group(2) or b"") if found else b""
                        name = xml_unescape(raw.decode("utf-8", "replace"))
                        row = rows = columns = 0
                    else:
                        total, sheets = total + rows * columns, sheets + 1
                        if total > CELL_LIMIT:
                            raise together(sheets, total, CELL_LIMIT)
                elif tag == b"table-row":
                    if close:
                        row += repeat
                    else:
                        repeat, column = _repeat(_ODS_ROWS, attributes, name), 0
                        if empty:
                            row += repeat
                elif not close:
                    span = _repeat(_ODS_COLUMNS, attributes, name)
                    if b"-spanned" in attributes and tag == b"table-cell" and kept < MERGE_LIMIT:
                        down, across = _spanned(_ODS_SPAN_ROWS, attributes), _spanned(_ODS_SPAN_COLUMNS, attributes)
                        if down > 0 or across > 0:
                            merges.setdefault(name, []).append(((row, column), (row + down, column + across)))
                            kept += 1
                    if not empty or b"value-type=" in attributes:
                        rows, columns = max(rows, row + repeat), max(columns, column + span)
                        if rows * columns > CELL_LIMIT:
                            raise stray_cells(name, rows, columns)
                    column += span
    return merges


# Cell records of a BIFF (Excel 97-2003) sheet that hold a value: NUMBER, RK, MULRK, LABELSST,
# LABEL, RSTRING, BOOLERR, FORMULA; blanks (BLANK, MULBLANK) hold none.
_BIFF_CELLS = frozenset({0x0203, 0x027E, 0x00BD, 0x00FD, 0x0204, 0x00D6, 0x0205, 0x0006})


def guard_xls(path: Path) -> None:
    """Refuse an .xls whose sheets would take gigabytes to read (calamine builds every sheet when
    it opens the file). A cell record may name any column up to 65,535, though Excel stops at 256."""
    import struct

    if path.stat().st_size > PART_LIMIT:  # read whole, by calamine as by this measure
        raise TooLarge(
            t("the file has {size:,} MB", size=path.stat().st_size // 2**20),
            t("save the table alone in a new workbook (.xlsx)"),
        )
    data = path.read_bytes()
    if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return  # not a compound file: calamine refuses it
    try:
        _biff_extents(_cfb_stream(path.name, data, ("workbook", "book")))
    except (struct.error, IndexError) as exc:
        raise damaged(path.name, t("a record cut short: {error}", error=exc)) from None


def _biff_extents(stream: bytes) -> None:
    """Measure each sheet from where the workbook says it starts, as calamine reads it, to the
    end of its records; sheets listed twice are built twice, so they count twice."""
    import struct

    sheets: list[tuple[int, str]] = []
    position = 0
    while position + 4 <= len(stream):  # the workbook's globals: the list of sheets
        kind, length = struct.unpack_from("<HH", stream, position)
        if kind == 0x0085 and length >= 8:  # BOUNDSHEET: where a sheet's records start, and its name
            start = struct.unpack_from("<I", stream, position + 4)[0]
            sheets.append((start, _biff_name(stream[position + 10 : position + 4 + length])))
        elif kind == 0x000A:  # EOF of the globals
            break
        position += 4 + length
    measured: dict[int, tuple[int, int]] = {}
    total = 0
    for start, name in sheets:
        if start not in measured:
            rows = columns = depth = 0
            position = start
            while position + 4 <= len(stream):
                kind, length = struct.unpack_from("<HH", stream, position)
                body = position + 4
                if kind == 0x0809:  # BOF: the sheet, or a chart inside it
                    depth += 1
                elif kind == 0x000A:
                    depth -= 1
                    if depth <= 0:
                        break
                elif kind in _BIFF_CELLS and length >= 4:
                    row, first = struct.unpack_from("<HH", stream, body)
                    last = struct.unpack_from("<H", stream, body + length - 2)[0] if kind == 0x00BD else first
                    rows, columns = max(rows, row + 1), max(columns, first + 1, last + 1)
                    if rows * columns > CELL_LIMIT:
                        raise stray_cells(name, rows, columns)
                position = body + length
            measured[start] = (rows, columns)
        total += measured[start][0] * measured[start][1]
        if total > CELL_LIMIT:
            raise together(len(sheets), total, CELL_LIMIT)


def _biff_name(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    length, flags = raw[0], raw[1]
    if flags & 1:
        return raw[2 : 2 + 2 * length].decode("utf-16-le", "replace")
    return raw[2 : 2 + length].decode("latin-1")


def _cfb_stream(shown: str, data: bytes, names: tuple[str, ...]) -> bytes:
    """Return a stream of a compound file (the container of .xls) by its name; a broken or
    looping sector chain is refused, not followed."""
    import struct
    from array import array

    def ints(raw: bytes) -> array[int]:
        found = array("I")
        found.frombytes(raw[: len(raw) // 4 * 4])
        return found

    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise damaged(shown, t("a compound file header that cannot be"))
    size = 1 << shift
    fat_count, directory, _, cutoff, mini_fat, _, difat, difat_count = struct.unpack_from("<IIIIIIII", data, 44)
    sectors = (len(data) - 512) // size + 1

    def sector(index: int) -> bytes:
        if index >= sectors:
            raise damaged(shown, t("a sector past the end of the file"))
        return data[(index + 1) * size : (index + 2) * size]

    fat_sectors = list(ints(data[76:512]))
    for _ in range(min(difat_count, sectors)):
        if difat >= 0xFFFFFFFA:
            break
        more = ints(sector(difat))
        fat_sectors += list(more[:-1])
        difat = more[-1]
    fat = ints(b"".join(sector(s) for s in fat_sectors[:fat_count] if s < 0xFFFFFFFA))

    def chain(start: int) -> bytes:
        out, seen = [], 0
        while start < 0xFFFFFFFA:
            seen += 1
            if seen > sectors or start >= len(fat):
                raise damaged(shown, t("a looping or broken sector chain"))
            out.append(sector(start))
            start = fat[start]
        return b"".join(out)

    entries = chain(directory)
    root_start = struct.unpack_from("<I", entries, 116)[0] if len(entries) >= 128 else 0xFFFFFFFE
    for at in range(0, len(entries) - 127, 128):
        length = struct.unpack_from("<H", entries, at + 64)[0]
        name = entries[at : at + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace").lower()
        if entries[at + 66] != 2 or name not in names:
            continue
        start, stream_size = struct.unpack_from("<II", entries, at + 116)
        if stream_size >= cutoff:
            return chain(start)[:stream_size]
        mini = ints(chain(mini_fat)) if mini_fat < 0xFFFFFFFA else array("I")
        store, out, seen = chain(root_start), [], 0
        while start < 0xFFFFFFFA and start < len(mini):
            seen += 1
            if seen > len(mini):
                raise damaged(shown, t("a looping sector chain"))
            out.append(store[start * 64 : start * 64 + 64])
            start = mini[start]
        return b"".join(out)[:stream_size]
    return b""


_WORD_ROW = re.compile(rb"<(?:[\w.-]+:)?tr[\s>/]")


def guard_docx(path: Path) -> None:
    """Refuse a Word file whose parts python-docx would hold as trees of gigabytes, or whose
    tables have more rows than a catalogue could (counted before the XML is parsed).

    python-docx reads through Python's zip module, which stops at the size the zip's
    directory gives: those sizes are what it will hold.
    """
    with open_zip(path) as package:
        xml = sum(i.file_size for i in package.infolist() if i.filename.lower().endswith((".xml", ".rels")))
        whole = sum(i.file_size for i in package.infolist())
        if whole > PART_LIMIT:  # pictures are held as bytes
            raise TooLarge(
                t("the document unpacks to {size:,} MB", size=whole // 2**20),
                t("copy the table of standards to a new document, or save it as .xlsx"),
            )
        if xml > DOCX_XML_LIMIT:
            raise TooLarge(
                t("the document's text and tables unpack to {size:,} MB", size=xml // 2**20),
                t("a catalogue of standards is a few MB; copy its table to a new document, or save it as .xlsx"),
            )
        if "word/document.xml" not in package.namelist():
            return
        rows = sum(len(_WORD_ROW.findall(chunk)) for chunk in part_chunks(path, package, "word/document.xml"))
        if rows > DOCX_ROW_LIMIT:
            raise TooLarge(
                t(
                    "the document's tables have {rows:,} rows, more than the {limit:,} selfassess reads",
                    rows=rows,
                    limit=DOCX_ROW_LIMIT,
                ),
                t("a catalogue of standards has hundreds; copy its table to a new document, or save it as .xlsx"),
            )


def guard_workbook(path: Path, sheet: str | None = None) -> Merges | None:
    """Refuse a workbook (.xlsx, .xlsm, .xls, .ods) that calamine would need gigabytes to read;
    return the merged areas of an .ods, which calamine does not give (None for other workbooks).

    `sheet`: in an .xlsx, the only sheet that will be read (calamine reads sheets on demand);
    "" measures only the parts read when the file opens (shared strings, styles).
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        guard_xlsx(path, None if sheet is None else [sheet] if sheet else [])
    elif suffix == ".ods":
        return guard_ods(path)
    elif suffix == ".xls":
        guard_xls(path)
    return None
