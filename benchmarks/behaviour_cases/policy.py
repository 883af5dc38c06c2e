"""policy: hiding behind internal rules (규정·내규·방침) instead of giving the reason; silence when the reason is
given or a document is offered as information."""

from __future__ import annotations

from .core import Builder, Case
from .words import SERVICES

W = {
    "svc": SERVICES,
    "rule": ("규정상", "내규상", "회사 방침상", "정책상", "원칙상", "회사 규정상", "내부 규정상"),
    "rule_n": ("규정", "내규", "회사 방침", "회사 정책", "내부 규정"),
    # a reason the customer can check for themselves; a sale status (할인 상품이라서) is a pricing rule, and the
    # labelled dev corpus counts it as citing a rule
    "reason": ("상품을 이미 사용하셔서", "구매하신 지 30일이 지나서", "주문 제작 상품이라서", "이미 출고된 상품이라서",
               "포장을 이미 뜯으셔서"),
}
BAD = (
    "[rule] [svc:은] {불가합니다|불가해요}.",
    "[rule] [svc:은] 해 드릴 수 {없습니다|없어요}.",
    "[rule] [svc:은] 해 드리기 {어렵습니다|어려워요}.",
    "[rule_n:이] 그래서 어쩔 수 {없습니다|없어요}.",
    "[rule_n:이라서] 저도 어쩔 수가 {없습니다|없어요}.",
    "[rule_n:에] 따라 [svc:은] {진행하지 않습니다|진행하지 않아요}.",
    "[rule_n:이] 원래 {그렇습니다|그래요}.",
    "저희 [rule_n:이] 그렇게 {정해져 있습니다|정해져 있어요}.",
)
GOOD = (
    "자세한 기준은 이용약관에서 확인하실 수 {있습니다|있어요}.",
    "개인정보 보호를 위해 본인 확인을 먼저 {하고 있습니다|하고 있어요}.",
    "[reason] [svc:은] 해 드리기 {어렵습니다|어려워요}.",
    "환불 기준은 구매일로부터 7일 {이내입니다|이내예요}.",
)


OWNER_W = {"owner": ("센터", "카드사", "보험사", "매장", "은행"), "svc": SERVICES}
OWNER_BAD = (
    "[owner] 규정상 해외 결제는 수수료가 {붙습니다|붙어요}.",
    "[owner] 약관에 적힌 대로 위약금을 낼 수밖에 {없습니다|없어요}.",
    "[owner] 지침이 바뀌어서 [svc:은] 안 {됩니다|돼요}.",
)
OWNER_GOOD = (
    "[owner] 규정상 첫 달은 수수료 없이 {쓰실 수 있습니다|쓰실 수 있어요}.",
    "[owner] 규정이 바뀌어서 이제 온라인으로도 {신청하실 수 있습니다|신청하실 수 있어요}.",
)


def cases() -> list[Case]:
    b = Builder("policy")
    b.mft("owner-rule", OWNER_BAD, OWNER_W, True, limit=3)
    b.mft("owner-rule-good", OWNER_GOOD, OWNER_W, False, limit=2)
    b.mft("cited-rule", BAD, W, True, limit=5)
    b.mft("reason-given", GOOD, W, False, limit=4)
    b.pairs("rule-vs-reason", [
        ("[rule] [svc:은] 해 드리기 {어렵습니다|어려워요}.", "[reason] [svc:은] 해 드리기 {어렵습니다|어려워요}."),
        ("[rule] [svc:은] 안 {됩니다|돼요}.", "[reason] [svc:은] 안 {됩니다|돼요}."),
    ], W, limit=10)
    return b.cases
