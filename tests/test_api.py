"""The public API of DESIGN.md section 2, exactly as documented, plus its bad-input contract."""

from __future__ import annotations

import json

import pytest

import cs_coach
from cs_coach import Coach, Config, UnknownNameError


def test_design_snippet_runs_as_written() -> None:
    coach = cs_coach.Coach()
    report = coach.check("환불은 규정상 안 됩니다.")
    assert isinstance(report, cs_coach.Report)
    assert report.findings == sorted(report.findings, key=lambda f: f.start)
    assert report.speech_level == "hapsyo"
    assert 0 <= report.scores.overall < 100
    grouped = next(f for f in report.findings if "an-doeda" in (f.rule_id, *f.also))  # one finding per span
    assert report.text[grouped.start : grouped.end] == grouped.text and "안 됩니다" in grouped.text
    positive = cs_coach.Coach(config=Config(select=["positive"])).check("환불은 규정상 안 됩니다.")
    f = next(f for f in positive.findings if f.rule_id == "an-doeda")
    assert (f.pack, f.category, f.severity) == ("positive", "positive", "warning")
    assert report.text[f.start : f.end] == f.text == "안 됩니다"
    assert "거절" in f.message
    assert f.suggestions and f.suggestions[0].applicability == "unsafe"
    fixed = coach.fix("커피 나오셨습니다.")
    assert fixed.text == "커피 나왔습니다."
    assert fixed.applied and not [r for r in fixed.remaining if r.category == "honorific"]
    # A refusal by policy gets the 아론슨 order, never a promise to try again; a lookup that failed does.
    refused = coach.fix("환불은 안 됩니다.", unsafe=True).text
    assert "환불은 어렵습니다." in refused and "다시 해 보겠습니다" not in refused
    assert coach.fix("주문 조회가 안 됩니다.", unsafe=True).text == "주문 조회가 어렵겠지만 다시 해 보겠습니다."
    reports = list(coach.check_many(["안 돼요.", "감사합니다."]))
    assert [bool(r.findings) for r in reports] == [True, False]
    assert cs_coach.check("안 돼요.").findings
    assert isinstance(cs_coach.fix("커피 나오셨습니다.").text, str)


def test_models_serialize_and_publish_schema() -> None:
    report = cs_coach.check("커피 나오셨습니다.")
    again = cs_coach.Report.model_validate_json(report.model_dump_json())
    assert again == report
    schemas = cs_coach.json_schemas()
    assert {"Report", "Finding", "Suggestion", "FixResult"} <= set(schemas)
    assert "findings" in json.dumps(schemas["Report"])


@pytest.mark.parametrize("value", [None, 3, b"bytes", ["list"]])
def test_non_str_raises_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        cs_coach.check(value)  # type: ignore[arg-type]
    # A stream is never aborted by one bad item: its Report carries the error instead (DESIGN §2).
    ok, bad = cs_coach.check_many(["ok", value])  # type: ignore[list-item]
    assert ok.error is None and bad.error is not None and type(value).__name__ in bad.error


def test_empty_and_blank_text_give_empty_reports() -> None:
    for text in ["", "   ", "\r\n\t", "😀"]:
        report = cs_coach.check(text)
        assert report.findings == [] and report.speech_level == "none" and report.scores.overall == 100


def test_offsets_survive_emoji_crlf_tabs_and_control_characters() -> None:
    text = "👩‍👩‍👧 고객님,\r\n\t커피\x00 나오셨습니다 😀\r\n교환은 안 됩니다."
    report = cs_coach.check(text)
    assert {f.rule_id for f in report.findings} >= {"object-honorific-verb", "an-doeda"}
    for f in report.findings:
        assert text[f.start : f.end] == f.text


def test_one_megabyte_of_text_keeps_offsets() -> None:
    unit = "안녕하세요. 오늘은 교환이 안 됩니다. 주문하신 커피 나오셨습니다.\n"
    text = unit * (1_000_000 // len(unit.encode()) + 1)
    assert len(text.encode()) > 1_000_000
    report = cs_coach.check(text)
    assert len(report.findings) >= 2 * (text.count("\n") - 1)
    assert all(text[f.start : f.end] == f.text for f in report.findings)


def test_unknown_pack_rule_and_category_are_named_with_the_available_ones() -> None:
    with pytest.raises(UnknownNameError, match="no-such-pack") as info:
        Coach(packs=["no-such-pack"])
    assert "positive" in str(info.value)
    with pytest.raises(UnknownNameError, match="no-such-rule") as info:
        Coach(config=Config(select=["no-such-rule"]))
    assert "an-doeda" in str(info.value)


def test_select_ignore_and_severity_override() -> None:
    text = "커피 나오셨습니다. 교환은 안 됩니다."
    only = Coach(config=Config(select=["honorific"])).check(text)
    assert {f.category for f in only.findings} == {"honorific"}
    without = Coach(config=Config(ignore=["an-doeda"])).check(text)
    assert "an-doeda" not in {f.rule_id for f in without.findings}
    louder = Coach(config=Config(severity={"an-doeda": "error"})).check(text)
    assert next(f for f in louder.findings if f.rule_id == "an-doeda").severity == "error"


def test_lookalikes_stay_silent(coach: Coach) -> None:
    lookalikes = [
        "안내해 드리겠습니다.",
        "안전하게 보내 드릴게요.",
        "안녕하세요!",
        "설정은 어렵지 않게 하실 수 있어요.",
        "문제없이 처리되었습니다.",
        "놓치지 않도록 알림을 켜 두세요.",
        "잘 안 되시면 다시 연락 주세요.",
    ]
    for text in lookalikes:
        assert not [f for f in coach.check(text).findings if f.category == "positive"], text


def test_spacing_and_conjugation_variants_all_match(coach: Coach) -> None:
    variants = ["안 됩니다.", "안됩니다.", "안 돼요.", "안돼요.", "안되요.", "않되요.", "안 되겠습니다.", "안 됐어요."]
    for text in variants:
        assert any(f.rule_id == "an-doeda" for f in coach.check(text).findings), text
