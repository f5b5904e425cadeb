"""A generated text converted in parts makes the document it made converted whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from selfassess.resources import builtin_dir
from selfassess.word import pandoc
from selfassess.word.pandoc import Conversion, parts_of
from selfassess.word.render import render_template

WHEN = dt.datetime(2026, 1, 19)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_a_text_is_cut_only_before_its_numbered_sections_outside_code() -> None:
    sections = [f"# {n}. Section\n\nText.\n\n```\n# {n}. not a heading\n```\n\n" for n in range(1, 9)]
    text = "".join(sections)
    parts = parts_of(text, len(sections[0]) * 2)
    assert "".join(parts) == text
    assert len(parts) == 4
    assert all(part.startswith("# ") and part.count("```") % 2 == 0 for part in parts)
    assert parts_of(text, len(text)) == [text]  # shorter than two parts: whole


def _body(folder: Path, part_chars: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, ...]], list[str]]:
    """Return the body rendered into a bare template: its paragraphs (style, list level, text)
    and its footnotes' texts."""
    from lxml import etree

    monkeypatch.setattr(pandoc, "PART_CHARS", part_chars)
    template = folder / "template.docx"
    if not template.exists():
        blank = Document()
        blank.add_paragraph("{{p body}}")
        blank.save(str(template))
    out = folder / str(part_chars)
    out.mkdir()
    reference = builtin_dir("templates") / "reference.docx"
    with Conversion(folder / "body.md", reference, out, WHEN, parts=True) as body:
        document = render_template(template, {}, body, "template.docx").docx
    paragraphs = [
        (
            "".join(p.xpath("w:pPr/w:pStyle/@w:val")),
            "".join(p.xpath("w:pPr/w:numPr/w:ilvl/@w:val")),
            "".join(p.xpath(".//w:t/text()")),
        )
        for p in document.element.body.iter(qn("w:p"))
    ]
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/footnotes"))
    notes = etree.fromstring(part.blob).xpath("//w:footnote[@w:id > 0]", namespaces={"w": W})
    return paragraphs, ["".join(note.itertext()) for note in notes]


def test_parts_make_the_paragraphs_and_lists_of_the_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sections = [
        f"# {n}. Section {n}\n\nText with a note[^n{n}] and a [link](https://example.org/{n}).\n\n"
        f"[^n{n}]: The note of section {n}.\n\nFirst paragraph after text.\n\n- one\n- two\n    1. nested\n\n"
        f"| a | b |\n|---|---|\n| {n} | x |\n\n"
        for n in range(1, 13)
    ]
    (tmp_path / "body.md").write_text("".join(sections), encoding="utf-8")
    whole = _body(tmp_path, 10**9, monkeypatch)
    in_parts = _body(tmp_path, len(sections[0]) * 3, monkeypatch)
    assert len(parts_of("".join(sections), len(sections[0]) * 3)) == 4
    assert in_parts == whole
    paragraphs, notes = whole
    assert ("FirstParagraph", "", "Text with a note and a link.") in paragraphs
    assert ("Compact", "1", "nested") in paragraphs
    assert notes == [f" The note of section {n}." for n in range(1, 13)]
