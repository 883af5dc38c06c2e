"""Character spans from morpheme ranges: whole 어절 for phrases, whole syllables for words, never a cut."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .analyze import Morph, Sentence

# Text that rules must not touch: links, e-mail, phone numbers, template placeholders like {고객명}.
_PROTECTED = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b\d{2,4}-\d{3,4}-\d{4}\b|\{[^{}\n]{1,40}\}|\$\{[^{}\n]{1,40}\}"
)


def is_symbol(morph: Morph) -> bool:
    return morph.tag.startswith(("S", "W_")) and morph.tag not in {"SL", "SN", "SH"}


def syllable_span(morphs: Sequence[Morph], first: int, last: int) -> tuple[int, int]:
    """Chars of morphemes [first, last), widened over morphemes that share a syllable (되+어요 = 돼요).

    An empty range is the empty span where morpheme `first` starts (or after the last one), never an error.
    """
    if first >= last or first >= len(morphs):
        point = morphs[first].start if first < len(morphs) else (morphs[-1].end if morphs else 0)
        return point, point
    start = min(m.start for m in morphs[first:last])
    end = max(m.end for m in morphs[first:last])
    for m in morphs[last:]:
        if m.start >= end:
            break
        end = max(end, m.end)
    for m in reversed(morphs[:first]):
        if m.end <= start:
            break
        start = min(start, m.start)
    return start, end


def word_range(morphs: Sequence[Morph], first: int, last: int) -> tuple[int, int]:
    """Morpheme indices of the whole 어절 around [first, last), without edge punctuation."""
    first_word, last_word = morphs[first].word, morphs[last - 1].word
    lo = first
    while lo > 0 and morphs[lo - 1].word == first_word:
        lo -= 1
    hi = last
    while hi < len(morphs) and morphs[hi].word == last_word:
        hi += 1
    while hi - lo > 1 and is_symbol(morphs[hi - 1]) and hi > last:
        hi -= 1
    while hi - lo > 1 and is_symbol(morphs[lo]) and lo < first:
        lo += 1
    return lo, hi


def word_span(morphs: Sequence[Morph], first: int, last: int) -> tuple[int, int]:
    lo, hi = word_range(morphs, first, last)
    return syllable_span(morphs, lo, hi)


def sentence_span(sentence: Sentence) -> tuple[int, int]:
    """The sentence without leading/trailing symbols (punctuation, emoji, quotes) where it has words."""
    morphs, offset = sentence.unshifted
    first = next((i for i, m in enumerate(morphs) if not is_symbol(m)), None)
    if first is None:
        return sentence.start, sentence.end
    last = next(i for i in range(len(morphs) - 1, first - 1, -1) if not is_symbol(morphs[i]))
    start, _ = syllable_span(morphs, first, first + 1)
    _, end = syllable_span(morphs, last, last + 1)
    return start + offset, end + offset


def sentence_syllable_span(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """`syllable_span` of the sentence's morphemes [first, last), without reading a shifted view's copies."""
    morphs, offset = sentence.unshifted
    start, end = syllable_span(morphs, first, last)
    return start + offset, end + offset


def sentence_word_span(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """`word_span` of the sentence's morphemes [first, last), without reading a shifted view's copies."""
    morphs, offset = sentence.unshifted
    start, end = word_span(morphs, first, last)
    return start + offset, end + offset


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED.finditer(text)]


def overlaps_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)
