"""A rule's embedded examples as test cases: used by the pytest suite and by `cs-coach pack test`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .analyze import analyze
from .config import Config
from .engine import Coach
from .inflect import slots
from .packs import CompiledRule, RuleSet

_MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


@dataclass(frozen=True)
class Case:
    """One example of one rule, named like `positive.an-doeda-bad-0`."""

    name: str
    compiled: CompiledRule
    kind: str  # "bad" | "good"
    text: str
    spans: tuple[tuple[int, int], ...]
    fix: str | None
    unsafe_fix: str | None


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """'a [[b]] c' -> ('a b c', ((2, 3),))."""
    spans = []
    plain = []
    pos = 0
    removed = 0
    for match in _MARK.finditer(marked):
        plain.append(marked[pos : match.start()])
        start = match.start() - removed
        spans.append((start, start + len(match.group(1))))
        plain.append(match.group(1))
        removed += 4
        pos = match.end()
    plain.append(marked[pos:])
    return "".join(plain), tuple(spans)


def cases(ruleset: RuleSet) -> Iterator[Case]:
    for compiled in ruleset.rules:
        counters = {"bad": 0, "good": 0}
        for example in compiled.rule.examples:
            kind = "bad" if example.bad is not None else "good"
            number = counters[kind]
            counters[kind] += 1
            name = f"{compiled.pack}.{compiled.id}-{kind}-{number}"
            if example.bad is not None:
                text, spans = unmark(example.bad)
                yield Case(name, compiled, kind, text, spans, example.fix, example.unsafe_fix)
            else:
                assert example.good is not None
                yield Case(name, compiled, kind, example.good, (), None, None)


@cache
def _rule_coach(files: tuple[str, ...], rule_id: str) -> Coach:
    return Coach(packs=[Path(f) for f in files], config=Config(select=[rule_id]))


def run_case(case: Case, files: tuple[str, ...]) -> list[str]:
    """Problems with one example (empty when it passes), with Kiwi's morphemes to help the author."""
    coach = _rule_coach(files, case.compiled.id)
    report = coach.check(case.text)
    found = tuple(sorted((f.start, f.end) for f in report.findings if f.rule_id == case.compiled.id))
    problems = []
    if case.kind == "good" and found:
        problems.append(f"good example flagged at {[case.text[a:b] for a, b in found]}")
    if case.kind == "bad":
        if found != tuple(sorted(case.spans)):
            problems.append(
                f"expected spans {[case.text[a:b] for a, b in case.spans]}, got {[case.text[a:b] for a, b in found]}"
            )
        if case.fix is not None and (got := coach.fix(case.text).text) != case.fix:
            problems.append(f"fix: expected {case.fix!r}, got {got!r}")
        if case.unsafe_fix is not None:
            # `{대안}` in an expected rewrite is a slot the agent fills: filled here with its own name
            inputs = {name: "{" + name + "}" for name in slots(case.unsafe_fix) if "{" + name + "}" not in case.text}
            if (got := coach.fix(case.text, unsafe=True, inputs=inputs).text) != case.unsafe_fix:
                problems.append(f"unsafe fix: expected {case.unsafe_fix!r}, got {got!r}")
            if inputs and "{" in (bare := coach.fix(case.text, unsafe=True).text) and "{" not in case.text:
                problems.append(f"unsafe fix without inputs wrote a slot into the text: {bare!r}")
    if problems:
        problems.append("morphemes: " + morphemes(case.text))
    return problems


def morphemes(text: str) -> str:
    return " ".join(
        f"{m.form}/{m.tag}@{m.start}-{m.end}" for s in analyze(text).sentences for m in s.morphs
    )
