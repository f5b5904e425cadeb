"""The commands as library functions: load → validate → compute (→ render → pack)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.check.coverage import MET, RANK, CriterionResult, Status, Support, assess
from selfassess.check.criteria_cells import resolve_item_criteria
from selfassess.check.filters import NO_FILTERS, Filters, apply_filters
from selfassess.check.narratives import all_narratives, citation_style, every_narrative, narrative_rules
from selfassess.check.rules import all_rules
from selfassess.errors import Finding, InvalidWorkspace, Location, SelfAssessError, Severity, warning
from selfassess.memory import bulk_allocation
from selfassess.messages import N_, t
from selfassess.models import FrameworkKind, Programme, Workspace
from selfassess.reproducible import source_date_epoch
from selfassess.workspace.loader import Loaded, load
from selfassess.workspace.narratives import FrameworkNarratives, load_narratives, narratives_folder
from selfassess.workspace.settings import CONFIG_NAME

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorSet


@dataclass
class CheckReport:
    """The outcome of `selfassess check`: every criterion's result and the workspace findings."""

    loaded: Loaded
    as_of: dt.date
    criteria: list[CriterionResult]
    findings: list[Finding] = field(default_factory=list)
    indicators: IndicatorSet | None = None
    # Programme accreditation: each programme's results for the criteria of programme frameworks.
    # `criteria` then holds the framework view: a criterion is as good as its worst programme.
    programmes: dict[str, list[CriterionResult]] = field(default_factory=dict)
    # The narratives the check read, so a build in the same run does not read them again.
    narratives: list[FrameworkNarratives] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.loaded.config.language if self.loaded.config else "en"

    def summary(self) -> dict[str, object]:
        """Return counts by status overall, per framework and per standard, and finding counts."""
        severities = Counter(f.severity.value for f in self.all_findings())
        return {
            "as_of": self.as_of.isoformat(),
            "evidence_items": len(self.loaded.items),
            **summarise(self.criteria),
            "findings": {s.value: severities.get(s.value, 0) for s in Severity},
        }

    def programme_summary(self, programme: str) -> dict[str, object]:
        """Return the counts by status of one programme's criteria."""
        results = self.programmes[programme]
        severities = Counter(f.severity.value for r in results for f in r.findings)
        return {
            "as_of": self.as_of.isoformat(),
            "programme": programme,
            **summarise(results),
            "findings": {s.value: severities.get(s.value, 0) for s in Severity},
        }

    def narratives_of(self, framework: str, programme: str | None = None) -> FrameworkNarratives:
        """Return the narratives of `framework` (for `programme`) as the check read them, or read
        them now when the check did not (a framework left out of it)."""
        folder = narratives_folder(self.loaded.root, framework, programme)
        for narratives in self.narratives:
            if narratives.folder == folder:
                return narratives
        return load_narratives(self.loaded.root, framework, programme, citation_style(self.loaded))

    def programme_result(self, programme: str, qid: str) -> CriterionResult | None:
        """Return one programme's result for a criterion of a programme framework."""
        return next((r for r in self.programmes.get(programme, ()) if r.qid == qid), None)

    def results_to_act_on(self) -> list[CriterionResult]:
        """Return every result a unit may be asked about: per programme where there are programmes."""
        shown = {qid for results in self.programmes.values() for qid in (r.qid for r in results)}
        own = [r for r in self.criteria if r.qid not in shown]
        return own + [r for results in self.programmes.values() for r in results]

    def for_programme(self, programme: str) -> CheckReport:
        """Return the report as one programme's build sees it: its own results for programme criteria."""
        own = {r.qid: r for r in self.programmes.get(programme, ())}
        criteria = [own.get(r.qid, r) for r in self.criteria]
        return CheckReport(
            self.loaded,
            self.as_of,
            criteria,
            self.findings,
            self.indicators,
            {programme: list(own.values())},
            self.narratives,
        )

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


def summarise(results: list[CriterionResult]) -> dict[str, object]:
    """Return the counts by status of `results`, overall, per framework and per standard."""
    overall = Counter(r.status.value for r in results)
    per_framework: dict[str, Counter[str]] = {}
    per_standard: dict[str, Counter[str]] = {}
    for r in results:
        per_framework.setdefault(r.ref.framework.id, Counter())[r.status.value] += 1
        per_standard.setdefault(f"{r.ref.framework.id}:{r.ref.standard.id}", Counter())[r.status.value] += 1
    return {
        "criteria": len(results),
        "statuses": _ordered(overall),
        "coverage_percent": _percent(overall),
        "frameworks": {k: {"statuses": _ordered(v), "coverage_percent": _percent(v)} for k, v in per_framework.items()},
        "standards": {k: {"statuses": _ordered(v), "coverage_percent": _percent(v)} for k, v in per_standard.items()},
    }


def _ordered(counts: Counter[str]) -> dict[str, int]:
    return {s.value: counts.get(s.value, 0) for s in Status}


def _percent(counts: Counter[str]) -> float:
    applicable = sum(v for k, v in counts.items() if k != Status.not_applicable.value)
    met = sum(counts.get(s.value, 0) for s in MET)
    return round(100 * met / applicable, 1) if applicable else 100.0


def reference_date(as_of: dt.date | None = None, config: Workspace | None = None) -> dt.date:
    """Return the date statuses are judged at: --as-of, else selfassess.yaml's reference_date,
    else SOURCE_DATE_EPOCH, else today."""
    if as_of:
        day = as_of
    elif config is not None and config.reference_date is not None:
        day = config.reference_date
    else:
        epoch = source_date_epoch()
        day = epoch.date() if epoch is not None else dt.date.today()
    if not LAST_REFERENCE_YEAR >= day.year >= FIRST_REFERENCE_YEAR:
        raise SelfAssessError(
            t(
                "the reference date {isoformat} is not one statuses can be judged at: give a date "
                "between {FIRST_REFERENCE_YEAR} and {LAST_REFERENCE_YEAR} (--as-of, reference_date)",
                isoformat=day.isoformat(),
                FIRST_REFERENCE_YEAR=FIRST_REFERENCE_YEAR,
                LAST_REFERENCE_YEAR=LAST_REFERENCE_YEAR,
            )
        )
    return day


# Windows and validity periods are counted from the reference date: it must leave them room.
FIRST_REFERENCE_YEAR, LAST_REFERENCE_YEAR = 1900, 9000


def check(root: Path, as_of: dt.date | None = None, filters: Filters = NO_FILTERS) -> CheckReport:
    """Return the coverage of every criterion in the workspace at `root`."""
    with bulk_allocation():
        return _check(root, as_of, filters)


def _check(root: Path, as_of: dt.date | None, filters: Filters) -> CheckReport:
    loaded = load(root)
    if loaded.config is None:
        raise InvalidWorkspace(t("selfassess.yaml has errors; fix them and run the command again"), loaded.findings)
    day = reference_date(as_of, loaded.config)
    resolved = resolve_item_criteria(loaded)
    findings = [*loaded.findings, *all_rules(loaded, day, resolved)]
    broken = broken_items(findings)
    narratives = all_narratives(loaded)
    findings += narrative_rules(loaded, broken, narratives)
    findings += document_findings(loaded)
    by_programme = programme_frameworks(loaded)
    scope = _programmes_in_scope(loaded, filters.programme, by_programme)
    programmes: dict[str, list[CriterionResult]] = {}
    if by_programme and scope:
        # Each programme counts its own evidence and the institution-wide evidence, nothing else.
        programme_criteria = {q for q, ref in loaded.criteria.items() if ref.framework.id in by_programme}
        for programme in scope:
            view = programme_view(loaded, resolved.by_item, programme.id)
            programmes[programme.id] = assess(loaded, view, broken, day, programme, programme_criteria)
        # With --programme only the programme frameworks are shown: the others do not depend on it.
        rest = (
            []
            if filters.programme
            else assess(loaded, resolved.by_item, broken, day, only=_others(loaded, by_programme))
        )
        results = _framework_view(loaded, rest, programmes)
    else:
        if by_programme and not loaded.config.programmes:
            findings.append(no_programmes_warning(by_programme))
        results = assess(loaded, resolved.by_item, broken, day)
    computed = _indicators(loaded, results)
    if computed is not None:
        findings += computed.findings + [f for r in computed.results for f in r.findings]
        from selfassess.check.quoted_numbers import quoted_number_findings  # with indicators only

        texts = every_narrative(loaded, narratives)
        findings += quoted_number_findings(texts, computed, loaded.config.language)
    report = CheckReport(loaded, day, results, findings, computed, programmes, narratives)
    if filters != Filters():
        report.criteria = apply_filters(loaded, results, filters, programmes)
        kept = {r.qid for r in report.criteria}
        report.programmes = {p: [r for r in rs if r.qid in kept] for p, rs in programmes.items()}
        shown = {s.item.id for r in report.criteria for s in r.support}
        # Warnings about items outside the filtered criteria are noise there; errors stay.
        report.findings = [f for f in findings if f.severity is Severity.error or not f.evidence or f.evidence in shown]
    return report


def document_findings(loaded: Loaded) -> list[Finding]:
    """Return the problems of the controlled documents (an edited history among them): a dossier
    must not ship a regulation whose history was tampered with.

    A workspace without a documents/ folder does not pay for importing the documents' models."""
    from selfassess.check.document_lint import document_lint

    assert loaded.config is not None
    documents: list[object] = []
    findings: list[Finding] = []
    if (loaded.root / "documents").is_dir():  # documents.load.DOCUMENTS_DIR
        from selfassess.documents.load import load_documents

        documents, findings = load_documents(loaded.root, loaded.config)  # type: ignore[assignment]
    return findings + document_lint(loaded, documents)


def programme_frameworks(loaded: Loaded) -> list[str]:
    """Return the frameworks in use that accredit programmes one by one."""
    return [fid for fid, c in loaded.catalogues.items() if c.framework.kind is FrameworkKind.programme]


def _others(loaded: Loaded, frameworks: list[str]) -> set[str]:
    return {q for q, ref in loaded.criteria.items() if ref.framework.id not in frameworks}


def _programmes_in_scope(loaded: Loaded, wanted: str | None, frameworks: list[str]) -> list[Programme]:
    """Return the programmes a check judges: all in selfassess.yaml, or the one --programme names."""
    assert loaded.config is not None
    if wanted is None:
        return list(loaded.config.programmes)
    known = loaded.programmes
    if not frameworks:
        raise InvalidWorkspace(
            t("--programme applies to programme accreditation, and no framework in use is of kind programme")
        )
    ident = known.resolve(wanted)
    if ident is None:
        raise InvalidWorkspace(known.not_found(wanted))
    programme = known.get(ident)
    assert programme is not None
    return [programme]


def no_programmes_warning(frameworks: list[str]) -> Finding:
    """Return the warning that programme frameworks are judged on all evidence when no programme is listed."""
    return warning(
        "no-programmes",
        Location(CONFIG_NAME),
        t(
            "{items} accredits programmes one by one, but selfassess.yaml lists no programmes: its "
            "criteria are judged on all the evidence together",
            items=", ".join(frameworks),
        ),
        t("list the programmes under 'programmes:' (id, title) to judge each on its own evidence"),
    )


def _framework_view(
    loaded: Loaded, rest: list[CriterionResult], programmes: dict[str, list[CriterionResult]]
) -> list[CriterionResult]:
    """Return every criterion in catalogue order; a programme criterion is as good as its worst programme."""
    own = {r.qid: r for r in rest}
    per: dict[str, list[CriterionResult]] = {}
    for results in programmes.values():
        for r in results:
            per.setdefault(r.qid, []).append(r)
    out = []
    for qid in loaded.criteria:
        if qid in own:
            out.append(own[qid])
        elif qid in per:
            out.append(combine(per[qid]))
    return out


def combine(results: list[CriterionResult]) -> CriterionResult:
    """Return one criterion's framework view from its programmes' results: the worst status, all findings."""
    if len(results) == 1:
        return results[0]
    worst = min(results, key=lambda r: RANK[r.status])
    support: dict[str, Support] = {}
    for r in results:
        for s in r.support:
            support.setdefault(s.item.id, s)
    reasons = {r.programme: r.reason for r in results if r.reason}
    reason = None
    if worst.status is Status.not_applicable:
        reason = (
            next(iter(reasons.values()))
            if len(set(reasons.values())) == 1
            else "; ".join(f"{p}: {why}" for p, why in reasons.items())
        )
    owners = {r.owner for r in results}
    days = [r.days_left for r in results if r.days_left is not None and r.status is Status.expiring]
    return CriterionResult(
        worst.ref,
        worst.status,
        list(support.values()),
        [f for r in results for f in r.findings],
        owner=owners.pop() if len(owners) == 1 else None,
        reason=reason,
        days_left=min(days) if days else None,
    )


_NOT_COUNTED = {
    "missing-file": N_("its file is missing"),
    "path-escape": N_("its file lies outside the workspace"),
    "unknown-kind": N_("its kind is unknown"),
    "duplicate-id": N_("its id is used twice"),
    "bad-url": N_("its web address is not valid"),
    "empty-folder": N_("its folder is empty"),
    "empty-evidence": N_("its file is empty (0 bytes)"),
    "dated-after-reference": N_("it is dated after the reference date"),
}


def _indicators(loaded: Loaded, results: list[CriterionResult]) -> IndicatorSet | None:
    """Return the workspace's indicators, each failing value added as a finding to its criteria.

    Only workspaces with an indicators/ folder pay for reading their data (pandas).
    """
    if not (loaded.root / "indicators").is_dir():
        return None
    from selfassess.data.indicators import criterion_findings, load_and_compute

    computed = load_and_compute(loaded.root, loaded.evidence_dir, loaded.config)
    if computed is None:
        return None
    per_criterion = criterion_findings(computed, set(loaded.criteria))
    for result in results:
        result.findings += per_criterion.get(result.qid, [])
    return computed


def programme_view(loaded: Loaded, by_item: dict[str, list[str]], programme: str) -> dict[str, list[str]]:
    """Return the criteria of each item as one programme sees them: its own and shared items only."""
    own = loaded.item_programmes
    return {
        item.id: by_item.get(item.id, []) if item.id not in own or programme in own[item.id] else []
        for item in loaded.items
    }


def broken_items(findings: list[Finding]) -> dict[str, str]:
    """Return the evidence items that cannot count or be packed, with the reason."""
    broken: dict[str, str] = {}
    for f in findings:
        if f.evidence and f.code in _NOT_COUNTED:
            broken.setdefault(f.evidence, t(_NOT_COUNTED[f.code]))
    return broken
