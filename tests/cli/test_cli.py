"""The command line: exit codes, output formats, filters, init, help and the README."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import AS_OF, Workspace

from selfassess.cli import main

ROOT = Path(__file__).resolve().parents[2]


def covered_workspace(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf", "evidence/c.pdf")
    ws.register(
        "- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.1', 't:1.2', 't:1.10']}\n"
        "- {id: E-2, title: Minutes, file: b.pdf, kind: minutes, criteria: ['t:1.2'], valid_until: 2027-01-10}\n"
    )


def test_fail_on_levels(ws: Workspace) -> None:
    covered_workspace(ws)
    statuses = {r.qid: r.status.value for r in ws.check().criteria}
    # t:1.2 needs minutes, and its only minutes expire on 2027-01-10, within the 90-day window.
    assert statuses == {"t:1.1": "covered", "t:1.2": "expiring", "t:1.10": "covered", "u:A1": "covered"}
    assert ws.run("check", "--as-of", "2026-11-25").exit_code == 0
    assert ws.run("check", "--as-of", "2026-11-25", "--fail-on", "stale").exit_code == 0
    assert ws.run("check", "--as-of", "2026-11-25", "--fail-on", "expiring").exit_code == 1
    ws.register("- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.2']}\n")
    assert ws.run("check", "--as-of", "2026-11-25", "--fail-on", "none").exit_code == 0
    assert ws.run("check", "--as-of", "2026-11-25", "--fail-on", "missing").exit_code == 1


def test_fail_on_partial_and_stale(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf")
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t]\nnot_applicable: {'t:1.1': n/a, 't:1.10': n/a}\n")
    ws.register(
        "- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.2']}\n"
        "- {id: E-2, title: Minutes, file: b.pdf, kind: minutes, criteria: ['t:1.2'], valid_until: 2027-01-10}\n"
    )
    args = ("check", "--as-of", AS_OF.isoformat())
    [programmes] = [r for r in ws.check().criteria if r.qid == "t:1.2"]
    assert [(f.code, f.message) for f in programmes.findings] == [
        ("criterion-expiring", "t:1.2 is met until 2027-01-10 (46 days left), then it lacks current evidence"),
        ("expiring-evidence", "E-2 supporting t:1.2 stops counting after 2027-01-10 (46 days left)"),
    ]
    assert ws.run(*args, "--fail-on", "partial").exit_code == 0
    assert ws.run(*args, "--fail-on", "stale").exit_code == 0
    assert ws.run(*args, "--fail-on", "expiring").exit_code == 1
    ws.register("- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.2'], valid_until: 2026-12-01}\n")
    # Valid on the reference date, though expiring: it counts, so the criterion is partial, not stale.
    assert {r.qid: r.status.value for r in ws.check().criteria}["t:1.2"] == "partial"
    ws.register("- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.2'], valid_until: 2026-11-01}\n")
    assert {r.qid: r.status.value for r in ws.check().criteria}["t:1.2"] == "stale"
    assert ws.run(*args, "--fail-on", "partial").exit_code == 0
    assert ws.run(*args, "--fail-on", "stale").exit_code == 1


def test_statuses_partial_stale_and_not_applicable(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf", "evidence/c.pdf")
    ws.write(
        "selfassess.yaml", "institution: X\nframeworks: [t, u]\nnot_applicable: {'u:A1': Бул жерде колдонулбайт}\n"
    )
    ws.register(
        "- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.2']}\n"
        "- {id: E-2, title: Old review, file: b.pdf, kind: report, issued: 2024-05-01, criteria: ['t:1.10']}\n"
        "- {id: E-3, title: Policy, file: c.pdf, kind: policy, criteria: ['t:1.1'], valid_until: 2025-12-31}\n"
    )
    report = ws.check()
    by_id = {r.qid: r for r in report.criteria}
    assert by_id["t:1.2"].status.value == "partial"
    assert [(f.code, f.message) for f in by_id["t:1.2"].findings] == [
        ("too-few-evidence", "t:1.2 has 1 current item(s); it needs 2"),
        ("missing-kind", "t:1.2 needs evidence of kind 'minutes' (Протокол); none is registered"),
    ]
    assert by_id["t:1.10"].status.value == "stale"
    assert [f.code for f in by_id["t:1.10"].findings] == ["stale-evidence"]
    assert [f.message for f in by_id["t:1.10"].findings] == [
        "t:1.10 has no current evidence: E-2 (issued 2024-05-01, older than 12 months)"
    ]
    assert by_id["t:1.1"].status.value == "stale"
    assert by_id["u:A1"].status.value == "not-applicable"
    assert by_id["u:A1"].reason == "Бул жерде колдонулбайт"


def test_crosswalk_counts_both_ways_and_says_so(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf")
    ws.register(
        "- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['u:A1']}\n"
        "- {id: E-2, title: Plan, file: b.pdf, kind: plan, criteria: ['t:1.1']}\n"
    )
    data = json.loads(ws.run("check", "--format", "json", "--as-of", "2026-11-25").output)
    by_id = {c["id"]: c for c in data["criteria"]}
    assert by_id["t:1.1"]["evidence"] == ["E-2", "E-1"]
    assert by_id["t:1.1"]["via"] == {"E-1": "u:A1"}
    assert by_id["u:A1"]["evidence"] == ["E-1", "E-2"]
    assert by_id["u:A1"]["via"] == {"E-2": "t:1.1"}
    text = ws.run("check", "--as-of", "2026-11-25").output
    assert "E-2, E-1 (via u:A1)" in text


def test_json_contract(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/orphan.pdf")
    ws.register("- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.1']}\n")
    result = ws.run("check", "--format", "json", "--as-of", "2026-11-25")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert set(data) == {"summary", "criteria", "findings", "programmes"}
    assert data["programmes"] == {}
    assert data["summary"]["statuses"] == {
        "missing": 2,
        "partial": 0,
        "stale": 0,
        "expiring": 0,
        "covered": 2,
        "not-applicable": 0,
    }
    assert data["summary"]["frameworks"]["t"]["coverage_percent"] == 33.3
    for criterion in data["criteria"]:
        assert {"id", "status", "evidence", "findings"} <= set(criterion)
        for finding in criterion["findings"]:
            assert {"severity", "code", "where", "message"} <= set(finding)
    [missing] = [c for c in data["criteria"] if c["id"] == "t:1.2"]
    assert missing["findings"][0] == {
        "severity": "error",
        "code": "no-evidence",
        "where": "criteria/t.yaml:11",
        "message": "t:1.2 has no evidence",
        "hint": "register evidence against t:1.2 (at least 2 items, including: Policy / regulation (policy), Minutes (minutes))",
    }
    assert data["findings"] == [
        {
            "severity": "warning",
            "code": "orphan-file",
            "where": "evidence/orphan.pdf",
            "message": "no register entry names this file",
            "hint": "add a row for it to the register, or move it out of the evidence folder",
        }
    ]


def test_csv_and_markdown_outputs(ws: Workspace) -> None:
    covered_workspace(ws)
    rows = list(csv.reader(io.StringIO(ws.run("check", "--format", "csv").output.lstrip("\ufeff"))))
    assert rows[0] == ["id", "framework", "standard", "programme", "status", "title", "evidence", "owner", "findings"]
    assert rows[1] == ["t:1.1", "t", "1", "", "covered", "Policy", "E-1", "", ""]
    md = ws.run("check", "--format", "md", "--as-of", "2026-11-25").output
    assert "| t:1.2 | expiring (46 d) | E-1, E-2 | Programmes |" in md


def test_output_file_is_written(ws: Workspace, tmp_path: Path) -> None:
    covered_workspace(ws)
    target = tmp_path / "out" / "coverage.json"
    result = ws.run("check", "--format", "json", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["criteria"] == 4
    assert f"wrote {target}" in result.output


def test_filters_by_framework_standard_and_owner(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u]\nowners: {'t:1.10': Аккредитация бөлүмү}\n")
    ws.register("- {id: E-1, title: P, file: a.pdf, kind: policy, owner: Кадрлар бөлүмү, criteria: ['t:1.2']}\n")

    def ids(*args: str) -> list[str]:
        return [c["id"] for c in json.loads(ws.run("check", "--format", "json", *args).output)["criteria"]]

    assert ids("--framework", "u") == ["u:A1"]
    assert ids("--standard", "t:1") == ["t:1.1", "t:1.2", "t:1.10"]
    assert ids("--standard", "A") == ["u:A1"]
    assert ids("--owner", "кадрлар бөлүмү") == ["t:1.2"]
    assert ids("--owner", "Аккредитация бөлүмү") == ["t:1.10"]
    result = ws.run("check", "--framework", "esg")
    assert result.exit_code == 1
    assert "no framework 'esg' in this workspace; in use: t, u" in result.output


def test_outside_a_workspace(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["-C", str(tmp_path), "check"])
    assert result.exit_code == 1
    assert f"no selfassess.yaml in {tmp_path} or any folder above it" in result.output
    assert "Traceback" not in result.output


def test_init_creates_a_workspace_that_loads_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "Жаңы dossier"
    result = CliRunner().invoke(main, ["init", str(target), "--framework", "esg2015", "--language", "ru"])
    assert result.exit_code == 0, result.output
    assert (target / "criteria" / "esg2015.yaml").is_file()
    check = CliRunner().invoke(main, ["-C", str(target), "check", "--format", "json"])
    data = json.loads(check.output)
    assert data["findings"] == []
    assert data["summary"]["statuses"]["missing"] == 10
    assert check.exit_code == 1
    again = CliRunner().invoke(main, ["init", str(target)])
    assert again.exit_code == 1
    assert "init never overwrites files: choose an empty folder (nothing was changed)" in again.output


def test_init_never_overwrites_a_register(tmp_path: Path) -> None:
    register = tmp_path / "ws" / "evidence" / "register.xlsx"
    register.parent.mkdir(parents=True)
    register.write_bytes(b"MY REAL REGISTER")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 1
    assert "already has evidence/register.xlsx" in result.output
    assert register.read_bytes() == b"MY REAL REGISTER"
    assert not (tmp_path / "ws" / "selfassess.yaml").exists()


def test_init_with_all_frameworks_and_unknown_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "a")])
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "a" / "criteria").iterdir())
    assert names == ["esg2015.yaml", "kg-licensing.yaml", "kg-minreq.yaml", "knu-bsmjab.yaml", "prog-acc.yaml"]
    bad = CliRunner().invoke(main, ["init", str(tmp_path / "b"), "--framework", "esg"])
    assert bad.exit_code == 1
    assert "no built-in framework 'esg'" in bad.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command: str) -> None:
    help_text = CliRunner().invoke(main, [command, "--help"]).output
    assert "Examples:" in help_text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"selfassess {command}\b", readme), f"README does not show 'selfassess {command}'"


def test_console_script_runs(tmp_path: Path) -> None:
    done = subprocess.run(["selfassess", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "selfassess check" in done.stdout
    outside = subprocess.run(["selfassess", "check"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert outside.returncode == 1
    assert "no selfassess.yaml" in outside.stderr


def test_an_age_limit_names_the_day_evidence_stops_counting(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register("- {id: E-1, title: Review, file: a.pdf, kind: report, issued: 2026-01-10, criteria: ['t:1.10']}\n")
    [review] = [r for r in ws.check().criteria if r.qid == "t:1.10"]
    # Valid on the reference date, so it counts: expiring, with the days left, never stale.
    assert (review.status.value, review.days_left) == ("expiring", 46)
    assert [f.message for f in review.findings] == [
        "t:1.10 is met until 2027-01-10 (46 days left), then it lacks current evidence",
        "E-1 supporting t:1.10 stops counting after 2027-01-10 (46 days left)",
    ]
    [review] = [r for r in ws.check(as_of=dt.date(2027, 1, 11)).criteria if r.qid == "t:1.10"]
    assert review.status.value == "stale"
    assert [f.message for f in review.findings] == [
        "t:1.10 has no current evidence: E-1 (issued 2026-01-10, older than 12 months)"
    ]


def test_check_writes_the_format_asked_or_the_one_the_file_name_says(ws: Workspace) -> None:
    covered_workspace(ws)
    for name, starts in (("out.json", '{"summary"'), ("out.csv", "\ufeffid,framework"), ("out.md", "# Coverage")):
        assert ws.run("check", "--as-of", "2026-11-25", "-o", str(ws.root / name)).exit_code == 0
        assert (ws.root / name).read_text(encoding="utf-8").startswith(starts), name
    ws.run("check", "--as-of", "2026-11-25", "--format", "text", "-o", str(ws.root / "out.md"))
    text = (ws.root / "out.md").read_text(encoding="utf-8")
    assert "┃ Criterion" in text and "\x1b[" not in text  # the screen's tables, without colour codes
    ws.run("check", "--as-of", "2026-11-25", "-o", str(ws.root / "report.txt"))
    assert "┃ Criterion" in (ws.root / "report.txt").read_text(encoding="utf-8")
    # A workbook for Excel, headed in the documents' language, one row per criterion.
    assert ws.run("check", "--as-of", "2026-11-25", "-o", str(ws.root / "покрытие.xlsx")).exit_code == 0
    from openpyxl import load_workbook

    book = load_workbook(ws.root / "покрытие.xlsx")
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:5] == ("Criterion", "Standard", "Programme", "Title", "Status")
    assert ("t:1.1", "1", None, "Policy", "Covered") in [r[:5] for r in rows]
    # Every problem with the place to fix it, on a sheet of its own.
    ws.register((ws.root / "evidence" / "register.yaml").read_text(encoding="utf-8") + "- {id: E-9, title: X}\n")
    assert ws.run("check", "--as-of", "2026-11-25", "-o", str(ws.root / "покрытие.xlsx")).exit_code == 1
    problems = list(load_workbook(ws.root / "покрытие.xlsx").worksheets[1].iter_rows(values_only=True))
    assert problems[0] == ("Where", "Severity", "Code", "Problem", "What to do", "Criterion", "Evidence", "Programme")
    row = next(r for r in problems[1:] if r[6] == "E-9")
    assert row[0].startswith("evidence/register.yaml:") and row[1] == "error"
    # A file Excel or Word opens by its extension is never written with text it cannot read.
    for name, extra in (("out.xlsx", ("--format", "csv")), ("out.docx", ()), ("out.weird", ())):
        refused = ws.run("check", "--as-of", "2026-11-25", "-o", str(ws.root / name), *extra)
        assert refused.exit_code == 2, name
        suffix = Path(name).suffix
        assert f"the check cannot write a '{suffix}' file in that format; name the file .xlsx (for Excel)" in (
            refused.output
        )
        assert not (ws.root / name).exists()
    refused = ws.run("check", "--format", "xlsx")
    assert refused.exit_code == 2 and "a workbook is written to a file: add -o coverage.xlsx" in refused.output
