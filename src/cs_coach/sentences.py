"""The understand step: what each sentence does and who does it, read from its morphemes (never from Kiwi).

For every analysed sentence it gives
- **clauses**, cut after connective endings, each with its relation to the next one: contrast (-지만, -는데,
  -ㄴ데, -나), condition (-면, -다면, -(으)ㄹ 경우, -(으)ㄹ 시 / 명사 + 시), cause (-어서, -니까, -(으)니,
  -기 때문에, -므로) or sequence (-고, -며, -면서). Endings that belong to a construction are not cuts:
  -고 있다/싶다, -면 되다/안 되다/좋겠다/감사하겠다, -어서는 안 되다;
- the **subject** of each clause: the nearest 이/가/께서/은/는/도-marked noun phrase in it (an organisation
  also with 에서: 택배사에서), else a particle-less noun right before an intransitive predicate (커피
  나오셨습니다), else the elided default: the customer for -시- predicates and directives, the agent for
  promises and offers (-겠- on a verb, -ㄹ게요, 드리다), a thing otherwise. Its class comes from word lists
  matched on the noun phrase's ending (고객님 → customer, 택배사 → third_party, 저희 회사 → agent);
- the **act** of the sentence, decided in this order (the first that holds wins, most specific first):
    1. greeting     안녕하세요 / 반갑습니다 / 처음 뵙겠습니다, no negation
    2. closing      좋은 하루 보내세요, 안녕히 계세요, 언제든지 문의해 주세요
    3. request      a question that asks the customer to act: -주시겠어요? -주실 수 있을까요?
    4. question     ends with ? or an interrogative ending
    5. prohibition  -면 안 되다, -어서는 안 되다, -지 마세요 / -지 말다 (in the main clause), 금지, 삼가다;
                    what we never do to keep the customer safe (저희는 문자로 링크를 보내지 않습니다, 비밀번호는 묻지
                    않습니다) and what the law forbids (법에 따라 …, 미성년자에게는 판매하지 않습니다), unless a service
                    the customer is owed is withheld (환불) or the agent withholds a service (알려 드릴 수 없습니다)
    6. consequence  a condition clause followed by a negative clause; a negative given as the reason for a
                    caution (되돌릴 수 없으니 신중하게 눌러 주세요), unless a service is withheld (환불은 안 되니 …)
    7. bad_news     closure, stock, expiry, delay: 품절/매진/마감/종료/만료/소진/단종/지연 되다, 팔렸다,
                    끝났다, 지났다, 재고가 없다, 늦어지다, 아직 … 않았다
    8. limitation   a negative clause whose subject is a product/app/service (or under a product topic such as
                    이 모드에서는 / 이 기능은, unless the predicate is a company action such as 교환/환불), or a
                    third party (a benefit told as information: 상대방은 … 볼 수 없습니다), or a disclaimer of
                    liability (책임지지 않습니다, 보장하지 않습니다: the service's terms, not a refusal), or a
                    self-service step locked for a stated time (닉네임은 일주일 동안 바꿀 수 없어요; after an event,
                    탈퇴 후 30일 동안은 …, it is a consequence)
                    The customer's own hardship told back (-시- inside 못/안/-지 않다, then the past or a reason:
                    못 받으셨다니, 이용하지 못하셔서, 곤란하셨겠어요) is no negative of ours: its predicate class is
                    `experience` (a rule's `not_predicate: [experience]`)
   9. refusal      a negative clause (안/못 + V, -지 않다, 아니다, 없다, 수 없다, 불가, 어렵다, 힘들다, 곤란하다,
                    모르다) whose subject is the agent, elided, a person or a thing, with no condition clause;
                    not absence of a cost or a problem (추가 요금은 없습니다, 하실 필요가 없습니다); a negated
                    modifier naming the menu, place or date the deal does not reach (쿠폰을 못 쓰는 메뉴예요)
   10. instruction  a directive (-세요, -십시오, -주세요, -시면 됩니다) on a device step (누르다, 선택하다, 켜다 …)
   11. request      any other directive to the customer: -주세요, -주시기 바랍니다, -십시오, -(으)셔야 하다,
                    -세요 on a verb, 부탁드립니다, memo style (-할 것, 바람, 요망)
   12. apology      죄송, 미안, 송구, 사과드리다 in the main clause
   13. thanks       감사, 고맙다 in the main clause
   14. promise      the agent (said or elided) commits: -겠- on a verb, -ㄹ게요, 드리다, -ㄹ 예정
   15. statement    anything else
- **quoted** spans ('…', "…", 「…」, […], <…> and menu paths such as 설정 > 일반): words that are not the agent's;
- **alternative**: something that CAN be done follows the last negative (in the same sentence or anywhere in the
  next one): 대신, 가능하다, 할 수 있다, 해 드리겠습니다 / 드릴게요, -시면 됩니다, 다른 방법이 있다; in the same
  sentence also a service already done instead (같이 쓰실 수 없어서 더 큰 할인을 적용해 드렸어요).

Everything except `alternative`'s look at the next sentence depends on the sentence alone, so it is
computed once per analysis key and cached; `understand` adds offsets and the next sentence's part.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .analyze import Morph, Sentence
from .models import Act, PredicateClass, Relation, SubjectClass

ACTS: tuple[str, ...] = Act.__args__  # type: ignore[attr-defined]
RELATIONS: tuple[str, ...] = Relation.__args__  # type: ignore[attr-defined]
SUBJECT_CLASSES: tuple[str, ...] = SubjectClass.__args__  # type: ignore[attr-defined]
NEGATIVE_ACTS = frozenset({"refusal", "bad_news", "limitation", "consequence", "prohibition"})


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # absolute char offsets
    end: int
    first: int  # morpheme range [first, last) inside the sentence
    last: int
    relation: Relation | None  # relation to the next clause; None for the last one
    subject: str | None  # the subject noun phrase as written (morpheme forms), None when elided
    subject_class: SubjectClass
    negative: bool


@dataclass(frozen=True, slots=True)
class Understanding:
    start: int
    end: int
    act: Act
    clauses: tuple[Clause, ...]
    quoted: tuple[tuple[int, int], ...]
    alternative: bool
    predicate: PredicateClass | None = None  # the class of the negated predicate (None: nothing negated)


# ---- word classes ---------------------------------------------------------------------------------------
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CUSTOMER = _words(
    "고객 고객님 손님 회원 회원님 고객분 구매자 구매자님 주문자 주문자님 가입자 이용자 사용자 귀하 본인 당신"
)
_PERSON = _words(
    "님 분 씨 보호자 매니저 상담사 상담원 기사 담당자 직원 점장 팀장 과장 대리 실장 부장 선생님 엔지니어 "
    "수리기사 배송기사 설치기사 관리자 대표 사장 사장님 원장 간호사 의사 약사 강사 코치 가족 부모님 자녀 아이 "
    "어머님 아버님 친구 그분 이분 저분 누구 사람 타인"
)
_AGENT = _words("저 제 저희 당사 우리 저희회사 저희쪽 본사 고객센터 상담센터 센터 저희매장 당사매장 회사")
_PRODUCT = _words(
    "앱 어플 애플리케이션 어플리케이션 기능 기기 제품 상품 서비스 모드 설정 화면 카드 버튼 메뉴 프로그램 시스템 "
    "홈페이지 사이트 웹사이트 계정 휴대폰 핸드폰 폰 스마트폰 태블릿 노트북 컴퓨터 충전기 배터리 프린터 브라우저 "
    "버전 소프트웨어 펌웨어 단말기 공유기 모뎀 이어폰 헤드폰 스피커 워치 리모컨 냉장고 세탁기 청소기 에어컨 "
    "모델 요금제 플랜 멤버십 구독 쿠폰 포인트 적립금 상품권 기프티콘 링크 알림 위젯 키보드 마우스 모니터 카메라 "
    "렌즈 케이블 어댑터 기본앱 메신저 채팅 결제수단 간편결제 페이 티켓 좌석 패키지 옵션 필터 창 "
    "파일 폴더 메모 문서 앨범 데이터 목록"
)
_THIRD_PARTY = _words(
    "상대방 상대 택배사 판매자 판매처 제조사 카드사 은행 통신사 협력사 가맹점 입점사 배송사 운송사 물류사 "
    "수신자 발신자 받는분 보내는분 제3자 타사 업체 해당업체 판매업체 택배 우체국 항공사 호텔 숙소 병원 관공서"
)
_SUBJECT_WORDS: dict[str, str] = {}
for _cls, _set in (
    ("thing", ()),
    ("product", _PRODUCT),
    ("third_party", _THIRD_PARTY),
    ("person", _PERSON),
    ("customer", _CUSTOMER),
    ("agent", _AGENT),
):
    for _w in _set:
        _SUBJECT_WORDS[_w] = _cls
_SUFFIX_CLASS = {"님": "person", "앱": "product", "폰": "product", "창": "product"}
_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
)
# Nouns whose absence is good news: 추가 요금은 없습니다, 걱정하실 필요 없습니다, 문제없이.
_GOOD_ABSENT = _words(
    "요금 비용 수수료 문제 걱정 부담 지장 차질 불이익 이상 오류 필요 위험 제한 불편 하자 변동 차이 일"
)
# Company actions: a product topic with these negated is a refusal, not the product's limitation.
_IMPOSSIBLE = _words("불가 불가능")
_NEGATIVE_STATE_NOUNS = _words("상황 상태 부분 점 것 거 상품 제품 서비스 구조 방식 규정 정책")
# What a negated modifier names as the predicate (N이다): the unavailable thing is the refusal.
_UNAVAILABLE_DEALS = _words("메뉴 지역 품목 날짜 요일 옵션 매장 구역 시간대 좌석 노선 쿠폰 결제수단 기간 주소 지점")
_GOODS = _words("상품 제품 물건 품목")
_UNAVAILABLE = _NEGATIVE_STATE_NOUNS | _UNAVAILABLE_DEALS | _words("카드 모델 문제 사항 건")
_COMPANY_ACTIONS = _words(
    "환불 교환 반품 취소 발송 배송 판매 제공 취급 처리 적용 할인 보상 지급 발급 접수 연장 변경 예약 주문 구매 "
    "재발송 재배송 수리 교체 방문 안내 확인 지원금 증정 적립 "
    "진행 운영 대행 포장 제작 설치 출고 픽업 대여 보관 수선 각인 예약 결제 승인 가입 입고 환급 드리 받 팔 바꾸"
)
# What a customer is owed or asks the company for (narrower than _COMPANY_ACTIONS, which also holds everyday
# verbs such as 변경, 확인, 처리): withheld on a condition, it is a refusal, not a consequence.
_SERVICES = _words(
    "환불 교환 반품 취소 보상 지급 발급 배송 발송 수리 교체 할인 적립 보증 환급 재발송 재배송 증정 연장 예약 접수 "
    "반납 재발급 무상 지원금"
)
_BAD_NEWS_NOUNS = _words(
    "품절 매진 마감 종료 만료 소진 단종 지연 중단 절판 완판 일시품절 조기마감 조기품절 폐업 운휴 결항 휴업 만석"
)
_BAD_NEWS_VERBS = _words("팔리 끝나 지나 떨어지 나가")  # with -었-: 표가 모두 팔렸어요, 기간이 지났습니다
_STOCK_NOUNS = _words("재고 물량 수량 좌석 자리 잔여 여석 객실 물건 제품 상품 남은 사이즈 색상 컬러 치수 호수")
_DEVICE_STEPS = _words(
    "누르 선택 켜 끄 클릭 터치 탭 입력 설치 재설치 실행 열 닫 들어가 이동 재부팅 재시작 연결 꽂 빼 분리 삽입 "
    "업데이트 삭제 로그인 로그아웃 저장 다운로드 업로드 체크 해제 활성화 비활성화 허용 스크롤 드래그 "
    "밀 당기 돌리 충전 초기화 동기화 새로고침 캡처 복사 붙여넣 전송 등록 인증 검색 접속 연동 "
    "설정 지정 조절 쓸어올리 쓸어내리 촬영 녹화 녹음 종료 재생 잠그 풀 꺼 길게 "
    "돌아가 나가 들어오 불러오 첨부 캡쳐 다시시작 껐다 생성"
)
# What a device, app or feature does (or lets the customer do): negated with no company action and no agent
# service, it is the product's limitation told as information (이 모드에서는 캡처할 수 없습니다), not a refusal.
_DEVICE_OPS = _DEVICE_STEPS | _words(
    "사용 이용 쓰 편집 수정 공유 접근 생성 만들 추가 페어링 표시 보 보이 듣 통화 작동 인식 고정 전환 지원 호환 "
    "백업 복원 조작 미러링 스트리밍 작성 읽 동작 실행 전화 알림 녹화 녹음 캡처 촬영 재생 확대 축소 편집 변환 옮기"
)
# Commercial benefits as a topic (이 쿠폰은 사용이 불가능해요): the deal is withheld, not a device's limit. Narrower
# than _COMMERCIAL, whose 상품/제품/모델 are also devices (이 모델은 무선 충전이 불가능해요).
_COMMERCIAL_DEALS = _words("쿠폰 포인트 적립금 상품권 기프티콘 티켓 멤버십 구독 할인권 교환권 이용권 바우처 마일리지")


def _deal(head: str | None) -> bool:
    return head is not None and any(head.endswith(w) for w in _COMMERCIAL_DEALS)


# Product-class nouns that are commercial benefits, not device parts: 쿠폰을 받을 수 없습니다 is bad news.
_COMMERCIAL = _words(
    "상품 서비스 요금제 플랜 멤버십 구독 쿠폰 포인트 적립금 상품권 기프티콘 티켓 좌석 패키지 옵션 카드 페이 "
    "결제수단 간편결제 모델 제품"
)
_INTRANSITIVE = _words(
    "되 나오 오 가 나가 들어오 생기 나 걸리 남 바뀌 끝나 떨어지 빠지 늘 줄 열리 닫히 팔리 도착 출발 입고 출고 "
    "발생 있 없 계시"
)
_TIME_NOUNS = _words(
    "오늘 내일 모레 어제 지금 현재 잠시 먼저 바로 이번 다음 주 이번주 다음주 금일 익일 당일 오전 오후 저녁"
)

_NOT_IN_NP = _TIME_NOUNS | _words("대신 혹시 해당 경우 때문")
_CONTRAST = _words("지만 는데 ᆫ데 은데 던데 나 으나 지마는 는데도 ᆫ데도 은데도 더니")
_CONDITION = _words("려면 으려면 면 으면 다면 는다면 ᆫ다면 라면 이라면 거든 으면은 면은 었더라면 더라면")
_CAUSE = _words("오니 으오니 어서 아서 여서 라서 이라서 니까 으니까 니 으니 므로 으므로 느라 느라고 어서요 길래 기에")
_SEQUENCE = _words("고 며 으며 고서 면서 으면서 고요")
_RELATION_OF: dict[str, str] = {}
for _rel, _set in (("contrast", _CONTRAST), ("condition", _CONDITION), ("cause", _CAUSE), ("sequence", _SEQUENCE)):
    for _w in _set:
        _RELATION_OF[_w] = _rel
_AUX_AFTER_GO = _words("있 싶 계시 나 말 보 버리 주")
_DIRECTIVE_EF = _words("세요 으세요 ᆸ시오 으십시오 십시오 시오 세용 셔요 으셔요")
_QUESTION_EF = _words(
    "나요 까요 ᆯ까요 을까요 습니까 ᆸ니까 는지요 ᆫ지요 은지요 가요 ᆫ가요 은가요 는가요 니 냐 니까 ᆯ까 을까 는지 "
    "ᆫ가 나 죠 지요 어요 아요 세요 으세요"
)
_STRICT_QUESTION_EF = _words("나요 까요 ᆯ까요 을까요 습니까 ᆸ니까 는지요 ᆫ지요 은지요 ᆫ가요 은가요 는가요 냐 ᆯ까 을까")
_PROMISE_EF = _words("ᆯ게요 을게요 ᆯ게 을게 ᆯ께요 을께요 ᆯ께 ᆯ게용")
_NOMINAL = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "XSN", "XPN", "SN", "SL", "SH"})
_PREDICATE = frozenset({"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"})
_MENU_ARROWS = frozenset({">", "›", "→", "＞", "»", "▶", "〉"})
_PAIRS = {
    "「": "」",
    "『": "』",
    "[": "]",
    "<": ">",
    "《": "》",
    "〈": "〉",
    "‘": "’",
    "“": "”",
    "【": "】",
    "［": "］",
}
_STRAIGHT = frozenset({"'", '"', "`"})
_ALT_NOUNS = _words("방법 대안 대체 다른")
_QUOTE_MARKS = frozenset(_PAIRS) | frozenset(_PAIRS.values()) | _STRAIGHT | _MENU_ARROWS


# ---- cached per-sentence core ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Core:
    """What a sentence says on its own, with offsets relative to the sentence's start."""

    act: str
    clauses: tuple[tuple[int, int, int, int, str | None, str | None, str, bool], ...]
    quoted: tuple[tuple[int, int], ...]
    alt_after_negative: bool  # an alternative follows the last negative inside the sentence
    negative: bool  # a negative clause or bad news: only then does `alternative` look at the next sentence
    offers: bool  # the sentence offers an alternative anywhere (what the previous sentence looks at)
    predicate: str | None = None  # the class of the negated predicate of the act's negative clause


CACHE_SIZE = 16384
_cache: dict[tuple[str, int], _Core] = {}


def clear_cache() -> None:
    _cache.clear()


def _core(sentence: Sentence) -> _Core:
    key = sentence.key
    if key is not None:
        core = _cache.get(key)
        if core is not None:
            return core
    core = _compute(sentence.morphs, sentence.start)
    if key is not None:
        if len(_cache) >= CACHE_SIZE:
            with contextlib.suppress(KeyError, StopIteration, RuntimeError):
                del _cache[next(iter(_cache))]
        _cache[key] = core
    return core


def understand(sentence: Sentence, next_sentence: Sentence | None = None) -> Understanding:
    """The sentence's act, clauses, quoted spans and whether an alternative follows its negative."""
    core = _core(sentence)
    base = sentence.start
    alternative = core.alt_after_negative or (
        core.negative and next_sentence is not None and _core(next_sentence).offers
    )
    clauses = tuple(
        Clause(start + base, end + base, first, last, relation, subject, subject_class, negative)  # type: ignore[arg-type]
        for start, end, first, last, relation, subject, subject_class, negative in core.clauses
    )
    quoted = tuple((a + base, b + base) for a, b in core.quoted)
    if next_sentence is not None and sentence.level == "banmal" and _echoed(sentence, next_sentence):
        quoted = ((sentence.start, sentence.end),)  # the customer's question, repeated before its answer
    return Understanding(
        sentence.start, sentence.end, core.act, clauses, quoted, alternative, core.predicate  # type: ignore[arg-type]
    )


_POLITE_LEVELS = frozenset({"hapsyo", "haeyo"})
_PREDICATE_STEMS = frozenset({"VV", "VA", "VX"})


def _echoed(sentence: Sentence, answer: Sentence) -> bool:
    """A 반말 question answered at once, in polite speech, with its own predicate (FAQ style: '어떤 동작이 있어?
    펼치기, 오므리기가 있습니다.'): the customer's words restated, not the agent asking in 반말. An agent's curt
    question ('어디서 샀어? 영수증 보여 주세요') is answered by nobody and keeps its finding."""
    morphs = sentence.morphs
    if answer.level not in _POLITE_LEVELS or not any(m.form == "?" for m in morphs[-2:]):
        return False
    stem = next((m for m in reversed(morphs) if m.tag in _PREDICATE_STEMS), None)
    if stem is None:
        return False
    answered = answer.morphs
    main = max((k for k, m in enumerate(answered) if m.tag == "EF"), default=-1)
    return main > 0 and any(m.form == stem.form and m.tag == stem.tag for m in answered[max(0, main - 3) : main])


def quoted_of(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """The sentence's quoted spans (absolute offsets) without building its Understanding: metrics ask for
    them on every sentence, and almost every sentence has none."""
    quoted = _core(sentence).quoted
    if not quoted:
        return ()
    base = sentence.start
    return tuple((a + base, b + base) for a, b in quoted)


def clause_total(sentence: Sentence) -> int:
    """How many clauses `understand` gives the sentence, without building them (a metric's bound)."""
    return len(_core(sentence).clauses)


def understand_all(sentences: Sequence[Sentence]) -> list[Understanding]:
    """One Understanding per sentence of a reply (each looks at the next for `alternative`)."""
    return [understand(s, sentences[i + 1] if i + 1 < len(sentences) else None) for i, s in enumerate(sentences)]


def clause_at(u: Understanding, morph_index: int) -> Clause:
    """The clause holding a morpheme (by its index in the sentence)."""
    firsts = [c.first for c in u.clauses]
    return u.clauses[max(0, bisect_right(firsts, morph_index) - 1)]


# ---- the computation -----------------------------------------------------------------------------------
def _compute(morphs: tuple[Morph, ...], base: int) -> _Core:
    n = len(morphs)
    if n == 0:
        return _Core("statement", ((0, 0, 0, 0, None, None, "thing", False),), (), False, False, False)
    quoted_chars = quoted_spans(morphs)
    if quoted_chars:
        morphs = _masked(morphs, quoted_chars)
    cuts, flags = _cuts(morphs)
    spans: list[tuple[int, int, str | None]] = []
    first = 0
    for last, relation in cuts:
        spans.append((first, last, relation))
        first = last
    if first < n:
        spans.append((first, n, None))
    elif spans:  # the last cut ended the sentence: the last clause has no next
        f, la, _ = spans[-1]
        spans[-1] = (f, la, None)
    facts = [_clause_facts(morphs, f, la, flags) for f, la, _ in spans]
    for k in range(len(facts) - 2, -1, -1):  # 앱을 열고 … 누르세요: chained clauses share the elided subject
        here, after = facts[k], facts[k + 1]
        if (
            (spans[k][2] == "sequence" or (spans[k][2] == "cause" and after.subject_class == "customer"))
            and here.subject is None
            and after.subject is None
            and here.subject_class == "thing"
        ):  # 사진 찍어서 보내세요: the means is done by whoever is told to send
            here.subject_class = after.subject_class
    for k in range(len(facts) - 1):  # 상대방은 번호를 볼 수 없고 이름도 알 수 없습니다: the topic goes on
        here, after = facts[k], facts[k + 1]
        if (
            spans[k][2] == "sequence"
            and here.topic_subject
            and here.subject_class in ("person", "third_party", "agent")
            and ((after.subject is None and after.subject_class == "thing") or after.soft_subject)
        ):
            if after.soft_subject:  # 이름도 was the object; the topic is the subject
                after.subject = here.subject
            after.subject_class = here.subject_class
    clauses = []
    for (f, la, relation), fact in zip(spans, facts, strict=True):
        start = morphs[f].start - base
        end = max(m.end for m in morphs[max(f, la - 3) : la]) - base
        clauses.append((start, end, f, la, relation, fact.subject, fact.subject_class, fact.negative))
    act = _decide(morphs, spans, facts, flags)
    neg_at = max((fact.negative_at for fact in facts), default=-1)
    neg_at = max(neg_at, flags.bad_news_at)
    alt_positions = _alternative_positions(morphs)
    done = _done_for_customer(morphs)  # 더 큰 할인을 먼저 적용해 드렸어요: what we did instead, in this sentence
    alt_after = neg_at >= 0 and any(p > neg_at for p in (*alt_positions, *done))
    quoted = tuple((a - base, b - base) for a, b in quoted_chars)
    negative = neg_at >= 0 or act in NEGATIVE_ACTS
    predicate = _predicate_class(morphs, spans, facts) if negative else None
    if predicate is None and any(fact.experience for fact in facts):
        predicate = "experience"
    return _Core(act, tuple(clauses), quoted, alt_after, negative, bool(alt_positions), predicate)


def _masked(morphs: tuple[Morph, ...], quoted: list[tuple[int, int]]) -> tuple[Morph, ...]:
    """Quoted text read as one proper noun ('다음에 하기'를 누르세요 = X를 누르세요): its words are not the agent's,
    so its negations, endings and connectives say nothing about the sentence."""
    out = []
    for m in morphs:
        inside = next(((a, b) for a, b in quoted if a <= m.start and m.end <= b), None)
        if inside is None:
            out.append(m)
        else:
            out.append(Morph("…" if m.start == inside[0] else "", "NNP", m.start, m.end, m.word))
    return tuple(out)


class _Flags:
    """Sentence-wide cues found while cutting clauses (constructions that are not cuts)."""

    __slots__ = ("bad_news_at", "directive_soft", "prohibition", "request_cue", "warning_at")

    def __init__(self) -> None:
        self.prohibition = False
        self.directive_soft = False  # -시면 됩니다
        self.request_cue = False  # -면 좋겠습니다 / 감사하겠습니다
        self.bad_news_at = -1
        self.warning_at = -1  # a possible bad outcome: 늦어질 수 있습니다 (a consequence after a condition)


_CUT_TAGS = frozenset({"EC", "EF", "ETN"})


def _cuts(morphs: tuple[Morph, ...]) -> tuple[list[tuple[int, str]], _Flags]:
    """Clause ends (exclusive morpheme index) with their relation, and construction cues."""
    flags = _Flags()
    cuts: list[tuple[int, str]] = []
    n = len(morphs)
    for i, m in enumerate(morphs):
        form, tag = m.form, m.tag
        if tag not in _CUT_TAGS and form not in ("경우", "시"):
            continue
        relation = None
        end = i + 1
        if tag == "EC" and _postposition(morphs, i):
            continue  # 고객님에 대해서도, 안전을 위해서: a case marker made of a verb, not a connective
        if tag == "EC" or (tag == "EF" and form in _RELATION_OF and _predicate_after(morphs, i + 1)):
            relation = _RELATION_OF.get(form)
            nxt = morphs[i + 1] if i + 1 < n else None
            nxt2 = morphs[i + 2] if i + 2 < n else None
            if relation == "sequence" and nxt is not None and nxt.tag == "VX" and nxt.form in _AUX_AFTER_GO:
                relation = None
            elif relation == "condition" and nxt is not None:
                if nxt.form == "안" and nxt2 is not None and nxt2.form in ("되", "돼"):
                    flags.prohibition, relation = True, None
                elif nxt.form in ("되", "돼") and nxt.tag in ("VV", "XSV"):
                    flags.directive_soft, relation = True, None
                elif nxt.form in ("좋", "감사", "고맙") or (
                    nxt.form == "안" and nxt2 is not None and nxt2.form == "되"
                ):
                    flags.request_cue, relation = True, None
            elif (
                relation == "cause" and nxt is not None and nxt.form == "는" and nxt2 is not None and nxt2.form == "안"
            ):
                flags.prohibition, relation = True, None
        elif (
            tag == "ETN" and form == "기" and i + 2 < n and morphs[i + 1].form == "때문" and morphs[i + 2].form == "에"
        ):
            relation, end = "cause", i + 3
        elif (form == "경우" and tag.startswith("N") and i > 0 and morphs[i - 1].tag == "ETM") or (
            form == "시"
            and tag in ("NNB", "NNG")
            and i > 0
            and (morphs[i - 1].tag == "ETM" or morphs[i - 1].tag == "NNG")
        ):
            relation = "condition"
        if relation is None:
            continue
        # the cut takes particles and a comma that close the connective (경우에는, -면은, -는데,)
        while (
            end < n
            and morphs[end].tag in ("JX", "JKB", "SP")
            and (morphs[end].word == morphs[end - 1].word or morphs[end].tag == "SP")
        ):
            end += 1
        if end < n and _has_word_after(morphs, end):
            cuts.append((end, relation))
    return cuts, flags


_POSTPOSITION_VERBS = _words("대하 관하 위하 의하 통하 비하 따르 인하")


def _postposition(morphs: tuple[Morph, ...], i: int) -> bool:
    """The ending at morphs[i] closes 에 대해(서) / 을 위해(서) / 에 따라 / 로 인해: a particle-like verb."""
    return (
        i >= 2
        and morphs[i - 1].form in _POSTPOSITION_VERBS
        and morphs[i - 1].tag.startswith("VV")
        and morphs[i - 2].tag in ("JKB", "JKO")
    )


def _predicate_after(morphs: tuple[Morph, ...], i: int) -> bool:
    return any(m.tag in _PREDICATE for m in morphs[i:])


def _has_word_after(morphs: tuple[Morph, ...], i: int) -> bool:
    return any(not m.tag.startswith("S") or m.tag in ("SN", "SL", "SH") for m in morphs[i:])


# Tags whose morpheme matters only when its form is a cue (the rest of the loop never reads it).
_INERT_TAGS = _words(
    "NNG NNP NNB NR NP JKO JKG JKC JC JKV JKQ MM MAG MAJ XSN XPN SN SL SH SF SP SS SSO SSC SE SO SW ETM ETN EC IC XR "
    "W_EMOJI W_URL W_EMAIL W_HASHTAG W_MENTION W_SERIAL"
)
_QUANTIFIERS = _words("모두 전부 둘다 다들")
_CUE_FORMS = (
    _words("안타깝 아쉽 스럽 차 이상 모두 전부 둘다 다들 남")
    | _words("안 못 않 못하 없 어렵 힘들 곤란 불가 불가능 가능 모르 아직 늦 부탁 바람 요망 것 드리 바라 바랍 사과")
    | _BAD_NEWS_NOUNS
    | _BAD_NEWS_VERBS
    | _DEVICE_STEPS
    | _words("죄송 미안 송구 감사 고맙")
)


class _Facts:
    __slots__ = (
        "agent_cue",
        "customer_cue",
        "directive",
        "experience",
        "experience_at",
        "frame",
        "good_absence",
        "negative",
        "negative_at",
        "predicate_noun",
        "soft_subject",
        "step",
        "subject",
        "subject_class",
        "topic_class",
        "topic_head",
        "topic_subject",
    )

    def __init__(self) -> None:
        self.negative = False
        self.negative_at = -1
        self.experience = False  # a negation the customer went through (못 받으셨다니): told back in empathy
        self.experience_at = -1
        self.good_absence = False
        self.subject: str | None = None
        self.subject_class = "thing"
        self.topic_class: str | None = None  # class of a frame/topic NP (이 모드에서는, 이 기능은)
        self.topic_head: str | None = None  # its last noun: a commercial topic (이 쿠폰은) is the customer's deal
        self.directive = False
        self.customer_cue = False
        self.agent_cue = False
        self.step = False
        self.predicate_noun: str | None = None
        self.topic_subject = False  # the subject is a topic (은/는, or a bare phrase with 모두): it may go on
        self.soft_subject = False  # the subject is a 은/는/도-marked thing before a transitive verb (maybe an object)
        self.frame = False  # a device setting frames the clause: 이 모드에서는, 잠금 화면에서는, 오프라인 상태에서는


def _impossible_action(morphs: tuple[Morph, ...], k: int, first: int) -> str | None:
    """The action that 불가 / 불가능 (ending at morpheme k) denies: 교환 불가예요, 교환이 불가능합니다 -> 교환."""
    if morphs[k].form == "가능" and k - 1 >= first and morphs[k - 1].form == "불" and morphs[k - 1].tag == "XPN":
        k -= 1
    elif morphs[k].form not in _IMPOSSIBLE:
        return None
    j = k - 1
    if j >= first and morphs[j].tag == "JKS":
        j -= 1
    return morphs[j].form if j >= first and morphs[j].tag == "NNG" else None


def _clause_facts(morphs: tuple[Morph, ...], first: int, last: int, flags: _Flags) -> _Facts:
    fact = _Facts()
    last_pred = -1
    # (particle index, NP first, NP last, class, firmly a subject: 이/가/께서, an organisation's 에서)
    candidates: list[tuple[int, int, int, str, bool]] = []
    for i in range(first, last):
        m = morphs[i]
        form, tag = m.form, m.tag
        if tag in _INERT_TAGS and form not in _CUE_FORMS:
            continue  # most morphemes: nothing to read here
        if tag in _PREDICATE:
            last_pred = i
            if tag == "XSV" or tag == "XSA" or tag == "VCP":
                if i > 0 and morphs[i - 1].tag.startswith("N"):
                    # 교환 불가예요 / 교환 불가능합니다: the action is the noun before 불가, not 불가 itself
                    action = _impossible_action(morphs, i - 1, first)
                    if action is not None:
                        fact.predicate_noun = action
                    elif tag != "VCP":
                        fact.predicate_noun = morphs[i - 1].form
            # 드리 (VX): 해 드리지 않습니다 is the agent's service, whatever the verb
            elif ((tag == "VV" or tag == "VA") and not _can_word(morphs, i, first)) or (tag == "VX" and form == "드리"):
                fact.predicate_noun = form
        # subject candidates; a bare noun phrase with a floating quantifier is one too (판매자와 택배사 모두)
        if tag == "MAG" and form in _QUANTIFIERS and i > first and morphs[i - 1].tag in _NOMINAL:
            np_first = _np_start(morphs, i - 1, first)
            candidates.append((i, np_first, i, classify(morphs, np_first, i), True))
        if tag == "JKS" or (tag == "JX" and form in ("은", "는", "도", "ᆫ")) or (tag == "JKB" and form == "에서"):
            prev = i - 1
            if prev >= first and morphs[prev].tag == "JKS" and morphs[prev].form == "께서":
                continue  # 께서는: the JKS already counted
            if _modal_bound_noun(morphs, prev, first):
                continue  # 기다리실 수도 있어요: 수 is the modal frame, the subject is the waiting one's
            if prev >= first and morphs[prev].tag in _NOMINAL:
                np_first = _np_start(morphs, prev, first)
                cls = classify(morphs, np_first, prev + 1)
                if tag == "JKB":  # 택배사에서 (an organisation acting), 이 모드에서는 (a frame)
                    if cls in ("third_party", "agent"):
                        candidates.append((i, np_first, prev + 1, cls, True))
                    elif cls == "product" or morphs[prev].form in _FRAME_NOUNS:
                        fact.topic_class = "product"
                        fact.frame = True
                elif tag == "JX" and morphs[prev].form in _TIME_NOUNS and np_first == prev:
                    pass  # 오늘은 일찍 들어오세요, 내일은 9시까지 오세요: a time frame, not who comes
                else:
                    if tag == "JX" and fact.topic_class is None:
                        fact.topic_class = cls
                        fact.topic_head = "".join(m.form for m in morphs[np_first : prev + 1])
                    candidates.append((i, np_first, prev + 1, cls, tag == "JKS"))
            elif prev >= first and morphs[prev].tag == "JKB" and tag == "JX":  # 모드에서는, 기능으로는
                p2 = prev - 1
                if p2 >= first and morphs[p2].tag in _NOMINAL:
                    cls = classify(morphs, _np_start(morphs, p2, first), p2 + 1)
                    if cls == "product" or (morphs[prev].form == "에서" and morphs[p2].form in _FRAME_NOUNS):
                        fact.topic_class = "product"
                        fact.frame = fact.frame or morphs[prev].form == "에서"
        # negation and bad news
        if form in _CUE_FORMS or tag == "VCN":
            neg = _negation_at(morphs, i, first, last)
            if neg == 1 and _experienced(morphs, i, last):
                fact.experience = True  # 못 받으셨다니, 이용하지 못하셔서: the customer's hardship, not our refusal
                fact.experience_at = i
            elif neg == 1:
                fact.negative, fact.negative_at = True, i
            elif neg == 2:
                fact.good_absence = True
            news = _bad_news_at(morphs, i, last)
            if news == WARNING:
                flags.warning_at = i
            elif news and flags.bad_news_at < i:
                flags.bad_news_at = i
        # directives and participants' cues
        if (
            tag == "EF"
            and form in _DIRECTIVE_EF
            and i > 0
            and (
                morphs[i - 1].tag in ("VV", "XSV", "VX", "EP")
                or (morphs[i - 1].tag == "XSA" and i > 1 and morphs[i - 2].tag == "NNG")
            )
            and not (morphs[i - 1].form == "있" and morphs[i - 1].tag == "VX")  # 돼 있으세요: a state
        ):  # Kiwi reads some noun + 하세요 as XSA (탭하세요)
            fact.directive = True
        elif tag == "EF" and form in _PROMISE_EF:
            fact.agent_cue = True
        elif tag == "EP" and form in ("시", "으시"):
            if not (i + 1 < last and morphs[i + 1].tag == "ETM") or (
                i + 2 < last and morphs[i + 2].tag == "NNB" and morphs[i + 2].form in ("수", "것", "거", "줄", "듯")
            ):
                fact.customer_cue = True  # not in a relative clause (주문하신 상품), but 하실 수 있다 is
            if (
                i + 2 < last
                and morphs[i + 1].tag == "EC"
                and morphs[i + 1].form in ("어야", "아야")
                and morphs[i + 2].form in ("하", "되")
            ):
                fact.directive = True  # -(으)셔야 합니다
        elif (
            (form == "드리" and tag in ("VV", "VX"))
            or form in _APOLOGY
            or form in _THANKS
            or (tag == "EP" and form == "겠" and i > 0 and morphs[i - 1].tag in ("VV", "XSV", "VX"))
        ):
            fact.agent_cue = True
        elif (
            (form in ("바라", "바랍") and tag == "VV")
            or (form == "부탁" and i + 1 < last and morphs[i + 1].form in ("드리", "하"))
            or (form in ("바람", "요망") and tag == "NNG" and _at_end(morphs, i + 1))
            or (form == "것" and tag == "NNB" and i > 0 and morphs[i - 1].form in ("ᆯ", "을") and _at_end(morphs, i + 1))
        ):
            fact.directive = True
        if form in _DEVICE_STEPS and (tag in ("VV", "NNG") or tag == "NNP"):
            fact.step = True
    for at, np_first, np_last, cls, firm in reversed(candidates):
        if _in_relative(morphs, at, last_pred):
            continue  # 고객님이 방문한 곳에 대해서도: the subject of a modifier clause, not of this clause
        moving = (
            not firm
            and cls in ("thing", "product")
            and (_moves_itself(morphs, np_first, np_last, last) or _arrives(morphs, np_first, np_last, last))
        )
        if (
            not firm
            and cls in ("thing", "product")
            and (fact.customer_cue or fact.directive)
            and _transitive_after(morphs, at, last)
            and not moving
        ):
            continue  # 서류는 보내셔야 합니다: a topicalised object, the customer acts
        fact.subject, fact.subject_class = _np_text(morphs, np_first, np_last), cls
        fact.soft_subject = not firm and cls in ("thing", "product") and _transitive_after(morphs, at, last)
        fact.topic_subject = morphs[at].tag == "MAG" or (morphs[at].tag == "JX" and morphs[at].form != "도")
        if (firm or moving) and cls in ("thing", "product") and fact.directive and _plain_seyo(morphs, last_pred, last):
            fact.directive = False  # 변경 사항이 반영되세요: -세요 on a thing's predicate is no directive
        break
    else:
        _bare_subject(morphs, first, last, last_pred, fact)
    if fact.subject is None and last_pred >= 0 and morphs[last_pred].tag == "VCP" and not fact.directive:
        # X이세요 / X이십니다: the complement says who is meant (회원이세요 -> the customer, 5만 원이세요 -> a thing)
        k = last_pred - 1
        while k >= first and morphs[k].tag.startswith("J"):
            k -= 1
        if k >= first and _modal_complement(morphs, k, first):
            pass  # 쓰실 거예요, 받으실 예정이에요: the -시- verb before the bound noun is the predicate
        elif k >= first and morphs[k].tag in _NOMINAL:
            cls = classify(morphs, _np_start(morphs, k, first), k + 1)
            fact.customer_cue = cls in ("person", "customer")
    elif fact.subject is None and not fact.customer_cue and _plain_seyo(morphs, last_pred, last):
        fact.customer_cue = True  # -세요 carries -시-
    if fact.experience and fact.subject is not None and fact.subject_class not in ("customer", "person"):
        # 택배가 아직 출발을 안 하셨어요: a thing's -시- (사물 존칭), so the negation is news, not the customer's
        fact.experience = False
        if not fact.negative:
            fact.negative, fact.negative_at = True, fact.experience_at
    if fact.subject is None:
        if fact.customer_cue or fact.directive:
            fact.subject_class = "customer"
        elif fact.agent_cue:
            fact.subject_class = "agent"
        else:
            fact.subject_class = "thing"
    return fact


_BOUND_HEADS = _words("수 것 거 줄 듯 적 리 뻔 만 법 때문 예정 필요 정도")
_MODAL_COMPLEMENTS = _words("것 거 터 예정 계획 듯 모양")


def _modal_complement(morphs: tuple[Morph, ...], k: int, first: int) -> bool:
    """morphs[k] is a bound noun (or 예정) after a modifier ending, before 이다: -ㄹ 거예요, -ㄹ 예정이에요, -ㄹ
    테니까: the modifier's verb is the clause's predicate, not the noun."""
    return (
        k - 1 >= first
        and morphs[k].form in _MODAL_COMPLEMENTS
        and morphs[k].tag in ("NNB", "NNG")
        and morphs[k - 1].tag == "ETM"
    )


def _in_relative(morphs: tuple[Morph, ...], at: int, pred: int) -> bool:
    """The first ending after morphs[at] is a modifier (ETM) of an ordinary noun, and the clause's predicate comes
    later: the noun phrase at `at` is the subject inside that modifier clause. -ㄹ 수 없다, -ㄴ 것 같다 are not."""
    for k in range(at + 1, pred):
        tag = morphs[k].tag
        if tag == "JKS":
            return False  # 모두 고객님이 저장한 …: the modifier clause has its own subject
        if tag == "ETM":
            return k + 1 < pred and morphs[k + 1].form not in _BOUND_HEADS
        if tag.startswith("E"):
            return False
    return False


def _plain_seyo(morphs: tuple[Morph, ...], pred: int, last: int) -> bool:
    """The clause ends in -(으)세요/-십니다 right on its predicate (not -주세요): a -시- form."""
    return (
        pred >= 0
        and pred + 1 < last
        and morphs[pred + 1].tag == "EF"
        and morphs[pred + 1].form in _DIRECTIVE_EF
        and morphs[pred].form != "주"
    )


# Money and parcels move by themselves (보험료가 빠져나가다, 택배가 들어가다): as a topic before a motion verb with
# -시- they are its subject (사물 존칭), not an object the customer handles (요금은 내일 내세요).
_SELF_MOVING = _words(
    "요금 보험료 관리비 이자 금액 할부금 환불금 대금 회비 월세 수수료 연회비 돈 적립금 포인트 캐시백 잔액 예치금 "
    "택배 소포 우편물 주문품 물건 상품 제품 배송품 교환품"
)
# 가다/오다 compounds take their object from the first verb: 가져가다, 찾아오다 carry one, 들어가다 does not.
_CARRY_PREFIXES = ("가져", "갖고", "찾아", "데려", "모셔", "사", "들고", "싸", "받아", "빌려", "가지고")


def _motion_stem(form: str) -> bool:
    """An intransitive motion stem: 빠져나가, 들어가, 넘어오, 늘어나, 줄어들 (not 가져가, 찾아오)."""
    if len(form) < 2 or form.startswith(_CARRY_PREFIXES):
        return False
    return form[-1] in "가오" or (len(form) >= 3 and form[-1] in "나들")


def _moves_itself(morphs: tuple[Morph, ...], np_first: int, np_last: int, last: int) -> bool:
    """A money or parcel noun phrase followed, in its clause, by a motion verb with -시- (or -세요) right on it."""
    head = "".join(m.form for m in morphs[np_first:np_last] if m.tag != "MM")
    if not any(head.endswith(w) for w in _SELF_MOVING):
        return False
    for k in range(np_last, last - 1):
        m, nxt = morphs[k], morphs[k + 1]
        if m.tag == "VV" and (
            (nxt.tag == "EP" and nxt.form in ("시", "으시")) or (nxt.tag == "EF" and nxt.form in _DIRECTIVE_EF)
        ):
            return m.form in _INTRANSITIVE or _motion_stem(m.form)
    return False


# Goods arriving or going on sale: with a product topic these are the goods' own motion (운동화는 금요일에 다시
# 들어오세요, 새 모델은 다음 달에 출시되세요: 사물 존칭), never a place the customer is sent. 가다/들어가다/나가다 are
# left out: with a device topic they are the customer's navigation (설정은 홈 화면에서 들어가세요).
_ARRIVALS = _words("들어오 나오 오 도착 입고 재입고 출시 출고 발송 배송 도달 오픈")


def _arrives(morphs: tuple[Morph, ...], np_first: int, np_last: int, last: int) -> bool:
    """A goods topic (not a time) followed, in its clause, by an arrival verb with -시- or -세요 right on it."""
    head = morphs[np_last - 1]
    if head.form in _TIME_NOUNS or head.tag in ("NNB", "NR", "SN", "NP"):
        return False
    for k in range(np_last, last - 1):
        m, nxt = morphs[k], morphs[k + 1]
        if m.tag in ("VV", "XSV") and (
            (nxt.tag == "EP" and nxt.form in ("시", "으시")) or (nxt.tag == "EF" and nxt.form in _DIRECTIVE_EF)
        ):
            stem = morphs[k - 1].form if m.tag == "XSV" or (m.form == "되" and morphs[k - 1].tag == "NNG") else m.form
            return stem in _ARRIVALS
        if m.tag in _PREDICATE or m.tag in ("EC", "EF", "JKO"):
            if m.tag in _PREDICATE and m.form in ("되", "하") and k > 0 and morphs[k - 1].tag == "NNG":
                continue
            return False
    return False


def _transitive_after(morphs: tuple[Morph, ...], i: int, last: int) -> bool:
    """The first predicate after morphs[i] takes an object (보내다, 확인하다), not 되다/있다/adjectives."""
    for k in range(i + 1, last):
        m = morphs[k]
        if m.tag in ("VV", "XSV"):
            if m.form in ("되", "돼"):
                return False
            stem = morphs[k - 1].form if m.tag == "XSV" else m.form
            return stem not in _INTRANSITIVE
        if m.tag in ("VA", "XSA", "VCP", "VCN", "VX"):
            return False
    return False


def _at_end(morphs: tuple[Morph, ...], i: int) -> bool:
    return all(m.tag.startswith("S") and m.tag not in ("SN", "SL", "SH") for m in morphs[i:])


def _np_start(morphs: tuple[Morph, ...], head: int, floor: int) -> int:
    """First morpheme of the noun phrase ending at `head`: nominal morphemes back, and a determiner."""
    k = head
    while k > floor and morphs[k - 1].tag in _NOMINAL:
        if morphs[k - 1].word != morphs[k].word and morphs[k - 1].form in _NOT_IN_NP:
            break
        k -= 1
    if k > floor and morphs[k - 1].tag == "MM":
        k -= 1
    return k


def _np_text(morphs: tuple[Morph, ...], first: int, last: int) -> str:
    parts: list[str] = []
    word = morphs[first].word
    for m in morphs[first:last]:
        if m.word != word:
            parts.append(" ")
            word = m.word
        parts.append(m.form)
    return "".join(parts)


def classify(morphs: Sequence[Morph], first: int, last: int) -> str:
    """Class of the noun phrase morphs[first:last): agent pronouns (저희 회사), the whole phrase, its last word,
    then its ending (택배 기사님 -> 님, 결제창 -> 창); suffixes of one syllable only from a short list."""
    head = morphs[first]
    if head.tag == "NP" and head.form in ("저", "제", "저희", "우리"):
        return "agent"
    if head.tag == "NP" and head.form in ("그분", "이분", "저분"):
        return "person"
    if head.tag == "NP" and head.form == "당신":
        return "customer"  # the one spoken to
    tail = morphs[last - 1]
    if tail.form in ("분", "씨") and tail.tag == "NNB":
        counted = last - 2 >= first and morphs[last - 2].tag in ("SN", "NR")
        return "thing" if counted else "person"  # 5분 is five minutes
    if tail.form == "들" and tail.tag == "XSN" and last - 1 > first:  # 가족들, 직원들: the class of the noun
        last -= 1
        tail = morphs[last - 1]
    nouns = "".join(m.form for m in morphs[first:last] if m.tag != "MM")
    if not nouns:
        return "thing"
    cls = _SUBJECT_WORDS.get(nouns)
    if cls is None:
        word = tail.word
        cls = _SUBJECT_WORDS.get("".join(m.form for m in morphs[first:last] if m.word == word and m.tag != "MM"))
    if cls is None:
        for k in range(min(len(nouns) - 1, 6), 1, -1):
            cls = _SUBJECT_WORDS.get(nouns[-k:])
            if cls is not None and cls != "agent":
                break
            cls = None
    if cls is None:
        cls = _SUFFIX_CLASS.get(nouns[-1])
    if cls is not None:
        return cls
    if tail.tag == "NNP" and 2 <= len(tail.form) <= 4 and tail.form[0] in _SURNAMES:
        return "person"
    return "thing"


_NP_ADVERBS = _words("없이 같이 함께 처럼 대로")
_PLACE_DEICTICS = _words("여기 거기 저기 이쪽 그쪽 저쪽 이곳 그곳 저곳")


def _bare_subject(morphs: tuple[Morph, ...], first: int, last: int, pred: int, fact: _Facts) -> None:
    """A particle-less noun right before an intransitive predicate: 커피 나오셨습니다, 결제 완료되셨어요."""
    if pred < 0 or fact.directive:
        return
    stem = pred
    word = morphs[pred].word
    while stem > first and morphs[stem - 1].word == word:
        stem -= 1
    head = morphs[stem]
    stem_form = head.form
    if head.tag.startswith("N"):  # 완료되다, 도착하다, 가능하다: the noun names the predicate
        intransitive = any(morphs[k].form == "되" or morphs[k].tag == "XSA" for k in range(stem, pred + 1))
        if not intransitive and stem_form not in _INTRANSITIVE:
            return
    elif head.tag == "MAG" and head.form in ("안", "못"):
        pass
    elif not (head.tag in ("VA", "VCP") or stem_form in _INTRANSITIVE):
        return
    w = word - 1
    k = stem - 1
    while k >= first and (
        morphs[k].tag == "MAG" or (morphs[k].tag == "NP" and morphs[k].form in _PLACE_DEICTICS)
    ):  # skip adverbs and places: 커피 지금 나왔습니다, 거스름돈 여기 있습니다
        if morphs[k].form in _NP_ADVERBS:
            return  # 예약 없이 오시면, 가족과 같이: the noun says how, it is not the one who comes
        w = morphs[k].word - 1
        k -= 1
        while k >= first and morphs[k].word > w:
            k -= 1
    if k < first or morphs[k].tag not in _NOMINAL or morphs[k].word != w:
        return
    np_first = k
    while np_first > first and morphs[np_first - 1].tag in _NOMINAL and morphs[np_first - 1].word == w:
        np_first -= 1
    if np_first > first and morphs[np_first - 1].word == w:  # the word has a particle or ending
        return
    noun = "".join(m.form for m in morphs[np_first : k + 1])
    if noun in _TIME_NOUNS or morphs[k].tag in ("SN", "NR", "NNB"):
        return
    fact.subject = _np_text(morphs, np_first, k + 1)
    fact.subject_class = classify(morphs, np_first, k + 1)


def _negation_at(morphs: tuple[Morph, ...], i: int, first: int, last: int) -> int:
    """1 when morphs[i] negates its clause's predicate, 2 for good-news absence (요금은 없습니다), else 0."""
    m = morphs[i]
    form, tag = m.form, m.tag
    if tag == "MAG" and form in ("안", "못"):
        if not (i + 1 < last and (morphs[i + 1].tag in _PREDICATE or morphs[i + 1].tag.startswith("N"))):
            return 0
    elif (tag == "VX" and form in ("않", "못하")) or (tag == "VV" and form == "못하"):
        pass
    elif tag == "VCN":
        if i + 1 < last and morphs[i + 1].form in ("라", "고") and morphs[i + 1].tag == "EC":
            return 0  # 뿐만 아니라
    elif form == "없" and tag in ("VA", "VV"):
        k = i - 1
        while k >= first and morphs[k].tag.startswith("J"):
            k -= 1
        if k >= first and morphs[k].tag.startswith("N") and morphs[k].form in _GOOD_ABSENT:
            return 2
    elif form in ("어렵", "힘들") and tag in ("VA", "VV"):
        if i + 2 < last and morphs[i + 1].form == "지" and morphs[i + 2].form == "않":
            return 0  # 어렵지 않습니다
    elif form in ("곤란", "불가", "불가능") and tag in ("XR", "NNG"):
        pass
    elif form == "가능" and i > first and morphs[i - 1].form == "불":
        pass  # 불/XPN + 가능
    elif form == "모르" and tag == "VV":
        pass
    else:
        return 0
    # purpose (-지 않도록) and permission (-지 않아도 됩니다) are not negated predicates
    for k in range(i + 1, min(last, i + 5)):
        f = morphs[k].form
        if morphs[k].tag == "EC" and f in ("도록", "게끔", "려면", "으려면", "려고", "으려고"):
            return 0  # purpose: 놓치지 않도록, 보지 않으려면
        if morphs[k].tag == "EC" and f == "게" and k + 1 < last and morphs[k + 1].form in ("하", "되"):
            return 0  # 표시되지 않게 하다
        if morphs[k].tag == "EC" and f in ("어도", "아도", "여도"):
            return 0  # 안 하셔도 됩니다; 설치하지 않아도 바로 쓰실 수 있어요: "even without", no negated predicate
        if morphs[k].tag == "EC" and f == "고" and k + 1 < last and morphs[k + 1].form == "도":
            return 0  # -지 않고도: without doing
        if morphs[k].tag == "ETM":  # a modifier: 사용하지 않는 앱은 …, 안 될 수도 있습니다
            head = morphs[k + 1] if k + 1 < last else None
            if head is not None and head.form in _UNAVAILABLE and k + 2 < last and morphs[k + 2].tag == "VCP":
                return 1  # 처리가 어려운 상황입니다, 쿠폰을 못 쓰는 메뉴예요, 배송이 안 되는 지역입니다
            if head is not None and (
                head.form in ("듯하", "듯싶")
                or (head.form in ("것", "거", "듯") and k + 2 < last and morphs[k + 2].form in ("같", "하", "싶"))
            ):
                return 1  # a hedge keeps the negative: 힘들 것 같습니다, 어려울 듯합니다
            return 0
        if morphs[k].tag in ("EC", "EF") and f not in ("지", "어", "아", "게"):
            break
    return 1


_EXPERIENCE_EC = _words("다니 다니요 어서 아서 여서 어 아 여 니까 으니까 는데 ᆫ데 은데 고 며 으며 서")


def _experienced(morphs: tuple[Morph, ...], i: int, last: int) -> bool:
    """The negation at morphs[i] is one the customer went through, told back to them: -시- inside the negated
    predicate (after 못/안/-지 않다/곤란하), then the past (못 받으셨다니, 곤란하셨겠어요) or a reason or
    reported-news ending (못 받으셔서, 이용하지 못하셨다니). 받으실 수 없습니다 has -시- before the negation (the
    customer is told what they cannot do) and stays a negative; so do 못 하세요 and -지 않으시면."""
    seen_si = False
    for k in range(i + 1, min(last, i + 7)):
        m = morphs[k]
        if m.tag == "EP" and m.form in ("시", "으시"):
            seen_si = True
        elif m.tag == "EP" and m.form in ("었", "았", "였", "ᆻ"):
            return seen_si
        elif m.tag == "EP":
            continue
        elif m.tag in ("EC", "EF", "ETM", "ETN"):
            if m.tag == "EC" and m.form in ("지", "게") and not seen_si:
                continue  # 받지 않으셨다니: the negation's own connective
            return seen_si and m.tag == "EC" and m.form in _EXPERIENCE_EC
        elif m.tag.startswith("J"):
            continue
        elif seen_si:
            return False
    return False


WARNING = 2  # what _bad_news_at returns for a possible bad outcome


def _bad_news_at(morphs: tuple[Morph, ...], i: int, last: int) -> bool | int:
    m = morphs[i]
    form, tag = m.form, m.tag
    if tag == "NNG" and form in _BAD_NEWS_NOUNS:
        if i + 1 >= last:
            return True
        if _possibility_after(morphs, i, last):
            return WARNING  # 중단될 수 있습니다: a warning, not news
        nxt = morphs[i + 1]
        if nxt.form == "되" and _modifier_after(morphs, i + 1, last):
            return False  # 만료된 패스를 정리하실 수 있어요: a description, not news
        if nxt.form == "되" or nxt.tag in ("VCP", "SF", "SP", "JKS", "JX"):
            return True
        return nxt.form == "하" and i + 2 < last and morphs[i + 2].form in ("었", "았", "였")
    if tag == "VV" and form in _BAD_NEWS_VERBS:
        return (i + 1 < last and morphs[i + 1].form in ("었", "았", "였")) or (
            i + 2 < last and morphs[i + 2].form in ("었", "았") and morphs[i + 1].tag == "EC"
        )
    if form == "없" and tag in ("VA", "VV"):
        return _stock_before(morphs, i)
    if form == "남" and tag == "VV":
        # 좌석이 남아 있지 않습니다, 재고가 남지 않았어요: nothing left of what the customer wants
        return _stock_before(morphs, i) and any(morphs[j].form in ("않", "없") for j in range(i + 1, min(last, i + 6)))
    if form == "이상" and tag == "NNG" and i > 0 and morphs[i - 1].form == "더":
        # 더 이상 생산되지 않습니다 / 더 이상 판매하지 않아요: it is over
        return any(morphs[k].form in ("않", "못", "안") for k in range(i + 1, last))
    if form == "늦" and tag == "VA" and i + 2 < last and morphs[i + 2].form == "지" and morphs[i + 2].tag == "VX":
        return WARNING if _possibility_after(morphs, i + 2, last) else True  # 늦어지다; 늦어질 수 있습니다 warns
    if (
        form in ("안타깝", "아쉽", "스럽")
        and i + 2 < last
        and morphs[i + 1].form == "게"
        and morphs[i + 2].form == "도"
    ):
        return form != "스럽" or (i > 0 and morphs[i - 1].form == "유감")  # 안타깝게도, 아쉽게도, 유감스럽게도
    if form == "차" and tag == "VV" and i > 0 and morphs[i - 1].form in ("꽉", "다", "모두"):
        return True  # 예약이 꽉 찼습니다
    if tag == "MAG" and form == "아직":
        return any(
            _negation_at(morphs, k, i, last) == 1 and not _experienced(morphs, k, last) for k in range(i + 1, last)
        )
    return False


_ALT_FORMS = _words("대신 가능 수 드리 면 으면") | _ALT_NOUNS


def _modifier_after(morphs: tuple[Morph, ...], i: int, last: int) -> bool:
    """The predicate at morphs[i] ends in a modifier (ETM) of an ordinary noun; 품절된 상태입니다 is still a state."""
    for k in range(i + 1, min(last, i + 4)):
        if morphs[k].tag == "ETM":
            head = morphs[k + 1] if k + 1 < last else None
            state = (
                head is not None and head.form in _NEGATIVE_STATE_NOUNS and k + 2 < last and morphs[k + 2].tag == "VCP"
            )
            return not state
        if morphs[k].tag in ("EC", "EF"):
            return False
    return False


def _possibility_after(morphs: tuple[Morph, ...], i: int, last: int) -> bool:
    """-(으)ㄹ 수 있다 follows within the word's predicate: 중단될 수 있습니다."""
    for k in range(i + 1, min(last - 2, i + 6)):
        if morphs[k].tag == "ETM":
            return morphs[k + 1].form == "수" and morphs[k + 2].form == "있"
    return False


def _done_for_customer(morphs: tuple[Morph, ...]) -> list[int]:
    """드리다 in the past after a verb (적용해 드렸어요, 바꿔 드렸습니다): a service already given. After a negative in
    the same sentence it is what was done instead (쿠폰은 같이 쓰실 수 없어서 더 큰 할인을 적용해 드렸어요)."""
    return [
        i
        for i in range(1, len(morphs) - 1)
        if morphs[i].form == "드리"
        and morphs[i].tag == "VX"
        and morphs[i + 1].form in ("었", "았", "였")
        and morphs[i - 1].tag == "EC"
    ]


def _alternative_positions(morphs: tuple[Morph, ...]) -> list[int]:
    """Where the sentence says what CAN be done."""
    out: list[int] = []
    n = len(morphs)
    for i, m in enumerate(morphs):
        form, tag = m.form, m.tag
        if form not in _ALT_FORMS:
            continue
        nxt = morphs[i + 1] if i + 1 < n else None
        if form == "대신" and tag in ("NNG", "MAG", "NNB"):
            out.append(i)
        elif form == "가능" and tag in ("NNG", "XR") and not (i > 0 and morphs[i - 1].form == "불"):
            if not any(morphs[k].form in ("않", "없") for k in range(i + 1, min(n, i + 5))):
                out.append(i)
        elif form == "수" and tag == "NNB" and nxt is not None and nxt.form == "있":
            out.append(i)
        elif form == "드리" and tag in ("VV", "VX") and nxt is not None:
            if (
                nxt.form == "겠"
                or nxt.form in _PROMISE_EF
                or nxt.form in ("ᆯ까요", "을까요")  # an offer of a next step: 알려 드릴까요?
                or (nxt.form in ("ᆯ", "을") and i + 2 < n and morphs[i + 2].form in ("예정", "게"))
            ):
                out.append(i)
        elif (form in ("면", "으면") and tag == "EC" and nxt is not None and nxt.form in ("되", "돼")) or (
            form in _ALT_NOUNS
            and tag.startswith("N")
            and any(morphs[k].form == "있" for k in range(i + 1, min(n, i + 5)))
        ):
            out.append(i)
    return out


def _modal_bound_noun(morphs: Sequence[Morph], i: int, first: int) -> bool:
    """수/줄/듯/리/법 right after a modifier ending (-ㄹ 수 있다, -ㄹ 줄 알다, -ㄹ 리가 없다): part of the predicate's
    modality, never the participant the clause is about."""
    m = morphs[i]
    return m.tag == "NNB" and m.form in _MODAL_BOUND_NOUNS and i - 1 >= first and morphs[i - 1].tag == "ETM"


_MODAL_BOUND_NOUNS = frozenset({"수", "줄", "듯", "리", "법"})


def quoted_spans(morphs: Sequence[Morph]) -> list[tuple[int, int]]:
    """Quoted text and menu paths: '…', "…", 「…」, […], <…>, 설정 > 일반 (char spans, quotes included)."""
    marks = [i for i, m in enumerate(morphs) if m.form in _QUOTE_MARKS and m.tag[0] == "S"]
    if not marks:
        return []
    spans: list[tuple[int, int]] = []
    open_straight: dict[str, int] = {}
    stack: list[tuple[str, int]] = []
    for i in marks:
        m = morphs[i]
        ch = m.form
        if ch in _STRAIGHT:
            if ch in open_straight:
                spans.append((morphs[open_straight.pop(ch)].start, m.end))
            else:
                open_straight[ch] = i
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            _, opened = stack.pop()
            spans.append((morphs[opened].start, m.end))
        elif ch in _MENU_ARROWS and 0 < i < len(morphs) - 1:
            span = _menu_step(morphs, i)
            if span is not None:
                spans.append(span)
    if not spans:
        return spans
    words = [m for m in morphs if not m.tag.startswith("S") or m.tag in ("SN", "SL", "SH")]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    if words:  # a "quote" around the whole sentence is the agent's own sentence in quotes
        lo, hi = words[0].start, words[-1].end
        merged = [(a, b) for a, b in merged if not (a <= lo and b >= hi)]
    return merged


def _menu_step(morphs: Sequence[Morph], i: int) -> tuple[int, int] | None:
    """설정 > 일반: the noun run before the arrow through the noun run after it (its particle left out)."""
    left = i - 1
    right = i + 1
    if morphs[left].tag.startswith("S") and morphs[left].form not in ("]", "」", "'", '"'):
        return None
    if right >= len(morphs) or morphs[right].tag.startswith("J"):
        return None
    lo = left
    while lo > 0 and morphs[lo - 1].word == morphs[left].word and not morphs[lo - 1].tag.startswith("J"):
        lo -= 1
    hi = right
    word = morphs[right].word
    while (
        hi + 1 < len(morphs)
        and morphs[hi + 1].word == word
        and (not morphs[hi + 1].tag.startswith(("J", "E")) or morphs[hi + 1].tag == "ETN")
    ):
        hi += 1
    if morphs[hi].tag.startswith(("V", "X")) and morphs[hi].tag != "XSN":  # 알림 may come as 알리+ㅁ (ETN)
        return None
    return morphs[lo].start, morphs[hi].end


# ---- the act -------------------------------------------------------------------------------------------
_GREETING = _words("안녕 반갑 뵙")
_APOLOGY = _words("죄송 미안 송구 사과")
_THANKS = _words("감사 고맙")
_CLOSING_CUES = _words("하루 시간 주말 저녁 밤 오후 오전 주 연휴 명절 휴가 날 한가위 설 언제 언제든지 언제든")
_CLOSING_NOUNS = _words("하루 시간 주말 저녁 밤 오후 오전 한 주 연휴 명절 휴가 날 한가위 설")


def _decide(
    morphs: tuple[Morph, ...], spans: list[tuple[int, int, str | None]], facts: list[_Facts], flags: _Flags
) -> str:
    n = len(morphs)
    forms = {m.form for m in morphs}
    main_first, main_last, _ = spans[-1]
    main = facts[-1]
    any_negative = any(f.negative for f in facts)
    ef = next((m for m in reversed(morphs) if m.tag == "EF"), None)
    asks = (
        morphs[-1].form == "?"
        or any(m.form == "?" for m in morphs[-2:])
        or (ef is not None and ef.form in _STRICT_QUESTION_EF)
    )
    # 1-2. formulas
    greets = ("안녕" in forms and "안녕히" not in forms) or "반갑" in forms or ("뵙" in forms and "처음" in forms)
    if greets and not any_negative and n <= 8:
        return "greeting"
    if "안녕히" in forms or ((not forms.isdisjoint(_CLOSING_CUES) or _wish(morphs)) and _closing(morphs)):
        return "closing"
    # 3-4. questions
    if asks:
        if any(m.form == "주" and m.tag == "VX" for m in morphs[main_first:main_last]) and main.customer_cue:
            return "request"
        return "question"
    # 5. prohibition
    main_forms = {m.form for m in morphs[main_first:main_last]}
    if "말" in main_forms and _reassurance(morphs, main_first, main_last):
        return "statement"
    if main.directive and not main_forms.isdisjoint(("주의", "조심", "유의")):
        return "prohibition"  # a safety caution: 주의해 주세요, 조심하세요
    if main.directive and _emergency(morphs, main_first, main_last):
        return "prohibition"  # what to do in danger: 긴급 전화를 거세요, 119에 신고하세요, 밖으로 대피하세요
    if _away_from_harm(morphs, main_first, main_last) and any(
        m.tag == "EF" and m.form in ("세요", "으세요", "ᆸ시오", "십시오") for m in morphs[main_first:main_last]
    ):
        return "prohibition"  # safe keeping: 어린이 손이 닿지 않는 곳에 보관하세요, 직사광선을 피해 두세요
    if (
        flags.prohibition
        or ("금지" in forms and not _named_mode(morphs))
        or "삼가" in forms
        or ("말" in main_forms and _jimal(morphs, main_first, main_last))
    ):
        return "prohibition"
    # 6. consequence
    conditions = [k for k, (_, _, rel) in enumerate(spans) if rel == "condition"]
    if conditions and (
        any(f.negative for f in facts[conditions[0] + 1 :])
        or max(flags.bad_news_at, flags.warning_at) >= spans[conditions[0]][1]
    ) and not _service_withheld(morphs, spans, facts, conditions[0] + 1):
        return "consequence"
    # 7. bad news
    if flags.bad_news_at >= main_first or (flags.bad_news_at >= 0 and not main.negative and not main.directive):
        return "bad_news"
    # the refusal's negative is in any clause but a condition (a negative condition only frames what follows)
    negative = [f for f, (_, _, rel) in zip(facts, spans, strict=True) if f.negative and rel != "condition"]
    # a directive main clause leads when no refusal comes with it (보이지 않으면 화면을 탭하세요)
    if (main.directive or flags.directive_soft) and not negative:
        return "instruction" if _steps(morphs, spans, facts) else "request"
    if negative:
        fact = negative[-1]
        k = max(j for j, f in enumerate(facts) if f is fact)
        first_k, last_k, _ = spans[k]
        # 5'. prohibition: what we never do, to keep the customer safe (저희는 문자로 링크를 보내지 않습니다,
        # 비밀번호는 절대 묻지 않습니다), or what the law forbids (미성년자에게는 판매하지 않습니다)
        if _protective(morphs, first_k, last_k, fact) or _legal(morphs, first_k, last_k, fact):
            return "prohibition"
        # 되돌릴 수 없으니 신중하게 눌러 주세요: the negative is the reason for a caution, a warning before a step
        if (
            spans[k][2] == "cause"
            and k < len(facts) - 1
            and _caution(morphs, spans[-1][0], spans[-1][1], facts[-1])
            and not _service_withheld(morphs, spans, facts, k)
        ):
            return "consequence"
        # 쿠폰을 못 쓰는 메뉴예요, 배송이 안 되는 지역입니다: where or what the customer's deal does not reach
        if _unavailable_deal(morphs, fact.negative_at, last_k):
            return "refusal"
        # 8. limitation
        # a self-service step locked for a time (탈퇴 후 30일 동안은 다시 가입할 수 없어요): told as information
        if _locked_for_a_time(morphs, first_k, last_k, fact):
            return "consequence" if k > 0 or _after_event(morphs, first_k, last_k) else "limitation"
        # a benefit lost after a condition (탈퇴하시면 포인트는 복구할 수 없어요) is a warning, told as information
        withheld = _benefit_withheld(morphs, first_k, last_k) and all(rel != "condition" for _, _, rel in spans[:k])
        company_action = fact.subject_class == "product" and (fact.predicate_noun in _COMPANY_ACTIONS or withheld)
        if fact.subject_class in ("product", "third_party") and not company_action:
            return "limitation"
        if _operation_limit(morphs, first_k, last_k, fact) or _disclaimer(morphs, first_k, last_k, fact):
            return "limitation"
        if _framed_limit(morphs, first_k, last_k, fact) and not withheld:
            return "limitation"
        if (
            fact.topic_class == "product"
            and not _deal(fact.topic_head)
            and fact.subject_class in ("thing", "product")
            and (
                fact.predicate_noun not in _COMPANY_ACTIONS
                and (fact.subject is None or not _company_noun(fact.subject))
            )
            and not withheld
        ):
            return "limitation"
        # 9. refusal
        return "refusal"
    # 11. a request by -면 좋겠습니다 / 감사하겠습니다 (the directives were decided above)
    if flags.request_cue:
        return "request"
    # 12-13. apology, thanks
    if not main_forms.isdisjoint(("죄송", "미안", "송구")) or (
        "사과" in main_forms and _sagwa(morphs, main_first, main_last)
    ):
        return "apology"
    if not main_forms.isdisjoint(_THANKS):
        return "thanks"
    # 14. promise
    if main.agent_cue and main.subject_class in ("agent", "person") and not main.customer_cue:
        return "promise"
    if "예정" in main_forms and main.subject_class == "agent":
        return "promise"
    return "statement"


# Credentials and phishing vectors: what an agent never asks for or sends (a safety statement, not a refusal).
_SECRETS = _words(
    "비밀번호 비번 암호 패스워드 인증번호 OTP otp 보안카드 주민번호 주민등록번호 개인정보 링크 URL url PIN pin 핀번호 "
    "CVC cvc CVV cvv 보안코드"
)
_SECRET_HEADS = {
    "번호": _words("카드 계좌 인증 주민 비밀 주민등록 보안 핀"),
    "정보": _words("개인 금융 카드 결제 계좌 인증"),
}


def _secret(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    for k in range(first, last):
        m = morphs[k]
        if not m.tag.startswith(("N", "SL")):
            continue
        if m.form in _SECRETS:
            return True
        heads = _SECRET_HEADS.get(m.form)
        if heads is not None and k > first and morphs[k - 1].form in heads:
            return True
    return False


def _protective(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """We (or our staff) never ask for, send or look at the customer's credentials: 저희는 문자로 링크를 보내지
    않습니다, 상담원은 비밀번호를 묻지 않습니다. A withheld service (드리다: 비밀번호를 알려 드릴 수 없습니다) stays a
    refusal, and so does anything the customer is told they cannot do (-시-)."""
    if fact.subject_class not in ("agent", "person", "thing") or fact.customer_cue or fact.predicate_noun == "드리":
        return False
    if any(morphs[k].form == "드리" and morphs[k].tag in ("VV", "VX") for k in range(first, last)):
        return False
    # the secret may be the topic of an earlier clause: 개인정보는 … 넘기지 않으니 안심하세요
    return _secret(morphs, 0, last) or _without_consent(morphs, first, last)


def _without_consent(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """동의 없이 / 허락 없이 / 임의로: what we never do behind the customer's back (동의 없이 결제하지 않습니다)."""
    for k in range(first, last):
        m = morphs[k]
        if m.form in ("임의로", "몰래", "함부로") and m.tag == "MAG":
            return True
        if m.form in ("동의", "허락", "허락도", "승인", "확인") and m.tag == "NNG" and k + 1 < last:
            nxt = morphs[k + 1]
            if nxt.form == "없이" or (nxt.tag.startswith("J") and k + 2 < last and morphs[k + 2].form == "없이"):
                return True
    return False


_LAW_NOUNS = _words("법 법률 법령 법규 현행법 관련법 실정법 시행령")
_MINORS = _words("미성년자 미성년 청소년 미성년자분")


def _legal(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """What the law forbids, told as such: 법에 따라 … 판매할 수 없습니다, 미성년자에게는 팔지 않습니다, 만 19세 미만은
    구매할 수 없습니다. A service the customer is owed (환불, 교환, 취소) cited on a law stays a refusal."""
    if fact.customer_cue and fact.subject_class == "customer" and not _minor(morphs, 0, last):
        return False
    obj, marked = _object_noun(morphs, first, last)
    if fact.predicate_noun in _SERVICES or any(w in _SERVICES or w[-2:] in _SERVICES for w in (obj or "", *marked)):
        return False
    return _law(morphs, 0, last) or _minor(morphs, 0, last)


def _law(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    for k in range(first, last):
        m = morphs[k]
        if m.tag != "NNG" or not (m.form in _LAW_NOUNS or (len(m.form) >= 3 and m.form.endswith("법"))):
            continue
        nxt = morphs[k + 1] if k + 1 < last else None
        nxt2 = morphs[k + 2] if k + 2 < last else None
        if nxt is not None and (
            nxt.form in ("상", "적")
            or (nxt.form == "에" and nxt2 is not None and nxt2.form in ("따르", "의하", "따라"))
        ):
            return True
    return False


def _minor(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    for k in range(first, last):
        m = morphs[k]
        if m.form in _MINORS and m.tag.startswith("N"):
            return True
        if m.form == "미만" and k > first and morphs[k - 1].form == "세":
            return True  # 만 19세 미만
    return False


# What the customer does for themselves on an account (가입, 로그인, 닉네임 변경): locked for a stated time, it is
# how the service works, not a refusal of a request.
_SELF_SERVICE = _words(
    "가입 재가입 로그인 변경 바꾸 수정 신청 재신청 사용 쓰 이용 인증 접속 등록 재등록 재발급 탈퇴 참여 응모 작성 "
    "만들 생성 시도 입력 재설정 설정 요청"
)
_DURATION_UNITS = _words("일 시간 분 초 주 주일 개월 달 년 해 일주일 하루 이틀 사흘 나흘 한달")


def _locked_for_a_time(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """A self-service step negated for a stated duration (30일 동안은, 10분간, 일주일 동안)."""
    if fact.agent_cue or fact.subject_class in ("agent", "third_party", "person") or fact.predicate_noun == "드리":
        return False
    op = fact.predicate_noun
    if op in ("하", "되", "가능", "불가", "불가능", None):
        obj, _ = _object_noun(morphs, first, last)
        op = obj or obj_or_subject_head(fact)
    if op not in _SELF_SERVICE:
        return False
    for k in range(0, last):
        m = morphs[k]
        if m.form in ("동안", "간", "이내", "내") and m.tag in ("NNG", "NNB", "XSN") and k > 0:
            unit = morphs[k - 1]
            if unit.form in _DURATION_UNITS and (
                unit.form in ("일주일", "하루", "이틀", "사흘", "나흘", "한달")
                or (k > 1 and morphs[k - 2].tag in ("SN", "NR", "MM"))
            ):
                return True
    return False


def _after_event(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """An event the time counts from: 탈퇴 후, 변경하신 뒤, 가입 이후."""
    return any(m.form in ("후", "뒤", "이후") and m.tag in ("NNG", "NNB") for m in morphs[:last])


_CAUTIONS = _words("신중 신중하게 신중히 꼭 반드시 주의 조심 유의 미리 먼저")


def _caution(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """The main clause asks the customer to take care (신중하게 눌러 주세요, 꼭 확인해 주세요, 미리 백업해 두세요)."""
    return (fact.directive or fact.customer_cue) and any(
        morphs[k].form in _CAUTIONS and morphs[k].tag in ("MAG", "NNG", "XR") for k in range(first, last)
    )


def _unavailable_deal(morphs: tuple[Morph, ...], at: int, last: int) -> bool:
    """The negation at `at` modifies a menu, place, date or coupon that is the predicate (N이다)."""
    for k in range(at + 1, min(last - 2, at + 5)):
        if morphs[k].tag == "ETM":
            head = morphs[k + 1].form
            deal = head in _UNAVAILABLE_DEALS or (
                head in _GOODS and any(m.form in _COMMERCIAL_DEALS for m in morphs[:at])  # 쿠폰 못 쓰는 상품이에요
            )
            return deal and morphs[k + 2].tag == "VCP"
    return False


def _service_withheld(
    morphs: tuple[Morph, ...], spans: list[tuple[int, int, str | None]], facts: list[_Facts], start: int
) -> bool:
    """After a condition, the negated result is a service the company gives (다른 번호를 입력하시면 환불이
    불가합니다): a refusal set on a condition, not a device's consequence (초기화하면 사진을 되살릴 수 없습니다)."""
    for k in range(start, len(facts)):
        fact = facts[k]
        if not fact.negative:
            continue
        _, marked = _object_noun(morphs, spans[k][0], spans[k][1])
        nouns = [*marked, *(fact.subject.split() if fact.subject else [])]
        if fact.predicate_noun in _SERVICES or any(w[-2:] in _SERVICES for w in nouns):
            return not _operation_limit(morphs, spans[k][0], spans[k][1], fact)
    return False


def _operation_limit(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """A negated clause that says what a device or feature cannot do, or what other people cannot do to the
    customer's things, with no company action and no service by the agent: 캡처를 할 수 없습니다,
    파일 이동이 불가능합니다, 알림을 받을 수 없습니다, 다른 사람은 고객님 번호를 볼 수 없습니다."""
    if fact.agent_cue or fact.subject_class == "agent":
        return False
    if fact.subject is not None and _company_noun(fact.subject):
        return False
    if _deal(fact.topic_head):
        return False  # 상품권은 사용이 불가능해요: the customer's deal withheld
    obj, marked = _object_noun(morphs, first, last)
    device_object = obj is not None and obj not in _COMMERCIAL and _SUBJECT_WORDS.get(obj) == "product"
    if obj in _SIGNALS and (fact.topic_class == "product" or fact.subject_class == "product"):
        device_object = True  # 비행기 모드에서는 전화를 받을 수 없습니다: the mode's limit, not a refused service
    if any(w in _COMMERCIAL or w[-2:] in _COMPANY_ACTIONS for w in marked):
        return False  # 환불을 받을 수 없습니다, 이 쿠폰은 사용하실 수 없습니다: the customer's deal, not a device
    if fact.predicate_noun in _COMPANY_ACTIONS and not device_object:
        return False  # 취소할 수 없습니다; 알림을 받을 수 없습니다 is the app's
    if fact.subject_class == "person":
        return True  # 가족들도 볼 수 없습니다: other people are kept out, good news for the customer
    if device_object:
        return True
    op = fact.predicate_noun
    if op == "하":  # the object or topic names the operation: 캡처를 하다, 공동 편집은 하실 수 없다
        op = obj or (marked[-1] if marked else None)
    elif op in ("되", "가능", "불가", "불가능", "어렵", "힘들", None):  # the subject names it: 파일 이동이 불가능하다
        op = obj or (fact.subject.split()[-1] if fact.subject else None) or (marked[-1] if marked else None)
        if fact.predicate_noun in ("어렵", "힘들") and fact.subject:
            op = fact.subject.split()[-1]  # 빈 벽은 파노라마 촬영이 힘듭니다: an adjective's subject names it
        if (
            op in _ATTEMPT
            and op == obj_or_subject_head(fact)
            and not fact.topic_subject
            and fact.topic_class != "product"
            and not device_object
        ):
            return False  # 연결이 안 돼요, 로그인이 안 됩니다: an attempt that failed, which the agent can try again
    if op in ("허용", "허가") and not device_object and "product" not in (fact.subject_class, fact.topic_class):
        return False  # 대리 수령은 허용되지 않습니다: what the company permits, not a phone's permission setting
    if op in _DEVICE_OPS:
        return True
    # an action aimed at a device that is no company action: 두 기기에 페어링할 수 없습니다, 이 폰에는 유심을 못 넣어요
    return op is not None and op not in _COMPANY_ACTIONS and _product_goal(morphs, first, last)


_FRAME_NOUNS = _words("상태 환경 모드 화면")


def _framed_limit(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """Under a device setting (게스트 모드에서는, 잠금 화면에서는, 오프라인 상태에서는), what cannot be done there is
    the setting's limit told as information, unless the agent withholds a service (드리다) or the thing is a service
    or a benefit owed to the customer (쿠폰, 환불)."""
    if not fact.frame or fact.agent_cue or fact.subject_class in ("agent", "person", "third_party"):
        return False
    if fact.predicate_noun in _SERVICES:
        return False
    obj, marked = _object_noun(morphs, first, last)
    nouns = [w for w in (obj, *marked) if w]
    return not any(w in _SERVICES or w in _COMMERCIAL or w[-2:] in _SERVICES for w in nouns)


def _product_goal(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """A product noun marked by 에/에서/에게 in the clause: where the action goes is a device, app or feature."""
    for k in range(first + 1, last):
        m = morphs[k]
        if m.tag == "JKB" and m.form in ("에", "에서", "에게") and morphs[k - 1].tag in _NOMINAL:
            np_first = _np_start(morphs, k - 1, first)
            if classify(morphs, np_first, k) == "product" and morphs[k - 1].form not in _COMMERCIAL:
                return True
    return False


# What a phone sends and receives: under a product frame (이 모드에서는) 받다/보내다 of these is the device's.
_SIGNALS = _words("전화 문자 메시지 통화 메일 이메일 신호 푸시 전화벨 착신 발신 영상통화 음성통화")


# What a company does not answer for (책임지다, 책임을 지다, 보장하다, 보증하다 …): negated, it states the terms of
# the service (분실물에 대해서는 책임지지 않습니다), not a refusal of what the customer asked.
_LIABILITY = _words("책임지 책임 보장 보증 관여 개입 배상 책임질")


def _disclaimer(morphs: tuple[Morph, ...], first: int, last: int, fact: _Facts) -> bool:
    """A negated liability predicate with no agent's service (드리다) and no -시-: the company's terms told as
    information. 배상해 드리지 않습니다 stays a refusal (the agent withholds a service)."""
    if fact.customer_cue or fact.predicate_noun == "드리":
        return False
    noun = fact.predicate_noun
    if noun == "지":  # 책임을 지지 않습니다: the object names the predicate
        noun, _ = _object_noun(morphs, first, last)
    if noun == "적용" and fact.subject is not None and "보증" in fact.subject:
        return True  # 보증 서비스가 적용되지 않습니다: the warranty's terms
    return noun in _LIABILITY


def obj_or_subject_head(fact: _Facts) -> str | None:
    """The last word of the clause's subject as written (와이파이 연결 -> 연결)."""
    return fact.subject.split()[-1] if fact.subject else None


# Classes of negated predicates, for the next step a rewrite offers (알 수 없습니다 -> 확인되는 대로 연락드리기;
# 통화가 어렵습니다 -> 제가 먼저 연락드리기; 조회가 안 됩니다 -> 다시 해 보기). 드리다 makes any of them a service
# the agent withholds (알려 드릴 수 없습니다): an action.
_KNOWLEDGE = _words("알 모르 확인 파악 확답 장담 예상 예측 판단 확정 답변")
_CONTACT = _words("통화 전화 연락 상담 응대 회신 콜백 통화연결")
_ATTEMPT = _words(
    "연결 접속 조회 로그인 결제 재결제 로딩 동기화 인증 본인인증 전송 업로드 다운로드 검색 업데이트 접수 등록 인식"
)
_GENERIC_PREDICATES = _words("되 하 어렵 힘들 곤란 가능 불가 불가능 없 있 않 못하")


def _predicate_class(
    morphs: tuple[Morph, ...], spans: list[tuple[int, int, str | None]], facts: list[_Facts]
) -> str | None:
    """The class of the last negated predicate outside a condition: its verb (알 수 없습니다), else the noun that
    names it, object or subject (확인이 어렵습니다, 통화가 어렵습니다)."""
    picked = [k for k, (f, (_, _, rel)) in enumerate(zip(facts, spans, strict=True))
              if f.negative and rel != "condition"]
    if not picked:
        return None
    k = picked[-1]
    fact = facts[k]
    first, last, _ = spans[k]
    op = fact.predicate_noun
    if op == "드리":
        return "action"
    if op in ("어렵", "힘들", "곤란"):  # 알기 어렵습니다, 확인하기 힘듭니다: the verb before -기 names it
        for i in range(max(first, fact.negative_at - 3), max(first, fact.negative_at)):
            if morphs[i].form == "기" and morphs[i].tag == "ETN" and i > first:
                verb = morphs[i - 1]
                op = morphs[i - 2].form if verb.tag == "XSV" and i - 2 >= first else verb.form
                break
    if op is None or op in _GENERIC_PREDICATES:
        obj, marked = _object_noun(morphs, first, last)
        op = obj or obj_or_subject_head(fact) or (marked[-1] if marked else None)
    if op in _KNOWLEDGE:
        return "knowledge"
    if op in _CONTACT:
        return "contact"
    if op in _ATTEMPT:
        return "attempt"
    return "action"


def _object_noun(morphs: tuple[Morph, ...], first: int, last: int) -> tuple[str | None, list[str]]:
    """The last word of the clause's 을/를 object (or a bare noun before a separate 하다: 페어링 하다), and every
    noun marked by 을/를 or a topic particle (a topicalised object: 이 쿠폰은 쓰실 수 없습니다)."""
    found = None
    marked: list[str] = []
    for k in range(first + 1, last):
        m = morphs[k]
        prev = morphs[k - 1]
        if m.tag == "JKO" and prev.tag == "ETN" and prev.form == "ᆷ" and k >= first + 2:
            found = _with_m(morphs[k - 2].form)  # 알리+ㅁ: 알림을 받다
            marked.append(found)
            continue
        if prev.tag not in _NOMINAL:
            continue
        if m.tag == "JKO":
            found = prev.form
            marked.append(prev.form)
        elif m.tag == "JX" and m.form in ("은", "는", "ᆫ", "도") and prev.form not in _TIME_NOUNS:
            marked.append(prev.form)
        elif m.form == "하" and m.tag == "VV" and prev.tag == "NNG" and prev.word != m.word:
            head = k - 1  # the whole noun of that word: Kiwi reads 페어링 as 페어 + 링
            while head > first and morphs[head - 1].tag == "NNG" and morphs[head - 1].word == prev.word:
                head -= 1
            found = "".join(x.form for x in morphs[head:k])
    return found, marked


def _with_m(stem: str) -> str:
    """The noun a stem makes with -ㅁ (알리 -> 알림), for nouns Kiwi splits into stem + ETN."""
    last = stem[-1:]
    if not ("가" <= last <= "힣") or (ord(last) - 0xAC00) % 28:
        return stem + "ᆷ"
    return stem[:-1] + chr(ord(last) + 16)


def _steps(morphs: tuple[Morph, ...], spans: list[tuple[int, int, str | None]], facts: list[_Facts]) -> bool:
    """Device steps: the step the customer is told to take, or one chained before it with -고/-며
    (앱을 열고 … 누르세요); not a step given as a means (캡처해서 올리세요). A directive done in or on a device,
    app or file is a step whatever its verb (건강 앱에서 정보를 만드세요, 앨범에 사진을 추가하세요)."""
    if facts[-1].step:
        return True
    if any(f.step and rel == "sequence" for f, (_, _, rel) in zip(facts, spans, strict=True)):
        return True
    first, last, _ = spans[-1]
    return facts[-1].directive and _on_device(morphs, first, last)


_DEVICE_PLACE = _words("에 에서 을 를")


def _on_device(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """The clause acts on or in a device, app or file (an object or a place of that class, not a commercial one)."""
    for k in range(first + 1, last):
        m = morphs[k]
        if m.form in _DEVICE_PLACE and m.tag in ("JKB", "JKO") and morphs[k - 1].tag in _NOMINAL:
            np_first = _np_start(morphs, k - 1, first)
            if classify(morphs, np_first, k) == "product" and morphs[k - 1].form not in _COMMERCIAL:
                return True
    return False


# What the company grants rather than what a device does: a negative about these is withheld from the customer
# (이 쿠폰은 배달 주문에 쓸 수 없어요, 교환 대상이 아닙니다), a refusal or bad news, not a product's limitation.
_BENEFITS = _words(
    "쿠폰 포인트 적립금 마일리지 상품권 기프티콘 바우처 멤버십 구독 요금제 플랜 패키지 티켓 할인권 이용권 혜택 "
    "사은품 증정품"
)
_ELIGIBILITY = _words("대상 자격 적용 혜택 보증 무상 중복")  # not 해당: 해당 서비스 is "the service in question"


def _benefit_withheld(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """The negative clause is about a benefit or who is eligible for it, not about what a device can do."""
    return any(
        morphs[k].form in _BENEFITS or morphs[k].form in _ELIGIBILITY
        for k in range(first, last)
        if morphs[k].tag in ("NNG", "NNP", "XR")
    )


_HARMS = _words("직사광선 햇빛 고온 열 습기 물기 화기 불 불꽃 충격 먼지 자석 어린이 아이 유아 반려동물")


def _away_from_harm(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """A place kept out of harm's reach ('-이 닿지 않는 곳에', '-를 피해'): where to keep a thing safely, a
    safety instruction rather than a request of the customer's effort."""
    for k in range(first, last):
        m = morphs[k]
        if m.form == "않" and m.tag == "VX" and k + 2 < last and morphs[k + 1].tag == "ETM" \
                and morphs[k + 2].form in ("곳", "데", "장소"):
            return True
        if m.form == "피하" and m.tag == "VV" and any(morphs[j].form in _HARMS for j in range(first, k)):
            return True
    return False


def _stock_before(morphs: tuple[Morph, ...], i: int) -> bool:
    """The word before morpheme i, particles skipped, is stock or seats (재고가 없습니다, 좌석이 남아 있지 않습니다)."""
    k = i - 1
    while k >= 0 and morphs[k].tag.startswith("J"):
        k -= 1
    return k >= 0 and morphs[k].form in _STOCK_NOUNS


def _sagwa(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    return any(morphs[k].form == "사과" and morphs[k + 1].form == "드리" for k in range(first, last - 1))


def _can_word(morphs: tuple[Morph, ...], i: int, first: int) -> bool:
    """있다/없다 of '-ㄹ 수 있다/없다': the predicate that counts is the verb before it (복구해 드릴 수 없어요)."""
    if morphs[i].form not in ("있", "없"):
        return False
    k = i - 1
    while k >= first and morphs[k].tag.startswith("J"):
        k -= 1
    return k >= first and morphs[k].form == "수" and morphs[k].tag == "NNB"


def _company_noun(text: str) -> bool:
    return text.replace(" ", "")[-2:] in _COMPANY_ACTIONS


def _jimal(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """-지 마세요 / -지 말다 in the main clause."""
    return any(
        morphs[k].form == "말" and morphs[k].tag == "VX" and k > 0 and morphs[k - 1].form == "지"
        for k in range(first, last)
    )


# Words of an emergency: a directive about them is safety guidance (or a device's SOS feature told as a step), not
# a task the company hands the customer, so it is not softened into a request.
_EMERGENCY = _words("긴급 응급 비상 구조 구급 대피 SOS sos 119 112 911 긴급전화 긴급통화 응급실 구급차")


def _emergency(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """The main clause is about an emergency: 구조 요청 전화를 거세요, 112에 신고하세요, 건물 밖으로 대피하세요."""
    for k in range(first, last):
        m = morphs[k]
        if m.form not in _EMERGENCY:
            continue
        if m.form == "구조" and not (k + 1 < last and morphs[k + 1].form in ("요청", "신고", "대")):
            continue  # 구조 is also 'structure' (화면 구조): only 구조 요청 / 구조대 is a rescue
        return True
    return False


def _named_mode(morphs: tuple[Morph, ...]) -> bool:
    """금지 only inside a feature's name (방해 금지 모드, 캡처 금지 설정): the name of a mode, not a prohibition."""
    at = [k for k, m in enumerate(morphs) if m.form == "금지"]
    return all(k + 1 < len(morphs) and _SUBJECT_WORDS.get(morphs[k + 1].form) == "product" for k in at)


def _reassurance(morphs: tuple[Morph, ...], first: int, last: int) -> bool:
    """걱정하지 마세요: -지 마세요 that reassures, not a prohibition."""
    return any(morphs[k].form in ("걱정", "염려", "심려") for k in range(first, last)) and _jimal(morphs, first, last)


# Verbs of a farewell or a wish for the customer's wellbeing: in -세요 they wish, they do not order (잘 다녀오세요,
# 푹 쉬세요, 편히 주무세요, 건강하세요, 힘내세요); 가다/들어가다 only with a farewell manner (조심히 들어가세요).
_WISH_VERBS = _words("다녀오 다녀가 주무시 주무 쉬 힘내 건강하 행복하 건강 행복 지내")
_WISH_MOVES = _words("가 들어가 오 들어오 돌아가")
_WISH_MANNER = _words("잘 조심히 조심해서 편히 편안히 안전하게 무사히 살펴 푹 즐겁게 행복하게 건강하게")


def _wish(morphs: tuple[Morph, ...]) -> bool:
    """The sentence ends on a wish verb in -(으)세요/-십시오 with nothing the customer must act on (no object)."""
    # the final ending; Kiwi tags -ㅂ시오 before '~' as EC, so a directive EC with only symbols after it counts too
    ef = max(
        (k for k, m in enumerate(morphs) if m.tag == "EF" or (m.tag == "EC" and _at_end(morphs, k + 1))), default=-1
    )
    if ef < 1 or morphs[ef].form not in _DIRECTIVE_EF or any(m.tag == "JKO" or m.form == "?" for m in morphs):
        return False
    k = ef - 1
    while k > 0 and morphs[k].tag == "EP":
        k -= 1
    verb = morphs[k]
    if verb.form in _WISH_VERBS or (verb.tag in ("XSA", "VCP") and k > 0 and morphs[k - 1].form in _WISH_VERBS):
        return True
    if verb.form == "받" and any(m.form == "복" and m.tag == "NNG" for m in morphs[:k]):
        return True  # 새해 복 많이 받으세요
    return verb.form in _WISH_MOVES and any(m.form in _WISH_MANNER for m in morphs[:k])


def _closing(morphs: tuple[Morph, ...]) -> bool:
    """좋은 하루 보내세요 / 행복한 주말 되세요 / 언제든지 문의해 주세요 / 조심히 들어가세요."""
    if _wish(morphs):
        return True
    forms = [m.form for m in morphs]
    for k, m in enumerate(morphs):
        if (
            m.form in _CLOSING_NOUNS
            and m.tag.startswith("N")
            and k + 1 < len(morphs)
            and morphs[k + 1].form in ("보내", "되")
            and any(f in ("세요", "으세요", "시", "십시오", "ᆸ시오") for f in forms[k + 2 :])
        ):
            return True
    if ("언제" in forms or "언제든지" in forms or "언제든" in forms) and any(f in ("문의", "연락") for f in forms):
        return not any(m.tag == "VCN" or m.form in ("않", "없") for m in morphs)
    return False


# ---- rule conditions -----------------------------------------------------------------------------------
class _ConditionLike:  # what `meets` reads (schema.Condition); declared here to keep this module schema-free
    act: Sequence[str] | None
    not_act: Sequence[str] | None
    subject: Sequence[str] | None
    not_subject: Sequence[str] | None
    relation: Sequence[str] | None
    not_relation: Sequence[str] | None
    alternative: bool | None
    predicate: Sequence[str] | None
    not_predicate: Sequence[str] | None


def meets(
    condition: _ConditionLike, u: Understanding, morph_index: int, as_refusal: frozenset[str] = frozenset()
) -> bool:
    """Whether a rule's `when:` (or a suggestion's `sentence:`) holds for a match starting at `morph_index`.

    Acts in `as_refusal` (Config.acts_as_refusal) are seen as refusal."""
    act = "refusal" if u.act in as_refusal else u.act
    if condition.act is not None and act not in condition.act:
        return False
    if condition.not_act is not None and act in condition.not_act:
        return False
    if condition.predicate is not None and u.predicate not in condition.predicate:
        return False
    if condition.not_predicate is not None and u.predicate in condition.not_predicate:
        return False
    if condition.alternative is not None and u.alternative != condition.alternative:
        return False
    if any(v is not None for v in (condition.subject, condition.not_subject, condition.relation,
                                   condition.not_relation)):
        clause = clause_at(u, morph_index)
        if condition.subject is not None and clause.subject_class not in condition.subject:
            return False
        if condition.not_subject is not None and clause.subject_class in condition.not_subject:
            return False
        if condition.relation is not None and clause.relation not in condition.relation:
            return False
        if condition.not_relation is not None and clause.relation in condition.not_relation:
            return False
    return True


def in_quoted(u: Understanding, start: int, end: int) -> bool:
    """Whether chars [start, end) touch a quoted span of the sentence."""
    return any(start < b and a < end for a, b in u.quoted)


def why_not(
    condition: _ConditionLike, u: Understanding, morph_index: int, as_refusal: frozenset[str] = frozenset()
) -> list[str]:
    """The parts of a condition that fail here, in words a rule author reads (`cs-coach explain TEXT`)."""
    act = "refusal" if u.act in as_refusal else u.act
    clause = clause_at(u, morph_index)
    out = []
    if condition.act is not None and act not in condition.act:
        out.append(f"act {act} not in {list(condition.act)}")
    if condition.not_act is not None and act in condition.not_act:
        out.append(f"act {act} in not_act")
    if condition.alternative is not None and u.alternative != condition.alternative:
        out.append(f"alternative is {str(u.alternative).lower()}")
    if condition.predicate is not None and u.predicate not in condition.predicate:
        out.append(f"negated predicate {u.predicate} not in {list(condition.predicate)}")
    if condition.not_predicate is not None and u.predicate in condition.not_predicate:
        out.append(f"negated predicate {u.predicate} in not_predicate")
    if condition.subject is not None and clause.subject_class not in condition.subject:
        out.append(f"subject {clause.subject_class} not in {list(condition.subject)}")
    if condition.not_subject is not None and clause.subject_class in condition.not_subject:
        out.append(f"subject {clause.subject_class} in not_subject")
    if condition.relation is not None and clause.relation not in condition.relation:
        out.append(f"relation {clause.relation} not in {list(condition.relation)}")
    if condition.not_relation is not None and clause.relation in condition.not_relation:
        out.append(f"relation {clause.relation} in not_relation")
    return out
