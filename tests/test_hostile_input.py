"""Hostile and broken input, generated here class by class: never a traceback, never an escape.

Each case asserts the command ends with 0 or 1 (never 3, "internal error") and, where the
case is a problem in the workspace's files, that the user is told where with a stable code.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import CATALOGUE_T, CATALOGUE_U, CONFIG, Workspace

from selfassess.cli import main

DOCUMENT = "TU.QA-P.01"
DOCUMENT_YAML = (
    f"code: {DOCUMENT}\ntitle: Policy\ntype: regulation\nlanguage: en\nversion: '1.0'\nstatus: approved\n"
    "date: 2026-01-10\n"
)
REPORT_YAML = "code: TU.QA-SAR.01\ntitle: Report\ntype: report\nlanguage: en\nversion: '1.0'\ndate: 2026-11-20\n"


def workspace(root: Path) -> Workspace:
    """A small workspace with every kind of file a command reads."""
    ws = Workspace(root)
    ws.write("selfassess.yaml", CONFIG)
    ws.write("criteria/t.yaml", CATALOGUE_T)
    ws.write("criteria/u.yaml", CATALOGUE_U)
    ws.touch("evidence/a.pdf", "evidence/folder/b.pdf")
    ws.register(
        "- {id: E-1, title: Policy, file: a.pdf, kind: policy, criteria: ['t:1.1']}\n"
        "- {id: E-2, title: Folder, file: folder, kind: minutes, criteria: ['t:1.2']}\n"
    )
    ws.write(f"documents/{DOCUMENT}/document.yaml", DOCUMENT_YAML)
    ws.write(f"documents/{DOCUMENT}/body.md", "# 1. Purpose\n\n1.1 The text.\n")
    ws.write("narratives/t/report.yaml", REPORT_YAML)
    ws.write("narratives/t/1.1.md", "The policy [E-1].\n")
    ws.write(
        "indicators/sources.yaml",
        "- id: staff\n  file: staff.csv\n  columns:\n    dept: {names: [Dept]}\n    n: {names: [N], type: integer}\n",
    )
    ws.write(
        "indicators/indicators.yaml",
        "- id: S1\n  title: {en: S1}\n  source: staff\n  sum: n\n  by: [dept]\n  criteria: ['t:1.1']\n",
    )
    ws.write("evidence/staff.csv", "Dept,N\nA,3\nB,4\n")
    return ws


@pytest.fixture
def hostile(tmp_path: Path) -> Workspace:
    return workspace(tmp_path / "ws")


def run(ws: Workspace, *args: str) -> Result:
    result = CliRunner().invoke(main, ["-C", str(ws.root), *args])
    assert result.exit_code in (0, 1), (args, result.exit_code, result.output[-2000:])
    assert "internal error" not in result.output, result.output
    return result


# --------------------------------------------------------------------------- 1. YAML

ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 10 if prev else ['x'] * 10)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e", "f", "g"], strict=True)
)
YAML_PAYLOADS = {
    "complex key": ("? [a, b]\n: x\n", "yaml-syntax"),
    "recursive alias": ("a: &a [1, *a]\n", "yaml-syntax"),
    "alias bomb": (ALIAS_BOMB, "yaml-syntax"),
    "nested 500 deep": ("a: " + "[" * 500 + "]" * 500 + "\n", "yaml-too-deep"),
    "NUL byte": ("title: a\x00b\n", "yaml-syntax"),
    "a list": ("- 1\n- 2\n", None),
    "a word": ("just text\n", None),
    "empty": ("", None),
    "only a comment": ("# nothing\n", None),
}
YAML_FILES = [
    "selfassess.yaml",
    "criteria/t.yaml",
    "evidence/register.yaml",
    f"documents/{DOCUMENT}/document.yaml",
    f"documents/{DOCUMENT}/revisions.yaml",
    "narratives/t/report.yaml",
    "indicators/sources.yaml",
    "indicators/indicators.yaml",
]


@pytest.mark.parametrize("payload", list(YAML_PAYLOADS))
@pytest.mark.parametrize("name", YAML_FILES)
def test_every_yaml_file_kind_with_broken_content(hostile: Workspace, name: str, payload: str) -> None:
    text, code = YAML_PAYLOADS[payload]
    (hostile.root / name).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = run(hostile, "check")
    if name.startswith("documents/"):
        result = run(hostile, "doc", "list")
    elif name.startswith("narratives/"):
        result = run(hostile, "build", "--framework", "t")
    assert time.perf_counter() - started < 30
    if code is not None:
        assert f"error[{code}]" in result.output and f"{name}:" in result.output, result.output
    if payload == "empty" and name.endswith(("document.yaml", "report.yaml")):
        assert f"{name}:1: error[empty-file]" in result.output, result.output
    if name != "evidence/register.yaml" and payload in ("empty", "only a comment", "a list", "a word"):
        # A file that exists must say something; an empty register is a workspace not yet filled.
        assert result.exit_code == 1 or name.startswith("indicators/"), result.output


def test_impossible_dates_and_numbers_too_large_for_date_arithmetic(hostile: Workspace) -> None:
    hostile.register("- {id: E-1, title: P, file: a.pdf, kind: policy, issued: 2026-02-30, criteria: ['t:1.1']}\n")
    assert "evidence/register.yaml:1: error[invalid-evidence] E-1: column 'issued'" in run(hostile, "check").output
    hostile.write("selfassess.yaml", CONFIG + "freshness: {expiring_within_days: 999999999}\n")
    result = run(hostile, "check")
    assert "selfassess.yaml:" in result.output and "expiring_within_days" in result.output
    hostile.write("selfassess.yaml", CONFIG + "document_control: {code_pattern: '^(['}\n")
    assert "is not a valid regular expression" in run(hostile, "doc", "list").output


def test_a_title_too_long_for_word(hostile: Workspace) -> None:
    hostile.write(f"documents/{DOCUMENT}/document.yaml", DOCUMENT_YAML.replace("title: Policy", "title: " + "x" * 300))
    result = run(hostile, "doc", "build")
    assert f"documents/{DOCUMENT}/document.yaml:2: error[invalid-field]" in result.output


# --------------------------------------------------------------------------- 2. paths

OUTSIDE = "/etc/hostname"


def link(target: str | Path, where: Path) -> None:
    where.parent.mkdir(parents=True, exist_ok=True)
    if where.exists() or where.is_symlink():
        where.unlink()
    os.symlink(target, where)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and pipes need a POSIX system")
@pytest.mark.parametrize(
    "target",
    ["link out", "link loop", "dangling link", "pipe"],
)
@pytest.mark.parametrize(
    "name",
    [
        "evidence/a.pdf",
        "evidence/folder/b.pdf",
        "narratives/t/1.1.md",
        f"documents/{DOCUMENT}/body.md",
        "templates/controlled-document.docx",
        "evidence/staff.csv",
        "criteria/t.yaml",
        "evidence/register.yaml",
    ],
)
def test_nothing_outside_the_workspace_is_read_and_nothing_waits_forever(
    hostile: Workspace, name: str, target: str
) -> None:
    path = hostile.root / name
    if target == "link out":
        link(OUTSIDE, path)
    elif target == "link loop":
        link(path, path)
    elif target == "dangling link":
        link(hostile.root / "nothing-here", path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        os.mkfifo(path)
    commands = [["check"], ["build", "--framework", "t", "--as-of", "2026-11-25"]]
    if name.startswith("documents/") or name.startswith("templates/"):
        commands = [["doc", "build"]]
    for number, args in enumerate(commands):
        said = run(hostile, *args).output
        # The first command names the file; the next ones must only neither crash nor leak.
        if number == 0:
            codes = ("path-escape", "unsafe-path", "missing-file", "no-body", "templates/")
            assert any(code in said for code in codes), (name, target, said)
    if (hostile.root / "build").exists():
        for produced in (hostile.root / "build").rglob("*"):
            if produced.is_file() and produced.suffix in (".docx", ".zip", ".pdf", ".xlsx"):
                assert (
                    Path(OUTSIDE).read_bytes().strip() not in produced.read_bytes()
                    or len(Path(OUTSIDE).read_bytes().strip()) < 4
                )


def test_a_registered_folder_holding_a_link_out(hostile: Workspace) -> None:
    link(OUTSIDE, hostile.root / "evidence" / "folder" / "secret.txt")
    result = run(hostile, "check")
    assert "E-2: 'folder/secret.txt' in the folder is a link to a place outside the workspace" in result.output
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code == 0
    manifest = (hostile.root / "build" / "t" / "pack" / "manifest.json").read_text(encoding="utf-8")
    assert "secret" not in manifest


def test_names_copied_from_a_mac_and_names_too_long_for_a_file_system(hostile: Workspace) -> None:
    import unicodedata

    composed = "Жыйынтык отчёт.pdf"  # as Excel types it (NFC); a Mac's copy is decomposed (NFD)
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    (hostile.root / "evidence" / decomposed).write_bytes(b"%PDF-1.4 mac copy\n")
    (hostile.root / "evidence" / unicodedata.normalize("NFD", "Кадрлар жыйыны.csv")).write_text("Dept,N\nA,3\n")
    hostile.write("evidence/staff.csv", "")
    hostile.write(
        "indicators/sources.yaml",
        "- id: staff\n  file: Кадрлар жыйыны.csv\n  columns:\n    dept: {names: [Dept]}\n    n: {names: [N], type: integer}\n",
    )
    long_name = "ө" * 200 + ".pdf"
    hostile.register(
        f"- {{id: E-1, title: Policy, file: '{composed}', kind: policy, criteria: ['t:1.1']}}\n"
        f"- {{id: E-2, title: Long, file: '{long_name}', kind: minutes, criteria: ['t:1.2']}}\n"
    )
    result = run(hostile, "check", "--format", "json")
    findings = json.loads(result.output)["findings"]
    assert not [f for f in findings if f["message"].startswith("E-1")], findings  # the same name, found
    [too_long] = [f for f in findings if f["message"].startswith("E-2") and f["code"] == "missing-file"]
    assert "longer than a file system allows (404 bytes" in too_long["message"]
    assert run(hostile, "indicators").exit_code == 0
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code == 0
    manifest = json.loads((hostile.root / "build" / "t" / "pack" / "manifest.json").read_text(encoding="utf-8"))
    packed = [f for f in manifest["files"] if f.get("evidence") == "E-1"]
    assert packed and packed[0]["size"] == len(b"%PDF-1.4 mac copy\n")


def test_markdown_never_fetches_images_nor_lets_word_xml_through(hostile: Workspace) -> None:
    hostile.write(
        "narratives/t/1.1.md",
        "The policy [E-1].\n\n![remote](https://example.invalid/x.png) ![local](/etc/hostname)\n\n"
        "Raw `<w:r><w:t>INJECTED</w:t></w:r>`{=openxml}.\n\n```{=openxml}\n<w:p><w:r><w:instrText>INCLUDETEXT c:/x</w:instrText></w:r></w:p>\n```\n",
    )
    result = run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    [report] = (hostile.root / "build" / "t").glob("*_v*.docx")
    with zipfile.ZipFile(report) as package:
        media = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
        document = package.read("word/document.xml").decode("utf-8")
    assert len(media) == 1 and media[0].startswith(b"\x89PNG")  # the indicator's chart, nothing fetched
    assert "<w:instrText>INCLUDETEXT" not in document  # shown as text, never a live field
    assert "remote" in document and "local" in document  # the pictures' descriptions instead


# --------------------------------------------------------------------------- 3. spreadsheets

FORMULAS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3"]


def test_no_text_ever_becomes_a_formula(hostile: Workspace) -> None:
    rows = "".join(
        f"- {{id: E-{n}, title: {json.dumps(text)}, file: a.pdf, kind: policy, owner: {json.dumps(text)}, "
        f"criteria: ['t:1.1']}}\n"
        for n, text in enumerate(FORMULAS, start=1)
    )
    hostile.register(rows)
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code == 0
    hostile.write("selfassess.yaml", CONFIG + "owners: {'t:1.2': '=1+1'}\n")
    run(hostile, "requests", "--as-of", "2026-11-25")
    books = [*(hostile.root / "build").rglob("*.xlsx")]
    assert len(books) >= 3
    for book in books:
        with zipfile.ZipFile(book) as package:
            for name in package.namelist():
                if name.startswith("xl/worksheets/"):
                    assert "<f>" not in package.read(name).decode("utf-8"), (book.name, name)
    text = run(hostile, "check", "--format", "csv").output
    assert ",'=1+1," in text and ",=1+1," not in text  # the unit's name, never a formula for Excel


def test_control_characters_and_a_csv_field_too_long(hostile: Workspace) -> None:
    (hostile.root / "evidence" / "register.yaml").unlink()
    hostile.write(
        "evidence/register.csv",
        'id,title,file,kind,criteria\nE-1,Po\x0blicy\x0c,a.pdf,policy,t:1.1\nE-2,"'
        + "x" * 200_000
        + '",a.pdf,policy,t:1.2\n',
    )
    result = run(hostile, "check")
    assert "evidence/register.csv:2: warning[control-characters]" in result.output
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code in (0, 1)
    hostile.write("narratives/t/1.1.md", "The policy\x00 [E-1].\n")
    assert "narratives/t/1.1.md:1: warning[control-characters]" in run(hostile, "check").output
    hostile.write(f"documents/{DOCUMENT}/body.md", "# 1. Purpose\n\n1.1 Text\x00.\n")
    assert f"documents/{DOCUMENT}/body.md:3: error[control-characters]" in run(hostile, "doc", "list").output


# --------------------------------------------------------------------------- 4. resources


def test_a_narrative_of_twenty_megabytes_and_a_template_multiplying_text(hostile: Workspace) -> None:
    hostile.write("narratives/t/1.2.md", "word " * 4_000_000)
    started = time.perf_counter()
    result = run(hostile, "check")
    assert "narratives/t/1.2.md: error[too-large]" in result.output
    assert time.perf_counter() - started < 20
    from docx import Document

    template = Document(str(Path(__file__).resolve().parents[1] / "templates" / "controlled-document.docx"))
    template.add_paragraph("{{ 'x' * 1000000000 }}")
    (hostile.root / "templates").mkdir(exist_ok=True)
    template.save(str(hostile.root / "templates" / "controlled-document.docx"))
    started = time.perf_counter()
    result = run(hostile, "doc", "build")
    assert result.exit_code == 1 and "too large to be a document's text" in result.output
    assert time.perf_counter() - started < 30


# --------------------------------------------------------------------------- 5. history


def revise(ws: Workspace, *extra: str) -> Result:
    return run(
        ws, "doc", "revise", DOCUMENT, "--summary", "5.3 added", "--order", "No. 45", "--date", "2026-03-01", *extra
    )


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda t: t.replace("5.3 added", "5.3 removed"), "summary was '5.3 added', now '5.3 removed'"),
        (lambda t: t.replace("No. 45", "No. 46"), "order was 'No. 45', now 'No. 46'"),
        (
            lambda t: t.replace("entered: '2026-03-01'", "entered: '2026-03-02'"),
            "entered was '2026-03-01', now '2026-03-02'",
        ),
        (lambda t: t.replace("version: '1.1'", "version: '1.2'"), "version was '1.1', now '1.2'"),
        (lambda t: t.split("- number: 2")[0], "archive-orphan"),
        (lambda t: "", "history-missing"),
        (lambda t: None, "history-missing"),
        (
            lambda t: (
                "- number: 2"
                + t.split("- number: 2")[1]
                + "- number: 1"
                + t.split("- number: 2")[0].split("- number: 1")[1]
            ),
            "history-broken",
        ),
    ],
)
def test_any_edit_of_the_history_is_told_and_revise_will_not_go_on(hostile: Workspace, edit: object, said: str) -> None:
    assert revise(hostile).exit_code == 0
    assert (
        run(
            hostile, "doc", "revise", DOCUMENT, "--summary", "6.1 added", "--order", "No. 50", "--date", "2026-04-01"
        ).exit_code
        == 0
    )
    history = hostile.root / "documents" / DOCUMENT / "revisions.yaml"
    text = edit(history.read_text(encoding="utf-8"))  # type: ignore[operator]
    if text is None:
        history.unlink()
    else:
        history.write_text(text, encoding="utf-8")
    for args in (["doc", "list"], ["doc", "build"], ["check", "--format", "md"]):
        result = run(hostile, *args)
        assert result.exit_code == 1 and said in result.output, (args, result.output)
    refused = run(hostile, "doc", "revise", DOCUMENT, "--summary", "x", "--order", "No. 51", "--date", "2026-05-01")
    assert refused.exit_code == 1 and "nothing was revised" in refused.output


def test_a_file_put_into_an_archive_and_impossible_dates(hostile: Workspace) -> None:
    assert revise(hostile).exit_code == 0
    (hostile.root / "documents" / DOCUMENT / "archive" / "1.0" / "extra.docx").write_bytes(b"x")
    assert "error[archive-extra]" in run(hostile, "doc", "list").output
    (hostile.root / "documents" / DOCUMENT / "archive" / "1.0" / "extra.docx").unlink()
    future = run(hostile, "doc", "revise", DOCUMENT, "--summary", "x", "--order", "No. 9", "--date", "2099-01-01")
    assert future.exit_code == 1 and "far in the future" in future.output
    late = run(
        hostile,
        "doc",
        "revise",
        DOCUMENT,
        "--summary",
        "x",
        "--order",
        "No. 9",
        "--date",
        "2026-06-01",
        "--received",
        "2026-06-02",
    )
    assert late.exit_code == 1 and "after the day it is entered" in late.output


# --------------------------------------------------------------------------- 6. packs


@pytest.fixture
def packed(hostile: Workspace) -> Path:
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code == 0
    pack = hostile.root / "build" / "t" / "pack"
    assert run(hostile, "verify", str(pack)).exit_code == 0
    return pack


def _relist(pack: Path, rel: str, data: bytes) -> None:
    """Replace a file and its manifest line, as someone covering their tracks would."""
    import hashlib

    (pack / rel).write_bytes(data)
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == rel:
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    (pack / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_a_replaced_annex_with_its_manifest_line_updated(hostile: Workspace, packed: Path) -> None:
    annex = next(p for p in (packed / "annexes").iterdir() if p.is_file())
    _relist(packed, f"annexes/{annex.name}", b"forged")
    result = run(hostile, "verify", str(packed))
    assert result.exit_code == 1
    assert "manifest.json: error[pack-changed]" in result.output
    assert f"pack.zip:annexes/{annex.name}: error[pack-changed]" in result.output


@pytest.mark.parametrize("damage", ["zip deleted", "digests deleted", "zip and digest changed", "extra folder", "link"])
def test_a_damaged_pack_never_verifies(hostile: Workspace, packed: Path, damage: str) -> None:
    import hashlib

    if damage == "zip deleted":
        (packed / "pack.zip").unlink()
    elif damage == "digests deleted":
        (packed / "pack.zip.sha256").unlink()
    elif damage == "zip and digest changed":
        with zipfile.ZipFile(packed / "pack.zip", "a") as archive:
            archive.writestr("annexes/999_extra.pdf", b"more")
        digest = hashlib.sha256((packed / "pack.zip").read_bytes()).hexdigest()
        lines = (packed / "pack.zip.sha256").read_text(encoding="utf-8").splitlines()
        (packed / "pack.zip.sha256").write_text(f"{digest}  pack.zip\n{lines[1]}\n", encoding="utf-8")
    elif damage == "extra folder":
        (packed / "annexes" / "more").mkdir()
    else:
        link(OUTSIDE, packed / "annexes" / "zz.txt")
    result = run(hostile, "verify", str(packed))
    assert result.exit_code == 1, result.output
    if damage == "link":
        assert "annexes/zz.txt: error[pack-link] a link that the pack never held" in result.output


# --------------------------------------------------------------------------- 7. edges


def test_command_line_edges_get_plain_answers(hostile: Workspace) -> None:
    assert "no programme" in run(hostile, "build", "--programme", "nothing").output
    assert (
        "before the day of the check" in run(hostile, "requests", "--as-of", "2026-11-25", "--due", "2026-01-01").output
    )
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code == 0
    [report] = (hostile.root / "build" / "t").glob("*_v*.docx")
    before = report.read_bytes()
    for cached in (hostile.root / "build" / ".cache" / "pandoc").glob("*.docx"):
        cached.write_bytes(b"poisoned")  # an edited cache is rebuilt, never used
    shutil.rmtree(hostile.root / "build" / "t")
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code == 0
    assert report.read_bytes() == before


def test_excel_error_cells_and_negative_counts_in_a_data_source(hostile: Workspace) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Staff"
    sheet.append(["Dept", "N"])
    sheet.append(["A", "#DIV/0!"])  # openpyxl stores it as an error cell, as Excel does
    sheet.append(["B", -4])
    sheet.append(["C", 5])
    sheet.append(["#N/A", 2])
    book.save(hostile.root / "evidence" / "staff.xlsx")
    hostile.write(
        "indicators/sources.yaml",
        "- id: staff\n  file: staff.xlsx\n  columns:\n    dept: {names: [Dept]}\n    n: {names: [N], type: integer}\n",
    )
    result = run(hostile, "indicators", "--format", "json")
    out = result.output
    assert "evidence/staff.xlsx:Staff!B2: warning[excel-error] column 'N' holds the Excel error #DIV/0!" in out
    assert "evidence/staff.xlsx:Staff!A5: warning[excel-error] column 'Dept' holds the Excel error #N/A" in out
    assert "evidence/staff.xlsx:Staff!B3: warning[bad-value] column 'N': '-4.0' is below 0, the least it can be" in out
    [indicator] = json.loads(result.stdout)["indicators"]
    overall = next(v for v in indicator["values"] if not v["dimensions"])
    assert overall["value"] == 7  # 5 and 2: no error cell, no negative count is a number


# --------------------------------------------------------------------------- 8. kill and concurrency

SELFASSESS = [sys.executable, "-c", "from selfassess.cli import entry; entry()"]


def _command(ws: Workspace, *args: str) -> list[str]:
    return [*SELFASSESS, "-C", str(ws.root), *args]


def _kill_at(command: list[str], seconds: float) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(seconds)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_build_killed_at_twenty_moments_leaves_the_previous_build_and_the_next_one_works(hostile: Workspace) -> None:
    build = _command(hostile, "build", "--framework", "t", "--as-of", "2026-11-25")
    assert subprocess.run(build, capture_output=True, check=False, timeout=300).returncode == 0
    pack = hostile.root / "build" / "t" / "pack"
    hostile.write("narratives/t/1.1.md", "The policy [E-1], measured.\n")
    started = time.perf_counter()
    assert subprocess.run(build, capture_output=True, check=False, timeout=300).returncode == 0
    duration = time.perf_counter() - started
    rng = random.Random(13)
    for attempt in range(20):
        hostile.write("narratives/t/1.1.md", f"The policy [E-1], draft {attempt}.\n")  # something to rebuild
        _kill_at(build, rng.uniform(0.05, duration))
        # Whatever the moment, the pack there is a whole one: the previous build or the new one.
        verified = subprocess.run(_command(hostile, "verify", str(pack)), capture_output=True, text=True, check=False)
        assert verified.returncode == 0, (attempt, verified.stdout, verified.stderr)
        again = subprocess.run(build, capture_output=True, text=True, check=False, timeout=300)
        assert again.returncode == 0, (attempt, again.stdout, again.stderr)
    assert subprocess.run(_command(hostile, "verify", str(pack)), capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_revise_killed_at_twenty_moments_leaves_a_whole_history(hostile: Workspace) -> None:
    rng = random.Random(7)
    for attempt in range(20):
        command = _command(
            hostile,
            "doc",
            "revise",
            DOCUMENT,
            "--summary",
            f"change {attempt}",
            "--order",
            f"No. {attempt}",
            "--date",
            "2026-03-01",
        )
        _kill_at(command, rng.uniform(0.05, 1.5))
        listing = subprocess.run(_command(hostile, "doc", "list"), capture_output=True, text=True, check=False)
        assert listing.returncode == 0, (attempt, listing.stdout, listing.stderr)
    done = subprocess.run(
        _command(hostile, "doc", "revise", DOCUMENT, "--summary", "last", "--order", "No. 99", "--date", "2026-03-01"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file locks")
def test_two_builds_and_two_revisions_at_once(hostile: Workspace) -> None:
    build = _command(hostile, "build", "--framework", "t", "--as-of", "2026-11-25")
    builds = [subprocess.Popen(build, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    assert [p.wait(timeout=300) for p in builds] == [0, 0]
    assert (
        subprocess.run(_command(hostile, "verify", str(hostile.root / "build" / "t" / "pack")), check=False).returncode
        == 0
    )
    revisions = [
        subprocess.Popen(
            _command(
                hostile,
                "doc",
                "revise",
                DOCUMENT,
                "--summary",
                f"at once {n}",
                "--order",
                f"No. {n}",
                "--date",
                "2026-03-01",
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(2)
    ]
    assert [p.wait(timeout=300) for p in revisions] == [0, 0]
    listing = subprocess.run(_command(hostile, "doc", "list"), capture_output=True, text=True, check=False)
    assert listing.returncode == 0 and " v1.2 " in listing.stdout, listing.stdout


# --------------------------------------------------------------------------- 10. a red team's finds


def test_dates_beyond_what_a_calendar_holds(hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    for epoch in ("253402300800", "99999999999999", "abc", "-1"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        result = run(hostile, "check")
        assert result.exit_code == 1 and "SOURCE_DATE_EPOCH is" in result.output and "not a time" in result.output
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert "is not one statuses can be judged at" in run(hostile, "check", "--as-of", "9999-12-31").output
    hostile.register(
        "- {id: E-1, title: P, file: a.pdf, kind: policy, criteria: ['t:1.1'], issued: 2026-01-01, validity: 8000 years}\n"
        "- {id: E-2, title: F, file: folder, kind: minutes, criteria: ['t:1.2'], issued: 2026-01-01,"
        " validity: 99999999999 months}\n"
        "- {id: E-3, title: G, file: a.pdf, kind: policy, criteria: ['t:1.1'], issued: 9999-12-31, validity: 1 month}\n"
        "- {id: E-4, title: H, file: a.pdf, kind: policy, criteria: ['t:1.1'], issued: 01.09.99}\n"
        "- {id: E-5, title: I, file: a.pdf, kind: policy, criteria: ['t:1.1'], issued: 09/01/2025}\n"
        "- {id: E-6, title: J, file: a.pdf, kind: policy, criteria: ['t:1.1'], issued: 2026-01-01,"
        " valid_until: 2025-01-01}\n"
    )
    result = run(hostile, "check", "--as-of", "2026-11-25")
    assert result.output.count("longer than 100 years") == 2
    assert "error[dated-after-reference] E-3 is issued 9999-12-31, after the reference date 2026-11-25" in result.output
    assert "write the year in full" in result.output and "could be day/month or month/day" in result.output
    assert "valid until 2025-01-01 is before issued 2026-01-01" in result.output
    hostile.write("criteria/t.yaml", CATALOGUE_T.replace("max_age_months: 12", "max_age_months: 96000"))
    assert "criteria/t.yaml:" in run(hostile, "check").output


def test_settings_and_catalogues_that_cannot_mean_anything(hostile: Workspace) -> None:
    for extra, said in [
        ("citation_pattern: '(a+)+$'\n", "repeats a group that itself repeats"),
        ("citation_pattern: ''\n", "the pattern is empty"),
        ("not_applicable: {'t:1.10': ''}\n", "say why it does not apply"),
        ("programmes: [{id: P1, title: A}, {id: P1, title: B}]\n", "programme P1 is listed twice"),
    ]:
        hostile.write("selfassess.yaml", CONFIG + extra)
        result = run(hostile, "check")
        assert result.exit_code == 1 and "selfassess.yaml" in result.output and said in result.output, extra
    hostile.write("selfassess.yaml", CONFIG.replace("frameworks: [t, u]", "frameworks: [t, t, u]"))
    assert "t is listed twice" in run(hostile, "check").output
    hostile.write("selfassess.yaml", CONFIG.replace("frameworks: [t, u]", "frameworks: []"))
    assert "name at least one framework" in run(hostile, "check").output
    hostile.write("selfassess.yaml", CONFIG)
    for catalogue, said in [
        (CATALOGUE_T.replace('id: "1.1"', 'id: "1.\u200b1"'), "invisible character"),
        (CATALOGUE_T.replace('id: "1.1"', 'id: "t:1.1"'), "cannot be an id"),
        (CATALOGUE_T.replace("min_count: 2", "min_count: true"), "min_count"),
        (
            CATALOGUE_T + '  - id: "1"\n    title: {en: Again}\n    criteria: [{id: "9.9", title: {en: X}}]\n',
            "defined twice",
        ),
    ]:
        hostile.write("criteria/t.yaml", catalogue)
        result = run(hostile, "check")
        assert result.exit_code == 1 and "criteria/t.yaml" in result.output and said in result.output, said


def test_a_citation_pattern_that_could_run_for_hours_never_runs(hostile: Workspace) -> None:
    hostile.write("selfassess.yaml", CONFIG + "citation_pattern: '(a+)+$'\n")
    hostile.write("narratives/t/1.1.md", "a" * 40 + "b [E-1]\n")
    started = time.perf_counter()
    assert run(hostile, "check").exit_code == 1
    assert time.perf_counter() - started < 20


def test_thirty_thousand_unknown_citations_are_one_page_of_findings(hostile: Workspace) -> None:
    hostile.write("narratives/t/1.1.md", " ".join(f"[E-{n}]" for n in range(3, 30_000)) + "\n")
    started = time.perf_counter()
    result = run(hostile, "check")
    assert time.perf_counter() - started < 20
    assert result.output.count("unknown-citation") == 51  # 50 named, then how many more
    assert "29947 more citations of ids not in the register" in result.output


def test_outputs_never_leave_the_workspace(hostile: Workspace, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("build", ".selfassess"):
        link(str(outside), hostile.root / name)
        for args in (["check"], ["build", "--framework", "t"], ["doc", "build"], ["requests"]):
            result = run(hostile, *args)
            assert result.exit_code == 1 and f"{name} is a link to outside the workspace" in result.output
        (hostile.root / name).unlink()
    assert list(outside.iterdir()) == []
    (hostile.root / "build").mkdir()
    link(str(outside), hostile.root / "build" / "documents")
    assert "build/documents is a link" in run(hostile, "doc", "build").output
    assert list(outside.iterdir()) == []
    (hostile.root / "build" / "documents").unlink()
    (hostile.root / "build").rmdir()
    (hostile.root / "build").write_text("a file where the folder should be")
    result = run(hostile, "build", "--framework", "t")
    assert result.exit_code == 1 and "build is in the way" in result.output


def test_a_folder_in_the_way_of_a_lock_is_an_error_not_a_crash(hostile: Workspace) -> None:
    (hostile.root / "build" / ".lock").mkdir(parents=True)
    result = run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25")
    assert result.exit_code == 1 and "is in the way" in result.output and ".lock" in result.output


def test_an_archive_linked_out_of_the_workspace_is_neither_read_nor_written(hostile: Workspace, tmp_path: Path) -> None:
    assert revise(hostile).exit_code == 0
    archive = hostile.root / "documents" / DOCUMENT / "archive"
    outside = tmp_path / "elsewhere"
    shutil.move(str(archive), str(outside))
    link(str(outside), archive)
    assert "error[archive-unsafe]" in run(hostile, "doc", "list").output
    refused = run(hostile, "doc", "revise", DOCUMENT, "--summary", "x", "--order", "No. 9", "--date", "2026-05-01")
    assert refused.exit_code == 1 and "nothing was revised" in refused.output
    assert sorted(p.name for p in outside.iterdir()) == ["1.0"]  # no 1.1 written out there
    archive.unlink()
    shutil.move(str(outside), str(archive))
    body = archive / "1.0" / "body.md"
    body.chmod(0o644)
    body.unlink()
    link(str(hostile.root / "documents" / DOCUMENT / "body.md"), body)  # "the same text", by a link
    assert "error[archive-unsafe]" in run(hostile, "doc", "list").output


def test_empty_change_descriptions_and_a_history_cut_short(hostile: Workspace) -> None:
    for summary, order in (("", "No. 1"), (" ", "No. 1"), ("x", "")):
        result = run(hostile, "doc", "revise", DOCUMENT, "--summary", summary, "--order", order, "--date", "2026-03-01")
        assert result.exit_code == 1 and "is empty" in result.output and "nothing was revised" in result.output
    assert revise(hostile).exit_code == 0
    second = ("doc", "revise", DOCUMENT, "--summary", "6.1 added", "--order", "No. 50", "--date", "2026-04-01")
    assert run(hostile, *second).exit_code == 0
    folder = hostile.root / "documents" / DOCUMENT
    history = folder / "revisions.yaml"
    kept = history.read_text(encoding="utf-8")
    # The last entry and its archive removed together: a shorter chain that is whole.
    history.write_text(kept.split("- number: 2")[0], encoding="utf-8")
    last = folder / "archive" / "1.1"
    for file in last.iterdir():
        file.chmod(0o644)
    shutil.rmtree(last)
    for args in (["doc", "list"], ["doc", "build"], ["check"]):
        result = run(hostile, *args)
        assert result.exit_code == 1 and "history-truncated" in result.output, args
        assert "revision 2 (version 1.2) was issued in this workspace" in result.output
    history.unlink()
    for version in list((folder / "archive").iterdir()):
        for file in version.iterdir():
            file.chmod(0o644)
    shutil.rmtree(folder / "archive")
    assert "history-truncated" in run(hostile, "doc", "list").output


def test_verify_of_a_folder_catches_a_second_entry_smuggled_into_the_zip(hostile: Workspace) -> None:
    assert run(hostile, "build", "--framework", "t", "--as-of", "2026-11-25").exit_code in (0, 1)
    pack = hostile.root / "build" / "t" / "pack"
    zipped = pack / "pack.zip"
    with zipfile.ZipFile(zipped) as source:
        items = [(i, source.read(i.filename)) for i in source.infolist()]
    forged = [(i, d) for i, d in items if i.filename.startswith("annexes/")][:1]
    rebuilt = zipped.with_suffix(".new")
    with zipfile.ZipFile(rebuilt, "w") as target:
        for info, _ in forged:
            target.writestr(info.filename, b"forged")
        for info, data in items:
            target.writestr(info, data)
    rebuilt.replace(zipped)
    digests = pack / "pack.zip.sha256"
    lines = digests.read_text(encoding="utf-8").splitlines()
    import hashlib

    lines = [f"{hashlib.sha256(zipped.read_bytes()).hexdigest()}  pack.zip" if "pack.zip" in ln else ln for ln in lines]
    digests.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(hostile.root), "verify", "build/t/pack"])
    assert result.exit_code == 1 and "two entries with one name" in result.output
