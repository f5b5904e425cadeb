"""doc import and doc lint on drafts as offices type them in Word: signature blocks in a table,
a Russian text naming a Kyrgyz person, no date, Kyrgyz word order, a singular «Разработчик:»,
the code on its own line, the same draft twice, codes like ОшГУ.СМК-П.05, files that are no
DOCX, Word's lock files, automatic numbering, footnotes, bold and italic."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from selfassess.cli import main
from selfassess.documents.import_docx import import_docx
from selfassess.documents.lint import lint_docx
from selfassess.documents.lint.approval import protocol_number
from selfassess.documents.lint.identity import codes_in
from selfassess.models import DocumentControl

NB = "\u00a0"
CODE = "ОшГУ.СМК-П.05"
TODAY = dt.date(2026, 12, 5)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-C", str(root), *args])


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A new workspace of Osh State University, its codes checked by the default pattern."""
    folder = tmp_path / "ws"
    assert CliRunner().invoke(main, ["init", str(folder), "--language", "ru"]).exit_code == 0
    config = folder / "selfassess.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "institution_short: {ky: УНИВ, ru: УНИВ, en: UNIV}", "institution_short: {ky: ОшМУ, ru: ОшГУ, en: OshSU}"
    )
    config.write_text(text, encoding="utf-8")
    return folder


def _para(document: object, text: str = "", bold: bool = False, italic: bool = False) -> object:
    p = document.add_paragraph()  # type: ignore[attr-defined]
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
    return p


def _runs(document: object, *parts: tuple[str, str]) -> object:
    p = document.add_paragraph()  # type: ignore[attr-defined]
    for text, style in parts:
        run = p.add_run(text)
        run.bold, run.italic = "b" in style, "i" in style
    return p


def _multilevel(document: object, num_id: int = 90) -> None:
    """Define a Word list numbered «3.», «3.1.» (starting at 3, after two typed sections), as Word writes one."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(num_id))
    for ilvl, text in ((0, "%1."), (1, "%1.%2.")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "3" if ilvl == 0 else "1"), ("w:numFmt", "decimal"), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    numbering.find(qn("w:num")).addprevious(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(num_id))
    num.append(ref)
    numbering.append(num)


def _numbered(document: object, text: str, ilvl: int, num_id: int = 90, bold: bool = False) -> None:
    p = _para(document, text, bold=bold)
    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        numpr.append(el)
    p._p.get_or_add_pPr().append(numpr)  # type: ignore[attr-defined]


def ru_draft(target: Path, *, table: bool = True, dated: bool = False, code_line: str = CODE) -> Path:
    """The Russian draft of the trial: approval and agreement side by side in a table, no header."""
    d = Document()
    _para(d, "ОШСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ", bold=True)
    _para(d, "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ", bold=True)
    approval = ["Ректор ОшГУ", f"____________ К.А.{NB}Исаков"]
    approval.append(f"«12» февраля 2026{NB}г." if dated else f"«__» ____________ 2026{NB}г.")
    agreement = ["Учёным советом ОшГУ", f"Протокол №{NB}5 от «28» января 2026{NB}г."]
    if table:
        left, right = d.add_table(rows=1, cols=2).rows[0].cells
        left.paragraphs[0].add_run("СОГЛАСОВАНО").bold = True
        for line in agreement:
            left.add_paragraph(line)
        right.paragraphs[0].add_run("УТВЕРЖДАЮ").bold = True
        for line in approval:
            right.add_paragraph(line)
    _para(d)
    _para(d, "ПОЛОЖЕНИЕ", bold=True)
    _para(d, "о порядке проведения внутреннего аудита", bold=True)
    _para(d, "системы менеджмента качества ОшГУ", bold=True)
    _para(d)
    _para(d, code_line)
    _para(d, "г. Ош — 2026")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(d, "1. Общие положения", bold=True)
    _runs(
        d,
        ("1.1. Настоящее ", ""),
        ("Положение", "b"),
        (" устанавливает порядок внутреннего аудита (далее — СМК) Ошского государственного университета ", ""),
        ("(далее — ОшГУ).", ""),
    )
    _runs(d, ("1.2. Положение учитывает стандарт ", ""), (f"ISO{NB}19011:2018", "i"), (" и Устав_ОшГУ*.", ""))
    _runs(
        d, ("1.3. Термины: ", ""), ("аудит", "bi"), (" — систематический процесс; ", ""), ("аудитор", "bi"), (".", "")
    )
    _para(d, "2. Проведение аудита", bold=True)
    _para(d, "2.1. Аудит проводится в следующем порядке:")
    for item in ("вступительное совещание;", "сбор свидетельств;", "заключительное совещание."):
        d.add_paragraph(item, style="List Number")
    _para(d, "2.2. Проверяются:")
    for item in ("наличие документов;", "ведение записей."):
        d.add_paragraph(item, style="List Bullet")
    _multilevel(d)
    _numbered(d, "Заключительные положения", 0, bold=True)
    _numbered(d, "Положение вступает в силу со дня утверждения ректором.", 1)
    _numbered(d, "Контроль возлагается на проректора по учебной работе. Его решение — окончательное.", 1)
    _para(d)
    _para(d, "Разработчик:", bold=True)
    _para(d, f"Начальник отдела обеспечения качества ____________ Ж.Т.{NB}Мамытова")
    _para(d, f"Ведущий специалист ____________ Ү.Ө.{NB}Төлөнова")
    d.save(str(target))
    return target


def ky_draft(target: Path, *, table: bool = False, developers: str = "Иштеп чыккан:") -> Path:
    """The Kyrgyz ЖОБО of the trial: header with code, version and date; «№ 7 протокол» word order."""
    d = Document()
    d.sections[0].header.paragraphs[0].text = "ОшМУ   ОшМУ.СМК-Ж.03   Версия 1.0   14.03.2026"
    approval = ["БЕКТЕМ", "ОшМУнун ректору", f"__________ К.А.{NB}Исаков", "«14» март 2026-ж."]
    agreement = ["Макулдашылган", "Окумуштуулар кеңешинин төрагасы", f"__________ Б.Т.{NB}Жусупова"]
    agreement.append(f"№{NB}7 протокол, 10.03.2026")
    if table:
        left, right = d.add_table(rows=1, cols=2).rows[0].cells
        for cell, lines in ((left, agreement), (right, approval)):
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    else:
        for line in [*approval, "", "", *agreement, "", ""]:
            _para(d, line)
    _para(d, "ЖОБО", bold=True)
    _para(d, "ички аудит жүргүзүүнүн тартиби жөнүндө", bold=True)
    _para(d, "ОшМУ.СМК-Ж.03")
    _para(d, "Ош — 2026")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(d, "1. Жалпы жоболор", bold=True)
    _para(
        d,
        "1.1. Бул жобо Ош мамлекеттик университетинин (мындан ары — ОшМУ) ички аудитин жүргүзүүнүн тартибин аныктайт.",
    )
    _para(d, "1.2. Жобо бардык түзүмдүк бөлүмдөр үчүн милдеттүү жана ар бир бөлүм боюнча колдонулат.")
    _para(d, developers, bold=True)
    t = d.add_table(rows=3, cols=3)
    for i, row in enumerate(
        [("Кызматы", "Аты-жөнү", "Колу"), ("СКБнын башчысы", f"Ж.Т.{NB}Мамытова", ""), ("Адис", "Ү.Ө. Төлөнова", "")]
    ):
        for j, value in enumerate(row):
            t.cell(i, j).text = value
    d.save(str(target))
    return target


def meta_of(root: Path, code: str) -> dict:
    return yaml.safe_load((root / "documents" / code / "document.yaml").read_text(encoding="utf-8"))


def body_of(root: Path, code: str) -> str:
    return (root / "documents" / code / "body.md").read_text(encoding="utf-8")


# 1. Signature blocks typed as a table on the title page.


def test_approval_and_agreement_typed_as_a_table_are_read(root: Path, tmp_path: Path) -> None:
    result = run(root, "doc", "import", str(ru_draft(tmp_path / "draft.docx")), "--code", CODE)
    assert result.exit_code == 0, result.output
    meta = meta_of(root, CODE)
    assert meta["approval"] == {"position": "Ректор ОшГУ", "name": "К.А. Исаков"}
    assert meta["agreement"] == {"body": "Учёным советом ОшГУ", "date": "2026-01-28", "protocol": "5"}
    assert "no approval block" not in result.output


def test_kyrgyz_blocks_in_a_table_too(root: Path, tmp_path: Path) -> None:
    result = run(root, "doc", "import", str(ky_draft(tmp_path / "jobo.docx", table=True)))
    assert result.exit_code == 0, result.output
    meta = meta_of(root, "ОшМУ.СМК-Ж.03")
    assert meta["approval"] == {"position": "ОшМУнун ректору", "name": "К.А. Исаков", "date": "2026-03-14"}
    assert meta["agreement"]["name"] == "Б.Т. Жусупова" and meta["agreement"]["protocol"] == "7"
    assert meta["agreement"]["position"] == "Окумуштуулар кеңешинин төрагасы"


def test_the_lint_checks_blocks_in_a_table(tmp_path: Path) -> None:
    findings = lint_docx(ru_draft(tmp_path / "draft.docx"), "draft.docx", today=TODAY)
    said = {f.code: str(f) for f in findings}
    assert "table 1, row 1, column 2" in said["approval-incomplete"]  # «__» ____ 2026 г.: no whole date
    assert "the name" in said["agreement-incomplete"]  # the council agreed, no chair named


def test_no_block_found_is_said(root: Path, tmp_path: Path) -> None:
    result = run(root, "doc", "import", str(ru_draft(tmp_path / "draft.docx", table=False)), "--code", CODE)
    assert result.exit_code == 0, result.output
    assert "no approval block («УТВЕРЖДАЮ», «БЕКТЕМ», «APPROVED») was found on the title page" in result.output
    assert "no agreement block" in result.output
    assert meta_of(root, CODE)["approval"] == {}


# 2. Language by proportion, the option winning.


def test_a_russian_text_naming_a_kyrgyz_person_stays_russian(root: Path, tmp_path: Path) -> None:
    assert run(root, "doc", "import", str(ru_draft(tmp_path / "draft.docx")), "--code", CODE).exit_code == 0
    assert meta_of(root, CODE)["language"] == "ru"
    assert run(root, "doc", "import", str(ky_draft(tmp_path / "jobo.docx"))).exit_code == 0
    assert meta_of(root, "ОшМУ.СМК-Ж.03")["language"] == "ky"


def test_the_language_given_wins(root: Path, tmp_path: Path) -> None:
    import_docx(ru_draft(tmp_path / "draft.docx"), root, CODE, language="ky")
    assert meta_of(root, CODE)["language"] == "ky"
    other = "ОшГУ.СМК-П.06"
    given = run(root, "doc", "import", str(ru_draft(tmp_path / "d2.docx")), "--code", other, "--language", "en")
    assert given.exit_code == 0, given.output
    assert meta_of(root, other)["language"] == "en"


# 3. No date: the import day, said.


def test_a_draft_without_a_date_is_dated_today_and_told(root: Path, tmp_path: Path) -> None:
    result = import_docx(ru_draft(tmp_path / "draft.docx"), root, CODE, today=TODAY)
    assert meta_of(root, CODE)["date"] == "2026-12-05"
    [said] = [f for f in result.findings if "gives no date" in f.message]
    assert "2026-12-05" in said.message and "set the approval date in document.yaml" in (said.hint or "")
    dated = import_docx(ru_draft(tmp_path / "dated.docx", dated=True), root, "ОшГУ.СМК-П.06", today=TODAY)
    assert meta_of(root, "ОшГУ.СМК-П.06")["date"] == "2026-02-12"
    assert not [f for f in dated.findings if "gives no date" in f.message]


# 4. The protocol's number next to «№», either order.


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("№ 7 протокол, 10.03.2026", "7"),
        (f"Протокол №{NB}5 от «28» января 2026 г.", "5"),
        ("Протокол № 3", "3"),
        ("протокол 12 от 01.02.2026", "12"),
        ("7-протокол, 10.03.2026", "7"),
        ("Протокол №", ""),
        ("Протокол от 10.03.2026", ""),
        ("«14» март 2026-ж.", None),
    ],
)
def test_protocol_number(text: str, number: str | None) -> None:
    assert protocol_number(text) == number


def test_kyrgyz_word_order_gives_the_protocol(root: Path, tmp_path: Path) -> None:
    assert run(root, "doc", "import", str(ky_draft(tmp_path / "jobo.docx"))).exit_code == 0
    agreement = meta_of(root, "ОшМУ.СМК-Ж.03")["agreement"]
    assert agreement["protocol"] == "7" and agreement["date"] == "2026-03-10"
    assert "agreement-incomplete" not in {f.code for f in lint_docx(tmp_path / "jobo.docx", "jobo.docx", today=TODAY)}


# 5. «Разработчик:», «Иштеп чыккан:», «Developer:».


def test_developers_under_a_singular_title(root: Path, tmp_path: Path) -> None:
    assert run(root, "doc", "import", str(ru_draft(tmp_path / "draft.docx")), "--code", CODE).exit_code == 0
    assert meta_of(root, CODE)["developers"] == [
        {"position": "Начальник отдела обеспечения качества", "name": "Ж.Т. Мамытова"},
        {"position": "Ведущий специалист", "name": "Ү.Ө. Төлөнова"},
    ]
    assert "Разработчик" not in body_of(root, CODE) and "Мамытова" not in body_of(root, CODE)
    for title in ("Иштеп чыккан:", "Developer:"):
        folder = root / "documents" / "ОшМУ.СМК-Ж.03"
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        assert run(root, "doc", "import", str(ky_draft(tmp_path / "jobo.docx", developers=title))).exit_code == 0
        developers = meta_of(root, "ОшМУ.СМК-Ж.03")["developers"]
        assert [d["name"] for d in developers] == [f"Ж.Т.{NB}Мамытова", "Ү.Ө. Төлөнова"]


# 6. The code's line is no subtitle.


@pytest.mark.parametrize("line", [CODE, f"Код: {CODE}"])
def test_the_code_line_is_not_the_subtitle(root: Path, tmp_path: Path, line: str) -> None:
    assert run(root, "doc", "import", str(ru_draft(tmp_path / "d.docx", code_line=line)), "--code", CODE).exit_code == 0
    meta = meta_of(root, CODE)
    assert meta["title"] == "о порядке проведения внутреннего аудита системы менеджмента качества ОшГУ"
    assert "subtitle" not in meta


# 7. The same draft under another code.


def test_the_same_draft_again_under_another_code_is_warned(root: Path, tmp_path: Path) -> None:
    source = ru_draft(tmp_path / "draft.docx")
    first = run(root, "doc", "import", str(source), "--code", CODE)
    assert first.exit_code == 0 and "same title" not in first.output
    again = run(root, "doc", "import", str(source), "--code", "ОшГУ.СМК-П.09")
    assert again.exit_code == 0
    assert f"warning[import-duplicate] documents/{CODE} has the same title" in again.output


# 8. Codes whose institution has small letters.


def test_codes_with_small_letters_in_the_institution(tmp_path: Path) -> None:
    pattern = DocumentControl().code_pattern
    for code in ("ОшГУ.СМК-П.05", "КазНУ.СМК-П.01", "КНУ.СМК-СП.01"):
        assert re.match(pattern, code) and codes_in(f"код {code}.") == [(code, code)]
    assert not re.match(pattern, "ошГУ.СМК-П.05")
    d = Document()
    d.sections[0].header.paragraphs[0].text = "КазНУ.СМК-П.01 Версия 1.0 19.01.2026"
    _para(d, "ПОЛОЖЕНИЕ")
    _para(d, "КазНУ.СМК-П.01")
    _para(d, "1. Общие положения")
    _para(d, "1.1. Положение КазНУ.СМК-П.01 применяется во всех подразделениях.")
    _para(d, "1.2. Смотрите также КазНУ.СМК-П.02.")
    d.save(str(tmp_path / "kaznu.docx"))
    findings = lint_docx(tmp_path / "kaznu.docx", "kaznu.docx", today=TODAY)
    assert not [f for f in findings if f.code == "abbreviation-undefined"], [str(f) for f in findings]
    d.sections[0].header.paragraphs[0].text = "КазНУ.СМК-П.03 Версия 1.0 19.01.2026"
    d.save(str(tmp_path / "other.docx"))
    assert "code-mismatch" in {f.code for f in lint_docx(tmp_path / "other.docx", "other.docx", today=TODAY)}


def test_no_code_and_a_wrong_code_are_said_in_words(root: Path, tmp_path: Path) -> None:
    source = ru_draft(tmp_path / "draft.docx", code_line="")
    missing = run(root, "doc", "import", str(source))
    assert missing.exit_code == 1 and "gives no document code" in missing.output
    assert "КНУ" not in missing.output and "--code ОшГУ.СМК-П.01" in missing.output
    wrong = run(root, "doc", "import", str(source), "--code", "ошгу-смк-5")
    assert (
        wrong.exit_code == 1 and "«ошгу-смк-5» is not written as this university's document codes are" in wrong.output
    )
    assert "e.g. ОшГУ.СМК-П.01" in wrong.output and "\\d" not in wrong.output and "^" not in wrong.output
    assert not (root / "documents" / "ошгу-смк-5").exists()
    config = root / "selfassess.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "document_control:\n  code_pattern: '^Ош[ГМ]У\\.СМК-[А-ЯA-Z]+\\.\\d{2}$'\n"
    )
    other = run(root, "doc", "import", str(source), "--code", "КазНУ.СМК-П.01")
    assert other.exit_code == 1 and "e.g. ОшГУ.СМК-П.01" in other.output and "[А-Я" not in other.output


# 9. Files that are no DOCX; Word's lock files.

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    ("name", "content", "said", "hint"),
    [
        ("old.doc", OLE, "Word 97–2003 document (.doc), not .docx", 'soffice --headless --convert-to docx "old.doc"'),
        ("renamed.docx", OLE, "renamed .docx", "rename it to renamed.doc and convert it with LibreOffice: soffice"),
        ("scan.pdf", b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n", "this is a PDF, not a Word document", "save it as .docx"),
        ("notes.docx", "Протокол заседания\n".encode(), "plain text file, not a Word document", "save it as .docx"),
    ],
)
def test_a_file_that_is_no_docx_is_named_for_what_it_is(
    root: Path, tmp_path: Path, name: str, content: bytes, said: str, hint: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [finding] = lint_docx(path, name)
    assert finding.code == "unreadable-docx" and said in finding.message and hint in (finding.hint or "")
    assert "zip" not in finding.message
    result = run(root, "doc", "import", str(path), "--code", CODE)
    assert result.exit_code == 1 and said in result.output and hint in result.output
    assert "zip" not in result.output and "internal error" not in result.output


def test_word_lock_files(root: Path, tmp_path: Path) -> None:
    source = ru_draft(tmp_path / "Положение о внутреннем аудите.docx")
    lock = tmp_path / "~$ложение о внутреннем аудите.docx"
    lock.write_bytes(b"\x0cAnalyst Name" + b"\0" * 150)
    [skipped] = lint_docx(lock, lock.name)
    assert skipped.code == "word-lock-file" and skipped.severity.value == "info"
    listed = run(root, "doc", "lint", "--no-pages", str(source), str(lock))
    assert "word-lock-file" in listed.output and "unreadable-docx" not in listed.output
    refused = run(root, "doc", "import", str(lock), "--code", CODE)
    assert refused.exit_code == 1 and "Word's lock file" in refused.output
    assert "use the document itself: Положение о внутреннем аудите.docx" in refused.output
    result = run(root, "doc", "import", str(source), "--code", CODE)
    assert result.exit_code == 0 and "warning[import-open-in-word] the document is open in Word" in result.output
    assert "changes not saved yet are not in what was imported" in result.output


# 10. Word's numbers, footnotes, bold and italic.


def test_word_numbers_are_kept_as_text(root: Path, tmp_path: Path) -> None:
    assert run(root, "doc", "import", str(ru_draft(tmp_path / "draft.docx")), "--code", CODE).exit_code == 0
    body = body_of(root, CODE)
    assert "\n1. вступительное совещание;\n\n2. сбор свидетельств;\n\n3. заключительное совещание.\n" in body
    assert "- наличие документов;\n- ведение записей.\n" in body
    assert "# 3. Заключительные положения\n" in body
    assert "\n3.1. Положение вступает в силу со дня утверждения ректором.\n" in body
    assert "\n3.2. Контроль возлагается" in body
    # The list items inside 2.1 are no clauses: no «clause 1 appears again» against section 1.
    codes = {f.code for f in lint_docx(tmp_path / "draft.docx", "draft.docx", today=TODAY)}
    assert not codes & {"clause-repeated", "clause-gap", "clause-duplicate"}
    built = run(root, "doc", "build", CODE)
    assert built.exit_code == 0, built.output
    text = [p.text for p in Document(str(next((root / "build" / "documents" / CODE).glob("*.docx")))).paragraphs]
    assert "3.1. Положение вступает в силу со дня утверждения ректором." in text
    assert "2. сбор свидетельств;" in text


def test_bold_and_italic_are_kept_and_stars_escaped(root: Path, tmp_path: Path) -> None:
    assert run(root, "doc", "import", str(ru_draft(tmp_path / "draft.docx")), "--code", CODE).exit_code == 0
    body = body_of(root, CODE)
    assert "1.1. Настоящее **Положение** устанавливает" in body
    assert "стандарт *ISO 19011:2018* и Устав\\_ОшГУ\\*." in body
    assert "1.3. Термины: ***аудит*** — систематический процесс; ***аудитор***." in body
    assert "# 1. Общие положения\n" in body  # a heading in bold is a heading, not **…**
    built = run(root, "doc", "build", CODE)
    assert built.exit_code == 0, built.output
    rendered = Document(str(next((root / "build" / "documents" / CODE).glob("*.docx"))))
    [clause] = [p for p in rendered.paragraphs if p.text.startswith("1.1. Настоящее")]
    assert [r.text for r in clause.runs if r.bold] == ["Положение"]
    [clause] = [p for p in rendered.paragraphs if p.text.startswith("1.2. Положение")]
    assert clause.text.endswith("и Устав_ОшГУ*.")


def _add_footnote(path: Path, after: str, note: str) -> None:
    """Give the paragraph ending with `after` a real Word footnote, as Word stores one."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        f"{note}</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    parts = {}
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            parts[name] = package.read(name)
    document = parts["word/document.xml"].decode()
    reference = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    document = document.replace(f"{after}</w:t></w:r>", f"{after}</w:t></w:r>{reference}", 1)
    parts["word/document.xml"] = document.encode()
    parts["word/footnotes.xml"] = footnotes.encode()
    rels = (
        parts["word/_rels/document.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdNote" Target="footnotes.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/></Relationships>',
        )
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
        )
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_word_footnote_is_kept(root: Path, tmp_path: Path) -> None:
    source = ky_draft(tmp_path / "jobo.docx")
    _add_footnote(source, "тартибин аныктайт.", "Күзгү жана жазгы семестрлердин акырында.")
    assert run(root, "doc", "import", str(source)).exit_code == 0
    body = body_of(root, "ОшМУ.СМК-Ж.03")
    assert "ички аудитин жүргүзүүнүн тартибин аныктайт.[^1]\n" in body
    assert body.endswith("\n[^1]: Күзгү жана жазгы семестрлердин акырында.\n")
    built = run(root, "doc", "build", "ОшМУ.СМК-Ж.03")
    assert built.exit_code == 0, built.output
    [docx] = (root / "build" / "documents" / "ОшМУ.СМК-Ж.03").glob("*.docx")
    with zipfile.ZipFile(docx) as package:
        assert "Күзгү жана жазгы семестрлердин акырында." in package.read("word/footnotes.xml").decode()
