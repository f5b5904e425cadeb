"""The dashboard: one static, self-contained HTML page (no scripts, works offline)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from pathlib import Path

from selfassess import i18n
from selfassess.atomic import write_text
from selfassess.check.coverage import CriterionResult
from selfassess.check.pipeline import CheckReport
from selfassess.tracking import history

COLOURS = {
    "covered": "#2e7d32",
    "partial": "#f9a825",
    "stale": "#8e44ad",
    "expiring": "#ef6c00",
    "missing": "#c62828",
    "not-applicable": "#9e9e9e",
}
STYLE = """
body{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.muted{color:#666} .big{font-size:40px;font-weight:bold}
.counts span{display:inline-block;margin-right:14px;padding:4px 10px;border-radius:4px;color:#fff}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ddd;padding:4px 6px;text-align:left;font-size:13px}
.bar{height:12px;background:#eee;width:200px;display:inline-block;vertical-align:middle}
.bar i{display:block;height:12px;background:#2e7d32}
.cells span{display:inline-block;width:14px;height:14px;margin:1px;border-radius:2px}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
"""


def _status_label(status: str, lang: str) -> str:
    return i18n.label(f"coverage.{status}", lang)


def render(report: CheckReport, root: Path, lang: str) -> str:
    """Return the dashboard page for a check report (and the history of earlier runs)."""
    config = report.loaded.config
    assert config is not None
    summary = report.summary()
    statuses: dict[str, int] = summary["statuses"]  # type: ignore[assignment]
    day = report.as_of
    window = config.freshness.expiring_within_days
    as_of = i18n.label("as_of", lang, date=i18n.format_date(day, lang, "numeric"))
    percent = float(summary["coverage_percent"])  # type: ignore[arg-type]
    parts = [
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(i18n.label('dashboard', lang))}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(i18n.label('dashboard', lang))}</h1>",
        f'<p class="muted">{escape(config.institution.get(lang))} — {escape(as_of)}</p>',
        f"<h2>{escape(i18n.label('coverage', lang))}</h2>",
        f'<p class="big" id="coverage" data-percent="{percent}">{percent:g} %</p>',
        '<p class="counts">'
        + "".join(
            f'<span id="count-{name}" data-count="{count}" style="background:{COLOURS[name]}">'
            f"{escape(_status_label(name, lang))}: {count}</span>"
            for name, count in statuses.items()
        )
        + "</p>",
    ]
    parts += _standards(report, lang) + _programmes(report, lang) + _map(report, lang)
    parts += _gaps_by_unit(report, lang)
    parts += _expiring(report, day, window, lang) + _indicators(report, lang) + _history(root, lang)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _standards(report: CheckReport, lang: str) -> list[str]:
    rows = []
    titles = {f"{r.ref.framework.id}:{r.ref.standard.id}": r.ref.standard.title.get(lang) for r in report.criteria}
    standards: dict[str, dict[str, object]] = report.summary()["standards"]  # type: ignore[assignment]
    for key, data in standards.items():
        percent = float(data["coverage_percent"])  # type: ignore[arg-type]
        counts: dict[str, int] = data["statuses"]  # type: ignore[assignment]
        applicable = sum(n for status, n in counts.items() if status != "not-applicable")
        shown = f'<span class="bar"><i style="width:{percent:.0f}%"></i></span> {percent:g} %' if applicable else "—"
        rows.append(
            f'<tr data-standard="{escape(key)}"><td>{escape(key)}</td><td>{escape(titles.get(key, ""))}</td>'
            f'<td style="white-space:nowrap">{shown}</td></tr>'
        )
    return [f"<h2>{escape(i18n.label('by_standard', lang))}</h2><table>", *rows, "</table>"]


def _programme_label(report: CheckReport, programme: str, lang: str) -> str:
    known = report.loaded.programmes.get(programme)
    return known.label(lang) if known else programme


def _programmes(report: CheckReport, lang: str) -> list[str]:
    """Return the programmes × standards heatmap of programme accreditation (nothing without it)."""
    if not report.programmes:
        return []
    keys = sorted(
        {f"{r.ref.framework.id}:{r.ref.standard.id}" for rs in report.programmes.values() for r in rs},
        key=[f"{r.ref.framework.id}:{r.ref.standard.id}" for r in report.criteria].index,
    )
    header = "".join(f"<th>{escape(k)}</th>" for k in keys)
    rows = []
    for programme in report.programmes:
        standards: dict[str, dict[str, object]] = report.programme_summary(programme)["standards"]  # type: ignore[assignment]
        cells = []
        for key in keys:
            data = standards.get(key, {})
            counts: dict[str, int] = data.get("statuses", {})  # type: ignore[assignment]
            if not any(n for status, n in counts.items() if status != "not-applicable"):
                cells.append(f'<td data-standard="{escape(key)}" style="text-align:center">—</td>')
                continue
            percent = float(data.get("coverage_percent", 0))  # type: ignore[arg-type]
            # Red through amber to green as the standard fills, so the weak spots stand out.
            hue = round(percent * 1.2)
            cells.append(
                f'<td data-standard="{escape(key)}" data-percent="{percent:g}" '
                f'style="background:hsl({hue},65%,80%);text-align:center">{percent:g} %</td>'
            )
        rows.append(
            f'<tr data-programme="{escape(programme)}"><td>{escape(_programme_label(report, programme, lang))}</td>'
            f"{''.join(cells)}</tr>"
        )
    title = i18n.label("programmes_by_standard", lang)
    return [f"<h2>{escape(title)}</h2><table><tr><th></th>{header}</tr>", *rows, "</table>"]


def _cells(results: list[CriterionResult], lang: str, heading: str, programme: str | None = None) -> list[str]:
    """Return one standard's criteria as coloured squares, each titled with its status."""
    attribute = f' data-programme="{escape(programme)}"' if programme else ""
    out = [f'<p class="cells"{attribute}><b>{escape(heading)}</b><br>']
    for result in results:
        status = _status_label(result.status.value, lang)
        if result.days_left is not None:
            status += f" ({i18n.label('days_left', lang, days=result.days_left)})"
        if result.reason:
            status += f" ({result.reason})"
        title = f"{result.qid} — {result.ref.criterion.title.get(lang)}: {status}"
        out.append(
            f'<span class="cell" data-status="{result.status.value}" title="{escape(title)}" '
            f'style="background:{COLOURS[result.status.value]}"></span>'
        )
    out.append("</p>")
    return out


def _map(report: CheckReport, lang: str) -> list[str]:
    """Return the criteria map: each standard's criteria by status; programme standards once per programme."""
    out = [f"<h2>{escape(i18n.label('criteria_map', lang))}</h2>"]
    out.append(
        '<p class="legend">'
        + "".join(f'<span style="background:{c}"></span>{escape(_status_label(s, lang))}' for s, c in COLOURS.items())
        + "</p>"
    )
    per_programme = {r.qid for rs in report.programmes.values() for r in rs}
    by_standard: dict[str, list[CriterionResult]] = {}
    for result in report.criteria:
        by_standard.setdefault(f"{result.ref.framework.id}:{result.ref.standard.id}", []).append(result)
    for key, results in by_standard.items():
        if not any(r.qid in per_programme for r in results):
            out += _cells(results, lang, key)
            continue
        for programme, own in report.programmes.items():
            mine = [r for r in own if f"{r.ref.framework.id}:{r.ref.standard.id}" == key]
            out += _cells(mine, lang, f"{key} — {_programme_label(report, programme, lang)}", programme)
    return out


GAP_STATUSES = ("missing", "partial", "stale", "expiring")


def _gaps_by_unit(report: CheckReport, lang: str) -> list[str]:
    """Return the open gaps by responsible unit; a programme's gaps on a row of their own."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for result in report.results_to_act_on():
        if result.status.value not in GAP_STATUSES:
            continue
        unit = result.owner or i18n.label("no_owner", lang)
        counts.setdefault((unit, result.programme or ""), Counter())[result.status.value] += 1
    header = "".join(f"<th>{escape(_status_label(s, lang))}</th>" for s in GAP_STATUSES)
    programme_header = f"<th>{escape(i18n.label('programme', lang))}</th>" if report.programmes else ""
    rows = []
    for (unit, programme), c in sorted(counts.items()):
        attribute = f' data-programme="{escape(programme)}"' if programme else ""
        shown = f"<td>{escape(_programme_label(report, programme, lang)) if programme else ''}</td>"
        rows.append(
            f'<tr data-unit="{escape(unit)}"{attribute}><td>{escape(unit)}</td>'
            + (shown if report.programmes else "")
            + "".join(f'<td data-status="{s}">{c[s]}</td>' for s in GAP_STATUSES)
            + "</tr>"
        )
    return [
        f"<h2>{escape(i18n.label('gaps_by_unit', lang))}</h2><table><tr><th></th>{programme_header}{header}</tr>",
        *rows,
        "</table>",
    ]


def _expiring(report: CheckReport, day: dt.date, window: int, lang: str) -> list[str]:
    soon = [
        item
        for item in report.loaded.items
        if item.expires is not None and day <= item.expires <= day + dt.timedelta(days=window)
    ]
    rows = [
        f'<tr class="expiring"><td>{escape(i.id)}</td><td>{escape(i.title)}</td><td>{escape(i.owner or "")}</td>'
        f"<td>{i18n.format_date(i.expires, lang, 'numeric')}</td></tr>"  # type: ignore[arg-type]
        for i in sorted(soon, key=lambda i: i.expires)  # type: ignore[arg-type, return-value]
    ]
    title = i18n.label("expiring_soon", lang, days=window)
    body = rows or [f"<tr><td>{escape(i18n.label('nothing_here', lang))}</td></tr>"]
    return [f"<h2>{escape(title)}</h2><table>", *body, "</table>"]


def _indicators(report: CheckReport, lang: str) -> list[str]:
    from selfassess.data.output import UNITS, bounds

    if report.indicators is None:
        return []
    header = "".join(
        f"<th>{escape(i18n.label(k, lang))}</th>" for k in ("indicator", "title", "value", "threshold", "status")
    )
    rows = []
    for result in report.indicators.results:
        overall, unit = result.overall, UNITS[result.indicator.unit]
        value = "—" if overall is None or overall.value is None else f"{overall.value:g} {unit}".strip()
        status = i18n.label(f"istatus.{overall.status}", lang) if overall else ""
        rows.append(
            f'<tr data-indicator="{escape(result.indicator.id)}"><td>{escape(result.indicator.id)}</td>'
            f"<td>{escape(result.indicator.title.get(lang))}</td><td>{escape(value)}</td>"
            f"<td>{escape(bounds(result))}</td><td>{escape(status)}</td></tr>"
        )
    return [f"<h2>{escape(i18n.label('indicators', lang))}</h2><table><tr>{header}</tr>", *rows, "</table>"]


def _history(root: Path, lang: str) -> list[str]:
    import sqlite3

    try:
        runs = history.runs(root)
    except sqlite3.Error:
        return []  # an unreadable history was already reported when this run tried to record itself
    # One point per day, the day's last run; a what-if run for a later date (--as-of) is not history.
    by_day = {r.as_of: r for r in runs if r.as_of <= r.recorded_at[:10]}
    runs = [by_day[day] for day in sorted(by_day)]
    if len(runs) < 2:
        return []
    width, height = 600, 160
    step = width / (len(runs) - 1)
    points = " ".join(f"{i * step:.1f},{height - r.coverage_percent / 100 * height:.1f}" for i, r in enumerate(runs))
    first, last = runs[0], runs[-1]
    label = escape(i18n.label("history", lang))
    return [
        f"<h2>{escape(i18n.label('history', lang))}</h2>",
        f'<svg width="{width}" height="{height + 20}" role="img" aria-label="{label}">'
        f'<rect width="{width}" height="{height}" fill="#fafafa" stroke="#ddd"/>'
        f'<polyline fill="none" stroke="#2e7d32" stroke-width="2" points="{points}"/>'
        f'<text x="0" y="{height + 15}" font-size="11">{escape(first.as_of)}: {first.coverage_percent:g} %</text>'
        f'<text x="{width}" y="{height + 15}" font-size="11" text-anchor="end">'
        f"{escape(last.as_of)}: {last.coverage_percent:g} %</text></svg>",
    ]


def write(report: CheckReport, root: Path) -> Path:
    """Write build/dashboard/index.html and return its path."""
    lang = report.language
    target = root / "build" / "dashboard" / "index.html"
    write_text(target, render(report, root, lang))
    return target
