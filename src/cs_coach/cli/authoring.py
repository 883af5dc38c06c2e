"""Commands for rule authors: `rules`, `explain`, `tokens` and `pack test`."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated

import typer

from .. import CATEGORIES, Coach
from .common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    ConfigOpt,
    PackOpt,
    UsageError,
    fail,
    load_settings,
    make_coach,
    usage_errors,
)


def rules(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    config_path: ConfigOpt = None,
    pack: PackOpt = None,
) -> None:
    """List the active rules: id, category, severity, pack and message."""
    with usage_errors():
        if category is not None and category not in CATEGORIES:
            raise UsageError(f"unknown category {category!r}; categories: {', '.join(CATEGORIES)}")
        _, catalogue = make_coach(load_settings(config_path, [], None, None, pack))
    shown = [r for r in catalogue.values() if category is None or r.category == category]
    width = max((len(r.id) for r in shown), default=10)
    for r in sorted(shown, key=lambda r: (r.category, r.id)):
        typer.echo(f"{r.id:<{width}}  {r.category:<11} {r.severity:<7} {r.pack:<12} {r.message}")
    typer.echo(f"{len(shown)} rules", err=True)


def explain(
    rule: Annotated[str, typer.Argument(help="A rule id, e.g. an-doeda.")],
    config_path: ConfigOpt = None,
    pack: PackOpt = None,
) -> None:
    """Show a rule: why it matters, its examples and the fixes it offers."""
    with usage_errors():
        coach = Coach(config=load_settings(config_path, [], None, None, pack))
    by_id = {c.rule.id: c for c in coach.ruleset.rules}
    if rule not in by_id:
        close = difflib.get_close_matches(rule, list(by_id), n=5, cutoff=0.5)
        hint = f"; did you mean: {', '.join(close)}" if close else "; see `cs-coach rules`"
        raise fail(f"unknown rule {rule!r}{hint}")
    compiled = by_id[rule]
    r = compiled.rule
    typer.echo(f"{r.id}  ({compiled.pack} · {r.category} · {r.severity} · {r.kind})")
    typer.echo(f"\n{re.sub(r'{[a-z_][a-z0-9_]*}', '…', r.message)}\n\n{r.why}")
    if r.suggest:
        typer.echo("\n고치는 방법:")
        for s in r.suggest:
            what = s.description or _describe(s)
            typer.echo(f"  - {what} ({'안전' if s.applicability == 'safe' else '뜻이 바뀔 수 있음'})")
    typer.echo("\n예:")
    for example in r.examples:
        if example.bad is not None:
            typer.echo(f"  ✗ {example.bad}")
            if example.fix is not None:
                typer.echo(f"    → {example.fix}")
            if example.unsafe_fix is not None:
                typer.echo(f"    → {example.unsafe_fix} (--unsafe)")
        else:
            typer.echo(f"  ✓ {example.good}")


def _describe(suggest: object) -> str:
    """A fix without its own description, named by what it does."""
    for name in ("replace", "prefix", "append"):
        value = getattr(suggest, name, None)
        if isinstance(value, str):
            return f"{name}: {value}"
        if isinstance(value, dict):
            return f"{name}: " + " / ".join(value.values())
    return "morpheme edit"


def tokens(text: Annotated[str, typer.Argument(help="Korean text to analyse.")]) -> None:
    """Print Kiwi's sentences and morphemes (form/tag@start-end): what rule patterns match against."""
    from ..analyze import analyze

    for sentence in analyze(text).sentences:
        typer.echo(f"[{sentence.start}-{sentence.end}] {sentence.level}: {text[sentence.start : sentence.end]}")
        typer.echo("  " + " ".join(f"{m.form}/{m.tag}@{m.start}-{m.end}" for m in sentence.morphs))


def pack_test(files: Annotated[list[Path], typer.Argument(help="Pack files (YAML) to test.")]) -> None:
    """Run every example embedded in the packs; print failures; exit 1 when any fails."""
    from ..examples import cases, run_case
    from ..packs import load_packs

    with usage_errors():
        for path in files:
            if not path.is_file():
                raise UsageError(f"{path}: no such pack file")
        ruleset = load_packs(files)
    names = tuple(str(p) for p in files)
    failed = total = 0
    for case in cases(ruleset):
        total += 1
        problems = run_case(case, names)
        if problems:
            failed += 1
            typer.echo(f"FAIL {case.name}: {case.text}")
            for problem in problems:
                typer.echo(f"    {problem}")
    typer.echo(f"{total} examples, {total - failed} passed, {failed} failed")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)
