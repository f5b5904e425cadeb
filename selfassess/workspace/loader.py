"""Reading a whole workspace: settings, catalogues, the register and the files under evidence/."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.errors import Finding, Location, Severity, error, warning
from selfassess.evidence_item import EvidenceItem
from selfassess.messages import t
from selfassess.models import Catalogue, Workspace
from selfassess.textnorm import fold, nfc
from selfassess.workspace.catalogues import CriterionRef, load_catalogues
from selfassess.workspace.kinds import Kinds
from selfassess.workspace.paths import refused
from selfassess.workspace.programmes import ProgrammeIndex
from selfassess.workspace.register import read_register
from selfassess.workspace.settings import CONFIG_NAME, load_config

REGISTER_NAMES = ("register.xlsx", "register.yaml", "register.yml", "register.csv", "register.xls", "register.ods")
# Files office tools leave behind; they are never evidence.
JUNK_PREFIXES = ("~$", ".~lock.", ".")
JUNK_NAMES = frozenset({"Thumbs.db", "desktop.ini", "README.md"})


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
    sources: dict[str, str] | None = None  # item id → the file, folder or address it registers
    unreadable: set[str] = field(default_factory=set)  # frameworks whose catalogue file has errors
    programmes: ProgrammeIndex = field(default_factory=ProgrammeIndex)
    item_programmes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # item → ids of its programmes
    special: set[str] = field(default_factory=set)  # entries under evidence/ that are pipes or devices
    on_disk: dict[str, str] = field(default_factory=dict)  # NFC path → the name on disk, where they differ
    findings: list[Finding] = field(default_factory=list)

    @property
    def evidence_dir(self) -> Path:
        """Return the evidence folder: register paths are relative to it, wherever the register is."""
        return self.root / "evidence"

    def evidence_path(self, rel: str) -> Path:
        """Return the file or folder a register path (NFC, '/') names, as the disk spells it.

        A file copied from a Mac keeps its name decomposed (NFD) while the register, typed in
        Excel, has it composed: both are the same name to the user and must be the same file.
        """
        return self.evidence_dir.joinpath(*self.on_disk.get(rel.rstrip("/"), rel).split("/"))

    def evidence_file(self, rel: str) -> str:
        """Return evidence_path(rel) as text: pathlib's joining costs more than a stat of every file."""
        if not self.on_disk:  # no name spelt otherwise on disk: the path as written (one stat per item)
            return f"{self.root}{os.sep}evidence{os.sep}{rel}"
        return os.path.join(self.root, "evidence", *self.on_disk.get(rel.rstrip("/"), rel).split("/"))

    def rel(self, path: Path) -> str:
        """Return `path` as shown to users: relative to the workspace, with '/'."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def row_errors(self, findings: list[Finding]) -> list[Finding]:
        """Return the errors about single rows of the register (a file missing, a bad date, …):
        each costs its item, which counts nowhere."""
        register = self.rel(self.register_path) if self.register_path else None
        return [
            f
            for f in findings
            if f.severity is Severity.error and f.evidence and f.where is not None and f.where.path == register
        ]


def load(root: Path) -> Loaded:
    """Return the workspace at `root`, read as far as its files allow."""
    loaded = Loaded(root=root, config=None)
    loaded.config, findings = load_config(root)
    loaded.findings.extend(findings)
    if loaded.config is None:
        return loaded
    catalogues = load_catalogues(root, loaded.config.frameworks)
    loaded.catalogues, loaded.criteria = catalogues.by_framework, catalogues.criteria
    declared = [(CONFIG_NAME, loaded.config.evidence_kinds)]
    declared += [(catalogues.shown[fid], c.evidence_kinds) for fid, c in catalogues.by_framework.items()]
    loaded.kinds = Kinds(declared)
    loaded.unreadable = catalogues.unreadable
    loaded.findings.extend(catalogues.findings)
    _load_register(loaded)
    loaded.programmes = ProgrammeIndex.of(loaded.config.programmes)
    for number, item in enumerate(loaded.items):
        names = loaded.programmes.regroup(item.programmes)
        if names != item.programmes:  # a programme named with a comma in it was split at the comma
            loaded.items[number] = item.model_copy(update={"programmes": names})
    loaded.item_programmes = {
        item.id: tuple(dict.fromkeys(p for p in map(loaded.programmes.resolve, item.programmes) if p is not None))
        for item in loaded.items
        if item.programmes
    }
    loaded.files = scan_files(loaded.evidence_dir, loaded.special, loaded.on_disk)
    return loaded


REGISTER_WORDS = ("реестр", "register", "тизмес", "перечень доказательств", "список доказательств")


def _named_as_register(folder: Path) -> list[Path]:
    """Return the spreadsheets at the top of evidence/ whose name says they are the register."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".yaml", ".yml")
        and not is_junk(path.name)
        and any(word in fold(path.stem) for word in REGISTER_WORDS)
        and path.is_file()
    )


def _load_register(loaded: Loaded) -> None:
    assert loaded.config is not None
    if loaded.config.register_path:
        path = loaded.root / loaded.config.register_path
        if not os.path.lexists(path):
            loaded.findings.append(
                error(
                    "no-register",
                    Location(CONFIG_NAME),
                    t("the register '{path}' does not exist", path=loaded.config.register_path),
                    t("fix 'register:' or create the file"),
                )
            )
            return
    else:
        present = [
            loaded.root / "evidence" / n for n in REGISTER_NAMES if os.path.lexists(loaded.root / "evidence" / n)
        ]
        named = [] if present else _named_as_register(loaded.root / "evidence")
        if len(named) == 1:
            # «Реестр доказательств.xlsx»: the office's own name for it; read, and said.
            present = named
            loaded.findings.append(
                warning(
                    "register-by-name",
                    Location(loaded.rel(named[0])),
                    t("there is no evidence/register.xlsx; this file is read as the register, as its name says"),
                    t("to make it explicit, add to selfassess.yaml: register: {path}", path=loaded.rel(named[0])),
                )
            )
        if not present:
            loaded.findings.append(
                error(
                    "no-register",
                    Location("evidence/"),
                    t("there is no evidence register"),
                    t("create evidence/register.xlsx (or .csv, .yaml); see docs/formats.md"),
                )
            )
            return
        if len(present) > 1:
            names = ", ".join(p.name for p in present)
            loaded.findings.append(
                error(
                    "two-registers",
                    Location("evidence/"),
                    t(
                        "there are several registers ({names}); selfassess would not know which one is current",
                        names=names,
                    ),
                    t("keep one, or name the current one in selfassess.yaml under 'register:'"),
                )
            )
            return
        path = present[0]
    problem = refused(path, loaded.rel(path), loaded.root)
    if problem is not None:
        loaded.findings.append(problem)
        return
    loaded.register_path = path
    items, places, findings = read_register(path, loaded.rel(path), loaded.root / "build" / ".cache" / "registers")
    loaded.items = items
    loaded.item_where = [row for row, _ in places]
    loaded.item_criteria_where = [cell for _, cell in places]
    for item, (row, _) in zip(items, places, strict=True):
        loaded.item_places.setdefault(item.id, row)
    loaded.findings.extend(findings)


def is_junk(name: str) -> bool:
    """Return True for files office tools and systems leave behind (~$x.docx, .DS_Store, Thumbs.db)."""
    return name.startswith(JUNK_PREFIXES) or name in JUNK_NAMES


def scan_files(folder: Path, special: set[str] | None = None, on_disk: dict[str, str] | None = None) -> dict[str, bool]:
    """Return every entry under `folder` (relative NFC path → is it a symlink), skipping junk.

    Entries that are neither files, folders nor links (pipes, sockets, devices) are added
    to `special` when given: reading one could wait forever. Where the disk spells a path
    otherwise than NFC (names copied from a Mac), `on_disk` maps the NFC path to the disk's.
    """
    found: dict[str, bool] = {}
    if not folder.is_dir():
        return found
    stack = [("", "", str(folder))]
    while stack:
        prefix, disk_prefix, path = stack.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                name = entry.name
                if is_junk(name):
                    continue
                rel = prefix + nfc(name)
                disk = disk_prefix + name
                if on_disk is not None and disk != rel:
                    on_disk.setdefault(rel, disk)
                link = entry.is_symlink()
                if entry.is_dir(follow_symlinks=False):
                    found[rel + "/"] = link
                    stack.append((rel + "/", disk + "/", entry.path))
                else:
                    found[rel] = link
                    if special is not None and not link and not entry.is_file(follow_symlinks=False):
                        special.add(rel)
    return found
