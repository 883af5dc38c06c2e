"""Speech level of sentences and replies, read from the final ending."""

from __future__ import annotations

import pytest

import cs_coach
from cs_coach.speech import reply_level


@pytest.mark.parametrize(
    ("text", "level"),
    [("확인해 드리겠습니다.", "hapsyo"), ("확인해 드릴까요?", "haeyo"), ("잠시만 기다려 주십시오.", "hapsyo"),
     ("그건 거기 가서 물어봐", "banmal"), ("내일 와라.", "banmal"), ("알겠죠?", "haeyo"),
     ("감사합니다 😀", "hapsyo"), ("네ㅠㅠ 확인할게요ㅠㅠ", "haeyo"), ("고객센터", "none")],
)
def test_sentence_levels(text: str, level: str) -> None:
    assert cs_coach.check(text).speech_level == level


def test_reply_levels_mix_only_polite_with_banmal() -> None:
    assert reply_level(["hapsyo", "haeyo", "haeyo"]) == "haeyo"
    assert reply_level(["hapsyo", "haeyo"]) == "hapsyo"
    assert reply_level(["haeyo", "banmal"]) == "mixed"
    assert reply_level(["none"]) == "none"
    assert cs_coach.check("안녕하세요. 그건 안 돼. 감사합니다.").speech_level == "mixed"
