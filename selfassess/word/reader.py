"""Any DOCX read as text in reading order: paragraphs, table cells, headers, with their places.

Word, LibreOffice and selfassess write the same document differently (contents inside a
content control, numbers from fields, headers per section); this module hides that, so the
document-control lint and the import see one shape. Text is taken from the XML itself: field
codes (INSTRTEXT) and deleted revisions are not text, field results and tabs are.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from selfassess.messages import t

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADING = re.compile(r"^(?:heading|заголовок|titre|überschrift)\s*(\d)$", re.IGNORECASE)
_TOC = re.compile(r"^(?:toc|оглавление|содержание|table of contents)\s*(\d)$", re.IGNORECASE)
MAX_PART = 50 * 1024 * 1024  # bytes of XML read from one part: a bigger one is no document


class UnreadableDocx(Exception):
    """The file is not a DOCX this module can read (not a zip, no document part, broken XML)."""


@dataclass
class Block:
    """A paragraph of the body, or of a table cell, with where it is."""

    index: int  # 1-based paragraph number in reading order, table cells included
    text: str
    style: str = ""  # the style's name as the document calls it ("Heading 1", "Заголовок 1", "toc 1")
    level: int | None = None  # heading level, from the style or the paragraph's outline level
    toc_level: int | None = None  # contents entry level
    table: int | None = None  # 1-based table number, when the paragraph is in a cell
    row: int | None = None
    column: int | None = None
    page: int | None = None  # from a rendering, when one was made
    numbered: bool = False  # an automatic list number (w:numPr) precedes the text
    bold: bool = False  # every run with text is bold
    line: int | None = None  # the line in a text source (a Markdown body), when read from one

    def place(self) -> str:
        """Return where the block is, as a user finds it: page, paragraph or table cell."""
        if self.line is not None:
            return t("line {line}", line=self.line)
        if self.table is not None:
            cell = t("table {table}, row {row}, column {column}", table=self.table, row=self.row, column=self.column)
            return t("page {page}, {place}", page=self.page, place=cell) if self.page else cell
        paragraph = t("paragraph {index}", index=self.index)
        return t("page {page}, {place}", page=self.page, place=paragraph) if self.page else paragraph

    def quote(self, limit: int = 70) -> str:
        """Return the block's text as a short quote."""
        text = " ".join(self.text.split())
        return f"«{text[:limit]}…»" if len(text) > limit else f"«{text}»"


@dataclass
class Table:
    """A body table: its number and its cells' text, row by row."""

    number: int
    rows: list[list[str]]
    first_block: int  # index of the block of its first cell


@dataclass
class HeaderPart:
    """The text of one section's header (or footer): its paragraphs and table cells."""

    section: int
    kind: str  # default | first | even
    text: str
    cells: list[list[str]] = field(default_factory=list)


@dataclass
class DocxText:
    """A DOCX as text: body blocks in reading order, tables, and each section's headers."""

    path: Path
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    headers: list[HeaderPart] = field(default_factory=list)
    footers: list[HeaderPart] = field(default_factory=list)
    sections: int = 1
    pages: int | None = None  # from a rendering

    def body(self) -> list[Block]:
        """Return the blocks outside tables."""
        return [b for b in self.blocks if b.table is None]


def read_docx(path: Path) -> DocxText:
    """Return the document at `path` as text; raise UnreadableDocx when it is none."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            main = _main_part(package, names)
            document = _xml(package, main)
            styles = _styles(package, names)
            rels = _relationships(package, main, names)
            out = DocxText(path)
            _read_body(document, styles, out)
            _read_headers(package, document, rels, out, names)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise UnreadableDocx(str(exc) or type(exc).__name__) from exc
    return out


def _main_part(package: zipfile.ZipFile, names: set[str]) -> str:
    if "word/document.xml" in names:
        return "word/document.xml"
    types = _xml(package, "[Content_Types].xml")
    for override in types.iter("{*}Override"):
        if override.get("ContentType", "").endswith("document.main+xml"):
            return override.get("PartName", "").lstrip("/")
    raise ValueError(t("no document part: this is not a Word document"))


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    info = package.getinfo(name)
    if info.file_size > MAX_PART:
        raise ValueError(t("{name} is {value} MB of XML", name=name, value=info.file_size // 1024 // 1024))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(package.read(name), parser)


def _styles(package: zipfile.ZipFile, names: set[str]) -> dict[str, tuple[str, int | None]]:
    """Return style id → (name, outline level) for paragraph styles."""
    if "word/styles.xml" not in names:
        return {}
    found: dict[str, tuple[str, int | None]] = {}
    for style in _xml(package, "word/styles.xml").iter(f"{{{W}}}style"):
        sid = style.get(f"{{{W}}}styleId") or ""
        name_el = style.find(f"{{{W}}}name")
        name = name_el.get(f"{{{W}}}val") if name_el is not None else sid
        outline = style.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
        level = int(outline.get(f"{{{W}}}val", "9")) + 1 if outline is not None else None
        found[sid] = (name or sid, level if level and level <= 9 else None)
    return found


def _relationships(package: zipfile.ZipFile, main: str, names: set[str]) -> dict[str, str]:
    folder, _, base = main.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels"
    if rels not in names:
        return {}
    out = {}
    for rel in _xml(package, rels).iter("{*}Relationship"):
        target = rel.get("Target", "")
        out[rel.get("Id", "")] = target if target.startswith("/") else f"{folder}/{target}"
    return {k: v.lstrip("/") for k, v in out.items()}


def paragraph_text(p: etree._Element) -> str:
    """Return a paragraph's visible text: runs, tabs and breaks; no field codes, no deletions."""
    parts = []
    for el in p.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr", f"{{{W}}}noBreakHyphen"):
        if _deleted(el):
            continue
        tag = etree.QName(el).localname
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "tab":
            if etree.QName(el.getparent()).localname == "r":
                parts.append("\t")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _deleted(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if etree.QName(parent).localname in ("del", "moveFrom"):
            return True
        if etree.QName(parent).localname == "p":
            return False
        parent = parent.getparent()
    return False


def _read_body(document: etree._Element, styles: dict[str, tuple[str, int | None]], out: DocxText) -> None:
    body = document.find(f"{{{W}}}body")
    if body is None:
        raise ValueError(t("the document has no body"))
    out.sections = max(1, len(list(body.iter(f"{{{W}}}sectPr"))))
    _walk(body, styles, out, None)


def _walk(parent: etree._Element, styles: dict[str, tuple[str, int | None]], out: DocxText, cell: tuple | None) -> None:
    for child in parent:
        tag = etree.QName(child).localname
        if tag == "p":
            out.blocks.append(_block(child, styles, len(out.blocks) + 1, cell))
        elif tag == "tbl":
            number = len(out.tables) + 1
            table = Table(number, [], len(out.blocks) + 1)
            out.tables.append(table)
            for r, tr in enumerate(child.iterchildren(f"{{{W}}}tr"), start=1):
                row = []
                for c, tc in enumerate(tr.iterchildren(f"{{{W}}}tc"), start=1):
                    before = len(out.blocks)
                    _walk(tc, styles, out, (number, r, c))
                    row.append("\n".join(b.text for b in out.blocks[before:]).strip())
                table.rows.append(row)
        elif tag in ("sdt", "sdtContent", "customXml", "smartTag", "ins"):
            _walk(child, styles, out, cell)


def _block(p: etree._Element, styles: dict[str, tuple[str, int | None]], index: int, cell: tuple | None) -> Block:
    ppr = p.find(f"{{{W}}}pPr")
    sid = ""
    level = None
    numbered = False
    if ppr is not None:
        style = ppr.find(f"{{{W}}}pStyle")
        sid = style.get(f"{{{W}}}val", "") if style is not None else ""
        outline = ppr.find(f"{{{W}}}outlineLvl")
        if outline is not None and outline.get(f"{{{W}}}val", "9").isdigit():
            value = int(outline.get(f"{{{W}}}val", "9")) + 1
            level = value if value <= 9 else None
        numbered = ppr.find(f"{{{W}}}numPr") is not None
    name, style_level = styles.get(sid, (sid, None))
    heading = _HEADING.match(name.strip()) or _HEADING.match(sid.strip())
    toc = _TOC.match(name.strip()) or _TOC.match(sid.strip())
    if level is None:
        level = int(heading.group(1)) if heading else style_level
    runs = [r for r in p.iter(f"{{{W}}}r") if "".join(t.text or "" for t in r.iter(f"{{{W}}}t")).strip()]
    bold = bool(runs) and all(_bold(r) for r in runs)
    block = Block(index, paragraph_text(p), name, level, int(toc.group(1)) if toc else None, numbered=numbered)
    block.bold = bold
    if cell is not None:
        block.table, block.row, block.column = cell
    return block


def _bold(run: etree._Element) -> bool:
    b = run.find(f"{{{W}}}rPr/{{{W}}}b")
    return b is not None and b.get(f"{{{W}}}val", "true") not in ("0", "false", "off")


def _read_headers(
    package: zipfile.ZipFile, document: etree._Element, rels: dict[str, str], out: DocxText, names: set[str]
) -> None:
    for number, sect in enumerate(document.iter(f"{{{W}}}sectPr"), start=1):
        for tag, target in (("headerReference", out.headers), ("footerReference", out.footers)):
            for ref in sect.iterchildren(f"{{{W}}}{tag}"):
                part = rels.get(ref.get(f"{{{R}}}id", ""))
                if not part or part not in names:
                    continue
                root = _xml(package, part)
                text = "\n".join(paragraph_text(p) for p in root.iter(f"{{{W}}}p"))
                cells = [
                    ["\n".join(paragraph_text(p) for p in tc.iter(f"{{{W}}}p")) for tc in tr.iterchildren(f"{{{W}}}tc")]
                    for tr in root.iter(f"{{{W}}}tr")
                ]
                target.append(HeaderPart(number, ref.get(f"{{{W}}}type", "default"), text, cells))
