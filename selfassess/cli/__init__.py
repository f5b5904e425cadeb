"""The `selfassess` command line: thin wrappers over the library; the only package that prints."""

from selfassess.cli import build, catalogue, check, data, doc, init, requests
from selfassess.cli.app import entry, main

main.add_command(check.check)
main.add_command(init.init)
main.add_command(catalogue.catalogue)
main.add_command(doc.doc)
main.add_command(build.build_command, "build")
main.add_command(build.verify)
main.add_command(data.indicators_command, "indicators")
main.add_command(data.surveys_command, "surveys")
main.add_command(data.monitoring_command, "monitoring")
main.add_command(requests.requests_command, "requests")

__all__ = ["entry", "main"]
