"""Round 4 of the rewrite classes (issue 10): the unsafe rewrites a trainer rejected on sentences nobody tuned to.
Every example is written for this file, by class."""

from __future__ import annotations

import pytest

import cs_coach
from cs_coach.analyze import analyze
from cs_coach.rewrite import denies_what_it_offers

GENERIC = "다른 방법이 있는지"



@pytest.mark.parametrize(
    "text",
    [
        "오늘 접수는 안 돼요. 내일 오전에 다시 접수해 주세요.",
        "주말에는 현장 방문이 어렵습니다. 평일에 다시 예약하세요.",
        "그 카드로는 결제가 안 됩니다. 다른 카드를 등록해 주세요.",
    ],
)
def test_no_generic_next_step_when_the_next_sentence_gives_one(coach: cs_coach.Coach, text: str) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert GENERIC not in fixed
    assert text.split(". ")[1].split(" ")[0] in fixed  # the customer's next step is still there


def test_the_generic_next_step_stays_when_nothing_follows(coach: cs_coach.Coach) -> None:
    assert GENERIC in coach.fix("오늘 접수는 어렵습니다.", unsafe=True).text


@pytest.mark.parametrize("text", ["이제는 방법이 없어요.", "그 주문은 되돌릴 방법이 없습니다."])
def test_no_search_for_a_way_the_sentence_says_does_not_exist(coach: cs_coach.Coach, text: str) -> None:
    assert GENERIC not in coach.fix(text, unsafe=True).text


def test_denies_what_it_offers_reads_existence_not_words() -> None:
    no_way = analyze("이제는 방법이 없어요.").sentences[0].morphs
    a_way = analyze("방법은 두 가지예요.").sentences[0].morphs
    assert denies_what_it_offers("대신 다른 방법이 있는지 바로 찾아볼게요.", no_way)
    assert not denies_what_it_offers("대신 다른 방법이 있는지 바로 찾아볼게요.", a_way)
    assert not denies_what_it_offers("확인되는 대로 바로 연락드릴게요.", no_way)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("그 색상은 저희가 못해드려요.", "해 드리기 어려워요"),
        ("배송지 변경은 지금 못 해 드립니다.", "해 드리기 어렵습니다"),
        ("주문하신 상품은 오늘 못 보내 드려요.", "보내 드리기 어려워요"),
    ],
)
def test_a_negated_benefactive_keeps_its_verb_not_the_negation(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert expected in fixed
    assert "못하기" not in fixed and "못 해 드리기" not in fixed


def test_a_plain_negation_still_becomes_hagi_eoryeopda(coach: cs_coach.Coach) -> None:
    assert "설치를 하기 어려워요" in coach.fix("오늘은 설치를 못 해요.", unsafe=True).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("이 텀블러는 레알 꿀템이에요.", "정말 최고예요"), ("배송이 짱 빨라요.", "정말 빨라요")],
)
def test_a_slang_intensifier_becomes_jeongmal_not_the_same_word_twice(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert expected in fixed
    assert "최고 최고" not in fixed


def test_a_slang_word_that_is_the_predicate_is_still_choego(coach: cs_coach.Coach) -> None:
    assert coach.fix("이번 세일은 대박이에요.", unsafe=True).text == "이번 세일은 최고예요."


def test_a_modal_su_eopda_is_no_denied_way() -> None:
    # '할 수 없어요' says nothing about a way: '도와드릴 수 있어요' after it is the alternative, not a contradiction
    cannot = analyze("주소 변경은 할 수 없어요.").sentences[0].morphs
    assert not denies_what_it_offers("대신 {대안}은 바로 도와드릴 수 있어요.", cannot)


def test_no_retry_promise_when_the_next_sentence_asks_for_another_way(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("이 카드로는 결제가 안 됩니다. 다른 카드를 등록해 주세요.", unsafe=True).text
    assert "다시 해 보겠습니다" not in fixed
    assert "결제가 어렵습니다" in fixed
    assert "다시 해 볼게요" in coach.fix("카드 결제가 계속 안 돼요.", unsafe=True).text


@pytest.mark.parametrize("text", ["해지 환급금은 다음 달에 들어와요.", "보험 환급금은 신청하신 계좌로 들어옵니다."])
def test_a_modifier_clause_replacement_is_not_put_inside_a_compound(coach: cs_coach.Coach, text: str) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert "돌려받을 돈" not in fixed


def test_a_modifier_clause_replacement_still_stands_alone(coach: cs_coach.Coach) -> None:
    assert "돌려받을 돈은" in coach.fix("환급금은 다음 달에 들어와요.", unsafe=True).text


@pytest.mark.parametrize("text", ["뭐, 그건 저희도 어쩔 수 없어요.", "그냥 저희도 어쩔 수 없어요."])
def test_a_model_sentence_takes_the_shrug_before_it_along(coach: cs_coach.Coach, text: str) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert not fixed.startswith(("뭐", "그냥"))
    assert fixed.count("찾아볼게요") <= 1


def test_an_answer_word_before_a_model_sentence_stays(coach: cs_coach.Coach) -> None:
    assert coach.fix("네, 그건 저희도 어쩔 수 없어요.", unsafe=True).text.startswith("네, ")


@pytest.mark.parametrize(
    "text", ["그렇게 말씀하시면 뭘 어쩌라는 건지 모르겠네요.", "뭘 어떻게 하라는 건지 모르겠습니다."]
)
def test_a_rhetorical_what_do_you_want_gets_a_model_sentence(coach: cs_coach.Coach, text: str) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert "어쩌라는" not in fixed and "하라는" not in fixed
    assert "어떤 도움이 필요하신지" in fixed
    assert fixed.endswith("?")


def test_a_plain_i_do_not_know_still_promises_to_find_out(coach: cs_coach.Coach) -> None:
    assert coach.fix("배송 날짜는 저도 몰라요.", unsafe=True).text == "배송 날짜는 저도 확인해 보고 바로 알려 드릴게요."


@pytest.mark.parametrize("text", ["지난주에 택배를 못 보냈습니다.", "어제는 상품을 못 찾았어요."])
def test_what_did_not_happen_keeps_its_past_tense(coach: cs_coach.Coach, text: str) -> None:
    # '-기 어렵다' cannot carry the past: '지난주에 택배를 보내기 어렵습니다' says something else
    fixed = coach.fix(text, unsafe=True).text
    assert "기 어렵" not in fixed and "기 어려워" not in fixed
    assert fixed.startswith(text[:-1])


def test_the_fact_before_a_resignation_is_kept(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("영수증을 찾을 수가 없어서 어쩔 수 없어요.", unsafe=True).text
    assert fixed.startswith("영수증을 찾을 수가 없어서 ")
    assert "어쩔 수 없" not in fixed


def test_one_next_step_after_a_run_of_bad_news(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("창고에서 주문하신 가방을 못 찾았어요. 어쩔 수 없네요.", unsafe=True).text
    assert fixed.count("찾아볼게요") == 1
    assert "가방을 못 찾았어요" in fixed  # the fact the customer needs stays, in plain words
