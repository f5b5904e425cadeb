"""Indicators: declarative computations over data sources, with thresholds, dimensions, trends.

Nothing from workspace files is executed: a computation is a small fixed vocabulary
(count, distinct, sum, mean, median, share, weighted mean, ratio) with conditions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selfassess.data.indicator_model import (
    PROVENANCE,
    Aggregate,
    Condition,
    Indicator,
    IndicatorResult,
    IndicatorSet,
    Lineage,
    Scalar,
    Test,
    Value,
    status,
)
from selfassess.data.sources import Source, SourceSpec, read_source
from selfassess.data.values import vocabulary
from selfassess.errors import Finding, Location, error, warning
from selfassess.messages import t
from selfassess.models import Workspace
from selfassess.textnorm import fold, normalise_qid
from selfassess.workspace.yamlfile import LineList, line_of, read_yaml, validate

INDICATORS_DIR = "indicators"
SOURCES_FILE = "sources.yaml"


def _needs_text(test: Scalar | Test) -> bool:
    if not isinstance(test, Test):
        return isinstance(test, str)
    return any(isinstance(v, str) for v in (test.eq, test.ne, *(test.in_ or ()), *(test.not_in or ())))


def _folded(values: Any) -> Any:
    """Return the column folded for comparison, folding each distinct value once (tables repeat)."""
    table = {v: fold(str(v)) for v in values.dropna().unique()}
    return values.map(table)


def _mask(frame: Any, condition: Condition | bool | None) -> Any:
    """Return which rows meet the condition; values are compared as the column's type."""
    import pandas as pd

    mask = pd.Series(True, index=frame.index)
    if condition is None or condition is True or condition is False:
        return mask if condition is not False else ~mask
    for column, test in condition.items():
        values = frame[column]
        numeric = pd.api.types.is_numeric_dtype(values)
        if not isinstance(test, Test):
            test = Test(eq=test) if test is not None else Test(empty=True)
        keyed = values if numeric else _folded(values)

        def key(value: Scalar, numeric: bool = numeric) -> object:
            if numeric:
                try:
                    return float(str(value).replace(",", "."))
                except ValueError:
                    return None  # a text value never equals a number
            return fold(str(value))

        if "eq" in test.model_fields_set:
            mask &= values.isna() if test.eq is None else keyed == key(test.eq)
        if "ne" in test.model_fields_set:
            mask &= values.notna() if test.ne is None else (keyed != key(test.ne)) | values.isna()
        if test.in_ is not None:
            wanted = {key(v) for v in test.in_ if v is not None}
            mask &= keyed.isin(wanted) | (values.isna() & (None in test.in_))
        if test.not_in is not None:
            unwanted = {key(v) for v in test.not_in if v is not None}
            mask &= ~keyed.isin(unwanted) & ~(values.isna() & (None in test.not_in))
        for op, bound in (("gt", test.gt), ("gte", test.gte), ("lt", test.lt), ("lte", test.lte)):
            if bound is not None:
                numbers = values if numeric else pd.to_numeric(values, errors="coerce")
                mask &= {
                    "gt": numbers > bound,
                    "gte": numbers >= bound,
                    "lt": numbers < bound,
                    "lte": numbers <= bound,
                }[op]
        if test.empty is not None:
            mask &= values.isna() if test.empty else values.notna()
        if test.same_as is not None:
            mask &= values.notna() & (_folded(values) == _folded(frame[test.same_as]))
    return mask


def aggregate(frame: Any, agg: Aggregate) -> tuple[float | None, int]:
    """Return the aggregate's value over `frame` (rows already filtered) and the rows it used."""
    measure = agg.measure
    weights = frame[agg.weight] if agg.weight else None
    if measure == "count":
        rows = frame[_mask(frame, agg.count)]
        return (float(rows[agg.weight].sum()) if agg.weight else float(len(rows))), len(frame)
    if measure == "distinct":
        values = frame[agg.distinct].dropna()
        return float(values.nunique()), len(values)
    if measure == "share":
        usable = frame if weights is None else frame[weights.notna()]
        if usable.empty:
            return None, 0
        hit = _mask(usable, agg.share)
        if agg.weight:
            total = usable[agg.weight].sum()
            return (float(usable[agg.weight][hit].sum() / total) if total else None), len(usable)
        return float(hit.mean()), len(usable)
    if measure == "weighted_mean":
        spec = agg.weighted_mean or {}
        pair = frame[[spec["column"], spec["weight"]]].dropna()
        total = pair[spec["weight"]].sum()
        return (float((pair[spec["column"]] * pair[spec["weight"]]).sum() / total) if total else None), len(pair)
    column = {"sum": agg.sum, "mean": agg.mean, "median": agg.median}[measure]
    values = frame[column].dropna()
    if values.empty:
        return None, 0
    result = {"sum": values.sum, "mean": values.mean, "median": values.median}[measure]()
    return float(result), len(values)


def _columns_of(agg: Aggregate) -> set[str]:
    names = set(agg.filter)
    for key in ("distinct", "sum", "mean", "median", "weight"):
        if getattr(agg, key):
            names.add(getattr(agg, key))
    for condition in (agg.count, agg.share, agg.filter):
        if isinstance(condition, dict):
            names |= set(condition)
            names |= {t.same_as for t in condition.values() if isinstance(t, Test) and t.same_as}
    if agg.weighted_mean:
        names |= set(agg.weighted_mean.values())
    return names


def compute(indicator: Indicator, sources: dict[str, Source], where: Location) -> IndicatorResult:
    """Return the indicator computed overall, per dimension and per year, with its lineage."""
    result = IndicatorResult(indicator, where)
    parts = [indicator.numerator, indicator.denominator] if indicator.numerator else [indicator]
    frames = []
    for part in parts:
        assert part is not None
        name = part.source or indicator.source
        source = sources.get(name or "")
        if source is None:
            result.findings.append(
                error(
                    "unknown-source",
                    where,
                    t(
                        "{indicator} uses the data source '{source}', which sources.yaml does not declare",
                        indicator=indicator.id,
                        source=name,
                    ),
                )
            )
            return result
        needed = _columns_of(part) | set(indicator.by) | ({indicator.year} if indicator.year else set())
        unknown = sorted(c for c in needed if c not in source.frame.columns)
        numeric = {c for c, spec in source.spec.columns.items() if spec.type in ("number", "integer", "year")}
        summed = [getattr(part, k) for k in ("sum", "mean", "median", "weight") if getattr(part, k)]
        summed += list((part.weighted_mean or {}).values())
        wrong = [c for c in summed if c in source.frame.columns and c not in numeric]
        if wrong:
            message = t(
                "{indicator} computes with the column '{column}', which '{source}' declares as text",
                indicator=indicator.id,
                column=wrong[0],
                source=name,
            )
            result.findings.append(error("wrong-type", where, message, t("declare it with type: number")))
            return result
        if unknown:
            result.findings.append(
                error(
                    "unknown-column",
                    where,
                    t(
                        "{indicator} uses the column '{column}', which the source '{source}' does not declare",
                        indicator=indicator.id,
                        column=unknown[0],
                        source=name,
                    ),
                )
            )
            return result
        filtered = source.frame[_mask(source.frame, part.filter)] if part.filter else source.frame
        frames.append(filtered)
        line = Lineage(
            source.shown, source.sheet, part.filter, len(filtered), source.total, tuple(sorted(source.left_out))
        )
        if line not in result.sources:
            result.sources.append(line)
    scale = 100.0 if indicator.unit == "percent" else 1.0

    def value_of(selected: list[Any]) -> tuple[float | None, int]:
        if indicator.numerator is not None:
            top, n_top = aggregate(selected[0], indicator.numerator)
            bottom, n_bottom = aggregate(selected[1], indicator.denominator)  # type: ignore[arg-type]
            if top is None or not bottom:
                return None, max(n_top, n_bottom)
            return top / bottom * scale, max(n_top, n_bottom)
        value, n = aggregate(selected[0], indicator)
        return (value * scale if value is not None and indicator.measure == "share" else value), n

    def add(dims: dict[str, str], selected: list[Any]) -> None:
        value, n = value_of(selected)
        judged = status(value, indicator.threshold)  # on the exact value: 79.96 is below 80
        shown = _round(value, indicator.decimals) if value is not None else None
        result.values.append(Value(dims, shown, n, judged))

    add({}, frames)
    for dimension in indicator.by:
        groups = [_groups(f, dimension) for f in frames]
        for key in sorted({k for g in groups for k in g}, key=fold):
            add({dimension: key}, [f.iloc[g.get(key, [])] for f, g in zip(frames, groups, strict=True)])
    if indicator.year:
        groups = [_groups(f, indicator.year) for f in frames]
        for year in sorted({k for g in groups for k in g}):
            value, _ = value_of([f.iloc[g.get(year, [])] for f, g in zip(frames, groups, strict=True)])
            result.trend[year] = _round(value, indicator.decimals) if value is not None else None
    return result


def _round(value: float, decimals: int) -> float:
    """Return `value` rounded half up, as people round (Python's round() goes to even)."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def _groups(frame: Any, column: str) -> dict[str, Any]:
    """Return the row positions of each value of `column` (one pass over the table)."""
    out: dict[str, Any] = {}
    for key, positions in frame.groupby(column, sort=False, dropna=True).indices.items():
        name = str(int(key)) if isinstance(key, float) and key.is_integer() else str(key)
        out[name] = positions
    return out


def load_and_compute(root: Path, evidence_dir: Path, config: Workspace | None = None) -> IndicatorSet | None:
    """Return every indicator of the workspace computed, or None when it declares none.

    `config` gives the programmes and faculties that columns headed like them resolve through.
    """
    folder = root / INDICATORS_DIR
    if not folder.is_dir():
        return None
    out = IndicatorSet()
    sources: dict[str, Source] = {}
    names = vocabulary(config)
    specs_path = folder / SOURCES_FILE
    if specs_path.is_file():
        shown = f"{INDICATORS_DIR}/{SOURCES_FILE}"
        data, findings = read_yaml(specs_path, shown, root)
        out.findings += findings
        if data is not None and not isinstance(data, LineList):
            out.findings.append(
                error(
                    "invalid-sources",
                    Location(shown, 1),
                    t("this file must be a list of data sources, each starting with '- id:'"),
                )
            )
            data = None
        for index, entry in enumerate(data or []):
            spec, findings = validate(entry, SourceSpec, shown)
            if findings:
                out.findings += [
                    type(f)(
                        f.severity,
                        f.code,
                        Location(shown, line_of(data, (index,)) or (f.where.line if f.where else None)),
                        f.message,
                        f.hint,
                    )
                    for f in findings
                ]
            if spec is not None:
                if spec.id in sources:
                    where = Location(shown, line_of(data, (index,)))
                    message = t("the data source id {id} is used twice", id=spec.id)
                    out.findings.append(error("duplicate-id", where, message))
                    continue
                source = read_source(evidence_dir, spec, vocabulary=names)
                sources[spec.id] = source
                out.findings += source.findings
    seen_ids: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        if path.name in (SOURCES_FILE, "surveys.yaml"):
            continue
        shown = f"{INDICATORS_DIR}/{path.name}"
        data, findings = read_yaml(path, shown, root)
        out.findings += findings
        if not isinstance(data, LineList):
            if data is not None:
                out.findings.append(
                    error(
                        "invalid-indicators",
                        Location(shown, 1),
                        t("this file must be a list of indicators, each starting with '- id:'"),
                    )
                )
            continue
        for index, entry in enumerate(data):
            where = Location(shown, line_of(data, (index,)))
            indicator, findings = validate(entry, Indicator, shown)
            out.findings += findings
            if indicator is None:
                continue
            if indicator.id in seen_ids:
                message = t("the indicator id {id} is used twice", id=indicator.id)
                out.findings.append(error("duplicate-id", where, message))
                continue
            seen_ids.add(indicator.id)
            try:
                result = compute(indicator, sources, where)
            except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
                # One indicator that cannot be computed must not stop the check or the build.
                result = IndicatorResult(indicator, where)
                problem = f"{type(exc).__name__}: {exc}"
                message = t("{indicator} cannot be computed ({problem})", indicator=indicator.id, problem=problem)
                result.findings.append(error("indicator-error", where, message))
            out.results.append(result)
    return out


def criterion_findings(indicators: IndicatorSet, known: set[str]) -> dict[str, list[Finding]]:
    """Return, per criterion, a finding for each linked indicator that misses its threshold."""
    out: dict[str, list[Finding]] = {}
    for result in indicators.results:
        indicator = result.indicator
        threshold = indicator.threshold
        failing = [v for v in result.values if v.status in ("below", "above")]
        if threshold is None or not failing:
            continue
        for written in indicator.criteria:
            qid = normalise_qid(written)
            if qid not in known:
                continue
            for value in failing:
                bound = threshold.min if value.status == "below" else threshold.max
                shown = {
                    "indicator": indicator.id,
                    "scope": ", ".join(f"{k} {v}" for k, v in value.dims.items()) or t("overall"),
                    "value": f"{value.value:g}",
                    "unit": _unit(indicator.unit),
                    "bound": f"{bound:g}",
                    "provenance": t(PROVENANCE[threshold.provenance]),
                }
                if value.status == "below":
                    message = t(
                        "{indicator} ({scope}) is {value}{unit}, below the minimum {bound} ({provenance})", **shown
                    )
                else:
                    message = t(
                        "{indicator} ({scope}) is {value}{unit}, above the maximum {bound} ({provenance})", **shown
                    )
                hint = t("see selfassess indicators for every value and its sources")
                out.setdefault(qid, []).append(
                    warning("indicator-threshold", result.where, message, hint, criterion=qid)
                )
    return out


def _unit(unit: str) -> str:
    return {"percent": " %", "m2": " m²", "number": "", "ratio": "", "score": ""}[unit]
