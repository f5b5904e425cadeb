"""`selfassess indicators`, `surveys` and `monitoring`: the data sources and what is computed from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

from selfassess.cli.app import DATE, FORMATS, emit, root_of, settings_of, show_findings, written
from selfassess.messages import N_, t


def _output_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add --format and -o/--output, as indicators and surveys share them."""
    command = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help=N_("Write to this file instead of the screen."),
    )(command)
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help=N_("Output format.")
    )(command)


@click.command("indicators")
@_output_options
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
    from selfassess.data.indicators import load_and_compute
    from selfassess.data.output import indicators_as
    from selfassess.errors import SelfAssessError
    from selfassess.workspace.loader import load

    root = root_of(ctx)
    loaded = load(root)
    computed = load_and_compute(root, loaded.evidence_dir, loaded.config)
    if computed is None:
        raise SelfAssessError(t("this workspace has no indicators/ folder; see docs/formats.md (Indicators)"))
    emit(indicators_as(fmt, computed, loaded.config.language if loaded.config else "en"), output)
    if show_findings(computed.all_findings()):
        ctx.exit(1)


@click.command("surveys")
@_output_options
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
    from selfassess.data.output import surveys_as
    from selfassess.data.surveys import load_surveys
    from selfassess.errors import SelfAssessError
    from selfassess.workspace.settings import load_config

    root = root_of(ctx)
    config, _ = load_config(root)
    results, findings = load_surveys(root, root / "evidence", config)
    if not results and not findings:
        raise SelfAssessError(t("this workspace declares no surveys (indicators/surveys.yaml); see docs/formats.md"))
    emit(surveys_as(fmt, results, config.language if config else "en"), output)
    if show_findings(findings + [f for r in results for f in r.findings]):
        ctx.exit(1)


@click.command("monitoring")
@click.option("--pdf", is_flag=True, help=N_("Also make a PDF with LibreOffice."))
@click.option("--as-of", type=DATE, help=N_("Judge freshness at this date."))
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

    root, config = settings_of(ctx)
    result = build_monitoring(root, config, pdf, as_of.date() if as_of else None)
    show_findings(result.findings)
    written(root, result.written)
