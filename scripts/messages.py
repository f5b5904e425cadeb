"""Keep the terminal's message catalogues in step with the code (Babel's own commands).

    python scripts/messages.py            extract, update ky and ru, compile
    python scripts/messages.py --check    fail when the catalogues lag behind the code

After `extract`, new messages appear untranslated in selfassess/locale/<lang>/LC_MESSAGES/
selfassess.po: translate them there (a translator's editor such as Poedit reads the file),
then run the script again to compile the .mo files that ship in the package.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "selfassess" / "locale"
POT = LOCALE / "selfassess.pot"
LANGS = ("ky", "ru")
KEYWORDS = ["-k", "t", "-k", "tn:1,2", "-k", "N_"]


def pybabel(*args: str) -> None:
    os.chdir(ROOT)  # file references relative to the repository, the same on every machine
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(target: Path) -> None:
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        *KEYWORDS,
        "--no-default-keywords",
        "--sort-by-file",
        "--omit-header",
        "--no-wrap",
        "-o",
        str(target),
        "selfassess",
    )


def main() -> int:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.pot"
            extract(fresh)
            with fresh.open("rb") as f:
                wanted = {m.id for m in read_po(f) if m.id}
        for lang in LANGS:
            with (LOCALE / lang / "LC_MESSAGES" / "selfassess.po").open("rb") as f:
                have = {m.id: m.string for m in read_po(f) if m.id}
            missing = [m for m in wanted if not have.get(m)]
            if missing:
                print(f"{lang}: {len(missing)} messages untranslated, e.g. {sorted(map(str, missing))[:3]}")
                return 1
        return 0
    extract(POT)
    for lang in LANGS:
        po = LOCALE / lang / "LC_MESSAGES" / "selfassess.po"
        if po.is_file():
            pybabel(
                "update",
                "-i",
                str(POT),
                "-d",
                str(LOCALE),
                "-D",
                "selfassess",
                "-l",
                lang,
                "--no-wrap",
                "--ignore-obsolete",
                "--no-fuzzy-matching",
            )
        else:
            pybabel("init", "-i", str(POT), "-d", str(LOCALE), "-D", "selfassess", "-l", lang, "--no-wrap")
    pybabel("compile", "-d", str(LOCALE), "-D", "selfassess", "--use-fuzzy", "--statistics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
