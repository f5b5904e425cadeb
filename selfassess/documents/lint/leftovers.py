"""Leftovers of editing: a paragraph starting mid-sentence (a fragment of an earlier draft) and
runs of empty paragraphs used as spacing. A clause number repeated with other text is
reported by numbering.py (clause-repeated)."""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.documents.lint.context import LintContext
from selfassess.errors import Location, Severity
from selfassess.messages import t, tn

_LIST_MARKS = ("-", "–", "—", "•", "·", "*", "o ", "▪")
_ENDS = (".", "!", "?", "»", "”", '"')
_EMPTY_RUN = 3  # two blank lines are spacing; three or more in the text are left from editing


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    heading_blocks = {h.block.index for h in ctx.structure.headings}
    previous_ends = True  # the title page and the contents end before the text proper
    empty_run: list = []
    for block in ctx.structure.text_blocks():
        text = block.text.strip()
        if not text:
            empty_run.append(block)
            continue
        if len(empty_run) >= _EMPTY_RUN:
            yield (
                "empty-paragraphs",
                Severity.warning,
                ctx.at(empty_run[0]),
                tn(
                    "{n} empty paragraphs in a row before {quote}",
                    "{n} empty paragraphs in a row before {quote}",
                    len(empty_run),
                    quote=block.quote(40),
                ),
                t("remove them; use 'space before/after' or a page break for spacing"),
            )
        empty_run = []
        first = text[0]
        if (
            first.isalpha()
            and first.islower()
            and not block.numbered
            and not text.startswith(_LIST_MARKS)
            and not _list_item(block.style, text)
            and previous_ends
        ):
            yield (
                "fragment",
                Severity.error,
                ctx.at(block),
                t("this paragraph starts mid-sentence: {quote}", quote=block.quote(60)),
                t("it looks left from an earlier draft: finish the sentence or delete it"),
            )
        previous_ends = block.index in heading_blocks or text.endswith(_ENDS) or bool(block.level)


def _list_item(style: str, text: str) -> bool:
    """Return True for an item of a list: a list style (bullets from the style), or the ';' that
    ends the items of a regulation's lists ("плагиат — …;")."""
    name = style.casefold()
    return "list" in name or "список" in name or "тизме" in name or text.rstrip().endswith((";", ","))
