"""One memo (кызматтык кат, служебная записка) from the department to the head of a unit.

As the office writes its letters: the university and the department at the top, an outgoing
number and date, the addressee by position and name, the subject, the text, the signatory's
position and name, and who prepared it with a contact. A memo is a letter, not a controlled
document: it carries no version header, approval block or change sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from selfassess import i18n
from selfassess.check.pipeline import CheckReport
from selfassess.documents.model import ControlledDocument, DocStatus, DocType, DocumentMeta
from selfassess.documents.render import MEMO_TEMPLATE, render_docx
from selfassess.models import Unit, Workspace
from selfassess.reports.markdown import Tables
from selfassess.textnorm import fold

_BRACKETED = re.compile(r"\(([^()]{2,20})\)")


def department_names(config: Workspace) -> set[str]:
    """Return the folded names the department goes by: its names, the abbreviations in their
    brackets («… аудит бөлүмү (БСМЖАБ)» is also БСМЖАБ), and its aliases."""
    own = config.department
    if own is None:
        return set()
    names = {n for n in (own.name.ky, own.name.ru, own.name.en, *own.aliases) if n}
    names |= {m.group(1) for n in list(names) for m in _BRACKETED.finditer(n)}
    return {fold(n) for n in names}


def find_unit(name: str, config: Workspace) -> Unit | None:
    """Return the unit `owners:` names, by its name, an alias or its title in any language."""
    wanted = fold(name)
    for unit in config.units:
        titles = (unit.title.ky, unit.title.ru, unit.title.en) if unit.title else ()
        if wanted in {fold(n) for n in (unit.name, *unit.aliases, *titles) if n}:
            return unit
    return None


def addressee(name: str, config: Workspace, lang: str) -> tuple[list[str], bool]:
    """Return the lines a memo is addressed with, and whether they name the unit's head."""
    unit = find_unit(name, config)
    if unit is not None and unit.addressee is not None:
        return unit.addressee.get(lang).splitlines(), True
    if unit is not None and unit.head is not None:
        return [unit.head.position.get(lang), unit.head.name], True
    title = unit.title.get(lang) if unit is not None and unit.title else name
    return [title], False


def outgoing_numbers(log: dict[str, list[object]], units: Iterable[str], day: dt.date) -> dict[str, int]:
    """Return each unit's memo number in the year's sequence, recording new ones in the log.

    A memo written again on the same day (a correction before it is sent) keeps its number;
    a memo of a later day takes the next one. Numbers are never reused within a year.
    """
    issued: list[dict[str, object]] = log.setdefault("outgoing", [])  # type: ignore[assignment]
    numbers: dict[str, int] = {}
    for unit in units:
        same = next((e for e in issued if e["unit"] == unit and e["date"] == day.isoformat()), None)
        if same is None:
            used = [int(str(e["n"])) for e in issued if str(e["date"]).startswith(f"{day.year}-")]
            same = {"unit": unit, "date": day.isoformat(), "n": max(used, default=0) + 1}
            issued.append(same)
        numbers[unit] = int(str(same["n"]))
    return numbers


def valid_outgoing(entries: object) -> list[dict[str, object]]:
    """Return the log's record of outgoing numbers, keeping only well-formed entries."""
    if not isinstance(entries, list):
        return []
    kept = []
    for e in entries:
        if isinstance(e, dict) and isinstance(e.get("unit"), str) and isinstance(e.get("n"), int):
            try:
                dt.date.fromisoformat(str(e.get("date")))
            except ValueError:
                continue
            kept.append(e)
    return kept


@dataclass
class MemoRow:
    """One criterion the unit owes, as the memo's table shows it."""

    criterion: str
    title: str
    needed: str
    deadline: dt.date


def memo_docx(root: Path, report: CheckReport, unit: str, number: int, rows: list[MemoRow]) -> bytes:
    """Return the memo to one unit as DOCX bytes: the criteria it owes, what is needed, by when."""
    config = report.loaded.config
    assert config is not None
    lang, day = config.language, report.as_of
    own = config.department
    department = own.name.get(lang) if own else i18n.label("qa_department", lang)
    latest = max(r.deadline for r in rows)
    tables = Tables(lang)
    intro = i18n.label(
        "request_intro",
        lang,
        date=i18n.format_date(day, lang, "long"),
        due=i18n.format_date(latest, lang, "long"),
        date_locative=i18n.format_date(day, lang, "locative"),
        due_numeric=i18n.format_date(latest, lang, "numeric"),
        department=department,
    ).replace("..", ".")  # a long date may end in its own full stop ("2027 г.")
    basis = own.request_basis.get(lang) if own and own.request_basis else ""
    if basis:
        intro = f"{basis.rstrip(' ,')}, {intro[:1].lower()}{intro[1:]}"
    header = [i18n.label(k, lang) for k in ("criterion", "title", "needed", "deadline")]
    cells = [[r.criterion, r.title, r.needed, i18n.format_date(r.deadline, lang, "numeric")] for r in rows]
    body = "\n".join([intro, "", *tables.add(header, cells, (1600, 3600, 2900, 1255))])
    pattern = own.outgoing_number if own else "{n}"
    outgoing = pattern.replace("{n}", str(number)).replace("{year}", str(day.year))
    meta = DocumentMeta(
        code=outgoing,
        title=i18n.label("request_title", lang, unit=unit),
        type=DocType.memo,
        owner=department,
        language=lang,
        version="1.0",
        status=DocStatus.approved,
        date=day,
        blank_change_rows=0,
    )
    head = own.head if own else None
    executor = own.executor if own else None
    contact = ", ".join(x for x in (executor.name, executor.phone, executor.email) if x) if executor else ""
    lines, _ = addressee(unit, config, lang)
    extra = {
        "memo_kind": i18n.label("doc.memo", lang).upper(),
        "sender": department[:1].upper() + department[1:],
        "outgoing_line": i18n.label(
            "memo_outgoing", lang, date=i18n.format_date(day, lang, "numeric"), number=outgoing
        ),
        "addressee_lines": lines,
        "subject": i18n.label("memo_subject", lang),
        "signer_position": head.position.get(lang) if head else i18n.label("qa_head", lang),
        "signer_name": head.name if head else "_______________",
        "executor_line": i18n.label("memo_executor", lang, contact=contact) if contact else "",
    }
    document = ControlledDocument(root / "build" / "requests", meta)
    return render_docx(root, document, config, body_text=body, tables=tables.xml, template=MEMO_TEMPLATE, extra=extra)
