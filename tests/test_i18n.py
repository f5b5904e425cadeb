"""Labels, dates and numbers in ky, ru and en, checked against exact strings."""

from __future__ import annotations

import datetime as dt
import re
import string
import subprocess
import sys

import pytest

from selfassess.i18n import (
    LABELS,
    format_date,
    format_number,
    format_percent,
    label,
    label_parts,
    missing_translations,
)

NBSP = "\u00a0"

# DOMAIN §6.1: month, possessive (in dates), attributive "dated", locative.
KY_TABLE = [
    (1, "январь", "январы", "январындагы", "январында"),
    (2, "февраль", "февралы", "февралындагы", "февралында"),
    (3, "март", "марты", "мартындагы", "мартында"),
    (4, "апрель", "апрели", "апрелиндеги", "апрелинде"),
    (5, "май", "майы", "майындагы", "майында"),
    (6, "июнь", "июну", "июнундагы", "июнунда"),
    (7, "июль", "июлу", "июлундагы", "июлунда"),
    (8, "август", "августу", "августундагы", "августунда"),
    (9, "сентябрь", "сентябры", "сентябрындагы", "сентябрында"),
    (10, "октябрь", "октябры", "октябрындагы", "октябрында"),
    (11, "ноябрь", "ноябры", "ноябрындагы", "ноябрында"),
    (12, "декабрь", "декабры", "декабрындагы", "декабрында"),
]

KY_LONG = [
    (dt.date(2026, 1, 19), "2026-жылдын 19-январы"),
    (dt.date(2015, 2, 20), "2015-жылдын 20-февралы"),
    (dt.date(2026, 3, 1), "2026-жылдын 1-марты"),
    (dt.date(2026, 4, 12), "2026-жылдын 12-апрели"),
    (dt.date(2026, 5, 5), "2026-жылдын 5-майы"),
    (dt.date(2025, 6, 10), "2025-жылдын 10-июну"),
    (dt.date(2026, 7, 23), "2026-жылдын 23-июлу"),
    (dt.date(2023, 8, 11), "2023-жылдын 11-августу"),
    (dt.date(2024, 9, 21), "2024-жылдын 21-сентябры"),
    (dt.date(2022, 10, 7), "2022-жылдын 7-октябры"),
    (dt.date(2021, 11, 22), "2021-жылдын 22-ноябры"),
    (dt.date(2026, 12, 14), "2026-жылдын 14-декабры"),
]

KY_ATTRIBUTIVE = [
    (dt.date(2026, 1, 29), "2026-жылдын 29-январындагы"),
    (dt.date(2026, 2, 20), "2026-жылдын 20-февралындагы"),
    (dt.date(2018, 3, 28), "2018-жылдын 28-мартындагы"),
    (dt.date(2025, 4, 12), "2025-жылдын 12-апрелиндеги"),
    (dt.date(2024, 5, 22), "2024-жылдын 22-майындагы"),
    (dt.date(2024, 6, 14), "2024-жылдын 14-июнундагы"),
    (dt.date(2018, 7, 23), "2018-жылдын 23-июлундагы"),
    (dt.date(2023, 8, 11), "2023-жылдын 11-августундагы"),
    (dt.date(2024, 9, 21), "2024-жылдын 21-сентябрындагы"),
    (dt.date(2022, 10, 7), "2022-жылдын 7-октябрындагы"),
    (dt.date(2021, 11, 22), "2021-жылдын 22-ноябрындагы"),
    (dt.date(2026, 12, 14), "2026-жылдын 14-декабрындагы"),
]

RU_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]

# Latin text a Kyrgyz or Russian label may carry on purpose.
LATIN_ALLOWED = ("SHA-256", "α")  # α: Cronbach's alpha, written so in every language
KY_LETTERS = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя"
RU_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _literal_text(template: str) -> str:
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


# --- Kyrgyz dates -----------------------------------------------------------


@pytest.mark.parametrize(("day", "expected"), KY_LONG)
def test_ky_long(day: dt.date, expected: str) -> None:
    assert format_date(day, "ky", "long") == expected


@pytest.mark.parametrize(("day", "expected"), KY_ATTRIBUTIVE)
def test_ky_attributive(day: dt.date, expected: str) -> None:
    assert format_date(day, "ky", "attributive") == expected


@pytest.mark.parametrize(("month", "nominative", "possessive", "attributive", "locative"), KY_TABLE)
def test_ky_every_form_follows_the_table(
    month: int, nominative: str, possessive: str, attributive: str, locative: str
) -> None:
    day = dt.date(2026, month, 9)
    assert format_date(day, "ky", "long") == f"2026-жылдын 9-{possessive}"
    assert format_date(day, "ky", "attributive") == f"2026-жылдын 9-{attributive}"
    assert format_date(day, "ky", "locative") == f"2026-жылдын 9-{locative}"
    assert format_date(day, "ky", "signature") == f"«9» {nominative} 2026-ж."


def test_ky_other_styles() -> None:
    day = dt.date(2026, 1, 19)
    assert format_date(day, "ky") == "2026-жылдын 19-январы"
    assert format_date(day, "ky", "numeric") == "19.01.2026"
    assert format_date(day, "ky", "signature") == "«19» январь 2026-ж."
    assert format_date(day, "ky", "year") == "2026-ж."
    assert format_date(dt.date(2024, 11, 27), "ky", "locative") == "2024-жылдын 27-ноябрында"


# --- Russian and English dates ----------------------------------------------


@pytest.mark.parametrize(("month", "genitive"), list(enumerate(RU_GENITIVE, start=1)))
def test_ru_genitive_months(month: int, genitive: str) -> None:
    day = dt.date(2026, month, 5)
    assert format_date(day, "ru", "long") == f"5 {genitive} 2026 г."
    assert format_date(day, "ru", "attributive") == f"от 5 {genitive} 2026 г."
    assert format_date(day, "ru", "signature") == f"«5» {genitive} 2026 г."


def test_ru_styles() -> None:
    day = dt.date(2026, 1, 19)
    assert format_date(day, "ru") == "19 января 2026 г."
    assert format_date(day, "ru", "numeric") == "19.01.2026"
    assert format_date(day, "ru", "attributive") == "от 19 января 2026 г."
    assert format_date(day, "ru", "signature") == "«19» января 2026 г."
    assert format_date(day, "ru", "year") == "2026 г."


def test_en_styles() -> None:
    day = dt.date(2026, 1, 19)
    assert format_date(day, "en") == "19 January 2026"
    assert format_date(day, "en", "numeric") == "19.01.2026"
    assert format_date(day, "en", "attributive") == "of 19 January 2026"
    assert format_date(day, "en", "locative") == "on 19 January 2026"
    assert format_date(day, "en", "signature") == "19 January 2026"
    assert format_date(day, "en", "year") == "2026"


def test_numeric_pads_day_and_month() -> None:
    for lang in ("ky", "ru", "en"):
        assert format_date(dt.date(2026, 6, 5), lang, "numeric") == "05.06.2026"


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_dates_use_ordinary_spaces(lang: str) -> None:
    for month in range(1, 13):
        for style in ("long", "attributive", "locative", "signature", "year"):
            text = format_date(dt.date(2026, month, 19), lang, style)
            assert "\u00a0" not in text
            assert "\u202f" not in text


def test_date_errors() -> None:
    day = dt.date(2026, 1, 19)
    with pytest.raises(ValueError, match="unknown date style 'short'; use one of: numeric, long"):
        format_date(day, "ky", "short")
    with pytest.raises(ValueError, match="unknown language 'kk'; use one of: ky, ru, en"):
        format_date(day, "kk")


# --- Labels ------------------------------------------------------------------


def test_page_label() -> None:
    assert label("page", "ky", page=3, pages=10) == "3-10 бет"
    assert label("page", "ru", page=3, pages=10) == "стр. 3 из 10"
    assert label("page", "en", page=3, pages=10) == "page 3 of 10"


def test_page_label_parts_for_fields() -> None:
    assert label_parts("page", "ky") == [("page", True), ("-", False), ("pages", True), (" бет", False)]
    assert label_parts("page", "ru") == [("стр. ", False), ("page", True), (" из ", False), ("pages", True)]
    assert label_parts("page", "en") == [("page ", False), ("page", True), (" of ", False), ("pages", True)]
    assert label_parts("contents", "ky") == [("Мазмуну", False)]


def test_labels_with_values() -> None:
    assert label("version", "ky", version="0.1") == "0.1 версиясы"
    assert label("version", "ru", version="0.1") == "Версия 0.1"
    assert label("version", "en", version="0.1") == "Version 0.1"
    assert label("protocol", "ky", number=3) == "Протокол № 3"
    assert label("protocol", "ru", number=3) == "Протокол № 3"
    assert label("annex", "ky", n=2) == "Тиркеме 2"
    assert label("annex", "ru", n=2) == "Приложение 2"
    assert label("annex", "en", n=2) == "Annex 2"


def test_seed_labels() -> None:
    assert label("approve", "ky") == "«БЕКТЕМ»"
    assert label("approve", "ru") == "«УТВЕРЖДАЮ»"
    assert label("agreed", "ky") == "«Макулдашылган»"
    assert label("agreed", "ru") == "«СОГЛАСОВАНО»"
    assert label("contents", "ky") == "Мазмуну"
    assert label("developers", "ky") == "Иштеп чыгуучулар"
    assert label("agreement_sheet", "ky") == "Макулдашуу барагы"
    assert label("change_sheet", "ky") == "Өзгөртүүлөрдү киргизүү барагы"
    assert label("change_sheet", "ru") == "Лист регистрации изменений"
    assert [label(k, "ky") for k in ("position", "name", "signature", "date")] == [
        "Кызматы",
        "Аты-жөнү",
        "Кол тамгасы",
        "Күнү",
    ]
    assert [label(k, "ru") for k in ("position", "name", "signature", "date")] == [
        "Должность",
        "Ф.И.О.",
        "Подпись",
        "Дата",
    ]


def test_change_sheet_columns_as_in_the_seed() -> None:
    keys = ("change.number", "change.order", "change.received", "change.entered", "change.entered_by")
    assert [label(k, "ky") for k in keys] == [
        "Өзгөртүүнүн номери",
        "Өзгөртүүлөрдү киргизүү жөнүндө тескеме документтин номери жана датасы",
        "Өзгөртүүлөр жөнүндө документ алынган күнү",
        "Өзгөртүүлөр киргизилген күнү",
        "Түзүмдүк бөлүмдүн сапат боюнча ыйгарым укуктуу өкүлү (өзгөртүү киргизген адам)",
    ]


def test_statuses_and_watermarks() -> None:
    assert [label(f"status.{s}", "ky") for s in ("draft", "approved", "superseded")] == [
        "Долбоор",
        "Бекитилген",
        "Жараксыз",
    ]
    assert [label(f"status.{s}", "ru") for s in ("draft", "approved", "superseded")] == [
        "Проект",
        "Утверждён",
        "Аннулирован",
    ]
    assert [label("watermark.superseded", lang) for lang in ("ky", "ru", "en")] == [
        "ЖАРАКСЫЗ",
        "АННУЛИРОВАН",
        "SUPERSEDED",
    ]


def test_every_coverage_status_has_a_label() -> None:
    from selfassess.check.coverage import Freshness, Status

    for status in Status:
        assert label(f"coverage.{status}", "ky")
    for freshness in Freshness:
        assert label(f"freshness.{freshness}", "ru")


def test_no_missing_translations() -> None:
    assert missing_translations() == []


def test_every_label_is_non_empty() -> None:
    for key, entry in LABELS.items():
        assert set(entry) == {"ky", "ru", "en"}, key
        for lang, text in entry.items():
            assert text.strip() == text and text, (key, lang)


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_no_latin_letters_in_ky_and_ru(lang: str) -> None:
    for key, entry in LABELS.items():
        text = _literal_text(entry[lang])
        for allowed in LATIN_ALLOWED:
            text = text.replace(allowed, "")
        assert not re.search(r"[A-Za-z]", text), (key, lang, entry[lang])


@pytest.mark.parametrize(("lang", "letters"), [("ky", KY_LETTERS), ("ru", RU_LETTERS)])
def test_only_the_language_alphabet(lang: str, letters: str) -> None:
    # Catches Russian-only letters in Kyrgyz (щ is allowed for loans) and lookalikes such as ӊ (U+04CA) for ң.
    for key, entry in LABELS.items():
        for char in _literal_text(entry[lang]):
            if char.isalpha() and char.lower() not in letters:
                assert any(char in allowed for allowed in LATIN_ALLOWED), (key, lang, char, hex(ord(char)))


def test_unknown_label_key() -> None:
    with pytest.raises(KeyError, match="unknown label 'contnets'; did you mean 'contents'"):
        label("contnets", "ky")
    with pytest.raises(KeyError, match="unknown label 'nothing-like-it'"):
        label("nothing-like-it", "ru")


def test_unknown_label_language() -> None:
    with pytest.raises(KeyError, match="unknown language 'kk' for label 'page'; use one of: ky, ru, en"):
        label("page", "kk", page=1, pages=2)


def test_label_missing_value() -> None:
    with pytest.raises(KeyError, match="label 'page' needs the value 'pages'"):
        label("page", "en", page=1)


# --- Numbers -----------------------------------------------------------------


def test_numbers() -> None:
    assert format_number(1234.5, "ky") == f"1{NBSP}234,5"
    assert format_number(1234.5, "ru") == f"1{NBSP}234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(3, "ru", digits=0) == "3"
    assert format_number(2.5, "ru", digits=2) == "2,50"
    assert format_number(-0.04, "ky") == "0,0"


def test_numbers_round_half_up() -> None:
    assert format_number(2.5, "en", digits=0) == "3"
    assert format_number(-1234.25, "ru") == f"-1{NBSP}234,3"


def test_percents() -> None:
    assert format_percent(0.645, "ky") == f"64,5{NBSP}%"
    assert format_percent(0.645, "ru") == f"64,5{NBSP}%"
    assert format_percent(0.645, "en") == "64.5%"
    assert format_percent(0.645, "ky", digits=0) == f"65{NBSP}%"
    assert format_percent(1, "ru", digits=0) == f"100{NBSP}%"
    assert format_percent(0, "en") == "0.0%"
    assert format_percent(12.5, "ky") == f"1{NBSP}250,0{NBSP}%"


def test_number_errors() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        format_number(1, "de")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        format_percent(0.5, "de")
    with pytest.raises(ValueError, match="digits must be 0 or more, not -1"):
        format_number(1, "en", digits=-1)
    with pytest.raises(ValueError, match="cannot format nan as a number"):
        format_percent(float("nan"), "ru")


def test_import_does_not_load_babel() -> None:
    code = "import sys, selfassess.i18n; sys.exit('babel' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
