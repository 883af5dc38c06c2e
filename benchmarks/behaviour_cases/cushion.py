"""cushion: a refusal or a request for the customer's effort with no cushion phrase (쿠션어)."""

from __future__ import annotations

from .core import Builder, Case
from .words import DOCUMENTS, SERVICE_ALTERNATIVES

W = {
    "svc|alt": SERVICE_ALTERNATIVES, "doc": DOCUMENTS,
    "refuse_cushion": ("죄송하지만", "정말 죄송하지만", "죄송합니다만", "아쉽지만", "대단히 죄송하지만"),
    "ask_cushion": ("번거로우시겠지만", "죄송하지만", "괜찮으시다면", "바쁘시겠지만", "불편하시겠지만",
                    "번거로우시더라도"),
}
REFUSALS = (
    "[svc:은] 해 드리기 {어렵습니다|어려워요}.",
    "[svc:은] 안 {됩니다|돼요}.",
    "[svc:은] 해 드릴 수 {없습니다|없어요}.",
    "지금은 [svc:이] {어렵습니다|어려워요}.",
)
REQUESTS = (
    "[doc:을] 다시 보내 {주시겠습니까|주시겠어요}?",
    "[doc:을] 한 번 더 확인해 {주시겠습니까|주시겠어요}?",
    "매장에 한 번 방문해 {주시겠습니까|주시겠어요}?",
    "앱을 지웠다가 다시 설치해 {주시겠습니까|주시겠어요}?",
    "[doc:을] 메일로 보내 주시면 {감사하겠습니다|감사하겠어요}.",
    "상품을 택배 상자에 다시 넣어 {주시겠습니까|주시겠어요}?",
)


def cases() -> list[Case]:
    b = Builder("cushion")
    b.mft("refusal", REFUSALS, W, True, limit=8)
    b.mft("request", REQUESTS, W, True, limit=6)
    b.pairs("refusal+cushion", [(r, "[refuse_cushion] " + r) for r in REFUSALS], W, limit=8, test="DIR")
    b.pairs("request+cushion", [(r, "[ask_cushion] " + r) for r in REQUESTS], W, limit=6, test="DIR")
    b.mft("with-cushion", ["[refuse_cushion] " + r for r in REFUSALS] + ["[ask_cushion] " + r for r in REQUESTS],
          W, False, limit=4)
    # 아론슨 order: a refusal followed by what can be done is not flagged for a missing cushion
    b.mft("aronson", [r + " 대신 [alt:은] 바로 {가능합니다|가능해요}." for r in REFUSALS[:3]], W, False, limit=5)
    # the same "once more" on a screen control is a step, not a favour: the verb's class decides
    b.pairs("favour-vs-step", [
        ("[doc:을] 한 번 더 보내 {주시겠습니까|주시겠어요}?", "[control:을] 한 번 더 눌러 {주시겠습니까|주시겠어요}?"),
        ("[doc:을] 한번 더 보내 {주시겠습니까|주시겠어요}?", "[control:을] 한번 더 탭해 {주시겠습니까|주시겠어요}?"),
    ], {**W, "control": ("잠금 아이콘", "알림 스위치", "저장 버튼", "필터 버튼", "전원 버튼")}, limit=5)
    b.mft("no-effort", [  # replies that ask nothing and refuse nothing
        "주문하신 상품은 오늘 {출발했습니다|출발했어요}.",
        "[doc:은] 잘 {받았습니다|받았어요}.",
        "[svc:은] 바로 {처리해 드리겠습니다|처리해 드릴게요}.",
    ], W, False, limit=4)
    # asking the customer to tell us something (알려 주세요) or leaving a choice open (-셔도 됩니다) is no chore
    b.pairs("chore-vs-telling", [
        ("[doc:을] 다시 보내 {주십시오|주세요}.", "[info:을] 알려 {주십시오|주세요}."),
        ("내일 다시 전화 {주십시오|주세요}.", "편하실 때 전화 주셔도 {됩니다|돼요}."),
        ("매장으로 직접 방문해 {주십시오|주세요}.", "시간이 안 되시면 내일 연락 주셔도 {됩니다|돼요}."),
    ], {**W, "info": ("주문 번호", "받으실 주소", "연락 가능한 번호", "원하시는 날짜")}, limit=3, inv=False)
    # what the customer already did (전화 주셨다고, 연락 주셨네요) is no request
    b.pairs("request-vs-done", [
        ("내일 다시 전화 {주십시오|주세요}.",
         "어제 매장으로 전화 {주셨습니다|주셨어요}. 확인해 보니 주문은 정상입니다."),
        ("[doc:을] 다시 보내 {주십시오|주세요}.", "[doc:을] 보내 {주셨습니다|주셨어요}. 잘 받았습니다."),
    ], W, limit=3, inv=False)
    # pointing at the customer's slip vs the agent owning the mistake
    b.pairs("their-slip-vs-our-slip", [
        ("[field:을] 잘못 {적으셨습니다|적으셨어요}.",
         "저희가 [field:을] 잘못 {적었습니다|적었어요}. 바로 고쳐 드릴게요."),
        ("그건 잘못 {누르신 겁니다|누르신 거예요}.", "제가 [field:을] 잘못 안내해 {드렸습니다|드렸어요}."),
    ], {"field": ("주소", "연락처", "배송 날짜")}, limit=3, inv=False)
    return b.cases
