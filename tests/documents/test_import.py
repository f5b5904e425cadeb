"""doc import: an existing controlled DOCX becomes documents/<code>/, its history continued by revise."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import sample_copy
from docx import Document
from seed_docx import make_seed_docx
from test_lint import CLEAN, build, replaced

from selfassess.cli import main

CODE = "КНУ.СМК-СП.01"


def run(root: Path, *args: str) -> object:
    return CliRunner().invoke(main, ["-C", str(root), *args])


def workspace(tmp_path: Path) -> Path:
    root = sample_copy(tmp_path)
    shutil.rmtree(root / "documents" / CODE)  # the sample's own copy of this regulation
    return root


def test_the_regulation_as_issued_comes_under_control(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    source = make_seed_docx(tmp_path / "Жобо БСМЖАБ.docx")
    result = run(root, "doc", "import", str(source))
    assert result.exit_code == 0, result.output
    folder = root / "documents" / CODE
    meta = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))
    assert meta["code"] == CODE and meta["type"] == "regulation" and meta["language"] == "ky"
    assert meta["title"] == "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө"
    assert meta["subtitle"] == "КУУнун түзүмдүк бөлүмү жөнүндө жобо"
    assert (meta["version"], meta["date"]) == ("0.1", "2026-01-19")
    assert meta["approval"] == {"position": "Жусуп Баласагын атындагы КУУнун ректору", "name": "Д.Т. Чонтоев"}
    assert meta["agreement"]["name"] == "А.Б. Шамшиев" and meta["agreement"]["protocol"] == "3"
    assert [d["name"] for d in meta["developers"]] == ["Кемелгазыева Г.К.", "Орозакунова М.К.", "Караева С.Д."]
    assert len(meta["agreement_sheet"]) == 3
    body = (folder / "body.md").read_text(encoding="utf-8")
    assert "# 1. Максаты жана колдонуу чөйрөсү\n" in body and "## 1.4.1 Академиялык билим берүүнүн сапаты\n" in body
    assert "\n1.1 Бул жобо Жусуп Баласагын атындагы Кыргыз улуттук университетинин" in body  # numbers kept
    assert "\n8.7 коммуникациялык (баарлашуу) көндүмдөргө ээ болуу.\n" in body
    assert "Иштеп чыгуучулар" not in body  # the sheets are made from document.yaml
    built = run(root, "doc", "build", CODE)
    assert built.exit_code == 0, built.output
    rendered = Document(str(root / "build" / "documents" / CODE / f"{CODE}_v0.1.docx"))
    assert any(p.text.startswith("1.1 Бул жобо Жусуп Баласагын") for p in rendered.paragraphs)


def test_its_change_sheet_becomes_a_sealed_history_that_revise_continues(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    spec = replaced(copy.deepcopy(CLEAN), "header", "0.1 версиясы", "1.2 версиясы")
    source = build(spec, tmp_path / "regulation.docx")
    assert run(root, "doc", "import", str(source)).exit_code == 0
    folder = root / "documents" / CODE
    assert yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))["version"] == "1.0"
    history = yaml.safe_load((folder / "revisions.yaml").read_text(encoding="utf-8"))
    assert [(h["number"], h["previous"], h["version"], h["order"]) for h in history] == [
        (1, "1.0", "1.1", "№ 12, 01.02.2026"),
        (2, "1.1", "1.2", "№ 30, 01.03.2026"),
    ]
    assert history[1]["entered"] == "2026-03-02" and history[1]["received"] == "2026-03-01"
    listed = run(root, "doc", "list")
    assert listed.exit_code == 0 and f"{CODE}  v1.2" in listed.output
    revised = run(
        root, "doc", "revise", CODE, "--summary", "2.3 кошулду", "--order", "№ 51, 01.04.2026", "--date", "2026-04-01"
    )
    assert revised.exit_code == 0, revised.output
    assert "now version 1.3 (change No. 3)" in revised.output
    heads = json.loads((root / ".selfassess" / "document-heads.json").read_text(encoding="utf-8"))
    assert heads[CODE]["number"] == 3


def test_what_cannot_be_mapped_is_said_and_nothing_is_overwritten(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    source = build(copy.deepcopy(CLEAN), tmp_path / "regulation.docx")  # version 0.1, yet two changes
    result = run(root, "doc", "import", str(source))
    assert result.exit_code == 0
    assert "warning[import-unmapped]" in result.output and "the history was not carried over" in result.output
    assert not (root / "documents" / CODE / "revisions.yaml").exists()
    again = run(root, "doc", "import", str(source))
    assert again.exit_code == 1 and "already exists" in again.output
    other = run(root, "doc", "import", str(source), "--code", "КНУ.СМК-СП.09")
    assert other.exit_code == 0 and (root / "documents" / "КНУ.СМК-СП.09" / "body.md").is_file()
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"not a zip")
    refused = run(root, "doc", "import", str(fake))
    assert (
        refused.exit_code == 1 and "is not a Word document" in refused.output and "internal error" not in refused.output
    )
