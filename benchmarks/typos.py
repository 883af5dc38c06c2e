"""What Kiwi's typo model would cost and buy for the spelling pack.

    python benchmarks/typos.py [--shared ../shared] [--limit 1500]

Times `Kiwi(load_multi_dict=False).tokenize(text)` against `.tokenize(text, typos="basic")` (kiwipiepy 0.23+
takes the typo model per call) on the same
de-duplicated real agent turns (../shared/eval_data, one call per turn, interleaved, best of three), measures
each one's resident memory in a child process, and lists which of the common slips each analysis reads as the
intended words. The spelling pack uses the plain analysis; this script is the evidence for that choice.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SLIPS = ["확인이 안되요.", "처리 됬습니다.", "연락드릴께요.", "몇일 걸려요?", "어떻해요?", "금새 와요.", "하지 안아요."]


def rss_of(typos: str | None) -> float:
    """Peak RSS (MB) of a fresh process that loads one Kiwi and analyses one sentence."""
    code = (
        "import resource; from kiwipiepy import Kiwi;"
        "k = Kiwi(num_workers=1, load_multi_dict=False);"
        f"k.tokenize('안 돼요.'{', typos=' + repr(typos) if typos else ''});"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--limit", type=int, default=1500)
    args = parser.parse_args()
    path = args.shared / "eval_data" / "hgtods_manual_agent_turns.jsonl"
    if not path.exists():
        sys.exit(f"no corpus at {path}; pass --shared")
    with path.open(encoding="utf-8") as handle:
        turns = list(dict.fromkeys(json.loads(line)["text"] for line in handle))[: args.limit]

    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1, load_multi_dict=False)
    options = {"plain": {}, "typos": {"typos": "basic"}}
    started = time.perf_counter()
    kiwi.tokenize("안 돼요.", typos="basic")  # the typo model's first use
    typo_load = time.perf_counter() - started
    best = {"plain": float("inf"), "typos": float("inf")}
    for _ in range(3):
        for name, extra in options.items():
            started = time.process_time()
            for text in turns:
                kiwi.tokenize(text, **extra)
            best[name] = min(best[name], time.process_time() - started)
    print(f"corpus: {len(turns):,} unique real agent turns, one tokenize() call each, best of 3 (CPU time)")
    print(f"plain Kiwi:        {best['plain']:.2f} s   RSS {rss_of(None):.0f} MB")
    print(f"typos='basic':     {best['typos']:.2f} s   RSS {rss_of('basic'):.0f} MB   first use {typo_load:.1f} s")
    print(f"slowdown: {best['typos'] / best['plain']:.2f}x")
    print("common slips, as each analysis reads them:")
    for slip in SLIPS:
        read = [" ".join(f"{t.form}/{t.tag}" for t in kiwi.tokenize(slip, **extra)) for extra in options.values()]
        print(f"  {slip:12} plain: {read[0]}\n  {'':12} typos: {read[1]}")
    print(f"this process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
