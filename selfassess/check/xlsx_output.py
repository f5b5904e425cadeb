"""The check's result as an Excel workbook: one row per criterion (per programme), and one per
problem with the place to fix it, for an analyst to filter, sort and share out
(`selfassess check -o coverage.xlsx`)."""

from __future__ import annotations

from selfassess.check.output import evidence_cell, rows_per_programme
from selfassess.check.pipeline import CheckReport
from selfassess.errors import Severity


def as_xlsx(report: CheckReport) -> bytes:
    """Return one row per criterion (per programme) as an Excel sheet headed in the documents'
    language: what an analyst filters and sorts, and what Excel opens in any locale (a CSV
    opens in one column where the list separator is ';', and turns 1.10 into a date)."""
    import datetime as dt

    from selfassess import i18n
    from selfassess.workbook import add_table, new_workbook, workbook_bytes

    lang = report.language
    keys = ("criterion", "standard", "programme", "title", "status", "evidence", "responsible_unit", "findings")
    rows = [
        [
            r.qid,
            r.ref.standard.id,
            r.programme or "",
            r.ref.criterion.title.get(lang),
            i18n.label(f"coverage.{r.status.value}", lang),
            evidence_cell(r),
            r.owner or "",
            r.reason or "; ".join(f.message for f in r.findings if f.severity is not Severity.info),
        ]
        for r in rows_per_programme(report)
    ]
    book = new_workbook()
    widths = (18.0, 9.0, 14.0, 50.0, 16.0, 30.0, 24.0, 70.0)
    add_table(book, i18n.label("compliance_summary", lang), [i18n.label(k, lang) for k in keys], rows, widths)
    # Every problem with the file and row (or cell) to fix: a list to share out among the units.
    problems = [
        [
            str(f.where) if f.where else "",
            i18n.label(f"severity.{f.severity.value}", lang),
            f.code,
            f.message,
            f.hint or "",
            f.criterion or "",
            f.evidence or "",
            f.programme or "",
        ]
        for f in report.all_findings()
        if f.severity is not Severity.info
    ]
    keys = ("place", "severity", "code", "problem", "what_to_do", "criterion", "evidence", "programme")
    widths = (40.0, 12.0, 22.0, 70.0, 60.0, 18.0, 12.0, 14.0)
    add_table(book, i18n.label("problems", lang), [i18n.label(k, lang) for k in keys], problems, widths)
    return workbook_bytes(book, dt.datetime.combine(report.as_of, dt.time()))
