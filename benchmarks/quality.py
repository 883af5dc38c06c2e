"""Korean quality, measured: recall per category and false alarms on the labelled dev corpus, and flag
density on real agent turns.

    python benchmarks/quality.py [--shared ../shared] [--sample 50] [--misses]
    python benchmarks/quality.py --corpus benchmarks/data/heldout/heldout.jsonl --split B

The labelled dev sentences stay in ../shared: this script reads them, it never copies them into the project.
`--corpus` measures another labelled set of the same scheme (the blind held-out set); the agent-turn part
runs only on the default corpus. `--split A|B` keeps the rows whose sha256(text) starts with 0-7 (A) or 8-f (B),
so that classes can be fixed on A while B stays an untouched estimate. A row whose `split` names a whole set
("C": a later blind set, held out entirely) is not checked against the hash; `--split all` keeps it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import cs_coach
from cs_coach.scoring import BANDS, LibrarySummary

# Source category -> the cs_coach categories that count as catching it (corpus/README.md).
BAD_MAP: dict[str, set[str]] = {
    "negative_phrasing": {"positive"},
    "negative_phrasing_realworld": {"positive"},
    "aronson_order": {"positive"},
    "jargon": {"easy"},
    "slang_casual": {"tone", "easy"},
    "vague": {"simple"},
    "long_sentence": {"short"},
    "imperative": {"request"},
    "object_honorific": {"honorific"},
    "honorific_misuse": {"honorific"},
    "false_help": {"honorific"},
    "banmal_curt": {"tone"},
    "blame_shifting": {"blame"},
    "rule_citing": {"policy"},
    "empathy_missing": {"empathy"},
    "cushion_missing": {"cushion", "request"},
}
TONE = {"positive", "honorific", "request", "tone", "policy", "blame"}
# A good row is a false alarm when flagged in its own category or in any tone category.
GOOD_OWN: dict[str, set[str]] = {
    "jargon": {"easy"},
    "vague": {"simple"},
    "imperative": {"request"},
    "object_honorific": {"honorific"},
    "empathy": {"empathy"},
    "cushion": {"cushion"},
    "long_sentence": {"short"},
    "slang_casual": {"tone", "easy"},
}
SPLITS = ("A", "B", "all")


def split_of(text: str) -> str:
    """A or B from the first hex digit of sha256(text): stable, and independent of who wrote the row."""
    return "A" if hashlib.sha256(text.encode("utf-8")).hexdigest()[0] in "01234567" else "B"


def load_rows(path: Path, split: str = "all") -> list[dict]:
    """Read a labelled corpus (one JSON object a line) and keep one split; a malformed row is an error that
    names its line, because a silently skipped row would bend every figure."""
    rows: list[dict] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise ValueError(f"{path}:{number}: a row needs a non-empty 'text'")
        if row.get("label") not in ("bad", "good"):
            raise ValueError(f"{path}:{number}: 'label' must be 'bad' or 'good', not {row.get('label')!r}")
        if row["label"] == "bad" and row.get("category") not in BAD_MAP:
            raise ValueError(f"{path}:{number}: unknown bad category {row.get('category')!r}; "
                             f"known: {', '.join(sorted(BAD_MAP))}")
        computed = split_of(row["text"])
        named = row.get("split", computed)
        if not isinstance(named, str) or not named.strip():
            raise ValueError(f"{path}:{number}: 'split' must be a non-empty string, not {named!r}")
        if named in ("A", "B") and named != computed:
            raise ValueError(f"{path}:{number}: 'split' is {named!r} but sha256(text) gives {computed!r}")
        if split in ("all", computed):
            rows.append(row)
    return rows


def default_shared() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared"


def dev_quality(coach: cs_coach.Coach, rows: list[dict], show_misses: bool) -> tuple[float, float]:
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    by_target: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_alarms: list[tuple[dict, list[str]]] = []
    goods = 0
    good_total: Counter[str] = Counter()
    alarm_own: Counter[str] = Counter()
    alarm_tone: Counter[str] = Counter()
    reports = list(coach.check_many(r["text"] for r in rows))
    category_of = {c.id: c.rule.category for c in coach.ruleset.rules}
    for row, report in zip(rows, reports, strict=True):
        # a grouped finding stands for its members too (one finding per problem span, `also`)
        found = {c for f in report.findings for c in (f.category, *(category_of[r] for r in f.also))}
        if row["label"] == "bad":
            wanted = BAD_MAP[row["category"]]
            hit = bool(found & wanted)
            total[row["category"]] += 1
            caught[row["category"]] += hit
            for target in wanted:
                by_target[target][1] += 1
                by_target[target][0] += hit
            if show_misses and not hit:
                print(f"  MISS [{row['category']}] {row['text']}  (found: {sorted(found)})")
        else:
            goods += 1
            own = GOOD_OWN.get(row["category"], set())
            alarm = found & (TONE | own)
            good_total[row["category"]] += 1
            alarm_own[row["category"]] += bool(found & own)
            alarm_tone[row["category"]] += bool(found & TONE)
            if alarm:
                rules = [f"{f.rule_id}{'+' + '+'.join(f.also) if f.also else ''}:{f.text}" for f in report.findings
                         if {f.category, *(category_of[r] for r in f.also)} & alarm]
                false_alarms.append((row, rules))
    print(f"{'source category':32} {'caught':>7} {'total':>6} {'recall':>7}")
    for category in sorted(total):
        print(f"{category:32} {caught[category]:7d} {total[category]:6d} {caught[category] / total[category]:7.2f}")
    print(f"\n{'cs_coach category':32} {'caught':>7} {'total':>6} {'recall':>7}")
    for target in sorted(by_target):
        got, n = by_target[target]
        print(f"{target:32} {got:7d} {n:6d} {got / n:7.2f}")
    recall = sum(caught.values()) / max(1, sum(total.values()))
    macro = sum(caught[c] / total[c] for c in total) / max(1, len(total))
    print(f"\nmacro recall (mean over source categories): {macro:.3f}")
    fp_rate = len(false_alarms) / max(1, goods)
    print(f"\n{'good category':32} {'own':>5} {'tone':>5} {'total':>6}")
    for category in sorted(good_total):
        print(f"{category:32} {alarm_own[category]:5d} {alarm_tone[category]:5d} {good_total[category]:6d}")
    own_n, tone_n = sum(alarm_own.values()), sum(alarm_tone.values())
    print(f"flagged in own category: {own_n}/{goods} = {own_n / max(1, goods):.3f}; "
          f"in a tone category: {tone_n}/{goods} = {tone_n / max(1, goods):.3f}")
    print(f"\nfalse alarms on good rows: {len(false_alarms)}/{goods} = {fp_rate:.3f}")
    for row, rules in false_alarms:
        print(f"  FALSE ALARM [{row['category']}] {row['text']}  <- {rules}")
    return recall, fp_rate


def agent_turns(coach: cs_coach.Coach, turns: list[str], sample: int) -> None:
    per_category: Counter[str] = Counter()
    per_rule: Counter[str] = Counter()
    findings: list[tuple[str, cs_coach.Finding]] = []
    library = LibrarySummary()
    for text, report in zip(turns, coach.check_many(turns), strict=True):
        library.add(report)
        for f in report.findings:
            per_category[f.category] += 1
            per_rule[f.rule_id] += 1
            findings.append((text, f))
    n = len(turns)
    print(f"\nreal agent turns: {n}; findings per 100 turns by category")
    for category in cs_coach.CATEGORIES:
        print(f"  {category:12} {100 * per_category[category] / n:7.2f}")
    print("top rules: " + ", ".join(f"{rule} {count}" for rule, count in per_rule.most_common(12)))
    print(f"reply scores: median {library.percentile(0.5)}, 10th percentile {library.percentile(0.1)}; "
          + ", ".join(f"{label}: {library.bands[label]}" for _, label in BANDS))
    print("replies with a problem, by category: " + ", ".join(
        f"{c} {100 * library.share(library.with_problem[c]):.1f}%" for c in cs_coach.CATEGORIES
        if library.with_problem[c]))
    if sample:
        print(f"\nsample of {sample} findings (seed 7), for reading:")
        for text, f in random.Random(7).sample(findings, min(sample, len(findings))):
            context = text[max(0, f.start - 20) : f.end + 20].replace("\n", " ")
            print(f"  [{f.category}/{f.rule_id}] «{f.text}» … {context}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--sample", type=int, default=0, help="print N random findings on agent turns")
    parser.add_argument("--misses", action="store_true", help="print missed bad rows")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="labelled corpus to measure (default: <shared>/corpus/dev.jsonl and the agent turns)")
    parser.add_argument("--split", choices=SPLITS, default="all", help="keep only split A or B (sha256 of the text)")
    args = parser.parse_args()
    corpus = args.corpus or args.shared / "corpus" / "dev.jsonl"
    turns_file = args.shared / "eval_data" / "hgtods_manual_agent_turns.jsonl"
    if not corpus.exists():
        print(f"no corpus at {corpus}; pass --shared or --corpus", file=sys.stderr)
        return 2
    try:
        rows = load_rows(corpus, args.split)
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"cannot read {corpus}: {exc}", file=sys.stderr)
        return 2
    if not rows:
        print(f"no rows in {corpus} for split {args.split}", file=sys.stderr)
        return 2
    if args.corpus or args.split != "all":
        print(f"corpus {corpus}, split {args.split}: {len(rows)} rows")
    coach = cs_coach.Coach()
    recall, fp_rate = dev_quality(coach, rows, args.misses)
    if args.corpus is None and turns_file.exists():
        turns = [json.loads(line)["text"] for line in turns_file.read_text(encoding="utf-8").splitlines() if line]
        agent_turns(coach, turns, args.sample)
    print(f"\nSUMMARY recall={recall:.3f} false_alarm_rate={fp_rate:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
