"""The cache of parsed YAML registers: the same data and lines as a fresh parse, renewed when the file changes."""

from __future__ import annotations

import datetime as dt
import json
from functools import partial
from pathlib import Path

from conftest import Workspace

from selfassess.workspace.yaml_cache import parsed
from selfassess.workspace.yamlfile import LineDict, LineList, read_yaml

REGISTER = """\
- id: E-1
  title: Policy
  file: policy.pdf
  kind: policy
  issued: 2025-01-10
  criteria: [t:1.1]
  note: 1.10
- id: E-2
  title: Minutes
  file: minutes.pdf
  kind: minutes
  issued: 2025-02-01
  valid_until: 2024-01-01
  criteria: t:1.1
"""


def _same(a: object, b: object) -> None:
    assert type(a) is type(b)
    if isinstance(a, LineDict):
        assert isinstance(b, LineDict)
        assert list(a) == list(b) and a.line == b.line and a.key_lines == b.key_lines
        for key in a:
            _same(a[key], b[key])
    elif isinstance(a, LineList):
        assert isinstance(b, LineList)
        assert a.line == b.line and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


def test_a_cached_document_is_the_parsed_one(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    path.write_text(REGISTER + "- {id: E-3, at: 2025-03-01 10:00:00+06:00, n: 1.5, ok: true, x: null}\n", "utf-8")
    cache = tmp_path / "cache"
    fresh, _ = read_yaml(path, "register.yaml")
    stored, _ = read_yaml(path, "register.yaml", cache=partial(parsed, path, cache))
    again, _ = read_yaml(path, "register.yaml", cache=partial(parsed, path, cache))
    assert len(list(cache.iterdir())) == 1
    _same(fresh, stored)
    _same(fresh, again)
    assert again[2]["at"] == dt.datetime.fromisoformat("2025-03-01T10:00:00+06:00")


def test_a_changed_register_is_read_again_and_keeps_one_entry(ws: Workspace) -> None:
    ws.touch("evidence/policy.pdf", "evidence/minutes.pdf")
    ws.register(REGISTER)
    first = ws.check()
    cache = ws.root / "build" / ".cache" / "registers"
    assert len(list(cache.iterdir())) == 1
    cached = ws.check()
    assert [f.message for f in cached.all_findings()] == [f.message for f in first.all_findings()]
    assert [f.where for f in cached.all_findings()] == [f.where for f in first.all_findings()]
    ws.register(REGISTER.replace("valid_until: 2024-01-01", "valid_until: 2030-01-01"))
    changed = ws.check()
    assert len(list(cache.iterdir())) == 1
    assert not any("valid until" in f.message for f in changed.all_findings())
    assert any("valid until" in f.message for f in first.all_findings())


def test_a_damaged_entry_is_parsed_again(ws: Workspace) -> None:
    ws.touch("evidence/policy.pdf", "evidence/minutes.pdf")
    ws.register(REGISTER)
    first = ws.check()
    for entry in (ws.root / "build" / ".cache" / "registers").iterdir():
        entry.write_text(json.dumps({"m": "poisoned"}), encoding="utf-8")
    again = ws.check()
    assert [r.status for r in again.criteria] == [r.status for r in first.criteria]
    assert [f.message for f in again.all_findings()] == [f.message for f in first.all_findings()]


def test_a_register_with_problems_or_aliases_is_not_cached(ws: Workspace) -> None:
    ws.register("- id: E-1\n  title: [unclosed\n")
    ws.check()
    ws.register("- &a {id: E-1, title: T, file: f.pdf, kind: policy, criteria: t:1.1}\n")
    ws.check()
    assert not (ws.root / "build" / ".cache" / "registers").exists()
