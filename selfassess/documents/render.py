"""Rendering a controlled document to DOCX in the document-control format (and PDF)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from selfassess import i18n
from selfassess.atomic import write_bytes
from selfassess.documents.load import find, load_documents, rel
from selfassess.documents.model import ControlledDocument, DocStatus
from selfassess.errors import InvalidWorkspace, SelfAssessError
from selfassess.memory import bulk_allocation
from selfassess.messages import t
from selfassess.models import Workspace
from selfassess.resources import builtin_dir
from selfassess.textnorm import safe_name
from selfassess.workspace.paths import why_unreadable

TEMPLATE = "controlled-document.docx"
MEMO_TEMPLATE = "memo.docx"
REFERENCE = "reference.docx"


def title_without_type_word(title: str, type_word: str) -> str:
    """Return the title as the title page shows it under the type word: "ЖОБО / … бөлүмү жөнүндө",
    "ПОЛОЖЕНИЕ / об отделе …" — the word is not written twice."""
    words = title.split()
    if len(words) > 1 and words[-1].casefold() == type_word.casefold():
        return " ".join(words[:-1])
    if len(words) > 1 and words[0].casefold() == type_word.casefold():
        rest = " ".join(words[1:])
        return rest[:1].lower() + rest[1:] if rest[:1].isupper() and not rest[1:2].isupper() else rest
    return title


def type_label(title: str, type_word: str) -> str:
    """Return the type word the title page shows above the title, in capitals; none when the
    title already says it within («… боюнча аналитикалык отчет (2025–2026)»)."""
    rest = title_without_type_word(title, type_word)
    if re.search(rf"(?<!\w){re.escape(type_word)}(?!\w)", rest, re.IGNORECASE):
        return ""
    return type_word.upper()


def _signature_date(day: dt.date | None, lang: str) -> str:
    if day is None:
        return {"ky": "«___» __________ 20__-ж.", "ru": "«___» __________ 20__ г.", "en": "____ __________ 20__"}[lang]
    return i18n.format_date(day, lang, "signature")


def context(document: ControlledDocument, config: Workspace, superseded: bool = False) -> dict[str, Any]:
    """Return what the template is filled with: labels in the document language and the metadata."""
    meta, lang = document.meta, document.meta.language
    control = config.document_control
    approver = control.approver
    body_chair = control.agreement.chair if control.agreement else None
    before, between, after = _page_pieces(lang)
    version_label = i18n.label("version", lang, version=document.version)
    if superseded:
        version_label += " — " + i18n.label("watermark.superseded", lang)
    elif meta.status is DocStatus.draft:
        version_label += " — " + i18n.label("watermark.draft", lang)
    # A draft is not yet approved or agreed: its blocks are left to be signed, with no date or protocol.
    draft = meta.status is DocStatus.draft and not superseded
    protocol = None if draft else meta.agreement.protocol
    agreement_position = meta.agreement.position or (body_chair.position.get(lang) if body_chair else "")
    agreement_name = meta.agreement.name or (body_chair.name if body_chair else "")
    type_word = i18n.label(f"doc.{meta.type.value}", lang)
    return {
        "ministry": config.ministry.get(lang) if config.ministry else "",
        "university": config.institution.get(lang),
        "title": meta.title,
        "subtitle": meta.subtitle or "",
        "code": meta.code,
        "type_label": type_label(meta.title, type_word),
        "title_page_title": title_without_type_word(meta.title, type_word),
        "page_before": before,
        "page_between": between,
        "page_after": after,
        "version_label": version_label,
        "date_numeric": i18n.format_date(document.date, lang, "numeric"),
        "approve_label": i18n.label("approve", lang),
        "approval_position": meta.approval.position or (approver.position.get(lang) if approver else ""),
        "approval_name": meta.approval.name or (approver.name if approver else ""),
        "approval_date": _signature_date(None if draft else meta.approval.date, lang),
        "agreed_label": i18n.label("agreed", lang),
        "agreement_position": agreement_position,
        "agreement_name": agreement_name,
        "agreement_protocol": i18n.label("protocol", lang, number=protocol) if protocol else "",
        "agreement_date": _signature_date(None if draft else meta.agreement.date, lang),
        "superseded": superseded,
        "superseded_label": i18n.label("watermark.superseded", lang),
        "contents_label": i18n.label("contents", lang),
        "developers_label": i18n.label("developers", lang),
        "agreement_sheet_label": i18n.label("agreement_sheet", lang),
        "changes_label": i18n.label("change_sheet", lang),
        "position_label": i18n.label("position", lang),
        "name_label": i18n.label("name", lang),
        "signature_label": i18n.label("signature", lang),
        "signature_short": i18n.label("signature_short", lang),
        "date_label": i18n.label("date", lang),
        "ch_number": i18n.label("change.number", lang),
        "ch_order": i18n.label("change.order", lang),
        "ch_received": i18n.label("change.received", lang),
        "ch_entered": i18n.label("change.entered", lang),
        "ch_by": i18n.label("change.entered_by", lang),
        "developers": [_person(p, lang) for p in meta.developers],
        "agreement_sheet": _agreement_sheet(meta.agreement_sheet, agreement_position, agreement_name, lang),
        "changes": [
            {
                "number": r.number,
                "order": r.order,
                "received": i18n.format_date(r.received, lang, "numeric"),
                "entered": i18n.format_date(r.entered, lang, "numeric"),
                "by": r.by,
            }
            for r in document.revisions
        ]
        + [{"number": "", "order": "", "received": "", "entered": "", "by": ""}] * meta.blank_change_rows,
    }


def _agreement_sheet(people: Any, position: str, name: str, lang: str) -> list[dict[str, str]]:
    """Return the agreement sheet's rows, led by whoever agrees the document on its title page:
    a signature on the title page without its line on the sheet is an inconsistency the
    document-control check (and an auditor) finds."""
    rows = [_person(p, lang) for p in people]
    surname = name.split()[-1] if name.strip() else ""
    if surname and not any(surname in row["name"] for row in rows):
        rows.insert(0, {"position": position, "name": name, "date": ""})
    return rows


def _person(person: Any, lang: str) -> dict[str, str]:
    date = i18n.format_date(person.date, lang, "numeric") if person.date else ""
    return {"position": person.position, "name": person.name, "date": date}


def _page_pieces(lang: str) -> tuple[str, str, str]:
    """Return the text before PAGE, between PAGE and NUMPAGES, and after NUMPAGES."""
    pieces = i18n.label_parts("page", lang)
    texts: list[str] = []
    current = ""
    for text, is_placeholder in pieces:
        if is_placeholder:
            texts.append(current)
            current = ""
        else:
            current += text
    texts.append(current)
    before, between, after = ([*texts, "", "", ""])[:3]
    return before, between, after


def template_path(root: Path, name: str) -> Path:
    """Return the workspace's template `name`, or the built-in one."""
    own = root / "templates" / name
    reason = why_unreadable(own, root)
    if reason is not None:
        raise SelfAssessError(
            t(
                "templates/{name} {reason}; it is not used. Put the template itself in templates/",
                name=name,
                reason=reason,
            )
        )
    return own if own.is_file() else builtin_dir("templates") / name


def render_docx(
    root: Path,
    document: ControlledDocument,
    config: Workspace,
    superseded: bool = False,
    body_text: str | None = None,
    tables: dict[str, str] | None = None,
    template: str = TEMPLATE,
    extra: dict[str, str] | None = None,
) -> bytes:
    """Return the document as DOCX bytes in the document-control format (deterministic).

    The body is the document's body.md, or `body_text` (Markdown) for generated documents,
    whose placeholder paragraphs are replaced by the ready-made `tables`. `template` names
    another template of templates/ (such as the memo), `extra` adds to its context.
    """
    with bulk_allocation():
        return _render_docx(root, document, config, superseded, body_text, tables, template, extra or {})


def _render_docx(
    root: Path,
    document: ControlledDocument,
    config: Workspace,
    superseded: bool,
    body_text: str | None,
    tables: dict[str, str] | None,
    template_name: str,
    extra: dict[str, str],
) -> bytes:
    from docx import Document

    from selfassess.word.lists import dash_bullets
    from selfassess.word.package import docx_bytes, split_table, stub_tables
    from selfassess.word.pandoc import Conversion
    from selfassess.word.render import render_template, save, temporary_dir
    from selfassess.word.structure import Mismatch
    from selfassess.word.toc import fill_contents, restyle_tables, update_fields_on_open
    from selfassess.word.wordsafe import make_word_safe

    when = dt.datetime.combine(document.date, dt.time())
    template = template_path(root, template_name)
    with temporary_dir() as tmp:
        cache = root / "build" / ".cache" / "pandoc"
        source = document.body
        if body_text is not None:
            source = Path(tmp) / "body.md"
            source.write_text(body_text, encoding="utf-8")
        reference = template_path(root, REFERENCE)
        shown = rel(root, document.body)
        values = {**context(document, config, superseded), **extra}
        # A generated text is its numbered sections: pandoc converts it in parts at once. One that
        # knows its blocks sends pandoc only its free text (structure.py), else it is converted whole.
        blocks = getattr(body_text, "blocks", None)
        for known in (blocks, None) if blocks is not None else (None,):
            try:
                with Conversion(
                    source, reference, Path(tmp), when, cache, shown, root, parts=body_text is not None, blocks=known
                ) as body:
                    body.idle = getattr(tables, "make_one", None)
                    if hasattr(tables, "then"):
                        tables.then = split_table  # type: ignore[attr-defined]
                    rendered = render_template(template, values, body, rel(root, template))
                break
            except Mismatch:
                continue
        staged = Path(tmp) / "rendered.docx"
        staged.write_bytes(save(rendered))
        final = Document(str(staged))
    stubs = stub_tables(final, tables) if tables else {}
    # pandoc records each picture's file path; a path says nothing to a reader and differs
    # between machines (the same report must give the same bytes everywhere).
    for picture in final.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        picture.attrib.pop("descr", None)
    fill_contents(final)
    restyle_tables(final)
    dash_bullets(final)
    update_fields_on_open(final)
    make_word_safe(final, document.meta.language)
    props = final.core_properties
    # Word keeps 255 characters of each; a generated report title (framework and programme) may be longer.
    props.title = _at_most(document.meta.title, 255)
    props.subject = _at_most(document.code, 255)
    props.author = _at_most(document.meta.owner or "", 255)
    props.last_modified_by = "selfassess"
    props.revision = 1
    props.version = document.version
    props.language = document.meta.language
    props.created = props.modified = when
    return docx_bytes(final, when, stubs)


def _at_most(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def output_dir(root: Path, document: ControlledDocument) -> Path:
    return root / "build" / "documents" / safe_name(document.code)


def build(
    root: Path, config: Workspace, codes: tuple[str, ...] = (), pdf: bool = False, said: list[str] | None = None
) -> list[Path]:
    """Render the chosen documents (all if none) to build/documents/; return the files written.

    A built file changed since (edited in Word) is kept under another name, never written over;
    `said` receives what was kept or removed, in words (outputs.py)."""
    from selfassess.documents.outputs import body_digest, prepare, record

    documents, findings = load_documents(root, config)
    if any(f.severity.value == "error" for f in findings):
        raise InvalidWorkspace(t("the controlled documents have errors; nothing was built"), findings)
    chosen = [find(documents, code) for code in codes] if codes else documents
    if not chosen:
        raise SelfAssessError(t("there are no controlled documents in documents/ (see docs/formats.md)"))
    # The text as rendered: an edit saved while LibreOffice works is not this version's.
    bodies = {doc.code: (doc.version, body_digest(doc.body)) for doc in chosen}
    rendered = [(doc, render_docx(root, doc, config)) for doc in chosen]
    written: list[Path] = []
    for doc, data in rendered:
        folder, prefix = output_dir(root, doc), f"{doc.code}_v"
        notes = prepare(folder, {f"{doc.file_stem()}.docx", f"{doc.file_stem()}.pdf"}, prefix)
        if said is not None:
            said += [f"{rel(root, folder)}: {note}" for note in notes]
        target = folder / f"{doc.file_stem()}.docx"
        write_bytes(target, data)
        record(folder, [target], prefix, bodies[doc.code])  # at once: a failed PDF must not make it look edited
        written.append(target)
    if pdf:
        from selfassess.word.pdf import convert

        pairs = [
            (path, dt.datetime.combine(doc.date, dt.time())) for (doc, _), path in zip(rendered, written, strict=True)
        ]
        try:
            written += convert(pairs)
        finally:
            # The conversion rewrites each DOCX (its contents' page numbers) and adds a PDF, even
            # when a later document fails: what is on disk now is what was built.
            for doc, _ in rendered:
                folder = output_dir(root, doc)
                made = [folder / f"{doc.file_stem()}{suffix}" for suffix in (".docx", ".pdf")]
                record(folder, [path for path in made if path.is_file()], f"{doc.code}_v", bodies[doc.code])
    return written
