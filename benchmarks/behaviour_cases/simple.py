"""simple: vague time and amount words where a number is clearer; silence once the number is given."""

from __future__ import annotations

from .core import Builder, Case
from .words import EXACT_TIMES, VAGUE_TIMES

W = {"vague": VAGUE_TIMES, "exact": EXACT_TIMES,
     "vague_amount": ("조금", "약간", "얼마간", "어느 정도"),
     "exact_amount": ("1,100원", "3천 원", "2,500원", "월 2천 원")}
TIME_TEMPLATES = (
    ("[vague] {연락드리겠습니다|연락드릴게요}.", "[exact] {연락드리겠습니다|연락드릴게요}."),
    ("[vague] 처리해 {드리겠습니다|드릴게요}.", "[exact] 처리해 {드리겠습니다|드릴게요}."),
    ("환불은 [vague] {완료됩니다|완료돼요}.", "환불은 [exact] {완료됩니다|완료돼요}."),
    ("담당자가 [vague] 전화{드리겠습니다|드릴게요}.", "담당자가 [exact] 전화{드리겠습니다|드릴게요}."),
    ("결과는 [vague] {알려 드리겠습니다|알려 드릴게요}.", "결과는 [exact] {알려 드리겠습니다|알려 드릴게요}."),
)
AMOUNT_TEMPLATES = (
    ("요금이 [vague_amount] {오릅니다|올라요}.", "요금이 [exact_amount] {오릅니다|올라요}."),
    ("배송비가 [vague_amount] 더 {붙습니다|붙어요}.", "배송비가 [exact_amount] 더 {붙습니다|붙어요}."),
)


# The same vague word as a promise (flagged) and as something else: what a signal means, a button's name, an
# indirect question about an amount. Each pair differs in the construction around the word only.
NOT_A_PROMISE = (
    ("충전이 [soon] {끝납니다|끝나요}.", "초록 불이 깜박이면 충전이 [soon] 끝난다는 {뜻입니다|뜻이에요}."),
    ("배송이 [soon] {시작됩니다|시작돼요}.", "화면에 숫자가 보이면 녹화가 [soon] 시작된다는 {뜻입니다|뜻이에요}."),
    ("결제는 나중에 {안내해 드리겠습니다|안내해 드릴게요}.", "결제 화면에서 나중에 [label:을] {누르십시오|누르세요}."),
    ("처리 기간이 어느 정도 {됩니다|돼요}.", "설정에서 [usage:이] 어느 정도 되는지 확인하실 수 {있습니다|있어요}."),
)


def cases() -> list[Case]:
    b = Builder("simple")
    b.pairs("vague-time", TIME_TEMPLATES, W, limit=10)
    b.pairs("vague-amount", AMOUNT_TEMPLATES, W, limit=8)
    b.mft("exact", [g for _, g in TIME_TEMPLATES], W, False, limit=3)
    b.pairs("not-a-promise", NOT_A_PROMISE, {**W, "soon": ("곧", "금방"), "label": ("결제", "하기", "알림"),
                                              "usage": ("배터리 사용량", "데이터 사용량", "저장 공간")}, limit=3)
    return b.cases
