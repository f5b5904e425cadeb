"""Rendering a DOCX template: docxtpl in a sandbox, Markdown bodies through pandoc.

Longer than a module usually is because both inputs are the user's and each is guarded next to
the one call it reaches: the template by the sandbox's bounds on what an expression may make,
a time limit and a memory ceiling; the Markdown by the constructs pandoc cannot get through.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import inspect
import itertools
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

from selfassess.atomic import write_bytes
from selfassess.errors import Location, SelfAssessError, error

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
MARKDOWN_NESTING = 64  # brackets, list or quotation marks, ::: blocks one inside another
MARKDOWN_MARKS = 1_000  # '*' and '_' that may open or close emphasis, in one paragraph or table row
MARKDOWN_TABLE_ROWS = 5_000  # rows of one table (5,000 rows: 3 s from Markdown to the document)
PANDOC_SECONDS = 120  # and as many again for each 4 MB: pandoc converts 100 pages in half a second
_BLOCK = re.compile(r"(?:^[ \t]*\S.*\n?)+", re.M)
# A table's delimiter row, "|---|:--:|"; written so that no run of spaces can be matched two ways.
_TABLE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*(?::?-+:?[ \t]*)?)*$", re.M)
_BRACKET = re.compile(r"\\.|[\[\]]")
_MARK_RUN = re.compile(r"\\.|\*+|_+")
_ROW = re.compile(r".*\n?")
_NESTED_MARKS = re.compile(r"^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]*)" + f"{{{MARKDOWN_NESTING + 1}}}", re.M)
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_DIV_FENCE = re.compile(r"^ {0,3}:{3,}(.*)$", re.M)


def markdown_problem(text: str) -> tuple[int, str, str] | None:
    """Return the line, what is wrong and how to fix it, for the first construct of `text` that
    would take pandoc minutes or gigabytes; None for a text it converts in its usual time."""
    found: list[tuple[int, str, str]] = []  # (offset in text, problem, fix)
    for block in _BLOCK.finditer(text):
        chunk, start = block.group(), block.start()
        deep = _deeper_than(chunk, MARKDOWN_NESTING) if chunk.count("[") > MARKDOWN_NESTING else None
        if deep is not None:
            found.append((start + deep, *_BRACKETS))
        many_marks = chunk.count("*") + chunk.count("_") > MARKDOWN_MARKS
        rule = None
        if many_marks or chunk.count("\n") > MARKDOWN_TABLE_ROWS:
            rule = next((m for m in _TABLE_RULE.finditer(chunk) if "|" in m.group()), None)
        rows = chunk.rstrip("\n").count("\n", rule.end()) if rule else 0
        if rule and rows > MARKDOWN_TABLE_ROWS:
            found.append(
                (
                    start + chunk.rfind("\n", 0, max(rule.start() - 1, 0)) + 1,  # the header row
                    f"this table has {rows:,} rows; pandoc and Word take many minutes over a table of more "
                    f"than {MARKDOWN_TABLE_ROWS:,}",
                    "split the table into smaller ones, or give the data as an evidence file (a spreadsheet) "
                    "and cite it",
                )
            )
        if many_marks:
            # In a table each cell is read on its own: the row is the unit, not the whole table.
            pieces = [(m.start(), m.group()) for m in _ROW.finditer(chunk)] if rule else [(0, chunk)]
            for offset, piece in pieces:
                if _emphasis_marks(piece) > MARKDOWN_MARKS:
                    found.append((start + offset, *_MARKS))
                    break
        if found:
            break
    for match in _NESTED_MARKS.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else None]
        if not _THEMATIC_BREAK.match(line):
            found.append((match.start(), *_LIST_MARKS))
            break
    if ":::" in text:
        depth = 0
        for match in _DIV_FENCE.finditer(text):
            depth = depth + 1 if match.group(1).strip() else max(depth - 1, 0)
            if depth > MARKDOWN_NESTING:
                found.append((match.start(), *_DIVS))
                break
    if not found:
        return None
    at, problem, fix = min(found)
    return text.count("\n", 0, at) + 1, problem, fix


_BRACKETS = (
    f"more than {MARKDOWN_NESTING} square brackets '[' are open one inside another here; pandoc takes "
    "minutes over such text",
    "close each bracket before opening the next, or write \\[ for a bracket meant as text",
)
_MARKS = (
    f"this paragraph has more than {MARKDOWN_MARKS:,} '*' or '_' marks; pandoc takes minutes over such text",
    "remove the stray marks, write \\* and \\_ for marks meant as text, or split the paragraph",
)
_LIST_MARKS = (
    f"this line starts with more than {MARKDOWN_NESTING} list or quotation marks ('-', '*', '1.', '>') one "
    "inside another; pandoc needs gigabytes for it",
    "remove the extra marks, or write \\- for a dash meant as text",
)
_DIVS = (
    f"more than {MARKDOWN_NESTING} ':::' blocks are open one inside another here; pandoc takes minutes over them",
    "close each ::: block before opening the next",
)


def _deeper_than(chunk: str, limit: int) -> int | None:
    """Return the offset where the brackets of `chunk` open more than `limit` deep, or None."""
    depth = 0
    for match in _BRACKET.finditer(chunk):
        if match.group() == "[":
            depth += 1
            if depth > limit:
                return match.start()
        elif match.group() == "]":
            depth = max(depth - 1, 0)
    return None


def _emphasis_marks(piece: str) -> int:
    """Count the '*' and '_' of `piece` that may open or close emphasis: not escaped, not a run
    between spaces ("a * b", a blank "____" to sign on), not '_' inside a word (snake_case)."""
    count = 0
    for match in _MARK_RUN.finditer(piece):
        run = match.group()
        if run[0] == "\\":
            continue
        before = piece[match.start() - 1] if match.start() else " "
        after = piece[match.end()] if match.end() < len(piece) else " "
        if (before.isspace() and after.isspace()) or (run[0] == "_" and before.isalnum() and after.isalnum()):
            continue
        count += len(run)
    return count


def _made_from_narratives(markdown: Path, shown: str, root: Path | None) -> bool:
    """Return True for a report's text, put together from the narratives of the folder `shown` is in
    (`shown` then names a body.md that does not exist)."""
    return root is not None and bool(shown) and os.path.realpath(markdown) != os.path.realpath(root / shown)


def _refuse_complex_markdown(text: str, markdown: Path, shown: str, root: Path | None) -> None:
    """Raise a SelfAssessError naming the file and line of a construct pandoc would not get through."""
    problem = markdown_problem(text)
    if problem is None:
        return
    line, what, fix = problem
    where = Location(shown or str(markdown), line)
    if root is not None and _made_from_narratives(markdown, shown, root):
        where, what, fix = _narrative_at_fault(root, Path(shown).parent) or (
            Location(f"{Path(shown).parent.as_posix()}/"),
            f"line {line} of the report made from these narratives: {what}",
            fix,
        )
    raise SelfAssessError(
        f"{where.path}: the text is too complex for pandoc; nothing was converted",
        [error("markdown-too-complex", where, what, fix)],
    )


MAX_NARRATIVE_SCAN = 20 * 1024 * 1024  # larger texts are refused before a build (too-large)


def _narrative_at_fault(root: Path, folder: Path) -> tuple[Location, str, str] | None:
    for top, dirs, files in os.walk(root / folder):  # links are not followed: the workspace's own files only
        dirs.sort()
        for name in sorted(files):
            path = Path(top) / name
            try:
                if path.suffix != ".md" or path.is_symlink() or not path.is_file():
                    continue
                if path.stat().st_size > MAX_NARRATIVE_SCAN:
                    continue
                problem = markdown_problem(path.read_text(encoding="utf-8-sig", errors="replace"))
            except OSError:  # the check names unreadable files; here only the culprit is looked for
                continue
            if problem is not None:
                line, what, fix = problem
                return Location(path.relative_to(root).as_posix(), line), what, fix
    return None


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
    _refuse_complex_markdown(original, markdown, shown, root)
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
    seconds = PANDOC_SECONDS + PANDOC_SECONDS * len(text) // 4_000_000
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
        narratives = _made_from_narratives(markdown, shown, root)
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


MAX_TEMPLATE_TEXT = 10_000_000  # characters one expression of a template may make
MAX_WIDTH = 10_000  # a width, padding or count a template asks of a method or filter
MAX_INT_BITS = 10_000  # about 3,000 digits; Python refuses to print more than 4,300
RENDER_SECONDS = 60  # a cover page fills in within a second; a loop of loops never ends
RENDER_MEMORY = 1536 * 1024 * 1024  # bytes a render may take beyond what the process holds


class _Overtime(BaseException):
    """Raised by the alarm: a BaseException, so no `except Exception` in Jinja or docxtpl swallows it."""


def _refuse(message: str) -> NoReturn:
    from jinja2.exceptions import SecurityError

    raise SecurityError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_width(what: str, width: Any, asked: str = "a width of {} characters") -> None:
    if _is_int(width) and abs(width) > MAX_WIDTH:
        _refuse(
            f"{what} asks for {asked.format(f'{width:,}')}, too large to be a document's text "
            f"(at most {MAX_WIDTH:,}): use a smaller number"
        )


def _check_size(what: str, size: int) -> None:
    if size > MAX_TEMPLATE_TEXT:
        _refuse(
            f"{what} would make {size:,} characters, too large to be a document's text "
            f"(at most {MAX_TEMPLATE_TEXT:,}): remove it or make the text shorter"
        )


_CONTAINERS = (list, tuple, set, frozenset, dict)
_END = object()


def _text_size(value: Any, budget: int = MAX_TEMPLATE_TEXT) -> int:
    """Return about how many characters `value` prints as, counting no further than just past `budget`.

    A list of ten million references to one long text is small in memory and endless on paper.
    """
    if isinstance(value, str | bytes):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 0
    size = 0
    seen: set[int] = set()
    pending = [iter([value])]
    while pending and size <= budget:
        item = next(pending[-1], _END)
        if item is _END:
            pending.pop()
        elif isinstance(item, str | bytes):
            size += len(item) + 4
        elif isinstance(item, _CONTAINERS):
            size += 2
            if id(item) not in seen:
                seen.add(id(item))
                pending.append(
                    iter(itertools.chain.from_iterable(item.items())) if isinstance(item, dict) else iter(item)
                )
        else:
            size += 8
    return size


# A printf conversion: "%%", or "%(name)-08.3f" with its width and precision (a '*' takes them from the values).
_PRINTF = re.compile(r"%%|%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def _check_printf(what: str, text: str, values: Any) -> None:
    """Refuse a printf format ("%01500000000d") whose width or precision would pad to gigabytes."""
    if "%" not in text:
        return
    star = False
    for match in _PRINTF.finditer(text):
        for number in match.groups():
            if number == "*":
                star = True
            elif number is not None:
                _check_number(what, number)
    if star:
        for value in values if isinstance(values, tuple) else (values,):
            _check_width(what, value)


def _check_number(what: str, digits: str) -> None:
    digits = digits.lstrip("0")
    if len(digits) > 6:  # int() of a long run of digits is itself slow (and refused past 4,300 digits)
        _refuse(
            f"{what} asks for a width of {digits[:20]} characters, too large to be a document's text "
            f"(at most {MAX_WIDTH:,}): use a smaller number"
        )
    _check_width(what, int(digits or "0"))


def _check_text_method(
    text: str | bytes | bytearray, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Refuse a str method call that pads or repeats text to gigabytes; return its arguments,
    with an iterable made a list (it is counted, and then joined)."""
    what = f"{name}()"
    if name in ("ljust", "rjust", "center", "zfill") and args:
        _check_width(what, args[0])
    elif name == "expandtabs":
        tabsize = args[0] if args else kwargs.get("tabsize", 8)
        if _is_int(tabsize):
            _check_width(what, tabsize)
            _check_size(what, len(text) + text.count("\t" if isinstance(text, str) else b"\t") * max(tabsize, 0))
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str | bytes) for a in args[:2]):
        old, new = args[0], args[1]
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        found = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
        if _is_int(count) and count >= 0:
            found = min(found, count)
        _check_size(what, len(text) + found * (len(new) - len(old)))
    elif name == "join" and len(args) == 1:
        items = list(args[0])
        size = len(text) * max(len(items) - 1, 0)
        for item in items:
            size += len(item) if isinstance(item, str | bytes) else 0
            if size > MAX_TEMPLATE_TEXT:
                break
        _check_size(what, size)
        return (items,), kwargs
    elif name == "translate" and len(args) == 1:
        table = args[0]
        values = table.values() if isinstance(table, dict) else table if isinstance(table, list | tuple) else ()
        longest = max((len(v) for v in values if isinstance(v, str | bytes)), default=1)
        _check_size(what, len(text) * longest)
    return args, kwargs


def _check_list_growth(items: list[Any], name: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Refuse a list that doubles itself into gigabytes; return the arguments (an iterable made a list)."""
    grown = len(items) + 1
    if name == "extend" and len(args) == 1:
        if not hasattr(args[0], "__len__"):
            args = (list(args[0]),)  # a generator is counted, then given to extend
        grown = len(items) + len(args[0])
    if grown > MAX_TEMPLATE_TEXT:
        _refuse(f"{name}() makes a list of {grown:,} items, too large to be a document's text: remove it")
    return args


def _bounded_filter(original: Any, check: Any) -> Any:
    """Return the filter `original` that first passes its arguments, by name, to `check`.

    functools.wraps keeps Jinja's mark (pass_environment, pass_eval_context) on the filter:
    without it Jinja would hand the text where the filter expects its environment.
    """
    signature = inspect.signature(original)

    @functools.wraps(original)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        try:
            arguments = signature.bind(*args, **kwargs)
        except TypeError:
            return original(*args, **kwargs)  # the filter says itself what is wrong with its arguments
        arguments.apply_defaults()
        check(arguments.arguments)
        return original(*arguments.args, **arguments.kwargs)

    return bounded


def _check_filter_join(arguments: dict[str, Any]) -> None:
    items = arguments["value"] = list(arguments["value"])
    size = _text_size(arguments["d"]) * max(len(items) - 1, 0)
    if arguments["attribute"] is None:
        for item in items:
            size += _text_size(item, MAX_TEMPLATE_TEXT - size) if not isinstance(item, str) else len(item)
            if size > MAX_TEMPLATE_TEXT:
                break
    _check_size("join", size)


def _check_filter_replace(arguments: dict[str, Any]) -> None:
    text, old, new, count = (arguments[k] for k in ("s", "old", "new", "count"))
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        found = text.count(old) if old else len(text) + 1
        if _is_int(count) and count >= 0:
            found = min(found, count)
        _check_size("replace", len(text) + found * (len(new) - len(old)))


def _check_filter_indent(arguments: dict[str, Any]) -> None:
    text, width = arguments["s"], arguments["width"]
    _check_width("indent", width)
    lines = text.count("\n") + 1 if isinstance(text, str) else 1
    each = len(width) if isinstance(width, str) else width if _is_int(width) else 0
    _check_size("indent", _text_size(text) + lines * max(each, 0))


def _check_filter_wordwrap(arguments: dict[str, Any]) -> None:
    text, width, wrap = arguments["s"], arguments["width"], arguments["wrapstring"]
    _check_width("wordwrap", width)
    if isinstance(text, str) and _is_int(width) and isinstance(wrap, str):
        breaks = len(text) // max(width, 1) + text.count("\n") + 1
        _check_size("wordwrap", len(text) + breaks * len(wrap))


FILTER_CHECKS: dict[str, Any] = {
    "center": lambda a: _check_width("center", a["width"]),
    "indent": _check_filter_indent,
    "wordwrap": _check_filter_wordwrap,
    "truncate": lambda a: (_check_width("truncate", a["length"]), _check_width("truncate", a["leeway"])),
    "format": lambda a: _check_printf("format", str(a["value"]), a["kwargs"] or a["args"]),
    "replace": _check_filter_replace,
    "join": _check_filter_join,
    "batch": lambda a: _check_width("batch", a["linecount"], "{} items in a row"),
    "slice": lambda a: _check_width("slice", a["slices"], "{} columns"),
    "tojson": lambda a: _check_width("tojson", a["indent"]),
}


def _lipsum(original: Any) -> Any:
    @functools.wraps(original)
    def bounded(n: Any = 5, html: Any = True, min: Any = 20, max: Any = 100) -> Any:
        if _is_int(n) and _is_int(max):
            _check_size("lipsum()", n * max * 8)  # eight characters a word, with its space
        return original(n, html, min, max)

    return bounded


@functools.cache
def _sandbox() -> Any:
    """Return the sandbox class (made on first use: Jinja is imported only by commands that render)."""
    from jinja2 import BaseLoader
    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter

    class NoFiles(BaseLoader):  # type: ignore[misc]
        """{% include %}, {% import %} and {% extends %} would read any file the user can."""

        def get_source(self, environment: Any, template: str) -> Any:
            _refuse(
                f"the template includes, imports or extends {template!r}; a template cannot read other "
                "files: remove that {% include %}, {% import %} or {% extends %} and put the text in the template"
            )

    class BoundedJoin(CodeGenerator):  # type: ignore[misc]
        """Jinja joins `a ~ b ~ c` itself, out of reach of the sandbox's operators: ask the environment."""

        def visit_Concat(self, node: Any, frame: Any) -> None:
            # As CodeGenerator.visit_Concat, with the parts counted before they are joined.
            if frame.eval_ctx.volatile:
                join = "(markup_join if context.eval_ctx.volatile else str_join)"
            elif frame.eval_ctx.autoescape:
                join = "markup_join"
            else:
                join = "str_join"
            self.write(f"environment.bounded_join({join}, (")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    class Widths(SandboxedFormatter):  # type: ignore[misc]
        """A dry run of str.format that only reads each field's format spec ("{:>1500000000}")."""

        def format_field(self, value: Any, format_spec: str) -> str:
            for number in _DIGITS.findall(format_spec):
                _check_number("format()", number)
            # A field's text may be the width of another ("{:>{}}"): numbers and texts are given back.
            return value if isinstance(value, str) else str(value) if _is_int(value) else ""

    class Bounded(SandboxedEnvironment):  # type: ignore[misc]
        """A sandbox that also refuses expressions making gigabytes ("x" * 10**9, 9**9**9,
        'x'.ljust(10**9), a ~ a ~ a …) and counts what the template writes."""

        intercepted_binops = frozenset({"*", "**", "+", "%"})
        code_generator_class = BoundedJoin

        def __init__(self, **options: Any) -> None:
            super().__init__(finalize=self.count_output, loader=NoFiles(), **options)
            self.written = 0

        def count_output(self, value: Any) -> Any:
            # Every {{ … }} passes here: a loop printing a long text ten thousand times stops.
            self.written += _text_size(value, MAX_TEMPLATE_TEXT - self.written)
            _check_size("the template's expressions together", self.written)
            return value

        def bounded_join(self, join: Any, parts: tuple[Any, ...]) -> Any:
            size = 0
            for part in parts:
                size += _text_size(part, MAX_TEMPLATE_TEXT - size)
            _check_size("joining text with ~", size)
            return join(parts)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
            counts = [v for v in (left, right) if _is_int(v)]
            too_big = (
                (operator == "*" and sizes and counts and sizes[0] * max(counts) > MAX_TEMPLATE_TEXT)
                or (operator == "+" and sum(sizes) > MAX_TEMPLATE_TEXT)
                or (operator == "**" and len(counts) == 2 and abs(right) > 64)
            )
            if too_big:
                _refuse("the template makes a value too large to be a document's text")
            if len(counts) == 2 and operator in ("*", "**"):
                bits = left.bit_length() + right.bit_length() if operator == "*" else left.bit_length() * abs(right)
                if bits > MAX_INT_BITS:
                    _refuse(
                        f"the template makes a number of more than {MAX_INT_BITS * 3 // 10:,} digits, too large "
                        "to be a document's text"
                    )
            if operator == "%" and isinstance(left, str):
                _check_printf("the % operator", left, right)
            return super().call_binop(context, operator, left, right)

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            owner = getattr(obj, "__self__", None)
            if isinstance(owner, str | bytes | bytearray):
                args, kwargs = _check_text_method(owner, getattr(obj, "__name__", ""), args, kwargs)
            elif isinstance(owner, list) and getattr(obj, "__name__", "") in ("append", "extend", "insert"):
                args = _check_list_growth(owner, obj.__name__, args)
            return super().call(context, obj, *args, **kwargs)

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            text, by_name = value.__self__, value.__name__ == "format_map"

            def checked(*args: Any, **kwargs: Any) -> Any:
                if not by_name:
                    Widths(self).vformat(text, args, kwargs)
                elif len(args) == 1 and not kwargs:
                    Widths(self).vformat(text, (), args[0])
                return wrapped(*args, **kwargs)

            return functools.update_wrapper(checked, value)

    return Bounded


def _environment() -> Any:
    from jinja2 import StrictUndefined

    # Templates come from the workspace: the sandbox keeps them from reaching Python objects.
    environment = _sandbox()(undefined=StrictUndefined, autoescape=True)
    for name, check in FILTER_CHECKS.items():
        environment.filters[name] = _bounded_filter(environment.filters[name], check)
    environment.globals["lipsum"] = _lipsum(environment.globals["lipsum"])
    return environment


@contextlib.contextmanager
def _render_limits() -> Iterator[None]:
    """Stop a render after RENDER_SECONDS, or when it takes RENDER_MEMORY more, where the system allows."""
    with _memory_ceiling(RENDER_MEMORY), _time_limit(RENDER_SECONDS):
        yield


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    # SIGALRM reaches only the main thread, and only on POSIX; an alarm already set is someone else's.
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return

    def overtime(signum: int, frame: Any) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_ceiling(extra: int) -> Iterator[None]:
    """Let the process's data grow by at most `extra` bytes (Linux: RLIMIT_DATA counts what malloc maps),
    so that a runaway template meets a MemoryError instead of the machine's swap."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        with open("/proc/self/status", encoding="ascii") as status:
            used = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmData:"))
    except (ImportError, OSError, StopIteration, ValueError):
        yield
        return
    ceiling = used + extra
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield
        return
    resource.setrlimit(resource.RLIMIT_DATA, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


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
    RENDER_SECONDS and RENDER_MEMORY.
    """
    DocxTemplate = _import_docxtpl()
    try:
        with _render_limits():
            document = _fill_in(DocxTemplate, template, context, body, shown)
    except _Overtime as exc:
        raise TemplateError(
            f"{shown}: filling in the template took more than {RENDER_SECONDS} s and was stopped; a loop in it runs "
            "too long (such as a {% for %} inside another over a long range()): shorten or remove it"
        ) from exc
    except MemoryError as exc:
        raise TemplateError(
            f"{shown}: filling in the template needed more than {RENDER_MEMORY // 2**20:,} MB of memory and was "
            "stopped; it makes text too large to be a document's text: remove the expression that repeats or "
            "pads text, or the loop that adds to it"
        ) from exc
    if body is not None:
        insert_body(document.docx, body)
    return document


def _fill_in(docx_template: Any, template: Path, context: dict[str, Any], body: Path | None, shown: str) -> Any:
    try:
        document = docx_template(str(template))
        wanted = document.get_undeclared_template_variables(_environment())
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
        document.render(data, jinja_env=_environment(), autoescape=True)
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
