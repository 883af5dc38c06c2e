"""Suppression: `cs-coach: ignore` markers and ignore columns, and dropping the findings they name from a report.

This is the one module here that knows about findings: a suppression is stored on the record when the file is
read, and applied to the report after the reply is checked.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Set
from typing import TYPE_CHECKING

from .model import Document, Record

if TYPE_CHECKING:
    from ..models import Report

IGNORE_ALL = frozenset({"*", "all"})
"""Names that suppress every rule."""

_MARKER = re.compile(r"cs-coach:\s*ignore\b[ \t]*([A-Za-z0-9_,\- \t]*)")
_RULE_NAME = re.compile(r"^(\*|[A-Za-z0-9][A-Za-z0-9_-]*)$")


def split_names(value: str) -> frozenset[str]:
    """Rule ids, packs or categories listed in a cell or marker, separated by commas or spaces."""
    return frozenset(n.strip() for n in re.split(r"[,\s]+", value) if n.strip())


def ignore_markers(text: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """Rules named by `cs-coach: ignore RULE[,RULE]` markers in a reply ("*" when none is named), and their spans."""
    names: set[str] = set()
    spans = []
    for match in _MARKER.finditer(text):
        listed = frozenset(n for n in split_names(match.group(1)) if _RULE_NAME.match(n))
        names |= listed or {"*"}
        spans.append((match.start(), match.end()))
    return frozenset(names), spans


def apply_ignore_markers(doc: Document) -> None:
    """Add the names in each record's markers to what the record ignores."""
    for i, record in enumerate(doc.records):
        names, _ = ignore_markers(record.text)
        if names:
            doc.records[i] = dataclasses.replace(record, ignore=record.ignore | names)


def suppress(
    record: Record,
    report: Report,
    known: Set[str],
    warned: set[str],
    warn: Callable[[str], None],
    recheck: Callable[[str, frozenset[str]], Report] | None = None,
) -> Report:
    """Drop findings named by the reply's `cs-coach: ignore` marker or ignore column (offsets stay exact).

    Names that are no rule, pack or category are passed to `warn` once per run (tracked in `warned`).
    When a dropped finding stood for a group (`also`), `recheck` (Coach.check with `ignore`) checks the reply
    again without the named rules, so the group's next rule leads instead of the whole group vanishing.
    """
    if not record.ignore:
        return report
    names = set(record.ignore)
    unknown = sorted(names - known - IGNORE_ALL - warned)
    if unknown:  # once per name, not once per reply
        warned.update(unknown)
        warn(f"{record.source}:{record.line} ({record.id}): unknown rule(s) in ignore: {', '.join(unknown)}")
    _, marker_spans = ignore_markers(report.text)
    if recheck is not None and not names & IGNORE_ALL and any(
        f.also and names & {f.rule_id, f.category, f.pack} for f in report.findings
    ):
        report = recheck(report.text, frozenset(names))
    kept = [
        f
        for f in report.findings
        if not (names & (IGNORE_ALL | {f.rule_id, f.category, f.pack}))
        and not any(f.start < end and start < f.end for start, end in marker_spans)
    ]
    if len(kept) == len(report.findings):
        return report
    from ..scoring import score

    return report.model_copy(update={"findings": kept, "scores": score(kept)})
