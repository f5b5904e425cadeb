"""Numbers the narratives quote next to an indicator's name agree with the computed values."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import Workspace, sample_copy

from selfassess.check.pipeline import check

AS_OF = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]

SOURCES = """\
- id: staff
  file: staff.csv
  columns:
    dept: {names: [Кафедра]}
    degree: {names: [Степень]}
    n: {names: [Ставка], type: number}
"""
INDICATOR = """\
- id: STAFF-02
  title: {ky: Илимий даражасы барлардын үлүшү, ru: Доля преподавателей с учёной степенью (по ставкам), en: Degree share}
  source: staff
  share: {degree: {not_in: ["—"]}}
  weight: n
  by: [dept]
  unit: percent
  criteria: ['t:1.1']
- id: HEADS
  title: {en: Headcount}
  source: staff
  count: true
  criteria: ['t:1.1']
"""


def numbers_found(ws: Workspace, text: str) -> list[str]:
    ws.write("narratives/t/1.1.md", text)
    report = check(ws.root, AS_OF)
    return [f"{f.where}: {f.message}" for f in report.findings if f.code == "narrative-number"]


def test_a_number_next_to_an_indicator_must_be_one_of_its_values(ws: Workspace) -> None:
    ws.write("evidence/staff.csv", "Кафедра,Степень,Ставка\nA,к.н.,1\nA,—,1\nB,д.н.,0.5\nB,к.н.,0.5\nB,—,1\n")
    ws.write("indicators/sources.yaml", SOURCES)
    ws.write("indicators/indicators.yaml", INDICATOR)
    # Computed: 50 % overall, 50 % in A, 50 % in B; 5 heads.
    agree = (
        "Доля преподавателей с учёной степенью (по ставкам) — 50,0 %.\n\n"
        "Доля преподавателей с учёной степенью по ставкам составила 50 %; в 2025 году было 71 %.\n\n"
        "Илимий даражасы барлардын үлүшү 50 %ды түздү.\n\n"
        "Со степенью — 49,97 %? No: 50 % (STAFF-02), and 5 people (HEADS).\n\n"
        "| Доля преподавателей с учёной степенью (по ставкам), % | 47,1 | 50 |\n\n"
        "Доля преподавателей с учёной степенью по ставкам превышает 45 %, с 40 % до 50 %.\n\n"
        "Илимий даражасы барлардын үлүшү 45 %дан жогору.\n"
    )
    assert numbers_found(ws, agree) == []
    wrong = (
        "Intro.\n\nДоля преподавателей с учёной степенью (по ставкам) — 56,9 %, выше прошлого года.\n\n"
        "We count 59.7 % (STAFF-02) and 6 people (HEADS).\n"
    )
    assert numbers_found(ws, wrong) == [
        "narratives/t/1.1.md:3: the text gives 56,9 % for STAFF-02 (Degree share), but the data give 50 % "
        "(overall) and no group or year gives it",
        "narratives/t/1.1.md:5: the text gives 59.7 % for STAFF-02 (Degree share), but the data give 50 % "
        "(overall) and no group or year gives it",
        "narratives/t/1.1.md:5: the text gives 6 for HEADS (Headcount), but the data give 5 (overall) "
        "and no group or year gives it",
    ]
    # A value rounds as the text rounds it: 57 % would stand for 56.5–57.5.
    assert numbers_found(ws, "Доля преподавателей с учёной степенью (по ставкам) — 51 %.\n") != []
    assert numbers_found(ws, "Доля преподавателей с учёной степенью (по ставкам) — 50,04 %.\n") != []


def test_the_sample_narratives_quote_the_values_its_data_give() -> None:
    report = check(ROOT, AS_OF)
    assert [str(f) for f in report.findings if f.code == "narrative-number"] == []
    values = {r.indicator.id: r.overall.value for r in report.indicators.results if r.overall}
    assert values["RES-01"] == 3.16  # 58,280 m² for 18,455 full-time students, as the texts say
    assert values["STAFF-02"] == 59.7  # the six departments; the texts give 56.9 % for the whole university
    quoted = {
        "narratives/esg2015/1.6.md": "3,16 м² (показатель RES-01) на одного студента очной формы",
        "narratives/knu-bsmjab/1.4.3.md": "3,16 м² (RES-01 көрсөткүчү)",
        "narratives/esg2015/1.5.md": "по ставкам — 59,7 % (STAFF-02)",
    }
    for path, text in quoted.items():
        assert text in (ROOT / path).read_text(encoding="utf-8"), path


def test_the_rule_catches_the_sample_when_its_data_and_text_disagree(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    indicators = root / "indicators" / "indicators.yaml"
    # The old denominator: students of the four faculties the AIS extract covers, not the university.
    text = indicators.read_text(encoding="utf-8").replace(
        "{source: contingent_all, sum: full_time}", "{source: contingent, sum: students}"
    )
    indicators.write_text(text, encoding="utf-8")
    shutil.rmtree(root / "narratives" / "prog-acc")
    found = [str(f.where) for f in check(root, AS_OF).findings if f.code == "narrative-number"]
    assert sorted(found) == ["narratives/esg2015/1.6.md:22", "narratives/knu-bsmjab/1.4.3.md:29"]
