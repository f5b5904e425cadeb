"""Issuing a new version of a controlled document: archive the current one, append to its history."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import stat
from pathlib import Path

import yaml

from selfassess.atomic import write_bytes, write_text
from selfassess.documents.heads import record_head
from selfassess.documents.load import ENTRY_FILE, find, load_documents, rel
from selfassess.documents.model import Revision, genesis, next_version
from selfassess.documents.outputs import edited_since_built
from selfassess.documents.render import output_dir, render_docx
from selfassess.errors import InvalidWorkspace, SelfAssessError
from selfassess.messages import t
from selfassess.models import Workspace

FAR_FUTURE = dt.timedelta(days=31)
# "№ 45", "№ ОД-45", "№П-12", "No. 45", "Nº 45": a number sign, then a number (with a prefix of letters).
_ORDER_NUMBER = re.compile(r"(?:№|\bN[oº°]?\.?|\bNr\.?)\s*[^\s,;]*\d", re.I)


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
    """Issue a new version: archive the current one read-only, append a sealed change entry; return it.

    One revision at a time per workspace; a revision killed half-way leaves either the old
    history or the new one, never a mix (the archive is staged first, see load._finish_interrupted).
    """
    from selfassess.word.pdf import exclusive

    (root / ".selfassess").mkdir(exist_ok=True)
    with exclusive(root / ".selfassess" / "revise.lock"):
        return _revise(root, config, code, summary, order, major, received, entered, by)


def _revise(
    root: Path,
    config: Workspace,
    code: str,
    summary: str,
    order: str,
    major: bool,
    received: dt.date | None,
    entered: dt.date | None,
    by: str,
) -> Revision:
    summary, order, by = summary.strip(), order.strip(), by.strip()
    if not summary:
        raise SelfAssessError(t("--summary is empty: say in a few words what changed; nothing was revised"))
    if not order:
        raise SelfAssessError(
            t("--order is empty: give the order that made the change (№ and date); nothing was revised")
        )
    if not _ORDER_NUMBER.search(order):
        # The change sheet is sealed: an order cited without its number could not be corrected later.
        raise SelfAssessError(
            t(
                "--order «{order}» does not give the order's number (№): write it as «№ 45, 12.03.2026»; "
                "nothing was revised",
                order=order[:60],
            )
        )
    documents, findings = load_documents(root, config)
    if any(f.severity.value == "error" for f in findings):
        raise InvalidWorkspace(t("the controlled documents have errors; nothing was revised"), findings)
    document = find(documents, code)
    today = dt.date.today()
    day = entered or today
    if day < document.date:
        raise SelfAssessError(
            t("the change date {day} is before the current version's date {date}", day=day, date=document.date)
        )
    if day > today + FAR_FUTURE:
        raise SelfAssessError(
            t("the change date {day} is far in the future; give the day the change is entered", day=day)
        )
    if received is not None and received > day:
        raise SelfAssessError(
            t(
                "the change was received on {received}, after the day it is entered ({day}); "
                "--received is the day the order reached the unit",
                received=received,
                day=day,
            )
        )
    previous = document.version
    folder = output_dir(root, document)
    if edited_since_built(folder, document.body, previous):
        # The archive would hold the new text as the old version, sealed: the history would lie.
        raise SelfAssessError(
            t(
                "{body} has changed since version {version} was built: doc revise archives the text as it is "
                "now, so the edits would be archived as version {version}. Revise before editing: undo the edits "
                "(the built {file} shows version {version}), revise, then edit; or, if the edits belong to version "
                "{version}, run doc build first. Nothing was revised",
                body=rel(root, document.body),
                version=previous,
                file=rel(root, folder / f"{document.file_stem(previous)}.docx"),
            )
        )
    archive = document.archive_dir(previous)
    if archive.exists():
        raise SelfAssessError(
            t(
                "{folder} already exists: version {version} was archived before; nothing was changed",
                folder=rel(root, archive),
                version=previous,
            )
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
        received=received or day,
        entered=day,
        summary=summary,
        by=by,
        archive_sha256={name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        previous_sha256=document.revisions[-1].sha256 if document.revisions else genesis(document.code),
    )
    revision = revision.model_copy(update={"sha256": revision.seal()})
    entry = _entry_text(revision)
    # Staged, then the entry, then published: a crash before the entry leaves a staging folder
    # the next revise removes; a crash after it is finished by the next read of the history.
    staging = archive.with_name(f".staging-{previous}")
    if staging.exists():
        for leftover in staging.iterdir():
            leftover.chmod(stat.S_IWUSR | stat.S_IRUSR)
        shutil.rmtree(staging)
    for name, data in {**files, ENTRY_FILE: entry.encode("utf-8")}.items():
        write_bytes(staging / name, data)
        (staging / name).chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    _append_revision(history, entry)
    os.replace(staging, archive)
    record_head(root, document.code, revision.number, revision.version, revision.sha256)
    return revision


def _entry_text(revision: Revision) -> str:
    return yaml.safe_dump([revision.model_dump(mode="json")], allow_unicode=True, sort_keys=False)


def _append_revision(history: Path, entry: str) -> None:
    old = (
        history.read_text(encoding="utf-8")
        if history.is_file()
        else "# Change-registration entries, appended by 'selfassess doc revise'. Do not edit: each is sealed.\n"
    )
    new = old if old.endswith("\n") else old + "\n"
    write_text(history, new + entry)
