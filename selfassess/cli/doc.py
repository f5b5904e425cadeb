"""`selfassess doc`: controlled documents — list, build, revise, lint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from selfassess.cli.app import DATE, root_of, settings_of, show_findings, written
from selfassess.messages import N_, t


@click.group()
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

    root, config = settings_of(ctx)
    found, findings = load_documents(root, config)
    errors = show_findings(findings)
    rows = register_rows(found)
    width = max((len(r["code"]) for r in rows), default=4)
    for row in rows:
        status = _status_word(str(row["status"]))
        click.echo(f"{row['code']:<{width}}  v{row['version']:<5} {row['date']}  {status:<10} {row['title']}")
    if errors:
        click.echo(t("the register files were not written: fix the errors above first"), err=True)
        ctx.exit(1)
    if not found:
        click.echo(
            t(
                "there are no controlled documents in documents/, so no register was written; "
                "see docs/formats.md (Controlled documents) to add one"
            ),
            err=True,
        )
        return
    for path in write_register(root, config, found):
        click.echo(t("wrote {path}", path=path.relative_to(root)), err=True)


@doc.command("build")
@click.argument("codes", nargs=-1)
@click.option("--pdf", is_flag=True, help=N_("Also make a PDF of each document with LibreOffice."))
@click.pass_context
def doc_build(ctx: click.Context, codes: tuple[str, ...], pdf: bool) -> None:
    """Render controlled documents to build/documents/ as DOCX (and PDF).

    \b
    Examples:
      selfassess doc build
      selfassess doc build КНУ.СМК-СП.01 --pdf
    """
    from selfassess.documents.render import build

    root, config = settings_of(ctx)
    said: list[str] = []
    files = build(root, config, codes, pdf, said)
    for line in said:
        click.echo(line, err=True)
    written(root, files)


@doc.command("revise")
@click.argument("code")
@click.option("--summary", required=True, help=N_("What changed, in a sentence."))
@click.option("--order", required=True, help=N_("No. and date of the order that introduces the change."))
@click.option("--major", is_flag=True, help=N_("A major revision: 1.3 → 2.0 instead of 1.3 → 1.4."))
@click.option(
    "--date",
    "entered",
    type=DATE,
    help=N_("Date the change is entered (default: today)."),
)
@click.option(
    "--received",
    type=DATE,
    help=N_("Date the change document was received (default: --date)."),
)
@click.option("--by", default="", help=N_("Who enters the change (the unit's quality representative)."))
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

    root, config = settings_of(ctx)
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
        t(
            "{code}: version {previous} archived; now version {version} (change No. {number})",
            code=code,
            previous=revision.previous,
            version=revision.version,
            number=revision.number,
        )
    )


@doc.command("lint")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules", default="", help=N_("Only these rules, by code, separated by commas."))
@click.option(
    "--pages/--no-pages",
    default=None,
    help=N_(
        "Lay the document out with LibreOffice to give page numbers and check the contents' pages "
        "(default: when LibreOffice is installed)."
    ),
)
@click.option("--list-rules", is_flag=True, help=N_("List the rules and their codes, and stop."))
@click.pass_context
def doc_lint(
    ctx: click.Context, files: tuple[Path, ...], fmt: str, rules: str, pages: bool | None, list_rules: bool
) -> None:
    """Check any DOCX against the document-control form: code, version, contents, numbering, terms,
    approval and agreement blocks, change sheet, dates, left-overs of editing.

    Works on documents made in Word, LibreOffice or by selfassess, in ky, ru or en. Inside a
    workspace, rule severities and known abbreviations come from selfassess.yaml
    (document_control: lint:, terms:). Exit 1 when there is an error.

    \b
    Examples:
      selfassess doc lint "Положение об отделе.docx"
      selfassess doc lint drafts/*.docx --format json
      selfassess doc lint draft.docx --rules code-mismatch,contents-differs --no-pages
    """
    import json
    import shutil

    from selfassess.documents.lint import CODES, lint_docx
    from selfassess.errors import SelfAssessError

    if list_rules:
        for code, meaning in CODES.items():
            click.echo(f"{code:<32} {t(meaning)}")
        return
    if not files:
        raise SelfAssessError(t("name the DOCX files to check, e.g. selfassess doc lint draft.docx"))
    severities, names = _lint_settings(ctx)
    if pages is None:
        pages = bool(shutil.which("soffice") or shutil.which("libreoffice"))
    only = [r.strip() for r in rules.split(",") if r.strip()] or None
    everything = []
    for path in files:
        if not path.is_file():
            raise SelfAssessError(t("{path} does not exist or is not a file", path=path))
        findings = lint_docx(path, str(path), severities=severities, names=names, only=only, pages=pages)
        everything += findings
        if fmt == "text":
            for finding in findings:
                click.echo(str(finding))
            errors = sum(f.severity.value == "error" for f in findings)
            click.echo(
                t(
                    "{path}: {errors} error(s), {warnings} warning(s)",
                    path=path,
                    errors=errors,
                    warnings=sum(f.severity.value == "warning" for f in findings),
                ),
                err=True,
            )
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in everything], ensure_ascii=False, indent=1))
    if any(f.severity.value == "error" for f in everything):
        ctx.exit(1)


def _lint_settings(ctx: click.Context) -> tuple[dict[str, str], dict[str, str]]:
    """Return the workspace's lint severities and known terms, or none outside a workspace."""
    from selfassess.errors import SelfAssessError
    from selfassess.workspace.settings import load_config

    try:
        root = root_of(ctx)
    except SelfAssessError:
        return {}, {}
    config, _ = load_config(root)
    if config is None:
        return {}, {}
    return dict(config.document_control.lint), dict(config.document_control.terms)


@doc.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--code", help=N_("The document's code, when the DOCX does not give it (or gives several)."))
@click.option(
    "--language",
    type=click.Choice(["ky", "ru", "en"]),
    help=N_("The document's language (default: told from its text)."),
)
@click.pass_context
def doc_import(ctx: click.Context, file: Path, code: str | None, language: str | None) -> None:
    """Bring an existing controlled DOCX under control: documents/<code>/ with document.yaml,
    body.md (clause numbers kept) and revisions.yaml from its change sheet.

    'doc build' then renders it in the workspace's format, and the next 'doc revise' continues
    its history. What could not be mapped is listed; run 'doc lint' on the DOCX to see its
    inconsistencies.

    \b
    Examples:
      selfassess doc import "Положение об отделе.docx"
      selfassess doc import draft.docx --code КНУ.СМК-П.07
      selfassess doc import Положение.docx --language ru
    """
    from selfassess.documents.import_docx import import_docx
    from selfassess.errors import SelfAssessError

    root, _ = settings_of(ctx)
    if not file.is_file():
        raise SelfAssessError(t("{path} does not exist or is not a file", path=file))
    result = import_docx(file, root, code, language=language)
    show_findings(result.findings)
    written(root, result.written)
    click.echo(
        t(
            "imported as {folder}: check document.yaml and body.md, then 'selfassess doc build {code}'",
            folder=result.folder.relative_to(root),
            code=result.folder.name,
        ),
        err=True,
    )


def _status_word(status: str) -> str:
    """Return a document's status (draft, approved, superseded) in the analyst's language."""
    words = {"draft": N_("draft"), "approved": N_("approved"), "superseded": N_("superseded")}
    return t(words[status]) if status in words else status
