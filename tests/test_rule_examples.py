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
