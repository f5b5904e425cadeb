"""Time gap tracking on a synthetic workspace: the dashboard, the history, the requests.

Usage: python benchmarks/tracking.py [--criteria 1000] [--evidence 10000] [--units 50]
Targets (issue 6): dashboard page <= 1 s on top of the check; `selfassess requests` for
50 units <= 10 s (one DOCX memo per unit); a history of 1,000 runs costs the dashboard
<= 0.1 s.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import yaml
from generate import generate

from build import timed

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--criteria", type=int, default=1000)
    parser.add_argument("--evidence", type=int, default=10000)
    parser.add_argument("--units", type=int, default=50)
    args = parser.parse_args()
    root = HERE / "work" / f"tracking-{args.criteria}-{args.evidence}-{args.units}"
    if not (root / "selfassess.yaml").exists():
        generate(root, args.criteria, args.evidence, "csv")
        config = yaml.safe_load((root / "selfassess.yaml").read_text(encoding="utf-8"))
        # Each standard of each framework belongs to one of the units, in turn.
        standards = [f"fw{f}:{s + 1}" for f in range(4) for s in range(max(1, args.criteria // 40))]
        config["owners"] = {qid: f"Бөлүм {i % args.units:02d}" for i, qid in enumerate(standards)}
        (root / "selfassess.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(root / "build", ignore_errors=True)
    shutil.rmtree(root / ".selfassess", ignore_errors=True)
    exe = shutil.which("selfassess") or "selfassess"
    day = ["--as-of", "2026-11-25"]

    from selfassess.check.pipeline import check
    from selfassess.tracking import dashboard, history

    report = check(root, None)
    start = time.perf_counter()
    page = dashboard.render(report, root, report.language)
    print(f"dashboard page ({len(page) // 1024} KiB)       {time.perf_counter() - start:6.2f} s")
    for _ in range(1000):
        history.record(root, report, "check")
    start = time.perf_counter()
    dashboard.render(report, root, report.language)
    print(f"dashboard with 1,000 runs        {time.perf_counter() - start:6.2f} s")
    check_only = timed([exe, "check", "--fail-on", "none", "-o", "/dev/null", "--format", "json", *day], root)
    print(f"check (records the history)      {check_only:6.2f} s")
    seconds = timed([exe, "requests", *day], root)
    memos = len(list((root / "build" / "requests").glob("*.docx")))
    print(f"requests ({memos} memos)            {seconds:6.2f} s")
    again = timed([exe, "requests", "--as-of", "2026-12-01"], root)
    print(f"requests again (arrivals)        {again:6.2f} s")


if __name__ == "__main__":
    main()
