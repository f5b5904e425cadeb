"""YAML files read with line numbers, and pydantic errors mapped back to `file:line`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from selfassess.errors import Finding, Location, error
from selfassess.messages import t
from selfassess.workspace.plain_words import choices, problem, yaml_problem

M = TypeVar("M", bound=BaseModel)

# YAML 1.1 reads `1.10` as the float 1.1 and `530100` as an int; under these keys the text
# as written is what the user means (criterion ids, versions, codes), so it is kept verbatim.
VERBATIM_KEYS = frozenset(
    {"id", "version", "maps_to", "criteria", "indicators", "code", "kinds", "frameworks", "programmes"}
)


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):  # type: ignore[type-arg]
    """A sequence that remembers its line."""

    line: int = 0


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    line_offset = 0


# YAML 1.1 reads yes/no/on/off as booleans: "ok: yes" or "Норвегия: no" would silently change
# meaning. Only true and false are booleans here, as in YAML 1.2.
_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class ComplexKey(yaml.MarkedYAMLError):
    pass


def _verbatim(node: yaml.Node, offset: int = 1) -> object:
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag != "tag:yaml.org,2002:null" and node.value not in ("", "~") else None
    if isinstance(node, yaml.SequenceNode):
        out = LineList(_verbatim(child, offset) for child in node.value)
        out.line = node.start_mark.line + offset
        return out
    return None


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    offset = loader.line_offset + 1
    out.line = node.start_mark.line + offset
    out.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise ComplexKey(
                None, None, t("a key must be a plain word or number, not a list or a block"), key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=True)
        if key in out.key_lines:
            raise DuplicateKey(
                None, None, t("the key '{key}' appears twice in the same block", key=key), key_node.start_mark
            )
        if key in VERBATIM_KEYS and isinstance(value_node, yaml.ScalarNode | yaml.SequenceNode):
            value = _verbatim(value_node, offset)
            if isinstance(value_node, yaml.SequenceNode) and any(
                not isinstance(c, yaml.ScalarNode) for c in value_node.value
            ):
                value = loader.construct_object(value_node, deep=True)
        else:
            value = loader.construct_object(value_node, deep=True)
        out[key] = value
        out.key_lines[key] = key_node.start_mark.line + offset
    return out


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + loader.line_offset + 1
    return out


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # 2026-02-30 looks like a date but is none: kept as text, the model says why, on its line.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


MAX_YAML_BYTES = 50 * 1024 * 1024  # a catalogue of 10,000 criteria is 5 MB


Parsed = tuple[Any, list[Finding]]


def read_yaml(
    path: Path,
    shown: str,
    root: Path | None = None,
    cache: Callable[[bytes, Callable[[], Parsed]], Parsed] | None = None,
) -> Parsed:
    """Return the parsed YAML document (LineDict/LineList inside) or findings saying why not.

    With `root`, a file that is a link out of the workspace is refused; a pipe or a device is
    always refused (reading it could wait forever). With `cache` (yaml_cache.parsed for one
    file), the document is `cache(the file's bytes, a function parsing them)`; a file with
    aliases is always parsed.
    """
    from selfassess.workspace.paths import refused

    problem = refused(path, shown, root)
    if problem is not None:
        return None, [problem]
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return None, [
                error(
                    "too-large",
                    Location(shown),
                    t(
                        "the file is larger than {size} MB; a settings, catalogue or register file is far smaller",
                        size=MAX_YAML_BYTES // 1024 // 1024,
                    ),
                    t("check that this is the right file"),
                )
            ]
    except OSError:
        pass
    try:
        source = path.read_bytes()
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            error(
                "encoding",
                Location(shown),
                t("the file is not UTF-8 text (byte {byte} cannot be read)", byte=exc.start),
                t("save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"),
            )
        ]
    except OSError as exc:
        return None, [error("unreadable", Location(shown), t("cannot read the file: {reason}", reason=exc.strerror))]
    if cache is None or _ANCHOR.search(text):
        return read_yaml_text(text, shown)
    return cache(source, lambda: read_yaml_text(text, shown))


def read_yaml_text(text: str, shown: str, first_line: int = 1) -> tuple[Any, list[Finding]]:
    """Return YAML `text` parsed, with lines counted from `first_line` (for front matter)."""
    loader = _Loader(text)
    loader.line_offset = first_line - 1
    try:
        node = loader.get_single_node()
        if node is not None and _ANCHOR.search(text):
            _guard_aliases(node)
        return (loader.construct_document(node) if node is not None else None), []
    except RecursionError:
        return None, [
            error(
                "yaml-too-deep",
                Location(shown, first_line),
                t("the file nests its blocks too deeply to be read (hundreds of levels)"),
                t("a settings, catalogue or register file needs a few levels; check the indentation"),
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        said = yaml_problem(exc.problem) if exc.problem else str(exc)
        if exc.context_mark and mark and exc.context_mark.line != mark.line:
            block = exc.context_mark.line + first_line
            message = t(
                "this is not valid YAML: {problem} (in the block that starts on line {line})", problem=said, line=block
            )
        else:
            message = t("this is not valid YAML: {problem}", problem=said)
        hint = t(
            "check the indentation and quote values that contain ':' or start with {characters}",
            characters=choices("'*', '&', '[' or '{'"),
        )
        return None, [error("yaml-syntax", Location(shown, line), message, hint)]
    except yaml.YAMLError as exc:
        return None, [error("yaml-syntax", Location(shown), t("this is not valid YAML: {problem}", problem=exc))]
    finally:
        loader.dispose()


# An anchor (&name) or alias (*name) where YAML allows one: only then are aliases checked.
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]")
MAX_EXPANDED = 1_000_000  # values a document may expand to through aliases


class AliasBomb(yaml.MarkedYAMLError):
    pass


def _guard_aliases(root: yaml.Node) -> None:
    """Refuse aliases that refer to themselves or expand to more than MAX_EXPANDED values.

    Aliases cost nothing to parse but every copy is validated: a few kilobytes of YAML can
    expand to billions of values (the "billion laughs").
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] > MAX_EXPANDED:
                raise AliasBomb(
                    None,
                    None,
                    t("its aliases (*name) expand to more than {count:,} values", count=MAX_EXPANDED),
                    node.start_mark,
                )
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise AliasBomb(None, None, t("an alias (*name) refers to the block that contains it"), node.start_mark)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def line_of(data: Any, loc: tuple[int | str, ...]) -> int | None:
    """Return the line of the deepest node along `loc` that has one."""
    line = getattr(data, "line", None) or None
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", None) or line
        else:
            break
    return line


def _dotted(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def explain(err: dict[str, Any], model: type[BaseModel]) -> tuple[str, str | None]:
    """Return a plain-words message and a hint for one pydantic error."""
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    field = _dotted(loc) or t("the file")
    kind = err["type"]
    value = repr(err.get("input"))
    if kind == "missing":
        return t("'{field}' is missing", field=field), t("add '{key}:' here", key=loc[-1])
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        if close:
            hint = t("did you mean '{name}'?", name=close[0])
        else:
            hint = t("allowed keys here: {keys}", keys=", ".join(sorted(allowed)))
        if " " in name.strip() and not close:
            # {ky: География, экология …}: inside braces a comma ends the text and starts a new key.
            hint = t(
                "'{name}' looks like the rest of a text cut at a comma: put the whole text in quotes; {hint}",
                name=name,
                hint=hint,
            )
        return t("unknown key '{field}'", field=field), hint
    if kind in ("enum", "literal_error"):
        expected = choices(err.get("ctx", {}).get("expected", ""))
        return t("'{field}' is {value}, which is not allowed", field=field, value=value), t(
            "use one of {choices}", choices=expected
        )
    if kind.startswith("date"):
        return t("'{field}' is {value}, which is not a date", field=field, value=value), t("write dates as 2026-01-19")
    if kind in ("model_type", "dict_type"):
        return t("'{field}' should be a block of keys, not {value}", field=field, value=value), None
    if kind in ("tuple_type", "list_type"):
        return t("'{field}' should be a list, such as [a, b]", field=field), None
    said = problem(err)
    if not loc:
        return said, None
    if kind in ("value_error", "assertion_error") or said == err["msg"]:
        return t("'{field}': {problem}", field=field, problem=said), None
    return t("'{field}' {problem}", field=field, problem=said), None


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = getattr(current, "model_fields", {}).get(part)
        if field_info is None:
            return []
        current = _inner_model(field_info.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate(data: Any, model: type[M], shown: str) -> tuple[M | None, list[Finding]]:
    """Return the model built from `data`, or findings with `file:line` for every problem."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        findings = []
        for err in exc.errors():
            message, hint = explain(err, model)
            findings.append(error("invalid-field", Location(shown, line_of(data, err["loc"])), message, hint))
        return None, findings
