"""Scores a QA lead can read: a contact-center scorecard per reply, and a library's distribution.

A Korean contact-center QA scorecard (모니터링 평가표) gives each item a number of points out of 100 and
deducts within the item: a serious miss loses the whole item, a lesser one part of it, and an item
never loses more than its points. cs_coach scores a reply the same way, one item per category:

    deduction(category) = min(points[category], points[category] * sum(SEVERITY_SHARE[f.severity]))
    overall             = 100 - sum of deductions                       (rounded to an integer)
    category score      = 100 * (1 - deduction / points[category])      (the item's own 0–100)

with SEVERITY_SHARE error 1.0, warning 0.5, info 0.2 and the points in `POINTS` (they add up to 100).
So one warning in `positive` scores 94; three warnings in three categories about 84; one error in
`blame` 90; a reply has to fail most items badly to approach 0.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .models import CATEGORIES, Finding, Report, Scores, trusted

POINTS: dict[str, int] = {
    "positive": 12, "request": 10, "tone": 10, "blame": 10, "honorific": 8, "policy": 8, "empathy": 8,
    "alternative": 8, "cushion": 6, "short": 5, "easy": 5, "simple": 5, "spelling": 5,
}
SEVERITY_SHARE: dict[str, float] = {"error": 1.0, "warning": 0.5, "info": 0.2}
# Score bands for a library's distribution, as a QA lead reads them (lower bounds, ascending).
BANDS: tuple[tuple[int, str], ...] = ((0, "0–59"), (60, "60–79"), (80, "80–89"), (90, "90–99"), (100, "100"))

assert set(POINTS) == set(CATEGORIES) and sum(POINTS.values()) == 100, "one scorecard item per category"


def score(findings: Sequence[Finding]) -> Scores:
    """The scorecard of one reply (see the module docstring for the formula)."""
    if not findings:  # most replies: full marks, built without validation (its own dict: callers may edit it)
        return trusted(Scores, {"overall": 100, "categories": dict.fromkeys(CATEGORIES, 100)})
    shares: Counter[str] = Counter()
    for finding in findings:
        shares[finding.category] += SEVERITY_SHARE[finding.severity]
    deductions = {name: POINTS[name] * min(1.0, shares[name]) for name in CATEGORIES}
    return Scores(
        overall=round(100 - sum(deductions.values())),
        categories={name: round(100 * (1 - deductions[name] / POINTS[name])) for name in CATEGORIES},
    )


@dataclass
class LibrarySummary:
    """What a QA lead reads about a library of replies: not the mean of mostly clean replies, but how
    scores are spread and which problems are common."""

    replies: int = 0
    flagged: int = 0
    bands: Counter[str] = field(default_factory=Counter)
    with_problem: Counter[str] = field(default_factory=Counter)  # replies with >= 1 finding per category
    scores: list[int] = field(default_factory=list)

    def add(self, report: Report) -> None:
        self.replies += 1
        self.flagged += bool(report.findings)
        self.bands[band(report.scores.overall)] += 1
        self.scores.append(report.scores.overall)
        for category in {f.category for f in report.findings}:
            self.with_problem[category] += 1

    def extend(self, reports: Iterable[Report]) -> LibrarySummary:
        for report in reports:
            self.add(report)
        return self

    def share(self, count: int) -> float:
        return count / self.replies if self.replies else 0.0

    def percentile(self, q: float) -> int | None:
        """The score below which a share q of replies lie (nearest rank): p10 shows the weak tail."""
        if not self.scores:
            return None
        ordered = sorted(self.scores)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def as_dict(self) -> dict[str, object]:
        return {
            "replies": self.replies,
            "flagged_share": round(self.share(self.flagged), 4),
            "score_bands": {label: self.bands[label] for _, label in BANDS},
            "score_p10": self.percentile(0.10),
            "score_median": self.percentile(0.50),
            "problem_share": {c: round(self.share(self.with_problem[c]), 4) for c in CATEGORIES},
        }


def band(overall: int) -> str:
    index = bisect_right([low for low, _ in BANDS], overall) - 1
    return BANDS[max(index, 0)][1]
