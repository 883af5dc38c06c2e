"""Hostile packs are refused at load with a PackError naming file, rule and field, never a crash, a hang
or a RecursionError; and a pack that loads never fails during a check. (Time and memory of each refusal
are measured by benchmarks/hostile_packs.py, not asserted here.)"""

from __future__ import annotations

from pathlib import Path

import hostile
import pytest

from cs_coach import Coach, PackError
from cs_coach.packs import load_packs
from cs_coach.schema import count_expansions
from cs_coach.validate import fill_message, message_fields


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS_COACH_NO_CACHE", "1")


def _write(tmp_path: Path, text: str, name: str = "hostile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list:
    with pytest.raises(PackError) as info:
        load_packs([_write(tmp_path, text)], use_cache=False)
    return info.value.problems


@pytest.mark.parametrize("name", sorted(hostile.HOSTILE))
def test_every_hostile_pack_is_a_pack_error(tmp_path: Path, name: str) -> None:
    problems = _problems(tmp_path, hostile.HOSTILE[name]())
    assert problems and all(p.file.endswith("hostile.yaml") for p in problems)
    assert all(p.line is not None and p.line >= 1 for p in problems), [str(p) for p in problems]
    # named like every other problem: the rule (by id, even when the file could not be composed) and field
    assert all(p.rule in {"hostile-rule", "tag-typo", "tag-irregular", "tag-regex-nothing"} for p in problems)
    assert all(p.field.startswith(("match.0", "message")) for p in problems), [str(p) for p in problems]


def test_alias_bomb_is_counted_not_built(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, hostile.alias_bomb())
    assert "expands to more than" in problem.message and problem.line is not None
    assert problem.rule == "hostile-rule" and problem.field.startswith("match.0.pattern.")


def test_too_many_aliases(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, hostile.many_aliases())
    assert "aliases" in problem.message


def test_group_explosion_is_counted_before_expansion(tmp_path: Path) -> None:
    problems = _problems(tmp_path, hostile.group_explosion())
    assert any("expand to more than 256" in p.message and p.rule == "hostile-rule" for p in problems)


def test_count_expansions_matches_the_cross_product(tmp_path: Path) -> None:
    ruleset = load_packs([_write(tmp_path, hostile.group_explosion(groups=3, width=6))], use_cache=False)
    assert len(ruleset.rules[0].match) == 6**3
    pattern = ruleset.rules[0].rule.match[0].pattern
    assert pattern is not None and count_expansions(pattern) == 216
    assert count_expansions(pattern, cap=100) == 101  # stops counting past the cap


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_a_pack_error_not_recursion(tmp_path: Path, style: str) -> None:
    (problem,) = _problems(tmp_path, hostile.deep_nesting(style=style))
    assert "nested more than" in problem.message


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    text = hostile.pack(hostile.rule("          - &loop {any: [[*loop]]}"))
    (problem,) = _problems(tmp_path, text)
    assert "contains it" in problem.message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    text = hostile.pack(hostile.rule("          - {form: 안}")) + "#" + "x" * 2_100_000 + "\n"
    (problem,) = _problems(tmp_path, text)
    assert "bytes" in problem.message


def test_redos_pattern_runs_in_linear_time_on_re2(tmp_path: Path) -> None:
    coach = Coach(packs=[_write(tmp_path, hostile.redos_regex())])
    # With a backtracking engine this check did not finish in 120 s; RE2 answers at once.
    assert coach.check("a" * 30 + "b 안 돼요.").findings == []
    assert [f.text for f in coach.check("a" * 30 + " 안 돼요.").findings] == ["a" * 30]


def test_backreference_is_refused_with_rule_and_field(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, hostile.backreference_regex())
    assert problem.rule == "hostile-rule" and problem.field == "match.0.pattern.0.form"
    assert "RE2" in problem.message


@pytest.mark.parametrize("message", hostile.FORMAT_SPECS)
def test_format_specs_and_conversions_are_refused(tmp_path: Path, message: str) -> None:
    problems = _problems(tmp_path, hostile.format_spec(message))
    assert [(p.rule, p.field) for p in problems] == [("hostile-rule", "message")]


def test_bare_placeholders_are_the_whole_template_language() -> None:
    assert message_fields("'{text}'은 {max}번까지, {{괄호}}") == ["text", "max"]
    for bad in hostile.FORMAT_SPECS:
        with pytest.raises(ValueError):
            message_fields(bad)
    assert fill_message("'{text}' {{x}} {unknown}", {"text": "안 돼"}) == "'안 돼' {x} {unknown}"
    # Filling never evaluates anything, even for a template that skipped validation.
    assert fill_message("{text:>300000000}", {"text": "가"}) == "{text:>300000000}"
    assert fill_message("{text.__class__}", {"text": "가"}) == "{text.__class__}"


def test_unknown_tags_are_named_with_a_hint(tmp_path: Path) -> None:
    problems = {p.rule: p for p in _problems(tmp_path, hostile.unknown_tags())}
    assert "did you mean 'NNG'" in problems["tag-typo"].message
    assert "write 'VV'" in problems["tag-irregular"].message
    assert "matches no Kiwi tag" in problems["tag-regex-nothing"].message
    assert problems["tag-typo"].field == "match.0.pattern.0.tag"


def test_unknown_tag_in_a_suggestion_is_refused(tmp_path: Path) -> None:
    text = hostile.pack(hostile.rule("          - {form: 안, tag: MAG, name: neg}")).replace(
        "    examples:", "    suggest:\n      - edit: {swap: {neg: 못/MAGX}}\n    examples:", 1)
    problems = _problems(tmp_path, text)
    assert any(p.field == "suggest.0.edit.swap.neg" and "MAGX" in p.message for p in problems)


def test_misspelt_key_gets_did_you_mean_with_line_and_column(tmp_path: Path) -> None:
    text = hostile.pack(hostile.rule("          - {form: 안, tga: MAG}")).replace("    message:", "    messgae:")
    problems = _problems(tmp_path, text)
    by_field = {p.field: p for p in problems}
    assert "did you mean 'message'" in by_field["messgae"].message
    assert "did you mean 'tag'" in by_field["match.0.pattern.0.tga"].message
    lines = text.splitlines()
    assert lines[by_field["messgae"].line - 1].strip().startswith("messgae:")
    assert by_field["messgae"].column == lines[by_field["messgae"].line - 1].index("messgae") + 1
    assert "hostile.yaml:" in str(by_field["messgae"])


def test_all_problems_of_a_pack_in_one_pass(tmp_path: Path) -> None:
    text = hostile.pack(
        hostile.rule("          - {form: 안}", rule_id="schema-broken").replace("severity: info", "severity: loud"),
        hostile.rule('          - {form: {regex: "(a)\\\\1"}}', rule_id="regex-broken"),
        hostile.rule("          - {form: 안}", rule_id="template-broken", message="{nope} {text:>9}"),
        hostile.rule("          - {form: 안, tag: NNGX}", rule_id="tag-broken"),
    )
    problems = _problems(tmp_path, text)
    assert {p.rule for p in problems} == {"schema-broken", "regex-broken", "template-broken", "tag-broken"}
    lines = text.splitlines()
    for problem in problems:
        assert problem.line is not None and 1 <= problem.line <= len(lines)
    severity = next(p for p in problems if p.rule == "schema-broken")
    assert lines[severity.line - 1].strip().startswith("severity:")


def test_a_pack_that_loads_never_fails_in_a_check(tmp_path: Path) -> None:
    text = hostile.pack(hostile.rule("          - {form: 안, tag: MAG, name: neg}\n          - {tag: VV}",
                                     message="'{text}'/{neg}/{{그대로}}"))
    coach = Coach(packs=[_write(tmp_path, text)])
    (finding,) = coach.check("지금은 안 돼요.").findings
    assert finding.message == "'안 돼요'/안/{그대로}"
