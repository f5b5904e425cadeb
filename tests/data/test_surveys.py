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
from selfassess.workspace.settings import load_config

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
        ("bad-answer", "evidence/s.xlsx:Жооптор!D2: Q2: 1 answer is 7, outside the scale 1–5; left out (row 2)"),
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


def survey_csv(ws: Workspace, lines: list[str], spec: str) -> tuple:
    ws.write("evidence/s.csv", "\n".join(lines) + "\n")
    ws.write("indicators/surveys.yaml", "- {id: s, title: {en: S}, group: students, file: s.csv, " + spec + "}\n")
    config, problems = load_config(ws.root)
    assert problems == []
    [result], findings = load_surveys(ws.root, ws.root / "evidence", config)
    assert findings == []
    return result


def test_no_answer_codes_are_counted_apart_and_reported_once_per_item_and_value(ws: Workspace) -> None:
    lines = ["Программа;Q1;Q2"]
    lines += [f"580100;{4 if i % 2 else 5};Затрудняюсь ответить" for i in range(6)]
    lines += ["580100;9;3", "580100;Кыйналам;2", "580100;не знаю;4", "580100;не знаю;1"]
    spec = "items: [Q1, Q2], min_n: 1, scale: {points: 5, no_answer: [Затрудняюсь ответить, 9]}, no_answer: [кыйналам]"
    result = survey_csv(ws, lines, spec)
    q1, q2 = result.items["Q1"], result.items["Q2"]
    assert (q1.n, q1.no_answer, q1.mean) == (6, 2, 4.5)  # 9 and «Кыйналам» are no answers, not 9 points
    assert (q2.n, q2.no_answer, q2.mean) == (4, 6, 2.5)  # six «Затрудняюсь ответить» out of the mean
    assert q2.top2 == 25.0  # 1 of 4 answers, not 1 of 10
    assert result.respondents == 10
    [odd] = result.findings  # «не знаю» is not declared: one warning for two cells
    assert odd.code == "bad-answer" and str(odd.where) == "evidence/s.csv:10"
    assert odd.message == "Q1: 2 answers are 'не знаю', which is not a point of the scale 1–5; left out (rows 10, 11)"
    assert "no_answer: ['не знаю']" in (odd.hint or "")


def test_cronbach_alpha_and_item_rest_correlations_against_a_hand_computation(ws: Workspace) -> None:
    answers = [(5, 4, 5), (4, 4, 4), (2, 3, 2), (3, 3, 2), (1, 2, 1), (4, 5, 4), (None, 4, 4)]
    lines = ["Q1,Q2,Q3"] + [",".join("" if v is None else str(v) for v in row) for row in answers]
    result = survey_csv(ws, lines, "items: [Q1, Q2, Q3], min_n: 1, blocks: {all: [Q1, Q2, Q3]}")
    complete = pd.DataFrame([row for row in answers if None not in row], columns=["Q1", "Q2", "Q3"])
    k = 3
    alpha = k / (k - 1) * (1 - complete.var().sum() / complete.sum(axis=1).var())
    reliability = result.reliability["all"]
    assert reliability.n == 6  # the respondent who skipped Q1 is not in α
    assert reliability.alpha == pytest.approx(alpha, abs=5e-4) and reliability.alpha > 0.9
    rest = complete[["Q2", "Q3"]].sum(axis=1)
    assert reliability.item_rest["Q1"] == pytest.approx(complete["Q1"].corr(rest), abs=5e-4)
    shown = CliRunner().invoke(main, ["-C", str(ws.root), "surveys"]).output
    assert f"α {reliability.alpha:.2f} (n=6)" in shown and "item-rest r" in shown
    rows = json.loads(CliRunner().invoke(main, ["-C", str(ws.root), "surveys", "--format", "json"]).output)[0]["rows"]
    [block] = [r for r in rows if r["item"] == "[all]"]
    assert (block["alpha"], block["alpha_n"]) == (reliability.alpha, 6)


def test_one_programme_written_three_ways_is_one_group(ws: Workspace) -> None:
    ws.write(
        "selfassess.yaml",
        (ws.root / "selfassess.yaml").read_text(encoding="utf-8")
        + "programmes:\n  - {id: '580100', title: {ky: Экономика, ru: Экономика, en: Economics}}\n"
        + "  - {id: '710400', title: {ky: Программалык инженерия, ru: Программная инженерия}, aliases: [ПИ]}\n",
    )
    lines = ["Программа;Q1"]
    lines += [f"{name};4" for name in ("Экономика", "экономика ", "Economics", "580100 Экономика", "ПИ", "пи")]
    lines += ["Физика;5", "Физика;5", "—;3"]
    result = survey_csv(ws, lines, "items: [Q1], min_n: 1, by: [Программа]")
    groups = result.by["Программа"]
    assert sorted(groups) == ["580100", "710400"]  # no group for the spelling, for Физика or for «—»
    assert groups["580100"]["Q1"].n == 4 and groups["710400"]["Q1"].n == 2
    assert result.items["Q1"].n == 9  # every answer still counts overall
    [unknown] = result.findings
    assert unknown.code == "unknown-value" and str(unknown.where) == "evidence/s.csv:8"
    assert "'Физика' is not one of 580100, 710400; left out of the groups in 2 rows (8, 9)" in unknown.message
    kept = survey_csv(ws, lines, "items: [Q1], min_n: 1, by: [{column: Программа, other: keep}]")
    assert sorted(kept.by["Программа"]) == ["580100", "710400", "Физика"] and not kept.findings


def test_a_survey_without_items_or_with_one_twice(ws: Workspace) -> None:
    ws.write("evidence/s.csv", "Q1\n4\n")
    for items, said in (("[]", "name the item columns"), ("[Q1, Q1]", "Q1 is listed twice")):
        ws.write(
            "indicators/surveys.yaml", f"- {{id: s, title: {{en: S}}, group: students, file: s.csv, items: {items}}}\n"
        )
        results, findings = load_surveys(ws.root, ws.root / "evidence")
        assert results == [] and any(said in f.message for f in findings), findings
