"""docxcompose's merge of list numbering, with what it looks up kept in indexes.

For every list paragraph it merges, docxcompose reads the id of every list definition the
document has so far (to find the next free id) and searches the body's definitions for the
one the paragraph uses: 2,000 list items (a report whose 1,000 criteria each hold a list)
took it 3 s, growing with the square of the count. Here the next ids, the place where a
definition goes and the body's definitions by id are kept as they change; each step does what
docxcompose does, in its order, so the document comes out the same.
"""

from __future__ import annotations

import random
from copy import deepcopy
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class IndexedNumbering:
    """Mixed into a docxcompose Composer: its numbering steps with indexes instead of searches."""

    doc: Any
    num_id_mapping: dict[int, int]
    anum_id_mapping: dict[int, int]
    numbering_part: Any  # docxcompose's method: the document's numbering part, made when missing

    def _numbering_index(self) -> dict[str, Any]:
        """Return the next free ids and the first and last <w:num> of the document's numbering."""
        part = self.numbering_part()
        index = getattr(self, "_indexed", None)
        if index is None or index["element"] is not part.element:
            nums = part.element.findall(f"{_W}num")
            anums = part.element.findall(f"{_W}abstractNum")
            index = {
                "element": part.element,
                "num": max((int(n.get(f"{_W}numId")) for n in nums), default=0) + 1,
                "anum": max((int(a.get(f"{_W}abstractNumId")) for a in anums), default=-1) + 1,
                "first": nums[0] if nums else None,
                "last": nums[-1] if nums else None,
                "nums": {},
                "anums": {},
            }
            for num in nums:
                _record(index["nums"], num.get(f"{_W}numId"), num)
            for anum in anums:
                _record(index["anums"], anum.get(f"{_W}abstractNumId"), anum)
            self._indexed = index
        return index

    def _next_numbering_ids(self) -> tuple[int, int]:
        index = self._numbering_index()
        return index["num"], index["anum"]

    def _insert_num(self, element: Any) -> None:
        # docxcompose puts a new <w:num> just before the last one (or at the end when there is none).
        index = self._numbering_index()
        if index["last"] is None:
            index["element"].append(element)
            index["first"] = index["last"] = element
        else:
            index["last"].addprevious(element)
            if index["first"] is index["last"]:
                index["first"] = element
        index["num"] = max(index["num"], int(element.get(f"{_W}numId")) + 1)
        _record(index["nums"], element.get(f"{_W}numId"), element)

    def _insert_abstract_num(self, element: Any) -> None:
        # … and a new <w:abstractNum> just before the first <w:num> (or first of all).
        index = self._numbering_index()
        if index["first"] is None:
            index["element"].insert(0, element)
        else:
            index["first"].addprevious(element)
        index["anum"] = max(index["anum"], int(element.get(f"{_W}abstractNumId")) + 1)
        _record(index["anums"], element.get(f"{_W}abstractNumId"), element)

    def restart_first_numbering(self, doc: Any, element: Any) -> None:
        # docxcompose restarts the first numbered list of each style, but looks a bulleted one up
        # again at every item (it is never marked done): those are answered here.
        if not self._bulleted(element):
            super().restart_first_numbering(doc, element)  # type: ignore[misc]

    def _bulleted(self, element: Any) -> bool:
        """Return True when docxcompose would leave `element` alone as an item of a bulleted list."""
        style_id = next((v for p in element.iter(f"{_W}pStyle") if (v := p.get(f"{_W}val")) is not None), None)
        style = self.doc.styles.element.get_by_id(style_id) if style_id is not None else None
        if style is None:
            return False
        own = [n.get(f"{_W}val") for pr in element.iter(f"{_W}numPr") for n in pr.findall(f"{_W}numId")]
        num_id = own[0] if own else next((n.get(f"{_W}val") for n in style.iter(f"{_W}numId")), None)
        index = self._numbering_index()
        num = index["nums"].get(num_id) if num_id is not None else None
        if num is None:
            return False
        anum_id = next((a.get(f"{_W}val") for a in num.iter(f"{_W}abstractNumId")), None)
        anum = index["anums"].get(anum_id) if anum_id is not None else None
        if anum is None:
            return False
        formats = anum.xpath('.//w:lvl[@w:ilvl="0"]/w:numFmt/@w:val', namespaces={"w": _W[1:-1]})
        return bool(formats) and formats[0] == "bullet"

    def _source_definitions(self, doc: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        """Return the merged body's <w:num> and <w:abstractNum> by id (the first of each id)."""
        cached = getattr(self, "_source", None)
        if cached is not None and cached[0] is doc:
            return cached[1], cached[2]
        element = doc.part.numbering_part.element
        nums: dict[str, Any] = {}
        anums: dict[str, Any] = {}
        for node in element.iter(f"{_W}num", f"{_W}abstractNum"):
            if node.tag == f"{_W}num":
                nums.setdefault(node.get(f"{_W}numId"), node)
            else:
                anums.setdefault(node.get(f"{_W}abstractNumId"), node)
        self._source = (doc, nums, anums)
        return nums, anums

    def add_numberings(self, doc: Any, element: Any) -> None:
        """Add the body's list definitions that `element` uses; point its references at them."""
        references = list(element.iter(f"{_W}numId"))
        num_ids = {int(n.get(f"{_W}val")) for n in references}
        if not num_ids:
            return
        next_num_id, next_anum_id = self._next_numbering_ids()
        nums, anums = self._source_definitions(doc)
        for num_id in num_ids:
            if num_id in self.num_id_mapping:
                continue
            found = nums.get(str(num_id))
            if found is None:
                continue
            num_element = deepcopy(found)
            num_element.set(f"{_W}numId", str(next_num_id))
            self.num_id_mapping[num_id] = next_num_id
            anum_id = next(num_element.iter(f"{_W}abstractNumId"))
            source_anum = int(anum_id.get(f"{_W}val"))
            if source_anum not in self.anum_id_mapping:
                abstract = anums.get(str(source_anum))
                if abstract is None:
                    continue
                anum_element = deepcopy(abstract)
                self.anum_id_mapping[source_anum] = next_anum_id
                anum_id.set(f"{_W}val", str(next_anum_id))
                anum_element.set(f"{_W}abstractNumId", str(next_anum_id))
                nsid = anum_element.find(f".//{_W}nsid")
                if nsid is not None:
                    # A new nsid makes the list restart; seeded by the caller, so it repeats exactly.
                    nsid.set(f"{_W}val", f"{int(10**8 * random.random()):08X}")  # noqa: S311
                self._insert_abstract_num(anum_element)
            else:
                anum_id.set(f"{_W}val", str(self.anum_id_mapping[source_anum]))
            self._insert_num(num_element)
        for reference in references:
            value = int(reference.get(f"{_W}val"))
            reference.set(f"{_W}val", str(self.num_id_mapping.get(value, value)))


def _record(index: dict[str | None, Any], key: str | None, element: Any) -> None:
    """Index `element` under `key`; an id held twice is left to docxcompose's own search."""
    index[key] = None if key in index else element
