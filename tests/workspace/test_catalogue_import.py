"""An agency's standards from its own workbook, CSV or Word table, into a catalogue that checks clean."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import Workspace, needs_libreoffice
from docx import Document
from openpyxl import Workbook

from selfassess.check.coverage import Status

CONFIG = "institution: {ru: Университет}\nlanguage: ru\nframeworks: [agency]\n"


def agency_workbook(path: Path) -> Path:
    """A workbook as agencies make them: merged titles, spacers, repeated headers, a list sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Критерии"
    sheet["A1"] = "Стандарты и критерии программной аккредитации"
    sheet.merge_cells("A1:E1")
    sheet["A2"] = "(утверждены приказом директора агентства № 12 от 01.02.2026)"
    sheet.merge_cells("A2:E2")
    header = ["№", "Наименование критерия", "Критерий", "Подтверждающие документы", "Срок актуальности, мес"]
    sheet.append([])
    sheet.append(header)
    sheet.append(["Стандарт 1. Политика обеспечения качества"] * 5)
    sheet.append(
        [
            1.1,
            "Политика",
            "Вуз имеет утверждённую политику.",
            "Положение (утверждённое советом); Протоколы заседаний",
            36,
        ]
    )
    sheet.append([])  # a spacer row: never the end of the table
    sheet.append(
        [
            1.2,
            None,
            "Студенты участвуют в оценке программ. Их мнение учитывается.",
            "Анкета (результаты опроса студентов)\nПротоколы заседаний",
            None,
        ]
    )
    sheet.append(header)  # the header again, as on every printed page
    sheet.append(["2-стандарт. Разработка программ"])
    for number in range(1, 10):
        sheet.append([float(f"2.{number}"), f"Требование {number}", f"Текст требования 2.{number}.", "Положение", None])
    sheet.append([2.1, "Десятое требование", "Текст требования 2.10.", "Учебный план", None])
    sheet.cell(sheet.max_row, 1).number_format = "0.00"
    lists = book.create_sheet("Списки")
    for value in ("да", "нет", "частично"):
        lists.append([value])
    book.save(path)
    return path


@pytest.fixture
def agency(ws: Workspace) -> Workspace:
    for name in ("t", "u"):
        (ws.root / "criteria" / f"{name}.yaml").unlink()
    ws.write("selfassess.yaml", CONFIG)
    agency_workbook(ws.root / "Стандарты агентства.xlsx")
    return ws


def catalogue(ws: Workspace, ident: str = "agency") -> dict:
    return yaml.safe_load((ws.root / "criteria" / f"{ident}.yaml").read_text(encoding="utf-8"))


def test_an_agency_workbook_becomes_a_catalogue_that_checks_clean(agency: Workspace) -> None:
    result = agency.run("catalogue", "import", str(agency.root / "Стандарты агентства.xlsx"), "--id", "agency")
    assert result.exit_code == 0, result.output
    out = result.output
    assert (
        "recognised Критерии: header at Критерии!A4: '№' → criterion, 'Наименование критерия' → criterion_title, "
        "'Критерий' → criterion_text, 'Подтверждающие документы' → evidence, 'Срок актуальности, мес' → freshness"
    ) in out
    assert "skipped Критерии!A9: the header repeated" in out
    assert "skipped Списки: no header row naming the criteria (a list of choices?)" in out
    assert (
        "1 criteria had no title: one was made from the first clause of their text (marked in their note): 1.2" in out
    )
    assert "wrote criteria/agency.yaml: 12 criteria in 2 standards, 4 evidence kinds" in out
    data = catalogue(agency)
    assert data["framework"]["title"] == {"ru": "Стандарты и критерии программной аккредитации"}
    standards = data["standards"]
    assert [(s["id"], s["title"]["ru"]) for s in standards] == [
        ("1", "Политика обеспечения качества"),
        ("2", "Разработка программ"),
    ]
    ids = [c["id"] for s in standards for c in s["criteria"]]
    assert ids == ["1.1", "1.2", *(f"2.{n}" for n in range(1, 11))]  # 2.10, never 2.1 twice
    first, second = standards[0]["criteria"]
    assert first["evidence"] == {"kinds": ["положение", "протоколы_заседаний"], "max_age_months": 36}
    assert second["title"] == {"ru": "Студенты участвуют в оценке программ"}
    assert "из текста критерия" in second["note"]["ru"]
    assert data["evidence_kinds"]["анкета"] == {"ru": "Анкета", "description": {"ru": "результаты опроса студентов"}}
    assert "next: add agency" not in out  # it is in selfassess.yaml already
    # The catalogue checks without edits; the register names kinds as the agency does.
    agency.touch("evidence/a.pdf", "evidence/b.pdf", "evidence/c.xlsx")
    agency.register(
        "- {id: Д-1, title: Положение о качестве, file: a.pdf, kind: Положение, criteria: ['1.1']}\n"
        "- {id: Д-2, title: Протокол УС, file: b.pdf, kind: протоколы заседаний, criteria: ['1.1', '1.2']}\n"
        "- {id: Д-3, title: Опрос, file: c.xlsx, kind: Анкета, criteria: [1.2]}\n"
    )
    report = agency.check()
    assert report.input_errors() == []
    statuses = {r.qid: r.status for r in report.criteria}
    assert statuses["agency:1.1"] is Status.covered and statuses["agency:1.2"] is Status.covered


def test_importing_again_says_what_changed_and_needs_force(agency: Workspace) -> None:
    source = str(agency.root / "Стандарты агентства.xlsx")
    assert agency.run("catalogue", "import", source, "--id", "agency").exit_code == 0
    book = Workbook()
    sheet = book.active
    sheet.append(["№", "Наименование критерия", "Подтверждающие документы"])
    sheet.append(["1.1", "Политика и стратегия", "Положение"])
    sheet.append(["1.3", "Новый критерий", "Отчёт"])
    book.save(agency.root / "Стандарты агентства.xlsx")
    refused = agency.run("catalogue", "import", source, "--id", "agency")
    assert refused.exit_code == 1
    assert "criteria/agency.yaml exists (added (1): 1.3; removed (11): 1.2, 2.1, 2.2" in refused.output
    assert "changed (1): 1.1 (title, description, evidence)); run again with --force to replace it" in refused.output
    forced = agency.run("catalogue", "import", source, "--id", "agency", "--force")
    assert forced.exit_code == 0, forced.output
    assert "  added (1): 1.3" in forced.output
    assert [c["id"] for s in catalogue(agency)["standards"] for c in s["criteria"]] == ["1.1", "1.3"]


def test_one_sheet_per_standard_numbers_as_integers(ws: Workspace) -> None:
    book = Workbook()
    book.remove(book.active)
    for number, title in ((1, "Миссия"), (2, "Ресурсы")):
        sheet = book.create_sheet(f"Стандарт {number}")
        sheet.append([f"Стандарт {number}. {title}"])
        sheet.append(["Критерийдин №", "Критерийдин мазмуну", "Далилдер"])
        sheet.append([1, f"{title}: биринчи талап.", "Жобо"])
        sheet.append([2, f"{title}: экинчи талап.", "Протокол; Отчёт"])
    book.save(ws.root / "standards.xlsx")
    result = ws.run("catalogue", "import", str(ws.root / "standards.xlsx"), "--id", "kg-agency", "--language", "ky")
    assert result.exit_code == 0, result.output
    assert "next: add kg-agency to 'frameworks' in selfassess.yaml, then run: selfassess check" in result.output
    data = catalogue(ws, "kg-agency")
    assert [(s["id"], s["title"]) for s in data["standards"]] == [("1", {"ky": "Миссия"}), ("2", {"ky": "Ресурсы"})]
    assert [c["id"] for s in data["standards"] for c in s["criteria"]] == ["1.1", "1.2", "2.1", "2.2"]


def test_a_cp1251_csv_with_numbers_as_text_and_a_column_named_by_the_user(ws: Workspace) -> None:
    text = (
        "Стандарт;№;Текст требования агентства;Доказательства;Срок, лет\n"
        "1.;1.1;Политика утверждена.;Положение;3\n"
        ";1.2;Политика опубликована.;Веб-страница;\n"
        "2.;2.10;Десятый критерий.;Отчёт;\n"
    )
    (ws.root / "standards.csv").write_bytes(text.encode("cp1251"))
    plain = ws.run("catalogue", "import", str(ws.root / "standards.csv"), "--id", "csvagency")
    assert plain.exit_code == 1
    assert "no table has a header naming the criteria" in plain.output
    named = ws.run(
        "catalogue",
        "import",
        str(ws.root / "standards.csv"),
        "--id",
        "csvagency",
        "--column",
        "criterion_text=Текст требования агентства",
    )
    assert named.exit_code == 0, named.output
    data = catalogue(ws, "csvagency")
    criteria = [c for s in data["standards"] for c in s["criteria"]]
    assert [c["id"] for c in criteria] == ["1.1", "1.2", "2.10"]
    assert criteria[0]["evidence"]["max_age_months"] == 36
    assert ws.run("catalogue", "import", "x.csv", "--column", "wrong=X").exit_code == 2


def test_the_tables_of_a_word_document(ws: Workspace) -> None:
    document = Document()
    document.add_paragraph("Стандарты аккредитации (проект)")
    table = document.add_table(rows=4, cols=3)
    for row, values in enumerate(
        [
            ("№", "Содержание критерия", "Подтверждающие документы"),
            ("Стандарт 1. Управление", "", ""),
            ("1.1", "Структура управления определена.", "Устав; Приказ"),
            ("1.2", "Обязанности распределены.", "Положение (о структурных подразделениях)"),
        ]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    table.cell(1, 0).merge(table.cell(1, 2))
    table.cell(1, 0).text = "Стандарт 1. Управление"
    document.save(str(ws.root / "Стандарты.docx"))
    result = ws.run("catalogue", "import", str(ws.root / "Стандарты.docx"), "--id", "docx-agency")
    assert result.exit_code == 0, result.output
    data = catalogue(ws, "docx-agency")
    assert data["standards"][0]["title"] == {"ru": "Управление"}
    assert [c["id"] for c in data["standards"][0]["criteria"]] == ["1.1", "1.2"]
    assert data["evidence_kinds"]["положение"]["description"] == {"ru": "о структурных подразделениях"}


def test_export_then_import_gives_the_same_catalogue(agency: Workspace) -> None:
    agency.run("catalogue", "import", str(agency.root / "Стандарты агентства.xlsx"), "--id", "agency")
    before = catalogue(agency)
    exported = agency.root / "agency.xlsx"
    result = agency.run("catalogue", "export", "agency", "-o", str(exported))
    assert result.exit_code == 0, result.output
    again = agency.run("catalogue", "import", str(exported), "--id", "agency", "--force")
    assert again.exit_code == 0, again.output
    assert "no criterion changed" in again.output
    after = catalogue(agency)
    assert after["standards"] == before["standards"]
    assert after["evidence_kinds"] == before["evidence_kinds"]
    assert agency.run("catalogue", "export", "agency", "-o", str(agency.root / "b.xlsx")).exit_code == 0
    assert (agency.root / "b.xlsx").read_bytes() == exported.read_bytes()  # the same bytes every time


def test_a_built_in_catalogue_exports_with_its_kind_codes(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nlanguage: en\nframeworks: [esg2015]\n")
    (ws.root / "criteria" / "t.yaml").unlink()
    (ws.root / "criteria" / "u.yaml").unlink()
    assert ws.run("catalogue", "export", "esg2015", "-o", str(ws.root / "esg.xlsx")).exit_code == 0
    assert ws.run("catalogue", "import", str(ws.root / "esg.xlsx"), "--id", "esg-copy").exit_code == 0
    copy = catalogue(ws, "esg-copy")
    assert "evidence_kinds" not in copy  # policy, minutes … stay the built-in kinds
    assert len([c for s in copy["standards"] for c in s["criteria"]]) == 10
    wrong = ws.run("catalogue", "export", "esg2016", "-o", str(ws.root / "x.xlsx"))
    assert wrong.exit_code == 1 and "no catalogue defines the framework 'esg2016'" in wrong.output


def test_names_that_cannot_be_a_framework_id(agency: Workspace) -> None:
    source = str(agency.root / "Стандарты агентства.xlsx")
    result = agency.run("catalogue", "import", source)
    assert result.exit_code == 1
    assert "the file name 'Стандарты агентства.xlsx' cannot be a framework id; name the framework with --id" in (
        result.output
    )
    assert "'Agency 1' cannot be a framework id" in agency.run("catalogue", "import", source, "--id", "Agency 1").output


@needs_libreoffice
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_libreoffice_and_old_excel_workbooks(agency: Workspace, suffix: str) -> None:
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            suffix,
            "--outdir",
            str(agency.root),
            str(agency.root / "Стандарты агентства.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(agency.root), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    converted = agency.root / f"Стандарты агентства.{suffix}"
    result = agency.run("catalogue", "import", str(converted), "--id", "agency")
    assert result.exit_code == 0, result.output
    ids = [c["id"] for s in catalogue(agency)["standards"] for c in s["criteria"]]
    assert ids[-2:] == ["2.9", "2.10"]
    shutil.rmtree(agency.root / "criteria")


def test_an_office_goes_from_its_own_files_to_check_and_build(agency: Workspace) -> None:
    """The agency's workbook and the office's register and drafts, as they are: no hand edits."""
    (agency.root / "evidence" / "register.yaml").unlink()
    assert (
        agency.run("catalogue", "import", str(agency.root / "Стандарты агентства.xlsx"), "--id", "agency").exit_code
        == 0
    )
    agency.write("selfassess.yaml", CONFIG + "register: Реестр.xlsx\n")
    agency.touch("evidence/Положения/Положение о качестве.pdf", "evidence/Протоколы/УС №3.pdf", "evidence/опрос.xlsx")
    book = Workbook()
    sheet = book.active
    sheet.title = "Реестр"
    sheet["A1"] = "Реестр доказательств"
    sheet.merge_cells("A1:F1")
    sheet.append(["Код", "Наименование", "Файл", "Вид", "Критерии", "Дата"])
    sheet.append(
        ["Д-009", "Положение о качестве", "evidence/Положения/Положение о качестве.pdf", "Положение", 1.1, "01.09.2025"]
    )
    sheet.append(
        ["Д-015", "Протокол УС №3", "evidence/Протоколы/УС №3.pdf", "Протоколы заседаний", "1.1; 1.2", "15.10.2026"]
    )
    sheet.append(["Д-016", "Опрос студентов", "evidence/опрос.xlsx", "Анкета", "1.2", "01.11.2026"])
    sheet.append(["Д-017", "Протокол, которого нет", "evidence/нет.pdf", "Протоколы заседаний", "2.1", "01.11.2026"])
    book.save(agency.root / "Реестр.xlsx")
    agency.write(
        "narratives/agency/1.1 Политика обеспечения качества.md",
        "Политика утверждена (см. Д-009) и обсуждена советом, см. Д-015.\n",
    )
    report = agency.check()
    assert [f.code for f in report.input_errors()] == ["missing-file"]  # the office's one real problem
    statuses = {r.qid: r.status for r in report.criteria}
    assert statuses["agency:1.1"] is Status.covered and statuses["agency:1.2"] is Status.covered
    result = agency.run("build", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    [docx] = (agency.root / "build" / "agency").glob("*_v*.docx")
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Политика утверждена (см. Приложение 1) и обсуждена советом, см. Приложение 2." in text


def test_importing_again_names_a_changed_note_too(ws: Workspace) -> None:
    def workbook(note: str) -> None:
        book = Workbook()
        book.active.append(["№", "Наименование критерия", "Примечание"])
        book.active.append(["1.1", "Политика", note])
        book.active.append(["1.2", "Участие", ""])
        book.save(ws.root / "standards.xlsx")

    workbook("")
    assert ws.run("catalogue", "import", str(ws.root / "standards.xlsx"), "--id", "ag").exit_code == 0
    workbook("Только для программ бакалавриата")
    refused = ws.run("catalogue", "import", str(ws.root / "standards.xlsx"), "--id", "ag")
    assert refused.exit_code == 1
    assert "changed (1): 1.1 (" in refused.output and "no criterion changed" not in refused.output


def test_the_title_is_the_row_naming_the_standards_not_the_letterhead(ws: Workspace) -> None:
    book = Workbook()
    book.active.append(["НЕЗАВИСИМОЕ АГЕНТСТВО АККРЕДИТАЦИИ МЕДИЦИНСКОГО ОБРАЗОВАНИЯ"])
    book.active.append(["Стандарты аккредитации образовательных программ, 2024"])
    book.active.append(["№", "Наименование критерия"])
    book.active.append(["1.1", "Миссия"])
    book.save(ws.root / "standards.xlsx")
    assert ws.run("catalogue", "import", str(ws.root / "standards.xlsx"), "--id", "naamo").exit_code == 0
    assert catalogue(ws, "naamo")["framework"]["title"] == {
        "ru": "Стандарты аккредитации образовательных программ, 2024"
    }
