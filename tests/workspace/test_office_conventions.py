"""The office's own conventions, read as they are: its kinds, its register's paths, its citations."""

from __future__ import annotations

import pytest
from conftest import Workspace
from docx import Document

from selfassess.check.coverage import Status

AGENCY = """\
framework: {id: ag, title: {ru: Стандарты агентства}, kind: institutional}
evidence_kinds:
  анкета:
    ru: Анкета
    description: {ru: результаты анкетирования студентов}
  протокол_заседания: {ru: Протокол заседания, aliases: [Протокол УС]}
standards:
  - id: "1"
    title: {ru: Политика}
    criteria:
      - {id: "1.1", title: {ru: Политика обеспечения качества}}
      - {id: "1.2", title: {ru: Участие заинтересованных сторон}, evidence: {kinds: [Анкета, протокол_заседания]}}
"""

CONFIG = "institution: {ru: Университет}\nlanguage: ru\nframeworks: [ag]\n"


@pytest.fixture
def office(ws: Workspace) -> Workspace:
    for name in ("t", "u"):
        (ws.root / "criteria" / f"{name}.yaml").unlink()
    ws.write("selfassess.yaml", CONFIG)
    ws.write("criteria/ag.yaml", AGENCY)
    ws.touch("evidence/policy.pdf", "evidence/survey.xlsx", "evidence/minutes.pdf")
    ws.register(
        "- {id: Д-009, title: Политика, file: policy.pdf, kind: Положение, criteria: ['1.1']}\n"
        "- {id: Д-010, title: Анкетирование, file: survey.xlsx, kind: Анкета, criteria: ['1.2']}\n"
        "- {id: Д-015, title: Протокол, file: minutes.pdf, kind: протокол ус, criteria: [1.2]}\n"
    )
    return ws


def test_a_catalogues_own_kinds_are_matched_by_any_of_their_names(office: Workspace) -> None:
    report = office.check()
    assert report.input_errors() == []
    by_id = {r.qid: r for r in report.criteria}
    assert by_id["ag:1.1"].status is Status.covered  # "1.1" without the framework: only ag defines it
    assert by_id["ag:1.2"].status is Status.covered
    assert sorted(s.kind for s in by_id["ag:1.2"].support) == ["анкета", "протокол_заседания"]
    # «Анкета» is the agency's kind here, never the built-in survey_instrument; the reader is told once.
    [clash] = [f for f in report.findings if f.code == "kind-name-clash"]
    assert clash.message == (
        "'Анкета' is a name of the kind 'анкета' declared in criteria/ag.yaml, and also of the built-in kind "
        "'survey_instrument': the register's 'Анкета' is read as 'анкета'"
    )
    assert clash.severity == "info"  # what the register means; said with -v, not warned on every run
    assert clash.hint == "write 'survey_instrument' in the Kind column where you mean that one"


def test_an_unknown_kind_lists_the_names_the_workspace_knows(office: Workspace) -> None:
    office.register("- {id: Д-009, title: Политика, file: policy.pdf, kind: Брошюра, criteria: ['ag:1.1']}\n")
    [unknown] = [f for f in office.check().findings if f.code == "unknown-kind"]
    assert unknown.message == "Д-009 has kind 'Брошюра', which is not a known evidence kind"
    assert unknown.hint.startswith("known kinds: Анкета (анкета), Протокол заседания, Положение, Приказ, ")
    assert "Анкета (survey_instrument)" in unknown.hint
    office.register("- {id: Д-009, title: Политика, file: policy.pdf, kind: policy, criteria: ['ag:1.1']}\n")
    office.write("criteria/ag.yaml", AGENCY.replace("kinds: [Анкета,", "kinds: [Анкетта,"))
    [unknown] = [f for f in office.check().findings if f.code == "unknown-kind"]
    assert unknown.message == "ag:1.2 requires evidence of kind 'Анкетта', which is not a known kind"
    assert unknown.hint == "did you mean 'Анкета'?"


def test_two_declarations_claiming_one_name_are_reported(office: Workspace) -> None:
    office.write("selfassess.yaml", CONFIG + "evidence_kinds:\n  опрос: {ru: Опрос, aliases: [Анкета]}\n")
    report = office.check()
    [clash] = [f for f in report.findings if f.code == "kind-name-clash"]
    assert "'Анкета' is a name of the kind 'опрос' declared in selfassess.yaml, and also of the kind 'анкета'" in (
        clash.message
    )
    assert clash.severity == "warning"  # two declarations claiming one word: a real ambiguity


def test_paths_relative_to_the_register_or_the_workspace_root(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u]\nregister: Реестр доказательств.csv\n")
    ws.touch("evidence/policies/policy one.docx", "evidence/minutes.pdf", "evidence/sub/a.pdf")
    ws.write(
        "Реестр доказательств.csv",
        "Код;Наименование;Файл;Вид;Критерии\n"
        "E-1;Policy;evidence/policies/policy one.docx;policy;t:1.1\n"  # from the register's folder
        "E-2;Minutes;minutes.pdf;minutes;t:1.2\n"  # from the evidence folder
        "E-3;Missing;evidence/none.pdf;policy;t:1.2\n",
    )
    (ws.root / "evidence" / "register.yaml").unlink()
    report = ws.check()
    missing = [f for f in report.findings if f.code == "missing-file"]
    assert [f.message for f in missing] == ["E-3: the file 'evidence/none.pdf' does not exist in the evidence folder"]
    assert str(missing[0].where) == "Реестр доказательств.csv:4"
    assert [s.item.id for r in report.criteria if r.qid == "t:1.1" for s in r.support] == ["E-1"]
    # A register inside evidence/ whose paths start with "evidence/", as copied from the root.
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u]\nregister: evidence/sub/reg.csv\n")
    ws.write(
        "evidence/sub/reg.csv",
        "Код;Наименование;Файл;Вид;Критерии\nE-1;A;a.pdf;policy;t:1.1\nE-2;B;evidence/minutes.pdf;minutes;t:1.2\n",
    )
    report = ws.check()
    assert [f for f in report.findings if f.code == "missing-file"] == []


def test_a_row_in_error_costs_its_item_and_not_the_build(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf")
    ws.register(
        "- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.1']}\n"
        "- {id: E-2, title: Minutes, file: b.pdf, kind: minutes, issued: 2026-02-30, criteria: ['t:1.2']}\n"
        "- {id: E-1, title: Again, file: b.pdf, kind: policy, criteria: ['t:1.10']}\n"
        "- {id: E-4, title: Gone, file: gone.pdf, kind: policy, criteria: ['t:1.2']}\n"
    )
    report = ws.check()
    codes = sorted(f.code for f in report.input_errors())
    assert codes == ["duplicate-id", "invalid-evidence", "missing-file"]
    [date] = [f for f in report.input_errors() if f.code == "invalid-evidence"]
    assert str(date.where) == "evidence/register.yaml:2"
    result = ws.run("build", "--framework", "t", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "error[missing-file] E-4" in result.output and "warning[rows-left-out]" in result.output
    assert (ws.root / "build" / "t" / "pack" / "manifest.json").is_file()
    assert ws.run("build", "--framework", "t", "--strict").exit_code == 1
    ws.register("- {id: E-1, title: P, file: a.pdf, kind: policy, criteria: ['t:1.1']}\n  - broken yaml\n")
    assert ws.run("build", "--framework", "t").exit_code == 1  # a register that cannot be read stops it


CITED = """\
Политика утверждена советом [Д-009]; результаты опроса (см. Д-010) обсуждены,
см. Д-015 и Д-009. Итоги: Д-009, Д-010.
"""


def test_citations_in_the_offices_own_forms(office: Workspace) -> None:
    office.write("narratives/ag/1.2 Участие заинтересованных сторон.md", CITED)
    office.write(
        "narratives/ag/report.yaml",
        "code: AG-01\ntitle: Отчёт\ntype: report\nlanguage: ru\nstatus: draft\ndate: 2026-11-20\n",
    )
    report = office.check()
    assert [f for f in report.findings if f.code in ("unknown-citation", "cited-unusable")] == []
    result = office.run("build", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "no-narrative" not in result.output.split("ag: ")[0]  # the file named "1.2 …" is the text of 1.2
    text = "\n".join(p.text for p in Document(str(office.root / "build" / "ag" / "AG-01_v1.0.docx")).paragraphs)
    assert (
        "Политика утверждена советом (Приложение 1); результаты опроса (см. Приложение 2) обсуждены, "
        "см. Приложение 3 и Приложение 1. Итоги: Приложение 1, Приложение 2."
    ) in text


def test_a_cited_id_the_register_lacks_and_an_item_whose_file_is_missing(office: Workspace) -> None:
    office.write("narratives/ag/1.2.md", "Опрос (см. Д-010) и протокол\nсм. Д-099 и [Д-15].\n")
    (office.root / "evidence" / "survey.xlsx").unlink()
    findings = office.check().findings
    unknown = [str(f) for f in findings if f.code == "unknown-citation"]
    assert unknown == [
        "narratives/ag/1.2.md:2: error[unknown-citation] the text cites [Д-099], which is not in the register\n"
        "    hint: did you mean [Д-009]?",
        "narratives/ag/1.2.md:2: error[unknown-citation] the text cites [Д-15], which is not in the register\n"
        "    hint: did you mean [Д-015]?",
    ]
    [unusable] = [f for f in findings if f.code == "cited-unusable"]
    assert str(unusable.where) == "narratives/ag/1.2.md:1"
    assert unusable.message == "the text cites [Д-010], which cannot be annexed: its file is missing"


def test_a_citation_pattern_from_the_settings_and_a_wrong_one(office: Workspace) -> None:
    office.write("selfassess.yaml", CONFIG + "citation_pattern: 'Д-\\d{3}'\n")
    office.write("narratives/ag/1.1.md", "Политика Д-009 и Д-99.\n")
    assert [f.message for f in office.check().findings if f.code == "unknown-citation"] == []
    office.write("selfassess.yaml", CONFIG + "citation_pattern: 'Д-(\\d'\n")
    result = office.run("check")
    assert result.exit_code == 1
    assert (
        "selfassess.yaml:4: error[invalid-field] 'citation_pattern': 'Д-(\\\\d' is not a valid regular expression"
    ) in result.output


def test_draft_markers_warn_and_strict_stops(office: Workspace) -> None:
    office.write("narratives/ag/1.1.md", "Политика [Д-009].\n[Проверить дату утверждения]\nXXX\n")
    markers = [str(f.where) for f in office.check().findings if f.code == "draft-marker"]
    assert markers == ["narratives/ag/1.1.md:2", "narratives/ag/1.1.md:3"]
    assert office.run("build", "--as-of", "2026-11-25").exit_code == 0
    strict = office.run("build", "--as-of", "2026-11-25", "--strict")
    assert strict.exit_code == 1
    assert "narratives/ag/1.1.md:2: error[draft-marker] a draft marker is left in the text: [Проверить" in strict.output


def test_two_files_for_one_criterion(office: Workspace) -> None:
    office.write("narratives/ag/1.2.md", "Текст.\n")
    office.write("narratives/ag/1.2 Участие.md", "Другой текст.\n")
    [duplicate] = [f for f in office.check().findings if f.code == "duplicate-narrative"]
    assert duplicate.message == "1.2.md and 1.2 Участие.md are both the text of 1.2"


def test_narratives_as_an_office_names_and_saves_them(office: Workspace) -> None:
    folder = office.root / "narratives" / "ag"
    folder.mkdir(parents=True)
    # «Критерий 1.1», saved by Notepad on a Russian Windows (Windows-1251, CRLF).
    (folder / "Критерий 1.1.md").write_bytes("Политика утверждена [Д-009].\r\nВторая строка.\r\n".encode("cp1251"))
    (folder / "1,2.docx").write_bytes(b"PK\x03\x04 a Word file")
    (folder / "1.2.txt").write_text("Текст в блокноте.\n", encoding="utf-8")
    (folder / "~$1,2.docx").write_bytes(b"Word's lock file")
    report = office.check()
    by_code = {}
    for finding in report.findings:
        by_code.setdefault(finding.code, []).append(f"{finding.where}: {finding.message} / {finding.hint}")
    assert by_code["encoding"] == [
        "narratives/ag/Критерий 1.1.md: the file is not UTF-8; it was read as Windows-1251 (Cyrillic). "
        "Windows-1251 has no ң, ө, ү / save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8)"
    ]
    assert by_code["narrative-not-markdown"] == [
        "narratives/ag/1,2.docx: 1,2.docx is not read: the self-assessment texts are Markdown files (.md) / "
        "copy its text into a Markdown file named 1,2.md (Notepad: Save as → Encoding: UTF-8)",
        "narratives/ag/1.2.txt: 1.2.txt is not read: the self-assessment texts are Markdown files (.md) / "
        "rename it to 1.2.md",
    ]
    assert "unknown-citation" not in by_code
    (folder / "1.2.txt").rename(folder / "1,2.md")  # a decimal comma names 1.2
    (folder / "1,2.docx").unlink()
    office.write(
        "narratives/ag/report.yaml", "code: AG-01\ntitle: Отчёт\ntype: report\nlanguage: ru\ndate: 2026-11-20\n"
    )
    result = office.run("build", "--as-of", "2026-11-25", "-v")
    assert result.exit_code == 0, result.output
    assert "no-narrative" not in result.output and "unknown-narrative" not in result.output
    text = "\n".join(p.text for p in Document(str(office.root / "build" / "ag" / "AG-01_v1.0.docx")).paragraphs)
    assert "Политика утверждена (Приложение 1). Вторая строка." in text
    assert "Текст в блокноте." in text


def test_a_criterion_written_with_a_decimal_comma(office: Workspace) -> None:
    office.register(
        "- {id: Д-009, title: Политика, file: policy.pdf, kind: Положение, criteria: '1,2'}\n"
        "- {id: Д-010, title: Анкетирование, file: survey.xlsx, kind: Анкета, criteria: '1.1, 1.2'}\n"
        "- {id: Д-015, title: Протокол, file: minutes.pdf, kind: протокол ус, criteria: '1.7'}\n"
    )
    report = office.check()
    [comma] = [f for f in report.findings if f.code == "decimal-comma"]
    assert str(comma.where) == "evidence/register.yaml:1"
    assert comma.message == "Д-009 cites '1,2', read as criterion 1.2 (no criterion 1 or 2 exists)"
    assert comma.hint == "write 1.2 with a point; separate criteria with ';'"
    support = {r.qid: sorted(s.item.id for s in r.support) for r in report.criteria}
    assert support["ag:1.2"] == ["Д-009", "Д-010"] and support["ag:1.1"] == ["Д-010"]  # a real list stays a list
    [unknown] = [f for f in report.findings if f.code == "unknown-criterion"]
    # The example names a criterion of this workspace, not a framework it does not use.
    assert unknown.hint == "write criteria as framework:criterion, e.g. ag:1.1"


def test_a_register_under_the_offices_own_name_is_read_and_said(office: Workspace) -> None:
    from openpyxl import Workbook

    (office.root / "evidence" / "register.yaml").unlink()
    book = Workbook()
    book.active.append(["Код", "Наименование", "Файл", "Вид", "Критерии"])
    book.active.append(["Д-009", "Политика", "policy.pdf", "Положение", "1.1"])
    book.save(office.root / "evidence" / "Реестр доказательств 2026.xlsx")
    report = office.check()
    [said] = [f for f in report.findings if f.code == "register-by-name"]
    assert str(said.where) == "evidence/Реестр доказательств 2026.xlsx"
    assert said.hint == "to make it explicit, add to selfassess.yaml: register: evidence/Реестр доказательств 2026.xlsx"
    assert [item.id for item in report.loaded.items] == ["Д-009"]
    assert not [f for f in report.findings if f.code in ("no-register", "orphan-file") and "Реестр" in str(f.where)]
    # Two spreadsheets that could be it: none is guessed.
    book.save(office.root / "evidence" / "Реестр доказательств (копия).xlsx")
    assert [f.code for f in office.check().findings if f.code.endswith("register")] == ["no-register"]


def test_a_narrower_kind_is_evidence_of_the_kind_a_criterion_asks_for(office: Workspace) -> None:
    agency = AGENCY.replace(
        "  протокол_заседания: {ru: Протокол заседания, aliases: [Протокол УС]}\n",
        "  протокол_заседания: {ru: Протокол заседания, aliases: [Протокол УС]}\n"
        "  протокол_ученого_совета: {ru: Протокол заседания Ученого совета}\n"
        "  протоколирование: {ru: Протоколирование}\n",
    )
    office.write("criteria/ag.yaml", agency)
    office.register(
        "- {id: Д-010, title: Анкетирование, file: survey.xlsx, kind: Анкета, criteria: ['1.2']}\n"
        "- {id: Д-015, title: Протокол, file: minutes.pdf, kind: Протокол заседания Ученого совета, criteria: [1.2]}\n"
    )
    by_id = {r.qid: r for r in office.check().criteria}
    assert by_id["ag:1.2"].status is Status.covered  # a council's minutes are minutes
    # A kind whose name only begins with the same letters is another kind.
    office.register(
        "- {id: Д-010, title: Анкетирование, file: survey.xlsx, kind: Анкета, criteria: ['1.2']}\n"
        "- {id: Д-015, title: Протокол, file: minutes.pdf, kind: Протоколирование, criteria: [1.2]}\n"
    )
    assert {r.qid: r for r in office.check().criteria}["ag:1.2"].status is Status.partial


def test_a_kind_registered_but_expired_is_said_to_be_not_current(office: Workspace) -> None:
    office.register(
        "- {id: Д-010, title: Анкетирование, file: survey.xlsx, kind: Анкета, criteria: ['1.2']}\n"
        "- {id: Д-011, title: Анкетирование, file: policy.pdf, kind: Анкета, criteria: ['1.2']}\n"
        "- {id: Д-015, title: Протокол, file: minutes.pdf, kind: протокол ус, criteria: [1.2],"
        " valid_until: 2025-12-31}\n"
    )
    result = {r.qid: r for r in office.check().criteria}["ag:1.2"]
    assert result.status is Status.partial
    [gap] = [f for f in result.findings if f.code == "missing-kind"]
    assert gap.message == (
        "ag:1.2 needs current evidence of kind 'протокол_заседания' (Протокол заседания); Д-015 is not current"
    )


def test_a_default_framework_says_what_a_bare_number_means(ws: Workspace) -> None:
    ws.write("criteria/ag.yaml", AGENCY)
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u, ag]\n")
    ws.touch("evidence/policy.pdf")
    ws.register("- {id: Д-009, title: Политика, file: policy.pdf, kind: policy, criteria: ['1.1']}\n")
    [ambiguous] = [f for f in ws.check().findings if f.code == "ambiguous-criterion"]
    assert ambiguous.hint == (
        "write which one: t:1.1 or ag:1.1; or, when the register means one framework, "
        "set default_framework: ag in selfassess.yaml"
    )
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u, ag]\ndefault_framework: ag\n")
    report = ws.check()
    assert [f.code for f in report.findings if f.severity == "error"] == []
    support = {r.qid: [s.item.id for s in r.support] for r in report.criteria}
    assert support["ag:1.1"] == ["Д-009"] and support["t:1.1"] == []
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u]\ndefault_framework: ag\n")
    result = ws.run("check")
    assert result.exit_code == 1
    assert "default_framework 'ag' is not one of the frameworks in use (t, u)" in result.output


def test_a_letter_typed_for_a_digit_is_suggested_as_the_criterion(office: Workspace) -> None:
    office.register("- {id: Д-009, title: Политика, file: policy.pdf, kind: Положение, criteria: ['1.l']}\n")
    [unknown] = [f for f in office.check().findings if f.code == "unknown-criterion"]
    assert unknown.hint == "did you mean 'ag:1.1'?"
