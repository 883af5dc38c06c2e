"""A compiled RuleSet as plain JSON data and back, for the disk cache.

Plain data cannot run code when it is read (a pickle can), so a file planted in the cache directory can at
worst be refused. What is costly to compile, the Kiwi analysis of every phrase and lexicon word, is
stored; what is cheap is rebuilt: rules are re-validated by their pydantic models (so a cached regex goes
through the same RE2 checks as a pack file) and the anchor indexes are recomputed.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .compiler import CompiledRule, MorphKey, RuleSet
from .match import FieldTest, Pattern, Step
from .regexes import compile_text_regex
from .schema import FROM_CACHE, LexiconRule, Rule

FORMAT = "cs_coach-ruleset-json-1"
_RULE: TypeAdapter[Rule] = TypeAdapter(Rule)


class CodecError(ValueError):
    """The data is not a rule set this version wrote: the cache entry is rebuilt."""


def dump(ruleset: RuleSet) -> dict[str, Any]:
    return {"format": FORMAT, "rules": [_dump_rule(compiled) for compiled in ruleset.rules]}


def load(data: Any) -> RuleSet:
    """The RuleSet that `dump` described; CodecError for anything else (wrong shape, invalid rule ...)."""
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CodecError("not a cs_coach rule set")
        return RuleSet([_load_rule(item) for item in data["rules"]])
    except CodecError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:  # ValidationError is a ValueError
        raise CodecError(f"unreadable rule set: {type(exc).__name__}") from None


def _dump_rule(compiled: CompiledRule) -> dict[str, Any]:
    rule = compiled.rule
    entries = rule.entries if isinstance(rule, LexiconRule) else []
    position = {id(entry): number for number, entry in enumerate(entries)}
    return {
        "rule": rule.model_dump(mode="json", exclude_unset=True),
        "pack": compiled.pack,
        "file": compiled.file,
        "match": [_dump_pattern(p) for p in compiled.match],
        "unless": [_dump_pattern(p) for p in compiled.unless],
        "needs": [_dump_pattern(p) for p in compiled.needs],
        "lexicon": [
            [form, tag, [[_dump_key(key), position[id(entry)], [[_dump_key(k) for k in keys] for keys in guards]]
                         for key, entry, guards in bucket]]
            for (form, tag), bucket in compiled.lexicon.items()
        ],
    }


def _load_rule(item: dict[str, Any]) -> CompiledRule:
    rule = _RULE.validate_python(item["rule"], context={FROM_CACHE: True})
    entries = rule.entries if isinstance(rule, LexiconRule) else []
    lexicon = {
        (_str(form), _str(tag)): [
            (_load_key(key), entries[number], (_load_keys(context), _load_keys(not_context)))
            for key, number, (context, not_context) in bucket
        ]
        for form, tag, bucket in item["lexicon"]
    }
    return CompiledRule(
        rule, _str(item["pack"]), _str(item["file"]),
        match=[_load_pattern(p) for p in item["match"]],
        unless=[_load_pattern(p) for p in item["unless"]],
        needs=[_load_pattern(p) for p in item["needs"]],
        lexicon=lexicon,
    )


def _dump_key(key: MorphKey) -> list[Any]:
    return [[form, sorted(tags)] for form, tags in key]


def _load_key(data: list[Any], _shared: dict[str, MorphKey] = {}) -> MorphKey:  # noqa: B006 - intern table
    """A word as (form, accepted tags) per morpheme; the same key recurs in every tag bucket of its entry."""
    text = repr(data)
    key = _shared.get(text)
    if key is None:
        key = _shared[text] = tuple((_str(form), frozenset(map(_str, tags))) for form, tags in data)
    return key


def _load_keys(data: list[Any], _shared: dict[str, tuple[MorphKey, ...]] = {}) -> tuple[MorphKey, ...]:  # noqa: B006
    """A lexicon entry's sense-guard words (context or not_context), each a morpheme key. An entry sits in
    one bucket per tag its first morpheme may take, so the same guards recur: each is built once."""
    key = repr(data)
    keys = _shared.get(key)
    if keys is None:
        keys = _shared[key] = tuple(_load_key(item) for item in data)
    return keys


def _dump_pattern(pattern: Pattern) -> list[Any]:
    steps = [
        [[[t.attr, None if t.literals is None else sorted(t.literals), None if t.regex is None else t.regex.pattern]
          for t in step.tests], step.op, step.name]
        for step in pattern.steps
    ]
    return [pattern.source, steps]


def _load_pattern(data: list[Any]) -> Pattern:
    source, steps = data
    return Pattern(tuple(_load_step(step) for step in steps), _str(source))


_ATTRS = frozenset({"form", "lemma", "tag"})
_OPS = frozenset({None, "?", "*", "+", "!"})


def _load_step(data: list[Any], _shared: dict[str, Step] = {}) -> Step:  # noqa: B006 - the intern table
    """Steps are immutable, and the same step (a particle, an ending) recurs across patterns: build each once."""
    key = repr(data)
    step = _shared.get(key)
    if step is None:
        step = _shared[key] = _build_step(data)
    return step


def _build_step(data: list[Any]) -> Step:
    tests_data, op, name = data
    tests = []
    for attr, literals, regex in tests_data:
        if attr not in _ATTRS or (literals is None) == (regex is None):
            raise CodecError("bad field test")
        if literals is not None:
            tests.append(FieldTest(attr, literals=frozenset(map(_str, literals))))
        else:
            tests.append(FieldTest(attr, regex=compile_text_regex(_str(regex))))  # RE2: safe on any text
    if op not in _OPS or not (name is None or isinstance(name, str)):
        raise CodecError("bad step")
    return Step(tuple(tests), op, name)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise CodecError("expected a string")
    return value
