"""The repository root is the sample workspace: it loads cleanly and shows every status."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import zipfile
from pathlib import Path

from click.testing import CliRunner
from conftest import needs_libreoffice, sample_copy

from selfassess.check.pipeline import check
from selfassess.cli import main

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 25)


def test_sample_shows_every_status_and_has_no_errors_in_its_files() -> None:
    report = check(ROOT, AS_OF)
    statuses = {r.status.value for r in report.criteria}
    assert statuses == {"covered", "partial", "missing", "stale", "expiring", "not-applicable"}
    assert report.input_errors() == []
    assert len(report.loaded.items) >= 40
    statuses = {r.qid: r.status.value for r in report.criteria}
    assert statuses["esg2015:1.8"] == "missing"
    assert statuses["esg2015:1.10"] == "stale"
    assert statuses["kg-licensing:L6"] == "partial"
    assert statuses["kg-licensing:L8"] == "not-applicable"
    assert statuses["kg-licensing:L2"] == "expiring"  # valid on the day, renewal due within the window


def test_sample_accredits_two_programmes_each_on_its_own_evidence() -> None:
    report = check(ROOT, AS_OF)
    table = {p: {r.qid: r.status.value for r in results} for p, results in report.programmes.items()}
    assert table["580100"] == {
        "prog-acc:1.1": "covered",
        "prog-acc:1.2": "covered",
        "prog-acc:1.3": "covered",
        "prog-acc:2.1": "covered",
        "prog-acc:3.1": "covered",
        "prog-acc:3.2": "covered",
        "prog-acc:4.1": "covered",
        "prog-acc:4.2": "not-applicable",
    }
    assert table["710400"] == {
        "prog-acc:1.1": "missing",
        "prog-acc:1.2": "covered",
        "prog-acc:1.3": "missing",
        "prog-acc:2.1": "covered",
        "prog-acc:3.1": "missing",
        "prog-acc:3.2": "expiring",
        "prog-acc:4.1": "covered",
        "prog-acc:4.2": "covered",
    }
    # The framework view: a criterion is only as good as its worst programme.
    framework = {r.qid: r.status.value for r in report.criteria if r.ref.framework.id == "prog-acc"}
    assert framework["prog-acc:1.1"] == "missing" and framework["prog-acc:3.2"] == "expiring"
    assert framework["prog-acc:4.2"] == "covered"  # not applicable to 580100 only


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
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py") if p.name != Path(__file__).name
    )
    # Safety nets for failures no valid input is known to cause; they keep a crash out of check.
    safety_nets = {"indicator-error"}
    untested = sorted(code for code in codes - safety_nets if f'"{code}"' not in tests and f"[{code}]" not in tests)
    assert untested == []
    assert len(codes) > 30


def test_build_at_the_root_makes_the_esg_report_and_a_pack_that_verifies(tmp_path: Path) -> None:
    from docx import Document

    root = sample_copy(tmp_path)
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--framework", "esg2015", "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.output
    out = root / "build" / "esg2015"
    report = Document(str(out / "КНУ.СМК-ОС.01_v1.0.docx"))
    headings = [p.text for p in report.paragraphs if p.style.name == "Heading 2"]
    assert [h.split()[0] for h in headings] == [f"1.{n}" for n in range(1, 11)]
    text = "\n".join(p.text for p in report.paragraphs)
    assert "[E-" not in text
    assert re.search(r"\(Приложение \d+\)", text)
    assert "Доказательства по этому критерию в реестре отсутствуют." in text  # 1.8 has none
    indicator_tables = [t for t in report.tables if t.rows[0].cells[0].text == "Показатель"]
    assert ["Абсолютная успеваемость (доля сдавших)", "91,1\u00a0%", "≥\u00a080 (университет)", "соответствует"] in [
        [c.text for c in row.cells] for t in indicator_tables for row in t.rows
    ]
    assert "Источники данных" in [p.text.split(". ", 1)[-1] for p in report.paragraphs if p.style.name == "Heading 1"]
    with zipfile.ZipFile(out / "КНУ.СМК-ОС.01_v1.0.docx") as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png")]) >= 5
    for name in (
        "evidence-index.docx",
        "evidence-index.xlsx",
        "criteria-matrix.xlsx",
        "pack/manifest.json",
        "pack/pack.zip",
    ):
        assert (out / name).is_file(), name
    verified = CliRunner().invoke(main, ["verify", str(out / "pack")])
    assert verified.exit_code == 0, verified.output
    annex = next((out / "pack" / "annexes").iterdir())
    annex.write_bytes(annex.read_bytes() + b" ")
    tampered = CliRunner().invoke(main, ["verify", str(out / "pack")])
    assert tampered.exit_code == 1
    assert "error[pack-changed]" in tampered.output


@needs_libreoffice
def test_the_esg_report_runs_to_fifty_pages(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    result = CliRunner().invoke(
        main, ["-C", str(root), "build", "--framework", "esg2015", "--pdf", "--as-of", "2026-11-25"]
    )
    assert result.exit_code == 0, result.output
    assert "rendered esg2015: PDF" in result.output
    pdf = root / "build" / "esg2015" / "КНУ.СМК-ОС.01_v1.0.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 50
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"стр. {pages} из {pages}" in last


def test_the_summary_counts_what_it_prints(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--as-of", "2026-11-25"])
    text = " ".join(result.output.split())
    printed_warnings = text.count("warning[")
    printed_gaps = text.count("error[")  # the sample's files have no errors, so every error line is a gap
    assert f"; {printed_warnings} warning(s)." in text
    assert f"{printed_gaps} gap(s) in coverage (the error lines about criteria); 0 error(s) in the register" in text
