"""Findings (problems found in a workspace) and the one exception hierarchy."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import click

from selfassess.messages import N_, t


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


# The code in brackets stays as written (a user searches for it); the severity is a word.
_SEVERITY_WORDS = {Severity.error: N_("error"), Severity.warning: N_("warning"), Severity.info: N_("info")}


class Location(NamedTuple):
    """Where a finding points: a file, and a line (text files), a sheet and cell (Excel), or a
    place in a Word document ("page 3, paragraph 41", "table 2, row 3, column 1")."""

    path: str
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    place: str | None = None

    def __str__(self) -> str:
        if self.place is not None:
            return f"{self.path}, {self.place}"
        if self.sheet is not None:
            return f"{self.path}:{self.sheet}!{self.cell}" if self.cell else f"{self.path}:{self.sheet}"
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem or gap, with a stable code a user can search for."""

    severity: Severity
    code: str
    where: Location | None
    message: str
    hint: str | None = None
    criterion: str | None = None
    evidence: str | None = None
    programme: str | None = None

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        text = f"{where}{t(_SEVERITY_WORDS[self.severity])}[{self.code}] {self.message}"
        hint = t("hint:")
        return f"{text}\n    {hint} {self.hint}" if self.hint else text

    def as_dict(self) -> dict[str, str | None]:
        """Return the finding in the shape of the JSON contract (with its programme, when it has one)."""
        shown = {
            "severity": self.severity.value,
            "code": self.code,
            "where": str(self.where) if self.where else None,
            "message": self.message,
            "hint": self.hint,
        }
        if self.programme is not None:
            shown["programme"] = self.programme
        return shown


def error(code: str, where: Location | None, message: str, hint: str | None = None, **refs: str | None) -> Finding:
    """Return an error finding."""
    return Finding(Severity.error, code, where, message, hint, **refs)


def warning(code: str, where: Location | None, message: str, hint: str | None = None, **refs: str | None) -> Finding:
    """Return a warning finding."""
    return Finding(Severity.warning, code, where, message, hint, **refs)


def info(code: str, where: Location | None, message: str, hint: str | None = None, **refs: str | None) -> Finding:
    """Return an informational finding."""
    return Finding(Severity.info, code, where, message, hint, **refs)


class SelfAssessError(click.ClickException):
    """A problem the user can fix; the CLI prints it without a traceback and exits 1."""

    exit_code = 1

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings: list[Finding] = findings or []

    def format_message(self) -> str:
        lines = [str(f) for f in self.findings]
        lines.append(self.message)
        return "\n".join(lines)

    def show(self, file: object = None) -> None:
        # click would print "Error: " before the first finding; each line says its severity.
        click.echo(self.format_message(), err=True)


class WorkspaceNotFound(SelfAssessError):
    """No selfassess.yaml in the folder or any folder above it."""


class InvalidWorkspace(SelfAssessError):
    """The workspace files have errors that stop the command."""
