"""The fixer judges edits with a lighter re-check (no suggestions outside the sentences it needs): the result
must be exactly what judging with the full check gives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cs_coach
from cs_coach.fixer import fix_text

REPLIES = [
    "금일 중으로 처리해 드리겠습니다. 잠시만 기다리세요.",
    "환불은 규정상 안 됩니다. 주소 다시 보내세요.",
    "커피 나오셨습니다. 배송비는 고객님 부담이세요.",
    "그건 저희가 해 드릴 수 없어요. 몰라요, 거기 가서 물어봐요.",
    "신청서는 익일 오전까지 제출 바람. 서류 미비 시 반려됨.",
    "고객님이 주소를 잘못 쓰셔서 반송된 거예요. 다시 주문하세요.",
]



@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("text", REPLIES)
def test_judging_with_the_light_recheck_changes_nothing(coach: cs_coach.Coach, text: str, unsafe: bool) -> None:
    light = fix_text(coach.check, text, unsafe=unsafe, trial=coach._trial)
    full = fix_text(coach.check, text, unsafe=unsafe)
    assert light.text == full.text
    assert [s.replacement for s in light.applied] == [s.replacement for s in full.applied]
    assert [f.rule_id for f in light.remaining] == [f.rule_id for f in full.remaining]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(REPLIES), min_size=1, max_size=4), st.booleans())
def test_light_recheck_on_joined_replies(coach: cs_coach.Coach, parts: list[str], unsafe: bool) -> None:
    text = " ".join(parts)
    assert fix_text(coach.check, text, unsafe=unsafe, trial=coach._trial).text == fix_text(
        coach.check, text, unsafe=unsafe).text
