"""Evidence requests (seed section 6): a memo per responsible unit and a tracking list.

Each run is remembered in `.selfassess/requests.json`, so the next run can mark what has
arrived since: a criterion requested earlier that is covered now.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from selfassess import i18n
from selfassess.atomic import write_bytes, write_text
from selfassess.coverage import CriterionResult, Freshness, Status
from selfassess.docmodel import DocStatus, DocType, DocumentMeta
from selfassess.documents import MEMO_TEMPLATE, ControlledDocument, render_docx
from selfassess.errors import Finding, Location, warning
from selfassess.pipeline import CheckReport
from selfassess.report import Tables
from selfassess.textnorm import fold, safe_name
from selfassess.word.normalize import normalize_docx

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
    missing = [kinds.label(k, lang) for k in requirement.kinds if k not in present]
    if missing:
        parts.append(i18n.label("need_kinds", lang, kinds=", ".join(missing)))
    old = [
        f"{s.item.id} {s.item.title}"
        for s in result.support
        if s.freshness in (Freshness.expired, Freshness.too_old, Freshness.expiring)
    ]
    if result.status is Status.stale and old:
        parts.append(i18n.label("need_renew", lang, items="; ".join(old)))
    return "; ".join(parts)


def _gaps(report: CheckReport, unit: str | None) -> dict[str, list[CriterionResult]]:
    by_unit: dict[str, list[CriterionResult]] = {}
    for result in report.criteria:
        gap = result.status in (Status.missing, Status.partial, Status.stale)
        if gap and result.owner and (unit is None or fold(result.owner) == fold(unit)):
            by_unit.setdefault(result.owner, []).append(result)
    return by_unit


def write_requests(
    root: Path, report: CheckReport, due: dt.date | None = None, unit: str | None = None
) -> RequestResult:
    """Write build/requests/: one DOCX memo per unit with gaps and requests.xlsx; return what was written."""
    config = report.loaded.config
    assert config is not None
    lang = config.language
    day = report.as_of
    due = due or day + dt.timedelta(days=30)
    out = RequestResult()
    unowned = [
        r.qid for r in report.criteria if r.status in (Status.missing, Status.partial, Status.stale) and not r.owner
    ]
    if unowned and unit is None:
        out.findings.append(
            warning(
                "no-owner",
                Location("selfassess.yaml"),
                f"{len(unowned)} criteria with gaps have no responsible unit, so no memo asks for them: "
                + ", ".join(unowned[:5])
                + (" …" if len(unowned) > 5 else ""),
                "name the unit under 'owners:' (per criterion, standard or framework)",
            )
        )
    log_path = root / LOG
    previous = json.loads(log_path.read_text(encoding="utf-8")) if log_path.is_file() else []
    statuses = {r.qid: r.status.value for r in report.criteria}
    for entry in previous:
        entry["arrived"] = entry.get("arrived") or statuses.get(entry["criterion"]) == "covered"
    out.arrived = sorted({e["criterion"] for e in previous if e["arrived"]})
    gaps = _gaps(report, unit)
    own = config.department
    department = own.name.get(lang) if own else i18n.label("qa_department", lang)
    head = own.head if own else None
    folder = root / "build" / "requests"
    for number, (name, results) in enumerate(sorted(gaps.items()), start=1):
        rows = [
            [r.qid, r.ref.criterion.title.get(lang), needed(r, report, lang), i18n.format_date(due, lang, "numeric")]
            for r in results
        ]
        tables = Tables()
        body = "\n".join(
            [
                i18n.label(
                    "request_intro",
                    lang,
                    date=i18n.format_date(day, lang, "long"),
                    due=i18n.format_date(due, lang, "long"),
                    department=department,
                ).replace("..", "."),  # a long date may end in its own full stop ("2027 г.")
                "",
                *tables.add(
                    [i18n.label(k, lang) for k in ("criterion", "title", "needed", "deadline")],
                    rows,
                    (1600, 3600, 2900, 1255),
                ),
            ]
        )
        meta = DocumentMeta(
            code=f"REQ-{day.isoformat()}-{number:02d}",
            title=i18n.label("request_title", lang, unit=name),
            type=DocType.memo,
            owner=department,
            language=lang,
            version="1.0",
            status=DocStatus.approved,
            date=day,
            blank_change_rows=0,
        )
        document = ControlledDocument(root / "build" / "requests", meta)
        target = folder / f"{safe_name(name)}.docx"
        extra = {
            "to_label": i18n.label("memo_to", lang),
            "addressee": name,
            "from_label": i18n.label("memo_from", lang),
            "sender": department[:1].upper() + department[1:],
            "signer_position": head.position.get(lang) if head else i18n.label("qa_head", lang),
            "signer_name": head.name if head else "",
            "date_long": i18n.format_date(day, lang, "long"),
        }
        memo = render_docx(
            root, document, config, body_text=body, tables=tables.xml, template=MEMO_TEMPLATE, extra=extra
        )
        write_bytes(target, memo)
        out.written.append(target)
        previous += [
            {
                "requested": day.isoformat(),
                "unit": name,
                "criterion": r.qid,
                "status": r.status.value,
                "due": due.isoformat(),
                "arrived": False,
            }
            for r in results
            if not any(e["criterion"] == r.qid and not e["arrived"] for e in previous)
        ]
    if unit is None and folder.is_dir():
        # A memo left from an earlier run for a unit with no gaps now would ask for nothing owed.
        for stale in folder.glob("*.docx"):
            if stale not in out.written:
                stale.unlink()
    write_text(log_path, json.dumps(previous, ensure_ascii=False, indent=1) + "\n")
    target = folder / "requests.xlsx"
    write_bytes(target, _tracking(previous, report, lang))
    out.written.append(target)
    return out


def _tracking(entries: list[dict[str, object]], report: CheckReport, lang: str) -> bytes:
    """Return the tracking list: every request made, its criterion's status now, whether it arrived."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = i18n.label("evidence", lang)[:31]
    header = ["requested_on", "unit", "criterion", "status", "deadline", "arrived"]
    sheet.append([i18n.label(k, lang) for k in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    now = {r.qid: r.status.value for r in report.criteria}
    for e in entries:
        sheet.append(
            [
                str(e["requested"]),
                str(e["unit"]),
                str(e["criterion"]),
                i18n.label(f"coverage.{now.get(str(e['criterion']), e['status'])}", lang),
                str(e["due"]),
                i18n.label("yes" if e["arrived"] else "no", lang),
            ]
        )
    for column, width in zip("ABCDEF", (14, 40, 20, 18, 14, 12), strict=True):
        sheet.column_dimensions[column].width = width
    when = dt.datetime.combine(report.as_of, dt.time())
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    book.save(buffer)
    return normalize_docx(buffer.getvalue(), when)
