"""What a data source is declared to hold: its file, and each column's names, type and values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from selfassess.data.values import Other, Resolve, ValueSet, default_resolution

ColumnType = Literal["text", "number", "integer", "date", "year"]


class ColumnSpec(BaseModel):
    """One column of a data source: the names it may have (ky/ru/en), its type, allowed values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    names: Annotated[tuple[str, ...], Field(min_length=1)]
    type: ColumnType = "text"
    allowed: tuple[str, ...] = ()
    # The values a text column may take, each with the other spellings that mean it:
    # {Экономика: [Economics, ЭФ]}. Compared without regard to case, spaces or ё/е.
    values: dict[str, tuple[str, ...]] = {}
    other: Other = "drop"  # a value outside `values`/`allowed`/`resolve`: drop, error or keep
    # Which list of selfassess.yaml the values name; by default a column headed like a programme
    # («Программа», «Шифр ОП») names programmes and one headed like a faculty names faculties.
    resolve: Resolve | None = None
    required: bool = True
    # The smallest and largest value a number may take; an integer column counts (at least 0).
    min: float | None = None
    max: float | None = None

    @field_validator("values", mode="before")
    @classmethod
    def _spellings(cls, value: object) -> object:
        # Codes arrive as numbers (580100: [Экономика]) and a single spelling as a plain string.
        if not isinstance(value, dict):
            return value
        return {
            str(k): tuple(str(a) for a in (v if isinstance(v, list | tuple) else [] if v is None else [v]))
            for k, v in value.items()
        }

    def value_set(self, key: str, vocabulary: Mapping[str, ValueSet], declared_in: str) -> ValueSet | None:
        """Return the values this column may take, or None when any value is a value."""
        if self.type != "text":
            return None
        if self.values or self.allowed:
            return ValueSet.of({**{a: () for a in self.allowed}, **self.values}, declared_in)
        resolve = self.resolve or default_resolution(key, self.names)
        return vocabulary.get(resolve) if resolve != "none" else None

    def lowest(self) -> float | None:
        """Return the smallest value allowed: `min`, else 0 for counts (integer columns)."""
        return self.min if self.min is not None else (0 if self.type == "integer" else None)


class SourceSpec(BaseModel):
    """A data source declared in indicators/sources.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    file: str
    sheet: str | None = None
    header_row: int | None = Field(None, ge=1)
    columns: dict[str, ColumnSpec]
