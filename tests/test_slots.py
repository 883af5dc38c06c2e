"""Slots are data: templates carry `inputs`, fix never writes `{…}`, the agent's words fill them, every view
shows them as something to fill (fields in HTML and the playground, blanks in the worksheet's answer key)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import cs_coach
from cs_coach.cli import app
from cs_coach.render.html import slot_fields
from cs_coach.trainer import exercises_from_replies, exercises_from_rules, model_answer

SLOT = re.compile(r"\{[^{}]*\}")



def _templates(report: cs_coach.Report) -> list[cs_coach.Suggestion]:
    return [s for f in report.findings for s in f.suggestions if s.inputs]


def test_a_template_names_its_slots_with_korean_prompts(coach: cs_coach.Coach) -> None:
    templates = _templates(coach.check("규정상 환불은 안 됩니다."))
    assert templates
    for s in templates:
        names = {m.group(0)[1:-1] for m in SLOT.finditer(s.replacement)}
        assert names == {i.name for i in s.inputs}
        assert all(re.search("[가-힣]", i.prompt) for i in s.inputs)
    prompts = {i.name: i.prompt for s in templates for i in s.inputs}
    assert prompts["대안"] == "대신 해 드릴 수 있는 일"


def test_a_number_slot_says_what_it_counts(coach: cs_coach.Coach) -> None:
    prompts = {i.prompt for s in _templates(coach.check("환불은 며칠 걸려요.")) for i in s.inputs}
    assert any("일" in p for p in prompts)


@pytest.mark.parametrize("text", ["규정상 환불은 안 됩니다.", "현금은 안 받아요.", "조금만 더 기다려 주세요.",
                                  "빠른 시일 내에 처리해 드리겠습니다.", "복구할 수 없습니다.", "환불은 며칠 걸려요."])
def test_fix_never_writes_a_slot(coach: cs_coach.Coach, text: str) -> None:
    for unsafe in (False, True):
        result = coach.fix(text, unsafe=unsafe)
        assert not SLOT.search(result.text), result.text
        assert all(not SLOT.search(s.replacement) for s in result.applied)


def test_an_unfilled_template_stays_in_remaining_with_its_text(coach: cs_coach.Coach) -> None:
    result = coach.fix("규정상 환불은 안 됩니다.", unsafe=True)
    waiting = [(f, s) for f in result.remaining for s in f.suggestions if s.inputs]
    assert waiting and all(f.text and SLOT.search(s.replacement) for f, s in waiting)


def test_inputs_fill_the_template_with_agreeing_particles(coach: cs_coach.Coach) -> None:
    result = coach.fix("규정상 환불은 안 됩니다.", unsafe=True,
                       inputs={"이유": "개봉한 상품은 다시 팔 수 없기", "대안": "교환 서비스"})
    assert result.text == ("개봉한 상품은 다시 팔 수 없기 때문에 환불은 어렵지만, "
                           "대신 교환 서비스는 바로 도와드리겠습니다.")
    # a template is never applied without --unsafe, even with its inputs
    assert coach.fix("규정상 환불은 안 됩니다.", inputs={"이유": "x", "대안": "y"}).text == "규정상 환불은 안 됩니다."


def test_partial_inputs_do_not_apply_a_template(coach: cs_coach.Coach) -> None:
    result = coach.fix("규정상 환불은 안 됩니다.", unsafe=True, inputs={"대안": "교환"})
    assert "{" not in result.text and "때문에" not in result.text  # the {이유}+{대안} template waits
    assert "대신 교환은" in result.text  # a template that needs only {대안} is applied


def test_no_slot_when_the_reply_already_says_it(coach: cs_coach.Coach) -> None:
    def slot_names(text: str) -> set[str]:
        return {i.name for s in _templates(coach.check(text)) for i in s.inputs}

    assert "N" in slot_names("조금만 더 기다려 주세요.")
    assert "N" not in slot_names("조금만 더 기다려 주세요. 10분 안에 연락드릴게요.")  # number in the next sentence
    assert "N" not in slot_names("조금만 더 기다려 주시면 5분 안에 끝나요.")  # in the same sentence
    assert "대안" in slot_names("현금은 안 받아요.")
    assert "대안" not in slot_names("현금은 안 받아요. 대신 카드 결제는 바로 도와드릴 수 있어요.")


def test_cli_input_option(tmp_path) -> None:
    runner = CliRunner()
    bare = runner.invoke(app, ["fix", "--unsafe", "-t", "규정상 환불은 안 됩니다."])
    assert bare.exit_code == 0 and "{" not in bare.stdout
    assert "--input" in bare.stderr and "대안" in bare.stderr
    filled = runner.invoke(app, ["fix", "--unsafe", "-t", "규정상 환불은 안 됩니다.",
                                 "--input", "이유=개봉한 상품은 다시 팔 수 없기", "--input", "{대안}=교환"])
    assert filled.exit_code == 0
    expected = "개봉한 상품은 다시 팔 수 없기 때문에 환불은 어렵지만, 대신 교환은 바로 도와드리겠습니다."
    assert filled.stdout.strip() == expected
    bad = runner.invoke(app, ["fix", "-t", "안녕하세요.", "--input", "대안"])
    assert bad.exit_code == 2 and "NAME=TEXT" in bad.stderr


def test_answer_keys_show_blanks(coach: cs_coach.Coach) -> None:
    for exercise in exercises_from_rules(coach):
        assert not SLOT.search(exercise.answer), (exercise.id, exercise.answer)
    answer = model_answer(coach, "규정상 환불은 안 됩니다.")
    assert "＿＿" in answer and "{" not in answer
    replies = exercises_from_replies(coach, ["규정상 환불은 안 됩니다.", "현금은 안 받아요."])
    assert all(not SLOT.search(e.answer) for e in replies)


def test_html_report_shows_fields_to_fill(coach: cs_coach.Coach) -> None:
    s = _templates(coach.check("규정상 환불은 안 됩니다."))[0]
    html = str(slot_fields(s.replacement, s))
    assert '<input class="slot"' in html and 'placeholder="대신 해 드릴 수 있는 일"' in html and "{대안}" not in html
    plain = cs_coach.Suggestion(replacement="<b>", start=0, end=1, applicability="safe")
    assert str(slot_fields("<b>", plain)) == "&lt;b&gt;"


def test_service_fix_takes_inputs() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from cs_coach.server.app import create_app

    client = TestClient(create_app())
    body = {"text": "규정상 환불은 안 됩니다.", "unsafe": True, "inputs": {"이유": "위생 문제", "대안": "교환"}}
    response = client.post("/fix", json=body)
    assert response.status_code == 200
    assert response.json()["text"].startswith("위생 문제 때문에 환불은 어렵지만")
