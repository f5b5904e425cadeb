"""Verifying a dossier pack (folder or zip) against its manifest: changed, missing and extra files."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.dossier.pack import MANIFEST, ZIP_NAME, sha256_file
from selfassess.errors import Finding, Location, SelfAssessError, error


@dataclass
class Verification:
    """What `selfassess verify` found: files changed, missing or extra."""

    checked: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def verify(pack: Path) -> Verification:
    """Recompute every file of a pack (folder or pack.zip) against its manifest."""
    if pack.is_dir():
        return _verify_folder(pack)
    if pack.is_file() and zipfile.is_zipfile(pack):
        return _verify_zip(pack)
    raise SelfAssessError(f"{pack} is neither a pack folder nor a pack.zip")


def _load_manifest(text: str, shown: str) -> list[dict[str, object]]:
    try:
        data = json.loads(text)
        files = data["files"]
        for entry in files:
            path, size, digest = str(entry["path"]), int(entry["size"]), str(entry["sha256"])
            outside = path.startswith(("/", "\\")) or ".." in path.split("/") or ":" in path
            if outside or size < 0 or len(digest) != 64:
                raise ValueError(f"the entry {path!r} is not a file inside the pack")
        return files
    except (ValueError, KeyError, TypeError) as exc:
        raise SelfAssessError(f"{shown}: the manifest cannot be read ({exc}); the pack is damaged") from exc


def _verify_folder(pack: Path) -> Verification:
    manifest = pack / MANIFEST
    if not manifest.is_file():
        raise SelfAssessError(f"{pack} has no {MANIFEST}; is it a pack made by selfassess build?")
    result = Verification()
    listed = set()
    for entry in _load_manifest(manifest.read_text(encoding="utf-8"), str(manifest)):
        rel = str(entry["path"])
        listed.add(rel)
        path = pack / rel
        result.checked += 1
        if not path.is_file():
            result.findings.append(
                error("pack-missing", Location(rel), "listed in the manifest but missing from the pack")
            )
        elif path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
            result.findings.append(
                error("pack-changed", Location(rel), "changed since the pack was made (SHA-256 differs)")
            )
    for path in sorted(pack.rglob("*")):
        rel = path.relative_to(pack).as_posix()
        if path.is_file() and rel not in listed and rel not in (MANIFEST, ZIP_NAME, ZIP_NAME + ".sha256"):
            result.findings.append(error("pack-extra", Location(rel), "not listed in the manifest"))
    zipped, line = pack / ZIP_NAME, pack / (ZIP_NAME + ".sha256")
    if zipped.is_file() and line.is_file():
        result.checked += 1
        if line.read_text(encoding="utf-8").split()[:1] != [sha256_file(zipped)]:
            message = "changed since the pack was made (SHA-256 differs)"
            result.findings.append(error("pack-changed", Location(ZIP_NAME), message))
    return result


def _verify_zip(pack: Path) -> Verification:
    result = Verification()
    with zipfile.ZipFile(pack) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        names = {info.filename: info for info in infos}
        if len(names) != len(infos):
            result.findings.append(error("pack-extra", Location(pack.name), "the zip holds two entries with one name"))
        if MANIFEST not in names:
            raise SelfAssessError(f"{pack} has no {MANIFEST}; is it a pack made by selfassess build?")
        listed = set()
        for entry in _load_manifest(archive.read(MANIFEST).decode("utf-8"), f"{pack}:{MANIFEST}"):
            rel = str(entry["path"])
            listed.add(rel)
            result.checked += 1
            if rel not in names:
                result.findings.append(
                    error(
                        "pack-missing",
                        Location(f"{pack.name}:{rel}"),
                        "listed in the manifest but missing from the pack",
                    )
                )
                continue
            digest = hashlib.sha256()
            with archive.open(rel) as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            if names[rel].file_size != entry["size"] or digest.hexdigest() != entry["sha256"]:
                result.findings.append(
                    error(
                        "pack-changed",
                        Location(f"{pack.name}:{rel}"),
                        "changed since the pack was made (SHA-256 differs)",
                    )
                )
        for rel in sorted(set(names) - listed - {MANIFEST, ZIP_NAME + ".sha256"}):
            result.findings.append(error("pack-extra", Location(f"{pack.name}:{rel}"), "not listed in the manifest"))
    return result
