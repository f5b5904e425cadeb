"""A document code against the university's form (document_control.code_pattern), said in words.

An analyst reads «ОшГУ.СМК-П.01», not `^[A-ZА-ЯЁӨҮҢ][…]*\\.…$`: a code that does not fit is
explained by its parts and an example that fits the pattern: a code the workspace already
has, one made of the institution's short name, or one built from the pattern itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from selfassess.messages import t
from selfassess.models import Workspace

_TYPES = ("П", "СП", "И", "Ж", "P")


def example_code(root: Path, config: Workspace | None, pattern: str) -> str | None:
    """Return a code that fits `pattern`: the workspace's own first, else one made up; None if none is found."""
    folder = root / "documents"
    candidates = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    shorts = []
    if config is not None and config.institution_short is not None:
        shorts = list(dict.fromkeys(config.institution_short.get(lang) for lang in ("ru", "ky", "en")))
    candidates += [f"{short}.{system}-{kind}.01" for short in shorts for system in ("СМК", "QMS") for kind in _TYPES]
    candidates += ["ВУЗ.СМК-П.01", "UNI.QMS-P.01"]  # "a university": for a workspace without a short name
    made = _made_from(pattern)
    candidates += [made] if made else []
    return next((c for c in candidates if _fits(pattern, c)), None)


def code_problem(code: str, example: str | None) -> tuple[str, str]:
    """Return why `code` is not accepted and what to do, in words and with an example."""
    if example:
        message = t(
            "the code «{code}» is not written as this university's document codes are: the institution, "
            "a dot, the management system, a hyphen, the kind of document, a dot and its two-digit number, "
            "e.g. {example}",
            code=code,
            example=example,
        )
    else:
        message = t(
            "the code «{code}» is not written as this university's document codes are: the institution, "
            "a dot, the management system, a hyphen, the kind of document, a dot and its two-digit number",
            code=code,
        )
    hint = t(
        "give the code in that form with --code; if the university writes its codes otherwise, "
        "change document_control.code_pattern in selfassess.yaml"
    )
    return message, hint


def _fits(pattern: str, code: str) -> bool:
    try:
        return re.match(pattern, code) is not None
    except re.error:
        return False


def _made_from(pattern: str) -> str | None:
    """Return a string the pattern matches, built from its parts (letters, ranges, repeats); None when it cannot."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _build(_parser.parse(pattern), _parser)
    except Exception:  # a pattern this cannot walk simply gets no made-up example
        return None


def _build(items: object, parser: object) -> str:
    c = parser
    out = []
    for op, value in items:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            out.append(chr(value))
        elif op is c.IN:
            out.append(_one_of(value, c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _, sub = value
            piece = _build(sub, parser)
            out.append("0" * (low - 1) + "1" if piece.isdigit() and low > 1 else piece * max(low, 1))
        elif op is c.SUBPATTERN:
            out.append(_build(value[-1], parser))
        elif op is c.BRANCH:
            out.append(_build(value[1][0], parser))
        elif op is c.CATEGORY:
            out.append("1" if value is c.CATEGORY_DIGIT else "A")
        elif op is c.AT:
            continue
        else:
            out.append("A")
    return "".join(out)


def _one_of(choices: list[tuple[object, object]], c: object) -> str:
    for op, value in choices:
        if op is c.RANGE and value[0] <= ord("П") <= value[1]:  # type: ignore[attr-defined, index]
            return "П"
    for op, value in choices:
        if op is c.LITERAL:  # type: ignore[attr-defined]
            return chr(value)  # type: ignore[arg-type]
        if op is c.RANGE:  # type: ignore[attr-defined]
            low, high = value  # type: ignore[misc]
            return "П" if low <= ord("П") <= high else chr(low)
        if op is c.CATEGORY:  # type: ignore[attr-defined]
            return "1" if value is c.CATEGORY_DIGIT else "A"  # type: ignore[attr-defined]
    return "A"
