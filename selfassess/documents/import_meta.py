"""What an imported DOCX says about itself: its language, type word, title, signature blocks and sheets.

Drafts are typed by hand: the approval block may be paragraphs or a cell of a table, a name
may stand after a line to sign on («____ К.А. Исаков»), the protocol's number before or after
its word («Протокол № 5», «№ 7 протокол»), the developers listed in a table or in paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re

from selfassess.documents.lint.approval import PERSON, people_in, protocol_number
from selfassess.documents.lint.dates import find_dates
from selfassess.documents.lint.identity import VERSION, codes_in
from selfassess.documents.lint.structure import Structure
from selfassess.documents.model import DocType
from selfassess.textnorm import fold
from selfassess.word.reader import Block, DocxText, Table

TYPE_WORDS = {
    DocType.regulation: ("жобо", "положение", "regulation", "policy", "саясат", "политика"),
    DocType.instruction: ("нускама", "инструкция", "instruction"),
    DocType.procedure: ("процедура", "регламент", "procedure"),
    DocType.plan: ("план", "plan"),
    DocType.report: ("отчет", "баяндама", "report"),
    DocType.order: ("буйрук", "приказ", "order"),
}
_WORD = re.compile(r"[A-Za-zА-Яа-яЁёӨөҮүҢң]+")
_KYRGYZ_LETTERS = re.compile(r"[өүң]")
# Words each language writes in every other sentence and the other never does.
_RU_WORDS = frozenset(("и", "в", "на", "по", "с", "для", "о", "не", "от", "к", "что", "при"))
_KY_WORDS = frozenset(("жана", "менен", "боюнча", "үчүн", "жөнүндө", "же", "болуп", "ар", "бул", "тарабынан"))
_KYRGYZ_SHARE = 0.1  # of Cyrillic words with ө, ү or ң: a Kyrgyz text has a third, a Russian one a few names
# A council or board that agrees a document, not a person's position: «Учёным советом ОшГУ».
_BODY = re.compile(r"совет|кеңеш|council|senate|сенат|board|коллеги|комисси|комиссия", re.IGNORECASE)
_CHAIR = re.compile(r"председател|төраг|төрөг|chair|секретар|катчы|secretary", re.IGNORECASE)
# «г. Ош — 2026», «Бишкек, 2026 г.»: the foot of a title page.
_PLACE_YEAR = re.compile(r"^\W*(?:г\.\s*)?(?:[\w.-]+\s*){0,2}[,—–-]*\s*(?:19|20)\d{2}\s*(?:г|ж)?\.?\s*$", re.IGNORECASE)


def guess_language(document: DocxText) -> str:
    """Return ky, ru or en: what most of the text is written in, not what one name in it is.

    A Russian text naming «Ү.Ө. Төлөнова» or «Окумуштуулар кеңеши» stays Russian: its common
    words (и, в, на, по …) outnumber the Kyrgyz ones (жана, менен, боюнча …); with too few of
    either, the share of words with the letters only Kyrgyz has decides.
    """
    words = [w.casefold() for b in document.blocks[:400] for w in _WORD.findall(b.text)]
    cyrillic = [w for w in words if not w.isascii()]
    if not cyrillic or len(words) - len(cyrillic) > len(cyrillic):
        return "en"
    ky = sum(w in _KY_WORDS for w in cyrillic)
    ru = sum(w in _RU_WORDS for w in cyrillic)
    if ky + ru >= 5 and ky != ru:
        return "ky" if ky > ru else "ru"
    share = sum(bool(_KYRGYZ_LETTERS.search(w)) for w in cyrillic) / len(cyrillic)
    return "ky" if share >= _KYRGYZ_SHARE else "ru"


def title_of(lines: list[Block], code: str) -> tuple[DocType | None, str | None, str | None]:
    """Return the type the title page names, the title under it and the subtitle after that.

    A title broken over two lines continues on a line that starts with a small letter. The
    line with the document's code, the version and the place and year end it: none of them is
    a subtitle.
    """
    for i, block in enumerate(lines):
        word = fold(block.text)
        kind = next((k for k, words in TYPE_WORDS.items() if word in words), None)
        if kind is None:
            continue
        parts: list[str] = []
        for line in lines[i + 1 :]:
            text = " ".join(line.text.split())
            if (
                codes_in(text)
                or only_code(text, code)
                or fold(text) in ("макулдашылган", "согласовано", "agreed")
                or VERSION.search(text)
                or (parts and _PLACE_YEAR.match(text))
                or len(parts) == 2
            ):
                break
            if parts and text[:1].islower():
                parts[-1] += " " + text
            else:
                parts.append(text)
        return kind, (parts[0] if parts else None), (parts[1] if len(parts) > 1 else None)
    return None, None, None


def only_code(text: str, code: str) -> bool:
    """Return True when a line holds the document's code and nothing else («Код: ОшГУ.СМК-П.05»)."""
    rest = fold(text)
    for written in [code, *(w for w, _ in codes_in(text))]:
        rest = rest.replace(fold(written), " ")
    rest = re.sub(r"\b(?:код|коду|code|шифр)\b", " ", rest)
    return rest != fold(text) and not rest.strip()


def block_date(lines: list[Block]) -> dt.date | None:
    return next((d.value for b in lines for d in find_dates(b.text) if d.value), None)


def signature(lines: list[Block], agreement: bool) -> dict[str, object]:
    """Return an approval or agreement block's position, name, date (and body, protocol) as document.yaml has them."""
    rest = lines[1:]
    out: dict[str, object] = {}
    named = any(people_in(b.text) for b in rest)
    for block in rest:
        text = " ".join(block.text.split())
        people = people_in(text)
        if people and "name" not in out:
            surname, initials = people[0]
            out["name"] = f"{initials} {surname}"
        said = _words_besides(text)
        if not said or protocol_number(text) is not None:
            continue
        if agreement and not named and _BODY.search(said) and not _CHAIR.search(said) and "body" not in out:
            out["body"] = said
        elif "position" not in out:
            out["position"] = said
    date = block_date(rest)
    if date:
        out["date"] = date.isoformat()
    if agreement:
        number = next((n for b in rest for n in [protocol_number(b.text)] if n), None)
        if number:
            out["protocol"] = number
    return out


def _words_besides(text: str) -> str:
    """Return what a signature line says besides a name, a date and the line to sign on; "" when nothing."""
    rest = PERSON.sub(" ", text)
    for date in find_dates(rest):
        rest = rest.replace(date.written, " ")
    rest = re.sub(r"[«»\"“”]?\s*_{2,}\s*[«»\"“”]?|_+", " ", rest)
    rest = " ".join(rest.split()).strip(" ,;:—–-")
    return rest if sum(c.isalpha() for c in rest) >= 4 else ""


def people(structure: Structure, part: str) -> list[dict[str, str]]:
    """Return a sheet's people (position, name): its table's rows, or its paragraphs when it has no table."""
    table = structure.table_after(part)
    if table is not None:
        return _people_table(table)
    title = structure.named.get(part)
    if title is None:
        return []
    end = structure.part_end(part)
    rows: list[dict[str, str]] = []
    waiting = ""  # a position on its own line, its name on the next
    for block in structure.document.blocks[title.index : end - 1]:
        text = " ".join(block.text.split())
        if block.table is not None or not text:
            continue
        match = PERSON.search(text)
        if match is None:
            waiting = _words_besides(text) or waiting
            continue
        position = _words_besides(text[: match.start()]) or waiting
        rows.append({"position": position, "name": match.group(0)} if position else {"position": match.group(0)})
        waiting = ""
    return [r for r in rows if "name" in r]


def _people_table(table: Table) -> list[dict[str, str]]:
    rows = []
    for row in table.rows[1:]:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        name = next((c for c in cells[1:] if people_in(c)), "")
        rows.append({"position": cells[0], "name": name} if name else {"position": cells[0]})
    return [r for r in rows if r["position"]]
