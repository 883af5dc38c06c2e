"""Rewrite mechanics: Kiwi join faults mended, conjugation slots, punctuation, merged edits, bounded fix loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_coach import Coach, Suggestion
from cs_coach.engine import MAX_FIX_ROUNDS, apply_edits, choose_edits
from cs_coach.josa import choose, fix_after_non_hangul, fix_after_quotes
from cs_coach.models import Finding
from cs_coach.rewrite import join_word, stem_morphs


@pytest.mark.parametrize(
    ("word", "expected"),
    [("10를", "10을"), ("2을", "2를"), ("3로", "3으로"), ("7으로", "7로"), ("iPhone를", "iPhone을"),
     ("Galaxy을", "Galaxy를"), ("app를", "app을"), ("USB을", "USB를"), ("고객님을", "고객님을")],
)
def test_particles_after_digits_and_latin_words(word: str, expected: str) -> None:
    assert fix_after_non_hangul(word) == expected


def test_particles_after_quoted_words_in_messages() -> None:
    message = "'무상'는 어려운 말입니다. '바로'은 쉽습니다."
    assert fix_after_quotes(message) == "'무상'은 어려운 말입니다. '바로'는 쉽습니다."
    assert fix_after_quotes("'전화 상담으로'은") == "'전화 상담으로'는"
    assert fix_after_quotes("'금일'를 '오늘'로, '서울'으로") == "'금일'을 '오늘'로, '서울'로"
    # Superscripts and circled numbers are digits to str.isdigit() but have no reading: the particle stays.
    assert fix_after_quotes("'A0²'은 '단계①'를") == "'A0²'은 '단계①'를"
    assert choose("집", "로") == "으로" and choose("{대안}", "은") == "은"


def test_join_mends_kiwi_faults() -> None:
    assert join_word([("받", "VV"), ("시", "EP"), ("어요", "EF")]) == "받으세요"
    assert join_word([("사이즈", "NNG"), ("이", "VCP"), ("에요", "EF")]) == "사이즈예요"
    assert join_word([("원", "NNB"), ("이", "VCP"), ("에요", "EF")]) == "원이에요"
    assert join_word([("수령", "NNG"), ("하", "XSV"), ("세요", "EF")]) == "수령하세요"


def test_join_chooses_the_eu_form_after_a_consonant() -> None:
    assert join_word([("어렵", "VA"), ("니", "EC")]) == "어려우니"
    assert join_word([("받", "VV"), ("면", "EC")]) == "받으면"
    assert join_word([("살", "VV"), ("니", "EC")]) == "사니"  # ㄹ drops, no 으
    assert join_word([("가", "VV"), ("니", "EC")]) == "가니"


def test_stem_morphs_reads_words_and_explicit_morphemes() -> None:
    assert stem_morphs("받다") == [("받", "VV")]
    assert stem_morphs("어/EC+주/VX") == [("어", "EC"), ("주", "VX")]


PACK = """
pack: demo
description: 규칙 예시
rules:
  - id: ask-not-order
    kind: pattern
    category: request
    severity: info
    message: "'{text}'"
    why: 명령 대신 요청으로
    match:
      - pattern:
          - {tag: NNG, name: verb, op: "?"}
          - {tag: [VV, XSV], name: verb}
          - {form: [세요, 으세요], tag: EF, name: end}
    suggest:
      - edit: {swap: {end: "어/EC+주/VX+시/EP+겠/EP+어요/EF"}}
        final_punct: "?"
        prefix: "번거로우시겠지만 "
        applicability: unsafe
      - replace: {hapsyo: "{verb|어/EC+주/VX+시/EP+겠/EP+습니까/EF}", haeyo: "{verb|어/EC+주/VX+시/EP+겠/EP+어요/EF}"}
        applicability: unsafe
    examples:
      - bad: "[[기다리세요]]."
      - good: "네, 알겠습니다."
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Coach:
    path = Path(tmp_path_factory.mktemp("packs")) / "demo.yaml"
    path.write_text(PACK, encoding="utf-8")
    return Coach(packs=[path])


def test_edit_with_prefix_and_final_punctuation(demo: Coach) -> None:
    assert demo.fix("주소를 다시 확인하세요.", unsafe=True).text == "주소를 다시 확인해 주시겠어요?"
    assert demo.fix("기다리세요!", unsafe=True).text == "번거로우시겠지만 기다려 주시겠어요?"
    assert demo.fix("기다리세요", unsafe=True).text == "번거로우시겠지만 기다려 주시겠어요?"


def test_conjugation_slot_uses_the_captured_morphemes(demo: Coach) -> None:
    finding = demo.check("서류를 확인하세요.").findings[0]
    assert [s.replacement for s in finding.suggestions][-1] == "확인해 주시겠어요"


def test_safe_fix_leaves_unsafe_suggestions_alone(demo: Coach) -> None:
    result = demo.fix("기다리세요.")
    assert result.text == "기다리세요." and not result.applied and result.remaining


def test_words_outside_the_edit_are_copied_not_regenerated() -> None:
    text = "주문하신   커피  나오셨습니다 ~~"
    assert Coach(packs=["honorific"]).fix(text).text == "주문하신   커피  나왔습니다 ~~"


def _finding(start: int, end: int, *suggestions: Suggestion, severity: str = "warning") -> Finding:
    return Finding(rule_id="r", pack="p", category="tone", severity=severity, start=start, end=end,  # type: ignore[arg-type]
                   text="x" * (end - start), message="m", suggestions=list(suggestions))


def test_overlapping_edits_are_resolved_by_severity_then_position() -> None:
    low = _finding(0, 4, Suggestion(replacement="AAAA", start=0, end=4, applicability="safe"), severity="info")
    high = _finding(2, 6, Suggestion(replacement="BB", start=2, end=6, applicability="safe"), severity="error")
    later = _finding(7, 8, Suggestion(replacement="C", start=7, end=8, applicability="safe"))
    chosen = choose_edits([low, high, later], unsafe=False)
    assert [s.replacement for s in chosen] == ["BB", "C"]
    assert apply_edits("0123456789", chosen) == "01BB6C89"


def test_fix_loop_is_bounded() -> None:
    assert MAX_FIX_ROUNDS >= 2
    result = Coach().fix("커피 나오셨습니다. 교환은 안 됩니다.", unsafe=True)
    assert result.iterations <= MAX_FIX_ROUNDS
    assert Coach().fix(result.text, unsafe=True).text == result.text


LEXICON_PACK = """
pack: lex
description: 어려운 말
rules:
  - id: lex-test
    kind: lexicon
    category: easy
    severity: info
    message: "'{word}' 대신 '{replacement}'"
    why: 쉬운 말로
    entries:
      - {word: 소요기간, pos: noun, replace: [걸리는 기간]}
      - {word: 상환하다, pos: verb, replace: [갚다]}
      - {word: 이의 제기하다, pos: verb, replace: [반대하다]}
    examples:
      - bad: "[[소요기간]]은 사흘입니다."
        fix: "걸리는 기간은 사흘입니다."
      - good: "네"
  - id: drop-test
    kind: pattern
    category: tone
    severity: info
    message: 군더더기
    why: 빼도 뜻이 같습니다
    match: [{pattern: [{form: 그냥, name: w}]}]
    suggest: [{edit: {drop: [w]}, applicability: safe}]
    examples:
      - bad: "[[그냥]] 기다리시면 됩니다."
        fix: "기다리시면 됩니다."
      - good: "네"
"""


def test_lexicon_multiword_replacement_dictionary_da_and_dropped_words(tmp_path: Path) -> None:
    path = tmp_path / "lex.yaml"
    path.write_text(LEXICON_PACK, encoding="utf-8")
    coach = Coach(packs=[path])
    assert coach.fix("소요기간은 사흘입니다.").text == "걸리는 기간은 사흘입니다."
    fixed = coach.fix("대출금을 상환하셨어요? 네 그냥 기다리시면 됩니다.").text
    assert fixed == "대출금을 갚으셨어요? 네 기다리시면 됩니다."
    # the entry spans two 어절: the leftover ending joins the replacement instead of standing alone
    assert coach.fix("결과에 이의제기 하시면 다시 심사합니다.").text == "결과에 반대하시면 다시 심사합니다."


def test_split_cuts_a_long_sentence_in_its_own_speech_level() -> None:
    coach = Coach(packs=["short"])
    head = "예약은 어제 끝났고 자리가 없는데 취소표가 나오면 바로 알려 "
    fixed = coach.fix(head + "드리고 결제도 도와드리고 영수증도 보내 드릴게요.", unsafe=True)
    assert fixed.text == head + "드릴게요. 결제도 도와드리고 영수증도 보내 드릴게요."  # a promise stays a promise
    assert not fixed.remaining
    long_hapsyo = "서류는 어제 받았고 검토를 마쳤지만 서명이 빠져서 다시 보내 주셔야 하고 원본도 필요합니다."
    assert "빠집니다. 그래서 다시" in coach.fix(long_hapsyo, unsafe=True).text  # 합쇼체 kept, 그래서 links
    progressive = "주문은 어제 들어왔고 포장은 오늘 끝났는데 기사님이 지금 상품을 옮기고 있고 저녁에 출발하고 있습니다."
    assert coach.fix(progressive, unsafe=True).text == (  # cut after '-고 있다', never inside it
        "주문은 어제 들어왔고 포장은 오늘 끝났습니다. "
        "기사님이 지금 상품을 옮기고 있고 저녁에 출발하고 있습니다."  # two short clauses: not long
    )
