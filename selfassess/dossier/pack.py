"""The dossier pack: annexes under their numbers, a checksummed manifest, a reproducible zip."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.digests import sha256_file

MANIFEST = "manifest.json"
ZIP_NAME = "pack.zip"
DIGESTS = ZIP_NAME + ".sha256"  # the zip's and the manifest's SHA-256, in sha256sum format
_EPOCH = (1980, 1, 1, 0, 0, 0)
_STORED = (".zip", ".docx", ".xlsx", ".pptx", ".pdf", ".jpg", ".jpeg", ".png", ".odt", ".ods")
_UNSAFE = str.maketrans({c: "_" for c in '<>:"/\\|?*'})


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
    manifest = sha256_file(folder / MANIFEST)
    # The zip is what gets shipped; verify checks it and the manifest against these lines.
    target.with_name(DIGESTS).write_text(f"{digest}  {target.name}\n{manifest}  {MANIFEST}\n", encoding="utf-8")


def write_manifest(folder: Path, header: dict[str, object], files: list[PackedFile]) -> None:
    """Write manifest.json: the header and, per file, path, size, SHA-256, annex and criteria."""
    data = {
        **header,
        "files": [
            {k: v for k, v in vars(f).items() if v not in (None, [])} for f in sorted(files, key=lambda f: f.path)
        ],
    }
    (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
