"""Rewrite quality, measured two ways.

1. Against the hand-written gold set (benchmarks/data/rewrite_gold.jsonl: source, act, acceptable rewrites or
   "leave"): `fix` and `fix(unsafe=True)` are scored exact, near (normalised edit distance ≤ 0.15 to the closest
   acceptable rewrite), left alone when they should be, by the trainer's grade checks (target gone, nothing new,
   level kept, content kept), and by placeholders `{…}` written into text (must be 0). Every pair that is not
   exact is printed for reading.
2. With --turns N: fix and fix(unsafe=True) on N real agent turns, printed for reading.
3. On the bad rows of the dev corpus (the first release's figures): how many changed, re-check clean in their
   category, and kept the speech level.

    python benchmarks/rewrites.py [--gold FILE] [--shared ../shared] [--quiet] [--only gold|dev] [--category C]
                                  [--turns N [--seed S]]

A number is not a judgement of Korean: read the printed pairs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import cs_coach
from cs_coach.trainer import grade

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import BAD_MAP, default_shared

GOLD = Path(__file__).resolve().parent / "data" / "rewrite_gold.jsonl"
NEAR = 0.15
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
GRADE_CHECKS = ("target", "no_new_problems", "speech_level", "content")


def normalise(text: str) -> str:
    return " ".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance over characters (two-row dynamic programme)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def distance(a: str, b: str) -> float:
    """Edit distance normalised by the longer string (0 = same, 1 = nothing shared)."""
    a, b = normalise(a), normalise(b)
    return edit_distance(a, b) / max(1, len(a), len(b))


@dataclass(frozen=True, slots=True)
class Scored:
    row: dict
    mode: str
    output: str
    exact: bool
    near: bool
    closest: str
    dist: float
    placeholders: int
    failed_checks: tuple[str, ...]


def load_gold(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = {"id", "source", "act", "category", "rewrites"} - row.keys()
        if missing:
            raise SystemExit(f"{path}:{number}: missing {sorted(missing)}")
        if row["rewrites"] != "leave" and not (isinstance(row["rewrites"], list) and row["rewrites"]):
            raise SystemExit(f"{path}:{number}: rewrites must be a non-empty list or \"leave\"")
        rows.append(row)
    return rows


def score(coach: cs_coach.Coach, row: dict, mode: str) -> Scored:
    source = row["source"]
    output = coach.fix(source, unsafe=mode == "unsafe").text
    wanted = [source] if row["rewrites"] == "leave" else row["rewrites"]
    closest = min(wanted, key=lambda w: distance(output, w))
    dist = distance(output, closest)
    failed: tuple[str, ...] = ()
    if output != source:
        g = grade(coach, source, output)
        failed = tuple(item.check for item in g.items if not item.ok)
    return Scored(row, mode, output, normalise(output) in {normalise(w) for w in wanted}, dist <= NEAR, closest,
                  dist, len(PLACEHOLDER.findall(output)), failed)


def gold_section(coach: cs_coach.Coach, rows: list[dict], quiet: bool) -> None:
    results = {mode: [score(coach, row, mode) for row in rows] for mode in ("safe", "unsafe")}
    print(f"== gold: {len(rows)} hand-written pairs ({sum(r['rewrites'] == 'leave' for r in rows)} to leave as they "
          f"are), near = normalised edit distance ≤ {NEAR}")
    header = (f"{'category':12} {'n':>4} {'leave':>5} | {'safe exact':>10} {'near':>5} {'harm':>5} | "
              f"{'unsafe exact':>12} {'near':>5} {'harm':>5} {'ph':>3}")
    print(header)
    categories = sorted({r["category"] for r in rows})
    for category in [*categories, "ALL"]:
        picked = [i for i, r in enumerate(rows) if category in ("ALL", r["category"])]
        leave = sum(rows[i]["rewrites"] == "leave" for i in picked)
        cells = []
        for mode in ("safe", "unsafe"):
            rs = [results[mode][i] for i in picked]
            exact = sum(s.exact for s in rs)
            near = sum(s.near for s in rs)
            harm = sum(s.row["rewrites"] == "leave" and s.output != s.row["source"] for s in rs)
            cells.append((exact, near, harm, sum(s.placeholders for s in rs)))
        (se, sn, sh, _), (ue, un, uh, ph) = cells
        print(f"{category:12} {len(picked):4d} {leave:5d} | {se:10d} {sn:5d} {sh:5d} | "
              f"{ue:12d} {un:5d} {uh:5d} {ph:3d}")
    print("(harm = a sentence to leave as it is was changed; ph = placeholders {…} written into text)")
    for mode in ("safe", "unsafe"):
        rs = results[mode]
        changed = [s for s in rs if s.output != s.row["source"]]
        checks = Counter(check for s in changed for check in s.failed_checks)
        to_rewrite = [s for s in rs if s.row["rewrites"] != "leave"]
        leave = [s for s in rs if s.row["rewrites"] == "leave"]
        print(f"\n{mode}: of {len(to_rewrite)} sentences to rewrite, rewritten "
              f"{sum(s.output != s.row['source'] for s in to_rewrite)}, exact {sum(s.exact for s in to_rewrite)}, "
              f"near {sum(s.near for s in to_rewrite)}; of {len(leave)} to leave, left {sum(s.exact for s in leave)}; "
              f"grade checks on {len(changed)} changed outputs: "
              + ", ".join(f"{c} failed {checks[c]}" for c in GRADE_CHECKS)
              + f"; placeholders {sum(s.placeholders for s in rs)}")
    if quiet:
        return
    print("\npairs that are not exact (S = fix, U = fix(unsafe=True); d = distance to the closest acceptable):")
    for safe, unsafe in zip(results["safe"], results["unsafe"], strict=True):
        if safe.exact and unsafe.exact:
            continue
        row = safe.row
        want = "leave as is" if row["rewrites"] == "leave" else " | ".join(row["rewrites"])
        print(f"\n[{row['id']} {row['act']}] {row['source']}\n   want: {want}")
        for s, tag in ((safe, "S"), (unsafe, "U")):
            if s.exact:
                print(f"   {tag} ok")
                continue
            marks = f"d={s.dist:.2f}" + (" near" if s.near else "")
            marks += " UNCHANGED" if s.output == row["source"] else ""
            marks += f" ph={s.placeholders}" if s.placeholders else ""
            marks += (" grade-fail:" + ",".join(s.failed_checks)) if s.failed_checks else ""
            print(f"   {tag} {s.output}   ({marks})")
    summary = {mode: results[mode] for mode in results}
    print("\nSUMMARY gold " + " ".join(
        f"{mode}: exact={sum(s.exact for s in rs) / len(rs):.3f} near={sum(s.near for s in rs) / len(rs):.3f} "
        f"placeholders={sum(s.placeholders for s in rs)}" for mode, rs in summary.items()))


def dev_section(coach: cs_coach.Coach, dev: Path, quiet: bool) -> None:
    """The first release's measure: fix(unsafe=True) on dev bad rows flagged in their category."""
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
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
        c["placeholders"] += len(PLACEHOLDER.findall(fixed.text))
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
    columns = ("rewritable", "changed", "clean", "kept_level", "both", "placeholders")
    print(f"\n== dev corpus: fix(unsafe=True) on bad rows flagged in their category ({dev})")
    print(f"{'category':30} " + " ".join(f"{name:>12}" for name in columns))
    total: Counter[str] = Counter()
    for category in sorted(counts):
        total.update(counts[category])
        print(f"{category:30} " + " ".join(f"{counts[category][name]:12d}" for name in columns))
    print(f"{'TOTAL':30} " + " ".join(f"{total[name]:12d}" for name in columns))
    if not quiet:
        print("\npairs:")
        print("\n".join(pairs))
    changed_share = total["changed"] / max(1, total["rewritable"])
    good_share = total["both"] / max(1, total["changed"])
    print(f"\nSUMMARY dev rewritten={changed_share:.3f} of rewritable; "
          f"clean_and_level_kept={good_share:.3f} of rewrites; placeholders={total['placeholders']}")


def turns_section(coach: cs_coach.Coach, path: Path, n: int, seed: int) -> None:
    """fix and fix(unsafe=True) on a fixed random sample of real turns that something would change, for reading."""
    import random

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    candidates = [t for t, report in zip(texts, coach.check_many(texts), strict=True)
                  if any(f.suggestions for f in report.findings)]
    sample = random.Random(seed).sample(candidates, min(n, len(candidates)))
    print(f"\n== real turns: {len(sample)} of {len(candidates)} turns with a suggestion (seed {seed}), for reading")
    placeholders = 0
    for number, text in enumerate(sample, 1):
        safe, unsafe = coach.fix(text).text, coach.fix(text, unsafe=True).text
        placeholders += len(PLACEHOLDER.findall(unsafe))
        print(f"\n{number:3d}. {text}")
        print("   S " + ("(unchanged)" if safe == text else safe))
        print("   U " + ("(unchanged)" if unsafe == text else ("(same as S)" if unsafe == safe else unsafe)))
    print(f"\nSUMMARY turns placeholders in fix(unsafe=True): {placeholders}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--only", choices=("gold", "dev"))
    parser.add_argument("--category", help="gold: only this category")
    parser.add_argument("--quiet", action="store_true", help="only the tables")
    parser.add_argument("--turns", type=int, default=0, help="also print N real turns' rewrites for reading")
    parser.add_argument("--seed", type=int, default=10, help="with --turns: the sample's seed")
    args = parser.parse_args(argv)
    coach = cs_coach.Coach()
    if args.only != "dev":
        rows = load_gold(args.gold)
        if args.category:
            rows = [r for r in rows if r["category"] == args.category]
        gold_section(coach, rows, args.quiet)
    if args.turns:
        turns_section(coach, args.shared / "eval_data" / "hgtods_manual_agent_turns.jsonl", args.turns, args.seed)
    if args.only != "gold":
        dev = args.shared / "corpus" / "dev.jsonl"
        if not dev.exists():
            print(f"no corpus at {dev}; pass --shared (dev section skipped)", file=sys.stderr)
            return 0 if args.only != "dev" else 2
        dev_section(coach, dev, args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
