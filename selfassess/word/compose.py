"""A DOCX body put into a rendered template: docxcompose's merge, asked only where it has work.

docxcompose runs ten XPath queries on every top-level element of the body it merges (each
compiled anew), and looks the style of every paragraph up among all styles to decide whether a
numbered list restarts: 1.4 s for a report of 1,000 criteria. Here each question is asked once
of the whole body, and docxcompose's own steps run, in its order, only on the elements that
hold what they look for (its list numbering with indexes: numbering.py); the document comes out
the same.
"""

from __future__ import annotations

import contextlib
import functools
import random
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

BODY_MARKER = "SELFASSESS-BODY"

_NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
}
_W = f"{{{_NS['w']}}}"
# What each step of docxcompose looks for (its own queries): an element without any is left alone.
_WANTED = {
    "parts": ".//*[@r:id]",
    "styles": ".//w:tblStyle|.//w:pStyle|.//w:rStyle",
    "numbering": ".//w:numId",
    "images": "(.//a:blip|.//asvg:svgBlip)[@r:embed]",
    "diagrams": ".//dgm:relIds[@r:dm]",
    "shapes": ".//v:shape/v:imagedata",
    "footnotes": ".//w:footnoteReference",
    "headers": ".//w:headerReference|.//w:footerReference",
}


@functools.cache
def _query(path: str) -> Any:
    from lxml import etree

    return etree.XPath(path, namespaces=_NS)


def _holders(body: Any, children: list[Any]) -> dict[str, set[int]]:
    """Return, for each step, the positions of the top-level elements holding what it looks for."""
    position = {id(child): index for index, child in enumerate(children)}
    found: dict[str, set[int]] = {}
    for step, path in _WANTED.items():
        holders: set[int] = set()
        for node in _query(path)(body):
            parent = node.getparent()
            while parent is not None and parent is not body:
                node, parent = parent, parent.getparent()
            if id(node) in position:
                holders.add(position[id(node)])
        found[step] = holders
    return found


def _composer(document: Any) -> Any:
    from docxtpl.subdoc import SubdocComposer

    from selfassess.word.numbering import IndexedNumbering

    class FastComposer(IndexedNumbering, SubdocComposer):  # type: ignore[misc]
        """docxtpl's composer with each step skipped where it would find nothing to do."""

        known: set[str] | None = None
        holders: dict[str, set[int]]
        verdicts: dict[str, str]

        def attach_parts(self, doc: Any, remove_property_fields: bool = True) -> None:
            children = list(doc.element.body)  # held, so each element keeps its identity
            self.holders = _holders(doc.element.body, children)
            self.verdicts = {}
            self.position = {id(child): index for index, child in enumerate(children)}
            super().attach_parts(doc, remove_property_fields)

        def reset_reference_mapping(self) -> None:
            # Each part has lists numbered on their own, but a style's first list is restarted
            # once in the document, as when the body came in one part.
            restarted = getattr(self, "_numbering_restarted", set())
            super().reset_reference_mapping()
            self._numbering_restarted = restarted

        def _holds(self, step: str, element: Any) -> bool:
            index = self.position.get(id(element))
            return index is None or index in self.holders[step]

        def add_referenced_parts(self, src_part: Any, dst_part: Any, element: Any) -> None:
            if self._holds("parts", element):
                super().add_referenced_parts(src_part, dst_part, element)

        def add_styles(self, doc: Any, element: Any) -> None:
            # The template and the body share one style set: the styles are listed again only
            # when one is really added.
            if not self._holds("styles", element):
                return
            if self.known is None:
                self.known = {s.style_id for s in self.doc.styles}
            used = {e.get(f"{_W}val") for e in element.iterdescendants(f"{_W}tblStyle", f"{_W}pStyle", f"{_W}rStyle")}
            used.discard(None)
            if all(self.mapped_style_id(style) in self.known for style in used):
                return
            super().add_styles(doc, element)
            self.known = {s.style_id for s in self.doc.styles}

        def add_numberings(self, doc: Any, element: Any) -> None:
            if self._holds("numbering", element):
                super().add_numberings(doc, element)

        def restart_first_numbering(self, doc: Any, element: Any) -> None:
            if not self.restart_numbering:
                return
            style_id = next(
                (v for p in element.iterdescendants(f"{_W}pStyle") if (v := p.get(f"{_W}val")) is not None),
                None,
            )
            if style_id is None or style_id in self._numbering_restarted:
                return
            verdict = self.verdicts.get(style_id)
            if verdict is None:
                style = self.doc.styles.element.get_by_id(style_id)
                if style is None:
                    verdict = "ask"  # not cached: a style may yet be added
                else:
                    outline, numbered = _query(".//w:outlineLvl")(style), _query(".//w:numId/@w:val")(style)
                    verdict = "heading" if outline else "ask" if numbered else "plain"
                    self.verdicts[style_id] = verdict
            # docxcompose never restarts a heading, nor a paragraph numbered neither by its style nor itself.
            if verdict == "heading" or (verdict == "plain" and not self._holds("numbering", element)):
                return
            super().restart_first_numbering(doc, element)

        def add_images(self, doc: Any, element: Any) -> None:
            if self._holds("images", element):
                super().add_images(doc, element)

        def add_diagrams(self, doc: Any, element: Any) -> None:
            if self._holds("diagrams", element):
                super().add_diagrams(doc, element)

        def add_shapes(self, doc: Any, element: Any) -> None:
            if self._holds("shapes", element):
                super().add_shapes(doc, element)

        def add_footnotes(self, doc: Any, element: Any) -> None:
            if self._holds("footnotes", element):
                super().add_footnotes(doc, element)

        def remove_header_and_footer_references(self, doc: Any, element: Any) -> None:
            if self._holds("headers", element):
                super().remove_header_and_footer_references(doc, element)

    return FastComposer(document)


CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


@contextlib.contextmanager
def _docxcompose_prefixes() -> Iterator[None]:
    """Let docxcompose see 'cp' as the custom-properties namespace while it works, and only then.

    Importing docxcompose rebinds python-docx's global 'cp' prefix to custom properties
    (docxcompose issue 101); python-docx then writes lastModifiedBy, revision and version into
    the wrong namespace of docProps/core.xml, and Word reports unreadable content.
    """
    from docx.oxml.ns import nsmap

    nsmap["cp"] = CUSTOM_PROPERTIES
    try:
        yield
    finally:
        nsmap["cp"] = CORE_PROPERTIES


def insert_bodies(document: Any, bodies: Iterable[Path], prepare: Callable[[Any, int], None] | None = None) -> None:
    """Put the body DOCX files, one after another, where the template's {{p body}} placeholder stands
    (each first given to `prepare` with its number)."""
    from docx import Document
    from docx.oxml.ns import qn

    container = document.element.body
    w_t = qn("w:t")
    marker = next(
        (e for e in container if e.tag == qn("w:p") and "".join(t.text or "" for t in e.iter(w_t)) == BODY_MARKER),
        None,
    )
    if marker is None:
        return
    # docxcompose numbers lists with random ids; seed it so the output repeats exactly.
    random.seed(0)
    composer = _composer(document)
    count = 0
    for body in bodies:
        part = Document(str(body))
        if prepare is not None:
            prepare(part, count)
        # attach_parts rewires the body's styles, lists, notes and links to the document in place
        # (no copy of each element, unlike Composer.insert); then the elements move over.
        with _docxcompose_prefixes():
            composer.attach_parts(part)
        for element in list(part.element.body):
            if element.tag != qn("w:sectPr"):
                marker.addprevious(element)
        count += 1
    if count > 1:
        # Each part numbers its bookmarks and pictures from 1: numbered again, once all are in.
        composer.renumber_bookmarks()
        composer.renumber_docpr_ids()
        composer.renumber_nvpicpr_ids()
    container.remove(marker)
