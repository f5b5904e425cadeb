"""Contents: every entry matches a heading (number and text), every heading has an entry, and
with a layout, every page number is the heading's page."""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.documents.lint.context import LintContext
from selfassess.documents.lint.structure import Entry, Heading
from selfassess.errors import Location, Severity
from selfassess.messages import t
from selfassess.textnorm import fold


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    entries = ctx.structure.entries
    if not entries:
        return
    # The contents' own levels say how deep they go (toc 1, toc 2); else the entries' numbers do.
    toc_levels = [e.block.toc_level for e in entries if e.block.toc_level]
    deepest = max(toc_levels) if toc_levels else max((e.number.count(".") + 1 if e.number else 1) for e in entries)
    headings = [h for h in ctx.structure.headings if h.level <= deepest]
    by_number = {h.number: h for h in headings if h.number}
    by_title = {fold(h.title): h for h in headings}
    matched: set[int] = set()
    for entry in entries:
        heading = by_number.get(entry.number) if entry.number else by_title.get(fold(entry.title))
        if heading is None and entry.number:
            heading = by_title.get(fold(entry.title))
        if heading is None:
            yield (
                "contents-entry-without-heading",
                Severity.error,
                ctx.at(entry.block),
                t("the contents list {entry}, but no heading in the text says so", entry=_shown(entry)),
                t("update the contents (Word: right-click it, Update Field) or correct the entry"),
            )
            continue
        matched.add(heading.block.index)
        if fold(heading.title) != fold(entry.title) or (entry.number and heading.number != entry.number):
            yield (
                "contents-differs",
                Severity.error,
                ctx.at(entry.block),
                t(
                    "the contents say {entry}, the heading says {heading} ({place})",
                    entry=_shown(entry),
                    heading=_heading(heading),
                    place=heading.block.place(),
                ),
                t("make the entry and the heading the same, then update the contents"),
            )
        if entry.page is not None and heading.block.page is not None and entry.page != heading.block.page:
            yield (
                "contents-page-wrong",
                Severity.error,
                ctx.at(entry.block),
                t(
                    "the contents give page {page} for {entry}; the heading is on page {actual}",
                    page=entry.page,
                    entry=_shown(entry),
                    actual=heading.block.page,
                ),
                t("update the contents (Word: right-click it, Update Field, Update entire table)"),
            )
    for heading in headings:
        if heading.block.index not in matched:
            yield (
                "heading-not-in-contents",
                Severity.warning,
                ctx.at(heading.block),
                t("the heading {heading} is not in the contents", heading=_heading(heading)),
                t("update the contents, or mark the line as body text if it is not a heading"),
            )


def _shown(entry: Entry) -> str:
    return f"«{entry.number + ' ' if entry.number else ''}{entry.title}»"


def _heading(heading: Heading) -> str:
    return f"«{heading.number + ' ' if heading.number else ''}{heading.title}»"
