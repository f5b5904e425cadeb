"""selfassess build and verify: the report, annex numbers, the pack, incremental and atomic builds."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import Workspace, needs_libreoffice
from docx import Document

from selfassess.dossier.build import build

NARRATIVE_1_1 = """\
---
strengths: [Policy approved by the council]
weaknesses: [Not yet published in Kyrgyz]
actions:
  - {action: Publish the policy, responsible: Rector's office, deadline: 2027-03-01}
---
The policy [E-2] was approved by order [E-1]. See also [the site](https://example.org).
"""


@pytest.fixture
def built(ws: Workspace) -> Workspace:
    ws.write("selfassess.yaml", "institution: {en: Test University}\nlanguage: en\nframeworks: [t, u]\n")
    ws.touch(
        "evidence/order 1.pdf",
        "evidence/policy.docx",
        "evidence/minutes.pdf",
        "evidence/folder/a.docx",
        "evidence/folder/b.docx",
    )
    ws.register(
        "- {id: E-1, title: Order on QA, file: order 1.pdf, kind: order, issued: 2026-01-10, criteria: ['t:1.1']}\n"
        "- {id: E-2, title: QA policy, file: policy.docx, kind: policy, criteria: ['t:1.1', 't:1.2']}\n"
        "- {id: E-3, title: Council minutes, file: minutes.pdf, kind: minutes, criteria: ['t:1.2']}\n"
        "- {id: E-4, title: Syllabi, file: folder, kind: syllabus, issued: 2024-01-01, criteria: ['t:1.10']}\n"
    )
    ws.write("narratives/t/1.1.md", NARRATIVE_1_1)
    ws.write("narratives/t/1.2.md", "Programmes follow [E-3] and [E-2].\n")
    ws.write(
        "narratives/t/report.yaml",
        "code: TU.QA-SAR.01\ntitle: Self-assessment report\ntype: report\nlanguage: en\nversion: '1.0'\nstatus: approved\ndate: 2026-11-20\n",
    )
    return ws


def pack_of(ws: Workspace, framework: str = "t") -> Path:
    return ws.root / "build" / framework / "pack"


def test_report_has_a_section_per_standard_and_criterion_with_annex_numbers(built: Workspace) -> None:
    result = build(built.root, ("t",), as_of=None)
    assert result.rendered == ["t: report"]
    document = Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert headings[:4] == ["1. Standard one", "1.1 Policy", "1.2 Programmes", "1.10 External review"]
    assert "2. Compliance summary" in headings and "3. List of annexes" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "The policy (Annex 1) was approved by order (Annex 2). See also the site." in text
    assert "Programmes follow (Annex 3) and (Annex 1)." in text
    assert "The self-assessment text for criterion 1.10 has not been written yet." in text  # no file path
    assert "Table 6. List of annexes" in text  # numbered captions
    assert "Policy approved by the council" in text
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Criterion")
    assert [[c.text for c in r.cells] for r in summary.rows[1:]] == [
        ["1.1", "Policy", "Covered", "1, 2"],
        ["1.2", "Programmes", "Covered", "1, 3"],
        ["1.10", "External review", "Stale", "4"],
    ]
    annexes = [
        t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Annex No.", "Title", "Kind", "Date"]
    ][-1]
    assert [[c.text for c in r.cells][:2] for r in annexes.rows] == [
        ["Annex No.", "Title"],
        ["1", "QA policy"],
        ["2", "Order on QA"],
        ["3", "Council minutes"],
        ["4", "Syllabi"],
    ]
    actions = next(t for t in document.tables if t.rows[0].cells[0].text == "Action")
    assert [c.text for c in actions.rows[1].cells] == ["Publish the policy", "Rector's office", "01.03.2027"]


def test_pack_holds_every_annex_under_its_number_with_a_manifest(built: Workspace) -> None:
    build(built.root, ("t",))
    pack = pack_of(built)
    names = sorted(p.relative_to(pack).as_posix() for p in pack.rglob("*") if p.is_file())
    assert names == [
        "TU.QA-SAR.01_v1.0.docx",
        "annexes/001_policy.docx",
        "annexes/002_order 1.pdf",
        "annexes/003_minutes.pdf",
        "annexes/004_folder/a.docx",
        "annexes/004_folder/b.docx",
        "criteria-matrix.xlsx",
        "evidence-index.docx",
        "evidence-index.xlsx",
        "manifest.json",
        "pack.zip",
        "pack.zip.sha256",
    ]
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f["path"] == "annexes/002_order 1.pdf")
    assert entry == {
        "path": "annexes/002_order 1.pdf",
        "size": 8,
        "sha256": hashlib.sha256(b"evidence").hexdigest(),
        "annex": 2,
        "evidence": "E-1",
        "criteria": ["t:1.1"],
    }
    index = Document(str(pack / "evidence-index.docx")).tables[0]
    assert [c.text for c in index.rows[2].cells][:3] == ["2", "E-1", "Order on QA"]
    with zipfile.ZipFile(pack / "pack.zip") as archive:
        assert "annexes/002_order 1.pdf" in archive.namelist()


def test_verify_catches_a_changed_byte_a_missing_and_an_extra_file(built: Workspace) -> None:
    build(built.root, ("t",))
    pack = pack_of(built)
    assert built.run("verify", str(pack)).exit_code == 0
    tampered = pack.parent / "tampered"
    shutil.copytree(pack, tampered)
    target = tampered / "annexes" / "003_minutes.pdf"
    data = bytearray(target.read_bytes())
    data[0] ^= 1
    target.write_bytes(bytes(data))
    (tampered / "annexes" / "001_policy.docx").unlink()
    (tampered / "annexes" / "extra.pdf").write_bytes(b"x")
    result = built.run("verify", str(tampered))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "annexes/001_policy.docx: error[pack-missing] listed in the manifest but missing from the pack" in lines
    assert "annexes/003_minutes.pdf: error[pack-changed] changed since the pack was made (SHA-256 differs)" in lines
    assert "annexes/extra.pdf: error[pack-extra] not listed in the manifest" in lines


def test_verify_reads_the_zip_too(built: Workspace) -> None:
    build(built.root, ("t",))
    assert built.run("verify", str(pack_of(built) / "pack.zip")).exit_code == 0


def test_rebuild_is_byte_identical_and_a_noop_rebuild_renders_nothing(built: Workspace) -> None:
    build(built.root, ("t",))
    first = {
        p.relative_to(built.root).as_posix(): p.read_bytes()
        for p in (built.root / "build" / "t").rglob("*")
        if p.is_file() and p.name != ".state.json"
    }
    again = build(built.root, ("t",))
    assert again.rendered == []
    assert again.reused == ["t: everything (nothing changed)"]
    shutil.rmtree(built.root / "build")
    build(built.root, ("t",))
    second = {
        p.relative_to(built.root).as_posix(): p.read_bytes()
        for p in (built.root / "build" / "t").rglob("*")
        if p.is_file() and p.name != ".state.json"
    }
    assert first == second


def test_changing_one_narrative_rerenders_only_its_report(built: Workspace) -> None:
    built.write("narratives/u/A1.md", "Mapped [E-1].\n")
    build(built.root)
    built.write("narratives/t/1.2.md", "Programmes follow [E-3], [E-2] and more.\n")
    result = build(built.root)
    assert result.rendered == ["t: report"]
    assert result.reused == ["u: everything (nothing changed)"]


def test_unknown_citation_stops_the_build_and_keeps_the_previous_one(built: Workspace) -> None:
    build(built.root, ("t",))
    before = (built.root / "build" / "t" / "pack" / "manifest.json").read_bytes()
    built.write("narratives/t/1.2.md", "Programmes follow\n[E-33].\n")
    result = built.run("build", "--framework", "t")
    assert result.exit_code == 1
    assert (
        "narratives/t/1.2.md:2: error[unknown-citation] the text cites [E-33], which is not in the register"
        in result.output
    )
    assert "hint: did you mean [E-3]?" in result.output
    assert (built.root / "build" / "t" / "pack" / "manifest.json").read_bytes() == before
    assert not any(p.name.startswith(".staging") for p in (built.root / "build").iterdir())


def test_uncited_evidence_is_a_warning_and_strict_makes_gaps_errors(built: Workspace) -> None:
    built.write("narratives/t/1.1.md", "Only the order [E-1].\n")
    result = built.run("build", "--framework", "t")
    assert result.exit_code == 0
    assert (
        "narratives/t/1.1.md: warning[uncited-evidence] E-2 supports t:1.1 but its narrative never cites it"
        in result.output
    )
    assert "t: 1 criterion without narrative (shown in the report; -v lists them)" in result.output
    shutil.rmtree(built.root / "build")
    verbose = built.run("build", "--framework", "t", "-v")
    assert "wrote build/t/pack" in verbose.output  # from the workspace root, as the README shows paths
    assert "warning[no-narrative] t:1.10 has no narrative; the report shows a placeholder" in verbose.output
    strict = built.run("build", "--framework", "t", "--strict")
    assert strict.exit_code == 1
    assert "error[no-narrative] t:1.10 has no narrative; --strict stops the build" in strict.output
    assert "hint: write the text in narratives/t/1.10.md" in strict.output
    assert "error[coverage-gap] t:1.10 is stale; --strict stops the build" in strict.output


def test_citing_an_item_whose_file_is_missing(built: Workspace) -> None:
    (built.root / "evidence" / "minutes.pdf").unlink()
    result = built.run("build", "--framework", "t")
    # A row in error costs its item, not the build: the report shows the gap it leaves.
    assert result.exit_code == 0, result.output
    assert "error[missing-file] E-3: the file 'minutes.pdf' does not exist in the evidence folder" in result.output
    assert (
        "narratives/t/1.2.md:1: warning[cited-unusable] the text cites [E-3], which cannot be annexed: "
        "its file is missing"
    ) in result.output
    assert (
        "evidence/register.yaml: warning[rows-left-out] 1 register item(s) with errors (above) are left out of "
        "the reports and packs, which show the gaps they leave"
    ) in result.output
    text = "\n".join(p.text for p in Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx")).paragraphs)
    assert "Programmes follow (E-3: not annexed) and (Annex 1)." in text
    manifest = json.loads((pack_of(built) / "manifest.json").read_text(encoding="utf-8"))
    assert "E-3" not in {f.get("evidence") for f in manifest["files"]}
    strict = built.run("build", "--framework", "t", "--strict")
    assert strict.exit_code == 1
    assert "the build stopped before writing anything" in strict.output


def test_report_without_report_yaml_gets_a_default_and_a_warning(built: Workspace) -> None:
    (built.root / "narratives" / "t" / "report.yaml").unlink()
    result = built.run("build", "--framework", "t")
    assert result.exit_code == 0
    assert "narratives/t/report.yaml: warning[no-report-meta] the report has no report.yaml" in result.output


PROGRAMME_CATALOGUE = """\
framework:
  id: p
  title: {en: Programme accreditation}
  kind: programme
standards:
  - id: "1"
    title: {en: Programme design}
    criteria:
      - id: "1.1"
        title: {en: Curriculum}
        evidence: {kinds: [curriculum, policy]}
"""


@pytest.fixture
def programmes(ws: Workspace) -> Workspace:
    ws.write(
        "selfassess.yaml",
        "institution: {en: Test University}\nlanguage: en\nframeworks: [p]\n"
        "programmes:\n  - {id: 580100, title: {en: Economics}}\n  - {id: 710400, title: {en: Software engineering}}\n",
    )
    ws.write("criteria/p.yaml", PROGRAMME_CATALOGUE)
    ws.touch("evidence/policy.pdf", "evidence/econ.xlsx", "evidence/soft.xlsx")
    ws.register(
        "- {id: E-1, title: Programme regulation, file: policy.pdf, kind: policy, criteria: ['p:1.1']}\n"
        "- {id: E-2, title: Curriculum 580100, file: econ.xlsx, kind: curriculum, programmes: [580100], criteria: ['p:1.1']}\n"
        "- {id: E-3, title: Curriculum 710400, file: soft.xlsx, kind: curriculum, programmes: 710400, criteria: ['p:1.1']}\n"
    )
    ws.write("narratives/p/580100/1.1.md", "The curriculum [E-2] follows the regulation [E-1].\n")
    return ws


def test_one_report_per_programme_sharing_institution_evidence(programmes: Workspace) -> None:
    result = build(programmes.root)
    assert sorted(result.rendered) == ["p/580100: report", "p/710400: report"]
    econ = json.loads(
        (programmes.root / "build" / "p" / "580100" / "pack" / "manifest.json").read_text(encoding="utf-8")
    )
    soft = json.loads(
        (programmes.root / "build" / "p" / "710400" / "pack" / "manifest.json").read_text(encoding="utf-8")
    )
    assert sorted(f["evidence"] for f in econ["files"] if "evidence" in f) == ["E-1", "E-2"]
    assert sorted(f["evidence"] for f in soft["files"] if "evidence" in f) == ["E-1", "E-3"]
    report = Document(str(programmes.root / "build" / "p" / "580100" / "P-580100_v1.0.docx"))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "The curriculum (Annex 1) follows the regulation (Annex 2)." in text
    assert "Economics" in report.sections[0].header.tables[0].rows[1].cells[0].text
    again = build(programmes.root)
    assert again.reused == ["p: everything (nothing changed)"]


def test_build_one_programme_and_an_unknown_one(programmes: Workspace) -> None:
    result = programmes.run("build", "--programme", "710400")
    assert result.exit_code == 0, result.output
    assert not (programmes.root / "build" / "p" / "580100").exists()
    wrong = programmes.run("build", "--programme", "71040")
    assert wrong.exit_code == 1
    assert (
        "no programme '71040' in selfassess.yaml (did you mean '710400'?); programmes: 580100, 710400" in wrong.output
    )


def test_evidence_of_an_unknown_programme(programmes: Workspace) -> None:
    programmes.register(
        "- {id: E-1, title: x, file: policy.pdf, kind: policy, programmes: [58010], criteria: ['p:1.1']}\n"
    )
    [finding] = [f for f in programmes.check().findings if f.code == "unknown-programme"]
    assert finding.message == "E-1 belongs to programme '58010', which selfassess.yaml does not list"
    assert finding.hint == "did you mean '580100'?"


def test_renumbered_annexes_never_reuse_another_documents_bytes(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: {en: U}\nlanguage: en\nframeworks: [t]\n")
    ws.write("evidence/2025/order.pdf", "order of 2025")
    ws.write("evidence/2026/order.pdf", "order of 2026")
    ws.register(
        "- {id: E-1, title: Old order, file: 2025/order.pdf, kind: order, criteria: ['t:1.1']}\n"
        "- {id: E-2, title: New order, file: 2026/order.pdf, kind: order, criteria: ['t:1.1']}\n"
    )
    ws.write("narratives/t/1.1.md", "First [E-1], then [E-2].\n")
    build(ws.root, ("t",))
    ws.write("narratives/t/1.1.md", "First [E-2], then [E-1].\n")
    build(ws.root, ("t",))
    annexes = ws.root / "build" / "t" / "pack" / "annexes"
    assert (annexes / "001_order.pdf").read_text() == "order of 2026"
    assert (annexes / "002_order.pdf").read_text() == "order of 2025"
    assert ws.run("verify", str(annexes.parent)).exit_code == 0


def test_a_deleted_pack_is_rebuilt_not_reported_unchanged(built: Workspace) -> None:
    build(built.root, ("t",))
    shutil.rmtree(pack_of(built))
    again = build(built.root, ("t",))
    assert again.rendered == ["t: report"]
    assert (pack_of(built) / "manifest.json").is_file()


def test_a_changed_zip_is_caught_when_verifying_the_folder(built: Workspace) -> None:
    build(built.root, ("t",))
    zipped = pack_of(built) / "pack.zip"
    zipped.write_bytes(zipped.read_bytes() + b"x")
    result = built.run("verify", str(pack_of(built)))
    assert result.exit_code == 1
    assert "pack.zip: error[pack-changed] changed since the pack was made (SHA-256 differs)" in result.output


def test_folder_annexes_leave_office_junk_out(built: Workspace) -> None:
    built.touch("evidence/folder/~$a.docx", "evidence/folder/.DS_Store")
    build(built.root, ("t",))
    names = sorted(p.name for p in (pack_of(built) / "annexes" / "004_folder").iterdir())
    assert names == ["a.docx", "b.docx"]


def test_names_from_settings_cannot_leave_build(built: Workspace, tmp_path: Path) -> None:
    built.write(
        "narratives/t/report.yaml", "code: ../../QA/SAR\ntitle: R\ntype: report\nlanguage: en\ndate: 2026-11-20\n"
    )
    build(built.root, ("t",))
    assert (pack_of(built) / "___QA_SAR_v1.0.docx").is_file()
    assert not list(built.root.glob("*SAR*"))
    built.write("selfassess.yaml", "institution: X\nframeworks: [t]\nprogrammes: [{id: ../../evidence, title: X}]\n")
    result = built.run("check")
    assert "'../../evidence' cannot be a programme id" in result.output


def test_the_evidence_folder_or_the_workspace_is_not_an_item(built: Workspace) -> None:
    built.register("- {id: E-9, title: All, file: .., kind: policy, criteria: ['t:1.1']}\n")
    assert built.messages("path-escape") == [
        "evidence/register.yaml:1: E-9: the file '..' points at the whole workspace or at build/, which selfassess writes"
    ]


def test_narratives_that_go_nowhere_and_citations_in_one_bracket(built: Workspace) -> None:
    built.write("narratives/t/1.11.md", "Typo in the name [E-1].\n")
    built.write("narratives/t/_standard-1.md", "Standard intro [E-3].\n")
    built.write("narratives/t/1.2.md", "Programmes follow [E-3, E-2].\n")
    result = built.run("build", "--framework", "t")
    assert (
        "narratives/t/1.11.md: warning[unknown-narrative] 1.11.md matches no criterion of this framework"
        in result.output
    )
    text = "\n".join(p.text for p in Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx")).paragraphs)
    assert "Standard intro (Annex 1)." in text
    assert "Programmes follow (Annex 1, Annex 2)." in text  # a list in one bracket is read as citations


def test_a_programme_citing_another_programmes_evidence(programmes: Workspace) -> None:
    programmes.write("narratives/p/580100/1.1.md", "The curriculum [E-3] follows the regulation [E-1].\n")
    result = programmes.run("build")
    assert (
        "narratives/p/580100/1.1.md:1: warning[other-programme] the text cites [E-3], which belongs to another programme"
        in result.output
    )


def test_dashboard_heatmap_of_programmes_by_standard(programmes: Workspace) -> None:
    from selfassess.tracking import dashboard

    programmes.register(  # 710400 has no curriculum of its own yet
        "- {id: E-1, title: Programme regulation, file: policy.pdf, kind: policy, criteria: ['p:1.1']}\n"
        "- {id: E-2, title: Curriculum 580100, file: econ.xlsx, kind: curriculum, programmes: [580100], criteria: ['p:1.1']}\n"
    )
    page = dashboard.render(programmes.check(), programmes.root, "en")
    assert "<h2>Programmes by standard</h2>" in page
    econ = re.search(r'<tr data-programme="580100">(.*?)</tr>', page)
    soft = re.search(r'<tr data-programme="710400">(.*?)</tr>', page)
    assert econ and 'data-standard="p:1" data-percent="100"' in econ.group(1)
    assert soft and 'data-standard="p:1" data-percent="0"' in soft.group(1)
    assert "Software engineering" in soft.group(1)
    built = programmes.run("build")  # the build hands over the checks it ran per programme
    assert built.exit_code == 0, built.output
    page = (programmes.root / "build" / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<tr data-programme="710400">.*?data-standard="p:1" data-percent="0"', page)
    assert re.search(r'<tr data-programme="580100">.*?data-standard="p:1" data-percent="100"', page)


def test_a_criterions_note_stays_out_of_the_report(ws: Workspace) -> None:
    catalogue = PROGRAMME_CATALOGUE.replace("kind: programme", "kind: institutional").replace(
        "        title: {en: Curriculum}\n",
        "        title: {en: Curriculum}\n"
        "        description: {en: The curriculum is approved.}\n"
        "        note: {en: 'Basis - a secondary source, not verified.'}\n",
    )
    ws.write("selfassess.yaml", "institution: {en: U}\nlanguage: en\nframeworks: [p]\n")
    ws.write("criteria/p.yaml", catalogue)
    ws.register("[]\n")
    result = ws.run("build", "--framework", "p")
    assert result.exit_code == 0, result.output
    [report] = (ws.root / "build" / "p").glob("*_v*.docx")
    text = "\n".join(p.text for p in Document(str(report)).paragraphs)
    assert "The curriculum is approved." in text
    assert "secondary source" not in text


@needs_libreoffice
def test_a_build_without_pdf_keeps_the_pdf_of_the_same_report_and_drops_an_outdated_one(built: Workspace) -> None:
    assert built.run("build", "--framework", "t", "--pdf", "--as-of", "2026-11-25").exit_code == 0
    pdf = built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.pdf"
    first = pdf.read_bytes()
    again = built.run("build", "--framework", "t", "--as-of", "2026-11-25")
    assert again.exit_code == 0, again.output
    assert pdf.read_bytes() == first
    assert "TU.QA-SAR.01_v1.0.pdf" in (pack_of(built) / "manifest.json").read_text(encoding="utf-8")
    built.write("narratives/t/1.2.md", "Programmes follow [E-3].\n")
    changed = built.run("build", "--framework", "t", "--as-of", "2026-11-25")
    assert not pdf.exists()
    assert (
        "build/t/pack/TU.QA-SAR.01_v1.0.pdf: warning[pdf-outdated] the report changed, so its earlier PDF "
        "no longer matches it and was left out of the new build"
    ) in changed.output


def test_build_folders_are_readable_by_others(programmes: Workspace) -> None:
    assert programmes.run("build", "--as-of", "2026-11-25").exit_code == 0
    for folder in (programmes.root / "build" / "p" / "580100", programmes.root / "build" / "t"):
        if folder.exists():
            assert folder.stat().st_mode & 0o055 == 0o055, folder


def test_an_empty_narrative_file_is_a_missing_text(built: Workspace) -> None:
    # Files made ahead to be filled in: empty, or holding only blank lines, are no text.
    built.write("narratives/t/1.2.md", "")
    built.write("narratives/t/1.10.md", "\n   \n")
    built.write("narratives/t/_introduction.md", "\n")
    verbose = built.run("build", "--framework", "t", "-v")
    assert verbose.exit_code == 0, verbose.output
    assert "warning[no-narrative] t:1.2 has no narrative; the report shows a placeholder" in verbose.output
    assert "hint: write the text in narratives/t/1.10.md" in verbose.output
    assert "uncited-evidence] E-3 supports t:1.2" not in verbose.output  # the missing text is the finding
    text = "\n".join(p.text for p in Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx")).paragraphs)
    assert "The self-assessment text for criterion 1.2 has not been written yet." in text
    assert "The self-assessment text for criterion 1.10 has not been written yet." in text
    assert "Introduction" not in text
    strict = built.run("build", "--framework", "t", "--strict")
    assert strict.exit_code == 1
    assert "error[no-narrative] t:1.2 has no narrative; --strict stops the build" in strict.output


def test_a_cited_item_whose_row_has_errors_is_named_as_such(built: Workspace) -> None:
    register = (built.root / "evidence" / "register.yaml").read_text(encoding="utf-8")
    built.register(register + "- {id: E-5, title: Plan, file: minutes.pdf, kind: plan, issued: someday}\n")
    built.write("narratives/t/1.2.md", "Programmes follow [E-3] and [E-2] and the plan (see E-5).\n")
    result = built.run("build", "--framework", "t")
    assert result.exit_code == 0, result.output
    assert "evidence/register.yaml:5: error[invalid-evidence] E-5: column 'issued'" in result.output
    assert (
        "narratives/t/1.2.md:1: warning[cited-left-out] the text cites [E-5], whose register row "
        "(evidence/register.yaml:5) has errors, so it is not annexed" in result.output
    )
    assert "unknown-citation" not in result.output and "did you mean" not in result.output
    text = "\n".join(p.text for p in Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx")).paragraphs)
    assert "the plan (see E-5: not annexed)" in text


def test_an_expired_item_is_marked_in_the_reports_tables(built: Workspace) -> None:
    register = (built.root / "evidence" / "register.yaml").read_text(encoding="utf-8")
    built.register(register.replace("issued: 2026-01-10,", "issued: 2026-01-10, valid_until: 2026-06-30,"))
    result = built.run("build", "--framework", "t", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    document = Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx"))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    order = [r for r in rows if r[1:2] == ["Order on QA"]]  # in the criterion's table and the list of annexes
    assert len(order) == 2 and all(r[3] == "10.01.2026 (expired 30.06.2026)" for r in order)
    current = [r for r in rows if r[1:2] == ["QA policy"]]
    assert current and all("expired" not in r[3] for r in current)
    # The pack's index gives every annex's last valid day, in Word and in Excel.
    index = Document(str(pack_of(built) / "evidence-index.docx")).tables[0]
    header = [c.text for c in index.rows[0].cells]
    assert header[5:7] == ["Date", "Valid until"]
    order_row = next([c.text for c in r.cells] for r in index.rows if r.cells[1].text == "E-1")
    assert order_row[5:7] == ["10.01.2026", "30.06.2026"]
    from openpyxl import load_workbook

    sheet = load_workbook(pack_of(built) / "evidence-index.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    expires = next(row[6] for row in values if row[1] == "E-1")
    assert expires.strftime("%d.%m.%Y") == "30.06.2026"


def test_the_introduction_and_conclusion_leave_the_standards_their_numbers(built: Workspace) -> None:
    built.write("narratives/t/_introduction.md", "The university in brief.\n")
    built.write("narratives/t/_conclusion.md", "What comes next.\n")
    assert built.run("build", "--framework", "t").exit_code == 0
    document = Document(str(built.root / "build" / "t" / "TU.QA-SAR.01_v1.0.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:5] == [
        "Introduction",
        "1. Standard one",
        "Conclusion",
        "2. Compliance summary",
        "3. List of annexes",
    ]
