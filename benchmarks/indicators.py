"""Time the indicators on a synthetic grades table of N rows (default 1,000,000).

Usage: python benchmarks/indicators.py [--rows 1000000]
Target (issue 5): 1,000,000 grade rows -> all indicators in <= 5 s.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import yaml

from selfassess.data.indicators import load_and_compute

HERE = Path(__file__).resolve().parent
FACULTIES = ["Экономика", "Юридикалык", "ФМИК", "Филология", "Тарых", "Химия", "Физика", "Биология"]

INDICATORS = [
    {"id": "ACAD-01", "title": {"en": "Pass rate"}, "source": "grades", "share": {"score": {"gte": 61}},
     "by": ["faculty", "programme"], "year": "year", "unit": "percent", "threshold": {"min": 80}},
    {"id": "ACAD-02", "title": {"en": "Quality rate"}, "source": "grades", "share": {"score": {"gte": 74}},
     "by": ["faculty"], "year": "year", "unit": "percent"},
    {"id": "ACAD-03", "title": {"en": "Mean score"}, "source": "grades", "mean": "score",
     "by": ["faculty", "programme"], "year": "year"},
    {"id": "ACAD-03M", "title": {"en": "Median score"}, "source": "grades", "median": "score", "by": ["faculty"]},
    {"id": "STUD", "title": {"en": "Students assessed"}, "source": "grades", "distinct": "student", "by": ["faculty"]},
    {"id": "RETAKE", "title": {"en": "Retakes"}, "source": "grades", "count": {"attempt": {"gt": 1}},
     "by": ["faculty"]},
]  # fmt: skip


def generate(folder: Path, rows: int) -> None:
    rng = random.Random(5)
    (folder / "evidence").mkdir(parents=True, exist_ok=True)
    (folder / "indicators").mkdir(exist_ok=True)
    with open(folder / "evidence" / "grades.csv", "w", encoding="utf-8") as out:
        out.write("Студент;Факультет;Шифр ОП;Дисциплина;Год;Балл;Попытка\n")
        for i in range(rows):
            faculty = FACULTIES[i % len(FACULTIES)]
            score = max(0, min(100, int(rng.gauss(74, 12))))
            out.write(
                f"s{i // 40:06d};{faculty};{5800 + i % 37};Д{i % 400};{2022 + i % 5};{score};{1 + (score < 61)}\n"
            )
    sources = [{"id": "grades", "file": "grades.csv", "columns": {
        "student": {"names": ["Студент"]}, "faculty": {"names": ["Факультет"]}, "programme": {"names": ["Шифр ОП"]},
        "year": {"names": ["Год"], "type": "year"}, "score": {"names": ["Балл"], "type": "number"},
        "attempt": {"names": ["Попытка"], "type": "integer"}}}]  # fmt: skip
    (folder / "indicators" / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    (folder / "indicators" / "indicators.yaml").write_text(
        yaml.safe_dump(INDICATORS, allow_unicode=True), encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = HERE / "work" / f"indicators-{args.rows}"
    if not (folder / "evidence" / "grades.csv").exists():
        generate(folder, args.rows)
    start = time.perf_counter()
    computed = load_and_compute(folder, folder / "evidence")
    seconds = time.perf_counter() - start
    assert computed is not None
    values = sum(len(r.values) + len(r.trend) for r in computed.results)
    print(f"{args.rows:,} grade rows: {len(computed.results)} indicators, {values} values in {seconds:.2f} s")


if __name__ == "__main__":
    main()
