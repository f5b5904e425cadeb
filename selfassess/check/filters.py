"""Which criteria a check reports on: framework, standard, owner and programme filters."""

from __future__ import annotations

from dataclasses import dataclass

from selfassess.check.coverage import CriterionResult
from selfassess.check.rules import criteria_under
from selfassess.errors import InvalidWorkspace
from selfassess.messages import t
from selfassess.textnorm import fold
from selfassess.workspace.loader import Loaded


@dataclass(frozen=True)
class Filters:
    """Which criteria a check reports on; empty means all."""

    frameworks: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    owner: str | None = None
    programme: str | None = None  # only evidence of this programme and institution-wide evidence


NO_FILTERS = Filters()  # every criterion


def apply_filters(
    loaded: Loaded,
    results: list[CriterionResult],
    filters: Filters,
    programmes: dict[str, list[CriterionResult]] | None = None,
) -> list[CriterionResult]:
    """Return the results that match the framework, standard and owner filters.

    A unit owns a programme criterion when it answers for it in any programme.
    """
    unknown = [f for f in filters.frameworks if f not in loaded.catalogues]
    if unknown:
        raise InvalidWorkspace(
            t(
                "no framework '{unknown}' in this workspace; in use: {items}",
                unknown=unknown[0],
                items=", ".join(loaded.catalogues),
            )
        )
    if filters.frameworks:
        results = [r for r in results if r.ref.framework.id in filters.frameworks]
    if filters.standards:
        wanted: set[str] = set()
        for std in filters.standards:
            keys = [std] if ":" in std else [f"{fid}:{std}" for fid in (filters.frameworks or loaded.catalogues)]
            for key in keys:
                wanted.update(criteria_under(loaded, key))
        if not wanted:
            raise InvalidWorkspace(
                t("no standard '{items}' in the frameworks in use", items=", ".join(filters.standards))
            )
        results = [r for r in results if r.qid in wanted]
    if filters.owner:
        unit = fold(filters.owner)
        owners: dict[str, set[str]] = {}
        for per in (programmes or {}).values():
            for r in per:
                if r.owner:
                    owners.setdefault(r.qid, set()).add(fold(r.owner))
        results = [
            r
            for r in results
            if (r.owner and fold(r.owner) == unit)
            or unit in owners.get(r.qid, ())
            or any(s.item.owner and fold(s.item.owner) == unit for s in r.support)
        ]
    return results
