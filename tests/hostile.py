"""Hostile rule packs, as a careless or malicious pull request could bring them: each must be refused at
load with a PackError (tests/test_hostile_packs.py), quickly and in little memory (benchmarks/hostile_packs.py)."""

from __future__ import annotations

HEAD = """pack: hostile
description: 적대적 규칙 묶음
rules:
"""

RULE = """  - id: {rule_id}
    kind: pattern
    category: tone
    severity: info
    message: "{message}"
    why: 시험용 규칙입니다.
    match:
      - pattern:
{pattern}
    examples:
      - bad: "[[안 돼요]]."
      - good: "가능합니다."
"""


def rule(pattern: str, rule_id: str = "hostile-rule", message: str = "'{text}' 표현을 바꿔 주세요.") -> str:
    """One pattern rule; `pattern` is the YAML of its spec list (indented 10 spaces)."""
    return RULE.format(rule_id=rule_id, message=message, pattern=pattern)


def pack(*rules: str) -> str:
    return HEAD + "".join(rules)


def alias_bomb(levels: int = 4, width: int = 10) -> str:
    """`{any: [[*prev x width] x width]}` nested `levels` times: a few KB of YAML standing for width**(2*levels)
    specs (10**8 with the defaults; 15 GB before the loader counted the expansion)."""
    lines = ["          - &l0 {form: 안, tag: MAG}"]
    for level in range(1, levels + 1):
        row = "[" + ", ".join([f"*l{level - 1}"] * width) + "]"
        lines.append(f"          - &l{level} {{any: [{', '.join([row] * width)}]}}")
    return pack(rule("\n".join(lines)))


def many_aliases(count: int = 5_000) -> str:
    """Thousands of aliases to one scalar: harmless alone, refused by the alias count."""
    items = ", ".join(["*w"] * count)
    return pack(rule(f"          - {{form: &w 안, tag: [{items}]}}"))


def group_explosion(groups: int = 12, width: int = 6) -> str:
    """Groups in a row: a small YAML tree whose cross product is width**groups patterns."""
    alternatives = ", ".join(f"[{{form: 가{i}}}]" for i in range(width))
    return pack(rule("\n".join([f"          - {{any: [{alternatives}]}}"] * groups)))


def redos_regex() -> str:
    """The classic catastrophic-backtracking pattern: fine on RE2 (linear), so this pack loads."""
    return pack(rule('          - {form: {regex: "(a+)+$"}}'))


def backreference_regex() -> str:
    """A construct RE2 cannot run: refused at load with the rule and field named."""
    return pack(rule('          - {form: {regex: "(.)\\\\1"}}'))


FORMAT_SPECS = ("{text:{text.__class__}}", "{text:d}", "{text:>300000000}", "{text!r}", "{text.__class__}",
                "{text[0]}", "{0}", "{}")


def format_spec(message: str) -> str:
    return pack(rule("          - {form: 안, tag: MAG}", message=message.replace('"', '\\"')))


def deep_nesting(depth: int = 1_000, style: str = "flow") -> str:
    """A spec nested `depth` levels deep (flow: [[[...]]]; block: a mapping inside a mapping ...)."""
    if style == "flow":
        return pack(rule("          - {form: " + "[" * depth + "안" + "]" * depth + "}"))
    body = "".join(f"\n{'  ' * (6 + level)}k{level}:" for level in range(depth)) + " 안"
    return pack(rule("          - form:" + body))


def unknown_tags() -> str:
    return pack(
        rule("          - {form: 안, tag: NNGX}", rule_id="tag-typo"),
        rule("          - {tag: VV-I}", rule_id="tag-irregular"),
        rule('          - {tag: {regex: "Q.*"}}', rule_id="tag-regex-nothing"),
    )


HOSTILE = {
    "alias bomb": alias_bomb,
    "aliases": many_aliases,
    "group explosion": group_explosion,
    "backreference": backreference_regex,
    "format spec": lambda: format_spec("{text:>300000000}"),
    "nested attribute": lambda: format_spec("{text:{text.__class__}}"),
    "depth (flow)": deep_nesting,
    "depth (block)": lambda: deep_nesting(style="block"),
    "unknown tags": unknown_tags,
}
"""Every pack above that must be refused, by name."""
