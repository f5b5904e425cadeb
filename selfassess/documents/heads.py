"""The last revision issued of each controlled document, kept apart from its history.

Each history entry is sealed and chained to the one before, so an edit or a removal inside
the history is told. Removing the *last* entries (with their archives), or the whole history,
leaves a chain that is shorter but whole: only a record kept elsewhere can tell. `doc revise`
writes the head it issued to .selfassess/document-heads.json; every read of a history compares.
What this cannot tell: the workspace copied without .selfassess/, or that file removed too.
"""

from __future__ import annotations

import json
from pathlib import Path

from selfassess.atomic import write_text

HEADS = Path(".selfassess") / "document-heads.json"


def recorded_heads(root: Path) -> dict[str, dict[str, object]]:
    """Return code → {number, version, sha256} of the last revision issued here; {} if none was."""
    path = root / HEADS
    if path.is_symlink() or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def record_head(root: Path, code: str, number: int, version: str, sha256: str) -> None:
    """Remember that revision `number` (issuing `version`, sealed `sha256`) is the document's last."""
    heads = recorded_heads(root)
    heads[code] = {"number": number, "version": version, "sha256": sha256}
    write_text(root / HEADS, json.dumps(heads, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
