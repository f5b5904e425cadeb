"""Every XLSX selfassess writes opens as an office's table: dates as dates, header frozen and
filtered, columns fitted, printable one page wide, sheet names cut on a word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from conftest import sample_copy
from openpyxl import load_workbook

from selfassess.cli import main
from selfassess.workbook import sheet_title


def test_sheet_names_are_cut_on_a_word_and_lose_forbidden_characters() -> None:
    assert sheet_title("Далилдердин тизмеси: критерийлер жана далилдер") == "Далилдердин тизмеси критерийлер"
    assert sheet_title("a/b [c]") == "a b c"
    assert len(sheet_title("x" * 40)) == 31


def test_the_sample_workbooks(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    runner = CliRunner()
    for args in (
        ["build", "--framework", "knu-bsmjab", "--as-of", "2026-11-25"],
        ["doc", "list"],
        ["requests", "--as-of", "2026-11-25"],
    ):
        result = runner.invoke(main, ["-C", str(root), *args])
        assert result.exit_code in (0, 1), result.output
    books = {
        "evidence-index": (root / "build" / "knu-bsmjab" / "pack" / "evidence-index.xlsx", "F"),
        "criteria-matrix": (root / "build" / "knu-bsmjab" / "pack" / "criteria-matrix.xlsx", None),
        "register": (root / "build" / "documents" / "register.xlsx", "D"),
        "requests": (root / "build" / "requests" / "requests.xlsx", "A"),
    }
    for name, (path, date_column) in books.items():
        sheet = load_workbook(path).active
        assert sheet.freeze_panes in ("A2", "A3"), name
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A"), name
        assert sheet.print_title_rows, name
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert all(sheet.column_dimensions[c].width for c in ("A", "B")), name
        assert len(sheet.title) <= 31 and not sheet.title.endswith((" ", "-")), name
        if date_column:
            values = [c.value for c in sheet[date_column][1:] if c.value is not None]
            assert values and all(isinstance(v, dt.datetime) for v in values), (name, values[:3])
            assert sheet[f"{date_column}2"].number_format == "DD.MM.YYYY", name
    index = load_workbook(books["evidence-index"][0]).active
    numbers = [c.value for c in index["A"][1:]]
    assert numbers == sorted(numbers)  # annexes in their order
    matrix = load_workbook(books["criteria-matrix"][0]).active
    assert matrix.page_setup.orientation == "landscape"  # a wide matrix prints across the page


def test_a_header_from_the_workspace_never_becomes_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from selfassess.workbook import add_table, new_workbook, workbook_bytes

    book = new_workbook()
    add_table(book, "Matrix", ["Criterion", '=HYPERLINK("http://x")'], [["t:1.1", "●"]])
    target = tmp_path / "m.xlsx"
    target.write_bytes(workbook_bytes(book, dt.datetime(2026, 1, 1)))
    cell = load_workbook(target).active["B1"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'
