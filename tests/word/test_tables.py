"""Word tables: a short table is kept whole with its caption, a long one may break; header words fit."""

from __future__ import annotations

import re

from selfassess.word.tables import fit_widths, table_xml


def _kept(xml: str) -> list[bool]:
    """Return, per body row, whether it keeps with the next."""
    rows = re.findall(r"<w:tr>.*?</w:tr>", xml)[1:]
    return ["<w:keepNext/>" in row for row in rows]


def test_a_short_table_keeps_every_row_with_the_next() -> None:
    xml = table_xml(["No", "Title"], [[str(i), "A line"] for i in range(5)])
    assert _kept(xml) == [True, True, True, True, False]


def test_a_long_table_keeps_only_its_first_and_last_rows_together() -> None:
    """Kept whole, LibreOffice would move a table longer than a page to the next page, leaving its
    caption alone at the foot of the page before."""
    rows = [[str(i), "An annex with a title long enough to wrap onto a second line in its column"] for i in range(60)]
    kept = _kept(table_xml(["No", "Title"], rows))
    assert kept[:2] == [True, False]
    assert kept[-3:] == [False, True, False]
    assert sum(kept) == 2
    assert _kept(table_xml(["No", "Title"], rows, keep_with_next=True))[-1] is True


def test_a_bold_header_word_gets_its_width() -> None:
    # «Использовано» is 70.6 pt in bold 10 pt Times: with the cell's margins, at least 1,640 twips.
    widths = fit_widths(
        ["Показатель", "Документ", "Владелец", "Дата", "Использовано строк"], [], (2600, 3000, 1500, 1000, 1255)
    )
    assert widths[-1] >= 1640
    assert sum(widths) == 9355
