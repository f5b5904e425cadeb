"""The history of coverage: every check and build is recorded in SQLite inside the workspace.

One transaction per run, so an interrupted run leaves either nothing or a whole record; the
database lives in `.selfassess/history.sqlite3` (not in build/, which is safe to delete).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from selfassess.check.pipeline import CheckReport

FOLDER = ".selfassess"
DATABASE = "history.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    command TEXT NOT NULL,
    as_of TEXT NOT NULL,
    criteria INTEGER NOT NULL,
    covered INTEGER NOT NULL,
    partial INTEGER NOT NULL,
    stale INTEGER NOT NULL,
    missing INTEGER NOT NULL,
    not_applicable INTEGER NOT NULL,
    coverage_percent REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS statuses (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    criterion TEXT NOT NULL,
    status TEXT NOT NULL,
    evidence INTEGER NOT NULL,
    PRIMARY KEY (run_id, criterion)
);
CREATE TABLE IF NOT EXISTS programme_statuses (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    programme TEXT NOT NULL,
    criterion TEXT NOT NULL,
    status TEXT NOT NULL,
    evidence INTEGER NOT NULL,
    PRIMARY KEY (run_id, programme, criterion)
);
"""
# Columns added after the first release, with what older rows hold.
LATER_COLUMNS = {"expiring": "INTEGER NOT NULL DEFAULT 0"}


@dataclass(frozen=True)
class Run:
    id: int
    recorded_at: str
    command: str
    as_of: str
    coverage_percent: float
    counts: dict[str, int]


def path_of(root: Path) -> Path:
    """Return where the workspace's history is kept."""
    return root / FOLDER / DATABASE


def _connect(root: Path) -> sqlite3.Connection:
    path = path_of(root)
    path.parent.mkdir(exist_ok=True)
    connection = sqlite3.connect(path, timeout=30)
    # The classic rollback journal, not WAL: workspaces often live on a shared or synced
    # drive, where WAL's shared-memory file does not work. A run's insert is milliseconds.
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.executescript(SCHEMA)
    present = {row[1] for row in connection.execute("PRAGMA table_info(runs)")}
    for column, kind in LATER_COLUMNS.items():
        if column not in present:
            connection.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
    return connection


def record(root: Path, report: CheckReport, command: str, when: dt.datetime | None = None) -> int:
    """Store the report's statuses as one run (one transaction); return the run's id."""
    summary = report.summary()
    statuses: dict[str, int] = summary["statuses"]  # type: ignore[assignment]
    stamp = (when or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    with closing(_connect(root)) as connection, connection:
        cursor = connection.execute(
            "INSERT INTO runs (recorded_at, command, as_of, criteria, covered, partial, stale, missing,"
            " not_applicable, coverage_percent, expiring) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stamp,
                command,
                report.as_of.isoformat(),
                len(report.criteria),
                statuses["covered"],
                statuses["partial"],
                statuses["stale"],
                statuses["missing"],
                statuses["not-applicable"],
                summary["coverage_percent"],
                statuses["expiring"],
            ),
        )
        run_id = int(cursor.lastrowid or 0)
        connection.executemany(
            "INSERT INTO statuses (run_id, criterion, status, evidence) VALUES (?, ?, ?, ?)",
            [(run_id, r.qid, r.status.value, len(r.support)) for r in report.criteria],
        )
        connection.executemany(
            "INSERT INTO programme_statuses (run_id, programme, criterion, status, evidence) VALUES (?, ?, ?, ?, ?)",
            [
                (run_id, programme, r.qid, r.status.value, len(r.support))
                for programme, results in report.programmes.items()
                for r in results
            ],
        )
    return run_id


def runs(root: Path) -> list[Run]:
    """Return every recorded run, oldest first (an empty list when nothing was recorded)."""
    if not path_of(root).is_file():
        return []
    with closing(_connect(root)) as connection:
        rows = connection.execute(
            "SELECT id, recorded_at, command, as_of, coverage_percent, covered, partial, stale, missing,"
            " not_applicable, expiring FROM runs ORDER BY id"
        ).fetchall()
    names = ("covered", "partial", "stale", "missing", "not-applicable", "expiring")
    return [Run(r[0], r[1], r[2], r[3], r[4], dict(zip(names, r[5:], strict=True))) for r in rows]


def statuses(root: Path, run_id: int) -> dict[str, str]:
    """Return each criterion's status in one run."""
    with closing(_connect(root)) as connection:
        rows = connection.execute("SELECT criterion, status FROM statuses WHERE run_id = ?", (run_id,)).fetchall()
    return dict(rows)
