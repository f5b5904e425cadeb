"""What every lint rule is given: the document, its parts, the day, the names the workspace knows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from selfassess.documents.lint.structure import Structure
from selfassess.errors import Location, Severity
from selfassess.word.reader import Block, DocxText


@dataclass
class LintContext:
    """What a rule needs: the document, its parts, the day, the names the workspace knows."""

    document: DocxText
    structure: Structure
    shown: str
    today: dt.date
    names: Mapping[str, str] = field(default_factory=dict)  # abbreviation → full name (selfassess.yaml)

    def at(self, block: Block | None, where: str | None = None) -> Location:
        """Return the finding's location: the file and the block's place."""
        if where is None and block is not None and block.line is not None:
            return Location(self.shown, block.line)
        return Location(self.shown, place=where or (block.place() if block else None))


Rule = Callable[[LintContext], Iterable[tuple[str, Severity, Location, str, str | None]]]
