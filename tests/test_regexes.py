"""Pack regexes: RE2 for forms and lemmas (a leading lookahead kept, with Python's meaning), tag regexes
expanded into Kiwi's tag set, and that tag set checked against what Kiwi really produces."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_coach import regexes
from cs_coach.analyze import analyze
from cs_coach.regexes import compile_text_regex, tags_matching
from cs_coach.tags import KIWI_TAGS, tag_problem

WORDS = ["고객", "손님", "세요", "까", "나요", "가", "?", "잖", "아", "ㅋ"]
BODIES = [".+", ".*", "[가-힣]+", "(고객|손님).*", ".*요"]
GUARDS = ["(?!(고객|손님)$)", "(?!.*(세요|까|나요)$)", "(?!.*잖.*)", "(?!\\?$)", "(?=가)", "(?![ㄱ-ㅎ])"]


@given(guards=st.lists(st.sampled_from(GUARDS), max_size=2), body=st.sampled_from(BODIES),
       text=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join))
def test_leading_lookaheads_mean_what_python_means(guards: list[str], body: str, text: str) -> None:
    pattern = "".join(guards) + body
    assert (compile_text_regex(pattern).fullmatch(text) is not None) == (re.fullmatch(pattern, text) is not None)


@pytest.mark.parametrize("pattern", ["(.)\\1", ".+(?!요)", "(?<=가).+", "(?!(a)"])
def test_constructs_re2_cannot_run_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match=r"RE2|missing|unbalanced|parenthesis"):
        compile_text_regex(pattern)


def test_catastrophic_pattern_is_linear_on_re2() -> None:
    assert compile_text_regex("(a+)+$").fullmatch("a" * 5_000 + "b") is None
    assert compile_text_regex("(a+)+$").fullmatch("a" * 5_000) is not None


def test_tag_regexes_expand_to_tags() -> None:
    assert tags_matching("J.*") == {t for t in KIWI_TAGS if t.startswith("J")}
    assert "SF" not in tags_matching("(?!S).*") and "NNG" in tags_matching("(?!S).*")
    with pytest.raises(ValueError, match="no Kiwi tag"):
        tags_matching("VV-I")
    with pytest.raises(ValueError, match="bad regex"):
        tags_matching("(")


def test_a_tag_regex_over_its_time_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexes, "TAG_BUDGET_SECONDS", 0.0)
    tags_matching.cache_clear()
    with pytest.raises(ValueError, match="too slow"):
        tags_matching("N.*G")
    tags_matching.cache_clear()


def test_tag_set_covers_what_kiwi_produces() -> None:
    text = ("안녕하세요, 고객님! 주문하신 상품은 3일 안에 https://shop.example.com 에서 확인할 수 있어요 😊. "
            "메일은 help@example.com, 문의는 #배송문의 @상담원 로 주세요. 가. 첫째 항목… 빨리 나았으면 좋겠네요 ㅋㅋ")
    tags = {m.tag for s in analyze(text).sentences for m in s.morphs}
    assert tags <= KIWI_TAGS, tags - KIWI_TAGS
    kiwi_list = getattr(pytest.importorskip("kiwipiepy.utils"), "_valid_tags", None)
    if kiwi_list is not None:  # Kiwi's own (private) list, when this version has one
        assert set(kiwi_list) == KIWI_TAGS


def test_tag_problems_say_what_to_write() -> None:
    assert tag_problem("NNG") is None
    assert "did you mean 'NNG'" in (tag_problem("NGG") or "")
    assert "'XSA'" in (tag_problem("XSA-I") or "")


def test_a_tag_regex_preempted_on_a_loaded_host_is_not_refused() -> None:
    """The regex module's timeout is wall time: a timeout while the thread used almost no CPU (preempted by other
    processes) is tried again, so a built-in pack never fails to load because the machine is busy."""

    class Preempted:
        calls = 0

        def fullmatch(self, tag: str, timeout: float) -> object | None:
            Preempted.calls += 1
            if Preempted.calls == 1:
                raise TimeoutError  # wall time ran out, no CPU spent
            return object() if tag == "NNG" else None

    budget = regexes._Budget(time.thread_time() + 0.25, time.monotonic() + 5.0)
    assert regexes._fullmatch_in_budget(Preempted(), "N.*G", "NNG", budget) is True
    assert Preempted.calls == 2
