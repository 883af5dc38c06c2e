"""Rewrite classes a trainer rejected in the seed-4 reading and the known open ones (issue 10, round 3).

Every sentence here is written for the test, as a CS trainer would write it."""

from __future__ import annotations

import pytest
from splitting import split_text

import cs_coach


@pytest.mark.parametrize(
    "text",
    [
        # carrying or bringing along is the manner of the next act, not a step of its own
        "고객님이 영수증을 가지고 매장에 오시면 그 자리에서 바로 교환해 드릴 수 있습니다.",
        "보호자분이 아이를 데리고 센터에 오시면 담당자가 바로 접수를 도와드려요.",
        # one subject over both clauses of a condition: the chain is one condition
        "고객님이 앱을 업데이트하고 다시 로그인하시면 쿠폰함에서 새 쿠폰을 확인하실 수 있습니다.",
        # the step before a '-거나,' alternative belongs to that alternative, comma or not
        "알림 창을 내리고 스위치를 끄거나, 스위치가 없으면 설정에서 알림 항목을 찾아 직접 꺼 주세요.",
        # a condition said first scopes over both coordinated results
        "자동 결제를 해지하시면 다음 달부터 요금이 나가지 않고 쿠폰이 모두 사라집니다.",
        "배송지를 바꾸시는 경우 도착일이 하루 늦어지고 배송비가 따로 붙을 수 있습니다.",
    ],
)
def test_no_cut_that_changes_what_the_sentence_says(text: str) -> None:
    assert split_text(text) is None


def test_a_second_result_with_a_frame_of_its_own_is_still_cut() -> None:
    text = "자동 결제를 해지하시면 다음 달부터 요금이 나가지 않고 남은 기간 동안은 그대로 이용하실 수 있습니다."
    assert split_text(text) == ("자동 결제를 해지하시면 다음 달부터 요금이 나가지 않습니다. "
                            "남은 기간 동안은 그대로 이용하실 수 있습니다.")


def test_two_results_each_under_its_own_condition_are_still_cut() -> None:
    text = "왼쪽으로 밀면 메시지가 보관함으로 옮겨지고 오른쪽으로 밀면 읽음으로 바뀝니다."
    assert split_text(text) == "왼쪽으로 밀면 메시지가 보관함으로 옮겨집니다. 오른쪽으로 밀면 읽음으로 바뀝니다."


@pytest.mark.parametrize(
    ("text", "unsafe"),
    [
        ("반품 접수 완료함.", "반품 접수 완료했습니다."),
        ("고객님 계좌로 환불 처리함.", "고객님 계좌로 환불 처리했습니다."),
        ("교환 상품은 오늘 오전에 발송됨.", "교환 상품은 오늘 오전에 발송됐습니다."),
    ],
)
def test_memo_style_of_an_act_keeps_its_perfective(coach: cs_coach.Coach, text: str, unsafe: str) -> None:
    # '-함' on an action has no tense: '완료합니다' would say it is still to be done, so nothing safe is applied
    assert coach.fix(text).text == text
    assert coach.fix(text, unsafe=True).text == unsafe


def test_memo_style_of_a_state_is_safely_present(coach: cs_coach.Coach) -> None:
    assert coach.fix("방문하실 때 신분증 원본이 필요함.").text == "방문하실 때 신분증 원본이 필요합니다."


def test_wonhwal_has_no_one_word_substitute(coach: cs_coach.Coach) -> None:
    texts = ("통화 연결이 원활하지 않으면 잠시 뒤에 다시 걸어 주세요.", "원활한 진행을 위해 서류를 미리 준비해 주세요.")
    for text in texts:
        report = coach.check(text)
        wonhwal = [f for f in report.findings if "원활" in f.text]
        assert wonhwal and all(not f.suggestions for f in wonhwal)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent's own half needs no cushion: it softens the customer's part of the work
        ("제가 주문 내역을 확인하고 고객님께서는 영수증 사진을 보내 주세요.",
         "제가 주문 내역을 확인하고 번거로우시겠지만 고객님께서는 영수증 사진을 보내 주시겠어요?"),
        ("담당자가 내일 전화드리는데, 고객님은 신분증을 미리 준비해 주세요.",
         "담당자가 내일 전화드리는데, 번거로우시겠지만 고객님은 신분증을 미리 준비해 주세요."),
        # a condition with a comma still leads up to the request
        ("배송이 늦어지면, 이 창으로 연락 주세요.", "배송이 늦어지면, 번거로우시겠지만 이 창으로 연락 주세요."),
    ],
)
def test_a_cushion_goes_before_the_customers_part(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text, unsafe=True).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("정책상 어쩔 수 없습니다.", "도와드리기 어렵습니다. 대신 제가 할 수 있는 방법을 바로 찾아보겠습니다."),
        ("교환은 저희 규정상 어쩔 수가 없네요.",
         "교환은 도와드리기 어려워요. 대신 제가 할 수 있는 방법을 바로 찾아볼게요."),
        ("약관이 그래서 저희가 해 드릴 수 있는 게 없어요.",
         "도와드리기 어려워요. 대신 제가 할 수 있는 방법을 바로 찾아볼게요."),
    ],
)
def test_a_resignation_behind_a_rule_is_a_plain_refusal_without_the_rule(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert fixed == expected
    assert not any(word in fixed for word in ("규정", "정책", "약관", "속상"))


def test_a_reproach_loses_its_intensifier_with_its_ending(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("설치 방법은 설명서 첫 장에 분명히 나와 있잖아요.", unsafe=True).text
    assert fixed == "설치 방법은 설명서 첫 장에 나와 있어요."


def test_a_checkbox_label_or_icon_is_not_turned_into_hwagin(coach: cs_coach.Coach) -> None:
    texts = ("필터를 열고 '사진만 보기'를 체크하면 사진만 모아 볼 수 있습니다.", "알림 옆의 체크 아이콘을 누르세요.")
    for text in texts:
        assert "확인" not in coach.fix(text, unsafe=True).text
    assert coach.fix("주문 내용을 체크해 주세요.", unsafe=True).text == "주문 내용을 확인해 주세요."


def test_an_adverb_led_replacement_needs_a_light_verb(coach: cs_coach.Coach) -> None:
    # '다시 전화' stands for 회신 전화 only where a verb takes it; before '를 위한' it would not be a noun phrase
    assert coach.fix("배너를 내리면 회신 전화를 위한 알림을 받을 수 있습니다.", unsafe=True).text == (
        "배너를 내리면 회신 전화를 위한 알림을 받을 수 있습니다.")
    assert coach.fix("오늘 오후에 회신 전화 드리겠습니다.", unsafe=True).text == "오늘 오후에 다시 전화 드리겠습니다."


def test_a_swapped_verb_never_ends_in_a_spoken_contraction(coach: cs_coach.Coach) -> None:
    text = "카메라가 얼굴을 자동으로 식별하여 초점을 맞춥니다."
    assert "알아봐 " not in coach.fix(text, unsafe=True).text
    assert coach.fix("상품을 수령하여 확인해 주세요.").text == "상품을 받아 확인해 주세요."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("예약 시간 변경은 할 수 없습니다.", "예약 시간 변경은 어렵습니다."),
        ("주문 취소도 할 수 없어요.", "주문 취소도 어려워요."),
        ("그건 제가 할 수 없습니다.", "그건 제가 하기 어렵습니다."),
    ],
)
def test_a_verbal_noun_topic_takes_eoryeopda_without_hagi(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text, unsafe=True).text.startswith(expected)


def test_a_second_result_opening_with_its_object_stays_under_the_condition() -> None:
    text = "앱이 상자를 알아보면 상자 둘레에 흰 테두리가 생기고 크기를 바로 재실 수 있습니다."
    assert split_text(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "충전 케이블이 파손된 경우 충전이 느려지거나 멈출 수 있습니다.",
        "업데이트 설치가 지연되었다면 와이파이 연결을 먼저 확인해 보세요.",
    ],
)
def test_no_apology_before_a_hypothetical(coach: cs_coach.Coach, text: str) -> None:
    # a problem said as a condition is an explanation, not something the customer went through
    assert "죄송" not in coach.fix(text, unsafe=True).text


def test_an_apology_still_comes_before_a_problem_that_happened(coach: cs_coach.Coach) -> None:
    text = "보내 드린 컵이 파손되어 도착했군요. 사진을 보내 주시면 바로 새 컵을 보내 드릴게요."
    assert coach.fix(text, unsafe=True).text == "불편을 드려 정말 죄송해요. " + text


def test_not_relation_is_a_condition_of_its_own_and_cannot_contradict_relation() -> None:
    from pydantic import ValidationError

    from cs_coach.schema import Condition

    assert Condition(not_relation=["condition"]).not_relation == ["condition"]
    with pytest.raises(ValidationError):
        Condition(relation=["condition"], not_relation=["condition"])


@pytest.mark.parametrize(
    "text",
    [
        # a modifier before the second subject does not make it a frame of its own
        "앱을 지우시면 휴대폰에 저장된 사진이 모두 사라지고 설정해 두신 알림이 함께 꺼집니다.",
        # an organisation as the subject with 에서
        "이 설정을 켜시면 방문한 사이트가 위치를 볼 수 없고 광고 업체에서 방문 기록을 모을 수 없습니다.",
    ],
)
def test_a_second_result_stays_under_its_condition(text: str) -> None:
    assert split_text(text) is None


def test_no_cushion_before_a_device_step(coach: cs_coach.Coach) -> None:
    text = "배터리를 분리했다가 다시 끼워 주세요."
    assert coach.fix(text, unsafe=True).text == text


def test_no_softener_before_naming_the_customers_mistake(coach: cs_coach.Coach) -> None:
    # '확인해 보니 손님이 주소를 잘못 적으셨어요' still blames: the rewrite is the agent's to make
    text = "손님이 주소를 잘못 적으셨어요."
    assert "확인해 보니" not in coach.fix(text, unsafe=True).text
    assert coach.fix("주소가 잘못 입력되어 있네요.", unsafe=True).text == "확인해 보니 주소가 잘못 입력되어 있네요."


def test_a_negative_condition_after_its_positive_is_left(coach: cs_coach.Coach) -> None:
    text = "사진이 클라우드에 올라가 있으면 되살릴 수 있지만, 올라간 사진이 없으면 되살릴 수 없어요."
    assert coach.fix(text, unsafe=True).text == text


@pytest.mark.parametrize("text", ["결제가 아직 안 됐어요.", "입금 확인이 아직 안 됐습니다."])
def test_news_of_what_is_not_done_yet_keeps_its_ending(coach: cs_coach.Coach, text: str) -> None:
    # '아직 어렵겠지만 다시 해 볼게요' or '아직 어려워요' would say something else than 'not done yet'
    fixed = coach.fix(text, unsafe=True).text
    assert "어렵" not in fixed and "어려워" not in fixed
    assert "아직 안 됐" in fixed


def test_a_dismissive_clause_gets_no_safe_ending_swap(coach: cs_coach.Coach) -> None:
    # '그건 매장에 가서 물어봐요' is polite in form and still sends the customer away: only the model sentence fixes it
    text = "그건 매장에 가서 물어봐."
    assert coach.fix(text).text == text
    assert "안내받으실 수 있어요" in coach.fix(text, unsafe=True).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("알았어, 주문 번호를 다시 보내 줄게.", "네, 주문 번호를 다시 보내 드릴게요."),
     ("알겠어. 바로 확인해 볼게.", "알겠어요. 바로 확인해 볼게요.")],
)
def test_a_banmal_answer_word_is_fixed_with_the_ending(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text).text == expected


def test_a_rule_told_as_normal_gets_the_refusal_model_not_empathy(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("저희 방침이 원래 그래요.", unsafe=True).text
    assert fixed == "이 부분은 도와드리기 어려워요. 대신 제가 할 수 있는 방법을 바로 찾아볼게요."
    assert coach.fix("배터리가 빨리 닳는 건 원래 그래요.", unsafe=True).text.startswith("많이 불편하셨겠어요.")
