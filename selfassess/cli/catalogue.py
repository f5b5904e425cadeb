"""`selfassess catalogue`: bring an agency's standards in from its workbook, and take them out to Excel."""

from __future__ import annotations

from pathlib import Path

import click

from selfassess.cli.app import settings_of
from selfassess.messages import N_, t


@click.group()
def catalogue() -> None:
    """Criteria catalogues: import an agency's standards, export a catalogue to Excel.

    \b
    Examples:
      selfassess catalogue import "Стандарты агентства.xlsx" --id agency
      selfassess catalogue export agency -o agency.xlsx
    """


def _columns(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in values:
        role, sep, header = value.partition("=")
        if not sep or not role.strip() or not header.strip():
            raise click.BadParameter(
                t("'{value}': write it as ROLE=HEADER, e.g. criterion_text=Формулировка", value=value)
            )
        out[role.strip()] = header.strip()
    return out


@catalogue.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--id", "ident", help=N_("The framework's id (small Latin letters, digits, -, _); default: from the file name.")
)
@click.option("--language", type=click.Choice(["ky", "ru", "en"]), help=N_("Language of the texts (default: guessed)."))
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="ROLE=HEADER",
    help=N_(
        "Which header holds a role, when the names differ: standard, standard_title, criterion, "
        "criterion_title, criterion_text, evidence, freshness, applicability (repeatable)."
    ),
)
@click.option(
    "--kind",
    type=click.Choice(["institutional", "programme", "licensing", "internal"]),
    default="institutional",
    show_default=True,
    help=N_("programme: each programme in selfassess.yaml is judged on its own evidence."),
)
@click.option("--force", is_flag=True, help=N_("Replace criteria/ID.yaml when it exists (the changes are listed)."))
@click.pass_context
def import_command(
    ctx: click.Context,
    file: Path,
    ident: str | None,
    language: str | None,
    columns: tuple[str, ...],
    kind: str,
    force: bool,
) -> None:
    """Read an agency's standards (XLSX, XLS, ODS, CSV or the tables of a DOCX) into criteria/ID.yaml.

    \b
    The header row is found below title rows; spacer rows and repeated headers are
    skipped; each sheet with a header is read (one per standard is fine). Columns are
    recognised by their names in Kyrgyz, Russian or English. The required-evidence cell
    becomes the catalogue's evidence kinds, split on ';', ',' or new lines.

    \b
    Examples:
      selfassess catalogue import standards.xlsx --id agency
      selfassess catalogue import standards.csv --id agency --column criterion_text="Формулировка"
      selfassess catalogue import standards.xlsx --id agency --force      # after the agency's update
    """
    from selfassess.workspace.catalogue_files import write_catalogue
    from selfassess.workspace.catalogue_import import framework_id, import_catalogue

    root, config = settings_of(ctx)
    ident = framework_id(ident, file)
    imported = import_catalogue(file, ident, language, _columns(columns), kind)
    for line in imported.recognised.lines:
        click.echo(t("recognised {line}", line=line))
    for line in imported.recognised.skipped:
        click.echo(t("skipped {line}", line=line))
    if imported.recognised.generated_titles:
        click.echo(
            t(
                "{count} criteria had no title: one was made from the first clause of their text "
                "(marked in their note): {ids}",
                count=len(imported.recognised.generated_titles),
                ids=", ".join(imported.recognised.generated_titles),
            )
        )
    target, diff = write_catalogue(root, imported.data, file.name, force)
    kinds = len(imported.data.get("evidence_kinds", {}))
    click.echo(
        t(
            "wrote {path}: {criteria} criteria in {standards} standards, {kinds} evidence kinds",
            path=target.relative_to(root).as_posix(),
            criteria=imported.criteria,
            standards=imported.standards,
            kinds=kinds,
        )
    )
    if diff is not None:
        for line in diff.lines():
            click.echo(f"  {line}")
    if ident not in config.frameworks:
        click.echo(t("next: add {ident} to 'frameworks' in selfassess.yaml, then run: selfassess check", ident=ident))


@catalogue.command("export")
@click.argument("ident", metavar="ID")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help=N_("The workbook to write.")
)
@click.option(
    "--language", type=click.Choice(["ky", "ru", "en"]), help=N_("Language (default: the document language).")
)
@click.pass_context
def export_command(ctx: click.Context, ident: str, output: Path, language: str | None) -> None:
    """Write catalogue ID to an Excel workbook that 'catalogue import' reads back.

    \b
    Examples:
      selfassess catalogue export esg2015 -o esg2015.xlsx
      selfassess catalogue export agency -o agency.xlsx --language ru
    """
    from selfassess.reports.catalogue_workbook import export_catalogue, export_time
    from selfassess.workspace.catalogues import catalogue_by_id

    root, config = settings_of(ctx)
    found = catalogue_by_id(root, ident)
    export_catalogue(found, language or config.language, output, export_time(found))
    click.echo(t("wrote {path}", path=output))
