"""`cs-coach check`: findings in text, JSON, SARIF or GitHub annotations; exit 1 when one reaches --fail-on."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from ..baseline import Baseline, baseline_key
from ..inputs import Options
from ..models import SEVERITY_RANK, Report
from ..render import Checked, RuleInfo
from ..render.text import MAX_FINDINGS, render_text, summary
from ..scoring import score
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
    describe_settings,
    fail,
    fail_threshold,
    open_inputs,
    output_file,
    stdin_is_terminal,
    usage_errors,
)
from .progress import checked

FORMATS = ("text", "json", "sarif", "github")


def check(
    paths: Paths = None,
    text: Texts = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json, sarif or github.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the output to this file.")] = None,
    fail_on: Annotated[
        str | None, typer.Option(help="Exit 1 on findings at or above: error, warning, info, none.")
    ] = None,
    column: ColumnOpt = None,
    id_column: IdColumnOpt = None,
    ignore_column: IgnoreColumnOpt = None,
    encoding: EncodingOpt = "utf-8",
    config_path: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    pack: PackOpt = None,
    quiet: QuietOpt = False,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", help="Longest reply to read (default 20,000, or max-chars).")
    ] = None,
    max_findings: Annotated[
        int, typer.Option("--max-findings", help="Findings shown per reply in text output; the rest are counted.")
    ] = MAX_FINDINGS,
    show_settings: Annotated[
        bool, typer.Option("--show-settings", help="Print the settings file, settings and packs used, and exit.")
    ] = False,
    baseline_path: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report and fail only on findings that this baseline file does not list."),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write every current finding into --baseline, then exit 0.")
    ] = False,
) -> None:
    """Check replies in files, folders, stdin or --text; exit 1 when a finding reaches --fail-on.

    With no path and no --text, replies are read from stdin when it is piped, else the current folder is checked.
    """
    if not paths and not text and stdin_is_terminal():
        paths = ["."]  # like ruff: nothing piped in, so check the folder we are in
    with usage_errors():
        if update_baseline and baseline_path is None:
            raise UsageError("--update-baseline needs --baseline FILE (where to write it)")
        if output_format not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)} (got {output_format!r})")
        if max_findings < 1:
            raise UsageError(f"--max-findings must be at least 1 (got {max_findings})")
        if show_settings:
            typer.echo(describe_settings(config_path, paths or [], select, ignore, pack))
            raise typer.Exit(EXIT_CLEAN)
        inputs = open_inputs(paths or [], text or [], Options(column, id_column, ignore_column, encoding),
                             config_path, select, ignore, pack, max_chars)
        threshold = fail_threshold(fail_on, inputs.config)
    coach, catalogue, docs, known = inputs.coach, inputs.catalogue, inputs.docs, inputs.known
    stats = {"replies": 0, "flagged": 0, "findings": 0, "worst": -1}

    def counted(results: Iterable[Checked]) -> Iterator[Checked]:
        for record, report in results:
            stats["replies"] += 1
            stats["flagged"] += bool(report.findings)
            stats["findings"] += len(report.findings)
            for f in report.findings:
                stats["worst"] = max(stats["worst"], SEVERITY_RANK[f.severity])
            yield record, report

    if update_baseline:
        assert baseline_path is not None
        with usage_errors():
            written = write_baseline(baseline_path, (report for _, report in checked(coach, docs, known, quiet)))
        typer.echo(f"wrote {baseline_path}: {written.total} findings in {len(written.entries)} replies", err=True)
        raise typer.Exit(EXIT_CLEAN)
    with usage_errors():
        baseline = Baseline.load(baseline_path) if baseline_path is not None else None
    baselined: set[tuple] = set()
    results = counted(_apply_baseline(checked(coach, docs, known, quiet), baseline, output_format, baselined))
    with usage_errors(), output_file(output) as out:
        try:
            colour = out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            for chunk in _render(
                output_format, results, catalogue, colour, baselined if baseline else None, max_findings
            ):
                typer.echo(chunk, file=out)
        except BrokenPipeError:  # `cs-coach check … | head`: the reader left; stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError as exc:
            raise fail(f"{output or 'stdout'}: cannot write: {exc.strerror}") from exc
    if not quiet:
        note = f" ({len(baselined)} more in the baseline)" if baseline and baselined else ""
        typer.echo(summary(stats["replies"], stats["findings"], stats["flagged"]) + note, err=True)
    raise typer.Exit(EXIT_FINDINGS if stats["worst"] >= threshold else EXIT_CLEAN)


def write_baseline(path: Path, reports: Iterable[Report]) -> Baseline:
    baseline = Baseline.from_reports(reports)
    baseline.save(path)
    return baseline


def _apply_baseline(
    results: Iterable[Checked], baseline: Baseline | None, fmt: str, baselined: set[tuple]
) -> Iterator[Checked]:
    """Only new findings count. SARIF keeps the known ones, marked `baselineState: unchanged`; the other
    formats drop them (their keys are collected in `baselined` for the summary)."""
    for record, report in results:
        if baseline is None or not report.findings:
            yield record, report
            continue
        new, known = baseline.split(report)
        baselined.update(baseline_key(record.source, record.id, f) for f in known)
        if fmt == "sarif" or not known:
            yield record, report
        else:
            yield record, report.model_copy(update={"findings": new, "scores": score(new)})


def _render(
    fmt: str, results: Iterable[Checked], catalogue: dict[str, RuleInfo], colour: bool, baselined: set[tuple] | None,
    max_findings: int = MAX_FINDINGS,
) -> Iterator[str]:
    """Output chunks in the chosen format; text and GitHub stream, JSON and SARIF come as one document."""
    from ..render.machine import render_github, render_json, render_sarif

    if fmt == "text":
        yield from render_text(results, colour=colour, max_findings=max_findings)
    elif fmt == "github":
        yield from render_github(results)
    elif fmt == "json":
        yield render_json(results)
    else:
        yield render_sarif(results, catalogue, baselined=baselined)
