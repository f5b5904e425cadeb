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
    assert memo.sections[0].header.tables == []  # a letter, not a versioned controlled document
    text = "\n".join(p.text for p in memo.paragraphs)
    assert text.startswith("Тестовый университет\nОтдел качества образования\n\nСЛУЖЕБНАЯ ЗАПИСКА\n25.11.2026 № 2\n")
    assert "\nОкуу бөлүмү\n\nО представлении доказательств к аккредитации\n" in text
    assert "Просим представить их в отдел качества образования до 15 января 2027 г." in text
    assert "Начальник отдела качества\t_______________\tА.Б. Иванова" in text
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


def addressed_to(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs if p.style.name == "Block Right")


def memo_number_and_addressee(path: Path) -> tuple[str, str]:
    paragraphs = Document(str(path)).paragraphs
    outgoing = next(p.text for p in paragraphs if " № " in p.text)
    addressee = next(p.text for p in paragraphs if p.style.name == "Block Right")
    return addressee, outgoing


def test_units_whose_file_names_clash_get_a_memo_each_with_a_stable_number(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG.replace("Кадрлар бөлүмү", "Отдел A/B").replace("Окуу бөлүмү", "Отдел A_B"))
    ws.register("[]\n")
    result = ws.run("requests", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    memos = sorted(p.name for p in (ws.root / "build" / "requests").glob("*.docx"))
    assert len(memos) == 2, memos
    numbers = dict(memo_number_and_addressee(ws.root / "build" / "requests" / name) for name in memos)
    assert sorted(numbers.values()) == ["25.11.2026 № 1", "25.11.2026 № 2"]
    alone = ws.run("requests", "--as-of", "2026-11-25", "--unit", "Отдел A_B")
    assert alone.exit_code == 0, alone.output
    [written] = [line.removeprefix("wrote ") for line in alone.output.splitlines() if line.endswith(".docx")]
    # The same memo written again the same day keeps its outgoing number.
    assert memo_number_and_addressee(ws.root / written) == ("Отдел A_B", numbers["Отдел A_B"])
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
    assert text.startswith(
        "Жусуп Баласагын атындагы Кыргыз улуттук университети\n"
        "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү (БСМЖАБ)\n\nКЫЗМАТТЫК КАТ\n25.11.2026 № БСМЖАБ-"
    )
    assert "БСМЖАБдын башчысы\t_______________\tКемелгазыева Г.К." in text
    # No memo from the department to itself: its own gaps are in the tracking list only.
    assert not [m for m in memos if "БСМЖАБ" in m.name]
    assert all("башчысына" in t or "деканына" in t for t in map(addressed_to, memos))


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


LETTERS = """\
institution: {ru: Тестовый университет}
language: ru
frameworks: [t]
owners: {'t:1.1': Кадрлар бөлүмү, 't:1.2': ОКО, 't:1.10': Окуу бөлүмү}
department:
  name: {ru: Отдел качества образования (ОКО)}
  head: {position: {ru: Начальник отдела качества}, name: А.Б. Иванова}
  executor: {name: В.Г. Петрова, phone: +996 312 00-00-00, email: oko@example.kg}
  outgoing_number: "12-04/{n}-{year}"
units:
  - name: Кадрлар бөлүмү
    title: {ru: Отдел кадров}
    head: {position: {ru: Начальник отдела кадров}, name: Н.К. Асанова}
"""


def test_memos_go_to_the_head_by_name_with_an_outgoing_number_and_never_to_the_department(ws: Workspace) -> None:
    ws.write("selfassess.yaml", LETTERS)
    ws.register("[]\n")
    result = ws.run("requests", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    folder = ws.root / "build" / "requests"
    assert sorted(p.name for p in folder.glob("*.docx")) == ["Кадрлар бөлүмү.docx", "Окуу бөлүмү.docx"]
    assert "info[own-gaps] 1 criteria with gaps are the department's own (ОКО), so no memo is written" in result.output
    assert "warning[no-unit-head] the memos to Окуу бөлүмү are addressed to the unit" in result.output
    memo = Document(str(folder / "Кадрлар бөлүмү.docx"))
    text = "\n".join(p.text for p in memo.paragraphs)
    assert addressed_to(folder / "Кадрлар бөлүмү.docx") == "Начальник отдела кадров\nН.К. Асанова"
    assert "25.11.2026 № 12-04/1-2026" in text
    assert "Начальник отдела качества\t_______________\tА.Б. Иванова" in text
    assert text.endswith("Исполнитель: В.Г. Петрова, +996 312 00-00-00, oko@example.kg")
    assert memo.sections[0].header.tables == []
    # The department's own gap is tracked, only not written to itself.
    rows = [[c.value for c in r] for r in load_workbook(folder / "requests.xlsx").active.iter_rows()]
    assert any(r[1] == "ОКО" and r[2] == "t:1.2" for r in rows)

    # A memo written again the same day keeps its number; one of a later day takes the next free one.
    assert ws.run("requests", "--as-of", "2026-11-25").exit_code == 0
    assert memo_number_and_addressee(folder / "Окуу бөлүмү.docx")[1] == "25.11.2026 № 12-04/2-2026"
    assert ws.run("requests", "--as-of", "2026-11-27", "--unit", "Окуу бөлүмү").exit_code == 0
    assert memo_number_and_addressee(folder / "Окуу бөлүмү.docx")[1] == "27.11.2026 № 12-04/3-2026"


def test_an_outgoing_number_without_its_placeholder_is_a_located_error(ws: Workspace) -> None:
    ws.write("selfassess.yaml", LETTERS.replace('"12-04/{n}-{year}"', '"12-04/{n.__class__}"'))
    ws.register("[]\n")
    result = ws.run("check")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "selfassess.yaml" in result.output and "must hold {n}" in result.output


def test_memos_without_a_signatory_say_so(ws: Workspace) -> None:
    ws.write(
        "selfassess.yaml",
        CONFIG.replace("  head: {position: {ru: Начальник отдела качества}, name: А.Б. Иванова}\n", ""),
    )
    ws.register("[]\n")
    result = ws.run("requests", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "warning[no-signatory] the memos have no signatory's name" in result.output
