"""Particles (조사) that agree with the word before them: 을/를, 이/가, 은/는, 과/와, (으)로, 이에요/예요.

Used where cs_coach writes text itself: particles after digits and Latin words in rewrites (Kiwi's join
gets them wrong), and particles after a quoted word in messages ('무상'은, '금일'은, '바로'는).
"""

from __future__ import annotations

import re

_DIGIT_HAS_CODA = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                   "8": True, "9": False}
_RIEUL_DIGITS = "178"  # 일, 칠, 팔 end in ㄹ: they take 로, not 으로
# Unit symbols as they are read: 퍼센트, 도, 달러, 유로, 파운드 end in a vowel; 엔 in ㄴ
_SYMBOL_HAS_CODA = {"%": False, "℃": False, "°": False, "$": False, "€": False, "£": False, "¥": True}
_LATIN_CODA = re.compile(r"(?:[lmn]|ng|[^aeiou][kpt]|[aeiou][lmn]e|ck)$", re.I)
PAIRS = (("을", "를"), ("이", "가"), ("은", "는"), ("과", "와"), ("이에요", "예요"), ("으로", "로"))
PARTICLES = "|".join(p for pair in PAIRS for p in pair)
_AFTER_NON_HANGUL = re.compile(rf"([0-9A-Za-z]+[%℃°]?)({PARTICLES})$")
_AFTER_QUOTE = re.compile(rf"'([^'\n]+)'({PARTICLES})(?![가-힣])")


def has_coda(char: str) -> bool:
    """Does the syllable (or digit, as read in Sino-Korean) end in a consonant?"""
    code = ord(char) - 0xAC00
    if 0 <= code < 11172:
        return code % 28 != 0
    return _DIGIT_HAS_CODA.get(char, False)


def _sound(word: str) -> tuple[bool, bool] | None:
    """(ends in a consonant, ends in ㄹ) for the last Hangul syllable, digit or Latin word; None if unknown."""
    stripped = word.rstrip(" .,!?~…)]}\"'")
    if not stripped:
        return None
    last = stripped[-1]
    code = ord(last) - 0xAC00
    if 0 <= code < 11172:
        return code % 28 != 0, code % 28 == 8
    if last in _DIGIT_HAS_CODA:  # ASCII digits only: str.isdigit() also accepts ² and ①, which have no reading here
        return _DIGIT_HAS_CODA[last], last in _RIEUL_DIGITS
    if last in _SYMBOL_HAS_CODA:
        return _SYMBOL_HAS_CODA[last], False
    latin = re.search(r"[A-Za-z]+$", stripped)
    if latin:
        letters = latin.group(0)
        return bool(_LATIN_CODA.search(letters)), letters.lower().endswith(("l", "le"))
    return None


def ends_in_consonant(word: str) -> bool | None:
    """Whether the word as read ends in a consonant (Hangul, digit, Latin word or unit symbol; None if unknown)."""
    sound = _sound(word)
    return None if sound is None else sound[0]


def choose(word: str, particle: str) -> str:
    """The form of `particle` that agrees with `word` (unchanged when the word's sound is unknown)."""
    sound = _sound(word)
    if sound is None:
        return particle
    coda, rieul = sound
    for with_coda, without in PAIRS:
        if particle in (with_coda, without):
            if with_coda == "으로":
                return "로" if (not coda or rieul) else "으로"
            return with_coda if coda else without
    return particle


def fix_after_non_hangul(word: str) -> str:
    """Mend the particle at the end of a joined word after a digit or Latin letters: 10를 -> 10을."""
    match = _AFTER_NON_HANGUL.search(word)
    if not match:
        return word
    return word[: match.start(2)] + choose(match.group(1), match.group(2))


def fix_after_quotes(message: str) -> str:
    """Mend particles right after quoted words in a message: '무상'는 -> '무상'은."""
    return _AFTER_QUOTE.sub(lambda m: f"'{m.group(1)}'{choose(m.group(1), m.group(2))}", message)
