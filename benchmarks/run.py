"""Time selfassess on synthetic workspaces and print wall time and peak memory.

Usage: python benchmarks/run.py [--sizes 1000x1000,10000x100000] [--register yaml|csv]
Targets (issue 2): 1,000 criteria + 1,000 files checked in <= 0.5 s; 10,000 + 100,000 in
<= 5 s; `selfassess --help` in <= 0.2 s. Issue 18: the text output within 1.2x of JSON's time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"


def timed(cmd: list[str], cwd: Path, repeat: int = 3) -> tuple[float, float, int]:
    """Run `cmd` `repeat` times; return (median seconds, peak RSS MiB, exit code of last run)."""
    times, peak, code = [], 0.0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        code = proc.returncode
        last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "0"
        peak = max(peak, int(last) / 1024 if last.isdigit() else 0)
    return statistics.median(times), peak, code


def check_command(exe: str, fmt: str, target: Path) -> list[str]:
    """Return the check command writing `fmt` to `target`: JSON to the file, text through the shell's
    redirection, as a user pipes it (the screen's tables without colours)."""
    day = ["--fail-on", "none", "--as-of", "2026-11-25"]
    if fmt == "json":
        return [exe, "check", "--format", "json", "-o", str(target), *day]
    return ["sh", "-c", f'"$0" check {" ".join(day)} > "$1"', exe, str(target)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000x1000,10000x100000")
    parser.add_argument("--register", choices=["yaml", "csv"], default="yaml")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("selfassess") or sys.exit("selfassess is not installed (pip install -e .)")
    # As an installed package has it: the modules compiled once, not again on every run (a
    # shell with PYTHONDONTWRITEBYTECODE would otherwise time the compiler, 0.05 s a run).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "selfassess")], check=False)
    seconds, peak, _ = timed([exe, "--help"], HERE, args.repeat)
    print(f"selfassess --help                       {seconds:6.3f} s  {peak:7.1f} MiB")
    for size in args.sizes.split(","):
        n_criteria, n_files = (int(x) for x in size.split("x"))
        root = WORK / f"ws-{n_criteria}-{n_files}-{args.register}"
        if not (root / "selfassess.yaml").exists():
            generate(root, n_criteria, n_files, args.register)
        (root / "build").mkdir(exist_ok=True)
        runs: dict[str, list[float]] = {"json": [], "text": []}
        peak, code = 0.0, 0
        # Alternating runs: a machine busy with something else slows both alike.
        for _ in range(args.repeat):
            for fmt in runs:
                took, used, code = timed(check_command(exe, fmt, root / "build" / f"check.{fmt}"), root, 1)
                runs[fmt].append(took)
                peak = max(peak, used) if fmt == "json" else peak
        json_s, text_s = statistics.median(runs["json"]), statistics.median(runs["text"])
        print(f"check {n_criteria:>6} criteria {n_files:>7} files  {json_s:6.3f} s  {peak:7.1f} MiB  (exit {code})")
        print(f"  the same, text output                 {text_s:6.3f} s  ({text_s / json_s:.2f}x JSON)")


if __name__ == "__main__":
    main()
