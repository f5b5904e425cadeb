"""The domain as data: catalogues, criteria, programmes, the workspace config (evidence_item: a register row)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from selfassess.messages import t
from selfassess.values import clean_id, parse_date, regular_expression

LANGUAGES = ("ky", "ru", "en")
Language = Literal["ky", "ru", "en"]


def _date(value: object) -> dt.date | None:
    return parse_date(value)


OptText = Annotated[str | None, Field(min_length=1)]
ReqText = Annotated[str, Field(min_length=1)]
OptDate = Annotated[dt.date | None, BeforeValidator(_date)]


class Strict(BaseModel):
    """Base for models read from workspace files: unknown keys are an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in up to three languages; at least one is required."""

    ky: str | None = None
    ru: str | None = None
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: object) -> object:
        if isinstance(value, str):
            return {"en": value}
        return value

    @model_validator(mode="after")
    def _at_least_one(self) -> Text:
        if not (self.ky or self.ru or self.en):
            raise ValueError(t("give the text in at least one language (ky, ru or en)"))
        return self

    def get(self, lang: str) -> str:
        """Return the text in `lang`, falling back to the other languages in a fixed order."""
        for code in (lang, "ky", "ru", "en"):
            value = getattr(self, code, None)
            if value:
                return value
        return ""


class SourceStatus(StrEnum):
    verified = "verified"
    unverified = "unverified"
    proposal = "proposal"


class FrameworkKind(StrEnum):
    institutional = "institutional"
    programme = "programme"
    licensing = "licensing"
    internal = "internal"


class EvidenceRequirement(Strict):
    """What a criterion needs from the register to count as covered."""

    min_count: Annotated[int, Field(ge=0, strict=True)] = 1
    kinds: tuple[str, ...] = ()
    max_age_months: Annotated[int, Field(gt=0, le=1200)] | None = None


class Criterion(Strict):
    id: str
    title: Text
    description: Text | None = None
    note: Text | None = None  # sources and caveats for the catalogue's maintainers; never printed
    evidence: EvidenceRequirement = EvidenceRequirement()
    indicators: tuple[str, ...] = ()
    maps_to: tuple[str, ...] = ()
    source_status: SourceStatus | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return clean_id(value)


class Standard(Strict):
    id: str
    title: Text
    description: Text | None = None
    source_status: SourceStatus | None = None
    criteria: tuple[Criterion, ...] = ()

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return clean_id(value)


class FrameworkInfo(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    title: Text
    issuer: Text | None = None
    version: str | None = None
    date: dt.date | None = None
    kind: FrameworkKind
    source_status: SourceStatus = SourceStatus.unverified
    source: str | None = None
    note: Text | None = None


class EvidenceKind(Strict):
    """An evidence kind a catalogue or the workspace declares: its names and other spellings."""

    ky: str | None = None
    ru: str | None = None
    en: str | None = None
    aliases: tuple[str, ...] = ()
    description: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: object) -> object:
        if isinstance(value, str):
            return {"ky": value, "ru": value, "en": value}
        return value

    def names(self) -> list[str]:
        """Return every name of the kind: in ky, ru, en, then the aliases."""
        return [n for n in (self.ky, self.ru, self.en, *self.aliases) if n]


class Catalogue(Strict):
    """One criteria catalogue file: a framework with its standards and criteria."""

    framework: FrameworkInfo
    evidence_kinds: dict[str, EvidenceKind] = {}  # the agency's own vocabulary of evidence
    standards: tuple[Standard, ...]


class Localised(Strict):
    """A name or position given in the three document languages."""

    ky: str | None = None
    ru: str | None = None
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: object) -> object:
        if isinstance(value, str):
            return {"ky": value, "ru": value, "en": value}
        return value

    def get(self, lang: str) -> str:
        """Return the text in `lang`, falling back to the other languages in a fixed order."""
        return Text.get(self, lang)  # type: ignore[arg-type]


class Person(Strict):
    position: Localised
    name: str


class AgreementBody(Strict):
    body: Localised
    chair: Person | None = None


Pattern = Annotated[str, AfterValidator(regular_expression)]


LintLevel = Literal["error", "warning", "info", "off"]


class DocumentControl(Strict):
    # КНУ.СМК-СП.01, ОшГУ.СМК-П.05, КазНУ.СМК-П.01: the institution may have small letters after its first capital.
    code_pattern: Pattern = r"^[A-ZА-ЯЁӨҮҢ][A-Za-zА-Яа-яЁёӨөҮүҢң]*\.[A-ZА-ЯЁӨҮҢ]+-[A-ZА-ЯЁӨҮҢ]+\.\d{2}$"
    approver: Person | None = None
    agreement: AgreementBody | None = None
    # `doc lint`: a rule's severity by its code ({abbreviation-undefined: off}), and the
    # abbreviations every document may use undefined, with their full names ({КНУ: Кыргызский …}).
    lint: dict[str, LintLevel] = {}
    terms: dict[str, str] = {}


class Programme(Strict):
    """A programme under programme accreditation: its id, code, names, and its own exceptions."""

    id: str
    code: str | None = None
    title: Localised
    level: str | None = None
    faculty: str | None = None
    aliases: tuple[str, ...] = ()
    not_applicable: dict[str, str] = {}  # criterion → why it does not apply to this programme
    owners: dict[str, str] = {}  # criterion, standard or framework → the unit responsible for this programme

    @field_validator("id", "code", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value

    @field_validator("id")
    @classmethod
    def _no_path(cls, value: str) -> str:
        # Spaces, Cyrillic and punctuation are fine (folders use a safe form of the id); a path is not.
        text = value.strip()
        if not text or "/" in text or "\\" in text or not text.strip(".") or any(ord(c) < 32 for c in text):
            raise ValueError(
                t("{value} cannot be a programme id: use its code or name, e.g. 580100", value=repr(value))
            )
        return text

    def names(self) -> list[str]:
        """Return every name the programme may be written as: id, code, titles, aliases."""
        titles = [t for t in (self.title.ky, self.title.ru, self.title.en) if t]
        code = self.code or self.id
        labelled = [f"{code} {t}" for t in dict.fromkeys(titles) if not t.startswith(code)]  # "580100 Экономика"
        return [self.id, *([self.code] if self.code else []), *titles, *self.aliases, *labelled]

    def label(self, lang: str) -> str:
        """Return the programme as people name it: its code and title, e.g. '580100 Экономика'."""
        code, title = self.code or self.id, self.title.get(lang)
        return title if title.startswith(code) else f"{code} {title}"


class Faculty(Strict):
    """A faculty (or institute): the names data exports write it by, for grouping values."""

    id: str | None = None
    title: Localised
    aliases: tuple[str, ...] = ()

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value

    def key(self, lang: str) -> str:
        """Return the value its groups are shown by: its id, else its title in `lang`."""
        return self.id or self.title.get(lang)

    def names(self) -> list[str]:
        """Return every name the faculty may be written as: id, titles, aliases."""
        titles = [t for t in (self.title.ky, self.title.ru, self.title.en) if t]
        return [*([self.id] if self.id else []), *titles, *self.aliases]


class Freshness(Strict):
    expiring_within_days: Annotated[int, Field(ge=0, le=3650)] = 90  # up to ten years


class NotApplicable(Strict):
    reason: str


class Contact(Strict):
    """Who prepared a letter and how to reach them: printed at its foot (исполнитель)."""

    name: str
    phone: str | None = None
    email: str | None = None


class Unit(Strict):
    """A unit the department writes to: the name `owners:` gives it, its names, its head."""

    name: str
    title: Localised | None = None  # the unit's name in each language, when it differs from `name`
    aliases: tuple[str, ...] = ()
    head: Person | None = None
    # The address as the office writes it, declined as the language needs (Russian dative:
    # «Начальнику отдела кадров Асановой А.А.»); else the head's position and name.
    addressee: Localised | None = None


class Department(Strict):
    """The quality department itself: it sends the requests to the units and signs them."""

    name: Localised
    aliases: tuple[str, ...] = ()  # other names `owners:` may give it (its abbreviation, an old name)
    head: Person | None = None
    executor: Contact | None = None
    # The outgoing number of a memo: {n} its number in the year's sequence, {year} the year,
    # e.g. "05-12/{n}". No other placeholder: the text is filled by replacement, never evaluated.
    outgoing_number: Annotated[str, Field(max_length=40)] = "{n}"

    @field_validator("outgoing_number")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        rest = value.replace("{n}", "").replace("{year}", "")
        if "{n}" not in value or "{" in rest or "}" in rest:
            raise ValueError(
                t(
                    "'{value}' must hold {n} (the memo's number) and may hold {year}, and no other braces, "
                    "e.g. {example}",
                    value=value,
                    n="{n}",
                    year="{year}",
                    example="'05-12/{n}'",
                )
            )
        return value

    # What entitles the department to ask, opening each request: "В соответствии с разделом 6
    # Положения о …". Left out when not given: no university's regulation is assumed.
    request_basis: Localised | None = None


class Workspace(Strict):
    """The `selfassess.yaml` at the root of a workspace."""

    institution: Localised
    institution_short: Localised | None = None
    ministry: Localised | None = None
    language: Language = "ky"
    # The language of the command line (messages, help), when it should differ from the
    # documents': else SELFASSESS_LANG, LANG, then `language` (messages.py).
    ui_language: Language | None = None
    reference_date: OptDate = None  # the day statuses are judged at, e.g. the dossier's submission date
    frameworks: tuple[str, ...]
    # The framework a register's bare number ("1.1") means when several frameworks in use have it.
    default_framework: str | None = None
    programmes: tuple[Programme, ...] = ()
    faculties: tuple[Faculty, ...] = ()  # names that data exports write each faculty by
    freshness: Freshness = Freshness()
    document_control: DocumentControl = DocumentControl()
    register_path: str | None = Field(None, alias="register")
    evidence_kinds: dict[str, EvidenceKind] = {}
    not_applicable: dict[str, str] = {}
    owners: dict[str, str] = {}
    department: Department | None = None
    units: tuple[Unit, ...] = ()  # the units the department writes to: their heads and names
    ignore: tuple[str, ...] = ()
    # How the register's ids look in narratives, when the ids themselves do not say it: a regular
    # expression for one id, e.g. 'Д-\d{3}'. By default the prefixes of the register's ids.
    citation_pattern: Pattern | None = None

    @field_validator("frameworks")
    @classmethod
    def _frameworks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError(t("name at least one framework, e.g. frameworks: [esg2015]"))
        twice = sorted({f for f in value if value.count(f) > 1})
        if twice:
            raise ValueError(t("{names} is listed twice; list each framework once", names=", ".join(twice)))
        return value

    @model_validator(mode="after")
    def _default_framework(self) -> Workspace:
        if self.default_framework is not None and self.default_framework not in self.frameworks:
            raise ValueError(
                t(
                    "default_framework '{name}' is not one of the frameworks in use ({frameworks})",
                    name=self.default_framework,
                    frameworks=", ".join(self.frameworks),
                )
            )
        return self

    @field_validator("not_applicable")
    @classmethod
    def _reasons(cls, value: dict[str, str]) -> dict[str, str]:
        empty = sorted(k for k, v in value.items() if not str(v or "").strip())
        if empty:
            raise ValueError(
                t("{names}: say why it does not apply (the reason is printed in the report)", names=", ".join(empty))
            )
        return value

    @model_validator(mode="after")
    def _distinct_programmes(self) -> Workspace:
        ids = [p.id for p in self.programmes]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(t("programme {names} is listed twice under programmes:", names=", ".join(twice)))
        return self
