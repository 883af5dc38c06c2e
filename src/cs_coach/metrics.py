"""Measures for metric rules: numbers computed per sentence or per reply, compared with a rule's `max`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from .analyze import Analysis, Sentence
from .sentences import Understanding, clause_total, quoted_of, understand
from .speech import is_polite

Params = Mapping[str, object]
_SYMBOL_PREFIXES = ("S", "W_")


@dataclass(frozen=True)
class Measure:
    """`bound`, when given, is a cheap upper bound of `compute` on a sentence: where it is at most a rule's
    lowest `max` the value cannot pass it, so the measure is not computed (most sentences are short)."""

    scope: Literal["sentence", "reply"]
    compute: Callable[..., float]
    description: str
    bound: Callable[..., float] | None = None
    check: Callable[[Params], str | None] | None = None  # a pack's params, checked at load: the problem or None


def _word_keys(sentence: Sentence, first: int = 0, last: int | None = None) -> list[object]:
    """One key per 어절 that holds a real morpheme; a quoted span or menu path (a UI label) is one 어절."""
    quoted = quoted_of(sentence)
    morphs = sentence.morphs[first:last]
    if not quoted:  # the common case: 어절 indices ascend, so a set of them is the same count in one pass
        return sorted({m.word for m in morphs if not m.tag.startswith(_SYMBOL_PREFIXES)})
    keys: list[object] = []
    for m in morphs:
        if m.tag.startswith(_SYMBOL_PREFIXES):
            continue
        span = next((q for q in quoted if q[0] <= m.start < q[1]), None)
        key = ("q", span) if span is not None else m.word
        if not keys or keys[-1] != key:
            keys.append(key)
    return list(dict.fromkeys(keys))


def _list_items(sentence: Sentence) -> list[tuple[int, int]]:
    """Morpheme ranges of numbered or bulleted items ('1. … 2. …', '① …', '• …') if the sentence is such a
    list, else the whole sentence: a list of short steps is read item by item."""
    morphs = sentence.morphs
    starts = [
        i for i, m in enumerate(morphs)
        if (m.form in _BULLETS or (m.tag == "SN" and i + 1 < len(morphs) and morphs[i + 1].form in {".", ")"}))
        and (i == 0 or morphs[i - 1].word != m.word)
    ]
    if len(starts) < 2:
        return [(0, len(morphs))]
    bounds = [0, *starts[1:], len(morphs)] if starts[0] > 0 else [*starts, len(morphs)]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def words_per_sentence(sentence: Sentence, params: Params) -> float:
    """어절 that hold at least one real morpheme (punctuation and emoji alone do not count); a quoted UI label
    or menu path counts as one, and a numbered list counts its longest item.

    With `shape` ("list" or "chain", see `sentence_shape`), a sentence of the other shape measures 0: one pack
    can then warn about long chains of reasoning and only note long lists."""
    last = _last_words
    if last[0] is sentence:  # clauses_per_sentence asks again for the sentence just measured
        value = last[1]
    else:
        value = float(max(len(_word_keys(sentence, a, b)) for a, b in _list_items(sentence)))
        globals()["_last_words"] = (sentence, value)
    shape = params.get("shape")
    if shape is not None and value and sentence_shape(sentence) != shape:
        return 0.0
    return value


# The last sentence words_per_sentence measured and its value (held, so its identity cannot be reused).
_last_words: tuple[Sentence | None, float] = (None, 0.0)


def clauses_per_sentence(sentence: Sentence, params: Params) -> float:
    """Clauses of the sentence layer (cut at connective endings). Short steps or items joined by -고 ('앱을 열고
    설정을 누르고 알림을 켜세요', '앱을 찾고, 소식을 읽고') count as one clause: a list is not a long sentence.
    With `min_words`, sentences shorter than that count as one clause (the measure then reads 'clauses in a
    long sentence') unless they have more than `always_over` clauses. With `endings`, clauses are counted the
    old way, by those EC forms."""
    endings = params.get("endings")
    min_words = params.get("min_words")
    always_over = float(params.get("always_over", float("inf")))  # type: ignore[arg-type]
    if endings:
        assert isinstance(endings, list | tuple)
        count = 1.0 + sum(1 for m in sentence.morphs if m.tag == "EC" and m.form in endings)
    else:
        u = understand(sentence)
        short = min_words is not None and words_per_sentence(sentence, params) < float(min_words)  # type: ignore[arg-type]
        if short and len(u.clauses) <= always_over:  # list merging only lowers the count: it cannot matter
            return 1.0
        count = float(_clause_count(sentence, int(params.get("step_words", STEP_WORDS)), u))  # type: ignore[arg-type]
    if min_words is not None and count <= always_over and words_per_sentence(sentence, params) < float(min_words):  # type: ignore[arg-type]
        return 1.0
    return count


STEP_WORDS = 5  # a step clause of at most this many 어절 ('설정에서 알림을 누르고') is one step of a list
_STEP_ACTS = frozenset({"instruction", "request"})
_BULLETS = frozenset({"•", "·", "▶", "■", "□", "-", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"})


def _clause_count(sentence: Sentence, step_words: int, u: Understanding) -> int:
    clauses = u.clauses
    if not clauses:
        return 1
    count = len(clauses)
    relations = [c.relation for c in clauses]
    # '… 고르시면 끝나요 / 되세요': the last step's -면 introduces no condition, only that the steps are done
    if count >= 2 and relations[-2] == "condition" and _done(sentence, clauses[-1].first, clauses[-1].last):
        relations[-2] = "sequence"
    # a list: steps of an instruction or request, or items that are all joined by -고 (no cause, contrast or
    # condition in between, which make a chain of reasoning rather than a list)
    if u.act not in _STEP_ACTS and any(r not in (None, "sequence") for r in relations):
        return count
    short = [len(_word_keys(sentence, c.first, c.last)) <= step_words for c in clauses]
    for k in range(len(clauses) - 1):  # a short step or item joined to the next by -고 is part of one list
        if relations[k] == "sequence" and short[k] and short[k + 1]:
            count -= 1
    return count


_DONE_STEMS = frozenset({"되", "끝나", "끝", "완료", "충분"})
SHAPES = ("list", "chain")
FRAME_WORDS = STEP_WORDS  # a leading condition or goal of at most this many 어절 ('앱을 지우려면,') frames a list
_STEP_CAUSE = frozenset({"어서", "아서", "여서"})


def sentence_shape(sentence: Sentence) -> str:
    """"chain" when a clause hangs on another by reasoning or hands over to a new subject; else "list".

    Why the shape matters: a long sentence is hard when the reader must hold one clause until another resolves
    it (cause -어서/-니까, contrast -는데/-지만, a condition -면 whose result comes later) or follow a change of
    subject (기사님이 … 가져가고 창고에서 …). Enumerations are read item by item: nouns or features separated
    by commas inside one clause, steps or items joined by -고/-며 with one (elided) subject, a run of parallel
    cases ('A인 경우, B인 경우 …'), and a short leading frame ('사진을 지우려면, …'). Those are "list"."""
    u = understand(sentence)
    clauses = u.clauses
    if len(clauses) < 2:
        return "list"
    relations = [c.relation for c in clauses]
    if relations[-2] == "condition" and _done(sentence, clauses[-1].first, clauses[-1].last):
        relations[-2] = "sequence"  # '… 누르시면 됩니다': the steps are done, no condition
    steps = u.act in _STEP_ACTS
    for k in range(len(clauses) - 1):
        here, after, relation = clauses[k], clauses[k + 1], relations[k]
        if relation == "condition":
            if k == 0 and len(_word_keys(sentence, here.first, here.last)) <= FRAME_WORDS:
                continue  # a frame: '카드가 없는 경우,' / '사진을 옮기려면'
            if relations[k + 1] == "condition" or (k > 0 and relations[k - 1] == "condition"):
                continue  # parallel cases, read as a list of conditions
            return "chain"
        if relation == "cause" and steps and here.subject is None and after.subject is None:
            ending = next((m.form for m in reversed(sentence.morphs[here.first : here.last]) if m.tag == "EC"), "")
            if ending in _STEP_CAUSE:
                continue  # '앱을 열어서 설정을 누르세요': -어서 of steps is a sequence, not a cause
        if relation in ("cause", "contrast"):
            return "chain"
        if here.subject is not None and after.subject is not None and here.subject != after.subject:
            return "chain"  # -고 handing over to a new subject: 상품은 … 출발했고 기사님이 …
    return "list"


def _done(sentence: Sentence, first: int, last: int) -> bool:
    """A closing clause of at most two 어절 that only says the steps are enough (되다, 끝나다, 완료되다)."""
    morphs = sentence.morphs[first:last]
    content = [m for m in morphs if m.tag[:1] in ("V", "N", "X") and m.tag not in ("VCP", "XSV", "XSA")]
    words = {m.word for m in morphs if m.tag[:1] != "S"}
    return len(words) <= 2 and bool(content) and all(m.form in _DONE_STEMS or m.tag == "NNB" for m in content)


def chars_per_reply(analysis: Analysis, params: Params) -> float:
    return float(len("".join(analysis.text.split())))


def sentences_per_reply(analysis: Analysis, params: Params) -> float:
    return float(len(analysis.sentences))


def _words_bound(sentence: Sentence, params: Params) -> float:
    """One key per 어절, plus one per quoted span (a word cut by a quote mark can give two keys)."""
    return float(sentence.words + len(quoted_of(sentence)))


def _clauses_bound(sentence: Sentence, params: Params) -> float:
    """The sentence layer's clauses: list merging and the short-sentence rule only lower the count."""
    if params.get("endings"):
        return float("inf")
    return float(max(1, clause_total(sentence)))


def _check_shape(params: Params) -> str | None:
    shape = params.get("shape")
    if shape is not None and shape not in SHAPES:
        return f"params.shape must be one of {', '.join(SHAPES)}, not {shape!r}"
    return None


MEASURES: dict[str, Measure] = {
    "words_per_sentence": Measure("sentence", words_per_sentence, "어절 수 (문장당)", _words_bound, _check_shape),
    "clauses_per_sentence": Measure("sentence", clauses_per_sentence, "절 수 (문장당, 연결 어미로 셈)", _clauses_bound),
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
    hard = _HARD.get(easy)
    if hard is None or hard[0] is not vocab:
        hard = _HARD[easy] = (vocab, {})
    known = hard[1]
    forms = set()
    for m in sentence.morphs:
        if m.tag != "NNG" or m.form in allow:
            continue
        form = m.form
        is_hard = known.get(form)
        if is_hard is None:
            if len(known) >= _HARD_CACHE_SIZE:  # endless novel nouns must not grow memory without bound
                known.clear()
            is_hard = known[form] = vocab.is_hard_noun(m, easy)
        if is_hard:
            forms.add(form)
    return float(len(forms))


# Easy grades -> (the vocabulary, whether each NNG form is hard): the answer depends on the form alone, and a
# CS reply repeats the same few hundred nouns.
_HARD: dict[frozenset, tuple[object, dict[str, bool]]] = {}
_HARD_CACHE_SIZE = 65536


# No bound: counting NNG morphemes (the only cheap one) costs about what it saves (most real sentences hold 5+).
MEASURES["hard_words_per_sentence"] = Measure("sentence", hard_words_per_sentence, "어려운 한자어 명사 수 (문장당)")
