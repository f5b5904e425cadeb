"""Tables and paragraphs for the terminal drawn as rich draws them, written as plain text at once.

rich lays out each cell of a table through a chain of renderables and measures every word of
every cell: 9 s for the 10,000 criteria of a large workspace, three times the check itself.
Here the same layout (column widths, word wrapping, the heavy-headed box) is computed with
string operations, for text whose every character takes one cell (Latin, Cyrillic); a cell or
a paragraph with any other character (wide, combining, a tab) is laid out by rich itself.
Text is shown as written: no rich markup or emoji codes are read in it.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from typing import Any

# Characters known to take one cell: those rich counts so without looking them up (rich.cells),
# and each other one rich's table gave one cell (Kyrgyz ң ө ү), added as met.
_ONE_CELL = {
    chr(code)
    for start, end in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC), (0x2800, 0x28FF))
    for code in range(start, end + 1)
}
_OTHER = {"\u2028", "\u2029"}  # line separators: rich measures lines split at them
_WORD = re.compile(r"(\s*\S+)(\s*)")
_TRAILING_SPACE = re.compile(r"\s+$")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, whether its text may wrap, whether it is aligned right."""

    header: str
    no_wrap: bool = False
    right: bool = False


def table(title: str, columns: list[Column], rows: list[list[str]], width: int) -> str:
    """Return the table as rich prints it within `width` cells: the title on the left above a
    heavy-headed box, each cell padded by a space, words wrapped, text too long cut with '…'."""
    if not columns:
        return "\n"
    cells = [[_visible(text) for text in row] for row in [[c.header for c in columns], *rows]]
    by_column = list(zip(*cells, strict=True))
    inner = width - (len(columns) + 1)  # the box's edges and dividers
    widths = _column_widths(by_column, columns, inner)
    out: list[str] = []
    title = _visible(title)
    if title:
        out += _wrap(title, sum(widths) + len(columns) + 1, justify="left", overflow="fold")
    out.append("┏" + "┳".join("━" * w for w in widths) + "┓")
    for index, row in enumerate(cells):
        rendered = [_cell(text, w, c) for text, w, c in zip(row, widths, columns, strict=True)]
        height = max(1, *(len(lines) for lines in rendered))
        # The header row sits at the bottom of its cells, the other rows at the top.
        shaped = [
            ([" " * w] * (height - len(lines)) + lines) if index == 0 else (lines + [" " * w] * (height - len(lines)))
            for lines, w in zip(rendered, widths, strict=True)
        ]
        bar = "┃" if index == 0 else "│"
        for line in range(height):
            out.append(bar + bar.join(cell[line] for cell in shaped) + bar)
        if index == 0:
            out.append("┡" + "╇".join("━" * w for w in widths) + "┩")
    out.append("└" + "┴".join("─" * w for w in widths) + "┘")
    # The console cuts what would run past its width (a table whose columns cannot wrap).
    return "\n".join(_cut(line, width) for line in out) + "\n"


def paragraph(text: str, width: int) -> str:
    """Return the text as rich prints it within `width` cells: words wrapped, a word longer than
    a line folded, no padding."""
    return "\n".join(_wrap(_visible(text), width, justify="default", overflow="fold")) + "\n"


def _column_widths(by_column: list[tuple[str, ...]], columns: list[Column], available: int) -> list[int]:
    """Return each column's width, its padding included, as rich's Table computes it (expand off)."""
    # Each column's longest line: rich's measure of a column at any width follows from it.
    longest = [_longest_line(texts) for texts in by_column]
    widths = [_measure(most, available) or 1 for most in longest]
    if sum(widths) > available:
        widths = _collapse(widths, [not c.no_wrap for c in columns], available)
        if sum(widths) > available:
            widths = _reduce(sum(widths) - available, [1] * len(widths), widths, widths)
        widths = [_measure(most, w) for most, w in zip(longest, widths, strict=True)]
    return widths


def _longest_line(texts: tuple[str, ...]) -> int:
    """Return the cells the longest line of the texts takes."""
    most = 0
    for text in texts:
        if "\n" not in text and _simple(text):
            most = max(most, len(text))
        else:
            most = max(most, *map(_cells, text.splitlines()))
    return most


def _measure(most: int, available: int) -> int:
    """Return the most a column takes within `available` cells, its padding included: rich's
    Measurement of a Padding around Text, where the longest word never passes the longest line."""
    if available < 1:
        return 0
    if available <= 2:
        return available
    return min(most + 2, available)


def _collapse(widths: list[int], wrapable: list[bool], available: int) -> list[int]:
    """Narrow the widest wrapping columns, step by step, until the table fits (rich's way)."""
    total = sum(widths)
    excess = total - available
    if not any(wrapable):
        return widths
    while total and excess > 0:
        widest = max(w for w, wrap in zip(widths, wrapable, strict=True) if wrap)
        second = max(w if wrap and w != widest else 0 for w, wrap in zip(widths, wrapable, strict=True))
        ratios = [1 if (w == widest and wrap) else 0 for w, wrap in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        total = sum(widths)
        excess = total - available
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take `total` off `values` in proportion to `ratios`, at most `maximums` from each."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    remaining_ratio = sum(ratios)
    if not remaining_ratio:
        return values[:]
    remaining = total
    out = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and remaining_ratio > 0:
            taken = min(maximum, round(ratio * remaining / remaining_ratio))
            out.append(value - taken)
            remaining -= taken
            remaining_ratio -= ratio
        else:
            out.append(value)
    return out


def _cell(text: str, width: int, column: Column) -> list[str]:
    """Return the lines of a cell `width` cells wide, its padding included."""
    justify = "right" if column.right else "left"
    if width < 3 or not _simple(text.replace("\n", "")):
        return _rich_cell(text, width, justify, column.no_wrap)
    if column.no_wrap:
        return [f" {_justified(line, width - 2, justify, 'ellipsis')} " for line in text.split("\n")]
    return [f" {line} " for line in _wrap(text, width - 2, justify, "ellipsis")]


def _wrap(text: str, width: int, justify: str, overflow: str) -> list[str]:
    """Return the text's lines as rich's Text.wrap makes them."""
    if width < 2 or not _simple(text.replace("\n", "")):
        return _rich_wrap(text, width, justify, overflow)
    out = []
    for line in text.split("\n"):
        for piece in _divide(line, width, fold=overflow == "fold"):
            out.append(_justified(piece, width, justify, overflow))
    return out


def _divide(line: str, width: int, fold: bool) -> list[str]:
    """Return the line cut where rich's word wrapping cuts it (one-cell characters only)."""
    if len(line) <= width:
        return [line]
    breaks: list[int] = []
    offset = start = 0
    for core, space in _WORD.findall(line):
        word = core + space
        length = len(core)
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                pieces = [word[i : i + width] for i in range(0, len(word), width)]
                position = start
                for number, piece in enumerate(pieces):
                    if position:
                        breaks.append(position)
                    if number == len(pieces) - 1:
                        offset = len(piece)
                    else:
                        position += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
        start += len(word)
    if not breaks:
        pieces = [line]
    else:
        cuts = [0, *breaks, len(line)]
        pieces = [line[a:b] for a, b in itertools.pairwise(cuts)]
    # Whitespace past the end of a line is dropped (rich's rstrip_end).
    out = []
    for piece in pieces:
        if len(piece) > width:
            space = _TRAILING_SPACE.search(piece)
            if space:
                piece = piece[: len(piece) - min(len(space.group()), len(piece) - width)]
        out.append(piece)
    return out


def _justified(line: str, width: int, justify: str, overflow: str) -> str:
    if justify == "right":
        line = line.rstrip()
        line = _truncated(line, width, overflow)
        return " " * (width - len(line)) + line
    if justify == "left":
        padded = len(line) < width
        line = _truncated(line, width, overflow)
        return line + " " * (width - len(line)) if padded else line
    return _truncated(line, width, overflow)


def _truncated(line: str, width: int, overflow: str) -> str:
    if len(line) <= width:
        return line
    return line[: width - 1] + ELLIPSIS if overflow == "ellipsis" else line[:width]


_CONSOLE: list[Any] = []


def _console() -> Any:
    from rich.console import Console

    if not _CONSOLE:
        _CONSOLE.append(Console(file=io.StringIO(), width=80, color_system=None, highlight=False))
    return _CONSOLE[0]


def _rich_wrap(text: str, width: int, justify: str, overflow: str) -> list[str]:
    """Return the lines rich makes of `text`, for characters not one cell wide (and tabs)."""
    from rich.cells import cell_len, set_cell_size
    from rich.text import Text

    lines = Text(text).wrap(_console(), width, justify=justify, overflow=overflow)  # type: ignore[arg-type]
    return [set_cell_size(line.plain, width) if cell_len(line.plain) > width else line.plain for line in lines]


def _rich_cell(text: str, width: int, justify: str, no_wrap: bool) -> list[str]:
    """Return the lines of a table cell as rich renders them (padding included)."""
    from rich.padding import Padding
    from rich.text import Text

    console = _console()
    options = console.options.update(width=width, justify=justify, no_wrap=no_wrap, overflow="ellipsis", height=None)
    lines = console.render_lines(Padding(Text(text), (0, 1)), options, pad=True)
    return ["".join(segment.text for segment in line) for line in lines]


def _cut(line: str, width: int) -> str:
    if len(line) <= width or not _simple(line):
        return line if len(line) <= width else _rich_cut(line, width)
    return line[:width]


def _rich_cut(line: str, width: int) -> str:
    from rich.cells import cell_len, set_cell_size

    return set_cell_size(line, width) if cell_len(line) > width else line


# Bell, backspace, vertical tab, form feed and carriage return: rich's Text leaves them out.
_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))


def _visible(text: str) -> str:
    return text.translate(_CONTROL)


def _simple(text: str) -> bool:
    """Return True when every character of `text` takes one cell."""
    if _ONE_CELL.issuperset(text):
        return True
    from rich.cells import get_character_cell_size

    for character in set(text) - _ONE_CELL:
        if character in _OTHER or get_character_cell_size(character) != 1:
            _OTHER.add(character)
            return False
        _ONE_CELL.add(character)
    return True


def _cells(text: str) -> int:
    if _simple(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)
