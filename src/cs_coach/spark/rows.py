"""Reports as table rows: the pure-Python half of the Spark jobs, testable without Spark.

Each function takes one pandas batch (id columns + the text column) and returns the output batch. Cells
that are not text give a row whose `error` says why; they never fail the job. Texts go through
`check_many` in one call per batch, so Kiwi's worker threads see the whole batch.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any

from ..engine import Coach
from ..models import CATEGORIES, Finding, Report

FINDING_FIELDS = (
    "rule_id", "also", "category", "severity", "start", "end", "text", "message",
    "suggestion", "applicability", "act", "error",
)
SCORE_FIELDS = (
    "overall", *(f"score_{name}" for name in CATEGORIES), "speech_level", "errors", "warnings", "infos", "error",
)


def cell_problem(value: Any) -> str | None:
    """Why a cell cannot be checked, or None for text."""
    if isinstance(value, str):
        return None
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return "empty cell (null)"
    return f"not text: {type(value).__name__}"


def reports(coach: Coach, cells: Sequence[Any]) -> Iterator[tuple[Report | None, str | None]]:
    """(report, None) for each text cell, (None, why) for the others, in order."""
    texts = [cell for cell in cells if cell_problem(cell) is None]
    checked = coach.check_many(texts)
    for cell in cells:
        problem = cell_problem(cell)
        if problem is not None:
            yield None, problem
            continue
        report = next(checked)
        yield (report, report.error) if report.error else (report, None)


def finding_rows(coach: Coach, ids: Sequence[tuple], cells: Sequence[Any], unsafe: bool) -> Iterator[tuple]:
    """(id values…, finding fields…) per finding; one error row per cell that could not be checked."""
    blank = (None,) * (len(FINDING_FIELDS) - 1)
    for row_ids, (report, problem) in zip(ids, reports(coach, cells), strict=True):
        if report is None or problem is not None:
            yield (*row_ids, *blank, problem)
            continue
        acts = _act_lookup(report)
        for finding in report.findings:
            yield (*row_ids, *_finding_values(finding, acts(finding.start), unsafe), None)


def score_rows(coach: Coach, ids: Sequence[tuple], cells: Sequence[Any]) -> Iterator[tuple]:
    """(id values…, overall, score per category…, speech_level, counts by severity, error) per cell."""
    blank = (None,) * (len(SCORE_FIELDS) - 1)
    for row_ids, (report, problem) in zip(ids, reports(coach, cells), strict=True):
        if report is None or problem is not None:
            yield (*row_ids, *blank, problem)
            continue
        severities = [f.severity for f in report.findings]
        yield (
            *row_ids,
            report.scores.overall,
            *(report.scores.categories.get(name) for name in CATEGORIES),
            report.speech_level,
            severities.count("error"),
            severities.count("warning"),
            severities.count("info"),
            None,
        )


def fixed_texts(coach: Coach, cells: Sequence[Any], unsafe: bool) -> Iterator[tuple[str | None, str | None]]:
    """(fixed text, None) per text cell; (None, why) for cells that are not text or cannot be checked."""
    for cell in cells:
        problem = cell_problem(cell)
        if problem is not None:
            yield None, problem
            continue
        try:
            yield coach.fix(cell, unsafe=unsafe).text, None
        except ValueError as exc:  # text the analyzer refuses (too long, invalid code points)
            yield None, str(exc)


def _finding_values(finding: Finding, act: str | None, unsafe: bool) -> tuple:
    offered = [s for s in finding.suggestions if unsafe or s.applicability == "safe"]
    first = offered[0] if offered else None
    return (
        finding.rule_id,
        list(finding.also),
        finding.category,
        finding.severity,
        finding.start,
        finding.end,
        finding.text,
        finding.message,
        first.replacement if first else None,
        first.applicability if first else None,
        act,
    )


def _act_lookup(report: Report):
    starts = [s.start for s in report.sentences]

    def act(offset: int) -> str | None:
        index = bisect_right(starts, offset) - 1
        return report.sentences[index].act if index >= 0 else None

    return act
