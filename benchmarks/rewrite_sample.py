"""Draw a reading sample of rewrites: gold pairs and real sentences, each with fix and fix(unsafe=True).

The sample is redrawn from its seed: gold rows by `random.Random(seed).sample`, real sentences (every sentence of
the real agent turns that gets a suggestion, in corpus order, deduplicated) shuffled by the seed, the first
ones that fix or fix(unsafe=True) changes. A trainer marks each changed output in
benchmarks/data/rewrite_marks.jsonl (accept / small / reject + reason, with the seed, the key and the commit read);
`--score` counts them: safe where fix changed the text, unsafe where fix(unsafe=True) differs from fix.
The real turns are for measuring only: marks of real sentences keep their key, not their text (redraw to read).

    python benchmarks/rewrite_sample.py --seed S [--gold 30] [--real 30] [--jsonl]   # draw and print
    python benchmarks/rewrite_sample.py --score [--marks FILE]                         # the figures per seed
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import cs_coach
from cs_coach.analyze import analyze

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import default_shared
from rewrites import GOLD, load_gold

MARKS = Path(__file__).resolve().parent / "data" / "rewrite_marks.jsonl"
MARK_VALUES = ("accept", "small", "reject")


def real_sentences(coach: cs_coach.Coach, shared: Path) -> list[tuple[str, str]]:
    """Every distinct sentence of the real turns that gets at least one suggestion, in corpus order, with its key
    (split:dialogue:turn@start-end, stable whatever the rules say)."""
    path = shared / "eval_data" / "hgtods_manual_agent_turns.jsonl"
    seen: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        turn = row["text"]
        for s in analyze(turn).sentences:
            piece = turn[s.start : s.end].strip()
            if piece:
                seen.setdefault(piece, f"{row['split']}:{row['dial_id']}:{row['turn_id']}@{s.start}-{s.end}")
    texts = list(seen)
    reports = coach.check_many(texts)
    return [(seen[t], t) for t, r in zip(texts, reports, strict=True) if any(f.suggestions for f in r.findings)]


def draw(coach: cs_coach.Coach, seed: int, n_gold: int, n_real: int, shared: Path) -> list[dict]:
    rows = load_gold(GOLD)
    picked = [("gold", r["id"], r["source"]) for r in random.Random(seed).sample(rows, min(n_gold, len(rows)))]
    out = [_pair(coach, sample, seed, key, source) for sample, key, source in picked]
    real = real_sentences(coach, shared) if n_real else []
    order = list(range(len(real)))
    random.Random(seed).shuffle(order)
    for index in order:  # the first n_real in the seed's order that fix or fix(unsafe=True) changes
        if sum(r["sample"] == "real" for r in out) >= n_real:
            break
        pair = _pair(coach, "real", seed, *real[index])
        if pair["unsafe"] != pair["source"] or pair["safe"] != pair["source"]:
            out.append(pair)
    return out


def _pair(coach: cs_coach.Coach, sample: str, seed: int, key: str, source: str) -> dict:
    safe = coach.fix(source).text
    unsafe = coach.fix(source, unsafe=True).text
    return {"sample": sample, "seed": seed, "key": key, "source": source, "safe": safe, "unsafe": unsafe}


def score(path: Path) -> None:
    """Counts per (seed, sample, mode): a mode is marked only where its output changed (unsafe: where it differs
    from the safe output, so each figure reads the suggestions of its own kind)."""
    counts: dict[tuple[int, str, str], Counter[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["mark"] not in MARK_VALUES:
            raise SystemExit(f"{path}: bad mark {row['mark']!r} in {row}")
        counts.setdefault((row["seed"], row["sample"], row["mode"]), Counter())[row["mark"]] += 1
    print(f"{'seed':>5} {'sample':6} {'mode':6} {'n':>3} {'accept':>6} {'small':>5} {'reject':>6}  accepted")
    for (seed, sample, mode), c in sorted(counts.items()):
        n = sum(c.values())
        print(f"{seed:5d} {sample:6} {mode:6} {n:3d} {c['accept']:6d} {c['small']:5d} {c['reject']:6d}  "
              f"{c['accept'] / n:.0%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gold", type=int, default=30)
    parser.add_argument("--real", type=int, default=30)
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--jsonl", action="store_true", help="print the drawn pairs as JSON lines")
    parser.add_argument("--score", action="store_true", help="count the marks instead of drawing")
    parser.add_argument("--marks", type=Path, default=MARKS)
    args = parser.parse_args(argv)
    if args.score:
        score(args.marks)
        return 0
    coach = cs_coach.Coach()
    for row in draw(coach, args.seed, args.gold, args.real, args.shared):
        if args.jsonl:
            print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"\n[{row['sample']} {row['key']}] {row['source']}")
        print("   S " + ("(unchanged)" if row["safe"] == row["source"] else row["safe"]))
        unsafe = row["unsafe"]
        same = "(unchanged)" if unsafe == row["source"] else "(same as S)" if unsafe == row["safe"] else unsafe
        print("   U " + same)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
