"""Rewrite classes of the second reading round, as a trainer reads them.

Each class was rejected in a reading: a liability notice taken for a refusal, a refusal that kept hiding behind
규정, a generic next step where a callback is natural, a lexicon word whose plain substitute changes its sense,
memo style that lost its particle, a -고 split that gave one doer's mood to another, a failed attempt the agent can
retry. The sentences are written here for the classes; none is taken from a corpus."""

from __future__ import annotations

import re

import pytest

import cs_coach
from cs_coach.analyze import analyze
from cs_coach.sentences import understand_all
from cs_coach.split import split_edits

SLOT = re.compile(r"\{[^{}]*\}")



def _understood(text: str):
    return understand_all(analyze(text).sentences)[0]


# 1. a disclaimer of liability is the service's terms, not a refusal: no appended promise
@pytest.mark.parametrize(
    "text",
    [
        "고객 부주의로 생긴 파손은 저희가 책임지지 않습니다.",
        "택배 보관함에 두고 간 물건은 책임을 지지 않아요.",
        "타사 충전기를 쓰다가 생긴 고장은 보증하지 않습니다.",
    ],
)
def test_a_liability_notice_is_a_limitation_and_is_left_alone(coach: cs_coach.Coach, text: str) -> None:
    assert _understood(text).act == "limitation"
    assert coach.fix(text, unsafe=True).text == text


def test_withholding_a_service_is_still_a_refusal() -> None:
    assert _understood("이 경우 배상해 드리지 않습니다.").act == "refusal"


# 2. a rules-hiding refusal without the agent's reason drops the hiding phrase
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("규정상 재발급은 안 됩니다.", "재발급은 어렵습니다. 대신 다른 방법이 있는지 바로 찾아보겠습니다."),
        ("회사 방침상 부분 환불은 불가해요.", "부분 환불은 어려워요. 대신 다른 방법이 있는지 바로 찾아볼게요."),
        ("사은품 교환은 원칙적으로 안 됩니다.",
         "사은품 교환은 어렵습니다. 대신 다른 방법이 있는지 바로 찾아보겠습니다."),
    ],
)
def test_a_policy_refusal_without_a_reason_states_the_refusal_plainly(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    fixed = coach.fix(text, unsafe=True)
    assert fixed.text == expected
    # the template with the real reason is still offered, to be filled in
    waiting = {i.name for f in fixed.remaining for s in f.suggestions for i in s.inputs}
    assert "이유" in waiting or "대안" in waiting


def test_a_policy_refusal_followed_by_an_alternative_only_loses_the_hiding_phrase(coach: cs_coach.Coach) -> None:
    text = "규정상 재발급은 안 됩니다. 대신 임시 카드를 바로 보내 드릴게요."
    assert coach.fix(text, unsafe=True).text == "재발급은 어렵습니다. 대신 임시 카드를 바로 보내 드릴게요."


def test_with_the_agents_reason_the_template_wins(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("규정상 재발급은 안 됩니다.", unsafe=True,
                      inputs={"이유": "분실 신고된 카드", "대안": "새 카드 신청"}).text
    assert fixed == "분실 신고된 카드 때문에 재발급은 어렵지만, 대신 새 카드 신청은 바로 도와드리겠습니다."


# 3. the next step follows the class of what is negated
@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("정확한 입고 날짜는 지금 알 수 없습니다.", "knowledge",
         "정확한 입고 날짜는 지금 알기 어렵습니다. 확인되는 대로 바로 연락드리겠습니다."),
        ("배송 위치는 확인이 어려워요.", "knowledge", "배송 위치는 확인이 어려워요. 확인되는 대로 바로 연락드릴게요."),
        ("오늘은 전화 상담이 어렵습니다.", "contact",
         "오늘은 전화 상담이 어렵습니다. 대신 제가 먼저 다시 연락드리겠습니다."),
        ("포장 변경은 안 됩니다.", "action", "포장 변경은 어렵습니다. 대신 다른 방법이 있는지 바로 찾아보겠습니다."),
    ],
)
def test_the_next_step_is_chosen_by_the_negated_predicate(
    coach: cs_coach.Coach, text: str, predicate: str, expected: str
) -> None:
    assert _understood(text).predicate == predicate
    assert coach.fix(text, unsafe=True).text == expected


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("전화번호는 알려 드릴 수 없어요.", "action"),  # the agent withholds a service: not a lack of knowledge
        ("주문 조회가 안 됩니다.", "attempt"),
        ("정확한 날짜는 확인하기 힘듭니다.", "knowledge"),
        ("감사합니다.", None),
    ],
)
def test_predicate_classes(text: str, predicate: str | None) -> None:
    assert _understood(text).predicate == predicate


# 4. word senses: a substitute only where its sense is certain
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("방문하실 때 신분증을 지참해 주시기 바랍니다.", "방문하실 때 신분증을 챙겨 주시기 바랍니다."),
        ("휴대폰을 몸에 지참하고 있어야 걸음 수가 측정됩니다.", "휴대폰을 몸에 지참하고 있어야 걸음 수가 측정됩니다."),
        ("계약 기간이 만료되면 자동으로 연장됩니다.", "계약 기간이 끝나면 자동으로 연장됩니다."),
        ("만료된 상품권 번호는 다시 확인해 주세요.", "만료된 상품권 번호는 다시 확인해 주세요."),
        ("이벤트는 어제 종료되었습니다.", "이벤트는 어제 끝났습니다."),
        ("버튼을 다시 누르면 녹화가 종료됩니다.", "버튼을 다시 누르면 녹화가 종료됩니다."),
        ("Smart Switch가 종료됩니다.", "Smart Switch가 종료됩니다."),
    ],
)
def test_lexicon_senses(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text).text == expected


def test_same_day_service_is_not_that_day(coach: cs_coach.Coach) -> None:
    fixed = coach.fix("회사 방침이라서 당일 교환은 안 돼요.", unsafe=True).text
    assert "당일 교환" in fixed and "그날" not in fixed


def test_memo_style_gets_its_particle_back() -> None:
    ruled = cs_coach.Coach(config=cs_coach.Config(select=["notice-baram"]))
    assert ruled.fix("내일까지 서류 제출 바람.").text == "내일까지 서류를 제출해 주시기 바랍니다."
    assert ruled.fix("신청서 작성 요망.").text == "신청서를 작성해 주시기 바랍니다."
    # a compound keeps its nouns together and gets no particle inside it
    assert ruled.fix("회원가입 요망.").text == "회원가입해 주시기 바랍니다."


@pytest.mark.parametrize(
    "text",
    [
        "빅스비에게 오늘 날씨 어때라고 물어보시면 됩니다.",  # reported speech: not the agent's ending
        "또한 키보드도 추가 가능하빈다.",  # a typo Kiwi misreads: changing its ending breaks it further
    ],
)
def test_reported_speech_and_typos_keep_their_endings(coach: cs_coach.Coach, text: str) -> None:
    assert coach.fix(text).text == text


# 5. a -고 split with a doer on each side keeps each doer's own mood
def _split(text: str) -> str | None:
    sentence = analyze(text).sentences[0]
    edits = split_edits(sentence, text)
    if not edits:
        return None
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("제가 주문 내역을 바로 확인하고 고객님께서는 앱에서 반품 신청을 해 주세요.",
         "제가 주문 내역을 바로 확인할게요. 고객님께서는 앱에서 반품 신청을 해 주세요."),
        ("담당자가 내일 연락드리고 고객님께서는 편하신 시간을 알려 주시겠어요?",
         "담당자가 내일 연락드려요. 고객님께서는 편하신 시간을 알려 주시겠어요?"),
        ("저희가 새 상품을 보내 드리고 고객님은 받으신 뒤 기존 상품을 돌려보내 주시면 됩니다.",
         "저희가 새 상품을 보내 드리겠습니다. 고객님은 받으신 뒤 기존 상품을 돌려보내 주시면 됩니다."),
        ("포인트는 다음 달에 사라지고 쿠폰은 그대로 쓰실 수 있습니다.",
         "포인트는 다음 달에 사라집니다. 쿠폰은 그대로 쓰실 수 있습니다."),
    ],
)
def test_a_split_keeps_both_doers(text: str, expected: str) -> None:
    assert _split(text) == expected


def test_a_step_chain_of_one_doer_still_shares_the_request() -> None:
    assert _split("앱을 열고 설정 메뉴에서 알림을 켜 주세요.") == "앱을 열어 주세요. 설정 메뉴에서 알림을 켜 주세요."


# 6. a failed attempt the agent can make again gets the retry; a product's limitation does not
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("지금 로그인이 안 돼요.", "지금 로그인이 어렵겠지만 다시 해 볼게요."),
        ("연결이 안 됩니다.", "연결이 어렵겠지만 다시 해 보겠습니다."),
        ("이 태블릿은 LTE 연결이 안 됩니다.", "이 태블릿은 LTE 연결이 안 됩니다."),
        ("비행기 모드에서는 연결이 안 됩니다.", "비행기 모드에서는 연결이 안 됩니다."),
        ("와이파이를 끄면 연결이 안 됩니다.", "와이파이를 끄면 연결이 안 됩니다."),
    ],
)
def test_retry_only_for_the_agents_own_attempt(coach: cs_coach.Coach, text: str, expected: str) -> None:
    fixed = coach.fix(text, unsafe=True).text
    assert fixed == expected
    assert not SLOT.search(fixed)


def test_no_split_at_a_copula_kiwi_made_up() -> None:
    # '여시고' is read as 여시/NNG + 이/VCP (no letters) + 고: no ending can be rebuilt on it
    text = "이때는 앱을 완전히 닫았다가 다시 여시고 그래도 안 되면 휴대폰을 한 번 껐다 켜 보시고 다시 말씀해 주세요."
    assert "여시이" not in (_split(text) or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("앱을 껐다가 다시 켜 봐.", "앱을 껐다가 다시 켜 보세요."),  # banmal 'try it': a suggestion, not 봐요
        ("어제 벌써 보냈어.", "어제 벌써 보냈어요."),
    ],
)
def test_banmal_suggestions_become_requests(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text).text == expected


def test_a_banmal_give_me_is_never_left_as_jwoyo(coach: cs_coach.Coach) -> None:
    assert "줘요" not in coach.fix("주문 번호 알려 줘.", unsafe=True).text


def test_a_gloss_does_not_repeat_the_noun_after_it(coach: cs_coach.Coach) -> None:
    assert coach.fix("RMA 번호를 발급해 드리겠습니다.").text == "RMA(반품 승인) 번호를 발급해 드리겠습니다."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("확인했어요 ㅋㅋ", "확인했어요."),
        ("확인했어요! ㅋㅋ", "확인했어요!"),
        ("확인했어요. ㅋㅋㅋ", "확인했어요."),
    ],
)
def test_taking_laughter_off_leaves_one_closing_mark(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text, unsafe=True).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("이번 달 모집은 마감되었습니다.",
         "이번 달 모집은 마감되었습니다. 대신 다른 방법이 있는지 바로 찾아보겠습니다."),
        ("그 모델은 단종됐어요.", "그 모델은 단종됐어요. 대신 다른 방법이 있는지 바로 찾아볼게요."),
    ],
)
def test_news_that_something_ended_gets_a_next_step_without_inputs(
    coach: cs_coach.Coach, text: str, expected: str
) -> None:
    assert coach.fix(text, unsafe=True).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cause before the resignation stays and the resignation becomes a plain 'hard to help' + next step
        ("택배사 문제라 저희가 해 드릴 수 있는 게 없어요.",
         "택배사 문제라 도와드리기 어려워요. 대신 제가 할 수 있는 방법을 바로 찾아볼게요."),
        ("이미 출고돼서 도와드릴 방법이 없습니다.",
         "이미 발송돼서 도와드리기 어렵습니다. 대신 제가 할 수 있는 방법을 바로 찾아보겠습니다."),
        # a concession or a -고 step cannot lead into a model sentence: the model takes the whole sentence
        ("조금 불편해도 참고 쓰시는 수밖에 없어요.", "많이 속상하셨겠어요. 제가 할 수 있는 방법을 바로 찾아볼게요."),
    ],
)
def test_a_model_sentence_leaves_no_clause_hanging(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text, unsafe=True).text == expected


def test_a_fragment_misread_as_a_copula_keeps_its_ending(coach: cs_coach.Coach) -> None:
    assert coach.fix("감사합니다. 니다.").text == "감사합니다. 니다."


# classes found by the seed-3 reading (fixed after it; the sentences here are written for the classes)
@pytest.mark.parametrize(
    "text",
    [
        "다른 배경 화면을 고를 수 없는 경우, 지금 배경 화면은 바꿀 수 없습니다.",  # a limitation as the condition
        "상대방이 사진을 열어 보기만 하고 답장을 보내지 않으면 알 수 없습니다.",  # two conditions joined by -만 하고
    ],
)
def test_a_negative_condition_is_not_turned_positive_when_the_converse_differs(
    coach: cs_coach.Coach, text: str
) -> None:
    assert coach.fix(text, unsafe=True).text == text


@pytest.mark.parametrize(
    "text",
    [
        "이 기능을 켜면 휴대폰을 귀에 대고 통화할 때 주변 소리를 줄여 줍니다.",  # -고 of manner
        "홈 버튼이 없는 모델은 화면 아래쪽을 위로 밀고 잠시 멈추시거나 홈 버튼이 있는 모델은 홈 버튼을 두 번 누르세요.",
    ],
)
def test_no_split_inside_a_manner_or_an_alternative(text: str) -> None:
    assert _split(text) is None


def test_a_noun_kiwi_splits_keeps_its_head_when_conjugated(coach: cs_coach.Coach) -> None:
    # Kiwi reads 주소변경 as 주소 + 변경: the rewrite conjugates 변경 하다 and keeps 주소 as written
    assert coach.fix("지금은 주소변경 할 수 없어요.", unsafe=True).text == (
        "지금은 주소변경 하기 어려워요. 대신 다른 방법이 있는지 바로 찾아볼게요.")
    assert _understood("두 대의 기기에 동시에 페어링 할 수 없습니다.").act == "limitation"


def test_a_warranty_term_is_a_limitation(coach: cs_coach.Coach) -> None:
    text = "정품이 아닌 부품으로 생긴 고장은 보증 수리가 적용되지 않아요."
    assert _understood(text).act == "limitation"
    assert coach.fix(text, unsafe=True).text == text


def test_the_adverb_dongilhage_becomes_ttokgachi(coach: cs_coach.Coach) -> None:
    assert coach.fix("모든 기기에서 화면이 동일하게 보입니다.").text == "모든 기기에서 화면이 똑같이 보입니다."
