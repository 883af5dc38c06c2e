"""Baselines: only new problems fail CI; moving replies around does not resurrect known ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cs_coach.baseline import Baseline, BaselineError, fingerprint
from cs_coach.cli import app

OLD = "주문하신 커피 나오셨습니다.\n\n금일 발송됩니다.\n\n감사합니다.\n"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_fingerprint_ignores_spacing_and_normalization_but_not_words():
    assert fingerprint("금일  발송됩니다.\n") == fingerprint("금일 발송됩니다.")
    assert fingerprint("금일 발송됩니다.") != fingerprint("오늘 발송됩니다.")


def test_only_new_findings_fail_and_moving_replies_changes_nothing(tmp_path: Path):
    replies, base = tmp_path / "replies.txt", tmp_path / "cs-coach-baseline.json"
    replies.write_text(OLD, encoding="utf-8")
    written = run("check", str(replies), "--baseline", str(base), "--update-baseline")
    assert written.exit_code == 0 and base.exists(), written.output
    assert run("check", str(replies), "--baseline", str(base)).exit_code == 0
    # the same replies in another order, in a CSV: still nothing new
    moved = tmp_path / "moved.csv"
    moved.write_text('id,reply\n9,감사합니다.\n7,금일 발송됩니다.\n8,주문하신 커피 나오셨습니다.\n', encoding="utf-8")
    clean = run("check", str(moved), "--baseline", str(base))
    assert clean.exit_code == 0 and "more in the baseline" in clean.output
    # one new problem in a new reply, and one more of a known rule in an edited reply
    replies.write_text(OLD + "\n잠시만 기다리세요.\n", encoding="utf-8")
    result = run("check", str(replies), "--baseline", str(base), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    new = [(r["text"], f["rule_id"]) for r in document["replies"] for f in r["findings"]]
    assert new and all(text == "잠시만 기다리세요." for text, _ in new)


def test_sarif_marks_baseline_state(tmp_path: Path):
    replies, base = tmp_path / "replies.txt", tmp_path / "base.json"
    replies.write_text("금일 발송됩니다.\n", encoding="utf-8")
    run("check", str(replies), "--baseline", str(base), "--update-baseline")
    replies.write_text("금일 발송됩니다.\n\n커피 나오셨습니다.\n", encoding="utf-8")
    result = run("check", str(replies), "--baseline", str(base), "--format", "sarif")
    states = {(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["baselineState"])
              for r in json.loads(result.stdout)["runs"][0]["results"]}
    assert {state for line, state in states if line == 1} == {"unchanged"}
    assert {state for line, state in states if line == 3} == {"new"}
    assert result.exit_code == 1


def test_counts_per_rule_extra_occurrences_are_new():
    from cs_coach import check

    once = check("금일 발송됩니다.")
    twice = check("금일 발송됩니다. 금일 도착합니다.")
    baseline = Baseline.from_reports([once])
    assert fingerprint(once.text) != fingerprint(twice.text)
    baseline.entries[fingerprint(twice.text)] = baseline.entries[fingerprint(once.text)]
    new, known = baseline.split(twice)
    assert len(known) == len(once.findings) and len(new) == len(twice.findings) - len(once.findings) > 0
    assert new[0].start > known[-1].start


def test_bad_baselines_are_one_line_errors(tmp_path: Path):
    replies = tmp_path / "r.txt"
    replies.write_text("감사합니다.\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    for path in (broken, tmp_path / "missing.json"):
        result = run("check", str(replies), "--baseline", str(path))
        assert result.exit_code == 2 and "cs-coach: error:" in result.output and "Traceback" not in result.output
    assert run("check", str(replies), "--update-baseline").exit_code == 2
    nowhere = run("check", str(replies), "--baseline", str(tmp_path / "no" / "dir" / "b.json"), "--update-baseline")
    assert nowhere.exit_code == 2 and "cannot write" in nowhere.output
    with pytest.raises(BaselineError, match="not a cs-coach baseline"):
        (tmp_path / "other.json").write_text('{"tool": "ruff"}', encoding="utf-8")
        Baseline.load(tmp_path / "other.json")
