"""What `doc build` wrote into a document's build folder, so that nothing an analyst did there is lost.

An analyst opens the built DOCX in Word and corrects a clause there; the next build would
write over it. Each build records the SHA-256 of the files it wrote (.built.json); a file that no
longer matches was changed by someone, and is kept under another name before the new one is
written. The outputs of a version that is no longer current, unchanged since built, are removed:
the archive keeps that version (documents/<code>/archive/), and two versions side by side in
build/ invite sending the old one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from selfassess.atomic import write_text
from selfassess.messages import t

STATE = ".built.json"
BODY = "body.md"


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _recorded(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def prepare(folder: Path, current: set[str]) -> list[str]:
    """Before a build into `folder` whose outputs are named `current`: keep each recorded output
    that was changed since it was built under a new name, remove the unchanged outputs of other
    versions; return what was done, in words."""
    said: list[str] = []
    recorded = _recorded(folder)
    for name, digest in recorded.items():
        if "@" in name:
            continue  # a source's digest, not an output
        path = folder / name
        if not path.is_file() or path.is_symlink():
            continue
        if _sha256(path) != digest:
            kept = _free_name(path)
            os.replace(path, kept)
            said.append(
                t(
                    "{file} was changed after it was built (in Word?); it is kept as {kept}: carry the changes "
                    "into the document's body.md, from which it is built",
                    file=name,
                    kept=kept.name,
                )
            )
        elif name not in current:
            path.unlink()
            said.append(t("{file} removed: it is an earlier version's (the archive keeps that version)", file=name))
    return said


def record(folder: Path, files: list[Path], body: Path, version: str) -> None:
    """Record the files just written into `folder`, for the next build to see whether they were
    changed, and the text (`body`) they were built from as `version`'s (for doc revise)."""
    state = {name: digest for name, digest in _recorded(folder).items() if "@" in name or (folder / name).is_file()}
    for path in files:
        if path.parent == folder and path.is_file():
            state[path.name] = _sha256(path)
    state[f"{BODY}@{version}"] = _sha256(body)
    write_text(folder / STATE, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def edited_since_built(folder: Path, body: Path, version: str) -> bool:
    """Return True when `body` is not the text `version` was last built from (unknown: False)."""
    built = _recorded(folder).get(f"{BODY}@{version}")
    return built is not None and body.is_file() and _sha256(body) != built


def _free_name(path: Path) -> Path:
    label = t("edited")
    for number in range(1, 1000):
        suffix = f" ({label})" if number == 1 else f" ({label} {number})"
        candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem} ({label} {os.getpid()}){path.suffix}")
