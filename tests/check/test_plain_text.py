"""The check's text report, laid out without rich, is what rich prints: tables and paragraphs."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from selfassess.check.plain_text import Column, paragraph, table

WORDS = [
    "a", "Критерий", "ң ө ү", "E-000123,", "fw0:1.10", "(via", "x" * 30, "y" * 70, "z" * 150, "", "  ", "—",
    "«цитата»", "[bold]", ":smile:", "日本語", "e\u0301", "tab\there", "bell\x07", "x\u2028y", "😀",
]  # fmt: skip


def _text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) + rng.choice([" ", " ", "  ", "\n", ", "]) for _ in range(rng.choice([0, 1, 2, 5, 20]))]
    return "".join(words).strip(rng.choice(["", " "]))


def _rich_table(title: str, columns: list[Column], rows: list[list[str]], width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, highlight=False, soft_wrap=False, width=width, color_system=None)
    drawn = Table(title=Text(title) if title else None, title_justify="left", expand=False)
    for c in columns:
        drawn.add_column(Text(c.header), no_wrap=c.no_wrap, justify="right" if c.right else "left")
    for row in rows:
        drawn.add_row(*(Text(cell) for cell in row))
    console.print(drawn)
    return out.getvalue()


@pytest.mark.parametrize("seed", range(300))
def test_a_table_and_a_paragraph_are_laid_out_as_rich_lays_them_out(seed: int) -> None:
    rng = random.Random(seed)
    width = rng.choice([20, 40, 80, 140, 200])
    count = rng.choice([1, 2, 4, 8])
    columns = [Column(_text(rng)[:20] or "H", rng.random() < 0.4, rng.random() < 0.2) for _ in range(count)]
    rows = [[_text(rng) for _ in range(count)] for _ in range(rng.choice([0, 1, 3, 10]))]
    title = rng.choice(["", "Framework (fw0)", _text(rng)])
    assert table(title, columns, rows, width) == _rich_table(title, columns, rows, width)
    text = _text(rng)
    out = io.StringIO()
    Console(file=out, highlight=False, soft_wrap=False, width=width, color_system=None).print(Text(text))
    assert paragraph(text, width) == out.getvalue()


def test_text_is_shown_as_written() -> None:
    """rich would read '[bold]' as markup and ':smile:' as an emoji code in a plain string."""
    drawn = table("", [Column("Title")], [["Policy [bold] :smile:"]], 140)
    assert "Policy [bold] :smile:" in drawn
