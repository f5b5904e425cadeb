"""Numbers the narratives quote for an indicator, compared with what the data give.

The rule (docs/formats.md, "Numbers in the text"): a sentence that names an indicator — its id
(STAFF-02) anywhere, or, for a percent or m² indicator, its title in any language compared
without regard to case, ё/е and punctuation — quotes for it the number nearest to the name in
that sentence that carries its unit (% or m²; any number when the id names it). That number
must equal a value computed for the indicator (overall, a group's, or a year's of its trend)
to the precision written: "57 %" agrees with 56.9, "56,9 %" does not agree with 59.7.

"Nearest" means next to it: at most three words between, none a number, and none a word of
comparison or range ("с 64 % до 75 %", "превышает 45 %", "45 %дан жогору", "target"), which
quote a bound or a goal, not the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from selfassess.data.indicator_model import IndicatorResult, IndicatorSet
from selfassess.errors import Finding, Location, warning
from selfassess.messages import t
from selfassess.textnorm import fold
from selfassess.workspace.narratives import Narrative

# Sentence ends: . ! ? ; or … before a space, a table cell border, or a line end (lines are split first).
_SENTENCE = re.compile(r"(?<=[.!?;…])\s+|\|")
_NUMBER = r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])"
_UNITS = {
    "percent": re.compile(_NUMBER + r"\s*%"),
    "m2": re.compile(_NUMBER + r"\s*(?:м²|m²|м2|m2|кв\.?\s*м\b)"),
}
_ANY = re.compile(_NUMBER)
_WORD = re.compile(r"\w+")
_GAP_WORDS = 3
# Words that make a number a bound, a range end or a goal rather than the indicator's value.
_NOT_THE_VALUE = frozenset(
    {
        "с",
        "от",
        "до",
        "выше",
        "ниже",
        "более",
        "менее",
        "больше",
        "меньше",
        "превышает",
        "превышал",
        "превысила",
        "превысил",
        "превысили",
        "не",
        "около",
        "почти",
        "свыше",
        "порядка",
        "примерно",
        "цель",
        "целевое",
        "целевой",
        "план",
        "планом",
        "дан",
        "тан",
        "ден",
        "тен",
        "чейин",
        "жогору",
        "төмөн",
        "ашык",
        "кем",
        "болжол",
        "болжолу",
        "максат",
        "максаты",
        "from",
        "to",
        "above",
        "below",
        "over",
        "under",
        "more",
        "less",
        "than",
        "about",
        "nearly",
        "almost",
        "target",
        "goal",
        "least",
        "",
    }
)
_AFTER = re.compile(r"^(дан|тан|ден|тен)|^ *(\w+)? *(\w+)?")


@dataclass(frozen=True)
class Quote:
    """A number a sentence quotes for an indicator."""

    written: str
    value: float
    decimals: int


def quoted_number_findings(narratives: Iterable[Narrative], indicators: IndicatorSet, lang: str) -> list[Finding]:
    """Return a warning for each number a narrative quotes for an indicator that the data contradict."""
    names = [(result, *_patterns(result)) for result in indicators.results if _values(result)]
    findings = []
    for narrative in narratives:
        for number, line in enumerate(narrative.path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            for sentence in _SENTENCE.split(line):
                for result, by_id, by_title in names:
                    quote = _quote(sentence, result, by_id, by_title)
                    if quote is None or _agrees(quote, _values(result)):
                        continue
                    findings.append(_finding(narrative, number, result, quote, lang))
    return findings


def _patterns(result: IndicatorResult) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    indicator = result.indicator
    by_id = re.compile(rf"(?<![\w-]){re.escape(indicator.id)}(?![\w-])", re.IGNORECASE)
    if indicator.unit not in _UNITS:
        return by_id, None  # a plain number next to a title may be anything (a year, a count)
    titles = {fold(t) for t in (indicator.title.ky, indicator.title.ru, indicator.title.en) if t}
    words = [r"[\W_]+".join(re.escape(w) for w in title.split()) for title in titles if title]
    by_title = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)") if words else None
    return by_id, by_title


def _quote(
    sentence: str, result: IndicatorResult, by_id: re.Pattern[str], by_title: re.Pattern[str] | None
) -> Quote | None:
    """Return the number the sentence quotes for the indicator, or None when it names it not."""
    unit = _UNITS.get(result.indicator.unit)
    named = by_id.search(sentence)
    numbers = _ANY if named and unit is None else unit
    if named is None and by_title is not None:
        # Lower case and ё→е keep every position of a Cyrillic or Latin text, so spans map back.
        named = by_title.search(sentence.lower().replace("ё", "е"))
    if named is None or numbers is None:
        return None
    best: tuple[int, re.Match[str]] | None = None
    for match in numbers.finditer(sentence):
        if named.start() <= match.start() < named.end():
            continue  # a number inside the name ("2025–2026" in a title)
        after = match.start() >= named.end()
        gap = sentence[named.end() : match.start()] if after else sentence[match.end() : named.start()]
        distance = len(gap)
        if best is None or distance < best[0]:
            best = (distance, match)
    if best is None or not _next_to(sentence, named, best[1]):
        return None
    match = best[1]
    whole = re.sub(r"\D", "", match.group(1))
    decimals = match.group(2) or ""
    value = float(f"{whole}.{decimals}" if decimals else whole)
    return Quote(match.group(0).strip(), value, len(decimals))


def _next_to(sentence: str, named: re.Match[str], match: re.Match[str]) -> bool:
    """Return True when the number stands next to the name and quotes a value, not a bound."""
    after = match.start() >= named.end()
    gap = sentence[named.end() : match.start()] if after else sentence[match.end() : named.start()]
    words = [w.lower() for w in _WORD.findall(gap)]
    if len(words) > _GAP_WORDS or any(w.isdigit() or w in _NOT_THE_VALUE for w in words):
        return False
    following = _AFTER.match(sentence[match.end() :].lower())
    if following and (following.group(1) or {following.group(2), following.group(3)} & _NOT_THE_VALUE):
        return False  # "45 %дан жогору", "60 % и выше", "60 % or more"
    return not any(w in _NOT_THE_VALUE for w in _WORD.findall(sentence[: match.start()].lower())[-1:])


def _values(result: IndicatorResult) -> list[float]:
    """Return every value computed for the indicator: overall, per group, per year."""
    found = [v.value for v in result.values if v.value is not None]
    return found + [v for v in result.trend.values() if v is not None]


def _agrees(quote: Quote, values: list[float]) -> bool:
    """Return True when the quote is one of the values, rounded as the text rounds it."""
    tolerance = 0.5 * 10 ** (-quote.decimals) + 1e-9
    return any(abs(quote.value - value) <= tolerance for value in values)


def _finding(narrative: Narrative, line: int, result: IndicatorResult, quote: Quote, lang: str) -> Finding:
    indicator = result.indicator
    overall = result.overall
    sign = {"percent": " %", "m2": " m²"}.get(indicator.unit, "")
    computed = f"{overall.value:g}{sign}" if overall is not None and overall.value is not None else t("other values")
    title = indicator.title.get(lang) or indicator.id
    return warning(
        "narrative-number",
        Location(narrative.shown, line),
        t(
            "the text gives {written} for {id} ({title}), but the data give {computed} (overall) and "
            "no group or year gives it",
            written=quote.written,
            id=indicator.id,
            title=title,
            computed=computed,
        ),
        t(
            "correct the number in the text, or the data source it is computed from; if the text "
            "means something else (the whole university, another year), say so without the "
            "indicator's name"
        ),
    )
