"""Controlled documents: load, render to DOCX in the document-control format, revise, list."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from selfassess import i18n
from selfassess.atomic import write_bytes, write_text
from selfassess.docmodel import DocStatus, DocumentMeta, Revision, next_version
from selfassess.errors import Finding, InvalidWorkspace, Location, SelfAssessError, error, warning
from selfassess.models import Workspace
from selfassess.resources import builtin_dir
from selfassess.textnorm import safe_name
from selfassess.workspace.yamlfile import line_of, read_yaml, validate

DOCUMENTS_DIR = "documents"
TEMPLATE = "controlled-document.docx"
MEMO_TEMPLATE = "memo.docx"
REFERENCE = "reference.docx"


@dataclass
class ControlledDocument:
    """A controlled document: its metadata, body and revision history as found on disk."""

    folder: Path
    meta: DocumentMeta
    revisions: list[Revision] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def version(self) -> str:
        """Return the current version: the last revision's, or the first issued one."""
        return self.revisions[-1].version if self.revisions else self.meta.version

    @property
    def date(self) -> dt.date:
        """Return the date of the current version."""
        return self.revisions[-1].entered if self.revisions else self.meta.date

    @property
    def body(self) -> Path:
        return self.folder / "body.md"

    def archive_dir(self, version: str) -> Path:
        return self.folder / "archive" / version

    def file_stem(self, version: str | None = None) -> str:
        return safe_name(f"{self.code}_v{version or self.version}")


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_documents(root: Path, config: Workspace) -> tuple[list[ControlledDocument], list[Finding]]:
    """Return every controlled document under documents/, and the problems found."""
    folder = root / DOCUMENTS_DIR
    documents: list[ControlledDocument] = []
    findings: list[Finding] = []
    if not folder.is_dir():
        return documents, findings
    seen: dict[str, str] = {}
    for meta_path in sorted(folder.glob("*/document.yaml")):
        shown = _rel(root, meta_path)
        data, problems = read_yaml(meta_path, shown)
        findings.extend(problems)
        if data is None:
            continue
        meta, problems = validate(data, DocumentMeta, shown)
        findings.extend(problems)
        if meta is None:
            continue
        where = Location(shown, line_of(data, ("code",)))
        if meta.code in seen:
            findings.append(error("duplicate-code", where, f"the code {meta.code} is also used by {seen[meta.code]}"))
            continue
        seen[meta.code] = shown
        pattern = config.document_control.code_pattern
        if not re.match(pattern, meta.code):
            findings.append(
                error(
                    "bad-code",
                    where,
                    f"the code {meta.code} does not follow the university's pattern {pattern}",
                    "fix the code, or document_control.code_pattern in selfassess.yaml",
                )
            )
        if meta_path.parent.name != meta.code:
            findings.append(
                warning(
                    "folder-name", where, f"the folder is named '{meta_path.parent.name}' but the code is {meta.code}"
                )
            )
        document = ControlledDocument(meta_path.parent, meta)
        if not document.body.is_file():
            findings.append(
                error(
                    "no-body",
                    Location(_rel(root, document.body)),
                    "the document has no body.md",
                    "write its text there",
                )
            )
        revisions, problems = _load_revisions(root, document)
        findings.extend(problems)
        document.revisions = revisions
        documents.append(document)
    return documents, findings


def _load_revisions(root: Path, document: ControlledDocument) -> tuple[list[Revision], list[Finding]]:
    path = document.folder / "revisions.yaml"
    if not path.is_file():
        return [], []
    shown = _rel(root, path)
    data, findings = read_yaml(path, shown)
    if findings or data is None:
        return [], findings
    if not isinstance(data, list):
        return [], [error("invalid-revisions", Location(shown, 1), "revisions.yaml must be a list of revisions")]
    revisions: list[Revision] = []
    expected_previous = document.meta.version
    for index, entry in enumerate(data):
        revision, problems = validate(entry, Revision, shown)
        findings.extend(problems)
        if revision is None:
            continue
        where = Location(shown, line_of(data, (index,)))
        if revision.number != index + 1 or revision.previous != expected_previous:
            findings.append(
                error(
                    "history-broken",
                    where,
                    f"revision {revision.number} does not follow the one before it "
                    f"(expected number {index + 1} revising version {expected_previous})",
                    "the history is append-only: restore revisions.yaml from the archive or version control",
                )
            )
        findings.extend(_check_archive(root, document, revision))
        expected_previous = revision.version
        revisions.append(revision)
    return revisions, findings


def _check_archive(root: Path, document: ControlledDocument, revision: Revision) -> list[Finding]:
    folder = document.archive_dir(revision.previous)
    findings = []
    for name, digest in sorted(revision.archive_sha256.items()):
        path = folder / name
        shown = _rel(root, path)
        if not path.is_file():
            findings.append(
                error("archive-missing", Location(shown), f"the archived file of version {revision.previous} is gone")
            )
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            findings.append(
                error(
                    "archive-changed", Location(shown), f"the archived file of version {revision.previous} was changed"
                )
            )
    return findings


def find(documents: list[ControlledDocument], code: str) -> ControlledDocument:
    """Return the document with `code`, or raise an error naming the codes that exist."""
    for document in documents:
        if document.code == code or document.folder.name == code:
            return document
    from selfassess.textnorm import did_you_mean

    close = did_you_mean(code, [d.code for d in documents])
    hint = f"did you mean {close}?" if close else f"codes: {', '.join(d.code for d in documents) or 'none'}"
    raise SelfAssessError(f"no controlled document {code}; {hint}")


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
    protocol = meta.agreement.protocol
    return {
        "ministry": config.ministry.get(lang) if config.ministry else "",
        "university": config.institution.get(lang),
        "title": meta.title,
        "subtitle": meta.subtitle or "",
        "code": meta.code,
        "type_label": i18n.label(f"doc.{meta.type.value}", lang).upper(),
        "page_before": before,
        "page_between": between,
        "page_after": after,
        "version_label": version_label,
        "date_numeric": i18n.format_date(document.date, lang, "numeric"),
        "approve_label": i18n.label("approve", lang),
        "approval_position": meta.approval.position or (approver.position.get(lang) if approver else ""),
        "approval_name": meta.approval.name or (approver.name if approver else ""),
        "approval_date": _signature_date(meta.approval.date, lang),
        "agreed_label": i18n.label("agreed", lang),
        "agreement_position": meta.agreement.position or (body_chair.position.get(lang) if body_chair else ""),
        "agreement_name": meta.agreement.name or (body_chair.name if body_chair else ""),
        "agreement_protocol": i18n.label("protocol", lang, number=protocol) if protocol else "",
        "agreement_date": _signature_date(meta.agreement.date, lang),
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
        "agreement_sheet": [_person(p, lang) for p in meta.agreement_sheet],
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
    from selfassess.memory import bulk_allocation

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

    from selfassess.word.normalize import normalize_docx
    from selfassess.word.render import markdown_to_docx, render_template, save, temporary_dir
    from selfassess.word.tables import insert_tables
    from selfassess.word.toc import fill_contents, restyle_tables, update_fields_on_open

    when = dt.datetime.combine(document.date, dt.time())
    template = template_path(root, template_name)
    with temporary_dir() as tmp:
        body = Path(tmp) / "body.docx"
        cache = root / "build" / ".cache" / "pandoc"
        source = document.body
        if body_text is not None:
            source = Path(tmp) / "body.md"
            source.write_text(body_text, encoding="utf-8")
        markdown_to_docx(source, template_path(root, REFERENCE), body, when, cache, _rel(root, document.body))
        values = {**context(document, config, superseded), **extra}
        rendered = render_template(template, values, body, _rel(root, template))
        staged = Path(tmp) / "rendered.docx"
        staged.write_bytes(save(rendered))
        final = Document(str(staged))
    if tables:
        insert_tables(final, tables)
    # pandoc records each picture's file path; a path says nothing to a reader and differs
    # between machines (the same report must give the same bytes everywhere).
    for picture in final.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        picture.attrib.pop("descr", None)
    fill_contents(final)
    restyle_tables(final)
    update_fields_on_open(final)
    props = final.core_properties
    props.title = document.meta.title
    props.subject = document.code
    props.author = document.meta.owner or ""
    props.last_modified_by = "selfassess"
    props.revision = 1
    props.version = document.version
    props.language = document.meta.language
    props.created = props.modified = when
    return normalize_docx(save(final), when)


def output_dir(root: Path, document: ControlledDocument) -> Path:
    return root / "build" / "documents" / safe_name(document.code)


def build(root: Path, config: Workspace, codes: tuple[str, ...] = (), pdf: bool = False) -> list[Path]:
    """Render the chosen documents (all if none) to build/documents/; return the files written."""
    documents, findings = load_documents(root, config)
    if any(f.severity.value == "error" for f in findings):
        raise InvalidWorkspace("the controlled documents have errors; nothing was built", findings)
    chosen = [find(documents, code) for code in codes] if codes else documents
    if not chosen:
        raise SelfAssessError("there are no controlled documents in documents/ (see docs/formats.md)")
    rendered = [(doc, render_docx(root, doc, config)) for doc in chosen]
    written = []
    for doc, data in rendered:
        target = output_dir(root, doc) / f"{doc.file_stem()}.docx"
        write_bytes(target, data)
        written.append(target)
    if pdf:
        from selfassess.word.pdf import convert

        pairs = [
            (path, dt.datetime.combine(doc.date, dt.time())) for (doc, _), path in zip(rendered, written, strict=True)
        ]
        written += convert(pairs)
    return written


def revise(
    root: Path,
    config: Workspace,
    code: str,
    summary: str,
    order: str,
    major: bool = False,
    received: dt.date | None = None,
    entered: dt.date | None = None,
    by: str = "",
) -> Revision:
    """Issue a new version: archive the current one read-only, append a change entry; return it."""
    documents, findings = load_documents(root, config)
    if any(f.severity.value == "error" for f in findings):
        raise InvalidWorkspace("the controlled documents have errors; nothing was revised", findings)
    document = find(documents, code)
    today = entered or dt.date.today()
    if today < document.date:
        raise SelfAssessError(f"the change date {today} is before the current version's date {document.date}")
    previous = document.version
    archive = document.archive_dir(previous)
    if archive.exists():
        raise SelfAssessError(
            f"{_rel(root, archive)} already exists: version {previous} was archived before; nothing was changed"
        )
    files = {
        f"{document.file_stem(previous)}.docx": render_docx(root, document, config, superseded=True),
        "document.yaml": (document.folder / "document.yaml").read_bytes(),
        "body.md": document.body.read_bytes(),
    }
    history = document.folder / "revisions.yaml"
    if history.is_file():
        files["revisions.yaml"] = history.read_bytes()
    revision = Revision(
        number=len(document.revisions) + 1,
        version=next_version(previous, major),
        previous=previous,
        order=order,
        received=received or today,
        entered=today,
        summary=summary,
        by=by,
        archive_sha256={name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    )
    # Staged, then published: the archive appears only once the history names it, and a
    # failure before that leaves nothing that would block the next attempt.
    staging = archive.with_name(f".staging-{previous}")
    if staging.exists():
        for leftover in staging.iterdir():
            leftover.chmod(stat.S_IWUSR | stat.S_IRUSR)
        shutil.rmtree(staging)
    for name, data in files.items():
        write_bytes(staging / name, data)
        (staging / name).chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    _append_revision(history, revision)
    os.replace(staging, archive)
    return revision


def _append_revision(history: Path, revision: Revision) -> None:
    old = (
        history.read_text(encoding="utf-8")
        if history.is_file()
        else "# Change-registration entries, appended by 'selfassess doc revise'. Do not edit.\n"
    )
    entry = yaml.safe_dump([revision.model_dump(mode="json")], allow_unicode=True, sort_keys=False)
    new = old if old.endswith("\n") else old + "\n"
    write_text(history, new + entry)


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
