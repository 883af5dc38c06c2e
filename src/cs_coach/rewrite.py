"""Suggestions: morpheme edits on the affected 어절 only, joined by Kiwi, spliced into the original text.

Kiwi's `join` is trusted for conjugation (수령하+세요 -> 받으세요) but not for its known faults, mended in
`join_word`: 시+어요 (-> 세요, not 셔요), 이다+에요/예요 (chosen by the final consonant), and particles after
digits or Latin letters (chosen by how the number or word is read). Words that an edit does not touch are
copied from the original text, never regenerated.

Templates (`replace`, `prefix`, `append`) may hold `{capture}` (the captured text), `{capture|어/EC+주/VX}`
(the captured morphemes joined with more morphemes: a conjugated form), and any other `{placeholder}`, which
is left for the agent to fill in (`{대안}`, `{이유}`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .analyze import Analysis, Morph, Sentence, join_morphs, tokenize_phrase
from .josa import fix_after_non_hangul, has_coda
from .lexicon import gloss_suggestion
from .match import Hit
from .models import Suggestion
from .packs import CompiledRule
from .schema import MORPHEME_LIST, TEMPLATE_SLOT, LexiconEntry, Suggest
from .sentences import Understanding, meets
from .spans import is_symbol, sentence_span, syllable_span, word_range, word_span

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
    text = analysis.text
    out: list[Suggestion] = []
    if isinstance(hit.entry, LexiconEntry):
        out.extend(_lexicon_suggestions(hit, sentence, hit.entry, text))
    for suggest in compiled.rule.suggest:
        condition = suggest.sentence
        if condition and understanding and not meets(condition, understanding, hit.first, as_refusal):
            continue
        made = _apply_suggest(suggest, hit, sentence, text)
        if made is not None:
            out.append(made)
    return [s for s in _unique(out) if text[s.start : s.end] != s.replacement]


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
        if tail:
            stem = [(m.form, m.tag) for m in sentence.morphs[first:last]]
            return join_word(stem + stem_morphs(tail))
        start, end = syllable_span(sentence.morphs, first, last)
        return text[start:end]

    return _PLACEHOLDER.sub(sub, template)


def _apply_suggest(suggest: Suggest, hit: Hit, sentence: Sentence, text: str) -> Suggestion | None:
    morphs = sentence.morphs
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
    elif suggest.replace is not None:
        start, end = word_span(morphs, first, last)
        replacement = fill(pick_level(suggest.replace, level), hit, sentence, text)
        edits.append(_without_double_space(start, end, replacement, text))
    if suggest.final_punct is not None and edits and max(e[1] for e in edits) >= s_end:
        punct = _final_punct(morphs, suggest.final_punct)
        covering = [k for k, e in enumerate(edits) if e[0] <= punct[0] < e[1]]
        if covering:  # the rewrite already swallowed the old punctuation: close it with the new one
            k = covering[0]
            edits[k] = (edits[k][0], max(edits[k][1], punct[1]), edits[k][2] + suggest.final_punct)
        else:
            edits.append(punct)
    if suggest.prefix is not None:
        prefix = fill(pick_level(suggest.prefix, level), hit, sentence, text)
        at = _prefix_point(sentence, text)
        already = text.startswith(prefix.strip(), at) or any(
            e[0] == at and e[2].startswith(prefix.strip()) for e in edits
        )
        touches_start = not edits or min(e[0] for e in edits) <= at
        if not already and touches_start:
            edits.append((at, at, prefix))
    if suggest.append is not None:
        _, end = syllable_span(morphs, len(morphs) - 1, len(morphs))
        addition = fill(pick_level(suggest.append, level), hit, sentence, text).strip()
        if not text[end:].lstrip().startswith(addition):
            closed = morphs[-1].tag in {"SF", "SE"} or text[end - 1 : end] in {"~", "!", "?", "."}
            edits.append((end, end, (" " if closed else ". ") + addition))
    if not edits:
        return None  # everything it would add is already there: offering it again would never converge
    return merge_edits(edits, text, suggest.applicability, suggest.description)


# Clause endings a long sentence can be cut at, with the word that links the two new sentences.
_SPLIT_LINKS = {"고": "", "며": "", "으며": "", "면서": "", "으면서": "", "는데": "그런데", "ᆫ데": "그런데",
                "은데": "그런데", "지만": "하지만", "어서": "그래서", "아서": "그래서", "여서": "그래서"}
_CLOSING = {"hapsyo": ("습니다", "EF"), "haeyo": ("어요", "EF")}


def split_sentence(sentence: Sentence, text: str, applicability: str, description: str) -> Suggestion | None:
    """Cut at the clause ending nearest the middle: '가져가고 검사하면' -> '가져가요. 검사하면'."""
    morphs = sentence.morphs
    middle = len(morphs) / 2
    # Not before an auxiliary: '-고 있다', '-고 싶다', '-고 나서' are one predicate.
    cuts = [i for i, m in enumerate(morphs[:-1]) if m.tag == "EC" and m.form in _SPLIT_LINKS
            and morphs[i + 1].word != m.word and i > 0 and morphs[i - 1].word == m.word
            and not is_symbol(morphs[i + 1])
            and morphs[i + 1].tag != "VX"]
    if not cuts:
        return None
    cut = min(cuts, key=lambda i: abs(i - middle))
    word = morphs[cut].word
    first = next(i for i, m in enumerate(morphs) if m.word == word)
    stem = [(m.form, m.tag) for m in morphs[first:cut]]
    level = sentence.level if sentence.level in _CLOSING else "haeyo"
    closed = join_word([*stem, _CLOSING[level]])
    start, _ = syllable_span(morphs, first, cut)
    _, end = syllable_span(morphs, cut, cut + 1)
    link = _SPLIT_LINKS[morphs[cut].form]
    next_start = morphs[cut + 1].start
    edits: list[Edit] = [(start, end, closed + ".")]
    if link:
        edits.append((next_start, next_start, link + " "))
    return merge_edits(edits, text, applicability, description)


def _missing_slot_capture(suggest: Suggest, hit: Hit) -> bool:
    templates = [t for t in (suggest.replace, suggest.prefix, suggest.append) if t is not None]
    texts = [t for template in templates for t in ([template] if isinstance(template, str) else template.values())]
    return any(name not in hit.captures for text in texts for name, _ in TEMPLATE_SLOT.findall(text))


def _prefix_point(sentence: Sentence, text: str) -> int:
    """Where words go before a sentence: after an opening answer word ("네, 죄송하지만 …"), else its start."""
    morphs = sentence.morphs
    start = sentence_span(sentence)[0]
    i = next((k for k, m in enumerate(morphs) if not is_symbol(m)), None)
    if i is None or morphs[i].tag != "IC" or i + 1 >= len(morphs):
        return start
    after = morphs[i].end
    if after >= len(text) or text[after] not in ",.!~ ":
        return start  # 오배송: a syllable Kiwi read as an interjection inside a word
    while after < len(text) and text[after] in ",.!~ ":
        after += 1
    return after if after < sentence.end else start


def merge_edits(edits: list[Edit], text: str, applicability: str, description: str) -> Suggestion:
    """Several edits in one sentence as one Suggestion; text between them is copied unchanged."""
    ordered = sorted(edits, key=lambda e: (e[0], e[1] > e[0]))
    start = ordered[0][0]
    pos = start
    pieces = []
    for e_start, e_end, replacement in ordered:
        if e_start < pos:  # overlapping edits: keep the first
            continue
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


def _final_punct(morphs: Sequence[Morph], punct: str) -> Edit:
    """Replace the sentence's closing punctuation (or add it after its last word)."""
    last_real = max((i for i, m in enumerate(morphs) if not is_symbol(m)), default=len(morphs) - 1)
    closing = [m for m in morphs[last_real + 1 :] if m.tag in {"SF", "SE"}]
    _, end = syllable_span(morphs, last_real, last_real + 1)
    if closing:
        return (closing[0].start, closing[-1].end, punct)
    return (end, end, punct)


def _lexicon_suggestions(hit: Hit, sentence: Sentence, entry: LexiconEntry, text: str) -> list[Suggestion]:
    """Swap the word's morphemes for the replacement's; a several-word replacement keeps its leading words as
    written and joins only its last word with the original particles and endings (소요 기간은 -> 걸리는 기간은)."""
    if entry.strategy == "keep":
        return []
    if entry.strategy == "gloss":
        return [gloss_suggestion(sentence.morphs, hit.first, hit.last, entry)]
    out = []
    morphs = sentence.morphs
    for replacement in entry.replace:
        lead, _, last = replacement.rpartition(" ")
        replaced = {hit.first: stem_morphs(last), **{i: [] for i in range(hit.first + 1, hit.last)}}
        edits = rejoin(morphs, replaced, text)
        if not edits:
            continue
        if lead:
            starts_word = hit.first == 0 or morphs[hit.first - 1].word != morphs[hit.first].word
            if not starts_word:
                continue
            start, end, joined = edits[0]
            edits[0] = (start, end, f"{lead} {joined}")
        applicability = "safe" if entry.safe else "unsafe"  # a sense that is not certain is offered, never applied
        out.append(merge_edits(edits, text, applicability, f"'{entry.word}' → '{replacement}'"))
    return out


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
        new: list[tuple[str, str]] = []
        for i in range(lo, hi):
            new.extend(replaced.get(i, [(morphs[i].form, morphs[i].tag)]))
        edits.append(_without_double_space(start, end, join_word(new), text))
    return edits


def _without_double_space(start: int, end: int, replacement: str, text: str) -> Edit:
    """An edit that deletes whole words takes one neighbouring space with it, so no double space is left."""
    if not replacement:
        if end < len(text) and text[end] == " ":
            end += 1
        elif start > 0 and text[start - 1] == " ":
            start -= 1
    return (start, end, replacement)


# Endings whose 으-form Kiwi's join does not choose by itself after a consonant (어렵+니 -> 어렵니, not 어려우니).
_EU_FORMS = {"니": "으니", "니까": "으니까", "면": "으면", "면서": "으면서", "며": "으며", "므로": "으므로",
             "러": "으러", "려고": "으려고", "려면": "으려면"}
_STEM_TAGS = frozenset({"VV", "VA", "VX", "XSV", "XSA"})


def _with_eu(morphs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Give an ending its 으-form after a stem that ends in a consonant other than ㄹ."""
    out = list(morphs)
    for i in range(1, len(out)):
        form, tag = out[i]
        stem, stem_tag = out[i - 1]
        if form in _EU_FORMS and tag.startswith("E") and stem_tag in _STEM_TAGS and stem:
            code = ord(stem[-1]) - 0xAC00
            if 0 <= code < 11172 and code % 28 not in (0, 8):
                out[i] = (_EU_FORMS[form], tag)
    return out


def join_word(morphs: Sequence[tuple[str, str]]) -> str:
    """Kiwi's join plus mends for its known faults."""
    if not morphs:
        return ""
    morphs = _with_eu(morphs)
    joined = join_morphs(morphs)
    forms = [form for form, _ in morphs]
    if "시" in forms and joined.endswith("셔요"):
        joined = joined[: -len("셔요")] + "세요"
    copula = _copula_ending(morphs)
    if copula is not None:
        joined = copula
    return fix_after_non_hangul(joined)


def _copula_ending(morphs: Sequence[tuple[str, str]]) -> str | None:
    """Noun + 이다 + 에요 ends in 예요 after a vowel (사이즈예요) and 이에요 after a consonant (원이에요).

    Kiwi's join gets this wrong both ways, so the word is joined up to the noun and the ending is chosen
    from the noun's last syllable.
    """
    if len(morphs) < 2 or morphs[-2] != ("이", "VCP") or morphs[-1][0] not in {"에요", "예요", "이에요"}:
        return None
    head = join_morphs(list(morphs[:-2]))
    last = head[-1:]
    if not last or not ("가" <= last <= "힣" or last.isdigit()):
        return None
    return head + ("이에요" if has_coda(last) else "예요")
