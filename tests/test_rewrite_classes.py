"""Rewrites by class, as a trainer reads them: each class that was rejected gets the rewrite a trainer accepts.

The sentences are written here for the classes (refusal without the agent's alternative, a wait order alone,
a dismissive redirect, 반말 copula endings, numbers with their unit); none is taken from a corpus."""

from __future__ import annotations

import re

import pytest

import cs_coach

SLOT = re.compile(r"\{[^{}]*\}")



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("포장 변경은 안 됩니다.", "포장 변경은 어렵습니다. 대신 다른 방법이 있는지 바로 찾아보겠습니다."),
        ("당일 배송은 불가능해요.", "당일 배송은 어려워요. 대신 다른 방법이 있는지 바로 찾아볼게요."),
    ],
)
def test_a_refusal_without_inputs_gets_a_next_step_the_agent_can_keep(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    result = coach.fix(text, unsafe=True)
    assert result.text == expected
    # the template for a real alternative is still offered, to be filled in
    waiting = [s for f in result.remaining for s in f.suggestions if s.inputs]
    assert waiting and all(SLOT.search(s.replacement) for s in waiting)
    assert {i.name for s in waiting for i in s.inputs} == {"대안"}


def test_with_the_agents_alternative_the_template_wins(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("포장 변경은 안 됩니다.", unsafe=True, inputs={"대안": "선물용 쇼핑백"}).text
    assert fixed == "포장 변경은 어렵습니다. 대신 선물용 쇼핑백은 바로 도와드릴 수 있습니다."


def test_a_refusal_that_already_offers_something_keeps_it(coach: cs_coach.Coach) -> None:
    text = "포장 변경은 어렵습니다. 대신 쇼핑백은 바로 드릴게요."
    assert coach.fix(text, unsafe=True).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("기다리세요.", "잠시만 기다려 주시겠어요?"),
        ("잠시 기다리십시오.", "잠시 기다려 주시겠습니까?"),
    ],
)
def test_a_wait_order_alone_gets_its_safe_request(coach: cs_coach.Coach, text: str, expected: str) -> None:
    # the hint that a number of minutes would be kinder (info) does not block the request a trainer accepts
    result = coach.fix(text)
    assert result.text == expected
    assert all(f.severity == "info" for f in result.remaining)


@pytest.mark.parametrize(
    ("text", "safe", "unsafe"),
    [
        ("그건 저쪽 가서 알아봐.", "그건 저쪽 가서 알아봐.",
         "그 부분은 담당 부서에서 자세히 안내받으실 수 있어요. 연락처를 바로 알려 드릴게요."),
        ("상담은 본사에 가서 문의하십시오.", "상담은 본사에 가서 문의하십시오.",
         "상담은 본사에서 자세히 안내받으실 수 있습니다. 연락처를 바로 알려 드리겠습니다."),
    ],
)
def test_a_dismissive_redirect_gets_a_model_sentence_not_an_ending_swap(
    coach: cs_coach.Coach, text: str, safe: str, unsafe: str
) -> None:
    # no safe fix: a polite ending alone ('알아봐요') would leave the customer sent away (round 3: left unchanged)
    assert coach.fix(text).text == safe
    assert coach.fix(text, unsafe=True).text == unsafe


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("그 신발은 품절이야.", "그 신발은 품절이에요."),  # never 품절이예요
        ("이번 행사는 어제까지였다.", "이번 행사는 어제까지였어요."),  # never 였에요
        ("그건 제 담당이 아니야.", "그건 제 담당이 아니에요."),
        ("회의실은 3층이세요.", "회의실은 3층이에요."),  # never '3 층이에요'
    ],
)
def test_safe_endings_are_spelled_right(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("고객님이 카드 번호를 잘못 입력하셔서 결제가 취소됐습니다.",
         "카드 번호가 다르게 입력돼서 결제가 취소됐습니다."),
        ("손님이 수령지를 잘못 등록하셔서 택배가 반송되었어요.", "수령지가 다르게 등록돼서 택배가 되돌아갔어요."),
    ],
)
def test_customer_fault_becomes_what_happened(coach: cs_coach.Coach, text: str, expected: str) -> None:
    # the object becomes the subject of what happened, written as it was, with its particle agreeing
    assert coach.fix(text, unsafe=True).text == expected


def test_a_noun_inside_a_compound_is_not_replaced(coach: cs_coach.Coach) -> None:
    # 수령 -> 받기 would break 수령지 ('받기 지') and 상품수령
    for text in ["수령지를 한 번 더 확인해 주시겠어요?", "상품수령이 늦어지고 있어요."]:
        report = coach.check(text)
        assert not [s for f in report.findings if f.rule_id == "easy-admin-words" for s in f.suggestions]


def test_a_verbal_noun_before_ganeung_is_not_made_a_nominal(coach: cs_coach.Coach) -> None:
    # '오늘 중 받기 가능합니다' is no plainer than '수령 가능합니다': it wants the whole clause rewritten
    assert "받기" not in coach.fix("금일 중 수령 가능합니다.", unsafe=True).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # never 보이시면 ('if visible')
        ("매장 직원에게 회원 카드를 제시하시면 됩니다.", "매장 직원에게 회원 카드를 보여 주시면 됩니다."),
        # never 보여 줘 주시겠어요
        ("입구에서 예약 문자를 제시해 주시겠어요?", "입구에서 예약 문자를 보여 주시겠어요?"),
    ],
)
def test_a_two_word_replacement_does_not_stack_the_benefactive(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    assert coach.fix(text).text == expected
