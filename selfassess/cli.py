"""The `selfassess` command line: thin wrappers over the library; the only module that prints."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path

import click

from selfassess import __version__

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
    from selfassess.workspace import find_root

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
    from selfassess import output as out
    from selfassess.atomic import write_text
    from selfassess.coverage import Status
    from selfassess.pipeline import Filters
    from selfassess.pipeline import check as run_check

    report = run_check(_root(ctx), as_of.date() if as_of else None, Filters(frameworks, standards, owner))
    gc.disable()  # the report is printed and the process ends: nothing for the collector to free
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
    from selfassess.scaffold import create

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
