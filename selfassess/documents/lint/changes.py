"""The change-registration sheet: rows numbered in order, dates ascending and not in the future,
order references well formed (№ and a date), "total pages" equal to the page count."""

from __future__ import annotations

import re
from collections.abc import Iterator

from selfassess.documents.lint.context import LintContext
from selfassess.documents.lint.dates import find_dates
from selfassess.errors import Location, Severity
from selfassess.messages import t

_PAGES = re.compile(
    r"барак\w*\s+сан|бет\w*\s+сан|количество\s+(?:листов|страниц)|всего\s+листов|total\s+pages|pages", re.I
)
_ORDER = re.compile(r"№\s*\d+")


def check(ctx: LintContext) -> Iterator[tuple[str, Severity, Location, str, str | None]]:
    sheet = ctx.structure.table_after("changes")
    if sheet is None:
        return
    rows = [(i, row) for i, row in enumerate(sheet.rows, start=1) if any(cell.strip() for cell in row)]
    data = [(i, row) for i, row in rows if row and row[0].strip().rstrip(".").isdigit()]
    header = next((row for _, row in rows if row and not row[0].strip().rstrip(".").isdigit()), [])
    pages_column = next((c for c, text in enumerate(header) if _PAGES.search(text)), None)

    def at(row: int, column: int = 1) -> Location:
        place = t(
            "change sheet (table {table}), row {row}, column {column}", table=sheet.number, row=row, column=column
        )
        return ctx.at(None, place)

    expected = 1
    last_date = None
    for number, row in data:
        written = int(row[0].strip().rstrip("."))
        if written != expected:
            yield (
                "change-number-order",
                Severity.error,
                at(number),
                t("change {number} is where change {expected} should be", number=written, expected=expected),
                t("number the changes 1, 2, 3 … in the order they were made"),
            )
        expected = written + 1
        dates = [d for cell in row[1:] for d in find_dates(cell)]
        for date in dates:
            if date.value and date.value > ctx.today:
                yield (
                    "change-date-future",
                    Severity.error,
                    at(number),
                    t("change {number} is dated {date}, after today", number=written, date=date.written),
                    t("a change is registered when it is made: correct the date"),
                )
        # The day the change was entered is the rightmost date of the row (its own column).
        entered = next((d.value for d in reversed(dates) if d.value), None)
        if entered and last_date and entered < last_date:
            yield (
                "change-date-order",
                Severity.error,
                at(number),
                t(
                    "change {number} ({date}) is dated before the change above it ({previous})",
                    number=written,
                    date=f"{entered:%d.%m.%Y}",
                    previous=f"{last_date:%d.%m.%Y}",
                ),
                t("changes are registered in order: check the dates or the order of the rows"),
            )
        last_date = entered or last_date
        order = row[1].strip() if len(row) > 1 else ""
        if order and not (_ORDER.search(order) and find_dates(order)):
            yield (
                "change-order-reference",
                Severity.warning,
                at(number, 2),
                t(
                    "change {number} cites its order as «{order}», without a number (№) and a date",
                    number=written,
                    order=order[:60],
                ),
                t("write the order as «№ 12, 01.02.2026»"),
            )
        if pages_column is not None and ctx.document.pages and len(row) > pages_column:
            cell = row[pages_column].strip()
            if cell.isdigit() and int(cell) != ctx.document.pages:
                yield (
                    "change-total-pages",
                    Severity.warning,
                    at(number, pages_column + 1),
                    t(
                        "change {number} gives {pages} pages; the document has {total}",
                        number=written,
                        pages=cell,
                        total=ctx.document.pages,
                    ),
                    t("write the document's page count after the change"),
                )
