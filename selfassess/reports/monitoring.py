"""The monitoring report (seed 5.6): indicators, charts and surveys for the rectorate, as DOCX."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from selfassess import i18n
from selfassess.atomic import write_bytes
from selfassess.data.indicator_model import IndicatorResult
from selfassess.data.indicators import load_and_compute
from selfassess.data.output import threshold_in
from selfassess.data.surveys import SurveyResult, load_surveys
from selfassess.documents.model import ControlledDocument, DocStatus, DocType, DocumentMeta
from selfassess.documents.render import render_docx
from selfassess.errors import Finding, InvalidWorkspace, Severity
from selfassess.messages import t
from selfassess.models import Workspace
from selfassess.reports.charts import chart
from selfassess.reports.markdown import Tables, md, source_documents, sources_table
from selfassess.reports.meta import report_file_stem, report_meta
from selfassess.textnorm import safe_name
from selfassess.workspace.narratives import load_narratives

FOLDER = "monitoring"


@dataclass
class MonitoringResult:
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def build_markdown(
    indicators: list[IndicatorResult],
    surveys: list[SurveyResult],
    texts: dict[str, str],
    lang: str,
    charts: Path,
    tables: Tables,
    documents: dict[str, tuple[str, str, object]] | None = None,
) -> str:
    """Return the monitoring report body: introduction, indicators, surveys, conclusions, sources."""
    out: list[str] = []
    number = 0

    def heading(title: str) -> None:
        nonlocal number
        number += 1
        out.extend([f"# {number}. {md(title)}", ""])

    if texts.get("_introduction"):
        heading(i18n.label("introduction", lang))
        out += [texts["_introduction"], ""]
    if indicators:
        heading(i18n.label("indicators", lang))
        for result in indicators:
            indicator = result.indicator
            title = indicator.title.get(lang)
            # No Latin id in a heading of a Kyrgyz or Russian report: the title says what it is.
            out += [f"## {md(title)}", ""]
            rows = [
                [
                    ", ".join(v.dims.values()) or i18n.label("overall", lang),
                    i18n.format_value(v.value, indicator.unit, lang),
                    str(v.n),
                    i18n.label(f"istatus.{v.status}", lang),
                ]
                for v in result.values
            ]
            header = [i18n.label(k, lang) for k in ("dimension", "value", "n_rows", "status")]
            caption = title
            if indicator.threshold is not None:
                caption += f" — {i18n.label('threshold', lang).lower()}: {threshold_in(result, lang)}"
            image = charts / f"{safe_name(indicator.id)}.png"
            drawn = chart(result, lang, image)
            out += tables.add(header, rows, (4200, 1500, 1100, 2555), caption=caption, keep_with_next=drawn)
            if drawn:
                out += tables.figure(image.as_posix(), title)
            if result.trend:
                trend = ", ".join(
                    f"{year}: {i18n.format_value(v, indicator.unit, lang)}" for year, v in result.trend.items()
                )
                out += [f"{i18n.label('trend', lang)}: {md(trend)}", ""]
    if surveys:
        heading(i18n.label("surveys", lang))
        for survey in surveys:
            out += [f"## {md(survey.spec.title.get(lang))}", ""]
            rate = i18n.format_value(survey.response_rate, "percent", lang)
            out += [md(i18n.label("respondents", lang, n=survey.respondents, rate=rate)), ""]
            rows = []
            skipped = any(stats.no_answer for stats in survey.items.values())  # a column only when used
            titles = {f"[{k}]": t.get(lang) for k, t in survey.spec.block_titles.items()}
            for item, stats in [*survey.items.items(), *((f"[{k}]", v) for k, v in survey.blocks.items())]:
                text = survey.item_texts.get(item, "")
                if item in titles:
                    item, text = titles[item], ""
                as_number = functools.partial(i18n.format_value, unit="number", lang=lang)
                shown = f"{as_number(stats.mean)} ± {as_number(stats.ci95)}" if stats.mean is not None else "—"
                if stats.suppressed:
                    row = [f"{item} {text}".strip(), "—", i18n.label("suppressed", lang, n=survey.spec.min_n), "—", "—"]
                    rows.append(row + (["—"] if skipped else []))
                    continue
                row = [
                    f"{item} {text}".strip(),
                    str(stats.n),
                    shown,
                    as_number(stats.top2),
                    as_number(stats.index),
                ]
                rows.append(row + ([str(stats.no_answer)] if skipped else []))
            keys = ["item", "answers", "mean_ci", "top2", "satisfaction_index"] + (["no_answer"] if skipped else [])
            widths = (4400, 1000, 1500, 1200, 1255) if not skipped else (3600, 900, 1500, 1100, 1155, 1100)
            out += tables.add([i18n.label(k, lang) for k in keys], rows, widths, caption=survey.spec.title.get(lang))
            out += _reliability(survey, lang)
    for key in ("_conclusions", "_recommendations"):
        if texts.get(key):
            heading(i18n.label("conclusion" if key == "_conclusions" else "recommendations", lang))
            out += [texts[key], ""]
    if indicators:
        heading(i18n.label("data_sources", lang))
        out += sources_table(indicators, lang, tables, documents)
    return "\n".join(out) + "\n"


def _reliability(survey: SurveyResult, lang: str) -> list[str]:
    """Return a paragraph with each block's Cronbach's α, its n and whether it is acceptable."""
    parts = []
    for block, reliability in survey.reliability.items():
        if reliability.alpha is None:
            continue
        title = survey.spec.block_titles.get(block)
        verdict = i18n.label("alpha_ok" if reliability.alpha >= 0.7 else "alpha_low", lang)
        parts.append(
            f"{title.get(lang) if title else block}: α\u00a0=\u00a0{i18n.format_number(reliability.alpha, lang, 2)} "
            f"(n\u00a0=\u00a0{i18n.format_number(reliability.n, lang, 0)}, {verdict})"
        )
    if not parts:
        return []
    return [md(f"{i18n.label('reliability', lang)}: " + "; ".join(parts) + "."), ""]


def build_monitoring(
    root: Path, config: Workspace, pdf: bool = False, as_of: dt.date | None = None
) -> MonitoringResult:
    """Write build/monitoring/<code>_v<version>.docx (and PDF): the analytical report to the rectorate."""
    from selfassess.check.pipeline import check

    result = MonitoringResult()
    computed = load_and_compute(root, root / "evidence", config)
    surveys, findings = load_surveys(root, root / "evidence", config)
    result.findings += findings + [f for s in surveys for f in s.findings]
    if computed is not None:
        result.findings += computed.findings + [f for r in computed.results for f in r.findings]
    if any(f.severity is Severity.error for f in result.findings):
        raise InvalidWorkspace(t("the monitoring report was not written: fix the errors above"), result.findings)
    narratives = load_narratives(root, FOLDER)
    report = check(root, as_of)
    meta, problems = report_meta(root, report, next(iter(report.loaded.catalogues)), narratives)
    result.findings += problems
    if not (narratives.folder / "report.yaml").is_file():
        meta = DocumentMeta(
            code="MONITORING",
            title=i18n.label("monitoring_report", config.language),
            type=DocType.report,
            language=config.language,
            status=DocStatus.draft,
            date=report.as_of,
        )
    lang = meta.language
    texts = {name: n.text.strip() for name, n in narratives.by_name.items()}
    target = root / "build" / FOLDER / f"{report_file_stem(meta, FOLDER)}.docx"
    # Charts go to a fixed folder: the report text names them, and the same text should give
    # the same document (and reuse pandoc's cached conversion).
    charts = root / "build" / ".cache" / "charts"
    charts.mkdir(parents=True, exist_ok=True)
    tables = Tables(lang)
    documents = source_documents(report.loaded)
    body = build_markdown(computed.results if computed else [], surveys, texts, lang, charts, tables, documents)
    document = ControlledDocument(narratives.folder, meta)
    write_bytes(target, render_docx(root, document, config, body_text=body, tables=tables.xml))
    result.written.append(target)
    if pdf:
        from selfassess.word.pdf import convert

        result.written += convert([(target, dt.datetime.combine(meta.date, dt.time()))])
    return result
