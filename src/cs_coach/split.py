"""Cutting a long sentence in two at a clause ending, so that each half still says what it said.

A cut is made only where both halves keep their mood, tense, level, negation and modality:

- -고/-며 (coordination): the first half takes the second half's ending, so an instruction stays an instruction
  ('열고 눌러 주세요' -> '열어 주세요'); a negation, a 보조용언 of giving (해 드리다) outside a request, and a modal
  (할 수 있다) belong to their own clause and do not spread ('취소되며 … 청구되지 않습니다' -> '취소됩니다'); a modal
  over a step without a subject of its own cannot be cut ('대고 밀어서 볼 수 있습니다');
- -어서 (cause): the first half takes the tense ('써서 고장 났어요' -> '썼어요. 그래서 …'); -어서 of means or
  manner ('눌러서 여세요', '버튼을 눌러서 바꿀 수 있습니다') is one action and is not cut;
- -는데 (background), -지만 (contrast): a statement in the sentence's level; 하지만 links a contrast.

Never cut: inside a chain that leads to a condition ('받고 일주일이 지나면'), before an instruction said as
'-면 됩니다', after a one-word clause (a cushion: '번거로우시겠지만'), or inside a predicate ('-고 있다').
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .analyze import Morph, Sentence
from .inflect import STEM_TAGS, closing_punct
from .inflect import join as join_word
from .spans import is_symbol, syllable_span

Edit = tuple[int, int, str]

# Clause endings a long sentence can be cut at, with the word that links the two new sentences.
# -는데 is mostly background ('확인해 보니 깨진 것으로 보이는데 새 상품은 …'): no link word, where 그런데 would
# announce a turn that is not there.
LINKS = {"고": "", "며": "", "으며": "", "면서": "", "으면서": "", "는데": "", "ᆫ데": "", "은데": "",
         "지만": "하지만", "어서": "그래서", "아서": "그래서", "여서": "그래서"}
_COORDINATE = frozenset({"고", "며", "으며"})  # the second half's mood and tense spread over the first
_CAUSE = frozenset({"어서", "아서", "여서"})
_CLOSING = {"hapsyo": ("습니다", "EF"), "haeyo": ("어요", "EF")}
_MAIN_STEMS = frozenset({"VV", "VA", "XSV", "XSA", "VCP", "VCN"})
_TENSE = frozenset({"었", "았", "였", "겠"})
_HONORIFIC = frozenset({"시", "으시"})
_BENEFACTIVE = frozenset({"주", "드리"})
_NEGATIVE_VX = frozenset({"않", "못", "말"})
_IMPERATIVE = frozenset({"세요", "으세요", "ᆸ시오", "십시오", "으십시오", "어라", "아라"})
_CONDITION = frozenset({"면", "으면", "다면", "이면", "려면", "으려면", "거든", "으면은", "면은"})
_VERB_TAGS = frozenset({"VV", "XSV"})
_MAX_TRIED = 8  # cuts tried, nearest the middle first: each test reads the rest of the sentence
_TIME_SPANS = frozenset({"하루", "이틀", "사흘", "일주일", "보름", "한참", "시간", "기간", "며칠"})
_STEP_ENDINGS = frozenset({"고", "며", "으며", "어", "아", "여", "어서", "아서", "여서", "고서", "거나", "든지"})
_ADVERBIAL = frozenset({"게", "도록", "게끔"})
_STEP_NOUNS = frozenset({"다음", "후", "뒤", "전", "동안", "때", "채", "뒤에", "후에"})
_OBLIGATION = frozenset({"어야", "아야", "여야", "고"})
_TOPIC = frozenset({"은", "는", "ᆫ"})
_MOTION = frozenset({"가", "오", "방문", "들르", "나가", "나오", "들어가", "들어오", "찾아가", "찾아오", "다녀오",
                     "올라가", "내려가", "건너가", "모이", "내점", "이동"})
_AGENT_PRONOUNS = frozenset({"저", "제", "저희"})
# holding, wearing or bringing along: '대고 통화하다', 'iPhone을 가지고 출근하다', '아이를 데리고 오다'
_MANNER = frozenset({"대", "들", "끼", "쥐", "잡", "메", "차", "입", "신", "쓰", "물", "안", "업", "꽂", "가지", "지니",
                     "데리", "모시"})
_ALTERNATIVE = frozenset({"거나", "든지", "든가"})
_PROMISE = {"hapsyo": (("겠", "EP"), ("습니다", "EF")), "haeyo": (("ᆯ게요", "EF"),)}


def main_tail(morphs: Sequence[Morph]) -> list[tuple[str, str]] | None:
    """What follows the main predicate's stem: its tense, modality (ᆯ 수 있다), 보조용언 (어 주다) and ending.
    '눌러 주세요' -> 어+주+세요; '확인하실 수 있습니다' -> 시+ᆯ+수+있+습니다; None without a final ending."""
    real = [i for i, m in enumerate(morphs) if not is_symbol(m)]
    if not real or morphs[real[-1]].tag != "EF":
        return None
    j = real[-1]
    while j >= 0 and morphs[j].tag not in _MAIN_STEMS:
        j -= 1
    if j < 0:
        return None
    if _modal_at(morphs, j):  # '할 수 있다': the main stem is the one before ᆯ/ETM (and its -시-)
        k = j - 1
        while k >= 0 and morphs[k].tag != "ETM":
            k -= 1
        k -= 1
        while k >= 0 and morphs[k].tag == "EP" and morphs[k].form in _HONORIFIC:
            k -= 1
        if k >= 0 and (morphs[k].tag in _MAIN_STEMS or morphs[k].tag == "VX"):
            j = k
    return [(m.form, m.tag) for m in morphs[j + 1 : real[-1] + 1]]


def _modal_at(morphs: Sequence[Morph], j: int) -> bool:
    """Is morphs[j] the 있/없 of '-ㄹ 수 있다/없다' (수, maybe with 도/가/는 between)?"""
    return morphs[j].form in {"있", "없"} and j >= 2 and any(
        m.form == "수" and m.tag == "NNB" for m in morphs[max(0, j - 3) : j])


def _is_modal(tail: Sequence[tuple[str, str]]) -> bool:
    """Possibility or obligation of the main clause: 할 수 있다, 해야 하다, 하고 싶다."""
    if any(f == "수" and t == "NNB" for f, t in tail):
        return True
    return any(t == "EC" and f in _OBLIGATION and k + 1 < len(tail) and tail[k + 1][1] == "VX"
               for k, (f, t) in enumerate(tail))


def _is_negated(tail: Sequence[tuple[str, str]]) -> bool:
    return any(t == "VX" and f in _NEGATIVE_VX for f, t in tail)


def _is_request(tail: Sequence[tuple[str, str]], question: bool) -> bool:
    """An imperative or a polite request (주세요, 주시겠어요?): the mood a step of an instruction shares."""
    return tail[-1][0] in _IMPERATIVE or (question and any(t == "VX" and f in _BENEFACTIVE for f, t in tail))


def close_half(
    stem: list[tuple[str, str]], tail: list[tuple[str, str]], link: str, level: str, question: bool,
    stem_is_modal: bool = False, own_subject: bool = False, two_subjects: bool = False, agent: bool = False,
) -> list[tuple[str, str]] | None:
    """The first half of a split, ended so that it keeps what the sentence means (see the module doc), or None
    when no ending can keep it. Its own -시- and tense stay."""
    if not stem or not tail:
        return None
    if two_subjects and link in _COORDINATE:
        # '제가 확인하고 고객님께서는 신청해 주세요': each half has its own doer, so the second half's mood,
        # -시-, modality and negation are not the first's: it becomes a plain statement with its own tense
        if agent and not any(t == "EP" for _, t in stem):  # '제가 확인하고': the agent's own act is a promise
            return [*stem, *_PROMISE[level]]
        return [*stem, _CLOSING[level]]
    own_tense = any(t == "EP" and f in _TENSE for f, t in stem)
    tail_honorific = any(t == "EP" and f in _HONORIFIC for f, t in tail) or tail[-1][0] in {"세요", "으세요"}
    if tail_honorific:  # '작성하시고 방문하세요' -> '작성하세요', not '작성하시세요'
        stem = [m for m in stem if not (m[1] == "EP" and m[0] in _HONORIFIC)]
    if not stem:
        return None  # the cut word was only -시-: nothing left to end
    final = tail[-1]
    request = _is_request(tail, question)
    if link in _COORDINATE and _is_modal(tail) and not stem_is_modal and not own_tense and not own_subject:
        return None  # '대고 밀어서 캡처할 수 있습니다', '백업해 두고 복원할 수 있습니다': a modal over a step
    if stem[0][1] == "VX" or stem_is_modal:
        # the cut word is a 보조용언 ('옮기고 있고', '알려 드리고') or the modal of its own clause ('볼 수 있으며'):
        # it takes tense and ending only; not the main predicate's -시- ('요금이 나가지 않고 … 이용하실 수 있습니다'
        # -> '나가지 않습니다', never '않으십니다'): its own -시- is in the cut word already when it has one
        tail = [m for m in tail if m[1] == "EF" or (m[1] == "EP" and m[0] in _TENSE)]
    else:
        if link in _COORDINATE and _is_modal(tail):  # with its own tense or subject, a fact of its own
            tail = [m for m in tail if m[1] == "EF" and m[0] not in _IMPERATIVE] or [_CLOSING[level]]
        elif _is_negated(tail):
            if link in _COORDINATE and any(f == "말" and t == "VX" for f, t in tail):
                return None  # '열고 만지지 마세요': a prohibition's scope is not clear
            tail = [m for m in tail if m[1] in {"EP", "EF"} and m[0] not in _HONORIFIC]  # negation stays in its clause
        benefactive_before = any(t in {"VX", "VV"} and f in _BENEFACTIVE for f, t in stem[-2:])
        if benefactive_before or not request:  # no stacked 드리다; '되고 … 안내해 드립니다' -> '됩니다'
            tail = [m for k, m in enumerate(tail) if not (m[1] == "VX" and m[0] in _BENEFACTIVE)
                    and not (m[1] == "EC" and k + 1 < len(tail) and tail[k + 1][0] in _BENEFACTIVE)]
    if link in _COORDINATE:
        if request and any(t == "VX" and f == "드리" for f, t in stem):
            return [*stem, _CLOSING[level]]  # '안내해 드리며 … 물어보세요': the agent's own act is not an instruction
        if question and not request:
            return None  # '확인하고 연락 주시겠어요?': '확인하시겠어요?' would ask something else
        if question and stem[0][1] == "VX":
            return None  # '켜 보시고 … 보내 주시겠어요?': '켜 보시겠어요.' is neither a request nor a statement
        return [*stem, *[m for m in tail if not (own_tense and m[1] == "EP" and m[0] in _TENSE)]]
    if link in _CAUSE:
        if any(t in {"ETM", "NNB", "VX", "EC"} or f == "겠" for f, t in tail) or closing_punct(tail) == "?":
            return None  # '들어가서 고장 날 수 있어요': a cause of a possibility is not a fact to state apart
        tense = [] if own_tense else [m for m in tail if m[1] == "EP" and m[0] in _TENSE]
        return [*stem, *tense, final if final[0] not in _IMPERATIVE else _CLOSING[level]]
    return [*stem, _CLOSING[level]]


def _cut_points(morphs: Sequence[Morph]) -> list[int]:
    """Clause endings at a word's end, not before a 보조용언 ('-고 있다', '-고 싶다' are one predicate)."""
    return [i for i, m in enumerate(morphs[:-1]) if m.tag == "EC" and m.form in LINKS
            and morphs[i + 1].word != m.word and i > 0 and morphs[i - 1].word == m.word
            and not is_symbol(morphs[i + 1]) and morphs[i + 1].tag != "VX"]


def _blocked(morphs: Sequence[Morph], cut: int, first: int, tail: Sequence[tuple[str, str]], question: bool) -> bool:
    """Cuts that would change what the sentence means whatever the first half's ending (module doc)."""
    form = morphs[cut].form
    begins = _clause_start(morphs, cut)
    if not any(not is_symbol(m) and m.tag != "IC" for m in morphs[begins:first]):
        return True  # a one-word clause: a cushion ('번거로우시겠지만') or an opener
    if (form in _COORDINATE or form in _CAUSE) and _chain_goes_on(morphs, cut):
        return True
    if form == "고" and morphs[cut - 1].form in _MANNER and morphs[cut - 1].tag == "VV":
        return True  # '귀에 대고 통화할 때', '두 손으로 들고': holding or wearing is the manner of what follows
    if form in _COORDINATE and _alternative_follows(morphs, cut):
        return True  # '스와이프하고 멈추시거나 … 누르세요': the step belongs to the first of two alternatives
    if form in _COORDINATE and _has_condition(morphs[:first]) and not _has_condition(morphs[cut + 1 :]) \
            and _bare_subject_first(morphs, cut + 1):
        return True  # '끄면 A가 꺼지고 B가 멈춥니다': cut off, B would no longer depend on the condition
    if form in _CAUSE and morphs[cut - 1].form in _MOTION:
        return True  # '방문해서 가져가다', '들러서 받으세요': going somewhere to do a thing is one sequence, no cause
    if form in _CAUSE:
        clause = morphs[first:cut]
        verb = any(m.tag in _VERB_TAGS for m in clause) and not any(
            m.tag in {"XSA", "VA", "VCP"} or (m.form == "되" and m.tag == "XSV") for m in clause)
        if verb and (_is_request(tail, question) or _is_modal(tail)):
            return True  # '길게 눌러서 메뉴를 여세요', '눌러서 바꿀 수 있습니다': -어서 of means, one action
        past = any(t == "EP" and f in _TENSE for f, t in tail)
        if verb and not past and any(m.tag == "JKO" for m in morphs[begins:cut]):
            return True  # '위젯을 터치해서 메뉴를 연 뒤': a step done by the same person, not a cause
    return False


_CONDITION_NOUNS = frozenset({"경우", "때"})


def _bare_subject_first(morphs: Sequence[Morph], begins: int) -> bool:
    """Does the clause open with a plain subject or object ('B가 멈춥니다', '크기를 잴 수 있습니다', '업체에서 모을 수
    없습니다'), a second result of what came before? One that opens with a frame of its own ('남은 기간 동안은',
    '생일 달에는', '카드사에 따라', '결과도') stands as a sentence. Modifiers inside the noun phrase ('설정해 두신
    알림이') are read through."""
    for k in range(begins, len(morphs)):
        m = morphs[k]
        nxt = morphs[k + 1] if k + 1 < len(morphs) else None
        if m.tag in {"JKS", "JKO"}:
            return True
        if m.tag == "JKB" and m.form == "에서" and not (nxt is not None and nxt.tag == "JX"):
            return True  # '제공업체에서 수집할 수 없습니다': an organisation as the subject ('에서는' is a frame)
        if m.tag in {"JX", "JKB", "EF"} or (m.tag == "MAG" and k == begins):
            return False
        if m.tag == "EC" and (nxt is None or (nxt.word != m.word and nxt.tag != "VX")):
            return False  # the clause ends before naming a subject
    return False


def _has_condition(morphs: Sequence[Morph]) -> bool:
    """A condition or a 'when' frame: -면, -다면, '-는 경우', '-ㄹ 때'."""
    return any((m.tag == "EC" and m.form in _CONDITION) or (m.form in _CONDITION_NOUNS and m.tag in {"NNG", "NNB"})
               for m in morphs)


def _alternative_follows(morphs: Sequence[Morph], cut: int) -> bool:
    """The next clause ending after the cut is -거나/-든지: the cut clause is part of one alternative. Punctuation
    after the ending ('탭하거나,') does not hide it."""
    for k in range(cut + 1, len(morphs)):
        m = morphs[k]
        if m.tag == "EC":
            nxt = next((n for n in morphs[k + 1 :] if not is_symbol(n)), None)
            if nxt is None or (nxt.word != m.word and nxt.tag != "VX"):
                return m.form in _ALTERNATIVE
        if m.tag == "EF":
            return False
    return False


def _chain_goes_on(morphs: Sequence[Morph], cut: int) -> bool:
    """Does the clause cut off belong to a larger one that a later clause ending closes? A condition
    ('받고 일주일이 지나면', '누르고 … 탭하시면 됩니다'), a noun phrase ('멈추고 기다리는 기능',
    '읽고 해결해 보시는 것') or an adverbial ('편리하고 빠르게 인증할 수 있는'). Steps ('탭한 다음', '켜고',
    '눌러') pass on to the next ending."""
    real = [k for k in range(cut + 1, len(morphs)) if not is_symbol(morphs[k])]
    for k, after in pairwise(real):
        m, nxt = morphs[k], morphs[after]
        if m.tag == "ETM" and nxt.form == "데" and nxt.tag == "NNB":
            return False  # '살펴보는데' read as ETM + 데: a clause ending (-는데) of its own
        if nxt.word == m.word or nxt.tag == "VX":
            continue
        if m.tag == "ETM":
            if _describes_a_noun(morphs, after) and nxt.form not in _STEP_NOUNS and nxt.form != "수":
                return True
            continue  # a step ('탭한 다음'), a modal ('할 수'), a modifier inside the next clause ('가지고 계신 쿠폰')
        if m.tag == "EC" and m.form in _STEP_ENDINGS:
            continue
        if m.tag in {"EC", "EF"}:
            if m.form in _CONDITION:
                return _leads_to_condition(morphs, cut, k)
            return m.form in _ADVERBIAL
    return False


def _leads_to_condition(morphs: Sequence[Morph], cut: int, k: int) -> bool:
    """The cut clause is a step of the condition ending at k ('받고 일주일이 지나면', '선택하고 … 누르면'),
    unless it states a fact about a subject of its own ('환불이 되고 부족한 구성품이 있으면 연락드려요'); a person
    doing the step does the condition too ('사용자가 앱을 켜고 출근하면') unless it names another. Time passing
    after it ('듣고 2분이 지나면') always continues it."""
    if any(m.form == "지나" for m in morphs[cut + 1 : k]) and any(
        m.tag in {"SN", "NR"} or m.form in _TIME_SPANS for m in morphs[cut + 1 : k]
    ):
        return True
    begins = _clause_start(morphs, cut)
    if not _own_subject(morphs, begins, cut):
        return True
    return _person_subject(morphs, begins, cut) and not leads_with_subject(morphs, cut + 1)


_PERSON_NOUNS = frozenset({"사용자", "고객", "회원", "손님", "본인", "분", "보호자", "구매자", "주문자"})


def _person_subject(morphs: Sequence[Morph], begins: int, cut: int) -> bool:
    """Is the clause's subject a person ('고객님이', '사용자가', '제가')? A person who does the step is the
    doer of the condition that follows it too, unless that condition names someone else."""
    for k in range(begins + 1, cut):
        if morphs[k].tag == "JKS":
            head = morphs[k - 1]
            return head.tag == "NP" or head.form in _PERSON_NOUNS or (head.tag == "XSN" and head.form == "님")
    return False


def _describes_a_noun(morphs: Sequence[Morph], head: int) -> bool:
    """After an adnominal ending, does the sentence end by naming that noun ('… 기다리는 기능이 있습니다', '…
    설정하는 기능입니다', '… 해 보시는 것을 추천드립니다')? Then the whole chain describes it. A modifier inside the
    next clause ('누르고 받으신 쿠폰 번호를 입력해 주세요') does not end the chain."""
    if morphs[head].form in {"것", "거", "게"}:
        return True
    stems = [m for m in morphs[head:] if m.tag in STEM_TAGS]
    return bool(stems) and (stems[-1].tag in {"VCP", "VCN"} or (stems[-1].form in {"있", "없"} and not any(
        m.form == "수" and m.tag == "NNB" for m in morphs[head:])))


def _own_subject(morphs: Sequence[Morph], begins: int, cut: int, topics: bool = False) -> bool:
    """Has the clause a subject of its own ('환불이 되고')? Not one inside a modifier
    ('앱이 흔들릴 때까지 … 터치하고'). With `topics`, a topic counts too ('주문하신 상품은 … 출고되고')."""
    last_modifier = max((k for k in range(begins, cut) if morphs[k].tag == "ETM"), default=begins - 1)
    if topics and any(  # '제가 … 주문하신 상품을 확인하고': the agent is never inside the customer's modifier
        m.tag == "NP" and m.form in _AGENT_PRONOUNS and k + 1 < cut
        and (morphs[k + 1].tag == "JKS" or _topic_at(morphs, k + 1)) for k, m in enumerate(morphs[begins:cut], begins)
    ):
        return True
    return any(m.tag == "JKS" or (topics and _topic_at(morphs, k)) for k, m in
               enumerate(morphs[last_modifier + 1 : cut], last_modifier + 1))


def _topic_at(morphs: Sequence[Morph], k: int) -> bool:
    """은/는 on a noun phrase (고객님은, 저는, 고객님께서는)."""
    m = morphs[k]
    return m.tag == "JX" and m.form in _TOPIC and k > 0 and (
        morphs[k - 1].tag[0] == "N" or morphs[k - 1].tag in {"JKS", "XSN"})


def leads_with_subject(morphs: Sequence[Morph], begins: int) -> bool:
    """Does the clause starting at `begins` name its subject or topic before its first predicate ('고객님께서는
    … 해 주세요')? Then the two halves of a -고 chain have doers of their own."""
    for k in range(begins, len(morphs)):
        m = morphs[k]
        if m.tag in _MAIN_STEMS or m.tag == "VX" or m.tag in {"EC", "EF", "ETM"}:
            return False
        if m.tag == "JKS" or _topic_at(morphs, k):
            return True
    return False


def _clause_start(morphs: Sequence[Morph], cut: int) -> int:
    """Where the clause that ends at the cut begins: after the previous clause ending (an EC ending a word)."""
    k = cut - 1
    while k >= 0:
        if morphs[k].tag == "EC" and morphs[k + 1].word != morphs[k].word and morphs[k + 1].tag != "VX" \
                and morphs[k].form not in _ADVERBIAL:  # '길게 탭하시고' is one clause
            return k + 1
        k -= 1
    return 0


def split_edits(sentence: Sentence, text: str) -> list[Edit] | None:
    """The edits that cut the sentence at the clause ending nearest its middle that keeps its meaning
    ('가져가고 검사하면' -> '가져가요. 검사하면'), or None when no cut can."""
    morphs = sentence.morphs
    middle = len(morphs) / 2
    tail = main_tail(morphs)
    if tail is None:
        return None
    level = sentence.level if sentence.level in _CLOSING else "haeyo"
    question = any(m.form == "?" for m in morphs[-3:])
    for cut in sorted(_cut_points(morphs), key=lambda i: abs(i - middle))[:_MAX_TRIED]:
        word = morphs[cut].word
        first = next(i for i, m in enumerate(morphs) if m.word == word)
        stem = [(m.form, m.tag) for m in morphs[first:cut]]
        if not stem or (stem[-1][1] not in STEM_TAGS and stem[-1][1] != "EP"):
            continue
        if any(m.tag == "VCP" and m.start == m.end for m in morphs[first:cut]):
            continue  # a copula with no letters of its own ('여시고' misread as 여시+이+고): no ending to rebuild
        if _blocked(morphs, cut, first, tail, question):
            continue
        modal = first >= 1 and _modal_at(morphs, first)
        subject = _own_subject(morphs, _clause_start(morphs, cut), cut)
        two = _own_subject(morphs, _clause_start(morphs, cut), cut, topics=True) and leads_with_subject(
            morphs, cut + 1)
        agent = two and any(m.tag == "NP" and m.form in _AGENT_PRONOUNS and k + 1 < cut and morphs[k + 1].tag[0] == "J"
                            for k, m in enumerate(morphs[_clause_start(morphs, cut) : cut], _clause_start(morphs, cut)))
        halves = close_half(stem, tail, morphs[cut].form, level, question, stem_is_modal=modal, own_subject=subject,
                            two_subjects=two, agent=agent)
        if halves is None:
            continue
        start, _ = syllable_span(morphs, first, cut)
        head, halves = _kept_head(morphs, first, start, halves, text)
        _, end = syllable_span(morphs, cut, cut + 1)
        link = LINKS[morphs[cut].form]
        punct = "?" if question and closing_punct(halves) == "?" else "."
        edits: list[Edit] = [(start, end, head + join_word(halves) + punct)]
        if link:
            edits.append((morphs[cut + 1].start, morphs[cut + 1].start, link + " "))
        return edits
    return None


def _kept_head(
    morphs: Sequence[Morph], first: int, start: int, halves: list[tuple[str, str]], text: str
) -> tuple[str, list[tuple[str, str]]]:
    """The word's nouns before its predicate stem, as written ('탭하시고' -> '탭' + 하시다…): Kiwi's join would
    space them ('탭 합니다'). The whole word is joined when the stem shares a syllable with what precedes it."""
    p = next((k for k, (_, t) in enumerate(halves) if t in STEM_TAGS), None)
    if not p or first + p >= len(morphs) or halves[:p] != [(m.form, m.tag) for m in morphs[first : first + p]]:
        return "", halves
    stem = morphs[first + p]
    if stem.start < morphs[first + p - 1].end:
        return "", halves
    return text[start : stem.start], halves[p:]
