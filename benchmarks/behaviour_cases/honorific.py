"""honorific: -시- on a predicate whose subject is not a person (사물 존칭) on every predicate class — verbs,
adjectives, 이다, 되다 and passives, under negation — and -실게요; never -시- whose subject is the customer or
a person, nor 간접 높임 of what belongs to the customer (말씀이 맞으세요, 궁금하신 점이 있으시면)."""

from __future__ import annotations

from .core import Builder, Case
from .words import PERSONS

# (bad, good): the same sentence with and without -시- on a thing's predicate
VERB_PAIRS = (
    ("주문하신 [drink] {나오셨습니다|나오셨어요}.", "주문하신 [drink] {나왔습니다|나왔어요}."),
    ("[product:이] 오늘 {도착하셨습니다|도착하셨어요}.", "[product:이] 오늘 {도착했습니다|도착했어요}."),
    ("[product:은] 내일 {출발하십니다|출발하세요}.", "[product:은] 내일 {출발합니다|출발해요}."),
    ("문자가 {가셨습니다|가셨어요}.", "문자가 {갔습니다|갔어요}."),
    ("새 모델이 다음 달에 {나오십니다|나오세요}.", "새 모델이 다음 달에 {나옵니다|나와요}."),
)
PASSIVE_PAIRS = (
    ("[thing:이] {완료되셨습니다|완료되셨어요}.", "[thing:이] {완료되었습니다|완료됐어요}."),
    ("[thing:이] 정상적으로 {접수되셨습니다|접수되셨어요}.", "[thing:이] 정상적으로 {접수되었습니다|접수됐어요}."),
    ("포인트가 [n]점 {적립되셨습니다|적립되셨어요}.", "포인트가 [n]점 {적립되었습니다|적립됐어요}."),
    ("변경 내용이 바로 {반영되십니다|반영되세요}.", "변경 내용이 바로 {반영됩니다|반영돼요}."),
    ("[product:은] 어제 {발송되셨습니다|발송되셨어요}.", "[product:은] 어제 {발송되었습니다|발송됐어요}."),
)
NEGATED_PAIRS = (
    ("결제가 아직 안 {되셨습니다|되셨어요}.", "결제가 아직 안 {되었습니다|됐어요}."),
    ("[thing:이] 아직 {완료되지 않으셨습니다|완료되지 않으셨어요}.",
     "[thing:이] 아직 {완료되지 않았습니다|완료되지 않았어요}."),
    ("이 제품은 방수가 안 {되십니다|되세요}.", "이 제품은 방수가 안 {됩니다|돼요}."),
)
ADJECTIVE_PAIRS = (
    ("[item:은] 색상이 {화사하십니다|화사하세요}.", "[item:은] 색상이 {화사합니다|화사해요}."),
    ("[item:은] 용량이 {넉넉하십니다|넉넉하세요}.", "[item:은] 용량이 {넉넉합니다|넉넉해요}."),
    ("[item:은] 가격이 {저렴하십니다|저렴하세요}.", "[item:은] 가격이 {저렴합니다|저렴해요}."),
    ("[item:은] 무게가 {가벼우십니다|가벼우세요}.", "[item:은] 무게가 {가볍습니다|가벼워요}."),
    ("[item:은] 소재가 {부드러우십니다|부드러우세요}.", "[item:은] 소재가 {부드럽습니다|부드러워요}."),
    ("[item:은] 사이즈가 조금 {작으십니다|작으세요}.", "[item:은] 사이즈가 조금 {작습니다|작아요}."),
)
COPULA_PAIRS = (
    ("총 금액은 [price]{이십니다|이세요}.", "총 금액은 [price:이에요]."),
    ("[item:은] 지금 {품절이십니다|품절이세요}.", "[item:은] 지금 {품절입니다|품절이에요}."),
    ("계산대는 {저쪽이십니다|저쪽이세요}.", "계산대는 {저쪽입니다|저쪽이에요}."),
    ("[item:은] 이번 시즌 {신상품이십니다|신상품이세요}.", "[item:은] 이번 시즌 {신상품입니다|신상품이에요}."),
    ("배송비는 [price]{이십니다|이세요}.", "배송비는 [price:이에요]."),
)
EXISTENCE_PAIRS = (  # 있으시다 / 가능하시다 / 되시다 said of things and situations
    ("찾으시는 [goods:은] 이쪽에 {있으십니다|있으세요}.", "찾으시는 [goods:은] 이쪽에 {있습니다|있어요}."),
    ("이 카드는 할부가 {가능하십니다|가능하세요}.", "이 카드는 할부가 {가능합니다|가능해요}."),
    ("이쪽으로 오시면 {되십니다|되세요}.", "이쪽으로 오시면 {됩니다|돼요}."),
    ("[item:은] 세탁기 사용이 {가능하십니다|가능하세요}.", "[item:은] 세탁기 사용이 {가능합니다|가능해요}."),
)
SIGEYO_PAIRS = (  # -실게요: the agent's promise form used as a request to the customer
    ("이쪽으로 {앉으실게요|앉으실게요}.", "이쪽으로 {앉으시겠습니까|앉으시겠어요}?"),
    ("잠시만 {기다리실게요|기다리실게요}.", "잠시만 기다려 {주시겠습니까|주시겠어요}?"),
    ("신분증 먼저 {보여 주실게요|보여 주실게요}.", "신분증 먼저 보여 {주시겠습니까|주시겠어요}?"),
    ("여기에 서명해 {주실게요|주실게요}.", "여기에 서명해 {주시겠습니까|주시겠어요}?"),
)
# the same predicate with -시- whose subject is a person: correct
PERSON_SUBJECT = (
    "[person:께서] 오늘 {도착하셨습니다|도착하셨어요}.",
    "[person:께서] 직접 {확인하셨습니다|확인하셨어요}.",
    "[person:께서] 곧 {연락하실 겁니다|연락하실 거예요}.",
    "[person:이] 많이 {기다리셨습니다|기다리셨어요}.",
    "[person:은] 지금 매장에 {계십니다|계세요}.",
)
INDIRECT = (  # 간접 높임: what belongs to the customer — correct Korean
    "고객님 말씀이 {맞으십니다|맞으세요}.",
    "궁금하신 점이 있으시면 언제든 말씀해 {주십시오|주세요}.",
    "시간이 괜찮으시면 내일 다시 {연락드리겠습니다|연락드릴게요}.",
    "불편하신 점이 있으셨다면 {죄송합니다|죄송해요}.",
    "고객님께서 주문하신 [product:이] 오늘 {출발했습니다|출발했어요}.",
    "고객님께서 말씀하신 부분 {확인했습니다|확인했어요}.",
    "주소를 바꾸고 싶으시면 말씀해 {주십시오|주세요}.",
    "걱정이 많으셨겠습니다.",
)
FALSE_HELP = (  # 도와드리다 where the agent does it all
    ("결제 {도와드리겠습니다|도와드릴게요}.", "결제해 {드리겠습니다|드릴게요}."),
    ("포장 {도와드리겠습니다|도와드릴게요}.", "포장해 {드리겠습니다|드릴게요}."),
    ("계산 {도와드리겠습니다|도와드릴게요}.", "계산해 {드리겠습니다|드릴게요}."),
)

W = {
    "drink": ("아메리카노", "커피", "라떼", "음료", "케이크", "주스"),
    "product": ("주문하신 상품", "교환 상품", "신청하신 카드", "보내 드린 택배", "요청하신 서류"),
    "thing": ("환불", "주문 취소", "회원 가입", "결제", "배송지 변경", "예약"),
    "item": ("이 상품", "이 가방", "이 모델", "흰색 셔츠", "이 패딩"),
    "goods": ("가방", "운동화", "흰색 셔츠", "겨울 이불", "우산"),
    "price": ("5만 원", "3만 2천 원", "12,000원", "8천 원"),
    "n": ("500", "1,000", "300"),
    "person": PERSONS,
}


# -시- on predicates outside any list (passive -어지다, motion, change of state, adjectives), thing subject vs person
CLAUSE_PAIRS = (
    ("[vehicle] 출발이 [n]분 {늦춰지셨습니다|늦춰지셨어요}.", "[vehicle] 출발이 [n]분 {늦춰졌습니다|늦춰졌어요}."),
    ("보내 주신 [file:이] 담당 팀에 {넘어가셨습니다|넘어가셨어요}.",
     "보내 주신 [file:이] 담당 팀에 {넘어갔습니다|넘어갔어요}."),
    ("[box:이] 생각보다 {크십니다|크세요}.", "[box:이] 생각보다 {큽니다|커요}."),
    ("[box:이] 물에 {젖으셨습니다|젖으셨어요}.", "[box:이] 물에 {젖었습니다|젖었어요}."),
)
CLAUSE_W = {"vehicle": ("부산행 기차", "제주행 비행기", "공항버스"), "n": ("10", "30", "40"),
            "file": ("사진", "서류", "영수증 사본"), "box": ("택배 상자", "보내 드린 가방", "새 휴대폰")}


def cases() -> list[Case]:
    b = Builder("honorific")
    b.pairs("clause-subject", CLAUSE_PAIRS, CLAUSE_W, limit=3)
    b.mft("clause-person", ("담당 기사님이 곧 {도착하십니다|도착하세요}.", "기분이 많이 {상하셨겠습니다|상하셨겠어요}.",
                            "케이스 홈이 맞도록 휴대폰을 눌러 {끼우십시오|끼우세요}."), CLAUSE_W, False, limit=1)
    b.pairs("verb", VERB_PAIRS, W, limit=4)
    b.pairs("passive", PASSIVE_PAIRS, W, limit=4)
    b.pairs("negated", NEGATED_PAIRS, W, limit=4)
    b.pairs("adjective", ADJECTIVE_PAIRS, W, limit=4)
    b.pairs("copula", COPULA_PAIRS, W, limit=4)
    b.pairs("existence", EXISTENCE_PAIRS, W, limit=3)
    b.pairs("sigeyo", SIGEYO_PAIRS, W, limit=1)
    b.pairs("false-help", FALSE_HELP, W, limit=1, inv=False)
    b.mft("person-subject", PERSON_SUBJECT, W, False, limit=5)
    b.mft("indirect", INDIRECT, W, False, limit=3)
    # subject class decides: the same predicate with a thing and with a person as its subject
    b.pairs("subject-class", [
        ("[product:이] {도착하셨습니다|도착하셨어요}.", "[person:께서] {도착하셨습니다|도착하셨어요}."),
        ("[product:이] 지금 {출발하십니다|출발하세요}.", "[person:께서] 지금 {출발하십니다|출발하세요}."),
        ("[drink:이] 금방 {나오십니다|나오세요}.", "[person:께서] 금방 {나오십니다|나오세요}."),
    ], W, limit=6, inv=False)
    # -시- of the customer as the one who sees or hears (안 보이시면, 잘 들리세요?) against -시- on a thing that acts
    b.pairs("experiencer-vs-thing", [
        ("[control:이] 화면에서 {사라지셨습니다|사라지셨어요}.",
         "화면에 [control:이] 안 보이시면 앱을 다시 열어 {주십시오|주세요}."),
        ("[sound:이] 갑자기 {바뀌셨습니다|바뀌셨어요}.", "[sound:이] 잘 안 들리시면 음량을 올려 {주십시오|주세요}."),
    ], {"control": ("저장 버튼", "쿠폰 칸", "잠금 아이콘", "알림 표시"),
        "sound": ("안내 음성", "알림 소리", "벨 소리")}, limit=3)
    # a person with 께서 or -님 is a person, whatever the verb (오시지 않아도, 오시면)
    b.mft("honoured-person", [
        "[family:께서] 직접 오시지 않아도 {됩니다|돼요}.",
        "[family:께서] 오시면 [doc:만] 있으면 {됩니다|돼요}.",
        "설치 기사님이 오시면 현관 비밀번호만 알려 주시면 {됩니다|돼요}.",
    ], {"family": ("어머님", "아버님", "할머님", "따님", "보호자분"),
        "doc": ("신분증", "가족관계증명서", "위임장")}, False, limit=3)
    # -셔도 돼요 grants the customer leave: its -시- is the customer's; -기에 closes a reason clause of its own
    b.pairs("thing-vs-permission", [
        ("[cloth:은] 여러 번 빨아도 색이 잘 안 {바래십니다|바래세요}.",
         "[cloth:은] 세탁기에 돌리셔도 {괜찮습니다|괜찮아요}."),
        ("[cloth:이] 생각보다 {두꺼우십니다|두꺼우세요}.",
         "[family:께서] 입으시기에 [cloth:이] 조금 {두껍습니다|두꺼워요}."),
    ], {"cloth": ("이 니트", "이 패딩", "이 셔츠"), "family": ("어머님", "아버님", "할머님")}, limit=3, inv=False)
    # how one helps (전화로 도와드릴게요) is not the agent's task named; a feeling under -지 않다 is still a person's;
    # 예약 없이 오시면: the noun says how the customer comes
    b.pairs("task-vs-means", [
        ("지금 바로 [task] {도와드리겠습니다|도와드릴게요}.",
         "앱 사용이 어려우시면 [means:으로] {도와드리겠습니다|도와드릴게요}."),
    ], {"task": ("환불", "포장", "해지"), "means": ("전화", "영상 통화", "원격 접속")}, limit=3, inv=False)
    b.mft("person-not-thing", [
        "받으신 [item] 사이즈가 맞지 않으시면 바꿔 {드리겠습니다|드릴게요}.",
        "[item] 색상이 마음에 들지 않으시면 다른 색으로 보내 {드리겠습니다|드릴게요}.",
        "[how] 오시면 조금 기다리실 수도 {있습니다|있어요}.",
    ], {"item": ("운동화", "셔츠", "원피스"), "how": ("예약 없이", "가족과 같이", "친구와 함께")}, False, limit=3)
    # a modifier clause that is the predicate (-실 예정이다, -실 수 있다, -실 것 같다) has the sentence's subject
    b.pairs("modifier-predicate", [
        ("[goods:은] 다음 주에 {입고되실 예정입니다|입고되실 예정이에요}.",
         "[goods:은] 다음 주에 {입고될 예정입니다|입고될 예정이에요}."),
        ("[goods:이] 하루 {늦어지실 수 있습니다|늦어지실 수 있어요}.",
         "[goods:이] 하루 {늦어질 수 있습니다|늦어질 수 있어요}."),
        ("[goods:이] 오늘 안에 {도착하실 것 같습니다|도착하실 것 같아요}.",
         "[goods:이] 오늘 안에 {도착할 것 같습니다|도착할 것 같아요}."),
    ], {"goods": ("주문하신 상품", "새로 발급한 카드", "교환 제품", "보내 드린 서류")}, limit=3)
    b.mft("modifier-person", [
        "[who:은] 내일 오후에 {받으실 예정입니다|받으실 예정이에요}.",
        "[who:도] 신분증만 있으면 대신 {찾아가실 수 있습니다|찾아가실 수 있어요}.",
        "주문하신 [goods:은] 내일 {도착합니다|도착해요}.",
    ], {"who": ("고객님", "어머님", "보호자분"), "goods": ("것", "상품", "책")}, False, limit=3)
    # 계시다 is 있다 said of a person: a thing's resultative state takes 있다 (구성되어 있어요)
    b.pairs("existence-of-a-thing", [
        ("[thing:은] [place] {들어 계십니다|들어 계세요}.", "[thing:은] [place] {들어 있습니다|들어 있어요}."),
        ("[thing:은] 세 부분으로 {나뉘어 계십니다|나뉘어 계세요}.",
         "[thing:은] 세 부분으로 {나뉘어 있습니다|나뉘어 있어요}."),
    ], {"thing": ("설명서", "사은품", "보증서", "충전 케이블"),
        "place": ("상자 안에", "봉투에", "맨 아래 칸에")}, limit=3)
    b.mft("existence-of-a-person", [
        "편하게 {앉아 계십시오|앉아 계세요}.",
        "[who:은] 지금 [room:에] {계십니다|계세요}.",
        "잠시만 그 자리에서 {기다리고 계십시오|기다리고 계세요}.",
    ], {"who": ("원장님", "담당 선생님", "점장님"), "room": ("진료실", "사무실", "창구")}, False, limit=3)
    # issue 9: money and parcels move by themselves; as a topic before a motion verb with -시- they are its subject
    # (사물 존칭), and the pair differs in -시- only. The same topic before a verb the customer does is an object.
    mw = {"money": ("이번 달 보험료", "관리비", "할부금", "환불 금액", "적립금", "자동이체 요금"),
          "hon|plain": (("빠져나가셨어요", "빠져나갔어요"), ("넘어가셨어요", "넘어갔어요"),
                        ("들어오셨어요", "들어왔어요"), ("빠져나가실 거예요", "빠져나갈 거예요"),
                        ("넘어가세요", "넘어가요")),
          "when": ("어제", "지난주 금요일에", "오늘 오전에", "매달 말일에")}
    b.pairs("money-moves-itself", [("[money:은] [when] [hon].", "[money:은] [when] [plain].")], mw, limit=10,
            accept={"honorific", "simple"})
    b.mft("money-as-object", ("[money:은] [when] 앱에서 {확인하실 수 있습니다|확인하실 수 있어요}.",
                              "[money:은] [when]까지 {납부해 주십시오|납부해 주세요}."), mw, False, limit=4,
          accept={"request", "cushion", "simple"})
    return b.cases
