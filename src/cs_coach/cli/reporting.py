"""`cs-coach report`: one self-contained HTML page about a whole reply library."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..inputs import Options
from .common import (
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
    check_output_path,
    open_inputs,
    stdin_is_terminal,
    usage_errors,
    write_output,
)
from .progress import checked


def report(
    paths: Paths = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("cs-coach-report.html"),
    title: Annotated[str, typer.Option(help="Report title.")] = "cs-coach 상담 문구 점검 보고서",
    top: Annotated[int, typer.Option(help="How many of the worst replies to show.")] = 100,
    text: Texts = None,
    column: ColumnOpt = None,
    id_column: IdColumnOpt = None,
    ignore_column: IgnoreColumnOpt = None,
    encoding: EncodingOpt = "utf-8",
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write one self-contained HTML report: totals, charts by category and rule, worst replies first."""
    from ..render.html import render_html

    with usage_errors():
        if not paths and not text and stdin_is_terminal():
            raise UsageError("give files or folders to report on (or pipe replies in); see 'cs-coach report --help'")
        check_output_path(out)
        inputs = open_inputs(paths or [], text or [], Options(column, id_column, ignore_column, encoding),
                             config_path, select, ignore, pack)
    page = render_html(checked(inputs.coach, inputs.docs, inputs.known, quiet), inputs.catalogue, title=title, top=top)
    with usage_errors():
        write_output(out, page)
    if not quiet:
        typer.echo(f"wrote {out}", err=True)
