"""A check report written as a terminal table, JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from selfassess.check.coverage import CriterionResult, Status
from selfassess.check.pipeline import CheckReport
from selfassess.errors import Finding, Severity
from selfassess.messages import N_, t
from selfassess.sheets import csv_value

STATUS_STYLE = {
    Status.covered: "green",
    Status.expiring: "dark_orange",
    Status.partial: "yellow",
    Status.stale: "magenta",
    Status.missing: "bold red",
    Status.not_applicable: "dim",
}


def evidence_cell(result: CriterionResult) -> str:
    """Return the evidence ids that count for a criterion, crosswalked ones marked."""
    parts = [s.item.id if not s.via else t("{id} (via {qid})", id=s.item.id, qid=s.via) for s in result.support]
    return ", ".join(parts)


def status_cell(result: CriterionResult | None) -> str:
    """Return a status as the tables show it: expiring with its days left, not applicable as n/a."""
    if result is None:
        return ""
    if result.status is Status.expiring and result.days_left is not None:
        return t("expiring ({days} d)", days=result.days_left)
    return t("n/a") if result.status is Status.not_applicable else result.status.word()


def criterion_dict(result: CriterionResult, lang: str) -> dict[str, Any]:
    """Return one criterion in the shape of the JSON contract."""
    shown = {
        "id": result.qid,
        "framework": result.ref.framework.id,
        "standard": result.ref.standard.id,
        "title": result.ref.criterion.title.get(lang),
        "status": result.status.value,
        "evidence": [s.item.id for s in result.support],
        "via": {s.item.id: s.via for s in result.support if s.via},
        "owner": result.owner,
        "reason": result.reason,
        "findings": [f.as_dict() for f in result.findings],
    }
    if result.days_left is not None:
        shown["days_left"] = result.days_left
    return shown


def _programme_ids(report: CheckReport) -> list[str]:
    return list(report.programmes)


def _programme_names(report: CheckReport) -> dict[str, str]:
    known = report.loaded.programmes
    return {p: (known.get(p).label(report.language) if known.get(p) else p) for p in report.programmes}  # type: ignore[union-attr]


def _is_programme_framework(report: CheckReport, fid: str) -> bool:
    return bool(report.programmes) and report.loaded.catalogues[fid].framework.kind.value == "programme"


def as_json(report: CheckReport) -> str:
    """Return the report as JSON: {summary, criteria, findings, programmes}; criteria in the framework view."""
    lang = report.language

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    # One criterion or finding per line: readable and diffable, and fast (the C encoder
    # is used only without indentation).
    criteria = ",\n  ".join(dump(criterion_dict(r, lang)) for r in report.criteria)
    findings = ",\n  ".join(dump(f.as_dict()) for f in report.findings)
    blocks = []
    for p in report.programmes:
        rows = ",\n   ".join(dump(criterion_dict(r, lang)) for r in report.programmes[p])
        own = dump([f.as_dict() for f in report.findings if f.programme == p])
        blocks.append(
            f'{dump(p)}: {{"summary": {dump(report.programme_summary(p))},\n  '
            f'"criteria": [\n   {rows}\n  ],\n  "findings": {own}}}'
        )
    programmes = ",\n ".join(blocks)
    return (
        f'{{"summary": {dump(report.summary())},\n'
        f' "criteria": [\n  {criteria}\n ],\n'
        f' "findings": [\n  {findings}\n ],\n'
        f' "programmes": {{{programmes}}}}}\n'
    )


def as_csv(report: CheckReport) -> str:
    """Return one CSV row per criterion (UTF-8 with BOM so Excel shows Cyrillic)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "framework", "standard", "programme", "status", "title", "evidence", "owner", "findings"])
    for r in rows_per_programme(report):
        problems = "; ".join(f.message for f in r.findings if f.severity is not Severity.info)
        writer.writerow(
            map(
                csv_value,
                [
                    r.qid,
                    r.ref.framework.id,
                    r.ref.standard.id,
                    r.programme or "",
                    r.status.value,
                    r.ref.criterion.title.get(report.language),
                    evidence_cell(r),
                    r.owner or "",
                    r.reason or problems,
                ],
            )
        )
    return "\ufeff" + out.getvalue()


def rows_per_programme(report: CheckReport) -> list[CriterionResult]:
    """Return the criteria in catalogue order, a programme criterion once per programme."""
    rows = []
    for r in report.criteria:
        if _is_programme_framework(report, r.ref.framework.id):
            rows += [x for x in (report.programme_result(p, r.qid) for p in report.programmes) if x is not None]
        else:
            rows.append(r)
    return rows


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(report: CheckReport) -> str:
    """Return the report as Markdown: a table per framework, then the findings."""
    lang = report.language
    lines = [t("# Coverage as of {date}", date=report.as_of.isoformat()), "", _summary_line(report), ""]
    for fid, results in _by_framework(report).items():
        framework = report.loaded.catalogues[fid].framework
        lines += [f"## {_md_escape(framework.title.get(lang))} ({fid})", ""]
        if _is_programme_framework(report, fid):
            names = _programme_names(report)
            heads = [t("Criterion"), *(_md_escape(names[p]) for p in names), t("Title")]
            lines += ["| " + " | ".join(heads) + " |"]
            lines += ["|---|" + "---|" * len(names) + "---|"]
            for r in results:
                cells = [r.qid, *(status_cell(report.programme_result(p, r.qid)) for p in names)]
                lines.append("| " + " | ".join(_md_escape(c) for c in [*cells, r.ref.criterion.title.get(lang)]) + " |")
        else:
            lines += ["| " + " | ".join(t(h) for h in TABLE_HEADERS) + " |", "|---|---|---|---|"]
            for r in results:
                cells = [r.qid, status_cell(r), evidence_cell(r), r.ref.criterion.title.get(lang)]
                lines.append("| " + " | ".join(_md_escape(c) for c in cells) + " |")
        lines.append("")
    lines += ["## " + t("Coverage by standard"), ""]
    lines += [
        "| " + " | ".join(t(h) for h in ("Standard", "Title", *STATUS_HEADERS, "Coverage")) + " |",
        "|---|---|" + "---:|" * (len(STATUS_HEADERS) + 1),
    ]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in standard_rows(report)]
    lines.append("")
    findings = [f for f in report.all_findings() if f.severity is not Severity.info]
    if findings:
        lines += ["## " + t("Findings"), ""] + [
            f"- `{f.where}` {t(f.severity.value)}[{f.code}] {_md_escape(f.message)}" for f in findings
        ]
    return "\n".join(lines) + "\n"


def _by_framework(report: CheckReport) -> dict[str, list[CriterionResult]]:
    grouped: dict[str, list[CriterionResult]] = {}
    for r in report.criteria:
        grouped.setdefault(r.ref.framework.id, []).append(r)
    return grouped


def _summary_line(report: CheckReport) -> str:
    summary = report.summary()
    statuses: dict[str, int] = summary["statuses"]  # type: ignore[assignment]
    parts = [f"{n} {Status(name).word()}" for name, n in statuses.items() if n]
    gaps = sum(1 for r in report.criteria for f in r.findings if f.severity is Severity.error)
    errors = len(report.input_errors())
    # Counted as printed: a finding shared by several criteria is one line, so one warning.
    warnings = len({(str(f.where), f.code, f.message) for f in report.all_findings() if f.severity is Severity.warning})
    line = t(
        "{criteria} criteria: {statuses} — coverage {percent}%. {gaps} gap(s) in coverage (the error lines about "
        "criteria); {errors} error(s) in the register, catalogues and other files; {warnings} warning(s).",
        criteria=summary["criteria"],
        statuses=", ".join(parts) or t("none"),
        percent=summary["coverage_percent"],
        gaps=gaps,
        errors=errors,
        warnings=warnings,
    )
    for programme, name in _programme_names(report).items():
        own: dict[str, int] = report.programme_summary(programme)["statuses"]  # type: ignore[assignment]
        counted = ", ".join(f"{n} {Status(status).word()}" for status, n in own.items() if n) or t("none")
        percent = report.programme_summary(programme)["coverage_percent"]
        line += "\n" + t(
            "Programme {name}: {statuses} — coverage {percent}%.", name=name, statuses=counted, percent=percent
        )
    if errors:
        line += "\n" + t("The errors in the files must be fixed first: coverage may be incomplete until then.")
    return line


WIDTH = 140  # columns of the text report in a file or a pipe (on a terminal, the terminal's width)
Cell = tuple[str, str]  # the text, and its style on a terminal


def as_text(report: CheckReport, verbose: bool = False) -> str:
    """Return the terminal report as plain text (no colours), for a file or a pipe.

    The same tables rich draws on a terminal, laid out at once: rich takes 9 s for 10,000 criteria.
    """
    from selfassess.check import plain_text

    parts = [
        plain_text.table(title, columns, [[text for text, _ in row] for row in rows], WIDTH)
        for title, columns, rows in _tables(report)
    ]
    shown = _shown_findings(report, verbose)
    if shown:
        parts.append("\n")
        for finding in shown:
            parts.append(plain_text.paragraph(_finding_line(finding), WIDTH))
            if finding.hint:
                parts.append(plain_text.paragraph(f"    {t('hint:')} {finding.hint}", WIDTH))
    parts += ["\n", plain_text.paragraph(_summary_line(report), WIDTH)]
    return "".join(parts)


def print_text(report: CheckReport, verbose: bool = False, file: io.StringIO | None = None) -> None:
    """Print the report as tables per framework, then the findings and a summary: coloured on a
    terminal, written at once as plain text (`as_text`) to a file or a pipe."""
    import sys

    if file is not None or not _is_tty():
        (file or sys.stdout).write(as_text(report, verbose))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)
    for title, columns, rows in _tables(report):
        table = Table(title=Text(title), title_justify="left", expand=False)
        for column in columns:
            table.add_column(Text(column.header), no_wrap=column.no_wrap, justify="right" if column.right else "left")
        for row in rows:
            # Text, not markup: a title holding "[…]" or ":name:" is shown as written.
            table.add_row(*(Text(text, style=style) for text, style in row))
        console.print(table)
    shown = _shown_findings(report, verbose)
    if shown:
        console.print()
        for f in shown:
            _print_finding(console, f)
    console.print()
    console.print(Text(_summary_line(report)))


def _tables(report: CheckReport) -> list[tuple[str, list[Any], list[list[Cell]]]]:
    """Return the tables of the text report: one per framework, then the coverage by standard."""
    from selfassess.check.plain_text import Column

    lang = report.language
    tables = []
    for fid, results in _by_framework(report).items():
        framework = report.loaded.catalogues[fid].framework
        columns = [Column(t("Criterion"), no_wrap=True)]
        rows: list[list[Cell]] = []
        if _is_programme_framework(report, fid):
            names = _programme_names(report)
            columns += [Column(name, no_wrap=True) for name in names.values()] + [Column(t("Title"))]
            for r in results:
                cells = [report.programme_result(p, r.qid) for p in names]
                statuses = [(status_cell(c), STATUS_STYLE[c.status]) if c else ("", "") for c in cells]
                rows.append([(r.qid, ""), *statuses, (r.ref.criterion.title.get(lang), "")])
        else:
            columns += [Column(t("Status"), no_wrap=True), Column(t("Evidence")), Column(t("Title"))]
            rows = [
                [(r.qid, ""), (status_cell(r), STATUS_STYLE[r.status]), (evidence_cell(r), ""),
                 (r.ref.criterion.title.get(lang), "")]
                for r in results
            ]  # fmt: skip
        tables.append((f"{framework.title.get(lang)} ({fid})", columns, rows))
    numbers = {*STATUS_HEADERS, "Coverage"}
    heads = ("Standard", "Title", *STATUS_HEADERS, "Coverage")
    columns = [Column(t(name), right=name in numbers) for name in heads]
    rows = [[(cell, "") for cell in row] for row in standard_rows(report)]
    tables.append((t("Coverage by standard"), columns, rows))
    return tables


def _shown_findings(report: CheckReport, verbose: bool) -> list[Finding]:
    # One line per problem: an item that does not count is named once, not once per criterion.
    visible = (f for f in report.all_findings() if verbose or f.severity is not Severity.info)
    return list({(str(f.where), f.code, f.message): f for f in visible}.values())


def _finding_line(finding: Finding) -> str:
    where = f"{finding.where}: " if finding.where else ""
    return f"{where}{t(finding.severity.value)}[{finding.code}] {finding.message}"


def standard_rows(report: CheckReport) -> list[list[str]]:
    """Return one row per standard: id, title, count per status, coverage percent."""
    summary: dict[str, Any] = report.summary()["standards"]  # type: ignore[assignment]
    titles = {
        f"{r.ref.framework.id}:{r.ref.standard.id}": r.ref.standard.title.get(report.language) for r in report.criteria
    }
    rows = []
    for key, data in summary.items():
        counts = data["statuses"]
        rows.append([key, titles[key], *(str(counts[s.value]) for s in Status), f"{data['coverage_percent']}%"])
    return rows


# Column headings, translated when shown; "n/a" is not-applicable's short form.
STATUS_HEADERS = [N_("missing"), N_("partial"), N_("stale"), N_("expiring"), N_("covered"), N_("n/a")]
TABLE_HEADERS = (N_("Criterion"), N_("Status"), N_("Evidence"), N_("Title"))
_OTHER_HEADERS = (N_("Standard"), N_("Coverage"), N_("Coverage by standard"), N_("Findings"), N_("none"))


def _print_finding(console: Any, finding: Finding) -> None:
    from rich.text import Text

    style = {"error": "red", "warning": "yellow", "info": "dim"}[finding.severity.value]
    line = Text()
    if finding.where:
        line.append(f"{finding.where}: ", style="bold")
    line.append(f"{t(finding.severity.value)}[{finding.code}]", style=style)
    line.append(f" {finding.message}")
    console.print(line)
    if finding.hint:
        console.print(Text(f"    {t('hint:')} {finding.hint}", style="dim"))


def _is_tty() -> bool:
    import sys

    return sys.stdout.isatty()


def render(report: CheckReport, fmt: str, verbose: bool = False) -> str:
    """Return the report in `fmt`: text (as on the screen, without colours), json, csv or md."""
    if fmt == "text":
        return as_text(report, verbose)
    return {"json": as_json, "csv": as_csv, "md": as_markdown}[fmt](report)


SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".md": "md", ".markdown": "md", ".txt": "text", ".xlsx": "xlsx"}


# Files other programs open by their extension: text written into one would not open.
OFFICE_SUFFIXES = (".xlsm", ".xls", ".ods", ".docx", ".doc", ".odt", ".pdf", ".html", ".htm")


def format_for(fmt: str | None, output: object) -> str | None:
    """Return the format asked for, else the one the output file's extension names, else text;
    None when the file's extension names a format the check does not write (.docx, .pdf…), or
    when the format and the extension disagree about a workbook."""
    suffix = str(getattr(output, "suffix", "")).lower()
    if suffix in OFFICE_SUFFIXES:
        return None
    if (suffix == ".xlsx" and fmt not in (None, "xlsx")) or (fmt == "xlsx" and suffix != ".xlsx"):
        return None  # a workbook only into a .xlsx file, and nothing else into one
    if fmt:
        return fmt
    return SUFFIX_FORMATS.get(suffix, "text" if not suffix else None)
