"""Which page each paragraph of a DOCX falls on, from a LibreOffice rendering.

A reviewer says "page 4"; only a layout knows pages. The DOCX is rendered to a PDF in a
temporary folder (never beside the user's file), each page's text is extracted, and the
paragraphs are matched to pages in reading order.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from selfassess.errors import SelfAssessError
from selfassess.messages import t
from selfassess.textnorm import fold
from selfassess.word.pdf import TIMEOUT, libreoffice
from selfassess.word.reader import DocxText


def render_pages(path: Path) -> list[str]:
    """Return the text of each page of the DOCX as LibreOffice lays it out."""
    with libreoffice("selfassess-lint-") as (to_pdf, work):
        source = Path(work) / "document.docx"  # a plain name: LibreOffice and any path agree
        shutil.copyfile(path, source)
        command = to_pdf([source])
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)  # noqa: S603
        except subprocess.TimeoutExpired as exc:
            raise SelfAssessError(
                t("LibreOffice did not lay out {name} within {TIMEOUT} s", name=path.name, TIMEOUT=TIMEOUT)
            ) from exc
        pdf = Path(work) / "document.pdf"
        if not pdf.is_file():
            raise SelfAssessError(
                t("LibreOffice could not lay out {name}; run without pages (--no-pages)", name=path.name)
            )
        return page_texts(pdf.read_bytes())


def page_texts(pdf: bytes) -> list[str]:
    """Return each page's text."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def assign_pages(document: DocxText, pages: list[str]) -> None:
    """Set each block's page: the first page, from the previous block's on, that holds its start.

    Headers repeat on every page and are not blocks, so they do not mislead the match;
    a block whose text is not found keeps the page of the block before it.
    """
    folded = [fold(text).replace(" ", "") for text in pages]
    document.pages = len(pages)
    page, offset = 0, 0
    for block in document.blocks:
        key = fold(block.text).replace(" ", "")[:40]
        if len(key) >= 4:  # a short text ("1", "Башчы") is found anywhere: it keeps the page before
            # Searched from where the block before was found: a heading also quoted by the contents
            # above it on the same page is the heading's own text further down, or on a later page.
            for candidate in range(page, len(folded)):
                start = offset if candidate == page else 0
                found = folded[candidate].find(key, start)
                if found >= 0:
                    page, offset = candidate, found + len(key)
                    break
        block.page = page + 1 if pages else None
