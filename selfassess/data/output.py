"""Computed indicators written as a terminal table, JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from selfassess import i18n
from selfassess.data.indicator_model import IndicatorResult, IndicatorSet, Value
from selfassess.data.surveys import Stats, SurveyResult
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


def _threshold(result: IndicatorResult) -> str:
    threshold = result.indicator.threshold
    return f"{bounds(result)} ({threshold.provenance})" if threshold else ""


def _dims(value: Value) -> str:
    return ", ".join(f"{k}: {v}" for k, v in value.dims.items()) or "overall"


def rows(indicators: IndicatorSet, lang: str) -> list[dict[str, Any]]:
    """Return one row per indicator and dimension value."""
    out = []
    for result in indicators.results:
        for value in result.values:
            out.append(
                {
                    "id": result.indicator.id,
                    "title": result.indicator.title.get(lang),
                    "dimension": _dims(value),
                    "value": value.value,
                    "unit": UNITS[result.indicator.unit],
                    "n": value.n,
                    "threshold": _threshold(result),
                    "status": value.status,
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
    lines = ["| Indicator | Dimension | Value | n | Threshold | Status |", "|---|---|---:|---:|---|---|"]
    for row in rows(indicators, lang):
        value = "" if row["value"] is None else f"{row['value']:g} {row['unit']}".strip()
        cells = [f"{row['id']} {row['title']}", row["dimension"], value, str(row["n"]), row["threshold"], row["status"]]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Sources:", ""]
    for result in indicators.results:
        lines += [f"- {result.indicator.id}: " + "; ".join(result.lineage)]
    return "\n".join(lines) + "\n"


def as_text(indicators: IndicatorSet, lang: str) -> str:
    """Return a plain table: overall values first, then the values by dimension indented."""
    lines = []
    for result in indicators.results:
        indicator = result.indicator
        for value in result.values:
            shown = "—" if value.value is None else f"{value.value:g} {UNITS[indicator.unit]}".strip()
            label = f"{indicator.id:<9} {indicator.title.get(lang)}" if not value.dims else f"{'':<9}   {_dims(value)}"
            status = value.status if value.status != "no-threshold" else ""
            lines.append(f"{label[:78]:<78} {shown:>12}  n={value.n:<6} {status}")
        if result.indicator.threshold:
            lines.append(f"{'':<12}threshold {_threshold(result)}")
        if result.trend:
            lines.append(f"{'':<12}trend " + ", ".join(f"{y}: {v}" for y, v in result.trend.items()))
        lines += [f"{'':<12}from {line}" for line in result.lineage]
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
        rate = f", response rate {result.response_rate:g} %" if result.response_rate is not None else ""
        lines.append(f"{result.spec.id}: {result.spec.title.get(lang)} — {result.respondents} respondents{rate}")
        for row in (r for r in table if r["survey"] == result.spec.id):
            if row["suppressed"]:
                shown = f"hidden (fewer than {result.spec.min_n} respondents)"
            else:
                shown = f"n={row['n']}  mean {row['mean']} ± {row['ci95']}  top-2 {row['top2_percent']} %"
                shown += f"  index {row['index']}"
                if row["no_answer"]:
                    shown += f"  no answer {row['no_answer']}"
                if row["alpha"] is not None:
                    shown += f"  α {row['alpha']:.2f} (n={row['alpha_n']})"
                if row["item_rest"] is not None:
                    shown += f"  item-rest r {row['item_rest']:.2f}"
            prefix = "| " if fmt == "md" else "  "
            lines.append(f"{prefix}{row['group']} | {row['item']} {row['text'][:50]} | {shown}")
    return "\n".join(lines) + "\n"
