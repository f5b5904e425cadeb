"""Page geometry of a rendered document: what the reader sees on paper, measured in its PDF.

The PDF is read with poppler's `pdftotext -bbox-layout` (a box for every word and line); the
limits and the headings come from the DOCX it was made from: the page size and margins from
its sections (w:pgSz, w:pgMar), the table widths from their grids, the headings and captions
from their styles. Four rules, each a list of problems naming the document, page and text:

* `outside_margins`: no word beyond the margins (a table too wide, a picture or frame pushed out);
* `too_wide`: no table or picture wider than the text area (its grid, its extent, in the DOCX);
* `header_only_pages`: no page holding the page header and nothing else;
* `stranded_headings`: no heading or caption the last line of a page, its content on the next.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
XHTML = "{http://www.w3.org/1999/xhtml}"
POINT = 20  # twips per point
EMU = 12700  # EMU per point
SLACK = 1.5  # points a glyph's box may pass the margin (a justified line ends on it exactly)
# pdftotext makes a word's box as tall as its font's bounding box, deeper than any letter goes:
# in Liberation Serif it reaches 0.30 em under the baseline, 0.24 of its height. Against the
# bottom margin a word is measured from 0.2 of its height above the box's foot, just under the
# baseline: LibreOffice ends the last line of a page (descenders and all) on the margin.
DESCENT = 0.2
CAPTION = re.compile(
    r"^\s*(\d+\s*-\s*(таблица|сүрөт)\b|(Таблица|Рисунок|Table|Figure)\s+\d+\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Row:
    """One printed line of a page: the words side by side at one height, left to right."""

    words: tuple[tuple[str, float, float, float, float], ...]  # text, x0, y0, x1, y1 (points)

    @property
    def text(self) -> str:
        return " ".join(word[0] for word in self.words)

    @property
    def top(self) -> float:
        return min(word[2] for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word[4] for word in self.words)


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    rows: tuple[Row, ...]  # top to bottom


@dataclass(frozen=True)
class Limits:
    """Where a page's text may go, in points from the top left corner (from the DOCX's sections)."""

    left: float
    right: float
    top: float
    bottom: float
    text_width: int  # twips


@dataclass(frozen=True)
class Heading:
    text: str
    kind: str  # "heading" or "caption"


def read_pdf(pdf: Path) -> list[Page]:
    """Return the pages of `pdf` with their printed rows (pdftotext -bbox-layout)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    pages = []
    for number, page in enumerate(_parse(xml).iter(f"{XHTML}page"), start=1):
        words = [
            (word.text or "", *(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for word in page.iter(f"{XHTML}word")
        ]
        pages.append(Page(number, float(page.get("width")), float(page.get("height")), _rows(words)))
    return pages


def _rows(words: list[tuple[str, float, float, float, float]]) -> tuple[Row, ...]:
    """Group words into printed lines: a word belongs to the line its vertical middle falls in."""
    rows: list[list[tuple[str, float, float, float, float]]] = []
    for word in sorted(words, key=lambda w: (w[2], w[1])):
        middle = (word[2] + word[4]) / 2
        if rows and min(w[2] for w in rows[-1]) <= middle <= max(w[4] for w in rows[-1]):
            rows[-1].append(word)
        else:
            rows.append([word])
    return tuple(Row(tuple(sorted(row, key=lambda w: w[1]))) for row in rows)


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))


def _parts(docx: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(docx) as archive:
        return {
            name: _parse(archive.read(name))
            for name in archive.namelist()
            if re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", name)
        }


def _twips(element: etree._Element | None, attribute: str) -> int:
    value = element.get(f"{W}{attribute}") if element is not None else None
    return int(float(value)) if value else 0


def limits(docx: Path) -> Limits:
    """Return the text area of the document's sections (the widest, should they differ)."""
    body = _parts(docx)["word/document.xml"]
    found = []
    for section in body.iter(f"{W}sectPr"):
        size, margin = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
        width, height = _twips(size, "w"), _twips(size, "h")
        left = _twips(margin, "left") + _twips(margin, "gutter")
        right, top, bottom = (_twips(margin, side) for side in ("right", "top", "bottom"))
        header, footer = _twips(margin, "header"), _twips(margin, "footer")
        has_footer = section.find(f"{W}footerReference") is not None
        found.append(
            Limits(
                left / POINT,
                (width - right) / POINT,
                min(top, header or top) / POINT,
                (height - (min(bottom, footer or bottom) if has_footer else bottom)) / POINT,
                width - left - right,
            )
        )
    assert found, f"{docx.name} has no section properties"
    return Limits(
        min(x.left for x in found),
        max(x.right for x in found),
        min(x.top for x in found),
        max(x.bottom for x in found),
        max(x.text_width for x in found),
    )


def _text(element: etree._Element) -> str:
    return " ".join("".join(t.text or "" for t in element.iter(f"{W}t")).split())


def headings(docx: Path) -> list[Heading]:
    """Return the headings and captions that stand before their content, in document order.

    A heading is a paragraph of a Heading, Title or TOC Heading style; a caption one of a
    caption style or one whose text is a numbered caption («1-таблица», «Таблица 1 –», "Figure 2").
    A caption under its picture ends its content rather than opening it, so it is left out.
    """
    parts = _parts(docx)
    names = {
        style.get(f"{W}styleId"): (style.find(f"{W}name").get(f"{W}val") or "").lower()
        for style in parts["word/styles.xml"].iter(f"{W}style")
        if style.find(f"{W}name") is not None
    }
    body = list(parts["word/document.xml"].find(f"{W}body"))
    found = []
    for index, element in enumerate(body):
        if element.tag != f"{W}p" or not (text := _text(element)):
            continue
        style = element.find(f"{W}pPr/{W}pStyle")
        name = names.get(style.get(f"{W}val") if style is not None else None, "")
        if name.startswith(("heading", "title", "toc heading")):
            found.append(Heading(text, "heading"))
        elif "caption" in name or CAPTION.match(text):
            before = body[index - 1] if index else None
            if before is None or before.find(f".//{W}drawing") is None:
                found.append(Heading(text, "caption"))
    return found


def outside_margins(name: str, pages: list[Page], area: Limits) -> list[str]:
    """Return a problem for each printed line reaching beyond the page's margins (its furthest word)."""
    problems = []
    for page in pages:
        for row in page.rows:
            beyond = {}
            for text, x0, y0, x1, y1 in row.words:
                for side, by in (
                    ("left", area.left - x0),
                    ("right", x1 - area.right),
                    ("top", area.top - y0),
                    ("bottom", y1 - DESCENT * (y1 - y0) - area.bottom),
                ):
                    if by > max(SLACK, beyond.get(side, (0.0, ""))[0]):
                        beyond[side] = (by, text)
            problems += [
                f"{name}, page {page.number}: the line «{_short(row.text)}» runs {by / 72 * 25.4:.1f} mm "
                f"beyond the {side} margin («{text}»)"
                for side, (by, text) in beyond.items()
            ]
    return problems


def too_wide(name: str, docx: Path, area: Limits, slack: int = 15) -> list[str]:
    """Return a problem for each table (grid plus indent) or picture wider than the text area."""
    problems = []
    for part, root in _parts(docx).items():
        outer = [t for t in root.iter(f"{W}tbl") if next(t.iterancestors(f"{W}tbl"), None) is None]
        for number, table in enumerate(outer, start=1):
            width = _table_width(table, area.text_width)
            if width > area.text_width + slack:
                row = table.find(f"{W}tr")
                first = _short(" | ".join(_text(cell) for cell in row.iterfind(f"{W}tc")) if row is not None else "")
                problems.append(
                    f"{name}: table {number} in {part} is {width / 567:.1f} cm wide, the text area "
                    f"{area.text_width / 567:.1f} cm («{first}»)"
                )
        for extent in root.iter(f"{WP}extent"):
            width = int(extent.get("cx", "0")) / EMU * POINT
            if width > area.text_width + slack:
                problems.append(
                    f"{name}: a picture in {part} is {width / 567:.1f} cm wide, the text area "
                    f"{area.text_width / 567:.1f} cm"
                )
    return problems


def _table_width(table: etree._Element, text_width: int) -> int:
    """Return the width a table takes from the margin (twips): its grid, or its share of the text
    width when given in per cent, plus its indent."""
    props = table.find(f"{W}tblPr")
    declared = props.find(f"{W}tblW") if props is not None else None
    indent = _twips(props.find(f"{W}tblInd") if props is not None else None, "w")
    if declared is not None and declared.get(f"{W}type") == "pct":
        value = declared.get(f"{W}w", "0")
        share = float(value.rstrip("%")) / 100 if value.endswith("%") else int(value) / 5000
        return round(share * text_width) + indent
    grid = sum(_twips(col, "w") for col in table.iterfind(f"{W}tblGrid/{W}gridCol"))
    return grid + indent


def header_rows(pages: list[Page], docx: Path) -> list[int]:
    """Return, per page, how many of its first rows are the page header.

    With two pages or more the header is what every page begins with, at the same height (page
    numbers aside); on a single page, the first rows made only of the words of the header parts.
    A document whose first page has a header of its own has no header common to every page: its
    pages are then judged as if they had none (only a blank page is reported).
    """
    if len(pages) > 1:
        keys = [[_key(row) for row in page.rows] for page in pages]
        count = 0
        while all(len(k) > count for k in keys) and all(_same(k[count], keys[0][count]) for k in keys):
            count += 1
        return [count] * len(pages)
    words = {
        _digitless(word)
        for part, root in _parts(docx).items()
        if part.startswith(("word/header", "word/footer"))
        for word in _text(root).split()
    }
    counts = []
    for page in pages:
        count = 0
        while count < len(page.rows) and all(_digitless(w[0]) in words for w in page.rows[count].words):
            count += 1
        counts.append(count)
    return counts


def _digitless(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _key(row: Row) -> tuple[float, str]:
    return row.top, _digitless(row.text)


def _same(one: tuple[float, str], other: tuple[float, str]) -> bool:
    return abs(one[0] - other[0]) < 1 and one[1] == other[1]


def header_only_pages(name: str, pages: list[Page], docx: Path) -> list[str]:
    """Return a problem for each page on which nothing but the page header is printed."""
    counts = header_rows(pages, docx)
    return [
        f"{name}, page {page.number}: the page holds only its header (last line «{_short(page.rows[-1].text)}»)"
        if page.rows
        else f"{name}, page {page.number}: the page is blank"
        for page, count in zip(pages, counts, strict=True)
        if len(page.rows) <= count
    ]


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def stranded_headings(name: str, pages: list[Page], docx: Path) -> list[str]:
    """Return a problem for each page but the last that ends with a heading or a leading caption."""
    wanted = {_fold(h.text): h for h in headings(docx)}
    counts = header_rows(pages, docx)
    problems = []
    for page, count in zip(pages[:-1], counts, strict=False):
        body = page.rows[count:]
        for lines in range(1, min(4, len(body)) + 1):
            printed = _fold(" ".join(row.text for row in body[-lines:]))
            number = re.match(r"^[\d.]*", printed).group()
            found = wanted.get(printed) or wanted.get(printed[len(number) :])
            if found:
                problems.append(
                    f"{name}, page {page.number}: the {found.kind} «{_short(found.text)}» is the last "
                    f"line of the page, its content on page {page.number + 1}"
                )
                break
    return problems


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def problems(name: str, pdf: Path, docx: Path) -> dict[str, list[str]]:
    """Return the problems of every rule for one document, by rule."""
    pages = read_pdf(pdf)
    area = limits(docx)
    return {
        "outside_margins": outside_margins(name, pages, area),
        "too_wide": too_wide(name, docx, area),
        "header_only_pages": header_only_pages(name, pages, docx),
        "stranded_headings": stranded_headings(name, pages, docx),
    }
