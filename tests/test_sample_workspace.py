"""The repository root is the sample workspace: it loads cleanly and shows every status."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from click.testing import CliRunner

from selfassess.cli import main
from selfassess.pipeline import check

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 25)


def test_sample_shows_every_status_and_has_no_errors_in_its_files() -> None:
    report = check(ROOT, AS_OF)
    assert {r.status.value for r in report.criteria} == {"covered", "partial", "missing", "stale", "not-applicable"}
    assert report.input_errors() == []
    assert len(report.loaded.items) >= 40
    statuses = {r.qid: r.status.value for r in report.criteria}
    assert statuses["esg2015:1.8"] == "missing"
    assert statuses["esg2015:1.10"] == "stale"
    assert statuses["kg-licensing:L6"] == "partial"
    assert statuses["kg-licensing:L8"] == "not-applicable"


def test_sample_evidence_is_realistic() -> None:
    files = [p for p in (ROOT / "evidence").rglob("*") if p.is_file() and p.name not in ("register.xlsx", "README.md")]
    assert len(files) >= 40
    suffixes = {p.suffix for p in files}
    assert {".docx", ".xlsx", ".pdf", ".csv"} <= suffixes
    assert any(re.search(r"[ңөү]", p.as_posix()) and " " in p.name for p in files)


def test_check_at_the_root_exits_1_and_names_the_gaps() -> None:
    result = CliRunner().invoke(main, ["-C", str(ROOT), "check", "--format", "json", "--as-of", "2026-11-25"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    [l8] = [c for c in data["criteria"] if c["id"] == "kg-licensing:L8"]
    assert l8["reason"].startswith("КУУда медициналык")
    [l6] = [c for c in data["criteria"] if c["id"] == "kg-licensing:L6"]
    assert [f["code"] for f in l6["findings"]] == ["missing-kind"]
    assert (
        l6["findings"][0]["message"]
        == "kg-licensing:L6 needs evidence of kind 'syllabus' (Силлабус); none is registered"
    )


def test_every_finding_code_is_tested() -> None:
    codes = set()
    for path in (ROOT / "selfassess").rglob("*.py"):
        codes |= set(re.findall(r'(?:error|warning|info)\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
    tests = "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py") if p.name != Path(__file__).name
    )
    untested = sorted(code for code in codes if f'"{code}"' not in tests and f"[{code}]" not in tests)
    assert untested == []
    assert len(codes) > 30
