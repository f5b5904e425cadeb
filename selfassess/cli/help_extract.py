"""A Babel extractor for the command line: marked messages, and the commands' docstrings.

click shows a command's docstring as its --help text; Babel's Python extractor does not read
docstrings, so this one adds the docstring of every function decorated as a click command or
group, cleaned as click shows it (cli/app.py translates it by that text). Named in babel.cfg.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from typing import IO, Any

from babel.messages.extract import extract_python


def extract(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Iterator[Any]:
    """Yield Babel's (line, function, message, comments) for marked calls and command docstrings."""
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(_is_command(d) for d in node.decorator_list):
            text = ast.get_docstring(node, clean=False)
            if text:
                yield node.body[0].lineno, "N_", inspect.cleandoc(text), []


def _is_command(decorator: ast.expr) -> bool:
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = call.attr if isinstance(call, ast.Attribute) else call.id if isinstance(call, ast.Name) else ""
    return name in ("command", "group")
