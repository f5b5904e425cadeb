"""Building blocks of the generated Markdown: escaped text, and tables kept aside as Word XML."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selfassess import i18n
from selfassess.data.indicator_model import describe

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorResult

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Return plain text escaped for pandoc Markdown (register titles may hold * _ [ ] | …)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


class Tables:
    """Tables and figures of a generated text: each table a placeholder paragraph in the Markdown
    (the table kept aside as XML), each with its numbered caption in the document's language."""

    def __init__(self, lang: str = "en") -> None:
        from selfassess.word.tables import TableXml

        # Each table's XML is written when it is read: a report's render writes them while pandoc works.
        self.xml: dict[str, str] = TableXml()
        self.lang = lang
        self.figures = 0

    def add(
        self,
        header: list[str],
        rows: list[list[str]],
        widths: tuple[int, ...] | None = None,
        caption: str | None = None,
        keep_with_next: bool = False,
    ) -> list[str]:
        """Return the Markdown of a captioned table ("1-таблица. …" above it, kept with it)."""
        import functools

        from selfassess.word.tables import PLACEHOLDER, table_xml

        key = f"{PLACEHOLDER}{len(self.xml) + 1}"
        self.xml.add(key, functools.partial(table_xml, header, rows, widths, keep_with_next=keep_with_next))  # type: ignore[attr-defined]
        lines = [key, ""]
        if caption is not None:
            text = i18n.label("caption.table", self.lang, n=len(self.xml), title=caption)
            lines = [*styled("Table Caption", md(text)), *lines]
        return lines

    def figure(self, image: str, title: str) -> list[str]:
        """Return the Markdown of a picture in its own paragraph with its caption under it ("1-сүрөт. …")."""
        self.figures += 1
        # In angle brackets: the path may hold spaces or brackets (a workspace in "My Documents").
        picture = styled("Figure", f"![{md(title)}](<{image}>)")
        return [
            *picture,
            *styled("Image Caption", md(i18n.label("caption.figure", self.lang, n=self.figures, title=title))),
        ]


def styled(style: str, text: str) -> list[str]:
    """Return `text` as a paragraph of the document style `style` (the template defines it)."""
    return [f'::: {{custom-style="{style}"}}', text, ":::", ""]


def sources_table(
    results: list[IndicatorResult],
    lang: str,
    tables: Tables,
    documents: dict[str, tuple[str, str, object]] | None = None,
) -> list[str]:
    """Return the table of where each indicator's values came from, in words: the source document
    (its register title, else its file name), the unit that keeps it, its date, the rows used.

    `documents` maps a file's path under evidence/ to (title, owner, date) from the register.
    """
    from pathlib import PurePosixPath

    rows = []
    for result in results:
        for line in result.sources:
            rel = line.source.removeprefix("evidence/")
            title, owner, day = (documents or {}).get(rel, (PurePosixPath(rel).name, "", None))
            used = i18n.label("lineage_rows", lang, used=line.used, total=line.total)
            if line.left_out:
                used += "; " + i18n.label(
                    "lineage_left_out", lang, n=len(line.left_out), lines=", ".join(map(str, line.left_out[:10]))
                )
            kept = describe(line.condition, lang) if line.condition else ""
            rows.append(
                [
                    result.indicator.title.get(lang),
                    title + (f" [{line.sheet}]" if line.sheet else ""),
                    owner,
                    i18n.format_date(day, lang, "numeric") if day else "",  # type: ignore[arg-type]
                    f"{used} ({kept})" if kept else used,
                ]
            )
    header = [i18n.label(k, lang) for k in ("indicator", "source_document", "owner", "date", "rows_used")]
    return tables.add(header, rows, (2600, 3000, 1500, 1000, 1255), caption=i18n.label("data_sources", lang))


def source_documents(loaded: object) -> dict[str, tuple[str, str, object]]:
    """Return, for each file the register names, its title, owner and date (for the sources table)."""
    from selfassess.check.files import item_paths

    out: dict[str, tuple[str, str, object]] = {}
    for item, (rel, _) in zip(loaded.items, item_paths(loaded), strict=True):  # type: ignore[attr-defined]
        if rel:
            out.setdefault(rel, (item.title, item.owner or "", item.issued or item.snapshot))
    return out
