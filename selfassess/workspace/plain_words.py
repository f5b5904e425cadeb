"""Validation and YAML errors in the analyst's words: pydantic's and PyYAML's English made ours.

pydantic says "Input should be a valid integer" and libyaml "mapping values are not allowed in
this context"; neither speaks Kyrgyz or Russian. Each pydantic error type becomes a sentence of
our own (its English message only for a type not foreseen); libyaml's usual problems are kept
word for word in English and translated by the catalogue.
"""

from __future__ import annotations

import re
from typing import Any

from selfassess.messages import N_, t, tn

# libyaml's problems as it writes them (scanner, parser, composer): translated when shown.
YAML_PROBLEMS = frozenset(
    {
        N_("mapping values are not allowed in this context"),
        N_("found character that cannot start any token"),
        N_("could not find expected ':'"),
        N_("found unexpected end of stream"),
        N_("block sequence entries are not allowed in this context"),
        N_("found a tab character that violates indentation"),
        N_("found a tab character where an indentation space is expected"),
        N_("did not find expected comment or line break"),
        N_("found unknown escape character"),
        N_("found unexpected document indicator"),
        N_("did not find expected alphabetic or numeric character"),
        N_("did not find expected <document start>"),
        N_("did not find expected node content"),
        N_("did not find expected key"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("found undefined tag handle"),
        N_("found undefined alias"),
        N_("but found another document"),
    }
)
_TAG = re.compile(r"^could not determine a constructor for the tag (.*)$", re.S)


def yaml_problem(text: str) -> str:
    """Return a YAML parser's problem in the analyst's language (as written when not foreseen)."""
    if text in YAML_PROBLEMS:
        return t(text)
    tag = _TAG.match(text)
    if tag:
        return t("could not determine a constructor for the tag {tag}", tag=tag.group(1))
    return text


def choices(expected: str) -> str:
    """Return pydantic's list of allowed values ("'ky', 'ru' or 'en'") with the analyst's 'or'."""
    parts = [p for p in re.split(r", | or ", expected) if p]
    if len(parts) < 2:
        return expected
    return t("{items} or {last}", items=", ".join(parts[:-1]), last=parts[-1])


def problem(err: dict[str, Any]) -> str:
    """Return what is wrong with a value, without naming it: "should be a whole number, not 'x'"."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = repr(err.get("input"))
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "missing":
        return t("is missing")
    if kind == "string_too_short" and ctx.get("min_length", 1) <= 1:
        return t("is empty")
    if kind.startswith("date"):
        return t("is {value}, which is not a date", value=value)
    simple = _SIMPLE.get(kind)
    if simple is not None:
        return t(simple, value=value)
    limit = _LIMITS.get(kind)
    if limit is not None:
        return t(limit[1], value=value, limit=ctx.get(limit[0]))
    if kind in ("string_too_short", "string_too_long"):
        n = int(ctx.get("min_length") or ctx.get("max_length") or 0)
        if kind == "string_too_short":
            return tn("is too short: at least {n} character", "is too short: at least {n} characters", n)
        return tn("is too long: at most {n} character", "is too long: at most {n} characters", n)
    if kind in ("too_short", "too_long"):
        n = int(ctx.get("min_length") or ctx.get("max_length") or 0)
        if kind == "too_short":
            return tn("should list at least {n} item", "should list at least {n} items", n)
        return tn("should list at most {n} item", "should list at most {n} items", n)
    if kind == "string_pattern_mismatch":
        return t("is {value}, which is not written as expected ({pattern})", value=value, pattern=ctx.get("pattern"))
    return str(err["msg"])  # a type not foreseen: pydantic's own words rather than none


_SIMPLE = {
    "string_type": N_("should be text, not {value}"),
    "int_type": N_("should be a whole number, not {value}"),
    "int_parsing": N_("should be a whole number, not {value}"),
    "int_from_float": N_("should be a whole number, not {value}"),
    "float_type": N_("should be a number, not {value}"),
    "float_parsing": N_("should be a number, not {value}"),
    "bool_type": N_("should be true or false, not {value}"),
    "bool_parsing": N_("should be true or false, not {value}"),
    "dict_type": N_("should be a block of keys, not {value}"),
    "model_type": N_("should be a block of keys, not {value}"),
    "model_attributes_type": N_("should be a block of keys, not {value}"),
    "list_type": N_("should be a list, such as [a, b]"),
    "tuple_type": N_("should be a list, such as [a, b]"),
    "set_type": N_("should be a list, such as [a, b]"),
    "enum": N_("is {value}, which is not allowed"),
    "literal_error": N_("is {value}, which is not allowed"),
}
_LIMITS = {
    "greater_than_equal": ("ge", N_("is {value}; it should be at least {limit}")),
    "greater_than": ("gt", N_("is {value}; it should be more than {limit}")),
    "less_than_equal": ("le", N_("is {value}; it should be at most {limit}")),
    "less_than": ("lt", N_("is {value}; it should be less than {limit}")),
}
