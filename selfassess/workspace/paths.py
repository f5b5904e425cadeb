"""Which workspace files may be read: inside the workspace, ordinary files, no link leading out.

A link to /etc, a pipe that never ends, a link that points at itself: each would make a
command read what it must not, or wait forever. They are refused with a located error.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from selfassess.errors import Finding, Location, error
from selfassess.messages import t


def inside(path: str, root: str) -> bool:
    """Return True when `path` is `root` or lies under it (both real, normalised paths)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def why_unreadable(path: Path, root: Path | None = None) -> str | None:
    """Return why `path` may not be read ("the file …, so it is not read"), or None when it is
    an ordinary file (inside `root`).

    A missing file is None too: the caller says what is missing, in its own words.
    """
    try:
        os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return t("the file has a name too long for the file system, so it is not read")
        return t("the file cannot be read ({reason}), so it is not read", reason=exc.strerror)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return t("the file is a link that points back at itself, so it is not read")
        if exc.errno == errno.ENOENT:
            return t("the file is a link to a file that does not exist, so it is not read")
        return t("the file cannot be read ({reason}), so it is not read", reason=exc.strerror)
    if root is not None and not inside(os.path.abspath(path), os.path.abspath(root)):
        return t("the file is outside the workspace, so it is not read")
    if root is not None and not inside(os.path.realpath(path), os.path.realpath(root)):
        return t("the file is a link to a place outside the workspace, so it is not read")
    if not stat.S_ISREG(info.st_mode):
        return t("the file is not an ordinary file (a folder, a pipe or a device), so it is not read")
    return None


def refused(path: Path, shown: str, root: Path | None = None) -> Finding | None:
    """Return the error for a file that may not be read, or None."""
    reason = why_unreadable(path, root)
    if reason is None:
        return None
    return error(
        "unsafe-path",
        Location(shown),
        reason,
        t("put the document itself in the workspace instead of a link, pipe or shortcut"),
    )


def as_on_disk(path: Path) -> Path:
    """Return `path` as the disk spells it when only Unicode normalisation differs.

    "Өзүн-өзү баалоо.xlsx" typed in a YAML file is composed (NFC); the same name copied from a
    Mac is decomposed (NFD) and does not open on Linux. Each missing part is matched by its
    NFC form among its folder's entries; a path that exists, or has no such twin, is returned as is.
    """
    import unicodedata

    if os.path.lexists(path):
        return path
    found = Path(path.anchor) if path.is_absolute() else Path()
    for part in path.parts[len(found.parts) :]:
        candidate = found / part
        if not os.path.lexists(candidate) and os.path.isdir(found):
            wanted = unicodedata.normalize("NFC", part)
            twins = [n for n in os.listdir(found) if unicodedata.normalize("NFC", n) == wanted]
            if len(twins) != 1:
                return path
            candidate = found / twins[0]
        found = candidate
    return found


OUTPUT_FOLDERS = ("build", ".selfassess")


def output_problem(root: Path) -> str | None:
    """Return why selfassess may not write into the workspace's output folders, or None.

    build/ and .selfassess/ (and the folders in them) must not be links: a link from build/ to
    elsewhere would make every command write there. (A file in their place is told by the
    command that needs the folder: `check` does without its cache and history.)
    """
    real_root = os.path.realpath(root)
    for name in OUTPUT_FOLDERS:
        top = root / name
        for path in [top, *_children(top), *(c for child in _children(top) for c in _children(child))]:
            shown = path.relative_to(root).as_posix()
            if path.is_symlink():
                target = os.path.realpath(path)
                if not inside(target, real_root):
                    return t(
                        "{path} is a link to outside the workspace ({target}); selfassess writes only into its "
                        "own folders: remove the link",
                        path=shown,
                        target=target,
                    )
                return t(
                    "{path} is a link to elsewhere in the workspace ({target}); selfassess writes only into its "
                    "own folders: remove the link",
                    path=shown,
                    target=target,
                )
    return None


def _children(folder: Path) -> list[Path]:
    try:
        if folder.is_symlink() or not folder.is_dir():
            return []
        return [
            Path(entry.path)
            for entry in os.scandir(folder)
            if entry.is_dir(follow_symlinks=False) or entry.is_symlink()
        ]
    except OSError:
        return []
