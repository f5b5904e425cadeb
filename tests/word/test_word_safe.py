"""Every DOCX and XLSX selfassess writes is one Word accepts: schema-valid, and right where a schema is blind.

The outputs of a whole sample run (reports, controlled documents, the monitoring report,
memos, indices, matrices, registers, an exported catalogue, a new workspace's register) and
the templates are validated against the ISO/IEC 29500 Transitional schemas with
../shared/tools/validate_ooxml.py; then what Word shows but a schema cannot catch is asserted
on the XML itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, sample_copy

from selfassess.cli import main

VALIDATOR = ROOT.parent / "shared" / "tools" / "validate_ooxml.py"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LIBREOFFICE = bool(shutil.which("soffice")) or bool(os.environ.get("CI"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample workspace after every command that writes Office files (with PDFs where LibreOffice is)."""
    root = sample_copy(tmp_path_factory.mktemp("word"))
    runner = CliRunner()
    pdf = ["--pdf"] if LIBREOFFICE else []
    for args in (
        ["build", "--as-of", "2026-11-25", *pdf],
        ["doc", "build", *pdf],
        ["doc", "list"],
        ["monitoring", "--as-of", "2026-11-25"],
        ["requests", "--as-of", "2026-11-25", "--due", "2027-01-15"],
        ["catalogue", "export", "prog-acc", "-o", str(root / "build" / "prog-acc.xlsx")],
        ["init", str(root / "build" / "new-workspace")],
    ):
        result = runner.invoke(main, ["-C", str(root), *args])
        assert result.exit_code == 0, (args, result.output)
    return root


def office_files(root: Path) -> list[Path]:
    found = [
        p
        for p in (root / "build").rglob("*")
        if p.suffix in (".docx", ".xlsx") and ".cache" not in p.parts and "annexes" not in p.parts
    ]
    return sorted(found) + sorted((root / "templates").glob("*.docx"))


def docx_files(root: Path) -> list[Path]:
    return [p for p in office_files(root) if p.suffix == ".docx" and "templates" not in p.parts]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


@pytest.mark.skipif(not VALIDATOR.is_file(), reason=f"the OOXML validator is not here ({VALIDATOR}); CI has ../shared")
def test_every_output_and_template_validates_against_the_ooxml_schemas(outputs: Path) -> None:
    files = office_files(outputs)
    kinds = {p.name for p in files}
    # The run made every kind of Office file selfassess writes.
    assert {"evidence-index.docx", "evidence-index.xlsx", "criteria-matrix.xlsx", "register.docx"} <= kinds
    assert {"register.xlsx", "requests.xlsx", "prog-acc.xlsx", "controlled-document.docx", "memo.docx"} <= kinds
    assert any(p.parent.name == "requests" and p.suffix == ".docx" for p in files)
    assert any(p.parent.name == "monitoring" for p in files)
    done = subprocess.run(
        [sys.executable, str(VALIDATOR), *map(str, files)], capture_output=True, text=True, check=False, timeout=600
    )
    parts = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert {p["file"] for p in parts} == {str(f) for f in files}
    errors = [(Path(p["file"]).name, p["part"], e) for p in parts for e in p["errors"]]
    assert errors == []
    assert done.stderr.strip().splitlines()[-1] == "total errors: 0"


def test_core_properties_are_in_their_own_namespace(outputs: Path) -> None:
    for path in docx_files(outputs):
        core = part(path, "docProps/core.xml")
        assert "custom-properties" not in core, path.name
        if "lastModifiedBy" in core:
            assert re.search(r"<cp:lastModifiedBy>selfassess</cp:lastModifiedBy>", core), path.name


def test_each_document_says_its_language(outputs: Path) -> None:
    expected = {"ky": "ky-KG", "ru": "ru-RU", "en": "en-US"}
    seen = set()
    for path in docx_files(outputs):
        core = part(path, "docProps/core.xml")
        language = re.search(r"<dc:language>(\w+)</dc:language>", core)
        styles = part(path, "word/styles.xml")
        default = re.search(r"<w:rPrDefault><w:rPr>.*?<w:lang w:val=\"([\w-]+)\"", styles)
        assert default, path.name
        if language:
            assert default.group(1) == expected[language.group(1)], path.name
            seen.add(default.group(1))
        assert set(re.findall(r'<w:lang w:val="([\w-]+)"', styles)) == {default.group(1)}, path.name
        assert f'<w:themeFontLang w:val="{default.group(1)}"/>' in part(path, "word/settings.xml"), path.name
    assert seen == {"ky-KG", "ru-RU"}  # the sample writes in both


def test_word_opens_them_in_its_own_mode_and_app_xml_tells_no_stale_tale(outputs: Path) -> None:
    for path in office_files(outputs):
        app = part(path, "docProps/app.xml")
        assert re.search(r"<Application>selfassess [\d.]+</Application>", app), path.name
        assert "Microsoft" not in app and "<Pages>" not in app and "<Words>" not in app, path.name
        if path.suffix == ".docx":
            settings = part(path, "word/settings.xml")
            assert re.search(r'<w:compatSetting w:name="compatibilityMode" [^>]*w:val="15"/>', settings), path.name


def test_merged_cells_are_as_wide_as_the_grid_they_span_and_tables_never_touch(outputs: Path) -> None:
    from lxml import etree

    merged = 0
    for path in docx_files(outputs):
        with zipfile.ZipFile(path) as package:
            names = [n for n in package.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
            for name in names:
                tree = etree.fromstring(package.read(name))
                for table in tree.iter(f"{W}tbl"):
                    following = table.getnext()
                    assert following is None or following.tag != f"{W}tbl", (path.name, name)
                    grid = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
                    for row in table.findall(f"{W}tr"):
                        position = 0
                        for cell in row.findall(f"{W}tc"):
                            span = cell.find(f"{W}tcPr/{W}gridSpan")
                            count = int(span.get(f"{W}val")) if span is not None else 1
                            width = cell.find(f"{W}tcPr/{W}tcW")
                            if grid and width is not None and width.get(f"{W}type") == "dxa":
                                assert int(width.get(f"{W}w")) == sum(grid[position : position + count]), path.name
                                merged += count > 1
                            position += count
    assert merged > 0  # the page header's merged cells were among those checked


@pytest.mark.skipif(not LIBREOFFICE, reason="LibreOffice (soffice) is not installed")
def test_contents_page_numbers_come_from_the_libreoffice_layout(outputs: Path) -> None:
    from docx import Document

    checked = 0
    for path in docx_files(outputs):
        if not path.with_suffix(".pdf").is_file():
            continue
        lines = [p.text for p in Document(str(path)).paragraphs if p.style.name.startswith("toc")]
        if not lines:
            continue
        numbers = [line.rsplit("\t", 1)[-1] for line in lines]
        assert all(n.isdigit() for n in numbers), (path.name, lines)
        assert [int(n) for n in numbers] == sorted(int(n) for n in numbers), path.name
        checked += 1
    assert checked >= 3  # the reports and the controlled documents
