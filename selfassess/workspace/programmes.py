"""Programmes as people write them: by id, code, any title (ky/ru/en) or an alias, folded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from selfassess.messages import t
from selfassess.models import Programme
from selfassess.textnorm import did_you_mean, fold, safe_name


@dataclass
class ProgrammeIndex:
    """Every name of every programme in selfassess.yaml, folded, pointing at the programme's id."""

    programmes: tuple[Programme, ...] = ()
    by_name: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # folded name → the ids sharing it

    @classmethod
    def of(cls, programmes: Iterable[Programme]) -> ProgrammeIndex:
        """Return the index of `programmes`; a name two programmes share resolves to neither."""
        index = cls(tuple(programmes))
        owners: dict[str, list[str]] = {}
        for programme in index.programmes:
            for name in programme.names():
                ids = owners.setdefault(fold(name), [])
                if programme.id not in ids:
                    ids.append(programme.id)
        for name, ids in owners.items():
            if not name:
                continue
            if len(ids) == 1:
                index.by_name[name] = ids[0]
            else:
                index.ambiguous[name] = ids
        # An id is never ambiguous: it names its own programme even if another one's title says it too.
        for programme in index.programmes:
            index.by_name[fold(programme.id)] = programme.id
            index.ambiguous.pop(fold(programme.id), None)
        return index

    def get(self, programme_id: str) -> Programme | None:
        """Return the programme with this id."""
        return next((p for p in self.programmes if p.id == programme_id), None)

    def resolve(self, written: str) -> str | None:
        """Return the id of the programme `written` names, or None."""
        return self.by_name.get(fold(written))

    def regroup(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """Return the programme names of a register cell split at its commas and semicolons, with
        parts joined again where together they name a programme ("Экономика, бакалавр")."""
        if len(parts) < 2:
            return parts
        out: list[str] = []
        start = 0
        while start < len(parts):
            end = start + 1
            # The longest run of parts (up to 4) that names a programme together.
            for stop in range(min(len(parts), start + 4), start + 1, -1):
                if self.resolve(" ".join(parts[start:stop])) is not None:
                    end = stop
                    break
            out.append(", ".join(parts[start:end]))
            start = end
        return tuple(out)

    def suggest(self, written: str) -> str | None:
        """Return the name closest to `written`, as the user would write it."""
        names = {fold(n): n for p in self.programmes for n in p.names()}
        return did_you_mean(written, names)

    def folders(self) -> dict[str, str]:
        """Return each programme's folder name under build/ and narratives/ (its id made safe)."""
        return {p.id: safe_name(p.id) for p in self.programmes}

    def known(self) -> str:
        """Return the programme ids as a short list for messages."""
        return ", ".join(p.id for p in self.programmes) or t("none")

    def not_found(self, written: str) -> str:
        """Return the message for a programme name that names no programme."""
        close = self.suggest(written)
        if close:
            return t(
                "no programme '{name}' in selfassess.yaml (did you mean '{close}'?); programmes: {programmes}",
                name=written,
                close=close,
                programmes=self.known(),
            )
        return t(
            "no programme '{name}' in selfassess.yaml; programmes: {programmes}", name=written, programmes=self.known()
        )
