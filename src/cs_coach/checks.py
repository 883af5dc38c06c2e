"""Run a compiled RuleSet over one analysis and return hits: the matching step of the pipeline.

Each rule kind has one function here. Pattern and require rules are reached through the anchor index;
lexicons through one dictionary keyed by (form, tag); metric rules run their measure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .analyze import Analysis, Morph, Sentence
from .match import Hit, Pattern, Span, overlaps, sentence_keys
from .metrics import MEASURES
from .packs import CompiledRule, RuleSet
from .schema import LexiconRule, MetricRule, PatternRule, RequireRule


@dataclass
class Plan:
    """What a Coach runs: the rule set plus its per-run settings, with lexicons merged into one table."""

    ruleset: RuleSet
    active: list[bool]
    thresholds: Mapping[str, float] = field(default_factory=dict)
    lexicon: dict[tuple[str, str], list[tuple[int, tuple, object]]] = field(default_factory=dict)
    sentence_metrics: list[int] = field(default_factory=list)
    reply_metrics: list[int] = field(default_factory=list)
    require_rules: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for number, compiled in enumerate(self.ruleset.rules):
            if not self.active[number]:
                continue
            rule = compiled.rule
            if isinstance(rule, LexiconRule):
                for key, entries in compiled.lexicon.items():
                    bucket = self.lexicon.setdefault(key, [])
                    bucket.extend((number, morph_key, entry) for morph_key, entry in entries)
                    bucket.sort(key=lambda item: -len(item[1]))
            elif isinstance(rule, MetricRule):
                scope = MEASURES[rule.measure].scope
                (self.sentence_metrics if scope == "sentence" else self.reply_metrics).append(number)
            elif isinstance(rule, RequireRule):
                self.require_rules.append(number)


def find_hits(plan: Plan, analysis: Analysis) -> list[Hit]:
    rules = plan.ruleset.rules
    hits: list[Hit] = []
    for s_index, sentence in enumerate(analysis.sentences):
        morphs = sentence.morphs
        keys = sentence_keys(morphs)
        for number in plan.ruleset.index.candidates(keys):
            compiled = rules[number]
            if plan.active[number] and isinstance(compiled.rule, PatternRule) and _level_ok(compiled, sentence):
                hits.extend(_pattern_hits(number, compiled, s_index, morphs))
        if plan.lexicon:
            hits.extend(_lexicon_hits(plan, rules, s_index, sentence))
        for number in plan.sentence_metrics:
            hit = _sentence_metric(plan, number, s_index, sentence)
            if hit is not None:
                hits.append(hit)
    for number in plan.require_rules:
        hits.extend(_require_hits(number, rules[number], analysis))
    for number in plan.reply_metrics:
        rule = rules[number].rule
        assert isinstance(rule, MetricRule)
        value = MEASURES[rule.measure].compute(analysis, rule.params)
        limit = plan.thresholds.get(rule.id, rule.max)
        if value > limit:
            hits.append(Hit(number, None, variables={"value": _number(value), "max": _number(limit)}))
    return hits


def _level_ok(compiled: CompiledRule, sentence: Sentence) -> bool:
    levels = compiled.rule.levels
    return levels is None or sentence.level in levels


def _matches(patterns: Sequence[Pattern], morphs: Sequence[Morph]) -> list[Span]:
    spans: list[Span] = []
    for pattern in patterns:
        spans.extend(pattern.find_all(morphs))
    return spans


def _surviving(compiled: CompiledRule, morphs: Sequence[Morph], spans: list[Span]) -> list[Span]:
    """Drop matches that an `unless` anti-pattern overlaps, and duplicates of one span."""
    if not spans:
        return spans
    blockers = _matches(compiled.unless, morphs) if compiled.unless else []
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


def _pattern_hits(number: int, compiled: CompiledRule, s_index: int, morphs: Sequence[Morph]) -> list[Hit]:
    hits = []
    for span in _surviving(compiled, morphs, _matches(compiled.match, morphs)):
        first, last = _flagged(compiled, span)
        hits.append(Hit(number, s_index, first, last, span.captures))
    return hits


def _lexicon_hits(plan: Plan, rules: list[CompiledRule], s_index: int, sentence: Sentence) -> list[Hit]:
    morphs = sentence.morphs
    hits: list[Hit] = []
    i = 0
    while i < len(morphs):
        morph = morphs[i]
        bucket = plan.lexicon.get((morph.form, morph.tag))
        step = 1
        if bucket:
            for number, morph_key, entry in bucket:
                if _lexicon_fits(morphs, i, morph_key) and _level_ok(rules[number], sentence):
                    span = Span(i, i + len(morph_key))
                    if rules[number].unless and any(
                        overlaps(span, b) for b in _matches(rules[number].unless, morphs)
                    ):
                        continue
                    replacement = entry.replace[0]  # type: ignore[attr-defined]
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


def _sentence_metric(plan: Plan, number: int, s_index: int, sentence: Sentence) -> Hit | None:
    compiled = plan.ruleset.rules[number]
    rule = compiled.rule
    assert isinstance(rule, MetricRule)
    if not _level_ok(compiled, sentence):
        return None
    value = MEASURES[rule.measure].compute(sentence, rule.params)
    limit = plan.thresholds.get(rule.id, rule.max)
    if value <= limit:
        return None
    return Hit(number, s_index, 0, len(sentence.morphs), variables={"value": _number(value), "max": _number(limit)})


def _require_hits(number: int, compiled: CompiledRule, analysis: Analysis) -> list[Hit]:
    rule = compiled.rule
    assert isinstance(rule, RequireRule)
    triggers: list[tuple[int, Span]] = []
    for s_index, sentence in enumerate(analysis.sentences):
        if _level_ok(compiled, sentence):
            spans = _surviving(compiled, sentence.morphs, _matches(compiled.match, sentence.morphs))
            triggers.extend((s_index, span) for span in spans)
    if not triggers:
        return []
    if rule.scope == "reply":
        satisfied = any(_matches(compiled.needs, s.morphs) for s in analysis.sentences)
        return [] if satisfied else [_require_hit(number, compiled, triggers[0])]
    hits = []
    for s_index, span in triggers:
        if not _matches(compiled.needs, analysis.sentences[s_index].morphs):
            hits.append(_require_hit(number, compiled, (s_index, span)))
    return hits


def _require_hit(number: int, compiled: CompiledRule, trigger: tuple[int, Span]) -> Hit:
    s_index, span = trigger
    first, last = _flagged(compiled, span)
    return Hit(number, s_index, first, last, span.captures)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
