"""An imported catalogue written as criteria/<id>.yaml, and what changed since the last import."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from selfassess.atomic import write_text
from selfassess.errors import SelfAssessError
from selfassess.messages import N_, t
from selfassess.models import Catalogue
from selfassess.workspace.yamlfile import read_yaml, validate


@dataclass
class Changes:
    """What an import changes in an existing catalogue, by criterion id."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def lines(self) -> list[str]:
        """Return the changes in words, one line per kind of change."""
        out = []
        for label, ids in ((_ADDED, self.added), (_REMOVED, self.removed), (_CHANGED, self.changed)):
            if ids:
                out.append(t(label, count=len(ids), ids=", ".join(ids)))
        return out or [t("no criterion changed")]


_ADDED, _REMOVED, _CHANGED = (
    N_("added ({count}): {ids}"),
    N_("removed ({count}): {ids}"),
    N_("changed ({count}): {ids}"),
)


def validated(data: dict[str, Any], shown: str) -> Catalogue:
    """Return the catalogue data as a Catalogue, or stop with what is wrong (a bug if it happens)."""
    catalogue, findings = validate(data, Catalogue, shown)
    if catalogue is None:
        raise SelfAssessError(
            t("the imported catalogue is not valid; {problems}", problems="; ".join(f.message for f in findings))
        )
    return catalogue


def changes(old: Catalogue, new: Catalogue) -> Changes:
    """Return the criteria added, removed and changed (naming the fields that changed) from `old` to `new`."""

    def index(catalogue: Catalogue) -> dict[str, Any]:
        return {c.id: c for s in catalogue.standards for c in s.criteria}

    before, after = index(old), index(new)
    out = Changes()
    out.added = [c for c in after if c not in before]
    out.removed = [c for c in before if c not in after]
    for cid in (c for c in after if c in before):
        a, b = before[cid].model_dump(), after[cid].model_dump()
        # Every field counts: a changed note or applicability is a change the analyst must see.
        parts = [name for name in dict.fromkeys([*a, *b]) if a.get(name) != b.get(name)]
        if parts:
            out.changed.append(f"{cid} ({', '.join(parts)})")
    return out


def write_catalogue(root: Path, data: dict[str, Any], source: str, force: bool) -> tuple[Path, Changes | None]:
    """Write criteria/<id>.yaml; when it exists, only with `force`. Return it and what changed."""
    ident = data["framework"]["id"]
    target = root / "criteria" / f"{ident}.yaml"
    shown = f"criteria/{ident}.yaml"
    new = validated(data, shown)
    diff = None
    if target.exists():
        old_data, findings = read_yaml(target, shown)
        old = validate(old_data, Catalogue, shown)[0] if old_data is not None and not findings else None
        diff = changes(old, new) if old is not None else None
        if not force:
            said = "; ".join(diff.lines()) if diff is not None else t("the file there cannot be read")
            raise SelfAssessError(
                t(
                    "{path} exists ({changes}); run again with --force to replace it "
                    "(version control or a copy keeps the old one)",
                    path=shown,
                    changes=said,
                )
            )
    header = (
        f"# Imported from {source} by `selfassess catalogue import`.\n"
        "# Check the titles marked in their note as made by selfassess, and source_status.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    write_text(target, header + body)
    return target, diff
