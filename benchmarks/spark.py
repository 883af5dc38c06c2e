"""Spark local[2] throughput against check_many on the same machine, and Spark's fixed start-up cost.

    python benchmarks/spark.py [--rows 50000] [--shared ../shared]

Corpus: the real agent turns of ../shared/eval_data (4,953 turns) cycled to --rows rows; both sides
see the same rows in the same order, each in a fresh process state (check_many in this process after a
warm-up on other text, Spark in its own Python workers, which load Kiwi once each: that load is part of
the start-up figure, not the throughput). Prints rows/s for both, their ratio, and whether the findings
are identical (compared as sorted rows).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import cs_coach


def load_turns(shared: Path, rows: int) -> list[str]:
    path = shared / "eval_data" / "hgtods_manual_agent_turns.jsonl"
    if not path.exists():
        sys.exit(f"no corpus at {path}; pass --shared")
    with path.open(encoding="utf-8") as handle:
        turns = [json.loads(line)["text"] for line in handle]
    return [turns[i % len(turns)] for i in range(rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    texts = load_turns(args.shared, args.rows)

    from pyspark.sql import SparkSession
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    from cs_coach.spark import check_dataframe

    coach = cs_coach.Coach()
    coach.check("워밍업 문장입니다.")
    started = time.perf_counter()
    expected = sorted(
        (n, f.rule_id, f.start, f.end) for n, r in enumerate(coach.check_many(texts)) for f in r.findings
    )
    local_s = time.perf_counter() - started

    started = time.perf_counter()
    session = (SparkSession.builder.master(args.master).appName("cs-coach-bench")
               .config("spark.ui.enabled", "false").getOrCreate())
    schema = StructType([StructField("id", IntegerType()), StructField("reply", StringType())])
    tiny = session.createDataFrame([(0, "안 돼요.")], schema).repartition(2)
    check_dataframe(tiny, "reply", ("id",)).collect()  # JVM + Python workers + Kiwi load in each worker
    startup_s = time.perf_counter() - started

    frame = session.createDataFrame(list(enumerate(texts)), schema).repartition(2).cache()
    frame.count()
    started = time.perf_counter()
    rows = check_dataframe(frame, "reply", ("id",)).select("id", "rule_id", "start", "end").collect()
    spark_s = time.perf_counter() - started
    session.stop()
    got = sorted((r.id, r.rule_id, r.start, r.end) for r in rows)

    print(f"corpus: {len(texts):,} rows (4,953 real agent turns cycled), {len(expected):,} findings")
    print(f"check_many (this process, 2 Kiwi workers): {len(texts) / local_s:8.0f} rows/s ({local_s:.1f} s)")
    print(f"spark {args.master} (warm workers):        {len(texts) / spark_s:8.0f} rows/s ({spark_s:.1f} s)")
    print(f"ratio spark / check_many: {local_s / spark_s:.2f}x   (target >= 0.8x)")
    print(f"spark fixed start-up (session + workers + Kiwi, first tiny job): {startup_s:.1f} s")
    print(f"identical findings: {got == expected}")


if __name__ == "__main__":
    main()
