"""The register's columns and the headers offices give them, in English, Russian and Kyrgyz."""

from __future__ import annotations

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
HEADER_NAMES = {
    "id": "'Код' (or 'ID')",
    "title": "'Наименование' / 'Аталышы' (or 'Title')",
    "file": "'Файл' (or 'File')",
    "kind": "'Вид' / 'Түрү' (or 'Kind')",
    "criteria": "'Критерии' / 'Критерийлер' (or 'Criteria')",
}
IGNORED_COLUMNS = frozenset(fold(c) for c in ("№", "# ", "no", "n", "№ п/п", "п/п", "р/с", "№ р/с", "катар саны"))
REQUIRED_COLUMNS = ("id", "title", "kind", "criteria")
ALIAS_TO_FIELD = {fold(alias): name for name, aliases in COLUMNS.items() for alias in aliases}
HEADER_SEARCH_ROWS = 30
PREFERRED_SHEETS = ("register", "реестр", "реестр доказательств", "реестр", "тизме", "далилдер")
