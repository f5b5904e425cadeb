"""Criteria catalogues: the workspace's own files under criteria/ and the built-in ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from selfassess.errors import Finding, Location, error
from selfassess.messages import t
from selfassess.models import Catalogue, Criterion, FrameworkInfo, Standard, Workspace
from selfassess.resources import builtin_dir
from selfassess.textnorm import did_you_mean
from selfassess.workspace import catalogue_cache
from selfassess.workspace.catalogue_cache import CriterionLines
from selfassess.workspace.paths import refused
from selfassess.workspace.settings import CONFIG_NAME, key_line
from selfassess.workspace.yamlfile import line_of, read_yaml, validate


@dataclass(frozen=True, slots=True)
class CriterionRef:
    """A criterion together with its framework and standard, cited as `qid`."""

    qid: str
    framework: FrameworkInfo
    standard: Standard
    criterion: Criterion
    where: Location


@dataclass
class Catalogues:
    """The catalogues of the frameworks in use, every criterion by qualified id, and the problems."""

    by_framework: dict[str, Catalogue] = field(default_factory=dict)
    criteria: dict[str, CriterionRef] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # frameworks whose catalogue file has errors
    findings: list[Finding] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)  # framework → its file as users see it


def _catalogue_files(root: Path) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """Return the workspace's own catalogue files and the built-in ones it does not override."""
    folder = root / "criteria"
    own = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    builtin_folder = builtin_dir("criteria")
    builtin: list[tuple[Path, str]] = []
    if not folder.is_dir() or builtin_folder.resolve() != folder.resolve():
        names = {p.name for p in own}
        builtin = [
            (p, t("(built-in) {file}", file=p.name))
            for p in sorted(builtin_folder.glob("*.yaml"))
            if p.name not in names
        ]
    return [(p, f"criteria/{p.name}") for p in own], builtin


def _read_catalogue(
    path: Path, shown: str, cache_dir: Path, root: Path | None = None
) -> tuple[Catalogue | None, CriterionLines, list[Finding]]:
    """Return a catalogue and the line of each criterion's id, from the cache when unchanged."""
    problem = refused(path, shown, root)
    if problem is not None:
        return None, [], [problem]
    try:
        source = path.read_bytes()
    except OSError as exc:
        return (
            None,
            [],
            [error("unreadable", Location(shown), t("cannot read the file: {reason}", reason=exc.strerror))],
        )
    cached = catalogue_cache.lookup(cache_dir, source)
    if cached is not None:
        return cached[0], cached[1], []
    data, findings = read_yaml(path, shown)
    if findings:
        return None, [], findings
    catalogue, findings = validate(data, Catalogue, shown)
    if catalogue is None:
        return None, [], findings
    lines = [
        [line_of(data, ("standards", s, "criteria", c, "id")) for c in range(len(standard.criteria))]
        for s, standard in enumerate(catalogue.standards)
    ]
    catalogue_cache.store(cache_dir, source, catalogue, lines)
    return catalogue, lines, findings


def load_catalogues(root: Path, wanted: list[str]) -> Catalogues:
    """Return the catalogues of the `wanted` frameworks, own files first, then built-in ones."""
    out = Catalogues()
    own, builtin = _catalogue_files(root)
    cache_dir = root / "build" / ".cache" / "catalogues"
    available: dict[str, tuple[Catalogue, str, CriterionLines]] = {}
    for path, shown in own:
        catalogue, data, findings = _read_catalogue(path, shown, cache_dir, root)
        out.findings.extend(findings)
        if catalogue is None:
            out.unreadable.add(path.stem.casefold())
            continue
        fid = catalogue.framework.id
        if fid in available:
            out.findings.append(
                error(
                    "duplicate-framework",
                    Location(shown, 1),
                    t("framework '{framework}' is also defined in {file}", framework=fid, file=available[fid][1]),
                    t("keep one file per framework"),
                )
            )
            continue
        available[fid] = (catalogue, shown, data)
    # Built-in catalogues are read only when the workspace asks for a framework it lacks.
    if any(fid not in available for fid in wanted):
        for path, shown in builtin:
            catalogue, data, _ = _read_catalogue(path, shown, cache_dir)
            if catalogue is not None:
                available.setdefault(catalogue.framework.id, (catalogue, shown, data))
    for fid in wanted:
        if fid not in available and fid.casefold() in out.unreadable:
            continue  # its file's own errors say what is wrong; "not defined" would mislead
        if fid not in available:
            close = did_you_mean(fid, list(available))
            out.findings.append(
                error(
                    "unknown-framework",
                    Location(CONFIG_NAME, key_line(root, "frameworks")),
                    t("the framework '{framework}' is not defined in criteria/", framework=fid),
                    t("did you mean '{name}'?", name=close)
                    if close
                    else t("available: {names}", names=", ".join(sorted(available)) or t("none")),
                )
            )
            continue
        catalogue, shown, data = available[fid]
        out.by_framework[fid] = catalogue
        out.shown[fid] = shown
        _index(out, catalogue, shown, data)
    return out


def _index(out: Catalogues, catalogue: Catalogue, shown: str, lines: CriterionLines) -> None:
    fid = catalogue.framework.id
    standards: set[str] = set()
    for s_index, standard in enumerate(catalogue.standards):
        if standard.id in standards:
            line = lines[s_index][0] if lines[s_index] else None
            out.findings.append(
                error(
                    "duplicate-id",
                    Location(shown, line - 1 if line else None),
                    t("standard '{standard}' of {framework} is defined twice", standard=standard.id, framework=fid),
                    t("give each standard its own id, or merge their criteria"),
                )
            )
        standards.add(standard.id)
        for c_index, criterion in enumerate(standard.criteria):
            qid = f"{fid}:{criterion.id}"
            where = Location(shown, lines[s_index][c_index])
            if qid in out.criteria:
                first = out.criteria[qid].where
                out.findings.append(
                    error(
                        "duplicate-id",
                        where,
                        t("criterion '{criterion}' is defined twice (first at {first})", criterion=qid, first=first),
                        t("give each criterion its own id"),
                    )
                )
                continue
            out.criteria[qid] = CriterionRef(qid, catalogue.framework, standard, criterion, where)


def load_catalogue_kinds(root: Path, config: Workspace) -> dict[str, str]:
    """Return the kind (institutional, programme, …) of each framework in use, read cheaply."""
    kinds: dict[str, str] = {}
    own, builtin = _catalogue_files(root)
    cache_dir = root / "build" / ".cache" / "catalogues"
    for path, shown in [*own, *builtin]:
        catalogue, _, _ = _read_catalogue(path, shown, cache_dir)
        if catalogue is not None:
            kinds.setdefault(catalogue.framework.id, catalogue.framework.kind.value)
        if all(f in kinds for f in config.frameworks):
            break
    return kinds


def catalogue_by_id(root: Path, ident: str) -> Catalogue:
    """Return the catalogue of framework `ident` (the workspace's own file, else the built-in one)."""
    from selfassess.errors import SelfAssessError

    found = load_catalogues(root, [ident])
    if ident not in found.by_framework:
        raise SelfAssessError(t("no catalogue defines the framework '{framework}'", framework=ident), found.findings)
    return found.by_framework[ident]
