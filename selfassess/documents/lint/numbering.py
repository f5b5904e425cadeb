"""Clause numbering: no gaps, no duplicates, no level jumps, one style ("1.1" or "1.1.")."""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.documents.lint.context import LintContext
from selfassess.documents.lint.structure import Clause
from selfassess.errors import Location, Severity
from selfassess.messages import t, tn
from selfassess.textnorm import fold


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    clauses = ctx.structure.clauses
    seen: dict[tuple[int, ...], Clause] = {}
    previous: tuple[int, ...] | None = None
    section: int | None = None
    for clause in clauses:
        number = clause.number
        shown = _dotted(number)
        if len(number) == 1:
            section = number[0]
        elif section is not None and number[0] != section:
            continue  # "1.4.1" under section 2: a criterion's number quoted as a heading, not a clause
        if number in seen:
            first = seen[number]
            same = fold(first.text) == fold(clause.text)
            if same:
                message = t(
                    "clause {number} appears again ({place} has it too)", number=shown, place=first.block.place()
                )
            else:
                message = t(
                    "clause {number} appears again ({place} has it too), with other text: {quote} and {first}",
                    number=shown,
                    place=first.block.place(),
                    quote=clause.block.quote(50),
                    first=first.block.quote(50),
                )
            yield (
                "clause-duplicate" if same else "clause-repeated",
                Severity.error,
                ctx.at(clause.block),
                message,
                t("remove the copy left from an earlier draft, or renumber"),
            )
            previous = number  # the text goes on from the repeated number
            continue
        seen[number] = clause
        if previous is not None and not _follows(previous, number):
            expected = _next_numbers(previous)
            either = expected[0]
            for option in expected[1:]:
                either = t("{first} or {second}", first=either, second=option)
            code = "clause-level-jump" if len(number) > len(previous) + 1 else "clause-gap"
            yield (
                code,
                Severity.error,
                ctx.at(clause.block),
                t(
                    "clause {number} follows {previous}; expected {expected}",
                    number=shown,
                    previous=_dotted(previous),
                    expected=either,
                ),
                t("renumber the clauses in order (numbers are kept exactly as written)"),
            )
        previous = number
    dotted = [c for c in clauses if len(c.number) > 1 and c.dotted]
    plain = [c for c in clauses if len(c.number) > 1 and not c.dotted]
    if dotted and plain:
        fewer = dotted if len(dotted) < len(plain) else plain
        style, other = ("1.1.", "1.1") if fewer is dotted else ("1.1", "1.1.")
        yield (
            "numbering-style",
            Severity.warning,
            ctx.at(fewer[0].block),
            tn(
                "{n} clause(s) are numbered «{style}», the other {rest} «{other}»: first {quote}",
                "{n} clause(s) are numbered «{style}», the other {rest} «{other}»: first {quote}",
                len(fewer),
                style=style,
                rest=len(clauses) - len(fewer),
                other=other,
                quote=fewer[0].block.quote(40),
            ),
            t("number every clause the same way («{other}»)", other=other),
        )


def _dotted(number: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in number)


def _follows(previous: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """Return True when `number` may come right after `previous`."""
    if number == (*previous, 1):
        return True  # 1.4 → 1.4.1
    for depth in range(len(previous), 0, -1):
        if number == (*previous[: depth - 1], previous[depth - 1] + 1):
            return True  # 1.4.7 → 1.5, 1.4.7 → 2 (depth 1)
    # A section number after its clauses starts a new section: 1.7 → 2.1 (the heading "2." unnumbered).
    return len(number) == 2 and number[1] == 1 and number[0] == previous[0] + 1


def _next_numbers(previous: tuple[int, ...]) -> list[str]:
    options = [_dotted((*previous, 1))]
    options += [_dotted((*previous[: d - 1], previous[d - 1] + 1)) for d in range(len(previous), 0, -1)]
    return options[:3]
