"""A generated report's metadata as a controlled document: from report.yaml, or a draft default."""

from __future__ import annotations

from pathlib import Path

from selfassess import i18n
from selfassess.check.pipeline import CheckReport
from selfassess.documents.model import DocStatus, DocType, DocumentMeta
from selfassess.errors import Finding, Location, error, warning
from selfassess.messages import t
from selfassess.textnorm import safe_name
from selfassess.workspace.narratives import FrameworkNarratives
from selfassess.workspace.yamlfile import read_yaml, validate


def report_meta(
    root: Path, check: CheckReport, framework: str, narratives: FrameworkNarratives, programme: str | None = None
) -> tuple[DocumentMeta, list[Finding]]:
    """Return the report's metadata from narratives/<fw>/report.yaml, or a default."""
    path = narratives.folder / "report.yaml"
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if path.is_file():
        data, findings = read_yaml(path, shown, root)
        if data is None:
            findings = findings or [
                error(
                    "empty-file",
                    Location(shown, 1),
                    t("report.yaml is empty, so the report has no code, title or version"),
                    t("write them, or delete the file to get a draft"),
                )
            ]
            return _default_meta(check, framework, programme), findings
        meta, findings = validate(data, DocumentMeta, shown)
        if meta is not None:
            return meta, findings
        return _default_meta(check, framework, programme), findings
    return _default_meta(check, framework, programme), [
        warning(
            "no-report-meta",
            Location(shown),
            t("the report has no report.yaml, so its code, approval and developers are left blank"),
            t(
                "write it with the report's code, title, version and approval; docs/formats.md "
                "(Narratives and the report) has an example"
            ),
        )
    ]


def _default_meta(check: CheckReport, framework: str, programme: str | None = None) -> DocumentMeta:
    lang = check.language
    title = (
        f"{i18n.label('self_assessment_report', lang)}: {check.loaded.catalogues[framework].framework.title.get(lang)}"
    )
    config = check.loaded.config
    chosen = next((p for p in config.programmes if p.id == programme), None) if config and programme else None
    if chosen is not None:
        title += f" — {chosen.label(lang)}"
    # No code is invented: a draft is marked as one where its code will stand (not "KNU-BSMJAB").
    return DocumentMeta(
        code=i18n.label("watermark.draft", lang),
        title=title,
        type=DocType.report,
        language=lang,  # type: ignore[arg-type]
        status=DocStatus.draft,
        date=check.as_of,
    )


def report_file_stem(meta: DocumentMeta, name: str, programme: str | None = None) -> str:
    """Return the report's file name without its suffix: code and version.

    A draft with no code yet is named by `name` (its framework, or the report's kind) and
    programme, so two programmes' drafts never share a file name.
    """
    code = meta.code
    if code == i18n.label("watermark.draft", meta.language):
        code = f"{name.upper()}-{programme}" if programme else name.upper()
    return safe_name(f"{code}_v{meta.version}")
