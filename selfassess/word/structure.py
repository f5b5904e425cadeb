"""A generated text's own paragraphs written as Word XML; only its free text goes through pandoc.

A report of 1,000 criteria is half its own structure (headings, status lines, table captions,
table placeholders), which pandoc took half its second to convert. The generator marks the free
text (the university's narratives) as `Free`; every other block of the plain forms the
generator writes is written here as pandoc writes it, and the free text is converted in parts
as before, each run of generated blocks standing in it as one marker paragraph. pandoc styles
that marker "First Paragraph" when a heading came before it (a heading, or anything left
unconsumed, as pandoc decides), which says how the run's first paragraph is styled; a run that
ends with a heading is followed by a heading marker, so the free text after it is styled as
after a heading. Any block not of those forms goes to pandoc with the free text; a marker
pandoc did not leave as its own paragraph makes the caller convert the whole text as before.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

SLOT = "SELFASSESS-SLOT-"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
# A Markdown escape (any ASCII punctuation), and what pandoc would read as more than text.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPECIAL = re.compile(r"[*_`\[\]<>#|{}&~^$@\\]|://|www\.")
_LIST_START = re.compile(r"^(\d{1,9}[.)]|[-+])(\s|$)")
# A line pandoc (or keep_numbers) would not read as the rest of the paragraph above it.
_NOT_CONTINUED = re.compile(r"^(\d+[.)]|[-+:])(\s|$)|^[-=_ ]+$")
# What may hold a blank line inside it (fenced code or div, HTML, a definition after its term):
# a narrative with one is converted whole, as its paragraphs may not be what they seem.
_SPANS_BLANK_LINES = re.compile(r"```|~~~|:::|<|^ {0,3}[:~]", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^(#{1,3}) (.+)$")
_STATUS = re.compile(r"^\*\*(.+?)\*\* (.+)$")
_STRONG = re.compile(r"^\*\*(.+)\*\*$")
_EMPHASIS = re.compile(r"^\*([^*].*)\*$")
_CONTROL = re.compile(r"[\x00-\x1f]")
# Characters pandoc does not write as they are (a soft hyphen; East Asian scripts and beyond).
_NOT_AS_IS = re.compile("[\u00ad\u2e80-\U0010ffff]")
_DIV = re.compile(r'^::: \{custom-style="([A-Za-z][A-Za-z ]*)"\}$')


class Free(str):
    """Free Markdown (a narrative) in a generated text: it goes through pandoc."""


def narrative_blocks(text: str) -> list[str]:
    """Return a narrative's Markdown as lines for GeneratedText.of: each paragraph of plain text
    (or of the forms the generator writes: a heading, a bold or italic line, "**Label:** text")
    as the generator's own, written directly as pandoc would write it; the rest `Free`, each run
    of it as written (blank lines inside code count)."""
    if _SPANS_BLANK_LINES.search(text):
        return [Free(text), ""]
    out: list[str] = []
    free: tuple[int, int] | None = None  # the span of the free text not yet given out
    start = 0
    for end, after in [*((m.start(), m.end()) for m in _BLANK_LINE.finditer(text)), (len(text), len(text))]:
        block = text[start:end].strip("\n")
        if block and recognise(block, set()) is not None:
            if free is not None:
                out += [Free(text[free[0] : free[1]].strip("\n")), ""]
                free = None
            out += [block, ""]
        elif block:
            free = (free[0] if free else start, end)
        start = after
    if free is not None:
        out += [Free(text[free[0] : free[1]].strip("\n")), ""]
    return out


def _prose(block: str) -> bool:
    lines = block.split("\n")
    return all(_plain(line) is not None and not _NOT_CONTINUED.match(line) for line in lines)


class GeneratedText(str):
    """A generated Markdown text that knows its blocks, each free text or the generator's own."""

    blocks: tuple[tuple[bool, str], ...]

    @classmethod
    def of(cls, lines: list[str]) -> GeneratedText:
        """Return the text of `lines` (joined as "\\n".join(lines) + "\\n"), its blocks kept."""
        text = cls("\n".join(lines) + "\n")
        blocks: list[tuple[bool, str]] = []
        current: list[str] = []
        for line in [*lines, ""]:
            if isinstance(line, Free) or line == "":
                if current:
                    blocks.append((False, "\n".join(current)))
                    current = []
                if line:
                    blocks.append((True, str(line)))
            else:
                current.append(line)
        text.blocks = tuple(blocks)
        return text


class Mismatch(Exception):
    """pandoc did not leave a marker as its own paragraph: the text is converted whole instead."""


@dataclass(frozen=True)
class Block:
    """One generated paragraph: its kind (heading level, or 0), style, and runs (text, bold, italic)."""

    level: int
    style: str
    runs: tuple[tuple[str, bool, bool], ...]


def _plain(text: str) -> str | None:
    """Return the text a Markdown line shows when it is plain text as md() writes it, else None.

    Only characters pandoc writes as they are: it composes decomposed letters (NFC), writes a
    soft hyphen as its own element, marks East Asian scripts, and drops U+FFFE/U+FFFF."""
    if not text or text != " ".join(text.split()) or _CONTROL.search(text) or _NOT_AS_IS.search(text):
        return None
    if not unicodedata.is_normalized("NFC", text):
        return None
    if _SPECIAL.search(_ESCAPE.sub("", text)):
        return None
    return _ESCAPE.sub(r"\1", text)


def _paragraph(line: str) -> tuple[tuple[str, bool, bool], ...] | None:
    if _LIST_START.match(line) or set(line) <= set("-=_ "):
        return None
    for pattern, bold, italic in ((_STRONG, True, False), (_EMPHASIS, False, True)):
        match = pattern.match(line)
        if match:
            text = _plain(match.group(1))
            return ((text, bold, italic),) if text else None
    match = _STATUS.match(line)
    if match:
        label, rest = _plain(match.group(1)), _plain(match.group(2))
        if not label or not rest or label.endswith(" ") or label.startswith(" "):
            return None
        return ((label, True, False), (" ", False, False), (rest, False, False))
    text = _plain(line)
    return ((text, False, False),) if text and not line.startswith("*") else None


def recognise(block: str, styles: set[str]) -> Block | None:
    """Return the block as a paragraph written here, or None when pandoc is to convert it."""
    if ":::" in block:
        lines = block.split("\n")
        if len(lines) == 3 and lines[2] == ":::" and (div := _DIV.match(lines[0])):
            style = div.group(1).replace(" ", "")
            runs = _paragraph(lines[1])
            return Block(0, style, runs) if runs and style in styles else None
    return _paragraph_block(block)


@functools.lru_cache(maxsize=8192)
def _paragraph_block(block: str) -> Block | None:
    # A narrative's paragraph is looked at twice (narrative_blocks, then plan_parts): once is enough.
    lines = block.split("\n")
    if len(lines) == 1:
        heading = _HEADING.match(lines[0])
        if heading:
            text = _plain(heading.group(2))
            level = len(heading.group(1))
            return Block(level, f"Heading{level}", ((text, False, False),)) if text else None
        runs = _paragraph(lines[0])
        return Block(0, "", runs) if runs else None
    if _prose(block):
        # pandoc writes each line of a paragraph as a run, and the line break between as a space.
        joined = [run for line in lines for run in ((" ", False, False), (_plain(line), False, False))]
        return Block(0, "", tuple(joined[1:]))  # type: ignore[arg-type]
    return None


@dataclass
class Part:
    """One pandoc run: its Markdown (free text and markers) and the generated runs the markers
    stand for, each with whether its first paragraph follows a heading when that is known
    beforehand (then a run that ends with a heading needs only its heading marker)."""

    text: str
    runs: list[tuple[list[Block], bool | None]]


_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
# What starts a new block even without a blank line before it: a list item, a heading, a rule.
_INTERRUPTS = re.compile(r"^ {0,3}(?:[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|#{1,6}(?:\s|$)|([-*_])(?: *\1){2,} *$)")


def _ends_with_paragraph(text: str) -> bool:
    """Return True when the Markdown surely ends with a plain paragraph (pandoc's "a heading came
    before" is then off); False when it may not (a list, code, a quote, a table, a div…)."""
    if "```" in text or "~~~" in text or ":::" in text:
        return False
    lines = text.rstrip("\n").rsplit("\n\n", 1)[-1].split("\n")
    if not lines[0][:1].isalpha():
        return False
    return not any(
        not line or line[0] in " \t:~|><" or "|" in line or _SETEXT.match(line) or _INTERRUPTS.match(line)
        for line in lines
    )


def plan_parts(blocks: Iterable[tuple[bool, str]], styles: set[str], size: int) -> list[Part]:
    """Return the parts to convert: about `size` characters of Markdown each, cut only before a
    top-level heading (as the whole text was cut before its sections)."""
    parts: list[Part] = []
    pieces: list[str] = []
    runs: list[tuple[list[Block], bool | None]] = []
    run: list[Block] = []
    after: bool | None = True  # whether what comes next is styled as after a heading, when known (so at first)

    def close_run() -> None:
        nonlocal run
        if run:
            marker = f"{SLOT}{len(runs)}"
            known = True if run[0].level else after
            if known is None or not run[-1].level:
                pieces.append(marker)
                known = None
            if run[-1].level:
                pieces.append(f"# {marker}-H")
            runs.append((run, known))
            run = []

    def close_part() -> None:
        nonlocal pieces, runs
        close_run()
        if pieces or not parts:
            parts.append(Part("\n\n".join(pieces) + "\n", runs))
        pieces, runs = [], []

    written = 0
    for free, text in blocks:
        generated = None if free else recognise(text, styles)
        if generated is None:
            close_run()
            pieces.append(text)
            after = False if _ends_with_paragraph(text) else None
            written += len(text)
            continue
        if generated.level == 1 and written >= size * (len(parts) + 1):
            close_part()
            after = True
        run.append(generated)
    close_part()
    return parts


def _xml(blocks: list[Block], first: bool) -> str:
    out = []
    for block in blocks:
        if block.level:
            first = True
            style = block.style
        else:
            style = block.style or ("FirstParagraph" if first else "BodyText")
            first = False
        runs = "".join(
            "<w:r>"
            + ("<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else "<w:rPr><w:i/><w:iCs/></w:rPr>" if italic else "")
            + f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
            for text, bold, italic in block.runs
        )
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>')
    return "".join(out)


def fill_slots(document: Any, part: Part) -> None:
    """Put each run of generated paragraphs where its marker stands in the converted part."""
    from docx.oxml import parse_xml

    body = document.element.body
    known = {s.get(f"{_W}styleId") for s in document.styles.element.iterchildren(f"{_W}style")}
    found: dict[str, Any] = {}
    for paragraph in body.iterchildren(f"{_W}p"):
        text = "".join(paragraph.itertext(f"{_W}t", with_tail=False))
        if text.startswith(SLOT):
            found[text] = paragraph
    for index, (run, first) in enumerate(part.runs):
        if any(b.style and b.style not in known for b in run):
            raise Mismatch(index)
        marker = found.pop(f"{SLOT}{index}", None) if first is None else None
        if first is None:
            style = marker.find(f"{_W}pPr/{_W}pStyle") if marker is not None else None
            value = style.get(f"{_W}val") if style is not None else None
            if value not in ("FirstParagraph", "BodyText"):
                raise Mismatch(index)
            first = value == "FirstParagraph"
        heading = found.pop(f"{SLOT}{index}-H", None) if run[-1].level else None
        if (run[-1].level and heading is None) or (marker is None and heading is None):
            raise Mismatch(index)
        wrapper = parse_xml(f'<w:body xmlns:w="{_W_NS}">{_xml(run, first)}</w:body>')
        place = marker if marker is not None else heading
        for element in list(wrapper):
            place.addprevious(element)
        for slot in (marker, heading):
            if slot is not None:
                body.remove(slot)
    if found:
        raise Mismatch(next(iter(found)))
