"""Do two versions of cs_coach give byte-identical reports? The guard for speed work, which must not change output.

    python benchmarks/identical.py dump OUT.jsonl [--limit 1500] [--fix 200]
    python benchmarks/identical.py compare A.jsonl B.jsonl

`dump` writes one JSON line per real agent turn of ../shared/eval_data (file order, de-duplicated): the
`check` report, the `check_many` report of the same turn (both paths must agree), and for the first --fix
turns the `fix` result. Run it with each version on PYTHONPATH (e.g. a `git archive` of the base commit
and the working tree) and `compare` the two files: it prints the first differing turns and exits 1 on any
difference. Measuring only: the turns are never copied into rules, tests or gold data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
TURNS = "eval_data/hgtods_manual_agent_turns.jsonl"


def load_turns(shared: Path, limit: int) -> list[str]:
    with open(shared / TURNS, encoding="utf-8") as handle:
        turns = [json.loads(line)["text"] for line in handle if line.strip()]
    return list(dict.fromkeys(turns))[:limit]


def dump(out: Path, shared: Path, limit: int, fix: int) -> None:
    import cs_coach

    coach = cs_coach.Coach()
    turns = load_turns(shared, limit)
    many = list(coach.check_many(iter(turns)))
    with open(out, "w", encoding="utf-8") as handle:
        for number, text in enumerate(turns):
            row: dict[str, object] = {
                "n": number,
                "check": coach.check(text).model_dump(mode="json"),
                "many": many[number].model_dump(mode="json"),
            }
            if number < fix:
                row["fix"] = coach.fix(text).model_dump(mode="json")
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(turns)} turns -> {out} (cs_coach from {Path(cs_coach.__file__).parent})")


def compare(a: Path, b: Path, show: int = 5) -> int:
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    if len(left) != len(right):
        print(f"different lengths: {len(left)} vs {len(right)} lines")
        return 1
    differing = [n for n, (x, y) in enumerate(zip(left, right, strict=True)) if x != y]
    for n in differing[:show]:
        x, y = json.loads(left[n]), json.loads(right[n])
        parts = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
        print(f"turn {n}: differs in {parts}")
        for part in parts:
            print(f"  A: {json.dumps(x.get(part), ensure_ascii=False)[:600]}")
            print(f"  B: {json.dumps(y.get(part), ensure_ascii=False)[:600]}")
    many_mismatch = sum(1 for line in right if (row := json.loads(line))["check"] != row["many"])
    if many_mismatch:
        print(f"{many_mismatch} turns where check and check_many disagree in {b}")
    print(f"{len(left)} turns compared: {len(differing)} differ")
    return 1 if differing or many_mismatch else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--shared", type=Path, default=SHARED)
    d.add_argument("--limit", type=int, default=1500)
    d.add_argument("--fix", type=int, default=200)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.shared, args.limit, args.fix)
    else:
        sys.exit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
