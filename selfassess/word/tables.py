"""Word tables written straight as XML: python-docx and pandoc take seconds for 10,000 rows."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PLACEHOLDER = "SELFASSESS-TABLE-"


TEXT_WIDTH = 9355  # twips: 16.5 cm, the text width of an A4 page with the form's margins
_PADDING = 230  # twips a cell's margins and borders take
_HALF_PAGE = 330  # points: half the text height of an A4 page under the form's header


def _cell(text: object, width: int, bold: bool, size: int, keep: bool) -> str:
    head = _paragraph_head(bold, size, keep)
    opened = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{head}'
    return f"{opened}{_lines(text, head)}</w:t></w:r></w:p></w:tc>"


def _lines(text: object, head: str) -> str:
    """Return a cell's text escaped, each line after the first as a paragraph of its own opened by `head`."""
    text = str(text)
    if "&" in text or "<" in text or ">" in text:
        text = _escape(text)
    if "\n" in text:
        return f"</w:t></w:r></w:p>{head}".join(text.split("\n"))
    return text


@functools.cache
def _paragraph_head(bold: bool, size: int, keep: bool) -> str:
    """Return a cell paragraph up to its text (a table of 5,000 rows writes it 20,000 times)."""
    props = "<w:rPr>" + ("<w:b/>" if bold else "") + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    return (
        f'<w:p><w:pPr><w:pStyle w:val="TableText"/>{"<w:keepNext/>" if keep else ""}</w:pPr>'
        f'<w:r>{props}<w:t xml:space="preserve">'
    )


def _escape(text: str) -> str:
    """Return the text with &, < and > as XML writes them (as xml.sax.saxutils.escape, without its call)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text or ">" in text:
        text = text.replace(">", "&gt;").replace("<", "&lt;")
    return text


def fit_widths(
    header: list[str],
    rows: list[list[str]],
    hints: tuple[int, ...] | None = None,
    size: int = 20,
    total: int = TEXT_WIDTH,
) -> tuple[int, ...]:
    """Return column widths (twips) that fill the text width and never break a word of the header.

    Each column first gets room for its longest word (header words always, cell words up to 25
    characters: a path or a digest may wrap); what is left goes to the columns by `hints` (the
    caller's proportions), else by the length of their longest line.
    """
    columns = len(header)
    char = size * 11 // 2  # twips per character: half an em of a `size`/2-point font, and a little
    # The header is bold: a bold Cyrillic letter of Times is 0.59 em wide («Использовано» 70.6 pt at 10 pt).
    least = [max((len(w) for w in str(h).split()), default=1) * size * 6 for h in header]
    for row in rows[:500]:
        for index, text in enumerate(row[:columns]):
            longest = min(max(map(len, str(text).split()), default=0), 25) * char
            if longest > least[index]:
                least[index] = longest
    least = [width + _PADDING for width in least]
    if sum(least) >= total:
        return tuple(max(400, w * total // sum(least)) for w in least)
    if hints and len(hints) == columns:
        weights = list(hints)
    else:
        weights = [
            max([len(str(header[i])), *(min(len(str(r[i])), 80) for r in rows[:500] if i < len(r))])
            for i in range(columns)
        ]
    widths = [max(least[i], total * weights[i] // max(sum(weights), 1)) for i in range(columns)]
    # Columns given their least take more than their share: the others give it back in proportion.
    excess = sum(widths) - total
    flexible = [i for i in range(columns) if widths[i] > least[i]]
    room = sum(widths[i] - least[i] for i in flexible)
    for i in flexible:
        widths[i] -= excess * (widths[i] - least[i]) // room if room else 0
    widths[-1] += total - sum(widths)
    return tuple(widths)


def _fits_half_page(rows: list[list[str]], widths: tuple[int, ...], size: int) -> bool:
    """Return whether the rows print within half a page: each as many lines as its fullest cell wraps to."""
    char = size * 11 // 2
    height = 0.0
    per_line = [max(1, (width - _PADDING) // char) for width in widths]
    for row in rows:
        lines = 0
        for text, room in zip(row, per_line, strict=False):
            text = str(text)
            if "\n" in text:
                wraps = sum(-(-max(len(line), 1) // room) for line in text.split("\n"))
            else:
                wraps = -(-max(len(text), 1) // room)
            if wraps > lines:
                lines = wraps
        height += lines * size * 0.6 + 2  # a line of `size`/2 points at 1.15 spacing, and the cell's margins
        if height > _HALF_PAGE:
            return False
    return True


def table_xml(
    header: list[str],
    rows: list[list[str]],
    widths: tuple[int, ...] | None = None,
    size: int = 20,
    keep_with_next: bool = False,
) -> str:
    """Return a bordered table (style 'KNU Table') within the text width, with a repeating header row.

    Its rows never split. A short table keeps every row with the next, so it stays on one page
    with its caption; a long one (more than half a page) keeps only its first and last two rows
    together: kept whole, LibreOffice would start it on a new page and leave its heading and
    caption alone at the foot of the page before. With `keep_with_next` the last row keeps with
    what follows (a chart drawn from the table).
    """
    widths = fit_widths(header, rows, widths, size)
    short = _fits_half_page([header, *rows], widths, size)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    parts = [
        f'<w:tbl {_NS}><w:tblPr><w:tblStyle w:val="KNUTable"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>',
        f"<w:tblGrid>{grid}</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + "".join(_cell(h, w, True, size, True) for h, w in zip(header, widths, strict=True))
        + "</w:tr>",
    ]
    heads = {keep: _paragraph_head(False, size, keep) for keep in (False, True)}
    opens = {
        keep: [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{head}' for w in widths]
        for keep, head in heads.items()
    }
    close = "</w:t></w:r></w:p></w:tc>"
    for index, row in enumerate(rows):
        keep = keep_with_next if index == len(rows) - 1 else short or index < 1 or index >= len(rows) - 2
        keep = bool(keep)
        head = heads[keep]
        cells = close.join([o + _lines(text, head) for o, text in zip(opens[keep], row, strict=True)])
        parts.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}{close}</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


class TableXml(dict):  # type: ignore[type-arg]
    """Tables' XML by placeholder, each written when first read, or ahead by `make_one` (called
    while pandoc converts the text, when the process would otherwise wait); read as a whole
    (iterated, compared, copied), every table is written first, in the order they were added."""

    def __init__(self) -> None:
        super().__init__()
        self._order: list[str] = []
        self._pending: dict[str, Callable[[], str]] = {}
        # What `then` makes of each table written ahead (package.split_table: the saved XML's pieces).
        self.then: Callable[[str], Any] | None = None
        self.derived: dict[str, Any] = {}

    def add(self, key: str, make: Callable[[], str]) -> None:
        self._order.append(key)
        self._pending[key] = make

    def make_one(self) -> bool:
        """Write one table not yet written; return False when none is left."""
        if not self._pending:
            return False
        key = next(iter(self._pending))
        xml = self._pending.pop(key)()
        dict.__setitem__(self, key, xml)
        if self.then is not None:
            self.derived[key] = self.then(xml)
        return True

    def _whole(self) -> None:
        if self._pending or list(dict.keys(self)) != self._order:
            while self.make_one():
                pass
            made = {key: dict.__getitem__(self, key) for key in self._order}
            dict.clear(self)
            dict.update(self, made)

    def __getitem__(self, key: str) -> str:
        make = self._pending.pop(key, None)
        if make is not None:
            dict.__setitem__(self, key, make())
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        return key in self._pending or dict.__contains__(self, key)

    def __len__(self) -> int:
        return len(self._order)

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self:
            return default
        return self[key]

    def __iter__(self) -> Iterator[str]:
        self._whole()
        return dict.__iter__(self)

    def keys(self) -> Any:
        self._whole()
        return dict.keys(self)

    def values(self) -> Any:
        self._whole()
        return dict.values(self)

    def items(self) -> Any:
        self._whole()
        return dict.items(self)

    def copy(self) -> dict[str, str]:
        self._whole()
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._whole()
        return dict.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self._whole()
        return dict.__repr__(self)

    def __setitem__(self, key: str, value: str) -> None:
        if key not in self:
            self._order.append(key)
        self._pending.pop(key, None)
        self.derived.pop(key, None)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        self._whole()
        self._order.remove(key)
        self.derived.pop(key, None)
        dict.__delitem__(self, key)
