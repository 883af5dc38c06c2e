"""Key content of a reply: the nouns, numbers (with their units), names that a rewrite must keep.

One definition serves the trainer's grading of a trainee's rewrite and the fix loop's own re-check of an
applied fix: words the targeted finding flagged may go (금일 -> 오늘), every other content word must stay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .analyze import Sentence

CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH"})
# What may follow a number inside one quantity: 3만 원, 2일, 10시 30분, 5%, 2개월.
_QUANTITY_TAGS = frozenset({"NR", "NNB", "SN", "SW"})
_UNIT_NOUNS = frozenset(
    {"원", "일", "시", "분", "초", "개", "건", "회", "명", "장", "박", "주", "개월", "년", "달", "번", "층", "호"}
)

Unit = tuple[str, str, int]  # (key, surface, start)


def content_units(sentences: Iterable[Sentence], text: str, any_tag: bool = False) -> list[Unit]:
    """Each content word as (key, surface, start); a number takes its units with it (3만 원, 2일, 10시).

    `any_tag` also counts every other morpheme by its form: what a rewrite still has, where Kiwi may tag the
    same word differently in its new place (오늘 a noun mid-sentence, an adverb at the start)."""
    units: list[Unit] = []
    for sentence in sentences:
        morphs = sentence.morphs
        i = 0
        while i < len(morphs):
            m = morphs[i]
            if m.tag == "SN":
                j = i + 1
                while j < len(morphs) and (morphs[j].tag in _QUANTITY_TAGS or morphs[j].form in _UNIT_NOUNS):
                    j += 1
                surface = text[m.start : morphs[j - 1].end]
                units.append(("".join(surface.split()), surface, m.start))
                i = j
                continue
            if m.tag in CONTENT_TAGS or any_tag:
                units.append((m.form, text[m.start : m.end], m.start))
            i += 1
    return units


def content_kept(
    before: Sequence[Unit], after: Sequence[Unit], may_go: Sequence[tuple[int, int]] = ()
) -> tuple[float, list[str]]:
    """Share of `before`'s content (outside the `may_go` spans) that `after` still has, and what it lost."""
    wanted: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for key, surface, start in before:
        if not any(a <= start < b for a, b in may_go):
            wanted[key] += 1
            shown.setdefault(key, surface)
    if not wanted:
        return 1.0, []
    have = Counter(key for key, _, _ in after)
    missing = [shown[key] for key in wanted if have[key] == 0]
    kept = sum(min(count, have[key]) for key, count in wanted.items()) / sum(wanted.values())
    return kept, missing
