"""Evidence requests: a memo per unit in the document-control format, a tracking list, arrivals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import Workspace
from docx import Document
from openpyxl import load_workbook

CONFIG = """\
institution: {ru: Тестовый университет}
language: ru
frameworks: [t]
owners: {'t:1.1': Кадрлар бөлүмү, 't:1.2': Окуу бөлүмү}
department:
  name: {ru: отдел качества образования}
  head: {position: {ru: Начальник отдела качества}, name: А.Б. Иванова}
"""


def test_memos_tracking_list_and_arrivals(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.touch("evidence/policy.pdf")
    ws.register("- {id: E-1, title: Положение, file: policy.pdf, kind: policy, criteria: ['t:1.2']}\n")
    result = ws.run("requests", "--as-of", "2026-11-25", "--due", "2027-01-15")
    assert result.exit_code == 0, result.output
    assert (
        "warning[no-owner] 1 criteria with gaps have no responsible unit, so no memo asks for them: t:1.10"
        in result.output
    )
    memo = Document(str(ws.root / "build" / "requests" / "Окуу бөлүмү.docx"))
    table = next(t for t in memo.tables if t.rows[0].cells[0].text == "Критерий")
    assert [c.text for c in table.rows[1].cells] == [
        "t:1.2",
        "Programmes",
        "не менее 2 документ(ов); виды: Протокол",
        "15.01.2027",
    ]
    header = memo.sections[0].header.tables[0]
    assert header.rows[1].cells[0].text == "Служебная записка о представлении доказательств к аккредитации: Окуу бөлүмү"
    text = "\n".join(p.text for p in memo.paragraphs)
    assert "Просим представить их в отдел качества образования до 15 января 2027 г." in text
    assert text.startswith("Кому: Окуу бөлүмү\nОт кого: Отдел качества образования\n")
    assert "Начальник отдела качества    _______________    А.Б. Иванова\n25 ноября 2026 г." in text
    assert (
        "ЛИСТ РЕГИСТРАЦИИ ИЗМЕНЕНИЙ" not in text.upper() and "УТВЕРЖДАЮ" not in text.upper()
    )  # a memo, not a regulation
    assert (ws.root / "build" / "requests" / "Кадрлар бөлүмү.docx").is_file()

    ws.touch("evidence/order.pdf")
    ws.register(
        "- {id: E-1, title: Положение, file: policy.pdf, kind: policy, criteria: ['t:1.2']}\n"
        "- {id: E-2, title: Приказ, file: order.pdf, kind: order, criteria: ['t:1.1']}\n"
    )
    again = ws.run("requests", "--as-of", "2026-12-01")
    assert "arrived since the previous requests: t:1.1" in again.output
    rows = [
        [c.value for c in row]
        for row in load_workbook(ws.root / "build" / "requests" / "requests.xlsx").active.iter_rows()
    ]
    assert rows[0] == ["Дата запроса", "Подразделение", "Критерий", "Статус", "Срок исполнения", "Поступило"]
    # Dates are date cells: Excel sorts and filters them as dates.
    assert [
        dt.datetime(2026, 11, 25),
        "Кадрлар бөлүмү",
        "t:1.1",
        "Подтверждено",
        dt.datetime(2027, 1, 15),
        "да",
    ] in rows
    assert [dt.datetime(2026, 11, 25), "Окуу бөлүмү", "t:1.2", "Частично", dt.datetime(2027, 1, 15), "нет"] in rows
    assert not (ws.root / "build" / "requests" / "Кадрлар бөлүмү.docx").exists()  # nothing owed any more
    assert (ws.root / "build" / "requests" / "Окуу бөлүмү.docx").is_file()


def test_requests_refuse_a_broken_register_an_unknown_unit_and_a_broken_log(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.write("evidence/register.yaml", "- {id: E-1, title: Положение\n")
    broken = ws.run("requests")
    assert broken.exit_code == 1
    assert "no requests were written; fix the errors above and run again" in broken.output
    assert not (ws.root / "build" / "requests").exists()

    ws.register("[]\n")
    unknown = ws.run("requests", "--unit", "Окуу болуму")
    assert unknown.exit_code == 1
    assert "no unit 'Окуу болуму' under 'owners:' in selfassess.yaml; did you mean 'Окуу бөлүмү'?" in unknown.output

    ws.write(".selfassess/requests.json", '{"requests": [{"criterion": "t:1.1"}]}')
    log = ws.run("requests")
    assert log.exit_code == 1
    assert ".selfassess/requests.json: request 1 has no requested, unit, status, due, arrived" in log.output
    assert "delete it to start the tracking list again" in log.output
    ws.write(".selfassess/requests.json", "\xff\xfe garbage")
    assert "the request log cannot be read" in ws.run("requests").output


def test_a_moved_criterion_keeps_one_open_request_and_arrivals_are_reported_once(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.register("[]\n")
    assert ws.run("requests", "--as-of", "2026-11-25").exit_code == 0
    moved = CONFIG.replace("'t:1.1': Кадрлар бөлүмү", "'t:1.1': '=Окуу бөлүмү'")
    ws.write("selfassess.yaml", moved)
    second = ws.run("requests", "--as-of", "2026-11-26", "--due", "2027-03-01")
    assert second.exit_code == 0, second.output
    assert not (ws.root / "build" / "requests" / "Кадрлар бөлүмү.docx").exists()
    book = load_workbook(ws.root / "build" / "requests" / "requests.xlsx")
    rows = [[c.value for c in row] for row in book.active.iter_rows(min_row=2)]
    t11 = [r for r in rows if r[2] == "t:1.1"]
    assert t11 == [[dt.datetime(2026, 11, 25), "=Окуу бөлүмү", "t:1.1", "Отсутствует", dt.datetime(2027, 3, 1), "нет"]]
    assert book.active["B2"].data_type == "s"  # text, not a formula

    ws.touch("evidence/order.pdf", "evidence/order2.pdf")
    ws.register(
        "- {id: E-2, title: Приказ, file: order.pdf, kind: order, criteria: ['t:1.1']}\n"
        "- {id: E-3, title: Приказ 2, file: order2.pdf, kind: order, criteria: ['t:1.1']}\n"
    )
    third = ws.run("requests", "--as-of", "2026-12-01")
    assert "arrived since the previous requests: t:1.1" in third.output
    fourth = ws.run("requests", "--as-of", "2026-12-02")
    assert "arrived since" not in fourth.output


def test_units_whose_file_names_clash_get_a_memo_each_with_a_stable_number(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG.replace("Кадрлар бөлүмү", "Отдел A/B").replace("Окуу бөлүмү", "Отдел A_B"))
    ws.register("[]\n")
    result = ws.run("requests", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    memos = sorted(p.name for p in (ws.root / "build" / "requests").glob("*.docx"))
    assert len(memos) == 2, memos
    codes = {}
    for name in memos:
        header = Document(str(ws.root / "build" / "requests" / name)).sections[0].header.tables[0]
        codes[header.rows[1].cells[0].text.rsplit(": ", 1)[1]] = header.rows[1].cells[1].text
    alone = ws.run("requests", "--as-of", "2026-11-25", "--unit", "Отдел A_B")
    assert alone.exit_code == 0, alone.output
    [written] = [line.removeprefix("wrote ") for line in alone.output.splitlines() if line.endswith(".docx")]
    header = Document(str(ws.root / written)).sections[0].header.tables[0]
    assert header.rows[1].cells[1].text == codes["Отдел A_B"]
    assert len(list((ws.root / "build" / "requests").glob("*.docx"))) == 2  # asking one unit keeps the others' memos


def test_a_file_where_the_log_folder_goes_is_a_clear_error(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.register("[]\n")
    ws.write(".selfassess", "a file")
    result = ws.run("requests")
    assert result.exit_code == 1
    assert "cannot create the folder .selfassess for the request log" in result.output


def test_a_criterion_declared_not_applicable_is_withdrawn_and_a_unit_owing_nothing_is_told(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.register("[]\n")
    assert ws.run("requests", "--as-of", "2026-11-25").exit_code == 0
    ws.write("selfassess.yaml", CONFIG + "not_applicable: {'t:1.2': Программ нет}\n")
    result = ws.run("requests", "--as-of", "2026-11-26", "--unit", "Окуу бөлүмү")
    assert result.exit_code == 0, result.output
    assert "'Окуу бөлүмү' owes nothing: no memo written" in result.output
    rows = [
        [c.value for c in r] for r in load_workbook(ws.root / "build" / "requests" / "requests.xlsx").active.iter_rows()
    ]
    assert [r[5] for r in rows if r[2] == "t:1.2"] == ["Отозван"]


def test_the_samples_memos_are_in_kyrgyz(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from conftest import sample_copy

    from selfassess.cli import main

    root = sample_copy(tmp_path)
    result = CliRunner().invoke(main, ["-C", str(root), "requests", "--as-of", "2026-11-25", "--due", "2027-01-15"])
    assert result.exit_code == 0, result.output
    memos = sorted((root / "build" / "requests").glob("*.docx"))
    assert memos
    text = "\n".join(p.text for p in Document(str(memos[0])).paragraphs)
    assert "2026-жылдын 25-ноябрында аккредитацияга даярдыкты текшерүүнүн жыйынтыгында" in text
    assert "Тапшыруу мөөнөтү — 15.01.2027." in text
    assert "Кимден: Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү (БСМЖАБ)" in text


def test_a_request_cites_the_departments_basis_only_when_the_settings_give_it(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.register("[]\n")
    assert ws.run("requests", "--as-of", "2026-11-25").exit_code == 0
    text = "\n".join(p.text for p in Document(str(ws.root / "build" / "requests" / "Окуу бөлүмү.docx")).paragraphs)
    assert "По результатам проверки готовности к аккредитации на 25 ноября 2026 г." in text
    assert "Положени" not in text  # no university's regulation is assumed
    basis = "  request_basis: {ru: В соответствии с п. 4.2 Положения об отделе качества}\n"
    ws.write("selfassess.yaml", CONFIG + basis)
    assert ws.run("requests", "--as-of", "2026-11-25").exit_code == 0
    text = "\n".join(p.text for p in Document(str(ws.root / "build" / "requests" / "Окуу бөлүмү.docx")).paragraphs)
    assert "В соответствии с п. 4.2 Положения об отделе качества, по результатам проверки готовности" in text
