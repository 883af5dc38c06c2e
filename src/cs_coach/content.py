"""Key content of a reply: the nouns, numbers and names that a rewrite must keep.

One definition serves the trainer's grading of a trainee's rewrite and the fix loop's own re-check of an
applied fix: words the targeted finding flagged may go (금일 -> 오늘), every other content word must stay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .analyze import Morph

CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH"})


def content_words(morphs: Iterable[Morph], skip: Sequence[tuple[int, int]] = ()) -> Counter[str]:
    """Content morphemes by form, leaving out those that start inside a `skip` span (words allowed to go)."""
    return Counter(m.form for m in morphs if m.tag in CONTENT_TAGS and not any(a <= m.start < b for a, b in skip))


def kept_share(wanted: Counter[str], morphs: Iterable[Morph]) -> tuple[float, list[str]]:
    """Share of the wanted content words that `morphs` still has, and the ones it lost."""
    if not wanted:
        return 1.0, []
    have = Counter(m.form for m in morphs)
    missing = [form for form in wanted if have[form] < wanted[form]]
    kept = sum(min(count, have[form]) for form, count in wanted.items()) / sum(wanted.values())
    return kept, missing
