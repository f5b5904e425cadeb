"""`selfassess build` and `selfassess verify`: the reports and dossier packs, and checking a pack."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from selfassess.cli.app import DATE, remember, root_of, written
from selfassess.messages import N_, t, tn

if TYPE_CHECKING:
    from selfassess.errors import Finding


@click.command("build")
@click.option("--framework", "frameworks", multiple=True, help=N_("Only this framework (repeatable)."))
@click.option("--strict", is_flag=True, help=N_("Criteria without narrative or with a coverage gap are errors."))
@click.option("--pdf", is_flag=True, help=N_("Also make a PDF of each report with LibreOffice."))
@click.option("--programme", help=N_("For programme accreditation: only this programme (default: all)."))
@click.option("--as-of", type=DATE, help=N_("Judge freshness at this date."))
@click.option("-v", "--verbose", is_flag=True, help=N_("List every placeholder, not just their count per framework."))
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
    from selfassess.dossier.build import build

    root = root_of(ctx)
    result = build(root, frameworks, strict, pdf, as_of.date() if as_of else None, programme)
    if result.report is not None:
        from selfassess.tracking import dashboard

        remember(result.report, "build")
        click.echo(t("wrote {path}", path=dashboard.write(result.report, root).relative_to(root)))
    for line in _finding_lines(result.findings, verbose):
        click.echo(line, err=True)
    for what in result.rendered:
        click.echo(t("rendered {what}", what=what))
    for what in result.reused:
        click.echo(t("unchanged {what}", what=what))
    if result.reused and not result.rendered and not result.findings:
        click.echo(t("(nothing was checked again: run 'selfassess check' to see the gaps)"), err=True)
    written(root, result.written)
    for path in result.written:
        digests = path / "pack.zip.sha256"
        if digests.is_file():  # the digest to send with the dossier: verify compares against it
            click.echo(f"  pack.zip SHA-256: {digests.read_text(encoding='utf-8').split()[0]}")


def _finding_lines(findings: list[Finding], verbose: bool) -> list[str]:
    """Return the findings to print; placeholders counted per framework unless `verbose`.

    Placeholders are expected while a report is being written: counted, the problems
    that need action stay visible.
    """
    routine = {"no-narrative", "coverage-gap"}
    lines = []
    counts: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        if finding.severity.value == "info":
            continue
        if finding.code in routine and finding.severity.value == "warning" and not verbose:
            framework = finding.criterion.split(":", 1)[0] if finding.criterion else "?"
            # Each programme's report is counted on its own: "prog-acc (580100): 3 criteria …".
            counts[(f"{framework} ({finding.programme})" if finding.programme else framework, finding.code)] += 1
            continue
        lines.append(str(finding))
    for (framework, code), n in sorted(counts.items()):
        if code == "no-narrative":
            line = tn(
                "{framework}: {n} criterion without narrative (shown in the report; -v lists them)",
                "{framework}: {n} criteria without narrative (shown in the report; -v lists them)",
                n,
                framework=framework,
            )
        else:
            line = tn(
                "{framework}: {n} criterion with a coverage gap (shown in the report; -v lists them)",
                "{framework}: {n} criteria with a coverage gap (shown in the report; -v lists them)",
                n,
                framework=framework,
            )
        lines.append(line)
    return lines


@click.command()
@click.argument("pack", type=click.Path(path_type=Path))
@click.pass_context
def verify(ctx: click.Context, pack: Path) -> None:
    """Check a dossier pack (folder or pack.zip) against its manifest: changed, missing, extra files.

    \b
    Examples:
      selfassess verify build/esg2015/pack
      selfassess verify build/esg2015/pack/pack.zip
    """
    from selfassess.dossier.verify import verify as run_verify
    from selfassess.errors import SelfAssessError

    if not pack.exists() and not pack.is_absolute() and ctx.obj.get("workspace"):
        pack = ctx.obj["workspace"] / pack  # "-C ws verify build/t/pack" means the workspace's build/
    if not pack.exists():
        raise SelfAssessError(
            t("{pack} does not exist; give the pack folder (build/<framework>/pack) or its pack.zip", pack=pack)
        )
    outcome = run_verify(pack)
    for finding in outcome.findings:
        click.echo(str(finding))
    if outcome.ok:
        click.echo(
            tn(
                "{pack}: the {n} file matches the manifest",
                "{pack}: all {n} files match the manifest",
                outcome.checked,
                pack=pack,
            )
        )
    else:
        click.echo(
            t(
                "{pack}: {problems} problem(s) in {files} files",
                pack=pack,
                problems=len(outcome.findings),
                files=outcome.checked,
            )
        )
        ctx.exit(1)
