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


MAX_FINDINGS = 20  # per reply in text output; the rest are counted on one line
WINDOW = 40  # characters of context shown on each side of a finding
MAX_MARK = 80  # longest stretch of a finding's own text shown (with carets) before it is cut with "…"


def render_text(results: Iterable[Checked], colour: bool = False, max_findings: int = MAX_FINDINGS) -> Iterator[str]:
    """Each finding with a short window of its line (never the whole line: a 50,000-character cell would be
    printed once per finding), at most `max_findings` per reply and then "… N more"."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    for record, report in results:
        for f in report.findings[:max_findings]:
            where = region(record, f)
            label = paint(_COLOURS[f.severity], f.severity)
            rid = f" ({record.id})" if record.id else ""
            yield (
                f"{paint(_BOLD, f'{record.source}:{where.line}:{where.column}')}{rid}: {label} "
                f"[{f.category}/{f.rule_id}] {f.message}"
            )
            before, marked, after = window(report.text, f.start, f.end)
            yield f"    {before}{marked}{after}"
            yield "    " + _pad(before) + paint(_COLOURS[f.severity], "^" * max(1, _display_width(marked)))
            for preview, s in zip(suggestion_preview(report, f), f.suggestions, strict=True):
                note = "fix" if s.applicability == "safe" else "unsafe fix"
                yield f"    → {_clip(preview)}  {paint(_DIM, f'({note})')}"
                if s.inputs:  # a template: what the agent writes into each slot
                    asks = ", ".join(f"{{{i.name}}} = {i.prompt}" for i in s.inputs)
                    yield "      " + paint(_DIM, f"채울 곳: {asks} (--unsafe --input NAME=TEXT)")
        hidden = len(report.findings) - max_findings
        if hidden > 0:
            yield f"    … {hidden} more in {record.source} ({record.id or 'this reply'}); see --max-findings"


def window(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The finding's line around [start, end): up to WINDOW characters either side, cut with "…", and the
    flagged part itself shortened to MAX_MARK characters. Control characters are shown as spaces."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = min((i for i in (text.find("\n", start), text.find("\r", start)) if i != -1), default=len(text))
    stop = min(end, line_end)
    lo = max(line_start, start - WINDOW)
    hi = min(line_end, stop + WINDOW)
    before = ("…" if lo > line_start else "") + text[lo:start]
    marked = text[start:stop]
    if len(marked) > MAX_MARK:
        marked = marked[: MAX_MARK - 1] + "…"
    after = text[stop:hi] + ("…" if hi < line_end else "")
    return _printable(before), _printable(marked), _printable(after)


def _printable(text: str) -> str:
    """Tabs kept (for alignment); other control and line-separator characters as spaces."""
    return "".join(ch if ch == "\t" or (ch.isprintable() and ch not in "\u2028\u2029") else " " for ch in text)


def _clip(text: str, limit: int = 2 * WINDOW + MAX_MARK) -> str:
    text = _printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(replies: int, findings: int, flagged: int) -> str:
    return f"{replies} replies checked, {flagged} with findings, {findings} findings"


def _display_width(text: str) -> int:
    """Terminal cells: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(prefix: str) -> str:
    return "".join("\t" if ch == "\t" else " " * _display_width(ch) for ch in prefix)
