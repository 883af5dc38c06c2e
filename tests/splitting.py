"""The text a sentence split gives (shared by the split tests and the rewrite-class tests)."""

from __future__ import annotations

from cs_coach.analyze import analyze
from cs_coach.split import split_edits


def split_text(text: str) -> str | None:
    """The text after splitting its first sentence, or None when no cut keeps the meaning."""
    edits = split_edits(analyze(text).sentences[0], text)
    if not edits:
        return None
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
