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
    """The file is not a DOCX this module can read (not a zip, no document part, broken XML).

    `worded` when the problem is said in the user's words; else it is the library's, to be explained."""

    def __init__(self, problem: str, worded: bool = False) -> None:
        super().__init__(problem)
        self.worded = worded


@dataclass
class Span:
    """A piece of a paragraph's text with one emphasis; or, with `note`, a footnote's text where
    its reference stands (`text` then empty)."""

    text: str
    bold: bool = False
    italic: bool = False
    note: str | None = None


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
    num: tuple[str, int] | None = None  # the list (numId) and level of its automatic number, own or its style's
    label: str | None = None  # the number Word shows before the text ("6.1."), once computed
    spans: list[Span] = field(default_factory=list)  # the text run by run, with its emphasis and footnotes

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
    numbering: etree._Element | None = None  # word/numbering.xml: the automatic numbers' definitions
    footnotes: dict[str, str] = field(default_factory=dict)  # footnote id → its text

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
            out.numbering = _xml(package, "word/numbering.xml") if "word/numbering.xml" in names else None
            if "word/footnotes.xml" in names:
                for note in _xml(package, "word/footnotes.xml").iterchildren(f"{{{W}}}footnote"):
                    text = " ".join("\n".join(paragraph_text(p) for p in note.iter(f"{{{W}}}p")).split())
                    if text and note.get(f"{{{W}}}type") is None:
                        out.footnotes[note.get(f"{{{W}}}id", "")] = text
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
    raise UnreadableDocx(t("no document part: this is not a Word document"), worded=True)


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    info = package.getinfo(name)
    if info.file_size > MAX_PART:
        value = info.file_size // 1024 // 1024
        raise UnreadableDocx(t("{name} is {value} MB of XML", name=name, value=value), worded=True)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(package.read(name), parser)


Styles = dict[str, tuple[str, int | None, tuple[str, int] | None]]


def _styles(package: zipfile.ZipFile, names: set[str]) -> Styles:
    """Return style id → (name, outline level, automatic number's list and level) for paragraph styles."""
    if "word/styles.xml" not in names:
        return {}
    found: Styles = {}
    based: dict[str, str] = {}
    for style in _xml(package, "word/styles.xml").iter(f"{{{W}}}style"):
        sid = style.get(f"{{{W}}}styleId") or ""
        name_el = style.find(f"{{{W}}}name")
        name = name_el.get(f"{{{W}}}val") if name_el is not None else sid
        outline = style.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
        level = int(outline.get(f"{{{W}}}val", "9")) + 1 if outline is not None else None
        parent = style.find(f"{{{W}}}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{{{W}}}val", "")
        found[sid] = (name or sid, level if level and level <= 9 else None, _num(style.find(f"{{{W}}}pPr")))
    for sid, (name, level, num) in list(found.items()):
        seen, parent = {sid}, based.get(sid)
        while num is None and parent in found and parent not in seen:  # a list style's numbers pass to its children
            seen.add(parent)
            num, parent = found[parent][2], based.get(parent)
        found[sid] = (name, level, num)
    return found


def _num(ppr: etree._Element | None) -> tuple[str, int] | None:
    """Return the list (numId) and level a paragraph's or style's w:numPr gives; numId 0 is "none"."""
    numpr = ppr.find(f"{{{W}}}numPr") if ppr is not None else None
    if numpr is None:
        return None
    num, ilvl = numpr.find(f"{{{W}}}numId"), numpr.find(f"{{{W}}}ilvl")
    level = ilvl.get(f"{{{W}}}val", "0") if ilvl is not None else "0"
    return (num.get(f"{{{W}}}val", "0") if num is not None else "", int(level) if level.isdigit() else 0)


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


def _read_body(document: etree._Element, styles: Styles, out: DocxText) -> None:
    body = document.find(f"{{{W}}}body")
    if body is None:
        raise UnreadableDocx(t("the document has no body"), worded=True)
    out.sections = max(1, len(list(body.iter(f"{{{W}}}sectPr"))))
    _walk(body, styles, out, None)


def _walk(parent: etree._Element, styles: Styles, out: DocxText, cell: tuple | None) -> None:
    for child in parent:
        tag = etree.QName(child).localname
        if tag == "p":
            out.blocks.append(_block(child, styles, len(out.blocks) + 1, cell, out.footnotes))
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


def _block(p: etree._Element, styles: Styles, index: int, cell: tuple | None, notes: dict[str, str]) -> Block:
    ppr = p.find(f"{{{W}}}pPr")
    sid = ""
    level = None
    if ppr is not None:
        style = ppr.find(f"{{{W}}}pStyle")
        sid = style.get(f"{{{W}}}val", "") if style is not None else ""
        outline = ppr.find(f"{{{W}}}outlineLvl")
        if outline is not None and outline.get(f"{{{W}}}val", "9").isdigit():
            value = int(outline.get(f"{{{W}}}val", "9")) + 1
            level = value if value <= 9 else None
    name, style_level, style_num = styles.get(sid, (sid, None, None))
    num = _num(ppr)
    if num is not None and not num[0] and style_num is not None:
        num = (style_num[0], num[1])  # the level set here, the list the style's
    num = num or style_num
    heading = _HEADING.match(name.strip()) or _HEADING.match(sid.strip())
    toc = _TOC.match(name.strip()) or _TOC.match(sid.strip())
    if level is None:
        level = int(heading.group(1)) if heading else style_level
    runs = [r for r in p.iter(f"{{{W}}}r") if "".join(t.text or "" for t in r.iter(f"{{{W}}}t")).strip()]
    bold = bool(runs) and all(_bold(r) for r in runs)
    numbered = num is not None and num[0] not in ("", "0")
    block = Block(index, paragraph_text(p), name, level, int(toc.group(1)) if toc else None, numbered=numbered)
    block.bold, block.num, block.spans = bold, num if numbered else None, _spans(p, notes)
    if cell is not None:
        block.table, block.row, block.column = cell
    return block


def _bold(run: etree._Element, tag: str = "b") -> bool:
    b = run.find(f"{{{W}}}rPr/{{{W}}}{tag}")
    return b is not None and b.get(f"{{{W}}}val", "true") not in ("0", "false", "off")


def _spans(p: etree._Element, notes: dict[str, str]) -> list[Span]:
    """Return the paragraph's runs as spans (text as paragraph_text reads it), footnotes where referenced."""
    spans = []
    for run in p.iter(f"{{{W}}}r"):
        if _deleted(run):
            continue
        bold, italic = _bold(run), _bold(run, "i")
        for el in run:
            tag = etree.QName(el).localname
            if tag == "footnoteReference" and el.get(f"{{{W}}}id", "") in notes:
                spans.append(Span("", note=notes[el.get(f"{{{W}}}id", "")]))
            elif tag in ("t", "tab", "br", "cr", "noBreakHyphen"):
                text = el.text or "" if tag == "t" else {"tab": "\t", "noBreakHyphen": "-"}.get(tag, "\n")
                spans.append(Span(text, bold, italic))
    return spans


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
