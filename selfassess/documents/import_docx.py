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
from selfassess.documents.heads import record_head
from selfassess.documents.lint.approval import agreement_block, approval_block, people_in
from selfassess.documents.lint.dates import find_dates
from selfassess.documents.lint.identity import VERSION, codes_in
from selfassess.documents.lint.structure import CLAUSE, Structure, analyse
from selfassess.documents.model import DocType, Revision, genesis
from selfassess.errors import Finding, Location, SelfAssessError, warning
from selfassess.messages import t, tn
from selfassess.textnorm import fold
from selfassess.word.reader import Block, DocxText, Table, UnreadableDocx, read_docx

TYPE_WORDS = {
    DocType.regulation: ("жобо", "положение", "regulation", "policy", "саясат", "политика"),
    DocType.instruction: ("нускама", "инструкция", "instruction"),
    DocType.procedure: ("процедура", "регламент", "procedure"),
    DocType.plan: ("план", "plan"),
    DocType.report: ("отчет", "баяндама", "report"),
    DocType.order: ("буйрук", "приказ", "order"),
}
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


def import_docx(path: Path, root: Path, code: str | None = None, today: dt.date | None = None) -> Imported:
    """Write documents/<code>/ from the DOCX at `path`; raise when it cannot be read or the folder exists."""
    try:
        document = read_docx(path)
    except UnreadableDocx as exc:
        raise SelfAssessError(
            t("{file} is not a Word document selfassess can read ({problem})", file=path.name, problem=exc)
        ) from exc
    structure = analyse(document)
    shown = path.name
    notes: list[Finding] = []
    code = code or _code(document, structure)
    if not code:
        raise SelfAssessError(t("{file} gives no document code (КНУ.СМК-…); give it with --code", file=shown))
    folder = root / "documents" / code
    if folder.exists():
        raise SelfAssessError(
            t(
                "documents/{code} already exists: a controlled document's history is never overwritten; "
                "import under another --code, or remove that folder first if it is a mistake",
                code=code,
            )
        )
    language = _language(document)
    meta = _meta(document, structure, code, language, shown, notes)
    body = _body(document, structure, shown, notes)
    revisions = _revisions(structure, meta, language, shown, notes)
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


def _code(document: DocxText, structure: Structure) -> str | None:
    found = [c for h in document.headers for _, c in codes_in(h.text)]
    found += [c for b in structure.title_page for _, c in codes_in(b.text)]
    return max(set(found), key=found.count) if found else None


def _language(document: DocxText) -> str:
    text = " ".join(b.text for b in document.blocks[:400])
    if re.search(r"[ңөүҢӨҮ]", text):
        return "ky"
    return "ru" if re.search(r"[а-яА-Я]", text) else "en"


def _meta(
    document: DocxText, structure: Structure, code: str, language: str, shown: str, notes: list[Finding]
) -> dict[str, object]:
    header = "\n".join(h.text for h in document.headers)
    versions = [v for m in VERSION.finditer(header) for v in m.groups() if v]
    dates = [d.value for d in find_dates(header) if d.value]
    title_lines = [b for b in structure.title_page if b.text.strip()]
    kind, title, subtitle = _title(title_lines, code)
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
    meta: dict[str, object] = {
        "code": code,
        "title": title or code,
        **({"subtitle": subtitle} if subtitle else {}),
        "type": (kind or DocType.regulation).value,
        "language": language,
        "version": versions[0] if versions else "1.0",
        "status": "approved",
        "date": (dates[0] if dates else _block_date(approval) or dt.date.today()).isoformat(),
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
    meta["approval"] = _signature(approval, with_protocol=False)
    meta["agreement"] = _signature(agreement, with_protocol=True)
    developers = _people_table(structure.table_after("developers"))
    sheet = _people_table(structure.table_after("agreement"))
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


def _title(lines: list[Block], code: str) -> tuple[DocType | None, str | None, str | None]:
    """Return the type the title page names, the title under it and the subtitle after that.

    A title broken over two lines continues on a line that starts with a small letter.
    """
    for i, block in enumerate(lines):
        word = fold(block.text)
        kind = next((k for k, words in TYPE_WORDS.items() if word in words), None)
        if kind is None:
            continue
        parts: list[str] = []
        for line in lines[i + 1 :]:
            text = " ".join(line.text.split())
            if codes_in(text) or fold(text) in ("макулдашылган", "согласовано", "agreed") or len(parts) == 2:
                break
            if parts and text[:1].islower():
                parts[-1] += " " + text
            else:
                parts.append(text)
        return kind, (parts[0] if parts else None), (parts[1] if len(parts) > 1 else None)
    return None, None, None


def _block_date(lines: list[Block]) -> dt.date | None:
    return next((d.value for b in lines for d in find_dates(b.text) if d.value), None)


def _signature(lines: list[Block], with_protocol: bool) -> dict[str, object]:
    rest = lines[1:]
    out: dict[str, object] = {}
    for block in rest:
        people = people_in(block.text)
        if people and "name" not in out:
            surname, initials = people[0]
            out["name"] = f"{initials} {surname}"
        elif (
            not find_dates(block.text)
            and not re.search(r"протокол|protocol|minutes", block.text, re.I)
            and "position" not in out
        ):
            out["position"] = " ".join(block.text.split())
    date = _block_date(rest)
    if date:
        out["date"] = date.isoformat()
    if with_protocol:
        protocol = next(
            (
                m.group(1)
                for b in rest
                for m in [re.search(r"(?:протокол|protocol|minutes)\D*(\d+)", b.text, re.I)]
                if m
            ),
            None,
        )
        if protocol:
            out["protocol"] = protocol
    return out


def _people_table(table: Table | None) -> list[dict[str, str]]:
    if table is None:
        return []
    rows = []
    for row in table.rows[1:]:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        name = next((c for c in cells[1:] if people_in(c)), "")
        rows.append({"position": cells[0], "name": name} if name else {"position": cells[0]})
    return [r for r in rows if r["position"]]


def _body(document: DocxText, structure: Structure, shown: str, notes: list[Finding]) -> str:
    """Return the text between the contents and the sheets as Markdown, clause numbers kept."""
    end = min((b.index for b in structure.named.values()), default=len(document.blocks) + 1)
    headings = {h.block.index: h for h in structure.headings}
    lines: list[str] = []
    done_tables: set[int] = set()
    for block in document.blocks[structure.body_start :]:
        if block.index >= end:
            break
        if block.table is not None:
            if block.table not in done_tables:
                done_tables.add(block.table)
                lines += _pipe_table(document.tables[block.table - 1], shown, notes)
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        heading = headings.get(block.index)
        if heading is not None:
            # Sections "# 1. …", everything under them "## 1.4.1 …", as the workspace writes them.
            depth = heading.number.count(".") + 1 if heading.number else heading.level
            if lines and lines[-1]:
                lines.append("")
            lines += [("#" if depth <= 1 else "##") + " " + _escape(text), ""]
        elif block.numbered or "list" in block.style.casefold() or text.startswith(("- ", "– ", "• ")):
            lines.append("- " + _escape(re.sub(r"^[-–•]\s*", "", text)))
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines += [_escape(text), ""]
    return "\n".join(lines).strip() + "\n"


def _escape(text: str) -> str:
    """Return text Markdown reads back as written: no heading, list or table marks, no emphasis."""
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|")
    if text.startswith("#"):
        text = "\\" + text
    if CLAUSE.match(text) is None and re.match(r"^\d+[.)]\s", text):
        text = text.replace(".", "\\.", 1).replace(")", "\\)", 1)
    return text


def _pipe_table(table: Table, shown: str, notes: list[Finding]) -> list[str]:
    rows = [[" ".join(c.split()).replace("|", "\\|") for c in row] for row in table.rows]
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        return []
    if any(len(r) != width for r in rows):
        notes.append(
            warning(
                "import-unmapped",
                Location(shown, place=t("table {number}", number=table.number)),
                t("the table has merged cells; they were split, check it in body.md"),
            )
        )
    rows = [r + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return [*out, ""]


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
