"""The scorecard: readable per reply, capped per category, monotone; a library summary that discriminates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cs_coach.models import CATEGORIES, Finding, Report
from cs_coach.scoring import POINTS, LibrarySummary, score


def finding(category: str, severity: str = "warning") -> Finding:
    return Finding(rule_id="r", pack="p", category=category, severity=severity, start=0, end=1, text="x", message="m")


def test_three_warnings_score_well_above_zero_and_below_one_warning():
    one = score([finding("positive")]).overall
    three = score([finding("positive"), finding("request"), finding("tone")]).overall
    assert 100 > one > three >= 70
    assert score([]).overall == 100


def test_a_category_never_loses_more_than_its_points():
    many = score([finding("blame", "error")] * 5)
    assert many.overall == 100 - POINTS["blame"]
    assert many.categories["blame"] == 0 and many.categories["positive"] == 100
    assert score([finding("blame")]).categories["blame"] == 50


def test_severity_orders_the_deduction():
    values = [score([finding("tone", s)]).overall for s in ("info", "warning", "error")]
    assert values == sorted(values, reverse=True) and len(set(values)) == 3


findings = st.lists(
    st.builds(finding, st.sampled_from(CATEGORIES), st.sampled_from(["error", "warning", "info"])), max_size=30
)


@given(findings, findings)
def test_scores_are_bounded_and_never_rise_with_more_findings(some, more):
    before, after = score(some), score(some + more)
    assert 0 <= after.overall <= before.overall <= 100
    assert all(0 <= after.categories[c] <= before.categories[c] <= 100 for c in CATEGORIES)


def test_library_summary_shows_spread_and_problem_shares():
    def report(*categories: str) -> Report:
        fs = [finding(c) for c in categories]
        return Report(text="x", findings=fs, speech_level="haeyo", scores=score(fs))

    summary = LibrarySummary().extend([report(), report(), report("positive"), report("positive", "tone", "blame")])
    data = summary.as_dict()
    assert data["replies"] == 4 and data["flagged_share"] == 0.5
    assert data["score_bands"] == {"0–59": 0, "60–79": 0, "80–89": 1, "90–99": 1, "100": 2}
    assert data["problem_share"]["positive"] == 0.5 and data["problem_share"]["tone"] == 0.25
    assert summary.percentile(0.1) == score([finding("positive"), finding("tone"), finding("blame")]).overall
