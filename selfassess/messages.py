"""What the command line says, in the analyst's language: gettext catalogues in ky, ru and en.

Every message, hint, status and help text is written in English in the code, marked with
`t()` (or `tn()` for a count, `N_()` where the text is only declared), extracted by Babel
into `selfassess/locale/selfassess.pot` and translated in `<lang>/LC_MESSAGES/selfassess.po`;
the compiled `.mo` files ship in the package. Document labels are not here: they follow the
document's language (i18n.py), which may differ from the analyst's.

The language is chosen once per command: `ui_language` in selfassess.yaml, else
SELFASSESS_LANG, else LC_ALL / LC_MESSAGES / LANG, else the documents' `language`, else English.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DOMAIN = "selfassess"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("ky", "ru", "en")

_state: dict[str, Any] = {"lang": "en", "catalogue": gettext.NullTranslations()}


def use(lang: str) -> None:
    """Speak `lang` from now on (one of ky, ru, en); click's own texts too."""
    lang = lang if lang in LANGUAGES else "en"
    catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    _state.update(lang=lang, catalogue=catalogue)


def language() -> str:
    """Return the language the command line speaks now."""
    return str(_state["lang"])


class _Values(dict):  # type: ignore[type-arg]
    """Placeholder values: one a translation lacks is shown as written, never a crash."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(message: str, /, **values: object) -> str:
    """Return `message` in the current language with its {placeholders} filled."""
    text = _state["catalogue"].gettext(message)
    return _fill(text, values) if values else text


def tn(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Return the form of a message for the count `n` (Russian has three), filled; {n} is `n`."""
    text = _state["catalogue"].ngettext(singular, plural, n)
    return _fill(text, {"n": n, **values})


def listed(items: list[str], last_word: str = "and") -> str:
    """Return "a, b and c" (or "a, b or c") in the current language."""
    if len(items) < 2:
        return "".join(items)
    head = ", ".join(items[:-1])
    if last_word == "or":
        return t("{items} or {last}", items=head, last=items[-1])
    return t("{items} and {last}", items=head, last=items[-1])


def N_(message: str) -> str:
    """Mark text for translation where it is declared (option help); `t()` translates it when shown."""
    return message


def _fill(text: str, values: Mapping[str, object]) -> str:
    try:
        return text.format_map(_Values(values))
    except (ValueError, IndexError, AttributeError):
        return text  # a translation with broken braces: its words rather than a crash


_LOCALE = re.compile(r"^([a-z]{2,3})(?:[_.@-]|$)", re.IGNORECASE)


def from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """Return the language the environment asks for: SELFASSESS_LANG, then the locale variables.

    "C" and "POSIX" name no language; a language selfassess does not speak (de_DE) is skipped.
    """
    environ = os.environ if environ is None else environ
    explicit = environ.get("SELFASSESS_LANG", "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        match = _LOCALE.match(value)
        if match and match.group(1).lower() in LANGUAGES:
            return match.group(1).lower()
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return None  # a language set, but not one of ours: not overridden by a later variable
    return None


def choose(settings: Mapping[str, object] | None, environ: Mapping[str, str] | None = None) -> str:
    """Return the analyst's language: ui_language in the settings, the environment, the documents' language."""
    settings = settings or {}
    chosen = settings.get("ui_language")
    if isinstance(chosen, str) and chosen in LANGUAGES:
        return chosen
    found = from_environment(environ)
    if found:
        return found
    documents = settings.get("language")
    return documents if isinstance(documents, str) and documents in LANGUAGES else "en"


def peek_settings(start: Path) -> dict[str, object]:
    """Return `ui_language` and `language` from the nearest selfassess.yaml, or nothing.

    Read before the command runs, so its --help and its first message are in the right
    language; a file that does not read is left to the command to report.
    """
    import yaml

    try:
        start = start.resolve()
        for folder in (start, *start.parents):
            path = folder / "selfassess.yaml"
            if path.is_file():
                if path.stat().st_size > 1_000_000:
                    return {}
                found: dict[str, object] = {}
                # Only the two top-level keys, line by line: no YAML document is built for them.
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    match = re.match(r"^(ui_language|language)\s*:\s*(.*?)\s*(?:#.*)?$", line)
                    if match:
                        found[match.group(1)] = yaml.safe_load(match.group(2) or "null")
                return found
    except (OSError, yaml.YAMLError, RecursionError):
        return {}
    return {}
