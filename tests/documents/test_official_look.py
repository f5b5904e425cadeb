"""Forms as the seed draws them, on the sample's own documents: signature and change rows of at
least 1 cm that never split, list marker «–», no type word twice on the title page, a draft
with no approval date or protocol, kind names in the document's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import sample_copy
from docx import Document
from docx.oxml.ns import qn

from selfassess.cli import main

CM = 567  # twips in a centimetre


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = sample_copy(tmp_path_factory.mktemp("look"))
    for args in (["doc", "build"], ["monitoring", "--as-of", "2026-11-25"], ["build", "--as-of", "2026-11-25"]):
        result = CliRunner().invoke(main, ["-C", str(root), *args])
        assert result.exit_code in (0, 1), result.output  # 1: the sample's own gaps
    return root


def documents(root: Path) -> list[Path]:
    found = sorted((root / "build" / "documents").rglob("*.docx")) + sorted(
        (root / "build" / "monitoring").glob("*.docx")
    )
    assert len(found) == 3
    return found


def sheet(document, heading_words: tuple[str, ...]):
    """Return the table that follows the heading holding one of `heading_words`."""
    body = list(document.element.body.iterchildren())
    for index, element in enumerate(body):
        if element.tag == qn("w:p") and any(w in "".join(element.itertext()).upper() for w in heading_words):
            table = next((e for e in body[index + 1 :] if e.tag == qn("w:tbl")), None)
            if table is not None:
                return table
    return None


def row_heights(table) -> list[int]:
    heights = []
    for row in table.iter(qn("w:tr")):
        height = row.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
        heights.append(int(height.get(qn("w:val"))) if height is not None else 0)
    return heights


def test_signature_and_change_rows_are_at_least_a_centimetre_and_never_split(sample: Path) -> None:
    path = next(p for p in documents(sample) if "СП.01" in p.name)
    document = Document(str(path))
    for words in (("ИШТЕП ЧЫГУУЧУЛАР",), ("МАКУЛДАШУУ БАРАГЫ",), ("КИРГИЗҮҮ БАРАГЫ",)):
        table = sheet(document, words)
        assert table is not None, words
        heights = row_heights(table)[1:]  # below the heading row
        assert heights and min(heights) >= CM, (words, heights)
        rows = list(table.iter(qn("w:tr")))[1:]
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows), words


def test_the_agreement_sheet_is_kept_on_one_page(sample: Path) -> None:
    path = next(p for p in documents(sample) if "СП.01" in p.name)
    table = sheet(Document(str(path)), ("МАКУЛДАШУУ БАРАГЫ",))
    rows = list(table.iter(qn("w:tr")))
    # Every row but the last keeps with the next (its paragraphs' keepNext): Word moves the sheet whole.
    for row in rows[1:-1]:  # the heading row keeps with the next by its style
        assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in row.iter(qn("w:p")))


def test_lists_use_the_seeds_dash_and_the_title_page_names_the_type_once(sample: Path) -> None:
    for path in documents(sample):
        document = Document(str(path))
        # Every bullet level in the document draws «–», in the text's font (no symbol font).
        levels = list(document.part.numbering_part.element.iter(qn("w:lvl")))
        bullets = [lv for lv in levels if lv.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"]
        assert bullets, path.name
        assert {lv.find(qn("w:lvlText")).get(qn("w:val")) for lv in bullets} == {"–"}, path.name
        assert not [lv for lv in bullets if lv.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None]
        titles = [p.text.lower() for p in document.paragraphs[:30] if p.style.name == "Title" and p.text]
        assert titles, path.name
        words = [set(re.findall(r"\w+", t)) for t in titles]
        assert not any(len(w) == 1 and w <= other for i, w in enumerate(words) for other in words[i + 1 :]), titles


def test_a_draft_leaves_its_approval_and_agreement_to_be_signed(sample: Path) -> None:
    [report] = (sample / "build" / "monitoring").glob("*.docx")
    document = Document(str(report))
    header = document.sections[0].header.tables[0]
    assert "ДОЛБООР" in header.rows[2].cells[0].text
    first_page = "\n".join(p.text for p in document.paragraphs[:25])
    assert "Протокол" not in first_page and "протокол" not in first_page  # report.yaml gives "2": not on a draft
    approval = first_page.split("БЕКТЕМ", 1)[1].split("\n")[:4]
    assert not [line for line in approval if re.search(r"\b20\d\d\b", line) and "_" not in line], approval


def test_kind_names_are_in_the_documents_language(sample: Path) -> None:
    report = sample / "build" / "esg2015" / "КНУ.СМК-ОС.01_v1.0.docx"
    document = Document(str(report))
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    english_ids = {"policy", "order", "minutes", "survey_results", "staff_list", "syllabus", "report", "plan"}
    assert not cells & english_ids
    index = Document(str(report.parent / "evidence-index.docx"))
    kinds = {r.cells[2].text for t in index.tables for r in t.rows[1:] if len(r.cells) > 3}
    assert kinds and not kinds & english_ids, kinds
