"""Indicators as declared (computation, dimensions, threshold) and as computed (values, lineage)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from selfassess import i18n
from selfassess.errors import Finding, Location
from selfassess.messages import N_, t
from selfassess.models import Text

Scalar = str | int | float | bool | None

# A threshold's provenance and a value's status in the terminal's words (t() when shown);
# JSON and CSV keep the codes.
PROVENANCE = {"legal": N_("legal"), "agency": N_("agency"), "institutional": N_("institutional")}
STATUS = {
    "ok": N_("ok"),
    "below": N_("below"),
    "above": N_("above"),
    "no-data": N_("no-data"),
    "no-threshold": N_("no-threshold"),
}


class Test(BaseModel):
    """A condition on one column: a value, or a comparison."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    eq: Scalar = None
    ne: Scalar = None
    in_: tuple[Scalar, ...] | None = Field(None, alias="in")
    not_in: tuple[Scalar, ...] | None = None
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    empty: bool | None = None
    same_as: str | None = None  # equal to another column of the row (e.g. degree field = department profile)


Condition = dict[str, Scalar | Test]


class Aggregate(BaseModel):
    """One aggregate over a source's rows (after `filter`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str | None = None
    count: Condition | bool | None = None
    distinct: str | None = None
    sum: str | None = None
    mean: str | None = None
    median: str | None = None
    share: Condition | None = None
    weighted_mean: dict[str, str] | None = None
    weight: str | None = None
    filter: Condition = {}

    @model_validator(mode="after")
    def _one_measure(self) -> Aggregate:
        if self.weighted_mean is not None and set(self.weighted_mean) != {"column", "weight"}:
            raise ValueError(
                t("weighted_mean needs exactly 'column' and 'weight', e.g. {column: score, weight: credits}")
            )
        chosen = [
            k
            for k in ("count", "distinct", "sum", "mean", "median", "share", "weighted_mean")
            if getattr(self, k) is not None
        ]
        if len(chosen) != 1:
            raise ValueError(t("give exactly one of count, distinct, sum, mean, median, share, weighted_mean"))
        return self

    @property
    def measure(self) -> str:
        return next(
            k
            for k in ("count", "distinct", "sum", "mean", "median", "share", "weighted_mean")
            if getattr(self, k) is not None
        )


class Threshold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min: float | None = None
    max: float | None = None
    provenance: Literal["legal", "agency", "institutional"] = "institutional"
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Threshold:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(
                t("the threshold's min ({min}) is above its max ({max})", min=f"{self.min:g}", max=f"{self.max:g}")
            )
        return self


class Indicator(Aggregate):
    """An indicator: an aggregate (or a ratio of two) with title, unit, dimensions and threshold."""

    id: str
    title: Text
    unit: Literal["percent", "number", "ratio", "m2", "score"] = "number"
    by: tuple[str, ...] = ()
    year: str | None = None
    threshold: Threshold | None = None
    criteria: tuple[str, ...] = ()
    decimals: int = Field(1, ge=0, le=4)
    numerator: Aggregate | None = None
    denominator: Aggregate | None = None

    @model_validator(mode="after")
    def _one_measure(self) -> Indicator:  # type: ignore[override]
        is_ratio = self.numerator is not None or self.denominator is not None
        if is_ratio and (self.numerator is None or self.denominator is None):
            raise ValueError(t("a ratio needs both numerator and denominator"))
        if not is_ratio:
            Aggregate._one_measure(self)
            if self.source is None:
                raise ValueError(t("name the data source (source: …)"))
        return self


@dataclass
class Value:
    """One computed value: for a combination of dimensions (empty = overall), with its n."""

    dims: dict[str, str]
    value: float | None
    n: int
    status: str


@dataclass(frozen=True)
class Lineage:
    """Where a value came from: a source file (and sheet), the rows kept and how many."""

    source: str
    sheet: str | None
    condition: Condition | None
    used: int
    total: int
    left_out: tuple[int, ...] = ()  # lines of malformed rows, used by no computation

    def text(self, lang: str) -> str:
        described = self.source + (f" [{self.sheet}]" if self.sheet else "")
        rows = i18n.label("lineage_rows", lang, used=self.used, total=self.total)
        if self.left_out:
            lines = ", ".join(str(n) for n in self.left_out[:10]) + (", …" if len(self.left_out) > 10 else "")
            rows += "; " + i18n.label("lineage_left_out", lang, n=len(self.left_out), lines=lines)
        kept = describe(self.condition, lang) if self.condition else ""
        return f"{described}: {kept or i18n.label('lineage_all_rows', lang)}; {rows}"


@dataclass
class IndicatorResult:
    indicator: Indicator
    where: Location
    values: list[Value] = field(default_factory=list)
    trend: dict[str, float | None] = field(default_factory=dict)
    sources: list[Lineage] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def lineage(self) -> list[str]:
        """The sources in English, for the terminal and JSON."""
        return self.lineage_in("en")

    def lineage_in(self, lang: str) -> list[str]:
        """Return one line per source, filter and rows used, in the document language."""
        return [part.text(lang) for part in self.sources]

    @property
    def overall(self) -> Value | None:
        return next((v for v in self.values if not v.dims), None)


@dataclass
class IndicatorSet:
    results: list[IndicatorResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def all_findings(self) -> list[Finding]:
        """Return the findings about the declarations, then those of each indicator."""
        return self.findings + [f for r in self.results for f in r.findings]


def status(value: float | None, threshold: Threshold | None) -> str:
    """Return ok / below / above / no-data / no-threshold for a value against its threshold."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no-data"
    if threshold is None or (threshold.min is None and threshold.max is None):
        return "no-threshold"
    if threshold.min is not None and value < threshold.min:
        return "below"
    if threshold.max is not None and value > threshold.max:
        return "above"
    return "ok"


def describe(condition: Condition, lang: str = "en") -> str:
    """Return a condition in words for the lineage: "role = student, year ≥ 2024"."""
    # Signs read the same in every language; only "empty" needs words.
    signs = {"eq": "=", "ne": "≠", "in_": "∈", "not_in": "∉", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}
    parts = []
    for column, test in condition.items():
        if not isinstance(test, Test):
            parts.append(f"{column} = {test}")
            continue
        for key, sign in signs.items():
            value = getattr(test, key)
            if value is not None:
                shown = ", ".join(str(v) for v in value) if isinstance(value, tuple) else value
                parts.append(f"{column} {sign} {shown}")
        if test.empty is not None:
            parts.append(f"{column} {i18n.label('lineage_empty' if test.empty else 'lineage_not_empty', lang)}")
        if test.same_as is not None:
            parts.append(f"{column} = {test.same_as}")
    return ", ".join(parts)
