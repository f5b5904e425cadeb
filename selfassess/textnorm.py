"""Text folding and near-miss matching for names users type by hand."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

_SPACES = re.compile(r"[\s_]+")
_PUNCT = re.compile(r"[\"'«»“”„.,:;!?()\[\]{}*№#/\\\-‐‒–—―]+")
# Above this many choices, a near-miss search costs more than it helps (difflib is quadratic).
SUGGEST_LIMIT = 5000


def fold(text: str) -> str:
    """Return `text` normalised for matching: NFC, lower case, ё→е, single spaces, no punctuation."""
    text = text if isinstance(text, str) else str(text)
    return _fold(text) if len(text) <= 200 else _fold.__wrapped__(text)  # names, not pages, are kept


@functools.lru_cache(maxsize=65_536)
def _fold(text: str) -> str:
    # A register repeats its kinds, units and programmes on every row: 100,000 rows fold a few
    # hundred distinct words.
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC (file names from macOS arrive decomposed)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def did_you_mean(word: str, choices: list[str] | dict[str, str], cutoff: float = 0.6) -> str | None:
    """Return the closest choice to `word`, or None when nothing is close."""
    if isinstance(choices, dict):
        folded = choices
    else:
        folded = {}
        for choice in choices:
            folded.setdefault(fold(choice), choice)
    close = difflib.get_close_matches(fold(word), list(folded), n=1, cutoff=cutoff)
    return folded[close[0]] if close else None


def normalise_qid(written: str) -> str:
    """Return a criterion (or framework) reference with the framework in lower case, no spaces round ':'."""
    if ":" in written:
        fw, cid = written.split(":", 1)
        return f"{fw.strip().casefold()}:{cid.strip()}"
    return written.strip().casefold()


def safe_name(text: str) -> str:
    """Return `text` usable as one file or folder name: no separators, no leading dots, not too long."""
    name = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text).strip().lstrip(".")
    name = name.replace("..", "_")
    return name[:100] or "_"
