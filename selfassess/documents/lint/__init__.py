"""Document-control lint: any controlled DOCX checked against the form (regulation 5.8, 5.9).

`lint_docx` reads the file, finds its parts (structure.py) and runs every rule module; each
rule yields findings with a stable code, located by page (when a layout was made), paragraph
or table cell, always with a quote. Severities come from the rule, or from selfassess.yaml
(`document_control.lint: {code: error | warning | info | off}`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from selfassess.documents.lint import approval, changes, contents, dates, identity, leftovers, numbering, terms
from selfassess.documents.lint.context import LintContext, Rule
from selfassess.documents.lint.structure import analyse
from selfassess.errors import Finding, Location, Severity
from selfassess.word.reader import DocxText, UnreadableDocx, read_docx


def _rules() -> list[Rule]:
    return [
        identity.check,
        contents.check,
        numbering.check,
        terms.check,
        approval.check,
        changes.check,
        dates.check,
        leftovers.check,
    ]


def lint_document(
    document: DocxText,
    shown: str,
    today: dt.date | None = None,
    severities: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Return the findings of every rule (or of the codes in `only`) on a document already read."""
    context = LintContext(document, analyse(document), shown, today or dt.date.today(), names or {})
    wanted = set(only) if only else None
    findings = []
    for rule in _rules():
        for code, severity, where, message, hint in rule(context):
            chosen = (severities or {}).get(code, severity.value)
            if chosen == "off" or (wanted is not None and code not in wanted):
                continue
            findings.append(Finding(Severity(chosen), code, where, message, hint))
    return findings


def lint_docx(
    path: Path,
    shown: str | None = None,
    today: dt.date | None = None,
    severities: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
    only: Iterable[str] | None = None,
    pages: bool = False,
) -> list[Finding]:
    """Return the findings on the DOCX at `path`; with `pages`, located by page from a LibreOffice layout."""
    label = shown or path.name
    try:
        document = read_docx(path)
    except UnreadableDocx as exc:
        return [
            Finding(
                Severity.error,
                "unreadable-docx",
                Location(label),
                f"this is not a Word document selfassess can read ({exc})",
                "open it in Word or LibreOffice and save it again as .docx",
            )
        ]
    if pages:
        from selfassess.word.pages import assign_pages, render_pages

        assign_pages(document, render_pages(path))
    return lint_document(document, label, today, severities, names, only)
