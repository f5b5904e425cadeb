"""DOCX → PDF through LibreOffice (the real client), made reproducible afterwards."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from selfassess.atomic import write_bytes
from selfassess.errors import SelfAssessError
from selfassess.word.normalize import normalize_pdf

TIMEOUT = 600


def soffice() -> str:
    """Return the LibreOffice executable, or raise an error saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise SelfAssessError(
            "PDF output needs LibreOffice, which is not installed; "
            "on Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui (the DOCX files were written)"
        )
    return found


def convert(pairs: list[tuple[Path, dt.datetime]]) -> list[Path]:
    """Convert each DOCX to a PDF beside it (one LibreOffice run for all); return the PDFs."""
    if not pairs:
        return []
    executable = soffice()
    # One private LibreOffice profile per user, used by one conversion at a time: two
    # LibreOffice processes on one profile make the second fail without a PDF.
    profile = Path(tempfile.gettempdir()) / f"selfassess-lo-{os.getuid()}"
    profile.mkdir(exist_ok=True)
    with open(profile / ".lock", "w") as lock, tempfile.TemporaryDirectory(prefix="selfassess-pdf-") as out:
        fcntl.flock(lock, fcntl.LOCK_EX)
        command = [
            executable,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            out,
            *(str(path) for path, _ in pairs),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)  # noqa: S603
        except subprocess.TimeoutExpired as exc:
            raise SelfAssessError(f"LibreOffice did not finish the PDF conversion within {TIMEOUT} s") from exc
        written = []
        for path, when in pairs:
            produced = Path(out) / (path.stem + ".pdf")
            if not produced.is_file():
                said = done.stderr.strip() or done.stdout.strip() or "no message"
                raise SelfAssessError(f"LibreOffice made no PDF of {path.name}: {said}")
            target = path.with_suffix(".pdf")
            write_bytes(target, normalize_pdf(produced.read_bytes(), when))
            written.append(target)
    return written
