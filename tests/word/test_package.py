"""A report saved in one pass gives the bytes the parsed tables and python-docx's own save gave."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from selfassess.reproducible import normalize_docx
from selfassess.resources import builtin_dir
from selfassess.word.package import docx_bytes, stub_tables
from selfassess.word.render import save
from selfassess.word.tables import PLACEHOLDER, table_xml
from selfassess.word.toc import fill_contents, restyle_tables
from selfassess.word.wordsafe import make_word_safe

WHEN = dt.datetime(2026, 1, 19)
TABLES = {
    f"{PLACEHOLDER}1": table_xml(["No", "Title"], [["1", "Policy & plan <draft>"], ["2", ""], ["3", "a\r\nb\rc\td"]]),
    f"{PLACEHOLDER}2": table_xml(["Ң", "Ө"], [["ү «цитата» 😀", "line one\nline two"]], keep_with_next=True),
    f"{PLACEHOLDER}3": table_xml([""], [[""]]),
}


def _document(placeholders: list[str]) -> object:
    document = _empty()
    document.add_paragraph("SELFASSESS-TOC")
    for index, key in enumerate(placeholders):
        document.add_heading(f"{index + 1}. Section & <{index}>", level=1)
        document.add_paragraph(key)
    return document


def _empty() -> object:
    """Return a document with the styles the passes use (KNU Table, toc 1) and no text."""
    document = Document(str(builtin_dir("templates") / "reference.docx"))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _parsed_in(document: object, tables: dict[str, str]) -> None:
    """Put the tables in as the render did before: each one parsed into the document."""
    body = document.element.body  # type: ignore[attr-defined]
    for paragraph in list(body.iterchildren(qn("w:p"))):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()
        if text in tables:
            paragraph.addprevious(parse_xml(tables[text]))
            body.remove(paragraph)


def _passes(document: object) -> None:
    fill_contents(document)
    restyle_tables(document)
    make_word_safe(document, "ky")


@pytest.mark.parametrize("keys", [list(TABLES), [f"{PLACEHOLDER}1", f"{PLACEHOLDER}1"], [f"{PLACEHOLDER}9"]])
def test_stubbed_tables_save_as_the_parsed_ones(keys: list[str]) -> None:
    before = _document(keys)
    _parsed_in(before, TABLES)
    _passes(before)
    after = _document(keys)
    stubs = stub_tables(after, TABLES)
    _passes(after)
    assert docx_bytes(after, WHEN, stubs) == normalize_docx(save(before), WHEN)


def test_two_tables_in_a_row_are_kept_apart_as_before() -> None:
    """Word would merge them: a stub is a table to the passes that look at neighbours."""
    document = _empty()
    document.add_paragraph(f"{PLACEHOLDER}1")
    document.add_paragraph(f"{PLACEHOLDER}2")
    stubs = stub_tables(document, TABLES)
    make_word_safe(document, "en")
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes(document, WHEN, stubs))).read("word/document.xml").decode()
    assert xml.count("<w:tbl>") == 2
    assert '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>' in xml.split("</w:tbl>")[1]


def test_a_table_with_a_character_xml_forbids_is_refused_as_before() -> None:
    document = _document([f"{PLACEHOLDER}1"])
    with pytest.raises(XMLSyntaxError):
        stub_tables(document, {f"{PLACEHOLDER}1": table_xml(["No"], [["bell \x07"]])})
