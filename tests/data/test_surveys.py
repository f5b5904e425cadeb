"""Surveys: Likert statistics, checked against the survey office's own summary sheets."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import Workspace
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from selfassess.cli import main
from selfassess.data.surveys import likert, load_surveys

ROOT = Path(__file__).resolve().parents[2]


def test_likert_statistics_by_hand() -> None:
    stats = likert(pd.Series([1, 2, 4, 5, 5, None]), scale=5)
    assert stats.n == 5
    assert stats.mean == 3.4
    assert stats.ci95 == round(1.96 * pd.Series([1, 2, 4, 5, 5]).std() / 5**0.5, 2)
    assert stats.top2 == 60.0
    assert stats.index == 60.0  # (3.4 - 1) / 4
    assert stats.distribution == {1: 1, 2: 1, 3: 0, 4: 1, 5: 2}


def test_small_cells_are_suppressed() -> None:
    stats = likert(pd.Series([5] * 9), scale=5, min_n=10)
    assert stats.suppressed and stats.mean is None and stats.n == 9


@pytest.mark.parametrize(
    ("survey", "sheet", "code"),
    [("students-2026", "Жыйынтык", "S"), ("graduates-2026", "Жыйынтык", "G"), ("employers-2026", "Итоги", "E")],
)
def test_sample_surveys_agree_with_the_survey_offices_summary(survey: str, sheet: str, code: str) -> None:
    results, findings = load_surveys(ROOT, ROOT / "evidence")
    assert findings == []
    [result] = [r for r in results if r.spec.id == survey]
    summary = CalamineWorkbook.from_path(str(ROOT / "evidence" / result.spec.file)).get_sheet_by_name(sheet).to_python()
    rows = [r for r in summary if str(r[0]).startswith(code) and str(r[0])[1:].isdigit()]
    assert rows
    for row in rows:
        stats = result.items[str(row[0])]
        assert (stats.n, stats.mean, stats.top2) == (int(row[2]), round(float(row[3]), 2), round(float(row[4]), 1)), (
            row[0]
        )


def test_answers_outside_the_scale_and_by_group(ws: Workspace) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Жооптор"
    sheet.append(["ID", "Факультет", "Q1", "Q2", "Сунуш"])
    for i in range(22):
        group = "A" if i < 11 else "C" if i < 21 else "B"
        sheet.append([f"R{i}", group, 4, 5 if i else 7, "Wi-Fi керек" if i == 0 else None])
    book.save(ws.root / "evidence" / "s.xlsx")
    ws.write(
        "indicators/surveys.yaml",
        "- {id: s, title: {en: S}, group: students, file: s.xlsx, items: [Q1, Q2], by: [Факультет], "
        "blocks: {all: [Q1, Q2, Q3]}, open: [Сунуш], invited: 20}\n",
    )
    [result], findings = load_surveys(ws.root, ws.root / "evidence")
    assert findings == []
    assert [(f.code, f"{f.where}: {f.message}") for f in result.findings] == [
        ("bad-value", "evidence/s.xlsx:Жооптор!A2: Q2: the answer 7 is outside the scale 1–5; it is left out"),
        ("response-rate", "indicators/surveys.yaml:1: 22 people answered but only 20 were invited"),
        ("unknown-item", "indicators/surveys.yaml:1: block 'all' names 'Q3', which is not among the items"),
    ]
    assert (result.respondents, result.response_rate) == (22, 110.0)
    assert result.items["Q2"].n == 21
    assert result.blocks["all"].n == 43
    groups = result.by["Факультет"]
    assert groups["A"]["Q1"].mean == 4.0
    assert groups["B"]["Q1"].suppressed  # 1 respondent
    assert groups["C"]["Q1"].suppressed  # 10 respondents, hidden too: else B = total − A − C
    assert result.open_answers == ["Wi-Fi керек"]


def test_surveys_command(ws: Workspace) -> None:
    result = CliRunner().invoke(main, ["-C", str(ROOT), "surveys", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["id"] for d in data] == ["students-2026", "teachers-by-students-2026", "graduates-2026", "employers-2026"]
    employers = next(d for d in data if d["id"] == "employers-2026")
    students = next(d for d in data if d["id"] == "students-2026")
    [block] = [r for r in students["rows"] if r["group"] == "overall" and r["item"] == "[teaching]"]
    assert block["text"] == "Окутуу (блок)"  # the block's title in the document language
    assert all(r["suppressed"] for r in employers["rows"] if r["group"].startswith("Сектор: ИТ"))
    empty = ws.run("surveys")
    assert empty.exit_code == 1
    assert "this workspace declares no surveys" in empty.output
