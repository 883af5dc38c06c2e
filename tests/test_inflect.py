"""inflect: joining and spacing of Korean words — stem classes, 보조용언 spacing, -시- on and off, slots."""

from __future__ import annotations

import pytest

from cs_coach.inflect import (
    blank_slots,
    closing_punct,
    fill_slots,
    join,
    slots,
    unstack,
    with_honorific,
    without_honorific,
)


@pytest.mark.parametrize(
    ("morphs", "expected"),
    [
        ([("싫", "VA"), ("는데", "EC")], "싫은데"),  # adjective: -은데, never 싫는데
        ([("크", "VA"), ("는데", "EC")], "큰데"),
        ([("없", "VA"), ("ᆫ데", "EC")], "없는데"),  # 있다/없다 conjugate like verbs: never 없은데
        ([("재미있", "VA"), ("ᆫ데", "EC")], "재미있는데"),
        ([("없", "VA"), ("으시", "EP"), ("ᆫ데", "EC")], "없으신데"),  # with -시- they take -ㄴ데
        ([("가", "VV"), ("ᆫ데", "EC")], "가는데"),  # verb: -는데
        ([("하", "VV"), ("었", "EP"), ("는데", "EC")], "했는데"),  # after tense: -는데 whatever the stem
        ([("학생", "NNG"), ("이", "VCP"), ("는데", "EC")], "학생인데"),  # 이다: -ㄴ데
        ([("크", "VA"), ("는다", "EF")], "크다"),  # plain statement: adjective -다
        ([("가", "VV"), ("다", "EF")], "간다"),  # verb -ㄴ다
        ([("먹", "VV"), ("는다", "EF")], "먹는다"),
        ([("좋", "VA"), ("는", "ETM")], "좋은"),
        ([("주문", "NNG"), ("하", "XSV"), ("ᆫ", "ETM")], "주문한"),  # a verb's past adnominal stays
        ([("가", "VV"), ("지", "EC"), ("않", "VX"), ("ᆫ데", "EC")], "가지 않는데"),
        ([("싫", "VA"), ("지", "EC"), ("않", "VX"), ("는데", "EC")], "싫지 않은데"),
    ],
)
def test_endings_follow_the_stem_class(morphs: list[tuple[str, str]], expected: str) -> None:
    assert join(morphs) == expected


@pytest.mark.parametrize(
    ("morphs", "expected"),
    [
        ([("하", "VV"), ("어", "EC"), ("주", "VX"), ("어요", "EF")], "해 줘요"),  # 보조용언 apart
        ([("하", "VV"), ("ᆯ", "ETM"), ("수", "NNB"), ("있", "VA"), ("습니다", "EF")], "할 수 있습니다"),  # 의존명사
        ([("품절", "NNG"), ("되", "XSV"), ("었", "EP"), ("어요", "EF")], "품절됐어요"),  # -되다 is a suffix
        ([("줄", "VV"), ("어", "EC"), ("들", "VX"), ("었", "EP"), ("습니다", "EF")], "줄어들었습니다"),  # compound
        ([("만들", "VV"), ("어", "EC"), ("지", "VX"), ("었", "EP"), ("어요", "EF")], "만들어졌어요"),
        ([("하", "VV"), ("어", "EC"), ("주", "VX"), ("시", "EP"), ("어야", "EC"), ("하", "VX"), ("어요", "EF")],
         "해 주셔야 해요"),
        ([("확인", "NNG"), ("하", "XSV"), ("어", "EC"), ("드리", "VX"), ("ᆯ게요", "EF")], "확인해 드릴게요"),
    ],
)
def test_auxiliary_and_bound_noun_spacing(morphs: list[tuple[str, str]], expected: str) -> None:
    assert join(morphs) == expected


def test_doe_dwae_and_copula() -> None:
    assert join([("되", "VV"), ("어요", "EF")]) == "돼요"
    assert join([("되", "VV"), ("었", "EP"), ("어요", "EF")]) == "됐어요"
    assert join([("안", "MAG")]) == "안"
    assert join([("사이즈", "NNG"), ("이", "VCP"), ("에요", "EF")]) == "사이즈예요"
    assert join([("원", "NNB"), ("이", "VCP"), ("에요", "EF")]) == "원이에요"


def test_no_stacked_benefactive() -> None:
    stacked = [("하", "VV"), ("어", "EC"), ("주", "VX"), ("어", "EC"), ("주", "VX"), ("시", "EP"), ("겠", "EP"),
               ("어요", "EF")]
    assert join(stacked) == "해 주시겠어요"
    assert unstack([("보내", "VV"), ("어", "EC"), ("주", "VX"), ("어", "EC"), ("드리", "VX")]) == [
        ("보내", "VV"), ("어", "EC"), ("드리", "VX")]


def test_honorific_added_and_removed_with_the_right_ending() -> None:
    assert join(with_honorific([("기다리", "VV"), ("어요", "EF")])) == "기다리세요"  # 시+어요 -> 세요, not 셔요
    assert join(with_honorific([("받", "VV"), ("어요", "EF")])) == "받으세요"
    assert join(with_honorific([("받", "VV"), ("시", "EP"), ("어요", "EF")])) == "받으세요"  # never twice
    assert join(without_honorific([("나오", "VV"), ("시", "EP"), ("었", "EP"), ("습니다", "EF")])) == "나왔습니다"
    # the ending is re-chosen for the bare stem: 없으신데요 -> 없는데요, never 없은데요
    assert join(without_honorific([("없", "VA"), ("으시", "EP"), ("ᆫ데", "EC"), ("요", "JX")])) == "없는데요"
    assert join(without_honorific([("있", "VA"), ("으시", "EP"), ("어요", "EF")])) == "있어요"


def test_final_punctuation_for_questions_and_requests() -> None:
    assert closing_punct([("주", "VX"), ("시", "EP"), ("겠", "EP"), ("어요", "EF")]) == "?"
    assert closing_punct([("하", "VV"), ("ᆸ니까", "EF")]) == "?"
    assert closing_punct([("확인", "NNG"), ("하", "XSV"), ("겠", "EP"), ("어요", "EF")]) == "."  # a promise
    assert closing_punct([("하", "VV"), ("어요", "EF")], "!") == "!"


def test_slots_are_filled_with_the_right_particle() -> None:
    assert slots("{이유} 때문에 {대안}은 {대안}") == ["이유", "대안"]
    text, spans = fill_slots("대신 {대안}은 가능합니다", {"대안": "교환 서비스"})
    assert text == "대신 교환 서비스는 가능합니다" and text[spans[0][0] : spans[0][1]] == "교환 서비스"
    assert fill_slots("{대안}을 도와드릴게요", {"대안": "같은 색상 교환"})[0] == "같은 색상 교환을 도와드릴게요"
    assert fill_slots("{이유}로 늦어요", {"이유": "재고 부족"})[0] == "재고 부족으로 늦어요"
    assert fill_slots("{N}분 안에", {"N": "10"})[0] == "10분 안에"
    assert fill_slots("{대안}은 {이유}", {"대안": "교환"})[0] == "교환은 {이유}"  # unfilled slots stay
    assert blank_slots("대신 {대안}은 가능합니다") == "대신 ＿＿은 가능합니다"


def test_a_number_and_its_noun_stay_one_word() -> None:
    # Kiwi's join spaces a digit from the noun after it ('2 층이에요'); one 어절 stays one 어절
    assert join([("2", "SN"), ("층", "NNG"), ("이", "VCP"), ("에요", "EF")]) == "2층이에요"
    assert join([("3", "SN"), ("번", "NNB"), ("이", "VCP"), ("ᆸ니다", "EF")]) == "3번입니다"
    assert join([("10", "SN"), ("시", "NNB"), ("에", "JKB")]) == "10시에"


def test_copula_after_tense_takes_the_plain_ending() -> None:
    # 이다/아니다 + 었 + 에요 is 이었어요 / 아니었어요 (never 이었에요)
    assert join([("품절", "NNG"), ("이", "VCP"), ("었", "EP"), ("에요", "EF")]) == "품절이었어요"
    assert join([("아니", "VCN"), ("었", "EP"), ("에요", "EF")]) == "아니었어요"
    assert join([("아니", "VCN"), ("에요", "EF")]) == "아니에요"
    assert join([("품절", "NNG"), ("이", "VCP"), ("에요", "EF")]) == "품절이에요"


@pytest.mark.parametrize(
    ("morphs", "expected"),
    [
        ([("어렵", "VA"), ("예요", "EF")], "어려워요"),  # 불가예요 with 불가 swapped for 어렵다
        ([("어렵", "VA"), ("이에요", "EF")], "어려워요"),
        ([("되", "VV"), ("에요", "EF")], "돼요"),
        ([("하", "XSA"), ("예요", "EF")], "해요"),
    ],
)
def test_a_copula_ending_left_after_a_predicate_stem_becomes_eoyo(morphs: list[tuple[str, str]], expected: str) -> None:
    assert join(morphs) == expected
