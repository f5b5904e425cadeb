"""The sandbox templates are filled in: Jinja's, bounded in what an expression may make,
in time and in memory.

Longer than a module usually is: each method and filter that can pad or repeat text needs its
own bound, and they only make sense read together.

Templates come from the workspace: the sandbox keeps them from Python's objects, the bounds
from making gigabytes of text, the time limit from loops that never end.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import itertools
import re
import signal
import threading
from collections.abc import Iterator
from typing import Any, NoReturn

from selfassess.messages import t

MAX_TEMPLATE_TEXT = 10_000_000  # characters one expression of a template may make
MAX_WIDTH = 10_000  # a width, padding or count a template asks of a method or filter
MAX_INT_BITS = 10_000  # about 3,000 digits; Python refuses to print more than 4,300
RENDER_SECONDS = 60  # a cover page fills in within a second; a loop of loops never ends
RENDER_MEMORY = 1536 * 1024 * 1024  # bytes a render may take beyond what the process holds


class Overtime(BaseException):
    """Raised by the alarm: a BaseException, so no `except Exception` in Jinja or docxtpl swallows it."""


def _refuse(message: str) -> NoReturn:
    from jinja2.exceptions import SecurityError

    raise SecurityError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_width(what: str, width: Any, asked: str = "a width of {} characters") -> None:
    if _is_int(width) and abs(width) > MAX_WIDTH:
        _refuse(
            t(
                "{what} asks for {format}, too large to be a document's text (at most {MAX_WIDTH:,}): "
                "use a smaller number",
                what=what,
                format=asked.format(f"{width:,}"),
                MAX_WIDTH=MAX_WIDTH,
            )
        )


def _check_size(what: str, size: int) -> None:
    if size > MAX_TEMPLATE_TEXT:
        _refuse(
            t(
                "{what} would make {size:,} characters, too large to be a document's text (at most "
                "{MAX_TEMPLATE_TEXT:,}): remove it or make the text shorter",
                what=what,
                size=size,
                MAX_TEMPLATE_TEXT=MAX_TEMPLATE_TEXT,
            )
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
            t(
                "{what} asks for a width of {digits} characters, too large to be a document's text (at "
                "most {MAX_WIDTH:,}): use a smaller number",
                what=what,
                digits=digits[:20],
                MAX_WIDTH=MAX_WIDTH,
            )
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
        _refuse(
            t(
                "{name}() makes a list of {grown:,} items, too large to be a document's text: remove it",
                name=name,
                grown=grown,
            )
        )
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
                t(
                    "the template includes, imports or extends {template!r}; a template cannot read other "
                    "files: remove that {{% include %}}, {{% import %}} or {{% extends %}} and put the text "
                    "in the template",
                    template=template,
                )
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
                _refuse(t("the template makes a value too large to be a document's text"))
            if len(counts) == 2 and operator in ("*", "**"):
                bits = left.bit_length() + right.bit_length() if operator == "*" else left.bit_length() * abs(right)
                if bits > MAX_INT_BITS:
                    _refuse(
                        t(
                            "the template makes a number of more than {value:,} digits, too large to be a document's "
                            "text",
                            value=MAX_INT_BITS * 3 // 10,
                        )
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


def environment() -> Any:
    from jinja2 import StrictUndefined

    # Templates come from the workspace: the sandbox keeps them from reaching Python objects.
    environment = _sandbox()(undefined=StrictUndefined, autoescape=True)
    for name, check in FILTER_CHECKS.items():
        environment.filters[name] = _bounded_filter(environment.filters[name], check)
    environment.globals["lipsum"] = _lipsum(environment.globals["lipsum"])
    return environment


@contextlib.contextmanager
def render_limits() -> Iterator[None]:
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
        raise Overtime

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
