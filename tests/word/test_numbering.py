"""List numbering merged with indexes gives the document docxcompose's own steps give."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from selfassess.resources import builtin_dir
from selfassess.word.compose import insert_bodies
from selfassess.word.numbering import IndexedNumbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODIES = [
    "- бир\n- эки\n  - ички\n\nАбзац.\n\n1. биринчи\n2. экинчи\n\n- үч\n",
    "3. үчүнчү\n4. төртүнчү\n\n- төрт\n\n| a |\n|---|\n| - x |\n\n1. кайра\n",
]


def _merged(tmp: Path) -> tuple[bytes, bytes]:
    import pypandoc
    from docx import Document
    from lxml import etree

    reference = builtin_dir("templates") / "reference.docx"
    bodies = []
    for index, text in enumerate(BODIES):
        target = tmp / f"body-{index}.docx"
        command = [pypandoc.get_pandoc_path(), "--from", "commonmark_x", "--to", "docx"]
        subprocess.run([*command, f"--reference-doc={reference}", "-o", str(target)], input=text.encode(), check=True)
        bodies.append(target)
    document = Document(str(reference))
    document.add_paragraph("SELFASSESS-BODY")
    insert_bodies(document, bodies)
    numbering = document.part.numbering_part.element
    return etree.tostring(document.element.body), etree.tostring(numbering)


def test_indexed_numbering_merges_as_docxcompose_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    indexed = _merged(tmp_path / "a")
    for name in (
        "add_numberings",
        "_next_numbering_ids",
        "_insert_num",
        "_insert_abstract_num",
        "restart_first_numbering",
    ):
        monkeypatch.delattr(IndexedNumbering, name)
    assert _merged(tmp_path / "b") == indexed
    # The lists are really there, each part's own definitions added once.
    assert indexed[0].count(b"<w:numId ") >= 9
    assert indexed[1].count(b"<w:num ") >= 4
