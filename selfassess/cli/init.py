"""`selfassess init`: a new workspace with catalogues, an empty register and settings."""

from __future__ import annotations

from pathlib import Path

import click

from selfassess.messages import N_, t


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--framework", "frameworks", multiple=True, help=N_("Catalogue to include (repeatable); default: all built-in.")
)
@click.option(
    "--language", type=click.Choice(["ky", "ru", "en"]), default="ky", show_default=True, help=N_("Document language.")
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
    click.echo(t("created a workspace in {folder}:", folder=folder))
    for path in created:
        click.echo(f"  {path}")
    click.echo(t("next: fill in selfassess.yaml and evidence/register.xlsx, then run: selfassess check"))
