"""Word fields (PAGE, NUMPAGES, PAGEREF) and bookmarks as raw WordprocessingML.

python-docx has no field API; a field is a run sequence begin → instruction → separate →
cached result → end. Word and LibreOffice recompute the result when they lay out the page.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def _fld_char(kind: str) -> OxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def add_field(paragraph: Paragraph, instruction: str, cached: str = "1") -> None:
    """Append a complex field with `instruction` (e.g. 'PAGE') and a cached result."""
    run = paragraph.add_run()
    run._r.append(_fld_char("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(_fld_char("separate"))
    paragraph.add_run(cached)
    run = paragraph.add_run()
    run._r.append(_fld_char("end"))


def add_bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    """Wrap the paragraph's content in a bookmark called `name`."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)
