"""Registers as offices lay them out: document codes as ids, section and totals rows, validity
written as a period or with words round the date, and workbooks saved as .xls or .ods."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CONFIG, Workspace, needs_libreoffice
from openpyxl import Workbook

from selfassess.errors import Severity
from selfassess.evidence_item import EvidenceItem
from selfassess.values import is_period, parse_expiry
from selfassess.workspace.register_columns import header_field, layout_row, suggest_field


def xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Реестр"
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def use_xlsx(ws: Workspace, rows: list[list[object]], merges: tuple[str, ...] = ()) -> None:
    (ws.root / "evidence/register.yaml").unlink(missing_ok=True)
    xlsx(ws.root / "evidence/register.xlsx", rows, merges)


def use_csv(ws: Workspace, text: str) -> None:
    (ws.root / "evidence/register.yaml").unlink(missing_ok=True)
    (ws.root / "evidence/register.csv").write_text(text, encoding="utf-8")


def problems(ws: Workspace) -> list[str]:
    """Return the register's errors and warnings (not the gaps of the criteria)."""
    return [
        f"{f.where}: {f.message}"
        for f in ws.check().all_findings()
        if f.severity is not Severity.info
        and f.where
        and f.where.path.startswith(("evidence/register", "evidence/Реестр"))
    ]


# 1. Document codes as the id column


@pytest.mark.parametrize(
    "header", ["Шифр документа", "Шифр док.", "Код документа", "Документтин шифри", "Документтин коду"]
)
def test_a_document_code_column_is_the_id(ws: Workspace, header: str) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws, [[header, "Наименование", "Файл", "Вид", "Критерии"], ["Д-009", "Положение", "a.pdf", "policy", "t:1.1"]]
    )
    assert problems(ws) == []
    assert [item.id for item in ws.check().loaded.items] == ["Д-009"]


def test_an_unknown_code_column_is_never_said_to_be_the_kind() -> None:
    assert header_field("Шифр документа") == ("id", None)
    # Before, "Шифр документа" was a near miss of "Вид документа" (kind).
    assert suggest_field("Шифр документов", set()) == "id"
    assert suggest_field("Шифр документов", {"id", "kind"}) is None
    assert suggest_field("Документтин шифрлери", {"id"}) is None
    assert suggest_field("Код подразделения", {"id"}) is None
    # A field another column gives is not proposed either.
    assert suggest_field("Видд", {"kind"}) is None
    assert suggest_field("Видд", set()) == "kind"


def test_a_second_code_column_gets_no_suggestion_of_a_mapped_field(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            ["Код", "Наименование", "Файл", "Вид", "Критерии", "Шифр дела"],
            ["Д-1", "Положение", "a.pdf", "policy", "t:1.1", "01-12"],
        ],
    )
    [finding] = [f for f in ws.check().findings if f.code == "unknown-column"]
    assert finding.message == "the column 'Шифр дела' is not one selfassess reads; it is ignored"
    assert finding.hint is None


# 2. Section and totals rows

HEADER = ["№", "Код", "Наименование", "Файл", "Вид", "Дата", "Действует до", "Критерии", "Примечание", "Ответственный"]


def row(number: int, ident: str, title: str, note: str | None = None, owner: str = "БСБСД") -> list[object]:
    return [number, ident, title, "a.pdf", "policy", "01.09.2025", None, "t:1.1", note, owner]


def test_a_section_heading_merged_across_the_row_is_not_an_item(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            HEADER,
            ["Стандарт 1. Миссия и ценности", *[None] * 9],
            row(1, "E-1", "Положение о миссии"),
            ["Стандарт 2. Программы", *[None] * 9],
            row(2, "E-2", "Положение о программах"),
        ],
        merges=("A2:J2", "A4:J4"),
    )
    report = ws.check()
    assert problems(ws) == []
    assert [item.id for item in report.loaded.items] == ["E-1", "E-2"]
    [note] = [f for f in report.all_findings() if f.code == "layout-row"]
    assert note.severity is Severity.info
    assert note.message == "2 rows hold section headings or totals, not items, and are not read: A2, A4"


@pytest.mark.parametrize("total", ["Итого: 15 документов", "Всего", "Барды: 2", "Жыйынтыгы", "Total", "ИТОГО"])
def test_a_totals_row_is_not_an_item(ws: Workspace, total: str) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(ws, [HEADER, row(1, "E-1", "Положение"), row(2, "E-2", "Приказ"), [total, None, None, None, None, 2]])
    assert problems(ws) == []
    assert len(ws.check().loaded.items) == 2


def test_a_merged_totals_row_in_a_csv_and_in_the_id_column(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_csv(ws, "Код;Наименование;Файл;Вид;Критерии\nE-1;Положение;a.pdf;policy;t:1.1\nИтого: 1 документ;;;;\n")
    assert problems(ws) == []
    assert [f.where.line for f in ws.check().all_findings() if f.code == "layout-row"] == [3]


def test_rows_that_only_look_like_layout_are_read(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            HEADER,
            # The title is also the note and the owner: the row is still an item.
            row(1, "E-1", "Положение", note="Положение", owner="Положение"),
            # A title starting with a totals word, with an id of its own.
            ["", "E-2", "Итоговый отчёт", "a.pdf", "report", None, None, "t:1.1"],
            ["Всего", "E-3", "Всего протоколов", "a.pdf", "minutes", None, None, "t:1.1"],
        ],
    )
    assert problems(ws) == []
    assert [item.id for item in ws.check().loaded.items] == ["E-1", "E-2", "E-3"]


def test_a_totals_row_with_a_real_id_is_read_and_its_gaps_said(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(ws, [HEADER, ["Итого", "E-9", None, "a.pdf", "policy", None, None, "t:1.1"]])
    assert problems(ws) == ["evidence/register.xlsx:Реестр!C2: E-9: column 'Наименование' is empty"]


def test_a_section_heading_typed_in_one_cell_of_a_csv_is_not_an_item(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_csv(
        ws,
        "Код;Наименование;Файл;Вид;Критерии\n"
        "Стандарт 1. Миссия и ценности;;;;\n"
        "E-1;Политика;a.pdf;policy;t:1.1\n"
        "2-стандарт;;;;\n"
        "E-2;Протокол;;policy;t:1.1\n",
    )
    report = ws.check()
    assert [item.id for item in report.loaded.items] == ["E-1"]
    said = [f for f in report.findings if f.code == "layout-row"]
    assert len(said) == 1 and "evidence/register.csv" in str(said[0].where)
    # A row that only began to be filled is not layout: it is named.
    assert [f.evidence for f in report.findings if f.severity == "error" and f.evidence] == ["E-2"]


def test_layout_row_on_its_own() -> None:
    section = {name: "Стандарт 1" for name in ("id", "title", "file", "kind", "criteria")}
    assert layout_row(["Стандарт 1"] * 5, section, 3)
    assert not layout_row(["Стандарт 1"] * 2, dict(list(section.items())[:2]), 3)  # not across the row
    ordinary = {"id": "E-1", "title": "E-1", "file": "a.pdf", "kind": "policy", "criteria": "t:1.1"}
    assert not layout_row(list(ordinary.values()), ordinary, 3)
    assert layout_row(["Итого: 5", "", 5], {"id": "Итого: 5", "title": 5}, 3)
    assert layout_row(["Итого:", 5], {"id": 5}, 3)  # a count is not an id
    assert not layout_row(["Total-1", "x"], {"id": "Total-1", "title": "x"}, 3)
    assert layout_row(["Раздел 2. Ресурсы", ""], {"id": "Раздел 2. Ресурсы"}, 3)
    assert not layout_row(["Положение о стандарте", ""], {"title": "Положение о стандарте"}, 3)
    # A row only begun in another column than the first is an item with gaps, not a heading.
    assert not layout_row(["", "Стандарт 2. Положение о приёме"], {"title": "Стандарт 2. Положение о приёме"}, 3)


# 3. Validity in the expiry column


@pytest.mark.parametrize(
    ("written", "expires"),
    [
        ("3 года", dt.date(2028, 9, 1)),
        ("5 лет", dt.date(2030, 9, 1)),
        ("1 год", dt.date(2026, 9, 1)),
        ("6 месяцев", dt.date(2026, 3, 1)),
        ("3 жыл", dt.date(2028, 9, 1)),
        ("12 ай", dt.date(2026, 9, 1)),
        ("до 31.08.2026", dt.date(2026, 8, 31)),
        ("по 31.08.2026", dt.date(2026, 8, 31)),
        ("31.08.2026 г.", dt.date(2026, 8, 31)),
        ("31.08.2026-ж. чейин", dt.date(2026, 8, 31)),
    ],
)
@pytest.mark.parametrize("header", ["Срок действия", "Действует до", "Мөөнөтү"])
def test_validity_written_in_the_expiry_column(ws: Workspace, header: str, written: str, expires: dt.date) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            ["Код", "Наименование", "Файл", "Вид", "Дата", header, "Критерии"],
            ["E-1", "x", "a.pdf", "order", "01.09.2025", written, "t:1.1"],
        ],
    )
    report = ws.check()
    assert [f for f in report.findings if f.code == "invalid-evidence"] == []
    assert report.loaded.items[0].expires == expires


def test_an_unreadable_expiry_is_a_located_error_naming_both_forms(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            ["Код", "Наименование", "Файл", "Вид", "Дата", "Срок действия", "Критерии"],
            ["E-1", "x", "a.pdf", "order", "01.09.2025", "три года", "t:1.1"],
            ["E-2", "x", "a.pdf", "order", "01.09.2025", "до 31.02.2026", "t:1.1"],
        ],
    )
    findings = [f for f in ws.check().findings if f.code == "invalid-evidence"]
    assert [f"{f.where}: {f.message}" for f in findings] == [
        "evidence/register.xlsx:Реестр!F2: E-1: column 'Срок действия' 'три года' is neither a date nor a period",
        "evidence/register.xlsx:Реестр!F3: E-2: column 'Срок действия' '31.02.2026' is not a date; "
        "write it as 2026-01-19 or 19.01.2026",
    ]
    assert {f.hint for f in findings} == {"write a date (31.08.2026 or 2026-08-31) or a period (3 года, 36 months)"}


def test_a_period_needs_the_issued_date_and_only_one_period(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(
        "- {id: E-1, title: x, file: a.pdf, kind: order, valid_until: 3 года, criteria: ['t:1.1']}\n"
        "- {id: E-2, title: x, file: a.pdf, kind: order, issued: 2025-09-01, valid_until: 3 года, validity: 2 years,"
        " criteria: ['t:1.1']}\n"
        "- {id: E-3, title: x, file: a.pdf, kind: order, issued: 2025-09-01, valid_until: 3 years, criteria: ['t:1.1']}\n"
    )
    assert ws.messages("invalid-evidence") == [
        "evidence/register.yaml:1: E-1: a validity period needs the issued date to count from",
        "evidence/register.yaml:2: E-2: the expiry column holds a period ('3 года') and the validity column another "
        "('2 years'); keep one of the two",
    ]
    assert ws.check().loaded.items[0].expires == dt.date(2028, 9, 1)


def test_expiry_values_on_their_own() -> None:
    assert [is_period(v) for v in ("3 года", "12 ай", "31.08.2026", "3", "200 лет")] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert parse_expiry(dt.date(2026, 8, 31)) == dt.date(2026, 8, 31)
    assert parse_expiry("бессрочно") is None
    assert parse_expiry("Действует до 31.08.2026") == dt.date(2026, 8, 31)
    with pytest.raises(ValueError, match="neither a date nor a period"):
        parse_expiry("после аккредитации")
    item = EvidenceItem(id="E", title="x", file="a", kind="k", issued="2025-09-01", valid_until="6 мес.")
    assert (item.valid_until, item.validity, item.expires) == (None, "6 мес.", dt.date(2026, 3, 1))


# 4. Registers saved as .xls or .ods


def test_an_unknown_register_format_names_the_ones_read(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG + "register: evidence/register.numbers\n")
    (ws.root / "evidence/register.numbers").write_bytes(b"x")
    [finding] = [f for f in ws.check().findings if f.code == "register-format"]
    assert finding.hint == "use .xlsx, .xls, .ods, .csv or .yaml"


def convert(source: Path, suffix: str) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", suffix, "--outdir", str(source.parent), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(source.parent), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    return source.with_suffix(f".{suffix}")


@pytest.fixture(scope="module")
def office_registers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same register as .xls and .ods, converted once by LibreOffice."""
    if not shutil.which("soffice"):
        return {}
    folder = tmp_path_factory.mktemp("converted")
    source = folder / "Реестр.xlsx"
    xlsx(
        source,
        [
            ["Реестр доказательств"],
            ["Шифр документа", "Наименование", "Файл", "Вид", "Дата", "Срок действия", "Критерии", "Ответственный"],
            ["Стандарт 1. Миссия", *[None] * 7],
            ["Д-1", "Положение", "a.pdf", "policy", dt.datetime(2025, 9, 1), "3 года", "t:1.1", "БСБСД"],
            ["Д-2", "Протокол", "a.pdf", "minutes", "01.10.2025", "до 31.08.2027", "t:1.2", None],
            ["Итого: 2 документа"],
        ],
        merges=("A1:H1", "A3:H3", "H4:H5", "A6:C6"),
    )
    return {suffix: convert(source, suffix) for suffix in ("xls", "ods")}


def use_register(ws: Workspace, path: Path) -> None:
    (ws.root / "evidence/register.yaml").unlink()
    shutil.copy(path, ws.root / "evidence" / path.name)
    ws.write("selfassess.yaml", CONFIG + f"register: evidence/{path.name}\n")
    ws.touch("evidence/a.pdf")


@needs_libreoffice
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_old_excel_and_libreoffice_registers(ws: Workspace, office_registers: dict[str, Path], suffix: str) -> None:
    use_register(ws, office_registers[suffix])
    report = ws.check()
    assert problems(ws) == []
    assert [(i.id, i.owner, i.expires) for i in report.loaded.items] == [
        ("Д-1", "БСБСД", dt.date(2028, 9, 1)),
        ("Д-2", "БСБСД", dt.date(2027, 8, 31)),  # the owner's cell is merged over both rows
    ]
    [note] = [f for f in report.all_findings() if f.code == "layout-row"]
    assert str(note.where) == f"evidence/Реестр.{suffix}:Реестр!A3"


@needs_libreoffice
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_an_oversized_xls_or_ods_register_is_refused_before_it_is_read(
    ws: Workspace, office_registers: dict[str, Path], suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from selfassess.workspace import workbook_guard

    monkeypatch.setattr(workbook_guard, "CELL_LIMIT", 10)  # the measure the catalogue import uses
    use_register(ws, office_registers[suffix])
    [finding] = [f for f in ws.check().findings if f.code == "sheet-too-large"]
    assert "Реестр" in finding.message
