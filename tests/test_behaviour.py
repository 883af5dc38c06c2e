"""The behaviour suite's cases that passed when benchmarks/data/behaviour_passing.txt was last written run here as
regression tests: a stored-passing case that fails now is a regression. Refresh the list on purpose with
`python benchmarks/behaviour.py --update` (see that script for the failure table)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cs_coach

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

from behaviour import PASSING, run  # noqa: E402
from behaviour_cases import CATEGORIES, all_cases  # noqa: E402
from behaviour_cases.core import TESTS  # noqa: E402


@pytest.fixture(scope="module")
def cases():
    return all_cases()


def test_suite_covers_every_category_and_test_type(cases) -> None:
    assert len(cases) >= 3000
    assert len({c.id for c in cases}) == len(cases), "case ids must be unique"
    assert {c.category for c in cases} == set(CATEGORIES)
    for category in CATEGORIES:
        tests = {c.test for c in cases if c.category == category}
        assert "INV" in tests and tests & {"PAIR", "DIR"}, f"{category} lacks INV or PAIR/DIR cases: {tests}"
    assert {c.test for c in cases} == set(TESTS)


def test_ids_are_stable_across_generations(cases) -> None:
    assert [c.id for c in all_cases()] == [c.id for c in cases]


def test_stored_passing_cases_still_pass(coach: cs_coach.Coach, cases) -> None:
    stored = [line for line in PASSING.read_text(encoding="utf-8").split() if line]
    by_id = {c.id: c for c in cases}
    guarded = [by_id[i] for i in stored if i in by_id]
    assert len(guarded) >= 0.9 * len(stored), "most stored ids should still be generated; rerun --update"
    outcomes, seen = run(coach, guarded)
    failed = [o for o in outcomes if not o.ok]
    lines = [f"{o.case.id} [{o.reason}] {o.case.text!r} found {seen[o.case.text].findings}"
             + (f" | other {o.case.other!r} found {seen[o.case.other].findings}" if o.case.other else "")
             for o in failed[:40]]
    assert not failed, f"{len(failed)} behaviour cases that passed before fail now:\n" + "\n".join(lines)
