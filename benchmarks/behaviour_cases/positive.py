"""positive: negative wording in refusals and bad news; silence on limitations, consequences, prohibitions,
benefits and on a refusal already followed by what can be done (아론슨 order)."""

from __future__ import annotations

from .core import Builder, Case
from .words import EVENTS, ITEMS, SERVICE_ALTERNATIVES, SHIPPING_CHANGES

W = {"svc|alt": SERVICE_ALTERNATIVES, "ship": SHIPPING_CHANGES, "item": ITEMS, "event": EVENTS}

REFUSALS = (
    "[svc:은] 안 {됩니다|돼요}.",
    "[svc:은] 해 드릴 수 {없습니다|없어요}.",
    "[svc:은] {불가능합니다|불가능해요}.",
    "죄송하지만 [svc:은] {불가합니다|불가해요}.",
    "저희가 [svc:을] 해 드릴 수는 {없습니다|없어요}.",
    "[svc:은] 못 해 {드립니다|드려요}.",
    "안타깝게도 [svc:은] 진행이 안 {됩니다|돼요}.",
    "지금은 [svc:이] 안 {됩니다|돼요}.",
    "[svc:은] 저희 쪽에서 처리할 수 {없습니다|없어요}.",
    "이미 출고되어서 [ship:은] 안 {됩니다|돼요}.",
)
NOT_ON_LIST = (  # refusals and bad news without the most common negative words
    "저희는 [svc:을] 따로 {진행하지 않습니다|진행하지 않아요}.",
    "[svc:은] 저희가 해 드리지 {않습니다|않아요}.",
    "[item:은] [svc2] 대상이 {아닙니다|아니에요}.",
    "지금은 무상 수리 기간이 {아닙니다|아니에요}.",
    "[svc:은] 저도 잘 {모르겠습니다|모르겠어요}.",
)
LIMITATIONS = (  # what a product or service cannot do, told as information
    "[mode]에서는 [func:을] 이용할 수 {없습니다|없어요}.",
    "이 모델은 [feature:을] {지원하지 않습니다|지원하지 않아요}.",
    "[mode]에서는 [func:이] 되지 {않습니다|않아요}.",
    "이 요금제로는 [func:을] 쓸 수 {없습니다|없어요}.",
)
CONSEQUENCES = (  # a condition with a negative result, told before a destructive step
    "기기를 초기화하면 저장된 [data:을] 되살릴 수 {없습니다|없어요}.",
    "앱을 삭제하시면 [data:을] 다시 볼 수 {없습니다|없어요}.",
    "회원 탈퇴를 하시면 [data:을] 복구할 수 {없습니다|없어요}.",
    "비밀번호를 다섯 번 틀리면 한 시간 동안 로그인할 수 {없습니다|없어요}.",
    "백업하지 않고 초기화하면 [data:이] 남지 {않습니다|않아요}.",
)
PROHIBITIONS = (  # safety and security
    "충전 중에는 기기가 물에 닿으면 안 {됩니다|돼요}.",
    "젖은 손으로 충전기를 만지시면 안 {됩니다|돼요}.",
    "인증 번호는 다른 사람에게 알려 주시면 안 {됩니다|돼요}.",
    "배터리가 부풀어 오른 상태에서는 충전하시면 안 {됩니다|돼요}.",
    "전원이 켜진 상태에서 배터리를 빼시면 안 {됩니다|돼요}.",
)
BENEFITS = (  # a negative that is good news for the customer
    "추가 요금은 {없습니다|없어요}.",
    "상대방은 고객님 번호를 볼 수 {없습니다|없어요}.",
    "다른 사람은 고객님 [data:을] 볼 수 {없습니다|없어요}.",
    "걱정하지 않으셔도 {됩니다|돼요}.",
    "배송비는 따로 받지 {않습니다|않아요}.",
    "[svc] 신청에는 수수료가 들지 {않습니다|않아요}.",
    "변경하셔도 기존 [data:은] 사라지지 {않습니다|않아요}.",
)
NEUTRAL = (  # words that look negative on the surface
    "주문하신 내용을 안내해 {드리겠습니다|드릴게요}.",
    "상품은 안전하게 포장해서 {보내 드리겠습니다|보내 드릴게요}.",
    "설정은 어렵지 않게 바꾸실 수 {있습니다|있어요}.",
    "놓치지 않도록 알림을 켜 {두겠습니다|둘게요}.",
    "결제는 문제없이 {완료되었습니다|완료됐어요}.",
    "[svc:은] 바로 {가능합니다|가능해요}.",
)
# A device or app operation told as what it cannot do, with the subject elided or the customer (-시-): the same
# frame with a service the company provides is a refusal. The pair differs in the noun's class only.
OPERATION_VS_SERVICE = (
    ("지금은 [svc2:이] {불가능합니다|불가능해요}.", "지금은 [op:이] {불가능합니다|불가능해요}."),
    ("이번 주문은 [svc2:은] 하실 수 {없습니다|없어요}.", "잠긴 폴더에서는 [op:은] 하실 수 {없습니다|없어요}."),
    ("이번 달에는 [perk:을] 받으실 수 {없습니다|없어요}.", "절전 모드에서는 [notice:을] 받으실 수 {없습니다|없어요}."),
)
OPERATIONS = (  # no mode or product named: the operation alone says it is the device's limitation
    "일부 앱에서는 [op:을] 할 수 {없습니다|없어요}.",
    "공유받은 [file:은] 삭제하실 수 {없습니다|없어요}.",
    "한 번에 두 대의 [gadget:을] 연결할 수 {없습니다|없어요}.",
    "기본 [file:이라서] 옮기실 수 {없습니다|없어요}.",
)
OTHERS_KEPT_OUT = (  # other people cannot see or reach the customer's things: good news
    "[other] 고객님 [data:을] 볼 수 {없습니다|없어요}.",
    "[other] 고객님 [data:에] 접근할 수 {없습니다|없어요}.",
    "[pair] 모두 고객님 [data:을] 볼 수 {없습니다|없어요}.",  # a bare subject with a floating quantifier
    "상대방은 고객님 번호를 볼 수 없고 [data:도] 알 수 {없습니다|없어요}.",  # the topic goes on to the next clause
    # 에 대해서도 is a case marker, not a clause; 고객님이 is the subject of the modifier clause only
    "[pair] 모두 고객님이 저장한 [data:에] 대해서도 알 수 {없습니다|없어요}.",
)
ARONSON = " 대신 [alt:은] 바로 도와{드리겠습니다|드릴게요}."
ARONSON2 = " 대신 [alt:은] {가능합니다|가능해요}."

EXTRA = {
    "svc2": ("교환", "환불", "무상 수리", "할인"),
    "mode": ("절전 모드", "비행기 모드", "어린이 모드", "게스트 모드", "방해 금지 모드"),
    "func": ("화면 녹화", "위치 공유", "음성 통화", "앱 설치", "모바일 핫스팟"),
    "feature": ("무선 충전", "메모리 카드", "듀얼 심", "얼굴 인식", "5G"),
    "data": ("사진", "대화 내용", "메모", "적립 포인트", "연락처"),
    "op": ("화면 캡처", "화면 녹화", "파일 이동", "공동 편집", "음성 녹음", "폴더 공유"),
    "perk": ("적립금", "할인 쿠폰", "사은품", "무료 배송 혜택"),
    "notice": ("알림", "푸시 알림", "메시지 알림", "업데이트 알림"),
    "file": ("앨범", "폴더", "파일", "메모", "문서"),
    "gadget": ("이어폰", "스피커", "키보드", "마우스", "워치"),
    "pair": ("판매자와 택배사", "상대방과 판매자", "택배 기사님과 판매자", "가족과 친구"),
    "other": ("가족들도", "다른 사람들은", "상대방도", "친구들도", "다른 가족 구성원도"),
}


BENEFIT_W = {"benefit": ("이 쿠폰", "적립금", "모바일 상품권", "이번 달 포인트"),
             "device": ("이 이어폰", "절전 모드", "태블릿 앱")}


def cases() -> list[Case]:
    b = Builder("positive")
    # a benefit the company grants, withheld, against a device's capability told as information
    b.pairs("benefit-vs-capability", [
        ("[benefit:은] 배달 주문에는 쓸 수 {없습니다|없어요}.", "[device:은] 통화 녹음을 할 수 {없습니다|없어요}."),
        ("[benefit:은] 다른 할인과 중복 사용이 {불가능합니다|불가능해요}.",
         "[device:은] 두 기기에 동시에 연결이 {불가능합니다|불가능해요}."),
    ], BENEFIT_W, limit=3)
    w = {**W, **EXTRA}
    b.mft("refusal", REFUSALS, w, True, limit=8)
    b.mft("refusal-unlisted", NOT_ON_LIST, w, True, limit=8)
    b.mft("limitation", LIMITATIONS, w, False, limit=8)
    b.mft("consequence", CONSEQUENCES, w, False, limit=5)
    b.mft("prohibition", PROHIBITIONS, w, False, limit=2)
    b.mft("benefit", BENEFITS, w, False, limit=5)
    b.mft("neutral", NEUTRAL, w, False, limit=5)
    # refusal vs the same refusal followed by what can be done (아론슨 order): the finding goes away
    b.pairs("aronson", [(r, r + a) for r in REFUSALS[:6] for a in (ARONSON, ARONSON2)], w, limit=3, test="DIR")
    b.pairs("service-vs-operation", OPERATION_VS_SERVICE, w, limit=4)
    # after a condition, a service withheld is still a refusal; a device function lost is a consequence
    b.pairs("conditional-refusal-vs-consequence", [
        ("앱을 지우시면 [svc2:이] {불가능합니다|불가능해요}.", "앱을 지우시면 [op:이] {불가능합니다|불가능해요}."),
        ("포장을 뜯으시면 [svc2:은] 안 {됩니다|돼요}.", "잠금을 켜시면 [op:은] 안 {됩니다|돼요}."),
    ], w, limit=4)
    b.mft("operation-limit", OPERATIONS, w, False, limit=5)
    b.mft("others-kept-out", OTHERS_KEPT_OUT, w, False, limit=5)
    # refusal by the agent vs the same fact as a consequence or a limitation
    b.pairs("refusal-vs-consequence", [
        ("사진은 되살려 {드릴 수 없습니다|드릴 수 없어요}.", "초기화하면 사진을 되살릴 수 {없습니다|없어요}."),
        ("[data:은] 복구해 {드릴 수 없습니다|드릴 수 없어요}.",
         "탈퇴하시면 [data:은] 복구할 수 {없습니다|없어요}."),
        ("[func:은] 켜 {드릴 수 없습니다|드릴 수 없어요}.", "[mode]에서는 [func:을] 켤 수 {없습니다|없어요}."),
    ], w, limit=5)
    # a mode or a plan that stops calls and messages is the device's limit; the agent not taking a call is not
    b.pairs("refusal-vs-mode-signal", [
        ("지금은 상담 [sig:을] 받을 수 {없습니다|없어요}.", "[mode]에서는 [sig:을] 받을 수 {없습니다|없어요}."),
        ("저희가 [sig:은] 보내 드릴 수 {없습니다|없어요}.", "[mode]에서는 [sig:을] 보낼 수 {없습니다|없어요}."),
    ], {"sig": ("전화", "문자", "메시지"), "mode": ("비행기 모드", "절전 모드", "수면 모드", "운전 모드")}, limit=3)
    # an action aimed at a device (기기에, 태블릿에는) is the device's limit; the same verb as our service is a refusal
    b.pairs("service-vs-device-goal", [
        ("고객님 계정에 [benefit:을] 넣어 드릴 수 {없습니다|없어요}.",
         "[gadget]에는 [part:을] 넣을 수 {없습니다|없어요}."),
        ("[benefit:은] 다시 보내 드릴 수 {없습니다|없어요}.", "두 [gadget]에 동시에 [link]할 수 {없습니다|없어요}."),
    ], {"benefit": ("쿠폰", "적립금", "상품권"), "gadget": ("이 태블릿", "이 휴대폰", "이 노트북", "이 기기"),
        "part": ("유심", "메모리 카드", "보조 배터리"), "link": ("페어링", "미러링", "로그인")}, limit=3)
    # what a device setting does not allow (게스트 모드에서는 … 진행할 수 없어요) vs the agent withholding a service
    b.pairs("service-vs-setting", [
        ("[svc3:은] 저희가 해 드릴 수 {없습니다|없어요}.", "[setting]에서는 [op3:을] 할 수 {없습니다|없어요}."),
        ("[svc3:은] 오늘 처리해 드리기 {어렵습니다|어려워요}.",
         "[setting]에서는 [op3:을] 확인할 수 {없습니다|없어요}."),
    ], {"svc3": ("환불", "교환", "재발송"), "setting": ("게스트 모드", "잠금 화면", "오프라인 상태", "어린이 모드"),
        "op3": ("결제", "위치 정보", "알림 내용", "설정 변경")}, limit=3)
    # issue 9, refusals without the listed words: the agent's side declining any service verb (저희 + -지 않다 /
    # -어 드리지 못하다) against the same frame whose subject is a device (a limitation) or a promise of protection
    aw = {"shop": ("저희 매장", "저희 센터", "저희 지점", "저희 쪽"),
          "goods": ("가죽 소파", "겨울 외투", "중고 노트북", "수입 시계"),
          "vt": ("수선하", "수거하", "맡아 드리", "배달해 드리", "대여해 드리", "포장해 드리"),
          "gadget": ("이 청소기", "이 태블릿", "구형 프린터", "이 이어폰"),
          "op": ("인식하", "충전하", "연결하", "지원하"),
          "secret": ("비밀번호", "인증번호", "카드 번호", "계좌 비밀번호")}
    b.pairs("agent-declines-vs-device", [
        ("[shop:은] [goods:을] [vt]지 {않습니다|않아요}.", "[gadget:은] 이 케이블을 [op]지 {않습니다|않아요}."),
        ("[shop:은] [goods:을] [vt]지 {못합니다|못해요}.", "[gadget:은] 이 케이블을 [op]지 {못합니다|못해요}."),
    ], aw, limit=5)
    b.pairs("agent-declines-vs-protection", [
        ("[shop:은] 고객님 [goods:을] [vt]지 {않습니다|않아요}.",
         "[shop:은] 고객님 [secret:을] 절대 묻지 {않습니다|않아요}."),
    ], aw, limit=5)
    # 불가 + copula, also with the slip 불가에요: a service withheld vs a device's capability
    b.pairs("bulga-copula-service-vs-capability", [
        ("[item:은] [svc2] {불가입니다|불가에요}.", "[gadget:은] [feature] {불가입니다|불가에요}."),
        ("[item:은] [svc2] {불가입니다|불가예요}.", "[gadget:은] [feature] {불가입니다|불가예요}."),
    ], {**w, "gadget": ("이 모델", "구형 기기", "이 태블릿")}, limit=4)
    # 아론슨 order by clause relation: what can be done, then the refusal, ends on the refusal; the mirror ends well
    ow = {"ok": ("카드 할부", "택배 반품", "온라인 접수", "부분 환불", "매장 픽업"),
          "no": ("현금 할부", "방문 수거", "전화 접수", "전액 환불", "당일 배송")}
    b.pairs("refusal-last-vs-first", [
        ("[ok:은] {되지만|되는데} [no:은] {어렵습니다|어려워요}.",
         "[no:은] {어렵지만|어려운데} [ok:은] {됩니다|돼요}."),
        ("[ok:은] 가능하지만 [no:은] 해 드릴 수 {없습니다|없어요}.",
         "[no:은] 해 드릴 수 없지만 [ok:은] {가능합니다|가능해요}."),
        ("[ok:은] {가능하고요|가능하고}, [no:은] 받지 {않습니다|않아요}.",
         "[no:은] 받지 않지만 [ok:은] {가능합니다|가능해요}."),
    ], ow, limit=5, test="DIR")
    return b.cases
