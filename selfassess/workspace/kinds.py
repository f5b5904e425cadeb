"""The evidence-kind vocabulary: codes with their names in ky, ru and en."""

from __future__ import annotations

from selfassess.models import Localised
from selfassess.textnorm import fold

# code: (ky, ru, en); extra spellings users write in registers follow in ALIASES.
BUILT_IN: dict[str, tuple[str, str, str]] = {
    "policy": ("Жобо", "Положение", "Policy / regulation"),
    "order": ("Буйрук", "Приказ", "Order"),
    "minutes": ("Протокол", "Протокол", "Minutes"),
    "plan": ("План", "План", "Plan"),
    "report": ("Отчёт", "Отчёт", "Report"),
    "dataset": ("Маалыматтар топтому", "Набор данных", "Dataset"),
    "survey_instrument": ("Сурамжылоо анкетасы", "Анкета", "Survey instrument"),
    "survey_results": ("Сурамжылоонун жыйынтыктары", "Результаты анкетирования", "Survey results"),
    "interview_notes": ("Маектин жазуулары", "Записи интервью", "Interview notes"),
    "audit_report": ("Аудиттин отчёту", "Отчёт об аудите", "Audit report"),
    "capa_record": ("Оңдоочу аракеттердин журналы", "Журнал корректирующих действий", "Corrective action log"),
    "web_page": ("Веб-барак", "Веб-страница", "Web page"),
    "contract_mou": ("Келишим", "Договор / меморандум", "Contract / MoU"),
    "certificate": ("Күбөлүк", "Сертификат / свидетельство", "Certificate"),
    "inventory": ("Инвентардык тизме", "Инвентарная ведомость", "Inventory"),
    "lms_export": ("LMS маалыматтары", "Выгрузка из LMS", "LMS export"),
    "staff_file": ("Кадрдык маалымат", "Кадровые сведения", "Staff records"),
    "sample_artifact": ("Студенттик иштин үлгүсү", "Образец работы студента", "Sample of student work"),
    "external_review": ("Тышкы баалоонун отчёту", "Отчёт внешней оценки", "External review"),
    "syllabus": ("Силлабус", "Силлабус", "Syllabus"),
    "curriculum": ("Окуу планы", "Учебный план", "Curriculum"),
    "licence": ("Лицензия", "Лицензия", "Licence"),
    "charter": ("Устав", "Устав", "Charter"),
}

ALIASES: dict[str, str] = {
    "регламент": "policy",
    "положение о": "policy",
    "токтом": "order",
    "распоряжение": "order",
    "тескеме": "order",
    "отчет": "report",
    "отчёт": "report",
    "баяндама": "report",
    "данные": "dataset",
    "анкетирование": "survey_results",
    "договор": "contract_mou",
    "меморандум": "contract_mou",
    "свидетельство": "certificate",
    "сертификат": "certificate",
    "силлабусы": "syllabus",
    "рабочая программа": "syllabus",
    "рабочая программа дисциплины": "syllabus",
    "ооп": "curriculum",
    "учебный план": "curriculum",
    "сайт": "web_page",
    "website": "web_page",
    "url": "web_page",
    "regulation": "policy",
    "protocol": "minutes",
    "license": "licence",
}


class Kinds:
    """The kinds a workspace knows: the built-in ones plus its own."""

    def __init__(self, extra: dict[str, Localised] | None = None) -> None:
        self.labels: dict[str, tuple[str, str, str]] = dict(BUILT_IN)
        for code, names in (extra or {}).items():
            self.labels[code] = (names.get("ky"), names.get("ru"), names.get("en"))
        self._lookup: dict[str, str] = {}
        self._resolved: dict[str, str | None] = {}
        for code, names in self.labels.items():
            for name in (code, code.replace("_", " "), *names):
                self._lookup.setdefault(fold(name), code)
        for alias, code in ALIASES.items():
            self._lookup.setdefault(fold(alias), code)

    def resolve(self, written: str) -> str | None:
        """Return the kind code for a code or a name in any language, or None if unknown."""
        if written in self._resolved:
            return self._resolved[written]
        code = self._resolved[written] = self._lookup.get(fold(written))
        return code

    def label(self, code: str, lang: str) -> str:
        """Return the kind's name in `lang` (the code itself for an unknown kind)."""
        names = self.labels.get(code)
        if not names:
            return code
        return {"ky": names[0], "ru": names[1], "en": names[2]}.get(lang) or names[2]

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def codes(self) -> list[str]:
        """Return every known kind code."""
        return list(self.labels)
