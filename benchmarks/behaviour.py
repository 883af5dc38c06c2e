"""Behavioural tests in the CheckList manner (Ribeiro et al., ACL 2020): templates × word lists generate minimal
pairs, invariance and directional cases for each of the 12 categories; this prints the failure rate per category
and test type.

    python benchmarks/behaviour.py [--show CATEGORY] [--test MFT|PAIR|INV|DIR] [--limit N] [--sample N]
                                   [--update] [--min-severity info|warning|error]

A case fails when the expected category finding is missing (miss), present where it should not be (false alarm),
or, for invariance, when the variant's categories differ from the base's. `--update` stores the ids of the cases
that pass today in benchmarks/data/behaviour_passing.txt; tests/test_behaviour.py fails when one of them fails.
The cases are written from DESIGN §1's category definitions, not from the rule packs.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import cs_coach

sys.path.insert(0, str(Path(__file__).resolve().parent))
from behaviour_cases import CATEGORIES, all_cases
from behaviour_cases.core import TESTS, Case

PASSING = Path(__file__).resolve().parent / "data" / "behaviour_passing.txt"
CHECKED = frozenset(CATEGORIES)  # spelling findings are not part of any expectation (a slip may add one)
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Seen:
    """What cs_coach reported on one text: categories, and the findings for display."""

    categories: frozenset[str]
    findings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    ok: bool
    reason: str


def observe(coach: cs_coach.Coach, texts: Iterable[str], min_severity: str = "info") -> dict[str, Seen]:
    """Check every distinct text once (batched) and keep the categories found at or above `min_severity`."""
    floor = SEVERITY_RANK[min_severity]
    unique = list(dict.fromkeys(texts))
    seen: dict[str, Seen] = {}
    category_of = {c.id: c.rule.category for c in coach.ruleset.rules}
    for text, report in zip(unique, coach.check_many(unique), strict=True):
        kept = [f for f in report.findings if SEVERITY_RANK[f.severity] >= floor]
        # a grouped finding stands for its members too (one finding per span, `also`)
        categories = {c for f in kept for c in (f.category, *(category_of[r] for r in f.also))}
        seen[text] = Seen(frozenset(c for c in categories if c in CHECKED),
                          tuple(f"{f.category}/{f.rule_id}[{f.severity[0]}] '{f.text}'" for f in kept))
    return seen


def texts_of(cases: Iterable[Case]) -> list[str]:
    out: list[str] = []
    for case in cases:
        out.append(case.text)
        if case.other is not None:
            out.append(case.other)
    return out


def judge(case: Case, seen: dict[str, Seen]) -> Outcome:
    """Apply the case's expectation to what was seen."""
    wanted = case.wanted
    got = bool(seen[case.text].categories & wanted)
    problems = []
    if got != case.expect:
        problems.append("miss" if case.expect else "false alarm")
    if case.other is not None and case.other_expect is not None:
        got_other = bool(seen[case.other].categories & wanted)
        if got_other != case.other_expect:
            problems.append(("base " if case.test == "DIR" else "other ")
                            + ("miss" if case.other_expect else "false alarm"))
    if case.invariant and case.other is not None:
        base, now = seen[case.other].categories, seen[case.text].categories
        if base != now:
            diff = [f"+{c}" for c in sorted(now - base)] + [f"-{c}" for c in sorted(base - now)]
            problems.append("changed " + " ".join(diff))
    return Outcome(case, not problems, "; ".join(problems))


def run(coach: cs_coach.Coach, cases: Sequence[Case], min_severity: str = "info") -> tuple[list[Outcome], dict]:
    seen = observe(coach, texts_of(cases), min_severity)
    return [judge(case, seen) for case in cases], seen


def table(outcomes: Sequence[Outcome]) -> str:
    cells: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        for key in ((o.case.category, o.case.test), (o.case.category, "all"), ("ALL", o.case.test), ("ALL", "all")):
            cells[key]["n"] += 1
            cells[key]["fail"] += not o.ok
    columns = (*TESTS, "all")
    lines = [f"{'category':12} " + " ".join(f"{c:>16}" for c in columns)]
    for category in (*CATEGORIES, "ALL"):
        row = []
        for column in columns:
            c = cells.get((category, column))
            row.append(f"{'-':>16}" if not c else f"{c['fail']:5d}/{c['n']:<5d}{100 * c['fail'] / c['n']:5.1f}%")
        lines.append(f"{category:12} " + " ".join(row))
    return "\n".join(lines)


def sides(outcomes: Sequence[Outcome], seen: dict[str, Seen]) -> str:
    """Per category: misses among texts that should be flagged, false alarms among texts that should not."""
    bad: dict[str, Counter[str]] = defaultdict(Counter)
    good: dict[str, Counter[str]] = defaultdict(Counter)
    done: set[tuple[str, str]] = set()
    for o in outcomes:
        c = o.case
        pairs = [(c.text, c.expect)]
        if c.other is not None and c.other_expect is not None:
            pairs.append((c.other, c.other_expect))
        for text, expect in pairs:
            if (c.category, text) in done:
                continue
            done.add((c.category, text))
            flagged = bool(seen[text].categories & c.wanted)
            side = bad if expect else good
            for key in (c.category, "ALL"):
                side[key]["n"] += 1
                side[key]["wrong"] += flagged != expect
    lines = [f"{'category':12} {'missed (of texts to flag)':>28} {'false alarms (of clean texts)':>31}"]
    for category in (*CATEGORIES, "ALL"):
        b, g = bad[category], good[category]
        cell_b = f"{b['wrong']:5d}/{b['n']:<5d} {100 * b['wrong'] / max(1, b['n']):5.1f}%"
        cell_g = f"{g['wrong']:5d}/{g['n']:<5d} {100 * g['wrong'] / max(1, g['n']):5.1f}%"
        lines.append(f"{category:12} {cell_b:>28} {cell_g:>31}")
    return "\n".join(lines)


def show(outcomes: Sequence[Outcome], seen: dict[str, Seen], category: str, test: str | None, limit: int) -> None:
    failing = [o for o in outcomes if not o.ok and o.case.category == category and test in (None, o.case.test)]
    reasons = Counter(o.reason for o in failing)
    print(f"\n{len(failing)} failing {category} cases" + (f" ({test})" if test else "") + "; reasons: "
          + ", ".join(f"{r} ×{n}" for r, n in reasons.most_common()))
    by_name: dict[str, list[Outcome]] = defaultdict(list)
    for o in failing:
        by_name[o.case.name].append(o)
    for name, group in sorted(by_name.items(), key=lambda item: -len(item[1])):
        print(f"\n== {category}.{group[0].case.test}.{name}: {len(group)} failing")
        for o in group[:limit]:
            c = o.case
            print(f"  [{o.reason}] {c.id}")
            print(f"    text : {c.text}   (expect {'flagged' if c.expect else 'clean'})")
            print(f"           found: {', '.join(seen[c.text].findings) or '-'}")
            if c.other is not None:
                role = {"PAIR": "good", "DIR": "base", "INV": "base"}.get(c.test, "other")
                print(f"    {role:5}: {c.other}")
                print(f"           found: {', '.join(seen[c.other].findings) or '-'}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="CATEGORY", choices=CATEGORIES, help="print the failing cases of a category")
    parser.add_argument("--test", choices=TESTS, help="with --show: only this test type")
    parser.add_argument("--limit", type=int, default=8, help="with --show: cases printed per template (default 8)")
    parser.add_argument("--sample", type=int, default=0, help="print N random generated texts for reading")
    parser.add_argument("--min-severity", choices=tuple(SEVERITY_RANK), default="info")
    parser.add_argument("--update", action="store_true", help=f"store the passing case ids in {PASSING}")
    args = parser.parse_args(argv)
    cases = all_cases()
    if args.sample:
        for case in random.Random(0).sample(cases, min(args.sample, len(cases))):
            print(f"{case.category:11} {case.test:4} {case.text}" + (f"   ⇄ {case.other}" if case.other else ""))
        return 0
    coach = cs_coach.Coach()
    outcomes, seen = run(coach, cases, args.min_severity)
    print(f"{len(cases)} cases, {len(seen)} distinct texts; failure rate per category × test type")
    print(table(outcomes))
    print("\ndistinct texts per category:")
    print(sides(outcomes, seen))
    if args.show:
        show(outcomes, seen, args.show, args.test, args.limit)
    if args.update:
        PASSING.parent.mkdir(parents=True, exist_ok=True)
        ids = sorted(o.case.id for o in outcomes if o.ok)
        PASSING.write_text("\n".join(ids) + "\n", encoding="utf-8")
        print(f"\nstored {len(ids)} passing case ids in {PASSING}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
