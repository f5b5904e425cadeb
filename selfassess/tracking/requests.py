"""Evidence requests (seed section 6): a memo per responsible unit and a tracking list.

Each run is remembered in `.selfassess/requests.json`, so the next run can mark what has
arrived since: a criterion requested earlier that is covered now.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from selfassess import i18n
from selfassess.atomic import write_bytes, write_text
from selfassess.check.coverage import CriterionResult, Freshness, Status
from selfassess.check.pipeline import CheckReport
from selfassess.errors import Finding, InvalidWorkspace, Location, SelfAssessError, info, warning
from selfassess.messages import t, tn
from selfassess.models import Workspace
from selfassess.textnorm import did_you_mean, fold, safe_name
from selfassess.tracking.memo import MemoRow, addressee, department_names, memo_docx, outgoing_numbers, valid_outgoing
from selfassess.workbook import add_table, new_workbook, workbook_bytes

LOG = Path(".selfassess") / "requests.json"


@dataclass
class RequestResult:
    written: list[Path] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def needed(result: CriterionResult, report: CheckReport, lang: str) -> str:
    """Return in words what a criterion still needs: how many documents, which kinds, what to renew."""
    requirement = result.ref.criterion.evidence
    kinds = report.loaded.kinds
    parts = [i18n.label("need_items", lang, n=requirement.min_count)]
    present = {s.kind for s in result.support if s.freshness in (Freshness.current, Freshness.expiring)}
    required = [kinds.resolve(k) or k for k in requirement.kinds]
    missing = [kinds.label(k, lang) for k in required if k not in present]
    if missing:
        parts.append(i18n.label("need_kinds", lang, kinds=", ".join(missing)))
    if result.status is Status.expiring:
        # Met today: what is asked is the renewal, before the day it stops counting.
        soon = [f"{s.item.id} {s.item.title} ({s.until})" for s in result.support if s.freshness is Freshness.expiring]
        return i18n.label("need_renew", lang, items="; ".join(soon))
    old = [
        f"{s.item.id} {s.item.title}"
        for s in result.support
        if s.freshness in (Freshness.expired, Freshness.too_old, Freshness.expiring)
    ]
    if result.status is Status.stale and old:
        parts.append(i18n.label("need_renew", lang, items="; ".join(old)))
    return "; ".join(parts)


GAPS = (Status.missing, Status.partial, Status.stale, Status.expiring)


def _key(result: CriterionResult) -> str:
    """Return how the log names a request: the criterion, and its programme under programme accreditation."""
    return f"{result.qid}@{result.programme}" if result.programme else result.qid


def _entry_key(entry: dict[str, object]) -> str:
    return f"{entry['criterion']}@{entry['programme']}" if entry.get("programme") else str(entry["criterion"])


def _gaps(report: CheckReport) -> dict[str, list[CriterionResult]]:
    """Return the criteria missing, partial, stale or expiring (per programme), by responsible unit."""
    by_unit: dict[str, list[CriterionResult]] = {}
    for result in report.results_to_act_on():
        if result.status in GAPS and result.owner:
            by_unit.setdefault(result.owner, []).append(result)
    return by_unit


def write_requests(
    root: Path, report: CheckReport, due: dt.date | None = None, unit: str | None = None
) -> RequestResult:
    """Write build/requests/: one DOCX memo per unit with gaps and requests.xlsx; return what was written."""
    from selfassess.word.pdf import exclusive

    try:
        (root / LOG).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SelfAssessError(
            t(
                "cannot create the folder {folder} for the request log ({problem}); "
                "if a file of that name is there, move it aside",
                folder=LOG.parent.as_posix(),
                problem=exc.strerror,
            )
        ) from None
    # Two analysts running requests at once would each write the log without the other's additions.
    with exclusive(root / LOG.with_suffix(".lock")):
        return _write_requests(root, report, due, unit)


def _write_requests(root: Path, report: CheckReport, due: dt.date | None, unit: str | None) -> RequestResult:
    config = report.loaded.config
    assert config is not None
    if due is not None and due < report.as_of:
        raise SelfAssessError(
            t(
                "the deadline {due} is before the day of the check ({day}); give a later --due",
                due=due.isoformat(),
                day=report.as_of.isoformat(),
            )
        )
    errors = report.input_errors()
    if errors:
        # A register that does not load would make every criterion look missing.
        raise InvalidWorkspace(t("no requests were written; fix the errors above and run again"), errors)
    out = RequestResult()
    all_gaps = _gaps(report)
    if unit is not None:
        unit = _known_unit(unit, report, config.owners.values())
    unowned = list(dict.fromkeys(r.qid for r in report.results_to_act_on() if r.status in GAPS and not r.owner))
    if unowned and unit is None:
        out.findings.append(
            warning(
                "no-owner",
                Location("selfassess.yaml"),
                tn(
                    "{n} criteria with gaps have no responsible unit, so no memo asks for them: {criteria}",
                    "{n} criteria with gaps have no responsible unit, so no memo asks for them: {criteria}",
                    len(unowned),
                    criteria=", ".join(unowned[:5]) + (" …" if len(unowned) > 5 else ""),
                ),
                t("name the unit under 'owners:' (per criterion, standard or framework)"),
            )
        )
    log = _read_log(root / LOG)
    entries: list[dict[str, object]] = log["requests"]  # type: ignore[assignment]
    out.arrived = _close_answered(entries, report)
    open_entries = {_entry_key(e): e for e in entries if not e["arrived"] and not e.get("withdrawn")}
    # Numbered among all units with gaps, so a memo keeps its number and file when one unit is asked alone.
    numbers = {name: n for n, name in enumerate(sorted(all_gaps), start=1)}
    files = _file_names(numbers)
    folder = root / "build" / "requests"
    own = department_names(config)
    asked = [n for n in sorted(all_gaps) if (unit is None or n == unit) and fold(n) not in own]
    outgoing = outgoing_numbers(log, asked, report.as_of)
    out.findings += _letter_findings(config, all_gaps, asked, own)
    memos: list[tuple[Path, bytes]] = []
    for name, results in sorted(all_gaps.items()):
        if unit is not None and name != unit:
            continue
        deadline: dict[str, dt.date] = {}
        for r in results:
            entry = open_entries.get(_key(r))
            if entry is None:
                entry = {"requested": report.as_of.isoformat(), "criterion": r.qid, "arrived": False}
                if r.programme:
                    entry["programme"] = r.programme
                entries.append(entry)
                open_entries[_key(r)] = entry
            if due is not None or "due" not in entry:
                entry["due"] = (due or report.as_of + dt.timedelta(days=30)).isoformat()
            entry["unit"], entry["status"] = name, r.status.value
            deadline[_key(r)] = dt.date.fromisoformat(str(entry["due"]))
        if name not in outgoing:
            continue  # the department's own gaps: tracked in the list, no letter to itself
        rows = [
            MemoRow(r.qid, _title(r, report, config.language), needed(r, report, config.language), deadline[_key(r)])
            for r in results
        ]
        memos.append((folder / files[name], memo_docx(root, report, name, outgoing[name], rows)))
    for target, memo in memos:
        write_bytes(target, memo)
        out.written.append(target)
    target = folder / "requests.xlsx"
    write_bytes(target, _tracking(entries, report, config.language))
    out.written.append(target)
    previous_memos = [str(m) for m in log["memos"]]  # type: ignore[union-attr]
    if unit is None:
        # A memo left from an earlier run for a unit that owes nothing now would ask for nothing owed.
        # Only memos this command wrote are removed, never a file someone put there.
        for old in previous_memos:
            stale = folder / old
            if stale.is_file() and stale not in out.written:
                stale.unlink()
        log["memos"] = sorted(t.name for t, _ in memos)
    else:
        log["memos"] = sorted({*previous_memos, *(t.name for t, _ in memos)})
    # The log last: if a memo or the list could not be written, the next run asks again.
    write_text(root / LOG, json.dumps(log, ensure_ascii=False, indent=1) + "\n")
    return out


def _letter_findings(
    config: Workspace, gaps: dict[str, list[CriterionResult]], asked: list[str], own: set[str]
) -> list[Finding]:
    """Say what the letters cannot say well: gaps of the department itself (no letter to
    itself), units written to without their head's name, a letter with no signatory's name."""
    findings = []
    self_owned = [n for n in gaps if fold(n) in own]
    if self_owned:
        ids = list(dict.fromkeys(r.qid for n in self_owned for r in gaps[n]))
        findings.append(
            info(
                "own-gaps",
                Location("selfassess.yaml"),
                tn(
                    "{n} criteria with gaps are the department's own ({units}), so no memo is written for them: "
                    "{criteria}",
                    "{n} criteria with gaps are the department's own ({units}), so no memo is written for them: "
                    "{criteria}",
                    len(ids),
                    units=", ".join(self_owned),
                    criteria=", ".join(ids[:5]) + (" …" if len(ids) > 5 else ""),
                ),
                t("they are in requests.xlsx; collect them within the department"),
            )
        )
    headless = [n for n in asked if not addressee(n, config, config.language)[1]]
    if headless:
        findings.append(
            warning(
                "no-unit-head",
                Location("selfassess.yaml"),
                t(
                    "the memos to {units} are addressed to the unit, not to its head by name",
                    units=", ".join(headless),
                ),
                t("add the unit under 'units:' with its head's position and name (docs/formats.md)"),
            )
        )
    if asked and (config.department is None or config.department.head is None):
        findings.append(
            warning(
                "no-signatory",
                Location("selfassess.yaml"),
                t("the memos have no signatory's name: selfassess.yaml names no head of the department"),
                t("add 'head:' (position and name) under 'department:'"),
            )
        )
    return findings


def _close_answered(entries: list[dict[str, object]], report: CheckReport) -> list[str]:
    """Mark open requests whose criterion is covered now (arrived) or gone (withdrawn); return the arrived.

    A programme's request is judged by that programme's result, never by the framework as a whole.
    """
    statuses = {_key(r): r.status.value for r in report.results_to_act_on()}
    day = report.as_of.isoformat()
    arrived = []
    for entry in entries:
        if entry["arrived"] or entry.get("withdrawn"):
            continue
        now = statuses.get(_entry_key(entry))
        if now == "covered":
            entry["arrived"] = day
            programme = entry.get("programme")
            criterion = str(entry["criterion"])
            shown = t("{criterion} in programme {programme}", criterion=criterion, programme=programme)
            arrived.append(shown if programme else criterion)
        elif now in (None, "not-applicable"):
            entry["withdrawn"] = day  # dropped from the catalogue or declared not applicable
    return sorted(arrived)


def _file_names(numbers: dict[str, int]) -> dict[str, str]:
    """Return each unit's memo file name; two names that differ only where a file name cannot get a suffix."""
    files: dict[str, str] = {}
    taken: set[str] = set()
    for name, number in numbers.items():
        file_name = f"{safe_name(name)}.docx"
        if fold(file_name) in taken:
            file_name = f"{safe_name(name)}-{number:02d}.docx"
        taken.add(fold(file_name))
        files[name] = file_name
    return files


def _title(result: CriterionResult, report: CheckReport, lang: str) -> str:
    """Return the criterion's title, with the programme it is asked for under programme accreditation."""
    title = result.ref.criterion.title.get(lang)
    if not result.programme:
        return title
    programme = report.loaded.programmes.get(result.programme)
    name = programme.label(lang) if programme else result.programme
    return f"{title} ({i18n.label('programme', lang)}: {name})"


def _known_unit(unit: str, report: CheckReport, owners: Iterable[str]) -> str:
    """Return the unit as selfassess.yaml spells it, or stop with the units there are."""
    known = sorted({*owners, *(r.owner for r in report.results_to_act_on() if r.owner)})
    if unit in known:
        return unit
    for name in known:
        if fold(name) == fold(unit):
            return name
    close = did_you_mean(unit, known)
    units = ", ".join(known) or t("none")
    if close:
        message = t(
            "no unit '{unit}' under 'owners:' in selfassess.yaml; did you mean '{close}'?; units: {units}",
            unit=unit,
            close=close,
            units=units,
        )
    else:
        message = t("no unit '{unit}' under 'owners:' in selfassess.yaml; units: {units}", unit=unit, units=units)
    raise SelfAssessError(message)


LOG_KEYS = ("requested", "unit", "criterion", "status", "due", "arrived")


def _read_log(path: Path) -> dict[str, list[object]]:
    """Return the request log, or stop with what is wrong with it and how to recover."""
    if not path.is_file():
        return {"requests": [], "memos": [], "outgoing": []}
    # The same remedy ends every message: a clause of its own, after the semicolon.
    shown = {
        "file": LOG.as_posix(),
        "fix": t("restore it from a backup, or delete it to start the tracking list again"),
    }
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SelfAssessError(
            t("{file}: the request log cannot be read ({problem}); {fix}", problem=exc, **shown)
        ) from None
    if isinstance(data, list):  # the first format: the requests only
        data = {"requests": data, "memos": []}
    if not isinstance(data, dict) or not isinstance(data.get("requests"), list):
        raise SelfAssessError(t("{file}: the request log is not a list of requests; {fix}", **shown))
    for number, entry in enumerate(data["requests"], start=1):
        missing = [k for k in LOG_KEYS if not isinstance(entry, dict) or k not in entry]
        if missing:
            keys = ", ".join(missing)
            raise SelfAssessError(t("{file}: request {number} has no {keys}; {fix}", number=number, keys=keys, **shown))
        try:
            dt.date.fromisoformat(str(entry["due"]))
        except ValueError:
            raise SelfAssessError(
                t(
                    "{file}: request {number} has the deadline '{due}', not a date YYYY-MM-DD; {fix}",
                    number=number,
                    due=entry["due"],
                    **shown,
                )
            ) from None
    data["outgoing"] = valid_outgoing(data.get("outgoing"))
    memos = data.get("memos")
    data["memos"] = [m for m in memos if isinstance(m, str) and "/" not in m] if isinstance(memos, list) else []
    return data


def _tracking(entries: list[dict[str, object]], report: CheckReport, lang: str) -> bytes:
    """Return the tracking list: every request made, its criterion's status now, whether it arrived."""
    # The programme column only under programme accreditation, where a criterion is asked per programme.
    with_programme = bool(report.programmes) or any(e.get("programme") for e in entries)
    header = ["requested_on", "unit", "criterion", *(["programme"] if with_programme else []), "status", "deadline"]
    now = {_key(r): r.status.value for r in report.results_to_act_on()}
    rows = []
    for e in entries:
        if e.get("withdrawn"):
            arrived = i18n.label("withdrawn", lang)
        else:
            arrived = i18n.label("yes" if e["arrived"] else "no", lang)
        rows.append(
            [
                _day(e["requested"]),
                str(e["unit"]),
                str(e["criterion"]),
                *([str(e.get("programme") or "")] if with_programme else []),
                i18n.label(f"coverage.{now.get(_entry_key(e), e['status'])}", lang),
                _day(e["due"]),
                arrived,
            ]
        )
    book = new_workbook()
    add_table(book, i18n.label("evidence", lang), [i18n.label(k, lang) for k in [*header, "arrived"]], rows)
    return workbook_bytes(book, dt.datetime.combine(report.as_of, dt.time()))


def _day(value: object) -> object:
    """Return a date the log keeps as text (2026-12-01) as a date, for Excel to sort and filter."""
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
