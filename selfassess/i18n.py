"""Labels, dates and numbers as the documents print them in Kyrgyz, Russian and English.

Longer than a module usually is because two thirds of it is the label table: each label
keeps its three languages side by side, so a reviewer of the Kyrgyz sees the Russian and
English it translates, and a label missing a language is seen at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import string
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

# The same codes as models.LANGUAGES; repeated so that importing this module pulls in nothing heavy.
_LANGS = ("ky", "ru", "en")

DATE_STYLES = ("numeric", "long", "attributive", "locative", "signature", "year")

NBSP = "\u00a0"

LABELS: dict[str, dict[str, str]] = {
    # Page header. The Kyrgyz form is the seed's "1-10 бет"; DOMAIN §6.3 notes it reads like a range,
    # so it may change once KNU's general department confirms the house style.
    "page": {"ky": "{page}-{pages} бет", "ru": "стр. {page} из {pages}", "en": "page {page} of {pages}"},
    "version": {"ky": "{version} версиясы", "ru": "Версия {version}", "en": "Version {version}"},
    "version_column": {"ky": "Версиясы", "ru": "Версия", "en": "Version"},
    "self_assessment_report": {
        "ky": "Өзүн-өзү баалоо боюнча отчет",
        "ru": "Отчёт по самооценке",
        "en": "Self-assessment report",
    },
    "introduction": {"ky": "Киришүү", "ru": "Введение", "en": "Introduction"},
    "monitoring_report": {
        "ky": "Билим берүүнүн сапатына мониторинг жүргүзүүнүн жыйынтыктары боюнча аналитикалык отчет",
        "ru": "Аналитический отчёт по результатам мониторинга качества образования",
        "en": "Analytical report on the monitoring of the quality of education",
    },
    "indicators": {"ky": "Көрсөткүчтөр", "ru": "Показатели", "en": "Indicators"},
    "dashboard": {
        "ky": "Аккредитацияга даярдыктын абалы",
        "ru": "Готовность к аккредитации",
        "en": "Accreditation readiness",
    },
    "coverage": {"ky": "Далилдер менен камсыз болушу", "ru": "Обеспеченность доказательствами", "en": "Coverage"},
    "as_of": {"ky": "{date} карата", "ru": "на {date}", "en": "as of {date}"},
    "programme": {"ky": "Программа", "ru": "Программа", "en": "Programme"},
    "citation_not_annexed": {
        "ky": "{id}: тиркелген эмес",
        "ru": "{id}: не прилагается",
        "en": "{id}: not annexed",
    },
    # Another programme's evidence cited in a programme's report: named, never annexed.
    "citation_foreign": {
        "ky": "{id}: {programme} программасынын далили, тиркелген эмес",
        "ru": "{id}: доказательство программы {programme}, не прилагается",
        "en": "{id}: evidence of programme {programme}, not annexed",
    },
    "programmes_by_standard": {
        "ky": "Программалар жана стандарттар боюнча",
        "ru": "Программы по стандартам",
        "en": "Programmes by standard",
    },
    "by_standard": {"ky": "Стандарттар боюнча", "ru": "По стандартам", "en": "By standard"},
    "criteria_map": {"ky": "Критерийлердин картасы", "ru": "Карта критериев", "en": "Map of criteria"},
    "gaps_by_unit": {
        "ky": "Бөлүмдөр боюнча ачык кемчиликтер",
        "ru": "Открытые пробелы по подразделениям",
        "en": "Open gaps by unit",
    },
    "expiring_soon": {
        "ky": "Жакынкы {days} күндө мөөнөтү бүтө турган далилдер",
        "ru": "Доказательства, срок которых истекает в ближайшие {days} дней",
        "en": "Evidence expiring in the next {days} days",
    },
    "history": {"ky": "Динамика", "ru": "Динамика", "en": "Progress over time"},
    "no_owner": {"ky": "(бөлүм көрсөтүлгөн эмес)", "ru": "(подразделение не указано)", "en": "(no unit given)"},
    "nothing_here": {"ky": "Жок", "ru": "Нет", "en": "None"},
    "request_title": {
        "ky": "Аккредитацияга далилдерди берүү жөнүндө кат: {unit}",
        "ru": "Служебная записка о представлении доказательств к аккредитации: {unit}",
        "en": "Request for accreditation evidence: {unit}",
    },
    "request_intro": {
        "ky": (
            # The locative and a numeric deadline: the dative forms that "карата"/"чейин" take
            # are not in the verified date table (DOMAIN.md 6.1).
            "{date_locative} аккредитацияга даярдыкты текшерүүнүн жыйынтыгында "
            "төмөнкү далилдер жетишсиз экени аныкталды. Аларды тапшырууңузду суранабыз. "
            "Тапшыруу мөөнөтү — {due_numeric}. Кабыл алуучу: {department}."
        ),
        "ru": (
            "По результатам проверки готовности к аккредитации на {date} "
            "выявлены недостающие доказательства. Просим представить их в {department} до {due}."
        ),
        "en": (
            "The readiness check of {date} found the evidence below missing "
            "or out of date. Please send it to the {department} by {due}."
        ),
    },
    "qa_department": {
        "ky": "Билим берүүнүн сапатына мониторинг жүргүзүү жана аудит бөлүмү",
        "ru": "отдел мониторинга качества образования и аудита",
        "en": "quality monitoring and audit department",
    },
    "qa_head": {"ky": "Бөлүмдүн башчысы", "ru": "Начальник отдела", "en": "Head of department"},
    "lineage_rows": {"ky": "{total} саптан {used}", "ru": "{used} из {total} строк", "en": "{used} of {total} rows"},
    "lineage_left_out": {
        "ky": "{n} сап катасы үчүн эсепке алынган жок (саптар: {lines})",
        "ru": "{n} с ошибками не учтено (строки {lines})",
        "en": "{n} left out as malformed (lines {lines})",
    },
    "lineage_all_rows": {"ky": "бардык саптар", "ru": "все строки", "en": "all rows"},
    "lineage_empty": {"ky": "бош", "ru": "пусто", "en": "empty"},
    "lineage_not_empty": {"ky": "бош эмес", "ru": "заполнено", "en": "not empty"},
    "withdrawn": {"ky": "Жокко чыгарылды", "ru": "Отозван", "en": "Withdrawn"},
    "memo_outgoing": {"ky": "{date} № {number}", "ru": "{date} № {number}", "en": "No. {number} of {date}"},
    "memo_subject": {
        "ky": "Аккредитацияга далилдерди берүү жөнүндө",
        "ru": "О представлении доказательств к аккредитации",
        "en": "Evidence for accreditation",
    },
    "memo_executor": {"ky": "Аткаруучу: {contact}", "ru": "Исполнитель: {contact}", "en": "Prepared by: {contact}"},
    "needed": {"ky": "Эмне керек", "ru": "Что требуется", "en": "What is needed"},
    "need_items": {
        "ky": "кеминде {n} документ",
        "ru": "не менее {n} документ(ов)",
        "en": "at least {n} document(s)",
    },
    "need_kinds": {"ky": "түрлөрү: {kinds}", "ru": "виды: {kinds}", "en": "kinds: {kinds}"},
    "need_renew": {"ky": "жаңылоо керек: {items}", "ru": "требуется обновить: {items}", "en": "renew: {items}"},
    "arrived": {"ky": "Келип түштү", "ru": "Поступило", "en": "Arrived"},
    "requested_on": {"ky": "Суралган күнү", "ru": "Дата запроса", "en": "Requested on"},
    "unit": {"ky": "Бөлүм", "ru": "Подразделение", "en": "Unit"},
    "yes": {"ky": "ооба", "ru": "да", "en": "yes"},
    "no": {"ky": "жок", "ru": "нет", "en": "no"},
    "surveys": {"ky": "Сурамжылоолордун жыйынтыктары", "ru": "Результаты анкетирования", "en": "Survey results"},
    "recommendations": {"ky": "Сунуштар", "ru": "Рекомендации", "en": "Recommendations"},
    "data_sources": {"ky": "Маалыматтардын булактары", "ru": "Источники данных", "en": "Sources of the data"},
    "dimension": {"ky": "Бөлүнүшү", "ru": "Разрез", "en": "Breakdown"},
    "evidence_for": {
        "ky": "{criterion} критерийинин далилдери",
        "ru": "Доказательства по критерию {criterion}",
        "en": "Evidence for criterion {criterion}",
    },
    "indicators_for": {
        "ky": "{criterion} критерийинин көрсөткүчтөрү",
        "ru": "Показатели по критерию {criterion}",
        "en": "Indicators for criterion {criterion}",
    },
    "caption.table": {"ky": "{n}-таблица. {title}", "ru": "Таблица {n} – {title}", "en": "Table {n}. {title}"},
    "caption.figure": {"ky": "{n}-сүрөт. {title}", "ru": "Рисунок {n} – {title}", "en": "Figure {n}. {title}"},
    "overall": {"ky": "Бардыгы", "ru": "В целом", "en": "Overall"},
    "threshold": {"ky": "Чек маани", "ru": "Пороговое значение", "en": "Threshold"},
    "n_rows": {"ky": "Жазуулар", "ru": "Записей", "en": "Rows"},
    "trend": {"ky": "Динамика", "ru": "Динамика", "en": "Trend"},
    "item": {"ky": "Суроо", "ru": "Вопрос", "en": "Item"},
    "answers": {"ky": "Жооптор", "ru": "Ответов", "en": "Answers"},
    "mean_ci": {"ky": "Орточо ± 95 % ИА", "ru": "Среднее ± 95 % ДИ", "en": "Mean ± 95 % CI"},
    "top2": {"ky": "4–5 упай, %", "ru": "4–5 баллов, %", "en": "Top-2-box, %"},
    "no_answer": {"ky": "Жооп жок", "ru": "Нет ответа", "en": "No answer"},
    "reliability": {
        "ky": "Блоктордун ишенимдүүлүгү (Кронбахтын α, толук жооп бергендер боюнча)",
        "ru": "Надёжность блоков (α Кронбаха по полностью ответившим)",
        "en": "Reliability of the blocks (Cronbach's α over complete answers)",
    },
    "alpha_low": {
        "ky": "төмөн: 0,7ден аз, блоктун суроолору бир нерсени өлчөбөйт",
        "ru": "низкая: ниже 0,7, вопросы блока измеряют не одно и то же",
        "en": "low: below 0.7, the block's items do not measure one thing",
    },
    "alpha_ok": {"ky": "жетиштүү", "ru": "приемлемая", "en": "acceptable"},
    "satisfaction_index": {"ky": "Канааттануу индекси", "ru": "Индекс удовлетворённости", "en": "Satisfaction index"},
    "respondents": {
        "ky": "Жооп бергендер: {n}; катышуу деңгээли: {rate}",
        "ru": "Ответили: {n}; доля ответивших: {rate}",
        "en": "Respondents: {n}; response rate: {rate}",
    },
    "suppressed": {
        "ky": "жашырылды ({n} жооптон аз)",
        "ru": "скрыто (меньше {n} ответов)",
        "en": "hidden (fewer than {n} answers)",
    },
    "istatus.ok": {"ky": "талапка жооп берет", "ru": "соответствует", "en": "meets"},
    "istatus.below": {"ky": "чектен төмөн", "ru": "ниже порога", "en": "below"},
    "istatus.above": {"ky": "чектен жогору", "ru": "выше порога", "en": "above"},
    "istatus.no-data": {"ky": "маалымат жок", "ru": "нет данных", "en": "no data"},
    "istatus.no-threshold": {"ky": "—", "ru": "—", "en": "—"},
    "provenance.legal": {"ky": "мыйзам", "ru": "законодательство", "en": "legal"},
    "provenance.agency": {"ky": "агенттик", "ru": "агентство", "en": "agency"},
    "provenance.institutional": {"ky": "университет", "ru": "университет", "en": "institutional"},
    "conclusion": {"ky": "Корутунду", "ru": "Заключение", "en": "Conclusion"},
    "annex_column": {"ky": "Тиркеме №", "ru": "Приложение №", "en": "Annex No."},
    "action": {"ky": "Иш-чара", "ru": "Мероприятие", "en": "Action"},
    "evidence_status": {"ky": "Далилдердин абалы", "ru": "Состояние доказательств", "en": "Evidence status"},
    "narrative_missing": {
        "ky": "{criterion} критерийи боюнча өзүн-өзү баалоонун тексти али жазыла элек.",
        "ru": "Текст самооценки по критерию {criterion} ещё не написан.",
        "en": "The self-assessment text for criterion {criterion} has not been written yet.",
    },
    "no_evidence_yet": {
        "ky": "Бул критерий боюнча далилдер реестрде жок.",
        "ru": "Доказательства по этому критерию в реестре отсутствуют.",
        "en": "The register has no evidence for this criterion.",
    },
    "evidence_index": {"ky": "Далилдердин көрсөткүчү", "ru": "Указатель доказательств", "en": "Evidence index"},
    "criteria_matrix": {
        "ky": "Критерийлер жана далилдер матрицасы",
        "ru": "Матрица критериев и доказательств",
        "en": "Criteria and evidence matrix",
    },
    "document_register": {
        "ky": "Башкарылуучу документтердин реестри",
        "ru": "Реестр управляемых документов",
        "en": "Register of controlled documents",
    },
    "approve": {"ky": "«БЕКТЕМ»", "ru": "«УТВЕРЖДАЮ»", "en": "APPROVED"},
    "agreed": {"ky": "«Макулдашылган»", "ru": "«СОГЛАСОВАНО»", "en": "AGREED"},
    "protocol": {"ky": "Протокол № {number}", "ru": "Протокол № {number}", "en": "Minutes No. {number}"},
    "contents": {"ky": "Мазмуну", "ru": "Содержание", "en": "Contents"},
    "developers": {"ky": "Иштеп чыгуучулар", "ru": "Разработчики", "en": "Developed by"},
    "agreement_sheet": {"ky": "Макулдашуу барагы", "ru": "Лист согласования", "en": "Agreement sheet"},
    "change_sheet": {
        "ky": "Өзгөртүүлөрдү киргизүү барагы",
        "ru": "Лист регистрации изменений",
        "en": "Change registration sheet",
    },
    # The Kyrgyz term was not found in any source (DOMAIN §6.3 marks it unverified).
    "familiarisation_sheet": {"ky": "Таанышуу барагы", "ru": "Лист ознакомления", "en": "Familiarisation sheet"},
    "annex": {"ky": "Тиркеме {n}", "ru": "Приложение {n}", "en": "Annex {n}"},
    "annexes": {"ky": "Тиркемелердин тизмеси", "ru": "Перечень приложений", "en": "List of annexes"},
    # Columns of the signature, agreement and familiarisation sheets.
    "number": {"ky": "№", "ru": "№", "en": "No."},
    "position": {"ky": "Кызматы", "ru": "Должность", "en": "Position"},
    "name": {"ky": "Аты-жөнү", "ru": "Ф.И.О.", "en": "Name"},
    "signature": {"ky": "Кол тамгасы", "ru": "Подпись", "en": "Signature"},
    # The seed's change sheet heads the sub-column under the representative with the short "Колу".
    "signature_short": {"ky": "Колу", "ru": "Подпись", "en": "Signature"},
    "date": {"ky": "Күнү", "ru": "Дата", "en": "Date"},
    # The change-registration sheet, the university's five columns (DOMAIN §4.4, Kyrgyz as in the seed).
    "change.number": {"ky": "Өзгөртүүнүн номери", "ru": "Номер изменения", "en": "Change No."},
    "change.order": {
        "ky": "Өзгөртүүлөрдү киргизүү жөнүндө тескеме документтин номери жана датасы",
        "ru": "Номер и дата распорядительного документа о внесении изменений",
        "en": "Number and date of the order introducing the change",
    },
    "change.received": {
        "ky": "Өзгөртүүлөр жөнүндө документ алынган күнү",
        "ru": "Дата получения документа об изменениях",
        "en": "Date the change document was received",
    },
    "change.entered": {
        "ky": "Өзгөртүүлөр киргизилген күнү",
        "ru": "Дата внесения изменений",
        "en": "Date the change was entered",
    },
    "change.entered_by": {
        "ky": "Түзүмдүк бөлүмдүн сапат боюнча ыйгарым укуктуу өкүлү (өзгөртүү киргизген адам)",
        "ru": "Уполномоченный по качеству структурного подразделения (лицо, внёсшее изменения)",
        "en": "Unit's authorised quality representative (person who entered the change)",
    },
    # Document types.
    "doc.regulation": {"ky": "Жобо", "ru": "Положение", "en": "Regulation"},
    "doc.instruction": {"ky": "Нускама", "ru": "Инструкция", "en": "Instruction"},
    "doc.plan": {"ky": "План", "ru": "План", "en": "Plan"},
    "doc.report": {"ky": "Отчет", "ru": "Отчёт", "en": "Report"},
    "doc.order": {"ky": "Буйрук", "ru": "Приказ", "en": "Order"},
    "doc.memo": {"ky": "Кызматтык кат", "ru": "Служебная записка", "en": "Memo"},
    "doc.procedure": {"ky": "Жол-жобо", "ru": "Процедура", "en": "Procedure"},
    # Document statuses and the watermarks printed across pages.
    "status.draft": {"ky": "Долбоор", "ru": "Проект", "en": "Draft"},
    "status.approved": {"ky": "Бекитилген", "ru": "Утверждён", "en": "Approved"},
    "status.superseded": {"ky": "Жараксыз", "ru": "Аннулирован", "en": "Superseded"},
    "watermark.draft": {"ky": "ДОЛБООР", "ru": "ПРОЕКТ", "en": "DRAFT"},
    "watermark.superseded": {"ky": "ЖАРАКСЫЗ", "ru": "АННУЛИРОВАН", "en": "SUPERSEDED"},
    # Keyed by coverage.Status and coverage.Freshness values, so f"coverage.{status}" finds the label.
    "coverage.covered": {"ky": "Далилденген", "ru": "Подтверждено", "en": "Covered"},
    "coverage.partial": {"ky": "Жарым-жартылай", "ru": "Частично", "en": "Partial"},
    "coverage.missing": {"ky": "Жок", "ru": "Отсутствует", "en": "Missing"},
    "coverage.stale": {"ky": "Эскирген", "ru": "Устарело", "en": "Stale"},
    "coverage.expiring": {"ky": "Мөөнөтү бүтүп баратат", "ru": "Истекает срок", "en": "Expiring"},
    "days_left": {"ky": "{days} күн калды", "ru": "осталось {days} дн.", "en": "{days} days left"},
    "expired_on": {"ky": "мөөнөтү {date} бүткөн", "ru": "срок истёк {date}", "en": "expired {date}"},
    "coverage.not-applicable": {"ky": "Тиешеси жок", "ru": "Не применимо", "en": "Not applicable"},
    "freshness.current": {"ky": "Жарактуу", "ru": "Действует", "en": "Current"},
    "freshness.expiring": {"ky": "Мөөнөтү бүтүп баратат", "ru": "Срок истекает", "en": "Expiring"},
    "freshness.expired": {"ky": "Мөөнөтү өткөн", "ru": "Срок истёк", "en": "Expired"},
    "freshness.too-old": {"ky": "Өтө эски", "ru": "Слишком старый", "en": "Too old"},
    # Words of the self-assessment report.
    "standard": {"ky": "Стандарт", "ru": "Стандарт", "en": "Standard"},
    "criterion": {"ky": "Критерий", "ru": "Критерий", "en": "Criterion"},
    "criteria": {"ky": "Критерийлер", "ru": "Критерии", "en": "Criteria"},
    "evidence": {"ky": "Далилдер", "ru": "Доказательства", "en": "Evidence"},
    "indicator": {"ky": "Көрсөткүч", "ru": "Показатель", "en": "Indicator"},
    "source_document": {"ky": "Маалыматтын булагы", "ru": "Документ-источник", "en": "Source document"},
    "rows_used": {"ky": "Колдонулган саптар", "ru": "Использовано строк", "en": "Rows used"},
    "value": {"ky": "Мааниси", "ru": "Значение", "en": "Value"},
    "strengths": {"ky": "Күчтүү жактары", "ru": "Сильные стороны", "en": "Strengths"},
    "weaknesses": {"ky": "Алсыз жактары", "ru": "Слабые стороны", "en": "Weaknesses"},
    "opportunities": {"ky": "Мүмкүнчүлүктөр", "ru": "Возможности", "en": "Opportunities"},
    "threats": {"ky": "Коркунучтар", "ru": "Угрозы", "en": "Threats"},
    "improvement_actions": {
        "ky": "Өркүндөтүү боюнча иш-чаралар",
        "ru": "Мероприятия по улучшению",
        "en": "Improvement actions",
    },
    "responsible_unit": {"ky": "Жооптуу бөлүм", "ru": "Ответственное подразделение", "en": "Responsible unit"},
    "deadline": {"ky": "Аткаруу мөөнөтү", "ru": "Срок исполнения", "en": "Deadline"},
    "compliance_summary": {
        "ky": "Шайкештикти баалоонун жыйынтыгы",
        "ru": "Сводная оценка соответствия",
        "en": "Compliance summary",
    },
    "total": {"ky": "Бардыгы", "ru": "Всего", "en": "Total"},
    "note": {"ky": "Эскертүү", "ru": "Примечание", "en": "Note"},
    # Columns of the evidence index.
    "code": {"ky": "Коду", "ru": "Код", "en": "Code"},
    "title": {"ky": "Аталышы", "ru": "Наименование", "en": "Title"},
    "kind": {"ky": "Түрү", "ru": "Вид", "en": "Kind"},
    "owner": {"ky": "Ээси", "ru": "Владелец", "en": "Owner"},
    "status": {"ky": "Абалы", "ru": "Статус", "en": "Status"},
    "findings": {"ky": "Эмнеси жетишпейт", "ru": "Что не так", "en": "Findings"},
    "problems": {"ky": "Көйгөйлөр", "ru": "Проблемы", "en": "Problems"},
    "place": {"ky": "Кайда", "ru": "Где", "en": "Where"},
    "severity": {"ky": "Деңгээли", "ru": "Уровень", "en": "Severity"},
    "problem": {"ky": "Көйгөй", "ru": "Проблема", "en": "Problem"},
    "what_to_do": {"ky": "Эмне кылуу керек", "ru": "Что сделать", "en": "What to do"},
    "severity.error": {"ky": "ката", "ru": "ошибка", "en": "error"},
    "severity.warning": {"ky": "эскертүү", "ru": "предупреждение", "en": "warning"},
    "file": {"ky": "Файл", "ru": "Файл", "en": "File"},
    "issued": {"ky": "Берилген күнү", "ru": "Дата выдачи", "en": "Issued"},
    "valid_until": {"ky": "Жарактуулук мөөнөтү", "ru": "Действует до", "en": "Valid until"},
    "language": {"ky": "Тили", "ru": "Язык", "en": "Language"},
    "sha256": {"ky": "SHA-256", "ru": "SHA-256", "en": "SHA-256"},
    "language.ky": {"ky": "Кыргыз тили", "ru": "Кыргызский", "en": "Kyrgyz"},
    "language.ru": {"ky": "Орус тили", "ru": "Русский", "en": "Russian"},
    "language.en": {"ky": "Англис тили", "ru": "Английский", "en": "English"},
}


class KyMonth(NamedTuple):
    """A Kyrgyz month name in the four forms dates need (DOMAIN §6.1)."""

    nominative: str
    possessive: str
    attributive: str
    locative: str


# Written out rather than derived: the suffixes follow vowel harmony and the stem's last sound
# (апрели, июну), and a table is what the legal texts were checked against.
KY_MONTHS: tuple[KyMonth, ...] = (
    KyMonth("январь", "январы", "январындагы", "январында"),
    KyMonth("февраль", "февралы", "февралындагы", "февралында"),
    KyMonth("март", "марты", "мартындагы", "мартында"),
    KyMonth("апрель", "апрели", "апрелиндеги", "апрелинде"),
    KyMonth("май", "майы", "майындагы", "майында"),
    KyMonth("июнь", "июну", "июнундагы", "июнунда"),
    KyMonth("июль", "июлу", "июлундагы", "июлунда"),
    KyMonth("август", "августу", "августундагы", "августунда"),
    KyMonth("сентябрь", "сентябры", "сентябрындагы", "сентябрында"),
    KyMonth("октябрь", "октябры", "октябрындагы", "октябрында"),
    KyMonth("ноябрь", "ноябры", "ноябрындагы", "ноябрында"),
    KyMonth("декабрь", "декабры", "декабрындагы", "декабрында"),
)


def _entry(key: str, lang: str) -> str:
    try:
        entry = LABELS[key]
    except KeyError:
        close = difflib.get_close_matches(key, LABELS, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"unknown label {key!r}{hint}") from None
    if lang not in entry:
        raise KeyError(f"unknown language {lang!r} for label {key!r}; use one of: {', '.join(_LANGS)}")
    return entry[lang]


def label(key: str, lang: str, **values: object) -> str:
    """Return the label `key` in `lang` with its {placeholders} filled from `values`."""
    text = _entry(key, lang)
    try:
        return text.format(**values)
    except KeyError as error:
        raise KeyError(f"label {key!r} needs the value {error.args[0]!r}") from None


def label_parts(key: str, lang: str) -> list[tuple[str, bool]]:
    """Return the label as (text, is_placeholder) pieces in order: [("стр. ", False), ("page", True), ...].

    The page label needs this: its {page} and {pages} become Word PAGE and NUMPAGES fields,
    which only the application that lays out the pages can fill in.
    """
    parts: list[tuple[str, bool]] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(_entry(key, lang)):
        if literal:
            parts.append((literal, False))
        if field is not None:
            parts.append((field, True))
    return parts


def missing_translations() -> list[str]:
    """Return the label keys that lack a non-empty text in any of ky, ru, en."""
    return [key for key, entry in LABELS.items() if any(not entry.get(lang) for lang in _LANGS)]


def _check_lang(lang: str) -> None:
    if lang not in _LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(_LANGS)}")


def _plain_spaces(text: str) -> str:
    # CLDR puts U+202F or U+00A0 inside Russian dates and the version changes with Babel's data;
    # dates use ordinary spaces everywhere, as the Kyrgyz table and the seed do.
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2009", " ")


def _babel_date(day: dt.date, pattern: str, lang: str) -> str:
    from babel.dates import format_date as babel_format_date

    return _plain_spaces(babel_format_date(day, pattern, locale=lang))


def format_date(day: dt.date, lang: str, style: str = "long") -> str:
    """Return `day` written out in `lang` in one of DATE_STYLES.

    Spaces inside dates are ordinary spaces (U+0020) in every language; keeping "2026 г."
    on one line is left to the document template.
    """
    _check_lang(lang)
    if style not in DATE_STYLES:
        raise ValueError(f"unknown date style {style!r}; use one of: {', '.join(DATE_STYLES)}")
    if style == "numeric":
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    if lang == "ky":
        month = KY_MONTHS[day.month - 1]
        return {
            "long": f"{day.year}-жылдын {day.day}-{month.possessive}",
            "attributive": f"{day.year}-жылдын {day.day}-{month.attributive}",
            "locative": f"{day.year}-жылдын {day.day}-{month.locative}",
            "signature": f"«{day.day}» {month.nominative} {day.year}-ж.",
            "year": f"{day.year}-ж.",
        }[style]
    if style == "year":
        return f"{day.year} г." if lang == "ru" else str(day.year)
    if style == "signature" and lang == "ru":
        # The day in guillemets, not zero-padded, as in approval blocks (GOST R 7.0.97-2016, 5.10).
        return _babel_date(day, "«d» MMMM y 'г.'", lang)
    long = _babel_date(day, "d MMMM y 'г.'" if lang == "ru" else "d MMMM y", lang)
    if style == "attributive":
        return f"от {long}" if lang == "ru" else f"of {long}"
    if style == "locative":
        return long if lang == "ru" else f"on {long}"
    return long


def _rounded(value: Decimal, digits: int) -> Decimal:
    if digits < 0:
        raise ValueError(f"digits must be 0 or more, not {digits}")
    # Babel rounds half to even (64.5 -> 64); reports round half up, as Excel and hand checks do.
    result = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return abs(result) if result == 0 else result


def _decimal(value: float) -> Decimal:
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r} as a number")
    # str() gives the shortest text that reads back as the float: 0.645, not 0.64500000000000001776.
    return Decimal(str(value))


def _babel_number(value: Decimal, lang: str, digits: int) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    # Group separators are a no-break space in ky and ru; some CLDR versions use the narrow one.
    return format_decimal(value, pattern, locale=lang).replace("\u202f", NBSP)


def format_number(value: float, lang: str, digits: int = 1) -> str:
    """Return `value` with `digits` decimals in the language's style: "1 234,5" (no-break group space) or "1,234.5"."""
    _check_lang(lang)
    return _babel_number(_rounded(_decimal(value), digits), lang, digits)


def format_percent(value: float, lang: str, digits: int = 1) -> str:
    """Return the fraction `value` as a percentage: 0.645 -> "64,5 %" (ky, ru; no-break space) or "64.5%" (en)."""
    _check_lang(lang)
    number = _babel_number(_rounded(_decimal(value) * 100, digits), lang, digits)
    # House style: CLDR writes "64,5%" for ky but "64,5 %" for ru; both get the no-break space
    # before the sign, so a bilingual document reads the same in both languages.
    return f"{number}%" if lang == "en" else f"{number}{NBSP}%"


_UNIT_SIGNS = {"percent": ("%", "%"), "m2": ("м²", "m²")}  # (ky/ru, en)


def format_value(value: float | None, unit: str, lang: str) -> str:
    """Return an indicator's value as a document prints it: "55,7 %", "3,16 м²", "18 455" (ky, ru)
    or "55.7%", "3.16 m²", "18,455" (en); decimals as computed (up to 4), a dash for no value.

    The sign is joined by a no-break space, so a line never ends between number and unit.
    """
    _check_lang(lang)
    if value is None:
        return "—"
    from babel.numbers import format_decimal

    text = format_decimal(_decimal(value), "#,##0.####", locale=lang).replace("\u202f", NBSP)
    signs = _UNIT_SIGNS.get(unit)
    if signs is None:
        return text
    sign = signs[1] if lang == "en" else signs[0]
    return f"{text}%" if (unit == "percent" and lang == "en") else f"{text}{NBSP}{sign}"


def format_bounds(minimum: float | None, maximum: float | None, lang: str) -> str:
    """Return a threshold as signs with locale numbers: "≥ 3", "≥ 1 ≤ 3" (no-break space after the sign)."""
    parts = [f"≥{NBSP}{format_value(minimum, 'number', lang)}"] if minimum is not None else []
    parts += [f"≤{NBSP}{format_value(maximum, 'number', lang)}"] if maximum is not None else []
    return " ".join(parts)
