"""Time `doc lint` on a controlled document of about 100 pages, without the layout pass.

Usage: python benchmarks/lint.py [--sections 85] [--repeat 3]
Target (issue 15): 100 pages linted in <= 2 s without the PDF pass (with it, LibreOffice's
layout adds about what `doc build --pdf` takes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from documents import HERE, make_workspace
from selfassess.documents.lint import lint_docx
from selfassess.documents.load import load_documents
from selfassess.documents.render import render_docx
from selfassess.workspace.settings import load_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sections", type=int, default=85)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = make_workspace(HERE / "work" / "lint", args.sections)
    config, _ = load_config(root)
    assert config is not None
    documents, _ = load_documents(root, config)
    target = root / "regulation.docx"
    target.write_bytes(render_docx(root, documents[0], config))
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        findings = lint_docx(target, target.name, today=dt.date(2026, 12, 5))
        times.append(time.perf_counter() - start)
    print(
        f"lint of {target.stat().st_size // 1024} KB DOCX ({args.sections} sections, ~100 pages): "
        f"median {statistics.median(times):.2f} s, {len(findings)} finding(s)"
    )


if __name__ == "__main__":
    main()
