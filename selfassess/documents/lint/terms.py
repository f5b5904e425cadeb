"""Terms: every abbreviation defined (in the abbreviations section, or expanded at first use),
and each abbreviation and each defined name spelled one way.

An abbreviation is a word of two or more capitals, with the Kyrgyz ending it takes
(«БСМЖАБдын» is БСМЖАБ) or a small letter inside («МНВОиИ», «БСМдАБ»). Not abbreviations:
approval words (БЕКТЕМ, УТВЕРЖДАЮ …), titles in capitals (ЖОБО), headings written in capitals,
the parts of the document code, Roman numerals.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from selfassess.documents.lint.context import LintContext
from selfassess.documents.lint.identity import CODE
from selfassess.documents.lint.structure import AGREEMENT_WORDS, APPROVAL_WORDS
from selfassess.errors import Location, Severity
from selfassess.messages import t
from selfassess.textnorm import fold
from selfassess.word.reader import Block

_UPPER = "A-ZА-ЯЁӨҮҢ"
_LOWER = "a-zа-яёөүң"
ABBREVIATION = re.compile(rf"(?<![{_UPPER}{_LOWER}\d])([{_UPPER}]{{2,}}(?:[{_LOWER}][{_UPPER}]+)*)(?![{_UPPER}])")
# "(мындан ары — БСМЖАБ)", "(далее – КНУ)", "(hereinafter QA)", "(ИЖБИМ, МНВОиИ)" after a name.
_DEFINED = re.compile(
    r"\((?:мындан\s+ары|далее|hereinafter(?:\s+referred\s+to\s+as)?)\s*[—–-]?\s*[«\"“]?"
    rf"([{_UPPER}][{_UPPER}{_LOWER}]+)[»\"”]?\s*\)",
    re.IGNORECASE,
)
_ONE = rf"[{_UPPER}]{{2,}}[{_UPPER}{_LOWER}]*"
_EXPANDED = re.compile(rf"\(\s*({_ONE}(?:\s*[,/]\s*{_ONE})*)\s*\)")
_SECTION_TITLE = re.compile(r"кыскарт|аббревиат|сокращ|abbreviation|терминдер|термины|definitions", re.IGNORECASE)
_LISTED = re.compile(rf"^\s*[-–•]?\s*([{_UPPER}][{_UPPER}{_LOWER}]+)\s*[—–-]\s*\S")
_ROMAN = re.compile(r"^[IVXLCM]+$")
NOT_ABBREVIATIONS = (
    APPROVAL_WORDS
    | AGREEMENT_WORDS
    | {
        fold(w)
        for w in (
            "ЖОБО",
            "ПОЛОЖЕНИЕ",
            "НУСКАМА",
            "ИНСТРУКЦИЯ",
            "ПРОЦЕДУРА",
            "РЕГЛАМЕНТ",
            "ПОЛИТИКА",
            "САЯСАТ",
            "ОТЧЁТ",
            "ОТЧЕТ",
            "БАЯНДАМА",
            "ПЛАН",
            "ПРОГРАММА",
            "REGULATION",
            "POLICY",
            "INSTRUCTION",
            "PROCEDURE",
            "REPORT",
            "ISO",
            "PDF",
            "DOCX",
            "XLSX",
            "CSV",
            "URL",
            "HTML",
            "ID",
            "IT",
            "QR",
        )
    }
)
_CONNECTORS = {fold(w) for w in ("жана", "и", "and", "of", "the", "по", "для", "боюнча", "үчүн")}
_STEM = 5


def abbreviations_in(text: str) -> list[str]:
    """Return the abbreviations written in `text`, endings taken off.

    A capital run after a hyphen is part of an identifier (E-NNN, ISO-9001), and one letter
    repeated (NNN, XXX) is a placeholder: neither is an abbreviation.
    """
    return [
        m.group(1)
        for m in ABBREVIATION.finditer(text)
        if text[m.start() - 1 : m.start()] not in ("-", "_") and len(set(m.group(1))) > 1
    ]


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    blocks = [b for b in ctx.document.blocks if b.text.strip()]
    code_parts = {p for b in blocks for m in CODE.finditer(b.text) for p in m.groups()}
    code_parts |= {p for h in ctx.document.headers for m in CODE.finditer(h.text) for p in m.groups()}
    section_defined = _section_definitions(ctx, blocks)
    inline: dict[str, int] = {}  # abbreviation → block index where it is expanded
    full_names: dict[str, tuple[str, Block]] = {}
    for block in blocks:
        for match in _DEFINED.finditer(block.text):
            inline.setdefault(match.group(1), block.index)
            name = _name_before(block.text[: match.start()], match.group(1))
            if name:
                full_names.setdefault(match.group(1), (name, block))
        for match in _EXPANDED.finditer(block.text):
            for abbreviation in re.split(r"\s*[,/]\s*", match.group(1)):
                inline.setdefault(abbreviation, block.index)
    for abbreviation, name in ctx.names.items():
        section_defined.add(abbreviation)
        full_names.setdefault(abbreviation, (name, Block(0, name)))
    first_use: dict[str, Block] = {}
    counts: dict[str, int] = {}
    # The title page and the contents are the form's: "КУУнун ректору" there is no first use.
    text_start = (
        ctx.document.blocks[ctx.structure.body_start].index
        if ctx.structure.body_start < len(ctx.document.blocks)
        else 0
    )
    # So are the signature sheets after the text: "БСМЖАБдын башчысы" in the developers' table.
    text_end = min((b.index for b in ctx.structure.named.values()), default=len(ctx.document.blocks) + 1)
    for block in blocks:
        if not text_start <= block.index < text_end or _all_capitals(block.text):
            continue  # a heading or title in capitals: its words are not abbreviations
        for abbreviation in abbreviations_in(block.text):
            if fold(abbreviation) in NOT_ABBREVIATIONS or abbreviation in code_parts or _ROMAN.match(abbreviation):
                continue
            counts[abbreviation] = counts.get(abbreviation, 0) + 1
            first_use.setdefault(abbreviation, block)
    for abbreviation, block in first_use.items():
        defined_at = inline.get(abbreviation)
        variant = _variant_of(abbreviation, section_defined | set(inline) | set(counts), counts)
        if variant:
            yield (
                "abbreviation-variant",
                Severity.warning,
                ctx.at(block),
                t(
                    "«{abbreviation}» looks like a misspelling of «{variant}» (in {quote})",
                    abbreviation=abbreviation,
                    variant=variant,
                    quote=block.quote(50),
                ),
                t("write «{variant}» everywhere", variant=variant),
            )
            continue
        if abbreviation in section_defined or (defined_at is not None and defined_at <= block.index):
            continue
        if defined_at:
            message = t(
                "the abbreviation «{abbreviation}» is used before it is defined; "
                "it is expanded later ({place}): {quote}",
                abbreviation=abbreviation,
                place=_place(ctx, defined_at),
                quote=block.quote(50),
            )
        else:
            message = t(
                "the abbreviation «{abbreviation}» is used before it is defined: {quote}",
                abbreviation=abbreviation,
                quote=block.quote(50),
            )
        yield (
            "abbreviation-undefined",
            Severity.warning,
            ctx.at(block),
            message,
            t(
                "define it in the abbreviations section, or expand it at its first use: "
                "«… (мындан ары — {abbreviation})» / «… (далее — {abbreviation})»",
                abbreviation=abbreviation,
            ),
        )
    yield from _name_variants(ctx, blocks, full_names)


def _section_definitions(ctx: LintContext, blocks: list[Block]) -> set[str]:
    """Return the abbreviations the abbreviations section (or its table) defines."""
    defined: set[str] = set()
    in_section = False
    for block in blocks:
        heading = block.level or any(h.block is block for h in ctx.structure.headings)
        if heading and block.table is None:
            in_section = bool(_SECTION_TITLE.search(block.text))
            continue
        if not in_section:
            continue
        listed = _LISTED.match(block.text)
        if listed:
            defined.add(listed.group(1))
        elif block.table is not None and block.column == 1:
            defined |= set(abbreviations_in(block.text))
    return defined


def _name_before(text: str, abbreviation: str) -> str | None:
    """Return the words before a definition whose initials spell the abbreviation, or None.

    One word may give no letter ("Билим берүүнүн сапатына …" is БСМЖАБ: "билим берүү" is one
    letter), and connectors (жана, и, of) give none.
    """
    words = re.findall(rf"[{_UPPER}{_LOWER}]+", text)
    letters = [c for c in abbreviation.upper() if c.isalpha()]
    best = None
    for start in range(len(words) - 1, max(-1, len(words) - 2 * len(letters) - 3), -1):
        content = [w for w in words[start:] if fold(w) not in _CONNECTORS]
        if len(content) > len(letters) + 1:
            break
        if fold(words[start]) in _CONNECTORS:
            continue
        if content and content[0][0].upper() == letters[0] and _spells(content, letters):
            best = " ".join(words[start:])
    return best


def _spells(content: list[str], letters: list[str]) -> bool:
    """Return True when the words' initials are the letters, one word perhaps giving none."""
    initials = [w[0].upper() for w in content]
    if initials == letters:
        return True
    return len(initials) == len(letters) + 1 and any(
        initials[:i] + initials[i + 1 :] == letters for i in range(1, len(initials))
    )


def _variant_of(abbreviation: str, defined: set[str], counts: dict[str, int]) -> str | None:
    """Return the defined abbreviation this one is a near-miss of (one letter off), if any."""
    if len(abbreviation) < 4:
        return None
    for candidate in sorted(defined):
        if candidate == abbreviation or abs(len(candidate) - len(abbreviation)) > 1:
            continue
        ratio = difflib.SequenceMatcher(None, candidate.upper(), abbreviation.upper()).ratio()
        # The rarer spelling is the slip; on a tie, the one with a small letter inside (БСМжАБ).
        mine, theirs = counts.get(abbreviation, 0), counts.get(candidate, 0)
        rarer = mine < theirs or (mine == theirs and abbreviation != abbreviation.upper())
        if ratio >= 0.8 and rarer:
            return candidate
    return None


def _name_variants(
    ctx: LintContext, blocks: list[Block], full_names: dict[str, tuple[str, Block]]
) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    """Yield a warning for each phrase that is the defined name spelled otherwise."""
    for abbreviation, (name, defined_in) in full_names.items():
        target = [_stem(w) for w in name.split() if fold(w) not in _CONNECTORS]
        if len(target) < 3:
            continue
        reported: set[str] = set()
        for block in blocks:
            words = re.findall(rf"[{_UPPER}{_LOWER}]+", block.text)
            stems = [(_stem(w), w) for w in words if fold(w) not in _CONNECTORS]
            for i, (stem, _) in enumerate(stems):
                if stem != target[0]:
                    continue
                end = next(
                    (j for j in range(i + 1, min(len(stems), i + len(target) + 2)) if stems[j][0] == target[-1]), None
                )
                if end is None:
                    continue
                found = [s for s, _ in stems[i : end + 1]]
                if found == target:
                    continue
                common = _common(found, target)
                if common >= len(target) - 2 and common >= 0.7 * max(len(found), len(target)):
                    phrase = _phrase(block.text, stems[i][1], stems[end][1])
                    source = defined_in.place() if defined_in.index else "selfassess.yaml"
                    if phrase and fold(phrase) not in reported:
                        reported.add(fold(phrase))
                        yield (
                            "name-variant",
                            Severity.warning,
                            ctx.at(block),
                            t(
                                "«{phrase}» looks like «{name}» ({abbreviation}) written otherwise",
                                phrase=phrase,
                                name=name,
                                abbreviation=abbreviation,
                            ),
                            t(
                                "write the name as defined ({source}), or use «{abbreviation}»",
                                source=source,
                                abbreviation=abbreviation,
                            ),
                        )


def _stem(word: str) -> str:
    return fold(word)[:_STEM]


def _common(a: list[str], b: list[str]) -> int:
    return sum(block.size for block in difflib.SequenceMatcher(None, a, b).get_matching_blocks())


def _phrase(text: str, first: str, last: str) -> str | None:
    start = text.find(first)
    end = text.find(last, start)
    return " ".join(text[start : end + len(last)].split()) if start >= 0 and end >= 0 else None


def _all_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _place(ctx: LintContext, index: int | None) -> str:
    block = next((b for b in ctx.document.blocks if b.index == index), None)
    return block.place() if block else t("later")
