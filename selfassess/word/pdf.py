"""DOCX → PDF through LibreOffice (the real client), made reproducible afterwards."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from selfassess.atomic import write_bytes
from selfassess.errors import SelfAssessError
from selfassess.messages import t
from selfassess.reproducible import normalize_docx, normalize_pdf

TIMEOUT = 600


# Where the Windows and macOS installers put LibreOffice (it is not on their PATH).
_KNOWN_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def soffice() -> str:
    """Return the LibreOffice executable, or raise an error saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    found = found or next((place for place in _KNOWN_PLACES if Path(place).is_file()), None)
    if not found:
        raise SelfAssessError(
            t(
                "PDF output needs LibreOffice, which was not found. Install it from libreoffice.org (on "
                "Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui); the DOCX files were "
                "written"
            )
        )
    return found


@contextlib.contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path` for the block (one LibreOffice run, one build)."""
    with open(lock_path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def libreoffice(prefix: str) -> Iterator[tuple[Callable[[list[Path]], list[str]], str]]:
    """Yield the command that converts DOCX files to PDF, and a temporary folder it writes to.

    One private LibreOffice profile per user, used by one conversion at a time: two
    LibreOffice processes on one profile make the second fail without a PDF.
    """
    executable = soffice()
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    profile = Path(tempfile.gettempdir()) / f"selfassess-lo-{user}"
    profile.mkdir(exist_ok=True)
    with exclusive(profile / ".lock"), tempfile.TemporaryDirectory(prefix=prefix) as out:

        def to_pdf(files: list[Path]) -> list[str]:
            options = ["--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", out]
            return [executable, f"-env:UserInstallation={profile.as_uri()}", *options, *map(str, files)]

        yield to_pdf, out


def convert(pairs: list[tuple[Path, dt.datetime]]) -> list[Path]:
    """Convert each DOCX to a PDF beside it (one LibreOffice run for all); return the PDFs."""
    if not pairs:
        return []
    with libreoffice("selfassess-pdf-") as (to_pdf, out):
        for path, _ in pairs:
            # A failed conversion must not leave last build's PDF beside this build's DOCX.
            path.with_suffix(".pdf").unlink(missing_ok=True)
        command = to_pdf([path for path, _ in pairs])
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)  # noqa: S603
        except subprocess.TimeoutExpired as exc:
            raise SelfAssessError(
                t("LibreOffice did not finish the PDF conversion within {TIMEOUT} s", TIMEOUT=TIMEOUT)
            ) from exc
        written = []
        for path, when in pairs:
            produced = Path(out) / (path.stem + ".pdf")
            if not produced.is_file():
                said = done.stderr.strip() or done.stdout.strip() or "no message"
                raise SelfAssessError(t("LibreOffice made no PDF of {name}: {said}", name=path.name, said=said))
            target = path.with_suffix(".pdf")
            pdf = normalize_pdf(produced.read_bytes(), when)
            write_bytes(target, pdf)
            written.append(target)
            _contents_from_layout(path, pdf, when)
    return written


def _contents_from_layout(docx: Path, pdf: bytes, when: dt.datetime) -> None:
    """Store the page numbers of LibreOffice's layout in the DOCX's contents (see toc.store_page_numbers)."""
    from docx import Document

    from selfassess.word.render import save
    from selfassess.word.toc import pages_from_pdf, store_page_numbers

    outline = pages_from_pdf(pdf)
    if not outline:
        return
    document = Document(str(docx))
    if store_page_numbers(document, outline):
        write_bytes(docx, normalize_docx(save(document), when))
