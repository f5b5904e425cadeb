"""The report against its physical floor: the same content rendered by selfassess and by one bare
docxtpl template, alternating runs on one machine, and the ratio of the medians.

The content: N criteria (default 1,000), each a heading, two paragraphs of narrative and a
5-row evidence table. selfassess is timed from the check's result to the DOCX bytes (plan:
Markdown and tables; render: pandoc, template, contents, Word fixes, normalised zip), with
pandoc's cache emptied before each run; the floor is one DocxTemplate render of a template
written here (a loop over the criteria holding a heading, two paragraphs and a table), saved.

Plain paragraphs of narrative are written as Word paragraphs directly; a paragraph with
Markdown in it goes through pandoc. `--markup` gives each criterion's text a bold phrase and
a two-item list, so every narrative goes through pandoc (the floor gets the same words).

Usage: python benchmarks/floor.py [--criteria 1000] [--repeat 5] [--markup] [--profile]
Target (issue 18): the report within 2x of the floor.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import functools
import io
import pstats
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generate import generate

HERE = Path(__file__).resolve().parent
ROWS = 5
FIRST = (
    "Университет {n}-критерийдин талаптарын аткарат: ички жоболор бекитилген, жооптуу бөлүмдөр аныкталган "
    "жана жыл сайын отчет берилет. Маалыматтар чогултулат, талданат жана сапат кеңешине сунушталат; "
    "ң ө ү тамгалары сакталат."
)
SECOND = (
    "Мониторингдин жыйынтыгы боюнча {n}-критерий боюнча иш-чаралар планы түзүлдү, анын аткарылышы "
    "кварталына бир жолу текшерилет. Студенттердин жана иш берүүчүлөрдүн пикирлери эске алынат."
)


MARKUP = "\n\n**Күчтүү жагы:** жоболор жаңыланып турат.\n\n- биринчи чара;\n- экинчи чара.\n"


def make_workspace(root: Path, criteria: int, markup: bool = False) -> Path:
    """Write a workspace of one framework: each criterion with its narrative and 5 evidence items
    (with `markup`, a bold phrase and a list in each narrative)."""
    if (root / "narratives").is_dir():
        return root
    (root / "evidence").mkdir(parents=True, exist_ok=True)
    generate(root, criteria, 0, "csv", frameworks=1)
    ids = [f"{s + 1}.{c + 1}" for s in range(max(1, criteria // 10)) for c in range(10)]
    folder = root / "evidence" / "files"
    folder.mkdir(parents=True, exist_ok=True)
    with open(root / "evidence" / "register.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Код", "Наименование", "Файл", "Вид", "Ответственное подразделение", "Дата", "Критерии"])
        for i in range(len(ids) * ROWS):
            (folder / f"д{i:06d}.pdf").write_bytes(b"%PDF-1.4 synthetic\n")
            title = f"Далил {i}: сапат кеңешинин отчету"
            writer.writerow([f"E-{i:06d}", title, f"files/д{i:06d}.pdf", "report", "БСМЖАБ", "2025-06-1" + str(i % 10),
                             f"fw0:{ids[i // ROWS]}"])  # fmt: skip
    narratives = root / "narratives" / "fw0"
    narratives.mkdir(parents=True, exist_ok=True)
    for n, ident in enumerate(ids):
        text = FIRST.format(n=ident) + "\n\n" + SECOND.format(n=ident) + f" [E-{n * ROWS:06d}]\n"
        text += MARKUP if markup else ""
        (narratives / f"{ident}.md").write_text(text, encoding="utf-8")
    return root


def floor_template(target: Path, whole: bool = False) -> Path:
    """Write the bare docxtpl template: a loop of criteria, each a heading, two paragraphs and a
    table; `whole` adds what else the report shows (contents, standards, each criterion's status
    and table caption, the compliance summary and the list of annexes)."""
    from docx import Document

    document = Document()
    if whole:
        document.add_paragraph("{%p for line in contents %}")
        document.add_paragraph("{{ line }}")
        document.add_paragraph("{%p endfor %}")
        document.add_paragraph("{%p for s in standards %}")
        document.add_heading("{{ s.heading }}", level=1)
    document.add_paragraph("{%p for c in " + ("s.criteria" if whole else "criteria") + " %}")
    document.add_heading("{{ c.heading }}", level=2)
    document.add_paragraph("{{ c.first }}")
    document.add_paragraph("{{ c.second }}")
    if whole:
        status = document.add_paragraph()
        status.add_run("{{ c.label }}").bold = True
        status.add_run(" {{ c.status }}")
        document.add_paragraph("{{ c.caption }}")
    _loop_table(document, "c.rows", ("number", "title", "kind", "date"))
    document.add_paragraph("{%p endfor %}")
    if whole:
        document.add_paragraph("{%p endfor %}")
        for name, rows, keys in (
            ("summary", "summary", ("id", "title", "status", "annexes")),
            ("annexes", "annexes", ("number", "title", "kind", "date")),
        ):
            document.add_heading(f"{{{{ {name}_heading }}}}", level=1)
            document.add_paragraph(f"{{{{ {name}_caption }}}}")
            _loop_table(document, rows, keys)
    document.save(str(target))
    return target


def _loop_table(document: Any, rows: str, keys: tuple[str, ...]) -> None:
    table = document.add_table(rows=3, cols=len(keys))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Тиркеме", "Аталышы", "Түрү", "Датасы"), strict=True):
        cell.text = text
    table.rows[1].cells[0].text = f"{{%tr for r in {rows} %}}"
    for cell, key in zip(table.rows[2].cells, keys, strict=True):
        cell.text = f"{{{{ r.{key} }}}}"
    # The closing tag sits in the row after the repeated one, as docxtpl's own examples write it.
    table.add_row().cells[0].text = "{%tr endfor %}"


def floor_context(criteria: int, markup: bool = False) -> dict[str, object]:
    """Return the floor's context: the words the report shows, criterion by criterion."""
    ids = [f"{s + 1}.{c + 1}" for s in range(max(1, criteria // 10)) for c in range(10)]
    items = []
    for n, ident in enumerate(ids):
        rows = [
            {"number": str(n * ROWS + r + 1), "title": f"Далил {n * ROWS + r}: сапат кеңешинин отчету",
             "kind": "Отчет", "date": f"1{r}.06.2025"}
            for r in range(ROWS)
        ]  # fmt: skip
        items.append(
            {
                "heading": f"{ident} Критерий {ident} ң ө ү",
                "first": FIRST.format(n=ident),
                "second": SECOND.format(n=ident) + f" (Тиркеме {n * ROWS + 1})" + (_words(MARKUP) if markup else ""),
                "rows": rows,
                "label": "Далилдердин абалы:",
                "status": "Жарым-жартылай",
                "caption": f"{n + 1}-таблица. {ident} критерийинин далилдери",
            }
        )
    standards = [
        {"heading": f"{s + 1}. Standard {s + 1}", "criteria": items[s * 10 : s * 10 + 10]}
        for s in range(len(items) // 10)
    ]
    contents = [line for s in standards for line in [s["heading"], *(c["heading"] for c in s["criteria"])]]
    return {
        "criteria": items,
        "standards": standards,
        "contents": contents,
        "summary_heading": f"{len(standards) + 1}. Шайкештикти баалоонун жыйынтыгы",
        "summary_caption": f"{len(items) + 1}-таблица. Шайкештикти баалоонун жыйынтыгы",
        "summary": [
            {"id": c["heading"].split()[0], "title": c["heading"], "status": c["status"], "annexes": numbers}
            for c in items
            for numbers in [", ".join(r["number"] for r in c["rows"])]
        ],
        "annexes_heading": f"{len(standards) + 2}. Тиркемелердин тизмеси",
        "annexes_caption": f"{len(items) + 2}-таблица. Тиркемелердин тизмеси",
        "annexes": [r for c in items for r in c["rows"]],
    }


def _words(markdown: str) -> str:
    return " " + " ".join(markdown.replace("**", "").replace("- ", "").split())


def floor(template: Path, context: dict[str, object]) -> bytes:
    """Return one bare docxtpl render of the content, saved."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    document.render(context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def selfassess_report(root: Path) -> Callable[[], bytes]:
    """Return what renders the report of fw0 from the check's result, pandoc's cache emptied first."""
    from selfassess.check.pipeline import check
    from selfassess.documents.model import ControlledDocument
    from selfassess.documents.render import render_docx
    from selfassess.reports.report import plan

    report = check(root, dt.date(2026, 11, 25))
    config = report.loaded.config
    assert config is not None

    def run() -> bytes:
        from selfassess.word import structure

        shutil.rmtree(root / "build" / ".cache" / "pandoc", ignore_errors=True)
        structure._paragraph_block.cache_clear()  # as a fresh process has it: nothing seen yet
        p = plan(report, root, "fw0")
        document = ControlledDocument(root / "narratives" / "fw0", p.meta)
        return render_docx(root, document, config, body_text=p.markdown, tables=p.tables)

    return run


def timed(run: Callable[[], bytes]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--criteria", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--markup", action="store_true", help="a bold phrase and a list in every narrative")
    parser.add_argument("--profile", action="store_true", help="profile one selfassess render and print the top")
    parser.add_argument("--sort", default="cumulative", help="profile order: cumulative or tottime")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    name = f"floor-{args.criteria}" + ("-markup" if args.markup else "")
    root = make_workspace(HERE / "work" / name, args.criteria, args.markup)
    context = floor_context(args.criteria, args.markup)
    report = selfassess_report(root)
    floors = {
        "criteria": floor_template(root / "floor-template.docx"),
        "whole": floor_template(root / "floor-whole-template.docx", whole=True),
    }
    runs: dict[str, Callable[[], bytes]] = {
        "selfassess": report,
        **{name: functools.partial(floor, template, context) for name, template in floors.items()},
    }
    for run in runs.values():
        run()  # imports and first-call caches out of the timings
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(report)
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        return
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():  # alternating: a machine busy elsewhere slows all alike
            times[name].append(timed(run))
    median = {name: statistics.median(values) for name, values in times.items()}
    shape = "two paragraphs, a bold phrase and a list" if args.markup else "two paragraphs"
    print(f"{args.criteria} criteria, a heading, {shape} and a {ROWS}-row table each; median of {args.repeat}")
    labels = {
        "selfassess": "selfassess report (plan + render)",
        "criteria": "bare docxtpl, the criteria (the floor)",
        "whole": "bare docxtpl, all the report shows",
    }
    for name, label in labels.items():
        print(f"  {label:40} {median[name]:6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in times[name])})")
    ours = median["selfassess"]
    print(f"  ratio to the floor                       {ours / median['criteria']:6.2f}x  (target <= 2x)")
    print(f"  ratio to all the report shows            {ours / median['whole']:6.2f}x")


if __name__ == "__main__":
    main()
