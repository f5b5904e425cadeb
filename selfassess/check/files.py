"""Rules about the evidence files: paths inside the workspace, files present, expiry, unregistered files."""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from pathlib import Path, PurePosixPath

from selfassess.errors import Finding, Location, error, warning
from selfassess.messages import t
from selfassess.textnorm import SUGGEST_LIMIT, did_you_mean, fold, nfc
from selfassess.workspace.loader import Loaded

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_NAME_MAX = 255  # bytes in one name on ext4, NTFS (UTF-16 units, near enough) and APFS
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def item_paths(loaded: Loaded) -> list[tuple[str | None, str | None]]:
    """Return each item's (relative path, reason refused), computed once per workspace load."""
    if loaded.paths is None:
        loaded.paths = [_found(loaded, item.file) if item.file else (None, None) for item in loaded.items]
    return loaded.paths


def _found(loaded: Loaded, written: str) -> tuple[str | None, str | None]:
    """Return the item's path, read the way the register's author meant it.

    A path is relative to the evidence folder; when no such file exists, it may be relative
    to the register's own folder, or to the workspace root ("evidence/…", as a register at the
    root writes it) — the first that names an existing file or folder wins.
    """
    rel, refused = item_path(loaded, written)
    if refused or rel is None or rel in loaded.files or rel + "/" in loaded.files:
        return rel, refused
    evidence = os.path.normpath(loaded.evidence_dir)
    folders = [loaded.register_path.parent] if loaded.register_path else []
    folders.append(loaded.root)
    for folder in folders:
        candidate = os.path.normpath(os.path.join(folder, nfc(written.strip()).replace("\\", "/")))
        if _inside(candidate, evidence) and candidate != evidence:
            other = Path(candidate).relative_to(evidence).as_posix()
            if other in loaded.files or other + "/" in loaded.files:
                return other, None
    return rel, refused


def item_path(loaded: Loaded, written: str) -> tuple[str | None, str | None]:
    """Return (path relative to evidence/ in NFC with '/', reason it is refused)."""
    text = nfc(written.strip()).replace("\\", "/")
    if not (text.startswith(("/", ".")) or "/." in text or "//" in text or ":" in text):
        return text.rstrip("/"), None  # the common case: a plain relative path
    if text.startswith("/") or _DRIVE.match(written.strip()) or text.startswith("//"):
        return None, t("is an absolute path; give it relative to the evidence folder")
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    if ".." in parts:
        resolved = os.path.normpath(loaded.evidence_dir.joinpath(*parts))
        root = os.path.normpath(loaded.root)
        if not _inside(resolved, root):
            return None, t("points outside the workspace ('..')")
        if resolved == root or _inside(resolved, os.path.join(root, "build")):
            return None, t("points at the whole workspace or at build/, which selfassess writes")
    if not parts:
        return None, t("names the evidence folder itself; name a file or a sub-folder")
    return "/".join(parts), None


def file_problems(loaded: Loaded) -> list[Finding]:
    """Return missing files, paths leaving the workspace, symlinks out, empty folders, bad URLs."""
    findings = []
    root = os.path.realpath(loaded.root)
    evidence_real = os.path.realpath(loaded.evidence_dir)
    evidence_inside = _inside(evidence_real, root)
    by_name: dict[str, list[str]] = {}
    by_case: dict[str, str] = {}
    paths = item_paths(loaded)
    nonempty = _nonempty_folders(loaded, paths)
    for item, where, (rel, refused) in zip(loaded.items, loaded.item_where, paths, strict=True):
        if item.url and not _URL.match(item.url):
            findings.append(
                error(
                    "bad-url",
                    where,
                    t("{id}: '{url}' is not a web address", id=item.id, url=item.url),
                    t("start it with https://"),
                    evidence=item.id,
                )
            )
        if not item.file:
            continue
        if refused:
            findings.append(
                error(
                    "path-escape",
                    where,
                    t("{id}: the file '{file}' {refused}", id=item.id, file=item.file, refused=refused),
                    None,
                    evidence=item.id,
                )
            )
            continue
        assert rel is not None
        is_link = loaded.files.get(rel)
        if is_link is None:
            is_link = loaded.files.get(rel + "/")
        if is_link is False and evidence_inside:
            trouble = _unsafe_inside(loaded, rel, root)
            if trouble:
                findings.append(
                    error(
                        "path-escape",
                        where,
                        t("{id}: {trouble}", id=item.id, trouble=trouble),
                        t("put the documents themselves in the evidence folder, not links, pipes or shortcuts"),
                        evidence=item.id,
                    )
                )
                continue
            # An empty folder or a file of 0 bytes proves nothing: the item does not count.
            if rel + "/" in loaded.files and rel not in nonempty:
                findings.append(
                    error(
                        "empty-folder",
                        where,
                        t(
                            "{id}: the folder '{file}' is empty, so it proves nothing and does not count",
                            id=item.id,
                            file=item.file,
                        ),
                        t("put the documents in it"),
                        evidence=item.id,
                    )
                )
            elif rel in loaded.files and _empty_file(loaded, rel):
                findings.append(
                    error(
                        "empty-evidence",
                        where,
                        t(
                            "{id}: the file '{file}' is empty (0 bytes): it proves nothing and does not count",
                            id=item.id,
                            file=item.file,
                        ),
                        t("put the document's real file in its place (a failed download or copy leaves 0 bytes)"),
                        evidence=item.id,
                    )
                )
            continue
        if is_link is None and loaded.files:
            # On Windows and macOS "Policy.PDF" opens "policy.pdf"; on Linux it does not. Treat a
            # name that differs only in case as missing everywhere, so CI and desktops agree.
            if not by_case:
                by_case.update((k.rstrip("/").casefold(), k.rstrip("/")) for k in loaded.files)
            if rel.casefold() in by_case:
                hint = t("did you mean '{name}'? (capital and small letters differ)", name=by_case[rel.casefold()])
                findings.append(
                    error(
                        "missing-file",
                        where,
                        t("{id}: the file '{file}' does not exist in the evidence folder", id=item.id, file=item.file),
                        hint,
                        evidence=item.id,
                    )
                )
                continue
        full = str(loaded.evidence_path(rel))
        if not os.path.lexists(full):
            findings.append(_missing(loaded, item.id, item.file, rel, where, by_name))
            continue
        real = os.path.realpath(full)
        if not _inside(real, root):
            findings.append(
                error(
                    "path-escape",
                    where,
                    t(
                        "{id}: the file '{file}' is a link to {real}, outside the workspace",
                        id=item.id,
                        file=item.file,
                        real=real,
                    ),
                    t("copy the document into the evidence folder instead of linking to it"),
                    evidence=item.id,
                )
            )
        elif not os.path.exists(real):
            findings.append(_missing(loaded, item.id, item.file, rel, where, by_name))
    return findings


def _empty_file(loaded: Loaded, rel: str) -> bool:
    try:
        return os.stat(loaded.evidence_file(rel)).st_size == 0
    except OSError:
        return False


def _unsafe_inside(loaded: Loaded, rel: str, root: str) -> str | None:
    """Return what in a registered file or folder must not be read: a pipe or device, or a link
    (at any depth in the folder) leading out of the workspace or nowhere."""
    if rel in loaded.special:
        return t("'{name}' is not an ordinary file (a pipe or a device)", name=rel)
    prefix = rel + "/"
    if prefix not in loaded.files:
        return None
    for name, is_link in loaded.files.items():
        if not name.startswith(prefix):
            continue
        if name in loaded.special:
            return t("'{name}' in the folder is not an ordinary file (a pipe or a device)", name=name)
        if is_link:
            real = os.path.realpath(loaded.evidence_path(name))
            if not _inside(real, root) or not os.path.exists(real):
                return t(
                    "'{name}' in the folder is a link to a place outside the workspace or to nothing",
                    name=name.rstrip("/"),
                )
    return None


def _nonempty_folders(loaded: Loaded, paths: list[tuple[str | None, str | None]]) -> set[str]:
    """Return the registered folders that hold at least one file (computed only if there are any)."""
    folders = {rel for rel, _ in paths if rel and rel + "/" in loaded.files}
    if not folders:
        return set()
    nonempty: set[str] = set()
    for key in loaded.files:
        if key.endswith("/"):
            continue
        parts = key.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix in folders:
                nonempty.add(prefix)
    return nonempty


def _missing(
    loaded: Loaded, ident: str, written: str, rel: str, where: Location | None, by_name: dict[str, list[str]]
) -> Finding:
    files = loaded.files
    if not by_name:  # built on the first missing file only: most checks have none
        for path in files:
            by_name.setdefault(fold(path.rstrip("/").rsplit("/", 1)[-1]), []).append(path)
    longest = max(rel.split("/"), key=lambda part: len(part.encode()))
    if len(longest.encode()) > _NAME_MAX:
        return error(
            "missing-file",
            where,
            t(
                "{ident}: the name '{written}' is longer than a file system allows ({count} bytes in "
                "UTF-8; the limit is {NAME_MAX})",
                ident=ident,
                written=written,
                count=len(longest.encode()),
                NAME_MAX=_NAME_MAX,
            ),
            t("shorten the file's name, in the folder and in the register"),
            evidence=ident,
        )
    name = fold(rel.rsplit("/", 1)[-1])
    candidates = by_name.get(name, [])
    if not candidates and by_name:
        close = (
            did_you_mean(rel.rsplit("/", 1)[-1], list(by_name), cutoff=0.75) if len(by_name) <= SUGGEST_LIMIT else None
        )
        candidates = by_name.get(close, []) if close else []
    hint = (
        _did_you_mean(loaded, ident, candidates[0].rstrip("/"))
        if candidates
        else t("check the name and folder, or add the file to the evidence folder")
    )
    return error(
        "missing-file",
        where,
        t("{ident}: the file '{written}' does not exist in the evidence folder", ident=ident, written=written),
        hint,
        evidence=ident,
    )


def _did_you_mean(loaded: Loaded, ident: str, rel: str) -> str:
    """Return the suggestion of a file, saying whose it is when another item registers it: a fix
    must not take another programme's document as this one's without saying so."""
    paths = item_paths(loaded)
    for item, (other, _) in zip(loaded.items, paths, strict=True):
        if other != rel or item.id == ident:
            continue
        mine = set(loaded.item_programmes.get(ident, ()))
        theirs = loaded.item_programmes.get(item.id, ())
        if theirs and set(theirs) != mine:
            return t(
                "did you mean '{name}'? (that file is {id}, evidence of programme {programmes})",
                name=rel,
                id=item.id,
                programmes=", ".join(theirs),
            )
        return t("did you mean '{name}'? (that file is already registered as {id})", name=rel, id=item.id)
    return t("did you mean '{name}'?", name=rel)


def expiry(loaded: Loaded, as_of: dt.date) -> list[Finding]:
    """Return a warning for each item that has expired or expires within the freshness window."""
    assert loaded.config is not None
    window = dt.timedelta(days=loaded.config.freshness.expiring_within_days)
    findings = []
    for item, where in zip(loaded.items, loaded.item_where, strict=True):
        later = [
            (name, day) for name, day in (("issued", item.issued), ("snapshot", item.snapshot)) if day and day > as_of
        ]
        for name, day in later:
            # A document dated after the day statuses are judged at did not exist that day.
            findings.append(
                error(
                    "dated-after-reference",
                    where,
                    t(
                        "{id} is issued {date}, after the reference date {reference}: it does not count",
                        id=item.id,
                        date=day.isoformat(),
                        reference=as_of.isoformat(),
                    )
                    if name == "issued"
                    else t(
                        "{id} is snapshot {date}, after the reference date {reference}: it does not count",
                        id=item.id,
                        date=day.isoformat(),
                        reference=as_of.isoformat(),
                    ),
                    t("correct the date, or judge at a later date (--as-of)"),
                    evidence=item.id,
                )
            )
        expires = item.expires
        if expires is None:
            continue
        if expires < as_of:
            findings.append(
                warning(
                    "expired",
                    where,
                    t("{id} expired on {isoformat}", id=item.id, isoformat=expires.isoformat()),
                    t("register the current version of the document"),
                    evidence=item.id,
                )
            )
        elif expires <= as_of + window:
            findings.append(
                warning(
                    "expiring",
                    where,
                    t(
                        "{id} expires on {isoformat}, within {days} days",
                        id=item.id,
                        isoformat=expires.isoformat(),
                        days=window.days,
                    ),
                    t("plan its renewal now"),
                    evidence=item.id,
                )
            )
    return findings


def orphan_files(loaded: Loaded) -> list[Finding]:
    """Return a warning for each file under evidence/ that no register entry names."""
    named: set[str] = set()
    folders: list[str] = []
    for rel, refused in item_paths(loaded):
        if rel is None or refused:
            continue
        named.add(rel)
        if rel + "/" in loaded.files:
            folders.append(rel + "/")
    if loaded.register_path is not None:
        named.add(loaded.rel(loaded.register_path).removeprefix(loaded.rel(loaded.evidence_dir) + "/"))
    folder_tuple = tuple(folders)
    findings = []
    shown_dir = loaded.rel(loaded.evidence_dir)
    ignore = loaded.config.ignore if loaded.config else ()
    for rel in sorted(loaded.files):
        if rel.endswith("/") or rel in named or (folder_tuple and rel.startswith(folder_tuple)):
            continue
        if any(fnmatch.fnmatch(rel, pattern) for pattern in ignore):
            continue
        findings.append(
            warning(
                "orphan-file",
                Location(f"{shown_dir}/{rel}"),
                t("no register entry names this file"),
                t("add a row for it to the register, or move it out of the evidence folder"),
            )
        )
    return findings
