"""Byte-identical DOCX, XLSX and PDF: fixed zip timestamps and order, pinned dates, stable ids, a truthful app.xml."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile

from selfassess import __version__

_EPOCH = (1980, 1, 1, 0, 0, 0)
_LAST_EPOCH = 253402300799  # 9999-12-31 23:59:59, the last second a date can hold


def source_date_epoch() -> dt.datetime | None:
    """Return the time SOURCE_DATE_EPOCH gives (reproducible builds), or None when it is not set.

    A value that is not a whole number of seconds between 1970 and 9999 is refused, not
    ignored: a build that silently drops the pinned time is no longer reproducible.
    """
    import os

    from selfassess.errors import SelfAssessError
    from selfassess.messages import t

    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if not text.isdigit() or int(text) > _LAST_EPOCH:
        raise SelfAssessError(
            t(
                "SOURCE_DATE_EPOCH is {value}, which is not a time: give the seconds since 1970-01-01 "
                "(e.g. 1790000000), or unset it",
                value=repr(text[:30]),
            )
        )
    return dt.datetime.fromtimestamp(int(text), dt.UTC)


_NSID = re.compile(rb'<w:nsid w:val="[0-9A-Fa-f]{8}"/>')
_ABSTRACT = re.compile(rb'<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(.*?)</w:abstractNum>', re.S)
_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _stable_nsids(xml: bytes) -> bytes:
    """docxcompose gives each list a random nsid; derive it from the list's id instead."""

    def fix(match: re.Match[bytes]) -> bytes:
        nsid = hashlib.sha256(b"nsid" + match.group(1)).hexdigest()[:8].upper().encode()
        return _NSID.sub(b'<w:nsid w:val="' + nsid + b'"/>', match.group(0))

    return _ABSTRACT.sub(fix, xml)


def _pin_core_dates(xml: bytes, when: dt.datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), xml)


# The application that made the file, and nothing a later edit would make stale (pages, words,
# editing time): a template's "Microsoft Word 12.0.0" and page count are not true of our output.
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>selfassess {version}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)


def normalize_docx(data: bytes, when: dt.datetime | None = None) -> bytes:
    """Return the DOCX (or XLSX) rewritten so the same content always gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return normalized_zip({name: source.read(name) for name in source.namelist()}, when)


def normalized_zip(files: dict[str, bytes], when: dt.datetime | None = None) -> bytes:
    """Return the DOCX (or XLSX) of these parts (by name in the zip) so the same content always gives the same bytes."""
    order = sorted(files, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            content = files[name]
            if name == "word/numbering.xml":
                content = _stable_nsids(content)
            elif name == "docProps/core.xml" and when is not None:
                content = _pin_core_dates(content, when)
            elif name == "docProps/app.xml":
                content = _APP_XML.format(version=__version__).encode()
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, content, compresslevel=6)
    return out.getvalue()


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def normalize_pdf(data: bytes, when: dt.datetime) -> bytes:
    """Return LibreOffice's PDF with its dates, /ID and checksum made reproducible.

    Every replacement keeps the byte length, so the cross-reference offsets stay valid.
    """
    stamp = when.strftime("%Y%m%d%H%M%S").encode()

    data = _PDF_DATE.sub(lambda m: m.group(0).replace(m.group(2), stamp), data)
    digest = hashlib.sha256(_PDF_ID.sub(b"", _PDF_CHECKSUM.sub(b"", data))).hexdigest().upper().encode()

    def ident(match: re.Match[bytes]) -> bytes:
        first, second = match.group(1), match.group(2)
        return match.group(0).replace(first, digest[: len(first)]).replace(second, digest[: len(second)])

    data = _PDF_ID.sub(ident, data)
    data = _PDF_CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), digest[: len(m.group(1))]), data)
    return data
