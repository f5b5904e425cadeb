"""`selfassess check`: the coverage of every criterion and every gap."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import click

from selfassess.cli.app import DATE, FAIL_LEVELS, FORMATS, emit, remember_meanwhile, root_of
from selfassess.messages import N_, t


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice((*FORMATS, "xlsx")),
    help=N_("Output format (default: text, or what the -o file's extension says: .xlsx, .json, .csv, .md)."),
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="missing",
    show_default=True,
    help=N_(
        "Exit 1 when any criterion (in any programme) is at or below this status"
        " (missing < partial < stale < expiring)."
    ),
)
@click.option("--framework", "frameworks", multiple=True, help=N_("Only this framework (repeatable), e.g. esg2015."))
@click.option(
    "--standard", "standards", multiple=True, help=N_("Only this standard (repeatable), e.g. esg2015:1 or 1.")
)
@click.option("--owner", help=N_("Only criteria this unit is responsible for or holds evidence for."))
@click.option("--programme", help=N_("Programme accreditation: only this programme (its id, code or name)."))
@click.option(
    "--as-of",
    type=DATE,
    help=N_(
        "Judge statuses at this date (default: reference_date in selfassess.yaml, else SOURCE_DATE_EPOCH, else today)."
    ),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Write the report to this file instead of the screen."),
)
@click.option("-v", "--verbose", is_flag=True, help=N_("Also show informational findings (crosswalks)."))
@click.pass_context
def check(
    ctx: click.Context,
    fmt: str | None,
    fail_on: str,
    frameworks: tuple[str, ...],
    standards: tuple[str, ...],
    owner: str | None,
    programme: str | None,
    as_of: dt.datetime | None,
    output: Path | None,
    verbose: bool,
) -> None:
    """Check that every criterion is backed by current evidence; name every gap.

    \b
    Status per criterion: covered; expiring (met on the reference date, but only
    by items that expire within the freshness window); partial (too few items or
    a required kind missing); stale (no item valid on the reference date);
    missing; not-applicable. Under programme accreditation each programme is
    judged on its own evidence and the institution-wide evidence. Exits 1 on
    errors in the files or when --fail-on is reached.

    \b
    Examples:
      selfassess check
      selfassess check --framework esg2015 --fail-on partial
      selfassess check --format json -o build/coverage.json
      selfassess check --owner "Кадрлар бөлүмү"
      selfassess check --programme 580100
    """
    from selfassess.check import output as out
    from selfassess.check.coverage import Status
    from selfassess.check.pipeline import Filters
    from selfassess.check.pipeline import check as run_check

    if fmt == "xlsx" and output is None:
        raise click.BadParameter(t("a workbook is written to a file: add -o coverage.xlsx"), param_hint="--format")
    fmt = out.format_for(fmt, output)
    if fmt is None:
        raise click.BadParameter(
            t(
                "the check cannot write a '{suffix}' file in that format; name the file .xlsx (for Excel), "
                ".csv, .json, .md or .txt",
                suffix=output.suffix if output else "",
            ),
            param_hint="-o/--output",
        )
    filters = Filters(frameworks, standards, owner, programme)
    report = run_check(root_of(ctx), as_of.date() if as_of else None, filters)
    gc.disable()  # the report is printed and the process ends: nothing for the collector to free
    recorded = remember_meanwhile(report, "check") if filters == Filters() else lambda: None
    try:
        if fmt == "text" and output is None:
            out.print_text(report, verbose)
        elif fmt == "xlsx":
            from selfassess.atomic import write_bytes
            from selfassess.check.xlsx_output import as_xlsx

            write_bytes(output, as_xlsx(report))  # type: ignore[arg-type]
            click.echo(t("wrote {path}", path=output), err=True)
        else:
            emit(out.render(report, fmt, verbose), output)
    finally:
        recorded()  # the run is in the history even when its output could not be written
    if report.input_errors() or report.fails(None if fail_on == "none" else Status(fail_on)):
        ctx.exit(1)
