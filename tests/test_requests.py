"""Evidence requests: a memo per unit in the document-control format, a tracking list, arrivals."""

from __future__ import annotations

from conftest import Workspace
from docx import Document
from openpyxl import load_workbook

CONFIG = """\
institution: {ru: Тестовый университет}
language: ru
frameworks: [t]
owners: {'t:1.1': Кадрлар бөлүмү, 't:1.2': Окуу бөлүмү}
department:
  name: {ru: отдел качества образования}
  head: {position: {ru: Начальник отдела качества}, name: А.Б. Иванова}
"""


def test_memos_tracking_list_and_arrivals(ws: Workspace) -> None:
    ws.write("selfassess.yaml", CONFIG)
    ws.touch("evidence/policy.pdf")
    ws.register("- {id: E-1, title: Положение, file: policy.pdf, kind: policy, criteria: ['t:1.2']}\n")
    result = ws.run("requests", "--as-of", "2026-11-25", "--due", "2027-01-15")
    assert result.exit_code == 0, result.output
    assert (
        "warning[no-owner] 1 criteria with gaps have no responsible unit, so no memo asks for them: t:1.10"
        in result.output
    )
    memo = Document(str(ws.root / "build" / "requests" / "Окуу бөлүмү.docx"))
    table = next(t for t in memo.tables if t.rows[0].cells[0].text == "Критерий")
    assert [c.text for c in table.rows[1].cells] == [
        "t:1.2",
        "Programmes",
        "не менее 2 документ(ов); виды: Протокол",
        "15.01.2027",
    ]
    header = memo.sections[0].header.tables[0]
    assert header.rows[1].cells[0].text == "Служебная записка о представлении доказательств к аккредитации: Окуу бөлүмү"
    text = "\n".join(p.text for p in memo.paragraphs)
    assert "Просим представить их в отдел качества образования до 15 января 2027 г." in text
    assert text.startswith("Кому: Окуу бөлүмү\nОт кого: Отдел качества образования\n")
    assert "Начальник отдела качества    _______________    А.Б. Иванова\n25 ноября 2026 г." in text
    assert (
        "ЛИСТ РЕГИСТРАЦИИ ИЗМЕНЕНИЙ" not in text.upper() and "УТВЕРЖДАЮ" not in text.upper()
    )  # a memo, not a regulation
    assert (ws.root / "build" / "requests" / "Кадрлар бөлүмү.docx").is_file()

    ws.touch("evidence/order.pdf")
    ws.register(
        "- {id: E-1, title: Положение, file: policy.pdf, kind: policy, criteria: ['t:1.2']}\n"
        "- {id: E-2, title: Приказ, file: order.pdf, kind: order, criteria: ['t:1.1']}\n"
    )
    again = ws.run("requests", "--as-of", "2026-12-01")
    assert "arrived since the previous requests: t:1.1" in again.output
    rows = [
        [c.value for c in row]
        for row in load_workbook(ws.root / "build" / "requests" / "requests.xlsx").active.iter_rows()
    ]
    assert rows[0] == ["Дата запроса", "Подразделение", "Критерий", "Статус", "Срок исполнения", "Поступило"]
    assert ["2026-11-25", "Кадрлар бөлүмү", "t:1.1", "Подтверждено", "2027-01-15", "да"] in rows
    assert ["2026-11-25", "Окуу бөлүмү", "t:1.2", "Частично", "2027-01-15", "нет"] in rows
    assert not (ws.root / "build" / "requests" / "Кадрлар бөлүмү.docx").exists()  # nothing owed any more
    assert (ws.root / "build" / "requests" / "Окуу бөлүмү.docx").is_file()
