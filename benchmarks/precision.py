"""Precision on real replies: sample error/warning findings on the real agent turns with a fixed seed, print them
for marking as a CS QA lead would, and compute precision from the stored marks that match today's findings.

    python benchmarks/precision.py [--seed 9] [--n 100] [--template] [--marks FILE] [--shared ../shared]

The sample is drawn by hash, not by index: every finding gets the score sha256(seed, turn id, rule id, span) and
the n lowest scores are the sample (bottom-k sampling). A finding's draw does not depend on which other findings
exist, so a sample does not shift when a rule change adds or removes findings elsewhere; only a new finding that
scores lower can push the highest-scoring one out.

Marks live in benchmarks/data/precision_marks.jsonl, one per line:
    {"seed": 2027, "key": "test:<dial_id>:<turn_id>@<start>-<end>", "rule_id", "category", "text",
     "span": [start, end], "mark": "correct" | "defensible" | "wrong", "note"}
`seed` says which sample a mark was made for (marks made before seeds were recorded have none), so the marks of
several samples live side by side. A mark counts when today's findings still have an error/warning of the same
category on that exact span of that turn; marks of findings that are gone are listed as stale. `--template` prints
the sample as JSON lines with an empty mark, ready to be filled in. The turns stay in ../shared; only the marked
spans are kept here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import cs_coach

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import default_shared

MARKS = Path(__file__).resolve().parent / "data" / "precision_marks.jsonl"
TURNS = Path("eval_data") / "hgtods_manual_agent_turns.jsonl"
MARK_VALUES = ("correct", "defensible", "wrong")


@dataclass(frozen=True, slots=True)
class Sampled:
    key: str
    turn: str
    finding: cs_coach.Finding


def turn_key(row: dict) -> str:
    return f"{row.get('split', '?')}:{row['dial_id']}:{row['turn_id']}"


def collect(coach: cs_coach.Coach, rows: list[dict]) -> list[Sampled]:
    """Every error/warning finding on every turn, in a stable order."""
    out = []
    for row, report in zip(rows, coach.check_many(row["text"] for row in rows), strict=True):
        for f in report.findings:
            if f.severity in ("error", "warning"):
                out.append(Sampled(f"{turn_key(row)}@{f.start}-{f.end}", row["text"], f))
    return out


def draw_score(seed: int, s: Sampled) -> bytes:
    """The finding's place in the seed's draw: a hash of the seed and the finding's own key only."""
    f = s.finding
    return hashlib.sha256(f"{seed}|{s.key}|{f.rule_id}".encode()).digest()


def draw(findings: list[Sampled], seed: int, n: int) -> list[Sampled]:
    """The n findings with the lowest draw scores, in draw order (stable under unrelated findings coming and going)."""
    return sorted(findings, key=lambda s: draw_score(seed, s))[:n]


def context(text: str, start: int, end: int, width: int = 70) -> str:
    """The flagged span in «» with the sentence around it (cut at sentence ends or `width` characters)."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n"))
    left = max(left + 1, start - width, 0)
    right_candidates = [i for i in (text.find(m, end) for m in (". ", "? ", "! ", "\n")) if i != -1]
    right = min([*right_candidates, len(text) - 1, end + width]) + 1
    return (text[left:start] + "«" + text[start:end] + "»" + text[end:right]).strip()


def load_marks(path: Path) -> list[dict]:
    if not path.exists():
        return []
    marks = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        mark = json.loads(line)
        if mark.get("mark") not in MARK_VALUES:
            raise SystemExit(f"{path}:{number}: mark must be one of {MARK_VALUES}, got {mark.get('mark')!r}")
        marks.append(mark)
    return marks


def latest(marks: list[dict], seed: int) -> list[dict]:
    """One mark per finding: the one made for `seed` if any, else the last one in the file."""
    ordered = sorted(enumerate(marks), key=lambda im: (im[1].get("seed") == seed, im[0]))
    return list({(m["key"], m["category"]): m for _, m in ordered}.values())


def precision(marks: list[dict], findings: list[Sampled]) -> tuple[Counter[str], dict[str, Counter[str]], int]:
    """Counts of marks whose finding is still reported (same turn, span and category); also per category."""
    current = {(s.key, s.finding.category) for s in findings}
    total: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {}
    stale = 0
    for mark in marks:
        if (mark["key"], mark["category"]) not in current:
            stale += 1
            continue
        total[mark["mark"]] += 1
        per.setdefault(mark["category"], Counter())[mark["mark"]] += 1
    return total, per, stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--marks", type=Path, default=MARKS)
    parser.add_argument("--template", action="store_true", help="print the sample as JSON lines to mark")
    args = parser.parse_args(argv)
    path = args.shared / TURNS
    if not path.exists():
        print(f"no turns at {path}; pass --shared", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    coach = cs_coach.Coach()
    findings = collect(coach, rows)
    by_category = Counter(s.finding.category for s in findings)
    sample = draw(findings, args.seed, args.n)
    if args.template:
        for s in sample:
            f = s.finding
            print(json.dumps({"seed": args.seed, "key": s.key, "rule_id": f.rule_id, "category": f.category,
                              "text": f.text, "span": [f.start, f.end], "mark": "", "note": "",
                              "context": context(s.turn, f.start, f.end)}, ensure_ascii=False))
        return 0
    print(f"{len(rows)} turns, {len(findings)} error/warning findings: "
          + ", ".join(f"{c} {n}" for c, n in by_category.most_common()))
    print(f"\nsample of {len(sample)} (seed {args.seed}):")
    for number, s in enumerate(sample, 1):
        f = s.finding
        also = getattr(f, "also", None)
        print(f"{number:3d}. {s.key}  {f.category}/{f.rule_id} [{f.severity}]" + (f" also {also}" if also else ""))
        print(f"     {context(s.turn, f.start, f.end)}")
        print(f"     → {f.message}")
    marks = load_marks(args.marks)
    sampled = {(s.key, s.finding.category) for s in sample}
    in_sample = latest([m for m in marks if (m["key"], m["category"]) in sampled
                        and m.get("seed") in (None, args.seed)], args.seed)
    unmarked = len(sample) - len(in_sample)
    s_total, s_per, _ = precision(in_sample, sample)
    s_n = sum(s_total.values())
    if s_n:
        print(f"\nSAMPLE (seed {args.seed}): {s_n} of {len(sample)} marked ({unmarked} unmarked): "
              f"correct {s_total['correct']}, defensible {s_total['defensible']}, wrong {s_total['wrong']} -> "
              f"precision correct={s_total['correct'] / s_n:.3f} "
              f"correct+defensible={(s_total['correct'] + s_total['defensible']) / s_n:.3f}")
        for category, counts in sorted(s_per.items()):
            print(f"  {category:12} {sum(counts.values()):3d}: correct {counts['correct']}, "
                  f"defensible {counts['defensible']}, wrong {counts['wrong']}")
    marks = latest(marks, args.seed)
    total, per, stale = precision(marks, findings)
    matched = sum(total.values())
    print(f"\nall marks: {len(marks)} distinct findings marked, {matched} match today's findings, {stale} stale")
    if matched:
        for category, counts in sorted(per.items()):
            n = sum(counts.values())
            print(f"  {category:12} {n:3d} marked: correct {counts['correct']}, defensible {counts['defensible']}, "
                  f"wrong {counts['wrong']}")
        print(f"PRECISION correct={total['correct'] / matched:.3f} "
              f"correct+defensible={(total['correct'] + total['defensible']) / matched:.3f} (n={matched})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
