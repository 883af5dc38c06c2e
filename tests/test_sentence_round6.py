"""Issue 9, round 6: classes the sentence layer read wrong, each with the minimal pair that must keep its finding.

- an elided subject of a -시- verb before -ㄹ 거예요 / -ㄹ 예정이다 is the customer (쓰실 거예요), not a thing;
- the customer's own hardship (-시- inside 못/안/-지 않다, then the past or a reason) is no refusal of ours;
- what we never do to keep the customer safe (credentials, links) and what the law forbids are prohibitions;
- a self-service step locked for a stated time is information (consequence / limitation), not a refusal;
- a person after a -시- modifier (오시는 분들) and a time topic (내일은 … 오세요) are no 사물 존칭;
- goods as the topic of an arrival verb with -세요 (운동화는 … 들어오세요) are 사물 존칭, not an order.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from cs_coach import Coach
from cs_coach.analyze import analyze
from cs_coach.sentences import understand


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach()


def categories(coach: Coach, text: str) -> set[str]:
    category_of = {c.id: c.rule.category for c in coach.ruleset.rules}
    return {c for f in coach.check(text).findings for c in (f.category, *(category_of[r] for r in f.also))}


def act_of(text: str) -> str:
    sentences = analyze(text).sentences
    assert len(sentences) == 1
    return understand(sentences[0]).act


TONE = {"positive", "honorific", "request", "tone", "policy", "blame", "alternative", "cushion"}

# (bad, good): the good one differs in the class under test and must carry no tone finding; the bad one must
# keep the named category.
PAIRS = [
    # -시- verb before -ㄹ 거예요 with no written subject: the customer; a goods subject keeps 사물 존칭
    ("honorific", "새 운동화는 내일 다시 들어오실 거예요.", "그 정도 용량이면 한 달은 넉넉히 쓰실 거예요."),
    ("honorific", "주문하신 의자는 모레 도착하실 거예요.", "지금 주문하시면 모레쯤 받으실 거예요."),
    ("honorific", "새 컬러는 다음 달에 나오실 예정이에요.", "매장 주차장이 넓어서 편하게 가실 거예요."),
    # the customer's hardship vs the customer told what they cannot do
    ("positive", "이번 달에는 포인트를 못 받으세요.", "주문하신 책을 아직 못 받으셨다니 많이 답답하셨겠어요."),
    ("positive", "이 쿠폰은 쓰실 수 없어요.", "쿠폰을 쓰지 못하셔서 속상하셨겠어요."),
    ("positive", "그건 저희가 못 해 드려요.", "원하시던 날짜에 예약을 못 하셨다니 많이 아쉬우시겠어요."),
    ("positive", "고객님은 이 카드로 결제 못 하세요.", "이틀이나 앱을 이용하지 못하셨다니 정말 죄송합니다."),
    # protection: credentials and links vs an ordinary thing we do not send
    ("positive", "저희는 영수증을 따로 보내지 않아요.", "저희는 문자로 결제 링크를 보내지 않아요."),
    ("positive", "비밀번호는 알려 드릴 수 없습니다.", "저희 직원은 어떤 경우에도 인증번호를 묻지 않습니다."),
    ("positive", "주말에는 발송하지 않습니다.", "고객님의 카드 번호는 저희 쪽에 저장하지 않습니다."),
    # law vs a service cited on a law
    ("positive", "법에 따라 환불은 불가합니다.", "관련 법에 따라 처방전 없이는 이 약을 판매하지 않습니다."),
    ("positive", "이 상품은 교환이 불가능합니다.", "청소년에게는 담배를 팔지 않습니다."),
    # a self-service step locked for a time vs a service withheld for a time
    ("positive", "3일 동안은 교환이 안 됩니다.", "탈퇴 후 30일 동안은 같은 아이디로 다시 가입할 수 없어요."),
    ("positive", "일주일 동안 배송이 안 됩니다.", "한 번 변경하신 닉네임은 일주일 동안 바꿀 수 없어요."),
    # a person after a -시- modifier, a time topic
    ("honorific", "찾으시는 상품은 다음 주에 들어오세요.", "처음 오시는 분들은 안내 데스크에서 번호표를 받아 주세요."),
    ("honorific", "내일은 새 상품이 들어오세요.", "내일은 9시까지 오세요."),
    # a refusal ending on a bare 힘들다 / cause + 없다 / a negated modifier of a menu or place, vs its good twin
    ("positive", "일정이 꽉 차서 이번 주 설치는 힘듭니다.",
     "일정이 꽉 차서 이번 주 설치는 힘들지만 다음 주 월요일은 바로 돼요."),
    ("positive", "그 향은 단종돼서 이제 없어요.", "오래 기다리시느라 많이 힘드셨죠."),
    ("positive", "이 쿠폰은 못 쓰는 메뉴예요.", "이 폰은 무선 충전이 안 되는 모델이에요."),
    ("positive", "외부 음식 반입은 허가되지 않습니다.", "빈 벽 앞에서는 파노라마 촬영이 힘듭니다."),
    # the customer's device made the cause vs helping with it
    ("blame", "그건 고객님 공유기 문제예요.", "고객님 공유기 문제가 풀릴 때까지 제가 도와드릴게요."),
    ("blame", "설명서를 안 읽어 보신 것 같아요.", "안내 문자를 못 받으신 것 같아요. 바로 다시 보내 드릴게요."),
    # a thing that does not change after the customer's -셔도
    ("honorific", "이 셔츠는 건조기에 돌리셔도 줄어들지 않으세요.", "이 셔츠는 건조기에 돌리셔도 줄어들지 않아요."),
    # 계시다 of a thing (a bare noun before a place word) vs of a person
    ("honorific", "손님, 잔돈 여기 계십니다.", "손님, 점장님 여기 계십니다."),
    # our own staff raised before the customer vs the customer's side
    ("honorific", "저희 점장님께서 내일 직접 전화 주실 거예요.", "어머님께서 내일 직접 오셔도 돼요."),
    # nothing left to say or do vs something to say; a colleague blamed vs a colleague's mistake owned
    ("empathy", "저도 더 드릴 말씀이 없네요.", "고객님께 드릴 말씀이 있어서 연락드렸어요."),
    ("blame", "예전 담당자가 잘못 처리한 거라서 저는 잘 몰라요.",
     "예전 담당자가 잘못 처리한 것 같아요. 정말 죄송합니다."),
    # seats filled, stock gone vs a battery filled; a withheld discount vs one replaced by what we did instead
    ("positive", "이번 주 토요일은 예약이 벌써 다 찼어요.", "배터리가 벌써 다 찼어요."),
    ("positive", "그 색은 물량이 한 개도 안 남았어요.",
     "이 쿠폰은 다른 할인과 같이 쓰실 수 없어서, 할인 폭이 큰 쪽으로 먼저 적용해 드렸어요."),
    # -세요 of another person describes them; 본인 is the customer spoken to
    ("request", "본인이 직접 지점에 방문하십시오.", "담당 원장님은 오늘 오후 진료만 하세요."),
    # counterfactual blame with a settled past result, 제 알 바 아니에요; the normal made a product
    ("blame", "배송지를 먼저 확인하셨으면 반송될 일도 없었죠.", "다음에는 배송지를 한 번 더 보시면 더 편하실 거예요."),
    ("blame", "그건 제 알 바 아니에요.", "제가 아는 바로는 내일 도착해요."),
    ("empathy", "그건 원래 그런 기계예요.", "이 기계는 원래 조용해서 밤에 쓰시기 좋아요."),
    # a person away from the desk is no lack of seats; a service not done is
    ("positive", "이번 주는 방문 수리는 하지 않습니다.", "담당자는 지금 자리에 없습니다. 돌아오는 대로 전화드릴게요."),
]


@pytest.mark.parametrize(("category", "bad", "good"), PAIRS, ids=[g for _, _, g in PAIRS])
def test_minimal_pairs(coach: Coach, category: str, bad: str, good: str) -> None:
    assert category in categories(coach, bad), bad
    assert not categories(coach, good) & TONE, good


@pytest.mark.parametrize(
    ("act", "text"),
    [
        ("prohibition", "저희는 문자로 결제 링크를 보내지 않아요."),
        ("prohibition", "상담원은 절대로 비밀번호를 묻지 않습니다."),
    ("prohibition", "저희는 고객님 동의 없이 결제하지 않습니다."),
    ("refusal", "저희는 주말에 결제하지 않습니다."),
    ("refusal", "그건 저희가 해결할 수 없는 문제예요."),
        ("prohibition", "미성년자에게는 주류를 판매하지 않습니다."),
        ("prohibition", "법에 따라 만 19세 미만에게는 판매할 수 없습니다."),
        ("refusal", "법에 따라 환불은 불가합니다."),
        ("refusal", "비밀번호는 알려 드릴 수 없습니다."),
        ("consequence", "탈퇴 후 30일 동안은 다시 가입할 수 없어요."),
        ("limitation", "닉네임은 일주일 동안 바꿀 수 없어요."),
        ("refusal", "3일 동안은 교환이 안 됩니다."),
        ("consequence", "지운 사진은 되살릴 수 없으니 신중하게 골라 주세요."),
        ("refusal", "환불은 안 되니 꼭 확인하고 주문하세요."),
        ("apology", "앱을 이용하지 못하셨다니 정말 죄송합니다."),
        ("statement", "연락을 못 받으셔서 걱정되셨겠어요."),
        ("refusal", "이 쿠폰은 쓰실 수 없어요."),
        ("statement", "운동화는 금요일에 다시 들어오세요."),
        ("statement", "설치는 하지 않아도 바로 쓰실 수 있어요."),
        ("statement", "새 모델은 다음 달에 출시되세요."),
    ],
)
def test_acts(act: str, text: str) -> None:
    assert act_of(text) == act


def test_experience_is_the_predicate_class_and_only_when_nothing_else_is_negative() -> None:
    u = understand(analyze("택배를 못 받으셨다니 많이 곤란하셨겠어요.").sentences[0])
    assert u.predicate == "experience" and u.act == "statement"
    u = understand(analyze("택배를 못 받으셨다니 죄송하지만 환불은 어렵습니다.").sentences[0])
    assert u.predicate != "experience" and u.act == "refusal"


@pytest.mark.parametrize(
    "text",
    ["그 정도면 충분히 쓰실 거예요.", "내일 오전에 오시면 바로 받으실 수 있습니다.",
     "여기서 쭉 가시면 바로 보이실 거예요."],
)
def test_elided_subject_of_a_si_verb_before_a_modal_noun_is_the_customer(text: str) -> None:
    u = understand(analyze(text).sentences[0])
    assert u.clauses[-1].subject is None and u.clauses[-1].subject_class == "customer"
