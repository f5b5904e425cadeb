"""Bulleted lists as the university's documents write them: each item led by an en dash «–»."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

DASH = "–"


def dash_bullets(document: Any) -> int:
    """Make every bulleted list level use «–» in the text font (pandoc writes •, ◦ and ▪); return how many."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return 0  # no lists in the document
    changed = 0
    for level in numbering.iter(qn("w:lvl")):
        fmt = level.find(qn("w:numFmt"))
        if fmt is None or fmt.get(qn("w:val")) != "bullet":
            continue
        text = level.find(qn("w:lvlText"))
        if text is not None:
            text.set(qn("w:val"), DASH)
        rpr = level.find(qn("w:rPr"))
        if rpr is not None:
            # A symbol font (Symbol, Wingdings) would draw the dash as something else.
            for fonts in rpr.findall(qn("w:rFonts")):
                rpr.remove(fonts)
        changed += 1
    return changed
