"""Command line: argument parsing and exit codes only. Everything else goes through the public API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import Coach, PackError, UnknownNameError
from .inputs import InputError, Record, paragraphs, read_path
from .models import SEVERITY_RANK
from .render.text import render_text

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Coach Korean customer-service replies.")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> typer.Exit:
    typer.echo(f"cs-coach: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders; '-' reads stdin.")] = None,
    text: Annotated[list[str] | None, typer.Option("--text", "-t", help="Check this reply text.")] = None,
    fail_on: Annotated[str, typer.Option(help="Exit 1 on findings at or above: error, warning, info.")] = "warning",
) -> None:
    """Check replies and print findings; exit 1 when any reaches --fail-on."""
    if fail_on not in SEVERITY_RANK:
        raise _fail(f"--fail-on must be one of error, warning, info (got {fail_on!r})")
    records: list[Record] = [Record(t, "<text>", 1, f"text#{i + 1}") for i, t in enumerate(text or [])]
    try:
        for name in paths or ([] if text else ["-"]):
            if name == "-":
                records.extend(paragraphs(sys.stdin.read(), "<stdin>"))
            else:
                records.extend(read_path(Path(name)))
        coach = Coach()
    except (InputError, PackError, UnknownNameError) as exc:
        raise _fail(str(exc)) from exc
    reports = list(coach.check_many(r.text for r in records))
    for line in render_text(zip(records, reports, strict=True), colour=sys.stdout.isatty()):
        typer.echo(line)
    count = sum(len(r.findings) for r in reports)
    typer.echo(f"{len(records)} replies, {count} findings", err=True)
    worst = max((SEVERITY_RANK[f.severity] for r in reports for f in r.findings), default=-1)
    raise typer.Exit(EXIT_FINDINGS if worst >= SEVERITY_RANK[fail_on] else EXIT_CLEAN)


@app.callback()
def _root() -> None:
    """cs-coach: find wording that hurts the customer experience, and rewrite it."""


def main() -> None:
    app()
