"""The document-control lint: one tiny DOCX per defect, its clean counterpart, the seed, our own output."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import needs_libreoffice, sample_copy
from docx import Document
from docx.enum.text import WD_BREAK
from seed_docx import make_seed_docx

from selfassess.cli import main
from selfassess.documents.lint import CODES, lint_docx

TODAY = dt.date(2026, 12, 5)
CODE = "КНУ.СМК-СП.01"

CLEAN: dict[str, object] = {
    "header": [["Министрлик", "", ""], ["Жобо", CODE, "1-1 бет"], ["0.1 версиясы", "", "19.01.2026"]],
    "title": [
        "«БЕКТЕМ»",
        "КУУнун ректору",
        "_______________ Д.Т. Чонтоев",
        "«19» январь 2026-ж.",
        "",
        "ЖОБО",
        "Бөлүм жөнүндө жобо",
        CODE,
        "",
        "«Макулдашылган»",
        "Окуу-методикалык кеңештин төрагасы",
        "_______________ А.Б. Шамшиев",
        "Протокол № 3",
        "«19» январь 2026-ж.",
    ],
    "contents": [
        "1. Максаты\t3",
        "2. Милдеттер\t3",
        "Иштеп чыгуучулар\t4",
        "Макулдашуу барагы\t4",
        "Өзгөртүүлөрдү киргизүү барагы\t4",
    ],
    "body": [
        ("h", "1. Максаты"),
        ("p", "1.1 Бул жобо Кыргыз улуттук университетинин (мындан ары — КУУ) ички документи болуп саналат."),
        ("p", "1.2 Жобо КУУнун бөлүмдөрүнө 19.01.2026 күнүнөн баштап колдонулат."),
        ("h", "2. Милдеттер"),
        ("p", "2.1 Бөлүм мониторинг жүргүзөт."),
        ("p", "2.2 Бөлүм аудит жүргүзөт."),
    ],
    "contents_title": "Мазмуну",
    "parts": ["Иштеп чыгуучулар", "Макулдашуу барагы", "Өзгөртүүлөрдү киргизүү барагы"],
    "developers": [["Кызматы", "Аты-жөнү"], ["Башчы", "Кемелгазыева Г.К."]],
    "agreement": [["Кызматы", "Аты-жөнү"], ["Окуу-методикалык кеңештин төрагасы", "А.Б. Шамшиев"]],
    "changes": [
        ["Өзгөртүүнүн номери", "Тескеме", "Алынган күнү", "Киргизилген күнү"],
        ["1", "№ 12, 01.02.2026", "01.02.2026", "02.02.2026"],
        ["2", "№ 30, 01.03.2026", "01.03.2026", "02.03.2026"],
    ],
}


def build(spec: dict[str, object], path: Path, second_header: list[list[str]] | None = None) -> Path:
    """Write the regulation `spec` describes as a Word document (python-docx, as an office would)."""
    document = Document()

    def header_table(section: object, rows: list[list[str]]) -> None:
        header = section.header  # type: ignore[attr-defined]
        header.is_linked_to_previous = False
        table = header.add_table(rows=len(rows), cols=3, width=document.sections[0].page_width)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text

    def table(rows: list[list[str]]) -> None:
        grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                grid.cell(r, c).text = text

    header_table(document.sections[0], spec["header"])  # type: ignore[arg-type]
    for line in spec["title"]:  # type: ignore[attr-defined]
        document.add_paragraph(line)
    document.add_paragraph(spec["contents_title"])
    for line in spec["contents"]:  # type: ignore[attr-defined]
        document.add_paragraph(line)
    for kind, text in spec["body"]:  # type: ignore[attr-defined]
        if kind == "h":
            document.add_heading(text, level=1 if text.split()[0].count(".") <= 1 else 2)
        else:
            document.add_paragraph(text)
    if second_header is not None:
        from docx.enum.section import WD_SECTION

        header_table(document.add_section(WD_SECTION.NEW_PAGE), second_header)
    for title, key in zip(spec["parts"], ("developers", "agreement", "changes"), strict=True):  # type: ignore[call-overload]
        document.add_heading(title, level=1)
        table(spec[key])  # type: ignore[arg-type]
    document.save(str(path))
    return path


def codes_of(path: Path) -> list[str]:
    return [f.code for f in lint_docx(path, path.name, today=TODAY)]


def replaced(spec: dict[str, object], key: str, old: str, new: str) -> dict[str, object]:
    changed = copy.deepcopy(spec)
    changed[key] = json.loads(json.dumps(changed[key]).replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1]))
    if key == "body":
        changed[key] = [tuple(x) for x in changed[key]]  # type: ignore[union-attr]
    return changed


def test_a_clean_regulation_gives_no_finding(tmp_path: Path) -> None:
    assert codes_of(build(CLEAN, tmp_path / "clean.docx")) == []
    # «А.Б. Шамшиев» on the title page is «Шамшиев А.Б.» on the sheet: one person.
    reordered = replaced(CLEAN, "agreement", "А.Б. Шамшиев", "Шамшиев А. Б.")
    assert codes_of(build(reordered, tmp_path / "reordered.docx")) == []


DEFECTS = [
    ("code-mismatch", lambda s: replaced(s, "title", CODE, "КУУ.СБС-ТБ.01")),
    ("code-spacing", lambda s: replaced(s, "header", CODE, "КНУ.СМК- СП.01")),
    ("version-mismatch", lambda s: replaced(s, "title", "Бөлүм жөнүндө жобо", "Бөлүм жөнүндө жобо, 0.2 версиясы")),
    ("date-mismatch", lambda s: replaced(s, "header", "19.01.2026", "20.01.2026")),
    ("contents-entry-without-heading", lambda s: replaced(s, "contents", "2. Милдеттер\t3", "3. Укуктар\t3")),
    ("contents-differs", lambda s: replaced(s, "contents", "2. Милдеттер\t3", "2. Негизги милдеттер\t3")),
    ("heading-not-in-contents", lambda s: {**s, "contents": [c for c in s["contents"] if "Иштеп" not in c]}),
    ("clause-gap", lambda s: replaced(s, "body", "2.2 Бөлүм", "2.3 Бөлүм")),
    ("clause-level-jump", lambda s: replaced(s, "body", "2.2 Бөлүм", "2.1.1.1 Бөлүм")),
    ("clause-duplicate", lambda s: replaced(s, "body", "2.2 Бөлүм аудит жүргүзөт.", "2.1 Бөлүм мониторинг жүргүзөт.")),
    ("clause-repeated", lambda s: replaced(s, "body", "2.2 Бөлүм", "2.1 Бөлүм")),
    ("numbering-style", lambda s: replaced(s, "body", "2.2 Бөлүм", "2.2. Бөлүм")),
    ("abbreviation-undefined", lambda s: replaced(s, "body", "Бөлүм аудит", "БСМЖАБ аудит")),
    (
        "abbreviation-variant",
        lambda s: replaced(
            replaced(s, "body", "2.1 Бөлүм", "2.1 Сапат бөлүмү (мындан ары — БСМЖАБ)"),
            "body",
            "2.2 Бөлүм",
            "2.2 БСМжАБ",
        ),
    ),
    ("name-variant", lambda s: replaced(s, "body", "2.2 Бөлүм", "2.2 Кыргыз мамлекеттик улуттук университети")),
    ("approval-incomplete", lambda s: replaced(s, "title", "«19» январь 2026-ж.", "2026-ж.")),
    ("agreement-incomplete", lambda s: replaced(s, "title", "Протокол № 3", "Протокол №")),
    ("agreement-not-on-sheet", lambda s: replaced(s, "agreement", "А.Б. Шамшиев", "К.К. Асанов")),
    ("change-number-order", lambda s: {**s, "changes": [*s["changes"][:2], ["3", *s["changes"][2][1:]]]}),
    ("change-date-order", lambda s: replaced(s, "changes", "02.03.2026", "20.01.2026")),
    ("change-date-future", lambda s: replaced(s, "changes", "02.03.2026", "02.03.2027")),
    ("change-order-reference", lambda s: replaced(s, "changes", "№ 30, 01.03.2026", "приказ ректора")),
    ("date-invalid", lambda s: replaced(s, "body", "19.01.2026 күнүнөн", "31.02.2026 күнүнөн")),
    ("date-style-mixed", lambda s: replaced(s, "body", "2.1 Бөлүм", "2.1 2026-02-01 күнүнөн бөлүм")),
    ("fragment", lambda s: {**s, "body": [*s["body"][:3], ("p", "жана мониторинг жүргүзүлөт."), *s["body"][3:]]}),
    ("empty-paragraphs", lambda s: {**s, "body": [*s["body"][:2], ("p", ""), ("p", ""), ("p", ""), *s["body"][2:]]}),
]


@pytest.mark.parametrize(("code", "defect"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_each_defect_is_found_once_with_its_place_and_a_quote(tmp_path: Path, code: str, defect: object) -> None:
    path = build(defect(copy.deepcopy(CLEAN)), tmp_path / f"{code}.docx")  # type: ignore[operator]
    findings = lint_docx(path, path.name, today=TODAY)
    assert [f.code for f in findings if f.code == code] == [code], [str(f) for f in findings]
    [finding] = [f for f in findings if f.code == code]
    assert str(finding.where).startswith(f"{path.name}, ")  # a paragraph, a cell, a header or a sheet
    assert finding.hint


def test_every_rule_has_a_defect_test() -> None:
    tested = {code for code, _ in DEFECTS} | {"header-differs", "unreadable-docx", "contents-page-wrong"}
    tested |= {"change-total-pages"}  # needs a layout: the LibreOffice test below
    tested |= {"word-lock-file"}  # test_import_office_drafts.py
    assert set(CODES) - tested == set()


def test_blank_dates_to_fill_by_hand_pass_only_on_a_draft(tmp_path: Path) -> None:
    blanks = replaced(CLEAN, "title", "«19» январь 2026-ж.", "«___» __________ 20__-ж.")
    assert "approval-incomplete" in codes_of(build(blanks, tmp_path / "final.docx"))
    draft = replaced(blanks, "header", CODE, "ДОЛБООР")
    assert "approval-incomplete" not in codes_of(build(draft, tmp_path / "draft.docx"))


def test_a_header_changed_in_a_later_section(tmp_path: Path) -> None:
    other = [["Министрлик", "", ""], ["Жобо", CODE, "2-2 бет"], ["0.2 версиясы", "", "19.01.2026"]]
    path = build(CLEAN, tmp_path / "two.docx", second_header=other)
    findings = [f for f in lint_docx(path, path.name, today=TODAY) if f.code == "header-differs"]
    assert len(findings) == 1 and "section 2" in str(findings[0].where) and "0.2" in findings[0].message


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    [finding] = lint_docx(path, "fake.docx")
    assert finding.code == "unreadable-docx" and "save it again as .docx" in (finding.hint or "")


def test_the_regulation_as_issued(tmp_path: Path) -> None:
    """The seed: two codes, contents that differ from the headings, the department's name and
    abbreviation spelled several ways, a draft fragment, an agreement missing from its sheet."""
    path = make_seed_docx(tmp_path / "seed.docx")
    findings = lint_docx(path, "seed.docx", today=TODAY)
    said = [str(f) for f in findings]
    codes = {f.code for f in findings}
    assert {
        "code-mismatch",
        "code-spacing",
        "header-differs",
        "contents-differs",
        "clause-repeated",
        "abbreviation-variant",
        "name-variant",
        "approval-incomplete",
        "agreement-not-on-sheet",
        "fragment",
    } <= codes
    assert any("«КУУ.СБС-ТБ.01»" in s for s in said)
    assert any("«3 Аныктамалар жана кыскартмалар», the heading says «3 Терминдер жана кыскартуулар»" in s for s in said)
    assert any("«БСМдАБ» looks like a misspelling of «БСМЖАБ»" in s for s in said)
    assert any(
        "А.Б. Шамшиев agrees the document on the title page but is not on the agreement sheet" in s for s in said
    )
    assert any("starts mid-sentence: «жүзүндө маалыматтарды" in s for s in said)


def test_the_documents_selfassess_renders_pass_it(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["-C", str(root), "doc", "build"]).exit_code == 0
    assert runner.invoke(main, ["-C", str(root), "monitoring", "--as-of", "2026-11-25"]).exit_code == 0
    documents = sorted((root / "build" / "documents").rglob("*.docx"))
    assert len(documents) == 2
    for path in documents:
        assert [str(f) for f in lint_docx(path, path.name, today=TODAY)] == []
    # The monitoring report's text is the department's: its form (identity, contents, blocks,
    # sheets, dates) is selfassess's own, and that must pass.
    form = [c for c in CODES if c not in ("abbreviation-undefined", "abbreviation-variant", "name-variant")]
    [monitoring] = (root / "build" / "monitoring").glob("*.docx")
    assert [str(f) for f in lint_docx(monitoring, monitoring.name, today=TODAY, only=form)] == []


def test_the_command_with_workspace_settings(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    path = make_seed_docx(root / "seed.docx")
    result = CliRunner().invoke(main, ["-C", str(root), "doc", "lint", str(path), "--no-pages", "--format", "json"])
    assert result.exit_code == 1
    found = json.loads(result.output)
    assert {f["code"] for f in found} >= {"code-mismatch", "fragment"}
    # selfassess.yaml turns a rule off and says which abbreviations need no definition.
    config = root / "selfassess.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "document_control:\n", "document_control:\n  lint: {fragment: off}\n"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["-C", str(root), "doc", "lint", str(path), "--no-pages", "--format", "json"])
    assert "fragment" not in {f["code"] for f in json.loads(result.output)}
    wrong = CliRunner().invoke(main, ["-C", str(root), "doc", "lint", str(path), "--rules", "fragmnet", "--no-pages"])
    assert wrong.exit_code == 1 and "did you mean 'fragment'?" in wrong.output


def test_check_lints_the_workspace_documents_and_regulations(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    body = root / "documents" / CODE / "body.md"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("БСМЖАБдын жоопкерчилиги", "БСМдАБдын жоопкерчилиги"), encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--as-of", "2026-11-25", "--format", "json"])
    found = json.loads(result.output)["findings"]
    variant = [f for f in found if f["code"] == "abbreviation-variant"]
    assert len(variant) == 1 and variant[0]["severity"] == "warning"
    assert variant[0]["where"].startswith(f"documents/{CODE}/body.md:")
    regulations = [
        f for f in found if f["where"] and f["where"].startswith("evidence/policies/") and ".docx, " in f["where"]
    ]
    assert regulations and all(f["severity"] == "warning" for f in regulations)


@needs_libreoffice
def test_pages_from_a_layout_and_a_contents_page_number_that_is_wrong(tmp_path: Path) -> None:
    spec = copy.deepcopy(CLEAN)
    spec["contents"] = [entry.replace("\t4", "\t3") for entry in spec["contents"]]  # type: ignore[attr-defined]
    spec["changes"] = [[*row, cell] for row, cell in zip(spec["changes"], ["Барактардын саны", "3", "5"], strict=True)]  # type: ignore[call-overload]
    path = build(spec, tmp_path / "paged.docx")
    document = Document(str(path))
    for paragraph in document.paragraphs:
        if paragraph.text == "Мазмуну" or paragraph.text == "2. Милдеттер":
            paragraph.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))
    # The contents say page 3 for every heading; the layout puts "1." on page 2, the rest on page 3.
    findings = lint_docx(path, path.name, today=TODAY, pages=True)
    wrong = [f for f in findings if f.code == "contents-page-wrong"]
    assert len(wrong) == 1 and "«1 Максаты»" in wrong[0].message and "page 2" in wrong[0].message
    assert str(wrong[0].where).startswith("paged.docx, page 2, paragraph")
    [pages] = [f for f in findings if f.code == "change-total-pages"]
    assert "change 2 gives 5 pages; the document has 3" in pages.message
    if shutil.which("soffice"):
        assert all(f.where and "page " in str(f.where) for f in findings if "paragraph" in str(f.where))


RUSSIAN = {
    "«БЕКТЕМ»": "«УТВЕРЖДАЮ»",
    "КУУнун ректору": "Ректор КНУ",
    "«19» январь 2026-ж.": "«19» января 2026 г.",
    "ЖОБО": "ПОЛОЖЕНИЕ",
    "Бөлүм жөнүндө жобо": "Положение об отделе",
    "«Макулдашылган»": "«СОГЛАСОВАНО»",
    "Окуу-методикалык кеңештин төрагасы": "Председатель учебно-методического совета",
    "Мазмуну": "Содержание",
    "1. Максаты": "1. Цели",
    "2. Милдеттер": "2. Задачи",
    "Иштеп чыгуучулар": "Разработчики",
    "Макулдашуу барагы": "Лист согласования",
    "Өзгөртүүлөрдү киргизүү барагы": "Лист регистрации изменений",
    "Бул жобо Кыргыз улуттук университетинин (мындан ары — КУУ) ички документи болуп саналат.": (
        "Настоящее положение является документом Кыргызского национального университета (далее — КНУ)."
    ),
    "Жобо КУУнун бөлүмдөрүнө 19.01.2026 күнүнөн баштап колдонулат.": "Положение действует в КНУ с 19.01.2026.",
    "0.1 версиясы": "Версия 0.1",
}
ENGLISH = {
    **{k: v for k, v in RUSSIAN.items() if k in ("0.1 версиясы",)},
    "«БЕКТЕМ»": "APPROVED",
    "КУУнун ректору": "Rector of KNU",
    "«19» январь 2026-ж.": "19 January 2026",
    "ЖОБО": "REGULATION",
    "Бөлүм жөнүндө жобо": "Regulation on the department",
    "«Макулдашылган»": "AGREED",
    "Окуу-методикалык кеңештин төрагасы": "Chair of the Teaching Council",
    "Мазмуну": "Contents",
    "1. Максаты": "1. Purpose",
    "2. Милдеттер": "2. Tasks",
    "Иштеп чыгуучулар": "Developers",
    "Макулдашуу барагы": "Agreement sheet",
    "Өзгөртүүлөрдү киргизүү барагы": "Change registration sheet",
    "Бул жобо Кыргыз улуттук университетинин (мындан ары — КУУ) ички документи болуп саналат.": (
        "This regulation is a document of the Kyrgyz National University (hereinafter KNU)."
    ),
    "Жобо КУУнун бөлүмдөрүнө 19.01.2026 күнүнөн баштап колдонулат.": "It applies in KNU from 19.01.2026.",
    "0.1 версиясы": "Version 0.1",
    "Протокол № 3": "Minutes No. 3",
}


def translated(spec: dict[str, object], words: dict[str, str]) -> dict[str, object]:
    text = json.dumps(spec, ensure_ascii=False)
    for old, new in sorted(words.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(json.dumps(old, ensure_ascii=False)[1:-1], json.dumps(new, ensure_ascii=False)[1:-1])
    out = json.loads(text)
    out["body"] = [tuple(x) for x in out["body"]]
    return out


@pytest.mark.parametrize("words", [RUSSIAN, ENGLISH], ids=["ru", "en"])
def test_russian_and_english_documents(tmp_path: Path, words: dict[str, str]) -> None:
    clean = translated(CLEAN, words)
    assert codes_of(build(clean, tmp_path / "clean.docx")) == []
    broken = translated(replaced(CLEAN, "agreement", "А.Б. Шамшиев", "К.К. Асанов"), words)
    broken["contents"] = [c.replace("2. ", "2. Main ") if "2." in c else c for c in broken["contents"]]  # type: ignore[union-attr]
    assert set(codes_of(build(broken, tmp_path / "broken.docx"))) == {"agreement-not-on-sheet", "contents-differs"}
