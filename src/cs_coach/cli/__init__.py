"""Command line: argument parsing, files and exit codes. Checking and fixing go through the public API.

Exit codes: 0 clean, 1 findings at or above --fail-on (or, for `fix --diff`, changes to make; for
`pack test`, failing examples), 2 usage or input errors (printed as one clear message, never a traceback).

Modules: `common` (apps, exit codes, errors, shared options, settings), `progress` (checking with a progress
bar), one module per command group: `checking`, `fixing`, `reporting`, `authoring`, `training`, `spark`.
"""

from __future__ import annotations

import os  # noqa: F401  (kept as `cli.os`: tests patch `cli.os.replace` to make a write fail)

from .authoring import explain, pack_test, rules, tokens
from .checking import check
from .common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, UsageError, app, pack_app
from .fixing import fix
from .progress import PROGRESS_MIN
from .reporting import report
from .spark import spark
from .training import exercises, grade, serve

# Registered here rather than by decorators so that `cs-coach --help` lists them in this order.
for _command in (check, fix, report, rules, explain, tokens, exercises, grade, serve, spark):
    app.command()(_command)
pack_app.command("test")(pack_test)

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE", "PROGRESS_MIN", "UsageError", "app", "main"]


def main() -> None:
    app()
