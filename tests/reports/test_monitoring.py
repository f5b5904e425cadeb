"""The monitoring report: indicators with charts, surveys, conclusions, sources, as a controlled document."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner
from conftest import sample_copy
from docx import Document

from selfassess.cli import main

ROOT = Path(__file__).resolve().parents[2]
REPORT = "КНУ.СМК-ОТ.03_v1.0.docx"


def test_monitoring_report_of_the_sample(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    result = CliRunner().invoke(main, ["-C", str(root), "monitoring", "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.output
    path = root / "build" / "monitoring" / REPORT
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:6] == [
        "1. Киришүү",
        "2. Көрсөткүчтөр",
        "3. Сурамжылоолордун жыйынтыктары",
        "4. Корутунду",
        "5. Сунуштар",
        "6. Маалыматтардын булактары",
    ]
    staff = next(t for t in document.tables if t.rows[0].cells[0].text == "Бөлүнүшү")
    # Kyrgyz numbers: a decimal comma, a no-break space before the sign.
    assert [c.text for c in staff.rows[1].cells] == ["Бардыгы", "55,7\u00a0%", "70", "талапка жооп берет"]
    assert ["Кафедра программной инженерии", "30\u00a0%", "10", "чектен төмөн"] in [
        [c.text for c in r.cells] for r in staff.rows
    ]
    sources = next(t for t in document.tables if t.rows[0].cells[1].text == "Маалыматтын булагы")
    # In words: the register's title of the source, the unit that keeps it, its date, the rows used.
    assert [c.text for c in sources.rows[1].cells] == [
        "Илимий даражасы бар окутуучулардын үлүшү (адам саны боюнча, алты кафедра)",
        "Список профессорско-преподавательского состава на 2026–2027 уч. год (степень, звание, ставка, вид занятости) [ППС]",
        "Кадрлар бөлүмү",
        "01.10.2026",
        "70 саптан 70",
    ]
    captions = [p.text for p in document.paragraphs if p.style.name == "Table Caption"]
    figures = [p.text for p in document.paragraphs if p.style.name == "Image Caption"]
    assert captions[0].startswith("1-таблица. ") and figures[0].startswith("1-сүрөт. ")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert not [h for h in headings if re.match(r"^[A-Z]+-\d", h)]  # no "STAFF-01 …" as a heading
    first_cells = [r.cells[0].text for t in document.tables for r in t.rows]
    assert "Окутуу (блок)" in first_cells and "[teaching]" not in first_cells  # blocks by their titles
    reliability = [p.text for p in document.paragraphs if p.text.startswith("Блоктордун ишенимдүүлүгү")]
    assert reliability and re.search(r"Окутуу \(блок\): α\s=\s0,\d\d \(n\s=\s\d+, ", reliability[0])  # decimal comma
    lines = [r.cells[4].text for r in sources.rows[1:]]
    assert not [line for line in lines if " rows" in line or "empty" in line or " not in " in line]  # Kyrgyz only
    assert any("бош эмес" in line for line in lines)
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png")]
        assert str(root) not in archive.read("word/document.xml").decode()  # no machine paths inside
    assert len(charts) >= 6
    header = document.sections[0].header.tables[0]
    assert header.rows[2].cells[0].text == "1.0 версиясы — ДОЛБООР"


def test_monitoring_report_is_byte_identical(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    runner = CliRunner()
    runner.invoke(main, ["-C", str(root), "monitoring", "--as-of", "2026-11-25"])
    first = (root / "build" / "monitoring" / REPORT).read_bytes()
    shutil.rmtree(root / "build")
    runner.invoke(main, ["-C", str(root), "monitoring", "--as-of", "2026-11-25"])
    assert (root / "build" / "monitoring" / REPORT).read_bytes() == first
