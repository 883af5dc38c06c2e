"""Issue 9, recall by class: refusals by the agent's side on any verb, 불가 + copula, the refusal as the last word
after a contrast (아론슨 order) and the problem made normal. Every sentence here is written for the test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_coach import Coach


def rules(coach: Coach, text: str) -> set[str]:
    return {r for f in coach.check(text).findings for r in (f.rule_id, *f.also)}


def acts(coach: Coach, text: str) -> list[str]:
    return [s.act for s in coach.check(text).sentences]


AGENTS = ("저희 매장은", "저희 센터에서는", "저희 지점은", "저희는")
OBJECTS = ("가죽 소파를", "중고 자전거를", "수입 가구를", "겨울 외투를")
DECLINED = ("수선하지 않습니다", "수거하지 않아요", "맡아 드리지 못합니다", "포장해 드리지 못해요",
            "배달해 드리지 않습니다")


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(AGENTS), st.sampled_from(OBJECTS), st.sampled_from(DECLINED))
def test_the_agents_side_declining_any_service_verb_is_a_refusal(agent: str, obj: str, verb: str) -> None:
    text = f"{agent} {obj} {verb}."
    c = Coach()
    assert acts(c, text) == ["refusal"]
    assert "agent-declines" in rules(c, text) or "mot-hada" in rules(c, text)


def test_a_refusal_followed_by_what_can_be_done_is_left_alone(coach: Coach) -> None:
    assert not rules(coach, "저희 매장은 가죽 소파를 수선하지 않지만, 가까운 수선 전문점을 바로 소개해 드릴게요.")


@pytest.mark.parametrize("text", [
    "저희는 고객님께 카드 비밀번호를 절대 묻지 않습니다.",  # protection
    "저희는 반품 수수료를 따로 받지 않아요.",  # good news
    "이 청소기는 이 충전기를 인식하지 않습니다.",  # a product's limitation
    "저희가 아직 보내 드리지 못했어요. 오늘 오후에 보내 드릴게요.",  # still under way, with what comes next
])
def test_not_refusals_are_not_flagged_as_the_agent_declining(coach: Coach, text: str) -> None:
    assert not rules(coach, text) & {"agent-declines", "refuse-service", "mot-hada"}


@pytest.mark.parametrize("text", ["해당 상품은 교환 불가에요.", "이 옷은 반품 불가예요.",
                                  "이 쿠폰은 사용이 불가능합니다."])
def test_a_service_or_deal_denied_with_bulga_is_a_refusal(coach: Coach, text: str) -> None:
    assert acts(coach, text) == ["refusal"]
    assert "bulganeung" in rules(coach, text)


@pytest.mark.parametrize("text", ["이 모델은 방수 불가예요.", "이 모델은 무선 충전이 불가능해요."])
def test_a_devices_capability_with_bulga_stays_a_limitation(coach: Coach, text: str) -> None:
    assert acts(coach, text) == ["limitation"]


@pytest.mark.parametrize("bad, good", [
    ("매장 픽업은 되지만 당일 배송은 어렵습니다.", "당일 배송은 어렵지만 매장 픽업은 됩니다."),
    ("부분 환불은 가능하지만 전액 환불은 해 드릴 수 없어요.", "전액 환불은 해 드릴 수 없지만 부분 환불은 가능해요."),
    ("온라인 접수는 가능하고요, 전화 접수는 받지 않습니다.", "전화 접수는 받지 않지만 온라인 접수는 가능합니다."),
])
def test_the_refusal_as_the_last_word_after_what_can_be_done(coach: Coach, bad: str, good: str) -> None:
    assert "refusal-last" in rules(coach, bad)
    assert "refusal-last" not in rules(coach, good)


def test_the_aronson_rewrite_moves_whole_noun_phrases(coach: Coach) -> None:
    """The swap used to take only the last noun of the first topic (카드 현금 할부는 …)."""
    fixed = coach.fix("카드 할부는 되지만 현금 할부는 어렵습니다.", unsafe=True)
    assert fixed.text == "현금 할부는 어렵지만 카드 할부는 됩니다."


@pytest.mark.parametrize("text", [
    "원래 그만큼은 밀려요.",
    "다들 그 정도는 늦어져요.",
    "접수가 밀리는 건 흔한 일이에요.",
    "몇 주 기다리시는 건 당연해요.",
])
def test_the_problem_made_normal(coach: Coach, text: str) -> None:
    assert "problem-made-normal" in rules(coach, text)


@pytest.mark.parametrize("text", [
    "보통 사흘 정도 걸려요.",  # information with a number, no complaint taken up
    "그렇게 느끼시는 건 당연해요.",  # the customer's feeling acknowledged
    "오래 기다리셔서 답답하셨죠. 보통은 이틀이면 도착해요.",
])
def test_information_and_acknowledgement_are_not_dismissal(coach: Coach, text: str) -> None:
    assert "problem-made-normal" not in rules(coach, text)


@pytest.mark.parametrize("text, fixed", [
    ("관리비는 매달 말일에 카드로 넘어가세요.", "관리비는 매달 말일에 카드로 넘어가요."),
    ("적립금은 어제 계좌로 들어오셨어요.", "적립금은 어제 계좌로 들어왔어요."),
    ("이번 달 보험료는 통장에서 빠져나가실 거예요.", "이번 달 보험료는 통장에서 빠져나갈 거예요."),
])
def test_money_moving_by_itself_is_the_subject_of_its_motion_verb(coach: Coach, text: str, fixed: str) -> None:
    report = coach.check(text)
    assert report.sentences[0].clauses[-1].subject_class in ("thing", "product")
    assert {f.category for f in report.findings} >= {"honorific"}
    assert "request" not in {f.category for f in report.findings}
    assert coach.fix(text).text == fixed


@pytest.mark.parametrize("text", ["관리비는 말일까지 카드로 내세요.", "택배는 경비실에서 찾아가세요."])
def test_money_or_a_parcel_handled_by_the_customer_stays_an_object(coach: Coach, text: str) -> None:
    report = coach.check(text)
    assert "honorific" not in {f.category for f in report.findings}
    assert report.sentences[0].act == "request"


def test_a_modifier_of_a_noun_is_no_predicate_of_a_thing(coach: Coach) -> None:
    """'쓰실 수 있는 기능입니다': the customer uses it (a mark of seed 2030 on the real turns read this as wrong)."""
    text = "야간 촬영을 하실 때 쓰실 수 있는 기능입니다."
    assert "honorific" not in {f.category for f in coach.check(text).findings}
    assert "object-honorific-clause" in rules(coach, "새 상품은 다음 주에 입고되실 예정이에요.")
