"""tone: 반말, curt or casual register, slang and curt discourse markers in a reply to a customer."""

from __future__ import annotations

from .core import Builder, Case, invariances, make, render

# (반말, 해요체, 합쇼체): the polite twins differ from the 반말 one in the ending only
BANMAL = (
    ("확인해 볼게.", "확인해 볼게요.", "확인해 보겠습니다."),
    ("주문 번호 알려 줘.", "주문 번호 알려 주세요.", "주문 번호를 알려 주십시오."),
    ("그건 내일 도착해.", "그건 내일 도착해요.", "그건 내일 도착합니다."),
    ("환불은 다음 주에 들어가.", "환불은 다음 주에 들어가요.", "환불은 다음 주에 들어갑니다."),
    ("지금 바로 처리할게.", "지금 바로 처리할게요.", "지금 바로 처리하겠습니다."),
    ("그 상품은 품절이야.", "그 상품은 품절이에요.", "그 상품은 품절입니다."),
    ("주소가 틀렸어.", "주소가 달라요.", "주소가 다릅니다."),
    ("알았어, 다시 보내 줄게.", "알겠어요, 다시 보내 드릴게요.", "알겠습니다, 다시 보내 드리겠습니다."),
    ("내가 확인해 봤는데 문제없어.", "제가 확인해 봤는데 문제없어요.", "제가 확인해 보았는데 문제없습니다."),
    ("그건 매장에 가서 물어봐.", "그건 매장에 문의해 주세요.", "그건 매장에 문의해 주십시오."),
    ("잠깐만 기다려.", "잠깐만 기다려 주세요.", "잠깐만 기다려 주십시오."),
    ("뭐가 문제야?", "어떤 점이 불편하세요?", "어떤 점이 불편하십니까?"),
    ("배송은 사흘 걸려.", "배송은 사흘 걸려요.", "배송은 사흘 걸립니다."),
    ("그거 원래 그렇게 쓰는 거야.", "그건 원래 그렇게 쓰는 거예요.", "그것은 원래 그렇게 쓰는 것입니다."),
    ("결제 다시 해 봐.", "결제를 다시 해 주시겠어요?", "결제를 다시 해 주시겠습니까?"),
    ("응, 맞아.", "네, 맞아요.", "네, 맞습니다."),
    ("몰라, 나도 처음 들어.", "저도 처음 듣는 내용이라 확인해 볼게요.", "저도 처음 듣는 내용이라 확인해 보겠습니다."),
    ("그럼 내일 다시 연락해.", "그럼 내일 다시 연락 주세요.", "그럼 내일 다시 연락 주십시오."),
)
CURT_MARKERS = ("어쨌든요,", "아무튼요,", "그건 그렇고요,", "됐고요,", "암튼,")
NEUTRAL = (
    "환불은 오늘 안에 처리해 {드리겠습니다|드릴게요}.",
    "주문하신 상품은 내일 {도착합니다|도착해요}.",
    "다른 색상으로 바로 교환해 {드리겠습니다|드릴게요}.",
    "입금 확인되면 바로 {보내 드리겠습니다|보내 드릴게요}.",
)
SLANG = (
    ("이 상품 완전 꿀템이에요.", "이 상품은 많은 분들이 좋아하시는 제품이에요."),
    ("배송 개빠르게 보내 드릴게요.", "배송은 최대한 빠르게 보내 드릴게요."),
    ("확인했어요 ㅋㅋ", "확인했어요."),
    ("ㅇㅋ 바로 처리할게요.", "네, 바로 처리할게요."),
    ("그거 레알 인기 많아요.", "그 상품은 정말 인기가 많아요."),
    ("환불 ㄱㄱ 해 드릴게요.", "환불해 드릴게요."),
)


def cases() -> list[Case]:
    b = Builder("tone")
    for number, (banmal, haeyo, hapsyo) in enumerate(BANMAL):
        b.cases.append(make("tone", "PAIR", "banmal-vs-haeyo", banmal, True, other=haeyo, other_expect=False))
        b.cases.append(make("tone", "PAIR", "banmal-vs-hapsyo", banmal, True, other=hapsyo, other_expect=False))
        b.cases.append(make("tone", "MFT", "polite", haeyo, False))
        b.cases.append(make("tone", "MFT", "polite", hapsyo, False))
        b.cases.append(make("tone", "INV", "polite~level", haeyo, False, other=hapsyo, invariant=True))
        b.cases += invariances("tone", "banmal", banmal, True, salt=number, kinds=("trailing", "wrap"))
        b.cases += invariances("tone", "polite", haeyo, False, salt=number, kinds=("trailing", "wrap"))
        # a 반말 sentence inside an otherwise polite reply: mixed levels
        b.cases.append(make("tone", "DIR", "mixed-levels", f"문의해 주셔서 감사합니다. {banmal}", True,
                            other=f"문의해 주셔서 감사합니다. {haeyo}",
                            other_expect=False))
    for marker in CURT_MARKERS:
        for template in NEUTRAL:
            for level in (0, 1):
                base = render(template, level, {})
                b.cases.append(make("tone", "DIR", "curt-marker", f"{marker} {base}", True, other=base,
                                    other_expect=False))
    for bad, good in SLANG:
        b.cases.append(make("tone", "PAIR", "slang", bad, True, other=good, other_expect=False,
                            accept={"tone", "easy"}))
    # FAQ style: the customer's 반말 question restated and answered with its own predicate is not the agent's
    # 반말; the agent asking in 반말 and then telling the customer something else is
    for asked, answer, curt in ECHOES:
        for level in (0, 1):
            b.cases.append(make("tone", "PAIR", "curt-vs-echoed", f"{asked} {render(curt, level, {})}", True,
                                other=f"{asked} {render(answer, level, {})}", other_expect=False))
    return b.cases


ECHOES = (  # (a question in 반말, the answer that repeats its predicate, an unrelated next sentence)
    ("이 이어폰은 방수 돼?", "네, 생활 방수가 {됩니다|돼요}.", "설명서를 먼저 {읽어 주십시오|읽어 주세요}."),
    ("쿠폰은 어디에 있어?", "쿠폰은 내 정보 화면 아래에 {있습니다|있어요}.",
     "주문 번호부터 {알려 주십시오|알려 주세요}."),
    ("배송비는 얼마 나와?", "배송비는 3천 원이 {나옵니다|나와요}.",
     "결제 화면을 다시 {확인해 주십시오|확인해 주세요}."),
    ("충전은 몇 시간 걸려?", "완전히 충전하는 데 두 시간쯤 {걸립니다|걸려요}.",
     "충전기부터 {바꿔 주십시오|바꿔 주세요}."),
)
