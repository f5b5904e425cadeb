"""Rules over the narratives: citations the register does not have, unusable items, draft markers."""

from __future__ import annotations

import re

from selfassess.errors import Finding, Location, error, warning
from selfassess.messages import t, tn
from selfassess.models import FrameworkKind
from selfassess.textnorm import SUGGEST_LIMIT, did_you_mean
from selfassess.workspace.loader import Loaded
from selfassess.workspace.narratives import CitationStyle, FrameworkNarratives, Narrative, load_narratives


def citation_style(loaded: Loaded) -> CitationStyle:
    """Return how this workspace's texts cite its register's ids (those of rows left out too)."""
    pattern = loaded.config.citation_pattern if loaded.config else None
    return CitationStyle([*(item.id for item in loaded.items), *left_out_rows(loaded)], pattern)


def left_out_rows(loaded: Loaded) -> dict[str, str]:
    """Return the ids of register rows left out for their errors, each with where the row is."""
    known = {item.id for item in loaded.items}
    out: dict[str, str] = {}
    for finding in loaded.row_errors(loaded.findings):
        if finding.evidence not in known:  # a duplicate id's first row still counts
            out.setdefault(str(finding.evidence), str(finding.where))
    return out


def all_narratives(loaded: Loaded) -> list[FrameworkNarratives]:
    """Return the narratives of every framework in use, once per programme where it is judged so."""
    style = citation_style(loaded)
    programmes = [p.id for p in loaded.config.programmes] if loaded.config else []
    out = []
    for fid, catalogue in loaded.catalogues.items():
        if catalogue.framework.kind is FrameworkKind.programme and programmes:
            out += [load_narratives(loaded.root, fid, p, style) for p in programmes]
        else:
            out.append(load_narratives(loaded.root, fid, None, style))
    return out


def narrative_rules(
    loaded: Loaded, broken: dict[str, str], narratives_in_use: list[FrameworkNarratives] | None = None
) -> list[Finding]:
    """Return the problems in the narratives, each once (a shared text serves several programmes)."""
    known = {item.id for item in loaded.items}
    left_out = left_out_rows(loaded)
    found: dict[tuple[str, str, str], Finding] = {}
    for narratives in all_narratives(loaded) if narratives_in_use is None else narratives_in_use:
        problems = citation_problems(narratives, known, broken, left_out)
        for finding in [*narratives.findings, *problems, *draft_markers(narratives)]:
            found.setdefault((str(finding.where), finding.code, finding.message), finding)
    return list(found.values())


def every_narrative(loaded: Loaded, narratives_in_use: list[FrameworkNarratives]) -> list[Narrative]:
    """Return each narrative file once: the frameworks' (shared by programmes) and the monitoring report's."""
    seen: dict[str, Narrative] = {}
    monitoring = load_narratives(loaded.root, "monitoring", None, citation_style(loaded))
    for narratives in [*narratives_in_use, monitoring]:
        for narrative in narratives.by_name.values():
            seen.setdefault(narrative.shown, narrative)
    return list(seen.values())


DRAFT_MARKERS = re.compile(
    r"\[(?:TODO|FIXME|Проверить|Уточнить|Дописать|Текшерүү|Тактоо|Толуктоо)\b[^\]]*\]"
    r"|\b(?:TODO|FIXME|XXX)\b"
    r"|\b[Чч]ерновик\w*",
)


def draft_markers(narratives: FrameworkNarratives) -> list[Finding]:
    """Return a warning for each draft marker left in a narrative ([TODO …], «Черновик», XXX)."""
    findings = []
    for narrative in narratives.by_name.values():
        for number, line in narrative.lines():
            for match in DRAFT_MARKERS.finditer(line):
                findings.append(
                    warning(
                        "draft-marker",
                        Location(narrative.shown, number),
                        t("a draft marker is left in the text: {marker}", marker=match.group(0)),
                        t("finish the text and remove the marker; build --strict stops on it"),
                    )
                )
    return findings


MAX_UNKNOWN_CITATIONS = 50


def citation_problems(
    narratives: FrameworkNarratives, known: set[str], broken: dict[str, str], left_out: dict[str, str] | None = None
) -> list[Finding]:
    """Return an error for each cited id not in the register, a warning for each cited item
    whose file cannot be used (naming the item's problem) or whose row was left out for its
    errors (`left_out`: id → where the row is)."""
    findings = []
    left_out = left_out or {}
    choices = sorted(known) if len(known) <= SUGGEST_LIMIT else []
    for narrative in narratives.by_name.values():
        for citation in narrative.citations:
            if citation.evidence in left_out and citation.evidence not in known:
                # The row is there: "not in the register, did you mean …" would send the author to another item.
                findings.append(
                    warning(
                        "cited-left-out",
                        Location(narrative.shown, citation.line),
                        t(
                            "the text cites [{id}], whose register row ({row}) has errors, so it is not annexed",
                            id=citation.evidence,
                            row=left_out[citation.evidence],
                        ),
                        t("fix that row of the register (its error is listed above)"),
                        evidence=citation.evidence,
                    )
                )
        unknown = [c for c in narrative.citations if c.evidence not in known and c.evidence not in left_out]
        for extra in unknown[MAX_UNKNOWN_CITATIONS : MAX_UNKNOWN_CITATIONS + 1]:
            # A pasted list of thousands of ids is one problem, not thousands of lines.
            findings.append(
                error(
                    "unknown-citation",
                    Location(narrative.shown, extra.line),
                    tn(
                        "{n} more citation of an id not in the register",
                        "{n} more citations of ids not in the register",
                        len(unknown) - MAX_UNKNOWN_CITATIONS,
                    ),
                    t("cite evidence by its register ids"),
                )
            )
        shown_unknown = {id(c) for c in unknown[:MAX_UNKNOWN_CITATIONS]}
        for citation in narrative.citations:
            where = Location(narrative.shown, citation.line)
            if citation.evidence in left_out and citation.evidence not in known:
                continue
            if citation.evidence not in known:
                if id(citation) not in shown_unknown:
                    continue
                close = did_you_mean(citation.evidence, choices) if choices else None
                findings.append(
                    error(
                        "unknown-citation",
                        where,
                        t("the text cites [{id}], which is not in the register", id=citation.evidence),
                        t("did you mean [{id}]?", id=close)
                        if close
                        else t("cite evidence by its register id, e.g. [E-012]"),
                        evidence=citation.evidence,
                    )
                )
            elif citation.evidence in broken:
                findings.append(
                    warning(
                        "cited-unusable",
                        where,
                        t(
                            "the text cites [{id}], which cannot be annexed: {problem}",
                            id=citation.evidence,
                            problem=broken[citation.evidence],
                        ),
                        t("fix {id} in the register, or cite another item", id=citation.evidence),
                        evidence=citation.evidence,
                    )
                )
    return findings
