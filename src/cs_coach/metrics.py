"""Measures for metric rules: numbers computed per sentence or per reply, compared with a rule's `max`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from .analyze import Analysis, Sentence
from .speech import is_polite

Params = Mapping[str, object]
DEFAULT_CLAUSE_ENDINGS = ("고", "는데", "ᆫ데", "은데", "며", "으며", "면서", "으면서", "어서", "아서", "지만", "니까",
                          "으니까", "는데요")
_SYMBOL_PREFIXES = ("S", "W_")


@dataclass(frozen=True)
class Measure:
    scope: Literal["sentence", "reply"]
    compute: Callable[..., float]
    description: str


def words_per_sentence(sentence: Sentence, params: Params) -> float:
    """어절 that hold at least one real morpheme (punctuation and emoji alone do not count)."""
    return float(len({m.word for m in sentence.morphs if not m.tag.startswith(_SYMBOL_PREFIXES)}))


def clauses_per_sentence(sentence: Sentence, params: Params) -> float:
    endings = params.get("endings") or DEFAULT_CLAUSE_ENDINGS
    assert isinstance(endings, list | tuple)
    return 1.0 + sum(1 for m in sentence.morphs if m.tag == "EC" and m.form in endings)


def chars_per_reply(analysis: Analysis, params: Params) -> float:
    return float(len("".join(analysis.text.split())))


def sentences_per_reply(analysis: Analysis, params: Params) -> float:
    return float(len(analysis.sentences))


MEASURES: dict[str, Measure] = {
    "words_per_sentence": Measure("sentence", words_per_sentence, "어절 수 (문장당)"),
    "clauses_per_sentence": Measure("sentence", clauses_per_sentence, "절 수 (문장당, 연결 어미로 셈)"),
    "chars_per_reply": Measure("reply", chars_per_reply, "공백을 뺀 글자 수 (답변당)"),
    "sentences_per_reply": Measure("reply", sentences_per_reply, "문장 수 (답변당)"),
}


def banmal_in_polite_reply(analysis: Analysis, params: Params) -> float:
    """반말 sentences in a reply that also speaks politely (합쇼체/해요체): 0 when the reply keeps one register.

    Why a reply measure: a single 반말 sentence reads as a slip only next to polite ones; the pattern rules
    flag each 반말 ending, this one names the mix (see `_spoken_banmal` for what is not counted).
    """
    sentences = analysis.sentences
    if not any(is_polite(s.level) for s in sentences):
        return 0.0
    return float(sum(1 for s in sentences if s.level == "banmal" and _spoken_banmal(s)))


def _spoken_banmal(sentence: Sentence) -> bool:
    """A 반말 sentence the agent says to the customer, not an artefact of the text around it.

    Counted only when it closes on a final ending (EF): a connective ending (-어, -고) closing a 'sentence' is
    usually Kiwi cutting a long line at a double space. Quoted speech, memo endings (-음/-함, often a UI label
    such as '사용 안 함'), 이다+지 (Kiwi's reading of 이모지) and questions (FAQ-style replies repeat the
    customer's question) are left out.
    """
    morphs = sentence.morphs
    last = max((i for i, m in enumerate(morphs) if m.tag in ("EF", "EC")), default=None)
    if last is None or morphs[last].tag != "EF":
        return False
    ending = morphs[last]
    after = morphs[last + 1 :]
    if ending.form in ("ᆷ", "음") or any(m.tag == "SSC" or m.form == "?" for m in after):
        return False
    return not (ending.form == "지" and last > 0 and morphs[last - 1].tag == "VCP")


MEASURES["banmal_in_polite_reply"] = Measure("reply", banmal_in_polite_reply, "존댓말 답변 속 반말 문장 수")


def hard_words_per_sentence(sentence: Sentence, params: Params) -> float:
    """Distinct hard Sino-Korean nouns in a sentence (see `cs_coach.vocab`); `allow` adds everyday words.

    Why distinct nouns and a count, not a share: one hard word is the lexicon's job (it has a replacement);
    this measure is for sentences written in 공문서 style, where several hard nouns pile up at once.
    """
    from .vocab import vocabulary

    vocab = vocabulary()
    allow = params.get("allow") or ()
    grades = params.get("easy_grades") or ("A", "B")
    assert isinstance(allow, list | tuple) and isinstance(grades, list | tuple)
    easy = frozenset(grades)
    return float(len({m.form for m in sentence.morphs if m.form not in allow and vocab.is_hard_noun(m, easy)}))


MEASURES["hard_words_per_sentence"] = Measure("sentence", hard_words_per_sentence, "어려운 한자어 명사 수 (문장당)")
