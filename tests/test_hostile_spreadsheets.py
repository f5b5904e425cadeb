"""Hostile spreadsheets, built here byte by byte: never a crash, a hang or gigabytes, never a silent misreading.

A workbook of a few kilobytes can claim billions of cells (one stray cell far away, a merged
area, a repeat count, a Word cell spanning millions of columns); readers build what a file
claims. Each case ends as a located finding or a plain error, quickly and in bounded memory,
measured in a child process whose address space is capped.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import CATALOGUE_T, CATALOGUE_U, CONFIG, Workspace
from openpyxl import Workbook

from selfassess.cli import main

HEADER = ["ID", "Title", "File", "Kind", "Criteria"]
ROWS = [HEADER, ["E-1", "Policy", "a.pdf", "policy", "t:1.1"], ["E-2", "Minutes", "b.pdf", "minutes", "t:1.2"]]
SOURCES = "- id: staff\n  file: {file}\n  columns:\n    dept: {{names: [Dept]}}\n    n: {{names: [N], type: {type}}}\n"
INDICATORS = "- id: S1\n  title: {en: S1}\n  source: staff\n  sum: n\n  by: [dept]\n  criteria: ['t:1.1']\n"
MEMORY_CAP = 1536 * 2**20  # address space of the child: a reader building a claimed grid dies here
SECONDS = 60  # a bound for a shared, slow machine; each case takes about a second


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    space = Workspace(tmp_path / "ws")
    space.write("selfassess.yaml", CONFIG)
    space.write("criteria/t.yaml", CATALOGUE_T)
    space.write("criteria/u.yaml", CATALOGUE_U)
    space.touch("evidence/a.pdf", "evidence/b.pdf")
    return space


def run(ws: Workspace, *args: str) -> Result:
    result = CliRunner().invoke(main, ["-C", str(ws.root), *args])
    assert result.exit_code in (0, 1), (args, result.exit_code, result.output[-2000:])
    assert "internal error" not in result.output and "Traceback" not in result.output, result.output
    return result


def capped(ws: Workspace, *args: str) -> tuple[int, str, float, float]:
    """Run the command in a child with its address space capped; return (exit code, output,
    seconds, peak memory in MB). A reader that builds a claimed grid dies instead of swapping.

    The peak is the child's own (VmHWM): ru_maxrss would count the pytest process it forked from.
    """
    cap = None
    if sys.platform != "win32":
        import resource

        def cap() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    probe = (
        "import sys\n"
        "from selfassess.cli import main\n"
        "try:\n    main.main(prog_name='selfassess')\n"
        "finally:\n"
        "    try:\n"
        "        status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "    except (OSError, IndexError):\n"
        "        status = '0'\n"
        "    sys.stderr.write(f'\\nPEAK {status}\\n')\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, "-C", str(ws.root), *args],
        capture_output=True,
        text=True,
        timeout=SECONDS * 3,
        preexec_fn=cap,
        check=False,
    )
    seconds = time.perf_counter() - start
    output = done.stdout + done.stderr
    peak = next(int(line.split()[1]) / 1024 for line in output.splitlines() if line.startswith("PEAK "))
    assert done.returncode in (0, 1), (args, done.returncode, output[-3000:])
    assert "internal error" not in output and "Traceback" not in output, output[-3000:]
    return done.returncode, output, seconds, peak


def xlsx(path: Path, rows: list[list[object]], sheet: str = "Sheet") -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def patch(path: Path, member: str, old: bytes, new: bytes) -> None:
    """Replace bytes in one part of a zip package (workbook, Word file), keeping the others."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    assert old in parts[member], (member, old)
    parts[member] = parts[member].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def stray(path: Path, ref: str) -> Path:
    """Add one cell far from the table, as a mistyped jump does in Excel."""
    row = "".join(c for c in ref if c.isdigit())
    cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    patch(path, "xl/worksheets/sheet1.xml", b"</sheetData>", cell.encode())
    assert path.stat().st_size < 10_000
    return path


def use_register_xlsx(ws: Workspace, rows: list[list[object]] = ROWS, sheet: str = "Sheet") -> Path:
    return xlsx(ws.root / "evidence" / "register.xlsx", rows, sheet)


def use_source(ws: Workspace, file: str, kind: str = "integer") -> None:
    ws.write("indicators/sources.yaml", SOURCES.format(file=file, type=kind))
    ws.write("indicators/indicators.yaml", INDICATORS)


def overall(result: Result) -> float:
    """Return the indicator's value over all rows."""
    [indicator] = json.loads(result.stdout)["indicators"]
    return next(v["value"] for v in indicator["values"] if not v["dimensions"])


def findings(result: Result | str, code: str) -> list[str]:
    text = result if isinstance(result, str) else result.output
    return [line for line in text.splitlines() if f"[{code}]" in line]


# --------------------------------------------------------------------------- 1. a cell far away


@pytest.mark.parametrize("ref", ["XFD1048576", "CV1048576", "ZZ100000"])
def test_a_register_with_a_stray_cell_far_away_is_refused_in_a_second(ws: Workspace, ref: str) -> None:
    stray(use_register_xlsx(ws), ref)
    code, output, seconds, peak = capped(ws, "check")
    assert code == 1
    [line] = findings(output, "sheet-too-large")
    assert line.startswith(
        f"evidence/register.xlsx:Sheet!{ref}: error[sheet-too-large] the sheet 'Sheet' reaches cell {ref}"
    )
    assert "Ctrl+End" in output
    assert seconds < SECONDS and peak < 400, (seconds, peak)


@pytest.mark.parametrize(
    "cell",
    [
        '<c r = "CV1048576" t="inlineStr"><is><t>x</t></is></c>',  # spaces around '='
        "<c r='CV1048576' t='inlineStr'><is><t>x</t></is></c>",  # single quotes
        '<c t="inlineStr" r="CV1048576"><is><t>x</t></is></c>',  # the reference not first
        '<c\tr="CV1048576" t="inlineStr"><is><t>x</t></is></c>',  # a tab
        '<c s=">" r="CV1048576" t="inlineStr"><is><t>x</t></is></c>',  # '>' inside a value
        '<y:c xmlns:y="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="CV1048576" t="inlineStr">'
        "<y:is><y:t>x</y:t></y:is></y:c>",  # another prefix for the same namespace
    ],
    ids=["spaces", "quotes", "order", "tab", "gt", "prefix"],
)
def test_a_far_cell_in_any_form_xml_allows_is_measured(ws: Workspace, cell: str) -> None:
    path = use_register_xlsx(ws)
    patch(path, "xl/worksheets/sheet1.xml", b"</sheetData>", f'<row r="1048576">{cell}</row></sheetData>'.encode())
    code, output, seconds, peak = capped(ws, "check")
    assert code == 1 and "reaches cell CV1048576" in output, output[-2000:]
    assert seconds < SECONDS and peak < 400, (seconds, peak)


def test_a_data_source_with_a_stray_cell_is_refused_and_the_rest_computed(ws: Workspace) -> None:
    ws.register("[]\n")
    stray(xlsx(ws.root / "evidence" / "staff.xlsx", [["Dept", "N"], ["A", 3], ["B", 4]]), "XFD1048576")
    use_source(ws, "staff.xlsx")
    code, output, seconds, peak = capped(ws, "indicators")
    assert code == 1
    assert "evidence/staff.xlsx" in output and "XFD1048576" in output and "Ctrl+End" in output
    assert seconds < SECONDS and peak < 400, (seconds, peak)


def test_a_stray_cell_within_bounds_and_a_lying_dimension_are_read(ws: Workspace) -> None:
    path = stray(use_register_xlsx(ws), "J5000")
    patch(path, "xl/worksheets/sheet1.xml", b'<dimension ref="A1:E3"/>', b'<dimension ref="A1:XFD1048576"/>')
    report = ws.check()
    assert [i.id for i in report.loaded.items] == ["E-1", "E-2"]
    assert not [f for f in report.all_findings() if f.code in ("sheet-too-large", "unreadable")]


def test_cells_written_without_references_are_placed_as_readers_place_them(ws: Workspace) -> None:
    path = use_register_xlsx(ws)
    # A program writing cells without r="…" puts each after the one before: a row of them
    # reaching far is measured by counting, not by reference.
    cells = "<c/>" * 13_000_000
    patch(path, "xl/worksheets/sheet1.xml", b"</sheetData>", f"<row>{cells}<c><v>1</v></c></row></sheetData>".encode())
    assert path.stat().st_size < 100_000
    code, output, seconds, peak = capped(ws, "check")
    assert code == 1 and findings(output, "sheet-too-large"), output[-2000:]
    assert seconds < SECONDS and peak < 400, (seconds, peak)


ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def ods_row(*values: str, repeat: int = 0, columns: int = 0) -> str:
    rows = f' table:number-rows-repeated="{repeat}"' if repeat else ""
    span = f' table:number-columns-repeated="{columns}"' if columns else ""
    cells = "".join(
        f'<table:table-cell office:value-type="string"{span}><text:p>{v}</text:p></table:table-cell>' for v in values
    )
    return f"<table:table-row{rows}>{cells}</table:table-row>"


def ods(path: Path, rows: list[str], sheet: str = "Лист1") -> Path:
    body = f'<table:table table:name="{sheet}">' + "".join(rows) + "</table:table>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr(
            "content.xml", ODS_HEAD + body + "</office:spreadsheet></office:body></office:document-content>"
        )
        package.writestr("META-INF/manifest.xml", ODS_MANIFEST)
    return path


def test_an_ods_repeating_a_filled_row_a_million_times_is_refused(ws: Workspace) -> None:
    ws.register("[]\n")
    good = [ods_row("Dept", "N"), ods_row("A", "3")]
    ods(ws.root / "evidence" / "staff.ods", good)
    use_source(ws, "staff.ods")
    assert overall(run(ws, "indicators", "--format", "json")) == 3
    # LibreOffice writes a million empty rows once with a repeat count: read as nothing.
    empty = '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    ods(ws.root / "evidence" / "staff.ods", [*good, empty])
    assert not findings(run(ws, "indicators"), "unreadable")
    ods(ws.root / "evidence" / "staff.ods", [*good, ods_row("x", repeat=1_048_000, columns=16_384)])
    code, output, seconds, peak = capped(ws, "indicators")
    assert code == 1
    assert "evidence/staff.ods" in output and "reaches cell XFD1048002" in output, output[-2000:]
    assert seconds < SECONDS and peak < 400, (seconds, peak)


def xls(path: Path, cells: list[tuple[int, int, float]], sheet: str = "Sheet1") -> Path:
    """Write an Excel 97-2003 workbook by hand: a compound file holding one BIFF8 stream."""

    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    bof = struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0)
    name = sheet.encode("latin-1")
    eof = record(0x000A, b"")
    head = record(0x0809, bof) + record(0x0042, struct.pack("<H", 1200))
    where = len(head) + 4 + 8 + len(name) + len(eof)
    stream = head + record(0x0085, struct.pack("<IBBBB", where, 0, 0, len(name), 0) + name) + eof
    stream += record(0x0809, bof[:2] + struct.pack("<H", 0x0010) + bof[4:])
    stream += b"".join(record(0x0203, struct.pack("<HHHd", r, c, 0, v)) for r, c, v in cells) + eof
    stream += b"\0" * (max(4096, -(-len(stream) // 512) * 512) - len(stream))
    count = len(stream) // 512
    fat = [*range(1, count), 0xFFFFFFFE, 0xFFFFFFFE, 0xFFFFFFFD]
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(label: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF) -> bytes:
        raw = label.encode("utf-16-le") + b"\0\0"
        ids = struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child)
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + ids
            + b"\0" * 36
            + struct.pack("<IIi", start, size, 0)
        )

    directory = (entry("Root Entry", 5, 0xFFFFFFFE, 0, 1) + entry("Workbook", 2, 0, len(stream))).ljust(512, b"\0")
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, count, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header += struct.pack("<109I", count + 1, *[0xFFFFFFFF] * 108)
    path.write_bytes(header + stream + directory + struct.pack("<128I", *fat))
    return path


def test_an_xls_naming_column_65535_is_refused_before_it_is_opened(ws: Workspace) -> None:
    ws.register("[]\n")
    xls(ws.root / "evidence" / "staff.xls", [(0, 0, 1.0), (1, 1, 2.0)])
    use_source(ws, "staff.xls")
    assert not findings(run(ws, "indicators"), "unreadable")  # a workbook written this way is read
    xls(ws.root / "evidence" / "staff.xls", [(0, 0, 1.0), (60_000, 65_535, 2.0)])
    code, output, seconds, peak = capped(ws, "indicators")
    assert code == 1
    assert "evidence/staff.xls" in output and "reaches cell CRXP60001" in output, output[-2000:]
    assert seconds < SECONDS and peak < 400, (seconds, peak)


# --------------------------------------------------------------------------- 2. catalogue workbooks

STANDARDS = [["№", "Критерий", "Подтверждающие документы"], ["1.1", "Политика качества", "Политика"]]


@pytest.mark.parametrize(
    "damage",
    [
        (b"</worksheet>", b'<mergeCells count="1"><mergeCell ref="D1:ZZ20000"/></mergeCells></worksheet>'),
        (b"</worksheet>", b'<mergeCells count="1"><mergeCell ref="D1:XFD1048576"/></mergeCells></worksheet>'),
        (b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
        (b"</sheetData>", b'<row r="60000"><c r="Z60000" s="0"/></row></sheetData>'),  # formatting far below: read
    ],
    ids=["merged-D1:ZZ20000", "merged-D1:XFD1048576", "cell-A1048576", "formatted-Z60000"],
)
def test_catalogue_workbooks_claiming_millions_of_cells(ws: Workspace, damage: tuple[bytes, bytes]) -> None:
    book = xlsx(ws.root / "standards.xlsx", STANDARDS, "Стандарты")
    patch(book, "xl/worksheets/sheet1.xml", *damage)
    code, output, seconds, peak = capped(ws, "catalogue", "import", str(book), "--id", "agency")
    assert seconds < SECONDS and peak < 400, (seconds, peak)
    if b's="0"/>' in damage[1]:
        assert code == 0, output
        return
    assert code == 1
    assert "standards.xlsx: the sheet 'Стандарты'" in output, output
    assert ("Ctrl+End" in output) != ("unmerge" in output), output


def test_a_hidden_sheet_of_a_catalogue_is_skipped_when_a_visible_one_has_the_table(ws: Workspace) -> None:
    book = Workbook()
    book.active.title = "Old"
    book.active.append(STANDARDS[0])
    book.active.append(["1.1", "Старая формулировка", "Приказ"])
    book.active.sheet_state = "hidden"
    current = book.create_sheet("Current")
    for row in STANDARDS:
        current.append(row)
    book.save(ws.root / "standards.xlsx")
    result = run(ws, "catalogue", "import", str(ws.root / "standards.xlsx"), "--id", "agency")
    assert result.exit_code == 0, result.output
    text = (ws.root / "criteria" / "agency.yaml").read_text(encoding="utf-8")
    assert "Политика качества" in text and "Старая" not in text


# --------------------------------------------------------------------------- 3. Word tables


def docx_with_rows(path: Path, rows: str) -> Path:
    from docx import Document

    document = Document()
    table = document.add_table(rows=2, cols=3)
    for row, texts in zip(table.rows, STANDARDS, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.save(str(path))
    patch(path, "word/document.xml", b"</w:tbl>", rows.encode() + b"</w:tbl>")
    return path


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def _cell(text: str = "", properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_a_word_cell_spanning_fifty_million_columns(ws: Workspace) -> None:
    path = docx_with_rows(ws.root / "standards.docx", _row(_cell("1.2"), _cell("x", '<w:gridSpan w:val="50000000"/>')))
    code, output, seconds, peak = capped(ws, "catalogue", "import", str(path), "--id", "agency")
    assert code == 1 and "table 1, row 3: a cell spans 50,000,000 columns" in output, output
    assert seconds < SECONDS and peak < 400, (seconds, peak)


def test_twenty_thousand_vertically_merged_rows_are_read_in_seconds(ws: Workspace) -> None:
    first = _row(_cell("1.2"), _cell("Программы", '<w:vMerge w:val="restart"/>'), _cell("Приказ"))
    merged = "".join(_row(_cell(f"1.{n}"), _cell("", "<w:vMerge/>"), _cell("")) for n in range(3, 20_003))
    path = docx_with_rows(ws.root / "standards.docx", first + merged)
    code, output, seconds, peak = capped(ws, "catalogue", "import", str(path), "--id", "agency")
    assert code == 0, output[-2000:]
    assert seconds < SECONDS and peak < 1000, (seconds, peak)
    text = (ws.root / "criteria" / "agency.yaml").read_text(encoding="utf-8")
    assert text.count("Программы") == 20_001  # each merged row shows the text it continues, as Word shows it


def test_two_hundred_thousand_rows_in_a_word_file_are_refused(ws: Workspace) -> None:
    path = docx_with_rows(ws.root / "standards.docx", _row(_cell("1.2"), _cell("x"), _cell("y")) * 200_000)
    code, output, seconds, peak = capped(ws, "catalogue", "import", str(path), "--id", "agency")
    assert code == 1 and "the document's tables have 200,002 rows, more than the 50,000" in output, output
    assert seconds < SECONDS and peak < 1000, (seconds, peak)


# --------------------------------------------------------------------------- 4-6. CSV registers


def test_a_csv_row_with_an_unquoted_separator_is_an_error_on_its_line(ws: Workspace) -> None:
    ws.write(
        "evidence/register.csv",
        "ID,Title,File,Kind,Criteria\nE-1,Policy,a.pdf,policy,t:1.1,t:1.2\nE-2,Minutes,b.pdf,minutes,t:1.2\n",
    )
    report = ws.check()
    assert [i.id for i in report.loaded.items] == ["E-2"]  # E-1 is not counted: its cells cannot be trusted
    assert ws.messages("malformed-row") == [
        "evidence/register.csv:2: E-1: the line has 6 cells but the header names 5; a value holding the separator "
        "has moved the cells after it, so the row is not read"
    ]
    assert run(ws, "check").exit_code == 1


def test_empty_cells_after_the_table_in_a_csv_are_no_error(ws: Workspace) -> None:
    ws.write("evidence/register.csv", "ID,Title,File,Kind,Criteria,,\nE-1,Policy,a.pdf,policy,t:1.1,,\n")
    assert [i.id for i in ws.check().loaded.items] == ["E-1"]
    assert not ws.messages("malformed-row")


def test_a_column_twice_in_the_register(ws: Workspace) -> None:
    use_register_xlsx(ws, [[*HEADER, "Criteria"], ["E-1", "Policy", "a.pdf", "policy", "t:1.1", "t:1.2"]])
    report = ws.check()
    assert report.loaded.items[0].criteria == ("t:1.1", "t:1.2")
    assert ws.messages("duplicate-column") == [
        "evidence/register.xlsx:Sheet!F1: the column 'Criteria' appears 2 times (columns E and F); "
        "the criteria of all of them are read together"
    ]
    assert not ws.messages("unknown-column")
    use_register_xlsx(ws, [[*HEADER, "Title"], ["E-1", "Policy", "a.pdf", "policy", "t:1.1", "Old title"]])
    assert ws.check().loaded.items[0].title == "Policy"
    assert ws.messages("duplicate-column") == [
        "evidence/register.xlsx:Sheet!F1: the column 'Title' appears 2 times (columns B and F); only the first (B) is read"
    ]


def test_a_second_criteria_column_filled_alone_is_pointed_at(ws: Workspace) -> None:
    use_register_xlsx(ws, [[*HEADER, "Criteria"], ["E-1", "Policy", "a.pdf", "policy", None, "t:9.9"]])
    assert ws.messages("unknown-criterion") == [
        "evidence/register.xlsx:Sheet!F2: E-1 cites 't:9.9'; no catalogue in use defines it"
    ]


def test_a_utf16_register_and_a_register_with_old_mac_line_ends(ws: Workspace) -> None:
    text = "ID\tTitle\tFile\tKind\tCriteria\nE-1\tӨзүн-өзү баалоо\ta.pdf\tpolicy\tt:1.1\nE-2\tҮ\tb.pdf\tminutes\tt:9\n"
    (ws.root / "evidence" / "register.csv").write_bytes(text.encode("utf-16"))  # Excel's "Unicode text"
    report = ws.check()
    assert report.loaded.items[0].title == "Өзүн-өзү баалоо"
    assert ws.messages("unknown-criterion") == [
        "evidence/register.csv:3: E-2 cites 't:9'; no catalogue in use defines it"
    ]
    assert not ws.messages("encoding")
    (ws.root / "evidence" / "register.csv").write_bytes(text.replace("\t", ",").replace("\n", "\r").encode())
    report = ws.check()
    assert [i.id for i in report.loaded.items] == ["E-1", "E-2"]
    assert ws.messages("unknown-criterion") == [
        "evidence/register.csv:3: E-2 cites 't:9'; no catalogue in use defines it"
    ]


def test_a_utf16_data_source_and_one_with_old_mac_line_ends(ws: Workspace) -> None:
    ws.register("[]\n")
    use_source(ws, "staff.csv")
    for raw in ("Dept\tN\nA\t3\nB\t4\n".encode("utf-16"), b"Dept,N\rA,3\rB,x\r", b'Dept,N\r"A",3\r"B",x\r'):
        (ws.root / "evidence" / "staff.csv").write_bytes(raw)
        result = run(ws, "indicators", "--format", "json")
        assert overall(result) == (7 if b"x" not in raw else 3), result.output
        assert not findings(result, "encoding")
        if b"x" in raw:
            assert findings(result, "bad-value")[0].startswith("evidence/staff.csv:3: warning[bad-value]")


# --------------------------------------------------------------------------- 7-8. formulas, hidden sheets


def test_a_formula_excel_never_calculated_is_named_as_such(ws: Workspace) -> None:
    use_register_xlsx(ws, [HEADER, ["E-1", '=CONCAT("Pol","icy")', "a.pdf", "policy", "t:1.1"]])
    assert ws.messages("invalid-evidence") == [
        'evidence/register.xlsx:Sheet!B2: E-1: column \'Title\' holds a formula (=CONCAT("Pol","icy")) with no result '
        "stored, so it reads as empty"
    ]


def test_a_hidden_first_sheet_is_not_the_register_nor_the_data(ws: Workspace) -> None:
    book = Workbook()
    book.active.title = "Hidden"
    book.active.append(["lists for drop-downs"])
    book.active.sheet_state = "hidden"
    sheet = book.create_sheet("Реестр доказательств 2026")
    for row in ROWS:
        sheet.append(row)
    book.save(ws.root / "evidence" / "register.xlsx")
    report = ws.check()
    assert [i.id for i in report.loaded.items] == ["E-1", "E-2"]
    assert not ws.messages("no-header")
    sheet.delete_rows(1, 3)
    for row in [["Dept", "N"], ["A", 3], ["B", 4]]:
        sheet.append(row)
    book.save(ws.root / "evidence" / "staff.xlsx")
    use_source(ws, "staff.xlsx")
    assert overall(run(ws, "indicators", "--format", "json")) == 7


# --------------------------------------------------------------------------- 9. absurd numbers


def test_infinite_and_absurd_numbers_in_a_data_source_are_bad_values(ws: Workspace) -> None:
    ws.register("[]\n")
    use_source(ws, "staff.csv", "number")
    ws.write("evidence/staff.csv", f"Dept,N\nA,inf\nB,1e308\nC,{'9' * 38}\nD,-Infinity\nE,3\nF,1e15\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        result = run(ws, "indicators", "--format", "json")
    bad = findings(result, "bad-value")
    assert [line.split(":")[1] for line in bad] == ["2", "3", "4", "5"], result.output
    assert "is not a plausible value (infinite, or beyond 10^15)" in bad[0]
    assert overall(result) == 3 + 1e15
