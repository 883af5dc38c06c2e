"""Lexicon sense guards: an entry applies only in its sense, and its rewrite is safe only when the sense is certain."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from cs_coach import Coach, PackError
from cs_coach.schema import LexiconEntry

PACK = """
pack: senses
description: 뜻을 가려 바꾸는 낱말들
rules:
  - id: team-words
    kind: lexicon
    category: easy
    severity: warning
    message: "'{text}'"
    why: 시험용
    entries:
      - {word: 차주, pos: noun, replace: [다음 주], risk: homonym, not_context: [대출, 상환]}
      - {word: 체크, pos: noun, replace: [확인], risk: homonym, not_context: [항목, 칸]}
      - {word: 익일, pos: noun, replace: [다음 날]}
      - {word: 수납하다, pos: verb, replace: [받다], context: [요금, 돈]}
      - {word: 스크립트, pos: noun, replace: [대본], risk: name}
      - {word: SKU, pos: noun, strategy: gloss, replace: [상품 관리 번호]}
      - {word: 기재, pos: noun, strategy: keep}
    examples:
      - bad: "[[익일]] 보내 드립니다."
        fix: "다음 날 보내 드립니다."
      - good: "다음 날 보내 드립니다."
"""


@pytest.fixture(scope="module")
def coach(tmp_path_factory: pytest.TempPathFactory) -> Coach:
    path = tmp_path_factory.mktemp("packs") / "senses.yaml"
    path.write_text(PACK, encoding="utf-8")
    return Coach(packs=[str(path)])


def _found(coach: Coach, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (f.text, [(s.replacement, s.applicability) for s in f.suggestions])
        for f in coach.check(text).findings
        if f.rule_id == "team-words"
    ]


def test_a_low_risk_word_is_fixed_safely(coach: Coach) -> None:
    assert coach.fix("익일 오전에 도착합니다.").text == "다음 날 오전에 도착합니다."


def test_a_homonym_is_flagged_but_never_fixed_safely(coach: Coach) -> None:
    text = "결과는 이번 주 말고 체크 후 알려 드릴게요."
    found = _found(coach, text)
    assert found and all(a == "unsafe" for _, sugg in found for _, a in sugg)
    assert coach.fix(text).text == text


def test_not_context_means_the_other_sense(coach: Coach) -> None:
    assert _found(coach, "동의 항목에 체크해 주세요.") == []  # ticking a box, not 확인
    assert _found(coach, "대출 상환은 차주 본인이 하셔야 합니다.") == []  # the borrower


def test_context_is_required_when_given(coach: Coach) -> None:
    assert _found(coach, "요금은 카운터에서 수납합니다.")
    assert _found(coach, "옷은 서랍에 수납하시면 됩니다.") == []  # storing things, not taking money


def test_a_name_word_is_left_alone_inside_a_name_and_never_safe_elsewhere(coach: Coach) -> None:
    assert _found(coach, "스크립트 편집기 메뉴를 여세요.") == []
    found = _found(coach, "상담 스크립트를 보내 드릴게요.")
    assert found and all(a == "unsafe" for _, sugg in found for _, a in sugg)


def test_gloss_keeps_the_word_and_adds_its_meaning(coach: Coach) -> None:
    assert coach.fix("SKU를 알려 주시겠어요?").text == "SKU(상품 관리 번호)를 알려 주시겠어요?"
    assert _found(coach, "SKU(상품 관리 번호)를 알려 주시겠어요?") == []


def test_keep_flags_without_a_rewrite(coach: Coach) -> None:
    assert _found(coach, "기재 내용이 다릅니다.") == [("기재", [])]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"strategy": "keep", "replace": ["받다"]}, "keep"),
        ({"strategy": "gloss", "replace": []}, "gloss"),
        ({"strategy": "gloss", "replace": ["a", "b"]}, "gloss"),
        ({"strategy": "gloss", "replace": ["받다"], "pos": "verb"}, "gloss"),
        ({"strategy": "substitute", "replace": []}, "substitute"),
        ({"risk": "homonym", "replace": ["x"]}, "sense guard"),
        ({"risk": "name", "replace": ["x"], "applicability": "safe"}, "never gets a safe"),
        ({"replace": ["x"], "context": ["a"], "not_context": ["a"]}, "both"),
        ({"replace": ["x"], "risk": "sometimes"}, "risk"),
        ({"replace": ["x"], "context": [""]}, "context"),
    ],
)
def test_entries_are_validated_strictly(fields: dict, words: str) -> None:
    data = {"word": "수령", "pos": "noun", **fields}
    with pytest.raises(ValidationError, match=words):
        LexiconEntry.model_validate(data)


def test_a_bad_sense_guard_fails_at_load_with_rule_and_field(tmp_path: Path) -> None:
    bad = PACK.replace("context: [요금, 돈]", "context: [요금, '...']")
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PackError) as info:
        Coach(packs=[str(path)])
    assert any(p.rule == "team-words" and "context" in p.field for p in info.value.problems)


def test_sense_guards_survive_the_disk_cache(tmp_path: Path) -> None:
    from cs_coach import rulecodec
    from cs_coach.packs import load_packs

    path = tmp_path / "senses.yaml"
    path.write_text(PACK, encoding="utf-8")
    ruleset = load_packs([path])
    again = rulecodec.load(rulecodec.dump(ruleset))
    assert [r.lexicon for r in again.rules] == [r.lexicon for r in ruleset.rules]
    guards = [g for r in again.rules for bucket in r.lexicon.values() for _, _, g in bucket]
    assert any(context or not_context for context, not_context in guards)
