"""Loading a workspace: settings, catalogues, register and the files under evidence/."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from selfassess import catalogue_cache
from selfassess.catalogue_cache import CriterionLines
from selfassess.errors import Finding, Location, WorkspaceNotFound, error
from selfassess.kinds import Kinds
from selfassess.models import Catalogue, Criterion, EvidenceItem, FrameworkInfo, Standard, Workspace
from selfassess.register import read_register
from selfassess.resources import builtin_dir
from selfassess.textnorm import did_you_mean, nfc
from selfassess.yamlfile import line_of, read_yaml, validate

CONFIG_NAME = "selfassess.yaml"
REGISTER_NAMES = ("register.xlsx", "register.yaml", "register.yml", "register.csv")
# Files office tools leave behind; they are never evidence.
JUNK_PREFIXES = ("~$", ".~lock.", ".")
JUNK_NAMES = frozenset({"Thumbs.db", "desktop.ini", "README.md"})


@dataclass(frozen=True, slots=True)
class CriterionRef:
    """A criterion together with its framework and standard, cited as `qid`."""

    qid: str
    framework: FrameworkInfo
    standard: Standard
    criterion: Criterion
    where: Location


@dataclass
class Loaded:
    """Everything read from a workspace, plus the problems found while reading it."""

    root: Path
    config: Workspace | None
    catalogues: dict[str, Catalogue] = field(default_factory=dict)
    criteria: dict[str, CriterionRef] = field(default_factory=dict)
    items: list[EvidenceItem] = field(default_factory=list)
    item_where: list[Location] = field(default_factory=list)
    item_criteria_where: list[Location] = field(default_factory=list)
    item_places: dict[str, Location] = field(default_factory=dict)
    register_path: Path | None = None
    files: dict[str, bool] = field(default_factory=dict)
    kinds: Kinds = field(default_factory=Kinds)
    paths: list[tuple[str | None, str | None]] | None = None
    unreadable: set[str] = field(default_factory=set)  # frameworks whose catalogue file has errors
    findings: list[Finding] = field(default_factory=list)

    @property
    def evidence_dir(self) -> Path:
        """Return the evidence folder: register paths are relative to it, wherever the register is."""
        return self.root / "evidence"

    def rel(self, path: Path) -> str:
        """Return `path` as shown to users: relative to the workspace, with '/'."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above `start` holding selfassess.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise WorkspaceNotFound(
        f"no {CONFIG_NAME} in {start} or any folder above it; "
        "run the command inside a workspace, or create one with: selfassess init FOLDER"
    )


def load_config(root: Path) -> tuple[Workspace | None, list[Finding]]:
    """Return the workspace settings from selfassess.yaml, or the problems that stop reading it."""
    data, findings = read_yaml(root / CONFIG_NAME, CONFIG_NAME)
    if data is None:
        return None, findings
    return validate(data, Workspace, CONFIG_NAME)


def load(root: Path) -> Loaded:
    """Return the workspace at `root`, read as far as its files allow."""
    loaded = Loaded(root=root, config=None)
    loaded.config, findings = load_config(root)
    loaded.findings.extend(findings)
    if loaded.config is None:
        return loaded
    loaded.kinds = Kinds(loaded.config.evidence_kinds)
    _load_catalogues(loaded)
    _load_register(loaded)
    loaded.files = scan_files(loaded.evidence_dir)
    return loaded


def _catalogue_files(root: Path) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """Return the workspace's own catalogue files and the built-in ones it does not override."""
    folder = root / "criteria"
    own = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    builtin_folder = builtin_dir("criteria")
    builtin: list[tuple[Path, str]] = []
    if not folder.is_dir() or builtin_folder.resolve() != folder.resolve():
        names = {p.name for p in own}
        builtin = [(p, f"(built-in) {p.name}") for p in sorted(builtin_folder.glob("*.yaml")) if p.name not in names]
    return [(p, f"criteria/{p.name}") for p in own], builtin


def _read_catalogue(path: Path, shown: str, cache_dir: Path) -> tuple[Catalogue | None, CriterionLines, list[Finding]]:
    """Return a catalogue and the line of each criterion's id, from the cache when unchanged."""
    try:
        source = path.read_bytes()
    except OSError as exc:
        return None, [], [error("unreadable", Location(shown), f"cannot read the file: {exc.strerror}")]
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


def _load_catalogues(loaded: Loaded) -> None:
    assert loaded.config is not None
    wanted = loaded.config.frameworks
    own, builtin = _catalogue_files(loaded.root)
    cache_dir = loaded.root / "build" / ".cache" / "catalogues"
    available: dict[str, tuple[Catalogue, str, CriterionLines]] = {}
    for path, shown in own:
        catalogue, data, findings = _read_catalogue(path, shown, cache_dir)
        loaded.findings.extend(findings)
        if catalogue is None:
            loaded.unreadable.add(path.stem.casefold())
            continue
        fid = catalogue.framework.id
        if fid in available:
            loaded.findings.append(
                error(
                    "duplicate-framework",
                    Location(shown, 1),
                    f"framework '{fid}' is also defined in {available[fid][1]}",
                    "keep one file per framework",
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
        if fid not in available and fid.casefold() in loaded.unreadable:
            continue  # its file's own errors say what is wrong; "not defined" would mislead
        if fid not in available:
            close = did_you_mean(fid, list(available))
            loaded.findings.append(
                error(
                    "unknown-framework",
                    Location(CONFIG_NAME, _key_line(loaded.root, "frameworks")),
                    f"the framework '{fid}' is not defined in criteria/",
                    f"did you mean '{close}'?" if close else f"available: {', '.join(sorted(available)) or 'none'}",
                )
            )
            continue
        catalogue, shown, data = available[fid]
        loaded.catalogues[fid] = catalogue
        _index(loaded, catalogue, shown, data)


def _key_line(root: Path, key: str) -> int | None:
    data, _ = read_yaml(root / CONFIG_NAME, CONFIG_NAME)
    return getattr(data, "key_lines", {}).get(key)


def _index(loaded: Loaded, catalogue: Catalogue, shown: str, lines: CriterionLines) -> None:
    fid = catalogue.framework.id
    for s_index, standard in enumerate(catalogue.standards):
        for c_index, criterion in enumerate(standard.criteria):
            qid = f"{fid}:{criterion.id}"
            where = Location(shown, lines[s_index][c_index])
            if qid in loaded.criteria:
                first = loaded.criteria[qid].where
                loaded.findings.append(
                    error(
                        "duplicate-id",
                        where,
                        f"criterion '{qid}' is defined twice (first at {first})",
                        "give each criterion its own id",
                    )
                )
                continue
            loaded.criteria[qid] = CriterionRef(qid, catalogue.framework, standard, criterion, where)


def _load_register(loaded: Loaded) -> None:
    assert loaded.config is not None
    if loaded.config.register_path:
        path = loaded.root / loaded.config.register_path
        if not path.is_file():
            loaded.findings.append(
                error(
                    "no-register",
                    Location(CONFIG_NAME),
                    f"the register '{loaded.config.register_path}' does not exist",
                    "fix 'register:' or create the file",
                )
            )
            return
    else:
        present = [loaded.root / "evidence" / n for n in REGISTER_NAMES if (loaded.root / "evidence" / n).is_file()]
        if not present:
            loaded.findings.append(
                error(
                    "no-register",
                    Location("evidence/"),
                    "there is no evidence register",
                    "create evidence/register.xlsx (or .csv, .yaml); see docs/formats.md",
                )
            )
            return
        if len(present) > 1:
            names = ", ".join(p.name for p in present)
            loaded.findings.append(
                error(
                    "two-registers",
                    Location("evidence/"),
                    f"there are several registers ({names}); selfassess would not know which one is current",
                    "keep one, or name the current one in selfassess.yaml under 'register:'",
                )
            )
            return
        path = present[0]
    loaded.register_path = path
    items, places, findings = read_register(path, loaded.rel(path))
    loaded.items = items
    loaded.item_where = [row for row, _ in places]
    loaded.item_criteria_where = [cell for _, cell in places]
    for item, where in zip(items, places, strict=True):
        loaded.item_places.setdefault(item.id, where)
    loaded.findings.extend(findings)


def is_junk(name: str) -> bool:
    """Return True for files office tools and systems leave behind (~$x.docx, .DS_Store, Thumbs.db)."""
    return name.startswith(JUNK_PREFIXES) or name in JUNK_NAMES


def scan_files(folder: Path) -> dict[str, bool]:
    """Return every entry under `folder` (relative NFC path → is it a symlink), skipping junk."""
    found: dict[str, bool] = {}
    if not folder.is_dir():
        return found
    stack = [("", str(folder))]
    while stack:
        prefix, path = stack.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                name = entry.name
                if is_junk(name):
                    continue
                rel = prefix + nfc(name)
                link = entry.is_symlink()
                if entry.is_dir(follow_symlinks=False):
                    found[rel + "/"] = link
                    stack.append((rel + "/", entry.path))
                else:
                    found[rel] = link
    return found


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
