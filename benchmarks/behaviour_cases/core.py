"""Building blocks of the behaviour suite: the case model, a tiny template language and the perturbations.

Templates are plain Korean with two kinds of holes, so one line yields both speech levels and many fillers:

- ``{합쇼체|해요체}`` picks the ending of the level being generated (index 0 = 합쇼체, 1 = 해요체);
- ``[slot]`` inserts a filler; ``[slot:은]`` adds the particle that fits the filler's last syllable
  (은/는, 이/가, 을/를, 과/와, 으로/로, 이에요/예요, 이라/라, 이나/나).

The cases are written from the category definitions (DESIGN §1) and CS training practice, never from the rule
packs' own examples, so that they test the classes behind the rules.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

LEVELS = ("hapsyo", "haeyo")
TESTS = ("MFT", "PAIR", "INV", "DIR")


@dataclass(frozen=True, slots=True)
class Case:
    """One behavioural expectation.

    MFT: `text` is (not) flagged in `accept`. PAIR: `text` (bad) flagged and `other` (good) not, or as given by
    `other_expect`. INV: `text` keeps `expect` and has the same categories as `other` (the base). DIR: the change
    from `other` to `text` flips the finding in the stated direction.
    """

    id: str
    category: str
    test: str
    name: str
    text: str
    expect: bool
    other: str | None = None
    other_expect: bool | None = None
    invariant: bool = False
    accept: frozenset[str] = field(default_factory=frozenset)

    @property
    def wanted(self) -> frozenset[str]:
        return self.accept or frozenset({self.category})


def case_id(category: str, test: str, name: str, *texts: str | None) -> str:
    digest = hashlib.sha1("\x1f".join(t or "" for t in texts).encode("utf-8")).hexdigest()[:10]
    return f"{category}.{test}.{name}.{digest}"


def make(category: str, test: str, name: str, text: str, expect: bool, other: str | None = None,
         other_expect: bool | None = None, invariant: bool = False, accept: Iterable[str] = ()) -> Case:
    if test not in TESTS:
        raise ValueError(f"unknown test type {test!r}")
    return Case(id=case_id(category, test, name, text, other), category=category, test=test, name=name, text=text,
                expect=expect, other=other, other_expect=other_expect, invariant=invariant,
                accept=frozenset(accept))


# ---------------------------------------------------------------- Korean particles

_PARTICLES: dict[str, tuple[str, str]] = {  # with final consonant, without
    "은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"),
    "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"), "이에요": ("이에요", "예요"),
    "예요": ("이에요", "예요"), "이라": ("이라", "라"), "이나": ("이나", "나"), "으로": ("으로", "로"),
    "로": ("으로", "로"), "이랑": ("이랑", "랑"), "께서": ("께서", "께서"), "의": ("의", "의"), "도": ("도", "도"),
    "만": ("만", "만"), "에서": ("에서", "에서"), "에": ("에", "에"), "이라서": ("이라서", "라서"),
}


def final_consonant(word: str) -> int:
    """Index of the last syllable's final consonant (0 = none); digits read as Korean numbers."""
    last = word.rstrip(" )]'\"")[-1:]
    if last.isdigit():
        return {"0": 16, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}[last]
    if not last or not "가" <= last <= "힣":
        return 0
    return (ord(last) - 0xAC00) % 28


def attach(word: str, particle: str) -> str:
    """word + the particle form that fits it (으로/로 treats a final ㄹ as no final consonant)."""
    if particle not in _PARTICLES:
        raise ValueError(f"unknown particle {particle!r}")
    jong = final_consonant(word)
    with_final, without = _PARTICLES[particle]
    if particle in ("으로", "로"):
        return word + (without if jong in (0, 8) else with_final)
    return word + (with_final if jong else without)


# ---------------------------------------------------------------- templates

_LEVEL = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
_SLOT = re.compile(r"\[([a-z0-9_]+)(?::([가-힣]+))?\]")


def render(template: str, level: int, fill: Mapping[str, str]) -> str:
    text = _LEVEL.sub(lambda m: m.group(1 + level), template)

    def slot(m: re.Match[str]) -> str:
        name, particle = m.group(1), m.group(2)
        if name not in fill:
            raise KeyError(f"template {template!r} needs slot {name!r}")
        word = fill[name]
        return attach(word, particle) if particle else word

    return _SLOT.sub(slot, text)


def slots_of(template: str) -> list[str]:
    seen: list[str] = []
    for m in _SLOT.finditer(template):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def fillings(templates: Sequence[str], words: Mapping[str, Sequence], limit: int, seed: str) -> Iterator[dict]:
    """Deterministic sample (at most `limit`) of slot fillings used by all of `templates`.

    A key "a|b" in `words` fills slots a and b together from a list of (a, b) tuples, for words that only make
    sense in pairs (a service and the alternative that fits it)."""
    names: list[str] = []
    for t in templates:
        names += [n for n in slots_of(t) if n not in names]
    if not names:
        yield {}
        return
    groups: list[tuple[str, ...]] = []
    for name in names:
        if any(name in g for g in groups):
            continue
        joint = next((k for k in words if "|" in k and name in k.split("|")), None)
        groups.append(tuple(joint.split("|")) if joint and name not in words else (name,))
    choices = [words["|".join(g)] if len(g) > 1 else [(w,) for w in words[g[0]]] for g in groups]
    combos = list(itertools.product(*choices))
    rng = random.Random(seed)
    if len(combos) > limit:
        combos = rng.sample(combos, limit)
    for combo in combos:
        fill: dict[str, str] = {}
        for group, values in zip(groups, combo, strict=True):
            fill.update(zip(group, values, strict=True))
        yield fill


# ---------------------------------------------------------------- perturbations (invariance)

def spacing(text: str) -> str | None:
    """Spacing variants a hurried agent types: 안 돼 ↔ 안돼, 해 드리다 ↔ 해드리다, 할 수 ↔ 할수."""
    swaps = [("안 돼", "안돼"), ("안 됩", "안됩"), ("안돼", "안 돼"), ("안됩", "안 됩"), ("못 해", "못해"),
             ("해 드", "해드"), ("할 수", "할수"), ("드릴 수", "드릴수"), ("어쩔 수", "어쩔수"),
             ("될 것", "될것"), ("보내 드", "보내드"), ("알려 드", "알려드")]
    for old, new in swaps:
        if old in text:
            return text.replace(old, new, 1)
    return None


def slip(text: str) -> str | None:
    """Common spelling slips: 않되요, 안되요, 되요, -ㄹ께요, 됬."""
    swaps = [("안 돼요", "안되요"), ("안돼요", "않되요"), ("안 됩니다", "않됩니다"), ("됐어요", "됬어요"),
             ("돼요", "되요"), ("드릴게요", "드릴께요"), ("볼게요", "볼께요"), ("할게요", "할께요"),
             ("되었습니다", "됬습니다")]
    for old, new in swaps:
        if old in text:
            return text.replace(old, new, 1)
    return None


_ENDINGS = ("~", "!", " 😊", " 🙏", "^^", "!!")


def trailing(text: str, which: int) -> str | None:
    """The sentence with its final full stop replaced by ~, !, an emoji or ^^ (chosen by `which`)."""
    if not text.endswith("."):
        return None
    return text[:-1] + _ENDINGS[which % len(_ENDINGS)]


WRAPPERS = (
    ("안녕하세요, 고객님.", "감사합니다."),
    ("문의해 주셔서 감사합니다.", "좋은 하루 보내세요."),
    ("네, 고객님. 말씀하신 내용 확인했습니다.", "이용해 주셔서 감사합니다."),
)


def wrap(text: str, which: int) -> str:
    """The same sentence inside a longer reply: a greeting before it, a closing after it."""
    head, tail = WRAPPERS[which % len(WRAPPERS)]
    return f"{head} {text} {tail}"


def invariances(category: str, name: str, text: str, expect: bool, accept: Iterable[str] = (),
                salt: int = 0, kinds: Iterable[str] = ("spacing", "slip", "trailing", "wrap")) -> list[Case]:
    """INV cases derived from one base text: each variant must keep the expectation and the base's categories."""
    out = []
    for kind in kinds:
        if kind == "spacing":
            variant = spacing(text)
        elif kind == "slip":
            variant = slip(text)
        elif kind == "trailing":
            variant = trailing(text, salt)
        elif kind == "wrap":
            variant = wrap(text, salt)
        else:
            raise ValueError(kind)
        if variant is not None and variant != text:
            out.append(make(category, "INV", f"{name}~{kind}", variant, expect, other=text, invariant=True,
                            accept=accept))
    return out


def level_pair(category: str, name: str, hapsyo: str, haeyo: str, expect: bool, accept: Iterable[str] = ()) -> Case:
    """합쇼체 ↔ 해요체: the 해요체 sentence must be judged like its 합쇼체 twin."""
    return make(category, "INV", f"{name}~level", haeyo, expect, other=hapsyo, invariant=True, accept=accept)


@dataclass
class Builder:
    """Collects the cases of one category; helpers turn templates into MFT, PAIR, INV and DIR cases."""

    category: str
    cases: list[Case] = field(default_factory=list)
    _salt: int = 0

    def _next_salt(self) -> int:
        self._salt += 1
        return self._salt

    def mft(self, name: str, templates: Sequence[str], words: Mapping[str, Sequence[str]], expect: bool,
            limit: int = 12, accept: Iterable[str] = (), inv: bool = True, levels: Sequence[int] = (0, 1)) -> None:
        """Single sentences, both levels; with `inv`, the level twin and the perturbations as INV cases."""
        for template in templates:
            for fill in fillings([template], words, limit, f"{self.category}/{name}/{template}"):
                texts = [render(template, level, fill) for level in levels]
                for text in dict.fromkeys(texts):
                    self.cases.append(make(self.category, "MFT", name, text, expect, accept=accept))
                if not inv:
                    continue
                if len(levels) == 2 and texts[0] != texts[1]:
                    self.cases.append(level_pair(self.category, name, texts[0], texts[1], expect, accept))
                salt = self._next_salt()
                self.cases += invariances(self.category, name, texts[salt % len(texts)], expect, accept, salt)

    def pairs(self, name: str, items: Sequence[tuple[str, str]], words: Mapping[str, Sequence[str]],
              limit: int = 12, accept: Iterable[str] = (), inv: bool = True, test: str = "PAIR",
              levels: Sequence[int] = (0, 1), bad_expect: bool = True) -> None:
        """(bad template, good template) minimal pairs, both levels. With test="DIR" the good one is the edit
        that should take the finding away (or, with bad_expect=False, add it)."""
        for bad_t, good_t in items:
            for fill in fillings([bad_t, good_t], words, limit, f"{self.category}/{name}/{bad_t}/{good_t}"):
                bads, goods = [], []
                for level in levels:
                    bad, good = render(bad_t, level, fill), render(good_t, level, fill)
                    if bad in bads:
                        continue
                    bads.append(bad)
                    goods.append(good)
                    if test == "PAIR":
                        self.cases.append(make(self.category, "PAIR", name, bad, bad_expect, other=good,
                                               other_expect=not bad_expect, accept=accept))
                    else:
                        self.cases.append(make(self.category, "DIR", name, good, not bad_expect, other=bad,
                                               other_expect=bad_expect, accept=accept))
                if not inv:
                    continue
                if len(bads) == 2:
                    self.cases.append(level_pair(self.category, name, bads[0], bads[1], bad_expect, accept))
                salt = self._next_salt()
                pick = salt % len(bads)
                self.cases += invariances(self.category, name, bads[pick], bad_expect, accept, salt)
                if salt % 3 == 0:
                    self.cases += invariances(self.category, name + "-good", goods[pick], not bad_expect, accept,
                                              salt, kinds=("trailing", "wrap"))

    def raw(self, test: str, name: str, text: str, expect: bool, **kw: object) -> None:
        self.cases.append(make(self.category, test, name, text, expect, **kw))  # type: ignore[arg-type]
