"""Whole-Coach rewrites for the tone-of-voice packs (positive, honorific, request, tone, policy, blame).

The examples inside each rule run with that rule alone; these cases run every built-in pack together, so
they catch rules that fight over the same words (a rewrite that another pack then rewrites again) and
rewrites that need two fix rounds (an order becomes a request, then the request gets its question mark).
"""

from __future__ import annotations

import pytest

import cs_coach

SAFE = [
    ("확인하실게요.", "확인해 주시겠어요?"),
    ("주문하신 커피 나오셨습니다.", "주문하신 커피 나왔습니다."),
    ("총 5만 원이세요.", "총 5만 원이에요."),
    ("이 모델은 녹화 기능도 있으세요.", "이 모델은 녹화 기능도 있어요."),
    ("이름을 쓰시오.", "이름을 써 주시겠습니까?"),
    ("무슨 일이세요?", "무엇을 도와드릴까요?"),
]

# A safe rewrite that brings another finding is rolled back: the request made of an order lacks a cushion
# (cushion-request), which only an unsafe fix adds; both go in together with --unsafe.
LEFT_BY_SAFE_FIX = ["신청서를 작성하세요."]

# A dismissive clause is not fixed by an ending swap ('그건 거기 가서 물어봐요' still sends the customer away): the
# swap is no safe fix there, only the rule's model sentence (unsafe) is.
LEFT_DISMISSIVE = ["그건 거기 가서 물어봐"]

UNSAFE = [
    ("신청서를 작성하세요.", "번거로우시겠지만 신청서를 작성해 주시겠어요?"),
    ("품질은 좋지만 가격이 비쌉니다.", "가격이 비싸지만 품질은 좋습니다."),
    ("몰라요.", "확인해 보고 바로 알려 드릴게요."),
    ("결제 도와드리겠습니다.", "결제해 드리겠습니다."),
]

# Category of each rewritten sentence's problem: gone after the fix.
CATEGORY = {
    "확인하실게요.": "honorific",
    "주문하신 커피 나오셨습니다.": "honorific",
    "신청서를 작성하세요.": "request",
    "그건 거기 가서 물어봐": "tone",
}



@pytest.mark.parametrize(("text", "expected"), SAFE, ids=[t for t, _ in SAFE])
def test_safe_fix(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text).text == expected


@pytest.mark.parametrize("text", LEFT_BY_SAFE_FIX)
def test_safe_fix_that_would_bring_a_new_finding_is_rolled_back(coach: cs_coach.Coach, text: str) -> None:
    result = coach.fix(text)
    assert result.text == text and not result.applied


@pytest.mark.parametrize("text", LEFT_DISMISSIVE)
def test_a_dismissive_clause_is_left_to_the_model_sentence(coach: cs_coach.Coach, text: str) -> None:
    assert coach.fix(text).text == text
    assert coach.fix(text, unsafe=True).text != text


def test_template_rewrite_needs_the_agents_words(coach: cs_coach.Coach) -> None:
    text = "규정상 환불이 불가합니다."
    bare = coach.fix(text, unsafe=True)
    # without the agent's reason, the rewrite drops the rule it hid behind and states the refusal plainly
    assert "{" not in bare.text and "규정상" not in bare.text
    waiting = [s for f in bare.remaining for s in f.suggestions if s.inputs]
    assert waiting and {i.name for s in waiting for i in s.inputs} >= {"대안"}
    filled = coach.fix(text, unsafe=True, inputs={"이유": "개봉한 상품은 다시 팔 수 없기", "대안": "같은 상품 교환"})
    # which template carries the agent's words depends on what re-checks clean; never a slot in the text
    assert "같은 상품 교환은" in filled.text and "{" not in filled.text


@pytest.mark.parametrize(("text", "expected"), UNSAFE, ids=[t for t, _ in UNSAFE])
def test_unsafe_fix(coach: cs_coach.Coach, text: str, expected: str) -> None:
    assert coach.fix(text, unsafe=True).text == expected


@pytest.mark.parametrize(("text", "category"), CATEGORY.items(), ids=list(CATEGORY))
def test_fix_removes_the_problem(coach: cs_coach.Coach, text: str, category: str) -> None:
    assert any(f.category == category for f in coach.check(text).findings)
    fixed = coach.fix(text, unsafe=True)
    assert not any(f.category == category for f in fixed.remaining), [f.rule_id for f in fixed.remaining]


def test_mixed_speech_levels_named_once_per_reply(coach: cs_coach.Coach) -> None:
    report = coach.check("안녕하세요, 고객님. 주문하신 상품은 어제 보냈어.")
    assert report.speech_level == "mixed"
    assert [f.rule_id for f in report.findings if f.rule_id == "mixed-speech-levels"] == ["mixed-speech-levels"]
    assert any(f.rule_id == "banmal-ending" and f.text == "보냈어" for f in report.findings)
