"""Invariants that must hold on any input: no crash, spans exact, determinism, batch == single, fix converges."""

from __future__ import annotations

import threading

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cs_coach

WORDS = ["안", "됩니다", "안돼요", "커피", "나오셨습니다", "불가능합니다", "할", "수", "없어요", "고객님", "😀", "\r\n",
         "\t", "안내", "못", "해요", "규정상", "품절이십니다", "5만", "원이세요", ".", "?", "{고객명}", "어렵습니다"]
korean_text = st.lists(st.sampled_from(WORDS), max_size=20).map(" ".join)
any_text = st.one_of(st.text(max_size=200), korean_text)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
def test_no_crash_and_spans_point_at_their_text(text: str) -> None:
    report = cs_coach.check(text)
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        for s in f.suggestions:
            assert 0 <= s.start <= s.end <= len(text)
    assert report.findings == sorted(report.findings, key=lambda f: (f.start, f.end, f.rule_id))


@FAST
@given(any_text)
def test_check_is_deterministic(text: str) -> None:
    assert cs_coach.check(text) == cs_coach.check(text)


@FAST
@given(st.lists(any_text, max_size=6))
def test_check_many_equals_check(texts: list[str]) -> None:
    assert list(cs_coach.check_many(texts)) == [cs_coach.check(t) for t in texts]


@FAST
@given(korean_text, st.booleans())
def test_fix_is_idempotent(text: str, unsafe: bool) -> None:
    once = cs_coach.fix(text, unsafe=unsafe).text
    assert cs_coach.fix(once, unsafe=unsafe).text == once


def test_threads_get_the_same_results() -> None:
    texts = [f"{i}번 주문은 안 됩니다. 커피 나오셨습니다." for i in range(40)]
    expected = [cs_coach.check(t) for t in texts]
    results: dict[int, list] = {}

    def work(n: int) -> None:
        results[n] = [cs_coach.check(t) for t in texts]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())
