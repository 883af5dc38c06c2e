"""Every example of every built-in rule runs as a test: exact span, expected fix, silence on good text."""

from __future__ import annotations

import pytest

from cs_coach.examples import cases, run_case
from cs_coach.packs import builtin_packs, load_packs

FILES = tuple(str(p) for p in builtin_packs().values())
CASES = list(cases(load_packs([p for p in builtin_packs().values()])))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_example(case) -> None:
    problems = run_case(case, FILES)
    assert not problems, "\n".join(problems)


def test_every_rule_has_bad_and_good_examples() -> None:
    kinds: dict[str, set[str]] = {}
    for case in CASES:
        kinds.setdefault(case.compiled.id, set()).add(case.kind)
    assert kinds and all(k == {"bad", "good"} for k in kinds.values())


REWRITE_PACKS = {"positive", "honorific", "request", "easy", "policy", "cushion", "tone"}


def test_rules_of_the_rewrite_packs_all_offer_a_rewrite() -> None:
    """Issue 4's coverage: every matching rule of these packs suggests something (metric rules measure a whole
    sentence or reply and leave the rewrite to the word-level rules they summarize)."""
    missing = [
        c.id for c in load_packs(list(builtin_packs().values())).rules
        if c.pack in REWRITE_PACKS and c.rule.kind != "metric" and not (c.rule.suggest or c.rule.kind == "lexicon")
    ]
    assert not missing


def test_every_bad_example_with_a_suggestion_asserts_its_rewrite() -> None:
    unasserted = [
        c.name for c in CASES
        if c.kind == "bad" and c.compiled.rule.suggest and c.fix is None and c.unsafe_fix is None
        and c.compiled.pack in REWRITE_PACKS
    ]
    share = 1 - len(unasserted) / max(1, sum(1 for c in CASES if c.kind == "bad" and c.compiled.pack in REWRITE_PACKS))
    assert share >= 0.5, f"only {share:.0%} of bad examples assert their rewrite: {unasserted[:10]}"
