"""The register's columns and the headers offices give them, in English, Russian and Kyrgyz."""

from __future__ import annotations

import re
from typing import Any

from selfassess.messages import N_
from selfassess.textnorm import fold

# Column headers as QA offices write them, in en / ru / ky (compared after `fold`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "code", "evidence id", "код", "шифр", "идентификатор", "код документа", "коду"),
    "title": (
        "title",
        "name",
        "наименование",
        "название",
        "наименование документа",
        "аталышы",
        "аталыш",
        "документтин аталышы",
    ),
    "file": ("file", "path", "файл", "путь", "путь к файлу", "жол", "файлдын жолу", "файл жолу"),
    "url": ("url", "link", "web address", "ссылка", "веб адрес", "шилтеме"),
    "snapshot": ("snapshot", "snapshot date", "дата снимка", "дата сохранения", "сүрөт күнү", "сакталган күнү"),
    "kind": ("kind", "type", "evidence kind", "вид", "тип", "вид документа", "түрү", "документтин түрү"),
    "owner": (
        "owner",
        "unit",
        "owner unit",
        "responsible",
        "ответственное подразделение",
        "подразделение",
        "владелец",
        "ответственный",
        "жооптуу бөлүм",
        "бөлүм",
        "ээси",
        "жооптуу",
    ),
    "issued": (
        "issued",
        "date",
        "issue date",
        "дата",
        "дата выдачи",
        "дата утверждения",
        "дата документа",
        "күнү",
        "берилген күнү",
        "бекитилген күнү",
    ),
    "valid_until": (
        "valid until",
        "expires",
        "expiry",
        "действует до",
        "срок действия",
        "действителен до",
        "жарактуу мөөнөтү",
        "мөөнөтү",
        "жарактуу",
    ),
    "validity": ("validity", "validity period", "период действия", "жарактуулук мезгили"),
    "language": ("language", "lang", "язык", "тили", "тил"),
    "criteria": ("criteria", "criterion", "критерии", "критерий", "критерийлер", "стандарты и критерии"),
    "note": ("note", "notes", "comment", "примечание", "комментарий", "эскертүү", "эскертме"),
    "programmes": (
        "programmes",
        "programme",
        "program",
        "programs",
        "программа",
        "программы",
        "образовательная программа",
        "ооп",
        "шифр программы",
        "программасы",
        "билим берүү программасы",
        "программалар",
    ),
}
# Shown in messages, translated where used: t(HEADER_NAMES[name]).
HEADER_NAMES = {
    "id": N_("'Код' (or 'ID')"),
    "title": N_("'Наименование' / 'Аталышы' (or 'Title')"),
    "file": N_("'Файл' (or 'File')"),
    "kind": N_("'Вид' / 'Түрү' (or 'Kind')"),
    "criteria": N_("'Критерии' / 'Критерийлер' (or 'Criteria')"),
}
IGNORED_COLUMNS = frozenset(fold(c) for c in ("№", "# ", "no", "n", "№ п/п", "п/п", "р/с", "№ р/с", "катар саны"))
REQUIRED_COLUMNS = ("id", "title", "kind", "criteria")
HEADER_EXAMPLE = "Код | Наименование | Файл | Вид | Критерии"  # shown when no header row is found
ALIAS_TO_FIELD = {fold(alias): name for name, aliases in COLUMNS.items() for alias in aliases}
HEADER_SEARCH_ROWS = 30
PREFERRED_SHEETS = ("register", "реестр", "реестр доказательств", "реестр", "тизме", "далилдер")

_QUALIFIER = re.compile(r"[(,:;]")
_MONTH_WORDS = ("мес", "месяц", "месяцев", "month", "months", "ай")
_YEAR_WORDS = ("лет", "год", "года", "year", "years", "жыл")


def header_field(cell: object) -> tuple[str | None, str | None]:
    """Return the field a header names and, for validity columns, the unit its numbers are in.

    "Критерии (через ;)" is criteria; "Срок действия, мес" holds periods in months; a header
    is matched whole, or by its part before a bracket or comma, never by a loose prefix
    ("Ссылка на файл" is not the web-address column).
    """
    text = str(cell)
    head, *tail = _QUALIFIER.split(text, maxsplit=1)
    name = ALIAS_TO_FIELD.get(fold(text)) or ALIAS_TO_FIELD.get(fold(head))
    words = fold(" ".join(tail) or text).split()
    unit = (
        "months" if any(w in _MONTH_WORDS for w in words) else "years" if any(w in _YEAR_WORDS for w in words) else None
    )
    if name in ("valid_until", "validity") and unit:
        return "validity", unit
    return name, None


def header_map(cells: list[Any]) -> tuple[dict[int, str], dict[str, str], dict[int, str]]:
    """Return the column read for each field, the validity column's unit, and the columns
    naming a field already named to their left (field by column)."""
    mapping: dict[int, str] = {}
    units: dict[str, str] = {}
    twins: dict[int, str] = {}
    for index, cell in enumerate(cells):
        if cell is None or cell == "":
            continue
        name, unit = header_field(cell)
        if name and name in mapping.values():
            twins[index] = name
        elif name:
            mapping[index] = name
            if unit:
                units[name] = unit
    return mapping, units, twins


def find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], dict[str, str], dict[int, str]] | None:
    """Return the header row among the first rows: its index, the column of each field, the
    validity unit, and the columns naming a field a second time."""
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping, units, twins = header_map(cells)
        if len(mapping) >= 3 and ("id" in mapping.values() or "title" in mapping.values()):
            return number, mapping, units, twins
    return None


# Fields holding lists: two columns of them are read together, as one.
LIST_FIELDS = ("criteria", "programmes")
