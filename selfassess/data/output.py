"""Computed indicators written as a terminal table, JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from selfassess import i18n
from selfassess.data.indicator_model import PROVENANCE, STATUS, IndicatorResult, IndicatorSet, Value
from selfassess.data.surveys import Stats, SurveyResult
from selfassess.messages import language, t, tn
from selfassess.sheets import csv_value

UNITS = {"percent": "%", "m2": "m²", "number": "", "ratio": "", "score": ""}


def bounds(result: IndicatorResult) -> str:
    """Return the threshold as signs, "≥ 65" or "≥ 1 ≤ 3" ("" without one): the same in every language."""
    threshold = result.indicator.threshold
    if threshold is None:
        return ""
    parts = [f"≥ {threshold.min:g}"] if threshold.min is not None else []
    parts += [f"≤ {threshold.max:g}"] if threshold.max is not None else []
    return " ".join(parts)


def threshold_in(result: IndicatorResult, lang: str) -> str:
    """Return the threshold with its provenance in the document language: "≥ 3 (законодательство)"."""
    threshold = result.indicator.threshold
    if threshold is None:
        return ""
    shown = i18n.format_bounds(threshold.min, threshold.max, lang)
    return f"{shown} ({i18n.label(f'provenance.{threshold.provenance}', lang)})"


def _threshold(result: IndicatorResult, shown: bool = False) -> str:
    threshold = result.indicator.threshold
    if threshold is None:
        return ""
    provenance = t(PROVENANCE[threshold.provenance]) if shown else threshold.provenance
    return f"{bounds(result)} ({provenance})"


def _dims(value: Value, shown: bool = False) -> str:
    return ", ".join(f"{k}: {v}" for k, v in value.dims.items()) or (t("overall") if shown else "overall")


def rows(indicators: IndicatorSet, lang: str, shown: bool = False) -> list[dict[str, Any]]:
    """Return one row per indicator and dimension value; `shown`: in the terminal's words, not codes."""
    out = []
    for result in indicators.results:
        for value in result.values:
            out.append(
                {
                    "id": result.indicator.id,
                    "title": result.indicator.title.get(lang),
                    "dimension": _dims(value, shown),
                    "value": value.value,
                    "unit": UNITS[result.indicator.unit],
                    "n": value.n,
                    "threshold": _threshold(result, shown),
                    "status": t(STATUS[value.status]) if shown else value.status,
                }
            )
    return out


def as_json(indicators: IndicatorSet, lang: str) -> str:
    """Return {indicators: [{id, title, unit, threshold, values, trend, lineage, criteria}], findings}."""
    data = {
        "indicators": [
            {
                "id": r.indicator.id,
                "title": r.indicator.title.get(lang),
                "unit": r.indicator.unit,
                "threshold": r.indicator.threshold.model_dump() if r.indicator.threshold else None,
                "criteria": list(r.indicator.criteria),
                "values": [{"dimensions": v.dims, "value": v.value, "n": v.n, "status": v.status} for v in r.values],
                "trend": r.trend,
                "lineage": r.lineage,
            }
            for r in indicators.results
        ],
        "findings": [f.as_dict() for f in indicators.findings + [f for r in indicators.results for f in r.findings]],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def as_csv(indicators: IndicatorSet, lang: str) -> str:
    """Return one CSV row per indicator and dimension (UTF-8 with BOM for Excel)."""
    out = io.StringIO()
    table = rows(indicators, lang)
    writer = csv.DictWriter(out, fieldnames=["id", "title", "dimension", "value", "unit", "n", "threshold", "status"])
    writer.writeheader()
    writer.writerows([{k: csv_value(v) for k, v in row.items()} for row in table])
    return "\ufeff" + out.getvalue()


def as_markdown(indicators: IndicatorSet, lang: str) -> str:
    """Return the indicators as a Markdown table, then each one's lineage."""
    heads = [t("Indicator"), t("Dimension"), t("Value"), "n", t("Threshold"), t("Status")]
    lines = ["| " + " | ".join(heads) + " |", "|---|---|---:|---:|---|---|"]
    for row in rows(indicators, lang, shown=True):
        value = "" if row["value"] is None else f"{row['value']:g} {row['unit']}".strip()
        cells = [f"{row['id']} {row['title']}", row["dimension"], value, str(row["n"]), row["threshold"], row["status"]]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", t("Sources:"), ""]
    for result in indicators.results:
        lines += [f"- {result.indicator.id}: " + "; ".join(result.lineage_in(language()))]
    return "\n".join(lines) + "\n"


def as_text(indicators: IndicatorSet, lang: str) -> str:
    """Return a plain table: overall values first, then the values by dimension indented."""
    lines = []
    for result in indicators.results:
        indicator = result.indicator
        for value in result.values:
            shown = "—" if value.value is None else f"{value.value:g} {UNITS[indicator.unit]}".strip()
            label = (
                f"{indicator.id:<9} {indicator.title.get(lang)}"
                if not value.dims
                else f"{'':<9}   {_dims(value, True)}"
            )
            status = t(STATUS[value.status]) if value.status != "no-threshold" else ""
            lines.append(f"{label[:78]:<78} {shown:>12}  n={value.n:<6} {status}")
        if result.indicator.threshold:
            lines.append(f"{'':<12}" + t("threshold {threshold}", threshold=_threshold(result, True)))
        if result.trend:
            trend = ", ".join(f"{y}: {v}" for y, v in result.trend.items())
            lines.append(f"{'':<12}" + t("trend {values}", values=trend))
        lines += [f"{'':<12}" + t("from {source}", source=line) for line in result.lineage_in(language())]
    return "\n".join(lines) + "\n"


def _block_title(result: SurveyResult, item: str, lang: str) -> str:
    """Return the title of a block ("[teaching]"), or "" for an item or an untitled block."""
    title = result.spec.block_titles.get(item.strip("[]")) if item.startswith("[") else None
    return title.get(lang) if title else ""


def survey_rows(results: list[SurveyResult], lang: str) -> list[dict[str, Any]]:
    """Return one row per survey, item or block, and group (suppressed cells left empty)."""
    out = []
    for result in results:
        item_rest = {item: r for block in result.reliability.values() for item, r in block.item_rest.items()}
        cells: list[tuple[str, str, Stats]] = [("overall", k, v) for k, v in result.items.items()]
        cells += [("overall", f"[{k}]", v) for k, v in result.blocks.items()]
        for column, groups in result.by.items():
            cells += [(f"{column}: {group}", k, v) for group, items in groups.items() for k, v in items.items()]
        for scope, item, stats in cells:
            out.append(
                {
                    "survey": result.spec.id,
                    "group": scope,
                    "item": item,
                    "text": result.item_texts.get(item) or _block_title(result, item, lang),
                    "n": None if stats.suppressed else stats.n,
                    "mean": stats.mean,
                    "ci95": stats.ci95,
                    "top2_percent": stats.top2,
                    "index": stats.index,
                    "no_answer": None if stats.suppressed else stats.no_answer,
                    "suppressed": stats.suppressed,
                    # Reliability, overall only: α of a block over its complete answers, and
                    # each item's correlation with the rest of its block.
                    "alpha": _alpha(result, item) if scope == "overall" else None,
                    "alpha_n": _alpha_n(result, item) if scope == "overall" else None,
                    "item_rest": item_rest.get(item) if scope == "overall" else None,
                }
            )
    return out


def _alpha(result: SurveyResult, item: str) -> float | None:
    block = result.reliability.get(item.strip("[]")) if item.startswith("[") else None
    return block.alpha if block else None


def _alpha_n(result: SurveyResult, item: str) -> int | None:
    block = result.reliability.get(item.strip("[]")) if item.startswith("[") else None
    return block.n if block and block.alpha is not None else None


def indicators_as(fmt: str, computed: IndicatorSet, lang: str) -> str:
    """Return the indicators as text, json, csv or md."""
    return {"json": as_json, "csv": as_csv, "md": as_markdown, "text": as_text}[fmt](computed, lang)


def surveys_as(fmt: str, results: list[SurveyResult], lang: str) -> str:
    """Return the survey results as text, json, csv or md."""
    table = survey_rows(results, lang)
    if fmt == "json":
        data = [
            {
                "id": r.spec.id,
                "title": r.spec.title.get(lang),
                "group": r.spec.group,
                "respondents": r.respondents,
                "response_rate": r.response_rate,
                "open_answers": r.open_answers,
                "rows": [row for row in table if row["survey"] == r.spec.id],
            }
            for r in results
        ]
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(table[0]) if table else ["survey"])
        writer.writeheader()
        writer.writerows([{k: csv_value(v) for k, v in row.items()} for row in table])
        return "\ufeff" + out.getvalue()
    lines = []
    for result in results:
        lines.append(_survey_line(result, lang))
        for row in (r for r in table if r["survey"] == result.spec.id):
            if row["suppressed"]:
                shown = tn(
                    "hidden (fewer than {n} respondents)", "hidden (fewer than {n} respondents)", result.spec.min_n
                )
            else:
                parts = [f"n={row['n']}", t("mean {mean} ± {ci95}", mean=row["mean"], ci95=row["ci95"])]
                parts += [t("top-2 {top2} %", top2=row["top2_percent"]), t("index {index}", index=row["index"])]
                if row["no_answer"]:
                    parts.append(t("no answer {count}", count=row["no_answer"]))
                if row["alpha"] is not None:
                    parts.append(f"α {row['alpha']:.2f} (n={row['alpha_n']})")
                if row["item_rest"] is not None:
                    parts.append(t("item-rest r {r}", r=f"{row['item_rest']:.2f}"))
                shown = "  ".join(parts)
            prefix = "| " if fmt == "md" else "  "
            group = t("overall") if row["group"] == "overall" else row["group"]
            lines.append(f"{prefix}{group} | {row['item']} {row['text'][:50]} | {shown}")
    return "\n".join(lines) + "\n"


def _survey_line(result: SurveyResult, lang: str) -> str:
    """Return a survey's first line: its id, title, respondents and response rate."""
    shown = {"survey": result.spec.id, "title": result.spec.title.get(lang)}
    if result.response_rate is None:
        return tn(
            "{survey}: {title} — {n} respondents", "{survey}: {title} — {n} respondents", result.respondents, **shown
        )
    return tn(
        "{survey}: {title} — {n} respondents, response rate {rate} %",
        "{survey}: {title} — {n} respondents, response rate {rate} %",
        result.respondents,
        rate=f"{result.response_rate:g}",
        **shown,
    )
