"""Rules over the narratives: citations the register does not have, unusable items, draft markers."""

from __future__ import annotations

from selfassess.errors import Finding, Severity
from selfassess.models import FrameworkKind
from selfassess.workspace.loader import Loaded
from selfassess.workspace.narratives import (
    CitationStyle,
    FrameworkNarratives,
    Narrative,
    citation_problems,
    draft_markers,
    load_narratives,
)


def citation_style(loaded: Loaded) -> CitationStyle:
    """Return how this workspace's texts cite its register's ids (those of rows left out too)."""
    pattern = loaded.config.citation_pattern if loaded.config else None
    return CitationStyle([*(item.id for item in loaded.items), *left_out_rows(loaded)], pattern)


def left_out_rows(loaded: Loaded) -> dict[str, str]:
    """Return the ids of register rows left out for their errors, each with where the row is."""
    register = loaded.rel(loaded.register_path) if loaded.register_path else None
    known = {item.id for item in loaded.items}
    out: dict[str, str] = {}
    for finding in loaded.findings:
        where, ident = finding.where, finding.evidence
        if finding.severity is Severity.error and ident and ident not in known and where and where.path == register:
            out.setdefault(ident, str(where))
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
