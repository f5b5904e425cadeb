"""Validation rules over a loaded workspace: references, ids, kinds; each rule returns findings, never raises."""

from __future__ import annotations

import datetime as dt

from selfassess.check.criteria_cells import Resolved, suggest_criterion
from selfassess.check.files import expiry, file_problems, orphan_files
from selfassess.errors import Finding, Location, error, info, warning
from selfassess.messages import listed, t
from selfassess.textnorm import did_you_mean, fold, normalise_qid
from selfassess.workspace.loader import Loaded
from selfassess.workspace.settings import CONFIG_NAME


def all_rules(loaded: Loaded, as_of: dt.date, resolved: Resolved) -> list[Finding]:
    """Return the findings of every validation rule, in a stable order."""
    return [
        *config_references(loaded),
        *catalogue_references(loaded),
        *duplicate_items(loaded),
        *resolved.findings,
        *unknown_kinds(loaded),
        *unknown_programmes(loaded),
        *programme_settings(loaded),
        *file_problems(loaded),
        *expiry(loaded, as_of),
        *orphan_files(loaded),
    ]


def config_references(loaded: Loaded) -> list[Finding]:
    """Return problems with criterion ids named in selfassess.yaml (not_applicable, owners)."""
    findings = []
    config = loaded.config
    if config is None:
        return findings
    # (as the message names it, the keys, whether they are a programme's not_applicable, owners)
    sections: list[tuple[str, dict[str, str], bool, bool]] = [
        ("not_applicable", config.not_applicable, False, False),
        ("owners", config.owners, False, True),
    ]
    for programme in config.programmes:
        sections += [
            (t("programme {id}: not_applicable", id=programme.id), programme.not_applicable, True, False),
            (t("programme {id}: owners", id=programme.id), programme.owners, False, True),
        ]
    per_programme = {fid for fid, c in loaded.catalogues.items() if c.framework.kind.value == "programme"}
    for section, keys, programme_exception, owners in sections:
        for key in keys:
            if programme_exception:
                qid = normalise_qid(key)
                if qid in loaded.criteria and qid.split(":", 1)[0] not in per_programme:
                    findings.append(
                        warning(
                            "not-per-programme",
                            Location(CONFIG_NAME),
                            t(
                                "{section} names '{key}', but {split} is not judged per programme, so the declaration "
                                "has no effect",
                                section=section,
                                key=key,
                                split=qid.split(":", 1)[0],
                            ),
                            t("declare it under the top-level not_applicable, or drop it"),
                        )
                    )
                    continue
            if owners and criteria_under(loaded, key):
                continue
            if normalise_qid(key) in loaded.criteria:
                continue
            close = suggest_criterion(key, loaded)
            findings.append(
                error(
                    "unknown-criterion",
                    Location(CONFIG_NAME),
                    t("{section} names '{key}'; no catalogue in use defines it", section=section, key=key),
                    t("did you mean '{close}'?", close=close)
                    if close
                    else t("write criteria as framework:criterion, e.g. esg2015:1.1"),
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
                    t("{qid} maps to '{target}', which is not defined", qid=qid, target=target),
                    t("did you mean '{close}'?", close=close) if close else t("write it as framework:criterion"),
                    criterion=qid,
                )
            )
        for kind in ref.criterion.evidence.kinds:
            if loaded.kinds.resolve(kind) is None:
                close = did_you_mean(kind, loaded.kinds.known_names())
                findings.append(
                    error(
                        "unknown-kind",
                        ref.where,
                        t("{qid} requires evidence of kind '{kind}', which is not a known kind", qid=qid, kind=kind),
                        t("did you mean '{close}'?", close=close)
                        if close
                        else t("declare it under evidence_kinds in the catalogue or in selfassess.yaml"),
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
                    t(
                        "the id {id} is used twice ('{title}' and '{title2}')",
                        id=item.id,
                        title=first.title,
                        title2=item.title,
                    ),
                    t("give each register row its own id"),
                    evidence=item.id,
                )
            )
        else:
            seen[key] = index
    return findings


def unknown_kinds(loaded: Loaded) -> list[Finding]:
    """Return an error for every item whose kind no one declared, and a warning where a kind's
    word is claimed by two kinds (so the reader knows which one the register's word means)."""
    findings = []
    lang = loaded.config.language if loaded.config else "en"  # the kinds' names as the register writes them
    # Two declarations claiming a word matter more than a declaration shadowing a built-in name.
    clashes = {c.name: c for c in sorted(loaded.kinds.clashes, key=lambda c: not c.builtin)}
    told: set[str] = set()
    for item, where in zip(loaded.items, loaded.item_where, strict=True):
        code = loaded.kinds.resolve(item.kind)
        if code is None:
            close = did_you_mean(item.kind, loaded.kinds.known_names())
            findings.append(
                error(
                    "unknown-kind",
                    where,
                    t("{id} has kind '{kind}', which is not a known evidence kind", id=item.id, kind=item.kind),
                    t("did you mean '{close}'?", close=close)
                    if close
                    else t(
                        "known kinds: {kinds}; or declare yours under evidence_kinds",
                        kinds=", ".join(loaded.kinds.names(lang)),
                    ),
                    evidence=item.id,
                )
            )
            continue
        clash = clashes.get(fold(item.kind))
        if clash is not None and clash.name not in told:
            told.add(clash.name)
            other = (
                t("the built-in kind '{kind}'", kind=clash.other)
                if clash.builtin
                else t("the kind '{kind}'", kind=clash.other)
            )
            # A catalogue's own «Протокол» shadowing the built-in one is what its register means: said
            # quietly (-v); two declarations claiming one word is a real ambiguity.
            findings.append(
                (info if clash.builtin else warning)(
                    "kind-name-clash",
                    where,
                    t(
                        "'{kind}' is a name of the kind '{winner}' declared in {source}, and also of {other}: "
                        "the register's '{kind}' is read as '{winner}'",
                        kind=item.kind,
                        winner=clash.winner,
                        source=clash.source,
                        other=other,
                    ),
                    t("write '{other}' in the Kind column where you mean that one", other=clash.other),
                    evidence=item.id,
                )
            )
    return findings


def unknown_programmes(loaded: Loaded) -> list[Finding]:
    """Return an error for every programme name in the register that names no programme, or two."""
    index = loaded.programmes
    findings = []
    for item, where in zip(loaded.items, loaded.item_where, strict=True):
        for programme in item.programmes:
            if index.resolve(programme) is not None:
                continue
            shared = index.ambiguous.get(fold(programme))
            if shared:
                findings.append(
                    error(
                        "ambiguous-programme",
                        where,
                        t(
                            "{id} belongs to programme '{programme}', a name that programmes {items} share",
                            id=item.id,
                            programme=programme,
                            items=listed(shared),
                        ),
                        t("write the programme's id or code instead: {items}", items=", ".join(shared)),
                        evidence=item.id,
                    )
                )
                continue
            close = index.suggest(programme)
            hint = (
                t("did you mean '{close}'?", close=close)
                if close
                else t("list the programme under 'programmes:' in selfassess.yaml")
            )
            findings.append(
                error(
                    "unknown-programme",
                    where,
                    t(
                        "{id} belongs to programme '{programme}', which selfassess.yaml does not list",
                        id=item.id,
                        programme=programme,
                    ),
                    hint,
                    evidence=item.id,
                )
            )
    return findings


def programme_settings(loaded: Loaded) -> list[Finding]:
    """Return problems with the programmes in selfassess.yaml: folders that clash, names two share."""
    findings = []
    folders: dict[str, str] = {}
    for programme, folder in loaded.programmes.folders().items():
        other = folders.get(fold(folder))
        if other is not None:
            findings.append(
                error(
                    "programme-folder-clash",
                    Location(CONFIG_NAME),
                    t(
                        "programmes '{other}' and '{programme}' would share the folder '{folder}' under build/",
                        other=other,
                        programme=programme,
                        folder=folder,
                    ),
                    t("give one of them an id that differs in more than punctuation or capital letters"),
                )
            )
        folders.setdefault(fold(folder), programme)
    for name, ids in sorted(loaded.programmes.ambiguous.items()):
        findings.append(
            warning(
                "ambiguous-programme",
                Location(CONFIG_NAME),
                t(
                    "programmes {items} share the name '{name}', so the register cannot name them by it",
                    items=listed(ids),
                    name=name,
                ),
                t("name them by id or code in the register, or give one an alias of its own"),
            )
        )
    return findings
