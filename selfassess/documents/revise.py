"""Issuing a new version of a controlled document: archive the current one, append to its history."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import stat
from pathlib import Path

import yaml

from selfassess.atomic import write_bytes, write_text
from selfassess.documents.load import find, load_documents, rel
from selfassess.documents.model import Revision, next_version
from selfassess.documents.render import render_docx
from selfassess.errors import InvalidWorkspace, SelfAssessError
from selfassess.models import Workspace


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
            f"{rel(root, archive)} already exists: version {previous} was archived before; nothing was changed"
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
