"""A rendered document saved in one pass, its ready-made tables written in as text.

The report's tables are most of its XML (12 MB for 1,000 criteria and 5,000 annexes): parsed
into the document, each pass over it and its serialisation would cross them again. A table
stands in the document as a stub holding only its properties, which is all the passes before
saving read or change (style, neighbours); the stub becomes the whole table in the saved XML.
The text written in is what lxml would have written for the parsed table, so the bytes are the
same either way.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from selfassess.word.tables import PLACEHOLDER

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OPEN = f'<w:tbl xmlns:w="{_W_NS}">'
_END_PROPERTIES = "</w:tblPr>"
_STUB = "selfassess-table"
_STUB_XML = re.compile(rb'<w:tbl selfassess-table="(\d+)">(.*?)</w:tbl>', re.S)
# The only element table_xml can leave empty (a cell without text); lxml writes it closed on itself.
_EMPTY = ('<w:t xml:space="preserve"></w:t>', '<w:t xml:space="preserve"/>')
# Bytes XML 1.0 does not allow (control characters; U+FFFE and U+FFFF below): such a table is
# parsed, and refused, as before.
_CONTROL = bytes([*range(9), 11, 12, *range(14, 32)])


def stub_tables(document: Any, tables: dict[str, str]) -> dict[int, bytes]:
    """Replace each placeholder paragraph (its whole text is a key of `tables`) by its table:
    a stub where the table is one of ours, the parsed table where it is not; return, by stub
    number, the XML that follows each stubbed table's properties."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    body = document.element.body
    w_t = qn("w:t")
    rest: dict[int, bytes] = {}
    derived = getattr(tables, "derived", {})
    for paragraph in list(body.iterchildren(qn("w:p"))):
        text = "".join(paragraph.itertext(w_t, with_tail=False)).strip()
        if not (text.startswith(PLACEHOLDER) and text in tables):
            continue
        xml = tables[text]
        pieces = derived[text] if text in derived else split_table(xml)
        if pieces is None:
            paragraph.addprevious(parse_xml(xml))
        else:
            number = len(rest)
            head, rest[number] = pieces
            paragraph.addprevious(parse_xml(f'<w:tbl xmlns:w="{_W_NS}" {_STUB}="{number}">{head}</w:tbl>'))
        body.remove(paragraph)
    return rest


def split_table(xml: str) -> tuple[str, bytes] | None:
    """Return a table of ours as its properties (the stub's XML) and the XML that follows them,
    as lxml writes it; None for a table to be parsed whole."""
    end = xml.find(_END_PROPERTIES) + len(_END_PROPERTIES)
    tail = _as_lxml_writes(xml[end:]) if xml.startswith(_OPEN + "<w:tblPr>") and end > len(_OPEN) else None
    return None if tail is None else (xml[len(_OPEN) : end], tail)


def _as_lxml_writes(xml: str) -> bytes | None:
    """Return the XML as lxml writes it once parsed (None where it would not parse)."""
    if "\r" in xml:
        # The parser reads a carriage return as a line feed.
        xml = xml.replace("\r\n", "\n").replace("\r", "\n")
    xml = xml.replace(*_EMPTY)
    try:
        data = xml.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if len(data.translate(None, _CONTROL)) != len(data) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        return None
    return data


def docx_bytes(document: Any, when: dt.datetime, tables: dict[int, bytes] | None = None) -> bytes:
    """Return the python-docx document as reproducible DOCX bytes (see reproducible.py), each
    stub of `tables` written out whole."""
    from docx.opc.pkgwriter import PackageWriter

    from selfassess.reproducible import normalized_zip

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    entries = _Entries()
    # python-docx's own writer, given somewhere to put the parts instead of a zip of its own:
    # the parts are compressed once, in the reproducible order.
    PackageWriter._write_content_types_stream(entries, package.parts)
    PackageWriter._write_pkg_rels(entries, package.rels)
    PackageWriter._write_parts(entries, package.parts)
    if tables:
        name = document.part.partname.membername
        entries.files[name] = _STUB_XML.sub(
            lambda m: b"<w:tbl>" + m.group(2) + tables[int(m.group(1))], entries.files[name]
        )
    return normalized_zip(entries.files, when)


class _Entries:
    """Where python-docx's package writer puts each part: by its name in the zip."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.files[pack_uri.membername] = blob
