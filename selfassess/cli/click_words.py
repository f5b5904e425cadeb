"""click's own words that an analyst sees (Usage, Options, its errors), listed for Babel.

click looks them up by their English text through gettext's current domain, which the
command line points at selfassess's catalogue (cli/app.py, speak): listing them here puts
them in that catalogue. The function is never called; only the extractor reads it.
"""

from __future__ import annotations

from selfassess.messages import N_, tn


def _listed_for_translation() -> None:  # pragma: no cover - read by pybabel, never run
    N_("Usage:")
    N_("Options")
    N_("Commands")
    N_("Show this message and exit.")
    N_("Show the version and exit.")
    N_("%(prog)s, version %(version)s")
    N_("Error: {message}")
    N_("Try '{command} {option}' for help.")
    N_("Invalid value for {param_hint}: {message}")
    N_("Invalid value: {message}")
    N_("Missing argument")
    N_("Missing option")
    N_("Missing parameter: {param_name}")
    N_("No such option {name!r}.")
    N_("No such command {name!r}.")
    N_("Aborted!")
    N_("Missing command.")
    N_("{name} {filename!r} does not exist.")
    N_("{name} {filename!r} is a file.")
    N_("{name} {filename!r} is a directory.")
    N_("file")
    N_("directory")
    N_("path")
    N_("default: {default}")
    N_("{value!r} is not a valid {number_type}.")
    N_("{value} is not in the range {range}.")
    tn("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
    tn("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1)
    tn("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1)
    tn("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)
    tn("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}.", 1)
