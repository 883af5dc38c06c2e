"""Sense guards of lexicon entries: does an entry apply to this occurrence of its word, and how to gloss it.

A lexicon rewrite is only as good as the reading of the word. An entry applies when its `context` words
(if any) occur in the sentence and none of its `not_context` words do; a `name`-risk entry never applies to
a word that sits inside a name (next to Latin letters or a proper noun, or before a UI noun such as 메뉴,
버튼), and a `gloss` entry never applies to a word that is already explained in brackets.
"""

from __future__ import annotations

from collections.abc import Sequence

from .analyze import Morph
from .compiler import Guards, MorphKey
from .models import Suggestion

# Nouns that make the word before them part of a screen, menu or product name: '스크립트 편집기 메뉴'.
UI_NOUNS = frozenset(
    {"메뉴", "버튼", "탭", "앱", "어플", "애플리케이션", "항목", "아이콘", "화면", "창", "모드", "옵션", "설정"}
)
_NAME_TAGS = frozenset({"SL", "SH", "NNP"})
_SYMBOLS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"})


def occurs(morphs: Sequence[Morph], key: MorphKey, skip: tuple[int, int]) -> bool:
    """The word occurs in the sentence outside the span `skip` (the flagged word itself)."""
    n = len(key)
    for i in range(len(morphs) - n + 1):
        if skip[0] <= i < skip[1]:
            continue
        if all(morphs[i + k].form == form and morphs[i + k].tag in tags for k, (form, tags) in enumerate(key)):
            return True
    return False


def applies(entry: object, guards: Guards, morphs: Sequence[Morph], first: int, last: int) -> bool:
    """The entry's sense holds for morphemes [first, last) of this sentence."""
    context, not_context = guards
    span = (first, last)
    if context and not any(occurs(morphs, key, span) for key in context):
        return False
    if any(occurs(morphs, key, span) for key in not_context):
        return False
    risk = getattr(entry, "risk", "low")
    if risk == "name" and in_name(morphs, first, last):
        return False
    if risk in {"homonym", "name"} and acts_on_a_label(morphs, first):
        return False  # "'첨부 파일이 있는 메일만'을 체크하여": done to a label on the screen, not the everyday sense
    # a gloss entry already explained in brackets, SKU(상품 번호), needs nothing more
    return not (getattr(entry, "strategy", "") == "gloss" and glossed(morphs, last))


def in_name(morphs: Sequence[Morph], first: int, last: int) -> bool:
    """The word is part of a name: Latin letters or a proper noun right beside it, or a UI noun after it."""
    before = morphs[first - 1] if first > 0 else None
    if before is not None and before.tag in _NAME_TAGS and before.word >= morphs[first].word - 1:
        return True
    rest = [m for m in morphs[last:] if m.tag not in _SYMBOLS or m.form in {"-", "_"}]
    if rest and rest[0].tag in _NAME_TAGS and rest[0].word <= morphs[last - 1].word + 1:
        return True
    nouns = [m for m in morphs[last:] if m.tag.startswith("NN")][:2]
    return any(m.form in UI_NOUNS and m.word <= morphs[last - 1].word + 2 for m in nouns) and all(
        m.tag.startswith("NN") for m in morphs[last : last + 1]
    )


_CLOSING_QUOTES = frozenset({"'", '"', "’", "”", "」", "』", ">", "]"})


def acts_on_a_label(morphs: Sequence[Morph], first: int) -> bool:
    """Is the word's object a quoted label ('…'을, "…"를 right before it)?"""
    return first >= 2 and morphs[first - 1].tag == "JKO" and morphs[first - 2].form in _CLOSING_QUOTES


def glossed(morphs: Sequence[Morph], last: int) -> bool:
    """An opening bracket right after the word (no space): it is already explained."""
    return last < len(morphs) and morphs[last].form in {"(", "["} and morphs[last].start == morphs[last - 1].end


def gloss_suggestion(morphs: Sequence[Morph], first: int, last: int, entry: object) -> Suggestion:
    """Keep the word and add its explanation in brackets right after it, before any particle: SKU(상품 번호)를."""
    end = morphs[last - 1].end
    gloss = entry.replace[0]  # type: ignore[attr-defined]
    words = gloss.split()
    following = morphs[last] if last < len(morphs) else None
    if len(words) > 1 and following is not None and following.tag.startswith("NN") and following.form == words[-1]:
        gloss = " ".join(words[:-1])  # 'RMA 번호': RMA(반품 승인) 번호, not RMA(반품 승인 번호) 번호
    return Suggestion(
        replacement=f"({gloss})",
        start=end,
        end=end,
        applicability="safe" if entry.safe else "unsafe",  # type: ignore[attr-defined]
        description=f"'{entry.word}' 뒤에 뜻을 괄호로 덧붙이기",  # type: ignore[attr-defined]
    )
