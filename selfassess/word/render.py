"""Rendering a DOCX template: docxtpl in a sandbox (sandbox.py), Markdown bodies through pandoc
(refused first when pandoc could not get through them: markdown_limits.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import random
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selfassess.atomic import write_bytes
from selfassess.errors import Location, SelfAssessError, error
from selfassess.word import markdown_limits, sandbox

# CommonMark with pandoc's extensions (pipe tables, footnotes, fenced divs): its reader is a
# third faster than pandoc's own Markdown (0.5 s against 0.7 s for 100 pages). Extensions off:
# 'smart' would turn "…" into English quotes (write «…» yourself); 'fancy_lists' would read
# "а) …" or "I. …" as lists; identifiers add bookmarks we make ourselves for the contents;
# '$', '~', '^', ':name:' and "[ ]" are ordinary characters in a regulation.
# 'raw_attribute' off: `<w:fldChar…>`{=openxml} would put raw Word XML (an INCLUDETEXT or DDE
# field) into a document; written so, it stays visible text.
MARKDOWN = (
    "commonmark_x-smart-fancy_lists-gfm_auto_identifiers-tex_math_dollars-subscript-superscript"
    "-emoji-task_lists-yaml_metadata_block-raw_attribute"
)
# ![description](target "title"), the target in <…> or plain; and the reference forms ![a][r], ![a].
_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?:\[[^\]]*\])?(?!\()")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def contained_images(markdown: str, root: Path) -> tuple[str, list[str]]:
    """Return the Markdown with every image that is not a file inside `root` replaced by its
    description (pandoc would fetch a web address, or read any file it is given), and the
    images kept."""
    real_root = os.path.realpath(root)
    kept: list[str] = []

    def inline(match: re.Match[str]) -> str:
        target = match.group(2).strip("<>")
        if target and not _SCHEME.match(target) and not target.startswith("//"):
            path = os.path.realpath(os.path.join(root, target))
            if (path == real_root or path.startswith(real_root + os.sep)) and os.path.isfile(path):
                kept.append(path)
                return match.group(0)
        return match.group(1)

    return _REFERENCE_IMAGE.sub(lambda m: m.group(1), _IMAGE.sub(inline, markdown)), kept


_LIST_NUMBER = re.compile(r"^( {0,3})(\d+)([.)])(?=\s)", re.M)
_FENCE = re.compile(r"^(```|~~~)", re.M)


def keep_numbers(markdown: str) -> str:
    """Return Markdown whose "5. …" lines stay literal text instead of becoming a renumbered list.

    Clause and item numbers in regulations are part of the text ("numbers are kept exactly
    as written"); pandoc would restart a list at 1 or renumber 1, 2, 5 as 1, 2, 3.
    """
    parts = _FENCE.split(markdown)
    inside = False
    out = []
    for part in parts:
        if part in ("```", "~~~"):
            inside = not inside
            out.append(part)
        else:
            # Each numbered line becomes its own paragraph, as it was its own list item.
            out.append(part if inside else _LIST_NUMBER.sub(r"\n\1\2\\\3", part))
    return "".join(out)


# pandoc's Markdown reader takes time and memory that grow with the square (or worse) of some
# constructs: 16,000 brackets opened one inside another take it 4 s, 50,000 over a minute;
# 16,000 list marks on one line ("- - - … x") 20 s and 6 GB; 1,000 nested ::: blocks 10 s;
# a paragraph of 16,000 '*x' 4 s; and a table of 100,000 rows is converted, then laid out
# for more than a quarter of an hour. A regulation or a narrative needs a handful of each.
class TemplateError(SelfAssessError):
    """A DOCX template that cannot be rendered with the data given."""


def markdown_to_docx(
    markdown: Path,
    reference: Path,
    target: Path,
    when: dt.datetime,
    cache: Path | None = None,
    shown: str = "",
    root: Path | None = None,
) -> None:
    """Convert a Markdown file to DOCX with pandoc, styled by `reference`.

    pandoc takes about half a second for 100 pages; with `cache`, a body converted before
    (same text, reference and date) is taken from there instead. Images must be files inside
    `root` (relative paths are read from it); any other is replaced by its description.
    """
    import pypandoc

    original = markdown.read_text(encoding="utf-8-sig")
    markdown_limits.refuse_complex_markdown(original, markdown, shown, root)
    text = keep_numbers(original)
    images: list[str] = []
    if root is not None:
        text, images = contained_images(text, root)
    key = hashlib.sha256(
        b"\0".join(
            [
                text.encode(),
                # The pictures are in the output: a chart redrawn from new data is a new body.
                *(Path(image).read_bytes() for image in images),
                reference.read_bytes(),
                MARKDOWN.encode(),
                when.isoformat().encode(),
                _pandoc_version().encode(),
            ]
        )
    ).hexdigest()[:40]
    cached = cache / f"{key}.docx" if cache else None
    if cached is not None and _intact(cached):
        shutil.copyfile(cached, target)
        return
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(when.replace(tzinfo=dt.UTC).timestamp())))
    command = [
        pypandoc.get_pandoc_path(),
        "--from",
        MARKDOWN,
        "--to",
        "docx",
        f"--reference-doc={reference}",
        "--output",
        str(target),
    ]
    seconds = markdown_limits.PANDOC_SECONDS + markdown_limits.PANDOC_SECONDS * len(text) // 4_000_000
    try:
        done = subprocess.run(  # noqa: S603
            command,
            input=text,
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=seconds,
        )
    except subprocess.TimeoutExpired as exc:
        narratives = markdown_limits.made_from_narratives(markdown, shown, root)
        where = Location(f"{Path(shown).parent.as_posix()}/" if narratives else shown or str(markdown))
        raise SelfAssessError(
            f"{where.path}: pandoc did not finish converting the text in {seconds} s and was stopped",
            [
                error(
                    "pandoc-timeout",
                    where,
                    f"pandoc did not finish converting the text in {seconds} s",
                    "look for text nested very deep (brackets, lists, ::: blocks, '*' or '_' marks) and "
                    "simplify it, or split the text",
                )
            ],
        ) from exc
    if done.returncode != 0:
        raise SelfAssessError(
            f"cannot convert {markdown.name} with pandoc: {done.stderr.strip()}",
            [error("markdown", Location(shown or str(markdown)), done.stderr.strip() or "pandoc failed")],
        )
    if cached is not None:
        with contextlib.suppress(OSError):
            data = target.read_bytes()
            write_bytes(cached, data)
            write_bytes(cached.with_suffix(".sha256"), hashlib.sha256(data).hexdigest().encode())


def _intact(cached: Path) -> bool:
    """Return True when a cached body is byte for byte what was stored (build/ may be edited)."""
    try:
        expected = cached.with_suffix(".sha256").read_text(encoding="ascii").strip()
        return hashlib.sha256(cached.read_bytes()).hexdigest() == expected
    except (OSError, UnicodeDecodeError):
        return False


@functools.cache
def _pandoc_version() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_version())


CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


@contextlib.contextmanager
def _docxcompose_prefixes() -> Iterator[None]:
    """Let docxcompose see 'cp' as the custom-properties namespace while it works, and only then.

    Importing docxcompose rebinds python-docx's global 'cp' prefix to custom properties
    (docxcompose issue 101); python-docx then writes lastModifiedBy, revision and version into
    the wrong namespace of docProps/core.xml, and Word reports unreadable content.
    """
    from docx.oxml.ns import nsmap

    nsmap["cp"] = CUSTOM_PROPERTIES
    try:
        yield
    finally:
        nsmap["cp"] = CORE_PROPERTIES


def _import_docxtpl() -> Any:
    """Return docxtpl's DocxTemplate, with python-docx's 'cp' prefix left as python-docx needs it."""
    from docx.oxml.ns import nsmap
    from docxtpl import DocxTemplate

    nsmap["cp"] = CORE_PROPERTIES
    return DocxTemplate


def render_template(template: Path, context: dict[str, Any], body: Path | None, shown: str) -> Any:
    """Return the docxtpl document rendered with `context`, `body` (a DOCX) inserted as {{p body}}.

    The template is the user's: whatever it asks for ends in a TemplateError naming it, within
    sandbox.RENDER_SECONDS and sandbox.RENDER_MEMORY.
    """
    DocxTemplate = _import_docxtpl()
    try:
        with sandbox.render_limits():
            document = _fill_in(DocxTemplate, template, context, body, shown)
    except sandbox.Overtime as exc:
        raise TemplateError(
            f"{shown}: filling in the template took more than {sandbox.RENDER_SECONDS} s and was stopped; "
            "a loop in it runs too long (such as a {% for %} inside another over a long range()): shorten or remove it"
        ) from exc
    except MemoryError as exc:
        raise TemplateError(
            f"{shown}: filling in the template needed more than {sandbox.RENDER_MEMORY // 2**20:,} MB of memory "
            "and was stopped; it makes text too large to be a document's text: remove the expression that repeats or "
            "pads text, or the loop that adds to it"
        ) from exc
    if body is not None:
        insert_body(document.docx, body)
    return document


def _fill_in(docx_template: Any, template: Path, context: dict[str, Any], body: Path | None, shown: str) -> Any:
    try:
        document = docx_template(str(template))
        wanted = document.get_undeclared_template_variables(sandbox.environment())
    except MemoryError:
        raise
    except RecursionError as exc:
        raise _template_problem(exc, shown) from exc
    except Exception as exc:  # a broken file fails in python-docx, lxml or Jinja in as many ways
        raise TemplateError(f"{shown}: cannot read the template ({exc})") from exc
    data = dict(context)
    if body is not None:
        # The body is put in after rendering (insert_body): run through Jinja, 100 pages of
        # text would cost more than the rest of the render.
        placeholder = document.new_subdoc()
        placeholder.add_paragraph(BODY_MARKER)
        data["body"] = placeholder
    missing = sorted(v for v in wanted if v not in data)
    if missing:
        raise TemplateError(
            f"{shown}: the template uses {', '.join(missing)}, which selfassess does not provide; "
            f"available: {', '.join(sorted(data))}"
        )
    try:
        document.render(data, jinja_env=sandbox.environment(), autoescape=True)
    except MemoryError:
        raise
    except Exception as exc:  # the template's expressions are the user's code: any error is theirs to fix
        raise _template_problem(exc, shown) from exc
    return document


def _template_problem(exc: Exception, shown: str) -> TemplateError:
    """Return the TemplateError that says in plain words what in the template went wrong."""
    from jinja2 import TemplateError as JinjaError
    from lxml.etree import XMLSyntaxError

    if isinstance(exc, RecursionError):
        return TemplateError(
            f"{shown}: the template calls itself without end, or nests too deep (a macro that calls itself, "
            "or brackets inside brackets hundreds deep): give the macro a condition to stop, or remove the nesting"
        )
    if isinstance(exc, XMLSyntaxError):
        return TemplateError(
            f"{shown}: the filled-in template is not text Word can read ({exc}); an expression marked |safe "
            "writes '<' or '&': remove the |safe"
        )
    if isinstance(exc, JinjaError):
        return TemplateError(f"{shown}: the template cannot be filled in: {exc}")
    return TemplateError(
        f"{shown}: an expression of the template fails: {_plain(exc)}; correct it (or remove it) in the template"
    )


def _plain(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


BODY_MARKER = "SELFASSESS-BODY"


def insert_body(document: Any, body: Path) -> None:
    """Put the body DOCX where the template's {{p body}} placeholder stands.

    docxcompose merges styles, lists, footnotes and links; it lists the template's styles
    again for every paragraph it adds (0.6 s for 100 pages), so that lookup is made once and
    repeated only when a style is really added: the template and the body share one style set.
    """
    from docx import Document
    from docx.oxml.ns import qn
    from docxcompose.utils import xpath
    from docxtpl.subdoc import SubdocComposer

    class FastComposer(SubdocComposer):  # type: ignore[misc]
        known: set[str] | None = None

        def add_styles(self, doc: Any, element: Any) -> None:
            if self.known is None:
                self.known = {s.style_id for s in self.doc.styles}
            used = {e.val for e in xpath(element, ".//w:tblStyle|.//w:pStyle|.//w:rStyle")}
            if all(self.mapped_style_id(style) in self.known for style in used):
                return
            super().add_styles(doc, element)
            self.known = {s.style_id for s in self.doc.styles}

    container = document.element.body
    w_t = qn("w:t")
    marker = next(
        (e for e in container if e.tag == qn("w:p") and "".join(t.text or "" for t in e.iter(w_t)) == BODY_MARKER),
        None,
    )
    if marker is None:
        return
    # docxcompose numbers lists with random ids; seed it so the output repeats exactly.
    random.seed(0)
    part = Document(str(body))
    # attach_parts rewires the body's styles, lists, notes and links to the document in place
    # (no copy of each element, unlike Composer.insert); then the elements move over.
    with _docxcompose_prefixes():
        FastComposer(document).attach_parts(part)
    index = container.index(marker)
    for element in list(part.element.body):
        if element.tag != qn("w:sectPr"):
            container.insert(index, element)
            index += 1
    container.remove(marker)


def save(document: Any) -> bytes:
    """Return the python-docx or docxtpl document as DOCX bytes."""
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def temporary_dir() -> tempfile.TemporaryDirectory[str]:
    """Return a scratch folder for intermediate files (removed on exit)."""
    return tempfile.TemporaryDirectory(prefix="selfassess-")
