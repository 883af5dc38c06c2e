"""Trainer tools: exercises from rules and from real flagged replies, and grading of a trainee's rewrite.

A rewrite passes when the targeted problem is gone, nothing new was introduced, the speech level is kept
and the key content (nouns, numbers, names outside the flagged words) is still there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from .analyze import analyze
from .content import content_kept, content_units
from .engine import Coach
from .examples import unmark
from .inflect import blank_slots
from .labels import level_label
from .models import Report

KEEP_CONTENT = 0.7
# Categories whose flagged words a good rewrite replaces or drops (금일 -> 오늘, 규정상 -> reason).
_WORDS_MAY_GO = frozenset({"easy", "tone", "policy", "blame", "simple"})
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class Exercise(BaseModel):
    """A reply to rewrite, the problems to look for, and a model answer for the key."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    categories: list[str]
    rule_ids: list[str]
    hints: list[str]
    answer: str
    source: str = Field(description="'rule' for a rule's own example, 'reply' for a flagged real reply")


class GradeItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    check: str
    ok: bool
    feedback: str


class Grade(BaseModel):
    """Per-check feedback in Korean; `score` is the share of checks passed, 0–100."""

    model_config = ConfigDict(frozen=True)

    passed: bool
    score: int
    items: list[GradeItem]
    remaining: list[str] = Field(default_factory=list, description="rule ids still flagged in the rewrite")


def exercises_from_rules(coach: Coach, categories: Iterable[str] | None = None) -> list[Exercise]:
    """One exercise per bad example of every active rule (optionally of some categories)."""
    wanted = set(categories) if categories is not None else None
    out: list[Exercise] = []
    for compiled, active in zip(coach.ruleset.rules, coach.plan.active, strict=True):
        rule = compiled.rule
        if not active or (wanted is not None and rule.category not in wanted):
            continue
        bad = [e for e in rule.examples if e.bad is not None]
        for number, example in enumerate(bad):
            assert example.bad is not None
            text, _ = unmark(example.bad)
            answer = example.fix or example.unsafe_fix or _template_answer(coach, text)
            if not _worth_keying(coach, text, answer):
                continue
            out.append(Exercise(id=f"{rule.id}-{number}", text=text, categories=[rule.category], rule_ids=[rule.id],
                                hints=[_PLACEHOLDER.sub("…", rule.message)], answer=blank_slots(answer), source="rule"))
    return out


def exercises_from_replies(coach: Coach, replies: Iterable[str], limit: int = 20) -> list[Exercise]:
    """The worst real replies (most weighted findings first) as exercises; clean replies are skipped."""
    scored: list[tuple[int, int, Report]] = []
    for number, report in enumerate(coach.check_many(replies)):
        if report.findings:
            scored.append((report.scores.overall, number, report))
    scored.sort(key=lambda item: (item[0], item[1]))
    out = []
    for _, number, report in scored:
        if len(out) == limit:
            break
        answer = _template_answer(coach, report.text)
        if not _worth_keying(coach, report.text, answer):
            continue
        out.append(Exercise(
            id=f"reply-{number + 1}",
            text=report.text,
            categories=sorted({f.category for f in report.findings}),
            rule_ids=sorted({f.rule_id for f in report.findings}),
            hints=[f.message if f.text in f.message else f"'{f.text}': {f.message}" for f in report.findings],
            answer=blank_slots(answer),
            source="reply",
        ))
    return out


def model_answer(coach: Coach, text: str) -> str:
    """The answer key's rewrite: every rewrite applied, what only the agent knows left as a blank (＿＿)."""
    return blank_slots(_template_answer(coach, text))


def _template_answer(coach: Coach, text: str) -> str:
    """Every rewrite applied, templates with their slots filled with themselves ({대안}: text rules leave alone)."""
    names = {i.name for f in coach.check(text).findings for s in f.suggestions for i in s.inputs}
    return coach.fix(text, unsafe=True, inputs={n: "{" + n + "}" for n in names}).text


def _worth_keying(coach: Coach, question: str, answer: str) -> bool:
    """An answer key shows only model answers that differ from the question and pass grading themselves."""
    return answer.strip() != question.strip() and grade(coach, question, answer).passed


def grade(coach: Coach, original: str, rewrite: str, rule_ids: Iterable[str] | None = None) -> Grade:
    """Grade a trainee's rewrite of `original` (targeting `rule_ids`, or every problem found in it)."""
    before, after = coach.check(original), coach.check(rewrite)
    targets = set(rule_ids) if rule_ids is not None else {f.rule_id for f in before.findings}
    still = sorted({f.rule_id for f in after.findings} & targets)
    new = sorted({f.rule_id for f in after.findings} - {f.rule_id for f in before.findings})
    level_ok = before.speech_level in ("none", after.speech_level) or (
        before.speech_level in {"hapsyo", "haeyo"} and after.speech_level in {"hapsyo", "haeyo"}
    )
    kept, missing = _content_kept(original, rewrite, before)
    items = [
        GradeItem(check="target", ok=not still, feedback="고쳐야 할 표현을 모두 고쳤습니다." if not still else
                  "아직 남아 있는 문제: " + ", ".join(_messages(after, still))),
        GradeItem(check="no_new_problems", ok=not new, feedback="새로 생긴 문제가 없습니다." if not new else
                  "고치면서 새로 생긴 문제: " + ", ".join(_messages(after, new))),
        GradeItem(check="speech_level", ok=level_ok, feedback="말투(높임 등급)를 그대로 지켰습니다." if level_ok else
                  f"원래 말투({level_label(before.speech_level)})가 {level_label(after.speech_level)}로 바뀌었습니다. "
                  "같은 등급으로 맞춰 주세요."),
        GradeItem(check="content", ok=kept >= KEEP_CONTENT, feedback="핵심 내용을 그대로 전했습니다."
                  if kept >= KEEP_CONTENT else "빠진 핵심 내용: " + ", ".join(missing)),
    ]
    passed = sum(item.ok for item in items)
    return Grade(passed=passed == len(items), score=round(100 * passed / len(items)), items=items, remaining=still)


def _messages(report: Report, rule_ids: list[str]) -> list[str]:
    return [f"'{f.text}'({f.rule_id})" for f in report.findings if f.rule_id in rule_ids]


def _content_kept(original: str, rewrite: str, before: Report) -> tuple[float, list[str]]:
    """Share of the original's content words that the rewrite still has (words it should replace aside)."""
    flagged = [(f.start, f.end) for f in before.findings if f.category in _WORDS_MAY_GO]
    return content_kept(content_units(analyze(original).sentences, original),
                        content_units(analyze(rewrite).sentences, rewrite), flagged)
