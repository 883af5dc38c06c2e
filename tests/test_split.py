"""split: a long sentence is cut only where both halves keep what it said (mood, tense, negation, modality).

Each case is a class of cut that a trainer rejected when it was made blindly; the sentences are written here."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from splitting import split_text

from cs_coach.analyze import analyze
from cs_coach.split import close_half, split_edits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation belongs to its own clause: it does not spread to the first half
        ("기기가 자동으로 다시 시작되고 업데이트가 끝날 때까지 화면이 켜지지 않습니다.",
         "기기가 자동으로 다시 시작됩니다. 업데이트가 끝날 때까지 화면이 켜지지 않습니다."),
        # an instruction stays an instruction
        ("주문서 아래쪽의 쿠폰 칸을 누르고 받으신 쿠폰 번호를 빈칸 없이 입력해 주세요.",
         "주문서 아래쪽의 쿠폰 칸을 눌러 주세요. 받으신 쿠폰 번호를 빈칸 없이 입력해 주세요."),
        # a first half that already has its modal takes tense and ending only (no '보낼 수 있을 수 있습니다')
        ("사진을 골라 편집할 수 있고 친구에게 바로 보낼 수 있으며 앨범을 새로 만들어 정리할 수도 있습니다.",
         "사진을 골라 편집할 수 있고 친구에게 바로 보낼 수 있습니다. 앨범을 새로 만들어 정리할 수도 있습니다."),
        # the agent's promise is not turned into an instruction, nor given a second 드리다
        ("주문하신 날 바로 접수되고 결과는 담당자가 문자로 자세히 안내해 드리며 궁금하신 점은 언제든 물어보세요.",
         "주문하신 날 바로 접수되고 결과는 담당자가 문자로 자세히 안내해 드려요. 궁금하신 점은 언제든 물어보세요."),
        # with its own past tense, the first half is a fact of its own; the obligation stays in the second
        ("필요한 서류가 빠져서 접수가 늦어졌고 오늘 다시 보내 주셔야 해요.",
         "필요한 서류가 빠져서 접수가 늦어졌어요. 오늘 다시 보내 주셔야 해요."),
        # a fact with a subject of its own is not a step of the condition that follows
        ("기사님이 내일 방문해서 상품을 가져가고 창고에서 상태를 살펴보는데 문제가 없으면 환불이 되고 "
         "부족한 구성품이 있으면 연락을 드려요.",
         "기사님이 내일 방문해서 상품을 가져가고 창고에서 상태를 살펴보는데 문제가 없으면 환불이 돼요. "
         "부족한 구성품이 있으면 연락을 드려요."),
        # the noun written before the predicate keeps its spacing ('탭 하세요' is what Kiwi would write)
        ("목록 맨 위에 있는 기기 이름을 길게 탭하시고 나타나는 메뉴에서 연결 끊기를 골라 주세요.",
         "목록 맨 위에 있는 기기 이름을 길게 탭해 주세요. 나타나는 메뉴에서 연결 끊기를 골라 주세요."),
    ],
)
def test_a_cut_keeps_each_half_meaning(text: str, expected: str) -> None:
    assert split_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the steps lead to '-면 됩니다' (an instruction): a first half made a statement would not be one
        "앱을 열고 설정 메뉴에서 알림을 찾은 다음 소리를 켜고 진동을 끄시면 됩니다.",
        # '-고' inside a condition: after receiving, when a week has passed
        "상품을 받고 일주일이 지나면 단순 변심으로는 교환이나 반품을 접수하실 수 없으니 꼭 미리 확인해 주세요.",
        "고객님이 영상을 보고 10분이 지나면 그 영상은 목록에서 자동으로 사라지며 다시 보려면 새로 내려받으셔야 합니다.",
        # '-고' inside a noun phrase: the chain describes the feature
        "충전이 끝나면 충전을 멈추고 필요할 때까지 기다리는 기능이 있습니다.",
        # '-고' before an adverbial: 편리하고 빠르게
        "지문을 등록해 두시면 결제할 때 훨씬 편리하고 빠르게 본인 인증을 마치실 수 있는 기능입니다.",
        # '-어서' of means with an instruction: one action
        "화면 아래쪽 버튼을 길게 눌러서 빠른 메뉴를 연 다음 원하는 항목을 골라 위로 끌어 놓으세요.",
        # a modal over steps: '대고 … 밀어서 볼 수 있습니다' cannot become '댈 수 있습니다'
        "두 손가락을 화면에 대고 천천히 벌려서 사진을 크게 보시거나 오므려서 작게 보실 수 있습니다.",
        # a subject inside a modifier ('사진이 흔들릴 때까지') is not the cut clause's own: the steps lead to '-면'
        "사진이 흔들릴 때까지 목록의 빈 곳을 길게 누르고 사진 하나를 다른 사진 위로 끌어 놓으면 새 앨범이 생깁니다.",
        # a one-word clause (a cushion) is not a sentence
        "번거로우시겠지만 주문 번호와 받으실 분 성함과 연락처를 적어서 이 창에 다시 한번 보내 주시겠어요?",
    ],
)
def test_no_cut_where_the_meaning_would_change(text: str) -> None:
    assert split_text(text) is None


def test_a_contrast_is_cut_with_its_link() -> None:
    text = "이번 주 주문은 모두 오늘 출고되었지만 제주 지역은 배가 뜨지 않아 하루 이틀 더 걸릴 수 있습니다."
    assert split_text(text) == ("이번 주 주문은 모두 오늘 출고됐습니다. "
                           "하지만 제주 지역은 배가 뜨지 않아 하루 이틀 더 걸릴 수 있습니다.")


_WORDS = st.sampled_from(["주문은", "어제", "접수되고", "환불은", "내일", "처리되며", "기사님이", "방문해서",
                          "상품을", "가져가고", "확인하시면", "됩니다", "보내", "드리고", "결과는", "문자로",
                          "알려", "드립니다", "없으면", "안", "됩니다", "수", "있습니다", "켜고", "누르세요"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=16))
def test_a_split_stays_inside_the_sentence_and_never_overlaps(words: list[str]) -> None:
    text = " ".join(words) + "."
    sentence = analyze(text).sentences[0]
    edits = split_edits(sentence, text)
    if not edits:
        return
    spans = sorted((a, b) for a, b, _ in edits)
    assert all(sentence.start <= a <= b <= sentence.end for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))
    assert all("{" not in r for _, _, r in edits)


def test_a_cut_word_that_is_only_honorific_si_is_not_split() -> None:
    # fuzz seed 2 #130839: the stem lost its only morpheme (-시-, dropped before a -세요 tail) and raised
    assert close_half([("시", "EP")], [("하", "VV"), ("세요", "EF")], "고", "haeyo", False) is None
    assert close_half([("하", "VV")], [], "고", "haeyo", False) is None
