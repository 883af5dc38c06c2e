"""Trainer tools: exercises, worksheets and grading of a trainee's rewrite."""

from __future__ import annotations

import cs_coach
from cs_coach.render.worksheet import render_worksheet
from cs_coach.trainer import exercises_from_replies, exercises_from_rules, grade

ORIGINAL = "주문하신 커피 나오셨습니다."


def test_a_good_rewrite_passes_every_check() -> None:
    result = grade(cs_coach.default_coach(), ORIGINAL, "주문하신 커피 나왔습니다.")
    assert result.passed and result.score == 100 and not result.remaining


def test_each_kind_of_mistake_is_named() -> None:
    coach = cs_coach.default_coach()
    unchanged = grade(coach, ORIGINAL, ORIGINAL)
    assert not unchanged.passed and unchanged.remaining == ["object-honorific-verb"]
    banmal = {i.check: i.ok for i in grade(coach, ORIGINAL, "주문하신 커피 나왔어.").items}
    assert banmal["speech_level"] is False and banmal["target"] is True
    dropped = {i.check: i for i in grade(coach, ORIGINAL, "나왔습니다.").items}
    assert not dropped["content"].ok and "커피" in dropped["content"].feedback
    new = {i.check: i for i in grade(coach, ORIGINAL, "주문하신 커피는 안 됩니다.").items}
    assert not new["no_new_problems"].ok and "an-doeda" in new["no_new_problems"].feedback


def test_exercises_come_from_rules_and_replies_with_answers() -> None:
    coach = cs_coach.default_coach()
    from_rules = exercises_from_rules(coach, categories=["honorific"])
    assert from_rules and all(e.categories == ["honorific"] and e.answer != e.text for e in from_rules)
    replies = ["감사합니다.", "그 모델은 색상이 화사하십니다.", "교환은 안 됩니다. 커피 나오셨습니다."]
    from_replies = exercises_from_replies(coach, replies, limit=5)
    assert [e.id for e in from_replies] == ["reply-3", "reply-2"]  # worst first, clean reply skipped


def test_worksheets_render_with_answer_key() -> None:
    exercises = exercises_from_rules(cs_coach.default_coach(), categories=["honorific"])
    markdown = render_worksheet(exercises, fmt="md")
    assert "## 정답 예시" in markdown and exercises[0].answer in markdown
    html = render_worksheet(exercises, fmt="html")
    assert html.startswith("<!doctype html>") and "<script" not in html and exercises[0].text in html
