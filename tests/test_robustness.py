"""Hostile text: every Unicode space, lone surrogates, U+10FFFF; check_many never aborts a stream (issue 12, 3-4)."""

from __future__ import annotations

import json
import re

import pytest

import cs_coach
from cs_coach.analyze import Morph, analyze, join_morphs
from cs_coach.spans import syllable_span

SPACES = [ch for ch in map(chr, range(0x3001)) if ch.isspace()]


@pytest.mark.parametrize("space", SPACES, ids=[f"U+{ord(ch):04X}" for ch in SPACES])
def test_a_clause_ending_alone_as_a_word_never_raises(coach: cs_coach.Coach, space: str) -> None:
    # '고' standing alone after a space: the sentence splitter has no stem to close there.
    text = "열 고 하고하고 또 하고 계속 하고".replace(" ", space)
    report = coach.check(text)
    for f in report.findings:
        assert text[f.start : f.end] == f.text
    for unsafe in (False, True):
        fixed = coach.fix(text, unsafe=unsafe).text
        assert coach.fix(fixed, unsafe=unsafe).text == fixed


def test_an_empty_morpheme_range_is_an_empty_span() -> None:
    morphs = [Morph("열", "VV", 0, 1, 0), Morph("고", "EC", 2, 3, 1)]
    assert syllable_span(morphs, 1, 1) == (2, 2)
    assert syllable_span(morphs, 2, 2) == (3, 3)
    assert syllable_span([], 0, 0) == (0, 0)


@pytest.mark.parametrize(("text", "position"), [("\ud800안 돼요", 0), ("안 돼요\udfff", 4), ("안 \udc00돼요.", 2)])
def test_a_lone_surrogate_is_rejected_with_its_position(coach: cs_coach.Coach, text: str, position: int) -> None:
    code = f"U+{ord(text[position]):04X}"
    with pytest.raises(ValueError, match=re.escape(f"lone surrogate {code} at position {position}")):
        coach.check(text)
    with pytest.raises(ValueError, match=f"at position {position}"):
        coach.fix(text, unsafe=True)


def test_check_many_gives_an_error_report_and_carries_on(coach: cs_coach.Coach) -> None:
    texts = ["안 돼요.", "안 돼요\ud800", "커피 나오셨습니다.", 42, "x" * 5_000_001, "감사합니다."]
    reports = list(coach.check_many(texts))  # type: ignore[arg-type]
    assert len(reports) == len(texts)
    assert [r.error is None for r in reports] == [True, False, True, False, False, True]
    assert "item 1" in reports[1].error and "position 4" in reports[1].error  # type: ignore[operator]
    assert "item 3" in reports[3].error and "int" in reports[3].error  # type: ignore[operator]
    assert "limit" in reports[4].error  # type: ignore[operator]
    assert reports[1].findings == [] and not reports[1].ok
    for good, text in ((reports[0], texts[0]), (reports[2], texts[2]), (reports[5], texts[5])):
        assert good == coach.check(text)  # type: ignore[arg-type]


def test_an_internal_error_on_one_item_does_not_abort_check_many(monkeypatch: pytest.MonkeyPatch) -> None:
    coach = cs_coach.Coach()
    real = coach._report

    def flaky(analysis, ignore=frozenset()):  # a bug that only this one text triggers
        if "고장" in analysis.text:
            raise IndexError("list index out of range")
        return real(analysis, ignore)

    monkeypatch.setattr(coach, "_report", flaky)
    reports = list(coach.check_many(["안 돼요.", "고장 난 문장", "감사합니다."]))
    assert [r.error is None for r in reports] == [True, False, True]
    assert reports[1].error.startswith("item 1: internal error (IndexError")  # type: ignore[union-attr]
    assert reports[1].text == "고장 난 문장" and reports[1].findings == []
    assert reports[2].findings == real(analyze("감사합니다.")).findings


def test_the_error_field_is_in_the_json_and_the_schema(coach: cs_coach.Coach) -> None:
    (bad,) = coach.check_many(["\udfff"])
    assert bad.text == "\ufffd"  # the report must serialize to JSON, which cannot hold a lone surrogate
    assert json.loads(bad.model_dump_json())["error"].startswith("item 0: text has a lone surrogate U+DFFF")
    assert "error" in cs_coach.json_schemas()["Report"]["properties"]
    assert coach.check("감사합니다.").error is None


HIGH = ["니\U0010ffff다", "안 돼요\U0010ffff", "\U0010ffff 금일 발송됩니다", "ᆸ\U0010ffffᄋ요"]


@pytest.mark.parametrize("text", HIGH)
def test_u_10ffff_is_checked_and_fixed_like_any_character(coach: cs_coach.Coach, text: str) -> None:
    report = coach.check(text)
    for f in report.findings:
        assert text[f.start : f.end] == f.text
    for unsafe in (False, True):
        assert isinstance(coach.fix(text, unsafe=unsafe).text, str)


def test_join_keeps_u_10ffff() -> None:
    # Kiwi.join raises 'unicode error' on U+10FFFF (its own marker); join_morphs stands another character in.
    assert join_morphs([("\U0010ffff", "SW")]) == "\U0010ffff"
    assert join_morphs([("되", "VV"), ("었", "EP"), ("어요", "EF"), ("\U0010ffff", "SW")]).endswith("\U0010ffff")


def test_line_break_inside_a_word_is_not_a_sentence_end() -> None:
    """A manual pasted with a hard wrap inside 됩니다 is one polite sentence, not a 반말 fragment '니다'."""
    import cs_coach

    for text in ("사진이 앨범에 저장됩\n니다.", "설정이 바로 적용됩\r\n니다.", "변경 사항을 확인했습\n니다."):
        report = cs_coach.check(text)
        assert not [f for f in report.findings if f.category == "tone"], text
    assert cs_coach.check("사진이 앨범에 저장됩\n니다.").speech_level == "hapsyo"
    # an ordinary line break still ends a sentence
    assert len(cs_coach.check("안녕하세요\n주문하신 상품은 오늘 출발했습니다.").sentences) == 2


@pytest.mark.parametrize("text", ["합셔야 합니다.", "이건 합셔야 해요", "값셔서 그래요."])
def test_a_noun_read_right_before_si_is_a_misread_and_left_alone(coach: cs_coach.Coach, text: str) -> None:
    """Kiwi restores an elided copula (상태세요 → 상태+이+세요), so a noun directly before -시- is a misread of
    garbled text; dropping that -시- used to give 합어야, a word that is not Korean."""
    assert not [f for f in coach.check(text).findings if f.category == "honorific"]
    assert coach.fix(text).text == text
