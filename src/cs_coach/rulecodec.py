"""A compiled RuleSet as plain JSON data and back, for the disk cache.

Plain data cannot run code when it is read (a pickle can), so a file planted in the cache directory can at
worst be refused. What is costly to compile, the Kiwi analysis of every phrase and lexicon word, is
stored; what is cheap is rebuilt: rules are re-validated by their pydantic models (so a cached regex goes
through the same RE2 checks as a pack file) and the anchor indexes are recomputed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .compiler import CompiledRule, MorphKey, RuleSet
from .match import FieldTest, Pattern, Step
from .regexes import compile_text_regex
from .schema import FROM_CACHE, RULE, LexiconRule

FORMAT = "cs_coach-ruleset-json-2"


class CodecError(ValueError):
    """The data is not a rule set this version wrote: the cache entry is rebuilt."""


class _Table:
    """Distinct items, each stored once and referred to by its index: the same step (a particle, an ending)
    and the same lexicon key recur across rules, so loading builds each once instead of interning by repr."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._index: dict[str, int] = {}

    def ref(self, item: Any) -> int:
        text = json.dumps(item, ensure_ascii=False)
        number = self._index.get(text)
        if number is None:
            number = self._index[text] = len(self.items)
            self.items.append(item)
        return number


def dump(ruleset: RuleSet) -> dict[str, Any]:
    steps, keys = _Table(), _Table()
    rules = [_dump_rule(compiled, steps, keys) for compiled in ruleset.rules]
    return {"format": FORMAT, "steps": steps.items, "keys": keys.items, "rules": rules}


def load(data: Any) -> RuleSet:
    """The RuleSet that `dump` described; CodecError for anything else (wrong shape, invalid rule ...)."""
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CodecError("not a cs_coach rule set")
        steps = [_build_step(item) for item in data["steps"]]
        keys = [_build_key(item) for item in data["keys"]]
        return RuleSet([_load_rule(item, steps, keys) for item in data["rules"]])
    except CodecError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:  # ValidationError is a ValueError
        raise CodecError(f"unreadable rule set: {type(exc).__name__}") from None


def _dump_rule(compiled: CompiledRule, steps: _Table, keys: _Table) -> dict[str, Any]:
    rule = compiled.rule
    entries = rule.entries if isinstance(rule, LexiconRule) else []
    position = {id(entry): number for number, entry in enumerate(entries)}

    def patterns(items: list[Pattern]) -> list[Any]:
        return [[p.source, [steps.ref(_dump_step(step)) for step in p.steps]] for p in items]

    return {
        "rule": rule.model_dump(mode="json", exclude_unset=True),
        "pack": compiled.pack,
        "file": compiled.file,
        "match": patterns(compiled.match),
        "unless": patterns(compiled.unless),
        "needs": patterns(compiled.needs),
        "lexicon": [
            [form, tag, [[keys.ref(_dump_key(key)), position[id(entry)],
                          [[keys.ref(_dump_key(k)) for k in guard] for guard in guards]]
                         for key, entry, guards in bucket]]
            for (form, tag), bucket in compiled.lexicon.items()
        ],
    }


def _load_rule(item: dict[str, Any], steps: list[Step], keys: list[MorphKey]) -> CompiledRule:
    rule = RULE.validate_python(item["rule"], context={FROM_CACHE: True})
    entries = rule.entries if isinstance(rule, LexiconRule) else []
    guards: dict[tuple[int, ...], tuple[MorphKey, ...]] = {}  # an entry's guards recur in each of its tag buckets

    def guard(numbers: list[Any]) -> tuple[MorphKey, ...]:
        refs = tuple(numbers)
        found = guards.get(refs)
        if found is None:
            found = guards[refs] = tuple(_pick(keys, number) for number in refs)
        return found

    def patterns(data: list[Any]) -> list[Pattern]:
        return [Pattern(tuple(_pick(steps, number) for number in refs), _str(source)) for source, refs in data]

    lexicon = {
        (_str(form), _str(tag)): [
            (_pick(keys, key), _pick(entries, number), (guard(context), guard(not_context)))
            for key, number, (context, not_context) in bucket
        ]
        for form, tag, bucket in item["lexicon"]
    }
    return CompiledRule(
        rule, _str(item["pack"]), _str(item["file"]),
        match=patterns(item["match"]), unless=patterns(item["unless"]), needs=patterns(item["needs"]),
        lexicon=lexicon,
    )


def _pick(table: Sequence[Any], number: Any) -> Any:
    """table[number] for a JSON index; a negative or non-integer one is corrupt data, not a wrap-around."""
    if type(number) is not int or not 0 <= number < len(table):
        raise CodecError("bad table index")
    return table[number]


def _dump_key(key: MorphKey) -> list[Any]:
    return [[form, sorted(tags)] for form, tags in key]


def _build_key(data: list[Any]) -> MorphKey:
    """A word as (form, accepted tags) per morpheme."""
    return tuple((_str(form), frozenset(map(_str, tags))) for form, tags in data)


def _dump_step(step: Step) -> list[Any]:
    tests = [[t.attr, None if t.literals is None else sorted(t.literals), None if t.regex is None else t.regex.pattern]
             for t in step.tests]
    return [tests, step.op, step.name]


_ATTRS = frozenset({"form", "lemma", "tag"})
_OPS = frozenset({None, "?", "*", "+", "!"})


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
