"""Controlled documents: the DOCX structure, the PDF page by page, revisions and their archive."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Workspace, needs_libreoffice
from docx import Document
from docx.oxml.ns import qn

from selfassess.cli import main

ROOT = Path(__file__).resolve().parents[2]
REGULATION = "КНУ.СМК-СП.01"
INSTRUCTION = "КНУ.СМК-И.02"


@pytest.fixture
def space(tmp_path: Path) -> Path:
    """Return a copy of the sample workspace's settings, documents and templates."""
    target = tmp_path / "ws"
    target.mkdir()
    shutil.copy(ROOT / "selfassess.yaml", target)
    shutil.copytree(ROOT / "documents", target / "documents")
    shutil.copytree(ROOT / "templates", target / "templates")
    return target


def run(space: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["-C", str(space), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def built(space: Path, code: str, version: str, suffix: str = "docx") -> Path:
    return space / "build" / "documents" / code / f"{code}_v{version}.{suffix}"


def instructions(part_element) -> list[str]:
    return [e.text.strip() for e in part_element.iter(qn("w:instrText"))]


def pdf_pages(path: Path) -> list[str]:
    pages = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        ).group(1)
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def test_regulation_docx_has_every_element_of_the_seed(space: Path) -> None:
    run(space, "doc", "build", REGULATION)
    document = Document(str(built(space, REGULATION, "0.1")))
    header = document.sections[0].header
    [table] = header.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][0] == (
        "Кыргыз Республикасынын илим, жогорку билим жана инновациялар министрлиги\n"
        "Жусуп Баласагын атындагы Кыргыз улуттук университети"
    )
    assert rows[1][0] == "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө жобо"
    assert rows[1][1] == REGULATION
    assert re.fullmatch(r"\d+-\d+ бет", rows[1][2])
    assert rows[2][0] == "0.1 версиясы" and rows[2][2] == "19.01.2026"
    assert instructions(header._element) == ["PAGE", "NUMPAGES"]
    assert not document.sections[0].different_first_page_header_footer

    texts = [p.text for p in document.paragraphs]
    title_page = texts[: texts.index("Мазмуну")]
    for expected in (
        "«БЕКТЕМ»",
        "Жусуп Баласагын атындагы КУУнун ректору",
        "_______________ Д.Т. Чонтоев",
        "«19» январь 2026-ж.",
        "ЖОБО",
        "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө",  # under ЖОБО, "жобо" is not repeated
        REGULATION,
        "«Макулдашылган»",
        "Окуу-методикалык кеңештин төрагасы",
        "_______________ А.Б. Шамшиев",
        "Протокол № 3",
    ):
        assert expected in title_page, expected

    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert headings[:3] == [
        "1. Максаты жана колдонуу чөйрөсү",
        "1.4.1 Академиялык билим берүүнүн сапаты",
        "1.4.2 Окутуунун сапаты",
    ]
    assert headings[-3:] == ["Иштеп чыгуучулар", "Макулдашуу барагы", "Өзгөртүүлөрдү киргизүү барагы"]
    assert [h for h in headings if re.match(r"\d\. ", h)] == [
        "1. Максаты жана колдонуу чөйрөсү",
        "2. Нормативдик камсыздоо",
        "3. Терминдер жана кыскартуулар",
        "4. Негизги максаттары жана милдеттери",
        "5. Негизги функциялары",
        "6. Жоопкерчилик жана ыйгарым укуктар",
        "7. Өз ара аракеттенүү",
        "8. Квалификациялык талаптар",
    ]
    contents = [p for p in document.paragraphs if p.style.name.startswith("toc")]
    assert [p.text.rstrip("\t") for p in contents] == headings
    toc_fields = [i for p in contents for i in instructions(p._p)]
    assert toc_fields == [f"PAGEREF _Toc{n:06d} \\h" for n in range(1, len(headings) + 1)]
    bookmarks = [b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))]
    assert [b for b in bookmarks if b.startswith("_Toc")] == [f"_Toc{n:06d}" for n in range(1, len(headings) + 1)]

    body = [p.text for p in document.paragraphs if not p.style.name.startswith(("toc", "Heading"))]
    clauses = [t for t in body if re.match(r"\d+\.\d+(\.\d+)? ", t)]
    assert clauses[0].startswith("1.1 Бул жобо Жусуп Баласагын атындагы Кыргыз улуттук университетинин")
    assert [c.split()[0] for c in clauses if c.startswith("4.")] == [f"4.{n}" for n in range(1, 14)]
    assert "8.7" in [c.split()[0] for c in clauses]

    developers, agreement, changes = document.tables[-3:]
    assert [c.text for c in developers.rows[0].cells] == ["Кызматы", "Аты-жөнү", "Кол тамгасы", "Күнү"]
    assert [row.cells[1].text for row in developers.rows[1:]] == [
        "Кемелгазыева Г.К.",
        "Орозакунова М.К.",
        "Караева С.Д.",
    ]
    assert [c.text for c in agreement.rows[0].cells] == ["Кызматы", "Аты-жөнү", "Кол тамгасы"]
    # The chair who agrees it on the title page leads the agreement sheet (the seed left him off).
    assert len(agreement.rows) == 5
    assert [c.text for c in agreement.rows[1].cells[:2]] == ["Окуу-методикалык кеңештин төрагасы", "А.Б. Шамшиев"]
    assert changes.rows[0].cells[0].text == "Өзгөртүүнүн номери"
    assert (
        changes.rows[0].cells[4].text
        == "Түзүмдүк бөлүмдүн сапат боюнча ыйгарым укуктуу өкүлү (өзгөртүү киргизген адам)"
    )
    assert [c.text for c in changes.rows[1].cells[4:]] == ["Аты-жөнү", "Колу"]
    assert len(changes.rows) == 2 + 5
    assert (
        document.core_properties.title == "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө жобо"
    )


@needs_libreoffice
def test_rebuild_is_byte_identical(space: Path) -> None:
    run(space, "doc", "build", "--pdf")
    first = {p.name: p.read_bytes() for p in (space / "build" / "documents").rglob("*_v*.*")}
    shutil.rmtree(space / "build")
    run(space, "doc", "build", "--pdf")
    second = {p.name: p.read_bytes() for p in (space / "build" / "documents").rglob("*_v*.*")}
    assert sorted(first) == sorted(second)
    assert len(first) == 4
    for name in first:
        assert first[name] == second[name], name


@needs_libreoffice
def test_pdf_has_the_page_header_on_every_page_and_real_contents(space: Path) -> None:
    run(space, "doc", "build", REGULATION, "--pdf")
    pages = pdf_pages(built(space, REGULATION, "0.1", "pdf"))
    total = len(pages)
    assert total >= 8
    for number, text in enumerate(pages, start=1):
        assert f"{number}-{total} бет" in text, f"page {number}"
        assert REGULATION in text and "0.1 версиясы" in text and "19.01.2026" in text
    contents = next(text for text in pages if "Мазмуну" in text)
    entries = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", contents, re.M)
    assert len(entries) == 18
    for title, page in entries:
        words = " ".join(title.split()[:4])
        body = pages[int(page) - 1]
        assert words in " ".join(body.split()), f"'{title}' is not on page {page}"
    text = "".join(pages)
    source = (space / "documents" / REGULATION / "body.md").read_text(encoding="utf-8")
    letters = set(source) & set("ңөүҢӨҮ")
    assert {"ң", "ө", "ү"} <= letters
    assert letters <= set(text)
    assert "Өз ара аракеттенүү" in text


@needs_libreoffice
def test_russian_document_uses_russian_labels(space: Path) -> None:
    run(space, "doc", "build", INSTRUCTION, "--pdf")
    document = Document(str(built(space, INSTRUCTION, "1.0")))
    texts = [p.text for p in document.paragraphs]
    for label in (
        "«УТВЕРЖДАЮ»",
        "«СОГЛАСОВАНО»",
        "Содержание",
        "ИНСТРУКЦИЯ",
        "Разработчики",
        "Лист согласования",
        "Лист регистрации изменений",
    ):
        assert label in texts, label
    assert "«16» февраля 2026 г." in texts
    rows = [[c.text for c in r.cells] for r in document.sections[0].header.tables[0].rows]
    assert rows[2][0] == "Версия 1.0"
    pages = pdf_pages(built(space, INSTRUCTION, "1.0", "pdf"))
    for number, text in enumerate(pages, start=1):
        assert f"стр. {number} из {len(pages)}" in text


def test_revise_twice_keeps_every_issued_version(space: Path) -> None:
    out = run(
        space,
        "doc",
        "revise",
        REGULATION,
        "--summary",
        "5.3 толукталды",
        "--order",
        "№ 45, 12.03.2026",
        "--date",
        "2026-03-12",
        "--by",
        "Орозакунова М.К.",
    )
    assert out.strip() == f"{REGULATION}: version 0.1 archived; now version 0.2 (change No. 1)"
    history = space / "documents" / REGULATION / "revisions.yaml"
    first_history = history.read_text(encoding="utf-8")
    run(
        space,
        "doc",
        "revise",
        REGULATION,
        "--summary",
        "7.4 өзгөртүлдү",
        "--order",
        "№ 112, 02.09.2026",
        "--date",
        "02.09.2026",
        "--received",
        "2026-08-28",
        "--major",
    )
    assert history.read_text(encoding="utf-8").startswith(first_history)

    archive = space / "documents" / REGULATION / "archive"
    assert sorted(p.name for p in archive.iterdir()) == ["0.1", "0.2"]
    for version in ("0.1", "0.2"):
        archived = archive / version / f"{REGULATION}_v{version}.docx"
        assert oct(archived.stat().st_mode & 0o777) == "0o444"
        header = Document(str(archived)).sections[0].header.tables[0]
        assert header.rows[2].cells[0].text == f"{version} версиясы — ЖАРАКСЫЗ"
    assert (archive / "0.2" / "revisions.yaml").read_text(encoding="utf-8") == first_history

    run(space, "doc", "build", REGULATION)
    current = Document(str(built(space, REGULATION, "1.0")))
    assert current.sections[0].header.tables[0].rows[2].cells[0].text == "1.0 версиясы"
    assert current.sections[0].header.tables[0].rows[2].cells[2].text == "02.09.2026"
    changes = current.tables[-1]
    filled = [[c.text for c in row.cells[:5]] for row in changes.rows[2:] if row.cells[0].text]
    assert filled == [
        ["1", "№ 45, 12.03.2026", "12.03.2026", "12.03.2026", "Орозакунова М.К."],
        ["2", "№ 112, 02.09.2026", "28.08.2026", "02.09.2026", ""],
    ]
    listing = run(space, "doc", "list")
    assert f"{REGULATION}  v1.0   2026-09-02  approved" in listing


def test_revise_refuses_to_overwrite_an_archive(space: Path) -> None:
    (space / "documents" / REGULATION / "archive" / "0.1").mkdir(parents=True)
    result = CliRunner().invoke(
        main, ["-C", str(space), "doc", "revise", REGULATION, "--summary", "x", "--order", "№ 1"]
    )
    assert result.exit_code == 1
    # An archive without the history that made it: the history was lost, and revise will not go on.
    assert (
        f"documents/{REGULATION}/revisions.yaml: error[history-missing] revisions.yaml was deleted, "
        "but versions 0.1 are archived: the change history is lost"
    ) in result.output
    assert not (space / "documents" / REGULATION / "revisions.yaml").exists()


def test_tampered_history_and_archive_are_reported(space: Path) -> None:
    run(space, "doc", "revise", REGULATION, "--summary", "x", "--order", "№ 1", "--date", "2026-03-01")
    archived = space / "documents" / REGULATION / "archive" / "0.1" / "body.md"
    archived.chmod(0o644)
    archived.write_text("changed", encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(space), "doc", "list"])
    assert result.exit_code == 1
    assert (
        f"documents/{REGULATION}/archive/0.1/body.md: error[archive-changed] the archived file of version 0.1 was changed"
        in result.output
    )

    history = space / "documents" / REGULATION / "revisions.yaml"
    history.write_text(history.read_text(encoding="utf-8").replace("number: 1", "number: 3"), encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(space), "doc", "build"])
    assert result.exit_code == 1
    assert (
        "error[history-broken] entry 3 does not follow the one before it (expected entry 1 revising version 0.1)"
        in result.output
    )
    assert "error[history-edited] entry 3 was changed after it was written: number was '1', now '3'" in result.output


def test_bad_document_metadata_is_reported_with_its_line(space: Path) -> None:
    meta = space / "documents" / REGULATION / "document.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("type: regulation", "type: regulashun"), encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(space), "doc", "build"])
    assert result.exit_code == 1
    line = next(
        n for n, text in enumerate(meta.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("type:")
    )
    assert (
        f"documents/{REGULATION}/document.yaml:{line}: error[invalid-field] 'type' is 'regulashun', which is not allowed"
        in result.output
    )
    assert "Traceback" not in result.output


def test_templates_run_in_a_sandbox(space: Path) -> None:
    from docx import Document as New

    template = New(str(space / "templates" / "controlled-document.docx"))
    template.add_paragraph("{{ title.__class__.__mro__[1].__subclasses__() }}")
    template.save(str(space / "templates" / "controlled-document.docx"))
    result = CliRunner().invoke(main, ["-C", str(space), "doc", "build", REGULATION])
    assert result.exit_code == 1
    assert (
        "templates/controlled-document.docx: the template cannot be filled in: access to attribute '__class__'"
        in result.output
    )


def test_template_asking_for_unknown_data(space: Path) -> None:
    from docx import Document as New

    template = New(str(space / "templates" / "controlled-document.docx"))
    template.add_paragraph("{{ rector_phone }}")
    template.save(str(space / "templates" / "controlled-document.docx"))
    result = CliRunner().invoke(main, ["-C", str(space), "doc", "build", REGULATION])
    assert result.exit_code == 1
    assert (
        "templates/controlled-document.docx: the template uses rector_phone, which selfassess does not provide"
        in result.output
    )


def test_register_of_documents_is_written(space: Path) -> None:
    listing = run(space, "doc", "list")
    assert "wrote build/documents/register.xlsx" in listing
    document = Document(str(space / "build" / "documents" / "register.docx"))
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert rows[0] == ["Коду", "Аталышы", "Версиясы", "Күнү", "Абалы", "Ээси"]
    assert rows[1][:5] == [
        INSTRUCTION,
        "Инструкция по ведению реестра доказательств для аккредитации и лицензирования",
        "1.0",
        "16.02.2026",
        "Бекитилген",
    ]
    from openpyxl import load_workbook

    sheet = load_workbook(space / "build" / "documents" / "register.xlsx").active
    assert [c.value for c in sheet[3]][:3] == [
        REGULATION,
        "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү жөнүндө жобо",
        "0.1",
    ]


def findings_of(space: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["-C", str(space), *args])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    return result.output


def test_document_problems_are_named(space: Path) -> None:
    folder = space / "documents" / REGULATION
    meta = (folder / "document.yaml").read_text(encoding="utf-8")
    twin = space / "documents" / "copy"
    shutil.copytree(folder, twin)
    (twin / "body.md").unlink()
    output = findings_of(space, "doc", "build")
    assert f"error[duplicate-code] the code {REGULATION} is also used by documents/copy/document.yaml" in output
    shutil.rmtree(twin)

    (folder / "document.yaml").write_text(meta.replace(f"code: {REGULATION}", "code: KNU-1"), encoding="utf-8")
    output = findings_of(space, "doc", "build")
    assert (
        "error[bad-code] the code «KNU-1» is not written as this university's document codes are: the institution, "
        "a dot, the management system, a hyphen, the kind of document, a dot and its two-digit number, "
        f"e.g. {INSTRUCTION}" in output
    )
    assert "^[" not in output  # never the regular expression itself
    assert f"warning[folder-name] the folder is named '{REGULATION}' but the code is KNU-1" in output
    (folder / "document.yaml").write_text(meta, encoding="utf-8")

    (folder / "body.md").rename(folder / "text.md")
    output = findings_of(space, "doc", "build")
    assert f"documents/{REGULATION}/body.md: error[no-body] the document has no body.md" in output
    (folder / "text.md").rename(folder / "body.md")

    (folder / "revisions.yaml").write_text("number: 1\n", encoding="utf-8")
    output = findings_of(space, "doc", "build")
    assert (
        f"documents/{REGULATION}/revisions.yaml:1: error[invalid-revisions] revisions.yaml must be a list of revisions"
        in output
    )


def test_missing_archive_is_reported(space: Path) -> None:
    run(space, "doc", "revise", REGULATION, "--summary", "x", "--order", "№ 1", "--date", "2026-03-01")
    archived = space / "documents" / REGULATION / "archive" / "0.1" / f"{REGULATION}_v0.1.docx"
    archived.unlink()
    output = findings_of(space, "doc", "list")
    assert (
        f"documents/{REGULATION}/archive/0.1/{REGULATION}_v0.1.docx: error[archive-missing] the archived file of version 0.1 is gone"
        in output
    )


def test_broken_reference_template_is_named(space: Path) -> None:
    (space / "templates" / "reference.docx").write_bytes(b"not a docx")
    output = findings_of(space, "doc", "build", REGULATION)
    assert f"documents/{REGULATION}/body.md: error[markdown]" in output
    assert "cannot convert body.md with pandoc" in output


def test_numbers_written_in_the_body_are_never_renumbered(space: Path) -> None:
    body = space / "documents" / INSTRUCTION / "body.md"
    body.write_text("# 1. Раздел\n\n1. первый пункт\n2. второй пункт\n5. пятый пункт\n", encoding="utf-8")
    run(space, "doc", "build", INSTRUCTION)
    texts = [p.text for p in Document(str(built(space, INSTRUCTION, "1.0"))).paragraphs]
    assert [t for t in texts if "пункт" in t] == ["1. первый пункт", "2. второй пункт", "5. пятый пункт"]


def test_doc_list_without_documents_says_so_and_writes_nothing(ws: Workspace) -> None:
    result = ws.run("doc", "list")
    assert result.exit_code == 0
    assert "there are no controlled documents in documents/, so no register was written" in result.output
    assert not (ws.root / "build" / "documents").exists()
