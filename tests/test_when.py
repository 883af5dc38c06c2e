"""Rules that read the sentence layer: `when:`, `sentence:` on suggestions, quoted text, Report.sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_coach import Coach, PackError
from cs_coach.config import Config
from cs_coach.packs import load_packs

PACK = """
pack: when-test
description: 문장 층 조건 시험
rules:
  - id: neg-refusal
    kind: pattern
    category: positive
    severity: warning
    message: 거절
    why: 거절에서만
    when: {act: [refusal, bad_news], alternative: false}
    match:
      - phrase: 수 없다
      - phrase: 어렵다
    suggest:
      - sentence: {act: [refusal]}
        append: 대신 다른 방법을 안내해 드릴게요.
      - replace: 어렵습니다
    examples:
      - bad: 환불은 [[어렵습니다]].
      - good: 이 모드에서는 화면을 녹화할 수 없습니다.
      - good: 기기를 초기화하면 메모를 되살릴 수 없습니다.
      - good: 환불은 어렵습니다. 대신 교환은 해 드릴 수 있습니다.
  - id: thing-honorific
    kind: pattern
    category: honorific
    severity: warning
    message: 사물 존칭
    why: 사람이 아닌 주어에 -시-
    when: {not_subject: [person, customer, agent]}
    match:
      - pattern: [{tag: [VV, VA, XSV, XSA]}, {form: [시, 으시], tag: EP}]
    examples:
      - bad: "[[커피 나오셨]]습니다."
      - good: 고객님께서 직접 오셨습니다.
  - id: press-word
    kind: pattern
    category: easy
    severity: info
    message: 하기
    why: 인용 안은 상담원의 말이 아님
    match:
      - phrase: 하기
    examples:
      - bad: 다음에 [[하기]]는 어려워요.
      - good: "'다음에 하기'를 누르세요."
"""


@pytest.fixture(scope="module")
def pack_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("packs") / "when.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def ids(coach: Coach, text: str) -> list[str]:
    return [f.rule_id for f in coach.check(text).findings]


def test_when_act_subject_and_alternative(pack_path: Path) -> None:
    coach = Coach(packs=[str(pack_path)])
    assert ids(coach, "환불은 어렵습니다.") == ["neg-refusal"]
    assert ids(coach, "이 모드에서는 화면을 녹화할 수 없습니다.") == []  # limitation
    assert ids(coach, "기기를 초기화하면 메모를 되살릴 수 없습니다.") == []  # consequence
    assert ids(coach, "환불은 어렵습니다. 대신 교환은 해 드릴 수 있습니다.") == []  # alternative follows
    assert ids(coach, "커피 나오셨습니다.") == ["thing-honorific"]
    assert ids(coach, "고객님께서 직접 오셨습니다.") == []


def test_acts_as_refusal_opts_limitations_in(pack_path: Path) -> None:
    coach = Coach(packs=[str(pack_path)], config=Config(acts_as_refusal=["limitation"]))
    assert ids(coach, "이 모드에서는 화면을 녹화할 수 없습니다.") == ["neg-refusal"]
    assert ids(coach, "기기를 초기화하면 메모를 되살릴 수 없습니다.") == []


def test_suggestion_sentence_condition(pack_path: Path) -> None:
    coach = Coach(packs=[str(pack_path)])
    refusal = coach.check("환불은 어렵습니다.").findings[0]
    assert any("대신" in s.replacement for s in refusal.suggestions)
    bad_news = coach.check("그 색상은 품절되어 보내 드리기 어렵습니다.")
    assert bad_news.sentences[0].act == "bad_news"
    assert bad_news.findings and not any("대신" in s.replacement for s in bad_news.findings[0].suggestions)


def test_nothing_inside_quotes_is_reported(pack_path: Path) -> None:
    coach = Coach(packs=[str(pack_path)])
    assert ids(coach, "'다음에 하기'를 누르세요.") == []
    assert "press-word" in ids(coach, "다음에 하기는 어려워요.")


def test_report_sentences(pack_path: Path) -> None:
    text = "안녕하세요. 환불은 어렵지만 교환은 가능합니다. '확인'을 누르세요."
    report = Coach(packs=[str(pack_path)]).check(text)
    assert [s.act for s in report.sentences] == ["greeting", "refusal", "instruction"]
    second = report.sentences[1]
    assert [c.relation for c in second.clauses] == ["contrast", None]
    assert text[second.clauses[0].start : second.clauses[0].end] == "환불은 어렵지만"
    assert second.clauses[0].subject == "환불" and second.alternative
    assert [text[q.start : q.end] for q in report.sentences[2].quoted] == ["'확인'"]
    dumped = report.model_dump()
    assert dumped["sentences"][1]["clauses"][0]["subject_class"] == "thing"


BAD_WHEN = """
pack: bad-when
description: 잘못된 조건
rules:
  - id: bad-act
    kind: pattern
    category: positive
    severity: warning
    message: m
    why: w
    when: {act: [refusals]}
    match: [{phrase: 안 되다}]
    examples: [{good: 좋아요}]
  - id: bad-subject
    kind: pattern
    category: positive
    severity: warning
    message: m
    why: w
    when: {subject: [robot], nonsense: 1}
    match: [{phrase: 안 되다}]
    examples: [{good: 좋아요}]
  - id: empty-when
    kind: pattern
    category: positive
    severity: warning
    message: m
    why: w
    when: {}
    match: [{phrase: 안 되다}]
    examples: [{good: 좋아요}]
  - id: bad-suggest-sentence
    kind: pattern
    category: positive
    severity: warning
    message: m
    why: w
    match: [{phrase: 안 되다}]
    suggest:
      - sentence: {act: [refusal], not_act: [refusal]}
        replace: 어렵습니다
    examples: [{good: 좋아요}]
"""


def test_unknown_condition_values_are_rejected_with_rule_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_WHEN, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_packs([path], use_cache=False)
    where = {(p.rule, p.field) for p in info.value.problems}
    assert ("bad-act", "when.act.0") in where
    assert ("bad-subject", "when.subject.0") in where
    assert ("bad-subject", "when.nonsense") in where
    assert any(rule == "empty-when" and field.startswith("when") for rule, field in where)
    assert any(rule == "bad-suggest-sentence" and field.startswith("suggest.0.sentence") for rule, field in where)


REPLY_METRIC = """
pack: reply-metric
description: 답변 전체 측정에 조건
rules:
  - id: reply-metric-when
    kind: metric
    category: short
    severity: info
    message: "{value}"
    why: w
    measure: chars_per_reply
    max: 300
    when: {act: [statement]}
    examples: [{good: 좋아요}]
"""


def test_a_reply_measure_has_no_sentence_to_test(tmp_path: Path) -> None:
    path = tmp_path / "metric.yaml"
    path.write_text(REPLY_METRIC, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_packs([path], use_cache=False)
    assert ("reply-metric-when", "when") in [(p.rule, p.field) for p in info.value.problems]
