"""What the narratives cite: annex numbers in reading order, and the findings about citations and gaps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.check.coverage import MET, CriterionResult, Status
from selfassess.check.pipeline import CheckReport
from selfassess.errors import Finding, Location, error, warning
from selfassess.evidence_item import EvidenceItem
from selfassess.messages import t
from selfassess.workspace.narratives import FrameworkNarratives


@dataclass
class Annex:
    """One evidence item as a numbered annex of the report and the pack."""

    number: int
    item: EvidenceItem
    criteria: list[str] = field(default_factory=list)
    cited: bool = False
    expired: dt.date | None = None  # the day it stopped counting, when that is before the reference date


def number_annexes(
    check: CheckReport,
    results: list[CriterionResult],
    narratives: FrameworkNarratives,
    broken: set[str],
    programme: str | None = None,
) -> tuple[list[Annex], list[Finding]]:
    """Number the annexes: cited items in reading order, then supporting items in register order."""
    by_id = {item.id: item for item in check.loaded.items}
    foreign = foreign_items(check, programme) if programme else {}
    order: list[str] = []
    findings: list[Finding] = []
    reading = [narratives.get("_introduction")]
    standards_seen: set[str] = set()
    for r in results:
        if r.ref.standard.id not in standards_seen:
            standards_seen.add(r.ref.standard.id)
            reading.append(narratives.get(f"_standard-{r.ref.standard.id}"))
        if r.status is not Status.not_applicable:  # the report does not show their text
            reading.append(narratives.get(r.ref.criterion.id))
    reading.append(narratives.get("_conclusion"))
    for narrative in (n for n in reading if n is not None):
        for citation in narrative.citations:
            where = Location(narrative.shown, citation.line)
            if citation.evidence not in by_id or citation.evidence in broken:
                continue  # the check reports both: an unknown id, an item that cannot be annexed
            if citation.evidence in foreign:
                owners = ", ".join(foreign[citation.evidence])
                # Never annexed: a programme's pack ships only its own and institution-wide evidence.
                findings.append(
                    warning(
                        "other-programme",
                        where,
                        t(
                            "the text cites [{evidence}], which belongs to another programme ({owners}); the report "
                            "names it without an annex number and the pack leaves it out",
                            evidence=citation.evidence,
                            owners=owners,
                        ),
                        t("cite this programme's or institution-wide evidence"),
                        evidence=citation.evidence,
                        programme=programme,
                    )
                )
            elif citation.evidence not in order:
                order.append(citation.evidence)
    cited = set(order)
    supporting = {s.item.id for r in results for s in r.support}
    for item in check.loaded.items:
        if item.id not in cited and item.id not in broken and item.id in supporting:
            order.append(item.id)
    annexes = [Annex(n, by_id[ident], cited=ident in cited) for n, ident in enumerate(order, start=1)]
    for annex in annexes:
        expires = annex.item.expires
        annex.expired = expires if expires is not None and expires < check.as_of else None
    number = {a.item.id: a for a in annexes}
    for result in results:
        for support in result.support:
            if support.item.id in number:
                number[support.item.id].criteria.append(result.qid)
    return annexes, findings


def foreign_items(check: CheckReport, programme: str) -> dict[str, tuple[str, ...]]:
    """Return the items that belong to other programmes only, with the programmes they belong to."""
    own = check.loaded.item_programmes
    by_id = {item.id: item for item in check.loaded.items}
    return {
        ident: programmes or by_id[ident].programmes for ident, programmes in own.items() if programme not in programmes
    }


def stray_narratives(results: list[CriterionResult], narratives: FrameworkNarratives) -> list[Finding]:
    """Return a warning for each narrative file that belongs to no criterion or standard shown."""
    names = {r.ref.criterion.id for r in results} | {f"_standard-{r.ref.standard.id}" for r in results}
    names |= {"_introduction", "_conclusion"}
    return [
        warning(
            "unknown-narrative",
            Location(n.shown),
            t("{name} matches no criterion of this framework, so the report leaves it out", name=Path(n.shown).name),
            t("name it after a criterion id (e.g. 1.3.md), _introduction.md, _conclusion.md or _standard-<id>.md"),
        )
        for name, n in narratives.by_name.items()
        if name not in names
    ]


def uncited(results: list[CriterionResult], narratives: FrameworkNarratives) -> list[Finding]:
    """Return a warning for each item that directly supports a criterion its narrative never cites."""
    findings = []
    for result in results:
        narrative = narratives.get(result.ref.criterion.id)
        if narrative is None or not narrative.written:
            continue  # the missing text is the finding, not each item it does not cite
        cited = {c.evidence for c in narrative.citations}
        for support in result.support:
            if support.via is None and support.item.id not in cited:
                findings.append(
                    warning(
                        "uncited-evidence",
                        Location(narrative.shown),
                        t("{id} supports {qid} but its narrative never cites it", id=support.item.id, qid=result.qid),
                        t("cite it as [{id}] where the text relies on it", id=support.item.id),
                        criterion=result.qid,
                        evidence=support.item.id,
                    )
                )
    return findings


def _shown(path: Path) -> str:
    """Return a narrative's path from the workspace root: narratives/<framework>/…/<id>.md."""
    parts = path.parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("narratives") :]) if "narratives" in parts else path.name


def gaps(
    results: list[CriterionResult], narratives: FrameworkNarratives, strict: bool, programme: str | None = None
) -> list[Finding]:
    """Return a finding for each criterion without narrative or with a coverage gap (in `programme`'s report)."""
    make = error if strict else warning
    findings = []
    for result in results:
        if result.status is Status.not_applicable:
            continue
        # In a programme's report, the criterion is named with its programme: each programme has its own.
        qid = t("{qid} in programme {programme}", qid=result.qid, programme=programme) if programme else result.qid
        narrative = narratives.get(result.ref.criterion.id)
        if narrative is None or not narrative.written:
            path = narrative.path if narrative is not None else narratives.folder / f"{result.ref.criterion.id}.md"
            # Under --strict nothing is written, so the message must not talk about the report's text.
            message = (
                t("{qid} has no narrative; --strict stops the build", qid=qid)
                if strict
                else t("{qid} has no narrative; the report shows a placeholder", qid=qid)
            )
            findings.append(
                make(
                    "no-narrative",
                    result.ref.where,
                    message,
                    t("write the text in {path}", path=_shown(path)),
                    criterion=result.qid,
                    programme=programme,
                )
            )
        # Expiring is met on the reference date: the report shows it, it is no gap.
        if result.status not in MET:
            status = result.status.word()
            message = (
                t("{qid} is {status}; --strict stops the build", qid=qid, status=status)
                if strict
                else t("{qid} is {status}; the report says so in its text", qid=qid, status=status)
            )
            findings.append(
                make(
                    "coverage-gap",
                    result.ref.where,
                    message,
                    t("see selfassess check for what is missing"),
                    criterion=result.qid,
                    programme=programme,
                )
            )
    return findings
