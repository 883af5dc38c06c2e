"""Text -> sentences -> morphemes with absolute offsets. The only module that imports kiwipiepy.

Kiwi is loaded once per process (lazily, under a lock) and shared by every Coach and thread. Texts are
cut into short chunks (lines and punctuation-ended runs) before analysis so that an LRU cache can reuse
the analysis of chunks that did not change while a draft is being typed, and so that huge inputs never
reach Kiwi as one string.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .speech import sentence_level

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

MAX_CHUNK = 1000
PREDICATE_TAGS = frozenset({"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"})
# A line break before 니다/습니다 is inside a word (저장됩\n니다, a pasted manual): no bound ending starts a sentence.
_CHUNK_END = re.compile(r"\n(?!(?:습)?니다)|(?<=[.!?。…~])[ \t]+")
_SPACE = re.compile(r"\s")
# Misspellings too common in chat to leave to chance: analysed as the words the agent meant.
_PRE_ANALYZED: dict[str, list[tuple[str, str]]] = {
    "않되요": [("안", "MAG"), ("되", "VV"), ("어요", "EF")],
    "않돼요": [("안", "MAG"), ("되", "VV"), ("어요", "EF")],
    "않됩니다": [("안", "MAG"), ("되", "VV"), ("ᆸ니다", "EF")],
    "않되": [("안", "MAG"), ("되", "VV")],
}


class Morph:
    """One morpheme. `tag` has irregular suffixes stripped (VA-I -> VA); `word` is its 어절 index.

    A plain slots class, not a frozen dataclass: tens of thousands are made per second and a frozen
    dataclass's __init__ costs 4x more. Treat it as immutable (it is shared by caches); equality and
    hashing are by value.
    """

    __slots__ = ("end", "form", "start", "tag", "word")

    def __init__(self, form: str, tag: str, start: int, end: int, word: int) -> None:
        self.form = form
        self.tag = tag
        self.start = start
        self.end = end
        self.word = word

    @property
    def lemma(self) -> str:
        """Dictionary form: verb and adjective stems take 다 (되 -> 되다); everything else is its form."""
        return self.form + "다" if self.tag in PREDICATE_TAGS else self.form

    def _key(self) -> tuple[str, str, int, int, int]:
        return (self.form, self.tag, self.start, self.end, self.word)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Morph) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Morph(form={self.form!r}, tag={self.tag!r}, start={self.start}, end={self.end}, word={self.word})"

    def __reduce__(self) -> tuple:
        return (Morph, self._key())


class Sentence:
    """One sentence: char range, morphemes (absolute offsets), speech level and its analysis key.

    `key` is (chunk text, sentence number in it): it identifies this analysis wherever the chunk sits in a
    reply, so matching results can be cached per sentence (None for sentences built by hand).

    A sentence placed at a new offset (`shifted`) is a view: its morphemes are copied with the new offsets
    only when something reads them. A re-check of a long draft moves every sentence after an edit, and most
    of those are answered from per-sentence caches without ever reading their morphemes (measured: copying
    them was half the time of `fix` on a 4,000-character text). Immutable; equal by value (the key aside).
    """

    __slots__ = ("_base", "_morphs", "_offset", "end", "key", "level", "start")

    def __init__(
        self, start: int, end: int, morphs: tuple[Morph, ...], level: str, key: tuple[str, int] | None = None
    ) -> None:
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "_morphs", morphs)
        _set(self, "level", level)
        _set(self, "key", key)
        _set(self, "_base", morphs)
        _set(self, "_offset", 0)

    @property
    def morphs(self) -> tuple[Morph, ...]:
        morphs = self._morphs
        if morphs is None:  # a shifted view read for the first time (two threads may both build it: same value)
            offset = self._offset
            morphs = tuple([Morph(m.form, m.tag, m.start + offset, m.end + offset, m.word) for m in self._base])
            object.__setattr__(self, "_morphs", morphs)
        return morphs

    @property
    def unshifted(self) -> tuple[tuple[Morph, ...], int]:
        """(morphemes at the offsets first analysed, what to add to them): spans computed on these and moved
        by the offset equal spans on `morphs`, without building a shifted view's copies."""
        return self._base, self._offset

    @property
    def words(self) -> int:
        morphs = self.morphs
        return morphs[-1].word + 1 if morphs else 0

    def shifted(self, offset: int) -> Sentence:
        if offset == 0:
            return self
        view = Sentence.__new__(Sentence)
        _set = object.__setattr__
        _set(view, "start", self.start + offset)
        _set(view, "end", self.end + offset)
        _set(view, "_morphs", None)
        _set(view, "level", self.level)
        _set(view, "key", self.key)
        _set(view, "_base", self._base)
        _set(view, "_offset", self._offset + offset)
        return view

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Sentence is immutable (cannot set {name!r})")

    def _value(self) -> tuple[int, int, tuple[Morph, ...], str]:
        return (self.start, self.end, self.morphs, self.level)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self._value() == other._value()

    def __hash__(self) -> int:
        return hash(self._value())

    def __repr__(self) -> str:
        return (f"Sentence(start={self.start}, end={self.end}, morphs={self.morphs!r}, level={self.level!r}, "
                f"key={self.key!r})")

    def __reduce__(self) -> tuple:
        return (Sentence, (self.start, self.end, self.morphs, self.level, self.key))


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    sentences: tuple[Sentence, ...]


_kiwi: Kiwi | None = None
_kiwi_lock = threading.Lock()


def get_kiwi() -> Kiwi:
    """The process-wide Kiwi, loaded and warmed on first use.

    Not preloaded in a background thread: Kiwi's constructor holds the GIL for most of its 1-2 s
    (measured: the main thread got ~10% of its speed meanwhile), so nothing would overlap with it.
    """
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                # 2 workers vs 1 for check_many on 2 cores was measured both ways (0.86x on a quiet host, 1.13-1.31x
                # on a busy one, where 3 threads win a bigger share): speed.py prints both; the default stays 2.
                workers = int(os.environ.get("CS_COACH_WORKERS", "0")) or min(2, os.cpu_count() or 1)
                kiwi = Kiwi(num_workers=workers, load_multi_dict=False)
                for word, morphs in _PRE_ANALYZED.items():
                    kiwi.add_pre_analyzed_word(word, morphs, score=0.0)
                kiwi.tokenize("안녕하세요. 확인해 드릴게요.")
                _kiwi = kiwi
    return _kiwi


def reject_surrogates(text: str) -> None:
    """Raise ValueError naming the first lone surrogate (U+D800..U+DFFF) and its str index.

    A lone surrogate is not a character: it cannot be encoded as UTF-8, so Kiwi fails on it (or not,
    depending on where it sits) and no fixed file or JSON answer could hold it. Rejecting it with its
    position is the one behaviour that is the same everywhere. Every other code point, noncharacters
    such as U+10FFFF included, is checked like any text.
    """
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        raise ValueError(
            f"text has a lone surrogate U+{code:04X} at position {exc.start}; replace it (it is not a character)"
        ) from None


def split_chunks(text: str) -> list[tuple[int, str]]:
    """Cut text at newlines and after sentence punctuation; cap chunk length at whitespace."""
    chunks: list[tuple[int, str]] = []
    pos = 0
    for match in _CHUNK_END.finditer(text):
        _add_chunk(chunks, text, pos, match.start())
        pos = match.end()
    _add_chunk(chunks, text, pos, len(text))
    return chunks


def _add_chunk(chunks: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    while end - start > MAX_CHUNK:
        cut = text.rfind(" ", start + MAX_CHUNK // 2, start + MAX_CHUNK)
        cut = cut if cut > start else start + MAX_CHUNK
        _add_chunk(chunks, text, start, cut)
        start = cut
    piece = text[start:end]
    if piece.strip():
        chunks.append((start, piece))


_TAGS: dict[str, str] = {}  # Kiwi tag -> tag without its irregular suffix (VA-I -> VA)


def _plain_tag(tag: str) -> str:
    plain = _TAGS.get(tag)
    if plain is None:
        plain = _TAGS[tag] = tag.split("-", 1)[0]
    return plain


def _to_sentences(chunk: str, tokens: Sequence, split: bool = True) -> tuple[Sentence, ...]:
    """Kiwi's tokens of one chunk -> Sentences (chunk-relative offsets), cut where `sent_position` changes
    (unless not `split`: a phrase is one unit). Hot: one pass, no regex unless tokens have a gap.

    Kiwi is called without `split_sents`: with it, kiwipiepy groups the tokens itself with a Python lambda per
    token (itertools.groupby), the same cut this loop makes for the price of one attribute read.
    """
    sentences: list[Sentence] = []
    space = _SPACE.search
    tags = _TAGS
    morphs: list[Morph] = []
    word = 0
    prev_end = -1
    position = tokens[0].sent_position if tokens else 0
    for tok in tokens:
        if split and tok.sent_position != position:
            position = tok.sent_position
            sentences.append(_sentence(chunk, morphs, prev_end, len(sentences)))
            morphs, word, prev_end = [], 0, -1
        start = tok.start
        end = start + tok.len
        if start > prev_end and morphs and space(chunk, prev_end, start):
            word += 1
        tag = tok.tag
        morphs.append(Morph(tok.form, tags.get(tag) or _plain_tag(tag), start, end, word))
        if end > prev_end:
            prev_end = end
    if morphs:
        sentences.append(_sentence(chunk, morphs, prev_end, len(sentences)))
    return tuple(sentences)


def _sentence(chunk: str, morphs: list[Morph], end: int, number: int) -> Sentence:
    morph_tuple = tuple(morphs)
    return Sentence(morph_tuple[0].start, end, morph_tuple, sentence_level(morph_tuple), (chunk, number))


class _LRU:
    """A small thread-safe LRU map from chunk text to its sentences (chunk-relative offsets)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[str, tuple[Sentence, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[Sentence, ...] | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def put(self, key: str, value: tuple[Sentence, ...]) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


_cache = _LRU(8192)


def _lookup(chunks: list[tuple[int, str]]) -> tuple[dict[str, tuple[Sentence, ...] | None], list[str]]:
    """Cached analyses of the distinct chunks, and the chunks Kiwi still has to analyse."""
    found: dict[str, tuple[Sentence, ...] | None] = {}
    missing: list[str] = []
    for _, chunk in chunks:
        if chunk in found:
            continue
        cached = _cache.get(chunk)
        found[chunk] = cached
        if cached is None:
            missing.append(chunk)
    return found, missing


def _store(chunk: str, tokens: Sequence) -> tuple[Sentence, ...]:
    sentences = _to_sentences(chunk, tokens)
    _cache.put(chunk, sentences)
    return sentences


def _assemble(text: str, chunks: list[tuple[int, str]], found: dict[str, tuple[Sentence, ...] | None]) -> Analysis:
    sentences = [s.shifted(offset) for offset, chunk in chunks for s in found[chunk] or ()]
    return Analysis(text, tuple(sentences))


def analyze(text: str) -> Analysis:
    """One reply. Chunks seen recently (a draft being retyped) come from the cache; the rest go to Kiwi one
    by one on the calling thread: a list call hands them to Kiwi's workers, and that round-trip cost more
    CPU than it saved (measured: Kiwi's share of `check` +25-30% on real multi-chunk turns)."""
    chunks = split_chunks(text)
    found, missing = _lookup(chunks)
    if missing:
        kiwi = get_kiwi()
        for chunk in missing:
            found[chunk] = _store(chunk, kiwi.tokenize(chunk))
    return _assemble(text, chunks, found)


class _InFlight:
    """A text whose chunks are being analysed: done when `waiting` reaches 0."""

    __slots__ = ("chunks", "found", "text", "waiting")

    def __init__(self, text: str, chunks: list[tuple[int, str]], found: dict, waiting: int) -> None:
        self.text, self.chunks, self.found, self.waiting = text, chunks, found, waiting


def analyze_many(texts: Iterable[str]) -> Iterator[Analysis]:
    """Analyse a stream of texts, order kept, in constant memory.

    One Kiwi call reads a lazy feed of the chunks that are not cached: Kiwi's workers analyse ahead
    (Kiwi pulls a few dozen items ahead of the results it has returned) while this thread turns results
    into sentences and the caller matches them, so Kiwi never waits for a batch's matching. Texts are
    pulled from `texts` only as fast as Kiwi asks for work: Kiwi's own look-ahead bounds the texts in flight.
    """
    in_flight: deque[_InFlight] = deque()
    fed: deque[tuple[_InFlight, str | None]] = deque()

    def feed() -> Iterator[str]:
        for text in texts:
            chunks = split_chunks(text)
            found, missing = _lookup(chunks)
            item = _InFlight(text, chunks, found, len(missing))
            in_flight.append(item)
            if not missing:  # nothing to analyse: an empty string keeps results and texts in step
                fed.append((item, None))
                yield ""
            for chunk in missing:
                fed.append((item, chunk))
                yield chunk

    for tokens in get_kiwi().tokenize(feed()):
        item, chunk = fed.popleft()
        if chunk is not None:
            item.found[chunk] = _store(chunk, tokens)
            item.waiting -= 1
        while in_flight and in_flight[0].waiting == 0:
            done = in_flight.popleft()
            yield _assemble(done.text, done.chunks, done.found)


@lru_cache(maxsize=4096)
def _tokenize_phrase(phrase: str) -> tuple[tuple[str, str, int], ...]:
    sentences = _to_sentences(phrase, get_kiwi().tokenize(phrase), split=False)
    return tuple((m.form, m.tag, m.word) for s in sentences for m in s.morphs)


def tokenize_phrase(phrase: str) -> list[tuple[str, str, int]]:
    """(form, tag, word index) of a short phrase: how packs compile `phrase:` and lexicon entries (cached)."""
    return list(_tokenize_phrase(phrase))


_KIWI_SENTINEL = "\U0010ffff"  # Kiwi.join raises 'unicode error' on this code point (it is Kiwi's own marker)


@lru_cache(maxsize=8192)
def _join(morphs: tuple[tuple[str, str], ...]) -> str:
    if not any(_KIWI_SENTINEL in form for form, _ in morphs):
        return get_kiwi().join(list(morphs))
    # Stand a private-use character the morphemes do not contain in for U+10FFFF, and put it back after.
    used = {ch for form, _ in morphs for ch in form}
    stand_in = next(chr(c) for c in range(0xF0000, 0x10FFFE) if chr(c) not in used)
    joined = get_kiwi().join([(form.replace(_KIWI_SENTINEL, stand_in), tag) for form, tag in morphs])
    return joined.replace(stand_in, _KIWI_SENTINEL)


def join_morphs(morphs: Sequence[tuple[str, str]]) -> str:
    """Conjugate morphemes back into text with Kiwi (for the edited words only); cached, since the same
    few rewrites come back on every re-check of a draft."""
    return _join(tuple(tuple(m) for m in morphs))


def clear_caches() -> None:
    """Forget every analysis and join (benchmarks measure cold; tests check behaviour without caches)."""
    _cache.clear()
    _tokenize_phrase.cache_clear()
    _join.cache_clear()
