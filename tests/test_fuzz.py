"""The fuzz benchmark's own machinery: inputs reproducible by index, invariants that catch planted bugs,
a minimizer that shrinks, and a small slice of the real run (the 20,000-input slice runs in .ci/run)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fuzz

import cs_coach
from cs_coach.models import FixResult


@pytest.fixture(scope="module")
def invariants() -> fuzz.Invariants:
    return fuzz.Invariants()


def test_inputs_are_a_pure_function_of_seed_and_index() -> None:
    generator = fuzz.Generator(7, fuzz.OWN_REPLIES)
    assert [generator.make(i) for i in range(50)] == [generator.make(i) for i in range(50)]
    assert generator.make(3) != fuzz.Generator(8, fuzz.OWN_REPLIES).make(3)
    assert len(generator.make(fuzz.HUGE_EVERY // 10)) == fuzz.HUGE


def test_the_generator_reaches_the_noise_it_promises() -> None:
    generator = fuzz.Generator(1, fuzz.OWN_REPLIES)
    joined = "".join(generator.make(i) for i in range(3000))
    assert any("\ud800" <= ch <= "\udfff" for ch in joined)
    assert "\r\n" in joined and "\u3000" in joined and "\U0010ffff" in joined and "\u0301" in joined
    assert any("\u1100" <= ch <= "\u11ff" for ch in joined)  # NFD Hangul


def test_minimize_shrinks_to_what_fails() -> None:
    assert fuzz.minimize("가나다라마바사아자차카타", lambda t: "마" in t and "카" in t) == "마카"


def test_a_fix_that_does_not_converge_is_caught(monkeypatch: pytest.MonkeyPatch, invariants: fuzz.Invariants) -> None:
    def growing_fix(text: str, unsafe: bool = False) -> FixResult:
        return FixResult(text=text + "요", applied=[], remaining=[])

    monkeypatch.setattr(invariants.coach, "fix", growing_fix)
    problems = invariants.failures("커피 나오셨습니다.")
    assert "fix-safe: not converged (fix changed its own output)" in problems
    assert "fix-unsafe: not converged (fix changed its own output)" in problems


def test_a_crash_and_a_bad_span_are_caught(monkeypatch: pytest.MonkeyPatch, invariants: fuzz.Invariants) -> None:
    real = invariants.coach.check

    def shifted(text: str) -> cs_coach.Report:
        report = real(text)
        if "boom" in text:
            raise KeyError("boom")
        moved = [f.model_copy(update={"start": f.start + 1}) for f in report.findings]
        return report.model_copy(update={"findings": moved})

    monkeypatch.setattr(invariants.coach, "check", shifted)
    assert invariants.failures("boom")[0].startswith("crash: KeyError")
    assert any(p.startswith("span: finding") for p in invariants.failures("커피 나오셨습니다."))


def test_a_slice_of_the_run_holds_every_invariant_but_fix_convergence() -> None:
    # Fix convergence (issue 12, item 2) is reported by the CI slice; everything else must hold here.
    fuzz._init(3, cold_every=5)
    count, found = fuzz.run_range((0, 150), minimize_first=0)
    assert count == 150
    assert [f for f in found if not f[0].startswith("fix-")] == []


def test_a_slow_input_is_named_with_its_time_and_length(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fuzz, "SLOW_INPUT_SECONDS", 0.0)  # every input counts as slow
    fuzz._init(3, cold_every=5)
    count, _ = fuzz.run_range((0, 2), minimize_first=0)
    lines = [line for line in capsys.readouterr().err.splitlines() if "slow input" in line]
    assert count == 2
    assert [line.split("#")[1].split(":")[0] for line in lines] == ["0", "1"]
    assert all(" s for " in line and line.endswith("characters") for line in lines)
