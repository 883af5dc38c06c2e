"""cs_coach.spark in a local[2] Spark session: the same findings as check_many, row for row.

The corpus is 2,000 real agent turns when the shared evaluation data sits beside the checkout, otherwise
2,000 replies built from the packs' own examples; either way the comparison is row for row.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

REQUIRED = os.environ.get("CS_COACH_REQUIRE_SPARK") == "1"  # set by .ci/run: CI never skips these tests
if not REQUIRED:
    pytest.importorskip("pyspark", reason="the [spark] extra is part of [test]")
    if shutil.which("java") is None:  # pragma: no cover
        pytest.skip("Spark needs a Java runtime (openjdk-17-jre-headless)", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.types import IntegerType, StringType, StructField, StructType  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import cs_coach  # noqa: E402
from cs_coach.cli import app  # noqa: E402
from cs_coach.examples import cases, unmark  # noqa: E402
from cs_coach.spark import check_dataframe, fix_dataframe, score_dataframe  # noqa: E402
from cs_coach.spark.frames import SparkInputError  # noqa: E402
from cs_coach.spark.rows import FINDING_FIELDS, cell_problem  # noqa: E402

TURNS = Path(__file__).resolve().parents[2] / "shared" / "eval_data" / "hgtods_manual_agent_turns.jsonl"
QA_PACK = Path(__file__).parent / "data" / "qa_pack.yaml"
SCHEMA = StructType([StructField("id", IntegerType()), StructField("reply", StringType())])


def corpus(size: int = 2000) -> list[str]:
    if TURNS.exists():
        with TURNS.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle]
        return texts[:size]
    examples = [unmark(c.text)[0] if c.kind == "bad" else c.text for c in cases(cs_coach.default_coach().ruleset)]
    pairs = [f"{a} {b}" for a, b in zip(examples, examples[1:] + examples[:1], strict=True)]
    return (examples + pairs)[:size]


@pytest.fixture(scope="module")
def spark():
    session = (
        SparkSession.builder.master("local[2]").appName("cs-coach-tests")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate()
    )
    yield session
    session.stop()


def expected_rows(coach: cs_coach.Coach, texts: list[str]) -> list[tuple]:
    rows = []
    for number, report in enumerate(coach.check_many(texts)):
        starts = [s.start for s in report.sentences]
        for f in report.findings:
            act = next((s.act for s, start in zip(report.sentences, starts, strict=True)
                        if start <= f.start < s.end), None)
            safe = [s for s in f.suggestions if s.applicability == "safe"]
            rows.append((number, f.rule_id, list(f.also), f.category, f.severity, f.start, f.end, f.text, f.message,
                         safe[0].replacement if safe else None, safe[0].applicability if safe else None, act))
    return rows


def test_findings_equal_check_many_row_for_row(spark, coach):
    texts = corpus()
    frame = spark.createDataFrame(list(enumerate(texts)), SCHEMA).repartition(4)
    got = [
        (r.id, r.rule_id, list(r.also), r.category, r.severity, r.start, r.end, r.text, r.message, r.suggestion,
         r.applicability, r.act)
        for r in check_dataframe(frame, "reply", ("id",)).collect()
    ]
    want = expected_rows(coach, texts)
    assert len(want) > 100
    assert sorted(got, key=repr) == sorted(want, key=repr)


def test_nulls_empty_and_huge_cells_never_fail_the_job(spark, coach):
    huge = "금일 중 수령하세요. " * 4000  # about 50,000 characters
    frame = spark.createDataFrame([(1, None), (2, ""), (3, huge), (4, "안 돼요.")], SCHEMA)
    rows = check_dataframe(frame, "reply", ("id",)).collect()
    errors = {r.id: r.error for r in rows if r.error}
    assert errors == {1: "empty cell (null)"}
    assert not [r for r in rows if r.id == 2]
    assert len([r for r in rows if r.id == 3]) == len(coach.check(huge).findings) > 0
    assert [r.rule_id for r in rows if r.id == 4] == [f.rule_id for f in coach.check("안 돼요.").findings]


def test_scores_and_fixes_match_the_api(spark, coach):
    texts = ["커피 나오셨습니다.", "금일 발송됩니다.", "감사합니다.", None]
    frame = spark.createDataFrame(list(enumerate(texts)), SCHEMA)
    scores = {r.id: r for r in score_dataframe(frame, "reply", ("id",)).collect()}
    for number, text in enumerate(texts[:3]):
        report = coach.check(text)
        assert scores[number].overall == report.scores.overall
        assert scores[number].speech_level == report.speech_level
        assert scores[number].warnings == sum(f.severity == "warning" for f in report.findings)
    assert scores[3].error == "empty cell (null)" and scores[3].overall is None
    fixed = {r.id: (r.fixed, r.fix_error) for r in fix_dataframe(frame, "reply").collect()}
    assert fixed[0] == (coach.fix(texts[0]).text, None)
    assert fixed[1] == (coach.fix(texts[1]).text, None)
    assert fixed[3] == (None, "empty cell (null)")


def test_a_user_pack_given_by_path_runs_on_the_workers(spark):
    local = cs_coach.Coach(packs=[str(QA_PACK)])
    text = next(unmark(c.text)[0] for c in cases(local.ruleset) if c.kind == "bad")
    frame = spark.createDataFrame([(1, text)], SCHEMA).repartition(2)
    got = {r.rule_id for r in check_dataframe(frame, "reply", ("id",), packs=[str(QA_PACK)]).collect()}
    assert got == {f.rule_id for f in local.check(text).findings} != set()


def test_bad_columns_are_clear_errors_before_the_job(spark):
    frame = spark.createDataFrame([(1, "안 돼요.")], SCHEMA)
    with pytest.raises(SparkInputError, match="no column 'body'"):
        check_dataframe(frame, "body")
    with pytest.raises(SparkInputError, match="not text"):
        check_dataframe(frame, "id")
    with pytest.raises(cs_coach.UnknownNameError):
        check_dataframe(frame, "reply", packs=["no-such-pack"])


def test_cell_problems_name_the_type():
    assert cell_problem("안 돼요") is None
    assert cell_problem(None) == "empty cell (null)"
    assert cell_problem(float("nan")) == "empty cell (null)"
    assert cell_problem(3) == "not text: int"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "json"])
def test_cli_writes_the_findings_table_and_exits_like_check(spark, tmp_path, fmt):
    source = tmp_path / "replies.csv"
    source.write_text('id,reply\n1,"커피 나오셨습니다."\n2,감사합니다.\n3,"여러 줄\n답변입니다."\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["spark", str(source), "-o", str(out), "--id-column", "id", "--format", fmt, "--scores",
              "--master", "local[2]"],
    )
    assert result.exit_code == 1, result.output
    assert "3 replies checked, 1 with findings" in result.output
    reader = spark.read.option("header", True)
    findings = getattr(reader, fmt)(str(out / "findings"))
    assert {r.rule_id for r in findings.collect()} == {f.rule_id for f in cs_coach.check("커피 나오셨습니다.").findings}
    assert getattr(reader, fmt)(str(out / "scores")).count() == 3
    again = CliRunner().invoke(app, ["spark", str(source), "-o", str(out), "--master", "local[2]"])
    assert again.exit_code == 2 and "--overwrite" in again.output
    assert set(FINDING_FIELDS) <= set(findings.columns)
