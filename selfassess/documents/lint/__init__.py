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

from selfassess.documents.autonumbers import show_numbers
from selfassess.documents.lint import approval, changes, contents, dates, identity, leftovers, numbering, terms
from selfassess.documents.lint.context import LintContext, Rule
from selfassess.documents.lint.structure import analyse
from selfassess.documents.wrong_file import explain, is_lock_file
from selfassess.errors import Finding, Location, Severity
from selfassess.messages import N_, t
from selfassess.word.reader import DocxText, UnreadableDocx, read_docx

# Every code the rules give, with what it means: for --rules, selfassess.yaml and the docs.
# The meanings are marked for translation: show them with t(CODES[code]).
CODES = {
    "unreadable-docx": N_("the file is not a Word document that can be read"),
    "word-lock-file": N_("Word's lock file (~$…) of an open document: skipped"),
    "code-mismatch": N_("the header, title page or text gives another document code"),
    "code-spacing": N_("the document code is written with a space in it"),
    "version-mismatch": N_("the header and the title page give different versions"),
    "date-mismatch": N_("the header and the approval block give different dates"),
    "header-differs": N_("a section's header differs from the first section's"),
    "contents-entry-without-heading": N_("a contents entry has no heading in the text"),
    "contents-differs": N_("a contents entry and its heading differ"),
    "contents-page-wrong": N_("a contents entry gives the wrong page (needs pages)"),
    "heading-not-in-contents": N_("a heading is missing from the contents"),
    "clause-gap": N_("clause numbers skip a number"),
    "clause-level-jump": N_("clause numbers skip a level (1.4 → 1.4.1.1)"),
    "clause-duplicate": N_("a clause number and text appear twice"),
    "clause-repeated": N_("a clause number appears twice with different text"),
    "numbering-style": N_("clauses are numbered both «1.1» and «1.1.»"),
    "abbreviation-undefined": N_("an abbreviation is used before it is defined"),
    "abbreviation-variant": N_("an abbreviation is spelled another way"),
    "name-variant": N_("a defined name is written another way"),
    "approval-incomplete": N_("the approval block lacks its position, name or date"),
    "agreement-incomplete": N_("the agreement block lacks its position, name, date or protocol"),
    "agreement-not-on-sheet": N_("someone agreeing on the title page is not on the agreement sheet"),
    "change-number-order": N_("change-sheet rows are not numbered 1, 2, 3 …"),
    "change-date-order": N_("a change is dated before the change above it"),
    "change-date-future": N_("a change is dated after today"),
    "change-order-reference": N_("a change cites its order without № and date"),
    "change-total-pages": N_("the change sheet's page count is not the document's (needs pages)"),
    "date-invalid": N_("a date names a day that does not exist"),
    "date-style-mixed": N_("dates are written in several ways in one part"),
    "fragment": N_("a paragraph starts mid-sentence (left from an earlier draft)"),
    "empty-paragraphs": N_("three or more empty paragraphs in a row"),
}


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
    unknown = sorted(set(severities or {}) - set(CODES)) + sorted((wanted or set()) - set(CODES))
    if unknown:
        from selfassess.errors import SelfAssessError
        from selfassess.textnorm import did_you_mean

        close = did_you_mean(unknown[0], list(CODES))
        if close:
            message = t(
                "there is no lint rule '{rule}' (did you mean '{close}'?); "
                "`selfassess doc lint --list-rules` lists them",
                rule=unknown[0],
                close=close,
            )
        else:
            message = t(
                "there is no lint rule '{rule}'; `selfassess doc lint --list-rules` lists them", rule=unknown[0]
            )
        raise SelfAssessError(message)
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
    if is_lock_file(path):
        # `doc lint *.docx` in a folder where a document is open in Word: the lock file is no document.
        message = t("Word's lock file (the document is open in Word), not a document: skipped")
        return [Finding(Severity.info, "word-lock-file", Location(label), message)]
    try:
        document = read_docx(path)
    except UnreadableDocx as exc:
        message, hint = explain(path, exc)
        return [Finding(Severity.error, "unreadable-docx", Location(label), message, hint)]
    show_numbers(document)
    if pages:
        from selfassess.word.pages import assign_pages, render_pages

        assign_pages(document, render_pages(path))
    return lint_document(document, label, today, severities, names, only)
