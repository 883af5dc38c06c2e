"""Rendering reports for people and machines. The only package that imports jinja2.

Every renderer takes `Checked` pairs (the record a reply came from, and its Report) plus, where rule metadata
is shown, a catalogue of `RuleInfo`. Line and column are computed here, at the edge, from str offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..inputs import Record
from ..models import Finding, Report

Checked = tuple[Record, Report]


@dataclass(frozen=True)
class RuleInfo:
    """What renderers need to know about a rule (SARIF rule metadata, explain, report legends)."""

    id: str
    pack: str
    category: str
    severity: str
    kind: str
    message: str
    why: str


def rule_catalogue(rules: Iterable[object]) -> dict[str, RuleInfo]:
    """RuleInfo by id from a RuleSet's compiled rules (anything with `.rule` and `.pack`)."""
    out: dict[str, RuleInfo] = {}
    for compiled in rules:
        rule = compiled.rule  # type: ignore[attr-defined]
        out[rule.id] = RuleInfo(
            rule.id, compiled.pack, rule.category, rule.severity, rule.kind, rule.message, rule.why  # type: ignore[attr-defined]
        )
    return out


@dataclass(frozen=True)
class Region:
    """1-based file position of a finding; end_column is exclusive (one past the last character)."""

    line: int
    column: int
    end_line: int
    end_column: int
    exact: bool


def region(record: Record, finding: Finding) -> Region:
    line, column = record.position(finding.start)
    end_line, end_column = record.position(finding.end)
    return Region(line, column, end_line, end_column, record.exact)


def suggestion_preview(report: Report, finding: Finding) -> list[str]:
    """Each suggestion as the flagged words would read after it ('커피 나왔습니다'), not a bare fragment."""
    out = []
    for s in finding.suggestions:
        start, end = min(finding.start, s.start), max(finding.end, s.end)
        if end - start <= 80:
            out.append(report.text[start : s.start] + s.replacement + report.text[s.end : end])
        else:
            out.append(s.replacement.strip())
    return out
