"""`selfassess init`: a new workspace with catalogues, an empty register and settings."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
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
