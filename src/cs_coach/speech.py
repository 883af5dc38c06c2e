"""Speech level (상대 높임법) of a sentence and a reply, read from the final ending of the main clause."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol


class _MorphLike(Protocol):
    form: str
    tag: str


_SKIP_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SL", "SH", "SN", "SB", "W_EMOJI",
                        "W_URL", "W_EMAIL", "W_HASHTAG", "W_MENTION", "W_SERIAL", "Z_CODA", "Z_SIOT"})
_HAPSYO_ENDS = ("니다", "니까", "시오", "ᆸ시다", "읍시다", "소서")
_BANMAL_CONNECTIVE_ENDS = frozenset({"어", "아", "지", "게", "고", "는데", "ᆫ데", "어서", "아서"})


def sentence_level(morphs: Sequence[_MorphLike]) -> str:
    """'hapsyo', 'haeyo', 'banmal' or 'none' (no final ending: a fragment, a noun phrase, a greeting word)."""
    for morph in reversed(morphs):
        if morph.tag in _SKIP_TAGS or morph.tag.startswith("W_"):
            continue
        form = morph.form
        if morph.tag == "EF":
            if form.endswith(("요", "죠", "세요")):
                return "haeyo"
            if form.endswith(_HAPSYO_ENDS):
                return "hapsyo"
            return "banmal"
        if morph.tag == "JX" and form.endswith("요"):
            return "haeyo"
        if morph.tag == "EC" and form in _BANMAL_CONNECTIVE_ENDS:
            # A connective ending closing the sentence ("가 봐", "했는데") is spoken as 반말.
            return "banmal"
        return "none"
    return "none"


def reply_level(levels: Iterable[str]) -> str:
    """One level for the reply: polite and 반말 sentences together make it 'mixed'.

    합쇼체 and 해요체 together are normal in Korean service talk (안녕하세요 … 감사합니다), so they are
    not 'mixed': the more frequent of the two wins, 합쇼체 on a tie.
    """
    counts = Counter(level for level in levels if level != "none")
    if not counts:
        return "none"
    if counts["banmal"] and (counts["hapsyo"] or counts["haeyo"]):
        return "mixed"
    if counts["banmal"]:
        return "banmal"
    return "hapsyo" if counts["hapsyo"] >= counts["haeyo"] else "haeyo"


def is_polite(level: str) -> bool:
    return level in {"hapsyo", "haeyo"}
