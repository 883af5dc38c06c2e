"""The hand-written benchmark data stays well-formed: the rewrite gold set and the precision marks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

from precision import MARK_VALUES, MARKS  # noqa: E402
from rewrites import GOLD, distance, load_gold  # noqa: E402

CATEGORIES = {"positive", "short", "easy", "simple", "honorific", "request", "tone", "policy", "blame", "empathy",
              "cushion", "alternative"}
ACTS = {"refusal", "bad_news", "limitation", "consequence", "prohibition", "instruction", "request", "apology",
        "thanks", "question", "greeting", "closing", "promise", "statement"}


def test_gold_covers_every_category_and_both_levels() -> None:
    rows = load_gold(GOLD)
    assert len(rows) >= 250
    assert {r["category"] for r in rows} >= CATEGORIES
    assert {r["act"] for r in rows} <= ACTS
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["source"] for r in rows}) == len(rows)
    levels = {r["level"] for r in rows}
    assert {"hapsyo", "haeyo"} <= levels
    assert sum(r["rewrites"] == "leave" for r in rows) >= 40


def test_gold_rewrites_differ_from_their_source() -> None:
    for row in load_gold(GOLD):
        if row["rewrites"] != "leave":
            assert row["source"] not in row["rewrites"], row["id"]
            assert not any("{" in w for w in row["rewrites"]), row["id"]


def test_distance_is_normalised() -> None:
    assert distance("환불은 안 됩니다.", "환불은 안 됩니다.") == 0
    assert distance("abc", "xyz") == 1
    assert 0 < distance("커피 나오셨습니다.", "커피 나왔습니다.") < 0.3


def test_precision_marks_are_well_formed() -> None:
    if not MARKS.exists():
        return
    for line in MARKS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            mark = json.loads(line)
            assert mark["mark"] in MARK_VALUES
            assert {"key", "rule_id", "category", "text", "span"} <= mark.keys()
