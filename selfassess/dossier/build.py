"""`selfassess build`: check → plan the report → render → pack, into build/<framework>/.

Everything is first written to a staging folder and swapped in at the end, so a failed
build leaves the previous one intact. A second build with nothing changed renders nothing:
each output remembers the fingerprint of what it was made from (build/<framework>/.state.json).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from selfassess import __version__
from selfassess.atomic import write_bytes
from selfassess.check.pipeline import CheckReport, check
from selfassess.digests import sha256_file
from selfassess.documents.model import ControlledDocument
from selfassess.documents.render import REFERENCE, TEMPLATE, render_docx, template_path
from selfassess.dossier.annexes import pack_annexes, sources_signature
from selfassess.dossier.pack import ZIP_NAME, PackedFile, copy_and_hash, write_manifest, write_zip
from selfassess.dossier.state import STATE, fingerprint, read_state, unchanged, workspace_fingerprint
from selfassess.errors import Finding, InvalidWorkspace, Location, SelfAssessError, Severity, warning
from selfassess.messages import t
from selfassess.models import Workspace
from selfassess.reports.meta import report_file_stem
from selfassess.reports.report import ReportPlan, plan
from selfassess.textnorm import safe_name


@dataclass
class BuildResult:
    """What a build did: the files it wrote, what it could reuse, and the findings."""

    written: list[Path] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    report: CheckReport | None = None  # the check the build ran (None when nothing had changed)

    def merge(self, other: BuildResult) -> None:
        self.written += other.written
        self.rendered += other.rendered
        self.reused += other.reused
        self.findings += other.findings


Unit = tuple[str, "str | None"]  # (framework, programme or None)


def unit_dir(root: Path, unit: Unit) -> Path:
    """Return build/<framework>/, or build/<framework>/<programme>/ for programme accreditation."""
    framework, programme = unit
    return root / "build" / framework / safe_name(programme) if programme else root / "build" / framework


def _label(unit: Unit) -> str:
    return f"{unit[0]}/{unit[1]}" if unit[1] else unit[0]


def build(
    root: Path,
    frameworks: tuple[str, ...] = (),
    strict: bool = False,
    pdf: bool = False,
    as_of: dt.date | None = None,
    programme: str | None = None,
) -> BuildResult:
    """Build the report and pack of each framework (all in use if none given).

    A framework of kind 'programme' gets one report per programme of selfassess.yaml (or only
    `programme`), each counting that programme's evidence and the institution-wide evidence;
    the programmes are rendered in parallel. One build at a time per workspace.
    """
    from selfassess.check.pipeline import reference_date
    from selfassess.word.pdf import exclusive
    from selfassess.workspace.settings import load_config

    (root / "build").mkdir(exist_ok=True)
    with exclusive(root / "build" / ".lock"):
        _tidy_after_a_crash(root / "build")
        config, _ = load_config(root)
        day = reference_date(as_of, config)
        options = f"{sorted(frameworks)}{strict}{pdf}{programme}"
        whole = workspace_fingerprint(root, day, options)
        wanted = list(frameworks) or (list(config.frameworks) if config else [])
        if config is not None and unchanged(root, wanted, whole):
            return BuildResult(reused=[t("{label}: everything (nothing changed)", label=f) for f in wanted])
        report = check(root, day)
        config = report.loaded.config
        assert config is not None
        chosen = list(frameworks) or list(report.loaded.catalogues)
        unknown = [f for f in chosen if f not in report.loaded.catalogues]
        if unknown:
            raise SelfAssessError(
                t(
                    "no framework '{unknown}' in this workspace; in use: {items}",
                    unknown=unknown[0],
                    items=", ".join(report.loaded.catalogues),
                )
            )
        kinds = {fid: c.framework.kind.value for fid, c in report.loaded.catalogues.items()}
        units = planned_units(config, kinds, chosen, programme)
        result = BuildResult(findings=list(report.findings), report=report)
        checks = {None: report}
        plans = {}
        for unit in units:
            framework, prog = unit
            if prog not in checks:
                checks[prog] = report.for_programme(prog)
            plans[unit] = plan(checks[prog], root, framework, strict, prog)
            result.findings += plans[unit].findings
        rows = report.loaded.row_errors(result.findings)
        if strict:
            # Under --strict a text still marked as a draft stops the build like an error.
            result.findings = [_as_error(f) if f.code in STRICT_STOPS else f for f in result.findings]
        if any(f.severity is Severity.error and (strict or f not in rows) for f in result.findings):
            raise InvalidWorkspace(
                t("the build stopped before writing anything; fix the errors above"), result.findings
            )
        if rows:
            # A register row in error costs its item, not the build: the reports show the gap.
            result.findings.append(
                warning(
                    "rows-left-out",
                    Location(report.loaded.rel(report.loaded.register_path)) if report.loaded.register_path else None,
                    t(
                        "{count} register item(s) with errors (above) are left out of the reports and packs, "
                        "which show the gaps they leave",
                        count=len({f.evidence for f in rows}),
                    ),
                    t("fix those rows; selfassess build --strict stops instead"),
                )
            )
        parallel = [u for u in units if u[1]]
        for unit in units:
            if unit not in parallel or len(parallel) == 1:
                done = _build_framework(root, checks[unit[1]], plans[unit], pdf, whole, unit_dir(root, unit))
                result.merge(done)
        if len(parallel) > 1:
            _build_in_parallel(root, parallel, strict, pdf, day, whole, result)
        for framework in chosen:
            if kinds[framework] == "programme":
                marker = {"workspace": whole, "units": [safe_name(u[1]) for u in units if u[0] == framework and u[1]]}
                write_bytes(root / "build" / framework / STATE, json.dumps(marker).encode())
        return result


def planned_units(config: Workspace, kinds: dict[str, str], frameworks: list[str], programme: str | None) -> list[Unit]:
    """Return what a build makes: one unit per framework, or per programme of a programme framework."""
    from selfassess.workspace.programmes import ProgrammeIndex

    index = ProgrammeIndex.of(config.programmes)
    wanted = index.resolve(programme) if programme is not None else None
    if programme is not None and wanted is None:
        raise SelfAssessError(index.not_found(programme))
    units: list[Unit] = []
    for framework in frameworks:
        if kinds.get(framework) == "programme":
            # Without programmes listed, the framework gets one report over all the evidence (check warns).
            chosen = [p.id for p in config.programmes if wanted is None or p.id == wanted]
            units += [(framework, p) for p in chosen] if config.programmes else [(framework, None)]
        else:
            units.append((framework, None))
    return units


def _build_unit(args: tuple[Path, Unit, bool, bool, dt.date, str]) -> BuildResult:
    """Build one programme's report and pack in a worker process; return what it did."""
    from selfassess.check.pipeline import Filters

    root, unit, strict, pdf, day, whole = args
    report = check(root, day, Filters(programme=unit[1]))
    return _build_framework(
        root, report, plan(report, root, unit[0], strict, unit[1]), pdf, whole, unit_dir(root, unit)
    )


def _build_in_parallel(
    root: Path, units: list[Unit], strict: bool, pdf: bool, day: dt.date, whole: str, result: BuildResult
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    workers = min(len(units), os.cpu_count() or 1)
    jobs = [(root, unit, strict, pdf, day, whole) for unit in units]
    # LibreOffice allows one conversion per profile at a time; the PDF step serialises itself.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(_build_unit, jobs):
            result.merge(done)


def _build_framework(root: Path, report: CheckReport, p: ReportPlan, pdf: bool, whole: str, final: Path) -> BuildResult:
    config = report.loaded.config
    assert config is not None
    result = BuildResult()
    label = _label((p.framework, p.programme))
    final.parent.mkdir(parents=True, exist_ok=True)
    state = read_state(final)
    lang = p.meta.language
    when = dt.datetime.combine(p.meta.date, dt.time())
    stem = report_file_stem(p.meta, p.framework, p.programme)
    report_name = f"{stem}.docx"
    document = ControlledDocument(root / "narratives" / p.framework, p.meta)
    made_from = fingerprint(
        p.markdown.encode(),
        json.dumps(p.tables, sort_keys=True).encode(),
        p.meta.model_dump_json().encode(),
        config.model_dump_json().encode(),
        template_path(root, TEMPLATE).read_bytes(),
        template_path(root, REFERENCE).read_bytes(),
    )
    inputs = fingerprint(made_from.encode(), sources_signature(report, p).encode(), str(pdf).encode())
    if state.get("inputs") == inputs and (final / "pack" / "manifest.json").is_file():
        result.reused.append(t("{label}: everything (nothing changed)", label=label))
        write_bytes(final / STATE, json.dumps({**state, "workspace": whole}, ensure_ascii=False).encode())
        return result
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{final.name}-", dir=final.parent))
    # mkdtemp makes a private folder (700); once swapped in it is the build others open.
    staging.chmod(0o777 & ~_umask())
    try:
        pack = staging / "pack"
        pack.mkdir()
        outputs = {}
        previous = final / "pack" / report_name
        # The previous report is reused only if it is byte for byte the one this state made.
        if state.get("report") == made_from and _has_digest(previous, state.get("report_sha256")):
            outputs[report_name] = copy_and_hash(previous, pack / report_name)[1]
            result.reused.append(t("{label}: report", label=label))
        else:
            write_bytes(pack / report_name, render_docx(root, document, config, body_text=p.markdown, tables=p.tables))
            outputs[report_name] = sha256_file(pack / report_name)
            result.rendered.append(t("{label}: report", label=label))
        packed, digests = pack_annexes(report, p, pack)
        _write_indexes(root, report, p, pack, digests, lang, when)
        old_pdf = previous.with_suffix(".pdf")
        pdf_current = state.get("report") == made_from and _has_digest(old_pdf, state.get("pdf_sha256"))
        if pdf_current:
            # The PDF of this very report is kept, whether or not --pdf was asked this time.
            copy_and_hash(old_pdf, pack / f"{stem}.pdf")
            if pdf:
                result.reused.append(t("{label}: PDF", label=label))
        elif pdf:
            from selfassess.word.pdf import convert

            convert([(pack / report_name, when)])
            result.rendered.append(t("{label}: PDF", label=label))
        elif old_pdf.is_file():
            result.findings.append(
                warning(
                    "pdf-outdated",
                    Location(old_pdf.relative_to(root).as_posix() if old_pdf.is_relative_to(root) else str(old_pdf)),
                    t("the report changed, so its earlier PDF no longer matches it and was left out of the new build"),
                    t("run selfassess build --pdf to make the PDF of this report"),
                )
            )
        for path in sorted(pack.iterdir()):
            if path.is_file():
                packed.append(PackedFile(path.name, path.stat().st_size, sha256_file(path)))
        header = {
            "framework": p.framework,
            "programme": p.programme,
            "report": report_name,
            "as_of": report.as_of.isoformat(),
            "selfassess": __version__,
        }
        write_manifest(pack, {k: v for k, v in header.items() if v is not None}, packed)
        write_zip(pack, pack / ZIP_NAME)
        for path in sorted(pack.iterdir()):
            if path.is_file() and not path.name.startswith(ZIP_NAME):
                copy_and_hash(path, staging / path.name)  # the report and indexes, also outside the pack
        pdf_path = pack / f"{stem}.pdf"
        new_state = {
            "report": made_from,
            "report_sha256": sha256_file(pack / report_name),
            "pdf_sha256": sha256_file(pdf_path) if pdf_path.is_file() else None,
            "inputs": inputs,
            "workspace": whole,
        }
        write_bytes(staging / STATE, json.dumps(new_state, ensure_ascii=False).encode())
        _swap(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    result.written.append(final / "pack")
    return result


STRICT_STOPS = {"draft-marker"}


def _as_error(finding: Finding) -> Finding:
    return dataclasses.replace(finding, severity=Severity.error)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _has_digest(path: Path, digest: object) -> bool:
    return bool(digest) and path.is_file() and sha256_file(path) == digest


def _write_indexes(
    root: Path, report: CheckReport, p: ReportPlan, pack: Path, digests: dict[str, str], lang: str, when: dt.datetime
) -> None:
    from selfassess.reports.evidence_index import index_docx, index_rows, index_xlsx, matrix_xlsx

    rows = index_rows(p, digests, report.loaded.kinds, lang)
    title = report.loaded.config.institution.get(lang) if report.loaded.config else ""
    write_bytes(pack / "evidence-index.xlsx", index_xlsx(rows, lang, when))
    write_bytes(pack / "evidence-index.docx", index_docx(template_path(root, REFERENCE), title, rows, lang, when))
    write_bytes(pack / "criteria-matrix.xlsx", matrix_xlsx(p, lang, when))


def _tidy_after_a_crash(build: Path) -> None:
    """Undo what a killed build left: the previous outputs put back, unfinished staging removed."""
    for pattern in (".old-*", "*/.old-*"):
        for old in build.glob(pattern):
            recover(old.with_name(old.name.removeprefix(".old-")))
    for pattern in (".staging-*", "*/.staging-*"):
        for staging in build.glob(pattern):
            shutil.rmtree(staging, ignore_errors=True)


def recover(final: Path) -> None:
    """Put back the previous build if a run was killed between the two renames of `_swap`."""
    old = final.with_name(f".old-{final.name}")
    if old.exists() and not final.exists():
        os.replace(old, final)


def _swap(staging: Path, final: Path) -> None:
    """Replace the previous build with the staged one: in one step where the system can
    exchange two folders (Linux), else in two renames that `recover` completes after a crash."""
    old = final.with_name(f".old-{final.name}")
    recover(final)
    if old.exists():
        shutil.rmtree(old)
    if final.exists() and _exchange(staging, final):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous build
        return
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    if old.exists():
        shutil.rmtree(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (renameat2 RENAME_EXCHANGE); False where that is not available."""
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return result == 0
