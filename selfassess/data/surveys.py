"""Surveys: Likert items per item and block, with confidence intervals, by group, small cells hidden."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from selfassess.data.sources import ColumnSpec, SourceSpec, read_source
from selfassess.errors import Finding, Location, warning
from selfassess.models import Text
from selfassess.textnorm import fold
from selfassess.workspace.paths import as_on_disk
from selfassess.workspace.yamlfile import LineList, line_of, read_yaml, validate

SURVEYS_FILE = "surveys.yaml"


class SurveySpec(BaseModel):
    """One survey export declared in indicators/surveys.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: Text
    group: str  # respondent group: students, teachers, graduates, employers, …
    file: str
    sheet: str | None = None
    items: tuple[str, ...]  # the item columns (their codes, e.g. S01)
    item_texts_sheet: str | None = None  # a sheet with code | text, for the report
    scale: int = Field(5, ge=2, le=11)
    invited: int | None = Field(None, ge=1)
    by: tuple[str, ...] = ()  # columns to break results down by (faculty, programme, …)
    blocks: dict[str, tuple[str, ...]] = {}
    block_titles: dict[str, Text] = {}  # a block's name in the report (default: its key)
    open: tuple[str, ...] = ()  # columns with free-text answers
    min_n: int = Field(10, ge=1)  # smaller cells are suppressed (privacy, ISO 21001 8.5.5)


@dataclass
class Stats:
    """Likert statistics of one item or block in one cell (overall or a group)."""

    n: int
    mean: float | None = None
    ci95: float | None = None
    top2: float | None = None
    index: float | None = None
    distribution: dict[int, int] = field(default_factory=dict)
    suppressed: bool = False


@dataclass
class SurveyResult:
    spec: SurveySpec
    where: Location
    respondents: int = 0
    response_rate: float | None = None
    items: dict[str, Stats] = field(default_factory=dict)
    blocks: dict[str, Stats] = field(default_factory=dict)
    by: dict[str, dict[str, dict[str, Stats]]] = field(default_factory=dict)  # column → group → item/block → stats
    item_texts: dict[str, str] = field(default_factory=dict)
    open_answers: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def likert(values: Any, scale: int, min_n: int = 1, respondents: int | None = None) -> Stats:
    """Return n, mean with its 95 % confidence half-width, top-2-box %, index 0–100, distribution.

    A cell is hidden when fewer than `min_n` people answered (`respondents`, else n answers).
    """
    valid = values.dropna()
    n = len(valid)
    people = n if respondents is None else respondents
    if people < min_n:
        return Stats(n=n, suppressed=True)
    if n == 0:
        return Stats(n=0)
    mean = float(valid.mean())
    sd = float(valid.std(ddof=1)) if n > 1 else 0.0
    counts = valid.astype(int).value_counts()
    return Stats(
        n=n,
        mean=round(mean, 2),
        ci95=round(1.96 * sd / math.sqrt(n), 2),
        top2=round(100 * float((valid >= scale - 1).mean()), 1),
        index=round(100 * (mean - 1) / (scale - 1), 1),
        distribution={k: int(counts.get(k, 0)) for k in range(1, scale + 1)},
    )


def analyse(evidence_dir: Path, spec: SurveySpec, where: Location) -> SurveyResult:
    """Return the survey's statistics; answers outside the scale are reported and left out."""
    result = SurveyResult(spec, where)
    columns = {f"by:{c}": ColumnSpec(names=(c,)) for c in spec.by}
    columns |= {item: ColumnSpec(names=(item,), type="number") for item in spec.items}
    columns |= {f"open:{c}": ColumnSpec(names=(c,), required=False) for c in spec.open}
    source = read_source(evidence_dir, SourceSpec(id=spec.id, file=spec.file, sheet=spec.sheet, columns=columns))
    result.findings += source.findings
    frame = source.frame
    if frame.empty:
        return result
    for item in spec.items:
        values = frame[item]
        outside = values.notna() & ((values < 1) | (values > spec.scale) | (values % 1 != 0))
        for index in outside[outside].index[:20]:
            result.findings.append(
                warning(
                    "bad-value",
                    source.location(int(source.rows[index])),
                    f"{item}: the answer {values[index]:g} is outside the scale 1–{spec.scale}; it is left out",
                )
            )
        frame[item] = values.where(~outside)
    answered = frame[list(spec.items)].notna().any(axis=1)
    result.respondents = int(answered.sum())
    if spec.invited:
        result.response_rate = round(100 * result.respondents / spec.invited, 1)
        if result.respondents > spec.invited:
            message = f"{result.respondents} people answered but only {spec.invited} were invited"
            result.findings.append(warning("response-rate", where, message, "check 'invited' in surveys.yaml"))
    for block, members in spec.blocks.items():
        for member in members:
            if member not in spec.items:
                result.findings.append(
                    warning("unknown-item", where, f"block '{block}' names '{member}', which is not among the items")
                )
    everyone = result.respondents
    for item in spec.items:
        result.items[item] = likert(frame[item], spec.scale, spec.min_n, everyone)
    for block, members in spec.blocks.items():
        known = [m for m in members if m in spec.items]
        result.blocks[block] = likert(frame[known].stack(), spec.scale, spec.min_n, everyone)
    for column in spec.by:
        table: dict[str, dict[str, Stats]] = {}
        for key, rows in frame.groupby(f"by:{column}", sort=True, dropna=True):
            people = int(rows[list(spec.items)].notna().any(axis=1).sum())
            cells = {item: likert(rows[item], spec.scale, spec.min_n, people) for item in spec.items}
            for block, members in spec.blocks.items():
                known = [m for m in members if m in spec.items]
                cells[f"[{block}]"] = likert(rows[known].stack(), spec.scale, spec.min_n, people)
            table[str(key)] = cells
        _complementary(table)
        result.by[column] = table
    for column in spec.open:
        if f"open:{column}" in frame.columns:
            result.open_answers += [str(v) for v in frame[f"open:{column}"].dropna() if str(v).strip()]
    if spec.item_texts_sheet:
        result.item_texts = _item_texts(as_on_disk(evidence_dir / spec.file), spec.item_texts_sheet)
    return result


def _complementary(table: dict[str, dict[str, Stats]]) -> None:
    """Hide a second group when only one is hidden: otherwise it follows from the total and the rest."""
    for key in {k for cells in table.values() for k in cells}:
        cells = [(group, table[group][key]) for group in table if key in table[group]]
        hidden = [c for c in cells if c[1].suppressed]
        shown = sorted((c for c in cells if not c[1].suppressed), key=lambda c: c[1].n)
        if len(hidden) == 1 and shown:
            group, stats = shown[0]
            table[group][key] = Stats(n=stats.n, suppressed=True)


def _item_texts(path: Path, sheet: str) -> dict[str, str]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        name = next(n for n in book.sheet_names if fold(n) == fold(sheet))
        rows = book.get_sheet_by_name(name).to_python()
    except Exception:
        return {}
    return {str(r[0]).strip(): str(r[1]).strip() for r in rows[1:] if len(r) > 1 and r[0] not in ("", None)}


def load_surveys(root: Path, evidence_dir: Path) -> tuple[list[SurveyResult], list[Finding]]:
    """Return every survey declared in indicators/surveys.yaml, analysed."""
    path = root / "indicators" / SURVEYS_FILE
    if not path.is_file():
        return [], []
    shown = f"indicators/{SURVEYS_FILE}"
    data, findings = read_yaml(path, shown, root)
    results = []
    if isinstance(data, LineList):
        for index, entry in enumerate(data):
            spec, problems = validate(entry, SurveySpec, shown)
            findings += problems
            if spec is not None:
                results.append(analyse(evidence_dir, spec, Location(shown, line_of(data, (index,)))))
    return results, findings
