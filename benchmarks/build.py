"""Time `selfassess build` on one synthetic framework: report, no-op rebuild, and the pack
against `cp -r` + `sha256sum` + `zip` on the same files.

Usage: python benchmarks/build.py [--criteria 1000] [--evidence 10000]
Targets (issue 4): report DOCX <= 3 s; no-op rebuild <= 0.5 s; pack within 1.5x of the shell tools.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--criteria", type=int, default=1000)
    parser.add_argument("--evidence", type=int, default=10000)
    args = parser.parse_args()
    root = HERE / "work" / f"build-{args.criteria}-{args.evidence}"
    if not (root / "selfassess.yaml").exists():
        generate(root, args.criteria, args.evidence, "csv", frameworks=1)
    shutil.rmtree(root / "build", ignore_errors=True)
    exe = shutil.which("selfassess") or "selfassess"
    command = [exe, "build", "--framework", "fw0", "--as-of", "2026-11-25"]
    check = timed(
        [exe, "check", "--fail-on", "none", "--format", "json", "-o", "/dev/null", "--as-of", "2026-11-25"], root
    )
    cold = timed(command, root)
    noop = timed(command, root)
    (root / "build" / "fw0" / ".state.json").unlink()  # forget the fingerprints: everything is rebuilt
    warm = timed(command, root)
    tmp = HERE / "work" / "shell-pack"
    shutil.rmtree(tmp, ignore_errors=True)
    script = (
        f"cp -r evidence {tmp} && find {tmp} -type f -print0 | xargs -0 sha256sum > /dev/null"
        f" && cd {tmp} && zip -q -r -0 ../shell.zip ."
    )
    shell = timed(["bash", "-c", script], root)
    print(f"{args.criteria} criteria, {args.evidence} evidence files")
    print(f"  check                          {check:6.2f} s")
    print(f"  build (cold: report + pack)    {cold:6.2f} s")
    print(f"  build again, nothing changed   {noop:6.2f} s")
    print(f"  build again, state forgotten   {warm:6.2f} s")
    print(f"  cp -r + sha256sum + zip        {shell:6.2f} s")


if __name__ == "__main__":
    main()
