"""The evidence-kind vocabulary: the built-in kinds, and those a workspace or catalogue declares.

A kind is matched by its code or any of its names (ky, ru, en, aliases), folded. Declared
kinds come first: an agency's «Анкета» means the agency's kind, never a built-in one.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfassess.models import EvidenceKind
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


@dataclass(frozen=True)
class Clash:
    """A name two kinds answer to: `winner` is what it means, `other` loses it."""

    name: str
    winner: str
    other: str
    source: str  # where the winning kind is declared
    builtin: bool  # the losing kind is built in (a shadowing, not a conflict between declarations)


class Kinds:
    """The kinds a workspace knows: its own and its catalogues' first, then the built-in ones."""

    def __init__(
        self, declared: list[tuple[str, dict[str, EvidenceKind]]] | dict[str, EvidenceKind] | None = None
    ) -> None:
        if isinstance(declared, dict):
            declared = [("selfassess.yaml", declared)]
        self.labels: dict[str, tuple[str, str, str]] = {}
        self.sources: dict[str, str] = {}
        self.clashes: list[Clash] = []
        self._lookup: dict[str, str] = {}
        self._resolved: dict[str, str | None] = {}
        self._satisfies: dict[tuple[str, str], bool] = {}
        self._names: dict[str, set[str]] = {}
        for source, kinds in declared or []:
            for code, kind in kinds.items():
                if code in self.labels:
                    continue  # the workspace's own declaration of a code wins over a catalogue's
                self.labels[code] = (
                    kind.ky or kind.ru or kind.en or code,
                    kind.ru or kind.ky or kind.en or code,
                    kind.en or kind.ru or kind.ky or code,
                )
                self.sources[code] = source
                for name in (code, code.replace("_", " "), *kind.names()):
                    self._claim(fold(name), code, source, builtin=False)
        for code, names in BUILT_IN.items():
            self.labels.setdefault(code, names)
            for name in (code, code.replace("_", " "), *names):
                self._claim(fold(name), code, "", builtin=True)
        for alias, code in ALIASES.items():
            self._claim(fold(alias), code, "", builtin=True)

    def _claim(self, name: str, code: str, source: str, builtin: bool) -> None:
        owner = self._lookup.get(name)
        if owner is None:
            self._lookup[name] = code
        elif owner != code and owner in self.sources and not (builtin and code in self.sources):
            # A declared kind keeps a name a later (or built-in) kind also answers to.
            self.clashes.append(Clash(name, owner, code, self.sources.get(owner, ""), builtin))

    def resolve(self, written: str) -> str | None:
        """Return the kind code for a code or a name in any language, or None if unknown."""
        if written in self._resolved:
            return self._resolved[written]
        code = self._resolved[written] = self._lookup.get(fold(written))
        return code

    def satisfies(self, have: str, need: str) -> bool:
        """Return True when evidence of kind `have` is evidence of kind `need`: the same kind, or
        one whose name makes it a narrower one ("Протокол заседания Ученого совета" is a "Протокол")."""
        if have == need:
            return True
        key = (have, need)
        found = self._satisfies.get(key)
        if found is None:
            wanted = [n + " " for n in self._names_of(need)]
            found = self._satisfies[key] = any(n.startswith(w) for n in self._names_of(have) for w in wanted)
        return found

    def _names_of(self, code: str) -> set[str]:
        names = self._names.get(code)
        if names is None:
            names = self._names[code] = {name for name, owner in self._lookup.items() if owner == code and name}
        return names

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

    def names(self, lang: str) -> list[str]:
        """Return every kind's name in `lang`, declared kinds first, for messages; a name two
        kinds share is followed by the code that tells them apart."""
        shown = [self.label(code, lang) for code in self.labels]
        return [
            f"{name} ({code})" if shown.count(name) > 1 else name for name, code in zip(shown, self.labels, strict=True)
        ]

    def known_names(self) -> list[str]:
        """Return every code and name a kind answers to, for near-miss suggestions."""
        return [*(n for names in self.labels.values() for n in names), *self.labels]
