"""Measures and rewrites behind the easy/short/simple/empathy/cushion/alternative packs, beyond rule examples."""

from __future__ import annotations

import pytest

import cs_coach
from cs_coach.analyze import analyze
from cs_coach.metrics import (
    MEASURES,
    clauses_per_sentence,
    hard_words_per_sentence,
    sentence_shape,
    words_per_sentence,
)
from cs_coach.vocab import vocabulary


def _sentence(text: str):
    (sentence,) = analyze(text).sentences
    return sentence


def test_hard_word_count_skips_everyday_and_loanwords() -> None:
    vocab = vocabulary()
    assert "설정" in vocab.everyday and "가격" in vocab.grades
    assert hard_words_per_sentence(_sentence("설정 화면에서 블루투스 배터리 충전을 확인해 주세요."), {}) == 0
    dense = _sentence("시유지 무단 점유에 대한 변상금 부과 처분 내역을 송달합니다.")
    assert hard_words_per_sentence(dense, {}) >= 5
    assert hard_words_per_sentence(dense, {"allow": ["시유지", "점유"]}) == hard_words_per_sentence(dense, {}) - 2


def test_hard_word_measure_is_registered_for_sentences() -> None:
    assert MEASURES["hard_words_per_sentence"].scope == "sentence"


def test_clause_count_follows_rule_endings() -> None:
    chained = _sentence("기사님이 와서 가져가고 검수하는데 문제가 없으면 환불되고 끝나요.")
    assert clauses_per_sentence(chained, {}) >= 4
    assert clauses_per_sentence(chained, {"endings": ["고"]}) == 3
    assert words_per_sentence(_sentence("네, 확인했습니다."), {}) == 2


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("금일 중 수령하세요", "오늘 중 받으세요"),
        ("신청서에 연락처를 기재해 주십시오.", "신청서에 연락처를 적어 주십시오."),
        ("차액은 익월 청구서에서 차감됩니다.", "차액은 다음 달 청구서에서 빠집니다."),
        ("매장에 내점하시면 바로 바꿔 드려요.", "매장에 방문하시면 바로 바꿔 드려요."),
        ("요청하신 건은 검토 중에 있습니다.", "요청하신 건은 검토하고 있습니다."),
    ],
)
def test_easy_fixes_conjugate_and_keep_the_level(text: str, fixed: str) -> None:
    assert cs_coach.Coach(packs=["easy"]).fix(text).text == fixed


def test_thresholds_override_metric_max() -> None:
    text = "주문하신 상품은 오늘 오후 물류 창고에서 포장을 마쳤는데 택배사 사정으로 내일 오전 중에 출발합니다."
    default = cs_coach.Coach(packs=["short"]).check(text)
    strict = cs_coach.Coach(packs=["short"], config=cs_coach.Config(thresholds={"short-sentence-words": 10}))
    assert not [f for f in default.findings if f.rule_id == "short-sentence-words"]
    assert [f for f in strict.check(text).findings if f.rule_id == "short-sentence-words"]


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        # one clause of enumerated nouns; steps of one (elided) subject joined by -고 / -ㄴ 뒤; a short frame
        ("배송 조회, 주문 취소, 쿠폰 확인, 리뷰 쓰기, 알림 끄기 기능이 있습니다.", "list"),
        ("앱을 열고 주문 내역을 누른 뒤 취소할 상품을 고르고 취소 버튼을 눌러 주세요.", "list"),
        ("주소를 바꾸시려면 앱을 열고 내 정보를 누르고 배송지를 고르고 저장을 눌러 주세요.", "list"),
        ("사진을 올리면 확인하고, 영수증을 올리면 비교하고, 주소를 보내면 수거를 잡아 드려요.", "chain"),
        # a cause, a contrast, a condition whose result comes later, a new subject after -고
        ("상자가 찌그러져서 상품이 다쳤을 수도 있으니 사진을 보내 주세요.", "chain"),
        ("포장은 마쳤는데 택배사 사정으로 출발이 늦어집니다.", "chain"),
        ("물건은 어제 창고를 떠났고 기사님이 내일 오전에 가져다드립니다.", "chain"),
    ],
)
def test_sentence_shape(text: str, shape: str) -> None:
    assert sentence_shape(analyze(text).sentences[0]) == shape


def test_shape_param_is_checked_at_load(tmp_path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\ndescription: d\nrules:\n  - id: long-things\n    kind: metric\n    category: short\n"
        "    severity: info\n    measure: words_per_sentence\n    max: 3\n    params: {shape: tree}\n"
        "    message: m\n    why: w\n    examples: []\n",
        encoding="utf-8",
    )
    with pytest.raises(cs_coach.PackError, match="shape"):
        cs_coach.Coach(packs=[str(pack)])


def test_require_rules_look_at_the_whole_reply() -> None:
    coach = cs_coach.Coach(packs=["alternative", "cushion"])
    alone = {rule for f in coach.check("환불은 어렵습니다.").findings for rule in (f.rule_id, *f.also)}
    assert alone == {"alternative-refusal", "cushion-refusal"}
    answered = coach.check("죄송합니다. 환불은 어렵습니다. 대신 교환은 오늘 바로 해 드릴 수 있어요.")
    assert not answered.findings
