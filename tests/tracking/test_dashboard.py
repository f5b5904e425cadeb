"""The dashboard, opened in headless Chromium: its counts agree with `selfassess check`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import sample_copy

from selfassess.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    not os.environ.get("CI") and CHROMIUM is None, reason="Chromium is not installed (CI installs it)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM, "Chromium is needed: apt-get install chromium"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@needs_chromium
def test_dashboard_counts_match_the_check_and_it_renders(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["-C", str(root), "check", "--as-of", "2026-11-20", "--fail-on", "none"]).exit_code == 0
    built = runner.invoke(main, ["-C", str(root), "build", "--as-of", "2026-11-25"])
    assert built.exit_code == 0, built.output
    page = root / "build" / "dashboard" / "index.html"
    assert "wrote build/dashboard/index.html" in built.output
    check = json.loads(
        runner.invoke(main, ["-C", str(root), "check", "--format", "json", "--as-of", "2026-11-25"]).output
    )

    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    shown = {m.group(1): int(m.group(2)) for m in re.finditer(r'id="count-([a-z-]+)" data-count="(\d+)"', dom)}
    assert shown == check["summary"]["statuses"]
    cells = re.findall(r'class="cell" data-status="([a-z-]+)"', dom)
    # A programme framework's criteria are shown once per programme, each with that programme's status.
    per_programme = {c["framework"] for p in check["programmes"].values() for c in p["criteria"]}
    expected = [c["status"] for c in check["criteria"] if c["framework"] not in per_programme]
    expected += [c["status"] for p in check["programmes"].values() for c in p["criteria"]]
    assert sorted(cells) == sorted(expected)
    assert re.search(r'<p class="cells" data-programme="710400"><b>prog-acc:1 — 710400 Программалык инженерия</b>', dom)
    assert f'data-percent="{check["summary"]["coverage_percent"]}"' in dom
    assert "Аккредитацияга даярдыктын абалы" in dom  # the document language of the sample
    assert 'data-indicator="QMS-02"' in dom
    assert "<polyline" in dom  # the history of the two runs
    assert 'class="expiring"><td>E-058' in dom

    screenshot = tmp_path / "dashboard.png"
    chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1200,1600", page.as_uri())
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000
    shutil.copy(screenshot, root / "build" / "dashboard" / "screenshot.png")


def test_dashboard_indicators_show_unit_and_threshold(tmp_path: Path) -> None:
    from selfassess.check.pipeline import check
    from selfassess.tracking import dashboard

    root = sample_copy(tmp_path)
    report = check(root, dt.date(2026, 11, 25))
    page = dashboard.render(report, root, "ru")
    row = re.search(r'<tr data-indicator="QMS-02">(.*?)</tr>', page)
    assert row, "QMS-02 is missing from the dashboard"
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    [qms] = [r for r in report.indicators.results if r.indicator.id == "QMS-02"]  # type: ignore[union-attr]
    assert cells[2] == f"{qms.overall.value:g} %"  # type: ignore[union-attr]
    assert cells[3] == f"≥ {qms.indicator.threshold.min:g}"  # type: ignore[union-attr]
    assert cells[4] == "ниже порога"
