"""Narratives: the university's own text per criterion, with SWOT, actions and citations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from selfassess.errors import Finding, Location, error
from selfassess.textnorm import safe_name
from selfassess.workspace.yamlfile import read_yaml_text, validate

NARRATIVES_DIR = "narratives"
# A citation is an evidence id in square brackets, [E-012], and not a Markdown link [text](url).
CITATION = re.compile(r"\[([A-Za-zА-Яа-яЁё]{1,6}-[0-9][\w.-]*)\](?!\()")
_FRONT = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    action: str
    responsible: str = ""
    deadline: dt.date | None = None


class FrontMatter(BaseModel):
    """The structured part of a narrative: SWOT and the improvement actions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    opportunities: tuple[str, ...] = ()
    threats: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass
class Citation:
    evidence: str
    line: int


@dataclass
class Narrative:
    """One narrative file: its text (without front matter) and what it cites."""

    path: Path
    shown: str
    text: str
    body_line: int
    front: FrontMatter = field(default_factory=FrontMatter)
    citations: list[Citation] = field(default_factory=list)


def read_narrative(path: Path, shown: str) -> tuple[Narrative | None, list[Finding]]:
    """Return the narrative in `path` with its citations, or the problems found."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [error("encoding", Location(shown), "the file is not UTF-8 text", "save it as UTF-8")]
    findings: list[Finding] = []
    front = FrontMatter()
    body, body_line = raw, 1
    match = _FRONT.match(raw)
    if match:
        data, problems = read_yaml_text(match.group(1), shown, first_line=2)
        findings.extend(problems)
        if data is not None:
            parsed, problems = validate(data, FrontMatter, shown)
            findings.extend(problems)
            front = parsed or front
        body = raw[match.end() :]
        body_line = raw[: match.end()].count("\n") + 1
    narrative = Narrative(path, shown, body, body_line, front)
    for number, line in enumerate(body.splitlines(), start=body_line):
        narrative.citations += [Citation(m.group(1), number) for m in CITATION.finditer(line)]
    return narrative, findings


@dataclass
class FrameworkNarratives:
    """Every narrative of one framework, keyed by criterion id (and _introduction, …)."""

    folder: Path
    by_name: dict[str, Narrative] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def get(self, name: str) -> Narrative | None:
        return self.by_name.get(name)


def load_narratives(root: Path, framework: str, programme: str | None = None) -> FrameworkNarratives:
    """Return the narratives under narratives/<framework>/ (or its programme sub-folder)."""
    folder = root / NARRATIVES_DIR / framework
    if programme:
        folder = folder / safe_name(programme)
    out = FrameworkNarratives(folder)
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.md")):
        shown = path.relative_to(root).as_posix()
        narrative, findings = read_narrative(path, shown)
        out.findings.extend(findings)
        if narrative is not None:
            out.by_name[path.stem] = narrative
    return out
