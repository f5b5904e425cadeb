"""An agency's standards workbook (or CSV, or the tables of a Word file) read into a catalogue.

Workbooks come as agencies make them: title rows merged above the header, spacer rows,
the header repeated on every page, one sheet per standard, a sheet of drop-down lists,
standards written "Стандарт 1", "1-стандарт", "Standard 1" or "1.", criteria as text or
numbers. Nothing is guessed silently: what was recognised and what was skipped is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfassess.errors import SelfAssessError
from selfassess.messages import t
from selfassess.textnorm import fold
from selfassess.values import parse_period_months
from selfassess.workspace.catalogue_columns import NUMBER, ROLES, find_header
from selfassess.workspace.kinds import BUILT_IN
from selfassess.workspace.tables import Table, read_tables

_STANDARD = re.compile(
    r"^\s*(?:(?:стандарт|standard)\s*№?\s*(\d+(?:\.\d+)*)|(\d+(?:\.\d+)*)\s*-?\s*(?:стандарт\w*))\s*[.:)\-–—]?\s*(.*)$",
    re.IGNORECASE | re.S,
)
_BULLET = re.compile(r"^\s*(?:[-–—•*]|\d+[.)])\s*")


@dataclass
class Recognised:
    """What the import found in the file, told to the user."""

    lines: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    generated_titles: list[str] = field(default_factory=list)


@dataclass
class Imported:
    """A catalogue read from a file, as the data of criteria/<id>.yaml, and what was recognised."""

    data: dict[str, Any]
    recognised: Recognised
    criteria: int = 0
    standards: int = 0


def _standard(value: Any) -> tuple[str, str] | None:
    """Return (number, title) of a standard written "Стандарт 1. Title", "1-стандарт", "Standard 1", "1." or 1."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value), ""
    text = str(value or "").strip()
    match = _STANDARD.match(text)
    if match:
        return match.group(1) or match.group(2), match.group(3).strip()
    match = NUMBER.match(text)
    return (match.group(1), "") if match else None


def _criterion_number(value: Any, standard: str | None, previous: str | None) -> str | None:
    """Return a criterion's number as written; a number read as 2.1 after 2.9 is 2.10."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, float):
        text = repr(value)
        candidates = [text, text + "0"] if len(text.split(".")[-1]) == 1 else [text]
        if previous:
            later = [c for c in candidates if _key(c) > _key(previous)]
            return later[0] if later else candidates[0]
        return candidates[0]
    text = str(value).strip().rstrip(".")
    if not NUMBER.match(text):
        return text or None
    if standard and "." not in text:
        return f"{standard}.{text}"  # "3" in the rows of standard 2 is criterion 2.3
    return text


def _heads_a_standard(table: Table, at: int, roles: dict[int, str], number: Any, evidence: Any) -> bool:
    """Return True for a row "2 | Разработка программ" whose next criteria are numbered 2.1, 2.2 …"""
    text = str(number if not isinstance(number, float) else repr(number)).strip().rstrip(".")
    if not text.isdigit() or str(evidence or "").strip():
        return False
    column = next((i for i, r in roles.items() if r == "criterion"), None)
    for row in table.rows[at + 1 :]:
        value = str(row[column] if column is not None and column < len(row) else "").strip()
        if value:
            return value.startswith(f"{text}.")
    return False


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".") if p.isdigit())


def split_evidence(cell: Any) -> list[tuple[str, str]]:
    """Return the evidence a cell lists, each (name, explanation in parentheses): separated by
    ';', ',' or new lines, never inside parentheses."""
    text = str(cell or "")
    parts, depth, current = [], 0, ""
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and char in ";,\n\r":
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    out = []
    for part in parts:
        part = _BULLET.sub("", part).strip().rstrip(".")
        if not part:
            continue
        match = re.match(r"^(.*?)\s*[(\[](.*)[)\]]\s*$", part, re.S)
        name, explanation = (match.group(1).strip(), match.group(2).strip()) if match else (part, "")
        if name:
            out.append((name, explanation))
    return out


def kind_code(name: str) -> str:
    """Return an imported kind's code: its name folded, '_' for spaces (Протокол заседания → протокол_заседания)."""
    return fold(name).replace(" ", "_")


_TITLE_WORDS = re.compile(r"стандарт|критери|standard|criteri|талап")


def _title_from(text: str) -> str:
    """Return a short title from a criterion's text: its first clause, at most about ten words."""
    first = re.split(r"(?<=[.;:])\s|\n", text.strip(), maxsplit=1)[0].rstrip(".;:")
    words = first.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def _months(value: Any, header: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d+(?:[.,]0)?", text):
        unit = "years" if any(w in fold(header).split() for w in ("лет", "год", "года", "years", "жыл")) else "months"
        text = f"{int(float(text.replace(',', '.')))} {unit}"
    try:
        return parse_period_months(text)
    except ValueError:
        return None


def _language(texts: list[str]) -> str:
    sample = " ".join(texts)
    if re.search(r"[ңөүҢӨҮ]", sample):
        return "ky"
    return "ru" if re.search(r"[А-Яа-яЁё]", sample) else "en"


def import_catalogue(
    path: Path,
    ident: str,
    language: str | None = None,
    columns: dict[str, str] | None = None,
    kind: str = "institutional",
) -> Imported:
    """Return the catalogue in `path` as catalogue data, with what was recognised and skipped."""
    unknown_roles = sorted(set(columns or {}) - set(ROLES))
    if unknown_roles:
        raise SelfAssessError(
            t("--column {role}=…: no such column role; roles: {roles}", role=unknown_roles[0], roles=", ".join(ROLES))
        )
    recognised = Recognised()
    standards: dict[str, dict[str, Any]] = {}
    kinds: dict[str, dict[str, Any]] = {}
    texts: list[str] = []
    seen: set[str] = set()
    found_any = False
    title = ""
    tables = [(table, find_header(table, columns or {})) for table in read_tables(path)]
    # A hidden sheet (an old copy, the lists behind drop-downs) is read only when no visible one has the table.
    shown_header = any(header is not None and not table.hidden for table, header in tables)
    for table, header in tables:
        if table.hidden and shown_header:
            recognised.skipped.append(t("{sheet}: a hidden sheet, not read", sheet=table.name))
            continue
        if header is None:
            recognised.skipped.append(
                t("{sheet}: no header row naming the criteria (a list of choices?)", sheet=table.name)
            )
            continue
        found_any = True
        at, roles = header
        names = {role: str(table.rows[at][index]).strip() for index, role in roles.items()}
        columns_read = ", ".join(f"'{names[role]}' → {role}" for role in roles.values())
        recognised.lines.append(
            t("{sheet}: header at {cell}: {columns}", sheet=table.name, cell=table.where(at, 0), columns=columns_read)
        )
        above = [str(c).strip() for r in table.rows[:at] for c in r if str(c or "").strip()]
        # The title row naming the standards, not the agency's letterhead above it.
        title = title or next((a for a in above if _TITLE_WORDS.search(fold(a))), above[0] if above else "")
        # A workbook with one sheet per standard says which in the sheet's name or title rows.
        sheet_standard = next((s for s in map(_standard, above) if s), None) or _standard(table.name)
        current = sheet_standard
        previous: str | None = None
        header_cells = [fold(str(c or "")) for c in table.rows[at]]
        for number in range(at + 1, len(table.rows)):
            row = table.rows[number]
            cells = {role: row[index] if index < len(row) else None for index, role in roles.items()}
            filled = [str(c).strip() for c in row if c is not None and str(c).strip()]
            if not filled:
                continue  # a spacer row; never the end of the table
            if [fold(str(c or "")) for c in row] == header_cells:
                recognised.skipped.append(t("{place}: the header repeated", place=table.where(number)))
                continue
            if "standard" in roles.values() and _standard(cells.get("standard")):
                current = _standard(cells.get("standard"))
                if current and cells.get("standard_title"):
                    current = (current[0], str(cells["standard_title"]).strip())
            elif len(set(filled)) == 1 and _standard(filled[0]) and not NUMBER.match(filled[0]):
                current = _standard(filled[0])  # a standard's own row, merged across the table
                previous = None
                continue
            text = str(cells.get("criterion_text") or "").strip()
            name = str(cells.get("criterion_title") or "").strip()
            if _heads_a_standard(table, number, roles, cells.get("criterion"), cells.get("evidence")):
                current = (str(cells["criterion"]).strip().rstrip("."), name or text)
                previous = None
                continue
            if not text and not name:
                recognised.skipped.append(
                    t("{place}: no criterion text ('{text}')", place=table.where(number), text=filled[0][:40])
                )
                continue
            if current is None:
                current = ("1", "")
            std_id = current[0]
            standard = standards.setdefault(std_id, {"id": std_id, "title": current[1], "criteria": []})
            if current[1] and not standard["title"]:
                standard["title"] = current[1]
            cid = _criterion_number(cells.get("criterion"), std_id, previous)
            if cid is None:
                cid = f"{std_id}.{len(standard['criteria']) + 1}"
            if cid in seen:
                recognised.skipped.append(
                    t("{place}: criterion {criterion} again (kept the first)", place=table.where(number), criterion=cid)
                )
                continue
            seen.add(cid)
            previous = cid
            criterion: dict[str, Any] = {"id": cid}
            if not name:
                name = _title_from(text)
                recognised.generated_titles.append(cid)
                criterion["_generated"] = True
            criterion["title"] = name
            if text and text != name:
                criterion["description"] = text
            texts += [name, text]
            evidence: dict[str, Any] = {}
            required = []
            for kind_name, explanation in split_evidence(cells.get("evidence")):
                if kind_name in BUILT_IN:  # a built-in kind by its code (as `catalogue export` writes it)
                    required += [kind_name] if kind_name not in required else []
                    continue
                code = kind_code(kind_name)
                entry = kinds.setdefault(code, {"name": kind_name, "description": explanation})
                if explanation and not entry["description"]:
                    entry["description"] = explanation
                if code not in required:
                    required.append(code)
            if required:
                evidence["kinds"] = required
            months = _months(cells.get("freshness"), names.get("freshness", ""))
            if months:
                evidence["max_age_months"] = months
            if evidence:
                criterion["evidence"] = evidence
            note = str(cells.get("applicability") or "").strip()
            if note:
                criterion["_note"] = note
            standard["criteria"].append(criterion)
    if not found_any:
        raise SelfAssessError(
            t(
                "{file}: no table has a header naming the criteria; name the columns with "
                "--column criterion_text=HEADER (and criterion=, standard=, evidence=)",
                file=path.name,
            )
        )
    lang = language or _language(texts)
    data = _catalogue_data(ident, title or path.stem, lang, kind, standards, kinds, path.name)
    count = sum(len(s["criteria"]) for s in standards.values())
    return Imported(data, recognised, count, len(standards))


def _text(value: str, lang: str) -> dict[str, str]:
    return {lang: value}


def _catalogue_data(
    ident: str,
    title: str,
    lang: str,
    kind: str,
    standards: dict[str, dict[str, Any]],
    kinds: dict[str, dict[str, Any]],
    source: str,
) -> dict[str, Any]:
    generated = {
        "ky": "Аталышы критерийдин текстинен selfassess тарабынан түзүлгөн",
        "ru": "Название составлено selfassess из текста критерия",
        "en": "Title made by selfassess from the criterion's text",
    }
    out_standards = []
    for standard in standards.values():
        criteria = []
        for c in standard["criteria"]:
            entry: dict[str, Any] = {"id": c["id"], "title": _text(c["title"], lang)}
            if "description" in c:
                entry["description"] = _text(c["description"], lang)
            notes = [n for n in (c.get("_note"), generated[lang] if c.get("_generated") else None) if n]
            if notes:
                entry["note"] = _text("; ".join(notes), lang)
            if "evidence" in c:
                entry["evidence"] = c["evidence"]
            criteria.append(entry)
        unnamed = {"ky": "{n}-стандарт", "ru": "Стандарт {n}", "en": "Standard {n}"}[lang].format(n=standard["id"])
        out_standards.append(
            {"id": standard["id"], "title": _text(standard["title"] or unnamed, lang), "criteria": criteria}
        )
    data: dict[str, Any] = {
        "framework": {
            "id": ident,
            "title": _text(title, lang),
            "kind": kind,
            "source_status": "unverified",
            "source": f"imported from {source} by selfassess catalogue import",
        }
    }
    if kinds:
        data["evidence_kinds"] = {
            code: {lang: k["name"], **({"description": _text(k["description"], lang)} if k["description"] else {})}
            for code, k in kinds.items()
        }
    data["standards"] = out_standards
    return data


_FRAMEWORK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def framework_id(given: str | None, path: Path) -> str:
    """Return the framework's id: the one given, else the file's name when it can be one."""
    if given is not None:
        if not _FRAMEWORK_ID.match(given):
            raise SelfAssessError(
                t(
                    "'{id}' cannot be a framework id: use small Latin letters, digits, '-' or '_', e.g. agency-2026",
                    id=given,
                )
            )
        return given
    slug = re.sub(r"[^a-z0-9_-]+", "-", fold(path.stem).replace(" ", "-")).strip("-")
    if not _FRAMEWORK_ID.match(slug):
        raise SelfAssessError(
            t(
                "the file name '{file}' cannot be a framework id; name the framework with --id, e.g. --id agency",
                file=path.name,
            )
        )
    return slug
