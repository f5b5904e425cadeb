"""Bringing an existing controlled DOCX under control: document.yaml, body.md and its history.

An office has its regulation in Word, already approved, with rows in its change sheet. The
document is read as the lint reads it (its parts found by what they say); what maps is
written as the workspace's files, the change rows become sealed history entries that
`doc revise` continues, and what does not map is reported, never dropped without a word.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from selfassess.atomic import write_text
from selfassess.documents.autonumbers import show_numbers
from selfassess.documents.code_form import code_problem, example_code
from selfassess.documents.heads import record_head
from selfassess.documents.import_body import body_markdown
from selfassess.documents.import_meta import block_date, guess_language, people, signature, title_of
from selfassess.documents.lint.approval import agreement_block, approval_block, people_in
from selfassess.documents.lint.dates import find_dates
from selfassess.documents.lint.identity import VERSION, codes_in
from selfassess.documents.lint.structure import Structure, analyse
from selfassess.documents.model import DocType, Revision, genesis
from selfassess.documents.wrong_file import explain, is_lock_file, lock_file_of
from selfassess.errors import Finding, Location, SelfAssessError, error, warning
from selfassess.messages import t, tn
from selfassess.models import DocumentControl
from selfassess.textnorm import fold
from selfassess.word.reader import DocxText, UnreadableDocx, read_docx
from selfassess.workspace.settings import load_config

IMPORTED = {
    "ky": "Өзгөртүүлөрдү каттоо барагынан өткөрүлдү",
    "ru": "Перенесено из листа регистрации изменений",
    "en": "Carried over from the change registration sheet",
}


@dataclass
class Imported:
    """What an import wrote, and what it could not map."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def import_docx(
    path: Path, root: Path, code: str | None = None, today: dt.date | None = None, language: str | None = None
) -> Imported:
    """Write documents/<code>/ from the DOCX at `path`; raise when it cannot be read, its code is
    missing or not of the university's form, or the folder exists. `language` (ky, ru, en), when
    given, is the document's: else it is told from the text."""
    shown = path.name
    document = _read(path)
    show_numbers(document)
    structure = analyse(document)
    notes: list[Finding] = []
    config, _ = load_config(root)
    pattern = (config.document_control if config else DocumentControl()).code_pattern
    code = code or _code(document, structure)
    if not code:
        example = example_code(root, config, pattern)
        if example:
            message = t(
                "{file} gives no document code (neither in its page header nor on its title page); "
                "give it with --code, e.g. --code {example}",
                file=shown,
                example=example,
            )
        else:
            message = t(
                "{file} gives no document code (neither in its page header nor on its title page); give it with --code",
                file=shown,
            )
        raise SelfAssessError(message)
    if not re.match(pattern, code):
        message, hint = code_problem(code, example_code(root, config, pattern))
        raise SelfAssessError(t("nothing was imported"), [error("bad-code", Location(shown), message, hint)])
    folder = root / "documents" / code
    if folder.exists():
        raise SelfAssessError(
            t(
                "documents/{code} already exists: a controlled document's history is never overwritten; "
                "import under another --code, or remove that folder first if it is a mistake",
                code=code,
            )
        )
    meta = _meta(document, structure, code, language or guess_language(document), shown, notes, today)
    notes += _already_there(root, meta, shown) + _open_in_word(path, code)
    body = body_markdown(document, structure, shown, notes)
    revisions = _revisions(structure, meta, str(meta["language"]), shown, notes)
    result = Imported(folder)
    write_text(folder / "document.yaml", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False))
    write_text(folder / "body.md", body)
    result.written += [folder / "document.yaml", folder / "body.md"]
    if revisions:
        header = "# Change-registration entries, appended by 'selfassess doc revise'. Do not edit: each is sealed.\n"
        entries = yaml.safe_dump([r.model_dump(mode="json") for r in revisions], allow_unicode=True, sort_keys=False)
        write_text(folder / "revisions.yaml", header + entries)
        result.written.append(folder / "revisions.yaml")
        last = revisions[-1]
        record_head(root, code, last.number, last.version, last.sha256)
    result.findings = notes
    return result


def _read(path: Path) -> DocxText:
    """Return the document read; raise, saying what the file is instead, when it is no DOCX."""
    try:
        if is_lock_file(path):
            raise UnreadableDocx("lock file")
        return read_docx(path)
    except UnreadableDocx as exc:
        message, hint = explain(path, exc)
        found = error("unreadable-docx", Location(path.name), message, hint)
        message = t("{file} is not a Word document selfassess can read: nothing was imported", file=path.name)
        raise SelfAssessError(message, [found]) from exc


def _code(document: DocxText, structure: Structure) -> str | None:
    found = [c for h in document.headers for _, c in codes_in(h.text)]
    found += [c for b in structure.title_page for _, c in codes_in(b.text)]
    return max(set(found), key=found.count) if found else None


def _meta(
    document: DocxText,
    structure: Structure,
    code: str,
    language: str,
    shown: str,
    notes: list[Finding],
    today: dt.date | None,
) -> dict[str, object]:
    header = "\n".join(h.text for h in document.headers)
    versions = [v for m in VERSION.finditer(header) for v in m.groups() if v]
    versions = versions or [v for b in structure.title_page for m in VERSION.finditer(b.text) for v in m.groups() if v]
    dates = [d.value for d in find_dates(header) if d.value]
    title_lines = [b for b in structure.title_page if b.text.strip()]
    kind, title, subtitle = title_of(title_lines, code)
    approval = approval_block(structure)
    agreement = agreement_block(structure)
    if kind is None:
        notes.append(
            warning(
                "import-unmapped",
                Location(shown),
                t("no type word (ЖОБО, ПОЛОЖЕНИЕ, …) on the title page; type: regulation assumed"),
                t("set type: in document.yaml"),
            )
        )
    date = dates[0] if dates else block_date(approval)
    meta: dict[str, object] = {
        "code": code,
        "title": title or code,
        **({"subtitle": subtitle} if subtitle else {}),
        "type": (kind or DocType.regulation).value,
        "language": language,
        "version": versions[0] if versions else "1.0",
        "status": "approved",
        "date": (date or today or dt.date.today()).isoformat(),
    }
    if not versions:
        notes.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("header")),
                t("the header gives no version; 1.0 assumed"),
                t("set version: in document.yaml"),
            )
        )
    if not title:
        notes.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("title page")),
                t("no title found on the title page; the code is used"),
                t("set title: in document.yaml"),
            )
        )
    if date is None:
        notes.append(
            warning(
                "import-unmapped",
                Location(shown),
                t(
                    "the document gives no date, neither in its header nor in its approval block; "
                    "date: is the day of the import, {date}",
                    date=meta["date"],
                ),
                t("set the approval date in document.yaml (date: and approval: date:)"),
            )
        )
    meta["approval"] = signature(approval, agreement=False)
    meta["agreement"] = signature(agreement, agreement=True)
    notes += _blocks_missing(approval, agreement, shown)
    developers = people(structure, "developers")
    sheet = people(structure, "agreement")
    if developers:
        meta["developers"] = developers
    if sheet:
        meta["agreement_sheet"] = sheet
    unread = {
        "developers": t("the developers sheet's table could not be read; fill it in document.yaml"),
        "agreement": t("the agreement sheet's table could not be read; fill it in document.yaml"),
    }
    for part, rows in (("developers", developers), ("agreement", sheet)):
        if part in structure.named and not rows:
            where = Location(shown, place=structure.named[part].place())
            notes.append(warning("import-unmapped", where, unread[part]))
    return meta


def _blocks_missing(approval: list, agreement: list, shown: str) -> list[Finding]:
    """Return a warning for the approval or agreement block not found on the title page."""
    found = []
    if not approval:
        found.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("title page")),
                t(
                    "no approval block («УТВЕРЖДАЮ», «БЕКТЕМ», «APPROVED») was found on the title page; "
                    "approval: is left empty, so the workspace's approver will be printed"
                ),
                t("fill approval: in document.yaml (position, name, date)"),
            )
        )
    if not agreement:
        found.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("title page")),
                t(
                    "no agreement block («СОГЛАСОВАНО», «Макулдашылган», «AGREED») was found on the title page; "
                    "agreement: is left empty"
                ),
                t("if the document was agreed, fill agreement: in document.yaml (position, name, protocol, date)"),
            )
        )
    return found


def _already_there(root: Path, meta: dict[str, object], shown: str) -> list[Finding]:
    """Return a warning when a document of the same title is already under control: the same draft again?"""
    title = fold(str(meta["title"]))
    if not title or meta["title"] == meta["code"]:
        return []
    found = []
    for path in sorted((root / "documents").glob("*/document.yaml")):
        try:
            other = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(other, dict) and fold(str(other.get("title", ""))) == title:
            code = str(other.get("code") or path.parent.name)
            found.append(
                warning(
                    "import-duplicate",
                    Location(shown),
                    t("documents/{code} has the same title: this may be the same document imported again", code=code),
                    t(
                        "if it is, remove documents/{new} and keep {code}; a later version of it is entered with "
                        "`selfassess doc revise {code}`",
                        new=meta["code"],
                        code=code,
                    ),
                )
            )
    return found


def _open_in_word(path: Path, code: str) -> list[Finding]:
    """Return a warning when Word's lock file is beside the document: changes not saved are not in the file."""
    lock = lock_file_of(path)
    if lock is None:
        return []
    return [
        warning(
            "import-open-in-word",
            Location(path.name),
            t(
                "the document is open in Word (its lock file {lock} is beside it): changes not saved yet "
                "are not in what was imported",
                lock=lock.name,
            ),
            t("save it in Word; if it had unsaved changes, remove documents/{code} and import it again", code=code),
        )
    ]


def _revisions(
    structure: Structure, meta: dict[str, object], language: str, shown: str, notes: list[Finding]
) -> list[Revision]:
    """Return the change sheet's rows as sealed history entries ending at the document's version."""
    table = structure.table_after("changes")
    if table is None:
        return []
    rows = [r for r in table.rows if r and r[0].strip().rstrip(".").isdigit()]
    if not rows:
        return []
    version = str(meta["version"])
    high, low = (int(p) for p in version.split("."))
    if low < len(rows):
        notes.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("table {number}", number=table.number)),
                tn(
                    "the change sheet has {n} rows but version {version} cannot follow from {n} changes; "
                    "the history was not carried over",
                    "the change sheet has {n} rows but version {version} cannot follow from {n} changes; "
                    "the history was not carried over",
                    len(rows),
                    version=version,
                ),
                t("enter it with `selfassess doc revise` after the import, or correct the version"),
            )
        )
        return []
    base = f"{high}.{low - len(rows)}"
    meta["version"] = base
    revisions: list[Revision] = []
    chain = genesis(str(meta["code"]))
    previous = base
    for index, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row] + [""] * 5
        dates = [d.value for c in cells[1:5] for d in find_dates(c) if d.value]
        entered = dates[-1] if dates else dt.date.fromisoformat(str(meta["date"]))
        received = dates[-2] if len(dates) > 1 else entered
        current = f"{high}.{low - len(rows) + index}"
        revision = Revision(
            number=index,
            version=current,
            previous=previous,
            order=cells[1] or "—",
            received=min(received, entered),
            entered=entered,
            summary=IMPORTED[language],
            by=next((c for c in cells[4:] if people_in(c)), ""),
            previous_sha256=chain,
        )
        revision = revision.model_copy(update={"sha256": revision.seal()})
        revisions.append(revision)
        chain, previous = revision.sha256, current
    return revisions
