"""Commands for trainers and the service: `exercises`, `grade` and `serve`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import CATEGORIES, Coach
from ..inputs import Options, gather
from .common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    ColumnOpt,
    ConfigOpt,
    Paths,
    UsageError,
    check_output_path,
    fail,
    load_settings,
    split_commas,
    usage_errors,
    warn,
    write_output,
)


def exercises(
    paths: Paths = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the worksheet here (default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md or html.")] = "md",
    category: Annotated[list[str] | None, typer.Option(help="Only exercises for these categories.")] = None,
    limit: Annotated[int, typer.Option(help="Most exercises taken from replies.")] = 20,
    column: ColumnOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """A worksheet with an answer key: from the rules' own examples, or from the worst of your replies."""
    from ..render.worksheet import render_worksheet
    from ..trainer import exercises_from_replies, exercises_from_rules

    if fmt not in ("md", "html"):
        raise fail(f"--format must be md or html (got {fmt!r})")
    with usage_errors():
        categories = split_commas(category)
        unknown = [c for c in categories if c not in CATEGORIES]
        if unknown:
            raise UsageError(f"unknown category {unknown[0]!r}; categories: {', '.join(CATEGORIES)}")
        if out is not None:
            check_output_path(out)
        coach = Coach(config=load_settings(config_path, paths or [], categories or None, None, None))
        if paths:
            docs = gather(paths, [], Options(column=column), warn)
            items = exercises_from_replies(coach, (r.text for d in docs for r in d.records), limit=limit)
        else:
            items = exercises_from_rules(coach, categories or None)
        page = render_worksheet(items, fmt=fmt)  # type: ignore[arg-type]
        if out is None:
            typer.echo(page, nl=False)
        else:
            write_output(out, page)
            typer.echo(f"wrote {out} ({len(items)} exercises)", err=True)


def grade(
    original: Annotated[str, typer.Argument(help="The reply as it was.")],
    rewrite: Annotated[str, typer.Argument(help="The trainee's rewrite.")],
    rule: Annotated[list[str] | None, typer.Option(help="The rules the exercise targets (default: all found).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the grade as JSON.")] = False,
) -> None:
    """Grade a rewrite: problem gone, nothing new, speech level and content kept. Exit 1 when it fails."""
    from ..trainer import grade as grade_rewrite

    with usage_errors():
        result = grade_rewrite(Coach(), original, rewrite, split_commas(rule) or None)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        for item in result.items:
            typer.echo(f"{'✓' if item.ok else '✗'} {item.check}: {item.feedback}")
        typer.echo(f"점수 {result.score}/100 · {'통과' if result.passed else '다시 고쳐 보세요'}")
    raise typer.Exit(EXIT_CLEAN if result.passed else EXIT_FINDINGS)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Run the HTTP service and playground (needs the server extra: pip install cs-coach\\[server])."""
    try:
        from ..server.app import serve as run_server
    except ImportError as exc:
        raise fail(f"the HTTP service needs its extra: pip install \"cs-coach[server]\" ({exc.name} missing)") from exc
    run_server(host=host, port=port)
