"""Where the built-in catalogues and templates live: in the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """Return the folder of built-in `name` (criteria, templates) shipped with selfassess."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    # An editable install runs from the repository, whose root is the sample workspace.
    return _PACKAGE.parent / name
