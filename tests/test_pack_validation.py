"""A bad pack fails at load, with every problem listed by file, rule and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cs_coach import Coach, PackError
from cs_coach.packs import load_packs
from cs_coach.schema import pack_json_schema

BROKEN = """
pack: team
description: 우리 팀 규칙
rules:
  - id: ok-rule
    kind: pattern
    category: positive
    severity: warning
    message: "{text} {nope}"
    why: 이유
    match:
      - pattern: [{form: 안, op: "~"}]
    examples:
      - good: 좋아요
  - id: Bad_ID
    kind: pattern
    category: not-a-category
    severity: loud
    message: m
    why: w
    match: []
    examples: []
  - id: lex
    kind: metric
    category: short
    severity: info
    message: "{value}"
    why: w
    measure: no_such_measure
    max: 3
    examples:
      - bad: "표시 없는 예문"
      - good: 괜찮아요
"""


def test_every_problem_is_listed_with_file_rule_and_field(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_packs([path])
    problems = info.value.problems
    where = {(p.rule, p.field.split(".")[0]) for p in problems}
    assert ("ok-rule", "match") in where  # bad quantifier
    assert ("Bad_ID", "id") in where
    assert ("Bad_ID", "category") in where
    assert ("Bad_ID", "severity") in where
    assert ("Bad_ID", "match") in where
    assert ("lex", "examples") in where  # unmarked bad example
    assert all(p.file == str(path) for p in problems)
    assert str(path) in str(info.value)


def test_semantic_problems_are_found_at_load(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(BROKEN.replace('op: "~"', "op: '?'").replace("Bad_ID", "second").replace(
        "category: not-a-category", "category: tone").replace("severity: loud", "severity: info").replace(
        "match: []", "match: [{phrase: 안 되다}]").replace("examples: []", "examples: [{good: 네}]").replace(
        '"표시 없는 예문"', '"[[표시]] 있는 예문"'), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_packs([path])
    messages = {(p.rule, p.field): p.message for p in info.value.problems}
    assert "nope" in messages[("ok-rule", "message")]
    assert "bad" in messages[("ok-rule", "examples")]
    assert "no_such_measure" in messages[("lex", "measure")]
    assert ("second", "examples") in messages


def test_broken_yaml_and_missing_files_are_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("pack: [unclosed", encoding="utf-8")
    with pytest.raises(PackError) as info:
        Coach(packs=[broken, tmp_path / "missing.yaml"])
    text = str(info.value)
    assert "invalid YAML" in text and "missing.yaml" in text


def test_user_pack_by_path_works(tmp_path: Path) -> None:
    path = tmp_path / "brand.yaml"
    path.write_text("""
pack: brand
description: 금지어
rules:
  - id: no-gogaeksenteo-jeonhwa
    kind: pattern
    category: tone
    severity: warning
    message: "'{text}' 대신 채팅 상담을 안내해 주세요."
    why: 전화 상담은 종료되었습니다.
    match: [{phrase: 전화 상담}]
    examples:
      - bad: "[[전화 상담]]으로 문의해 주세요."
      - good: "채팅 상담으로 문의해 주세요."
""", encoding="utf-8")
    report = Coach(packs=["positive", path]).check("전화상담으로 문의해 주세요. 교환은 안 됩니다.")
    assert {f.pack for f in report.findings} == {"brand", "positive"}


def test_pack_json_schema_is_published() -> None:
    schema = pack_json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    assert "PatternRule" in text and "LexiconRule" in text
    shipped = Path(__file__).resolve().parents[1] / "src" / "cs_coach" / "pack.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == json.loads(json.dumps(schema)), (
        "regenerate with: python -m cs_coach.schema > src/cs_coach/pack.schema.json"
    )


GROUPS = """
pack: groups
description: 묶음 패턴
rules:
  - id: cite-then-refuse
    kind: pattern
    category: policy
    severity: warning
    message: "'{text}'"
    why: 규정 뒤에 숨지 않기
    match:
      - pattern:
          - {form: 규정, tag: NNG}
          - any: [[{form: 상, tag: XSN}], [{form: 에, tag: JKB}, {lemma: 따르다}, {tag: EC}]]
          - {op: "*"}
          - &refusal
            any:
              - [{form: 안, tag: MAG}, {form: 되, tag: [VV, XSV]}]
              - [{form: 불가, tag: NNG}]
    examples:
      - bad: "[[규정상 환불이 안 돼요]]."
      - bad: "[[규정에 따라 환불은 불가합니다]]."
      - good: "규정상 환불은 7일 안에 가능합니다."
"""


def test_any_groups_expand_and_reuse_through_yaml_anchors(tmp_path: Path) -> None:
    path = tmp_path / "groups.yaml"
    path.write_text(GROUPS, encoding="utf-8")
    ruleset = load_packs([path])
    assert len(ruleset.rules[0].match) == 4  # 2 cite forms x 2 refusals
    coach = Coach(packs=[path])
    assert [f.text for f in coach.check("규정상 환불이 안 돼요.").findings] == ["규정상 환불이 안 돼요"]
    assert not coach.check("규정상 환불은 7일 안에 가능합니다.").findings


def test_bad_groups_are_load_errors(tmp_path: Path) -> None:
    path = tmp_path / "groups.yaml"
    named_group = GROUPS.replace("- any: [[{form: 상", "- name: cite\n            any: [[{form: 상")
    path.write_text(named_group, encoding="utf-8")
    with pytest.raises(PackError, match="group"):
        load_packs([path])


def test_when_names_a_capture(tmp_path: Path) -> None:
    path = tmp_path / "when.yaml"
    with_when = "    suggest:\n      - when: nope\n        replace: x\n    examples:"
    path.write_text(GROUPS.replace("    examples:", with_when, 1), encoding="utf-8")
    with pytest.raises(PackError, match="nope"):
        load_packs([path])
