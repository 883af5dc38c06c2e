"""Renderers on hand-made reports: positions, escaping, previews, charts. No Kiwi needed."""

from __future__ import annotations

import json

from cs_coach.inputs import Record
from cs_coach.models import Finding, Report, Scores, Suggestion
from cs_coach.render import RuleInfo, region, suggestion_preview
from cs_coach.render.html import Bar, bar_chart, highlight
from cs_coach.render.machine import render_github, render_json, render_sarif
from cs_coach.render.text import render_text

TEXT = "첫 줄입니다.\n커피 나오셨습니다, 100% 확실해요."
FINDING = Finding(
    rule_id="object-honorific-verb",
    pack="honorific",
    category="honorific",
    severity="error",
    start=8,
    end=17,
    text=TEXT[8:17],
    message="사물 존칭입니다.",
    suggestions=[Suggestion(replacement="나왔습니다", start=11, end=17, applicability="safe")],
)
REPORT = Report(
    text=TEXT,
    findings=[FINDING],
    speech_level="hapsyo",
    scores=Scores(overall=70, categories={"honorific": 70}),
)
RULES = {"object-honorific-verb": RuleInfo("object-honorific-verb", "honorific", "honorific", "error", "pattern",
                                           "'{text}'는 사물 존칭입니다.", "사물에는 -시-를 쓰지 않습니다.")}


def test_region_adds_the_reply_offset_in_the_file() -> None:
    record = Record(TEXT, "a,b:c.txt", line=10, id="#4", column=3, offset=120)
    assert TEXT[8:17] == "커피 나오셨습니다"
    where = region(record, FINDING)
    assert (where.line, where.column, where.end_line, where.end_column, where.exact) == (11, 1, 11, 10, True)
    first_line = Finding(**{**FINDING.model_dump(), "start": 0, "end": 1, "text": "첫"})
    assert region(record, first_line).column == 3  # the reply starts at column 3 of line 10
    inexact = Record(TEXT, "x.jsonl", line=7, id="c1")
    assert (region(inexact, FINDING).line, region(inexact, FINDING).exact) == (7, False)


def test_suggestion_preview_shows_the_flagged_words_after_the_rewrite() -> None:
    assert suggestion_preview(REPORT, FINDING) == ["커피 나왔습니다"]


def test_text_renderer_with_and_without_colour() -> None:
    record = Record(TEXT, "a.txt", line=1, id="#1", offset=0)
    plain = list(render_text([(record, REPORT)]))
    assert plain == [
        "a.txt:2:1 (#1): error [honorific/object-honorific-verb] 사물 존칭입니다.",
        "    커피 나오셨습니다, 100% 확실해요.",
        "    " + "^" * 17,
        "    → 커피 나왔습니다  (fix)",
    ]
    coloured = list(render_text([(record, REPORT)], colour=True))
    assert "\033[31merror\033[0m" in coloured[0] and "\033[31m^" in coloured[2]


def test_github_annotation_escapes_properties_and_data() -> None:
    record = Record(TEXT, "a,b:c.txt", line=1, id="#1", offset=0)
    finding = Finding(**{**FINDING.model_dump(), "message": "100% 확실\n둘째 줄"})
    report = Report(**{**REPORT.model_dump(), "findings": [finding.model_dump()]})
    (line,) = render_github([(record, report)])
    assert line == (
        "::error file=a%2Cb%3Ac.txt,line=2,col=1,endLine=2,endColumn=9,"
        "title=cs-coach honorific/object-honorific-verb::100%25 확실%0A둘째 줄 → 커피 나왔습니다"
    )


def test_sarif_and_json_documents() -> None:
    record = Record(TEXT, "<stdin>", line=1, id="#1", offset=0)
    sarif = json.loads(render_sarif([(record, REPORT)], RULES))
    result = sarif["runs"][0]["results"][0]
    assert sarif["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"] == "사물에는 -시-를 쓰지 않습니다."
    short = sarif["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"]
    assert short == "honorific: '…'는 사물 존칭입니다."
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "stdin"}
    assert result["level"] == "error" and result["message"]["text"] == "사물 존칭입니다. → 커피 나왔습니다"
    document = json.loads(render_json([(record, REPORT)]))
    summary = document["summary"]
    assert {k: summary[k] for k in ("replies", "flagged_replies", "findings", "by_severity")} == {
        "replies": 1, "flagged_replies": 1, "findings": 1, "by_severity": {"error": 1}
    }
    assert summary["score_bands"]["60–79"] == 1 and summary["problem_share"]["honorific"] == 1.0
    assert document["replies"][0]["findings"][0]["line"] == 2


def test_highlight_escapes_and_merges_overlaps() -> None:
    text = "<b>안 돼요</b>"
    warn = Finding(**{**FINDING.model_dump(), "start": 3, "end": 5, "text": text[3:5], "severity": "warning"})
    error = Finding(**{**FINDING.model_dump(), "start": 4, "end": 7, "text": text[4:7]})
    html = str(highlight(text, [error, warn]))
    assert html.startswith("&lt;b&gt;<mark class=\"error\"")
    assert html.count("<mark") == 1 and html.endswith(">안 돼요</mark>&lt;/b&gt;")
    apart = str(highlight(text, [warn, Finding(**{**error.model_dump(), "start": 6, "end": 7, "text": "요"})]))
    assert apart.count("<mark") == 2 and '<mark class="warning"' in apart


def test_bar_chart_is_inline_svg_scaled_to_the_largest_bar() -> None:
    svg = str(bar_chart([Bar("긍정 <언어>", 10), Bar("높임말", 5)], width=400, label_width=100))
    assert svg.startswith("<svg") and svg.count("<rect") == 2
    assert 'width="240"' in svg and 'width="120"' in svg  # (400 - 100 - 60) for the largest, half for the other
    assert "긍정 &lt;언어&gt;" in svg
    assert "없음" in str(bar_chart([]))
