"""Rewrite quality, measured: run fix(unsafe=True) on the bad rows of the dev corpus and count, per category,
how many changed, how many re-check clean in their category, and how many kept the speech level.

    python benchmarks/rewrites.py [--shared ../shared] [--quiet]

Every before → after pair is printed for reading (a number is not a judgement of Korean). For tone rows
the level counts as kept when the rewrite is polite: turning 반말 into 해요체 is the point of the fix.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import cs_coach

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import BAD_MAP, default_shared


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--quiet", action="store_true", help="only the table")
    args = parser.parse_args()
    dev = args.shared / "corpus" / "dev.jsonl"
    if not dev.exists():
        print(f"no corpus at {dev}; pass --shared", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    coach = cs_coach.Coach()
    counts: dict[str, Counter[str]] = {}
    pairs: list[str] = []
    for row in rows:
        if row["label"] != "bad":
            continue
        wanted = BAD_MAP[row["category"]]
        text = row["text"]
        before = coach.check(text)
        if not any(f.category in wanted for f in before.findings):
            continue  # not flagged in its category: nothing to rewrite (recall is quality.py's business)
        c = counts.setdefault(row["category"], Counter())
        c["rewritable"] += 1
        fixed = coach.fix(text, unsafe=True)
        if fixed.text == text:
            pairs.append(f"  [{row['category']}] UNCHANGED {text}")
            continue
        c["changed"] += 1
        after = coach.check(fixed.text)
        clean = not any(f.category in wanted for f in after.findings)
        # A tone rewrite exists to turn 반말 into polite speech: for it, "kept" means polite afterwards.
        kept = before.speech_level in ("none", after.speech_level) or (
            "tone" in wanted and after.speech_level in ("hapsyo", "haeyo")
        )
        c["clean"] += clean
        c["kept_level"] += kept
        c["both"] += clean and kept
        marks = "" if clean else " NOT-CLEAN"
        marks += "" if kept else f" LEVEL {before.speech_level}->{after.speech_level}"
        pairs.append(f"  [{row['category']}]{marks}\n    {text}\n  → {fixed.text}")
    columns = ("rewritable", "changed", "clean", "kept_level", "both")
    print(f"{'category':30} " + " ".join(f"{name:>10}" for name in columns))
    total: Counter[str] = Counter()
    for category in sorted(counts):
        total.update(counts[category])
        print(f"{category:30} " + " ".join(f"{counts[category][name]:10d}" for name in columns))
    print(f"{'TOTAL':30} " + " ".join(f"{total[name]:10d}" for name in columns))
    if not args.quiet:
        print("\npairs:")
        print("\n".join(pairs))
    changed_share = total["changed"] / max(1, total["rewritable"])
    good_share = total["both"] / max(1, total["changed"])
    print(f"\nSUMMARY rewritten={changed_share:.3f} of rewritable; clean_and_level_kept={good_share:.3f} of rewrites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
