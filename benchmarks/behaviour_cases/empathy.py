"""empathy: sympathy that leaves the customer helpless, and dismissal that makes the problem normal, instead of
acknowledging how the customer feels. Dismissal may be filed under tone as well."""

from __future__ import annotations

from .core import Builder, Case

ACCEPT = {"empathy", "tone"}
TOPICS = {
    "problem": ("배터리가 빨리 닳는 건", "화면이 가끔 깜빡이는 건", "배송이 하루 늦어지는 건", "앱이 느려지는 건",
                "충전할 때 뜨거워지는 건"),
}
DISMISSAL = (
    "[problem] 원래 {그렇습니다|그래요}.",
    "[problem] 다들 {겪으십니다|겪으세요}.",
    "[problem] 별일 {아닙니다|아니에요}.",
    "[problem] 다른 분들도 다 그냥 {쓰십니다|쓰세요}.",
    "[problem] 그렇게 큰 문제가 {아닙니다|아니에요}.",
    "[problem] 어쩔 수 {없습니다|없어요}.",
)
HELPLESS = (
    "그건 저희도 어쩔 수가 {없습니다|없네요}.",
    "참 {안됐습니다|안됐네요}.",
    "운이 {나쁘셨습니다|나쁘셨네요}.",
    "참 딱하게 {되셨습니다|되셨네요}.",
    "그냥 참고 쓰시는 수밖에 {없습니다|없어요}.",
)
ACKNOWLEDGE = (
    "[problem2] 많이 {불편하셨겠습니다|불편하셨겠어요}.",
    "[problem2] 많이 {답답하셨겠습니다|답답하셨겠어요}.",
    "[problem2] 많이 {속상하셨겠습니다|속상하셨겠어요}.",
    "기다리시느라 많이 {힘드셨겠습니다|힘드셨겠어요}.",
    "그동안 불편을 드려 정말 {죄송합니다|죄송해요}.",
)
W = {**TOPICS, "problem2": ("배터리가 빨리 닳아서", "화면이 자꾸 깜빡여서", "배송이 늦어져서", "앱이 자꾸 멈춰서")}


# shrinking the size of what the customer feels (그 정도, 그거 하나, 고작, 그렇게) next to their feeling or complaint
MINIMIZING = (
    "고작 [n]분 늦은 걸로 화내시면 {곤란합니다|곤란해요}.",
    "그거 하나 때문에 {전화하셨습니까|전화하셨어요}?",
    "[small:이] 그렇게 {불편하십니까|불편하세요}?",
    "그 정도로 {항의하실 일은 아닙니다|항의하실 일은 아니에요}.",
    "겨우 [small:으로] {속상해하실 것까지는 없습니다|속상해하실 것까지는 없어요}.",
)
MIN_W = {"n": ("5", "10", "20"), "small": ("문자 한 통 늦은 것", "포장이 조금 구겨진 것", "색이 살짝 다른 것",
                                             "배송이 하루 늦은 것")}


def cases() -> list[Case]:
    b = Builder("empathy")
    b.mft("minimizing", MINIMIZING, MIN_W, True, limit=3, accept=ACCEPT)
    b.pairs("minimizing-vs-acknowledge", [
        ("[small:이] 그렇게 {불편하십니까|불편하세요}?", "[small:이] 많이 {불편하셨겠습니다|불편하셨겠어요}."),
        ("그 정도면 충분히 {쓰실 수 있습니다|쓰실 수 있어요}. 고작 그걸로 화내시면 {곤란합니다|곤란해요}.",
         "그 정도면 충분히 {쓰실 수 있습니다|쓰실 수 있어요}."),
    ], MIN_W, limit=2, accept=ACCEPT)
    b.mft("dismissal", DISMISSAL, W, True, limit=5, accept=ACCEPT)
    b.mft("helpless", HELPLESS, W, True, limit=1, accept=ACCEPT)
    b.mft("acknowledge", ACKNOWLEDGE, W, False, limit=4, accept=ACCEPT)
    b.pairs("dismissal-vs-acknowledge", [
        ("배터리가 빨리 닳는 건 원래 {그렇습니다|그래요}.",
         "배터리가 빨리 닳아서 많이 {불편하셨겠습니다|불편하셨겠어요}."),
        ("배송이 하루 늦는 건 별일 {아닙니다|아니에요}.",
         "배송이 하루 늦어져서 많이 {답답하셨겠습니다|답답하셨겠어요}."),
        ("그 정도 소음은 다들 그냥 {쓰십니다|쓰세요}.", "소음 때문에 많이 {신경 쓰이셨겠습니다|신경 쓰이셨겠어요}."),
        ("그건 어쩔 수 {없습니다|없어요}.", "속상하셨을 마음 충분히 {이해합니다|이해해요}."),
    ], W, limit=1, accept=ACCEPT)
    # a damage that happened (the customer's loss, acknowledge it) vs the same damage as what could happen (a
    # technical explanation or a warning): one morpheme apart, -었- against -ㄹ 수 있-
    b.pairs("happened-vs-possible", [
        ("[thing:이] {파손되었습니다|파손됐어요}. 새 상품으로 보내 {드리겠습니다|드릴게요}.",
         "[thing:이] 파손될 수 {있습니다|있어요}. 포장을 뜯기 전에 확인해 {주십시오|주세요}."),
        ("자석 때문에 카드 정보가 {훼손되었습니다|훼손됐어요}.",
         "자석 가까이에 두면 카드 정보가 훼손될 수 {있습니다|있어요}."),
    ], {"thing": ("상품", "유리 용기", "액자", "화분")}, limit=2, accept={"empathy"})
    # the hour being late (밤이 늦었네요) is not a delay the customer suffered
    b.pairs("delay-vs-late-hour", [
        ("[item:이] 많이 {늦었습니다|늦었어요}. 내일 도착합니다.",
         "벌써 밤이 {늦었습니다|늦었어요}. 나머지는 내일 이어서 도와드릴게요."),
        ("[item:이] 아직 안 {왔습니다|왔어요}. 내일 보내 드릴게요.",
         "시간이 {늦었습니다|늦었어요}. 조심히 들어가세요."),
    ], {"item": ("주문하신 책", "교환 상품", "환불금")}, limit=3, inv=False)
    # issue 9, the problem made normal by meaning: a normalizer with the customer's complaint taken up by 그 정도 /
    # 그만큼 (vs the same sentence telling a number), and the wait or fault called 기본 / 당연 / 흔한 일
    nw = {"norm": ("원래", "보통", "대부분", "다들"), "wait": ("걸려요", "밀려요", "기다리세요", "늦어져요"),
          "span": ("이틀", "사흘", "일주일", "3일"),
          "trouble": ("배송이 늦는", "접수가 밀리는", "답변이 늦어지는", "몇 주 기다리시는"),
          "judge": ("기본이에요", "당연해요", "흔해요", "흔한 일이에요")}
    b.pairs("normalized-vs-informed", [
        ("[norm] 그 정도는 [wait].", "[norm] [span] 정도 [wait]."),
        ("[norm] 그만큼은 [wait].", "[norm] [span]쯤 [wait]."),
    ], nw, limit=6, accept=ACCEPT)
    b.pairs("normalized-vs-acknowledged", [
        ("[trouble] 건 [judge].", "[trouble] 동안 많이 답답하셨죠. 바로 확인해 볼게요."),
    ], nw, limit=8, accept=ACCEPT)
    return b.cases
