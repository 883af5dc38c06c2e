"""`cs-coach fix`: apply rewrites and print the fixed text, a unified diff (--diff) or write files (--write)."""

from __future__ import annotations

import difflib
from typing import Annotated

import typer

from .. import Coach
from ..inputs import IGNORE_ALL, Document, Options, write_atomic
from .common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    ColumnOpt,
    ConfigOpt,
    EncodingOpt,
    IdColumnOpt,
    IgnoreColumnOpt,
    IgnoreOpt,
    PackOpt,
    Paths,
    QuietOpt,
    SelectOpt,
    Texts,
    UsageError,
    open_inputs,
    stdin_is_terminal,
    usage_errors,
    warn,
)
from .progress import Progress


def fix(
    paths: Paths = None,
    text: Texts = None,
    unsafe: Annotated[bool, typer.Option("--unsafe", help="Also apply rewrites that change the meaning.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff; exit 1 when there is something to fix.")]
    = False,
    write: Annotated[bool, typer.Option("--write", "-w", help="Rewrite the files in place (atomically).")] = False,
    column: ColumnOpt = None,
    id_column: IdColumnOpt = None,
    ignore_column: IgnoreColumnOpt = None,
    encoding: EncodingOpt = "utf-8",
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
    slot_values: Annotated[list[str] | None, typer.Option(
        "--input", metavar="NAME=TEXT",
        help="Fill a rewrite's slot, e.g. --input 대안='같은 가격의 다른 색상으로 교환' (repeatable; with --unsafe)."
    )] = None,
) -> None:
    """Apply safe rewrites: print the fixed text (default), a diff (--diff), or rewrite files (--write).

    Rewrites with slots ({대안}, {이유}, {N}) are applied only with --unsafe and an --input for each slot;
    the others are listed as waiting for input. Fix never writes a slot into the text.
    """
    with usage_errors():
        if diff and write:
            raise UsageError("give --diff or --write, not both")
        if not paths and not text and stdin_is_terminal():
            raise UsageError("give files or folders to fix (or pipe replies in); see 'cs-coach fix --help'")
        values = parse_inputs(slot_values or [])
        inputs = open_inputs(paths or [], text or [], Options(column, id_column, ignore_column, encoding),
                             config_path, select, ignore, pack)
    config, coach, docs, known = inputs.config, inputs.coach, inputs.docs, inputs.known
    coaches: dict[frozenset[str], Coach | None] = {frozenset(): coach}

    def coach_for(names: frozenset[str]) -> Coach | None:
        """The Coach for a reply that ignores some rules; None when it ignores them all."""
        if names not in coaches:
            coaches[names] = (
                None if names & IGNORE_ALL else Coach(config=config.model_copy(update={"ignore": [
                    *config.ignore, *sorted(names & known)]}))
            )
        return coaches[names]

    outputs: list[tuple[Document, str]] = []
    applied = remaining = 0
    waiting: dict[str, str] = {}
    total = sum(len(d.records) for d in docs)
    with usage_errors(), Progress(total, "fixing", quiet) as progress:
        for doc in docs:
            fixed: dict[int, str] = {}
            for record in doc.records:
                progress.advance()
                chosen = coach_for(record.ignore)
                if chosen is None:
                    continue
                result = chosen.fix(record.text, unsafe=unsafe, inputs=values)
                waiting.update((i.name, i.prompt) for f in result.remaining for s in f.suggestions for i in s.inputs
                               if i.name not in values)
                if not doc.can_write(record.index, result.text):
                    warn(f"{doc.name}:{record.line} ({record.id}): fix left out, it would change HTML markup")
                    continue
                applied += len(result.applied)
                remaining += len(result.remaining)
                fixed[record.index] = result.text
            outputs.append((doc, doc.rewrite(fixed)))
    changed = [(doc, new) for doc, new in outputs if new != doc.content]
    if diff:
        for doc, new in changed:
            name = doc.name
            typer.echo(
                "".join(
                    difflib.unified_diff(
                        _diff_lines(doc.content), _diff_lines(new), f"a/{name}", f"b/{name}"
                    )
                ),
                nl=False,
            )
    elif write:
        with usage_errors():
            for doc, new in changed:
                if doc.name.startswith("<"):
                    raise UsageError("--write needs files; stdin and --text are printed instead")
                write_atomic(doc.path, new, encoding, doc.bom)
                if not quiet:
                    typer.echo(f"fixed {doc.name}", err=True)
    else:
        for doc, new in outputs:
            if len(outputs) > 1:
                typer.echo(f"==> {doc.name} <==")
            typer.echo(new, nl=not new.endswith("\n"))
    if not quiet:
        typer.echo(f"{applied} fixes applied in {len(changed)} file(s); {remaining} findings left", err=True)
        if waiting:
            asks = ", ".join(f"{name}({prompt})" for name, prompt in sorted(waiting.items()))
            typer.echo(f"rewrites waiting for --unsafe --input NAME=TEXT: {asks}", err=True)
    raise typer.Exit(EXIT_FINDINGS if diff and changed else EXIT_CLEAN)


def parse_inputs(items: list[str]) -> dict[str, str]:
    """'대안=같은 색상으로 교환' -> {'대안': '같은 색상으로 교환'}.

    A slot's name is what the rewrite shows in braces ({대안} or 대안 both work)."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().strip("{}")
        if not sep or not name or not value.strip():
            raise UsageError(f"--input takes NAME=TEXT (for example 대안='다른 색상으로 교환'), not {item!r}")
        values[name] = value.strip()
    return values


def _diff_lines(text: str) -> list[str]:
    """Lines for difflib, with the `\\ No newline at end of file` marker patch(1) expects."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines
