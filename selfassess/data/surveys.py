"""Surveys: Likert items per item and block, with confidence intervals, by group, small cells hidden."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from selfassess.data.reliability import Reliability, cronbach
from selfassess.data.sources import ColumnSpec, Source, SourceSpec, read_source
from selfassess.data.values import Other, Resolve, ValueSet, vocabulary
from selfassess.errors import Finding, Location, warning
from selfassess.messages import t, tn
from selfassess.models import Text, Workspace
from selfassess.textnorm import fold
from selfassess.workspace.paths import as_on_disk
from selfassess.workspace.yamlfile import LineList, line_of, read_yaml, validate

SURVEYS_FILE = "surveys.yaml"


class Scale(BaseModel):
    """A Likert scale: its points (1…points) and the answers that mean "no answer"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    points: int = Field(5, ge=2, le=11)
    no_answer: tuple[str, ...] = ()

    @field_validator("no_answer", mode="before")
    @classmethod
    def _codes_as_text(cls, value: object) -> object:
        return _as_texts(value)


class GroupColumn(BaseModel):
    """A column results are broken down by, with the spellings that mean one group."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str
    values: dict[str, tuple[str, ...]] = {}
    other: Other = "drop"
    resolve: Resolve | None = None

    def spec(self) -> ColumnSpec:
        """Return the column as a data source's column, so that it resolves the same way."""
        return ColumnSpec(names=(self.column,), values=self.values, other=self.other, resolve=self.resolve)


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
    scale: int | Scale = Field(5)
    # Answers that mean "no answer" («Затрудняюсь ответить», «Кыйналам», 0, 9): counted apart,
    # never in a mean or the top-2-box. Also declarable with the scale: {points: 5, no_answer: […]}.
    no_answer: tuple[str, ...] = ()
    invited: int | None = Field(None, ge=1)
    by: tuple[str | GroupColumn, ...] = ()  # columns to break results down by (faculty, programme, …)
    blocks: dict[str, tuple[str, ...]] = {}
    block_titles: dict[str, Text] = {}  # a block's name in the report (default: its key)
    open: tuple[str, ...] = ()  # columns with free-text answers
    min_n: int = Field(10, ge=1)  # smaller cells are suppressed (privacy, ISO 21001 8.5.5)

    @field_validator("scale")
    @classmethod
    def _scale_points(cls, value: int | Scale) -> int | Scale:
        if isinstance(value, int) and not 2 <= value <= 11:
            raise ValueError(t("a scale has 2 to 11 points, e.g. scale: 5"))
        return value

    @field_validator("no_answer", mode="before")
    @classmethod
    def _codes_as_text(cls, value: object) -> object:
        return _as_texts(value)

    @field_validator("items")
    @classmethod
    def _items(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError(t("name the item columns, e.g. items: [S01, S02]"))
        twice = sorted({i for i in value if value.count(i) > 1})
        if twice:
            raise ValueError(
                tn(
                    "{items} is listed twice among the items",
                    "{items} is listed twice among the items",
                    len(twice),
                    items=", ".join(twice),
                )
            )
        return value

    @property
    def points(self) -> int:
        """Return the number of points of the scale (answers are 1…points)."""
        return self.scale if isinstance(self.scale, int) else self.scale.points

    @property
    def no_answer_codes(self) -> dict[str, str]:
        """Return the declared "no answer" codes, keyed by their folded form."""
        codes = (*self.no_answer, *(() if isinstance(self.scale, int) else self.scale.no_answer))
        return {_code(c): c for c in codes}

    @property
    def groups(self) -> tuple[GroupColumn, ...]:
        """Return the breakdown columns, each with its value aliases."""
        return tuple(g if isinstance(g, GroupColumn) else GroupColumn(column=g) for g in self.by)


def _as_texts(value: object) -> object:
    if isinstance(value, str | int | float):
        value = [value]
    if isinstance(value, list | tuple):
        return tuple(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in value)
    return value


def _code(text: str) -> str:
    """Return an answer folded for comparison with the codes: "9", "9,0" and 9.0 are one code."""
    folded = fold(text)
    try:
        number = float(folded.replace(" ", "").replace(",", "."))
    except ValueError:
        return folded
    return str(int(number)) if number.is_integer() else str(number)


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
    no_answer: int = 0  # answers given as a "no answer" code, in no statistic above


@dataclass
class SurveyResult:
    spec: SurveySpec
    where: Location
    respondents: int = 0
    response_rate: float | None = None
    items: dict[str, Stats] = field(default_factory=dict)
    blocks: dict[str, Stats] = field(default_factory=dict)
    by: dict[str, dict[str, dict[str, Stats]]] = field(default_factory=dict)  # column → group → item/block → stats
    reliability: dict[str, Reliability] = field(default_factory=dict)  # block → α, n, item–rest
    item_texts: dict[str, str] = field(default_factory=dict)
    open_answers: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def likert(values: Any, scale: int, min_n: int = 1, respondents: int | None = None, no_answer: int = 0) -> Stats:
    """Return n, mean with its 95 % confidence half-width, top-2-box %, index 0–100, distribution.

    A cell is hidden when fewer than `min_n` people answered (`respondents`, else n answers).
    `no_answer` is how many gave a "no answer" code: reported, never counted in the rest.
    """
    valid = values.dropna()
    n = len(valid)
    people = n if respondents is None else respondents
    if people < min_n:
        return Stats(n=n, suppressed=True)
    if n == 0:
        return Stats(n=0, no_answer=no_answer)
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
        no_answer=no_answer,
    )


def analyse(
    evidence_dir: Path, spec: SurveySpec, where: Location, vocabulary: Mapping[str, ValueSet] | None = None
) -> SurveyResult:
    """Return the survey's statistics; answers that are no point of the scale are reported once
    per item and value, and left out; "no answer" codes are counted apart."""
    result = SurveyResult(spec, where)
    columns = {f"by:{g.column}": g.spec() for g in spec.groups}
    columns |= {item: ColumnSpec(names=(item,)) for item in spec.items}  # text: codes are words
    columns |= {f"open:{c}": ColumnSpec(names=(c,), required=False) for c in spec.open}
    source = read_source(
        evidence_dir,
        SourceSpec(id=spec.id, file=spec.file, sheet=spec.sheet, columns=columns),
        vocabulary=vocabulary,
        declared_in=f"indicators/{SURVEYS_FILE}",
    )
    result.findings += source.findings
    frame = source.frame
    if frame.empty:
        return result
    coded = {}
    for item in spec.items:
        frame[item], coded[item] = _answers(frame[item], item, spec, source, result.findings)
    silent = frame[list(spec.items)].isna() & ~_frame(coded, frame.index)
    answered = ~silent.all(axis=1)
    result.respondents = int(answered.sum())
    if spec.invited:
        result.response_rate = round(100 * result.respondents / spec.invited, 1)
        if result.respondents > spec.invited:
            message = t(
                "{respondents} people answered but only {invited} were invited",
                respondents=result.respondents,
                invited=spec.invited,
            )
            result.findings.append(warning("response-rate", where, message, t("check 'invited' in surveys.yaml")))
    for block, members in spec.blocks.items():
        for member in members:
            if member not in spec.items:
                message = t("block '{block}' names '{item}', which is not among the items", block=block, item=member)
                result.findings.append(warning("unknown-item", where, message))
    everyone = result.respondents
    points = spec.points
    for item in spec.items:
        result.items[item] = likert(frame[item], points, spec.min_n, everyone, int(coded[item].sum()))
    for block, members in spec.blocks.items():
        known = [m for m in members if m in spec.items]
        skipped = sum(int(coded[m].sum()) for m in known)
        result.blocks[block] = likert(frame[known].stack(), points, spec.min_n, everyone, skipped)
        result.reliability[block] = cronbach(frame, known)
    for group in spec.groups:
        table: dict[str, dict[str, Stats]] = {}
        for key, rows in frame.groupby(f"by:{group.column}", sort=True, dropna=True):
            people = int(answered[rows.index].sum())
            cells = {
                item: likert(rows[item], points, spec.min_n, people, int(coded[item][rows.index].sum()))
                for item in spec.items
            }
            for block, members in spec.blocks.items():
                known = [m for m in members if m in spec.items]
                skipped = sum(int(coded[m][rows.index].sum()) for m in known)
                cells[f"[{block}]"] = likert(rows[known].stack(), points, spec.min_n, people, skipped)
            table[str(key)] = cells
        _complementary(table)
        result.by[group.column] = table
    for column in spec.open:
        if f"open:{column}" in frame.columns:
            result.open_answers += [str(v) for v in frame[f"open:{column}"].dropna() if str(v).strip()]
    if spec.item_texts_sheet:
        result.item_texts = _item_texts(as_on_disk(evidence_dir / spec.file), spec.item_texts_sheet)
    return result


def _frame(columns: dict[str, Any], index: Any) -> Any:
    import pandas as pd

    return pd.DataFrame(columns, index=index)


def _answers(text: Any, item: str, spec: SurveySpec, source: Source, findings: list[Finding]) -> tuple[Any, Any]:
    """Return an item's answers as numbers (None where none is usable) and which were "no answer" codes.

    Each distinct answer is judged once: a point of the scale, a declared code, or something
    else — reported once per value with its count and first rows, never once per cell.
    """
    import pandas as pd

    codes = spec.no_answer_codes
    points = spec.points
    numbers: dict[Any, float | None] = {}
    is_code: dict[Any, bool] = {}
    odd: dict[Any, str | None] = {}  # value → the number it is, outside the scale; None: no number at all
    for value in text.dropna().unique():
        written = str(value)
        code = _code(written)
        is_code[value] = code in codes
        numbers[value] = None
        if is_code[value]:
            continue
        try:
            number = float(written.replace("\u00a0", "").replace(" ", "").replace(",", "."))
        except ValueError:
            odd[value] = None
            continue
        if number.is_integer() and 1 <= number <= points:
            numbers[value] = number
        else:
            odd[value] = f"{number:g}"
    held = text[text.isin(list(odd))]
    positions = {v: list(index) for v, index in held.groupby(held, sort=False).groups.items()}
    for value in sorted(odd, key=lambda v: positions[v][0])[:20]:
        rows = [int(source.rows[i]) for i in positions[value]]
        count = len(rows)
        lines = ", ".join(str(r) for r in rows[:10]) + (", …" if count > 10 else "")
        shown = {"item": item, "points": points, "lines": lines}
        if odd[value] is not None:
            message = tn(
                "{item}: {n} answer is {value}, outside the scale 1–{points}; left out (row {lines})",
                "{item}: {n} answers are {value}, outside the scale 1–{points}; left out (rows {lines})",
                count,
                value=odd[value],
                **shown,
            )
            hint = t("correct the answers, or declare the code in no_answer: if it means no answer")
        else:
            message = tn(
                "{item}: {n} answer is '{value}', which is not a point of the scale 1–{points}; left out (row {lines})",
                "{item}: {n} answers are '{value}', which is not a point of the scale 1–{points}; "
                "left out (rows {lines})",
                count,
                value=value,
                **shown,
            )
            hint = t(
                "if it means no answer, declare it in indicators/{file}: no_answer: ['{value}'] "
                "(it is then counted apart)",
                file=SURVEYS_FILE,
                value=value,
            )
        findings.append(warning("bad-answer", source.location(rows[0], item), message, hint))
    converted = text.map(numbers).astype("float64")
    flags = text.map(is_code).fillna(False).astype(bool) if is_code else pd.Series(False, index=text.index)
    return converted, flags


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


def load_surveys(
    root: Path, evidence_dir: Path, config: Workspace | None = None
) -> tuple[list[SurveyResult], list[Finding]]:
    """Return every survey declared in indicators/surveys.yaml, analysed (groups resolved through `config`)."""
    names = vocabulary(config)
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
                results.append(analyse(evidence_dir, spec, Location(shown, line_of(data, (index,))), names))
    return results, findings
