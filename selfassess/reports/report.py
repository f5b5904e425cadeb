"""The self-assessment report of one framework: its plan and its text, criterion by criterion."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess import i18n
from selfassess.check.coverage import CriterionResult, Status
from selfassess.check.pipeline import CheckReport
from selfassess.data.output import threshold_in
from selfassess.documents.model import DocumentMeta
from selfassess.errors import Finding
from selfassess.reports.citations import Annex, foreign_items, gaps, number_annexes, stray_narratives, uncited
from selfassess.reports.markdown import Tables, md, source_documents, sources_table
from selfassess.reports.meta import report_meta
from selfassess.textnorm import normalise_qid, safe_name
from selfassess.word.structure import GeneratedText, narrative_blocks
from selfassess.workspace.kinds import Kinds
from selfassess.workspace.narratives import FrameworkNarratives, Narrative

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorResult


@dataclass
class ReportPlan:
    """Everything needed to render one report and pack, before anything is written."""

    framework: str
    meta: DocumentMeta
    annexes: list[Annex]
    markdown: str
    results: list[CriterionResult]
    findings: list[Finding] = field(default_factory=list)
    tables: dict[str, str] = field(default_factory=dict)
    programme: str | None = None


def status_text(result: CriterionResult, lang: str) -> str:
    """Return a criterion's status in words; an expiring one with the days it has left."""
    text = i18n.label(f"coverage.{result.status.value}", lang)
    if result.status is Status.expiring and result.days_left is not None:
        text += f" ({i18n.label('days_left', lang, days=result.days_left)})"
    return text


def _citer(
    narratives: FrameworkNarratives,
    annexes: dict[str, Annex],
    lang: str,
    foreign: dict[str, str] | None = None,
) -> Callable[[str], str]:
    """Return what rewrites a narrative's citations: each cited id as its annex ("Тиркеме 3"),
    another programme's item or an item that cannot be annexed by its id and why it is not."""

    def shown(ident: str) -> str | None:
        annex = annexes.get(ident)
        if annex:
            return i18n.label("annex", lang, n=annex.number)
        if foreign and ident in foreign:
            return i18n.label("citation_foreign", lang, id=ident, programme=foreign[ident])
        if ident in narratives.style.ids:
            return i18n.label("citation_not_annexed", lang, id=ident)
        return None

    return lambda text: narratives.style.render(text, shown)


# Table widths in twips (16.5 cm of text width = 9,355).
EVIDENCE_WIDTHS = (1500, 5000, 1700, 1155)
SUMMARY_WIDTHS = (1100, 4600, 1900, 1755)
ACTION_WIDTHS = (4700, 2800, 1855)


def _narrative_body(narrative: Narrative, cite: Callable[[str], str]) -> list[str]:
    text = cite(narrative.text)
    # A narrative's own headings sit below the criterion heading (level 2).
    text = re.sub(r"^(#{1,2}) ", "### ", text, flags=re.M)
    return narrative_blocks(text.strip())


def build_markdown(
    check: CheckReport,
    framework: str,
    results: list[CriterionResult],
    narratives: FrameworkNarratives,
    annexes: list[Annex],
    lang: str,
    tables: Tables,
    charts: Path | None = None,
    foreign: dict[str, str] | None = None,
) -> str:
    """Return the report body in Markdown: introduction, standards, criteria, summary, annexes.

    Indicator charts are drawn into `charts` (a fixed folder, so the same data gives the same text);
    `foreign` names, for a programme's report, the programme of each item that belongs to another one.
    """
    kinds = check.loaded.kinds
    number = {a.item.id: a for a in annexes}
    cite = _citer(narratives, number, lang, foreign)
    out: list[str] = []
    section = 0

    def heading(title: str, numbered: bool = True) -> None:
        nonlocal section
        if not numbered:
            out.extend([f"# {md(title)}", ""])
            return
        section += 1
        out.extend([f"# {section}. {md(title)}", ""])

    # The introduction and the conclusion are not numbered, so that standard 1 is section 1 and
    # its criteria 1.1, 1.2… read as its own.
    intro = narratives.get("_introduction")
    if intro is not None and intro.written:
        heading(i18n.label("introduction", lang), numbered=False)
        out.extend(_narrative_body(intro, cite))
    catalogue = check.loaded.catalogues[framework]
    indicators_of: dict[str, list[IndicatorResult]] = {}
    for computed in check.indicators.results if check.indicators else []:
        for written in computed.indicator.criteria:
            indicators_of.setdefault(normalise_qid(written), []).append(computed)
    shown_indicators: set[int] = set()
    by_standard: dict[str, list[CriterionResult]] = {}
    for result in results:
        by_standard.setdefault(result.ref.standard.id, []).append(result)
    for standard in catalogue.standards:
        members = by_standard.get(standard.id)
        if not members:
            continue
        heading(standard.title.get(lang))
        standard_text = narratives.get(f"_standard-{standard.id}")
        if standard_text is not None and standard_text.written:
            out.extend(_narrative_body(standard_text, cite))
        for result in members:
            linked = indicators_of.get(result.qid, []) if result.status is not Status.not_applicable else []
            shown_indicators.update(id(r) for r in linked)
            out.extend(_criterion(result, narratives, number, kinds, lang, tables, linked, charts, cite))
    conclusion = narratives.get("_conclusion")
    if conclusion is not None and conclusion.written:
        heading(i18n.label("conclusion", lang), numbered=False)
        out.extend(_narrative_body(conclusion, cite))
    heading(i18n.label("compliance_summary", lang))
    rows = [
        [
            r.qid.split(":", 1)[1],
            r.ref.criterion.title.get(lang),
            status_text(r, lang),
            ", ".join(str(n) for n in sorted(number[s.item.id].number for s in r.support if s.item.id in number)),
        ]
        for r in results
    ]
    labels = ("criterion", "title", "evidence_status", "annex_column")
    out.extend(
        tables.add(
            [i18n.label(k, lang) for k in labels], rows, SUMMARY_WIDTHS, caption=i18n.label("compliance_summary", lang)
        )
    )
    used = [r for r in (check.indicators.results if check.indicators else []) if id(r) in shown_indicators]
    if used:
        heading(i18n.label("data_sources", lang))
        out.extend(sources_table(used, lang, tables, source_documents(check.loaded)))
    heading(i18n.label("annexes", lang))
    rows = [
        [str(a.number), a.item.title, kinds.label(kinds.resolve(a.item.kind) or a.item.kind, lang), _date(a, lang)]
        for a in annexes
    ]
    out.extend(tables.add(_evidence_header(lang), rows, EVIDENCE_WIDTHS, caption=i18n.label("annexes", lang)))
    return GeneratedText.of(out)


def _indicator_charts(indicators: list[IndicatorResult], lang: str, folder: Path, tables: Tables) -> list[str]:
    """Return captioned pictures of the indicators that have values by dimension or a trend."""
    from selfassess.reports.charts import chart

    out = []
    for result in indicators:
        if not any(v.dims for v in result.values) and not result.trend:
            continue
        image = folder / f"{safe_name(result.indicator.id)}.png"
        if chart(result, lang, image):
            out += tables.figure(image.as_posix(), result.indicator.title.get(lang))
    return out


def _indicator_table(
    indicators: list[IndicatorResult], lang: str
) -> tuple[list[str], list[list[str]], tuple[int, ...]]:
    """Return the header, rows and widths of a criterion's indicator table (overall values)."""
    rows = []
    for result in indicators:
        indicator, overall = result.indicator, result.overall
        value = i18n.format_value(overall.value if overall else None, indicator.unit, lang)
        bounds = threshold_in(result, lang)
        status = i18n.label(f"istatus.{overall.status}", lang) if overall else ""
        rows.append([indicator.title.get(lang), value, bounds, status])
    header = [i18n.label(k, lang) for k in ("indicator", "value", "threshold", "status")]
    return header, rows, (4300, 1500, 2000, 1555)


def _evidence_header(lang: str) -> list[str]:
    return [i18n.label(k, lang) for k in ("annex_column", "title", "kind", "date")]


def _date(annex: Annex, lang: str) -> str:
    """Return an annex's date; an item expired on the reference date says so (it is annexed
    as the record of its time, and the reader must not take it for a current document)."""
    day = annex.item.issued or annex.item.snapshot
    shown = i18n.format_date(day, lang, "numeric") if day else ""
    if annex.expired is not None:
        expired = i18n.label("expired_on", lang, date=i18n.format_date(annex.expired, lang, "numeric"))
        shown = f"{shown} ({expired})" if shown else expired
    return shown


def _criterion(
    result: CriterionResult,
    narratives: FrameworkNarratives,
    number: dict[str, Annex],
    kinds: Kinds,
    lang: str,
    tables: Tables,
    indicators: list[IndicatorResult] = (),  # type: ignore[assignment]
    charts: Path | None = None,
    cite: Callable[[str], str] = str,
) -> list[str]:
    criterion = result.ref.criterion
    out = [f"## {md(criterion.id)} {md(criterion.title.get(lang))}", ""]
    if criterion.description:
        out += [f"*{md(criterion.description.get(lang))}*", ""]
    narrative = narratives.get(criterion.id)
    status = f"**{i18n.label('evidence_status', lang)}:** {md(status_text(result, lang))}"
    if result.status is Status.not_applicable:
        return [*out, f"{status}. {md(result.reason or '')}", ""]
    if narrative is None or not narrative.written:
        # The reader is told which criterion lacks its text; `check` tells the author which file.
        out += [f"**\\[{md(i18n.label('narrative_missing', lang, criterion=criterion.id))}\\]**", ""]
    else:
        out += _narrative_body(narrative, cite)
    out += [status, ""]
    rows = [
        [str(number[s.item.id].number), s.item.title, kinds.label(s.kind, lang), _date(number[s.item.id], lang)]
        for s in result.support
        if s.item.id in number
    ]
    if rows:
        caption = i18n.label("evidence_for", lang, criterion=criterion.id)
        out += tables.add(_evidence_header(lang), rows, EVIDENCE_WIDTHS, caption=caption)
    else:
        out += [f"*{i18n.label('no_evidence_yet', lang)}*", ""]
    if indicators:
        figures = _indicator_charts(indicators, lang, charts, tables) if charts else []
        caption = i18n.label("indicators_for", lang, criterion=criterion.id)
        out += tables.add(*_indicator_table(indicators, lang), caption=caption, keep_with_next=bool(figures))
        out += figures
    if narrative is not None:
        front = narrative.front
        for key in ("strengths", "weaknesses", "opportunities", "threats"):
            entries = getattr(front, key)
            if entries:
                out += [f"### {i18n.label(key, lang)}", ""] + [f"- {md(e)}" for e in entries] + [""]
        if front.actions:
            out += [f"### {i18n.label('improvement_actions', lang)}", ""]
            rows = [
                [a.action, a.responsible, i18n.format_date(a.deadline, lang, "numeric") if a.deadline else ""]
                for a in front.actions
            ]
            header = [i18n.label(k, lang) for k in ("action", "responsible_unit", "deadline")]
            out += tables.add(header, rows, ACTION_WIDTHS, caption=i18n.label("improvement_actions", lang))
    return out


def plan(
    check: CheckReport, root: Path, framework: str, strict: bool = False, programme: str | None = None
) -> ReportPlan:
    """Return the plan of the report of `framework` (for one programme): nothing is written."""
    from selfassess.check.pipeline import broken_items

    # The narratives' own problems (unknown citations, draft markers…) are the check's findings.
    narratives = check.narratives_of(framework, programme)
    results = [r for r in check.criteria if r.ref.framework.id == framework]
    meta, findings = report_meta(root, check, framework, narratives, programme)
    broken = set(broken_items(check.findings))
    annexes, problems = number_annexes(check, results, narratives, broken, programme)
    findings += problems + uncited(results, narratives) + gaps(results, narratives, strict, programme)
    findings += stray_narratives(results, narratives)
    tables = Tables(meta.language)
    charts = root / "build" / ".cache" / "charts" / framework / (safe_name(programme) if programme else "_")
    charts.mkdir(parents=True, exist_ok=True)
    foreign = {}
    if programme:
        names = check.loaded.programmes
        for ident, owners in foreign_items(check, programme).items():
            shown = [names.get(p).label(meta.language) if names.get(p) else p for p in owners]  # type: ignore[union-attr]
            foreign[ident] = ", ".join(shown)
    markdown = build_markdown(check, framework, results, narratives, annexes, meta.language, tables, charts, foreign)
    return ReportPlan(framework, meta, annexes, markdown, results, findings, tables.xml, programme)
