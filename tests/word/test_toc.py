"""Contents lines, written as text for speed, are the XML python-docx wrote for them."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from selfassess.resources import builtin_dir
from selfassess.word.fields import add_field
from selfassess.word.toc import MARKER, fill_contents

HEADINGS = ["1. Policy & plans <draft>", "  Spaces kept  ", "Tab\there", "Two\nlines", "Ң ө ү «цитата» 😀"]


def _document() -> object:
    document = Document(str(builtin_dir("templates") / "reference.docx"))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.add_paragraph(MARKER)
    for text in HEADINGS:
        document.add_heading(text, level=1)
    return document


def test_contents_lines_are_what_python_docx_writes() -> None:
    document = _document()
    entries = fill_contents(document)
    lines = [etree.tostring(p) for p in document.element.body.iterchildren(qn("w:p"))][: len(entries)]
    # The same lines made with python-docx's API, as fill_contents did before.
    expected_document = Document()
    anchor = expected_document.add_paragraph()
    toc_id = next(s.style_id for s in document.styles if s.name == "toc 1")
    for number, (_, text) in enumerate(entries, start=1):
        line = anchor.insert_paragraph_before()
        line._p.get_or_add_pPr().get_or_add_pStyle().val = toc_id
        line.add_run(f"{text}\t")
        add_field(line, f"PAGEREF _Toc{number:06d} \\h", cached="")
    expected = [etree.tostring(p) for p in expected_document.element.body.iterchildren(qn("w:p"))][: len(entries)]
    assert [_bare(x) for x in lines] == [_bare(x) for x in expected]
    # A heading's tab and line break are elements of their own, not text (as before).
    assert [text for _, text in entries] == [h.strip().replace("\t", "").replace("\n", "") for h in HEADINGS]


def _bare(xml: bytes) -> bytes:
    """Drop namespace declarations: they differ by where an element was made, not what it says."""
    import re

    return re.sub(rb' xmlns:\w+="[^"]*"', b"", xml)


def test_every_heading_is_bookmarked_for_its_page_number() -> None:
    document = _document()
    fill_contents(document)
    names = [e.get(qn("w:name")) for e in document.element.body.iter(qn("w:bookmarkStart"))]
    assert names == [f"_Toc{n:06d}" for n in range(1, len(HEADINGS) + 1)]
