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


def cases() -> list[Case]:
    b = Builder("simple")
    b.pairs("vague-time", TIME_TEMPLATES, W, limit=10)
    b.pairs("vague-amount", AMOUNT_TEMPLATES, W, limit=8)
    b.mft("exact", [g for _, g in TIME_TEMPLATES], W, False, limit=3)
    return b.cases
