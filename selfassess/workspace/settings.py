"""The workspace's settings file, selfassess.yaml, and finding the workspace it belongs to."""

from __future__ import annotations

from pathlib import Path

from selfassess.errors import Finding, WorkspaceNotFound
from selfassess.messages import t
from selfassess.models import Workspace
from selfassess.workspace.yamlfile import read_yaml, validate

CONFIG_NAME = "selfassess.yaml"


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above `start` holding selfassess.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise WorkspaceNotFound(
        t(
            "no {config} in {folder} or any folder above it; "
            "run the command inside a workspace, or create one with: selfassess init FOLDER",
            config=CONFIG_NAME,
            folder=start,
        )
    )


def load_config(root: Path) -> tuple[Workspace | None, list[Finding]]:
    """Return the workspace settings from selfassess.yaml, or the problems that stop reading it."""
    data, findings = read_yaml(root / CONFIG_NAME, CONFIG_NAME, root)
    if data is None:
        return None, findings
    return validate(data, Workspace, CONFIG_NAME)


def key_line(root: Path, key: str) -> int | None:
    """Return the line of a top-level key of selfassess.yaml, for findings that point at it."""
    data, _ = read_yaml(root / CONFIG_NAME, CONFIG_NAME, root)
    return getattr(data, "key_lines", {}).get(key)
