"""`selfassess requests`: memos to the units for the evidence they still owe."""

from __future__ import annotations

import datetime as dt

import click

from selfassess.cli.app import DATE, root_of, show_findings, written
from selfassess.messages import N_, t


@click.command("requests")
@click.option("--unit", help=N_("Only this unit (default: every unit with gaps)."))
@click.option("--due", type=DATE, help=N_("Deadline for the units (default: in 30 days)."))
@click.option("--as-of", type=DATE, help=N_("Judge freshness at this date."))
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

    root = root_of(ctx)
    report = run_check(root, as_of.date() if as_of else None)
    result = write_requests(root, report, due.date() if due else None, unit)
    show_findings(result.findings)
    written(root, result.written)
    if len(result.written) == 1:  # the tracking list only
        click.echo(
            t("'{unit}' owes nothing: no memo written", unit=unit)
            if unit
            else t("no unit owes any evidence: no memo written")
        )
    if result.arrived:
        click.echo(t("arrived since the previous requests: {items}", items=", ".join(result.arrived)))
