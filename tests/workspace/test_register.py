"""Excel and CSV registers as QA offices keep them: Russian or Kyrgyz headers, merged cells, cp1251."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import Workspace
from openpyxl import Workbook

from selfassess.check.coverage import Status


def xlsx(
    path: Path,
    rows: list[list[object]],
    merges: tuple[str, ...] = (),
    sheet: str = "Реестр",
    formats: dict[str, str] | None = None,
) -> None:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for merge in merges:
        ws.merge_cells(merge)
    for cell, number_format in (formats or {}).items():
        ws[cell].number_format = number_format
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


RU_HEADER = [
    "№ п/п",
    "Код",
    "Наименование",
    "Файл",
    "Вид",
    "Ответственное подразделение",
    "Дата",
    "Действует до",
    "Критерии",
]


def use_xlsx(
    ws: Workspace, rows: list[list[object]], merges: tuple[str, ...] = (), formats: dict[str, str] | None = None
) -> None:
    (ws.root / "evidence/register.yaml").unlink(missing_ok=True)
    xlsx(ws.root / "evidence/register.xlsx", rows, merges, formats=formats)


def test_russian_headers_below_a_merged_title_row(ws: Workspace) -> None:
    ws.touch("evidence/Положения/положение о качестве.pdf", "evidence/b.pdf")
    use_xlsx(
        ws,
        [
            ["Реестр доказательств, 2026", None, None, None, None, None, None, None, None],
            RU_HEADER,
            [
                1,
                "E-001",
                "Положение о качестве",
                "Положения/положение о качестве.pdf",
                "Положение",
                "БСБСД",
                dt.datetime(2025, 9, 1),
                None,
                "t:1.1; t:1.2",
            ],
            [2, "E-002", "Протокол №3", "b.pdf", "minutes", "БСБСД", "19.01.2026", "", "t:1.2\nu:A1"],
        ],
        merges=("A1:I1",),
    )
    report = ws.check()
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [item.id for item in report.loaded.items] == ["E-001", "E-002"]
    assert report.loaded.items[1].issued == dt.date(2026, 1, 19)
    statuses = {r.qid: r.status for r in report.criteria}
    assert statuses["t:1.2"] is Status.covered


def test_vertically_merged_cells_fill_every_row(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf")
    use_xlsx(
        ws,
        [
            RU_HEADER,
            [1, "E-1", "Приказ 1", "a.pdf", "order", "Окуу бөлүмү", None, None, "t:1.1"],
            [2, "E-2", "Приказ 2", "b.pdf", "order", None, None, None, "t:1.1"],
        ],
        merges=("F2:F3",),
    )
    owners = [item.owner for item in ws.check().loaded.items]
    assert owners == ["Окуу бөлүмү", "Окуу бөлүмү"]


def test_kyrgyz_headers(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            ["Коду", "Аталышы", "Файл", "Түрү", "Жооптуу бөлүм", "Берилген күнү", "Критерийлер"],
            ["E-1", "Сапат саясаты", "a.pdf", "Жобо", "БСМЖАБ", "01.09.2025", "t:1.1"],
        ],
    )
    report = ws.check()
    assert report.loaded.items[0].kind == "Жобо"
    assert {r.qid: r.status for r in report.criteria}["t:1.1"] is Status.covered


def test_bad_cell_is_reported_by_sheet_and_cell(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(ws, [RU_HEADER, [1, "E-1", "Приказ", "a.pdf", "order", "X", "31.02.2026", None, "t:1.1"]])
    assert ws.messages("invalid-evidence") == [
        "evidence/register.xlsx:Реестр!G2: E-1: column 'Дата' '31.02.2026' is not a date; write it as 2026-01-19 or 19.01.2026"
    ]


def test_unknown_criterion_in_excel_points_at_the_row(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(ws, [RU_HEADER, [1, "E-1", "Приказ", "a.pdf", "order", "X", None, None, "t:1.11"]])
    assert ws.messages("unknown-criterion") == [
        "evidence/register.xlsx:Реестр!I2: E-1 cites 't:1.11'; no catalogue in use defines it"
    ]


def test_missing_column(ws: Workspace) -> None:
    use_xlsx(ws, [["Код", "Наименование", "Файл", "Вид"], ["E-1", "x", "a.pdf", "order"]])
    [finding] = [f for f in ws.check().findings if f.code == "missing-column"]
    assert str(finding) == (
        "evidence/register.xlsx:Реестр!A1: error[missing-column] there is no 'criteria' column\n"
        "    hint: add a column headed 'Критерии' / 'Критерийлер' (or 'Criteria')"
    )


def test_unknown_column_is_a_warning(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(ws, [[*RU_HEADER[:-1], "Критерии (через ;)"], [1, "E-1", "x", "a.pdf", "order", "X", None, None, "t:1.1"]])
    assert ws.messages("unknown-column") == []
    assert ws.check().loaded.items[0].criteria == ("t:1.1",)
    use_xlsx(ws, [[*RU_HEADER, "Срок хранения"], [1, "E-1", "x", "a.pdf", "order", "X", None, None, "t:1.1", "5 лет"]])
    assert ws.messages("unknown-column") == [
        "evidence/register.xlsx:Реестр!J1: the column 'Срок хранения' is not one selfassess reads; it is ignored"
    ]


def test_no_header_row(ws: Workspace) -> None:
    use_xlsx(ws, [["E-1", "x", "a.pdf"]])
    assert ws.messages("no-header") == [
        "evidence/register.xlsx:Реестр!A1: cannot find the header row naming the columns"
    ]


def test_broken_excel_file(ws: Workspace) -> None:
    (ws.root / "evidence/register.yaml").unlink()
    (ws.root / "evidence/register.xlsx").write_bytes(b"not a zip")
    [message] = ws.messages("unreadable")
    assert message.startswith("evidence/register.xlsx: cannot open the Excel file")


def test_cp1251_csv_with_semicolons(ws: Workspace) -> None:
    ws.touch("evidence/Приказ 45.pdf")
    (ws.root / "evidence/register.yaml").unlink()
    text = "Код;Наименование;Файл;Вид;Дата;Критерии\nE-1;Приказ ректора № 45;Приказ 45.pdf;Приказ;01.09.2025;t:1.1\n"
    (ws.root / "evidence/register.csv").write_bytes(text.encode("cp1251"))
    report = ws.check()
    assert report.loaded.items[0].title == "Приказ ректора № 45"
    assert ws.messages("encoding") == [
        "evidence/register.csv: the file is not UTF-8; it was read as Windows-1251 (Cyrillic). Windows-1251 has no ң, ө, ү"
    ]
    assert {r.qid: r.status for r in report.criteria}["t:1.1"] is Status.covered


def test_utf8_bom_csv_keeps_kyrgyz_letters_and_reports_lines(ws: Workspace) -> None:
    (ws.root / "evidence/register.yaml").unlink()
    text = 'Код,Аталышы,Файл,Түрү,Критерийлер\nE-1,Өзүн-өзү баалоо,ң.pdf,report,t:1.1\nE-2,"Көп\nсаптуу",ү.pdf,report,t:9\n'
    (ws.root / "evidence/register.csv").write_bytes(text.encode("utf-8-sig"))
    ws.touch("evidence/ң.pdf", "evidence/ү.pdf")
    report = ws.check()
    assert report.loaded.items[0].title == "Өзүн-өзү баалоо"
    assert ws.messages("unknown-criterion") == [
        "evidence/register.csv:3: E-2 cites 't:9'; no catalogue in use defines it"
    ]


def test_validity_in_months_from_the_header(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            ["Код", "Наименование", "Файл", "Вид", "Дата", "Срок действия, мес", "Критерии"],
            ["E-1", "x", "a.pdf", "order", dt.datetime(2024, 1, 1), 12, "t:1.1"],
        ],
    )
    report = ws.check()
    assert report.loaded.items[0].expires == dt.date(2025, 1, 1)
    assert ws.messages("expired") == ["evidence/register.xlsx:Реестр!A2: E-1 expired on 2025-01-01"]


def test_a_bare_number_is_not_a_validity_period(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(
        "- {id: E-1, title: x, file: a.pdf, kind: order, issued: 2024-01-01, validity: 12, criteria: ['t:1.1']}\n"
    )
    assert ws.messages("invalid-evidence") == [
        "evidence/register.yaml:1: E-1: column 'validity' '12' is not a period; write it as '36 months' or '3 years'"
    ]


def test_headers_are_not_matched_by_a_loose_prefix(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    use_xlsx(
        ws,
        [
            ["Код", "Наименование", "Ссылка на файл", "Файл", "Вид", "Критерии"],
            ["E-1", "x", "", "a.pdf", "order", "t:1.1"],
        ],
    )
    assert ws.messages("unknown-column") == [
        "evidence/register.xlsx:Реестр!C1: the column 'Ссылка на файл' is not one selfassess reads; it is ignored"
    ]
    assert ws.messages("invalid-evidence") == []


def test_a_criterion_number_is_read_as_excel_shows_it(ws: Workspace) -> None:
    # 1.10 typed in Excel is the number 1.1; formatted "0.00" it shows (and means) 1.10.
    ws.touch("evidence/a.pdf", "evidence/b.pdf", "evidence/c.pdf", "evidence/d.pdf", "evidence/e.pdf")
    use_xlsx(
        ws,
        [
            RU_HEADER,
            [1, "E-1", "Внешний обзор", "a.pdf", "report", "БСБСД", None, None, 1.1],
            [2, "E-2", "Политика", "b.pdf", "policy", "БСБСД", None, None, 1.1],
            [3, "E-3", "Обзор 2", "c.pdf", "report", "БСБСД", None, None, 1.1],
            [4, "E-4", "Обзор 3", "d.pdf", "report", "БСБСД", None, None, None],
            [5, "E-5", "Политика 2", "e.pdf", "policy", "БСБСД", None, None, 1.1],
        ],
        merges=("I4:I5",),
        formats={"I2": "0.00", "I4": "#,##0.00", "I6": "0.0"},
    )
    report = ws.check()
    assert [f.message for f in report.findings if f.severity == "error"] == []
    assert [item.criteria for item in report.loaded.items] == [("1.10",), ("1.1",), ("1.10",), ("1.10",), ("1.1",)]
    support = {r.qid: sorted(s.item.id for s in r.support) for r in report.criteria}
    assert support["t:1.10"] == ["E-1", "E-3", "E-4"]
    assert support["t:1.1"] == ["E-2", "E-5"]
