"""The commands as library functions: load → validate → compute (→ render → pack)."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.check.coverage import RANK, CriterionResult, Status, assess
from selfassess.check.rules import all_rules, criteria_under, resolve_item_criteria
from selfassess.errors import Finding, InvalidWorkspace, Severity
from selfassess.memory import bulk_allocation
from selfassess.textnorm import fold
from selfassess.workspace.loader import Loaded, load

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorSet


@dataclass(frozen=True)
class Filters:
    """Which criteria a check reports on; empty means all."""

    frameworks: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    owner: str | None = None
    programme: str | None = None  # only evidence of this programme and institution-wide evidence


@dataclass
class CheckReport:
    """The outcome of `selfassess check`: every criterion's result and the workspace findings."""

    loaded: Loaded
    as_of: dt.date
    criteria: list[CriterionResult]
    findings: list[Finding] = field(default_factory=list)
    indicators: IndicatorSet | None = None

    @property
    def language(self) -> str:
        return self.loaded.config.language if self.loaded.config else "en"

    def summary(self) -> dict[str, object]:
        """Return counts by status overall, per framework and per standard, and finding counts."""
        overall = Counter(r.status.value for r in self.criteria)
        per_framework: dict[str, Counter[str]] = {}
        per_standard: dict[str, Counter[str]] = {}
        for r in self.criteria:
            per_framework.setdefault(r.ref.framework.id, Counter())[r.status.value] += 1
            per_standard.setdefault(f"{r.ref.framework.id}:{r.ref.standard.id}", Counter())[r.status.value] += 1
        severities = Counter(f.severity.value for f in self.all_findings())
        return {
            "as_of": self.as_of.isoformat(),
            "criteria": len(self.criteria),
            "evidence_items": len(self.loaded.items),
            "statuses": _ordered(overall),
            "coverage_percent": _percent(overall),
            "frameworks": {
                k: {"statuses": _ordered(v), "coverage_percent": _percent(v)} for k, v in per_framework.items()
            },
            "standards": {
                k: {"statuses": _ordered(v), "coverage_percent": _percent(v)} for k, v in per_standard.items()
            },
            "findings": {s.value: severities.get(s.value, 0) for s in Severity},
        }

    def all_findings(self) -> list[Finding]:
        """Return the workspace findings followed by each criterion's findings."""
        return [*self.findings, *(f for r in self.criteria for f in r.findings)]

    def input_errors(self) -> list[Finding]:
        """Return the errors in the workspace files themselves (not coverage gaps)."""
        return [f for f in self.findings if f.severity is Severity.error]

    def fails(self, level: Status | None) -> bool:
        """Return True when any reported criterion is at or below `level` (worst is missing)."""
        if level is None:
            return False
        return any(r.status is not Status.not_applicable and RANK[r.status] <= RANK[level] for r in self.criteria)


def _ordered(counts: Counter[str]) -> dict[str, int]:
    return {s.value: counts.get(s.value, 0) for s in Status}


def _percent(counts: Counter[str]) -> float:
    applicable = sum(v for k, v in counts.items() if k != Status.not_applicable.value)
    return round(100 * counts.get(Status.covered.value, 0) / applicable, 1) if applicable else 100.0


def reference_date(as_of: dt.date | None = None) -> dt.date:
    """Return the date freshness is judged at: --as-of, else SOURCE_DATE_EPOCH, else today."""
    if as_of:
        return as_of
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def check(root: Path, as_of: dt.date | None = None, filters: Filters = Filters()) -> CheckReport:
    """Return the coverage of every criterion in the workspace at `root`."""
    with bulk_allocation():
        return _check(root, as_of, filters)


def _check(root: Path, as_of: dt.date | None, filters: Filters) -> CheckReport:
    loaded = load(root)
    day = reference_date(as_of)
    if loaded.config is None:
        raise InvalidWorkspace("selfassess.yaml has errors; fix them and run the command again", loaded.findings)
    resolved = resolve_item_criteria(loaded)
    findings = [*loaded.findings, *all_rules(loaded, day, resolved)]
    by_item = resolved.by_item
    if filters.programme is not None:
        by_item = programme_view(loaded, by_item, filters.programme)
    results = assess(loaded, by_item, broken_items(findings), day)
    computed = _indicators(loaded, results)
    if computed is not None:
        findings += computed.findings + [f for r in computed.results for f in r.findings]
    if filters != Filters():
        results = apply_filters(loaded, results, filters)
        shown = {s.item.id for r in results for s in r.support}
        # Warnings about items outside the filtered criteria are noise there; errors stay.
        findings = [f for f in findings if f.severity is Severity.error or not f.evidence or f.evidence in shown]
    return CheckReport(loaded, day, results, findings, computed)


_NOT_COUNTED = {
    "missing-file": "its file is missing",
    "path-escape": "its file lies outside the workspace",
    "unknown-kind": "its kind is unknown",
    "duplicate-id": "its id is used twice",
    "bad-url": "its web address is not valid",
}


def _indicators(loaded: Loaded, results: list[CriterionResult]) -> IndicatorSet | None:
    """Return the workspace's indicators, each failing value added as a finding to its criteria.

    Only workspaces with an indicators/ folder pay for reading their data (pandas).
    """
    if not (loaded.root / "indicators").is_dir():
        return None
    from selfassess.data.indicators import criterion_findings, load_and_compute

    computed = load_and_compute(loaded.root, loaded.evidence_dir)
    if computed is None:
        return None
    per_criterion = criterion_findings(computed, set(loaded.criteria))
    for result in results:
        result.findings += per_criterion.get(result.qid, [])
    return computed


def programme_view(loaded: Loaded, by_item: dict[str, list[str]], programme: str) -> dict[str, list[str]]:
    """Return the criteria of each item as one programme sees them: its own and shared items only."""
    wanted = fold(programme)
    return {
        item.id: by_item.get(item.id, []) if not item.programmes or wanted in {fold(p) for p in item.programmes} else []
        for item in loaded.items
    }


def broken_items(findings: list[Finding]) -> dict[str, str]:
    """Return the evidence items that cannot count or be packed, with the reason."""
    broken: dict[str, str] = {}
    for f in findings:
        if f.evidence and f.code in _NOT_COUNTED:
            broken.setdefault(f.evidence, _NOT_COUNTED[f.code])
    return broken


def apply_filters(loaded: Loaded, results: list[CriterionResult], filters: Filters) -> list[CriterionResult]:
    """Return the results that match the framework, standard and owner filters."""
    unknown = [f for f in filters.frameworks if f not in loaded.catalogues]
    if unknown:
        raise InvalidWorkspace(f"no framework '{unknown[0]}' in this workspace; in use: {', '.join(loaded.catalogues)}")
    if filters.frameworks:
        results = [r for r in results if r.ref.framework.id in filters.frameworks]
    if filters.standards:
        wanted: set[str] = set()
        for std in filters.standards:
            keys = [std] if ":" in std else [f"{fid}:{std}" for fid in (filters.frameworks or loaded.catalogues)]
            for key in keys:
                wanted.update(criteria_under(loaded, key))
        if not wanted:
            raise InvalidWorkspace(f"no standard '{', '.join(filters.standards)}' in the frameworks in use")
        results = [r for r in results if r.qid in wanted]
    if filters.owner:
        unit = fold(filters.owner)
        results = [
            r
            for r in results
            if (r.owner and fold(r.owner) == unit)
            or any(s.item.owner and fold(s.item.owner) == unit for s in r.support)
        ]
    return results
