"""Categorical values as offices write them: one canonical value, its other spellings, the rest.

A survey export names one programme «Экономика», «Экономика » and «Economics»; an HR export
writes a faculty in Russian where selfassess.yaml has it in Kyrgyz. Each of these must be one
group, and a value the workspace does not know must be said, never become a group of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from selfassess.models import Workspace
from selfassess.textnorm import did_you_mean, fold

Other = Literal["drop", "error", "keep"]  # what becomes of a value outside the declared set
Resolve = Literal["programmes", "faculties", "none"]

# Headers that make a column name a programme or a faculty, folded (ky, ru, en).
PROGRAMME_HEADERS = frozenset(
    fold(h)
    for h in (
        "programme",
        "program",
        "study programme",
        "программа",
        "образовательная программа",
        "ОП",
        "направление",
        "направление подготовки",
        "специальность",
        "шифр ОП",
        "код ОП",
        "программасы",
        "билим берүү программасы",
        "адистик",
        "багыт",
    )
)
FACULTY_HEADERS = frozenset(
    fold(h) for h in ("faculty", "факультет", "факультети", "факультеты", "institute", "институт", "институту")
)


@dataclass(frozen=True)
class ValueSet:
    """The values a categorical column may take, every spelling folded to its canonical value."""

    names: Mapping[str, str]  # folded spelling → canonical value
    declared_in: str  # where the set is declared, for messages: "indicators/sources.yaml"
    ambiguous: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, values: Mapping[str, Iterable[str]], declared_in: str) -> ValueSet:
        """Return the set of `values` (canonical → other spellings); a spelling two share names neither."""
        owners: dict[str, list[str]] = {}
        for canonical, spellings in values.items():
            for spelling in (canonical, *spellings):
                ids = owners.setdefault(fold(spelling), [])
                if canonical not in ids:
                    ids.append(canonical)
        names = {name: ids[0] for name, ids in owners.items() if name and len(ids) == 1}
        ambiguous = {name: tuple(ids) for name, ids in owners.items() if len(ids) > 1}
        for canonical in values:  # a canonical value always names itself
            names[fold(canonical)] = canonical
            ambiguous.pop(fold(canonical), None)
        return cls(names, declared_in, ambiguous)

    def resolve(self, written: str) -> str | None:
        """Return the canonical value `written` stands for, or None."""
        return self.names.get(fold(written))

    def suggest(self, written: str) -> str | None:
        """Return the canonical value closest to `written`, for a hint."""
        close = did_you_mean(fold(written), list(self.names), cutoff=0.75)
        return self.names[close] if close else None

    def canonical(self) -> list[str]:
        """Return the canonical values, each once, in their declared order."""
        return list(dict.fromkeys(self.names.values()))


def vocabulary(config: Workspace | None) -> dict[str, ValueSet]:
    """Return the value sets selfassess.yaml declares: its programmes and its faculties."""
    if config is None:
        return {}
    out: dict[str, ValueSet] = {}
    if config.programmes:
        out["programmes"] = ValueSet.of(
            {p.id: p.names()[1:] for p in config.programmes}, "selfassess.yaml (programmes:)"
        )
    if config.faculties:
        out["faculties"] = ValueSet.of(
            {f.key(config.language): f.names() for f in config.faculties}, "selfassess.yaml (faculties:)"
        )
    return out


def default_resolution(key: str, headers: Iterable[str]) -> Resolve:
    """Return which list of selfassess.yaml a column's values name, judged by its key and headers."""
    names = {fold(key), *(fold(h) for h in headers)}
    if names & PROGRAMME_HEADERS:
        return "programmes"
    if names & FACULTY_HEADERS:
        return "faculties"
    return "none"
