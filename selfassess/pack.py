"""The dossier pack: annexes under their numbers, a checksummed manifest, a reproducible zip."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.errors import Finding, Location, SelfAssessError, error

MANIFEST = "manifest.json"
ZIP_NAME = "pack.zip"
_EPOCH = (1980, 1, 1, 0, 0, 0)
_STORED = (".zip", ".docx", ".xlsx", ".pptx", ".pdf", ".jpg", ".jpeg", ".png", ".odt", ".ods")
_UNSAFE = str.maketrans({c: "_" for c in '<>:"/\\|?*'})


def sha256_file(path: Path) -> str:
    """Return the SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def annex_name(number: int, source_name: str) -> str:
    """Return the file name an annex gets in the pack: its number, then the original name (shortened)."""
    name = source_name.translate(_UNSAFE).lstrip(".") or "annex"
    stem, dot, suffix = name.rpartition(".")
    if len(name) > 100:
        name = (stem[: 100 - len(suffix) - 1] + "." + suffix) if dot and len(suffix) < 10 else name[:100]
    return f"{number:03d}_{name}"


@dataclass
class PackedFile:
    path: str
    size: int
    sha256: str
    annex: int | None = None
    evidence: str | None = None
    criteria: list[str] = field(default_factory=list)


def copy_and_hash(source: Path, target: Path) -> tuple[int, str]:
    """Copy `source` to `target` reading it once; return the size and SHA-256 of what was written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as reader, open(target, "wb") as writer:
        for block in iter(lambda: reader.read(1 << 20), b""):
            digest.update(block)
            writer.write(block)
            size += len(block)
    return size, digest.hexdigest()


def write_zip(folder: Path, target: Path) -> None:
    """Write every file of `folder` into a zip whose bytes depend only on the files."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p != target and p.name != target.name + ".sha256")
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for path in files:
            name = path.relative_to(folder).as_posix()
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.flag_bits |= 0x800  # names in UTF-8 (Cyrillic file names)
            stored = path.suffix.lower() in _STORED
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            with open(path, "rb") as source, archive.open(info, "w") as sink:
                shutil.copyfileobj(source, sink, 1 << 20)
    os.replace(tmp, target)
    digest = sha256_file(target)
    # The zip is what gets shipped; verify checks it against this line (sha256sum format).
    target.with_name(target.name + ".sha256").write_text(f"{digest}  {target.name}\n", encoding="utf-8")


def write_manifest(folder: Path, header: dict[str, object], files: list[PackedFile]) -> None:
    """Write manifest.json: the header and, per file, path, size, SHA-256, annex and criteria."""
    data = {
        **header,
        "files": [
            {k: v for k, v in vars(f).items() if v not in (None, [])} for f in sorted(files, key=lambda f: f.path)
        ],
    }
    (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


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
