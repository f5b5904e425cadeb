"""Rendering a DOCX template: docxtpl in a sandbox (sandbox.py), Markdown bodies through pandoc
(refused first when pandoc could not get through them: markdown_limits.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from selfassess.errors import SelfAssessError
from selfassess.messages import t
from selfassess.word import sandbox
from selfassess.word.compose import BODY_MARKER, CORE_PROPERTIES, insert_bodies
from selfassess.word.pandoc import Conversion


class TemplateError(SelfAssessError):
    """A DOCX template that cannot be rendered with the data given."""


def _import_docxtpl() -> Any:
    """Return docxtpl's DocxTemplate, with python-docx's 'cp' prefix left as python-docx needs it."""
    from docx.oxml.ns import nsmap
    from docxtpl import DocxTemplate

    nsmap["cp"] = CORE_PROPERTIES
    return DocxTemplate


def render_template(template: Path, context: dict[str, Any], body: Conversion | None, shown: str) -> Any:
    """Return the docxtpl document rendered with `context`, `body` (Markdown converted to DOCX,
    in parts) inserted as {{p body}}.

    The template is the user's: whatever it asks for ends in a TemplateError naming it, within
    sandbox.RENDER_SECONDS and sandbox.RENDER_MEMORY.
    """
    DocxTemplate = _import_docxtpl()
    try:
        with sandbox.render_limits():
            document = _fill_in(DocxTemplate, template, context, body, shown)
    except sandbox.Overtime as exc:
        raise TemplateError(
            t(
                "{shown}: filling in the template took more than {RENDER_SECONDS} s and was stopped; a "
                "loop in it runs too long (such as a {{% for %}} inside another over a long range()): "
                "shorten or remove it",
                shown=shown,
                RENDER_SECONDS=sandbox.RENDER_SECONDS,
            )
        ) from exc
    except MemoryError as exc:
        raise TemplateError(
            t(
                "{shown}: filling in the template needed more than {value:,} MB of memory and was "
                "stopped; it makes text too large to be a document's text: remove the expression that "
                "repeats or pads text, or the loop that adds to it",
                shown=shown,
                value=sandbox.RENDER_MEMORY // 2**20,
            )
        ) from exc
    if body is not None:
        # pandoc starts only now, outside the template's memory ceiling (its processes would inherit it).
        insert_bodies(document.docx, body.start(), body.prepare)
    return document


def _fill_in(docx_template: Any, template: Path, context: dict[str, Any], body: object, shown: str) -> Any:
    try:
        document = docx_template(str(template))
        wanted = document.get_undeclared_template_variables(sandbox.environment())
    except MemoryError:
        raise
    except RecursionError as exc:
        raise _template_problem(exc, shown) from exc
    except Exception as exc:  # a broken file fails in python-docx, lxml or Jinja in as many ways
        raise TemplateError(t("{shown}: cannot read the template ({exc})", shown=shown, exc=exc)) from exc
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
            t(
                "{shown}: the template uses {items}, which selfassess does not provide; available: {items2}",
                shown=shown,
                items=", ".join(missing),
                items2=", ".join(sorted(data)),
            )
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
            t(
                "{shown}: the template calls itself without end, or nests too deep (a macro that calls "
                "itself, or brackets inside brackets hundreds deep): give the macro a condition to stop, "
                "or remove the nesting",
                shown=shown,
            )
        )
    if isinstance(exc, XMLSyntaxError):
        return TemplateError(
            t(
                "{shown}: the filled-in template is not text Word can read ({exc}); an expression marked "
                "|safe writes '<' or '&': remove the |safe",
                shown=shown,
                exc=exc,
            )
        )
    if isinstance(exc, JinjaError):
        return TemplateError(t("{shown}: the template cannot be filled in: {exc}", shown=shown, exc=exc))
    return TemplateError(
        t(
            "{shown}: an expression of the template fails: {plain}; correct it (or remove it) in the template",
            shown=shown,
            plain=_plain(exc),
        )
    )


def _plain(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def save(document: Any) -> bytes:
    """Return the python-docx or docxtpl document as DOCX bytes."""
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def temporary_dir() -> tempfile.TemporaryDirectory[str]:
    """Return a scratch folder for intermediate files (removed on exit)."""
    return tempfile.TemporaryDirectory(prefix="selfassess-")
