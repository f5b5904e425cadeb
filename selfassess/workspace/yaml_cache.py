"""A cache of parsed YAML registers, so a register is parsed only when it changes.

Building the objects of a YAML file (with the line of every key) is pure Python and costs
about 0.05 s for 1,000 register items; the same objects read back from JSON take a fifth of
that. An entry is keyed by the file's SHA-256 and the selfassess version and holds only data
(JSON, never executed); a damaged entry is simply parsed again. Only a file that parsed
without problems and without aliases (&name, *name) is cached, and each file keeps one entry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selfassess import __version__
from selfassess.atomic import write_text
from selfassess.errors import SelfAssessError
from selfassess.workspace.yamlfile import LineDict, LineList, Parsed

FORMAT = 1  # the entries' layout: a new layout never reads an old entry


class _NotCached(Exception):
    """A value the JSON entry cannot hold exactly (bytes, sets, pairs): the file is not cached."""


def parsed(path: Path, cache_dir: Path, source: bytes, parse: Callable[[], Parsed]) -> Parsed:
    """Return the YAML document in `source` (the bytes of `path`): from the cache when these
    bytes were parsed before, else from `parse()`, remembered when it found no problem."""
    name = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    entry = cache_dir / f"{name}-{hashlib.sha256(source).hexdigest()[:32]}-{__version__}-{FORMAT}.json"
    try:
        return _decode(json.loads(entry.read_bytes())), []
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        pass
    data, findings = parse()
    if findings:
        return data, findings
    with contextlib.suppress(OSError, ValueError, SelfAssessError, _NotCached, RecursionError):
        text = json.dumps(_encode(data), ensure_ascii=False)
        for old in cache_dir.glob(f"{name}-*.json"):
            old.unlink(missing_ok=True)
        write_text(entry, text)
    return data, findings


def _encode(value: Any) -> Any:
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is LineDict:
        return {
            "m": [[_encode(k), _encode(v)] for k, v in value.items()],
            "line": value.line,
            "keys": [[_encode(k), line] for k, line in value.key_lines.items()],
        }
    if type(value) is LineList:
        return {"l": [_encode(v) for v in value], "line": value.line}
    if type(value) is dt.datetime:
        return {"t": value.isoformat()}
    if type(value) is dt.date:
        return {"d": value.isoformat()}
    raise _NotCached(type(value).__name__)


def _decode(value: Any) -> Any:
    if type(value) is not dict:
        return value
    if "m" in value:
        out = LineDict((_decode(k), _decode(v)) for k, v in value["m"])
        out.line = value["line"]
        out.key_lines = {_decode(k): line for k, line in value["keys"]}
        return out
    if "l" in value:
        items = LineList(_decode(v) for v in value["l"])
        items.line = value["line"]
        return items
    if "t" in value:
        return dt.datetime.fromisoformat(value["t"])
    return dt.date.fromisoformat(value["d"])
