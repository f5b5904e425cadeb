"""A generated text's own paragraphs written directly come out as pandoc wrote them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from selfassess.resources import builtin_dir
from selfassess.word.compose import insert_bodies
from selfassess.word.pandoc import Conversion
from selfassess.word.structure import Free, GeneratedText, Mismatch

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraphs(tmp: Path, text: GeneratedText, blocks: object) -> list[tuple[str | None, str]]:
    from docx import Document

    reference = builtin_dir("templates") / "reference.docx"
    source = tmp / "body.md"
    source.write_text(str(text), encoding="utf-8")
    document = Document(str(reference))
    for element in list(document.element.body):
        if element.tag != f"{W}sectPr":
            document.element.body.remove(element)
    document.add_paragraph("SELFASSESS-BODY")
    with Conversion(source, reference, tmp, dt.datetime(2026, 1, 1), parts=True, blocks=blocks) as body:  # type: ignore[arg-type]
        insert_bodies(document, body.start(), body.prepare)
    out = []
    for p in document.element.body.iterchildren(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        runs = [(r.find(f"{W}rPr") is not None, "".join(r.itertext())) for r in p.iterchildren(f"{W}r")]
        out.append((style.get(f"{W}val") if style is not None else None, repr(runs)))
    return out


def test_generated_paragraphs_are_those_pandoc_writes(tmp_path: Path) -> None:
    text = GeneratedText.of(
        ["**Статус:** жок", "", "## 1.1 Критерий \\[a\\] & b", "", Free("Текст\n\n- тизме"), "", "**Статус:** бар", "",
         Free("Абзац."), "", "*сүрөттөмө*", "", '::: {custom-style="Table Caption"}', "1-таблица. x", ":::", "",
         "# 2. Бөлүм", "", "- SWOT", "", "SELFASSESS-TABLE-1", ""]
    )  # fmt: skip
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _paragraphs(tmp_path / "a", text, text.blocks) == _paragraphs(tmp_path / "b", text, None)


def test_a_marker_pandoc_swallows_sends_the_text_back_whole(tmp_path: Path) -> None:
    text = GeneratedText.of(["## 1.1 Критерий", "", Free("```\nunclosed"), "", "**Статус:** бар", ""])
    with pytest.raises(Mismatch):
        _paragraphs(tmp_path, text, text.blocks)
