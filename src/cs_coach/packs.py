"""Find, load, validate and compile rule packs (built-in and user files) into a RuleSet.

Every problem a pack can have is found here, at load time, and reported all at once with file, rule
and field: a RuleSet that loads never fails during a check.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from . import cache
from .analyze import tokenize_phrase
from .match import FieldTest, Pattern, PatternIndex, Step, tag_group
from .metrics import MEASURES
from .schema import (
    LexiconEntry,
    LexiconRule,
    Matcher,
    MetricRule,
    Pack,
    PatternRule,
    RequireRule,
    Rule,
    Spec,
    expand_groups,
)

_PARTICLE = Step((FieldTest("tag", regex=re.compile(r"J.*")),), op="*")
_SYMBOL_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"})


@dataclass(frozen=True)
class Problem:
    file: str
    rule: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f" · rule {self.rule}" if self.rule else "") + (f" · {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class PackError(ValueError):
    """A pack (or several) could not be loaded; `problems` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in rule packs:\n{lines}")


class UnknownNameError(KeyError):
    """An unknown pack, rule or category name; the message lists what exists."""

    def __init__(self, kind: str, name: str, available: Iterable[str]) -> None:
        self.name = name
        self.available = sorted(available)
        super().__init__(f"unknown {kind} {name!r}; available: {', '.join(self.available)}")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class CompiledRule:
    """A validated rule with its matchers compiled; `rule` keeps the source data (messages, examples)."""

    rule: Rule
    pack: str
    file: str
    match: list[Pattern] = field(default_factory=list)
    unless: list[Pattern] = field(default_factory=list)
    needs: list[Pattern] = field(default_factory=list)
    lexicon: dict[tuple[str, str], list[tuple[tuple[tuple[str, frozenset[str]], ...], LexiconEntry]]] = field(
        default_factory=dict
    )

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


def builtin_dir() -> Path:
    """Built-in packs: inside the installed package, or the repository's top-level rules/ in a checkout."""
    packaged = resources.files("cs_coach") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_packs() -> dict[str, Path]:
    return {path.stem: path for path in sorted(builtin_dir().glob("*.yaml"))}


def resolve_pack_paths(names: Iterable[str | Path] | None) -> list[Path]:
    available = builtin_packs()
    if names is None:
        return list(available.values())
    paths: list[Path] = []
    for name in names:
        text = str(name)
        if text in available:
            paths.append(available[text])
        elif text.endswith((".yaml", ".yml")) or Path(text).exists():
            paths.append(Path(text))
        else:
            raise UnknownNameError("pack", text, available)
    return paths


def load_packs(paths: Sequence[Path], use_cache: bool = True) -> RuleSet:
    """Validate and compile the packs, all problems at once; a pack set compiled before comes from the
    disk cache (cache.py), which skips YAML, validation and Kiwi."""
    contents = {path: _read_bytes(path) for path in paths}
    key = None
    if use_cache and all(isinstance(c, bytes) for c in contents.values()):
        key = cache.fingerprint((str(path), contents[path]) for path in paths)  # type: ignore[misc]
        cached = cache.load(key, RuleSet)
        if cached is not None:
            return cached
    ruleset = _compile_packs(paths, contents)
    if key is not None:
        cache.store(key, ruleset)
    return ruleset


def _read_bytes(path: Path) -> bytes | OSError:
    try:
        return path.read_bytes()
    except OSError as exc:
        return exc


def _compile_packs(paths: Sequence[Path], contents: dict[Path, bytes | OSError]) -> RuleSet:
    problems: list[Problem] = []
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    for path in paths:
        pack = _read_pack(path, contents[path], problems)
        if pack is None:
            continue
        for rule in pack.rules:
            where = str(path)
            if rule.id in seen:
                problems.append(Problem(where, rule.id, "id", f"duplicate rule id (also in {seen[rule.id]})"))
                continue
            seen[rule.id] = where
            result = _compile_rule(rule, pack.pack, where, problems)
            if result is not None:
                compiled.append(result)
    if problems:
        raise PackError(problems)
    return RuleSet(compiled)


def _yaml_load(text: str) -> object:
    """libyaml when available (10x faster); on an error, the pure-Python parser words the message.
    PyYAML is imported here: a warm start (packs from the disk cache) never needs it."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def _read_pack(path: Path, content: bytes | OSError, problems: list[Problem]) -> Pack | None:
    import yaml

    where = str(path)
    try:
        if isinstance(content, OSError):
            raise content
        data = _yaml_load(content.decode("utf-8"))
    except FileNotFoundError:
        problems.append(Problem(where, "", "", "file not found"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(where, "", "", f"cannot read: {exc}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(where, "", "", f"invalid YAML: {exc}".replace("\n", " ")))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(where, "", "", "a pack is a mapping with 'pack', 'description' and 'rules'"))
        return None
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        rules = data.get("rules") if isinstance(data.get("rules"), list) else []
        for error in exc.errors():
            loc = list(error["loc"])
            rule_id = ""
            if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
                raw = rules[loc[1]] if loc[1] < len(rules) else None
                rule_id = str(raw.get("id", f"#{loc[1]}")) if isinstance(raw, dict) else f"#{loc[1]}"
                loc = loc[2:]
                if loc and loc[0] in ("pattern", "lexicon", "metric", "require"):
                    loc = loc[1:]  # the discriminator's branch name says nothing to a pack author
            problems.append(Problem(where, rule_id, ".".join(map(str, loc)), error["msg"]))
        return None


def _compile_rule(rule: Rule, pack: str, where: str, problems: list[Problem]) -> CompiledRule | None:
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
        captures = {"value", "max"}
    _check_templates(rule, captures, report)
    _check_examples(rule, report)
    return out if len(problems) == before else None


def _compile_matchers(matchers: Sequence[Matcher], label: str, report, captures: set[str]) -> list[Pattern]:
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
        else:
            try:
                tests.append(FieldTest(attr, regex=re.compile(value.regex)))
            except re.error as exc:
                raise ValueError(f"bad regex {value.regex!r} for {attr}: {exc}") from exc
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


def _compile_lexicon(entries: Sequence[LexiconEntry], report) -> dict:
    table: dict[tuple[str, str], list] = {}
    for number, entry in enumerate(entries):
        try:
            morphs = _phrase_morphs(entry.word)
        except ValueError as exc:
            report(f"entries.{number}.word", str(exc))
            continue
        key = tuple((form, tag_group(tag)) for form, tag, _ in morphs)
        first_form, first_tag, _ = morphs[0]
        for tag in tag_group(first_tag):
            table.setdefault((first_form, tag), []).append((key, entry))
    for bucket in table.values():
        bucket.sort(key=lambda item: -len(item[0]))  # longest entry first
    return table


_SLOT = re.compile(r"\{([^{}|]*)\|([^{}]*)\}")
_MORPHS = re.compile(r"^[^/+\s]+/[A-Z]+(?:\+[^/+\s]+/[A-Z]+)*$")


def _check_suggest_templates(suggestion, where: str, captures: set[str], report) -> None:
    """`{capture|morphemes}` slots must name a capture and spell morphemes as form/TAG+form/TAG."""
    for field_name in ("replace", "prefix", "append"):
        value = getattr(suggestion, field_name)
        templates = [value] if isinstance(value, str) else list((value or {}).values())
        for template in templates:
            for name, tail in _SLOT.findall(template):
                if name not in captures:
                    report(f"{where}.{field_name}", f"no capture named {name!r} in {{{name}|{tail}}}")
                if not _MORPHS.match(tail):
                    report(f"{where}.{field_name}", f"{tail!r} is not morphemes like 어/EC+주/VX")
    for name, value in (suggestion.edit.swap if suggestion.edit else {}).items():
        if "/" in value and not _MORPHS.match(value):
            report(f"{where}.edit.swap.{name}", f"{value!r} is not morphemes like 에요/EF")


def _check_templates(rule: Rule, captures: set[str], report) -> None:
    allowed = captures | {"text"}
    texts: list[tuple[str, str]] = [("message", rule.message)]
    for number, suggestion in enumerate(rule.suggest):
        if suggestion.target and suggestion.target not in captures:
            report(f"suggest.{number}.target", f"no capture named {suggestion.target!r}")
        if suggestion.edit:
            for name in [*suggestion.edit.drop, *suggestion.edit.swap]:
                if name not in captures:
                    report(f"suggest.{number}.edit", f"no capture named {name!r}")
        _check_suggest_templates(suggestion, f"suggest.{number}", captures, report)
    for field_name, template in texts:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        except ValueError as exc:
            report(field_name, f"bad template: {exc}")
            continue
        for name in sorted(names - allowed):
            report(field_name, f"unknown placeholder {{{name}}}; known: {', '.join(sorted(allowed))}")


def _check_examples(rule: Rule, report) -> None:
    bad = [e for e in rule.examples if e.bad is not None]
    good = [e for e in rule.examples if e.good is not None]
    if not bad:
        report("examples", "needs at least one 'bad' example")
    if not good:
        report("examples", "needs at least one 'good' example")
    has_safe = any(s.applicability == "safe" for s in rule.suggest) or (
        isinstance(rule, LexiconRule) and any(e.applicability == "safe" for e in rule.entries)
    )
    for number, example in enumerate(rule.examples):
        if example.bad is not None and example.bad.count("[[") != example.bad.count("]]"):
            report(f"examples.{number}.bad", "unbalanced [[ ]] marks")
        if example.fix is not None and not has_safe:
            report(f"examples.{number}.fix", "an expected 'fix' needs a safe suggestion")
        if example.bad is not None and example.fix is None and has_safe:
            report(f"examples.{number}.fix", "the rule has a safe suggestion: give the expected 'fix'")
