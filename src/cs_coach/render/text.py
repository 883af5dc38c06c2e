"""Plain-text output for terminals: location, rule, message, the reply line with carets, the suggestion."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from . import Checked, region, suggestion_preview

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a str offset (computed only here, at the edge)."""
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return line + 1, column + 1


def render_text(results: Iterable[Checked], colour: bool = False) -> Iterator[str]:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    for record, report in results:
        for f in report.findings:
            where = region(record, f)
            label = paint(_COLOURS[f.severity], f.severity)
            rid = f" ({record.id})" if record.id else ""
            yield (
                f"{paint(_BOLD, f'{record.source}:{where.line}:{where.column}')}{rid}: {label} "
                f"[{f.category}/{f.rule_id}] {f.message}"
            )
            text = report.text
            row_start = text.rfind("\n", 0, f.start) + 1
            row_end = text.find("\n", f.start)
            row = text[row_start : row_end if row_end != -1 else len(text)].rstrip("\r")
            width = max(1, min(f.end, row_start + len(row)) - f.start)
            yield f"    {row}"
            carets = "^" * _display_width(text[f.start : f.start + width])
            yield "    " + _pad(row[: f.start - row_start]) + paint(_COLOURS[f.severity], carets)
            for preview, s in zip(suggestion_preview(report, f), f.suggestions, strict=True):
                note = "fix" if s.applicability == "safe" else "unsafe fix"
                yield f"    → {preview}  {paint(_DIM, f'({note})')}"
                if s.inputs:  # a template: what the agent writes into each slot
                    asks = ", ".join(f"{{{i.name}}} = {i.prompt}" for i in s.inputs)
                    yield "      " + paint(_DIM, f"채울 곳: {asks} (--unsafe --input NAME=TEXT)")


def summary(replies: int, findings: int, flagged: int) -> str:
    return f"{replies} replies checked, {flagged} with findings, {findings} findings"


def _display_width(text: str) -> int:
    """Terminal cells: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(prefix: str) -> str:
    return "".join("\t" if ch == "\t" else " " * _display_width(ch) for ch in prefix)
