"""Run a compiled RuleSet over one analysis and return hits: the matching step of the pipeline.

Each rule kind has one function here. Pattern rules and require triggers are reached through the
per-pattern anchor index (then only where their literals occur), `needs` through their own index;
lexicons through one dictionary keyed by (form, tag); metric rules compute each measure once per group.
A sentence's own results are cached on the Plan, so unchanged sentences of a draft cost a dict lookup;
the cached captures/variables dicts are shared by the Hits built from them: treat them as read-only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .analyze import Analysis, Morph, Sentence
from .lexicon import applies
from .match import CandidateIndex, FlatKey, Hit, Pattern, Span, key_positions, overlaps
from .metrics import MEASURES
from .packs import CompiledRule, RuleSet
from .schema import Condition, LexiconRule, MetricRule, PatternRule, RequireRule
from .sentences import Understanding, in_quoted, meets, understand_all

SENTENCE_CACHE_SIZE = 16384
_MetricGroup = tuple[str, Mapping, "tuple[str, ...] | None", list[tuple[float, int]]]
Positions = Mapping[FlatKey, list[int]]  # a sentence's key_positions

# One sentence's own results, relative to the sentence: hits as (rule, first, last, captures, variables,
# entry) and require-rule triggers as (rule, span). They depend on the sentence's morphemes and level only.
_SentenceResult = tuple[tuple[tuple[int, int, int, dict, dict, object], ...], tuple[tuple[int, Span], ...]]


@dataclass
class Plan:
    """What a Coach runs: the rule set plus its per-run settings, with lexicons merged into one table.

    Per-sentence results are cached by the sentence's analysis key (chunk text, sentence number), so a
    draft being re-checked matches only its changed sentences; reply-level rules (require, reply
    metrics) are always evaluated over the whole reply, from the cached triggers.
    """

    ruleset: RuleSet
    active: list[bool]
    thresholds: Mapping[str, float] = field(default_factory=dict)
    acts_as_refusal: frozenset[str] = frozenset()
    # Rule number -> its `when:` (active rules that have one); sentence-level metric rules (never quoted-tested).
    conditions: dict[int, Condition] = field(default_factory=dict, repr=False)
    whole_sentence: frozenset[int] = field(default_factory=frozenset, repr=False)
    lexicon: dict[tuple[str, str], list[tuple[int, tuple, object]]] = field(default_factory=dict)
    sentence_metrics: list[int] = field(default_factory=list)
    reply_metrics: list[int] = field(default_factory=list)
    require_rules: list[int] = field(default_factory=list)
    # Rule number -> "pattern" | "require" for active rules reached through the anchor index.
    indexed_kind: dict[int, str] = field(default_factory=dict, repr=False)
    # Metric rules grouped by (measure, params, levels): the measure is computed once per sentence (or
    # reply) and the group's rules are sorted by limit, so only the rules it exceeds are visited.
    metric_groups: list[_MetricGroup] = field(default_factory=list, repr=False)
    reply_metric_groups: list[_MetricGroup] = field(default_factory=list, repr=False)
    # The active indexed patterns ((rule number, pattern) per entry) and the `needs` patterns, by bit masks.
    candidate_index: CandidateIndex = field(init=False, repr=False)
    needs_candidates: CandidateIndex = field(init=False, repr=False)
    _cache: dict[tuple[str, int], _SentenceResult] = field(default_factory=dict, repr=False)
    # Require rules whose `needs` a sentence meets: computed only for replies with a trigger.
    _needs_cache: dict[tuple[str, int], frozenset[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        groups: dict[tuple, _MetricGroup] = {}
        reply_groups: dict[tuple, _MetricGroup] = {}
        for number, compiled in enumerate(self.ruleset.rules):
            if not self.active[number]:
                continue
            rule = compiled.rule
            if rule.when is not None:
                self.conditions[number] = rule.when
            if isinstance(rule, LexiconRule):
                for key, entries in compiled.lexicon.items():
                    bucket = self.lexicon.setdefault(key, [])
                    bucket.extend((number, morph_key, entry, guards) for morph_key, entry, guards in entries)
                    bucket.sort(key=lambda item: -len(item[1]))
            elif isinstance(rule, MetricRule):
                scope = MEASURES[rule.measure].scope
                (self.sentence_metrics if scope == "sentence" else self.reply_metrics).append(number)
                # Reply measures never looked at levels; sentence measures do.
                levels = tuple(sorted(rule.levels)) if scope == "sentence" and rule.levels is not None else None
                group = (rule.measure, repr(sorted(rule.params.items(), key=lambda kv: kv[0])), levels)
                target = groups if scope == "sentence" else reply_groups
                limit = float(self.thresholds.get(rule.id, rule.max))
                target.setdefault(group, (rule.measure, rule.params, levels, []))[3].append((limit, number))
            elif isinstance(rule, RequireRule):
                self.require_rules.append(number)
                self.indexed_kind[number] = "require"
            elif isinstance(rule, PatternRule):
                self.indexed_kind[number] = "pattern"
        for group in (*groups.values(), *reply_groups.values()):
            group[3].sort()
        self.whole_sentence = frozenset(self.sentence_metrics)
        rules = self.ruleset.rules
        indexed = [(number, rules[number].match[k]) for number, k in self.ruleset.patterns
                   if number in self.indexed_kind]
        self.candidate_index = CandidateIndex([pattern for _, pattern in indexed], indexed)
        needs = self.ruleset.needs_patterns
        self.needs_candidates = CandidateIndex([pattern for pattern, _ in needs], needs)
        self.metric_groups = list(groups.values())
        self.reply_metric_groups = list(reply_groups.values())

    def clear_cache(self) -> None:
        self._cache.clear()
        self._needs_cache.clear()


def _remember(cache: dict, key: tuple[str, int], value: object) -> None:
    if len(cache) >= SENTENCE_CACHE_SIZE:
        with contextlib.suppress(KeyError, StopIteration, RuntimeError):  # another thread got there first
            del cache[next(iter(cache))]
    cache[key] = value


def find_hits(plan: Plan, analysis: Analysis, understandings: Sequence[Understanding] | None = None) -> list[Hit]:
    """Every hit of the active rules. Per-sentence results come from the cache; what depends on the sentence
    layer (rules' `when:`, quoted spans) is tested here, outside it, since `alternative` reads the next sentence."""
    rules = plan.ruleset.rules
    hits: list[Hit] = []
    triggers: dict[int, list[tuple[int, Span]]] = {}
    cache = plan._cache
    if understandings is None:
        understandings = understand_all(analysis.sentences)
    conditions = plan.conditions
    for s_index, sentence in enumerate(analysis.sentences):
        key = sentence.key
        result = cache.get(key) if key is not None else None
        if result is None:
            result = _sentence_result(plan, sentence)
            if key is not None:
                _remember(cache, key, result)
        sentence_hits, sentence_triggers = result
        u = understandings[s_index]
        test = bool(u.quoted) or bool(conditions)
        for number, first, last, captures, variables, entry in sentence_hits:
            if test and not _understood_ok(plan, number, u, sentence, first, last):
                continue
            hits.append(Hit(number, s_index, first, last, captures, variables, entry))
        for number, span in sentence_triggers:
            if test and not _understood_ok(plan, number, u, sentence, span.first, span.last):
                continue
            triggers.setdefault(number, []).append((s_index, span))
    if triggers:
        needs = _NeedsMet(plan, analysis.sentences)
        for number in sorted(triggers):  # rule order, as plan.require_rules
            hits.extend(_require_hits(number, rules[number], triggers[number], needs))
    for measure, params, _, limits in plan.reply_metric_groups:
        value = MEASURES[measure].compute(analysis, params)
        for limit, number in limits:
            if value <= limit:
                break
            hits.append(Hit(number, None, variables={"value": _number(value), "max": _number(limit)}))
    return hits


def _understood_ok(plan: Plan, number: int, u: Understanding, sentence: Sentence, first: int, last: int) -> bool:
    """The rule's `when:` holds where the match starts, and the match is not inside quoted or UI text."""
    condition = plan.conditions.get(number)
    if condition is not None and not meets(condition, u, first, plan.acts_as_refusal):
        return False
    if u.quoted and number not in plan.whole_sentence and last > first:
        morphs = sentence.morphs
        if in_quoted(u, morphs[first].start, max(m.end for m in morphs[first:last])):
            return False
    return True


class _NeedsMet:
    """needs[s_index]: the require rules whose `needs` sentence s_index meets, computed on first use."""

    def __init__(self, plan: Plan, sentences: Sequence[Sentence]) -> None:
        self.plan, self.sentences = plan, sentences
        self.found: dict[int, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self.sentences)

    def __getitem__(self, s_index: int) -> frozenset[int]:
        met = self.found.get(s_index)
        if met is None:
            sentence = self.sentences[s_index]
            cache = self.plan._needs_cache
            met = cache.get(sentence.key) if sentence.key is not None else None
            if met is None:
                met = _needs_met(self.plan, sentence.morphs, key_positions(sentence.morphs))
                if sentence.key is not None:
                    _remember(cache, sentence.key, met)
            self.found[s_index] = met
        return met


def _sentence_result(plan: Plan, sentence: Sentence) -> _SentenceResult:
    """Everything one sentence yields on its own: pattern, lexicon and metric hits, and require triggers."""
    rules = plan.ruleset.rules
    morphs = sentence.morphs
    positions = key_positions(morphs)
    hits: list[Hit] = []
    triggers: list[tuple[int, Span]] = []
    indexed_kind = plan.indexed_kind
    # Possible patterns (every required literal present), grouped by rule; numbers ascend in rule then
    # pattern order, so order is kept.
    index = plan.candidate_index
    items = index.items
    candidates: dict[int, list[Pattern]] = {}
    for pattern_id in index.candidates(positions):
        number, pattern = items[pattern_id]
        bucket = candidates.get(number)
        if bucket is None:
            candidates[number] = [pattern]
        else:
            bucket.append(pattern)
    for number, patterns in candidates.items():
        compiled = rules[number]
        if not _level_ok(compiled, sentence):
            continue
        spans: list[Span] = []
        for pattern in patterns:
            spans.extend(pattern.find_all(morphs, positions))
        if indexed_kind[number] == "pattern":
            hits.extend(_pattern_hits(number, compiled, 0, morphs, positions, spans=spans))
        else:
            triggers.extend((number, span) for span in _surviving(compiled, morphs, spans, positions))
    if plan.lexicon:
        hits.extend(_lexicon_hits(plan, rules, 0, sentence))
    for measure, params, levels, limits in plan.metric_groups:
        if levels is not None and sentence.level not in levels:
            continue
        scale = MEASURES[measure]
        if scale.bound is not None and scale.bound(sentence, params) <= limits[0][0]:
            continue  # limits ascend: not even the lowest can be passed
        value = scale.compute(sentence, params)
        for limit, number in limits:
            if value <= limit:
                break
            variables = {"value": _number(value), "max": _number(limit)}
            hits.append(Hit(number, 0, 0, len(morphs), variables=variables))
    if not hits and not triggers:
        return _NOTHING
    return (
        tuple((h.rule_index, h.first, h.last, h.captures, h.variables, h.entry) for h in hits),
        tuple(triggers),
    )


# Most sentences yield nothing: one shared result, so the per-sentence cache holds no copies of it.
_NOTHING: _SentenceResult = ((), ())


def _needs_met(plan: Plan, morphs: Sequence[Morph], positions: Positions) -> frozenset[int]:
    """Active require rules with a `needs` pattern matching this sentence (through the needs index)."""
    met: set[int] = set()
    kinds = plan.indexed_kind
    index = plan.needs_candidates
    for pattern_id in index.candidates(positions):
        pattern, owners = index.items[pattern_id]
        wanted = [number for number in owners if number not in met and kinds.get(number) == "require"]
        if wanted and pattern.find_all(morphs, positions):
            met.update(wanted)
    return frozenset(met)


def _level_ok(compiled: CompiledRule, sentence: Sentence) -> bool:
    levels = compiled.rule.levels
    return levels is None or sentence.level in levels


def _matches(patterns: Sequence[Pattern], morphs: Sequence[Morph], positions: Positions | None = None) -> list[Span]:
    """All matches of the patterns. With the sentence's key positions, patterns missing a required
    literal are skipped and the rest are tried only where their first literal occurs."""
    spans: list[Span] = []
    if positions is None:
        for pattern in patterns:
            spans.extend(pattern.find_all(morphs))
        return spans
    keys = positions.keys()
    for pattern in patterns:
        if pattern.possible(keys):
            spans.extend(pattern.find_all(morphs, positions))
    return spans


def _surviving(
    compiled: CompiledRule, morphs: Sequence[Morph], spans: list[Span], positions: Positions | None = None
) -> list[Span]:
    """Drop matches that an `unless` anti-pattern overlaps, and duplicates of one span."""
    if not spans:
        return spans
    blockers = _matches(compiled.unless, morphs, positions) if compiled.unless else []
    kept: dict[tuple[int, int], Span] = {}
    for span in sorted(spans, key=lambda s: (s.first, -s.last)):
        if any(overlaps(span, b) for b in blockers):
            continue
        if any(overlaps(span, k) for k in kept.values()):
            continue
        kept[(span.first, span.last)] = span
    return list(kept.values())


def _flagged(compiled: CompiledRule, span: Span) -> tuple[int, int]:
    flag = getattr(compiled.rule, "flag", None)
    if flag and flag in span.captures:
        return span.captures[flag]
    return span.first, span.last


def _pattern_hits(
    number: int,
    compiled: CompiledRule,
    s_index: int,
    morphs: Sequence[Morph],
    positions: Positions | None = None,
    patterns: Sequence[Pattern] | None = None,
    spans: list[Span] | None = None,
) -> list[Hit]:
    """Hits of a pattern rule: its match patterns (or the candidate subset of them, or their matches already
    found), less `unless`."""
    hits = []
    matched = spans if spans is not None else _matches(compiled.match if patterns is None else patterns, morphs,
                                                         positions)
    for span in _surviving(compiled, morphs, matched, positions):
        first, last = _flagged(compiled, span)
        hits.append(Hit(number, s_index, first, last, span.captures))
    return hits


def _lexicon_hits(plan: Plan, rules: list[CompiledRule], s_index: int, sentence: Sentence) -> list[Hit]:
    """Dictionary lookups by (form, tag), longest entry first; an entry whose sense guards fail lets a shorter
    or later entry for the same word try."""
    morphs = sentence.morphs
    hits: list[Hit] = []
    i = 0
    while i < len(morphs):
        morph = morphs[i]
        bucket = plan.lexicon.get((morph.form, morph.tag))
        step = 1
        if bucket:
            for number, morph_key, entry, guards in bucket:
                if _lexicon_fits(morphs, i, morph_key) and _level_ok(rules[number], sentence):
                    span = Span(i, i + len(morph_key))
                    if not applies(entry, guards, morphs, span.first, span.last):
                        continue  # another sense of the word (or a name, or already explained)
                    if rules[number].unless and any(
                        overlaps(span, b) for b in _matches(rules[number].unless, morphs)
                    ):
                        continue
                    replacement = entry.replace[0] if entry.replace else ""  # type: ignore[attr-defined]
                    variables = {"word": entry.word, "replacement": replacement}  # type: ignore[attr-defined]
                    hits.append(Hit(number, s_index, span.first, span.last, {}, variables, entry))
                    step = len(morph_key)
                    break
        i += step
    return hits


def _lexicon_fits(morphs: Sequence[Morph], i: int, key: tuple) -> bool:
    if i + len(key) > len(morphs):
        return False
    return all(morphs[i + k].form == form and morphs[i + k].tag in tags for k, (form, tags) in enumerate(key))


def _require_hits(
    number: int, compiled: CompiledRule, triggers: list[tuple[int, Span]], needs_met: _NeedsMet
) -> list[Hit]:
    """A triggered require rule: flag the trigger unless its sentence (for scope nearby, also the sentence
    before or after it; for scope reply, any sentence) meets one of its `needs`."""
    rule = compiled.rule
    assert isinstance(rule, RequireRule)
    if rule.scope == "reply":
        satisfied = any(number in needs_met[s_index] for s_index in range(len(needs_met)))
        return [] if satisfied else [_require_hit(number, compiled, triggers[0])]
    reach = 1 if rule.scope == "nearby" else 0
    return [
        _require_hit(number, compiled, trigger)
        for trigger in triggers
        if not any(
            number in needs_met[k]
            for k in range(max(0, trigger[0] - reach), min(len(needs_met), trigger[0] + reach + 1))
        )
    ]


def _require_hit(number: int, compiled: CompiledRule, trigger: tuple[int, Span]) -> Hit:
    s_index, span = trigger
    first, last = _flagged(compiled, span)
    return Hit(number, s_index, first, last, span.captures)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
