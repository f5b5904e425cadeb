"""The register's columns and the headers offices give them, in English, Russian and Kyrgyz;
and the rows offices put between items (section headings, totals), which are not items."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from selfassess.errors import Finding, Location, error, info
from selfassess.messages import N_, t, tn
from selfassess.textnorm import did_you_mean, fold

# Column headers as QA offices write them, in en / ru / ky (compared after `fold`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "code",
        "evidence id",
        "document code",
        "код",
        "шифр",
        "идентификатор",
        "код документа",
        "код док",
        "шифр документа",
        "шифр док",
        "коду",
        "шифри",
        "документтин шифри",
        "документтин коду",
    ),
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
# The hint of a problem in the expiry column, which takes a date or a period ("3 года").
EXPIRY_HINT = N_("write a date (31.08.2026 or 2026-08-31) or a period (3 года, 36 months)")
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


def suggest_field(cell: object, mapped: Collection[str]) -> str | None:
    """Return the field an unknown header probably means, for "did you mean": never a field
    another column already gives, and for a header of a code ("Шифр …", "Код …") only a field
    whose names are codes too ("Шифр документа" is not the kind, "Вид документа")."""
    coded = _names_a_code(fold(str(cell)))
    choices = {
        alias: name
        for alias, name in ALIAS_TO_FIELD.items()
        if name not in mapped and (not coded or _names_a_code(alias))
    }
    return did_you_mean(str(cell), choices) if choices else None


def _names_a_code(folded: str) -> bool:
    return any(w.startswith(("шифр", "код")) or w in ("code", "id") for w in folded.split())


# Fields holding lists: two columns of them are read together, as one.
LIST_FIELDS = ("criteria", "programmes")


# A totals row starts with one of these words ("Итого: 15 документов", "Барды", "Total").
_TOTALS = re.compile(r"(?:итого|всего|барды|бардыгы|жыйынтыгы|жыйынтык|total|totals)\b", re.IGNORECASE)
_TOTALS_INITIALS = frozenset("ИиВвБбЖжTt")
# A section heading's first word ("Стандарт 1. Миссия", "Раздел 2", "2-стандарт", "Standard 3").
_SECTION = re.compile(
    r"(?:стандарт|standard|раздел|бөлүм|глава|section|критерий|criterion)\s*\d|\d+\s*-\s*(?:стандарт|бөлүм)\b",
    re.IGNORECASE,
)


def layout_row(cells: list[Any], values: dict[str, Any], span: int) -> bool:
    """Return whether a row of the table is layout, not an item: a section heading merged across
    the row ("Стандарт 1. Миссия и ценности" in A:J, so one text in every cell read, at least
    `span` of them), or a totals row (its first cell "Итого: 15 документов") with no id of its own.

    `values`: the row's cells by field. Called for every row: an ordinary row is told apart by
    its first two values and its first cell's first letter.
    """
    texts = iter(values.values())
    first = next(texts)
    if (
        len(values) >= span
        and first.__class__ is str
        and first == next(texts, None)
        and all(text == first for text in texts)
    ):
        return True
    if len(values) == 1 and first.__class__ is str and str(cells[0]).strip() == first and _SECTION.match(first):
        # "Стандарт 1. Миссия" typed in the row's first cell, not merged (a CSV has no merging):
        # the row holds nothing else, and its text names a section, not a document.
        return True
    lead = cells[0]
    if lead is None or (lead.__class__ is str and not lead.strip()):  # the first cell filled
        lead = next((c for c in cells if c is not None and str(c).strip()), None)
    if lead.__class__ is not str or lead.lstrip()[:1] not in _TOTALS_INITIALS or not _TOTALS.match(lead.strip()):
        return False
    ident = values.get("id")
    ident = "" if ident is None else str(ident).strip()
    # An id is a code (E-001, Д-9, Total-1); the totals text, a count or a phrase is not.
    return not ident or " " in ident or ident.isdigit() or bool(_TOTALS.fullmatch(ident.rstrip(":.")))


def layout_note(rows: list[Location]) -> Finding:
    """Return the one line saying which rows were read as layout, the first five by place."""
    places = ", ".join(str(where.cell or where.line) for where in rows[:5]) + ("…" if len(rows) > 5 else "")
    said = tn(
        "{n} row holds a section heading or a total, not an item, and is not read: {rows}",
        "{n} rows hold section headings or totals, not items, and are not read: {rows}",
        len(rows),
        rows=places,
    )
    return info("layout-row", rows[0], said)


def shifted_row(cells: list[Any], header_width: int, mapping: dict[int, str], where: Location) -> Finding:
    """Return the error of a CSV line with cells past the header: a value holding the separator
    was not quoted, every cell after it has moved one column right, and none can be trusted."""
    filled = max(i + 1 for i, c in enumerate(cells) if str(c).strip())
    ident = next((str(cells[i]).strip() for i, name in mapping.items() if name == "id" and i < len(cells)), "")
    message = tn(
        "{ident}: the line has {n} cell but the header names {width}; "
        "a value holding the separator has moved the cells after it, so the row is not read",
        "{ident}: the line has {n} cells but the header names {width}; "
        "a value holding the separator has moved the cells after it, so the row is not read",
        filled,
        ident=ident or t("this row"),
        width=header_width,
    )
    hint = t(
        "put a value holding a comma or semicolon in quotes ({example}), or save the table again from Excel as CSV",
        example='"t:1.1, t:1.2"',
    )
    return error("malformed-row", where, message, hint, evidence=ident or None)
