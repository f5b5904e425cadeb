"""Identity: one document code, one version and one date across header, title page and text;
the same header in every section."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from selfassess.documents.lint.approval import approval_block
from selfassess.documents.lint.context import LintContext
from selfassess.documents.lint.dates import find_dates
from selfassess.errors import Location, Severity
from selfassess.messages import N_, t

# A document code as offices write them: КНУ.СМК-СП.01, КУУ.СБС-ТБ.01, TU.QA-P.01 — spaces
# around the dots and the hyphen are found too, so that "КНУ.СМК- СП.01" is one code mistyped.
# The institution's part may have small letters after its first capital: ОшГУ.СМК-П.05, КазНУ.СМК-П.01.
CODE = re.compile(
    r"(?<![\w.])([A-ZА-ЯЁӨҮҢ][A-Za-zА-Яа-яЁёӨөҮүҢң]{1,7})[ \t]*\.[ \t]*([A-ZА-ЯЁӨҮҢ]{2,8})"
    r"[ \t]*-[ \t]*([A-ZА-ЯЁӨҮҢ]{1,6})[ \t]*\.[ \t]*(\d{1,3})(?!\w)"
)
VERSION = re.compile(
    r"(?:(\d+\.\d+)\s*[-‑]?\s*(?:версия(?:сы)?|редакция(?:сы)?)|(?:версия|version|редакция)\s*:?\s*(\d+\.\d+))",
    re.IGNORECASE,
)
_PAGE = re.compile(
    r"\d+\s*[-–‑]\s*\d+\s*бет|(?:страница|стр\.|page)\s*\d+\s*(?:из|of)\s*\d+|\b\d+\s*(?:из|of)\s*\d+\b", re.I
)

Found = tuple[str, Severity, Location, str, str | None]

# What a code written otherwise is told, by the part it is written in (the text may cite other codes).
_MISMATCH = {
    "header": N_("the header gives the document code «{written}», but the document is {code}"),
    "title page": N_("the title page gives the document code «{written}», but the document is {code}"),
}
_SPACING = {
    "header": N_("the code is written «{written}» in the header, with a space; it is {code}"),
    "title page": N_("the code is written «{written}» in the title page, with a space; it is {code}"),
    "text": N_("the code is written «{written}» in the text, with a space; it is {code}"),
}


def codes_in(text: str) -> list[tuple[str, str]]:
    """Return each code written in `text` as (as written, compact form)."""
    return [(m.group(0), "{}.{}-{}.{}".format(*m.groups())) for m in CODE.finditer(text)]


def check(ctx: LintContext) -> Iterator[Found]:
    yield from _codes(ctx)
    yield from _versions_and_dates(ctx)
    yield from _headers(ctx)


def _codes(ctx: LintContext) -> Iterator[Found]:
    places: list[tuple[Location, str, str, str]] = []  # where, part, as written, compact
    for header in ctx.document.headers:
        for written, compact in codes_in(header.text):
            where = ctx.at(None, t("header of section {section}", section=header.section))
            places.append((where, "header", written, compact))
    title = {b.index for b in ctx.structure.title_page}
    for block in ctx.document.blocks:
        for written, compact in codes_in(block.text):
            places.append((ctx.at(block), "title page" if block.index in title else "text", written, compact))
    if not places:
        return
    in_header = Counter(c for _, part, _, c in places if part == "header")
    reference = (in_header or Counter(c for *_, c in places)).most_common(1)[0][0]
    for where, part, written, compact in places:
        if compact != reference and part == "text":
            continue  # the text may cite other documents by their codes
        if compact != reference:
            yield (
                "code-mismatch",
                Severity.error,
                where,
                t(_MISMATCH[part], written=written, code=reference),
                t("use one code everywhere: in the header, on the title page and in the text"),
            )
        elif written != compact:
            yield (
                "code-spacing",
                Severity.warning,
                where,
                t(_SPACING[part], written=written, code=reference),
                t("remove the space: a search for the code will not find it otherwise"),
            )


def _versions_and_dates(ctx: LintContext) -> Iterator[Found]:
    header_text = "\n".join(h.text for h in ctx.document.headers)
    versions = {v for m in VERSION.finditer(header_text) for v in m.groups() if v}
    title_blocks = ctx.structure.title_page
    for block in title_blocks:
        for match in VERSION.finditer(block.text):
            version = next(v for v in match.groups() if v)
            if versions and version not in versions:
                yield (
                    "version-mismatch",
                    Severity.error,
                    ctx.at(block),
                    t(
                        "the title page gives version {version}, the header {versions}",
                        version=version,
                        versions=", ".join(sorted(versions)),
                    ),
                    t("one version on the title page and in the header"),
                )
    if len(versions) > 1:
        yield (
            "version-mismatch",
            Severity.error,
            ctx.at(None, t("header")),
            t("the headers give different versions: {versions}", versions=", ".join(sorted(versions))),
            t("one version in every section's header"),
        )
    header_dates = {d.value for d in find_dates(header_text) if d.value}
    if len(header_dates) > 1:
        yield (
            "date-mismatch",
            Severity.error,
            ctx.at(None, t("header")),
            t(
                "the headers give different dates: {dates}",
                dates=", ".join(d.strftime("%d.%m.%Y") for d in sorted(header_dates)),
            ),
            t("one date (the approval date) in every section's header"),
        )
    for block in approval_block(ctx.structure)[1:]:
        for found in find_dates(block.text):
            if found.value and header_dates and found.value not in header_dates:
                shown = ", ".join(d.strftime("%d.%m.%Y") for d in sorted(header_dates))
                yield (
                    "date-mismatch",
                    Severity.error,
                    ctx.at(block),
                    t("the approval block is dated {date}, the header {dates}", date=found.written, dates=shown),
                    t("the header carries the approval date: make them one"),
                )


def _headers(ctx: LintContext) -> Iterator[Found]:
    by_section: dict[int, str] = {}
    for header in ctx.document.headers:
        if header.kind == "default":
            by_section[header.section] = _normal(header.text)
    if len(by_section) < 2:
        return
    first_section = min(by_section)
    first = by_section[first_section]
    for section, text in sorted(by_section.items()):
        if section != first_section and text != first:
            differs = _first_difference(first, text)
            yield (
                "header-differs",
                Severity.warning,
                ctx.at(None, t("header of section {section}", section=section)),
                t(
                    "the header differs from section {section}'s: {difference}",
                    section=first_section,
                    difference=differs,
                ),
                t("make every section's header the same (Word: Header, 'Link to Previous')"),
            )


def _normal(text: str) -> str:
    return " ".join(_PAGE.sub("N-M", text).split())


def _first_difference(a: str, b: str) -> str:
    words_a, words_b = a.split(), b.split()
    for i, (x, y) in enumerate(zip(words_a, words_b, strict=False)):
        if x != y:
            here, there = " ".join(words_b[max(0, i - 2) : i + 4]), " ".join(words_a[max(0, i - 2) : i + 4])
            return t("«{here}» where it says «{there}»", here=here, there=there)
    longer = words_a if len(words_a) > len(words_b) else words_b
    return t("«{words}» only in one of them", words=" ".join(longer[min(len(words_a), len(words_b)) :][:6]))
