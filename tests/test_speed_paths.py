"""The shortcuts of the speed work give what the plain way gives (no timings anywhere).

- a shifted Sentence is a lazy view: equal, by value, to a copy with every offset moved;
- the fixed-offset start filter and the bit-mask candidate test find what trying every start finds.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cs_coach
from cs_coach.analyze import Morph, Sentence, analyze
from cs_coach.match import CandidateIndex, key_positions


def _moved(sentence: Sentence, offset: int) -> Sentence:
    morphs = tuple(Morph(m.form, m.tag, m.start + offset, m.end + offset, m.word) for m in sentence.morphs)
    return Sentence(sentence.start + offset, sentence.end + offset, morphs, sentence.level, sentence.key)


@given(first=st.integers(0, 500), second=st.integers(0, 500))
@settings(max_examples=40, deadline=None)
def test_a_shifted_sentence_equals_a_moved_copy(first: int, second: int) -> None:
    sentence = analyze("주문하신 상품은 내일 출발합니다. 조금만 기다려 주세요!").sentences[1]
    view = sentence.shifted(first).shifted(second)
    copy = _moved(sentence, first + second)
    assert view == copy and hash(view) == hash(copy)
    assert view.morphs == copy.morphs and view.words == copy.words and view.key == sentence.key
    assert pickle.loads(pickle.dumps(view)) == copy


def test_a_sentence_cannot_be_changed() -> None:
    sentence = analyze("확인해 드릴게요.").sentences[0]
    with pytest.raises(AttributeError):
        sentence.start = 3  # type: ignore[misc]


# Our own replies: directives, honorific slips, refusals, lists; each sentence is matched both ways.
_TEXTS = [
    "내일 다시 방문하세요. 서류를 작성하세요? 영수증 가져오세요.",
    "주문하신 커피 나오셨습니다. 결제는 카드로 하실게요.",
    "그건 저희가 해 드릴 수 없어요. 대신 교환은 가능합니다.",
    "1. 앱을 여세요 2. 설정을 누르세요 3. 알림을 켜세요",
    "환불은 규정상 불가합니다. 본사에 문의하세요.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_placed_starts_and_bit_masks_find_what_every_start_finds(text: str) -> None:
    coach = cs_coach.Coach()
    rules = coach.ruleset.rules
    patterns = [rules[number].match[k] for number, k in coach.ruleset.patterns]
    index = CandidateIndex(patterns, patterns)
    matched = 0
    for sentence in analyze(text).sentences:
        morphs = sentence.morphs
        positions = key_positions(morphs)
        possible = set(index.candidates(positions))
        for number, pattern in enumerate(patterns):
            plain = pattern.find_all(morphs)  # every start, no key positions
            matched += len(plain)
            if number in possible:
                assert pattern.find_all(morphs, positions) == plain, pattern.source
            else:
                assert plain == [], pattern.source
    assert matched > 0  # each text is written to trip some rule


# Our own fragments: long and short clauses, quoted UI labels, numbered steps, piles of Sino-Korean nouns.
_PIECES = [
    "앱을 열고", "설정에서 '알림 받기'를 누르고", "주문 내역을 확인하신 뒤", "배송 조회 화면에서", "\"다음에 하기\"를",
    "1. 로그인하시고 2. 마이페이지로 가신 다음 3. 환불 신청을 누르세요",
    "결제 취소 처리 완료 후 환불 금액 정산 절차 진행 예정",
    "고객님께서 요청하신 교환 접수가 정상적으로 처리되었으며", "번거로우시겠지만", "다시 한 번 확인해 주시면",
    "영업일 기준 삼 일 안에 입금됩니다", "• 주소 변경 • 수령인 변경 • 배송 메모 수정", "죄송합니다", "감사합니다",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9))
@settings(max_examples=60, deadline=None)
def test_a_metric_bound_is_never_below_the_value(pieces: list[str]) -> None:
    """The metric loop skips a measure when its bound is at most the lowest limit: sound only if bound >= value."""
    from cs_coach.metrics import MEASURES

    params = {"clauses_per_sentence": [{}, {"min_words": 15, "always_over": 3}, {"step_words": 2}]}
    for sentence in analyze(" ".join(pieces) + ".").sentences:
        for name, measure in MEASURES.items():
            if measure.bound is None:
                continue
            for extra in params.get(name, [{}]):
                assert measure.bound(sentence, extra) >= measure.compute(sentence, extra), (name, sentence)


def test_full_marks_without_findings_are_what_validation_builds_and_not_shared() -> None:
    from cs_coach.models import CATEGORIES, Scores
    from cs_coach.scoring import score

    first = score([])
    assert first == Scores(overall=100, categories=dict.fromkeys(CATEGORIES, 100))
    assert first.model_dump_json() == Scores(overall=100, categories=dict.fromkeys(CATEGORIES, 100)).model_dump_json()
    first.categories["tone"] = 0
    assert score([]).categories["tone"] == 100
