"""What `doc build` wrote into a document's build folder, so that nothing an analyst did there is lost.

An analyst opens the built DOCX in Word and corrects a clause there; the next build would
write over it. Each build records the SHA-256 of the files it wrote (.built.json); a file that no
longer matches was changed by someone, and is kept under another name before the new one is
written. Without a record (an older build, a damaged .built.json) a DOCX that Word saved says
so itself: Word puts its user in "last modified by", where selfassess wrote its own name. The
outputs of a version that is no longer current, unchanged since built, are removed: the
archive keeps that version (documents/<code>/archive/), and two versions side by side in build/
invite sending the old one. Only the document's own outputs are ever touched: a name in the
record that is not one ("../selfassess.yaml") is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

from selfassess.atomic import write_text
from selfassess.digests import sha256_file
from selfassess.errors import SelfAssessError
from selfassess.messages import t

STATE = ".built.json"
BODY = "body.md"
OUTPUTS = (".docx", ".pdf")


def body_digest(body: Path) -> str:
    """Return the digest of a body's text: line ends and a byte-order mark (Notepad, git) do not count."""
    text = body.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _recorded(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _own(name: str, prefix: str) -> bool:
    """Return True when `name` is one of this document's outputs in its folder, nothing else."""
    return Path(name).name == name and name.startswith(prefix) and Path(name).suffix in OUTPUTS


def prepare(folder: Path, current: set[str], prefix: str) -> list[str]:
    """Before a build into `folder` whose outputs are named `current` (all starting with `prefix`):
    keep each output changed since it was built under a new name, remove the unchanged outputs
    of other versions; return what was done, in words."""
    said: list[str] = []
    recorded = _recorded(folder)
    names = [n for n in recorded if _own(n, prefix)]
    names += [n for n in sorted(current) if n not in recorded and n.endswith(".docx")]
    for name in names:
        path = folder / name
        if not path.is_file() or path.is_symlink():
            continue
        digest = recorded.get(name)
        changed = _saved_by_someone(path) if digest is None else sha256_file(path) != digest
        if changed:
            kept = _free_name(path)
            _move(path, kept)
            said.append(
                t(
                    "{file} was changed after it was built (in Word?); it is kept as {kept}: carry the changes "
                    "into the document's body.md, from which it is built",
                    file=name,
                    kept=kept.name,
                )
            )
        elif digest is not None and name not in current:
            _move(path, None)
            said.append(t("{file} removed: it is an earlier version's (the archive keeps that version)", file=name))
    return said


def record(folder: Path, files: list[Path], prefix: str, body: tuple[str, str] | None = None) -> None:
    """Record the files just written into `folder`, for the next build to see whether they were
    changed, and (`body`: version, digest) the text they were built from (for doc revise)."""
    state = {n: d for n, d in _recorded(folder).items() if "@" in n or (_own(n, prefix) and (folder / n).is_file())}
    for path in files:
        if path.parent == folder and path.is_file():
            state[path.name] = sha256_file(path)
    if body is not None:
        state[f"{BODY}@{body[0]}"] = body[1]
    write_text(folder / STATE, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def edited_since_built(folder: Path, body: Path, version: str) -> bool:
    """Return True when `body` is not the text `version` was last built from (unknown: False)."""
    built = _recorded(folder).get(f"{BODY}@{version}")
    return built is not None and body.is_file() and body_digest(body) != built


def _saved_by_someone(path: Path) -> bool:
    """Return True when a DOCX was saved by a program other than selfassess (Word names its user)."""
    try:
        with zipfile.ZipFile(path) as package:
            core = package.read("docProps/core.xml").decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return "<cp:lastModifiedBy>selfassess</cp:lastModifiedBy>" not in core


def _move(path: Path, target: Path | None) -> None:
    try:
        if target is None:
            path.unlink()
        else:
            os.replace(path, target)
    except OSError as exc:
        raise SelfAssessError(
            t(
                "{file} cannot be moved aside ({reason}): close it in Word and build again",
                file=path.name,
                reason=exc.strerror or exc,
            )
        ) from exc


def _free_name(path: Path) -> Path:
    label = t("edited")
    for number in range(1, 1000):
        suffix = f" ({label})" if number == 1 else f" ({label} {number})"
        candidate = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem} ({label} {os.getpid()}){path.suffix}")
