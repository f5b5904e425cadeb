"""Time one controlled document of about 100 pages: DOCX render and LibreOffice PDF.

Usage: python benchmarks/documents.py [--sections 85] [--repeat 3]
Targets (issue 3): 100 pages to DOCX in <= 1 s, to PDF in <= 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import yaml

from selfassess.documents.load import load_documents
from selfassess.documents.render import render_docx
from selfassess.word.pdf import convert
from selfassess.workspace.settings import load_config

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

PARAGRAPH = (
    "{n}.{k} Бул жобо университеттин түзүмдүк бөлүмдөрүнүн ишин жөнгө салат жана билим берүүнүн сапатына "
    "мониторинг жүргүзүү, ички аудит, сурамжылоо жана өзүн-өзү баалоо жол-жоболорун аныктайт. Бөлүм "
    "маалыматтарды чогултат, талдайт жана жетекчиликке сунуштарды даярдайт; ң ө ү тамгалары сакталат."
)


def make_workspace(folder: Path, sections: int) -> Path:
    """Write a workspace with one long Kyrgyz regulation and return its root."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "selfassess.yaml", folder)
    doc = folder / "documents" / "КНУ.СМК-СП.99"
    doc.mkdir(parents=True)
    meta = yaml.safe_load((ROOT / "documents" / "КНУ.СМК-СП.01" / "document.yaml").read_text(encoding="utf-8"))
    meta["code"] = "КНУ.СМК-СП.99"
    (doc / "document.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    lines = []
    for n in range(1, sections + 1):
        lines += [f"# {n}. Бөлүмдүн {n}-бөлүгү", ""]
        lines += [PARAGRAPH.format(n=n, k=k) + "\n" for k in range(1, 4)]
        lines += ["| Көрсөткүч | 2024 | 2025 | 2026 |", "|---|---:|---:|---:|"]
        lines += [f"| Көрсөткүч {n}.{r} | {r * 3} | {r * 4} | {r * 5} |" for r in range(1, 11)]
        lines.append("")
    (doc / "body.md").write_text("\n".join(lines), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sections", type=int, default=85)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = make_workspace(HERE / "work" / "document", args.sections)
    config, _ = load_config(root)
    assert config is not None
    [document], _ = load_documents(root, config)
    docx_times, cached_times, pdf_times = [], [], []
    target = root / "build" / "out.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    render_docx(root, document, config)
    first = time.perf_counter() - start  # includes importing docx, docxtpl, jinja2
    for _ in range(args.repeat):
        shutil.rmtree(root / "build" / ".cache", ignore_errors=True)  # pandoc runs every time
        start = time.perf_counter()
        data = render_docx(root, document, config)
        docx_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_docx(root, document, config)
        cached_times.append(time.perf_counter() - start)
        target.write_bytes(data)
        start = time.perf_counter()
        [pdf] = convert([(target, dt.datetime(2026, 1, 19))])
        pdf_times.append(time.perf_counter() - start)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"Pages:\s+(\d+)", info).group(1)
    print(f"document of {pages} pages ({args.sections} sections)")
    print(f"  first render in a fresh process (imports included): {first:.3f} s")
    for name, times in (
        ("DOCX render, pandoc included", docx_times),
        ("DOCX render, body unchanged (pandoc output cached)", cached_times),
        ("PDF (LibreOffice)", pdf_times),
    ):
        runs = ", ".join(f"{t:.3f}" for t in times)
        print(f"  {name}: median {statistics.median(times):.3f} s  (runs: {runs})")


if __name__ == "__main__":
    main()
