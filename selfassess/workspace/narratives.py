"""Narratives: the university's own text per criterion, with SWOT, actions and citations.

Offices cite evidence the way they write: `[Д-012]`, «(см. Д-012)», «см. Д-015 и Д-016»,
«Д-009, Д-010». A citation is any token shaped like the register's ids (their prefix and a
number, or `citation_pattern` in selfassess.yaml), in brackets or not.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from selfassess.errors import Finding, Location, error, warning
from selfassess.messages import t
from selfassess.sheets import CONTROL, clean
from selfassess.textnorm import safe_name
from selfassess.workspace.loader import is_junk
from selfassess.workspace.paths import refused
from selfassess.workspace.yamlfile import read_yaml_text, validate

NARRATIVES_DIR = "narratives"
# An id in square brackets looks like a citation even when the register does not have it
# ([E-033] for E-033): such a token is reported, never printed as it is.
_BRACKETED_SHAPE = r"[A-Za-zА-Яа-яЁёӨөҮүҢң]{1,6}-[0-9][\w.-]*"
_SEPARATOR = r"(?:\s*[,;]\s*|\s+(?:и|жана|and)\s+)"
_FRONT = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
# Words a writer leaves for later: never to reach the rector.
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?(?:[\s_]+.*)?$")
_DECIMAL_COMMA = re.compile(r"^(\d+,\d+)(?:[\s_]+.*)?$")  # «1,9» as a Russian keyboard writes 1.9
_LABELLED = re.compile(r"^(?:критерий|критерийи|criterion|crit)\.?[\s_]+(?=\d)", re.I)
# Texts written in other formats: read only as Markdown (.md); said, not skipped in silence.
OTHER_FORMATS = (".docx", ".doc", ".txt", ".odt", ".rtf", ".pdf")


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


class CitationStyle:
    """How this workspace's texts cite evidence: the register's id shapes, in brackets or not."""

    def __init__(self, ids: Iterable[str] = (), pattern: str | None = None) -> None:
        self.ids = set(ids)
        if pattern:
            token = f"(?:{pattern})"
        else:
            prefixes = sorted({m.group(1) for i in self.ids if (m := re.match(r"^(\D+?)(?=\d)", i))}, key=len)
            alternatives = "|".join(re.escape(p) for p in reversed(prefixes))
            token = f"(?:{alternatives})" + r"\d+(?:[./-]\d+)*" if prefixes else ""
        bare = rf"(?<![\w/-]){token}(?![\w])" if token else r"(?!x)x"
        one = f"(?:{token}|{_BRACKETED_SHAPE})" if token else _BRACKETED_SHAPE
        # A bracket holding only citations and separators ([E-1], [E-1, E-2]); never a link [text](url).
        self._bracket = re.compile(rf"\[({one}(?:{_SEPARATOR}{one})*)\](?!\()")
        self._token = re.compile(bare)
        self._one = re.compile(one)

    def citations(self, line: str) -> list[str]:
        """Return the ids a line cites, in order."""
        found: list[tuple[int, str]] = []
        taken: list[tuple[int, int]] = []
        for match in self._bracket.finditer(line):
            taken.append(match.span())
            found += [(match.start() + m.start(), m.group(0)) for m in self._one.finditer(match.group(1))]
        starts = [a for a, _ in taken]  # brackets come in order and never overlap
        for match in self._token.finditer(line):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i < 0 or match.start() >= taken[i][1]:
                found.append((match.start(), match.group(0)))
        return [ident for _, ident in sorted(found)]

    def render(self, text: str, shown: Callable[[str], str | None]) -> str:
        """Return `text` with each citation replaced by `shown(id)` (None leaves it as written).

        A bracket of citations becomes a parenthesis: [E-1, E-2] → (Annex 1, Annex 2).
        """

        def bracket(match: re.Match[str]) -> str:
            inner = match.group(1)
            parts = [shown(m.group(0)) for m in self._one.finditer(inner)]
            if any(p is None for p in parts):
                return match.group(0)
            return "(" + ", ".join(p for p in parts if p) + ")"

        def bare(match: re.Match[str]) -> str:
            return shown(match.group(0)) or match.group(0)

        out = []
        last = 0
        for match in self._bracket.finditer(text):
            out.append(self._token.sub(bare, text[last : match.start()]))
            out.append(bracket(match))
            last = match.end()
        out.append(self._token.sub(bare, text[last:]))
        return "".join(out)


@dataclass
class Narrative:
    """One narrative file: its text (without front matter) and what it cites."""

    path: Path
    shown: str
    text: str
    body_line: int
    front: FrontMatter = field(default_factory=FrontMatter)
    citations: list[Citation] = field(default_factory=list)

    def lines(self) -> Iterable[tuple[int, str]]:
        """Return the body's lines with their line numbers in the file."""
        return enumerate(self.text.splitlines(), start=self.body_line)

    @property
    def written(self) -> bool:
        """Return True when the file holds text: an empty file (made to be filled in) is no narrative."""
        return bool(self.text.strip())


def read_narrative(
    path: Path, shown: str, style: CitationStyle | None = None
) -> tuple[Narrative | None, list[Finding]]:
    """Return the narrative in `path` with its citations, or the problems found."""
    from selfassess.workspace.spreadsheet import decode_text, read_as_cp1251

    data = path.read_bytes()
    findings: list[Finding] = []
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Word's and Notepad's "plain text" on a Russian Windows is Windows-1251 (or UTF-16).
        raw, encoding = decode_text(data)
        if encoding == "latin-1":
            return None, [error("encoding", Location(shown), t("the file is not UTF-8 text"), t("save it as UTF-8"))]
        if encoding == "cp1251":
            findings.append(read_as_cp1251(shown, t("save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8)")))
    raw = raw.replace("\r\n", "\n")  # saved on Windows: the lines are the same
    stray = CONTROL.search(raw)
    if stray:
        line = raw[: stray.start()].count("\n") + 1
        raw = clean(raw)
        findings.append(
            warning(
                "control-characters",
                Location(shown, line),
                t("the text held invisible control characters (from a copy and paste); they were removed"),
                t("check the text around this line"),
            )
        )
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
    style = style or CitationStyle()
    for number, line in narrative.lines():
        narrative.citations += [Citation(ident, number) for ident in style.citations(line)]
    return narrative, findings


@dataclass
class FrameworkNarratives:
    """Every narrative of one framework, keyed by criterion id (and _introduction, …)."""

    folder: Path
    by_name: dict[str, Narrative] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    style: CitationStyle = field(default_factory=CitationStyle)
    shared: Path | None = None  # the framework's folder, when `folder` is a programme's own

    def get(self, name: str) -> Narrative | None:
        return self.by_name.get(name)


def narrative_key(stem: str) -> str:
    """Return the criterion a narrative file is for: its name, or the number it starts with
    («1.2 Участие заинтересованных сторон» → 1.2, «Критерий 1.5» → 1.5, «1,9» → 1.9)."""
    if stem.startswith("_"):
        return stem
    name = stem.strip()
    labelled = _LABELLED.match(name)
    if labelled:
        name = name[labelled.end() :]
    match = _NUMBERED.match(name) or _DECIMAL_COMMA.match(name)
    return match.group(1).replace(",", ".") if match else stem


def narratives_folder(root: Path, framework: str, programme: str | None = None) -> Path:
    """Return the folder of the narratives of `framework` (of one programme's own texts)."""
    shared = root / NARRATIVES_DIR / framework
    return shared / safe_name(programme) if programme else shared


def load_narratives(
    root: Path, framework: str, programme: str | None = None, style: CitationStyle | None = None
) -> FrameworkNarratives:
    """Return the narratives under narratives/<framework>/; a programme's own folder, where it
    has one, replaces the shared text file by file."""
    shared = root / NARRATIVES_DIR / framework
    folder = narratives_folder(root, framework, programme)
    out = FrameworkNarratives(folder, style=style or CitationStyle(), shared=shared if programme else None)
    for source in [shared, folder] if programme else [folder]:
        if not source.is_dir():
            continue
        names: dict[str, str] = {}
        out.findings += _other_formats(root, source)
        for path in sorted(source.glob("*.md")):
            shown = path.relative_to(root).as_posix()
            problem = refused(path, shown, root) or _too_large(path, shown)
            if problem is not None:
                out.findings.append(problem)
                continue
            key = narrative_key(path.stem)
            if key in names:
                out.findings.append(
                    error(
                        "duplicate-narrative",
                        Location(shown),
                        t(
                            "{file} and {other} are both the text of {criterion}",
                            file=path.name,
                            other=names[key],
                            criterion=key,
                        ),
                        t("keep one file per criterion"),
                    )
                )
                continue
            names[key] = path.name
            narrative, findings = read_narrative(path, shown, out.style)
            out.findings.extend(findings)
            if narrative is not None:
                out.by_name[key] = narrative
    return out


def _other_formats(root: Path, folder: Path) -> list[Finding]:
    """Return a warning for each text in the folder that is not Markdown (a Word file, a .txt)."""
    findings = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in OTHER_FORMATS or is_junk(path.name):
            continue
        hint = (
            t("rename it to {name}", name=path.stem + ".md")
            if path.suffix.lower() == ".txt"
            else t(
                "copy its text into a Markdown file named {name} (Notepad: Save as → Encoding: UTF-8)",
                name=path.stem + ".md",
            )
        )
        findings.append(
            warning(
                "narrative-not-markdown",
                Location(path.relative_to(root).as_posix()),
                t("{file} is not read: the self-assessment texts are Markdown files (.md)", file=path.name),
                hint,
            )
        )
    return findings


MAX_NARRATIVE_BYTES = 2 * 1024 * 1024  # a criterion's text is a few pages; 2 MB is a book


def _too_large(path: Path, shown: str) -> Finding | None:
    size = path.stat().st_size
    if size <= MAX_NARRATIVE_BYTES:
        return None
    return error(
        "too-large",
        Location(shown),
        t(
            "the text is {size} MB; a criterion's narrative is at most {limit} MB",
            size=size // 1024 // 1024,
            limit=MAX_NARRATIVE_BYTES // 1024 // 1024,
        ),
        t("keep the text to the criterion; put long documents in the register as evidence"),
    )
