"""The self-assessment report of one framework: annex numbers, citations, the report text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess import i18n
from selfassess.check.coverage import CriterionResult, Status
from selfassess.check.pipeline import CheckReport
from selfassess.data.output import threshold_in
from selfassess.docmodel import DocStatus, DocType, DocumentMeta
from selfassess.errors import Finding, Location, error, warning
from selfassess.models import EvidenceItem
from selfassess.narratives import CITATION, FrameworkNarratives, Narrative, load_narratives
from selfassess.textnorm import did_you_mean, normalise_qid
from selfassess.workspace.kinds import Kinds

if TYPE_CHECKING:
    from selfassess.data.indicators import IndicatorResult
from selfassess.workspace.yamlfile import read_yaml, validate

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Return plain text escaped for pandoc Markdown (register titles may hold * _ [ ] | …)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@dataclass
class Annex:
    """One evidence item as a numbered annex of the report and the pack."""

    number: int
    item: EvidenceItem
    criteria: list[str] = field(default_factory=list)
    cited: bool = False


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


def report_meta(
    root: Path, check: CheckReport, framework: str, narratives: FrameworkNarratives, programme: str | None = None
) -> tuple[DocumentMeta, list[Finding]]:
    """Return the report's metadata from narratives/<fw>/report.yaml, or a default."""
    path = narratives.folder / "report.yaml"
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if path.is_file():
        data, findings = read_yaml(path, shown)
        if data is None:
            return _default_meta(check, framework, programme), findings
        meta, findings = validate(data, DocumentMeta, shown)
        if meta is not None:
            return meta, findings
        return _default_meta(check, framework, programme), findings
    return _default_meta(check, framework, programme), [
        warning(
            "no-report-meta",
            Location(shown),
            "the report has no report.yaml, so its code, approval and developers are left blank",
            "copy documents/<code>/document.yaml there and set type: report",
        )
    ]


def _default_meta(check: CheckReport, framework: str, programme: str | None = None) -> DocumentMeta:
    lang = check.language
    title = (
        f"{i18n.label('self_assessment_report', lang)}: {check.loaded.catalogues[framework].framework.title.get(lang)}"
    )
    config = check.loaded.config
    chosen = next((p for p in config.programmes if p.id == programme), None) if config and programme else None
    if chosen is not None:
        title += f" — {chosen.id} {chosen.title.get(lang)}"
    return DocumentMeta(
        code=f"{framework.upper()}-{programme}" if programme else framework.upper(),
        title=title,
        type=DocType.report,
        language=lang,  # type: ignore[arg-type]
        status=DocStatus.draft,
        date=check.as_of,
    )


def number_annexes(
    check: CheckReport,
    results: list[CriterionResult],
    narratives: FrameworkNarratives,
    broken: set[str],
    programme: str | None = None,
) -> tuple[list[Annex], list[Finding]]:
    """Number the annexes: cited items in reading order, then supporting items in register order."""
    by_id = {item.id: item for item in check.loaded.items}
    order: list[str] = []
    findings: list[Finding] = []
    reading = [narratives.get("_introduction")]
    standards_seen: set[str] = set()
    for r in results:
        if r.ref.standard.id not in standards_seen:
            standards_seen.add(r.ref.standard.id)
            reading.append(narratives.get(f"_standard-{r.ref.standard.id}"))
        if r.status is not Status.not_applicable:  # the report does not show their text
            reading.append(narratives.get(r.ref.criterion.id))
    reading.append(narratives.get("_conclusion"))
    for narrative in (n for n in reading if n is not None):
        for citation in narrative.citations:
            where = Location(narrative.shown, citation.line)
            if citation.evidence not in by_id:
                close = did_you_mean(citation.evidence, list(by_id))
                findings.append(
                    error(
                        "unknown-citation",
                        where,
                        f"the text cites [{citation.evidence}], which is not in the register",
                        f"did you mean [{close}]?" if close else "cite evidence by its register id, e.g. [E-012]",
                        evidence=citation.evidence,
                    )
                )
            elif citation.evidence in broken:
                findings.append(
                    error(
                        "cited-unusable",
                        where,
                        f"the text cites [{citation.evidence}], whose file cannot be used (see the check findings)",
                        evidence=citation.evidence,
                    )
                )
            elif (
                programme
                and by_id[citation.evidence].programmes
                and programme not in by_id[citation.evidence].programmes
            ):
                findings.append(
                    warning(
                        "other-programme",
                        where,
                        f"the text cites [{citation.evidence}], which belongs to another programme",
                        "cite this programme's or institution-wide evidence",
                        evidence=citation.evidence,
                    )
                )
                if citation.evidence not in order:
                    order.append(citation.evidence)
            elif citation.evidence not in order:
                order.append(citation.evidence)
    cited = set(order)
    supporting = {s.item.id for r in results for s in r.support}
    for item in check.loaded.items:
        if item.id not in cited and item.id not in broken and item.id in supporting:
            order.append(item.id)
    annexes = [Annex(n, by_id[ident], cited=ident in cited) for n, ident in enumerate(order, start=1)]
    number = {a.item.id: a for a in annexes}
    for result in results:
        for support in result.support:
            if support.item.id in number:
                number[support.item.id].criteria.append(result.qid)
    return annexes, findings


def stray_narratives(results: list[CriterionResult], narratives: FrameworkNarratives) -> list[Finding]:
    """Return a warning for each narrative file that belongs to no criterion or standard shown."""
    names = {r.ref.criterion.id for r in results} | {f"_standard-{r.ref.standard.id}" for r in results}
    names |= {"_introduction", "_conclusion"}
    return [
        warning(
            "unknown-narrative",
            Location(n.shown),
            f"{Path(n.shown).name} matches no criterion of this framework, so the report leaves it out",
            "name it after a criterion id (e.g. 1.3.md), _introduction.md, _conclusion.md or _standard-<id>.md",
        )
        for name, n in narratives.by_name.items()
        if name not in names
    ]


_LOOSE_CITATION = re.compile(
    r"\[([A-Za-zА-Яа-яЁё]{1,6}-[0-9][\w.-]*(?:\s*[,;]\s*[A-Za-zА-Яа-яЁё]{1,6}-[0-9][\w.-]*)+)\]"
)


def odd_citations(narratives: FrameworkNarratives) -> list[Finding]:
    """Return a warning for citations written as a list in one bracket, [E-1, E-2]."""
    findings = []
    for narrative in narratives.by_name.values():
        for number, line in enumerate(narrative.text.splitlines(), start=narrative.body_line):
            for match in _LOOSE_CITATION.finditer(line):
                parts = re.split(r"\s*[,;]\s*", match.group(1))
                findings.append(
                    warning(
                        "citation-format",
                        Location(narrative.shown, number),
                        f"[{match.group(1)}] is not read as citations",
                        "write each in its own brackets: " + " ".join(f"[{p}]" for p in parts),
                    )
                )
    return findings


def uncited(results: list[CriterionResult], narratives: FrameworkNarratives) -> list[Finding]:
    """Return a warning for each item that directly supports a criterion its narrative never cites."""
    findings = []
    for result in results:
        narrative = narratives.get(result.ref.criterion.id)
        if narrative is None:
            continue
        cited = {c.evidence for c in narrative.citations}
        for support in result.support:
            if support.via is None and support.item.id not in cited:
                findings.append(
                    warning(
                        "uncited-evidence",
                        Location(narrative.shown),
                        f"{support.item.id} supports {result.qid} but its narrative never cites it",
                        f"cite it as [{support.item.id}] where the text relies on it",
                        criterion=result.qid,
                        evidence=support.item.id,
                    )
                )
    return findings


def sources_table(results: list[IndicatorResult], lang: str, tables: Tables) -> list[str]:
    """Return the table of where each indicator's values came from (its lineage), in `lang`."""
    rows = [[r.indicator.id, line] for r in results for line in r.lineage_in(lang)]
    return tables.add([i18n.label("indicator", lang), i18n.label("data_sources", lang)], rows, (1500, 7855))


def _shown(path: Path) -> str:
    """Return a narrative's path from the workspace root: narratives/<framework>/…/<id>.md."""
    parts = path.parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("narratives") :]) if "narratives" in parts else path.name


def gaps(results: list[CriterionResult], narratives: FrameworkNarratives, strict: bool) -> list[Finding]:
    """Return a finding for each criterion without narrative or with a coverage gap."""
    make = error if strict else warning
    # Under --strict nothing is written, so the message must not talk about the report's text.
    placeholder = "--strict stops the build" if strict else "the report shows a placeholder"
    said = "--strict stops the build" if strict else "the report says so in its text"
    findings = []
    for result in results:
        if result.status is Status.not_applicable:
            continue
        if narratives.get(result.ref.criterion.id) is None:
            path = narratives.folder / f"{result.ref.criterion.id}.md"
            findings.append(
                make(
                    "no-narrative",
                    result.ref.where,
                    f"{result.qid} has no narrative; {placeholder}",
                    f"write the text in {_shown(path)}",
                    criterion=result.qid,
                )
            )
        if result.status is not Status.covered:
            findings.append(
                make(
                    "coverage-gap",
                    result.ref.where,
                    f"{result.qid} is {result.status.value}; {said}",
                    "see selfassess check for what is missing",
                    criterion=result.qid,
                )
            )
    return findings


def _cite(text: str, annexes: dict[str, Annex], lang: str) -> str:
    def replace(match: re.Match[str]) -> str:
        annex = annexes.get(match.group(1))
        return f"({i18n.label('annex', lang, n=annex.number)})" if annex else match.group(0)

    return CITATION.sub(replace, text)


# Table widths in twips (16.5 cm of text width = 9,355).
EVIDENCE_WIDTHS = (1500, 5000, 1700, 1155)
SUMMARY_WIDTHS = (1100, 4600, 1900, 1755)
ACTION_WIDTHS = (4700, 2800, 1855)


class Tables:
    """Tables of a generated text: a placeholder paragraph in the Markdown, the table as XML."""

    def __init__(self) -> None:
        self.xml: dict[str, str] = {}

    def add(self, header: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> list[str]:
        from selfassess.word.tables import PLACEHOLDER, table_xml

        key = f"{PLACEHOLDER}{len(self.xml) + 1}"
        self.xml[key] = table_xml(header, rows, widths)
        return [key, ""]


def _narrative_body(narrative: Narrative, annexes: dict[str, Annex], lang: str) -> list[str]:
    text = _cite(narrative.text, annexes, lang)
    # A narrative's own headings sit below the criterion heading (level 2).
    text = re.sub(r"^(#{1,2}) ", "### ", text, flags=re.M)
    return [text.strip(), ""]


def build_markdown(
    check: CheckReport,
    framework: str,
    results: list[CriterionResult],
    narratives: FrameworkNarratives,
    annexes: list[Annex],
    lang: str,
    tables: Tables,
    charts: Path | None = None,
) -> str:
    """Return the report body in Markdown: introduction, standards, criteria, summary, annexes.

    Indicator charts are drawn into `charts` (a fixed folder, so the same data gives the same text).
    """
    kinds = check.loaded.kinds
    number = {a.item.id: a for a in annexes}
    out: list[str] = []
    section = 0

    def heading(title: str) -> None:
        nonlocal section
        section += 1
        out.extend([f"# {section}. {md(title)}", ""])

    intro = narratives.get("_introduction")
    if intro is not None:
        heading(i18n.label("introduction", lang))
        out.extend(_narrative_body(intro, number, lang))
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
        if standard_text is not None:
            out.extend(_narrative_body(standard_text, number, lang))
        for result in members:
            linked = indicators_of.get(result.qid, []) if result.status is not Status.not_applicable else []
            shown_indicators.update(id(r) for r in linked)
            out.extend(_criterion(result, narratives, number, kinds, lang, tables, linked, charts))
    conclusion = narratives.get("_conclusion")
    if conclusion is not None:
        heading(i18n.label("conclusion", lang))
        out.extend(_narrative_body(conclusion, number, lang))
    heading(i18n.label("compliance_summary", lang))
    rows = [
        [
            r.qid.split(":", 1)[1],
            r.ref.criterion.title.get(lang),
            i18n.label(f"coverage.{r.status.value}", lang),
            ", ".join(str(n) for n in sorted(number[s.item.id].number for s in r.support if s.item.id in number)),
        ]
        for r in results
    ]
    labels = ("criterion", "title", "evidence_status", "annex_column")
    out.extend(tables.add([i18n.label(k, lang) for k in labels], rows, SUMMARY_WIDTHS))
    used = [r for r in (check.indicators.results if check.indicators else []) if id(r) in shown_indicators]
    if used:
        heading(i18n.label("data_sources", lang))
        out.extend(sources_table(used, lang, tables))
    heading(i18n.label("annexes", lang))
    rows = [
        [str(a.number), a.item.title, kinds.label(kinds.resolve(a.item.kind) or a.item.kind, lang), _date(a.item, lang)]
        for a in annexes
    ]
    out.extend(tables.add(_evidence_header(lang), rows, EVIDENCE_WIDTHS))
    return "\n".join(out) + "\n"


def _indicator_charts(indicators: list[IndicatorResult], lang: str, folder: Path) -> list[str]:
    """Return Markdown images of the indicators that have values by dimension or a trend."""
    from selfassess.monitoring import chart
    from selfassess.textnorm import safe_name

    out = []
    for result in indicators:
        if not any(v.dims for v in result.values) and not result.trend:
            continue
        image = folder / f"{safe_name(result.indicator.id)}.png"
        if chart(result, lang, image):
            out += [f"![{md(result.indicator.title.get(lang))}]({image.as_posix()})", ""]
    return out


def _indicator_table(
    indicators: list[IndicatorResult], lang: str
) -> tuple[list[str], list[list[str]], tuple[int, ...]]:
    """Return the header, rows and widths of a criterion's indicator table (overall values)."""
    units = {"percent": "%", "m2": "м²", "number": "", "ratio": "", "score": ""}
    rows = []
    for result in indicators:
        indicator, overall = result.indicator, result.overall
        value = (
            "—" if overall is None or overall.value is None else f"{overall.value:g} {units[indicator.unit]}".strip()
        )
        bounds = threshold_in(result, lang)
        status = i18n.label(f"istatus.{overall.status}", lang) if overall else ""
        rows.append([f"{indicator.id} {indicator.title.get(lang)}", value, bounds, status])
    header = [i18n.label(k, lang) for k in ("indicator", "value", "threshold", "status")]
    return header, rows, (4300, 1500, 2000, 1555)


def _evidence_header(lang: str) -> list[str]:
    return [i18n.label(k, lang) for k in ("annex_column", "title", "kind", "date")]


def _date(item: EvidenceItem, lang: str) -> str:
    day = item.issued or item.snapshot
    return i18n.format_date(day, lang, "numeric") if day else ""


def _criterion(
    result: CriterionResult,
    narratives: FrameworkNarratives,
    number: dict[str, Annex],
    kinds: Kinds,
    lang: str,
    tables: Tables,
    indicators: list[IndicatorResult] = (),  # type: ignore[assignment]
    charts: Path | None = None,
) -> list[str]:
    criterion = result.ref.criterion
    out = [f"## {md(criterion.id)} {md(criterion.title.get(lang))}", ""]
    if criterion.description:
        out += [f"*{md(criterion.description.get(lang))}*", ""]
    narrative = narratives.get(criterion.id)
    status = f"**{i18n.label('evidence_status', lang)}:** {i18n.label(f'coverage.{result.status.value}', lang)}"
    if result.status is Status.not_applicable:
        return [*out, f"{status}. {md(result.reason or '')}", ""]
    if narrative is None:
        path = f"{narratives.folder.name}/{criterion.id}.md"
        out += [f"**\\[{md(i18n.label('narrative_missing', lang, path=path))}\\]**", ""]
    else:
        out += _narrative_body(narrative, number, lang)
    out += [status, ""]
    rows = [
        [str(number[s.item.id].number), s.item.title, kinds.label(s.kind, lang), _date(s.item, lang)]
        for s in result.support
        if s.item.id in number
    ]
    if rows:
        out += tables.add(_evidence_header(lang), rows, EVIDENCE_WIDTHS)
    else:
        out += [f"*{i18n.label('no_evidence_yet', lang)}*", ""]
    if indicators:
        out += tables.add(*_indicator_table(indicators, lang))
        out += _indicator_charts(indicators, lang, charts) if charts else []
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
            out += tables.add(header, rows, ACTION_WIDTHS)
    return out


def plan(
    check: CheckReport, root: Path, framework: str, strict: bool = False, programme: str | None = None
) -> ReportPlan:
    """Return the plan of the report of `framework` (for one programme): nothing is written."""
    from selfassess.check.pipeline import broken_items

    narratives = load_narratives(root, framework, programme)
    results = [r for r in check.criteria if r.ref.framework.id == framework]
    meta, findings = report_meta(root, check, framework, narratives, programme)
    findings = [*narratives.findings, *findings]
    broken = set(broken_items(check.findings))
    annexes, problems = number_annexes(check, results, narratives, broken, programme)
    findings += problems + uncited(results, narratives) + gaps(results, narratives, strict)
    findings += stray_narratives(results, narratives) + odd_citations(narratives)
    tables = Tables()
    charts = root / "build" / ".cache" / "charts" / framework / (programme or "_")
    charts.mkdir(parents=True, exist_ok=True)
    markdown = build_markdown(check, framework, results, narratives, annexes, meta.language, tables, charts)
    return ReportPlan(framework, meta, annexes, markdown, results, findings, tables.xml, programme)
