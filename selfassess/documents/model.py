"""Controlled documents as data: metadata, people, revisions (the change-registration sheet), the document on disk."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from selfassess.messages import t
from selfassess.models import Language, OptDate
from selfassess.textnorm import safe_name
from selfassess.values import parse_date


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True, str_strip_whitespace=True)


class DocType(StrEnum):
    regulation = "regulation"
    instruction = "instruction"
    procedure = "procedure"
    plan = "plan"
    report = "report"
    order = "order"
    memo = "memo"


class DocStatus(StrEnum):
    draft = "draft"
    approved = "approved"
    superseded = "superseded"


class Signatory(_Strict):
    """A person in a signature table: position, name and (optionally) the date signed."""

    position: str
    name: str = ""
    date: OptDate = None


class Approval(_Strict):
    """The «БЕКТЕМ» block: who approves the document (default: the workspace's approver)."""

    position: str | None = None
    name: str | None = None
    date: OptDate = None


class Agreement(_Strict):
    """The «Макулдашылган» block: the body that agreed the document, its chair and protocol."""

    body: str | None = None
    position: str | None = None
    name: str | None = None
    protocol: str | None = None
    date: OptDate = None


class DocumentMeta(_Strict):
    """`document.yaml` of one controlled document."""

    code: Annotated[str, Field(min_length=1, max_length=100)]
    # Word keeps at most 255 characters of a title in the document's properties.
    title: Annotated[str, Field(min_length=1, max_length=255)]
    subtitle: str | None = None
    type: DocType
    owner: str | None = None
    language: Language = "ky"
    version: Annotated[str, Field(pattern=r"^\d+\.\d+$")] = "1.0"
    status: DocStatus = DocStatus.draft
    date: Annotated[dt.date, BeforeValidator(parse_date)]
    effective: OptDate = None
    review: OptDate = None
    approval: Approval = Approval()
    agreement: Agreement = Agreement()
    developers: tuple[Signatory, ...] = ()
    agreement_sheet: tuple[Signatory, ...] = ()
    blank_change_rows: Annotated[int, Field(ge=0, le=40)] = 5

    @field_validator("status")
    @classmethod
    def _not_superseded_by_hand(cls, value: DocStatus) -> DocStatus:
        if value is DocStatus.superseded:
            raise ValueError(
                t("'superseded' is set by 'selfassess doc revise' when a new version is issued; use draft or approved")
            )
        return value


class Revision(_Strict):
    """One row of the change-registration sheet, appended by `selfassess doc revise`."""

    number: Annotated[int, Field(ge=1)]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+$")]
    previous: Annotated[str, Field(pattern=r"^\d+\.\d+$")]
    order: Annotated[str, Field(min_length=1)]
    received: dt.date
    entered: dt.date
    summary: Annotated[str, Field(min_length=1)]
    by: str = ""
    archive_sha256: dict[str, str] = {}
    previous_sha256: str = ""  # the seal of the entry before (for the first: of the document's code)
    sha256: str = ""  # this entry's seal: SHA-256 of every field above

    def seal(self) -> str:
        """Return the SHA-256 of the entry's fields (all but its own seal), as written."""
        fields = self.model_dump(mode="json", exclude={"sha256"})
        return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def genesis(code: str) -> str:
    """Return what the first entry of a document's history chains to: the document's code."""
    return hashlib.sha256(f"selfassess history of {code}".encode()).hexdigest()


def next_version(version: str, major: bool) -> str:
    """Return the version after `version`: 0.1 → 0.2, or with `major` 0.2 → 1.0."""
    high, low = (int(part) for part in version.split("."))
    return f"{high + 1}.0" if major else f"{high}.{low + 1}"


@dataclass
class ControlledDocument:
    """A controlled document: its metadata, body and revision history as found on disk."""

    folder: Path
    meta: DocumentMeta
    revisions: list[Revision] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def version(self) -> str:
        """Return the current version: the last revision's, or the first issued one."""
        return self.revisions[-1].version if self.revisions else self.meta.version

    @property
    def date(self) -> dt.date:
        """Return the date of the current version."""
        return self.revisions[-1].entered if self.revisions else self.meta.date

    @property
    def body(self) -> Path:
        return self.folder / "body.md"

    def archive_dir(self, version: str) -> Path:
        return self.folder / "archive" / version

    def file_stem(self, version: str | None = None) -> str:
        return safe_name(f"{self.code}_v{version or self.version}")
