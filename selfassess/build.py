"""`selfassess build`: check → plan the report → render → pack, into build/<framework>/.

Everything is first written to a staging folder and swapped in at the end, so a failed
build leaves the previous one intact. A second build with nothing changed renders nothing:
each output remembers the fingerprint of what it was made from (build/<framework>/.state.json).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from selfassess import __version__
from selfassess.atomic import write_bytes
from selfassess.documents import REFERENCE, TEMPLATE, ControlledDocument, render_docx, template_path
from selfassess.errors import Finding, InvalidWorkspace, SelfAssessError, Severity
from selfassess.models import Workspace
from selfassess.pack import HashCache, PackedFile, annex_name, place, write_manifest, write_zip
from selfassess.pipeline import CheckReport, check
from selfassess.report import ReportPlan, plan

STATE = ".state.json"


@dataclass
class BuildResult:
    """What a build did: the files it wrote, what it could reuse, and the findings."""

    written: list[Path] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _fingerprint(*parts: bytes) -> str:
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _read_state(folder: Path) -> dict[str, object]:
    try:
        return json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def workspace_fingerprint(root: Path, as_of: dt.date, options: str) -> str:
    """Return a digest of everything a build reads: settings, catalogues, register, narratives,
    templates and documents (contents), the evidence files (names, sizes, times), the date.

    Equal digests mean equal outputs, so an unchanged workspace is not even checked again.
    """
    from selfassess.resources import builtin_dir
    from selfassess.workspace import scan_files

    digest = hashlib.sha256(f"{__version__}\0{as_of.isoformat()}\0{options}".encode())
    roots = [
        root / "selfassess.yaml",
        root / "criteria",
        root / "narratives",
        root / "templates",
        builtin_dir("criteria"),
    ]
    for path in roots:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            digest.update(file.as_posix().encode() + b"\0" + file.read_bytes())
    evidence = root / "evidence"
    for rel, _ in sorted(scan_files(evidence).items()):
        stat = (evidence / rel).stat()
        digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


Unit = tuple[str, "str | None"]  # (framework, programme or None)


def unit_dir(root: Path, unit: Unit) -> Path:
    """Return build/<framework>/, or build/<framework>/<programme>/ for programme accreditation."""
    framework, programme = unit
    return root / "build" / framework / programme if programme else root / "build" / framework


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
    the programmes are rendered in parallel.
    """
    from selfassess.pipeline import Filters, reference_date
    from selfassess.workspace import load_config

    day = reference_date(as_of)
    config, _ = load_config(root)
    options = f"{sorted(frameworks)}{strict}{pdf}{programme}"
    whole = workspace_fingerprint(root, day, options)
    report = None
    if config is not None:
        wanted = [u for u in _planned_units(root, config, frameworks, programme)]
        if wanted and all(_read_state(unit_dir(root, u)).get("workspace") == whole for u in wanted):
            return BuildResult(reused=[f"{_label(u)}: everything (nothing changed)" for u in wanted])
    report = check(root, day)
    config = report.loaded.config
    assert config is not None
    chosen = list(frameworks) or list(report.loaded.catalogues)
    unknown = [f for f in chosen if f not in report.loaded.catalogues]
    if unknown:
        raise SelfAssessError(
            f"no framework '{unknown[0]}' in this workspace; in use: {', '.join(report.loaded.catalogues)}"
        )
    units = _planned_units(root, config, tuple(chosen), programme)
    result = BuildResult(findings=list(report.findings))
    checks = {None: report}
    plans = {}
    for unit in units:
        framework, prog = unit
        if prog not in checks:
            checks[prog] = check(root, day, Filters(programme=prog))
        plans[unit] = plan(checks[prog], root, framework, strict, prog)
        result.findings += plans[unit].findings
    if any(f.severity is Severity.error for f in result.findings):
        raise InvalidWorkspace("the build stopped before writing anything; fix the errors above", result.findings)
    parallel = [u for u in units if u[1]]
    for unit in units:
        if unit not in parallel or len(parallel) == 1:
            _build_framework(root, checks[unit[1]], plans[unit], pdf, result, whole, unit_dir(root, unit))
    if len(parallel) > 1:
        _build_in_parallel(root, parallel, strict, pdf, day, whole, result)
    return result


def _planned_units(root: Path, config: Workspace, frameworks: tuple[str, ...], programme: str | None) -> list[Unit]:
    """Return what a build makes: one unit per framework, or per programme of a programme framework."""
    from selfassess.workspace import load_catalogue_kinds

    kinds = load_catalogue_kinds(root, config)
    units: list[Unit] = []
    for framework in frameworks or config.frameworks:
        if kinds.get(framework) == "programme":
            programmes = [p.id for p in config.programmes if programme is None or p.id == programme]
            if programme is not None and not programmes:
                known = ", ".join(p.id for p in config.programmes) or "none"
                raise SelfAssessError(f"no programme '{programme}' in selfassess.yaml; programmes: {known}")
            units += [(framework, p) for p in programmes]
        else:
            units.append((framework, None))
    return units


def _build_unit(args: tuple[Path, Unit, bool, bool, dt.date, str]) -> BuildResult:
    """Build one programme's report and pack in a worker process; return what it did."""
    from selfassess.pipeline import Filters

    root, unit, strict, pdf, day, whole = args
    report = check(root, day, Filters(programme=unit[1]))
    result = BuildResult()
    _build_framework(
        root, report, plan(report, root, unit[0], strict, unit[1]), pdf, result, whole, unit_dir(root, unit)
    )
    return result


def _build_in_parallel(
    root: Path, units: list[Unit], strict: bool, pdf: bool, day: dt.date, whole: str, result: BuildResult
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    workers = min(len(units), os.cpu_count() or 1)
    jobs = [(root, unit, strict, pdf, day, whole) for unit in units]
    # LibreOffice allows one conversion per profile at a time; the PDF step serialises itself.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(_build_unit, jobs):
            result.written += done.written
            result.rendered += done.rendered
            result.reused += done.reused


def _build_framework(
    root: Path, report: CheckReport, p: ReportPlan, pdf: bool, result: BuildResult, whole: str, final: Path
) -> None:
    config = report.loaded.config
    assert config is not None
    label = _label((p.framework, p.programme))
    staging = final.with_name(f".staging-{final.name}")
    if staging.exists():
        shutil.rmtree(staging)
    state = _read_state(final)
    lang = p.meta.language
    when = dt.datetime.combine(p.meta.date, dt.time())
    report_name = f"{p.meta.code}_v{p.meta.version}.docx"
    document = ControlledDocument(root / "narratives" / p.framework, p.meta)
    final.parent.mkdir(parents=True, exist_ok=True)
    fingerprint = _fingerprint(
        p.markdown.encode(),
        json.dumps(p.tables, sort_keys=True).encode(),
        p.meta.model_dump_json().encode(),
        config.model_dump_json().encode(),
        template_path(root, TEMPLATE).read_bytes(),
        template_path(root, REFERENCE).read_bytes(),
    )
    inputs = _fingerprint(fingerprint.encode(), _sources_signature(report, p).encode(), str(pdf).encode())
    if state.get("inputs") == inputs and (final / "pack" / "manifest.json").is_file():
        result.reused.append(f"{label}: everything (nothing changed)")
        state["workspace"] = whole
        (final / STATE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        return
    previous_report = final / "pack" / report_name
    staging.mkdir(parents=True)
    pack = staging / "pack"
    pack.mkdir()
    if state.get("report") == fingerprint and previous_report.is_file():
        place(previous_report, pack / report_name, previous_report)
        result.reused.append(f"{label}: report")
    else:
        write_bytes(pack / report_name, render_docx(root, document, config, body_text=p.markdown, tables=p.tables))
        result.rendered.append(f"{label}: report")
    hashes = HashCache(state.get("hashes"))  # type: ignore[arg-type]
    packed, digests = _pack_annexes(root, report, p, pack, final / "pack", hashes)
    _write_indexes(root, report, p, pack, digests, lang, when)
    if pdf:
        from selfassess.word.pdf import convert

        convert([(pack / report_name, when)])
    for path in sorted(pack.iterdir()):
        if path.is_file():
            packed.append(PackedFile(path.name, path.stat().st_size, HashCache().digest(path)[1]))
    header = {
        "framework": p.framework,
        "report": report_name,
        "as_of": report.as_of.isoformat(),
        "selfassess": __version__,
    }
    write_manifest(pack, header, packed)
    write_zip(pack, pack / "pack.zip")
    for path in sorted(pack.iterdir()):
        if path.is_file() and path.name != "pack.zip":
            os.link(path, staging / path.name)  # the report and indexes, also outside the pack
    state = {"report": fingerprint, "inputs": inputs, "workspace": whole, "hashes": hashes.seen}
    (staging / STATE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    _swap(staging, final)
    result.written.append(final / "pack")


def _pack_annexes(
    root: Path, report: CheckReport, p: ReportPlan, pack: Path, previous: Path, hashes: HashCache
) -> tuple[list[PackedFile], dict[str, str]]:
    from selfassess.validate import item_paths

    loaded = report.loaded
    paths = {item.id: rel for item, (rel, _) in zip(loaded.items, item_paths(loaded), strict=True)}
    packed: list[PackedFile] = []
    digests: dict[str, str] = {}
    for annex in p.annexes:
        item = annex.item
        rel = paths.get(item.id)
        if rel is None:
            name = annex_name(annex.number, "link.txt")
            text = f"{item.url}\nsnapshot: {item.snapshot}\n"
            (pack / "annexes").mkdir(exist_ok=True)
            (pack / "annexes" / name).write_text(text, encoding="utf-8")
            data = text.encode()
            digest = hashlib.sha256(data).hexdigest()
            packed.append(PackedFile(f"annexes/{name}", len(data), digest, annex.number, item.id, annex.criteria))
            digests[item.id] = digest
            continue
        source = loaded.evidence_dir.joinpath(*rel.split("/"))
        sources = [source] if source.is_file() else sorted(q for q in source.rglob("*") if q.is_file())
        base = annex_name(annex.number, source.name)
        for file in sources:
            inner = base if file == source else f"{base}/{file.relative_to(source).as_posix()}"
            target = pack / "annexes" / inner
            size, digest = hashes.digest(file)
            old = previous / "annexes" / inner
            same = old.is_file() and old.stat().st_size == size
            place(file, target, old if same and _same_source(hashes, file, old) else None)
            packed.append(PackedFile(f"annexes/{inner}", size, digest, annex.number, item.id, annex.criteria))
            digests.setdefault(item.id, digest)
    return packed, digests


def _sources_signature(report: CheckReport, p: ReportPlan) -> str:
    """Return what the pack's files depend on: each annex and its source files' size and mtime."""
    from selfassess.validate import item_paths

    loaded = report.loaded
    paths = {item.id: rel for item, (rel, _) in zip(loaded.items, item_paths(loaded), strict=True)}
    parts = []
    for annex in p.annexes:
        rel = paths.get(annex.item.id)
        entry: list[object] = [annex.number, annex.item.model_dump_json(), annex.criteria]
        if rel is not None:
            source = loaded.evidence_dir.joinpath(*rel.split("/"))
            files = [source] if source.is_file() else sorted(q for q in source.rglob("*") if q.is_file())
            for file in files:
                stat = file.stat()
                entry.append([file.as_posix(), stat.st_size, stat.st_mtime_ns])
        parts.append(entry)
    return json.dumps(parts, ensure_ascii=False)


def _same_source(hashes: HashCache, source: Path, old: Path) -> bool:
    # A hard link is safe only when the previous copy still has the source's content; the
    # cache knew the source unchanged (same size and mtime) and the old copy's size matches.
    entry = hashes.known.get(str(source))
    now = hashes.seen.get(str(source))
    return bool(entry and now and entry[2] == now[2])


def _write_indexes(
    root: Path, report: CheckReport, p: ReportPlan, pack: Path, digests: dict[str, str], lang: str, when: dt.datetime
) -> None:
    from selfassess.evidence_index import index_docx, index_rows, index_xlsx, matrix_xlsx

    rows = index_rows(p, digests, report.loaded.kinds, lang)
    title = report.loaded.config.institution.get(lang) if report.loaded.config else ""
    write_bytes(pack / "evidence-index.xlsx", index_xlsx(rows, lang, when))
    write_bytes(pack / "evidence-index.docx", index_docx(template_path(root, REFERENCE), title, rows, lang, when))
    write_bytes(pack / "criteria-matrix.xlsx", matrix_xlsx(p, lang, when))


def _swap(staging: Path, final: Path) -> None:
    """Replace the previous build with the staged one in two renames."""
    old = final.with_name(f".old-{final.name}")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    if old.exists():
        shutil.rmtree(old)
