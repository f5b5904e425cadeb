"""The register's criteria cells read as catalogue criteria: "3.4" without its framework, "1,3"
written with a decimal comma, a typo with its nearest criterion."""

from __future__ import annotations

import re
from collections import defaultdict

from selfassess.errors import Finding, error, warning
from selfassess.messages import listed, t
from selfassess.textnorm import SUGGEST_LIMIT, did_you_mean, fold, normalise_qid
from selfassess.workspace.loader import Loaded


class Resolved:
    """Each item's criteria as qualified ids, and the problems with the ones that did not resolve."""

    def __init__(self) -> None:
        self.by_item: dict[str, list[str]] = {}
        self.findings: list[Finding] = []


_LOOK_ALIKES = str.maketrans("lIОOoоЗз", "11000033")


def suggest_criterion(written: str, loaded: Loaded) -> str | None:
    """Return the criterion id the user most likely meant by `written`."""
    text = written.strip()
    by_framework: dict[str, list[str]] = defaultdict(list)
    for qid in loaded.criteria:
        fw, cid = qid.split(":", 1)
        by_framework[fw].append(cid)
    if ":" in text:
        fw, cid = (part.strip() for part in text.split(":", 1))
    else:
        match = re.match(r"^([A-Za-zА-Яа-я][\w-]*?)[\s\-_]+(\S+)$", text)
        fw, cid = (match.group(1), match.group(2)) if match else ("", text)
    # A letter typed for the digit it looks like ("1.l", "2.O", Cyrillic «З»): read as that digit.
    cid = cid.translate(_LOOK_ALIKES) if re.fullmatch(r"[\dlIОOoоЗз.]+", cid) and re.search(r"\d", cid) else cid
    if not fw:
        owners = [f for f, cids in by_framework.items() if cid in cids]
        if len(owners) >= 1:
            return listed([f"{f}:{cid}" for f in owners], "or")
    framework = fw.casefold() if fw.casefold() in by_framework else None
    if framework is None and fw:
        framework = next((f for f in by_framework if f.startswith(fold(fw).replace(" ", "-"))), None)
        framework = framework or did_you_mean(fw, list(by_framework))
    if framework:
        if cid in by_framework[framework]:
            return f"{framework}:{cid}"
        close = did_you_mean(cid, by_framework[framework], cutoff=0.5)
        if close:
            return f"{framework}:{close}"
    if len(loaded.criteria) <= SUGGEST_LIMIT:
        return did_you_mean(text, list(loaded.criteria))
    return None


def resolve_item_criteria(loaded: Loaded) -> Resolved:
    """Return every item's criteria resolved to qualified ids, reporting the unknown ones."""
    out = Resolved()
    example = next(iter(loaded.criteria), "esg2015:1.1")  # a criterion of this workspace, as the example
    default = loaded.config.default_framework if loaded.config else None
    for item, where, cell in zip(loaded.items, loaded.item_where, loaded.item_criteria_where, strict=True):
        qids = []
        criteria, joined = _decimal_commas(item.criteria, loaded)
        for first, second in joined:
            out.findings.append(
                warning(
                    "decimal-comma",
                    cell,
                    t(
                        "{id} cites '{first},{second}', read as criterion {first}.{second} (no criterion {first} "
                        "or {second} exists)",
                        id=item.id,
                        first=first,
                        second=second,
                    ),
                    t("write {first}.{second} with a point; separate criteria with ';'", first=first, second=second),
                    evidence=item.id,
                )
            )
        for written in criteria:
            qid = written if written in loaded.criteria else normalise_qid(written)
            if qid not in loaded.criteria and ":" not in written:
                # Offices write "3.4", not "esg2015:3.4": fine when exactly one framework has it.
                owners = [f"{fw}:{written.strip()}" for fw in loaded.catalogues]
                owners = [q for q in owners if q in loaded.criteria]
                preferred = f"{default}:{written.strip()}" if default else None
                if len(owners) > 1 and preferred in owners:
                    owners = [preferred]  # selfassess.yaml says which framework bare numbers mean
                if len(owners) == 1:
                    qid = owners[0]
                elif len(owners) > 1:
                    out.findings.append(
                        error(
                            "ambiguous-criterion",
                            cell,
                            t(
                                "{id} cites '{written}', which {count} frameworks in use define",
                                id=item.id,
                                written=written,
                                count=len(owners),
                            ),
                            t(
                                "write which one: {items}; or, when the register means one framework, "
                                "set default_framework: {framework} in selfassess.yaml",
                                items=listed(owners, "or"),
                                framework=owners[-1].split(":", 1)[0],
                            ),
                            evidence=item.id,
                        )
                    )
                    continue
            if qid in loaded.criteria:
                if qid not in qids:
                    qids.append(qid)
                continue
            if qid.split(":", 1)[0] in loaded.unreadable:
                continue  # its catalogue could not be read; that error is already reported
            close = suggest_criterion(written, loaded)
            message = t("{id} cites '{written}'; no catalogue in use defines it", id=item.id, written=written)
            out.findings.append(
                error(
                    "unknown-criterion",
                    cell,
                    message,
                    t("did you mean '{close}'?", close=close)
                    if close
                    else t("write criteria as framework:criterion, e.g. {example}", example=example),
                    evidence=item.id,
                )
            )
        out.by_item[item.id] = qids
        if not item.criteria:
            out.findings.append(
                warning(
                    "no-criteria",
                    where,
                    t("{id} supports no criterion, so it counts nowhere", id=item.id),
                    t("fill in the criteria it supports, e.g. {example}", example=example),
                    evidence=item.id,
                )
            )
    return out


def _decimal_commas(criteria: tuple[str, ...], loaded: Loaded) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the criteria with "1,3" read as 1.3 where neither 1 nor 3 is a criterion and 1.3 is
    (a Russian keyboard writes the point as a comma; the cell was split at it), and the pairs joined."""
    out: list[str] = []
    joined: list[tuple[str, str]] = []
    index = 0
    while index < len(criteria):
        first = criteria[index]
        second = criteria[index + 1] if index + 1 < len(criteria) else ""
        if (
            second.isdigit()
            and first.rsplit(":", 1)[-1].isdigit()
            and not _known(first, loaded)
            and not _known(second, loaded)
            and _known(f"{first}.{second}", loaded)
        ):
            out.append(f"{first}.{second}")
            joined.append((first, second))
            index += 2
            continue
        out.append(first)
        index += 1
    return out, joined


def _known(written: str, loaded: Loaded) -> bool:
    """Return True when `written` names a criterion, with its framework or without."""
    if written in loaded.criteria or normalise_qid(written) in loaded.criteria:
        return True
    return ":" not in written and any(f"{fw}:{written}" in loaded.criteria for fw in loaded.catalogues)
