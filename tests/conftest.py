"""Tiny inline workspaces: each test writes exactly the files it needs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from selfassess.check.pipeline import CheckReport, check
from selfassess.cli import main


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read the terminal in English unless they choose a language (SELFASSESS_LANG)."""
    from selfassess import messages

    monkeypatch.setenv("SELFASSESS_LANG", "en")
    messages.use("en")


AS_OF = dt.date(2026, 11, 25)

# PDF tests need LibreOffice and poppler. CI installs them (and sets CI=true), so there a
# missing tool fails the run; on a developer's machine without them the tests are skipped.
needs_libreoffice = pytest.mark.skipif(
    not os.environ.get("CI") and not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler (pdftotext) are not installed",
)

CONFIG = """\
institution: {ky: Сынак университети, ru: Тестовый университет, en: Test University}
language: en
frameworks: [t, u]
"""

CATALOGUE_T = """\
framework:
  id: t
  title: {en: Test framework}
  kind: institutional
standards:
  - id: "1"
    title: {en: Standard one}
    criteria:
      - id: "1.1"
        title: {en: Policy}
      - id: "1.2"
        title: {en: Programmes}
        evidence: {min_count: 2, kinds: [policy, minutes]}
      - id: "1.10"
        title: {en: External review}
        evidence: {max_age_months: 12}
"""

CATALOGUE_U = """\
framework:
  id: u
  title: {en: Other framework}
  kind: internal
standards:
  - id: A
    title: {en: Area A}
    criteria:
      - id: A1
        title: {en: Mapped to t:1.1}
        maps_to: ["t:1.1"]
"""


class Workspace:
    """A workspace in a temporary folder, written file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def touch(self, *rels: str) -> None:
        for rel in rels:
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"evidence")

    def register(self, text: str) -> Path:
        return self.write("evidence/register.yaml", text)

    def check(self, as_of: dt.date = AS_OF, **kwargs: object) -> CheckReport:
        return check(self.root, as_of, **kwargs)  # type: ignore[arg-type]

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(main, ["-C", str(self.root), *args], catch_exceptions=False)

    def messages(self, code: str) -> list[str]:
        report = self.check()
        return [f"{f.where}: {f.message}" for f in report.all_findings() if f.code == code]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """Return a valid workspace with two frameworks and an empty register."""
    space = Workspace(tmp_path / "ws")
    space.write("selfassess.yaml", CONFIG)
    space.write("criteria/t.yaml", CATALOGUE_T)
    space.write("criteria/u.yaml", CATALOGUE_U)
    space.register("[]\n")
    return space


ROOT = Path(__file__).resolve().parents[1]


def sample_copy(tmp_path: Path) -> Path:
    """Return a copy of the repository's sample workspace (its inputs, not build/)."""
    target = tmp_path / "knu"
    target.mkdir()
    shutil.copy(ROOT / "selfassess.yaml", target)
    for folder in ("criteria", "evidence", "narratives", "templates", "indicators", "documents"):
        shutil.copytree(ROOT / folder, target / folder)
    return target
