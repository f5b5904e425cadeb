"""The register of controlled documents, written as XLSX and DOCX for the archive folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from selfassess import i18n
from selfassess.atomic import write_bytes
from selfassess.documents.model import ControlledDocument
from selfassess.documents.render import REFERENCE, template_path
from selfassess.models import Workspace
from selfassess.reproducible import normalize_docx
from selfassess.word.wordsafe import make_word_safe
from selfassess.workbook import add_table, new_workbook, workbook_bytes

COLUMNS = ("code", "title", "version_column", "date", "status", "owner")


def _rows(documents: list[ControlledDocument], lang: str) -> list[list[str]]:
    return [
        [
            d.code,
            d.meta.title,
            d.version,
            i18n.format_date(d.date, lang, "numeric"),
            i18n.label(f"status.{d.meta.status.value}", lang),
            d.meta.owner or "",
        ]
        for d in documents
    ]


def _as_of(documents: list[ControlledDocument]) -> dt.datetime:
    latest = max((d.date for d in documents), default=dt.date(2000, 1, 1))
    return dt.datetime.combine(latest, dt.time())


def register_xlsx(documents: list[ControlledDocument], lang: str) -> bytes:
    """Return the register as an Excel workbook (same bytes for the same documents)."""
    book = new_workbook()
    rows = [
        [row[0], row[1], row[2], d.date, row[4], row[5]]
        for d, row in zip(documents, _rows(documents, lang), strict=True)
    ]
    add_table(book, i18n.label("document_register", lang), [i18n.label(c, lang) for c in COLUMNS], rows)
    return workbook_bytes(book, _as_of(documents))


def register_docx(root: Path, config: Workspace, documents: list[ControlledDocument], lang: str) -> bytes:
    """Return the register as a Word table, styled like the controlled documents."""
    from docx import Document

    from selfassess.word.render import save

    document = Document(str(template_path(root, REFERENCE)))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    document.add_paragraph(config.institution.get(lang), style="Title")
    document.add_paragraph(i18n.label("document_register", lang), style="Subtitle")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = document.styles["KNU Table"]
    for cell, column in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = i18n.label(column, lang)
        cell.paragraphs[0].runs[0].bold = True
    for row in _rows(documents, lang):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    make_word_safe(document, lang)
    when = _as_of(documents)
    props = document.core_properties
    props.title = i18n.label("document_register", lang)
    props.author = "selfassess"
    props.created = props.modified = when
    return normalize_docx(save(document), when)


def write_register(root: Path, config: Workspace, documents: list[ControlledDocument]) -> list[Path]:
    """Write build/documents/register.xlsx and register.docx; return their paths."""
    lang = config.language
    folder = root / "build" / "documents"
    targets = [folder / "register.xlsx", folder / "register.docx"]
    write_bytes(targets[0], register_xlsx(documents, lang))
    write_bytes(targets[1], register_docx(root, config, documents, lang))
    return targets


def register_rows(documents: list[ControlledDocument]) -> list[dict[str, str]]:
    """Return the register of controlled documents: code, title, version, date, status, owner."""
    return [
        {
            "code": d.code,
            "title": d.meta.title,
            "version": d.version,
            "date": d.date.isoformat(),
            "status": d.meta.status.value,
            "owner": d.meta.owner or "",
            "language": d.meta.language,
            "revisions": str(len(d.revisions)),
        }
        for d in documents
    ]
