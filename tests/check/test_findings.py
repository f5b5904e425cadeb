"""Every finding code, each from a tiny workspace, with the exact message a user sees."""

from __future__ import annotations

import os

from conftest import CATALOGUE_U, Workspace

from selfassess.check.coverage import Status


def item(ident: str, file: str = "a.pdf", kind: str = "policy", criteria: str = "[t:1.1]", **extra: str) -> str:
    lines = [f"- id: {ident}", "  title: Document", f"  file: {file}", f"  kind: {kind}", f"  criteria: {criteria}"]
    lines += [f"  {k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def test_yaml_syntax_error_names_file_and_line(ws: Workspace) -> None:
    ws.register("- id: E-1\n  title: [unclosed\n")
    assert ws.messages("yaml-syntax") == [
        "evidence/register.yaml:3: this is not valid YAML: did not find expected ',' or ']' "
        "(in the block that starts on line 2)"
    ]


def test_duplicate_key_is_a_syntax_error(ws: Workspace) -> None:
    ws.register("- id: E-1\n  id: E-2\n")
    assert ws.messages("yaml-syntax") == [
        "evidence/register.yaml:2: this is not valid YAML: the key 'id' appears twice in the same block"
    ]


def test_invalid_config_field_points_at_its_line(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nlanguage: kz\nframeworks: [t]\n")
    result = ws.run("check")
    assert result.exit_code == 1
    assert "selfassess.yaml:2: error[invalid-field] 'language' is 'kz', which is not allowed" in result.output
    assert "use one of 'ky', 'ru' or 'en'" in result.output


def test_unknown_config_key_suggests_the_right_one(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t]\nfreshnes: {}\n")
    result = ws.run("check")
    assert "selfassess.yaml:3: error[invalid-field] unknown key 'freshnes'" in result.output
    assert "did you mean 'freshness'?" in result.output


def test_unknown_framework_suggests_a_close_one(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, uu]\n")
    assert ws.messages("unknown-framework") == ["selfassess.yaml:2: the framework 'uu' is not defined in criteria/"]


def test_duplicate_framework_in_two_files(ws: Workspace) -> None:
    ws.write("criteria/t-copy.yaml", (ws.root / "criteria/t.yaml").read_text())
    assert ws.messages("duplicate-framework") == [
        "criteria/t.yaml:1: framework 't' is also defined in criteria/t-copy.yaml"
    ]


def test_duplicate_criterion_in_a_catalogue(ws: Workspace) -> None:
    text = (ws.root / "criteria/u.yaml").read_text() + "      - id: A1\n        title: {en: Again}\n"
    ws.write("criteria/u.yaml", text)
    assert ws.messages("duplicate-id") == [
        "criteria/u.yaml:12: criterion 'u:A1' is defined twice (first at criteria/u.yaml:9)"
    ]


def test_unknown_criterion_suggests_the_qualified_id(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-012", criteria="[T-1.11]"))
    report = ws.check()
    found = [f for f in report.findings if f.code == "unknown-criterion"]
    assert [str(f) for f in found] == [
        "evidence/register.yaml:5: error[unknown-criterion] E-012 cites 'T-1.11'; no catalogue in use defines it\n"
        "    hint: did you mean 't:1.1'?"
    ]


def test_unqualified_criterion_gets_its_framework_when_only_one_defines_it(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", criteria="['1.2', 3.4]"))
    report = ws.check()
    assert [f.code for f in report.findings if f.code in ("unknown-criterion", "ambiguous-criterion")] == [
        "unknown-criterion"
    ]
    assert [s.item.id for r in report.criteria if r.qid == "t:1.2" for s in r.support] == ["E-1"]
    ws.write("criteria/v.yaml", CATALOGUE_U.replace("id: u", "id: v").replace("id: A1", "id: '1.2'"))
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t, u, v]\n")
    [finding] = [f for f in ws.check().findings if f.code == "ambiguous-criterion"]
    assert finding.message == "E-1 cites '1.2', which 2 frameworks in use define"
    assert (
        finding.hint
        == "write which one: t:1.2 or v:1.2; or, when the register means one framework, set default_framework: v in selfassess.yaml"
    )


def test_config_names_unknown_criterion(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t]\nnot_applicable: {'t:1.9': no reason}\n")
    assert ws.messages("unknown-criterion") == [
        "selfassess.yaml: not_applicable names 't:1.9'; no catalogue in use defines it"
    ]


def test_unknown_mapping_in_catalogue(ws: Workspace) -> None:
    ws.write("criteria/u.yaml", (ws.root / "criteria/u.yaml").read_text().replace('"t:1.1"', '"t:1.3"'))
    assert ws.messages("unknown-mapping") == ["criteria/u.yaml:9: u:A1 maps to 't:1.3', which is not defined"]


def test_unknown_kind_in_register_suggests_a_kind(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", kind="polcy"))
    [finding] = [f for f in ws.check().findings if f.code == "unknown-kind"]
    assert finding.message == "E-1 has kind 'polcy', which is not a known evidence kind"
    assert finding.hint == "did you mean 'policy'?"


def test_kind_may_be_written_in_russian_or_kyrgyz(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf")
    ws.register(
        item("E-1", kind="Положение", criteria="[t:1.2]")
        + item("E-2", file="b.pdf", kind="Протокол", criteria="[t:1.2]")
    )
    [result] = [r for r in ws.check().criteria if r.qid == "t:1.2"]
    assert result.status is Status.covered


def test_unknown_kind_required_by_catalogue(ws: Workspace) -> None:
    ws.write(
        "criteria/t.yaml", (ws.root / "criteria/t.yaml").read_text().replace("[policy, minutes]", "[policy, minuts]")
    )
    assert ws.messages("unknown-kind") == [
        "criteria/t.yaml:11: t:1.2 requires evidence of kind 'minuts', which is not a known kind"
    ]


def test_duplicate_evidence_id(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1") + item("E-1"))
    assert ws.messages("duplicate-id") == [
        "evidence/register.yaml:6: the id E-1 is used twice ('Document' and 'Document')"
    ]


def test_missing_file_suggests_the_file_in_another_folder(ws: Workspace) -> None:
    ws.touch("evidence/orders/Буйрук 45.pdf")
    ws.register(item("E-1", file="'Буйрук 45.pdf'"))
    [finding] = [f for f in ws.check().findings if f.code == "missing-file"]
    assert finding.message == "E-1: the file 'Буйрук 45.pdf' does not exist in the evidence folder"
    assert finding.hint == "did you mean 'orders/Буйрук 45.pdf'?"


def test_cyrillic_names_with_spaces_and_decomposed_unicode_are_found(ws: Workspace) -> None:
    ws.touch("evidence/Буйруктар/Ректордун буйругу №45.pdf")
    decomposed = "Буйруктар/Ректордун буйругу №45.pdf".replace("й", "и\u0306")
    ws.register(item("E-1", file=f"'{decomposed}'"))
    assert ws.messages("missing-file") == []
    assert ws.messages("orphan-file") == []


def test_windows_backslashes_are_accepted(ws: Workspace) -> None:
    ws.touch("evidence/orders/o1.pdf")
    ws.register(item("E-1", file="'orders\\o1.pdf'"))
    assert ws.messages("missing-file") == []


def test_path_escaping_with_dotdot_is_refused(ws: Workspace) -> None:
    ws.register(item("E-1", file="../../secret.txt"))
    assert ws.messages("path-escape") == [
        "evidence/register.yaml:1: E-1: the file '../../secret.txt' points outside the workspace ('..')"
    ]


def test_absolute_path_is_refused(ws: Workspace) -> None:
    ws.register(item("E-1", file="/etc/passwd") + item("E-2", file="'C:\\docs\\a.pdf'"))
    assert ws.messages("path-escape") == [
        "evidence/register.yaml:1: E-1: the file '/etc/passwd' is an absolute path; give it relative to the evidence folder",
        "evidence/register.yaml:6: E-2: the file 'C:\\docs\\a.pdf' is an absolute path; give it relative to the evidence folder",
    ]


def test_symlink_pointing_outside_is_refused(ws: Workspace, tmp_path) -> None:
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(b"x")
    (ws.root / "evidence").mkdir(exist_ok=True)
    os.symlink(outside, ws.root / "evidence" / "link.pdf")
    ws.register(item("E-1", file="link.pdf"))
    assert ws.messages("path-escape") == [
        f"evidence/register.yaml:1: E-1: the file 'link.pdf' is a link to {outside}, outside the workspace"
    ]
    [result] = [r for r in ws.check().criteria if r.qid == "t:1.1"]
    assert result.status is Status.missing


def test_bad_url(ws: Workspace) -> None:
    ws.register("- {id: W-1, title: Site, url: www.knu.kg, snapshot: 2026-10-01, kind: web_page, criteria: [t:1.1]}\n")
    assert ws.messages("bad-url") == ["evidence/register.yaml:1: W-1: 'www.knu.kg' is not a web address"]


def test_url_needs_a_snapshot_date(ws: Workspace) -> None:
    ws.register("- {id: W-1, title: Site, url: 'https://knu.kg', kind: web_page, criteria: [t:1.1]}\n")
    assert ws.messages("invalid-evidence") == [
        "evidence/register.yaml:1: W-1: a web page needs the date it was captured (snapshot)"
    ]


def test_invalid_date_names_the_field(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", issued="31.13.2025"))
    assert ws.messages("invalid-evidence") == [
        "evidence/register.yaml:6: E-1: column 'issued' '31.13.2025' is not a date; write it as 2026-01-19 or 19.01.2026"
    ]


def test_unknown_register_key_suggests_the_field(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", vaild_until="2027-01-01"))
    assert ws.messages("unknown-field") == ["evidence/register.yaml:6: E-1: unknown key 'vaild_until'"]


def test_register_must_be_a_list(ws: Workspace) -> None:
    ws.register("id: E-1\n")
    assert ws.messages("invalid-register") == [
        "evidence/register.yaml:1: the register must be a list of items, each starting with '- id:'"
    ]


def test_empty_folder_item(ws: Workspace) -> None:
    (ws.root / "evidence" / "syllabi").mkdir(parents=True)
    ws.register(item("E-1", file="syllabi"))
    assert ws.messages("empty-folder") == [
        "evidence/register.yaml:1: E-1: the folder 'syllabi' is empty, so it proves nothing and does not count"
    ]
    report = ws.check()
    assert all(s.item.id != "E-1" for r in report.criteria for s in r.support if r.status.value == "covered")


def test_an_empty_file_and_one_file_under_two_ids_prove_nothing_twice(ws: Workspace) -> None:
    (ws.root / "evidence").mkdir(exist_ok=True)
    (ws.root / "evidence" / "empty.pdf").write_bytes(b"")
    ws.touch("evidence/a.pdf")
    ws.register(
        item("E-1", file="empty.pdf", criteria="['t:1.1']")
        + item("E-2", file="a.pdf", criteria="['t:1.2']", kind="policy")
        + item("E-3", file="./a.pdf", criteria="['t:1.2']", kind="minutes")
    )
    assert ws.messages("empty-evidence") == [
        "evidence/register.yaml:1: E-1: the file 'empty.pdf' is empty (0 bytes): it proves nothing and does not count"
    ]
    statuses = {r.qid: r.status.value for r in ws.check().criteria}
    assert statuses["t:1.1"] == "missing"
    assert statuses["t:1.2"] == "partial"  # needs 2 documents; a.pdf twice is one
    [few] = [m for m in ws.messages("too-few-evidence") if "t:1.2" in m]
    assert "has 1 current item(s); it needs 2 (the 2 registered share files)" in few


def test_folder_item_covers_its_files(ws: Workspace) -> None:
    ws.touch("evidence/syllabi/s1.docx", "evidence/syllabi/s2.docx")
    ws.register(item("E-1", file="syllabi"))
    assert ws.messages("orphan-file") == []
    assert ws.messages("empty-folder") == []


def test_expired_and_expiring_items(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/b.pdf")
    ws.register(item("E-1", valid_until="2026-06-30") + item("E-2", file="b.pdf", valid_until="2027-01-15"))
    assert ws.messages("expired") == ["evidence/register.yaml:1: E-1 expired on 2026-06-30"]
    assert ws.messages("expiring") == ["evidence/register.yaml:7: E-2 expires on 2027-01-15, within 90 days"]


def test_validity_period_counts_from_issue_date(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", issued="01.09.2023", validity="3 жыл"))
    assert ws.messages("expired") == ["evidence/register.yaml:1: E-1 expired on 2026-09-01"]


def test_orphan_file(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf", "evidence/forgotten.docx", "evidence/~$a.docx", "evidence/.DS_Store")
    ws.register(item("E-1"))
    assert ws.messages("orphan-file") == ["evidence/forgotten.docx: no register entry names this file"]


def test_item_without_criteria(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", criteria="[]"))
    assert ws.messages("no-criteria") == ["evidence/register.yaml:1: E-1 supports no criterion, so it counts nowhere"]


def test_no_register(ws: Workspace) -> None:
    (ws.root / "evidence" / "register.yaml").unlink()
    assert ws.messages("no-register") == ["evidence/: there is no evidence register"]


def test_two_registers(ws: Workspace) -> None:
    ws.write("evidence/register.csv", "id,title,file,kind,criteria\n")
    assert ws.messages("two-registers") == [
        "evidence/: there are several registers (register.yaml, register.csv); selfassess would not know which one is current"
    ]


def test_register_in_unknown_format(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t]\nregister: evidence/list.numbers\n")
    ws.write("evidence/list.numbers", "x")
    assert ws.messages("register-format") == ["evidence/list.numbers: cannot read a register in '.numbers' format"]
    [said] = [f for f in ws.check().findings if f.code == "register-format"]
    assert said.hint == "use .xlsx, .xls, .ods, .csv or .yaml"
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t]\nregister: evidence/list.xlsx\n")
    ws.write("evidence/list.xlsx", "a CSV saved with the wrong extension")
    [unreadable] = [f for f in ws.check().findings if f.code == "unreadable"]
    assert unreadable.message == (
        "cannot open the Excel file: it is not an Excel workbook inside (another kind of file renamed?)"
    )


def test_register_that_is_not_utf8_yaml(ws: Workspace) -> None:
    (ws.root / "evidence/register.yaml").write_bytes("- id: Е-1\n  title: Положение\n".encode("cp1251"))
    assert ws.messages("encoding")[0].startswith("evidence/register.yaml: the file is not UTF-8 text")


def test_missing_evidence_counts_as_gap(ws: Workspace) -> None:
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", file="gone.pdf"))
    [result] = [r for r in ws.check().criteria if r.qid == "t:1.1"]
    assert result.status is Status.missing
    assert [f.message for f in result.findings] == ["E-1 does not count: its file is missing", "t:1.1 has no evidence"]
    assert [f.code for f in result.findings] == ["evidence-not-counted", "no-evidence"]


def test_empty_required_field(ws: Workspace) -> None:
    ws.register(
        "- {id: E-1, title: '', file: a.pdf, kind: policy, criteria: [t:1.1]}\n- {id: 7, file: a.pdf, kind: policy}\n"
    )
    assert ws.messages("invalid-evidence") == [
        "evidence/register.yaml:1: E-1: column 'title' is empty",
        "evidence/register.yaml:2: 7: column 'title' is empty",
    ]


def test_ids_in_settings_and_crosswalks_are_matched_like_register_ids(ws: Workspace) -> None:
    ws.write(
        "selfassess.yaml",
        "institution: X\nframeworks: [t, u]\nnot_applicable: {'T:1.10': n/a}\nowners: {'t: 1.1': Unit}\n",
    )
    ws.write("criteria/u.yaml", (ws.root / "criteria/u.yaml").read_text().replace('"t:1.1"', '"T:1.1"'))
    ws.touch("evidence/a.pdf")
    ws.register("- {id: E-1, title: P, file: a.pdf, kind: policy, criteria: ['t:1.1']}\n")
    by_id = {r.qid: r for r in ws.check().criteria}
    assert by_id["t:1.10"].status.value == "not-applicable"
    assert by_id["t:1.1"].owner == "Unit"
    assert by_id["u:A1"].status.value == "covered"
    assert ws.messages("unknown-criterion") == [] and ws.messages("unknown-mapping") == []


def test_folder_item_with_a_trailing_slash(ws: Workspace) -> None:
    ws.touch("evidence/policies/a.docx")
    ws.register(item("E-1", file="policies/"))
    assert ws.messages("orphan-file") == []
    assert ws.messages("missing-file") == []


def test_a_name_that_differs_only_in_case_is_missing_on_every_system(ws: Workspace) -> None:
    ws.touch("evidence/orders/Order 45.pdf")
    ws.register(item("E-1", file="'orders/order 45.PDF'"))
    [finding] = [f for f in ws.check().findings if f.code == "missing-file"]
    assert finding.hint == "did you mean 'orders/Order 45.pdf'? (capital and small letters differ)"


def test_ignored_files_are_not_orphans(ws: Workspace) -> None:
    ws.write("selfassess.yaml", "institution: X\nframeworks: [t]\nignore: ['drafts/*', '*.tmp']\n")
    ws.touch("evidence/drafts/d.docx", "evidence/x.tmp", "evidence/kept.pdf")
    assert ws.messages("orphan-file") == ["evidence/kept.pdf: no register entry names this file"]


def test_a_broken_catalogue_is_reported_once_not_by_every_citation(ws: Workspace) -> None:
    ws.write("criteria/t.yaml", (ws.root / "criteria/t.yaml").read_text().replace('  - id: "1"', '   - id: "1"', 1))
    ws.touch("evidence/a.pdf")
    ws.register(item("E-1", criteria="['t:1.1', 't:1.2']"))
    report = ws.check()
    assert [f.code for f in report.findings if f.severity == "error"] == ["yaml-syntax"]
