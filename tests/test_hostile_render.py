"""Hostile DOCX templates and Markdown texts: every one ends in a message naming the file, exit 1,
within seconds and without taking gigabytes (never "internal error", never a hang)."""

from __future__ import annotations

import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from click.testing import Result
from conftest import ROOT, Workspace
from test_hostile_input import DOCUMENT, run, workspace

from selfassess.word import markdown_limits, sandbox
from selfassess.word.markdown_limits import markdown_problem

TEMPLATE = "templates/controlled-document.docx"
BODY = f"documents/{DOCUMENT}/body.md"
NARRATIVE = "narratives/t/1.1.md"
QUICK = 20  # seconds a refusal may take, the build around it included


@pytest.fixture
def hostile(tmp_path: Path) -> Workspace:
    ws = workspace(tmp_path / "ws")
    shutil.copytree(ROOT / "templates", ws.root / "templates")
    return ws


def with_paragraph(ws: Workspace, text: str) -> None:
    """Add `text` as the last paragraph of the workspace's controlled-document template."""
    from docx import Document

    path = ws.root / TEMPLATE
    template = Document(str(path))
    template.add_paragraph(text)
    template.save(str(path))


def refused(ws: Workspace, *args: str) -> Result:
    started = time.perf_counter()
    result = run(ws, *args)
    assert time.perf_counter() - started < QUICK, result.output
    assert result.exit_code == 1, result.output
    return result


TEMPLATES = {
    "include": ("{% include '/etc/passwd' %}", "a template cannot read other files"),
    "import": ("{% import '/etc/passwd' as p %}", "a template cannot read other files"),
    "extends": ("{% extends 'other.docx' %}", "a template cannot read other files"),
    "recursive macro": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "calls itself without end"),
    "ljust": ("{{ 'x'.ljust(1500000000) }}", "ljust() asks for a width of 1,500,000,000 characters"),
    "zfill": ("{{ 'x'.zfill(1500000000) }}", "zfill() asks for a width"),
    "format filter": ("{{ '%01500000000d'|format(1) }}", "format asks for a width of 1500000000 characters"),
    "str.format": ("{{ '{:>1500000000}'.format(1) }}", "format() asks for a width of 1500000000 characters"),
    "nested str.format": ("{{ '{:>{}}'.format(1, 1500000000) }}", "format() asks for a width"),
    "percent operator": ("{{ '%0*d' % (1500000000, 1) }}", "the % operator asks for a width"),
    "expandtabs": ("{{ ('\\t' * 10000).expandtabs(9000) }}", "expandtabs() would make 90,010,000 characters"),
    "replace filter": ("{% set a='x'*100000 %}{{ a|replace('x',a) }}", "replace would make 10,000,000,000"),
    "replace method": ("{% set a='x'*100000 %}{{ a.replace('x',a) }}", "replace() would make 10,000,000,000"),
    "join filter": ("{{ range(100000)|join('x' * 1000) }}", "join would make"),
    "join method": ("{{ ('x' * 1000).join(range(100000)|map('string')) }}", "join() would make"),
    "concatenation": (
        "{% set a='x'*10000000 %}{% set b = " + " ~ ".join(["a"] * 90) + " %}{{ b|length }}",
        "joining text with ~ would make 900,000,000 characters",
    ),
    "printed in a loop": (
        "{% set a='x'*1000000 %}{% for i in range(100000) %}{{ a }}{% endfor %}",
        "the template's expressions together would make",
    ),
    "list grown": ("{% set l=[1] %}{% set _ = l.extend('x' * 10000000) %}", "extend() makes a list of 10,000,001"),
    "huge number": ("{{ (10**64)**64 }}", "a number of more than 3,000 digits"),
    "lipsum": ("{{ lipsum(1000000) }}", "lipsum() would make"),
    "division by zero": ("{{ 1/0 }}", "an expression of the template fails: ZeroDivisionError"),
    "adding a number to a text": ("{{ 1 + 'a' }}", "an expression of the template fails: TypeError"),
}


@pytest.mark.parametrize("case", list(TEMPLATES))
def test_a_hostile_template_is_refused_with_a_message_naming_it(hostile: Workspace, case: str) -> None:
    paragraph, said = TEMPLATES[case]
    with_paragraph(hostile, paragraph)
    result = refused(hostile, "doc", "build")
    assert f"{TEMPLATE}: " in result.output and said in result.output, result.output
    assert "root:" not in result.output
    assert not (hostile.root / "build" / "documents").exists()


def test_what_a_template_may_do_still_works(hostile: Workspace) -> None:
    # wordwrap and truncate take the environment first: a wrapper losing Jinja's mark broke them.
    with_paragraph(
        hostile,
        "{{ 'alpha beta gamma'|wordwrap(5) }}|{{ 'abcdefgh'|truncate(5, True, '', 0) }}|{{ 'x'|center(5) }}|"
        "{{ '%03d'|format(7) }}|{{ '{:>4}'.format(7) }}|{{ '{:{}}'.format('r', 3) }}|{{ '%05.1f' % 2.5 }}|"
        "{{ [1, 2]|join('-') }}|{{ '+'.join(['a', 'b']) }}|{{ 'aXa'|replace('X', 'yy') }}|{{ 'a' ~ 2 ~ 'b' }}|"
        "{{ ('x' * 3).ljust(5, '.') }}|{{ 2 ** 10 }}|{{ 'ab'.translate({97: 'z'}) }}|{{ range(3)|batch(2)|list }}",
    )
    result = run(hostile, "doc", "build")
    assert result.exit_code == 0, result.output
    from docx import Document

    built = next((hostile.root / "build" / "documents").rglob("*.docx"))
    text = "\n".join(p.text for p in Document(str(built)).paragraphs)
    expected = "alpha\nbeta\ngamma|abcde|  x  |007|   7|r  |002.5|1-2|a+b|ayya|a2b|xxx..|1024|zb|[[0, 1], [2]]"
    assert expected in text, text[-500:]


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the time limit is a POSIX alarm")
def test_a_loop_of_loops_is_stopped_in_time(hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 2)
    with_paragraph(hostile, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    result = refused(hostile, "doc", "build")
    assert f"{TEMPLATE}: filling in the template took more than 2 s and was stopped" in result.output


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory ceiling is Linux's RLIMIT_DATA")
def test_a_template_filling_memory_meets_a_ceiling(hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    import resource

    if resource.getrlimit(resource.RLIMIT_DATA)[0] != resource.RLIM_INFINITY:
        pytest.skip("a data limit is already set: the render keeps it")
    monkeypatch.setattr(sandbox, "RENDER_MEMORY", 128 * 1024 * 1024)
    # Text written between the tags is not an expression: only the ceiling stops it.
    with_paragraph(
        hostile, "{% for i in range(100000) %}{% for j in range(1000) %}" + "x" * 80 + "{% endfor %}{% endfor %}"
    )
    result = refused(hostile, "doc", "build")
    assert f"{TEMPLATE}: filling in the template needed more than 128 MB of memory" in result.output


MARKDOWN = {
    "nested brackets": ("The policy.\n\n" + "[" * 50_000 + "E-1" + "]" * 50_000 + "\n", 3, "square brackets"),
    "emphasis marks": ("*" * 50_000 + "x" + "*" * 50_000 + "\n", 1, "'*' or '_' marks"),
    "emphasis marks apart": ("Text.\n\n" + "*x" * 16_000 + "\n", 3, "'*' or '_' marks"),
    "long table": ("Text.\n\n| a | b |\n|---|---|\n" + "| x [E-1] | y |\n" * 100_000, 3, "100,000 rows"),
    "nested list marks": ("Text.\n\n" + "- " * 16_000 + "x\n", 3, "list or quotation marks"),
    "nested blocks": ("Text.\n\n" + "::: a\n" * 1_000 + "x\n" + ":::\n" * 1_000, 67, "':::' blocks"),
}


@pytest.mark.parametrize("case", list(MARKDOWN))
def test_a_narrative_pandoc_would_not_get_through_is_located(hostile: Workspace, case: str) -> None:
    text, line, said = MARKDOWN[case]
    hostile.write(NARRATIVE, text)
    result = refused(hostile, "build", "--framework", "t", "--as-of", "2026-11-25")
    assert f"{NARRATIVE}:{line}: error[markdown-too-complex]" in result.output and said in result.output, result.output


@pytest.mark.parametrize("case", ["nested brackets", "emphasis marks", "nested list marks"])
def test_a_document_body_pandoc_would_not_get_through_is_located(hostile: Workspace, case: str) -> None:
    text, line, said = MARKDOWN[case]
    hostile.write(BODY, "# 1. Purpose\n\n" + text)
    result = refused(hostile, "doc", "build")
    assert f"{BODY}:{line + 2}: error[markdown-too-complex]" in result.output and said in result.output


def test_pandoc_is_stopped_when_it_takes_too_long(hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_limits, "PANDOC_SECONDS", 0.001)
    result = refused(hostile, "doc", "build")
    assert f"{BODY}: error[pandoc-timeout]" in result.output and "was stopped" in result.output


@pytest.mark.parametrize(
    "text",
    [
        "- " * 100 + "\n",  # a thematic break
        "Signed ______________ Date ______ " * 100 + "\n",
        "file_name_with_parts " * 1_000 + "\n",
        "\\[" * 1_000 + "\\*" * 1_000 + "\n",
        "[a] " * 5_000 + "\n",
        "*a* " * 400 + "\n",
        "| a | b |\n|---|---|\n" + "| *x* | _y_ [E-1] |\n" * 5_000,
        "::: a\n::: b\nx\n:::\n:::\n\n" * 1_000,
        "> " * 10 + "- quoted\n",
        "[" * 64 + "x" + "]" * 64 + "\n",
    ],
)
def test_ordinary_markdown_is_not_refused(text: str) -> None:
    started = time.perf_counter()
    assert markdown_problem(text) is None
    assert time.perf_counter() - started < 1
