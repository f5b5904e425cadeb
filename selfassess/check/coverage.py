"""Coverage: which evidence supports each criterion, and the criterion's status."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from selfassess.errors import Finding, error, warning
from selfassess.evidence_item import EvidenceItem
from selfassess.messages import N_, t, tn
from selfassess.models import EvidenceRequirement, Programme
from selfassess.textnorm import normalise_qid
from selfassess.values import add_months
from selfassess.workspace.catalogues import CriterionRef
from selfassess.workspace.loader import Loaded


class Status(StrEnum):
    missing = "missing"
    partial = "partial"
    stale = "stale"
    expiring = "expiring"  # met on the reference date, but only thanks to items that expire within the window
    covered = "covered"
    not_applicable = "not-applicable"

    def word(self) -> str:
        """Return the status as the terminal names it, in the analyst's language."""
        return t(_STATUS_WORDS[self])


# The terminal's names of the statuses; documents use their own labels (i18n: coverage.*).
_WORDS = (N_("missing"), N_("partial"), N_("stale"), N_("expiring"), N_("covered"), N_("not-applicable"))
_STATUS_WORDS = dict(zip(Status, _WORDS, strict=True))


# Worst first: `--fail-on X` fails when any criterion ranks at or below X.
RANK = {
    Status.missing: 0,
    Status.partial: 1,
    Status.stale: 2,
    Status.expiring: 3,
    Status.covered: 4,
    Status.not_applicable: 5,
}
MET = (Status.covered, Status.expiring)  # valid on the reference date: counts as coverage


class Freshness(StrEnum):
    current = "current"
    expiring = "expiring"
    expired = "expired"
    too_old = "too-old"


class Support(NamedTuple):
    """One evidence item counted for a criterion, directly or through a crosswalk."""

    item: EvidenceItem
    kind: str
    via: str | None
    freshness: Freshness
    until: dt.date | None  # last day it counts: expiry, or issued + the criterion's max age


@dataclass
class CriterionResult:
    """A criterion's status, the evidence that counts and why."""

    ref: CriterionRef
    status: Status
    support: list[Support] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    owner: str | None = None
    reason: str | None = None
    programme: str | None = None  # the programme this result is for (programme accreditation)
    days_left: int | None = None  # for an expiring criterion: days until it stops being met

    @property
    def qid(self) -> str:
        return self.ref.qid


def crosswalk(loaded: Loaded) -> dict[str, set[str]]:
    """Return each criterion's crosswalk neighbours (maps_to read in both directions)."""
    links: dict[str, set[str]] = defaultdict(set)
    for qid, ref in loaded.criteria.items():
        for target in ref.criterion.maps_to:
            target = normalise_qid(target)
            if target in loaded.criteria and target != qid:
                links[qid].add(target)
                links[target].add(qid)
    return links


def owner_of(owners: dict[str, str], ref: CriterionRef) -> str | None:
    """Return the unit responsible for a criterion: set per criterion, standard or framework.

    `owners` is selfassess.yaml's owners with normalised keys.
    """
    fid = ref.framework.id
    return owners.get(ref.qid) or owners.get(f"{fid}:{ref.standard.id}") or owners.get(fid)


def freshness(
    item: EvidenceItem, max_age_months: int | None, as_of: dt.date, window: dt.timedelta
) -> tuple[Freshness, dt.date | None]:
    """Return whether an item is current, expiring, expired or too old, and its last valid day."""
    expires = item.expires
    if max_age_months and item.issued:
        age_limit = add_months(item.issued, max_age_months)
        if age_limit < as_of:
            return Freshness.too_old, age_limit
        expires = min(expires, age_limit) if expires else age_limit
    if expires is None:
        return Freshness.current, None
    if expires < as_of:
        return Freshness.expired, expires
    return (Freshness.expiring if expires <= as_of + window else Freshness.current), expires


def assess(
    loaded: Loaded,
    criteria_by_item: dict[str, list[str]],
    broken: dict[str, str],
    as_of: dt.date,
    programme: Programme | None = None,
    only: set[str] | None = None,
) -> list[CriterionResult]:
    """Return a result for every criterion (or those in `only`), in catalogue order.

    For a `programme`, its own not-applicable declarations and owners apply besides the
    institution-wide ones, and every finding names it.
    """
    assert loaded.config is not None
    window = dt.timedelta(days=loaded.config.freshness.expiring_within_days)
    # What does not depend on the criterion is worked out once per item.
    facts = {
        item.id: (item, loaded.kinds.resolve(item.kind) or item.kind, freshness(item, None, as_of, window))
        for item in loaded.items
    }
    direct: dict[str, list[str]] = defaultdict(list)
    for item in loaded.items:
        for qid in criteria_by_item.get(item.id, ()):
            direct[qid].append(item.id)
    links = crosswalk(loaded)
    not_applicable = {normalise_qid(k): v for k, v in loaded.config.not_applicable.items()}
    owners = {normalise_qid(k): v for k, v in loaded.config.owners.items()}
    # A programme's own owners come first, at any level: its faculty answers for its gaps.
    own_owners = {normalise_qid(k): v for k, v in programme.owners.items()} if programme else {}
    if programme is not None:
        not_applicable.update({normalise_qid(k): v for k, v in programme.not_applicable.items()})
    results = []
    for qid, ref in loaded.criteria.items():
        if only is not None and qid not in only:
            continue
        result = CriterionResult(ref, Status.missing, owner=owner_of(own_owners, ref) or owner_of(owners, ref))
        result.programme = programme.id if programme is not None else None
        reason = not_applicable.get(qid)
        if reason is not None:
            result.status, result.reason = Status.not_applicable, reason
            results.append(result)
            continue
        max_age = ref.criterion.evidence.max_age_months
        seen: set[str] = set()
        for source in (qid, *sorted(links.get(qid, ()))):
            via = None if source == qid else source
            for ident in direct.get(source, ()):
                if ident in seen:
                    continue
                seen.add(ident)
                item, kind, (state, until) = facts[ident]
                if ident in broken:
                    result.findings.append(_not_counted(loaded, item, broken[ident], qid, programme))
                    continue
                if max_age and item.issued:
                    state, until = freshness(item, max_age, as_of, window)
                result.support.append(Support(item, kind, via, state, until))
        _judge(result, loaded, as_of)
        results.append(result)
    return results


def _not_counted(loaded: Loaded, item: EvidenceItem, why: str, qid: str, programme: Programme | None) -> Finding:
    return warning(
        "evidence-not-counted",
        loaded.item_places.get(item.id),
        t("{id} does not count: {why}", id=item.id, why=why),
        criterion=qid,
        evidence=item.id,
        programme=programme.id if programme is not None else None,
    )


def _subject(qid: str, programme: Programme | str | None) -> str:
    """Return the criterion as findings name it: with its programme under programme accreditation."""
    if programme is None:
        return qid
    return t(
        "{qid} in programme {programme}", qid=qid, programme=programme if isinstance(programme, str) else programme.id
    )


def _meets(usable: list[Support], requirement: EvidenceRequirement, kinds: list[str], loaded: Loaded) -> bool:
    return _distinct(usable, loaded) >= requirement.min_count and all(_has_kind(usable, k, loaded) for k in kinds)


def _has_kind(support: list[Support], kind: str, loaded: Loaded) -> bool:
    return any(loaded.kinds.satisfies(s.kind, kind) for s in support)


def _distinct(usable: list[Support], loaded: Loaded) -> int:
    """Return how many different documents support a criterion: one file registered under two
    ids (or as "a.pdf" and "./a.pdf") is one piece of evidence, not two."""
    if loaded.sources is None:
        from selfassess.check.files import item_paths

        loaded.sources = {
            item.id: (rel or item.url or item.id)
            for item, (rel, _) in zip(loaded.items, item_paths(loaded), strict=True)
        }
    return len({loaded.sources.get(s.item.id, s.item.id) for s in usable})


def _judge(result: CriterionResult, loaded: Loaded, as_of: dt.date) -> None:
    requirement = result.ref.criterion.evidence
    qid, where = result.qid, result.ref.where
    subject = _subject(qid, result.programme)
    refs: dict[str, str] = {"criterion": qid}
    if result.programme is not None:
        refs["programme"] = result.programme
    # Valid on the reference date: current, or expiring within the window (still valid that day).
    usable = [s for s in result.support if s.freshness in (Freshness.current, Freshness.expiring)]
    lasting = [s for s in usable if s.freshness is Freshness.current]
    # A catalogue may name a kind by any of its names; compare codes.
    kinds = [loaded.kinds.resolve(k) or k for k in requirement.kinds]
    needed = tn("at least {n} item", "at least {n} items", requirement.min_count)
    # Kinds by the names the register writes them in (the workspace's language), to type in its Kind column.
    lang = loaded.config.language if loaded.config else "en"
    if kinds:
        # The kind's name as the register spells it, so an analyst can type it in the Kind column.
        listed_kinds = ", ".join(f"{loaded.kinds.label(k, lang)} ({k})" for k in kinds)
        needed = t("{needed}, including: {kinds}", needed=needed, kinds=listed_kinds)
    programme = result.programme
    if not result.support:
        result.status = Status.missing
        result.findings.append(
            error(
                "no-evidence",
                where,
                t("{subject} has no evidence", subject=subject),
                t(
                    "register evidence against {qid} for programme {programme} ({needed})",
                    qid=qid,
                    programme=programme,
                    needed=needed,
                )
                if programme
                else t("register evidence against {qid} ({needed})", qid=qid, needed=needed),
                **refs,
            )
        )
        return
    if not usable:
        result.status = Status.stale
        listed = ", ".join(f"{s.item.id} ({_why_stale(s, requirement.max_age_months)})" for s in result.support)
        result.findings.append(
            error(
                "stale-evidence",
                where,
                t("{subject} has no current evidence: {listed}", subject=subject, listed=listed),
                t("register the current versions"),
                **refs,
            )
        )
        return
    if not _meets(usable, requirement, kinds, loaded):
        result.status = Status.partial
        count = _distinct(usable, loaded)
        if count < requirement.min_count:
            result.findings.append(
                error(
                    "too-few-evidence",
                    where,
                    t(
                        "{subject} has {count} current item(s); it needs {need} "
                        "(the {registered} registered share files)",
                        subject=subject,
                        count=count,
                        need=requirement.min_count,
                        registered=len(usable),
                    )
                    if count < len(usable)
                    else t(
                        "{subject} has {count} current item(s); it needs {need}",
                        subject=subject,
                        count=count,
                        need=requirement.min_count,
                    ),
                    t(
                        "register {count} more for programme {programme}",
                        count=requirement.min_count - count,
                        programme=programme,
                    )
                    if programme
                    else t("register {count} more", count=requirement.min_count - count),
                    **refs,
                )
            )
        for kind in (k for k in kinds if not _has_kind(usable, k, loaded)):
            label = loaded.kinds.label(kind, lang)
            # Registered but no longer current: "none is registered" would send the analyst looking for it.
            old = [s.item.id for s in result.support if s not in usable and loaded.kinds.satisfies(s.kind, kind)]
            result.findings.append(
                error(
                    "missing-kind",
                    where,
                    t(
                        "{subject} needs current evidence of kind '{kind}' ({label}); {items} is not current",
                        subject=subject,
                        kind=kind,
                        label=label,
                        items=", ".join(old),
                    )
                    if old
                    else t(
                        "{subject} needs evidence of kind '{kind}' ({label}); none is registered",
                        subject=subject,
                        kind=kind,
                        label=label,
                    ),
                    t(
                        "register a {kind} against {qid} for programme {programme}",
                        kind=kind,
                        qid=qid,
                        programme=programme,
                    )
                    if programme
                    else t("register a {kind} against {qid}", kind=kind, qid=qid),
                    **refs,
                )
            )
    elif _meets(lasting, requirement, kinds, loaded):
        result.status = Status.covered
    else:
        result.status = Status.expiring
        expiring = [s for s in usable if s.freshness is Freshness.expiring and s.until]
        ends = min(s.until for s in expiring if s.until)
        result.days_left = (ends - as_of).days
        result.findings.append(
            warning(
                "criterion-expiring",
                where,
                t(
                    "{subject} is met until {isoformat} ({days_left} days left), then it lacks current evidence",
                    subject=subject,
                    isoformat=ends.isoformat(),
                    days_left=result.days_left,
                ),
                t(
                    "renew {items} before {isoformat}",
                    items=", ".join(s.item.id for s in expiring),
                    isoformat=ends.isoformat(),
                ),
                **refs,
            )
        )
    for s in usable:
        if s.freshness is Freshness.expiring:
            days = (s.until - as_of).days if s.until else None
            result.findings.append(
                warning(
                    "expiring-evidence",
                    where,
                    t(
                        "{id} supporting {subject} stops counting after {until} ({days} days left)",
                        id=s.item.id,
                        subject=subject,
                        until=s.until,
                        days=days,
                    ),
                    t("plan its renewal"),
                    evidence=s.item.id,
                    **refs,
                )
            )


def _why_stale(support: Support, max_age: int | None) -> str:
    item = support.item
    if support.freshness is Freshness.too_old:
        return t("issued {issued}, older than {months} months", issued=item.issued, months=max_age)
    return t("expired {until}", until=support.until)
