"""Compiled morpheme patterns and a rule index, so a sentence only meets the rules that can match it.

A pattern is a list of steps (predicate, quantifier, capture name) matched by a small backtracking
matcher over one sentence's morphemes. Every pattern picks an *anchor*: a literal form, lemma or tag it
cannot match without. The index maps anchors to patterns; a sentence collects its own keys once and
looks up its candidates, so the cost follows the candidates, not the number of rules.

Keys are flat strings: a form is itself, a tag is "\x01" + tag, and a lemma literal is stored as the
forms that can carry it (되다 -> the predicate stem 되, or a morpheme spelled 되다). So a sentence's keys
are just its forms and tags: two per morpheme, no tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from .analyze import PREDICATE_TAGS, Morph
from .regexes import TextRegex

Predicate = Callable[[Morph], bool]
_MEMO_LIMIT = 4096  # distinct values remembered per regex test (tags are few; forms are bounded by this)
AnchorKey = tuple[str, str]  # ("f", form) | ("l", lemma) | ("t", tag): a step's literals, as written
FlatKey = str  # what indexes and sentences use (see the module docstring)
_TAG_PREFIX = "\x01"
_TAG_KEYS: dict[str, str] = {}

# Tags that one phrase word may take in running text: 하다 is VV alone but XSV in 확인하다.
TAG_GROUPS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("VV", "VA", "VX", "XSV", "XSA"), frozenset({"VV", "VA", "VX", "XSV", "XSA"})),
    **dict.fromkeys(("NNG", "NNP", "NNB", "NR", "NP"), frozenset({"NNG", "NNP", "NNB", "NR", "NP"})),
    **dict.fromkeys(("MAG", "MAJ"), frozenset({"MAG", "MAJ"})),
}


# Function morphemes found in most sentences: a poor anchor. Used only to rank anchors (any literal a
# pattern requires is a correct anchor; a rare one makes the rule a candidate in fewer sentences).
_COMMON_TEXT = (
    "이 가 은 는 을 를 에 에서 의 도 로 으로 와 과 만 까지 부터 요 께서 한테 에게 고 어 아 어서 아서 지 게 기 면 으면 "
    "는데 ᆫ데 은데 지만 며 으며 도록 니까 으니까 어요 아요 에요 예요 세요 으세요 ᆸ니다 습니다 다 ᆫ다 는다 죠 지요 ᆫ ᆯ "
    "었 았 겠 시 으시 하 되 주 드리 보 있 없 않 싶 수 것 거 등 때 분 님 저 저희 고객 안 못 좀 더 잘 다시 "
    "해 해요 합니다 드립니다 그 이것 그것 거기 여기 네 예"
)
COMMON_FORMS = frozenset(_COMMON_TEXT.split())


def key_weight(key: AnchorKey) -> int:
    """A rough cost of a key as an anchor: how often a sentence has it (tags: almost always)."""
    kind, value = key
    if kind == "t":
        return 1000
    if kind == "l" and value.endswith("다"):
        value = value[:-1]
    return 30 if value in COMMON_FORMS else 1


def tag_key(tag: str) -> FlatKey:
    key = _TAG_KEYS.get(tag)
    if key is None:
        key = _TAG_KEYS[tag] = _TAG_PREFIX + tag
    return key


_FLAT: dict[frozenset[AnchorKey], frozenset[FlatKey]] = {}  # steps recur across patterns: convert each set once


def flat_keys(keys: frozenset[AnchorKey]) -> frozenset[FlatKey]:
    """A step's literal keys as sentence keys: a superset test, exact tests stay with the step."""
    found = _FLAT.get(keys)
    if found is None:
        found = _FLAT[keys] = _flatten(keys)
    return found


def _flatten(keys: frozenset[AnchorKey]) -> frozenset[FlatKey]:
    out: set[FlatKey] = set()
    for kind, value in keys:
        if kind == "t":
            out.add(tag_key(value))
            continue
        out.add(value)
        if kind == "l" and value.endswith("다") and len(value) > 1:
            out.add(value[:-1])  # the stem a predicate carries
    return frozenset(out)


def tag_group(tag: str) -> frozenset[str]:
    return TAG_GROUPS.get(tag, frozenset({tag}))


@dataclass(frozen=True, slots=True)
class FieldTest:
    """One constraint on one morpheme attribute: a set of literals or a regex."""

    attr: str
    literals: frozenset[str] | None = None
    regex: TextRegex | None = None  # RE2 (regexes.py): linear time on any text

    def __call__(self, morph: Morph) -> bool:
        value = getattr(morph, self.attr)
        if self.literals is not None:
            return value in self.literals
        assert self.regex is not None
        return self.regex.fullmatch(value) is not None

    def __reduce__(self) -> tuple:
        # Plain constructor call: the slots dataclass default (setstate via fields()) is 10x slower to load.
        return (FieldTest, (self.attr, self.literals, self.regex))

    def compiled(self) -> Predicate:
        """The same test as a specialised closure: no getattr, no property, regex results memoised."""
        attr, literals, regex = self.attr, self.literals, self.regex
        if literals is not None:
            if attr == "form":
                return lambda m: m.form in literals
            if attr == "tag":
                return lambda m: m.tag in literals
            if attr == "lemma":
                # lemma is form+다 for predicates, else the form: test without building the string.
                stems = frozenset(value[:-1] for value in literals if value.endswith("다"))
                pred_tags = PREDICATE_TAGS
                return lambda m: (m.form in stems) if m.tag in pred_tags else (m.form in literals)
            return self
        assert regex is not None
        memo: dict[str, bool] = {}
        fullmatch = regex.fullmatch

        if attr in ("form", "tag", "lemma"):
            def test(m: Morph) -> bool:
                value = m.form if attr == "form" else m.tag if attr == "tag" else m.lemma
                found = memo.get(value)
                if found is None:
                    found = fullmatch(value) is not None
                    if len(memo) < _MEMO_LIMIT:
                        memo[value] = found
                return found

            return test
        return self


@dataclass(frozen=True, slots=True)
class Step:
    tests: tuple[FieldTest, ...]
    op: str | None = None
    name: str | None = None
    accepts: Predicate = field(init=False, repr=False, compare=False)
    # anchor_keys(), computed once: every pattern that shares this step asks for it when it is built
    anchors: frozenset[AnchorKey] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "accepts", _conjunction([t.compiled() for t in self.tests]))
        object.__setattr__(self, "anchors", self._find_anchor_keys())

    def __reduce__(self) -> tuple:
        # The compiled predicate is a closure: rebuild it rather than pickle it.
        return (Step, (self.tests, self.op, self.name))

    def anchor_keys(self) -> frozenset[AnchorKey] | None:
        """Literal keys that identify this step, best first: form, lemma, tag; None if it has none."""
        return self.anchors

    def _find_anchor_keys(self) -> frozenset[AnchorKey] | None:
        if self.op not in (None, "+"):
            return None
        for attr, prefix in (("form", "f"), ("lemma", "l"), ("tag", "t")):
            for test in self.tests:
                if test.attr == attr and test.literals is not None:
                    return frozenset((prefix, value) for value in test.literals)
        return None


@dataclass(frozen=True, slots=True)
class Span:
    """A match: morpheme indices [first, last) in the sentence and named captures as index ranges."""

    first: int
    last: int
    captures: dict[str, tuple[int, int]] = field(default_factory=dict)


def _conjunction(tests: list[Predicate]) -> Predicate:
    if not tests:
        return lambda m: True
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda m: first(m) and second(m)
    return lambda m: all(test(m) for test in tests)


@dataclass(frozen=True, slots=True)
class Pattern:
    steps: tuple[Step, ...]
    source: str = ""
    # Predicates of the steps that can consume a match's first morpheme: a cheap filter on start positions.
    starters: tuple[Predicate, ...] = field(init=False, repr=False, compare=False)
    # Flat keys of every mandatory step: a sentence lacking any one of them cannot match.
    required: tuple[frozenset[FlatKey], ...] = field(init=False, repr=False, compare=False)
    # Keys of the first consuming step when it is mandatory: matches can only start where one occurs.
    first_keys: frozenset[FlatKey] | None = field(init=False, repr=False, compare=False)
    # (offsets from the match start, keys) of the mandatory literal steps whose place is fixed up to a few
    # choices (before any `*`): a match can start only where every one of them has its key at some offset.
    placed: tuple[tuple[tuple[int, ...], frozenset[FlatKey]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        required = [keys for keys in (step.anchor_keys() for step in self.steps) if keys is not None]
        required.sort(key=lambda keys: sum(map(key_weight, keys)))  # rarest first: the likeliest to be missing
        object.__setattr__(self, "required", tuple(flat_keys(keys) for keys in required))
        starters: list[Predicate] = []
        first_keys = None
        for step in self.steps:
            if step.op == "!":
                continue
            starters.append(step.accepts)
            if step.op in (None, "+"):
                literal = step.anchor_keys() if len(starters) == 1 else None
                first_keys = flat_keys(literal) if literal is not None else None
                break
        object.__setattr__(self, "starters", tuple(starters))
        object.__setattr__(self, "first_keys", first_keys)
        object.__setattr__(self, "placed", _placed_keys(self.steps))

    def __reduce__(self) -> tuple:
        return (Pattern, (self.steps, self.source))

    def anchor(self) -> frozenset[FlatKey] | None:
        """The rarest-looking literal set the pattern requires (a content word over an ending, over a tag)."""
        return self.required[0] if self.required else None

    def possible(self, keys: Set[FlatKey]) -> bool:
        """False when the sentence (its sentence_keys) lacks a literal that a mandatory step needs."""
        for req in self.required:  # noqa: SIM110 - hot path: a loop is ~2x faster than all(<genexpr>)
            if keys.isdisjoint(req):
                return False
        return True

    def find_all(self, morphs: Sequence[Morph], positions: Mapping[FlatKey, list[int]] | None = None) -> list[Span]:
        """Non-overlapping matches, left to right, each as long as the greedy quantifiers allow.

        With the sentence's key_positions, only the starts where every placed literal step finds its key at
        its offset are tried (same result: elsewhere that step cannot accept)."""
        spans: list[Span] = []
        if positions is not None and self.placed:
            starts = _starts(self.placed, positions)
            i = 0
            for start in starts:
                if start < i:
                    continue
                found = self._match_at(morphs, 0, start, {})
                if found is not None and found[0] > start:
                    spans.append(Span(start, found[0], found[1]))
                    i = found[0]
            return spans
        i, n = 0, len(morphs)
        starters = self.starters
        single = starters[0] if len(starters) == 1 else None
        while i < n:
            # A match that consumes anything takes morphs[i] with one of the starter steps.
            if single is not None:
                if not single(morphs[i]):
                    i += 1
                    continue
            elif not any(test(morphs[i]) for test in starters):
                i += 1
                continue
            found = self._match_at(morphs, 0, i, {})
            if found is not None and found[0] > i:
                end, captures = found
                spans.append(Span(i, end, captures))
                i = end
            else:
                i += 1
        return spans

    def _match_at(
        self, morphs: Sequence[Morph], k: int, j: int, captures: dict[str, tuple[int, int]]
    ) -> tuple[int, dict[str, tuple[int, int]]] | None:
        """Match steps[k:] at morphs[j:]: plain and `!` steps in a loop, quantified ones by backtracking."""
        steps = self.steps
        total, n = len(steps), len(morphs)
        while k < total:
            step = steps[k]
            op = step.op
            if op is None:  # exactly one morpheme: no choice, so no recursion
                if j >= n or not step.accepts(morphs[j]):
                    return None
                name = step.name
                if name:
                    # A name repeated on consecutive steps captures their union (noun + 하 as one verb).
                    first = min(j, captures[name][0]) if name in captures else j
                    captures = {**captures, name: (first, j + 1)}
                k += 1
                j += 1
                continue
            if op == "!":
                if j < n and step.accepts(morphs[j]):
                    return None
                k += 1
                continue
            return self._quantified(morphs, k, j, captures)
        return j, captures

    def _quantified(
        self, morphs: Sequence[Morph], k: int, j: int, captures: dict[str, tuple[int, int]]
    ) -> tuple[int, dict[str, tuple[int, int]]] | None:
        """A `?`, `*` or `+` step: the longest run first, then shorter ones (greedy with backtracking)."""
        step = self.steps[k]
        n = len(morphs)
        low = 1 if step.op == "+" else 0
        high = 1 if step.op == "?" else n - j
        run = 0
        while run < high and j + run < n and step.accepts(morphs[j + run]):
            run += 1
        after = self.steps[k + 1] if k + 1 < len(self.steps) else None
        # the next step must consume morphs[j + count]: test it here rather than recurse into a sure failure
        must = after.accepts if after is not None and after.op in (None, "+") else None
        for count in range(run, low - 1, -1):
            if must is not None and (j + count >= n or not must(morphs[j + count])):
                continue
            taken = captures
            if step.name and count:
                first = min(j, captures[step.name][0]) if step.name in captures else j
                taken = {**captures, step.name: (first, j + count)}
            found = self._match_at(morphs, k + 1, j + count, taken)
            if found is not None:
                return found
        return None


_MAX_PLACES = 4  # offsets tracked per step: each `?` doubles them


def _placed_keys(steps: Sequence[Step]) -> tuple[tuple[tuple[int, ...], frozenset[FlatKey]], ...]:
    """The literal keys of the mandatory steps at the offsets (from the match start) where they must sit.

    A plain step consumes exactly one morpheme, `?` zero or one, `!` none; `*` (and the rest of a `+`)
    makes every later offset unknown, so the walk stops there. Keys are a superset test (flat_keys), so a
    start this rules out is one where the step could not accept.
    """
    placed: list[tuple[tuple[int, ...], frozenset[FlatKey]]] = []
    offsets = (0,)
    for step in steps:
        if step.op == "!":
            continue
        if step.op in (None, "+"):
            literal = step.anchor_keys()
            if literal is not None:
                placed.append((offsets, flat_keys(literal)))
            if step.op == "+":
                break
            offsets = tuple(o + 1 for o in offsets)
        elif step.op == "?":
            offsets = tuple(sorted({*offsets, *(o + 1 for o in offsets)}))
            if len(offsets) > _MAX_PLACES:
                break
        else:  # "*"
            break
    # the most selective first: a few positions, and a set of offsets as small as possible
    placed.sort(key=lambda item: (len(item[0]), sum(key_weight(("t", k[1:]) if k[:1] == _TAG_PREFIX else ("f", k))
                                                        for k in item[1])))
    return tuple(placed)


def _starts(placed: tuple[tuple[tuple[int, ...], frozenset[FlatKey]], ...], positions: Mapping[FlatKey, list[int]]
            ) -> list[int]:
    """Ascending match starts where every placed step has one of its keys at one of its offsets."""
    if len(placed) == 1 and placed[0][0] == (0,):  # one literal step at the start: its positions are the starts
        keys = placed[0][1]
        if len(keys) == 1:
            return positions.get(next(iter(keys)), [])
        return sorted(p for key in keys for p in positions.get(key, ()))
    found: set[int] | None = None
    for offsets, keys in placed:
        here: set[int] = set()
        for key in keys:
            at = positions.get(key)
            if at:
                if offsets == (0,):
                    here.update(at)
                else:
                    here.update(p - o for p in at for o in offsets if p >= o)
        found = here if found is None else found & here
        if not found:
            return []
    return sorted(found) if found else []


def key_positions(morphs: Sequence[Morph]) -> dict[FlatKey, list[int]]:
    """Every key of the sentence (forms and tags) with the ascending positions of its morphemes."""
    positions: dict[FlatKey, list[int]] = {}
    tag_keys = _TAG_KEYS
    for i, m in enumerate(morphs):
        bucket = positions.get(m.form)
        if bucket is None:
            positions[m.form] = [i]
        else:
            bucket.append(i)
        key = tag_keys.get(m.tag) or tag_key(m.tag)
        bucket = positions.get(key)
        if bucket is None:
            positions[key] = [i]
        else:
            bucket.append(i)
    return positions


def sentence_keys(morphs: Sequence[Morph]) -> set[FlatKey]:
    return {m.form for m in morphs} | {tag_key(m.tag) for m in morphs}


@dataclass
class PatternIndex:
    """Flat anchor key -> ids of the patterns (or rules) that need it; unanchored ones are always candidates."""

    by_key: dict[FlatKey, list[int]] = field(default_factory=dict)
    always: list[int] = field(default_factory=list)

    def add(self, item: int, anchors: Sequence[frozenset[FlatKey] | None]) -> None:
        if any(a is None for a in anchors):
            self.always.append(item)
            return
        for anchor in anchors:
            assert anchor is not None
            for key in anchor:
                bucket = self.by_key.setdefault(key, [])
                if not bucket or bucket[-1] != item:
                    bucket.append(item)

    def candidates(self, keys: Iterable[FlatKey]) -> list[int]:
        found = set(self.always)
        by_key = self.by_key
        for key in keys:
            bucket = by_key.get(key)
            if bucket:
                found.update(bucket)
        return sorted(found)


class CandidateIndex:
    """Which of a list of patterns a sentence can match, from its keys, with bit operations.

    Every distinct required literal set of the patterns is a bit; a sentence's keys light the bits of the
    sets they belong to, and a pattern is possible when all its bits are lit (Pattern.possible as one
    integer test). Patterns are reached through their anchors, as in PatternIndex; `items[i]` is what the
    caller gets back for pattern i.
    """

    __slots__ = ("always", "by_key", "items", "lights", "needs")

    def __init__(self, patterns: Sequence[Pattern], items: Sequence[object]) -> None:
        bits: dict[frozenset[FlatKey], int] = {}
        self.lights: dict[FlatKey, int] = {}
        self.by_key: dict[FlatKey, tuple[int, ...]] = {}
        self.always: tuple[int, ...] = ()
        self.needs: list[int] = []
        self.items = list(items)
        by_key: dict[FlatKey, list[int]] = {}
        always: list[int] = []
        for number, pattern in enumerate(patterns):
            need = 0
            for keys in pattern.required:
                bit = bits.get(keys)
                if bit is None:
                    bit = bits[keys] = 1 << len(bits)
                    for key in keys:
                        self.lights[key] = self.lights.get(key, 0) | bit
                need |= bit
            self.needs.append(need)
            anchor = pattern.anchor()
            if anchor is None:
                always.append(number)
                continue
            for key in anchor:
                by_key.setdefault(key, []).append(number)
        self.by_key = {key: tuple(numbers) for key, numbers in by_key.items()}
        self.always = tuple(always)

    def candidates(self, keys: Iterable[FlatKey]) -> list[int]:
        """Ascending numbers of the patterns anchored on one of `keys` whose required sets `keys` all meet."""
        lit = 0
        lights = self.lights
        found = set(self.always)
        by_key = self.by_key
        for key in keys:
            bit = lights.get(key)
            if bit:
                lit |= bit
                bucket = by_key.get(key)
                if bucket:
                    found.update(bucket)
        needs = self.needs
        return [number for number in sorted(found) if needs[number] & lit == needs[number]]


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule matched a sentence (morphemes [first, last)) or, for reply measures, the whole reply."""

    rule_index: int
    sentence: int | None
    first: int = 0
    last: int = 0
    captures: dict[str, tuple[int, int]] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    entry: object | None = None  # the LexiconEntry of a lexicon hit


def overlaps(a: Span, b: Span) -> bool:
    return a.first < b.last and b.first < a.last
