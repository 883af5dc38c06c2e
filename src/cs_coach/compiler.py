"""Compile validated rules into matchers: phrases through Kiwi, specs into steps, lexicons into tables.

The result, a RuleSet, carries the anchor indexes that let a sentence meet only the rules that can match it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .analyze import tokenize_phrase
from .match import FieldTest, Pattern, PatternIndex, Step, tag_group
from .metrics import MEASURES
from .regexes import compile_text_regex, tags_matching
from .schema import (
    MORPHEME_LIST,
    LexiconEntry,
    LexiconRule,
    Matcher,
    MetricRule,
    PatternRule,
    RequireRule,
    Rule,
    Spec,
    expand_groups,
)
from .tags import KIWI_TAGS
from .validate import Problem, ReportProblem, check_examples, check_templates

MorphKey = tuple[tuple[str, frozenset[str]], ...]  # a word as (form, accepted tags) per morpheme
Guards = tuple[tuple[MorphKey, ...], tuple[MorphKey, ...]]  # an entry's context and not_context words

_PARTICLE = Step((FieldTest("tag", literals=frozenset(t for t in KIWI_TAGS if t.startswith("J"))),), op="*")
_SYMBOL_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"})


@dataclass
class CompiledRule:
    """A validated rule with its matchers compiled; `rule` keeps the source data (messages, examples)."""

    rule: Rule
    pack: str
    file: str
    match: list[Pattern] = field(default_factory=list)
    unless: list[Pattern] = field(default_factory=list)
    needs: list[Pattern] = field(default_factory=list)
    lexicon: dict[tuple[str, str], list[tuple[MorphKey, LexiconEntry, Guards]]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass
class RuleSet:
    """Compiled rules with two anchor indexes: rules by any of their match patterns' anchors, and each
    match pattern by its own anchor (`patterns` maps a pattern id to (rule number, pattern number)), so
    a sentence only tries the patterns whose rarest required literal it contains."""

    rules: list[CompiledRule]
    index: PatternIndex = field(default_factory=PatternIndex)
    pattern_index: PatternIndex = field(default_factory=PatternIndex)
    patterns: list[tuple[int, int]] = field(default_factory=list)
    # Require rules' `needs` patterns, each distinct pattern once with the rules that list it.
    needs_index: PatternIndex = field(default_factory=PatternIndex)
    needs_patterns: list[tuple[Pattern, list[int]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        unique_needs: dict[Pattern, int] = {}
        for number, compiled in enumerate(self.rules):
            if compiled.match:
                self.index.add(number, [p.anchor() for p in compiled.match])
            for k, pattern in enumerate(compiled.match):
                self.pattern_index.add(len(self.patterns), [pattern.anchor()])
                self.patterns.append((number, k))
            for pattern in compiled.needs:
                pattern_id = unique_needs.get(pattern)
                if pattern_id is None:
                    pattern_id = unique_needs[pattern] = len(self.needs_patterns)
                    self.needs_index.add(pattern_id, [pattern.anchor()])
                    self.needs_patterns.append((pattern, []))
                self.needs_patterns[pattern_id][1].append(number)

    def by_id(self) -> dict[str, CompiledRule]:
        return {r.id: r for r in self.rules}


def compile_rule(rule: Rule, pack: str, where: str, problems: list[Problem]) -> CompiledRule | None:
    before = len(problems)

    def report(field_name: str, message: str) -> None:
        problems.append(Problem(where, rule.id, field_name, message))

    out = CompiledRule(rule, pack, where)
    captures: set[str] = set()
    if isinstance(rule, PatternRule | RequireRule):
        primary = rule.match if isinstance(rule, PatternRule) else rule.trigger
        label = "match" if isinstance(rule, PatternRule) else "trigger"
        out.match = _compile_matchers(primary, label, report, captures)
        out.unless = _compile_matchers(rule.unless, "unless", report, set())
        if isinstance(rule, RequireRule):
            out.needs = _compile_matchers(rule.needs, "needs", report, set())
        if rule.flag and rule.flag not in captures:
            report("flag", f"no capture named {rule.flag!r} in {label}")
    elif isinstance(rule, LexiconRule):
        out.lexicon = _compile_lexicon(rule.entries, report)
        out.unless = _compile_matchers(rule.unless, "unless", report, set())
        captures = {"word", "replacement"}
    elif isinstance(rule, MetricRule):
        if rule.measure not in MEASURES:
            report("measure", f"unknown measure {rule.measure!r}; known: {', '.join(sorted(MEASURES))}")
        elif rule.when is not None and MEASURES[rule.measure].scope != "sentence":
            report("when", f"measure {rule.measure!r} is measured over the whole reply: it has no sentence to test")
        check = MEASURES[rule.measure].check if rule.measure in MEASURES else None
        problem = check(rule.params) if check is not None else None
        if problem:
            report("params", problem)
        captures = {"value", "max"}
    check_templates(rule, captures, report)
    check_examples(rule, report)
    return out if len(problems) == before else None


def _compile_matchers(
    matchers: Sequence[Matcher], label: str, report: ReportProblem, captures: set[str]
) -> list[Pattern]:
    patterns = []
    for number, matcher in enumerate(matchers):
        where = f"{label}.{number}"
        try:
            if matcher.phrase is not None:
                patterns.append(compile_phrase(matcher.phrase))
            else:
                assert matcher.pattern is not None
                for sequence in expand_groups(matcher.pattern):
                    patterns.append(Pattern(tuple(_compile_spec(s) for s in sequence), where))
                    captures.update(s.name for s in sequence if s.name)
        except ValueError as exc:
            report(where, str(exc))
    return patterns


def _compile_spec(spec: Spec) -> Step:
    tests = []
    for attr in ("form", "lemma", "tag"):
        value = getattr(spec, attr)
        if value is None:
            continue
        if isinstance(value, str):
            tests.append(FieldTest(attr, literals=frozenset({value})))
        elif isinstance(value, list):
            tests.append(FieldTest(attr, literals=frozenset(value)))
        elif attr == "tag":  # a finite set: expanded once at load, compared as literals in a check
            tests.append(FieldTest(attr, literals=tags_matching(value.regex)))
        else:  # forms and lemmas are open-ended: RE2, linear in the text
            tests.append(FieldTest(attr, regex=compile_text_regex(value.regex)))
    return Step(tuple(tests), spec.op, spec.name)


def _phrase_morphs(text: str) -> list[tuple[str, str, int]]:
    """Morphemes of a phrase with the dictionary ending (다) and final punctuation dropped."""
    morphs = [m for m in tokenize_phrase(text) if m[1] not in _SYMBOL_TAGS]
    if len(morphs) > 1 and morphs[-1][:2] == ("다", "EF"):
        morphs.pop()
    if not morphs:
        raise ValueError(f"phrase {text!r} has no morphemes")
    return morphs


def compile_phrase(text: str) -> Pattern:
    """Plain Korean -> pattern: forms with loose tags, optional particles after nouns at word ends."""
    morphs = _phrase_morphs(text)
    steps: list[Step] = []
    for i, (form, tag, word) in enumerate(morphs):
        steps.append(Step((FieldTest("form", literals=frozenset({form})), FieldTest("tag", literals=tag_group(tag)))))
        word_ends = i + 1 < len(morphs) and morphs[i + 1][2] != word
        if word_ends and tag.startswith("N"):
            steps.append(_PARTICLE)
    return Pattern(tuple(steps), f"phrase {text!r}")


def _entry_morphs(word: str) -> list[tuple[str, str, int]]:
    """A lexicon word through Kiwi, or as explicit morphemes (익/NNG+월/NNB) for the way Kiwi splits it inside
    a sentence when that differs from how it reads the word alone."""
    if MORPHEME_LIST.match(word):
        return [(form, tag, 0) for form, tag in (part.split("/") for part in word.split("+"))]
    return _phrase_morphs(word)


def _word_key(text: str) -> MorphKey:
    return tuple((form, tag_group(tag)) for form, tag, _ in _phrase_morphs(text))


def _compile_lexicon(entries: Sequence[LexiconEntry], report: ReportProblem) -> dict:
    """Entries by their first morpheme; each with its sense guards compiled like the word itself."""
    table: dict[tuple[str, str], list] = {}
    for number, entry in enumerate(entries):
        try:
            morphs = _entry_morphs(entry.word)
        except ValueError as exc:
            report(f"entries.{number}.word", str(exc))
            continue
        guards: list[tuple[MorphKey, ...]] = []
        for name in ("context", "not_context"):
            keys = []
            for k, word in enumerate(getattr(entry, name)):
                try:
                    keys.append(_word_key(word))
                except ValueError as exc:
                    report(f"entries.{number}.{name}.{k}", str(exc))
            guards.append(tuple(keys))
        key = tuple((form, tag_group(tag)) for form, tag, _ in morphs)
        first_form, first_tag, _ = morphs[0]
        for tag in tag_group(first_tag):
            table.setdefault((first_form, tag), []).append((key, entry, (guards[0], guards[1])))
    for bucket in table.values():
        bucket.sort(key=lambda item: -len(item[0]))  # longest entry first
    return table
