"""What doc build wrote is never written over once someone changed it; older versions' outputs go."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from selfassess.cli import main

ROOT = Path(__file__).resolve().parents[2]
CODE = "КНУ.СМК-СП.01"


@pytest.fixture
def space(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    target.mkdir()
    shutil.copy(ROOT / "selfassess.yaml", target)
    shutil.copytree(ROOT / "documents", target / "documents")
    shutil.copytree(ROOT / "templates", target / "templates")
    return target


def run(space: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["-C", str(space), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_built_document_edited_in_word_is_kept_and_older_versions_go(space: Path) -> None:
    folder = space / "build" / "documents" / CODE
    run(space, "doc", "build", CODE)
    built = folder / f"{CODE}_v0.1.docx"
    pristine = built.read_bytes()
    run(space, "doc", "build", CODE)  # unchanged: written again, nothing said
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [built.name]
    edited = Document(str(built))
    edited.add_paragraph("5.3 — the analyst's correction, made in Word")
    edited.save(str(built))
    out = run(space, "doc", "build", CODE)
    kept = folder / f"{CODE}_v0.1 (edited).docx"
    assert (
        f"{built.name} was changed after it was built (in Word?); it is kept as {kept.name}: carry the changes "
        "into the document's body.md, from which it is built" in out
    )
    assert built.read_bytes() == pristine
    assert "the analyst's correction" in "\n".join(p.text for p in Document(str(kept)).paragraphs)
    run(space, "doc", "revise", CODE, "--summary", "5.3", "--order", "№ 45, 12.03.2026", "--date", "2026-03-12")
    out = run(space, "doc", "build", CODE)
    assert f"{built.name} removed: it is an earlier version's (the archive keeps that version)" in out
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert names == [kept.name, f"{CODE}_v0.2.docx"]  # the analyst's copy stays until they remove it


def test_revise_refuses_to_archive_edits_as_the_version_they_were_not_built_as(space: Path) -> None:
    run(space, "doc", "build", CODE)
    body = space / "documents" / CODE / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nЖаңы пункт.\n", encoding="utf-8")
    args = ("doc", "revise", CODE, "--summary", "5.3", "--order", "№ 45, 12.03.2026", "--date", "2026-03-12")
    refused = CliRunner().invoke(main, ["-C", str(space), *args])
    assert refused.exit_code == 1
    assert f"documents/{CODE}/body.md has changed since version 0.1 was built" in refused.output
    assert not (space / "documents" / CODE / "archive").exists()
    run(space, "doc", "build", CODE)  # the edits belong to 0.1 after all
    assert "now version 0.2" in run(space, *args)
    archived = space / "documents" / CODE / "archive" / "0.1" / "body.md"
    assert "Жаңы пункт." in archived.read_text(encoding="utf-8")


def test_revise_wants_the_orders_number(space: Path) -> None:
    args = ("doc", "revise", CODE, "--summary", "5.3", "--order", "приказ ректора", "--date", "2026-03-12")
    refused = CliRunner().invoke(main, ["-C", str(space), *args])
    assert refused.exit_code == 1
    assert "--order «приказ ректора» does not give the order's number (№): write it as «№ 45, 12.03.2026»" in (
        refused.output
    )
    assert not (space / "documents" / CODE / "revisions.yaml").exists()


def test_a_damaged_record_never_reaches_outside_and_words_save_is_still_seen(space: Path) -> None:
    import json

    folder = space / "build" / "documents" / CODE
    run(space, "doc", "build", CODE)
    settings = space / "selfassess.yaml"
    state = folder / ".built.json"
    recorded = json.loads(state.read_text(encoding="utf-8"))
    recorded["../../../selfassess.yaml"] = "0" * 64  # a hand-edited record naming another file
    state.write_text(json.dumps(recorded), encoding="utf-8")
    run(space, "doc", "build", CODE)
    assert settings.is_file() and not list(space.glob("selfassess (*"))
    # No record at all (a build before this one kept them): Word's save names its user.
    state.unlink()
    built = folder / f"{CODE}_v0.1.docx"
    edited = Document(str(built))
    edited.core_properties.last_modified_by = "Асанова Н.К."
    edited.save(str(built))
    out = run(space, "doc", "build", CODE)
    assert f"{built.name} was changed after it was built" in out
    assert (folder / f"{CODE}_v0.1 (edited).docx").is_file()


def test_line_ends_alone_do_not_stop_a_revision_and_order_numbers_may_have_letters(space: Path) -> None:
    run(space, "doc", "build", CODE)
    body = space / "documents" / CODE / "body.md"
    body.write_bytes(b"\xef\xbb\xbf" + body.read_bytes().replace(b"\n", b"\r\n"))  # saved by Notepad
    order = "№ ОД-45 от 12.03.2026"
    assert "now version 0.2" in run(space, "doc", "revise", CODE, "--summary", "5.3", "--order", order)
