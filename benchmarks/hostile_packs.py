"""Hostile packs: how long each takes to be refused and how much memory that costs. Figures only, no asserts.

    python benchmarks/hostile_packs.py

Each pack of tests/hostile.py is loaded in a fresh subprocess (so peak memory is that load's own, with no
disk cache): the time until PackError, the peak of Python allocations during the load (tracemalloc), and
the process's peak RSS over its RSS just before loading. Time includes the lazy imports a first load
makes (PyYAML, RE2); the traced peak is taken on a second load of the same file. The target of issue 12
is under 1 s and under 200 MB each. The ReDoS pack is not refused (RE2 runs it in linear time): for it
the figure is one check of the 31-character text that took a backtracking engine over 120 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

TARGET_SECONDS = 1.0
TARGET_MB = 200.0


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure_one(name: str) -> dict:
    """Run in the child: load the named pack, report figures as JSON."""
    from cs_coach import Coach

    text = hostile.redos_regex() if name == "redos" else hostile.HOSTILE[name]()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.yaml"
        path.write_text(text, encoding="utf-8")
        before = rss_mb()
        start = time.perf_counter()
        outcome, problems = _load(path)
        seconds = time.perf_counter() - start
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()  # a second load, traced (tracing slows the first one's imports tenfold)
        _load(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures = {"name": name, "outcome": outcome, "problems": problems, "seconds": seconds,
                   "traced_mb": peak / 2**20, "rss_growth_mb": max(peak_rss - before, 0.0), "bytes": len(text)}
        if name == "redos":
            coach = Coach(packs=[path])
            coach.check("워밍업")
            start = time.perf_counter()
            coach.check("a" * 30 + "b")
            figures["check_seconds"] = time.perf_counter() - start
    return figures


def _load(path: Path) -> tuple[str, int]:
    from cs_coach import PackError
    from cs_coach.packs import load_packs

    try:
        load_packs([path], use_cache=False)
    except PackError as exc:
        return "refused", len(exc.problems)
    return "loaded", 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return 0
    env = dict(os.environ, CS_COACH_NO_CACHE="1")
    print(f"{'pack':<18} {'outcome':<8} {'problems':>8} {'KB':>7} {'seconds':>8} {'traced MB':>10} {'RSS +MB':>8}")
    worst_s = worst_mb = 0.0
    for name in [*hostile.HOSTILE, "redos"]:
        run = subprocess.run([sys.executable, __file__, "--one", name], capture_output=True, text=True, env=env,
                             timeout=600)
        if run.returncode != 0:
            print(f"{name:<18} FAILED: {run.stderr.strip().splitlines()[-1:]}")
            continue
        f = json.loads(run.stdout.strip().splitlines()[-1])
        worst_s, worst_mb = max(worst_s, f["seconds"]), max(worst_mb, f["rss_growth_mb"], f["traced_mb"])
        extra = f"   one check: {f['check_seconds'] * 1000:.2f} ms" if "check_seconds" in f else ""
        print(f"{name:<18} {f['outcome']:<8} {f['problems']:>8} {f['bytes'] / 1024:>7.1f} {f['seconds']:>8.3f} "
              f"{f['traced_mb']:>10.1f} {f['rss_growth_mb']:>8.1f}{extra}")
    print(f"worst: {worst_s:.3f} s (target < {TARGET_SECONDS:g} s), {worst_mb:.1f} MB (target < {TARGET_MB:g} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
