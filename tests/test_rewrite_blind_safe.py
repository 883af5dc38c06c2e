"""Safe-fix classes a trainer rejected when reading fixes of sentences nobody had tuned to (blind set C).

Every sentence here is written for the test, as a CS trainer would write it: the set's own rows stay unread."""

from __future__ import annotations

import pytest

import cs_coach
from cs_coach.inflect import join
from cs_coach.josa import ends_in_consonant


@pytest.mark.parametrize(
    ("word", "coda"),
    [("3.5%", False), ("20%", False), ("30℃", False), ("SSD", False), ("10", True), ("1,000원", True),
     ("사이즈", False), ("$", False), ("", None), ("★", None)],
)
def test_how_a_word_ends_as_read(word: str, coda: bool | None) -> None:
    assert ends_in_consonant(word) is coda


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("이 적금 금리는 연 3.5%세요.", "이 적금 금리는 연 3.5%예요."),
        ("오늘 낮 최고 기온은 30℃세요.", "오늘 낮 최고 기온은 30℃예요."),
        ("배송비는 2,500원이세요.", "배송비는 2,500원이에요."),
    ],
)
def test_copula_after_a_number_or_unit_agrees_with_how_it_is_read(coach: cs_coach.Coach, text: str,
                                                                  fixed: str) -> None:
    assert coach.fix(text).text == fixed


@pytest.mark.parametrize("text", ["그 사이즈는 다 팔려서 지금은 주문 못 하세요.", "오늘은 점검 중이라 이체 못하세요.",
                                  "그 요금제로는 아직 안 바꾸세요?"])
def test_negated_seyo_is_no_order(coach: cs_coach.Coach, text: str) -> None:
    report = coach.check(text)
    assert all("order-verb" not in (f.rule_id, *f.also) for f in report.findings)
    assert "주시겠어요" not in coach.fix(text).text


@pytest.mark.parametrize("text", ["그건 홈페이지에서 알아서 해.", "비밀번호는 앱에서 알아서 하세요.",
                                  "그 부분은 고객님이 알아서 하셔야 돼요."])
def test_passing_the_buck_gets_no_ending_only_fix(coach: cs_coach.Coach, text: str) -> None:
    report = coach.check(text)
    assert [f.rule_id for f in report.findings] == ["passing-the-buck"]
    assert coach.fix(text).text == text  # 알아서 해요 / 알아서 해 주시겠어요? would keep the buck passed
    assert "안내해 드" in coach.fix(text, unsafe=True).text


@pytest.mark.parametrize("text", ["그 일은 제가 알아서 해 드릴게요.", "필요한 서류는 저희가 알아서 챙겨 드리겠습니다."])
def test_taking_it_on_is_not_passing_the_buck(coach: cs_coach.Coach, text: str) -> None:
    assert all(f.rule_id != "passing-the-buck" for f in coach.check(text).findings)


def test_a_bare_si_eo_connective_is_not_cut_to_syeo() -> None:
    assert join([("챙기", "VV"), ("시", "EP"), ("어", "EC")]) == "챙기시어"
    assert join([("오", "VV"), ("시", "EP"), ("어서", "EC")]) == "오셔서"
    assert join([("가", "VV"), ("시", "EP"), ("어요", "EF")]) == "가세요"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("이 과정은 모두 여섯 단계로 구성되어 계세요.", "이 과정은 모두 여섯 단계로 구성되어 있어요."),
        ("보증서는 상자 맨 아래 칸에 들어 계십니다.", "보증서는 상자 맨 아래 칸에 들어 있습니다."),
    ],
)
def test_gyesida_of_a_thing_becomes_itda_not_a_copula(coach: cs_coach.Coach, text: str, fixed: str) -> None:
    assert coach.fix(text).text == fixed  # was '계예요': Kiwi reads 계세요 as 계/NNG + 이다


@pytest.mark.parametrize("text", ["편하게 앉아 계세요.", "잠시만 그 자리에서 기다리고 계세요.",
                                  "원장님은 지금 진료실에 계십니다."])
def test_gyesida_of_a_person_is_right(coach: cs_coach.Coach, text: str) -> None:
    assert all(f.category != "honorific" for f in coach.check(text).findings)


@pytest.mark.parametrize(
    "text",
    ["조식은 숙박객이시면 무료로 드실 수 있어요.", "서류는 직접 가져오셔도 되고 우편으로 보내셔도 됩니다.",
     "쿠폰은 미리 받아 두셨어도 결제할 때 한 번 더 눌러 주셔야 해요."],
)
def test_the_customers_si_under_a_topic_thing_is_kept(coach: cs_coach.Coach, text: str) -> None:
    # a safe fix that strips the customer's -시- (숙박객이면, 가져와도) is rude: the topic is not the subject here
    assert all(f.category != "honorific" for f in coach.check(text).findings)
    assert coach.fix(text).text == text


def test_memo_request_keeps_its_prefix(coach: cs_coach.Coach) -> None:
    assert coach.fix("수정한 양식으로 재접수 요망.").text == "수정한 양식으로 재접수해 주시기 바랍니다."


@pytest.mark.parametrize("text", ["네, 알겠으니까 같은 말씀 그만 좀 하세요.", "이제 그만해."])
def test_telling_the_customer_to_stop_gets_no_ending_only_fix(coach: cs_coach.Coach, text: str) -> None:
    assert coach.check(text).findings[0].rule_id == "telling-to-stop"
    assert coach.fix(text).text == text  # '그만 좀 해 주시겠어요?' still tells the customer to stop
    assert "이해했" in coach.fix(text, unsafe=True).text


def test_the_customers_si_before_an_obligation_is_kept(coach: cs_coach.Coach) -> None:
    text = "그 부분은 카드사 규정이라 카드사에 직접 문의하셔야 해요."
    assert all(f.category != "honorific" for f in coach.check(text).findings)
    assert "문의하셔야" in coach.fix(text).text or "문의해 주셔야" in coach.fix(text).text
