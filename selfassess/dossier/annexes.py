"""Annexes into the pack: each evidence item copied under its number and hashed on the way."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from selfassess.check.pipeline import CheckReport
from selfassess.dossier.pack import PackedFile, annex_name, copy_and_hash
from selfassess.reports.report import ReportPlan
from selfassess.textnorm import safe_name


def pack_annexes(report: CheckReport, p: ReportPlan, pack: Path) -> tuple[list[PackedFile], dict[str, str]]:
    """Copy every annex into the pack under its number; return the manifest entries and digests.

    Each file is read once, hashed while it is copied: the pack records what it holds even if
    the source changes meanwhile. Nothing is hard-linked, so no later edit reaches a pack.
    """
    from selfassess.check.files import item_paths
    from selfassess.workspace.loader import is_junk

    loaded = report.loaded
    root = os.path.realpath(loaded.root)
    paths = {item.id: rel for item, (rel, _) in zip(loaded.items, item_paths(loaded), strict=True)}
    packed: list[PackedFile] = []
    digests: dict[str, str] = {}
    (pack / "annexes").mkdir(exist_ok=True)
    for annex in p.annexes:
        item = annex.item
        rel = paths.get(item.id)
        if rel is None:
            name = annex_name(annex.number, "link.txt")
            data = f"{item.url}\nsnapshot: {item.snapshot}\n".encode()
            (pack / "annexes" / name).write_bytes(data)
            digest = hashlib.sha256(data).hexdigest()
            packed.append(PackedFile(f"annexes/{name}", len(data), digest, annex.number, item.id, annex.criteria))
            digests[item.id] = digest
            continue
        source = loaded.evidence_path(rel)
        if source.is_file():
            files = [source]
        else:
            files = sorted(
                q
                for q in source.rglob("*")
                if _packable(q, root) and not any(is_junk(part) for part in q.relative_to(source).parts)
            )
        base = annex_name(annex.number, source.name)
        lines = []
        for file in files:
            inner = (
                base
                if file == source
                else base + "/" + "/".join(safe_name(part) for part in file.relative_to(source).parts)
            )
            size, digest = copy_and_hash(file, pack / "annexes" / inner)
            packed.append(PackedFile(f"annexes/{inner}", size, digest, annex.number, item.id, annex.criteria))
            lines.append(f"{inner}\0{digest}\n")
        # A folder's digest covers every file in it (names and contents), like the manifest does.
        digests[item.id] = (
            packed[-1].sha256 if file_count(files, source) else hashlib.sha256("".join(lines).encode()).hexdigest()
        )
    return packed, digests


def _packable(path: Path, root: str) -> bool:
    """Return True for an ordinary file inside the workspace (a link is followed only inside it)."""
    if not path.is_file():  # follows a link; a pipe or a device is no file
        return False
    return not path.is_symlink() or os.path.realpath(path).startswith(root + os.sep)


def file_count(files: list[Path], source: Path) -> bool:
    """Return True when the annex is a single file (not a folder)."""
    return len(files) == 1 and files[0] == source


def sources_signature(report: CheckReport, p: ReportPlan) -> str:
    """Return what the pack's files depend on: each annex and its source files' size and mtime."""
    from selfassess.check.files import item_paths

    loaded = report.loaded
    paths = {item.id: rel for item, (rel, _) in zip(loaded.items, item_paths(loaded), strict=True)}
    parts = []
    for annex in p.annexes:
        rel = paths.get(annex.item.id)
        entry: list[object] = [annex.number, annex.item.model_dump_json(), annex.criteria]
        if rel is not None:
            source = loaded.evidence_path(rel)
            files = [source] if source.is_file() else sorted(q for q in source.rglob("*") if q.is_file())
            for file in files:
                stat = file.stat()
                entry.append([file.as_posix(), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino])
        parts.append(entry)
    return json.dumps(parts, ensure_ascii=False)
