"""Every sample document, as printed: text within the margins, tables within the text area, no page
with only its header, no heading or caption alone at the foot of a page (issue 16, item 6).

The sample is built once for the module (reports, evidence indexes, controlled documents, the
monitoring report, the memos) and its PDFs measured by `geometry`; each rule is also shown to
fail on a small DOCX made to break it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geometry
import pytest
from click.testing import CliRunner
from conftest import needs_libreoffice, sample_copy
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Cm

from selfassess.cli import main
from selfassess.word.pdf import convert

pytestmark = needs_libreoffice

AS_OF = "2026-11-25"
WHEN = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
RULES = ("outside_margins", "too_wide", "header_only_pages", "stranded_headings")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Build every document of the sample as PDF; return {name: (pdf, docx)}."""
    root = sample_copy(tmp_path_factory.mktemp("geometry"))
    for command in (
        ["build", "--pdf", "--as-of", AS_OF],
        ["doc", "build", "--pdf"],
        ["monitoring", "--pdf", "--as-of", AS_OF],
        ["requests", "--as-of", AS_OF],
    ):
        result = CliRunner().invoke(main, ["-C", str(root), *command], catch_exceptions=False)
        assert result.exit_code == 0, f"selfassess {' '.join(command)}: {result.output}"
    build = root / "build"
    # The evidence indexes and the memos have no --pdf of their own: LibreOffice prints them as the
    # units and agencies would.
    convert([(docx, WHEN) for docx in _documents(build) if not docx.with_suffix(".pdf").is_file()])
    return {
        str(docx.relative_to(build).with_suffix("")): (docx.with_suffix(".pdf"), docx) for docx in _documents(build)
    }


def _documents(build: Path) -> list[Path]:
    """The DOCX the sample builds, once each (the pack holds copies, .cache pandoc's pieces)."""
    return sorted(docx for docx in build.rglob("*.docx") if not {"pack", ".cache"} & set(docx.relative_to(build).parts))


@pytest.fixture(scope="module")
def found(sample: dict[str, tuple[Path, Path]]) -> dict[str, list[str]]:
    """Every rule's problems over all the sample's documents."""
    by_rule: dict[str, list[str]] = {rule: [] for rule in RULES}
    for name, (pdf, docx) in sample.items():
        for rule, problems in geometry.problems(name, pdf, docx).items():
            by_rule[rule] += problems
    return by_rule


def test_every_kind_of_document_is_measured(sample: dict[str, tuple[Path, Path]]) -> None:
    names = set(sample)
    for framework in ("esg2015", "kg-minreq", "knu-bsmjab", "kg-licensing", "prog-acc/580100", "prog-acc/710400"):
        assert f"{framework}/evidence-index" in names
        assert any(n.startswith(f"{framework}/") and n != f"{framework}/evidence-index" for n in names), framework
    assert any(n.startswith("monitoring/") for n in names)
    assert sum(n.startswith("documents/") for n in names) >= 2
    assert any(n.startswith("requests/") for n in names)


def test_the_check_sees_headers_and_headings(sample: dict[str, tuple[Path, Path]]) -> None:
    """A rule that finds nothing because it saw nothing proves nothing: the controlled documents'
    page headers are recognised, and their headings are found on the pages."""
    for name, (pdf, docx) in sample.items():
        if name.startswith(("esg2015/КНУ", "monitoring/", "documents/")):
            pages = geometry.read_pdf(pdf)
            assert len(pages) > 5, name
            assert min(geometry.header_rows(pages, docx)) >= 4, name
            printed = {"".join(row.text.split()).casefold() for page in pages for row in page.rows}
            wanted = {"".join(h.text.split()).casefold() for h in geometry.headings(docx) if h.kind == "heading"}
            assert len(wanted & printed) >= 10, name


@pytest.mark.parametrize("rule", RULES)
def test_the_sample_keeps_the_rule(found: dict[str, list[str]], rule: str) -> None:
    assert found[rule] == [], "\n".join(found[rule])


# Each rule can fail: a small document made to break it, printed by LibreOffice.


def _header(document: Document) -> None:
    document.sections[0].header.paragraphs[0].text = "Test University — controlled document"


def _beyond_the_margins(path: Path) -> None:
    document = Document()
    _header(document)
    document.add_paragraph("An ordinary paragraph within the margins.")
    wide = document.add_paragraph("This paragraph runs into the right margin: its right indent is negative. " * 3)
    wide.paragraph_format.right_indent = Cm(-3)
    # A frame placed on the page below the bottom margin (a text box where the footer would be).
    low = document.add_paragraph()
    low._p.get_or_add_pPr().append(
        parse_xml(
            '<w:framePr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:w="4000" '
            'w:hAnchor="page" w:vAnchor="page" w:x="2000" w:y="15300" w:wrap="around"/>'
        )
    )
    low.add_run("Framed text under the margin")
    document.save(str(path))


def _wide_table(path: Path) -> None:
    document = Document()
    _header(document)
    document.add_paragraph("A table 20 cm wide follows.")
    table = document.add_table(rows=2, cols=4)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for column in table._tbl.tblGrid.iterfind("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"):
        column.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", str(Cm(5).twips))
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            cell.width = Cm(5)
            cell.text = f"Column {index + 1} text that fills its cell to the end"
    document.save(str(path))


def _blank_page(path: Path) -> None:
    document = Document()
    _header(document)
    document.add_paragraph("The first page.").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("The third page: the second held nothing but the header.")
    document.save(str(path))


def _stranded(path: Path) -> None:
    document = Document()
    _header(document)
    document.add_paragraph("The first page ends with a heading.")
    document.add_heading("Results of the year", level=1)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("The heading's text, a page too late.")
    document.add_paragraph("Table 1 – Figures of the year", style="Caption")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    table = document.add_table(rows=2, cols=2)
    table.style = document.styles["Table Grid"]
    table.cell(0, 0).text = "The table the caption names"
    document.save(str(path))


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[str]]]:
    """The problems found in each small document made to break a rule, by document and rule."""
    folder = tmp_path_factory.mktemp("broken")
    makers = {
        "margins": _beyond_the_margins,
        "wide-table": _wide_table,
        "blank-page": _blank_page,
        "stranded": _stranded,
    }
    for name, make in makers.items():
        make(folder / f"{name}.docx")
    convert([(folder / f"{name}.docx", WHEN) for name in makers])
    return {name: geometry.problems(name, folder / f"{name}.pdf", folder / f"{name}.docx") for name in makers}


def test_text_beyond_the_margins_is_found(broken: dict[str, dict[str, list[str]]]) -> None:
    problems = "\n".join(broken["margins"]["outside_margins"])
    assert "margins, page 1: the line «This paragraph runs into the right margin: its right indent…» runs" in problems
    assert "mm beyond the right margin («runs»)" in problems
    assert "margins, page 1: the line «Framed text under the margin» runs" in problems
    assert "mm beyond the bottom margin («Framed»)" in problems
    assert "An ordinary paragraph" not in problems
    assert broken["margins"]["stranded_headings"] == []


def test_a_table_wider_than_the_text_area_is_found(broken: dict[str, dict[str, list[str]]]) -> None:
    found = broken["wide-table"]
    assert found["too_wide"] == [
        "wide-table: table 1 in word/document.xml is 20.0 cm wide, the text area 15.2 cm "
        "(«Column 1 text that fills its cell to the end | Column 2 tex…»)"
    ]
    assert found["outside_margins"]
    assert all("mm beyond the right margin" in p for p in found["outside_margins"])


def test_a_page_with_only_its_header_is_found(broken: dict[str, dict[str, list[str]]]) -> None:
    assert broken["blank-page"]["header_only_pages"] == [
        "blank-page, page 2: the page holds only its header (last line «Test University — controlled document»)"
    ]


def test_a_heading_or_caption_last_on_its_page_is_found(broken: dict[str, dict[str, list[str]]]) -> None:
    assert broken["stranded"]["stranded_headings"] == [
        "stranded, page 1: the heading «Results of the year» is the last line of the page, its content on page 2",
        "stranded, page 2: the caption «Table 1 – Figures of the year» is the last line of the page, "
        "its content on page 3",
    ]
