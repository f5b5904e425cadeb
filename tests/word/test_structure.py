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
    from lxml import etree

    # Each paragraph whole, as XML: its style, runs, their properties, breaks and text.
    return [
        (p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") if p.find(f"{W}pPr/{W}pStyle") is not None else None,
         etree.tostring(p, encoding="unicode"))
        for p in document.element.body.iterchildren(f"{W}p")
    ]  # fmt: skip


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


PROSE = (
    "Университет 1.1-критерийдин талаптарын аткарат: ички жоболор бекитилген,\n"
    'жооптуу бөлүмдөр аныкталган ("сапат кеңеши") жана 95 % студенттер катышат!\n'
    "Маалымат \\*жылдызчасы\\* менен; 2025-жылы = 12 отчет."
)
NARRATIVES = {
    "prose": PROSE + "\n\nЭкинчи абзац ң ө ү.\n",
    "list after a line": "Иш-чаралар:\n- биринчи\n- экинчи\n\nАкыркы абзац.",
    "numbered line inside": "Жобонун пункттары\n5. бешинчи пункт\n\nАкыркы абзац.",
    "fenced code with a blank line": "Абзац.\n\n```\nкод\n\nдагы код\n```\n\nАкыркы абзац.",
    "definition after a blank line": "Термин\n\n: аныктамасы\n\nАкыркы абзац.",
    "setext heading": "Бөлүм\n===\n\nАбзац.",
    "loose list around prose": "- биринчи\n\nОртодогу абзац.\n\n- экинчи\n\n  ички абзац\n\nАкыркы.",
    "table then prose": "| a | b |\n|---|---|\n| 1 | 2 |\n\nТаблицадан кийин.",
    "comment with blank lines": "Абзац.\n\n<!--\n\nжашыруун\n\n-->\n\nАкыркы.",
    "div": '::: {custom-style="Table Caption"}\nАбзац.\n:::\n\nАкыркы.',
    "the generator's forms": "**Күчтүү жагы:** жаңыланат.\n\n**Калың сап**\n\n*Курсив сап*\n\n### Бөлүм\n\nАбзац.",
    "decomposed letters": "Университети\u0306 е\u0308лка.\n\nЭкинчи.",
    "soft hyphen": "Авто\u00adматташтыруу.\n\nЭкинчи.",
    "east asian script": "Абзац.\n\n中文 text\n\nАкыркы.",
    "noncharacter": "Бул абзац \uffff белгиси менен.\n\nАкыркы.",
    "blank lines inside indented code": "Кириш.\n\n    код1\n\n\n    код2\n      \n    код3\n\nАкыркы.",
    "a heading and a list without blank lines": "Абзац\n### Бөлүм\n\nТекст\n\n### Кийинки\n\n- тизме",
    "emphasis and quote": "**Калың** сөз жана *курсив*.\n\n> цитата\n\nАкыркы абзац.",
}


@pytest.mark.parametrize("name", NARRATIVES)
def test_a_narratives_paragraphs_written_directly_are_those_pandoc_writes(tmp_path: Path, name: str) -> None:
    from selfassess.word.structure import narrative_blocks

    text = GeneratedText.of(["## 1.1 Критерий", "", *narrative_blocks(NARRATIVES[name]), "**Статус:** бар", ""])
    # Against pandoc converting the narrative as written, whole.
    whole = GeneratedText.of(["## 1.1 Критерий", "", Free(NARRATIVES[name]), "", "**Статус:** бар", ""])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _paragraphs(tmp_path / "a", text, text.blocks) == _paragraphs(tmp_path / "b", whole, None)


def test_only_plain_prose_skips_pandoc() -> None:
    from selfassess.word.structure import narrative_blocks

    def direct(text: str) -> list[str]:
        return [b for b in narrative_blocks(text) if b and not isinstance(b, Free)]

    assert direct(NARRATIVES["prose"]) == [PROSE, "Экинчи абзац ң ө ү."]
    assert direct(NARRATIVES["loose list around prose"]) == ["Ортодогу абзац.", "Акыркы."]
    assert direct(NARRATIVES["list after a line"]) == ["Акыркы абзац."]
    assert len(direct(NARRATIVES["the generator's forms"])) == 5
    assert direct(NARRATIVES["emphasis and quote"]) == ["Акыркы абзац."]
    assert direct(NARRATIVES["numbered line inside"]) == ["Акыркы абзац."]
    # A construct that may hold a blank line sends the whole narrative to pandoc.
    for name in ("fenced code with a blank line", "definition after a blank line", "comment with blank lines", "div"):
        assert direct(NARRATIVES[name]) == [], name


def test_a_paragraph_after_a_list_then_a_heading_is_styled_as_pandoc_styles_it(tmp_path: Path) -> None:
    from selfassess.word.structure import narrative_blocks

    lines = ["## 1.1 Критерий", "", *narrative_blocks("Иш-чаралар:\n- биринчи\n- экинчи\n\nКорутунду.")]
    lines += [
        "**Статус:** бар",
        "",
        "## 1.2 Критерий",
        "",
        *narrative_blocks("- тизме\n\nАбзац."),
        "**Статус:** жок",
        "",
    ]
    text = GeneratedText.of(lines)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _paragraphs(tmp_path / "a", text, text.blocks) == _paragraphs(tmp_path / "b", text, None)
