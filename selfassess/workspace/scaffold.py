"""`selfassess init`: a new workspace that loads cleanly and shows what is missing."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import yaml

from selfassess.atomic import write_bytes, write_text
from selfassess.errors import SelfAssessError
from selfassess.messages import t
from selfassess.reproducible import normalize_docx
from selfassess.resources import builtin_dir
from selfassess.workspace.settings import CONFIG_NAME

REGISTER_HEADERS = {
    "ky": [
        "Код",
        "Аталышы",
        "Файл",
        "Түрү",
        "Жооптуу бөлүм",
        "Күнү",
        "Жарактуу мөөнөтү",
        "Тили",
        "Критерийлер",
        "Эскертүү",
    ],
    "ru": [
        "Код",
        "Наименование",
        "Файл",
        "Вид",
        "Ответственное подразделение",
        "Дата",
        "Действует до",
        "Язык",
        "Критерии",
        "Примечание",
    ],
    "en": ["ID", "Title", "File", "Kind", "Owner", "Issued", "Valid until", "Language", "Criteria", "Note"],
}
SHEET_NAME = {"ky": "Реестр", "ru": "Реестр", "en": "Register"}

CONFIG_TEMPLATE = """\
# selfassess workspace settings. Every key is explained in docs/formats.md.
institution:
  ky: Университеттин толук аталышы
  ru: Полное наименование университета
  en: Full name of the university
institution_short: {{ky: УНИВ, ru: УНИВ, en: UNIV}}
ministry:
  ky: Кыргыз Республикасынын илим, жогорку билим жана инновациялар министрлиги
  ru: Министерство науки, высшего образования и инноваций Кыргызской Республики
  en: Ministry of Science, Higher Education and Innovation of the Kyrgyz Republic
language: {language}
frameworks: {frameworks}
freshness:
  expiring_within_days: 90
not_applicable: {{}}
owners: {{}}
"""


def available_frameworks() -> dict[str, Path]:
    """Return the built-in catalogues by framework id."""
    found = {}
    for path in sorted(builtin_dir("criteria").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[str(data["framework"]["id"])] = path
    return found


def create(folder: Path, frameworks: tuple[str, ...], language: str) -> list[str]:
    """Create the workspace files in `folder`; return what was written, relative to it."""
    catalogues = available_frameworks()
    chosen = list(frameworks) or list(catalogues)
    unknown = [f for f in chosen if f not in catalogues]
    if unknown:
        raise SelfAssessError(
            t(
                "no built-in framework '{framework}'; available: {names}",
                framework=unknown[0],
                names=", ".join(catalogues),
            )
        )
    targets = [CONFIG_NAME, "evidence/register.xlsx", ".gitignore", *(f"criteria/{catalogues[f].name}" for f in chosen)]
    templates = builtin_dir("templates")
    targets += [f"templates/{p.name}" for p in sorted(templates.glob("*.docx"))] if templates.is_dir() else []
    existing = [t for t in targets if (folder / t).exists()]
    if existing:
        raise SelfAssessError(
            t(
                "{folder} already has {files}; init never overwrites files: choose an empty folder "
                "(nothing was changed)",
                folder=folder,
                files=", ".join(existing[:3]) + (" …" if len(existing) > 3 else ""),
            )
        )
    written = []
    for fid in chosen:
        target = folder / "criteria" / catalogues[fid].name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(catalogues[fid], target)
        written.append(f"criteria/{target.name}")
    write_bytes(folder / "evidence" / "register.xlsx", empty_register(language))
    written.append("evidence/register.xlsx")
    templates = builtin_dir("templates")
    if templates.is_dir():
        for source in sorted(templates.glob("*.docx")):
            (folder / "templates").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / "templates" / source.name)
            written.append(f"templates/{source.name}")
    write_text(folder / ".gitignore", "build/\n~$*\n.~lock.*\n")
    write_text(
        folder / CONFIG_NAME, CONFIG_TEMPLATE.format(language=language, frameworks="[" + ", ".join(chosen) + "]")
    )
    written += [".gitignore", CONFIG_NAME]
    return written


def empty_register(language: str) -> bytes:
    """Return an Excel register with just the header row, in the document language."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME[language]
    sheet.append(REGISTER_HEADERS[language])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", (10, 50, 40, 16, 28, 12, 14, 8, 30, 30), strict=True):
        sheet.column_dimensions[column].width = width
    when = dt.datetime(2000, 1, 1)  # a blank register: the same bytes whenever it is made
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    book.save(buffer)
    return normalize_docx(buffer.getvalue(), when)
