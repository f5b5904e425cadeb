"""Programme accreditation: each programme judged on its own evidence, in every view.

The workspace has two programmes whose evidence differs on several criteria: syllabi only for
580100, a programme-specific not-applicable, a certificate valid but expiring for the second
programme, register cells naming programmes by code, name, alias, in any case and with quotes.
Merging the programmes would show p:1.2 as covered; no view may.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import Workspace
from docx import Document
from openpyxl import load_workbook

from selfassess.check.coverage import Status

SE = "Программалык инженерия"  # the second programme's id: Cyrillic, with a space

CONFIG = f"""\
institution: {{en: Test University}}
language: en
frameworks: [inst, p]
owners: {{inst: QA Office, "p:1.1": Academic Office}}
programmes:
  - id: "580100"
    title: {{ky: Экономика, ru: Экономика, en: Economics}}
    aliases: [ЭК]
    not_applicable: {{"p:2.2": Economics has no laboratory work}}
    owners: {{p: Faculty of Economics}}
  - id: {SE}
    code: "710400"
    title: {{ky: {SE}, ru: Программная инженерия, en: Software engineering}}
    owners: {{p: Faculty of Mathematics}}
"""

INSTITUTIONAL = """\
framework: {id: inst, title: {en: Institution}, kind: institutional}
standards:
  - id: "1"
    title: {en: Policy}
    criteria:
      - {id: "1.1", title: {en: QA policy}}
"""

PROGRAMME = """\
framework: {id: p, title: {en: Programme accreditation}, kind: programme}
standards:
  - id: "1"
    title: {en: Design}
    criteria:
      - {id: "1.1", title: {en: Curriculum}, evidence: {kinds: [curriculum]}}
      - {id: "1.2", title: {en: Syllabi}, evidence: {kinds: [syllabus]}}
  - id: "2"
    title: {en: Resources}
    criteria:
      - {id: "2.1", title: {en: Staff}}
      - {id: "2.2", title: {en: Laboratories}, evidence: {kinds: [inventory]}}
  - id: "3"
    title: {en: Recognition}
    criteria:
      - {id: "3.1", title: {en: Accreditation certificate}, evidence: {kinds: [certificate]}}
"""

# The register as an office keeps it: Russian headers, ';', programmes by code, name or alias.
REGISTER = """\
Код;Наименование;Файл;Вид;Критерии;Программа;Действует до
E-1;QA policy;policy.pdf;policy;inst:1.1;;
E-2;Curriculum of economics;econ.xlsx;curriculum;p:1.1;580100;
E-3;Curriculum of software engineering;Учебный план ПИ.xlsx;curriculum;p:1.1;"программная  ИНЖЕНЕРИЯ ";
E-4;Syllabi of economics;syllabi;syllabus;p:1.2;ЭК;
E-5;Staff list;staff.xlsx;dataset;p:2.1;"580100, 710400";
E-6;Laboratory inventory;lab.xlsx;inventory;p:2.2;710400;
E-7;Certificate of economics;cert-econ.pdf;certificate;p:3.1;«Экономика»;2030-01-01
E-8;Certificate of software engineering;cert-se.pdf;certificate;p:3.1;Software engineering;2027-01-10
"""

FILES = (
    "evidence/policy.pdf",
    "evidence/econ.xlsx",
    "evidence/Учебный план ПИ.xlsx",
    "evidence/syllabi/micro.docx",
    "evidence/staff.xlsx",
    "evidence/lab.xlsx",
    "evidence/cert-econ.pdf",
    "evidence/cert-se.pdf",
)


@pytest.fixture
def two(ws: Workspace) -> Workspace:
    (ws.root / "evidence" / "register.yaml").unlink()
    (ws.root / "criteria" / "t.yaml").unlink()
    (ws.root / "criteria" / "u.yaml").unlink()
    ws.write("selfassess.yaml", CONFIG)
    ws.write("criteria/inst.yaml", INSTITUTIONAL)
    ws.write("criteria/p.yaml", PROGRAMME)
    ws.write("evidence/register.csv", REGISTER)
    ws.touch(*FILES)
    return ws


def table(report: object) -> dict[str, dict[str, str]]:
    return {p: {r.qid: r.status.value for r in rs} for p, rs in report.programmes.items()}  # type: ignore[attr-defined]


def test_each_programme_counts_its_own_and_the_shared_evidence(two: Workspace) -> None:
    report = two.check()
    assert report.input_errors() == []
    assert table(report) == {
        "580100": {
            "p:1.1": "covered",
            "p:1.2": "covered",
            "p:2.1": "covered",
            "p:2.2": "not-applicable",
            "p:3.1": "covered",
        },
        SE: {"p:1.1": "covered", "p:1.2": "missing", "p:2.1": "covered", "p:2.2": "covered", "p:3.1": "expiring"},
    }
    framework = {r.qid: r for r in report.criteria}
    assert framework["p:1.2"].status is Status.missing  # merged, the syllabi of 580100 would cover it
    assert framework["p:3.1"].status is Status.expiring and framework["p:3.1"].days_left == 46
    assert framework["p:2.2"].status is Status.covered  # applicable only to the second programme, covered there
    assert framework["inst:1.1"].status is Status.covered
    [gap] = [f for f in framework["p:1.2"].findings if f.code == "no-evidence"]
    assert gap.message == f"p:1.2 in programme {SE} has no evidence"
    assert (
        gap.hint
        == f"register evidence against p:1.2 for programme {SE} (at least 1 item, including: Syllabus (syllabus))"
    )
    assert gap.programme == SE
    na = report.programme_result("580100", "p:2.2")
    assert na is not None and na.reason == "Economics has no laboratory work"


def test_text_shows_a_criteria_by_programmes_table_and_names_each_gap(two: Workspace) -> None:
    result = two.run("check", "--as-of", "2026-11-25")
    assert result.exit_code == 1
    out = result.output
    assert re.search(r"Criterion\s+┃ 580100 Economics ┃ 710400 Software engineering ┃ Title", out)
    assert re.search(r"p:1\.2\s+│ covered\s+│ missing\s+│ Syllabi", out)
    assert re.search(r"p:2\.2\s+│ n/a\s+│ covered\s+│ Laboratories", out)
    assert re.search(r"p:3\.1\s+│ covered\s+│ expiring \(46 d\)\s+│ Accreditation certificate", out)
    assert f"error[no-evidence] p:1.2 in programme {SE} has no evidence" in out
    assert "Programme 710400 Software engineering: 1 missing, 1 expiring, 3 covered — coverage 80.0%." in out
    assert "Programme 580100 Economics: 4 covered, 1 not-applicable — coverage 100.0%." in out


def test_json_has_each_programme_and_the_framework_view(two: Workspace) -> None:
    data = json.loads(two.run("check", "--format", "json", "--as-of", "2026-11-25").output)
    assert list(data["programmes"]) == ["580100", SE]
    mine = data["programmes"][SE]
    assert mine["summary"]["statuses"]["missing"] == 1
    assert mine["summary"]["coverage_percent"] == 80.0
    by_id = {c["id"]: c for c in mine["criteria"]}
    assert by_id["p:1.2"]["status"] == "missing"
    assert by_id["p:3.1"]["days_left"] == 46
    assert by_id["p:1.2"]["findings"][0]["programme"] == SE
    econ = {c["id"]: c for c in data["programmes"]["580100"]["criteria"]}
    assert econ["p:2.2"] == econ["p:2.2"] | {"status": "not-applicable", "reason": "Economics has no laboratory work"}
    view = {c["id"]: c["status"] for c in data["criteria"]}
    assert view == {
        "inst:1.1": "covered",
        "p:1.1": "covered",
        "p:1.2": "missing",
        "p:2.1": "covered",
        "p:2.2": "covered",
        "p:3.1": "expiring",
    }
    assert data["summary"]["statuses"]["missing"] == 1


def test_csv_has_a_row_per_programme_and_markdown_a_column(two: Workspace) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(two.run("check", "--format", "csv", "--as-of", "2026-11-25").output.lstrip("\ufeff"))
        )
    )
    syllabi = {r["programme"]: r["status"] for r in rows if r["id"] == "p:1.2"}
    assert syllabi == {"580100": "covered", SE: "missing"}
    assert [r["programme"] for r in rows if r["id"] == "inst:1.1"] == [""]
    md = two.run("check", "--format", "md", "--as-of", "2026-11-25").output
    assert "| Criterion | 580100 Economics | 710400 Software engineering | Title |" in md
    assert "| p:1.2 | covered | missing | Syllabi |" in md


def test_one_programme_by_any_of_its_names_and_the_fail_gate(two: Workspace) -> None:
    for name in (SE, "710400", "software ENGINEERING", "Программная инженерия"):
        data = json.loads(two.run("check", "--format", "json", "--programme", name, "--as-of", "2026-11-25").output)
        assert list(data["programmes"]) == [SE], name
        assert {c["id"] for c in data["criteria"]} == {"p:1.1", "p:1.2", "p:2.1", "p:2.2", "p:3.1"}
    econ = two.run("check", "--programme", "ЭК", "--as-of", "2026-11-25", "--fail-on", "stale")
    assert econ.exit_code == 0, econ.output
    assert two.run("check", "--programme", "580100", "--fail-on", "expiring", "--as-of", "2026-11-25").exit_code == 0
    # Any programme at the level fails the whole check.
    assert two.run("check", "--fail-on", "expiring", "--as-of", "2026-11-25", "--framework", "p").exit_code == 1
    two.write("evidence/register.csv", REGISTER + "E-9;Syllabi of SE;se-syllabi.docx;syllabus;p:1.2;ПИ;\n")
    two.write("selfassess.yaml", CONFIG.replace('code: "710400"', 'code: "710400"\n    aliases: [ПИ]'))
    two.touch("evidence/se-syllabi.docx")
    assert two.run("check", "--as-of", "2026-11-25").exit_code == 0  # nothing missing in any programme now
    assert two.run("check", "--as-of", "2026-11-25", "--fail-on", "expiring").exit_code == 1
    wrong = two.run("check", "--programme", "71040", "--as-of", "2026-11-25")
    assert wrong.exit_code == 1
    assert f"no programme '71040' in selfassess.yaml (did you mean '710400'?); programmes: 580100, {SE}" in wrong.output


def test_register_values_naming_no_programme_or_two(two: Workspace) -> None:
    two.write(
        "evidence/register.csv",
        REGISTER.replace("p:2.2;710400;", "p:2.2;Software engineerin;").replace(
            ";«Экономика»;", ';"Экономика; Финансы";'
        ),
    )
    findings = {f.code: f for f in two.check().findings if f.code == "unknown-programme"}
    [unknown] = [f for f in two.check().findings if f.code == "unknown-programme" and f.evidence == "E-6"]
    assert str(unknown.where) == "evidence/register.csv:7"
    assert unknown.message == "E-6 belongs to programme 'Software engineerin', which selfassess.yaml does not list"
    assert unknown.hint == "did you mean 'Software engineering'?"
    assert findings
    [finance] = [f for f in two.check().findings if f.code == "unknown-programme" and f.evidence == "E-7"]
    assert finance.message == "E-7 belongs to programme 'Финансы', which selfassess.yaml does not list"
    # An item of an unknown programme counts for no programme: it is not institution-wide.
    assert table(two.check())[SE]["p:2.2"] == "missing"


def test_a_programme_name_with_a_comma_in_it_is_not_split(two: Workspace) -> None:
    two.write("selfassess.yaml", CONFIG.replace("aliases: [ЭК]", 'aliases: [ЭК, "Экономика, бакалавр"]'))
    two.write(
        "evidence/register.csv",
        REGISTER.replace(";«Экономика»;", ';"Экономика, бакалавр";').replace(
            'p:2.1;"580100, 710400";', 'p:2.1;"экономика , бакалавр; 710400";'
        ),
    )
    report = two.check()
    assert [f.message for f in report.findings if f.code.endswith("-programme")] == []
    assert report.loaded.item_programmes["E-7"] == ("580100",)
    assert report.loaded.item_programmes["E-5"] == ("580100", SE)
    assert table(report)["580100"]["p:3.1"] == "covered"


def test_a_name_two_programmes_share_and_folders_that_would_clash(two: Workspace) -> None:
    two.write(
        "selfassess.yaml",
        CONFIG.replace("aliases: [ЭК]", "aliases: [ЭК, Общая]").replace(
            'code: "710400"', 'code: "710400"\n    aliases: [общая]'
        ),
    )
    two.write("evidence/register.csv", REGISTER.replace(";ЭК;", ";Общая;"))
    findings = two.check().findings
    [config] = [f for f in findings if f.code == "ambiguous-programme" and f.evidence is None]
    assert (
        config.message == f"programmes 580100 and {SE} share the name 'общая', so the register cannot name them by it"
    )
    [row] = [f for f in findings if f.code == "ambiguous-programme" and f.evidence == "E-4"]
    assert row.message == f"E-4 belongs to programme 'Общая', a name that programmes 580100 and {SE} share"
    assert row.hint == f"write the programme's id or code instead: 580100, {SE}"
    two.write(
        "selfassess.yaml",
        CONFIG + '  - {id: "Economics?", title: {en: One}}\n  - {id: "Economics*", title: {en: Two}}\n',
    )
    [clash] = [f for f in two.check().findings if f.code == "programme-folder-clash"]
    assert clash.message == "programmes 'Economics?' and 'Economics*' would share the folder 'Economics_' under build/"


def test_a_programme_not_applicable_on_an_institutional_criterion_is_named(two: Workspace) -> None:
    two.write("selfassess.yaml", CONFIG.replace('"p:2.2": Economics', '"inst:1.1": No, "p:2.2": Economics'))
    [finding] = [f for f in two.check().findings if f.code == "not-per-programme"]
    assert finding.message == (
        "programme 580100: not_applicable names 'inst:1.1', but inst is not judged per programme, "
        "so the declaration has no effect"
    )


def test_without_programmes_listed_a_programme_framework_is_judged_on_all_evidence(two: Workspace) -> None:
    two.write("selfassess.yaml", CONFIG.split("programmes:")[0])
    report = two.check()
    [warning] = [f for f in report.findings if f.code == "no-programmes"]
    assert warning.message.startswith("p accredits programmes one by one, but selfassess.yaml lists no programmes")
    assert report.programmes == {}
    assert [f.code for f in report.findings if f.code == "unknown-programme"][:1] == ["unknown-programme"]


def test_a_missing_file_is_not_fixed_with_another_programmes_document(two: Workspace) -> None:
    two.write("evidence/register.csv", REGISTER + "E-9;Lab inventory of economics;lab.xls;inventory;p:2.2;580100;\n")
    [missing] = [f for f in two.check().findings if f.code == "missing-file"]
    assert missing.message == "E-9: the file 'lab.xls' does not exist in the evidence folder"
    assert missing.hint == f"did you mean 'lab.xlsx'? (that file is E-6, evidence of programme {SE})"


def test_the_reference_date_comes_from_the_settings_unless_given(
    two: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from selfassess.check.pipeline import check

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 25, tzinfo=dt.UTC).timestamp())))
    assert table(check(two.root))[SE]["p:3.1"] == "expiring"
    two.write("selfassess.yaml", CONFIG + "reference_date: 2027-01-11\n")
    assert check(two.root).as_of == dt.date(2027, 1, 11)
    assert table(check(two.root))[SE]["p:3.1"] == "stale"  # the certificate expired the day before
    assert table(check(two.root, dt.date(2026, 9, 1)))[SE]["p:3.1"] == "covered"  # --as-of wins
    data = json.loads(two.run("check", "--format", "json").output)
    assert data["summary"]["as_of"] == "2027-01-11"


def test_requests_ask_each_programmes_faculty_and_track_arrivals_per_programme(two: Workspace) -> None:
    result = two.run("requests", "--as-of", "2026-11-25", "--due", "2027-01-15")
    assert result.exit_code == 0, result.output
    memo = Document(str(two.root / "build" / "requests" / "Faculty of Mathematics.docx"))
    rows = [[c.text for c in row.cells] for table in memo.tables for row in table.rows]
    asked = {r[0]: r for r in rows if r[0].startswith("p:")}
    assert set(asked) == {"p:1.2", "p:3.1"}
    assert asked["p:1.2"][1] == "Syllabi (Programme: 710400 Software engineering)"
    assert asked["p:3.1"][2] == "renew: E-8 Certificate of software engineering (2027-01-10)"
    assert not (two.root / "build" / "requests" / "Faculty of Economics.docx").exists()  # 580100 owes nothing
    book = load_workbook(two.root / "build" / "requests" / "requests.xlsx").active
    logged = [[c.value for c in row] for row in book.iter_rows(min_row=2)]
    assert sorted((r[2], r[3], r[4]) for r in logged) == [("p:1.2", SE, "Missing"), ("p:3.1", SE, "Expiring")]
    # 580100's syllabi do not answer the request to the other programme; its own do.
    two.write("evidence/register.csv", REGISTER + f"E-9;Syllabi of SE;se.docx;syllabus;p:1.2;{SE};\n")
    two.touch("evidence/se.docx")
    again = two.run("requests", "--as-of", "2026-11-26")
    assert f"arrived since the previous requests: p:1.2 in programme {SE}" in again.output


def test_a_programmes_pack_ships_only_its_own_and_shared_evidence(two: Workspace) -> None:
    two.write(f"narratives/p/{SE}/1.1.md", "Our curriculum [E-3] follows the one of economics [E-2].\n")
    two.write(
        "indicators/sources.yaml",
        "- id: staff\n  file: staff.csv\n  columns:\n    dept: {names: [Кафедра]}\n    degree: {names: [Степень]}\n",
    )
    two.write("evidence/staff.csv", "Кафедра;Степень\nA;к.э.н.\nA;—\nB;д.т.н.\n")
    two.write(
        "indicators/indicators.yaml",
        "- id: STAFF-01\n  title: {en: Share with a degree}\n  source: staff\n"
        "  share: {degree: {ne: '—'}}\n  by: [dept]\n  unit: percent\n  criteria: ['p:2.1']\n",
    )
    two.write("evidence/register.csv", REGISTER.replace("E-5;Staff list;staff.xlsx", "E-5;Staff list;staff.csv"))
    result = two.run("build", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert (
        f"narratives/p/{SE}/1.1.md:1: warning[other-programme] the text cites [E-2], which belongs to another "
        "programme (580100); the report names it without an annex number and the pack leaves it out"
    ) in result.output
    # Each programme's report is counted on its own, and -v names the programme of each gap.
    assert f"p ({SE}): 1 criterion with a coverage gap (shown in the report; -v lists them)" in result.output
    assert "p (580100): 4 criteria without narrative (shown in the report; -v lists them)" in result.output
    for state in (two.root / "build").rglob(".state.json"):
        state.unlink()  # built again, the same, to see the findings one by one
    verbose = two.run("build", "--as-of", "2026-11-25", "-v").output
    assert f"warning[coverage-gap] p:1.2 in programme {SE} is missing; the report says so in its text" in verbose
    folder = two.root / "build" / "p" / SE
    manifest = json.loads((folder / "pack" / "manifest.json").read_text(encoding="utf-8"))
    shipped = sorted({f["evidence"] for f in manifest["files"] if "evidence" in f})
    assert shipped == ["E-3", "E-5", "E-6", "E-8"]
    with zipfile.ZipFile(folder / "pack" / "pack.zip") as pack:
        assert not any("econ" in name for name in pack.namelist())
    [report] = folder.glob("*_v*.docx")
    document = Document(str(report))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Our curriculum (Annex 1) follows the one of economics (E-2: evidence of programme 580100 Economics, not annexed)."
        in text
    )
    assert "![" not in text  # the chart, under a folder with a space and Cyrillic, is a picture
    assert document.inline_shapes, "the indicator chart is in the report"
    assert (
        "Self-assessment report: Programme accreditation — 710400 Software engineering"
        in document.core_properties.title
    )
    econ = json.loads((two.root / "build" / "p" / "580100" / "pack" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted({f["evidence"] for f in econ["files"] if "evidence" in f}) == ["E-2", "E-4", "E-5", "E-7"]
    one = two.run("build", "--programme", "software engineering", "--as-of", "2026-11-25")
    assert one.exit_code == 0, one.output


def test_the_dashboard_shows_each_programme_and_its_gaps_by_unit(two: Workspace) -> None:
    from selfassess.tracking import dashboard

    page = dashboard.render(two.check(), two.root, "en")
    cells = rf'<p class="cells" data-programme="{SE}"><b>p:1 — 710400 Software engineering</b><br>(.*?)</p>'
    mine = re.search(cells, page, re.S)
    assert mine and re.findall(r'data-status="([a-z-]+)"', mine.group(1)) == ["covered", "missing"]
    econ = re.search(r'<p class="cells" data-programme="580100"><b>p:2 — 580100 Economics</b><br>(.*?)</p>', page, re.S)
    assert econ and "Economics has no laboratory work" in econ.group(1)
    row = re.search(rf'<tr data-unit="Faculty of Mathematics" data-programme="{SE}">(.*?)</tr>', page)
    assert row and '<td data-status="missing">1</td>' in row.group(1)
    assert '<td data-status="expiring">1</td>' in row.group(1)
    assert 'data-unit="Faculty of Economics"' not in page  # 580100 owes nothing
    heat = re.search(rf'<tr data-programme="{SE}"><td>([^<]*)</td>', page)
    assert heat and heat.group(1) == "710400 Software engineering"  # each programme named once


def test_no_view_reports_a_programmes_gap_as_covered(two: Workspace, tmp_path: Path) -> None:
    """p:1.2 is missing for the second programme: every output must say so, none may say covered."""
    args = ("--as-of", "2026-11-25")
    data = json.loads(two.run("check", "--format", "json", *args).output)
    assert {c["id"]: c["status"] for c in data["criteria"]}["p:1.2"] == "missing"
    assert {c["id"]: c["status"] for c in data["programmes"][SE]["criteria"]}["p:1.2"] == "missing"
    rows = csv.DictReader(io.StringIO(two.run("check", "--format", "csv", *args).output.lstrip("\ufeff")))
    assert [r["status"] for r in rows if r["id"] == "p:1.2" and r["programme"] == SE] == ["missing"]
    assert "| p:1.2 | covered | missing |" in two.run("check", "--format", "md", *args).output
    assert re.search(r"p:1\.2\s+│ covered\s+│ missing", two.run("check", *args).output)
    assert two.run("check", "--owner", "Faculty of Mathematics", *args).exit_code == 1
    from selfassess.tracking import dashboard

    page = dashboard.render(two.check(), two.root, "en")
    cell = re.search(rf'data-programme="{SE}"><b>p:1[^<]*</b><br>.*?title="p:1\.2 — Syllabi: ([A-Za-z ]+)"', page, re.S)
    assert cell and cell.group(1) == "Missing"
    heat = re.search(rf'<tr data-programme="{SE}">.*?data-standard="p:1" data-percent="([\d.]+)"', page)
    assert heat and heat.group(1) == "50"
    two.run("requests", *args)
    memo = Document(str(two.root / "build" / "requests" / "Faculty of Mathematics.docx"))
    assert any(row.cells[0].text == "p:1.2" for t in memo.tables for row in t.rows)


def test_narratives_are_shared_by_the_programmes_unless_one_has_its_own(two: Workspace) -> None:
    two.write("narratives/p/1.1.md", "The curriculum follows the state standard.\n")
    two.write(f"narratives/p/{SE}/1.1 Curriculum.md", "Our own curriculum [E-3].\n")
    assert two.run("build", "--as-of", "2026-11-25").exit_code == 0
    texts = {}
    for folder in ("580100", SE):
        [report] = (two.root / "build" / "p" / folder).glob("*_v*.docx")
        texts[folder] = "\n".join(p.text for p in Document(str(report)).paragraphs)
    assert "The curriculum follows the state standard." in texts["580100"]
    assert "Our own curriculum (Annex 1)." in texts[SE]
    assert "The curriculum follows the state standard." not in texts[SE]


def test_the_report_is_made_from_the_narratives_the_check_read(two: Workspace) -> None:
    from selfassess.reports.report import plan
    from selfassess.textnorm import safe_name

    two.write("narratives/p/1.1.md", "Shared text of the curriculum.\n")
    two.write(f"narratives/p/{safe_name(SE)}/1.1.md", "The software engineering curriculum.\n")
    report = two.check()
    shared, own = report.narratives_of("p", "580100"), report.narratives_of("p", SE)
    # Read once by the check, not again for the report.
    assert any(n is shared for n in report.narratives) and any(n is own for n in report.narratives)
    assert shared.get("1.1").text.strip() == "Shared text of the curriculum."  # type: ignore[union-attr]
    assert own.get("1.1").text.strip() == "The software engineering curriculum."  # type: ignore[union-attr]
    markdown = plan(report.for_programme(SE), two.root, "p", programme=SE).markdown
    assert "The software engineering curriculum." in markdown and "Shared text" not in markdown
    markdown = plan(report.for_programme("580100"), two.root, "p", programme="580100").markdown
    assert "Shared text of the curriculum." in markdown
