"""Validation rules over a loaded workspace; each rule returns findings, never raises."""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from collections import defaultdict
from pathlib import PurePosixPath

from selfassess.errors import Finding, Location, error, warning
from selfassess.textnorm import did_you_mean, fold, nfc, normalise_qid
from selfassess.workspace.loader import Loaded
from selfassess.workspace.settings import CONFIG_NAME

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
SUGGEST_LIMIT = 5000


def all_rules(loaded: Loaded, as_of: dt.date, resolved: Resolved) -> list[Finding]:
    """Return the findings of every validation rule, in a stable order."""
    return [
        *config_references(loaded),
        *catalogue_references(loaded),
        *duplicate_items(loaded),
        *resolved.findings,
        *unknown_kinds(loaded),
        *unknown_programmes(loaded),
        *file_problems(loaded),
        *expiry(loaded, as_of),
        *orphan_files(loaded),
    ]


class Resolved:
    """Each item's criteria as qualified ids, and the problems with the ones that did not resolve."""

    def __init__(self) -> None:
        self.by_item: dict[str, list[str]] = {}
        self.findings: list[Finding] = []


def suggest_criterion(written: str, loaded: Loaded) -> str | None:
    """Return the criterion id the user most likely meant by `written`."""
    text = written.strip()
    by_framework: dict[str, list[str]] = defaultdict(list)
    for qid in loaded.criteria:
        fw, cid = qid.split(":", 1)
        by_framework[fw].append(cid)
    if ":" in text:
        fw, cid = (part.strip() for part in text.split(":", 1))
    else:
        match = re.match(r"^([A-Za-zА-Яа-я][\w-]*?)[\s\-_]+(\S+)$", text)
        fw, cid = (match.group(1), match.group(2)) if match else ("", text)
    if not fw:
        owners = [f for f, cids in by_framework.items() if cid in cids]
        if len(owners) >= 1:
            return " or ".join(f"{f}:{cid}" for f in owners)
    framework = fw.casefold() if fw.casefold() in by_framework else None
    if framework is None and fw:
        framework = next((f for f in by_framework if f.startswith(fold(fw).replace(" ", "-"))), None)
        framework = framework or did_you_mean(fw, list(by_framework))
    if framework:
        if cid in by_framework[framework]:
            return f"{framework}:{cid}"
        close = did_you_mean(cid, by_framework[framework], cutoff=0.5)
        if close:
            return f"{framework}:{close}"
    if len(loaded.criteria) <= SUGGEST_LIMIT:
        return did_you_mean(text, list(loaded.criteria))
    return None


def resolve_item_criteria(loaded: Loaded) -> Resolved:
    """Return every item's criteria resolved to qualified ids, reporting the unknown ones."""
    out = Resolved()
    for item, where, cell in zip(loaded.items, loaded.item_where, loaded.item_criteria_where, strict=True):
        qids = []
        for written in item.criteria:
            qid = written if written in loaded.criteria else normalise_qid(written)
            if qid in loaded.criteria:
                qids.append(qid)
                continue
            if qid.split(":", 1)[0] in loaded.unreadable:
                continue  # its catalogue could not be read; that error is already reported
            close = suggest_criterion(written, loaded)
            if ":" not in written and any(f"{fw}:{written.strip()}" in loaded.criteria for fw in loaded.catalogues):
                message = f"{item.id} cites '{written}' without its framework"
            else:
                message = f"{item.id} cites '{written}'; no catalogue in use defines it"
            out.findings.append(
                error(
                    "unknown-criterion",
                    cell,
                    message,
                    f"did you mean '{close}'?" if close else "write criteria as framework:criterion, e.g. esg2015:1.1",
                    evidence=item.id,
                )
            )
        out.by_item[item.id] = qids
        if not item.criteria:
            out.findings.append(
                warning(
                    "no-criteria",
                    where,
                    f"{item.id} supports no criterion, so it counts nowhere",
                    "fill in the criteria it supports, e.g. esg2015:1.1",
                    evidence=item.id,
                )
            )
    return out


def config_references(loaded: Loaded) -> list[Finding]:
    """Return problems with criterion ids named in selfassess.yaml (not_applicable, owners)."""
    findings = []
    config = loaded.config
    if config is None:
        return findings
    for section, keys in (("not_applicable", config.not_applicable), ("owners", config.owners)):
        for key in keys:
            if section == "owners" and criteria_under(loaded, key):
                continue
            if normalise_qid(key) in loaded.criteria:
                continue
            close = suggest_criterion(key, loaded)
            findings.append(
                error(
                    "unknown-criterion",
                    Location(CONFIG_NAME),
                    f"{section} names '{key}'; no catalogue in use defines it",
                    f"did you mean '{close}'?" if close else "write criteria as framework:criterion, e.g. esg2015:1.1",
                )
            )
    return findings


def criteria_under(loaded: Loaded, key: str) -> list[str]:
    """Return the criteria a key names: one criterion, a whole standard (fw:std) or a framework."""
    key = normalise_qid(key)
    if key in loaded.criteria:
        return [key]
    if ":" not in key:
        return [q for q in loaded.criteria if q.split(":", 1)[0] == key.casefold()]
    fw, std = key.split(":", 1)
    return [q for q, ref in loaded.criteria.items() if ref.framework.id == fw and ref.standard.id == std]


def catalogue_references(loaded: Loaded) -> list[Finding]:
    """Return crosswalks to unknown criteria and evidence kinds no one defined."""
    findings = []
    for qid, ref in loaded.criteria.items():
        for target in ref.criterion.maps_to:
            target_q = normalise_qid(target)
            framework = target_q.split(":", 1)[0] if ":" in target_q else ""
            if target_q in loaded.criteria or (framework and framework not in loaded.catalogues):
                continue  # a crosswalk into a framework this workspace does not use is fine
            close = suggest_criterion(target, loaded)
            findings.append(
                error(
                    "unknown-mapping",
                    ref.where,
                    f"{qid} maps to '{target}', which is not defined",
                    f"did you mean '{close}'?" if close else "write it as framework:criterion",
                    criterion=qid,
                )
            )
        for kind in ref.criterion.evidence.kinds:
            if kind not in loaded.kinds:
                close = did_you_mean(kind, loaded.kinds.codes())
                findings.append(
                    error(
                        "unknown-kind",
                        ref.where,
                        f"{qid} requires evidence of kind '{kind}', which is not a known kind",
                        f"did you mean '{close}'?" if close else "add it under evidence_kinds in selfassess.yaml",
                        criterion=qid,
                    )
                )
    return findings


def duplicate_items(loaded: Loaded) -> list[Finding]:
    """Return an error for every register id used more than once."""
    seen: dict[str, int] = {}
    findings = []
    for index, item in enumerate(loaded.items):
        key = fold(item.id)
        if key in seen:
            first = loaded.items[seen[key]]
            findings.append(
                error(
                    "duplicate-id",
                    loaded.item_where[index],
                    f"the id {item.id} is used twice ('{first.title}' and '{item.title}')",
                    "give each register row its own id",
                    evidence=item.id,
                )
            )
        else:
            seen[key] = index
    return findings


def unknown_kinds(loaded: Loaded) -> list[Finding]:
    """Return an error for every item whose kind is neither built in nor defined by the workspace."""
    findings = []
    for item, where in zip(loaded.items, loaded.item_where, strict=True):
        if loaded.kinds.resolve(item.kind) is None:
            close = did_you_mean(item.kind, loaded.kinds.codes())
            findings.append(
                error(
                    "unknown-kind",
                    where,
                    f"{item.id} has kind '{item.kind}', which is not a known evidence kind",
                    f"did you mean '{close}'?"
                    if close
                    else "see the list of kinds in docs/formats.md, or add yours under evidence_kinds",
                    evidence=item.id,
                )
            )
    return findings


def unknown_programmes(loaded: Loaded) -> list[Finding]:
    """Return an error for every item naming a programme that selfassess.yaml does not list."""
    known = {fold(p.id): p.id for p in loaded.config.programmes} if loaded.config else {}
    findings = []
    for item, where in zip(loaded.items, loaded.item_where, strict=True):
        for programme in item.programmes:
            if fold(programme) in known:
                continue
            close = did_you_mean(programme, list(known.values()))
            hint = f"did you mean '{close}'?" if close else "list the programme under 'programmes:' in selfassess.yaml"
            findings.append(
                error(
                    "unknown-programme",
                    where,
                    f"{item.id} belongs to programme '{programme}', which selfassess.yaml does not list",
                    hint,
                    evidence=item.id,
                )
            )
    return findings


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def item_paths(loaded: Loaded) -> list[tuple[str | None, str | None]]:
    """Return each item's (relative path, reason refused), computed once per workspace load."""
    if loaded.paths is None:
        loaded.paths = [item_path(loaded, item.file) if item.file else (None, None) for item in loaded.items]
    return loaded.paths


def item_path(loaded: Loaded, written: str) -> tuple[str | None, str | None]:
    """Return (path relative to evidence/ in NFC with '/', reason it is refused)."""
    text = nfc(written.strip()).replace("\\", "/")
    if not (text.startswith(("/", ".")) or "/." in text or "//" in text or ":" in text):
        return text.rstrip("/"), None  # the common case: a plain relative path
    if text.startswith("/") or _DRIVE.match(written.strip()) or text.startswith("//"):
        return None, "is an absolute path; give it relative to the evidence folder"
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    if ".." in parts:
        resolved = os.path.normpath(loaded.evidence_dir.joinpath(*parts))
        root = os.path.normpath(loaded.root)
        if not _inside(resolved, root):
            return None, "points outside the workspace ('..')"
        if resolved == root or _inside(resolved, os.path.join(root, "build")):
            return None, "points at the whole workspace or at build/, which selfassess writes"
    if not parts:
        return None, "names the evidence folder itself; name a file or a sub-folder"
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
                    f"{item.id}: '{item.url}' is not a web address",
                    "start it with https://",
                    evidence=item.id,
                )
            )
        if not item.file:
            continue
        if refused:
            findings.append(
                error("path-escape", where, f"{item.id}: the file '{item.file}' {refused}", None, evidence=item.id)
            )
            continue
        assert rel is not None
        is_link = loaded.files.get(rel)
        if is_link is None:
            is_link = loaded.files.get(rel + "/")
        if is_link is False and evidence_inside:
            if rel + "/" in loaded.files and rel not in nonempty:
                findings.append(
                    warning(
                        "empty-folder",
                        where,
                        f"{item.id}: the folder '{item.file}' is empty",
                        "put the documents in it",
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
                hint = f"did you mean '{by_case[rel.casefold()]}'? (capital and small letters differ)"
                findings.append(
                    error(
                        "missing-file",
                        where,
                        f"{item.id}: the file '{item.file}' does not exist in the evidence folder",
                        hint,
                        evidence=item.id,
                    )
                )
                continue
        full = os.path.join(str(loaded.evidence_dir), *rel.split("/"))
        if not os.path.lexists(full):
            findings.append(_missing(item.id, item.file, rel, where, by_name, loaded.files))
            continue
        real = os.path.realpath(full)
        if not _inside(real, root):
            findings.append(
                error(
                    "path-escape",
                    where,
                    f"{item.id}: the file '{item.file}' is a link to {real}, outside the workspace",
                    "copy the document into the evidence folder instead of linking to it",
                    evidence=item.id,
                )
            )
        elif not os.path.exists(real):
            findings.append(_missing(item.id, item.file, rel, where, by_name, loaded.files))
    return findings


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
    ident: str, written: str, rel: str, where: Location | None, by_name: dict[str, list[str]], files: dict[str, bool]
) -> Finding:
    if not by_name:  # built on the first missing file only: most checks have none
        for path in files:
            by_name.setdefault(fold(path.rstrip("/").rsplit("/", 1)[-1]), []).append(path)
    name = fold(rel.rsplit("/", 1)[-1])
    candidates = by_name.get(name, [])
    if not candidates and by_name:
        close = (
            did_you_mean(rel.rsplit("/", 1)[-1], list(by_name), cutoff=0.75) if len(by_name) <= SUGGEST_LIMIT else None
        )
        candidates = by_name.get(close, []) if close else []
    hint = (
        f"did you mean '{candidates[0].rstrip('/')}'?"
        if candidates
        else "check the name and folder, or add the file to the evidence folder"
    )
    return error(
        "missing-file",
        where,
        f"{ident}: the file '{written}' does not exist in the evidence folder",
        hint,
        evidence=ident,
    )


def expiry(loaded: Loaded, as_of: dt.date) -> list[Finding]:
    """Return a warning for each item that has expired or expires within the freshness window."""
    assert loaded.config is not None
    window = dt.timedelta(days=loaded.config.freshness.expiring_within_days)
    findings = []
    for item, where in zip(loaded.items, loaded.item_where, strict=True):
        expires = item.expires
        if expires is None:
            continue
        if expires < as_of:
            findings.append(
                warning(
                    "expired",
                    where,
                    f"{item.id} expired on {expires.isoformat()}",
                    "register the current version of the document",
                    evidence=item.id,
                )
            )
        elif expires <= as_of + window:
            findings.append(
                warning(
                    "expiring",
                    where,
                    f"{item.id} expires on {expires.isoformat()}, within {window.days} days",
                    "plan its renewal now",
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
                "no register entry names this file",
                "add a row for it to the register, or move it out of the evidence folder",
            )
        )
    return findings
