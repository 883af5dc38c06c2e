"""Word lists behind the `easy` measures: which nouns are Sino-Korean, and which of them are everyday words.

The NIKL 2003 learner list (data/README.md) grades words for foreign learners, so it is used only in two
coarse ways: its hanja nouns give the inventory of Sino-Korean syllables, and its A/B nouns count as everyday.
Everyday service words the list grades C or leaves out (안내, 설정, 충전 …) are whitelisted in
data/cs_basic_words.txt. A noun is *hard* when it is Sino-Korean-looking, at least two syllables, and in
neither list: that catches 시유지, 점유, 송달, 고지서 without a lexicon entry, and leaves 배터리 or 블루투스
(not Sino-Korean syllables) alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from .analyze import Morph

_DATA = "data"


@dataclass(frozen=True)
class Vocabulary:
    sino_syllables: frozenset[str]
    grades: dict[str, str]
    everyday: frozenset[str]

    def is_hard_noun(self, morph: Morph, easy_grades: frozenset[str] = frozenset({"A", "B"})) -> bool:
        """A common noun of 2+ Hangul syllables, all Sino-Korean, neither easy-graded nor whitelisted."""
        form = morph.form
        if morph.tag != "NNG" or len(form) < 2 or form in self.everyday:
            return False
        if not all(char in self.sino_syllables for char in form):
            return False
        return self.grades.get(form) not in easy_grades


def _lines(name: str) -> list[str]:
    text = (resources.files("cs_coach") / _DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def vocabulary() -> Vocabulary:
    """Loaded once per process from the files shipped in the package."""
    grades: dict[str, str] = {}
    syllables: set[str] = set()
    for line in _lines("nikl_2003_nouns.tsv")[1:]:  # first line is the header
        word, grade, hanja = [*line.split("\t"), ""][:3]
        grades[word] = grade
        if hanja:
            syllables.update(word)
    everyday = frozenset(word for line in _lines("cs_basic_words.txt") for word in line.split())
    return Vocabulary(frozenset(syllables), grades, everyday)
