"""Suggestions: morpheme edits on the affected 어절 only, joined by `inflect`, spliced into the original text.

Words that an edit does not touch are copied from the original text, never regenerated (re-joining whole
sentences changes about one in nine of them).

Templates (`replace`, `prefix`, `append`) may hold `{capture}` (the captured text), `{capture|어/EC+주/VX}`
(the captured morphemes joined with more morphemes: a conjugated form), and any other `{slot}`: something only
the agent knows (`{대안}`, `{이유}`, `{N}`). A suggestion with slots is a template and says so in `inputs`;
it is not offered when the reply already says the thing (a number of minutes, an alternative that follows).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace as with_fields
from typing import NamedTuple

from .analyze import Analysis, Morph, Sentence, tokenize_phrase
from .inflect import STEM_TAGS, slots
from .inflect import join as join_word
from .josa import choose, has_coda
from .lexicon import gloss_suggestion
from .match import Hit
from .models import SlotInput, Suggestion
from .packs import CompiledRule
from .schema import MORPHEME_LIST, TEMPLATE_SLOT, LexiconEntry, Suggest
from .sentences import Understanding, meets, understand
from .spans import is_symbol, sentence_span, syllable_span, word_range, word_span
from .split import leads_with_subject, split_edits

_LEVEL_FALLBACK = ("haeyo", "hapsyo", "banmal")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

Edit = tuple[int, int, str]  # replace text[start:end] with the string


def suggestions_for(
    compiled: CompiledRule,
    hit: Hit,
    analysis: Analysis,
    understanding: Understanding | None = None,
    as_refusal: frozenset[str] = frozenset(),
) -> list[Suggestion]:
    """The rule's rewrites of one hit; a suggestion with `sentence:` only where the sentence meets it."""
    if hit.sentence is None:
        return []
    sentence = analysis.sentences[hit.sentence]
    following = analysis.sentences[hit.sentence + 1] if hit.sentence + 1 < len(analysis.sentences) else None
    text = analysis.text
    out: list[Suggestion] = []
    hit_start, hit_end = word_span(sentence.morphs, hit.first, hit.last)
    next_act = understand(following).act if following is not None else None
    next_step = next_act in _NEXT_STEP_ACTS
    if understanding is not None and next_step and not understanding.alternative:
        understanding = with_fields(understanding, alternative=True)  # for `sentence:` only; detection is untouched
    if isinstance(hit.entry, LexiconEntry):
        for made, template in _lexicon_suggestions(hit, sentence, hit.entry, text):
            names = slots(template)
            if names and any(already_stated(name, hit, sentence, following, understanding) for name in names):
                continue
            out.append(_with_inputs(made, names, [template], {}))
    for suggest in compiled.rule.suggest:
        condition = suggest.sentence
        if condition and understanding and not meets(condition, understanding, hit.first, as_refusal):
            continue
        if (next_step or next_act in _STILL_NEGATIVE) and suggest.append is not None and not any(
            slots(t) for t in _values(suggest.append)
        ):
            continue  # the next sentence tells the next step, or goes on with the bad news: the step goes after it
        made = _apply_suggest(suggest, hit, sentence, text)
        if made is None:
            continue
        if compiled.rule.category in _DIRECTIVE_CATEGORIES:
            made = _without_dismissive_na(made, sentence, text)
        if made.end > made.start and made.start < hit_end and made.end > hit_start:
            made = _without_retort(made, sentence, hit.first, text)  # the answer is given again, calmly, whole
        names = _template_slots(suggest, hit)
        if names and any(already_stated(name, hit, sentence, following, understanding) for name in names):
            continue
        out.append(_with_inputs(made, names, _templates(suggest), suggest.inputs))
    return [s for s in _unique(out) if text[s.start : s.end] != s.replacement]


# A directive in the next sentence is the next step already given ('내일 다시 신청해 주세요').
_NEXT_STEP_ACTS = frozenset({"request", "instruction"})
# A refusal or bad news that goes on in the next sentence: one next step, after the last of them, not after each.
_STILL_NEGATIVE = frozenset({"refusal", "bad_news"})


def _values(options: str | dict[str, str]) -> list[str]:
    return [options] if isinstance(options, str) else list(options.values())


_DIRECTIVE_CATEGORIES = frozenset({"request", "cushion"})
# (빨리 stays: '빨리 보내 주시겠어요?' is a fair request, and '가능한 한 빨리' is the vague time simple.yaml flags)
_PUSHY_ADVERBS = frozenset({"얼른", "당장", "빨랑", "퍼뜩", "냉큼", "어서어서"})
_NOT_AN_OBJECT = frozenset({"NNB", "NR", "SN", "NP"})  # 두 개나 (so many), 누구나, 언제나: not the dismissive -나


def dismissive_na(morphs: Sequence[Morph]) -> list[int]:
    """Where a request belittles what it asks for with -나/-이나 ('영수증이나 보내 주세요', '재부팅이나 해 보세요':
    'just do this much'). Not the -나 of a choice between nouns (카드나 계좌로), nor of a large number (두 개나)."""
    out = []
    for k in range(1, len(morphs) - 1):
        m = morphs[k]
        if m.form not in {"나", "이나"} or m.tag not in {"JC", "JX"} or morphs[k - 1].word != m.word:
            continue
        prev, nxt = morphs[k - 1], morphs[k + 1]
        if prev.tag in _NOT_AN_OBJECT or not (prev.tag.startswith("NN") or prev.tag.startswith("J")):
            continue
        if nxt.tag.startswith("NN") or nxt.tag in {"MM", "XPN", "SN", "NR", "SL"}:
            continue  # 사진이나 영수증을: a choice between two things
        out.append(k)
    return out


def _without_dismissive_na(made: Suggestion, sentence: Sentence, text: str) -> Suggestion:
    """A request rewritten as a polite one keeps no belittling -나: 영수증이나 -> 영수증을 (after a particle it just
    goes: 매장에서나 -> 매장에서), and orders no haste (당장, 얼른)."""
    morphs = sentence.morphs
    edits: list[Edit] = [(made.start, made.end, made.replacement)]
    for k in dismissive_na(morphs):
        prev = morphs[k - 1]
        particle = "" if prev.tag.startswith("J") else choose(text[prev.start : prev.end], "을")
        edits.append((morphs[k].start, morphs[k].end, particle))
    for m in morphs:  # '당장 반납하세요' -> '반납해 주시겠어요?': a polite request does not order haste
        if m.tag == "MAG" and m.form in _PUSHY_ADVERBS:  # (Kiwi reads 당장 as a noun: a content word, kept)
            edits.append(_without_double_space(m.start, m.end, "", text))
    if len(edits) == 1:
        return made
    merged = merge_edits(edits, text, made.applicability, made.description)
    return merged.model_copy(update={"inputs": made.inputs}) if merged is not None else made


_TELLING_NOUNS = frozenset({"말씀", "설명", "안내", "얘기", "이야기"})
# (아까, 이미, 계속 alone tell when, not how often: '아까 안내해 드렸는데 처리가 안 됩니다' is background; with -잖- it
# is the reproach)
_REPROACH_WORDS = frozenset({"몇", "여러", "분명히", "분명", "누차", "수차례", "수십"})


def retort_before(morphs: Sequence[Morph], first: int) -> tuple[int, int] | None:
    """The clause chained before the hit that reproaches the customer for asking again ('아까 말씀드렸잖아요, …',
    '제가 몇 번을 말씀드려요, …', '여러 번 설명드렸잖아요, …'), as (start, end) up to the hit's word: a calm answer
    says the thing again as if for the first time, without it."""
    cut = next((k for k in range(first - 1, -1, -1) if _clause_cut(morphs, k)), None)
    if cut is None:
        return None
    real = [k for k in range(cut + 1) if not is_symbol(morphs[k])]
    if not real:
        return None
    begin = real[1] if len(real) > 1 and morphs[real[0]].tag == "IC" and morphs[real[0]].form in _ANSWER_WORDS else 0
    clause = [morphs[k] for k in real if k >= begin]
    after = next((m for m in morphs[cut + 1 :] if not is_symbol(m)), None)
    if after is None:
        return None
    body = clause[:-1]
    while body and body[-1].tag in {"EC", "EF"}:
        body = body[:-1]  # 말씀드렸는데+요: the clause's own ending
    if any(m.tag == "EC" and m.form not in {"지", "어", "아"} for m in body):
        return None  # one clause of its own only
    telling = any(m.form in _TELLING_NOUNS and m.tag == "NNG" for m in clause) or any(
        m.form in {"말하", "말씀하"} for m in clause)
    reproach = any(m.form in _REPROACH_WORDS and m.tag in {"MM", "MAG", "NNG"} for m in clause) or any(
        m.form == "않" and m.tag == "VX" for m in clause)
    if not (telling and reproach):
        return None
    return morphs[begin].start, after.start


def _clause_cut(morphs: Sequence[Morph], k: int) -> bool:
    """Does a clause end at morpheme k (a word-final connective or polite ending, not before a 보조용언)?"""
    m = morphs[k]
    if m.tag not in {"EC", "EF"} and not (m.tag == "JX" and m.form == "요"):
        return False
    nxt = next((x for x in morphs[k + 1 :] if not is_symbol(x)), None)
    return nxt is not None and nxt.word != m.word and nxt.tag != "VX"


def _without_retort(made: Suggestion, sentence: Sentence, first: int, text: str) -> Suggestion:
    span = retort_before(sentence.morphs, first)
    if span is None:
        return made
    merged = merge_edits([(made.start, made.end, made.replacement), (span[0], span[1], "")], text,
                         made.applicability, made.description)
    return merged.model_copy(update={"inputs": made.inputs}) if merged is not None else made


class _Piece(NamedTuple):
    form: str
    tag: str


def denies_what_it_offers(addition: str, morphs: Sequence[Morph]) -> bool:
    """Would the added words look for what the sentence says does not exist ('방법이 없어요. 대신 다른 방법이
    있는지 찾아볼게요')? A noun said to be 없다 in the sentence and 있다 in the addition contradicts itself."""
    absent = {m.form for i, m in enumerate(morphs) if m.tag == "NNG" and _exists_after(morphs, i, "없")}
    if not absent:
        return False
    added = [_Piece(form, tag) for form, tag, _ in tokenize_phrase(addition)]
    return any(m.form in absent and _exists_after(added, i, "있") for i, m in enumerate(added))


def _exists_after(morphs: Sequence[Morph] | Sequence[_Piece], i: int, stem: str) -> bool:
    """Is the noun at i the subject of 있다/없다 (only particles between)?"""
    for m in morphs[i + 1 : i + 4]:
        if m.form == stem and m.tag in {"VA", "VV"}:
            return True
        if not m.tag.startswith("J"):
            return False
    return False


# Korean prompts for the slots the packs use; a pack's `inputs:` on the suggestion overrides them.
DEFAULT_PROMPTS = {
    "대안": "대신 해 드릴 수 있는 일",
    "이유": "그렇게 된 실제 이유",
    "원인": "문제가 생긴 실제 원인",
    "조치": "바로 해 드릴 일",
    "시간": "다시 연락드릴 때(예: 오후 3시)",
    "N": "숫자",
}
_UNIT_PROMPTS = {
    "분": "걸리는 시간(분, 숫자)", "시간": "걸리는 시간(시간, 숫자)", "일": "걸리는 기간(일, 숫자)",
    "영업일": "걸리는 기간(영업일, 숫자)", "주": "걸리는 기간(주, 숫자)", "개월": "걸리는 기간(개월, 숫자)",
}
_TIME_UNITS = frozenset({"분", "시간", "일", "주", "주일", "개월", "달", "시", "영업일", "초", "년"})
_TIME_WORDS = frozenset(
    {"하루", "이틀", "사흘", "나흘", "닷새", "일주일", "보름", "한두", "내일", "모레", "오전", "오후"}
)
_NUMBER_SLOTS = frozenset({"N", "시간"})


def _with_inputs(made: Suggestion, names: list[str], templates: list[str], prompts: dict[str, str]) -> Suggestion:
    if not names:
        return made
    inputs = [SlotInput(name=n, prompt=prompt_for(n, templates, prompts)) for n in names]
    return made.model_copy(update={"inputs": inputs})


def prompt_for(name: str, templates: list[str], prompts: dict[str, str]) -> str:
    """The pack's prompt for a slot, else a default; a number slot says what it counts ({N}분 -> 분)."""
    if name in prompts:
        return prompts[name]
    if name == "N":
        for template in templates:
            unit = re.search(r"\{N\}\s*(영업일|개월|시간|분|일|주)", template)
            if unit:
                return _UNIT_PROMPTS[unit.group(1)]
    return DEFAULT_PROMPTS.get(name, f"{name}(직접 채워 주세요)")


def _templates(suggest: Suggest) -> list[str]:
    found = [t for t in (suggest.replace, suggest.prefix, suggest.append) if t is not None]
    swaps = list(suggest.edit.swap.values()) if suggest.edit is not None else []
    return [t for template in found for t in ([template] if isinstance(template, str) else template.values())] + swaps


def _template_slots(suggest: Suggest, hit: Hit) -> list[str]:
    """The slots the agent must fill: template placeholders that name no capture."""
    names = [n for template in _templates(suggest) for n in slots(template)]
    return list(dict.fromkeys(n for n in names if "|" not in n and n not in hit.captures))


def already_stated(name: str, hit: Hit, sentence: Sentence, following: Sentence | None,
                   understanding: Understanding | None = None) -> bool:
    """Does the reply already say what the slot asks for, in this sentence or the next? (For {대안}: the
    sentence layer's `alternative`, or what can be done said after the flagged words.)"""
    if name in _NUMBER_SLOTS:
        morphs = [m for i, m in enumerate(sentence.morphs) if not hit.first <= i < hit.last]
        morphs += list(following.morphs) if following is not None else []
        return _states_a_time(morphs)
    if name == "대안":
        if understanding is not None and understanding.alternative:
            return True
        after = list(sentence.morphs[hit.last :]) + (list(following.morphs) if following is not None else [])
        return offers_alternative(after)
    if name in {"이유", "원인"}:  # a reason outside the flagged words ('규정 때문에' is the problem, not a reason)
        outside = [m for i, m in enumerate(sentence.morphs) if not hit.first <= i < hit.last]
        return any(_gives_reason(m) for m in outside) or (
            following is not None and any(_gives_reason(m) for m in following.morphs))
    return False


def _states_a_time(morphs: Sequence[Morph]) -> bool:
    for i, m in enumerate(morphs):
        if m.form in _TIME_WORDS:
            return True
        if m.tag in {"SN", "NR"} and i + 1 < len(morphs) and morphs[i + 1].form in _TIME_UNITS:
            return True
    return False


_ALTERNATIVE_WORDS = frozenset({"대신", "대신에", "대안", "다른"})


def offers_alternative(morphs: Sequence[Morph]) -> bool:
    """What CAN be done: 대신 …, 가능합니다, 할 수 있습니다, 해 드리겠습니다 / 드릴게요 (아론슨 order)."""
    for i, m in enumerate(morphs):
        if m.form in _ALTERNATIVE_WORDS and m.tag in {"MAG", "NNG", "MM"}:
            return True
        if m.form == "가능" and m.tag == "NNG" and not (i > 0 and morphs[i - 1].form == "불"):
            rest = morphs[i + 1 : i + 4]
            if not any(r.form in {"않", "없", "안", "못"} for r in rest):
                return True
        if m.form == "수" and m.tag == "NNB" and i + 1 < len(morphs):
            nxt = morphs[i + 1 : i + 3]
            if any(r.form == "있" for r in nxt):
                return True
        if m.form == "드리" and i + 1 < len(morphs):
            nxt = morphs[i + 1 : i + 3]
            if any(r.form in {"겠", "ᆯ게요", "ᆯ게", "을게요"} for r in nxt):
                return True
    return False


def _gives_reason(m: Morph) -> bool:
    return (m.form == "때문" and m.tag == "NNB") or (m.tag == "EC" and m.form in _CAUSE_ENDINGS)


_CAUSE_ENDINGS = frozenset({"어서", "아서", "여서", "니까", "으니까", "므로", "으므로", "느라", "느라고"})


def _unique(items: list[Suggestion]) -> list[Suggestion]:
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for item in items:
        key = (item.replacement, item.start, item.end)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def pick_level(options: str | dict[str, str], level: str) -> str:
    """The variant for the sentence's speech level; 해요체 is the fallback for fragments and 반말."""
    if isinstance(options, str):
        return options
    for candidate in (level, *_LEVEL_FALLBACK):
        if candidate in options:
            return options[candidate]
    return next(iter(options.values()))


def fill(template: str, hit: Hit, sentence: Sentence, text: str) -> str:
    """Put captures into a template; placeholders that name no capture stay for the agent."""

    def sub(match: re.Match[str]) -> str:
        name, _, tail = match.group(1).partition("|")
        if name not in hit.captures:
            return match.group(0)
        first, last = hit.captures[name]
        start, end = syllable_span(sentence.morphs, first, last)
        if tail:
            more = stem_morphs(tail)
            if all(t.startswith("J") for _, t in more):  # a particle: the words as written, the particle agreeing
                morphs = sentence.morphs
                if last < len(morphs) and morphs[last].word == morphs[last - 1].word and morphs[last].tag[0] == "N":
                    return text[start:end]  # inside a compound (회원가입): a particle would split the word
                return text[start:end] + "".join(choose(text[start:end], f) for f, _ in more)
            stem = [(m.form, m.tag) for m in sentence.morphs[first:last]]
            morphs = sentence.morphs
            if stem == [("하", "VV")] and more == [("기", "ETN")] and _after_topic_noun(morphs, first):
                return ""  # '변경은 할 수 없습니다' -> '변경은 어렵습니다', not '변경은 하기 어렵습니다'
            lead = first
            while lead > 0 and morphs[lead - 1].word == morphs[first].word and not _negation(morphs[lead - 1]):
                lead -= 1  # '페어링 할': Kiwi's 페어+링, the capture holds 링: keep the word's head as written
            glued = first
            while glued < last - 1 and morphs[glued].tag.startswith("NN") and morphs[glued + 1].word == morphs[
                    glued].word and morphs[glued + 1].tag in STEM_TAGS:
                glued += 1  # '답변드릴': the noun glued to its verb stays as written (답변드리기, not 답변 드리기)
            if glued > first:
                stem = stem[glued - first :]
            head = text[morphs[lead].start : morphs[glued].start] if lead < glued else ""
            return head + join_word(stem + more)
        return text[start:end]

    return _PLACEHOLDER.sub(sub, template)


def _after_topic_noun(morphs: Sequence[Morph], first: int) -> bool:
    """Does the verb follow a noun with 은/는/도 (a verbal noun as the topic: '변경은 (못) 하다')?"""
    k = first - 1
    if k >= 0 and morphs[k].tag == "MAG" and morphs[k].form in _SPACED_NEGATION:
        k -= 1
    return k >= 1 and morphs[k].tag == "JX" and morphs[k].form in {"은", "는", "도"} and morphs[k - 1].tag == "NNG"


def _negation(m: Morph) -> bool:
    """안/못 as an adverb: the word the rewrite takes away ('못해드려요' -> '해 드리기 어려워요', never '못하기')."""
    return m.tag == "MAG" and m.form in _SPACED_NEGATION


def with_benefactive(suggest: Suggest, hit: Hit, morphs: Sequence[Morph]) -> Hit:
    """A conjugated capture that ends the hit takes the benefactive after it along ('못 해 드려요': the verb is
    '해 드리다'), so a rewrite of the predicate keeps it ('해 드리기 어려워요') instead of leaving it dangling."""
    last = hit.last
    tail = morphs[last : last + 2]
    if len(tail) < 2 or tail[0].tag != "EC" or tail[0].form not in {"어", "아", "여"}:
        return hit
    if tail[1].tag != "VX" or tail[1].form not in {"드리", "주"}:
        return hit
    conjugated = {n.partition("|")[0] for t in _templates(suggest) for n in _PLACEHOLDER.findall(t) if "|" in n}
    names = [n for n in conjugated if n in hit.captures and hit.captures[n][1] == last]
    if not names:
        return hit
    captures = {**hit.captures, **{n: (hit.captures[n][0], last + 2) for n in names}}
    return with_fields(hit, last=last + 2, captures=captures)


def _apply_suggest(suggest: Suggest, hit: Hit, sentence: Sentence, text: str) -> Suggestion | None:
    morphs = sentence.morphs
    hit = with_benefactive(suggest, hit, morphs)
    first, last = hit.captures.get(suggest.target, (hit.first, hit.last)) if suggest.target else (hit.first, hit.last)
    level = sentence.level
    s_end = sentence_span(sentence)[1]
    if suggest.at_end and word_span(morphs, first, last)[1] < s_end:
        return None
    if suggest.when is not None and suggest.when not in hit.captures:
        return None
    if _missing_slot_capture(suggest, hit):
        return None  # this match (of another pattern of the rule) lacks the morphemes the template conjugates
    if suggest.split:
        return split_sentence(sentence, text, suggest.applicability, suggest.description)
    edits: list[Edit] = []
    if suggest.edit is not None:
        edits.extend(_edit_words(suggest, hit, sentence, text))
        if not edits:
            return None
        for e_start, e_end, replacement in list(edits):
            if _negation_lost(morphs, e_start, e_end, replacement):  # 불가능합니다 -> 어렵습니다
                if _falls_short(morphs, e_start, e_end) or _tense_lost(morphs, e_start, e_end, replacement):
                    return None
                if replacement.startswith(("어렵", "어려")) and _adverbial_before(morphs, e_start):
                    return None
                edits.extend(_npi_edits(morphs, e_start, text))
                if replacement.startswith(("어렵", "어려")):
                    edits.extend(_subject_particle(morphs, e_start, text))
    elif suggest.replace is not None:
        start, end = word_span(morphs, first, last)
        if _past_lost(suggest, morphs, first, end):
            return None
        replacement = _difficulty_subject(fill(pick_level(suggest.replace, level), hit, sentence, text).lstrip())
        replacement = _going_on(replacement, morphs, start, end)
        if text[start - 1 : start] == " " and _hada_noun_before(morphs, start, replacement):
            start -= 1  # '변경 못 해요' -> '변경하기 어려워요': with the negation gone the 하다 verb is one word again
        if _negation_lost(morphs, start, end, replacement):
            if _falls_short(morphs, start, end) or _tense_lost(morphs, start, end, replacement):
                return None
            if replacement.startswith(("어렵", "어려")) and _adverbial_before(morphs, start):
                return None  # '쿠폰은 다른 상품에는 안 돼요' -> '다른 상품에는 어려워요' says what is hard of nothing
            edits.extend(_npi_edits(morphs, start, text))
            if replacement.startswith(("어렵", "어려")):  # the noun is the subject ('연락 드리기': its object)
                edits.extend(_subject_particle(morphs, start, text))
        if _MODEL_BREAK.search(replacement) and first > 0 and (
            _dangling_lead(morphs, first) or _only_fillers(morphs, first)
        ):
            start = sentence_span(sentence)[0]  # '조금 불편해도 많이 속상하셨겠어요.' would hang: take it all
        elif _MODEL_BREAK.search(replacement) and first > 0 and _clause_before(morphs, first):
            start = _after_answer(morphs, sentence)  # '찾아볼게요, 많이 속상하셨겠어요.': the chain goes whole
        if _MODEL_BREAK.search(replacement):
            rest = [m for m in morphs if m.start >= end and not is_symbol(m)]
            if rest and offers_alternative([m for m in rest if m.form != "다른"]):  # ('다른 분들도 똑같아요' is
                # the dismissive rest, not an alternative)
                return None  # what can be done follows in the same chain: a model sentence would cut it off
            if rest:
                end = rest[-1].end  # '…찾아볼게요, 다른 분들도 똑같아요': the dismissive rest goes with the chain
        if replacement.rstrip()[-1:] in {".", "?", "!"} and text[end : end + 1] == ",":
            end += 1  # '말씀드렸잖아요, …' -> '다시 한번 안내해 드릴게요. …', never '드릴게요., …'
        edits.append(_without_double_space(start, end, replacement, text))
    deletion = bool(edits) and all(not e[2] for e in edits)
    if suggest.final_punct is not None and edits and max(e[1] for e in edits) >= s_end and not (
        deletion and _closed(morphs)  # '확인했어요! ㅋㅋ': taking the tail off leaves the sentence closed already
    ):
        punct = _final_punct(morphs, suggest.final_punct)
        covering = [k for k, e in enumerate(edits) if e[0] <= punct[0] < e[1]]
        if covering:  # the rewrite already swallowed the old punctuation: close it with the new one
            k = covering[0]
            edits[k] = (edits[k][0], max(edits[k][1], punct[1]), edits[k][2] + suggest.final_punct)
        else:
            edits.append(punct)
    if suggest.prefix is not None and not (
            pick_level(suggest.prefix, level).strip() in _APOLOGY_CUSHIONS and _lets_them_use(morphs)):
        # ('문제없어요. 그냥 쓰시면 돼요' -> '쓰시면 돼요': no apology for letting the customer use what they have)
        prefix = fill(pick_level(suggest.prefix, level), hit, sentence, text)
        at = _prefix_point(sentence, text, first)
        already = text.startswith(prefix.strip(), at) or any(
            e[0] == at and e[2].startswith(prefix.strip()) for e in edits
        )
        touches_start = not edits or min(e[0] for e in edits) <= at
        if not already and touches_start:
            edits.append((at, at, prefix))
    if suggest.append is not None:
        _, end = syllable_span(morphs, len(morphs) - 1, len(morphs))
        addition = fill(pick_level(suggest.append, level), hit, sentence, text).strip()
        if denies_what_it_offers(addition, morphs):
            pass  # '방법이 없어요' then '다른 방법이 있는지 찾아볼게요' contradicts itself
        elif _ends_in_shortfall(morphs) and not slots(addition):
            pass  # '금액이 안 되거든요' is the fact behind a refusal: its next step is the customer's, not a search
        elif not text[end:].lstrip().startswith(addition):
            closed = morphs[-1].tag in {"SF", "SE"} or text[end - 1 : end] in {"~", "!", "?", "."}
            edits.append((end, end, (" " if closed else ". ") + addition))
    if not edits:
        return None  # everything it would add is already there: offering it again would never converge
    return merge_edits(edits, text, suggest.applicability, suggest.description)


_APOLOGY_CUSHIONS = frozenset({"죄송하지만", "번거로우시겠지만", "죄송합니다만", "실례지만"})
_USE_VERBS = frozenset({"쓰", "사용하", "이용하", "드시", "입", "신", "끼", "타"})


def _lets_them_use(morphs: Sequence[Morph]) -> bool:
    """Does the sentence tell the customer they may go on using something (그냥 쓰시면 돼요, 사용하셔도 됩니다)?"""
    for i, m in enumerate(morphs):
        stem = m.form if m.tag in {"VV", "XSV"} else None
        if m.tag == "XSV" and i > 0:
            stem = morphs[i - 1].form + m.form
        if stem not in _USE_VERBS:
            continue
        rest = [x.form for x in morphs[i + 1 : i + 5]]
        if any(f in {"면", "으면", "어도", "아도"} for f in rest) and any(f == "되" for f in rest):
            return True
    return False


def split_sentence(sentence: Sentence, text: str, applicability: str, description: str) -> Suggestion | None:
    """The sentence cut in two where both halves keep their meaning (see `split`), as one suggestion."""
    edits = split_edits(sentence, text)
    return merge_edits(edits, text, applicability, description) if edits else None


def _missing_slot_capture(suggest: Suggest, hit: Hit) -> bool:
    templates = [t for t in (suggest.replace, suggest.prefix, suggest.append) if t is not None]
    texts = [t for template in templates for t in ([template] if isinstance(template, str) else template.values())]
    return any(name not in hit.captures for text in texts for name, _ in TEMPLATE_SLOT.findall(text))


_OPENERS = "{[(<\"'「『“‘"
_CLAUSE_LINKS = frozenset({"고", "며", "으며", "는데", "ᆫ데", "은데"})  # a clause of its own can end here
_CONDITION_ENDINGS = frozenset({"면", "으면", "려면", "으려면", "다면", "이면", "거든", "으면은", "면은"})
_BACKGROUND_LINKS = frozenset({"는데", "ᆫ데", "은데"})
_CAUSE_LINKS = frozenset({"니까", "으니까", "니", "으니", "어서", "아서", "여서", "라서", "이라서"})


def _agent_speaks(morphs: Sequence[Morph], end: int) -> bool:
    """Does the clause ending at `end` have the agent (저/제/저희 + 가/는/도) as its subject?"""
    k = end - 1
    while k > 0 and not (morphs[k].tag == "EC" and morphs[k + 1].word != morphs[k].word and morphs[k + 1].tag != "VX"):
        if morphs[k].tag in {"JKS", "JX"} and morphs[k - 1].tag == "NP" and morphs[k - 1].form in {"저", "제", "저희"}:
            return True
        k -= 1
    return False


def _prefix_point(sentence: Sentence, text: str, target: int = 0) -> int:
    """Where a cushion goes: before the clause it softens, after a condition that leads up to it
    ("배송이 늦어지면 번거로우시겠지만 연락 주세요"), after another doer's clause ("제가 확인하고 번거로우시겠지만
    고객님께서는 …": the cushion softens the customer's part, not the agent's), after background that goes on
    with -는데 ("배송은 잘 되고 있는데 죄송하지만 교환은 …"), after an opening answer word ("네, 죄송하지만 …") or
    connective ("근데 죄송하지만 …", never "죄송하지만 근데"), else at the sentence's start."""
    morphs = sentence.morphs
    before = range(min(target, len(morphs) - 1))
    ends = [(i, nxt) for i in before if morphs[i].tag == "EC"
            for nxt in [next((k for k in range(i + 1, len(morphs)) if not is_symbol(morphs[k])), None)]
            if nxt is not None and morphs[nxt].word != morphs[i].word]  # '늦어지면,' ends its word too
    conditions = [nxt for i, nxt in ends if morphs[i].form in _CONDITION_ENDINGS]
    other_doer = [nxt for i, nxt in ends if morphs[i].form in _CLAUSE_LINKS and morphs[nxt].tag != "VX"
                  and leads_with_subject(morphs, nxt)]
    # a clause that goes on with -는데 is background (배송은 잘 되고 있는데): the cushion softens what follows it
    background = [nxt for i, nxt in ends if morphs[i].form in _BACKGROUND_LINKS and morphs[nxt].tag != "VX"]
    # the agent's own reason (제가 답변을 못 드리니까 …): the cushion softens the customer's part after it
    agent_cause = [nxt for i, nxt in ends if morphs[i].form in _CAUSE_LINKS and _agent_speaks(morphs, i)]
    if conditions or other_doer or background or agent_cause:
        return morphs[max(conditions + other_doer + background + agent_cause)].start
    start = sentence_span(sentence)[0]
    while start > sentence.start and text[start - 1] in _OPENERS:
        start -= 1  # '{N}분', '"안내"': the cushion goes before the bracket, not inside it
    i = next((k for k, m in enumerate(morphs) if not is_symbol(m)), None)
    if i is not None and morphs[i].tag == "MAJ" and i + 1 < len(morphs) and morphs[i + 1].word != morphs[i].word:
        return _after_word(morphs, i, sentence, text, start)  # 근데 죄송하지만 …, never 죄송하지만 근데
    if i is None or morphs[i].tag != "IC" or i + 1 >= len(morphs):
        return start
    after = morphs[i].end
    if after >= len(text) or text[after] not in ",.!~ ":
        return start  # 오배송: a syllable Kiwi read as an interjection inside a word
    return _after_word(morphs, i, sentence, text, start)


def _after_word(morphs: Sequence[Morph], i: int, sentence: Sentence, text: str, start: int) -> int:
    """The offset after the opening word i and its punctuation and spaces (or `start` when nothing follows)."""
    after = morphs[i].end
    while after < len(text) and text[after] in ",.!~ ":
        after += 1
    return after if after < sentence.end else start


def merge_edits(edits: list[Edit], text: str, applicability: str, description: str) -> Suggestion | None:
    """Several edits in one sentence as one Suggestion; text between them is copied unchanged.

    Overlaps are resolved before joining: an edit inside another one is dropped (the outer one already
    rewrites those words); edits that cross each other cannot be joined into sound text, so there is none.
    """
    ordered = sorted(edits, key=lambda e: (e[0], e[1] > e[0], -(e[1] - e[0])))
    kept: list[Edit] = []
    for edit in ordered:
        if kept and edit[0] < kept[-1][1]:
            if edit[1] <= kept[-1][1]:
                continue  # nested: the outer edit rewrites these words already
            return None
        if kept and edit[0] == edit[1] == kept[-1][0] == kept[-1][1]:
            kept[-1] = (edit[0], edit[1], kept[-1][2] + edit[2])
            continue
        kept.append(edit)
    start = kept[0][0]
    pos = start
    pieces = []
    for e_start, e_end, replacement in kept:
        pieces.append(text[pos:e_start])
        pieces.append(replacement)
        pos = e_end
    return Suggestion(replacement="".join(pieces), start=start, end=pos,
                      applicability=applicability, description=description)  # type: ignore[arg-type]


def _edit_words(suggest: Suggest, hit: Hit, sentence: Sentence, text: str) -> list[Edit]:
    """Drop or swap captured morphemes, re-join only the 어절 that hold them, and set final punctuation."""
    assert suggest.edit is not None
    morphs = sentence.morphs
    replaced: dict[int, list[tuple[str, str]]] = {}
    for name in suggest.edit.drop:
        if name in hit.captures:
            first, last = hit.captures[name]
            replaced.update({i: [] for i in range(first, last)})
    for name, value in suggest.edit.swap.items():
        if name in hit.captures:
            first, last = hit.captures[name]
            replaced.update({i: [] for i in range(first + 1, last)})
            replaced[first] = stem_morphs(value)
    if not replaced:
        return []
    return rejoin(morphs, replaced, text)


_MODEL_BREAK = re.compile(r"[.?!] \S")  # a model rewrite of two sentences or more


def is_model_sentence(suggestion: Suggestion, start: int, end: int) -> bool:
    """Is the suggestion a model sentence (two sentences or more) in place of all of [start, end)? Then the
    problem is what the words say, not their form."""
    return suggestion.start <= start and suggestion.end >= end and bool(_MODEL_BREAK.search(suggestion.replacement))
# Clause endings that cannot lead into a model sentence: sequence, concession, contrast, condition. A cause stays
# (a rule's `lead` keeps it: '택배사 문제라 도와드리기 어려워요'), and so does an exclamation ('분실되다니').
_LEADS_DROPPED = frozenset(
    {"고", "며", "으며", "면서", "으면서", "어도", "아도", "여도", "더라도", "지만", "는데", "ᆫ데", "은데", "면", "으면",
     "거나"}
)


def _dangling_lead(morphs: Sequence[Morph], first: int) -> bool:
    """The words before a whole-clause rewrite end in a clause ending that would then lead into a new sentence."""
    prev = morphs[first - 1]
    return prev.tag == "EC" and prev.form in _LEADS_DROPPED and prev.word != morphs[first].word


_PAST = frozenset({"었", "았", "였", "ᆻ"})


def _past_lost(suggest: Suggest, morphs: Sequence[Morph], first: int, end: int) -> bool:
    """Would a '-기 어렵다' rewrite swallow a past tense ('어제 못 보냈습니다' -> '어제 보내기 어렵습니다')? What
    did not happen is news told as a fact, not a difficulty now: no such rewrite."""
    nominalised = any("기/ETN" in t for t in _templates(suggest))
    return nominalised and any(m.tag == "EP" and m.form in _PAST and m.start < end for m in morphs[first:])


_NEGATORS = frozenset({("안", "MAG"), ("못", "MAG"), ("않", "VX"), ("없", "VA"), ("아니", "VCN"), ("못하", "VV"),
                       ("못하", "VX"), ("불가능", "NNG"), ("불가", "NNG")})
# Adverbs that only go with a negation (negative polarity): 절대 안 돼요 is sound, 절대 어려워요 is not.
NPI_ADVERBS = frozenset({"절대", "절대로", "전혀", "도저히", "결코", "별로", "도무지", "좀처럼", "일절", "전연"})


def _negation_lost(morphs: Sequence[Morph], start: int, end: int, replacement: str) -> bool:
    """Does the rewrite take a negation away ('안 돼요' -> '어려워요', '할 수 없습니다' -> '하기 어렵습니다')?"""
    if "어렵" not in replacement and "어려" not in replacement:
        return False  # only a rewrite into a difficulty; a model sentence for the whole clause says its own thing
    old = [(m.form, m.tag) for m in morphs if start <= m.start < end]
    if not any(m in _NEGATORS or (m[0] == "불" and m[1] == "XPN") for m in old):
        return False
    new = [(form, tag) for form, tag, _ in tokenize_phrase(replacement.split(". ")[0])] if replacement else []
    return not any(m in _NEGATORS for m in new)


def _npi_edits(morphs: Sequence[Morph], start: int, text: str) -> list[Edit]:
    """Drop the negative-polarity adverbs of the clause before a negation the rewrite takes away (도저히 처리가
    안 돼요 -> 처리가 어려워요, never 도저히 … 어려워요)."""
    edits = []
    for k in range(len(morphs) - 1, -1, -1):
        m = morphs[k]
        if m.start >= start:
            continue
        if m.tag == "EC" and k + 1 < len(morphs) and morphs[k + 1].word != m.word:
            break  # the clause before: its adverbs are not this negation's
        if m.tag in {"MAG", "NNG"} and m.form in NPI_ADVERBS and not (
                k + 1 < len(morphs) and morphs[k + 1].word == m.word):  # (Kiwi may read 절대 as a noun)
            edits.append(_without_double_space(m.start, m.end, "", text))
    return edits


_BARE_TIME_NOUNS = frozenset({"오늘", "내일", "모레", "지금", "당일", "주말", "평일", "이번", "올해", "금일", "익일"})


_GOING_ON = frozenset({"고요", "구요"})


def _going_on(replacement: str, morphs: Sequence[Morph], start: int, end: int) -> str:
    """A clause that went on with -고요 (해 드릴 수가 없구요, 제조사에 …) keeps going on: '해 드리기 어렵고요,', not
    '어려워요,' (one sentence's worth of replacement only)."""
    ending = [m for m in morphs if start <= m.start < end and m.tag == "EF"]
    if not ending or ending[-1].form not in _GOING_ON or _MODEL_BREAK.search(replacement):
        return replacement
    head, _, last = replacement.rpartition(" ")
    pieces = [(f, t) for f, t, _ in tokenize_phrase(last)]
    if len(pieces) < 2 or pieces[-1][1] != "EF":
        return replacement
    joined = join_word([*pieces[:-1], ("고요", "EF")])
    return f"{head} {joined}" if head else joined


def _difficulty_subject(replacement: str) -> str:
    """In a filled template, a bare noun right before 어렵다 takes 이/가 ('{mid} 어렵습니다' with mid = '개봉 후에는
    반품' -> '반품이 어렵습니다')."""
    if "어렵" not in replacement and "어려" not in replacement:
        return replacement
    words = replacement.split(" ")
    pieces = tokenize_phrase(replacement)
    if len({w for _, _, w in pieces}) != len(words):
        return replacement  # the words are not Kiwi's words: leave it
    by_word: dict[int, list[tuple[str, str]]] = {}
    for form, tag, w in pieces:
        by_word.setdefault(w, []).append((form, tag))
    for w in range(1, len(words)):
        here, prev = by_word.get(w, []), by_word.get(w - 1, [])
        if here and here[0][1] == "VA" and here[0][0] == "어렵" and prev and all(
                t in {"NNG", "NNP", "SL"} for _, t in prev) and prev[-1][0] not in _BARE_TIME_NOUNS:
            words[w - 1] += choose(words[w - 1], "이")
    return " ".join(words)


def _adverbial_before(morphs: Sequence[Morph], start: int) -> bool:
    """Is the word right before the negation (adverbs aside) an adverbial phrase (다른 상품에는, 매장에서)? Then
    안 되다 means 'does not apply / work there', and 어렵다 there has no subject to be hard."""
    before = [m for m in morphs if m.end <= start and not is_symbol(m)]
    while before and before[-1].tag == "MAG":
        word = before[-1].word
        before = [m for m in before if m.word != word]
    if not before:
        return False
    word = [m for m in before if m.word == before[-1].word]
    nouns = [m for m in word if m.tag.startswith("NN")]
    if nouns and nouns[-1].form in _TIME_ADVERBIAL_NOUNS:
        return False  # '출고 이후에는 어렵습니다' (when it is hard) reads well
    return any(m.tag == "JKB" for m in word) and word[-1].tag in {"JKB", "JX"}


_TIME_ADVERBIAL_NOUNS = frozenset({"이후", "후", "뒤", "전", "이전", "때", "동안", "중", "주말", "평일", "오늘", "내일",
                                   "지금", "당일", "기간", "시간", "이내", "내", "밤", "오전", "오후", "저녁", "새벽",
                                   "연휴", "공휴일", "휴일", "월말", "월초", "현재", "요즘", "시"})


def _subject_particle(morphs: Sequence[Morph], start: int, text: str) -> list[Edit]:
    """'반품 안 돼요' -> '반품이 어려워요': spoken Korean drops the 이/가 before 안 되다 and 불가, a difficulty needs it
    ('반품 어려워요' reads cut off). Not after a time word (오늘 안 돼요 -> 오늘 어려워요 stays as it is)."""
    before = [m for m in morphs if m.end <= start and not is_symbol(m)]
    if not before:
        return []
    noun = before[-1]
    if noun.tag not in {"NNG", "NNP", "SL"} or noun.form in _BARE_TIME_NOUNS or noun.form in NPI_ADVERBS or text[
            noun.end : start].strip():
        return []
    return [(noun.end, noun.end, choose(text[noun.start : noun.end], "이"))]


# Nouns whose 이/가 안 되다 means 'does not reach / is not' (a fact about the customer's case, not a refusal):
# 최소 주문 금액이 안 되다, 환불 대상이 안 되다, 가입 기간이 안 되다.
_MEASURE_NOUNS = frozenset({"금액", "기준", "한도", "조건", "요건", "자격", "대상", "나이", "연령", "기간", "점수",
                            "수량", "인원", "개수", "최소", "이상", "미만", "정도", "만큼", "이하", "등급", "액수",
                            "구매액"})


def _falls_short(morphs: Sequence[Morph], start: int, end: int) -> bool:
    """Is the 안 되다 in [start, end) 'fall short of / is not' (금액이 안 되다, 19세가 안 되다, 일 년이 안 됐다)? Then
    it is the background fact of a refusal, not the refusal: '금액이 어려워요' says nothing."""
    for k, m in enumerate(morphs):
        if not (start <= m.start < end and m.form == "안" and m.tag == "MAG"):
            continue
        if k + 1 >= len(morphs) or morphs[k + 1].form != "되":
            continue
        j = k - 1
        if j >= 1 and morphs[j].tag in {"JKS", "JKC"} and morphs[j].form in {"이", "가"}:
            noun = morphs[j - 1]
            if noun.tag in {"NR", "SN", "NNB"} or noun.form in _MEASURE_NOUNS:  # (Kiwi reads most 이/가 before
                # 되다 as a complement, 처리가 안 되다 too: the tag says nothing about 'fall short')
                return True
    return False


def _ends_in_shortfall(morphs: Sequence[Morph]) -> bool:
    """Is the sentence's last negation a 'falls short' 안 되다 (… 금액이 안 되거든요), not a refusal after it
    (등급이 안 돼서 쿠폰을 못 드려요)?"""
    negations = [m for m in morphs if (m.form, m.tag) in _NEGATORS]
    return bool(negations) and _falls_short(morphs, negations[-1].start, negations[-1].end)


def _tense_lost(morphs: Sequence[Morph], start: int, end: int, replacement: str) -> bool:
    """Would the rewrite turn what did not happen into a difficulty now ('주문이 안 됐어요' -> '주문이 어려워요')?"""
    past = any(start <= m.start < end and m.tag == "EP" and m.form in _PAST for m in morphs)
    return past and not any(t == "EP" and f in _PAST for f, t, _ in tokenize_phrase(replacement.split(". ")[0]))


def _clause_before(morphs: Sequence[Morph], first: int) -> bool:
    """Do the words before a whole-clause rewrite end in a clause of its own, chained on with a comma or a polite
    ending ('제가 찾아볼게요, 다른 분들도 …', '말씀드렸잖아요, …')? A model sentence replaces the whole chain."""
    before = [m for m in morphs[:first] if not is_symbol(m)]
    if not before or before[-1].word == morphs[first].word:
        return False
    last = before[-1]
    return last.tag == "EF" or (last.tag == "EC" and last.form.endswith("요"))


def _after_answer(morphs: Sequence[Morph], sentence: Sentence) -> int:
    """The sentence's start, after an opening answer word (네, 예) that stays."""
    real = [m for m in morphs if not is_symbol(m)]
    if len(real) > 1 and real[0].tag == "IC" and real[0].form in _ANSWER_WORDS:
        return real[1].start
    return sentence_span(sentence)[0]


def _only_fillers(morphs: Sequence[Morph], first: int) -> bool:
    """Only a discourse filler comes before a whole-clause rewrite ('뭐, 그건 어쩔 수 없어요'): the shrug belongs to
    the attitude the model sentence replaces, so it goes with it ('뭐, 많이 속상하셨겠어요' keeps the shrug)."""
    before = [m for m in morphs[:first] if not is_symbol(m)]
    return bool(before) and all(
        (m.tag == "IC" and m.form not in _ANSWER_WORDS) or (m.tag == "MAG" and m.form in _FILLER_ADVERBS)
        for m in before
    )


_ANSWER_WORDS = frozenset({"네", "예", "아니요", "아뇨"})  # an answer to the customer stays: '네, 많이 속상하셨겠어요'


_FILLER_ADVERBS = frozenset({"뭐", "그냥", "뭐랄까", "아무튼", "어쨌든", "솔직히"})


def _closed(morphs: Sequence[Morph]) -> bool:
    """Closing punctuation follows the sentence's last word (a sentence of symbols only, 'ㅋㅋ' after '!', has
    nothing of its own to close)."""
    last_real = max((i for i, m in enumerate(morphs) if not is_symbol(m)), default=None)
    return last_real is None or any(m.tag in {"SF", "SE"} for m in morphs[last_real + 1 :])


def _final_punct(morphs: Sequence[Morph], punct: str) -> Edit:
    """Replace the sentence's closing punctuation (or add it after its last word)."""
    last_real = max((i for i, m in enumerate(morphs) if not is_symbol(m)), default=len(morphs) - 1)
    closing = [m for m in morphs[last_real + 1 :] if m.tag in {"SF", "SE"}]
    _, end = syllable_span(morphs, last_real, last_real + 1)
    if closing:
        return (closing[0].start, closing[-1].end, punct)
    comma = [m for m in morphs[last_real + 1 :] if m.tag == "SP" and m.form == ","]
    if comma and comma[0].start == end:
        return (end, comma[0].end, punct)  # a sentence Kiwi ended at a comma ('말씀드렸잖아요, …'): never '요.,'
    return (end, end, punct)


def _lexicon_suggestions(
    hit: Hit, sentence: Sentence, entry: LexiconEntry, text: str
) -> list[tuple[Suggestion, str]]:
    """Swap the word's morphemes for the replacement's; a several-word replacement keeps its leading words as
    written and joins only its last word with the original particles and endings (소요 기간은 -> 걸리는 기간은).
    Each suggestion comes with the entry's replacement it was made from (it may hold slots: {N}분)."""
    if entry.strategy == "keep":
        return []
    if entry.pos == "noun" and _inside_compound(sentence.morphs, hit.first, hit.last):
        return []  # 수령지, 상품수령: a noun inside a compound written as one word is not a word of its own
    if entry.strategy == "gloss":
        return [(gloss_suggestion(sentence.morphs, hit.first, hit.last, entry), "")]
    if entry.pos == "adjective" and _judges_a_condition(sentence.morphs, hit.first, hit.last):
        return []  # '같은 말씀만 하시면 곤란합니다' asks the customer to stop: '하시면 어렵습니다' says something else
    out = []
    morphs = sentence.morphs
    for replacement in entry.replace:
        lead, _, last = replacement.rpartition(" ")
        if lead and last in {"주다", "드리다"} and _benefactive_follows(morphs, hit.last):
            start, end = word_span(morphs, hit.first, hit.last)  # 제시해 주세요 -> 보여 주세요, not 보여 줘 주세요
            out.append((merge_edits([(start, end, lead)], text, "safe" if entry.safe else "unsafe",
                                    f"'{entry.word}' → '{replacement}'"), replacement))
            continue
        if entry.word.endswith("되다") and last.endswith(("드리다", "주다")) and _subject_before(morphs, hit.first):
            continue  # '차액이 환급됩니다' -> '차액이 돌려드립니다': the doer's verb needs no thing as its subject
        if last.endswith("기") and _possibility_follows(morphs, hit.last):
            continue  # 수령 가능 -> '받기 가능' is no plainer: the clause wants '받으실 수 있습니다'
        light = entry.pos == "noun" and _hada_follows(morphs, hit.last)
        if light and lead and _goal_before(morphs, hit.first) and _ends_in_goal(lead):
            lead = ""  # '담당 부서로 에스컬레이션 할게요' -> '담당 부서로 전달할게요': the clause has its goal already
        if light and ((lead and not _takes_a_verb(lead)) or not tokenize_phrase(last)[-1][1].startswith("NN")):
            continue  # '에스컬레이션 해' -> '상급자 전달 해': a noun phrase takes no 하다; the replacement needs a verb
        replaced = {hit.first: stem_morphs(last), **{i: [] for i in range(hit.first + 1, hit.last)}}
        if entry.pos == "noun" and last in _BOUND_TIME_NOUNS and hit.last < len(morphs) and morphs[
                hit.last].tag == "VCP":
            continue  # '30일 이내입니다' -> '30일 안입니다': 안 is no predicate noun
        if entry.pos == "noun" and last in _BOUND_TIME_NOUNS and _bare_adverbial(morphs, hit.last):
            replaced[hit.last - 1 if hit.last - 1 > hit.first else hit.first] = [
                *replaced[hit.last - 1 if hit.last - 1 > hit.first else hit.first], ("에", "JKB")]
            # '7일 이내 교환 가능' -> '7일 안에 교환 가능': 이내 stands alone as an adverbial, 안 does not
        edits = rejoin(morphs, replaced, text)
        if not edits:
            continue
        if _connective_eo(morphs, hit.last) and _contracted(edits[-1][2]):
            continue  # '식별하여 녹화하는' -> '알아봐 녹화하는' is spoken, not written: no sure rewrite
        if lead:
            starts_word = hit.first == 0 or morphs[hit.first - 1].word != morphs[hit.first].word
            if not starts_word:
                continue
            if entry.pos == "noun" and _modifier(lead) and _after_bare_noun(morphs, hit.first):
                continue  # '해지 환급금' -> '해지 돌려받을 돈': a modifier clause cannot sit inside a noun compound
                # (an expression of a verbal noun takes the noun before it as its object: 상품 수령 후 -> 상품 받은 뒤)
            noun = replaced[hit.first][:1] and replaced[hit.first][0][1].startswith("NN")
            if noun and _adverb(lead) and not _light_verb_follows(morphs, hit.last):
                continue  # '다시 전화 드릴게요' is sound; '다시 전화를 위한 알림' is not a noun phrase
            start, end, joined = edits[0]
            edits[0] = (start, end, f"{lead} {joined}")
        if light and edits:
            e_start, e_end, joined = edits[-1]
            if text[e_end : e_end + 1] == " " and morphs[hit.last].start == e_end + 1:
                edits[-1] = (e_start, e_end + 1, joined)  # 전달 할게요 -> 전달할게요 (a 하다 verb is one word)
        applicability = "safe" if entry.safe else "unsafe"  # a sense that is not certain is offered, never applied
        merged = merge_edits(edits, text, applicability, f"'{entry.word}' → '{replacement}'")
        if merged is not None:
            out.append((merged, replacement))
    return out


_GOAL_PARTICLES = frozenset({"에게", "께", "한테", "로", "으로", "에"})


_BOUND_TIME_NOUNS = frozenset({"안", "뒤", "전", "동안"})


def _bare_adverbial(morphs: Sequence[Morph], last: int) -> bool:
    """Does the noun end its word with no particle, before another word (7일 이내 교환 …)?"""
    return last < len(morphs) and morphs[last].word != morphs[last - 1].word and not is_symbol(morphs[last]) and (
        morphs[last].tag not in {"VCP", "XSV", "XSA", "JKB", "JX"})


def _subject_before(morphs: Sequence[Morph], first: int) -> bool:
    """Is there a 이/가-marked subject in the clause before `first` (a topic with 은/는 is not one)?"""
    for m in reversed(morphs[:first]):
        if m.tag == "EC":
            return False
        if m.tag in {"JKS", "JKC"}:
            return True
    return False


def _hada_follows(morphs: Sequence[Morph], last: int) -> bool:
    """Is the noun the head of a 하다/되다 verb (에스컬레이션 할게요, 에스컬레이션됐어요)?"""
    return last < len(morphs) and morphs[last].form in {"하", "되"} and morphs[last].tag in {"VV", "XSV", "XSA"}


def _takes_a_verb(lead: str) -> bool:
    """Can the leading words of a replacement stand before a 하다-noun (상급자에게 전달하다, 다시 확인하다)? Not a bare
    noun (상급자 전달하다) nor a modifier (남은 …)."""
    pieces = tokenize_phrase(lead)
    return bool(pieces) and (pieces[-1][1].startswith("J") or pieces[-1][1] == "MAG")


def _ends_in_goal(lead: str) -> bool:
    pieces = tokenize_phrase(lead)
    return bool(pieces) and pieces[-1][1] == "JKB" and pieces[-1][0] in _GOAL_PARTICLES


def _goal_before(morphs: Sequence[Morph], first: int) -> bool:
    """Does the clause already say where the thing goes (담당 부서로, 팀장님께) before the noun at `first`?"""
    for m in reversed(morphs[:first]):
        if m.tag == "EC":
            return False
        if m.tag == "JKB" and m.form in _GOAL_PARTICLES:
            return True
    return False


def _hada_noun_before(morphs: Sequence[Morph], start: int, replacement: str) -> bool:
    """Does the replacement begin with 하다 right after a bare noun (변경 + 하기 어려워요)?"""
    pieces = tokenize_phrase(replacement.split(" ")[0]) if replacement else []
    if not pieces or pieces[0][:2] not in {("하", "VV"), ("하", "XSV")}:
        return False
    before = [m for m in morphs if m.end <= start - 1 and not is_symbol(m)]
    return bool(before) and before[-1].tag == "NNG" and before[-1].end == start - 1


def _judges_a_condition(morphs: Sequence[Morph], first: int, last: int) -> bool:
    """Is the adjective the predicate right after a condition clause (-면 곤란하다: 'please don't', a soft
    prohibition)? Not a modifier there ('사용하면 동일한 계정으로 …')."""
    prev = next((m for m in reversed(morphs[:first]) if not is_symbol(m)), None)
    ending = next((m for m in morphs[last:] if m.tag.startswith("E") and m.tag != "EP"), None)
    return (prev is not None and prev.tag == "EC" and prev.form in _CONDITION_ENDINGS
            and ending is not None and ending.tag == "EF")


def _connective_eo(morphs: Sequence[Morph], last: int) -> bool:
    """Does the word end in the connective -어/-여 (not before a 보조용언: '알아봐 주세요' is fine)?"""
    word = morphs[last - 1].word
    rest = [m for m in morphs[last:] if m.word == word and not is_symbol(m)]
    if not rest or rest[-1].tag != "EC" or rest[-1].form not in {"어", "아", "여"}:
        return False
    after = next((m for m in morphs[last:] if m.word != word), None)
    return after is None or after.tag != "VX"


def _contracted(word: str) -> bool:
    """Does the word end in a contracted 와/워 syllable with no final consonant (봐, 줘, 둬, 와)?"""
    last = word.rstrip()[-1:] if word.strip() else ""
    if not ("가" <= last <= "힣"):
        return False
    code = ord(last) - 0xAC00
    return code % 28 == 0 and (code // 28) % 21 in {9, 14}


_LIGHT_VERBS = frozenset({"하", "드리", "주", "걸", "받"})


def _adverb(words: str) -> bool:
    """Is the leading part of a replacement one adverb (다시 in '다시 전화', a noun phrase only before a verb)?"""
    morphs = tokenize_phrase(words)
    return len(morphs) == 1 and morphs[0][1] == "MAG"


def _modifier(words: str) -> bool:
    """Does the leading part of a replacement end in a modifier ending (돌려받을 돈, 남은 금액)?"""
    morphs = tokenize_phrase(words)
    return bool(morphs) and morphs[-1][1] == "ETM"


def _after_bare_noun(morphs: Sequence[Morph], first: int) -> bool:
    """Is the word before a noun with nothing after it (해지 환급금, 보험 해약금): the first half of a compound
    written with a space, which a modifier clause would split."""
    if first == 0 or morphs[first - 1].word == morphs[first].word:
        return False
    word = morphs[first - 1].word
    before = [m for m in morphs[:first] if m.word == word]
    return bool(before) and before[-1].tag in _COMPOUND_HEADS


_COMPOUND_HEADS = frozenset({"NNG", "NNP", "SL", "XSN"})


def _light_verb_follows(morphs: Sequence[Morph], last: int) -> bool:
    """Does a light verb take the noun right after it (전화 드리다, 전화를 주다, 전화하다)? Only then can an adverb
    lead the replacement."""
    k = last + 1 if last < len(morphs) and morphs[last].tag == "JKO" else last
    return k < len(morphs) and morphs[k].form in _LIGHT_VERBS and morphs[k].tag in {"VV", "XSV", "VX"}


def _possibility_follows(morphs: Sequence[Morph], last: int) -> bool:
    """Is the noun followed by 가능/불가(능) (수령 가능합니다)?"""
    nxt = morphs[last : last + 2]
    return bool(nxt) and (nxt[0].form in {"가능", "불가", "불가능"} or (
        nxt[0].form == "불" and len(nxt) > 1 and nxt[1].form == "가능"))


def _benefactive_follows(morphs: Sequence[Morph], last: int) -> bool:
    """Does the word end in -어 right after the entry, with 주다/드리다 as the next word (제시해 주세요)?"""
    rest = [m for m in morphs[last:] if m.word == morphs[last - 1].word]
    after = last + len(rest)
    return [(m.form, m.tag) for m in rest] in ([("어", "EC")], [("아", "EC")], [("여", "EC")]) and after < len(
        morphs) and morphs[after].tag == "VX" and morphs[after].form in {"주", "드리"}


def _inside_compound(morphs: Sequence[Morph], first: int, last: int) -> bool:
    """Is the noun [first, last) glued to another noun in the same written word (수령+지, 상품+수령)?"""
    after = last < len(morphs) and morphs[last].word == morphs[last - 1].word and morphs[last].tag in _NOUNISH
    before = first > 0 and morphs[first - 1].word == morphs[first].word and morphs[first - 1].tag in _NOUNISH
    return after or before


_NOUNISH = frozenset({"NNG", "NNP", "XSN", "NR", "SN"})


def stem_morphs(phrase: str) -> list[tuple[str, str]]:
    """A replacement as morphemes: 받다 -> [(받, VV)]; or explicit ones: 에요/EF -> [(에요, EF)]."""
    if MORPHEME_LIST.match(phrase):
        return [(form, tag) for form, tag in (part.split("/") for part in phrase.split("+"))]
    morphs = [(form, tag) for form, tag, _ in tokenize_phrase(phrase)]
    if len(morphs) > 1 and morphs[-1] in {("다", "EF"), ("다", "EC")}:  # Kiwi tags 갚다's 다 as EC
        morphs.pop()
    return morphs


def rejoin(morphs: Sequence[Morph], replaced: dict[int, list[tuple[str, str]]], text: str) -> list[Edit]:
    """One edit per 어절 holding a replaced morpheme: that word re-joined by Kiwi, punctuation left alone.

    A word whose first morpheme was dropped by an edit that began in the word before it (이의제기 하면 ->
    반대하면) is joined onto that word, so its leftover ending does not stand alone.
    """
    groups: list[tuple[int, int]] = []
    for word in sorted({morphs[i].word for i in replaced}):
        indices = [i for i, m in enumerate(morphs) if m.word == word]
        lo, hi = word_range(morphs, indices[0], indices[-1] + 1)
        while hi > lo and is_symbol(morphs[hi - 1]) and hi - 1 not in replaced:
            hi -= 1
        while lo < hi and is_symbol(morphs[lo]) and lo not in replaced:
            lo += 1
        if lo >= hi:
            continue
        continues = groups and replaced.get(lo) == [] and (lo - 1) in replaced and groups[-1][1] >= lo - 1
        if continues:
            groups[-1] = (groups[-1][0], hi)
        else:
            groups.append((lo, hi))
    edits: list[Edit] = []
    for lo, hi in groups:
        start, end = syllable_span(morphs, lo, hi)
        lo_join = _join_from(morphs, lo, min(i for i in replaced if lo <= i < hi), start, end, text)
        kept = text[start : morphs[lo_join].start] if lo_join > lo else ""
        if kept and morphs[lo_join - 1].tag == "MAG" and morphs[lo_join - 1].form in _SPACED_NEGATION:
            kept += " "  # 안되요 -> 안 돼요: the negative adverb is a word of its own (한글 맞춤법 제2항)
        new: list[tuple[str, str]] = []
        for i in range(lo_join, hi):
            new.extend(replaced.get(i, [(morphs[i].form, morphs[i].tag)]))
        edits.append(_without_double_space(start, end, kept + join_word(new), text))
    return edits


_SPACED_NEGATION = frozenset({"안", "못"})
_WHOLE_WORD_STEMS = frozenset({"VCP", "VCN", "VX"})


def _join_from(morphs: Sequence[Morph], lo: int, first: int, start: int, end: int, text: str) -> int:
    """Where re-joining starts: at the predicate stem the first edited morpheme hangs on, so the untouched
    head of the word keeps its own spelling and spacing (연락드릴께요 -> 연락드릴게요, not 연락 드릴게요).

    The whole word is re-joined, as before, when the stem shares a syllable with the morpheme before it (a
    contraction), when the word has a space, for 이다 (its ending depends on the noun) and for 보조용언
    (whose spacing inflect decides).
    """
    if " " in text[start:end]:
        return lo
    stem = next((i for i in range(first, lo - 1, -1) if morphs[i].tag in STEM_TAGS), None)
    if stem is None or stem == lo or morphs[stem].start < morphs[stem - 1].end:
        return lo
    before = text[morphs[stem].start - 1 : morphs[stem].start]
    if morphs[stem].tag == "VCP" and "가" <= before <= "힣" and has_coda(before):
        return stem  # 이 written as its own syllable after a final consonant: 이에요 whatever Kiwi read the noun as
    if morphs[stem].tag in _WHOLE_WORD_STEMS:  # 이다 picks 예요/이에요 from its noun; 보조용언 spacing is inflect's
        return lo
    return stem


def _without_double_space(start: int, end: int, replacement: str, text: str) -> Edit:
    """An edit that deletes whole words takes one neighbouring space with it, so no double space is left."""
    if not replacement:
        if end < len(text) and text[end] == " ":
            end += 1
        elif start > 0 and text[start - 1] == " ":
            start -= 1
    return (start, end, replacement)
