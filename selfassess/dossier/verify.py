"""Verifying a dossier pack (folder or zip) against its manifest: changed, missing and extra files."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.digests import sha256_file
from selfassess.dossier.pack import DIGESTS, MANIFEST, ZIP_NAME
from selfassess.errors import Finding, Location, SelfAssessError, error
from selfassess.messages import t


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
    try:
        if pack.is_dir():
            return _verify_folder(pack)
        if pack.is_file() and zipfile.is_zipfile(pack):
            return _verify_zip(pack)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, UnicodeDecodeError) as exc:
        # A damaged zip is tampering or a broken copy: either way the pack does not verify.
        result = Verification()
        result.findings.append(error("pack-changed", Location(pack.name), t("the zip is damaged ({exc})", exc=exc)))
        return result
    raise SelfAssessError(t("{pack} is neither a pack folder nor a pack.zip", pack=pack))


def _load_manifest(text: str, shown: str) -> list[dict[str, object]]:
    try:
        data = json.loads(text)
        files = data["files"]
        for entry in files:
            path, size, digest = str(entry["path"]), int(entry["size"]), str(entry["sha256"])
            outside = path.startswith(("/", "\\")) or ".." in path.split("/") or ":" in path
            if outside or size < 0 or len(digest) != 64:
                raise ValueError(t("the entry {path!r} is not a file inside the pack", path=path))
        return files
    except (ValueError, KeyError, TypeError) as exc:
        raise SelfAssessError(
            t("{shown}: the manifest cannot be read ({exc}); the pack is damaged", shown=shown, exc=exc)
        ) from exc


def _verify_folder(pack: Path) -> Verification:
    manifest = pack / MANIFEST
    if not manifest.is_file():
        raise SelfAssessError(
            t("{pack} has no {MANIFEST}; is it a pack made by selfassess build?", pack=pack, MANIFEST=MANIFEST)
        )
    result = Verification()
    listed = set()
    text = manifest.read_bytes()
    entries = _load_manifest(text.decode("utf-8"), str(manifest))
    for entry in entries:
        rel = str(entry["path"])
        listed.add(rel)
        path = pack / rel
        result.checked += 1
        if path.is_symlink():
            result.findings.append(error("pack-link", Location(rel), t("is a link, not the file that was packed")))
        elif not path.is_file():
            result.findings.append(
                error("pack-missing", Location(rel), t("listed in the manifest but missing from the pack"))
            )
        elif path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
            result.findings.append(
                error("pack-changed", Location(rel), t("changed since the pack was made (SHA-256 differs)"))
            )
    folders = {"/".join(rel.split("/")[:i]) for rel in listed for i in range(1, rel.count("/") + 1)}
    for path in sorted(pack.rglob("*")):
        rel = path.relative_to(pack).as_posix()
        if path.is_symlink() and rel not in listed:
            result.findings.append(error("pack-link", Location(rel), t("a link that the pack never held")))
        elif path.is_dir() and rel not in folders:
            result.findings.append(error("pack-extra", Location(rel + "/"), t("a folder the manifest does not list")))
        elif path.is_file() and rel not in listed and rel not in (MANIFEST, ZIP_NAME, DIGESTS):
            result.findings.append(error("pack-extra", Location(rel), t("not listed in the manifest")))
    result.findings += _zip_and_digests(pack, text, entries)
    result.checked += 2
    return result


def _zip_and_digests(pack: Path, manifest: bytes, entries: list[dict[str, object]]) -> list[Finding]:
    """Return what is wrong with pack.zip and its digests against the folder's manifest.

    pack.zip.sha256 records the zip's and the manifest's SHA-256 (sha256sum format); the zip
    holds the same manifest and the same files. A file replaced together with its manifest line
    no longer matches the digest line, nor the zip.
    """
    zipped, digests = pack / ZIP_NAME, pack / DIGESTS
    if not zipped.is_file():
        return [error("pack-missing", Location(ZIP_NAME), t("the pack's zip is gone"))]
    if not digests.is_file():
        return [error("pack-missing", Location(DIGESTS), t("the digests of the zip and the manifest are gone"))]
    recorded = _digest_lines(digests.read_text(encoding="utf-8"))
    findings = []
    if recorded.get(ZIP_NAME) != sha256_file(zipped):
        findings.append(
            error("pack-changed", Location(ZIP_NAME), t("changed since the pack was made (SHA-256 differs)"))
        )
    if recorded.get(MANIFEST) != hashlib.sha256(manifest).hexdigest():
        findings.append(
            error(
                "pack-changed",
                Location(MANIFEST),
                t("the manifest was changed since the pack was made (SHA-256 differs)"),
            )
        )
    by_path = {str(e["path"]): e for e in entries}
    with zipfile.ZipFile(zipped) as archive:
        listed = [info.filename for info in archive.infolist() if not info.is_dir()]
        names = set(listed)
        if len(names) != len(listed):
            # Extraction keeps one of two same-named entries, and readers differ on which.
            findings.append(error("pack-extra", Location(ZIP_NAME), t("the zip holds two entries with one name")))
        if MANIFEST not in names or archive.read(MANIFEST) != manifest:
            findings.append(
                error(
                    "pack-changed",
                    Location(f"{ZIP_NAME}:{MANIFEST}"),
                    t("the zip's manifest differs from the folder's"),
                )
            )
        for name in sorted(names - {MANIFEST}):
            entry = by_path.get(name)
            if entry is None:
                findings.append(error("pack-extra", Location(f"{ZIP_NAME}:{name}"), t("not listed in the manifest")))
            elif _member_sha256(archive, name) != entry["sha256"]:
                findings.append(
                    error("pack-changed", Location(f"{ZIP_NAME}:{name}"), t("differs from the file in the folder"))
                )
        for name in sorted(set(by_path) - names):
            findings.append(error("pack-missing", Location(f"{ZIP_NAME}:{name}"), t("missing from the zip")))
    return findings


def _digest_lines(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        digest, _, name = line.strip().partition("  ")
        if name:
            out[name.strip()] = digest.strip()
    return out


def _member_sha256(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verify_zip(pack: Path) -> Verification:
    result = Verification()
    with zipfile.ZipFile(pack) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        names = {info.filename: info for info in infos}
        if len(names) != len(infos):
            result.findings.append(
                error("pack-extra", Location(pack.name), t("the zip holds two entries with one name"))
            )
        if MANIFEST not in names:
            raise SelfAssessError(
                t("{pack} has no {MANIFEST}; is it a pack made by selfassess build?", pack=pack, MANIFEST=MANIFEST)
            )
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
                        t("listed in the manifest but missing from the pack"),
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
                        t("changed since the pack was made (SHA-256 differs)"),
                    )
                )
        for rel in sorted(set(names) - listed - {MANIFEST}):
            result.findings.append(error("pack-extra", Location(f"{pack.name}:{rel}"), t("not listed in the manifest")))
    beside = pack.with_name(pack.name + ".sha256")
    if beside.is_file():
        result.checked += 1
        if _digest_lines(beside.read_text(encoding="utf-8")).get(pack.name) != sha256_file(pack):
            result.findings.append(
                error("pack-changed", Location(pack.name), t("differs from the digest recorded beside it"))
            )
    return result
