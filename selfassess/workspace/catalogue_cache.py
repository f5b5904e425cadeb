"""A cache of validated catalogues, so large catalogues are parsed only when they change.

YAML parsing is pure Python and costs about 0.6 s for 10,000 criteria; the validated
catalogue read back from JSON by pydantic takes a tenth of that. Entries are keyed by the
file's SHA-256 and the selfassess version, hold only data (JSON, validated on reading, never
executed), and a damaged entry is simply parsed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from selfassess import __version__
from selfassess.atomic import write_text
from selfassess.errors import SelfAssessError
from selfassess.models import Catalogue

CriterionLines = list[list[int | None]]


def _entry(cache_dir: Path, source: bytes) -> Path:
    digest = hashlib.sha256(source).hexdigest()
    return cache_dir / f"{digest[:32]}-{__version__}.json"


def lookup(cache_dir: Path, source: bytes) -> tuple[Catalogue, CriterionLines] | None:
    """Return the cached catalogue for these file bytes, or None."""
    entry = _entry(cache_dir, source)
    try:
        raw = json.loads(entry.read_bytes())
        return Catalogue.model_validate(raw["catalogue"]), raw["lines"]
    except (OSError, ValueError, KeyError, TypeError, ValidationError):
        return None


def store(cache_dir: Path, source: bytes, catalogue: Catalogue, lines: CriterionLines) -> None:
    """Remember a validated catalogue; a cache that cannot be written is silently skipped."""
    data = {"catalogue": catalogue.model_dump(mode="json", exclude_none=True), "lines": lines}
    with contextlib.suppress(OSError, SelfAssessError):
        write_text(_entry(cache_dir, source), json.dumps(data, ensure_ascii=False))
