"""The document-control lint, run by `check` as warnings: a dossier must not ship an inconsistent regulation.

Controlled documents are linted from their Markdown bodies (selfassess makes the rest of the
form itself); evidence items of the regulation kind that are DOCX files are linted whole.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from selfassess.errors import Finding, Severity
from selfassess.workspace.loader import Loaded

REGULATION_KINDS = frozenset({"policy"})  # regulations, policies, procedures (built-in kind "policy")


def document_lint(loaded: Loaded, documents: list[object]) -> list[Finding]:
    """Return the lint's findings on the controlled documents' bodies and the regulations in evidence.

    The lint's modules are imported only when there is something to lint.
    """
    assert loaded.config is not None
    control = loaded.config.document_control
    severities, names = dict(control.lint), dict(control.terms)
    findings: list[Finding] = []
    if documents:
        from selfassess.documents.lint import lint_document
        from selfassess.documents.lint.markdown_text import TEXT_RULES, markdown_document
    for document in documents:
        body: Path = document.body  # type: ignore[attr-defined]
        try:
            text = body.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # load_documents has reported it
        shown = body.relative_to(loaded.root).as_posix()
        findings += lint_document(markdown_document(body, text), shown, None, severities, names, TEXT_RULES)
    from selfassess.check.files import item_paths

    for item, (rel, refused) in zip(loaded.items, item_paths(loaded), strict=True):
        if rel is None or refused or not rel.lower().endswith(".docx"):
            continue
        if (loaded.kinds.resolve(item.kind) or item.kind) not in REGULATION_KINDS:
            continue
        path = loaded.evidence_path(rel)
        if path.is_file() and not path.is_symlink():
            from selfassess.documents.lint import lint_docx

            shown = path.relative_to(loaded.root).as_posix()
            findings += [
                dataclasses.replace(f, evidence=item.id) for f in lint_docx(path, shown, None, severities, names)
            ]
    # In check the lint advises: an inconsistent regulation is shown, it does not fail coverage.
    return [dataclasses.replace(f, severity=Severity.warning) if f.severity is Severity.error else f for f in findings]
