"""Every check and build is recorded in the workspace's history, one transaction per run."""

from __future__ import annotations

import re
import sqlite3

from conftest import Workspace

from selfassess.tracking import history


def test_each_check_and_build_is_a_run_with_its_statuses(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register("- {id: E-1, title: P, file: a.pdf, kind: policy, criteria: ['t:1.1']}\n")
    ws.run("check", "--as-of", "2026-11-25")
    ws.run("check", "--framework", "t")  # a filtered view is not a run of the whole workspace
    ws.register("[]\n")
    ws.run("check", "--as-of", "2026-11-26")
    ws.run("build", "--framework", "t", "--as-of", "2026-11-26")
    runs = history.runs(ws.root)
    assert [(r.command, r.as_of) for r in runs] == [
        ("check", "2026-11-25"),
        ("check", "2026-11-26"),
        ("build", "2026-11-26"),
    ]
    assert runs[0].counts["covered"] == 2  # t:1.1 directly, u:A1 through the crosswalk
    assert runs[1].counts["covered"] == 0
    assert history.statuses(ws.root, runs[0].id)["t:1.1"] == "covered"
    assert history.statuses(ws.root, runs[1].id)["t:1.1"] == "missing"
    # One file to copy or sync: no WAL or shared-memory files beside it.
    assert sorted(p.name for p in (ws.root / ".selfassess").iterdir()) == ["history.sqlite3"]


def test_an_unwritable_history_only_warns(ws: Workspace) -> None:
    (ws.root / ".selfassess").write_text("not a folder")
    result = ws.run("check", "--fail-on", "none")
    assert result.exit_code == 0
    assert "warning: the run was not recorded in the history" in result.output


def test_a_check_whose_report_cannot_be_written_is_still_recorded(ws: Workspace) -> None:
    result = ws.run("check", "--format", "json", "-o", str(ws.root / "selfassess.yaml" / "x.json"))
    assert result.exit_code != 0
    assert [r.command for r in history.runs(ws.root)] == ["check"]
    assert sorted(p.name for p in (ws.root / ".selfassess").iterdir()) == ["history.sqlite3"]  # no journal left


def test_a_failed_run_leaves_no_half_record(ws: Workspace) -> None:
    ws.run("check")
    before = history.runs(ws.root)
    connection = sqlite3.connect(history.path_of(ws.root))
    connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON statuses BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    connection.commit()
    connection.close()
    result = ws.run("check")
    assert "warning: the run was not recorded in the history .selfassess/history.sqlite3 (disk full)" in result.output
    assert history.runs(ws.root) == before


def test_a_corrupt_history_does_not_stop_a_build(ws: Workspace) -> None:
    ws.write(".selfassess/history.sqlite3", "garbage, not a database")
    result = ws.run("build", "--framework", "t", "--as-of", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert "if this repeats, move that file aside to start a new history" in result.output
    page = (ws.root / "build" / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert 'id="coverage"' in page and "<svg" not in page  # the dashboard, without the trend


def test_the_trend_has_one_point_per_day_and_no_what_if_dates(ws: Workspace) -> None:
    import datetime as dt

    from selfassess.tracking import dashboard

    report = ws.check()
    for day, hour, as_of in [(20, 9, "2026-11-20"), (20, 17, "2026-11-20"), (21, 9, "2027-06-01"), (25, 9, None)]:
        when = dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)
        report.as_of = dt.date.fromisoformat(as_of) if as_of else when.date()
        history.record(ws.root, report, "check", when)
    page = dashboard.render(report, ws.root, "en")
    points = re.search(r'<polyline[^>]*points="([^"]+)"', page)
    assert points and len(points.group(1).split()) == 2  # 20 and 25 November; the 2027 what-if left out
    assert "2027-06-01" not in page


def test_programme_statuses_are_recorded_and_an_older_history_gains_the_expiring_column(ws: Workspace) -> None:
    database = ws.root / ".selfassess" / "history.sqlite3"
    database.parent.mkdir()
    with sqlite3.connect(database) as old:  # a history written before 'expiring' existed
        old.execute(
            "CREATE TABLE runs (id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, command TEXT NOT NULL,"
            " as_of TEXT NOT NULL, criteria INTEGER NOT NULL, covered INTEGER NOT NULL, partial INTEGER NOT NULL,"
            " stale INTEGER NOT NULL, missing INTEGER NOT NULL, not_applicable INTEGER NOT NULL,"
            " coverage_percent REAL NOT NULL)"
        )
        old.execute("INSERT INTO runs VALUES (1, '2026-11-01T00:00:00', 'check', '2026-11-01', 4, 0, 0, 0, 4, 0, 0)")
    old.close()
    ws.write("selfassess.yaml", "institution: X\nframeworks: [p]\nprogrammes: [{id: A, title: A}, {id: B, title: B}]\n")
    ws.write(
        "criteria/p.yaml",
        "framework: {id: p, title: P, kind: programme}\nstandards: [{id: '1', title: S, criteria: [{id: '1.1', title: C}]}]\n",
    )
    ws.touch("evidence/a.pdf")
    ws.register("- {id: E-1, title: P, file: a.pdf, kind: policy, criteria: ['p:1.1'], programmes: [A]}\n")
    assert ws.run("check", "--as-of", "2026-11-25").exit_code == 1
    runs = history.runs(ws.root)
    assert [r.counts["expiring"] for r in runs] == [0, 0]
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT programme, criterion, status FROM programme_statuses ORDER BY programme")
        assert rows.fetchall() == [("A", "p:1.1", "covered"), ("B", "p:1.1", "missing")]
    connection.close()
