"""Suggestions and fixes: morpheme edits on the affected 어절 only, joined by Kiwi, spliced into the text.

Kiwi's `join` is trusted for conjugation (수령하+세요 -> 받으세요) but not for three known faults, mended
here: 시+어요 (-> 세요, not 셔요), 이다+에요/예요 (chosen by the final consonant), and particles after
digits or Latin letters (chosen by how the number or word is read).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .analyze import Analysis, Morph, Sentence, join_morphs, tokenize_phrase
from .match import Hit
from .models import Suggestion
from .packs import CompiledRule
from .schema import LexiconEntry, Suggest
from .spans import is_symbol, sentence_span, syllable_span, word_range, word_span

_LEVEL_FALLBACK = ("haeyo", "hapsyo", "banmal")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def suggestions_for(compiled: CompiledRule, hit: Hit, analysis: Analysis) -> list[Suggestion]:
    if hit.sentence is None:
        return []
    sentence = analysis.sentences[hit.sentence]
    out: list[Suggestion] = []
    if isinstance(hit.entry, LexiconEntry):
        out.extend(_lexicon_suggestions(hit, sentence, hit.entry))
    for suggest in compiled.rule.suggest:
        made = _apply_suggest(suggest, hit, sentence, analysis.text)
        if made is not None:
            out.append(made)
    return [s for s in _unique(out) if analysis.text[s.start : s.end] != s.replacement]


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
    if isinstance(options, str):
        return options
    for candidate in (level, *_LEVEL_FALLBACK):
        if candidate in options:
            return options[candidate]
    return next(iter(options.values()))


def _fill(template: str, hit: Hit, sentence: Sentence, text: str) -> str:
    """Replace {capture} with the captured text; other {placeholders} are left for the agent."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in hit.captures:
            first, last = hit.captures[name]
            start, end = syllable_span(sentence.morphs, first, last)
            return text[start:end]
        return match.group(0)

    return _PLACEHOLDER.sub(sub, template)


def _apply_suggest(suggest: Suggest, hit: Hit, sentence: Sentence, text: str) -> Suggestion | None:
    morphs = sentence.morphs
    first, last = hit.captures.get(suggest.target, (hit.first, hit.last)) if suggest.target else (hit.first, hit.last)
    level = sentence.level
    if suggest.at_end and word_span(morphs, first, last)[1] < sentence_span(sentence)[1]:
        return None
    if suggest.edit is not None:
        return _edit_words(suggest, hit, sentence, text)
    if suggest.replace is not None:
        start, end = word_span(morphs, first, last)
        replacement = _fill(pick_level(suggest.replace, level), hit, sentence, text)
        prefix = pick_level(suggest.prefix, level) if suggest.prefix is not None else ""
        if prefix and start == sentence_span(sentence)[0]:
            replacement = prefix + replacement
        return Suggestion(
            replacement=replacement, start=start, end=end, applicability=suggest.applicability,
            description=suggest.description,
        )
    if suggest.prefix is not None:
        start, _ = sentence_span(sentence)
        prefix = _fill(pick_level(suggest.prefix, level), hit, sentence, text)
        if text.startswith(prefix.strip(), start):
            return None  # already there: offering it again would never converge
        return Suggestion(replacement=prefix, start=start, end=start, applicability=suggest.applicability,
                          description=suggest.description)
    if suggest.append is not None:
        _, end = syllable_span(morphs, len(morphs) - 1, len(morphs))
        addition = _fill(pick_level(suggest.append, level), hit, sentence, text)
        if text[end:].lstrip().startswith(addition.strip()):
            return None  # already there: offering it again would never converge
        return Suggestion(replacement=" " + addition.strip(), start=end, end=end,
                          applicability=suggest.applicability, description=suggest.description)
    return None


def _edit_words(suggest: Suggest, hit: Hit, sentence: Sentence, text: str) -> Suggestion | None:
    """Drop or swap captured morphemes, then re-join only the 어절 that hold them."""
    assert suggest.edit is not None
    morphs = sentence.morphs
    replaced: dict[int, list[tuple[str, str]]] = {}
    for name in suggest.edit.drop:
        if name in hit.captures:
            first, last = hit.captures[name]
            for i in range(first, last):
                replaced[i] = []
    for name, lemma in suggest.edit.swap.items():
        if name in hit.captures:
            first, last = hit.captures[name]
            replaced[first] = stem_morphs(lemma)
            for i in range(first + 1, last):
                replaced[i] = []
    if not replaced:
        return None
    return _rejoin(morphs, min(replaced), max(replaced) + 1, replaced, text, suggest.applicability,
                   suggest.description)


def _lexicon_suggestions(hit: Hit, sentence: Sentence, entry: LexiconEntry) -> list[Suggestion]:
    out = []
    for replacement in entry.replace:
        replaced = {hit.first: stem_morphs(replacement), **{i: [] for i in range(hit.first + 1, hit.last)}}
        made = _rejoin(sentence.morphs, hit.first, hit.last, replaced, None, entry.applicability,
                       f"'{entry.word}' → '{replacement}'")
        if made is not None:
            out.append(made)
    return out


_EXPLICIT = re.compile(r"^[^/+\s]+/[A-Z]+(?:\+[^/+\s]+/[A-Z]+)*$")


def stem_morphs(phrase: str) -> list[tuple[str, str]]:
    """A replacement as morphemes: 받다 -> [(받, VV)]; or explicit ones: 에요/EF -> [(에요, EF)]."""
    if _EXPLICIT.match(phrase):
        return [tuple(part.split("/")) for part in phrase.split("+")]  # type: ignore[misc]
    morphs = [(form, tag) for form, tag, _ in tokenize_phrase(phrase)]
    if len(morphs) > 1 and morphs[-1] == ("다", "EF"):
        morphs.pop()
    return morphs


def _rejoin(
    morphs: Sequence[Morph], first: int, last: int, replaced: dict[int, list[tuple[str, str]]],
    text: str | None, applicability: str, description: str,
) -> Suggestion | None:
    lo, hi = word_range(morphs, first, last)
    while hi > lo and is_symbol(morphs[hi - 1]):
        hi -= 1
    if hi <= lo:
        return None
    start, end = syllable_span(morphs, lo, hi)
    pieces: list[str] = []
    word_morphs: list[tuple[str, str]] = []
    current_word = morphs[lo].word
    for i in range(lo, hi):
        if morphs[i].word != current_word:
            pieces.append(join_word(word_morphs))
            word_morphs = []
            current_word = morphs[i].word
        word_morphs.extend(replaced.get(i, [(morphs[i].form, morphs[i].tag)]))
    pieces.append(join_word(word_morphs))
    replacement = " ".join(p for p in pieces if p)
    return Suggestion(replacement=replacement, start=start, end=end, applicability=applicability,  # type: ignore[arg-type]
                      description=description)


def join_word(morphs: Sequence[tuple[str, str]]) -> str:
    """Kiwi's join plus mends for its known faults."""
    if not morphs:
        return ""
    joined = join_morphs(morphs)
    forms = [form for form, _ in morphs]
    if "시" in forms and joined.endswith("셔요"):
        joined = joined[: -len("셔요")] + "세요"
    if ("이", "VCP") in morphs and joined.endswith("이에요") and len(joined) > 3 and not _has_coda(joined[-4]):
        joined = joined[: -len("이에요")] + "예요"
    return fix_particles(joined)


def _has_coda(char: str) -> bool:
    code = ord(char) - 0xAC00
    if 0 <= code < 11172:
        return code % 28 != 0
    return _DIGIT_HAS_CODA.get(char, False)


_DIGIT_HAS_CODA = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                   "8": True, "9": False}
_PARTICLE_PAIRS = (("을", "를"), ("이", "가"), ("은", "는"), ("과", "와"), ("이에요", "예요"), ("으로", "로"))
_AFTER_DIGIT = re.compile(r"(\d)(을|를|이|가|은|는|과|와|이에요|예요|으로|로)$")


def fix_particles(word: str) -> str:
    """Choose the particle after a final digit by how the digit is read (10을, 2를)."""
    match = _AFTER_DIGIT.search(word)
    if not match:
        return word
    digit, particle = match.groups()
    has_coda = _DIGIT_HAS_CODA[digit]
    for with_coda, without in _PARTICLE_PAIRS:
        if particle in (with_coda, without):
            wanted = with_coda if has_coda else without
            if particle == "으로" or particle == "로":
                wanted = "로" if (not has_coda or digit in "178") else "으로"
            return word[: match.start(2)] + wanted
    return word
