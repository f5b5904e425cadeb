"""The terminal in the analyst's language: catalogues complete, the sample's commands without
English besides codes, ids and paths, the language chosen as documented, exit codes unchanged."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner
from conftest import sample_copy

from selfassess import messages
from selfassess.cli import main

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "selfassess" / "locale"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z]+\)s")


def catalogue(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "selfassess.po").open("rb") as f:
        return read_po(f, locale=lang)


def test_every_message_in_the_code_has_its_kyrgyz_and_russian_translation() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "messages.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_translations_keep_every_placeholder_and_the_compiled_catalogue_is_current(lang: str) -> None:
    po = catalogue(lang)
    wrong = []
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            # A singular form may say the number in words ("один"), never a placeholder the code lacks.
            if not set(PLACEHOLDER.findall(string)) <= wanted:
                wrong.append((ids[0], string))
    assert wrong == []
    with (LOCALE / lang / "LC_MESSAGES" / "selfassess.mo").open("rb") as f:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
    written = {_key(m.id): _key(m.string) for m in po if m.id and any(_key(m.string))}
    assert compiled == written, "run: python scripts/messages.py"


def _key(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list | tuple) else (str(value),)


def test_russian_counts_take_three_forms() -> None:
    po = catalogue("ru")
    assert po.num_plurals == 3
    # A message whose three Russian forms all differ, chosen at run time from the compiled catalogue.
    plural = next(m for m in po if isinstance(m.id, tuple) and len(set(m.string)) == 3)
    singular, many = plural.id
    messages.use("ru")
    try:
        shown = [messages.tn(singular, many, n) for n in (1, 3, 5, 21)]
    finally:
        messages.use("en")
    one, few, lots = plural.string
    fill = messages._fill
    assert shown == [fill(one, {"n": 1}), fill(few, {"n": 3}), fill(lots, {"n": 5}), fill(one, {"n": 21})]


def test_the_language_is_chosen_as_the_readme_says(tmp_path: Path) -> None:
    assert messages.choose({"ui_language": "ru", "language": "ky"}, {"SELFASSESS_LANG": "en"}) == "ru"
    assert messages.choose({"language": "ky"}, {"SELFASSESS_LANG": "ru", "LANG": "ky_KG.UTF-8"}) == "ru"
    assert messages.choose({"language": "ky"}, {"LANG": "ru_RU.UTF-8"}) == "ru"
    assert messages.choose({"language": "ky"}, {"LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"}) == "en"
    assert messages.choose({"language": "ky"}, {"LANG": "C.UTF-8"}) == "ky"  # C names no language
    assert messages.choose({"language": "ru"}, {"LANG": "de_DE.UTF-8"}) == "ru"  # not one of ours
    assert messages.choose({}, {}) == "en"
    (tmp_path / "selfassess.yaml").write_text("institution: X\nlanguage: ru  # documents\nui_language: ky\n")
    assert messages.peek_settings(tmp_path / "deeper") == {"language": "ru", "ui_language": "ky"}


# Latin words that are names, not English: formats, programs, the command itself.
NAMES = {
    "selfassess", "excel", "word", "libreoffice", "pdf", "docx", "xlsx", "xls", "csv", "json", "yaml", "md",
    "sha", "esg", "utf", "ctrl", "end", "html", "url", "www", "http", "https", "gpg", "ods", "txt", "knu", "id", "wi", "fi",
}  # fmt: skip
CODE = re.compile(r"\S*\[[a-z0-9-]+\]")  # the severity word, translated, glued to the stable code


def workspace_ids(root: Path) -> set[str]:
    """Return the ids a workspace declares, which messages quote as written: evidence kinds'
    codes, data sources' columns, the commands' and options' own words."""
    import yaml

    from selfassess.check.pipeline import check

    ids = set(check(root).loaded.kinds.codes())
    sources = yaml.safe_load((root / "indicators" / "sources.yaml").read_text(encoding="utf-8")) or []
    for source in sources if isinstance(sources, list) else []:
        if isinstance(source, dict):
            ids |= set(source.get("columns") or {})
    commands = {"build", "catalogue", "check", "doc", "indicators", "init", "monitoring", "requests", "surveys"}
    values = {
        "covered",
        "expiring",
        "missing",
        "partial",
        "stale",
        "text",
        "json",
        "csv",
        "none",
    }  # --fail-on, --format
    return ids | commands | values | {"verify", "import", "lint", "list", "revise", "export", "main"}


def english_words(text: str, ids: set[str] = frozenset()) -> list[str]:
    """Return the English words of `text` outside codes, ids, paths, quotes and options."""
    text = CODE.sub(" ", text)
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|«[^»\n]*»|`[^`\n]*`", " ", text)  # quoted: names, keys, values
    kept = []
    previous = ""
    for token in text.split():
        if previous in ("=", "≠", "∈", "∉"):
            previous = token
            continue  # a value a data filter compares with (role = student)
        previous = token
        if re.search(r"[/\\:=_@#]|\d|^--?\w|\.\w{2,5}\b|^[A-ZА-Я0-9.-]{2,}$", token):
            continue  # a path, an id (esg2015:1.5, E-012, KNU-BSMJAB), an option, a value
        if re.fullmatch(r"\(?[a-z]+(?:-[a-z]+)+[),.;]*|\([a-z]+\)[,.;]*", token) or "|" in token:
            continue  # a framework's id (kg-licensing), a kind's code in brackets (policy), choices [a|b]
        if token.strip("()[],.;:'") in ids:
            continue
        for word in re.findall(r"[A-Za-z]{2,}", token):
            if word.lower() not in NAMES and not word.isupper():
                kept.append(word)
    return kept


COMMANDS = [
    ["--help"],
    ["check", "--help"],
    ["build", "--help"],
    ["doc", "--help"],
    ["requests", "--help"],
    ["check", "--as-of", "2026-11-25"],
    ["build", "--as-of", "2026-11-25"],
    ["doc", "list"],
    ["doc", "build"],
    ["indicators"],
    ["surveys"],
    ["monitoring", "--as-of", "2026-11-25"],
    ["requests", "--as-of", "2026-11-25"],
    ["verify", "build/esg2015/pack"],
    ["catalogue", "import", "no such file.xlsx"],
    ["chekc"],
]


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_the_sample_speaks_the_analysts_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    root = sample_copy(tmp_path)
    (tmp_path / "en").mkdir()
    english_root = sample_copy(tmp_path / "en")
    found: dict[str, list[str]] = {}
    ids = workspace_ids(root)
    for args in COMMANDS:
        monkeypatch.setenv("SELFASSESS_LANG", "en")
        expected = CliRunner().invoke(main, ["-C", str(english_root), *args]).exit_code
        monkeypatch.setenv("SELFASSESS_LANG", lang)
        result = CliRunner().invoke(main, ["-C", str(root), *args])
        assert result.exit_code == expected, (args, result.output)  # a language never changes the outcome
        assert "Traceback" not in result.output
        words = english_words(result.output, ids)
        if words:
            found[" ".join(args)] = sorted(set(words))
    shutil.rmtree(english_root)
    assert found == {}, "\n".join(f"{k}: {' '.join(v)}" for k, v in found.items())


def test_json_carries_the_message_in_the_chosen_language_beside_its_stable_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    root = sample_copy(tmp_path)
    monkeypatch.setenv("SELFASSESS_LANG", "ru")
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--as-of", "2026-11-25", "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    expired = [f for f in findings if f["code"] == "expired"]
    assert expired and all(f["severity"] == "warning" for f in expired)
    assert re.fullmatch(r"срок E-\d+ истёк \d{4}-\d\d-\d\d", expired[0]["message"]), expired[0]


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_why_an_item_does_not_count_is_said_in_the_analysts_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from openpyxl import load_workbook

    root = sample_copy(tmp_path)
    book = load_workbook(root / "evidence" / "register.xlsx")
    book.active.append(["E-999", "Жок файл", "жок.pdf", None, None, "policy", "БСБСД", None, None, "ky", "esg2015:1.1"])
    book.save(root / "evidence" / "register.xlsx")
    (root / "narratives" / "esg2015" / "1.1.md").write_text("Текст [E-999].\n", encoding="utf-8")
    monkeypatch.setenv("SELFASSESS_LANG", lang)
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--as-of", "2026-11-25", "-v"])
    assert "E-999" in result.output
    assert english_words(result.output, workspace_ids(root)) == []
