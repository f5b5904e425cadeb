"""A file given as a DOCX that is none, said in words: what it is and what to do with it.

Offices keep old Word files (.doc), PDFs, files renamed .docx and Word's lock files (~$…)
next to their documents; "File is not a zip file" tells them nothing. The file's first bytes
say what it is (an OLE container for .doc, %PDF, a zip holding another kind of office file,
plain text), and the hint says how to get a .docx from it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from selfassess.messages import N_, t
from selfassess.word.reader import UnreadableDocx

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, Excel 97–2003, or a DOCX with a password
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_RESAVE = N_("open it in Word or LibreOffice and save it again as .docx")


def is_lock_file(path: Path) -> bool:
    """Return True for Word's lock file ("~$" and the document's name), made while the document is open."""
    return path.name.startswith("~$") and not _is_zip(path)


def lock_file_of(path: Path) -> Path | None:
    """Return Word's lock file beside the document at `path` (it is open in Word), or None.

    Word names it "~$" and the document's name, its first one or two letters dropped.
    """
    name = path.name
    for candidate in dict.fromkeys((f"~${name[2:]}", f"~${name[1:]}", f"~${name}")):
        lock = path.with_name(candidate)
        if candidate != name and len(candidate) > 2 + len(path.suffix) and lock.is_file() and is_lock_file(lock):
            return lock
    return None


def explain(path: Path, problem: UnreadableDocx) -> tuple[str, str]:
    """Return what the unreadable file at `path` is and what to do, both in the user's language."""
    head = _head(path)
    if path.name.startswith("~$") and not head.startswith(b"PK"):
        document = _document_of_lock(path)
        hint = t("use the document itself: {name}", name=document.name if document else "…" + path.name[2:])
        return t("this is Word's lock file, made while a document is open in Word; it is not a document"), hint
    if not head:
        return t("the file is empty"), t("copy the document again from where it came from")
    if head.startswith(_OLE):
        return _old_office(path, head)
    if head.startswith(b"%PDF"):
        return (
            t("this is a PDF, not a Word document"),
            t(
                "use the Word file the PDF was made from; if there is none, open the PDF in Word "
                "(it converts it), check the text and save it as .docx"
            ),
        )
    if head.startswith(b"PK"):
        return _zip(path, problem)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<?xml") and b"office:document" in head:
        return _opendocument()  # a flat OpenDocument (.fodt)
    if _plain_text(head[:4096]):
        return t("this is a plain text file, not a Word document"), t("open it in Word and save it as .docx")
    return t("this is not a Word document (.docx): its contents are of another kind"), t(_RESAVE)


def _old_office(path: Path, head: bytes) -> tuple[str, str]:
    if _ENCRYPTED in head:
        return (
            t("the document is protected with a password, so its text cannot be read"),
            t("remove the password in Word (File → Info → Protect Document → Encrypt with Password) and save it"),
        )
    if path.suffix.lower() == ".doc":
        return t("this is a Word 97–2003 document (.doc), not .docx"), _convert(path, ".doc")
    if path.suffix.lower() == ".docx":
        return (
            t("this is a Word 97–2003 document (.doc) renamed .docx: renaming does not convert it"),
            _convert(path, ".doc"),
        )
    return t("this is an old Office file (Word or Excel 97–2003), not a Word document (.docx)"), _convert(path, ".doc")


def _zip(path: Path, problem: UnreadableDocx) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            kind = package.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return (
            t("the file is damaged or incomplete (perhaps a copy cut short), so Word's parts in it cannot be read"),
            t(
                "copy it again from where it came from, or open it in Word (it offers to repair it) "
                "and save it again as .docx"
            ),
        )
    if b"opendocument.text" in kind:
        return _opendocument()
    if not any(n.startswith("word/") for n in names):
        return (
            t("this is a zip of another kind (an Excel or PowerPoint file, an archive), not a Word document"),
            t("give the Word file (.docx) of the document"),
        )
    if problem.worded:
        return str(problem), t(_RESAVE)
    return t("the Word document is damaged: its text cannot be read"), t(
        "open it in Word (it offers to repair it) and save it again as .docx"
    )


def _opendocument() -> tuple[str, str]:
    return (
        t("this is an OpenDocument text (.odt, LibreOffice), not a Word document"),
        t("in LibreOffice Writer: File → Save As → Word 2007–365 (.docx)"),
    )


def _convert(path: Path, extension: str) -> str:
    """Return how to make a .docx of the file: in Word, or with LibreOffice's command (renamed back first)."""
    source = path.with_suffix(extension).name
    command = f'soffice --headless --convert-to docx "{source}"'
    if path.suffix.lower() != extension:
        return t(
            "open it in Word and save it as .docx (File → Save As → Word Document); or rename it to {name} "
            "and convert it with LibreOffice: {command}",
            name=source,
            command=command,
        )
    return t(
        "open it in Word and save it as .docx (File → Save As → Word Document); "
        "or convert it with LibreOffice: {command}",
        command=command,
    )


def _document_of_lock(path: Path) -> Path | None:
    rest = path.name[2:]
    try:
        return next(
            (p for p in sorted(path.parent.iterdir()) if p.name.endswith(rest) and not p.name.startswith("~$")),
            None,
        )
    except OSError:
        return None


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(65536)
    except OSError:
        return b""


def _plain_text(data: bytes) -> bool:
    """Return True for text in UTF-8: no NUL, no control characters but line ends and tabs."""
    text = data.decode("utf-8", errors="replace")
    control = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n\f") or c == "\ufffd")
    return b"\0" not in data and control <= 3


def _is_zip(path: Path) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False
