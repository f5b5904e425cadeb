"""What a build was made from: fingerprints in build/<framework>/.state.json, so nothing unchanged is redone."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from selfassess import __version__

STATE = ".state.json"


def fingerprint(*parts: bytes) -> str:
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def read_state(folder: Path) -> dict[str, object]:
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
    from selfassess.workspace.loader import scan_files

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
    on_disk: dict[str, str] = {}
    for rel, _ in sorted(scan_files(evidence, None, on_disk).items()):
        path = evidence / on_disk.get(rel.rstrip("/"), rel)
        try:
            stat = path.stat()
        except OSError:  # a link to nothing or to itself: the check reports it; its own entry counts
            stat = path.lstat()
        # ctime and inode too: an edit that keeps size and mtime (touch -r, cp -p) still shows.
        digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}\0".encode())
    return digest.hexdigest()


def unchanged(root: Path, frameworks: list[str], whole: str) -> bool:
    """Return True when every framework was last built from exactly this workspace and its outputs are there."""
    for framework in frameworks:
        state = read_state(root / "build" / framework)
        if state.get("workspace") != whole:
            return False
        units = state.get("units") or [""]
        if not all((root / "build" / framework / str(u) / "pack" / "manifest.json").is_file() for u in units):  # type: ignore[union-attr]
            return False
    return bool(frameworks)
