"""The `selfassess` command line: thin wrappers over the library; the only module that prints."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from selfassess import __version__

if TYPE_CHECKING:
    from selfassess.models import Workspace

FORMATS = ("text", "json", "csv", "md")
FAIL_LEVELS = ("missing", "partial", "stale", "none")


class _Group(click.Group):
    """Turns anything that is not our own error into a short 'internal error' message."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in selfassess, not in your files. Run the same command with --debug "
                "after 'selfassess' to see the details, and report them.",
                err=True,
            )
            ctx.exit(3)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="selfassess")
@click.option(
    "-C",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: the nearest folder with selfassess.yaml).",
)
@click.option("--debug", is_flag=True, help="Show the full traceback of internal errors.")
@click.pass_context
def main(ctx: click.Context, workspace: Path | None, debug: bool) -> None:
    """selfassess: prove accreditation criteria are met, with evidence, as a build.

    \b
    Examples:
      selfassess check                      coverage of every criterion
      selfassess check --format md > gaps.md
      selfassess init new-workspace         start a new workspace
    """
    ctx.obj = {"workspace": workspace}


def _root(ctx: click.Context) -> Path:
    from selfassess.workspace.settings import find_root

    return find_root(ctx.obj["workspace"] or Path.cwd())


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="missing",
    show_default=True,
    help="Exit 1 when any criterion is at or below this status (missing < partial < stale).",
)
@click.option("--framework", "frameworks", multiple=True, help="Only this framework (repeatable), e.g. esg2015.")
@click.option("--standard", "standards", multiple=True, help="Only this standard (repeatable), e.g. esg2015:1 or 1.")
@click.option("--owner", help="Only criteria this unit is responsible for or holds evidence for.")
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]),
    help="Judge freshness at this date (default: SOURCE_DATE_EPOCH, else today).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of the screen.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also show informational findings (crosswalks).")
@click.pass_context
def check(
    ctx: click.Context,
    fmt: str,
    fail_on: str,
    frameworks: tuple[str, ...],
    standards: tuple[str, ...],
    owner: str | None,
    as_of: dt.datetime | None,
    output: Path | None,
    verbose: bool,
) -> None:
    """Check that every criterion is backed by current evidence; name every gap.

    \b
    Status per criterion: covered, partial (too few items or a required kind
    missing), missing, stale (all evidence expired or expiring soon),
    not-applicable. Exits 1 on errors in the files or when --fail-on is reached.

    \b
    Examples:
      selfassess check
      selfassess check --framework esg2015 --fail-on partial
      selfassess check --format json -o build/coverage.json
      selfassess check --owner "Кадрлар бөлүмү"
    """
    from selfassess.atomic import write_text
    from selfassess.check import output as out
    from selfassess.check.coverage import Status
    from selfassess.check.pipeline import Filters
    from selfassess.check.pipeline import check as run_check

    filters = Filters(frameworks, standards, owner)
    report = run_check(_root(ctx), as_of.date() if as_of else None, filters)
    gc.disable()  # the report is printed and the process ends: nothing for the collector to free
    if filters == Filters():
        _remember(report, "check")
    if fmt == "text" and output is None:
        out.print_text(report, verbose)
    else:
        text = {"json": out.as_json, "csv": out.as_csv, "md": out.as_markdown, "text": out.as_markdown}[fmt](report)
        if output:
            write_text(output, text)
            click.echo(f"wrote {output}", err=True)
        else:
            sys.stdout.write(text)
    level = None if fail_on == "none" else Status(fail_on)
    if report.input_errors() or report.fails(level):
        ctx.exit(1)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--framework", "frameworks", multiple=True, help="Catalogue to include (repeatable); default: all built-in."
)
@click.option(
    "--language", type=click.Choice(["ky", "ru", "en"]), default="ky", show_default=True, help="Document language."
)
def init(folder: Path, frameworks: tuple[str, ...], language: str) -> None:
    """Create a new workspace in FOLDER with catalogues, an empty register and settings.

    \b
    Examples:
      selfassess init my-dossier
      selfassess init my-dossier --framework esg2015 --language ru
    """
    from selfassess.workspace.scaffold import create

    created = create(folder, frameworks, language)
    click.echo(f"created a workspace in {folder}:")
    for path in created:
        click.echo(f"  {path}")
    click.echo("next: fill in selfassess.yaml and evidence/register.xlsx, then run: selfassess check")


def entry() -> None:
    """Run the CLI as the `selfassess` console script.

    After a large check, tearing down hundreds of thousands of objects takes longer than
    writing the report (0.5 s of 5 s at 100,000 items). Every output is already written and
    closed when a command returns, so the process ends without that teardown.
    """
    try:
        main.main(prog_name="selfassess")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int | None):
            print(exc.code, file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _remember(report: object, command: str) -> None:
    """Record the run in the workspace's history; a history that cannot be written only warns."""
    import sqlite3

    from selfassess.tracking import history

    try:
        history.record(report.loaded.root, report, command)  # type: ignore[attr-defined]
    except (sqlite3.Error, OSError) as exc:
        click.echo(
            f"warning: the run was not recorded in the history .selfassess/history.sqlite3 ({exc});"
            " if this repeats, move that file aside to start a new history",
            err=True,
        )


def _workspace(ctx: click.Context) -> tuple[Path, Workspace]:
    from selfassess.errors import InvalidWorkspace
    from selfassess.workspace.settings import load_config

    root = _root(ctx)
    config, findings = load_config(root)
    if config is None:
        raise InvalidWorkspace("selfassess.yaml has errors; fix them and run the command again", findings)
    return root, config


@main.group()
def doc() -> None:
    """Controlled documents in the university's document-control format.

    \b
    Examples:
      selfassess doc list
      selfassess doc build --pdf
      selfassess doc revise КНУ.СМК-СП.01 --summary "5.3 жаңыртылды" --order "№ 45, 12.03.2026"
    """


@doc.command("list")
@click.pass_context
def doc_list(ctx: click.Context) -> None:
    """List the controlled documents (code, title, version, date, status).

    Also writes the register as build/documents/register.xlsx and register.docx.

    \b
    Examples:
      selfassess doc list
    """
    from selfassess.documents.load import load_documents
    from selfassess.documents.register import register_rows, write_register

    root, config = _workspace(ctx)
    found, findings = load_documents(root, config)
    for finding in findings:
        click.echo(str(finding), err=True)
    rows = register_rows(found)
    width = max((len(r["code"]) for r in rows), default=4)
    for row in rows:
        click.echo(f"{row['code']:<{width}}  v{row['version']:<5} {row['date']}  {row['status']:<10} {row['title']}")
    if any(f.severity.value == "error" for f in findings):
        click.echo("the register files were not written: fix the errors above first", err=True)
        ctx.exit(1)
    for path in write_register(root, config, found):
        click.echo(f"wrote {path.relative_to(root)}", err=True)


@doc.command("build")
@click.argument("codes", nargs=-1)
@click.option("--pdf", is_flag=True, help="Also make a PDF of each document with LibreOffice.")
@click.pass_context
def doc_build(ctx: click.Context, codes: tuple[str, ...], pdf: bool) -> None:
    """Render controlled documents to build/documents/ as DOCX (and PDF).

    \b
    Examples:
      selfassess doc build
      selfassess doc build КНУ.СМК-СП.01 --pdf
    """
    from selfassess.documents.render import build

    root, config = _workspace(ctx)
    for path in build(root, config, codes, pdf):
        click.echo(f"wrote {path.relative_to(root)}")


@doc.command("revise")
@click.argument("code")
@click.option("--summary", required=True, help="What changed, in a sentence.")
@click.option("--order", required=True, help="No. and date of the order that introduces the change.")
@click.option("--major", is_flag=True, help="A major revision: 1.3 → 2.0 instead of 1.3 → 1.4.")
@click.option(
    "--date",
    "entered",
    type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]),
    help="Date the change is entered (default: today).",
)
@click.option(
    "--received",
    type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]),
    help="Date the change document was received (default: --date).",
)
@click.option("--by", default="", help="Who enters the change (the unit's quality representative).")
@click.pass_context
def doc_revise(
    ctx: click.Context,
    code: str,
    summary: str,
    order: str,
    major: bool,
    entered: dt.datetime | None,
    received: dt.datetime | None,
    by: str,
) -> None:
    """Issue a new version: archive the current one (read-only), add a change-sheet row.

    Nothing issued is overwritten: the previous version's DOCX and sources are kept in
    documents/CODE/archive/VERSION/, and revisions.yaml only ever grows.

    \b
    Examples:
      selfassess doc revise КНУ.СМК-СП.01 --summary "5.3 жаңыртылды" --order "№ 45, 12.03.2026"
      selfassess doc revise КНУ.СМК-И.02 --major --summary "Новая редакция" \\
          --order "№ 7 от 01.09.2026" --by "Караева С.Д."
    """
    from selfassess.documents.revise import revise

    root, config = _workspace(ctx)
    revision = revise(
        root,
        config,
        code,
        summary,
        order,
        major,
        received.date() if received else None,
        entered.date() if entered else None,
        by,
    )
    click.echo(
        f"{code}: version {revision.previous} archived; now version {revision.version} (change No. {revision.number})"
    )


@main.command("build")
@click.option("--framework", "frameworks", multiple=True, help="Only this framework (repeatable).")
@click.option("--strict", is_flag=True, help="Criteria without narrative or with a coverage gap are errors.")
@click.option("--pdf", is_flag=True, help="Also make a PDF of each report with LibreOffice.")
@click.option("--programme", help="For programme accreditation: only this programme (default: all).")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]), help="Judge freshness at this date.")
@click.option("-v", "--verbose", is_flag=True, help="List every placeholder, not just their count per framework.")
@click.pass_context
def build_command(
    ctx: click.Context,
    frameworks: tuple[str, ...],
    strict: bool,
    pdf: bool,
    programme: str | None,
    as_of: dt.datetime | None,
    verbose: bool,
) -> None:
    """Build the self-assessment report and the dossier pack of each framework in build/.

    \b
    build/<framework>/ gets the report (DOCX), the evidence index (DOCX, XLSX), the
    criteria × evidence matrix (XLSX) and pack/: every annex under its number, the same
    documents, manifest.json with SHA-256 of each file, and pack.zip.

    \b
    Examples:
      selfassess build
      selfassess build --framework esg2015 --pdf
      selfassess build --strict
      selfassess build --framework prog-acc --programme 580100
    """
    from collections import Counter

    from selfassess.dossier.build import build

    root = _root(ctx)
    result = build(root, frameworks, strict, pdf, as_of.date() if as_of else None, programme)
    if result.report is not None:
        from selfassess.tracking import dashboard

        _remember(result.report, "build")
        click.echo(f"wrote {dashboard.write(result.report, root, result.programme_reports).relative_to(root)}")
    # Placeholders are expected while a report is being written: counted
    # per framework unless asked for, so the problems that need action stay visible.
    routine = {"no-narrative", "coverage-gap"}
    counts: Counter[tuple[str, str]] = Counter()
    for finding in result.findings:
        if finding.severity.value == "info":
            continue
        if finding.code in routine and finding.severity.value == "warning" and not verbose:
            counts[(finding.criterion.split(":", 1)[0] if finding.criterion else "?", finding.code)] += 1
            continue
        click.echo(str(finding), err=True)
    words = {"no-narrative": "criteria without narrative", "coverage-gap": "criteria with a coverage gap"}
    for (framework, code), n in sorted(counts.items()):
        click.echo(f"{framework}: {n} {words[code]} (shown in the report; -v lists them)", err=True)
    for what in result.rendered:
        click.echo(f"rendered {what}")
    for what in result.reused:
        click.echo(f"unchanged {what}")
    if result.reused and not result.rendered and not result.findings:
        click.echo("(nothing was checked again: run 'selfassess check' to see the gaps)", err=True)
    for path in result.written:
        click.echo(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")


@main.command()
@click.argument("pack", type=click.Path(exists=True, path_type=Path))
@click.pass_context
def verify(ctx: click.Context, pack: Path) -> None:
    """Check a dossier pack (folder or pack.zip) against its manifest: changed, missing, extra files.

    \b
    Examples:
      selfassess verify build/esg2015/pack
      selfassess verify build/esg2015/pack/pack.zip
    """
    from selfassess.dossier.verify import verify as run_verify

    outcome = run_verify(pack)
    for finding in outcome.findings:
        click.echo(str(finding))
    if outcome.ok:
        click.echo(f"{pack}: all {outcome.checked} files match the manifest")
    else:
        click.echo(f"{pack}: {len(outcome.findings)} problem(s) in {outcome.checked} files")
        ctx.exit(1)


@main.command("indicators")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the screen."
)
@click.pass_context
def indicators_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Compute the indicators from the data sources: value, threshold, status, trend, lineage.

    \b
    Indicators are declared in indicators/*.yaml over the tables listed in
    indicators/sources.yaml. A value outside its threshold also appears in
    'selfassess check' on the criteria the indicator is linked to.

    \b
    Examples:
      selfassess indicators
      selfassess indicators --format csv -o build/indicators.csv
    """
    from selfassess.atomic import write_text
    from selfassess.data import output as out
    from selfassess.data.indicators import load_and_compute
    from selfassess.errors import SelfAssessError
    from selfassess.workspace.loader import load

    root = _root(ctx)
    loaded = load(root)
    computed = load_and_compute(root, loaded.evidence_dir)
    if computed is None:
        raise SelfAssessError("this workspace has no indicators/ folder; see docs/formats.md (Indicators)")
    lang = loaded.config.language if loaded.config else "en"
    text = {"json": out.as_json, "csv": out.as_csv, "md": out.as_markdown, "text": out.as_text}[fmt](computed, lang)
    if output:
        write_text(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text)
    problems = computed.findings + [f for r in computed.results for f in r.findings]
    for finding in problems:
        click.echo(str(finding), err=True)
    if any(f.severity.value == "error" for f in problems):
        ctx.exit(1)


@main.command("surveys")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the screen."
)
@click.pass_context
def surveys_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Analyse the survey exports: per item and block n, mean ± 95 % CI, top-2-box, index.

    \b
    Surveys are declared in indicators/surveys.yaml. Results are also broken down by the
    columns given under 'by' (faculty, programme…); cells with fewer answers than
    'min_n' (10 by default) are hidden.

    \b
    Examples:
      selfassess surveys
      selfassess surveys --format csv -o build/surveys.csv
    """
    from selfassess.atomic import write_text
    from selfassess.data.output import surveys_as
    from selfassess.data.surveys import load_surveys
    from selfassess.errors import SelfAssessError
    from selfassess.workspace.settings import load_config

    root = _root(ctx)
    config, _ = load_config(root)
    results, findings = load_surveys(root, root / "evidence")
    if not results and not findings:
        raise SelfAssessError("this workspace declares no surveys (indicators/surveys.yaml); see docs/formats.md")
    text = surveys_as(fmt, results, config.language if config else "en")
    if output:
        write_text(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text)
    problems = findings + [f for r in results for f in r.findings]
    for finding in problems:
        click.echo(str(finding), err=True)
    if any(f.severity.value == "error" for f in problems):
        ctx.exit(1)


@main.command("monitoring")
@click.option("--pdf", is_flag=True, help="Also make a PDF with LibreOffice.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]), help="Judge freshness at this date.")
@click.pass_context
def monitoring_command(ctx: click.Context, pdf: bool, as_of: dt.datetime | None) -> None:
    """Write the monitoring report to the rectorate: indicators with charts, surveys, conclusions.

    \b
    The report is a controlled document (page header, approval and agreement blocks,
    contents, end sheets); its metadata and texts live in narratives/monitoring/
    (report.yaml, _introduction.md, _conclusions.md, _recommendations.md).

    \b
    Examples:
      selfassess monitoring
      selfassess monitoring --pdf
    """
    from selfassess.reports.monitoring import build_monitoring

    root, config = _workspace(ctx)
    result = build_monitoring(root, config, pdf, as_of.date() if as_of else None)
    for finding in result.findings:
        click.echo(str(finding), err=True)
    for path in result.written:
        click.echo(f"wrote {path.relative_to(root)}")


@main.command("requests")
@click.option("--unit", help="Only this unit (default: every unit with gaps).")
@click.option(
    "--due", type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]), help="Deadline for the units (default: in 30 days)."
)
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d", "%d.%m.%Y"]), help="Judge freshness at this date.")
@click.pass_context
def requests_command(ctx: click.Context, unit: str | None, due: dt.datetime | None, as_of: dt.datetime | None) -> None:
    """Write a memo to each unit listing the evidence it still owes, and a tracking list.

    \b
    The department may request documents from every unit (regulation, section 6). Each
    memo (build/requests/<unit>.docx) lists the criteria that are missing, partial or
    stale, what is needed and by when; build/requests/requests.xlsx tracks every request
    and marks what has arrived since the previous run.

    \b
    Examples:
      selfassess requests
      selfassess requests --unit "Кадрлар бөлүмү" --due 2027-01-15
    """
    from selfassess.check.pipeline import check as run_check
    from selfassess.tracking.requests import write_requests

    root = _root(ctx)
    report = run_check(root, as_of.date() if as_of else None)
    result = write_requests(root, report, due.date() if due else None, unit)
    for finding in result.findings:
        click.echo(str(finding), err=True)
    for path in result.written:
        click.echo(f"wrote {path.relative_to(root)}")
    if len(result.written) == 1:  # the tracking list only
        click.echo(f"'{unit}' owes nothing: no memo written" if unit else "no unit owes any evidence: no memo written")
    if result.arrived:
        click.echo(f"arrived since the previous requests: {', '.join(result.arrived)}")
