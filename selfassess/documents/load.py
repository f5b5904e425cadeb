"""Reading the controlled documents under documents/: metadata, body, and a history that was not edited."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from selfassess.documents.model import ControlledDocument, DocumentMeta, Revision
from selfassess.errors import Finding, Location, SelfAssessError, error, warning
from selfassess.models import Workspace
from selfassess.workspace.yamlfile import line_of, read_yaml, validate

DOCUMENTS_DIR = "documents"


def rel(root: Path, path: Path) -> str:
    """Return `path` as shown to users: from the workspace root, with '/'."""
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
        shown = rel(root, meta_path)
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
                    Location(rel(root, document.body)),
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
    shown = rel(root, path)
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
        shown = rel(root, path)
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
