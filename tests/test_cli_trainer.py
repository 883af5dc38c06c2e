"""CLI for trainers and the service: exercises, grade, serve's missing-extra message."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cs_coach.cli import app

runner = CliRunner()


def test_exercises_from_rules_and_from_replies(tmp_path: Path) -> None:
    result = runner.invoke(app, ["exercises", "--category", "honorific"])
    assert result.exit_code == 0 and "## 정답 예시" in result.output and "나왔습니다" in result.output
    replies = tmp_path / "replies.txt"
    replies.write_text("감사합니다.\n\n그 모델은 품절이십니다.\n", encoding="utf-8")
    out = tmp_path / "sheet.html"
    result = runner.invoke(app, ["exercises", str(replies), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "품절이십니다" in page and "품절입니다" in page and "감사합니다" not in page


def test_exercises_reject_unknown_category_and_format() -> None:
    assert runner.invoke(app, ["exercises", "--category", "nope"]).exit_code == 2
    assert runner.invoke(app, ["exercises", "--format", "pdf"]).exit_code == 2


def test_grade_passes_a_good_rewrite_and_explains_a_bad_one() -> None:
    good = runner.invoke(app, ["grade", "주문하신 커피 나오셨습니다.", "주문하신 커피 나왔습니다."])
    assert good.exit_code == 0 and "100/100" in good.output
    bad = runner.invoke(app, ["grade", "주문하신 커피 나오셨습니다.", "주문하신 커피 나왔어.", "--json"])
    assert bad.exit_code == 1
    items = {i["check"]: i["ok"] for i in json.loads(bad.output)["items"]}
    assert items["speech_level"] is False and items["target"] is True
