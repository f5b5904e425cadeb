"""Generate a synthetic workspace of N criteria and M evidence files (for benchmarks only)."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

KINDS = ["policy", "order", "minutes", "plan", "report", "dataset", "survey_results", "syllabus"]
FRAMEWORKS = 4


def generate(
    root: Path, criteria: int, evidence: int, register: str = "yaml", seed: int = 1, frameworks: int = FRAMEWORKS
) -> Path:
    """Write the workspace under `root` and return it."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    per_framework = max(1, criteria // frameworks)
    qids: list[str] = []
    for f in range(frameworks):
        fid = f"fw{f}"
        standards = []
        for s in range(max(1, per_framework // 10)):
            crit = []
            for c in range(10):
                cid = f"{s + 1}.{c + 1}"
                mapping = [f"fw{(f + 1) % frameworks}:{cid}"] if frameworks > 1 and rng.random() < 0.2 else []
                crit.append(
                    {
                        "id": cid,
                        "title": {"ky": f"Критерий {cid} ң ө ү", "en": f"Criterion {cid}"},
                        "evidence": {
                            "min_count": rng.choice([1, 2, 3]),
                            "kinds": rng.sample(KINDS, rng.choice([0, 1, 2])),
                        },
                        "maps_to": mapping,
                    }
                )
                qids.append(f"{fid}:{cid}")
            standards.append({"id": str(s + 1), "title": {"en": f"Standard {s + 1}"}, "criteria": crit})
        catalogue = {
            "framework": {"id": fid, "title": {"en": f"Framework {f}"}, "kind": "institutional"},
            "standards": standards,
        }
        (root / "criteria").mkdir(exist_ok=True)
        (root / "criteria" / f"{fid}.yaml").write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")
    config = {
        "institution": {"ky": "Синтетикалык университет", "en": "Synthetic University"},
        "language": "ky",
        "frameworks": [f"fw{f}" for f in range(frameworks)],
    }
    (root / "selfassess.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    items = []
    for i in range(evidence):
        folder = f"бөлүм {i % 50:02d}/папка {i % 7}"
        rel = f"{folder}/документ {i:06d}.pdf"
        path = root / "evidence" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4 synthetic\n" + rng.randbytes(10_000))
        year = rng.choice([2021, 2022, 2023, 2024, 2025, 2026])
        item = {
            "id": f"E-{i:06d}",
            "title": f"Далил {i} — Өзүн-өзү баалоо",
            "file": rel,
            "kind": rng.choice(KINDS),
            "owner": f"Бөлүм {i % 50}",
            "issued": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "criteria": rng.sample(qids, rng.choice([1, 2, 3])),
        }
        if rng.random() < 0.1:
            item["valid_until"] = f"{year + rng.choice([1, 2, 3])}-06-30"
        items.append(item)
    if register == "yaml":
        text = yaml.dump(items, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        (root / "evidence" / "register.yaml").write_text(text, encoding="utf-8")
    else:
        import csv

        with open(root / "evidence" / "register.csv", "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [
                    "Код",
                    "Наименование",
                    "Файл",
                    "Вид",
                    "Ответственное подразделение",
                    "Дата",
                    "Действует до",
                    "Критерии",
                ]
            )
            for it in items:
                writer.writerow(
                    [
                        it["id"],
                        it["title"],
                        it["file"],
                        it["kind"],
                        it["owner"],
                        it["issued"],
                        it.get("valid_until", ""),
                        "; ".join(it["criteria"]),
                    ]
                )
    return root


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--criteria", type=int, default=1000)
    parser.add_argument("--evidence", type=int, default=1000)
    parser.add_argument("--register", choices=["yaml", "csv"], default="yaml")
    parser.add_argument("--frameworks", type=int, default=FRAMEWORKS)
    args = parser.parse_args()
    generate(args.folder, args.criteria, args.evidence, args.register, frameworks=args.frameworks)
    print(f"wrote {args.folder}")
