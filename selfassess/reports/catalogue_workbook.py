"""A catalogue as a workbook, one row per criterion, that `selfassess catalogue import` reads back.

So an office can keep its catalogues in Excel: export, edit, import again (which says what changed).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from selfassess.atomic import write_bytes
from selfassess.models import Catalogue
from selfassess.reproducible import normalize_docx, source_date_epoch
from selfassess.sheets import cells

HEADERS = {
    "standard": {"ky": "Стандарт", "ru": "Стандарт", "en": "Standard"},
    "standard_title": {"ky": "Стандарттын аталышы", "ru": "Наименование стандарта", "en": "Standard title"},
    "criterion": {"ky": "Критерийдин №", "ru": "№ критерия", "en": "Criterion no"},
    "criterion_title": {"ky": "Критерийдин аталышы", "ru": "Наименование критерия", "en": "Criterion title"},
    "criterion_text": {"ky": "Критерийдин мазмуну", "ru": "Содержание критерия", "en": "Criterion text"},
    "evidence": {"ky": "Талап кылынган далилдер", "ru": "Требуемые доказательства", "en": "Required evidence"},
    "freshness": {"ky": "Мөөнөтү, ай", "ru": "Срок актуальности, мес", "en": "Max age, months"},
    "applicability": {"ky": "Эскертүү", "ru": "Примечание", "en": "Note"},
}


def export_catalogue(catalogue: Catalogue, lang: str, target: Path, when: dt.datetime) -> None:
    """Write the catalogue as a workbook, one row per criterion, that `catalogue import` reads back."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = {"ky": "Стандарттар", "ru": "Стандарты", "en": "Standards"}[lang]
    sheet.append(cells(sheet, [catalogue.framework.title.get(lang)]))
    roles = list(HEADERS)
    sheet.append([HEADERS[role][lang] for role in roles])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    kinds = catalogue.evidence_kinds
    for standard in catalogue.standards:
        for criterion in standard.criteria:
            evidence = []
            for code in criterion.evidence.kinds:
                kind = kinds.get(code)
                if kind is None:
                    evidence.append(code)  # a built-in kind by its code: imported back as that kind
                    continue
                name = getattr(kind, lang) or kind.ru or kind.ky or kind.en or code
                explanation = kind.description.get(lang) if kind.description else ""
                evidence.append(f"{name} ({explanation})" if explanation else name)
            values = {
                "standard": standard.id,
                "standard_title": standard.title.get(lang),
                "criterion": criterion.id,
                "criterion_title": criterion.title.get(lang),
                "criterion_text": criterion.description.get(lang) if criterion.description else "",
                "evidence": "; ".join(evidence),
                "freshness": criterion.evidence.max_age_months or "",
                "applicability": criterion.note.get(lang) if criterion.note else "",
            }
            sheet.append(cells(sheet, [values[role] for role in roles]))
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, and 2.10 stays the text 2.10
    for column, width in zip("ABCDEFGH", (10, 30, 10, 40, 60, 40, 12, 30), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes(target, normalize_docx(buffer.getvalue(), when))


def export_time(catalogue: Catalogue) -> dt.datetime:
    """Return the time a workbook records: SOURCE_DATE_EPOCH, else the catalogue's date (same bytes each time)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch.replace(tzinfo=None)
    return dt.datetime.combine(catalogue.framework.date or dt.date(2000, 1, 1), dt.time())
