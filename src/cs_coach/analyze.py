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
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .speech import sentence_level

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

MAX_CHUNK = 1000
PREDICATE_TAGS = frozenset({"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"})
_CHUNK_END = re.compile(r"\n|(?<=[.!?。…~])[ \t]+")
_SPACE = re.compile(r"\s")
# Misspellings too common in chat to leave to chance: analysed as the words the agent meant.
_PRE_ANALYZED: dict[str, list[tuple[str, str]]] = {
    "않되요": [("안", "MAG"), ("되", "VV"), ("어요", "EF")],
    "않돼요": [("안", "MAG"), ("되", "VV"), ("어요", "EF")],
    "않됩니다": [("안", "MAG"), ("되", "VV"), ("ᆸ니다", "EF")],
    "않되": [("안", "MAG"), ("되", "VV")],
}


@dataclass(frozen=True, slots=True)
class Morph:
    """One morpheme. `tag` has irregular suffixes stripped (VA-I -> VA); `word` is its 어절 index."""

    form: str
    tag: str
    start: int
    end: int
    word: int

    @property
    def lemma(self) -> str:
        """Dictionary form: verb and adjective stems take 다 (되 -> 되다); everything else is its form."""
        return self.form + "다" if self.tag in PREDICATE_TAGS else self.form


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    morphs: tuple[Morph, ...]
    level: str

    @property
    def words(self) -> int:
        return self.morphs[-1].word + 1 if self.morphs else 0

    def shifted(self, offset: int) -> Sentence:
        if offset == 0:
            return self
        morphs = tuple(Morph(m.form, m.tag, m.start + offset, m.end + offset, m.word) for m in self.morphs)
        return Sentence(self.start + offset, self.end + offset, morphs, self.level)


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    sentences: tuple[Sentence, ...]


_kiwi: Kiwi | None = None
_kiwi_lock = threading.Lock()


def get_kiwi() -> Kiwi:
    """The process-wide Kiwi, loaded and warmed on first use."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                workers = int(os.environ.get("CS_COACH_WORKERS", "0")) or min(2, os.cpu_count() or 1)
                kiwi = Kiwi(num_workers=workers, load_multi_dict=False)
                for word, morphs in _PRE_ANALYZED.items():
                    kiwi.add_pre_analyzed_word(word, morphs, score=0.0)
                kiwi.tokenize("안녕하세요. 확인해 드릴게요.")
                _kiwi = kiwi
    return _kiwi


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


def _to_sentences(chunk: str, token_lists: Sequence[Sequence]) -> tuple[Sentence, ...]:
    sentences = []
    for tokens in token_lists:
        if not tokens:
            continue
        morphs: list[Morph] = []
        word = 0
        prev_end = -1
        for tok in tokens:
            start, end = tok.start, tok.start + tok.len
            if morphs and start >= prev_end and _SPACE.search(chunk, prev_end, start):
                word += 1
            morphs.append(Morph(tok.form, tok.tag.split("-", 1)[0], start, end, word))
            prev_end = max(prev_end, end)
        morph_tuple = tuple(morphs)
        sentences.append(
            Sentence(morph_tuple[0].start, max(m.end for m in morph_tuple), morph_tuple, sentence_level(morph_tuple))
        )
    return tuple(sentences)


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

    def put(self, key: str, value: tuple[Sentence, ...]) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


_cache = _LRU(8192)


def _analyze_chunks(chunks: Iterable[str]) -> dict[str, tuple[Sentence, ...]]:
    """Analyse the distinct chunks, through the cache, in one Kiwi batch."""
    found: dict[str, tuple[Sentence, ...]] = {}
    missing: list[str] = []
    for chunk in chunks:
        if chunk in found:
            continue
        cached = _cache.get(chunk)
        if cached is None:
            found[chunk] = ()
            missing.append(chunk)
        else:
            found[chunk] = cached
    if missing:
        kiwi = get_kiwi()
        results = kiwi.tokenize(missing, split_sents=True) if len(missing) > 1 else [
            kiwi.tokenize(missing[0], split_sents=True)
        ]
        for chunk, token_lists in zip(missing, results, strict=True):
            sentences = _to_sentences(chunk, token_lists)
            _cache.put(chunk, sentences)
            found[chunk] = sentences
    return found


def _assemble(text: str, chunks: list[tuple[int, str]], found: dict[str, tuple[Sentence, ...]]) -> Analysis:
    sentences = [s.shifted(offset) for offset, chunk in chunks for s in found[chunk]]
    return Analysis(text, tuple(sentences))


def analyze(text: str) -> Analysis:
    chunks = split_chunks(text)
    return _assemble(text, chunks, _analyze_chunks(c for _, c in chunks))


def analyze_many(texts: Iterable[str], batch_size: int = 256) -> Iterator[Analysis]:
    """Analyse texts in batches (one Kiwi call per batch, spread over its workers); order is kept."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch)
            batch = []
    if batch:
        yield from _analyze_batch(batch)


def _analyze_batch(texts: list[str]) -> Iterator[Analysis]:
    chunked = [split_chunks(t) for t in texts]
    found = _analyze_chunks(c for chunks in chunked for _, c in chunks)
    for text, chunks in zip(texts, chunked, strict=True):
        yield _assemble(text, chunks, found)


def tokenize_phrase(phrase: str) -> list[tuple[str, str, int]]:
    """(form, tag, word index) of a short phrase: how packs compile `phrase:` and lexicon entries."""
    sentences = _to_sentences(phrase, [get_kiwi().tokenize(phrase)])
    return [(m.form, m.tag, m.word) for s in sentences for m in s.morphs]


def join_morphs(morphs: Sequence[tuple[str, str]]) -> str:
    """Conjugate morphemes back into text with Kiwi (for the edited words only)."""
    return get_kiwi().join(list(morphs))
