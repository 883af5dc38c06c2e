"""alternative: a refusal or bad news with no alternative or next step; silence once one follows, and on
limitations, consequences and prohibitions."""

from __future__ import annotations

from .core import Builder, Case
from .positive import CONSEQUENCES, EXTRA, LIMITATIONS, PROHIBITIONS
from .words import EVENTS, ITEMS, SERVICE_ALTERNATIVES, SHIPPING_CHANGES

W = {"svc|alt": SERVICE_ALTERNATIVES, "ship": SHIPPING_CHANGES, "item": ITEMS, "event": EVENTS, **EXTRA}

REFUSALS = (
    "[svc:은] 해 드리기 {어렵습니다|어려워요}.",
    "[svc:은] 안 {됩니다|돼요}.",
    "[svc:은] 해 드릴 수 {없습니다|없어요}.",
    "죄송하지만 [svc:은] {어렵습니다|어려워요}.",
    "[svc:은] {불가능합니다|불가능해요}.",
    "이미 출고되어서 [ship:은] {어렵습니다|어려워요}.",
)
ITEM_NEWS = (
    "[item:은] 현재 {품절입니다|품절이에요}.",
    "[item:은] 모두 {팔렸습니다|팔렸어요}.",
    "[item:은] 더 이상 {생산되지 않습니다|생산되지 않아요}.",
)
EVENT_NEWS = (
    "[event:은] 이미 {마감되었습니다|마감됐어요}.",
    "[event:은] 어제 {종료되었습니다|종료됐어요}.",
)
BAD_NEWS = ITEM_NEWS + EVENT_NEWS
ALTERNATIVE_TAILS = (
    " 대신 [alt:은] 바로 {도와드리겠습니다|도와드릴게요}.",
    " 대신 [alt:은] {가능합니다|가능해요}.",
    " 대신 [alt:을] 해 드릴 수 {있습니다|있어요}.",
)
ITEM_TAILS = (
    " 재입고되면 바로 문자로 알려 {드리겠습니다|드릴게요}.",
    " 비슷한 상품을 찾아서 링크로 보내 {드리겠습니다|드릴게요}.",
)
EVENT_TAILS = (
    " 다음 일정이 정해지면 바로 {안내해 드리겠습니다|안내해 드릴게요}.",
    " 다음 모집이 시작되면 문자로 알려 {드리겠습니다|드릴게요}.",
)


def cases() -> list[Case]:
    b = Builder("alternative")
    b.mft("refusal", REFUSALS, W, True, limit=8)
    b.mft("bad-news", BAD_NEWS, W, True, limit=8)
    b.mft("limitation", LIMITATIONS, W, False, limit=5, inv=False)
    b.mft("consequence", CONSEQUENCES, W, False, limit=3, inv=False)
    b.mft("prohibition", PROHIBITIONS, W, False, limit=1, inv=False)
    b.pairs("refusal+alternative", [(r, r + t) for r in REFUSALS[:5] for t in ALTERNATIVE_TAILS], W, limit=3,
            test="DIR")
    b.pairs("bad-news+next-step", [(r, r + t) for r in ITEM_NEWS for t in ITEM_TAILS]
            + [(r, r + t) for r in EVENT_NEWS for t in EVENT_TAILS], W, limit=3, test="DIR")
    # an alternative in the same sentence, after a contrast
    b.pairs("refusal+alternative-clause", [
        ("[svc:은] {어렵습니다|어려워요}.", "[svc:은] 어렵지만 [alt:은] 바로 {가능합니다|가능해요}."),
        ("[svc:은] 안 {됩니다|돼요}.", "[svc:은] 안 되지만 [alt:은] 바로 {가능합니다|가능해요}."),
    ], W, limit=8)
    return b.cases
