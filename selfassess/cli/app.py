"""The `selfassess` command group, its error handling, and what every command shares."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from selfassess import __version__
from selfassess.messages import N_, t

if TYPE_CHECKING:
    from selfassess.errors import Finding
    from selfassess.models import Workspace

FORMATS = ("text", "json", "csv", "md")
FAIL_LEVELS = ("missing", "partial", "stale", "expiring", "none")


class _Date(click.DateTime):
    """A date as offices type it (12.03.2026) or ISO (2026-03-12), refused in words, not strftime codes."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(t("'{value}' is not a date: write it as 12.03.2026 or 2026-03-12", value=value), param, ctx)

    def get_metavar(self, *args: Any, **kwargs: Any) -> str:  # click 8.1 and 8.2 differ in the arguments
        return "DD.MM.YYYY"


DATE = _Date(["%Y-%m-%d", "%d.%m.%Y"])


class _Group(click.Group):
    """Speaks the analyst's language; turns anything that is not our own error into a short
    'internal error' message."""

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        previous = os.environ.get("LANGUAGE")
        speak(_workspace_argument(arguments))
        try:
            return super().main(arguments, *more, **options)
        finally:
            if previous is None:
                os.environ.pop("LANGUAGE", None)
            else:
                os.environ["LANGUAGE"] = previous

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            ctx.exit(1)  # the reader stopped reading (`… | head`): nothing to tell it
        except OSError as exc:
            if ctx.params.get("debug"):
                raise
            # The machine, not selfassess: a read-only folder, a full disk, a file in the way.
            click.echo(t("error: {problem}", problem=_os_problem(exc)), err=True)
            ctx.exit(1)
        except MemoryError:
            if ctx.params.get("debug"):
                raise
            click.echo(
                t(
                    "error: the computer ran out of memory; close other programs, or look for an unusually "
                    "large input (a sheet reaching row 1,000,000, a narrative of many megabytes)"
                ),
                err=True,
            )
            ctx.exit(1)
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(
                t(
                    "internal error: {error}\nThis is a bug in selfassess, not in your files. Run the same command "
                    "with --debug after 'selfassess' to see the details, and report them.",
                    error=type(exc).__name__ + ": " + str(exc),
                ),
                err=True,
            )
            ctx.exit(3)


def _workspace_argument(arguments: list[str]) -> Path:
    """Return the folder -C/--workspace names in the command line, else the current folder."""
    for index, argument in enumerate(arguments):
        if argument in ("-C", "--workspace") and index + 1 < len(arguments):
            return Path(arguments[index + 1])
        if argument.startswith("--workspace="):
            return Path(argument.split("=", 1)[1])
        if argument.startswith("-C") and len(argument) > 2:
            return Path(argument[2:])
    return Path.cwd()


def speak(workspace: Path) -> str:
    """Choose the language of everything printed from now on; return it.

    click's own words (Usage, Options, its errors) come from gettext's current domain in the
    language of the LANGUAGE variable: both are pointed at selfassess's catalogue.
    """
    import gettext

    from selfassess import messages

    lang = messages.choose(messages.peek_settings(workspace))
    messages.use(lang)
    gettext.bindtextdomain(messages.DOMAIN, str(messages.LOCALE_DIR))
    gettext.textdomain(messages.DOMAIN)
    os.environ["LANGUAGE"] = lang
    _localise_help(main)
    return lang


def _localise_help(command: click.Command) -> None:
    """Put every command's and option's help text in the current language.

    The texts are declared in English (N_); the English is kept on the object, so a second
    run in another language (tests, a long-lived process) translates from it again.
    """
    from selfassess.messages import t

    # click makes the --help option once, with its text in the language of that moment.
    if hasattr(command, "_help_option"):
        command._help_option = None
    originals = command.__dict__.setdefault("_english", {})
    for name in ("help", "short_help", "epilog"):
        english = originals.setdefault(name, getattr(command, name, None))
        if english:
            # Catalogued as click shows it: the docstring without its indentation.
            setattr(command, name, t(inspect.cleandoc(english)))
    for param in command.params:
        english = param.__dict__.setdefault("_english", getattr(param, "help", None))
        if english:
            param.help = t(english)  # type: ignore[attr-defined]
        if isinstance(param.type, click.Path):
            # click names the kind of path ("file") when the command is made, in English then:
            # its "File 'x.xlsx' does not exist" would come half translated.
            kind = param.type.__dict__.setdefault("_english_name", param.type.name)
            param.type.name = t(kind)
    for sub in getattr(command, "commands", {}).values():
        _localise_help(sub)


def _os_problem(exc: OSError) -> str:
    """Return an operating-system error in plain words, with the file it concerns."""
    import errno

    name = str(exc.filename) if exc.filename else "?"
    if isinstance(exc, PermissionError):
        return t(
            "permission denied for {name}: run selfassess in a folder you may write to, or ask for write access",
            name=name,
        )
    if isinstance(exc, FileExistsError | NotADirectoryError | IsADirectoryError):
        return t(
            "{name} is in the way (a file where a folder is needed, or the other way round): move it aside", name=name
        )
    if exc.errno == errno.ENOSPC:
        return t("the disk is full (writing {name}): free some space and run the command again", name=name)
    if exc.errno == errno.EROFS:
        return t("the disk is read-only (writing {name}): copy the workspace to a folder you may write to", name=name)
    return t("cannot use {name}: {problem}", name=name, problem=exc.strerror or exc)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="selfassess")
@click.option(
    "-C",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Workspace folder (default: the nearest folder with selfassess.yaml)."),
)
@click.option("--debug", is_flag=True, help=N_("Show the full traceback of internal errors."))
@click.pass_context
def main(ctx: click.Context, workspace: Path | None, debug: bool) -> None:
    """selfassess: prove accreditation criteria are met, with evidence, as a build.

    \b
    Examples:
      selfassess check                      coverage of every criterion
      selfassess check --format md > gaps.md
      selfassess init new-workspace         start a new workspace
    """
    ctx.obj = {"workspace": workspace}


def entry() -> None:
    """Run the CLI as the `selfassess` console script.

    After a large check, tearing down hundreds of thousands of objects takes longer than
    writing the report (0.5 s of 5 s at 100,000 items). Every output is already written and
    closed when a command returns, so the process ends without that teardown.
    """
    try:
        main.main(prog_name="selfassess")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int | None):
            print(exc.code, file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def root_of(ctx: click.Context) -> Path:
    """Return the workspace the command works on: -C, else the nearest one above the current folder.

    Every command may write (a cache, the history): its output folders are checked first.
    """
    from selfassess.errors import SelfAssessError
    from selfassess.workspace.paths import output_problem
    from selfassess.workspace.settings import find_root

    root = find_root(ctx.obj["workspace"] or Path.cwd())
    problem = output_problem(root)
    if problem:
        raise SelfAssessError(problem)
    return root


def settings_of(ctx: click.Context) -> tuple[Path, Workspace]:
    """Return the workspace root and its settings; stop with the problems when they cannot be read."""
    from selfassess.errors import InvalidWorkspace
    from selfassess.workspace.settings import load_config

    root = root_of(ctx)
    config, findings = load_config(root)
    if config is None:
        raise InvalidWorkspace(t("selfassess.yaml has errors; fix them and run the command again"), findings)
    return root, config


def remember(report: object, command: str) -> None:
    """Record the run in the workspace's history; a history that cannot be written only warns."""
    problem = _record(report, command)
    if problem:
        click.echo(problem, err=True)


def _record(report: object, command: str) -> str | None:
    """Record the run in the history; return the warning to show when it cannot be written."""
    import sqlite3

    from selfassess.tracking import history

    try:
        history.record(report.loaded.root, report, command)  # type: ignore[attr-defined]
    except (sqlite3.Error, OSError) as exc:
        return t(
            "warning: the run was not recorded in the history .selfassess/history.sqlite3 ({problem}); "
            "if this repeats, move that file aside to start a new history",
            problem=exc,
        )
    return None


def remember_meanwhile(report: object, command: str) -> Callable[[], None]:
    """Start recording the run in the history while the caller writes its output; return what
    waits for the record (and raises what went wrong in it).

    The record waits mostly on the disk (SQLite syncs its journal: 0.05–0.4 s here), while
    writing a report of 10,000 criteria keeps the processor busy as long.
    """
    import threading

    failed: list[BaseException] = []
    problems: list[str] = []

    def run() -> None:
        try:
            problems.extend(filter(None, [_record(report, command)]))
        except BaseException as exc:  # handed to the caller's thread, where the CLI's guard is
            failed.append(exc)

    worker = threading.Thread(target=run, name="history")
    worker.start()

    def wait() -> None:
        worker.join()
        for problem in problems:  # said after the output, not in the middle of it
            click.echo(problem, err=True)
        if failed:
            raise failed[0]

    return wait


def emit(text: str, output: Path | None) -> None:
    """Write `text` to `output` (atomically, saying so on stderr), or to the screen."""
    if output:
        from selfassess.atomic import write_text

        write_text(output, text)
        click.echo(t("wrote {path}", path=output), err=True)
    else:
        sys.stdout.write(text)


def show_findings(findings: list[Finding]) -> bool:
    """Print each finding on stderr; return True when any of them is an error."""
    for finding in findings:
        click.echo(str(finding), err=True)
    return any(f.severity.value == "error" for f in findings)


def written(root: Path, paths: list[Path]) -> None:
    """Print each written file from the workspace root."""
    for path in paths:
        click.echo(t("wrote {path}", path=path.relative_to(root) if path.is_relative_to(root) else path))
