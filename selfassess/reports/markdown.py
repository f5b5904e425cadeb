"""Building blocks of the generated Markdown: escaped text, and tables kept aside as Word XML."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selfassess import i18n

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorResult

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Return plain text escaped for pandoc Markdown (register titles may hold * _ [ ] | …)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


class Tables:
    """Tables of a generated text: a placeholder paragraph in the Markdown, the table as XML."""

    def __init__(self) -> None:
        self.xml: dict[str, str] = {}

    def add(self, header: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> list[str]:
        from selfassess.word.tables import PLACEHOLDER, table_xml

        key = f"{PLACEHOLDER}{len(self.xml) + 1}"
        self.xml[key] = table_xml(header, rows, widths)
        return [key, ""]


def sources_table(results: list[IndicatorResult], lang: str, tables: Tables) -> list[str]:
    """Return the table of where each indicator's values came from (its lineage), in `lang`."""
    rows = [[r.indicator.id, line] for r in results for line in r.lineage_in(lang)]
    return tables.add([i18n.label("indicator", lang), i18n.label("data_sources", lang)], rows, (1500, 7855))
