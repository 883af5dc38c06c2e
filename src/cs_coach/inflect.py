"""Joining and spacing of Korean words: the one place that turns morphemes back into text.

Kiwi's `join` conjugates (되+었+어요 -> 됐어요, 어렵+어요 -> 어려워요) and spaces 보조용언 and 의존명사
(해 주다, 할 수 있다), but it does not know a stem's class and has known faults, mended here:

- ending classes: -는데/-은데, -는다/-다 and the adnominal -는/-은 follow the stem (verb, adjective, 이다; 있다/없다
  take the verb forms), so 싫+는데 -> 싫은데 and 없+은데 -> 없는데 (after an honorific -시- is removed);
- 으-forms after a consonant (어렵+니 -> 어려우니), 시+어요 -> 세요 (not 셔요), 이다+에요 by the final consonant;
- compound verbs written as one word (줄어들다, 늘어나다, 만들어지다), 보조용언 written apart (해 주다);
- no stacked 주다/드리다 (해 줘 주시겠어요 -> 해 주시겠어요);
- particles after digits and Latin words (10을, iPhone을), and after a filled-in slot; a number and its unit noun
  stay one word (2층이에요, not 2 층이에요).

Honorific -시- is added or removed on morphemes (`with_honorific`, `without_honorific`), never on text, so that
the ending is re-chosen for the stem (없으신데 -> 없는데).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .analyze import join_morphs
from .josa import PAIRS, choose, ends_in_consonant, fix_after_non_hangul

Morphs = Sequence[tuple[str, str]]

STEM_TAGS = frozenset({"VV", "VA", "VX", "XSV", "XSA", "VCP", "VCN"})
_VERB_TAGS = frozenset({"VV", "XSV"})
_ADJ_TAGS = frozenset({"VA", "XSA", "VCP", "VCN"})
# 있다/없다 (and their compounds: 재미있다, 맛없다) are adjectives that conjugate like verbs: 있는데, 없는 일.
_VERB_LIKE_ADJ = ("있", "없", "계시")
# Endings whose 으-form Kiwi's join does not choose by itself after a consonant (어렵+니 -> 어렵니, not 어려우니).
_EU_FORMS = {"니": "으니", "니까": "으니까", "면": "으면", "면서": "으면서", "며": "으며", "므로": "으므로",
             "러": "으러", "려고": "으려고", "려면": "으려면"}
# 보조용언 after -어 that make one dictionary word with the verb (줄어들다, 늘어나다, 만들어지다): no space.
_COMPOUND_VX = frozenset({"들", "나", "지"})
_HONORIFIC = frozenset({"시", "으시"})
_COPULA_YO = frozenset({"에요", "예요", "이에요"})
_STEMS_WITHOUT_COPULA = frozenset({"VV", "VA", "VX", "XSV", "XSA"})
_BENEFACTIVE = frozenset({"주", "드리"})


def coda(char: str) -> int:
    """The final consonant index of a Hangul syllable (0: none, 8: ㄹ), or -1 for anything else."""
    code = ord(char) - 0xAC00
    return code % 28 if 0 <= code < 11172 else -1


def _stem_class(morphs: Morphs, i: int) -> str | None:
    """'verb' or 'adjective' for the predicate an ending at index i attaches to, or None (after 었/겠: tense)."""
    for k in range(i - 1, -1, -1):
        form, tag = morphs[k]
        if tag == "EP":
            if form in _HONORIFIC:
                continue
            return None  # 었/겠 take the verb-like forms themselves: 했는데, 하겠는데
        if tag in _VERB_TAGS:
            return "verb"
        if tag in _ADJ_TAGS or tag == "VX":
            if tag == "VX" and form not in {"싶", "않"} and form not in _VERB_LIKE_ADJ:
                return "verb"  # 해 주는데, 해 보는데
            if form.endswith(_VERB_LIKE_ADJ) and not any(t == "EP" and f in _HONORIFIC for f, t in morphs[k + 1 : i]):
                return "verb"
            if tag == "VX" and form == "않":
                return _stem_class(morphs, k - 1) if k > 1 else "verb"  # 가지 않는데, 싫지 않은데
            return "adjective"
        return None
    return None


_ENDING_BY_CLASS: dict[str, dict[str, str]] = {
    # ending as written -> the form for the other class
    "adjective": {"는데": "ᆫ데", "는데요": "ᆫ데요", "는다": "다", "ᆫ다": "다", "는": "ᆫ", "는지": "ᆫ지", "는가": "ᆫ가"},
    "verb": {"ᆫ데": "는데", "은데": "는데", "ᆫ데요": "는데요", "은데요": "는데요"},
}


def _classed(morphs: Morphs) -> list[tuple[str, str]]:
    """Each ending in the form its stem takes: 싫+는데 -> 싫+ᆫ데, 없+ᆫ데 -> 없+는데, 크+는다 -> 크+다."""
    out = list(morphs)
    for i, (form, tag) in enumerate(out):
        if not tag.startswith("E") or i == 0:
            continue
        if tag == "EF" and form in _COPULA_YO and out[i - 1][1] == "EP" and out[i - 1][0] not in _HONORIFIC:
            out[i] = ("어요", tag)  # 이었+에요 -> 이었어요: after tense the copula's 에요 is the plain 어요
            continue
        if tag == "EF" and form in _COPULA_YO and out[i - 1][1] in _STEMS_WITHOUT_COPULA:
            out[i] = ("어요", tag)  # a noun swapped for a predicate (불가예요 -> 어렵+예요): 어려워요
            continue
        if tag == "EF" and form == "어요" and out[i - 1][1] in {"VCP", "VCN"}:
            out[i] = ("에요", tag)  # 아니+어요 -> 아니에요, 이+어요 -> 이에요/예요 (아니어요, 이어요 are archaic)
            continue
        cls = _stem_class(out, i)
        if cls is None:
            continue
        if tag == "ETM":
            if form == "는" and cls == "adjective":
                out[i] = ("ᆫ", tag)  # 크는 -> 큰 (a verb's ᆫ is its past: 주문한 상품, left alone)
            continue
        mapped = _ENDING_BY_CLASS[cls].get(form)
        if mapped is not None:
            out[i] = (mapped, tag)
        elif cls == "verb" and form == "다" and tag == "EF" and out[i - 1][1] in _VERB_TAGS:
            out[i] = ("ᆫ다", tag)  # 가+다 -> 간다 (a plain statement of a verb)
    return out


def _with_eu(morphs: Morphs) -> list[tuple[str, str]]:
    """Give an ending its 으-form after a stem that ends in a consonant other than ㄹ."""
    out = list(morphs)
    for i in range(1, len(out)):
        form, tag = out[i]
        stem, stem_tag = out[i - 1]
        consonant = bool(stem) and coda(stem[-1]) not in (0, 8, -1)
        if form in _EU_FORMS and tag.startswith("E") and stem_tag in STEM_TAGS and consonant:
            out[i] = (_EU_FORMS[form], tag)
    return out


def unstack(morphs: Morphs) -> list[tuple[str, str]]:
    """Drop a repeated benefactive: 하+어+주+어+주+시+겠 -> 하+어+주+시+겠 (해 줘 주시겠어요 -> 해 주시겠어요).

    The later one is kept (it carries the honorific and tense the rewrite chose); 드리 wins over 주.
    """
    out = list(morphs)
    i = 0
    while i + 3 < len(out):
        a, b, c, d = out[i : i + 4]
        if b[1] == "VX" and b[0] in _BENEFACTIVE and a == ("어", "EC") and c[0] in {"어", "아"} and c[1] == "EC" \
                and d[1] == "VX" and d[0] in _BENEFACTIVE:
            keep = ("드리", "VX") if "드리" in (b[0], d[0]) else d
            out[i : i + 4] = [a, keep]
            continue
        i += 1
    # a word that starts with the benefactive (a replacement '보여 주다' joined with the original '어 주세요')
    if len(out) >= 3 and out[0][0] in _BENEFACTIVE and out[0][1] in {"VV", "VX"} and out[1][0] in {"어", "아"} \
            and out[1][1] == "EC" and out[2][1] == "VX" and out[2][0] in _BENEFACTIVE:
        out[0:3] = [("드리" if "드리" in (out[0][0], out[2][0]) else "주", out[0][1])]
    return out


def with_honorific(morphs: Morphs) -> list[tuple[str, str]]:
    """Add -시- after the last predicate stem (before tense), unless it is there: 기다리+어요 -> 기다리+시+어요."""
    out = list(morphs)
    if any(t == "EP" and f in _HONORIFIC for f, t in out):
        return out
    last = max((i for i, (_, t) in enumerate(out) if t in STEM_TAGS), default=None)
    if last is None or last + 1 >= len(out):
        return out
    out.insert(last + 1, ("시", "EP"))
    return out


def without_honorific(morphs: Morphs) -> list[tuple[str, str]]:
    """Remove -시- (사물 존칭: 나오+시+었 -> 나오+었); the ending is re-chosen for the stem when joined."""
    out = []
    for form, tag in morphs:
        if tag == "EP" and form in _HONORIFIC:
            continue
        if tag == "EF" and form in {"세요", "으세요"}:
            out.append(("어요", "EF"))
            continue
        if tag == "EP" and form in {"셨", "으셨"}:
            out.append(("었", "EP"))
            continue
        out.append((form, tag))
    return out


def join(morphs: Morphs) -> str:
    """One word (or a predicate with its 보조용언) from morphemes, with Kiwi's faults mended.

    A 보조용언 after a connective ending starts a word of its own (해 주다, 해야 하다, 가지 않다), except the
    ones that make a compound verb (줄어들다, 늘어나다, 만들어지다); each word is joined by itself."""
    if not morphs:
        return ""
    morphs = _with_eu(_classed(unstack(morphs)))
    words: list[list[tuple[str, str]]] = [[]]
    for i, (form, tag) in enumerate(morphs):
        if tag == "VX" and i > 0 and morphs[i - 1][1] == "EC" and words[-1]:
            compound = form in _COMPOUND_VX and morphs[i - 1][0] in {"어", "아"}
            if not compound:
                words.append([])
        words[-1].append((form, tag))
    return " ".join(_join_word(w) for w in words)


_DIGIT_SPACE = re.compile(r"(?<=\d) (?=[가-힣])")


def _join_word(morphs: Morphs) -> str:
    joined = _attach_compounds(morphs, join_morphs(morphs))
    if any(t == "EP" and f in _HONORIFIC for f, t in morphs) and joined.endswith("셔요"):
        joined = joined[: -len("셔요")] + "세요"
    elif len(morphs) > 1 and morphs[-1] == ("어", "EC") and morphs[-2][1] == "EP" and joined.endswith("셔"):
        joined = joined[:-1] + "시어"  # a bare -시어 connective (지참하시어 -> 챙기시어): 챙기셔 alone reads as cut off
    copula = _copula_ending(morphs)
    if copula is not None:
        joined = copula
    return fix_after_non_hangul(_DIGIT_SPACE.sub("", joined))  # Kiwi spaces a number and its noun: '2 층'이에요


def _attach_compounds(morphs: Morphs, joined: str) -> str:
    """Kiwi spaces every 보조용언; 줄어 들었다 and 만들어 졌다 are one word each (한글 맞춤법 제47항 붙임)."""
    for i in range(1, len(morphs)):
        form, tag = morphs[i]
        if tag == "VX" and form in _COMPOUND_VX and morphs[i - 1][1] == "EC" and morphs[i - 1][0] in {"어", "아"}:
            head = join_morphs(list(morphs[:i]))
            if joined.startswith(head + " "):
                joined = head + joined[len(head) + 1 :]
    return joined


def _copula_ending(morphs: Morphs) -> str | None:
    """Noun + 이다 + 에요 ends in 예요 after a vowel (사이즈예요) and 이에요 after a consonant (원이에요).

    Kiwi's join gets this wrong both ways, so the word is joined up to the noun and the ending is chosen
    from the noun's last syllable.
    """
    if len(morphs) < 2 or morphs[-2] != ("이", "VCP") or morphs[-1][0] not in {"에요", "예요", "이에요"}:
        return None
    head = join_morphs(list(morphs[:-2]))
    coda = ends_in_consonant(head)  # 사이즈, 1,000원, 3.5%, SSD as they are read
    if coda is None:
        return None
    return head + ("이에요" if coda else "예요")


# -- punctuation --------------------------------------------------------------------------------------
def closing_punct(morphs: Morphs, current: str = ".") -> str:
    """The mark a sentence ending in these morphemes takes: '?' for a question or a polite request
    (주시겠어요?), otherwise the current one ('.' when it has none)."""
    forms = [f for f, _ in morphs]
    last = next((f for f, t in reversed(morphs) if t == "EF"), "")
    asks = last == "어요" and forms[-3:] == ["시", "겠", "어요"] and len(forms) > 3 and forms[-4] in _BENEFACTIVE
    if last.endswith(("ᆸ니까", "습니까", "까요", "나요")) or asks:
        return "?"
    return current if current in {".", "!", "?"} else "."


# -- slots ----------------------------------------------------------------------------------------------
SLOT = re.compile(r"\{([^{}|]+)\}")
_PARTICLE_AFTER = re.compile("(" + "|".join(sorted({p for pair in PAIRS for p in pair}, key=len, reverse=True))
                             + ")(?![가-힣])")


def fill_slots(template: str, values: dict[str, str]) -> tuple[str, list[tuple[int, int]]]:
    """Put the agent's words into `{name}` slots, choosing the particle right after each for them
    ({대안}은 + '교환 서비스' -> '교환 서비스는'). Returns the text and where each filled value sits in it.
    Slots without a value are left as they are (callers check `slots()` first)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for match in SLOT.finditer(template):
        name = match.group(1)
        if name not in values:
            continue
        before = template[pos : match.start()]
        out.append(before)
        length += len(before)
        value = values[name].strip()
        spans.append((length, length + len(value)))
        out.append(value)
        length += len(value)
        pos = match.end()
        particle = _PARTICLE_AFTER.match(template, pos)
        if particle and value:
            chosen = choose(value, particle.group(1))
            out.append(chosen)
            length += len(chosen)
            pos = particle.end()
    out.append(template[pos:])
    return "".join(out), spans


def slots(template: str) -> list[str]:
    """Names of the `{name}` slots of a template, in order, without repeats."""
    return list(dict.fromkeys(m.group(1) for m in SLOT.finditer(template)))


BLANK = "＿＿"


def blank_slots(text: str, blank: str = BLANK) -> str:
    """A template as a worksheet shows it: each slot a blank line to write on."""
    return SLOT.sub(blank, text)
