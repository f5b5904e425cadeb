"""Reading the controlled documents under documents/: metadata, body, and a history that was not edited."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from selfassess.documents.heads import recorded_heads
from selfassess.documents.model import ControlledDocument, DocumentMeta, Revision, genesis
from selfassess.errors import Finding, Location, SelfAssessError, error, warning
from selfassess.messages import t
from selfassess.models import Workspace
from selfassess.sheets import CONTROL
from selfassess.workspace.paths import refused
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
        data, problems = read_yaml(meta_path, shown, root)
        findings.extend(problems)
        if data is None:
            if not problems:
                findings.append(
                    error(
                        "empty-file",
                        Location(shown, 1),
                        t("document.yaml is empty, so the document has no code, title or version"),
                        t("write its metadata (docs/formats.md, Controlled documents)"),
                    )
                )
            continue
        meta, problems = validate(data, DocumentMeta, shown)
        findings.extend(problems)
        if meta is None:
            continue
        where = Location(shown, line_of(data, ("code",)))
        if meta.code in seen:
            message = t("the code {code} is also used by {file}", code=meta.code, file=seen[meta.code])
            findings.append(error("duplicate-code", where, message))
            continue
        seen[meta.code] = shown
        pattern = config.document_control.code_pattern
        if not re.match(pattern, meta.code):
            from selfassess.documents.code_form import code_problem, example_code

            # Said by its parts and an example that fits, never by the regular expression itself.
            message, _ = code_problem(meta.code, example_code(root, config, str(pattern)))
            findings.append(
                error(
                    "bad-code",
                    where,
                    message,
                    t("fix the code, or document_control.code_pattern in selfassess.yaml"),
                )
            )
        if meta_path.parent.name != meta.code:
            message = t(
                "the folder is named '{folder}' but the code is {code}", folder=meta_path.parent.name, code=meta.code
            )
            findings.append(warning("folder-name", where, message))
        document = ControlledDocument(meta_path.parent, meta)
        findings += _body_problems(root, document)
        revisions, problems = _load_revisions(root, document)
        findings.extend(problems)
        document.revisions = revisions
        documents.append(document)
    return documents, findings


def _body_problems(root: Path, document: ControlledDocument) -> list[Finding]:
    """Return why the document's body.md cannot be rendered: missing, a link out, too large, garbled."""
    shown = rel(root, document.body)
    problem = refused(document.body, shown, root)
    if problem is not None:
        return [problem]
    if not document.body.is_file():
        return [error("no-body", Location(shown), t("the document has no body.md"), t("write its text there"))]
    raw = document.body.read_bytes()
    if len(raw) > MAX_BODY_BYTES:
        return [
            error("too-large", Location(shown), t("the text is over {size} MB", size=MAX_BODY_BYTES // 1024 // 1024))
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [error("encoding", Location(shown), t("the file is not UTF-8 text"), t("save it as UTF-8"))]
    stray = CONTROL.search(text)
    if stray:
        line = text[: stray.start()].count("\n") + 1
        return [
            error(
                "control-characters",
                Location(shown, line),
                t("the text holds invisible control characters (a NUL or a form feed from a copy and paste)"),
                t("retype the text around this line"),
            )
        ]
    return []


MAX_BODY_BYTES = 20 * 1024 * 1024


def _load_revisions(root: Path, document: ControlledDocument) -> tuple[list[Revision], list[Finding]]:
    """Return the document's history, each entry checked against its seal, the chain and its archive."""
    path = document.folder / "revisions.yaml"
    shown = rel(root, path)
    unsafe = _unsafe_archive(root, document)
    if unsafe:
        return [], unsafe
    archived = _archived_versions(document)
    _finish_interrupted(root, document)
    if not path.is_file():
        gone = [_history_gone(shown, archived, deleted=True)] if archived else []
        return [], gone or _truncated(root, document, [], shown)
    data, findings = read_yaml(path, shown, root)
    if findings:
        return [], findings
    if data is None:
        if not archived and _truncated(root, document, [], shown):
            return [], _truncated(root, document, [], shown)
        return [], [_history_gone(shown, archived, deleted=False)] if archived else [
            error(
                "empty-file", Location(shown, 1), t("revisions.yaml is empty"), t("delete it, or restore the history")
            )
        ]
    if not isinstance(data, list):
        return [], [error("invalid-revisions", Location(shown, 1), t("revisions.yaml must be a list of revisions"))]
    revisions: list[Revision] = []
    expected_previous = document.meta.version
    chain = genesis(document.code)
    for index, entry in enumerate(data):
        revision, problems = validate(entry, Revision, shown)
        findings.extend(problems)
        if revision is None:
            continue
        where = Location(shown, line_of(data, (index,)))
        if revision.number != index + 1 or revision.previous != expected_previous or revision.previous_sha256 != chain:
            findings.append(
                error(
                    "history-broken",
                    where,
                    t(
                        "entry {number} does not follow the one before it "
                        "(expected entry {expected} revising version {version}): an entry was removed, added or moved",
                        number=revision.number,
                        expected=index + 1,
                        version=expected_previous,
                    ),
                    t("the history is append-only: restore revisions.yaml from the archive or version control"),
                )
            )
        if revision.sha256 != revision.seal():
            findings.append(_edited(root, document, revision, where))
        findings.extend(_check_archive(root, document, revision))
        expected_previous = revision.version
        chain = revision.sha256
        revisions.append(revision)
    findings.extend(_truncated(root, document, revisions, shown))
    named = {r.previous for r in revisions}
    for version in sorted(set(archived) - named):
        findings.append(
            error(
                "archive-orphan",
                Location(rel(root, document.archive_dir(version))),
                t(
                    "version {version} is archived, but no entry of revisions.yaml issued the version after it: "
                    "was an entry removed?",
                    version=version,
                ),
                t("restore revisions.yaml from version control; the archive is never edited by hand"),
            )
        )
    return revisions, findings


ENTRY_FILE = "entry.yaml"  # the entry as written, kept in its archive: what an edit changed can be told


def _unsafe_archive(root: Path, document: ControlledDocument) -> list[Finding]:
    """Return an error for each link (or pipe, device) in the archive: it is neither read nor written.

    A link from archive/ to elsewhere would make `doc revise` write outside the workspace, and an
    archived file replaced by a link to the current text would pass every hash check.
    """
    folder = document.folder / "archive"
    found = []
    candidates = [folder] if folder.is_symlink() else [folder, *folder.rglob("*")] if folder.is_dir() else []
    for path in candidates:
        if path.is_symlink() or not (path.is_dir() or path.is_file()):
            found.append(
                error(
                    "archive-unsafe",
                    Location(rel(root, path)),
                    t("the archive holds a link (or a pipe, a device) here; the history is not read through it"),
                    t("the archive keeps the issued files themselves: restore them from version control or a backup"),
                )
            )
    return found


def _truncated(root: Path, document: ControlledDocument, revisions: list[Revision], shown: str) -> list[Finding]:
    """Return an error when the history lacks the last revision this workspace issued."""
    head = recorded_heads(root).get(document.code)
    if not head:
        return []
    sealed = {r.sha256 for r in revisions}
    if head.get("sha256") in sealed:
        return []
    last = revisions[-1].number if revisions else 0
    shown_values = {"number": head.get("number"), "version": head.get("version"), "last": last}
    if last:
        message = t(
            "revision {number} (version {version}) was issued in this workspace, but the history ends at entry "
            "{last}: entries were removed, with their archives",
            **shown_values,
        )
    else:
        message = t(
            "revision {number} (version {version}) was issued in this workspace, but the history has no entry: "
            "entries were removed, with their archives",
            **shown_values,
        )
    hint = t("restore revisions.yaml and archive/ from version control or a backup; the history is append-only")
    return [error("history-truncated", Location(shown), message, hint)]


def _archived_versions(document: ControlledDocument) -> list[str]:
    folder = document.folder / "archive"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _history_gone(shown: str, archived: list[str], deleted: bool) -> Finding:
    versions = ", ".join(archived)
    if deleted:
        message = t(
            "revisions.yaml was deleted, but versions {versions} are archived: the change history is lost",
            versions=versions,
        )
    else:
        message = t(
            "revisions.yaml is empty, but versions {versions} are archived: the change history is lost",
            versions=versions,
        )
    return error(
        "history-missing", Location(shown), message, t("restore revisions.yaml from version control or a backup")
    )


def _finish_interrupted(root: Path, document: ControlledDocument) -> None:
    """Complete a revision interrupted after its entry was written but before its archive moved.

    `doc revise` stages the archive, appends the entry, then moves the archive in; a crash
    between the last two leaves the entry naming a staged archive, finished here (a journal).
    """
    folder = document.folder / "archive"
    if not folder.is_dir():
        return
    for staging in folder.glob(".staging-*"):
        version = staging.name.removeprefix(".staging-")
        target = document.archive_dir(version)
        history = document.folder / "revisions.yaml"
        if target.exists() or not (staging / ENTRY_FILE).is_file() or not history.is_file():
            continue
        entry = (staging / ENTRY_FILE).read_text(encoding="utf-8").strip()
        if entry and entry in history.read_text(encoding="utf-8"):
            os.replace(staging, target)


def _edited(root: Path, document: ControlledDocument, revision: Revision, where: Location) -> Finding:
    """Return the error for an entry whose seal no longer matches, saying what changed where it can."""
    changed = []
    kept = document.archive_dir(revision.previous) / ENTRY_FILE
    if kept.is_file():
        data, _ = read_yaml(kept, rel(root, kept), root)
        original, _ = validate(data[0] if isinstance(data, list) and data else data, Revision, rel(root, kept))
        if original is not None:
            for name in Revision.model_fields:
                before, after = getattr(original, name), getattr(revision, name)
                if before != after and name != "sha256":
                    changed.append(
                        t("{field} was {before}, now {after}", field=name, before=_shown(before), after=_shown(after))
                    )
    what = "; ".join(changed) if changed else t("its seal no longer matches its text")
    return error(
        "history-edited",
        where,
        t("entry {number} was changed after it was written: {what}", number=revision.number, what=what),
        t("the history is append-only: restore revisions.yaml, and issue a new version for a new change"),
    )


def _shown(value: object) -> str:
    return f"'{value}'" if not isinstance(value, dict) else t("other files")


def _check_archive(root: Path, document: ControlledDocument, revision: Revision) -> list[Finding]:
    folder = document.archive_dir(revision.previous)
    findings = []
    for name, digest in sorted(revision.archive_sha256.items()):
        path = folder / name
        shown = rel(root, path)
        if not path.is_file():
            findings.append(
                error(
                    "archive-missing",
                    Location(shown),
                    t("the archived file of version {version} is gone", version=revision.previous),
                )
            )
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            findings.append(
                error(
                    "archive-changed",
                    Location(shown),
                    t("the archived file of version {version} was changed", version=revision.previous),
                )
            )
    if folder.is_dir():
        for extra in sorted(
            p for p in folder.iterdir() if p.name not in revision.archive_sha256 and p.name != ENTRY_FILE
        ):
            findings.append(
                error(
                    "archive-extra",
                    Location(rel(root, extra)),
                    t("a file that version {version}'s archive never held was put there", version=revision.previous),
                    t("remove it: the archive keeps exactly what was issued"),
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
    if close:
        raise SelfAssessError(t("no controlled document {code}; did you mean {close}?", code=code, close=close))
    codes = ", ".join(d.code for d in documents) or t("none")
    raise SelfAssessError(t("no controlled document {code}; codes: {codes}", code=code, codes=codes))
