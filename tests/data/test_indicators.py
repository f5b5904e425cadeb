"""Indicators over tiny data sources: every computation, encodings, bad rows, thresholds, check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Workspace
from openpyxl import Workbook

from selfassess.data.indicators import load_and_compute
from selfassess.workspace.settings import load_config

STAFF_CSV = """\
Кафедра;Учёная степень;Штат/совместитель;Ставка;Год
Экономика;к.э.н.;штатный;1,0;2025
Экономика;—;штатный;0,5;2025
Экономика;д.э.н.;внешний совместитель;0,25;2026
Финансы;к.э.н.;штатный;1;2026
Финансы;—;почасовик;0,5;2026
"""

SOURCES = """\
- id: staff
  file: staff.csv
  columns:
    department: {names: [Кафедра, Кафедрасы, Department]}
    degree: {names: [Учёная степень, Илимий даражасы]}
    employment: {names: [Штат/совместитель], allowed: [штатный, внешний совместитель, почасовик]}
    fte: {names: [Ставка, FTE], type: number}
    year: {names: [Год, Жыл], type: year}
"""


def indicator(ident: str, body: str) -> str:
    return f"- id: {ident}\n  title: {{en: {ident}}}\n" + "".join(f"  {line}\n" for line in body.strip().splitlines())


@pytest.fixture
def data(ws: Workspace) -> Workspace:
    ws.write("evidence/staff.csv", STAFF_CSV)
    ws.write("indicators/sources.yaml", SOURCES)
    return ws


def values(ws: Workspace, definitions: str) -> dict[str, list[tuple[dict[str, str], float | None, int, str]]]:
    ws.write("indicators/indicators.yaml", definitions)
    computed = load_and_compute(ws.root, ws.root / "evidence")
    assert computed is not None
    problems = [
        str(f) for f in computed.findings + [f for r in computed.results for f in r.findings] if f.severity == "error"
    ]
    assert problems == []
    return {r.indicator.id: [(v.dims, v.value, v.n, v.status) for v in r.values] for r in computed.results}


def test_share_by_headcount_and_by_fte_with_dimensions(data: Workspace) -> None:
    got = values(
        data,
        indicator(
            "H",
            "source: staff\nshare: {degree: {not_in: ['—']}}\nby: [department]\nunit: percent\nthreshold: {min: 60}",
        )
        + indicator("F", "source: staff\nshare: {degree: {not_in: ['—']}}\nweight: fte\nunit: percent"),
    )
    assert got["H"] == [
        ({}, 60.0, 5, "ok"),
        ({"department": "Финансы"}, 50.0, 2, "below"),
        ({"department": "Экономика"}, 66.7, 3, "ok"),
    ]
    assert got["F"] == [({}, 69.2, 5, "no-threshold")]  # (1 + 0.25 + 1) / 3.25


def test_count_distinct_sum_mean_median_weighted_mean_and_filter(data: Workspace) -> None:
    got = values(
        data,
        indicator("C", "source: staff\ncount: {employment: штатный}")
        + indicator("D", "source: staff\ndistinct: department")
        + indicator("S", "source: staff\nsum: fte\ndecimals: 2")
        + indicator("M", "source: staff\nmean: fte\ndecimals: 2")
        + indicator("Md", "source: staff\nmedian: fte")
        + indicator("W", "source: staff\nweighted_mean: {column: year, weight: fte}")
        + indicator("Flt", "source: staff\nfilter: {year: {gte: 2026}}\ncount: true"),
    )
    assert got["C"] == [({}, 3.0, 5, "no-threshold")]
    assert got["D"] == [({}, 2.0, 5, "no-threshold")]
    assert got["S"] == [({}, 3.25, 5, "no-threshold")]
    assert got["M"] == [({}, 0.65, 5, "no-threshold")]
    assert got["Md"] == [({}, 0.5, 5, "no-threshold")]
    assert got["W"] == [({}, 2025.5, 5, "no-threshold")]  # (2025*1.5 + 2026*1.75) / 3.25
    assert got["Flt"] == [({}, 3.0, 3, "no-threshold")]


def test_ratio_of_two_sources_with_a_legal_threshold(data: Workspace) -> None:
    data.write("evidence/area.csv", "Building,Teaching area\nMain,450\nSecond,150\n")
    data.write("evidence/students.csv", "Faculty,Total\nA,120\nB,80\n")
    data.write(
        "indicators/sources.yaml",
        SOURCES
        + "- id: area\n  file: area.csv\n  columns: {area: {names: [Teaching area], type: number}}\n"
        + "- id: students\n  file: students.csv\n  columns: {n: {names: [Total], type: integer}}\n",
    )
    got = values(
        data,
        indicator(
            "RES-01",
            "numerator: {source: area, sum: area}\ndenominator: {source: students, sum: n}\nunit: m2\ndecimals: 2\n"
            "threshold: {min: 3, provenance: legal}",
        ),
    )
    assert got["RES-01"] == [({}, 3.0, 2, "ok")]


def test_trend_by_year(data: Workspace) -> None:
    data.write(
        "indicators/indicators.yaml",
        indicator("T", "source: staff\nshare: {employment: штатный}\nunit: percent\nyear: year"),
    )
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    assert computed.results[0].trend == {"2025": 100.0, "2026": 33.3}


def test_cp1251_source_keeps_its_letters_and_warns(data: Workspace) -> None:
    (data.root / "evidence" / "staff.csv").write_bytes(STAFF_CSV.encode("cp1251"))
    got = values(data, indicator("C", "source: staff\ncount: {department: Экономика}"))
    assert got["C"] == [({}, 3.0, 5, "no-threshold")]
    computed = load_and_compute(data.root, data.root / "evidence")
    assert [str(f.where) + ": " + f.message for f in computed.findings] == [
        "evidence/staff.csv: the file is not UTF-8; it was read as Windows-1251 (Cyrillic), which has no ң, ө, ү"
    ]


def test_excel_source_with_a_title_row_and_kyrgyz_headers(data: Workspace) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Курам"
    sheet.append(["Окутуучулардын тизмеси, 2026"])
    sheet.append(["Кафедрасы", "Илимий даражасы", "Штат/совместитель", "FTE", "Жыл"])
    sheet.append(["Физика", "PhD", "штатный", 1, 2026])
    sheet.append(["Физика", "—", "штатный", 1, 2026])
    book.save(data.root / "evidence" / "staff.xlsx")
    data.write("indicators/sources.yaml", SOURCES.replace("file: staff.csv", "file: staff.xlsx\n  sheet: курам"))
    got = values(data, indicator("H", "source: staff\nshare: {degree: {not_in: ['—']}}\nunit: percent"))
    assert got["H"] == [({}, 50.0, 2, "no-threshold")]


def test_bad_cells_are_reported_by_row_and_left_out(data: Workspace) -> None:
    data.write(
        "evidence/staff.csv", STAFF_CSV.replace("Финансы;—;почасовик;0,5;2026", "Финансы;—;почасовек;пол ставки;2026")
    )
    data.write("indicators/indicators.yaml", indicator("S", "source: staff\nsum: fte\ndecimals: 2"))
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    messages = [f"{f.where}: {f.code}: {f.message}" for f in computed.findings]
    assert messages == [
        "evidence/staff.csv:6: unknown-value: column 'Штат/совместитель': 'почасовек' is not one of штатный, "
        "внешний совместитель, почасовик; left out of the groups in row 6 (counted in totals only)",
        "evidence/staff.csv:6: bad-value: column 'Ставка': 'пол ставки' is not a number; this value is left out",
    ]
    assert computed.findings[0].hint.startswith("did you mean 'почасовик'?")
    assert [(v.value, v.n) for v in computed.results[0].values] == [(2.75, 4)]
    assert computed.results[0].lineage == ["evidence/staff.csv: all rows; 5 of 5 rows"]


def test_missing_file_column_and_unknown_source(data: Workspace) -> None:
    data.write("indicators/sources.yaml", SOURCES + "- id: gone\n  file: nowhere.csv\n  columns: {a: {names: [A]}}\n")
    data.write("evidence/staff.csv", STAFF_CSV.replace("Ставка", "Ставки"))
    data.write(
        "indicators/indicators.yaml",
        indicator("X", "source: nothing\ncount: true") + indicator("Y", "source: staff\nsum: salary"),
    )
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    messages = [
        f"{f.where}: {f.code}: {f.message}"
        for f in computed.findings + [f for r in computed.results for f in r.findings]
    ]
    codes = {f.code for f in computed.findings + [f for r in computed.results for f in r.findings]}
    assert codes == {"missing-column", "missing-source", "unknown-source", "unknown-column"}
    assert "evidence/staff.csv:1: missing-column: there is no column 'Ставка' (fte)" in messages
    assert "evidence/nowhere.csv: missing-source: the data source file does not exist" in messages
    assert (
        "indicators/indicators.yaml:1: unknown-source: X uses the data source 'nothing', which sources.yaml does not declare"
        in messages
    )
    assert (
        "indicators/indicators.yaml:5: unknown-column: Y uses the column 'salary', which the source 'staff' does not declare"
        in messages
    )


def test_no_header_and_a_wrong_sheet(data: Workspace) -> None:
    data.write("evidence/staff.csv", "1;2;3\n4;5;6\n")
    book = Workbook()
    book.active.title = "Data"
    book.save(data.root / "evidence" / "b.xlsx")
    data.write(
        "indicators/sources.yaml", SOURCES + "- id: b\n  file: b.xlsx\n  sheet: Свод\n  columns: {a: {names: [A]}}\n"
    )
    data.write("indicators/indicators.yaml", "[]\n")
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    messages = [f"{f.where}: {f.code}: {f.message}" for f in computed.findings]
    assert messages == [
        "evidence/staff.csv:1: no-header: cannot find the header row naming the columns of this data source",
        "evidence/b.xlsx: missing-source: the workbook has no sheet 'Свод'; its sheets: Data",
    ]


def test_definitions_are_validated_with_their_line(data: Workspace) -> None:
    data.write(
        "indicators/indicators.yaml",
        indicator("A", "source: staff\nsum: fte\nmean: fte") + indicator("B", "numerator: {source: staff, sum: fte}"),
    )
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    messages = [f"{f.where}: {f.message}" for f in computed.findings]
    assert messages == [
        "indicators/indicators.yaml:1: give exactly one of count, distinct, sum, mean, median, share, weighted_mean",
        "indicators/indicators.yaml:6: a ratio needs both numerator and denominator",
    ]


def test_failing_indicator_is_a_finding_on_its_criterion(data: Workspace) -> None:
    data.write(
        "indicators/indicators.yaml",
        indicator(
            "STAFF-01",
            "source: staff\nshare: {degree: {not_in: ['—']}}\nby: [department]\nunit: percent\n"
            "threshold: {min: 65, provenance: agency}\ncriteria: ['t:1.1']",
        ),
    )
    [policy] = [r for r in data.check().criteria if r.qid == "t:1.1"]
    assert [f.message for f in policy.findings if f.code == "indicator-threshold"] == [
        "STAFF-01 (overall) is 60 %, below the minimum 65 (agency)",
        "STAFF-01 (department Финансы) is 50 %, below the minimum 65 (agency)",
    ]


def test_indicators_command_formats(data: Workspace) -> None:
    data.write(
        "indicators/indicators.yaml",
        indicator("H", "source: staff\nshare: {degree: {not_in: ['—']}}\nunit: percent\nthreshold: {min: 50}"),
    )
    result = data.run("indicators", "--format", "json")
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.output)["indicators"]
    assert entry["values"] == [{"dimensions": {}, "value": 60.0, "n": 5, "status": "ok"}]
    assert entry["lineage"] == ["evidence/staff.csv: all rows; 5 of 5 rows"]
    csv_text = data.run("indicators", "--format", "csv").output
    assert csv_text.splitlines()[1].startswith("H,H,overall,60.0,%,5,≥ 50 (institutional),ok")
    assert "| H H | overall | 60 % | 5 | ≥ 50 (institutional) | ok |" in data.run("indicators", "--format", "md").output
    text = data.run("indicators").output
    assert "60 %" in text
    assert "from evidence/staff.csv: all rows; 5 of 5 rows" in text  # where the value came from


def test_workspace_without_indicators(ws: Workspace, tmp_path: Path) -> None:
    result = ws.run("indicators")
    assert result.exit_code == 1
    assert "this workspace has no indicators/ folder" in result.output


def test_utf8_with_bom_and_comma_separated(data: Workspace) -> None:
    text = STAFF_CSV.replace(";", ",").replace("1,0", "1").replace("0,5", "0.5").replace("0,25", "0.25")
    (data.root / "evidence" / "staff.csv").write_bytes(text.encode("utf-8-sig"))
    got = values(
        data,
        indicator("S", "source: staff\nsum: fte\ndecimals: 2")
        + indicator("K", "source: staff\ncount: {department: Экономика}"),
    )
    assert got["S"] == [({}, 3.25, 5, "no-threshold")]
    assert got["K"] == [({}, 3.0, 5, "no-threshold")]
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None and computed.findings == []


def test_profile_match_compares_two_columns_of_a_row(ws: Workspace) -> None:
    ws.write(
        "evidence/s.csv",
        "Кафедра,Отрасль,Профиль\nA,экономика,Экономика\nA,право,экономика\nB,математика,математика\nB,,математика\n",
    )
    ws.write(
        "indicators/sources.yaml",
        "- id: s\n  file: s.csv\n  columns:\n    dept: {names: [Кафедра]}\n    field: {names: [Отрасль]}\n    profile: {names: [Профиль]}\n",
    )
    got = values(
        ws,
        indicator(
            "M",
            "source: s\nfilter: {field: {empty: false}}\nshare: {field: {same_as: profile}}\nby: [dept]\nunit: percent",
        ),
    )
    assert got["M"] == [
        ({}, 66.7, 3, "no-threshold"),
        ({"dept": "A"}, 50.0, 2, "no-threshold"),
        ({"dept": "B"}, 100.0, 1, "no-threshold"),
    ]


def test_csv_titles_blank_lines_long_rows_and_quoted_cells(data: Workspace) -> None:
    data.write(
        "evidence/staff.csv",
        "Отчёт за 2026 год\n\nКафедра;Учёная степень;Штат/совместитель;Ставка;Год\n"
        "Экономика;к.э.н.;штатный;1;2026\n"
        "Экономика;—;штатный;0,5;2026;лишнее\n"
        "   ;  ;;;\n"
        "Финансы;—;почасовик;x;2026\n",
    )
    data.write("indicators/indicators.yaml", indicator("S", "source: staff\nsum: fte\ndecimals: 2"))
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    assert [f"{f.where}: {f.code}" for f in computed.findings] == [
        "evidence/staff.csv:5: malformed-row",
        "evidence/staff.csv:7: bad-value",
    ]
    assert [(v.value, v.n) for v in computed.results[0].values] == [(1.0, 1)]  # line 5 is not used
    assert computed.results[0].lineage == [
        "evidence/staff.csv: all rows; 2 of 3 rows; 1 left out as malformed (lines 5)"
    ]
    data.write(
        "evidence/staff.csv",
        'Кафедра;Учёная степень;Штат/совместитель;Ставка;Год\n"Эко\nномика";к.э.н.;штатный;1;2026\nФинансы;—;почасовик;x;2026\n',
    )
    computed = load_and_compute(data.root, data.root / "evidence")
    assert [f"{f.where}: {f.code}" for f in computed.findings] == ["evidence/staff.csv:4: bad-value"]


def test_a_row_with_a_separator_too_many_is_used_by_no_computation(data: Workspace) -> None:
    """An HR export: an unquoted ';' inside a job title shifts the degree into the wrong column."""
    rows = ["Кафедра;Должность;Учёная степень;Штат/совместитель;Ставка;Год"]
    rows += [f"Физика;доцент;{'к.ф.-м.н.' if i < 4 else '—'};штатный;1;2026" for i in range(10)]
    rows.insert(4, "Физика;ст. преподаватель; совместитель;—;штатный;1;2026")  # line 5: 7 cells
    rows.insert(8, "Физика;ассистент;штатный;1")  # line 9: the year and the rate are missing
    (data.root / "evidence" / "staff.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1251"))  # as Excel saves
    data.write(
        "indicators/indicators.yaml",
        indicator("H", "source: staff\nshare: {degree: {not_in: ['—']}}\nby: [department]\nunit: percent"),
    )
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    problems = [(str(f.where), f.code, f.message) for f in computed.findings]
    assert [p[:2] for p in problems] == [
        ("evidence/staff.csv", "encoding"),
        ("evidence/staff.csv:5", "malformed-row"),
        ("evidence/staff.csv:9", "malformed-row"),
    ]
    assert "7 cells but the header names 6" in problems[1][2] and "whole row is left out" in problems[1][2]
    assert "4 cells but the header names 6 ('Ставка' is missing)" in problems[2][2]
    [result] = computed.results
    assert result.values[0].value == 40.0 and result.values[0].n == 10  # 4 of 10, not 5 of 11 nor 4 of 12
    assert result.lineage == ["evidence/staff.csv: all rows; 10 of 12 rows; 2 left out as malformed (lines 5, 9)"]
    assert result.lineage_in("ru") == [
        "evidence/staff.csv: все строки; 10 из 12 строк; 2 с ошибками не учтено (строки 5, 9)"
    ]


def test_conditions_compare_as_the_column_type_and_yes_stays_text(data: Workspace) -> None:
    data.write("evidence/flags.csv", "Год,Ставка,Ответ\n2024,1,yes\n2025,0.5,no\n2025,,yes\n")
    data.write(
        "indicators/sources.yaml",
        SOURCES
        + "- id: f\n  file: flags.csv\n  columns:\n    year: {names: [Год], type: year}\n"
        + "    fte: {names: [Ставка], type: number}\n    answer: {names: [Ответ]}\n",
    )
    got = values(
        data,
        indicator("Y", "source: f\ncount: {year: {in: [2024, '2025']}}")
        + indicator("T", "source: f\ncount: {year: '2025'}")
        + indicator("A", "source: f\ncount: {answer: yes}")
        + indicator("N", "source: f\ncount: {fte: null}")
        + indicator("E", "source: f\ncount: {fte: {ne: null}}"),
    )
    assert [got[k][0][1] for k in ("Y", "T", "A", "N", "E")] == [3.0, 2.0, 2.0, 1.0, 2.0]


def test_an_indicator_that_cannot_be_computed_is_a_finding_not_a_crash(data: Workspace) -> None:
    data.write(
        "indicators/indicators.yaml",
        indicator("W", "source: staff\nsum: department")
        + indicator("D", "source: staff\ncount: true")
        + indicator("D", "source: staff\ncount: true")
        + indicator("R", "source: staff\nweighted_mean: {value: fte, weight: fte}"),
    )
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    codes = [(f.code, f.message) for f in computed.findings + [f for r in computed.results for f in r.findings]]
    assert ("wrong-type", "W computes with the column 'department', which 'staff' declares as text") in codes
    assert ("duplicate-id", "the indicator id D is used twice") in codes
    assert any(c == "invalid-field" and "weighted_mean needs exactly 'column' and 'weight'" in m for c, m in codes)
    check = data.run("check", "--fail-on", "none")
    assert check.exit_code == 1  # errors in the files, reported; no internal error
    assert "internal error" not in check.output


def test_files_that_are_not_lists_and_sources_outside_evidence(data: Workspace, tmp_path: Path) -> None:
    data.write("indicators/indicators.yaml", "id: X\n")
    data.write("indicators/sources.yaml", "staff\n")
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    assert {f.code for f in computed.findings} == {"invalid-indicators", "invalid-sources"}
    outside = tmp_path / "secret.csv"
    outside.write_text("A\n1\n")
    (data.root / "evidence" / "link.csv").symlink_to(outside)
    data.write(
        "indicators/sources.yaml",
        "- {id: s, file: link.csv, columns: {a: {names: [A]}}}\n- {id: t, file: ../x.csv, columns: {a: {names: [A]}}}\n",
    )
    data.write("indicators/indicators.yaml", "[]\n")
    computed = load_and_compute(data.root, data.root / "evidence")
    assert [f"{f.where}: {f.code}" for f in computed.findings] == [
        "evidence/link.csv: path-escape",
        "evidence/../x.csv: path-escape",
    ]


def test_the_status_is_judged_before_rounding(data: Workspace) -> None:
    got = values(data, indicator("M", "source: staff\nmean: fte\ndecimals: 0\nthreshold: {min: 0.66}"))
    assert got["M"] == [({}, 1.0, 5, "below")]  # 0.65 shows as 1 (half up) but is below 0.66


def test_value_aliases_fold_spellings_into_one_group_and_say_what_they_drop(data: Workspace) -> None:
    data.write(
        "evidence/units.csv",
        "Факультет;Кафедра;Студенты\n"
        "Экономический факультет;Финансы;100\nЭФ;Экономика;50\nэкономика факультети ;Учёт;30\n"
        "ФМИК;ПИ;70\nФизфак;Физика;40\nФизфак;Оптика;10\n—;Прочие;5\n",
    )
    faculties = (
        "faculties:\n"
        "  - {title: {ky: Экономика факультети, ru: Экономический факультет}, aliases: [ЭФ]}\n"
        "  - {id: FMIK, title: {ky: Математика факультети}, aliases: [ФМИК]}\n"
    )
    config = data.root / "selfassess.yaml"
    config.write_text(config.read_text(encoding="utf-8") + faculties, encoding="utf-8")
    source = "- id: units\n  file: units.csv\n  columns:\n    faculty: {names: [Факультет]%s}\n"
    source += "    n: {names: [Студенты], type: integer}\n"
    data.write("indicators/indicators.yaml", indicator("N", "source: units\nsum: n\nby: [faculty]\ndecimals: 0"))

    def computed_with(extra: str) -> tuple[list[tuple[dict[str, str], float | None]], list[str]]:
        data.write("indicators/sources.yaml", source % extra)
        computed = load_and_compute(data.root, data.root / "evidence", load_config(data.root)[0])
        assert computed is not None
        found = [f"{f.severity.value} {f.where}: {f.message}" for f in computed.findings]
        return [(v.dims, v.value) for v in computed.results[0].values], found

    groups, found = computed_with("")  # a column headed «Факультет» resolves through faculties: by default
    assert groups == [({}, 305.0), ({"faculty": "FMIK"}, 70.0), ({"faculty": "Экономика факультети"}, 180.0)]
    assert found == [
        "warning evidence/units.csv:6: column 'Факультет': 'Физфак' is not one of Экономика факультети, FMIK; "
        "left out of the groups in 2 rows (6, 7) (counted in totals only)"
    ]
    groups, found = computed_with(", other: error")
    assert found[0].startswith("error evidence/units.csv:6:")
    groups, found = computed_with(
        ", values: {Экономика: [ЭФ, экономический факультет, экономика факультети]}, other: keep"
    )
    assert groups == [
        ({}, 305.0),
        ({"faculty": "Физфак"}, 50.0),
        ({"faculty": "ФМИК"}, 70.0),
        ({"faculty": "Экономика"}, 180.0),
    ]
    assert found == []
    groups, found = computed_with(", resolve: none")
    assert len(groups) == 1 + 6 and found == []  # every spelling its own group, as the user asked


def test_a_note_right_of_a_workbook_table_is_not_read_and_its_row_is_kept(data: Workspace) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Кафедра", "Учёная степень", "Штат/совместитель", "Ставка", "Год"])
    sheet.append(["Физика", "PhD", "штатный", 1, 2026, "уволен 01.11?"])  # a note beside the table
    sheet.append(["Физика", "—", "штатный", 1, 2026])
    book.save(data.root / "evidence" / "staff.xlsx")
    data.write("indicators/sources.yaml", SOURCES.replace("file: staff.csv", "file: staff.xlsx"))
    data.write("indicators/indicators.yaml", indicator("S", "source: staff\nsum: fte"))
    computed = load_and_compute(data.root, data.root / "evidence")
    assert computed is not None
    assert [(f.code, str(f.where)) for f in computed.findings] == [("extra-cells", "evidence/staff.xlsx:Sheet!F2")]
    assert computed.results[0].values[0].value == 2.0  # in a workbook no cell can shift: the row counts
