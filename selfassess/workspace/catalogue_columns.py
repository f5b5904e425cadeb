"""Which column of an agency's table holds what: the header row and each column's role.

Columns are recognised by their names in Kyrgyz, Russian or English (folded), or as the
user names them with --column ROLE=HEADER; a column of numbers headed "Критерий" is the
criterion's number, not its text.
"""

from __future__ import annotations

import re
from typing import Any

from selfassess.textnorm import fold
from selfassess.workspace.tables import Table

# Column roles and the headers that name them (compared folded), in en / ru / ky.
ROLES: dict[str, tuple[str, ...]] = {
    "standard": (
        "standard",
        "standard no",
        "standard number",
        "стандарт",
        "№ стандарта",
        "номер стандарта",
        "стандарттын номери",
        "стандарттын №",
    ),
    "standard_title": (
        "standard title",
        "standard name",
        "наименование стандарта",
        "название стандарта",
        "стандарттын аталышы",
    ),
    "criterion": (
        "criterion no",
        "criterion number",
        "no",
        "№",
        "№ п/п",
        "номер критерия",
        "№ критерия",
        "код критерия",
        "критерийдин номери",
        "критерийдин №",
        "шифр",
        "код",
        "code",
    ),
    "criterion_title": (
        "criterion title",
        "title",
        "наименование критерия",
        "название критерия",
        "наименование",
        "название",
        "критерийдин аталышы",
        "аталышы",
    ),
    "criterion_text": (
        "criterion",
        "criterion text",
        "description",
        "requirement",
        "text",
        "критерий",
        "критерии",
        "содержание критерия",
        "содержание",
        "описание",
        "формулировка",
        "требование",
        "критерийдин мазмуну",
        "мазмуну",
        "талап",
    ),
    "evidence": (
        "evidence",
        "required evidence",
        "supporting documents",
        "documents",
        "доказательства",
        "требуемые доказательства",
        "подтверждающие документы",
        "подтверждающие материалы",
        "перечень документов",
        "документы",
        "далилдер",
        "талап кылынган далилдер",
        "тастыктоочу документтер",
        "документтер",
    ),
    "freshness": (
        "freshness",
        "max age",
        "validity",
        "срок",
        "срок давности",
        "срок актуальности",
        "срок действия",
        "актуальность",
        "период актуальности",
        "мөөнөтү",
        "жарактуулук мөөнөтү",
    ),
    "applicability": (
        "applicability",
        "notes",
        "note",
        "применимость",
        "примечание",
        "примечания",
        "колдонулушу",
        "эскертүү",
    ),
}
_ROLE_OF = {fold(name): role for role, names in ROLES.items() for name in names}
HEADER_ROWS = 30
QUALIFIER = re.compile(r"[(,:]")
NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\s*\.?\s*$")


def _role(cell: Any) -> str | None:
    text = str(cell or "").strip()
    if not text:
        return None
    head = QUALIFIER.split(text, maxsplit=1)[0]
    return _ROLE_OF.get(fold(text)) or _ROLE_OF.get(fold(head))


def find_header(table: Table, overrides: dict[str, str]) -> tuple[int, dict[int, str]] | None:
    """Return the header row and its columns' roles: the row naming the most roles."""
    wanted = {fold(header): role for role, header in overrides.items()}
    best: tuple[int, dict[int, str]] | None = None
    for number, row in enumerate(table.rows[:HEADER_ROWS]):
        roles: dict[int, str] = {}
        # The user's --column first, then the names selfassess knows, left to right.
        for index, cell in enumerate(row):
            role = wanted.get(fold(str(cell or "")))
            if role and role not in roles.values():
                roles[index] = role
        spare: dict[int, str] = {}
        for index, cell in enumerate(row):
            role = None if index in roles else _role(cell)
            if role is None or role in overrides:
                continue
            if role in roles.values():
                spare.setdefault(index, role)
            else:
                roles[index] = role
        _numbers_column(table, number, roles, spare)
        names_criteria = "criterion_text" in roles.values() or "criterion_title" in roles.values()
        if names_criteria and len(roles) >= 2 and (best is None or len(roles) > len(best[1])):
            best = (number, roles)
    return best


def _numbers_column(table: Table, at: int, roles: dict[int, str], spare: dict[int, str]) -> None:
    """A text column that holds only numbers ("Критерий": 1.1, 1.2 …) is the criterion's number,
    and a second text column ("Содержание") is its text."""
    if "criterion" in roles.values():
        return
    for index, role in list(roles.items()):
        if role != "criterion_text":
            continue
        values = [r[index] for r in table.rows[at + 1 : at + 30] if index < len(r) and str(r[index] or "").strip()]
        numeric = [v for v in values if isinstance(v, int | float) or NUMBER.match(str(v))]
        if values and len(numeric) >= 0.8 * len(values):
            roles[index] = "criterion"
            other = next((i for i, r in spare.items() if r == "criterion_text"), None)
            if other is not None:
                roles[other] = "criterion_text"
