"""Plain-text output for terminals: location, rule, message, the reply line with carets, the suggestion."""

from __future__ import annotations

from collections.abc import Iterable

from ..inputs import Record
from ..models import Report

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a str offset (computed only here, at the edge)."""
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return line + 1, column + 1


def render_text(results: Iterable[tuple[Record, Report]], colour: bool = False) -> Iterable[str]:
    for record, report in results:
        for f in report.findings:
            line, col = line_col(report.text, f.start)
            severity = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
            yield f"{record.source}:{record.line + line - 1}:{col}: {severity} [{f.category}/{f.rule_id}] {f.message}"
            row_start = report.text.rfind("\n", 0, f.start) + 1
            row_end = report.text.find("\n", f.start)
            row = report.text[row_start : row_end if row_end != -1 else len(report.text)]
            width = max(1, min(f.end, row_start + len(row)) - f.start)
            yield f"    {row}"
            carets = "^" * _display_width(report.text[f.start : f.start + width])
            yield "    " + _pad(row[: f.start - row_start]) + carets
            if f.suggestions:
                s = f.suggestions[0]
                yield f"    → {s.replacement!r} ({s.applicability})"


def _display_width(text: str) -> int:
    """Terminal cells: Hangul and other wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(prefix: str) -> str:
    return "".join("\t" if ch == "\t" else " " * _display_width(ch) for ch in prefix)
