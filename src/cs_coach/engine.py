"""Coach: analyze -> match -> findings (with suggestions) -> scores; and the fix loop."""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .analyze import Analysis, analyze, analyze_many, reject_surrogates
from .checks import Plan, find_hits
from .config import Config
from .fixer import MAX_FIX_ROUNDS, MODEL_SENTENCE_CATEGORIES, apply_edits, choose_edits, fix_text
from .josa import fix_after_quotes
from .match import Hit
from .models import (
    CATEGORIES,
    SEVERITY_RANK,
    ClauseInfo,
    Finding,
    FixResult,
    Report,
    SentenceInfo,
    SpanInfo,
    Suggestion,
    trusted,
)
from .packs import RuleSet, UnknownNameError, load_packs, resolve_pack_paths
from .rewrite import is_model_sentence, suggestions_for
from .schema import PatternRule
from .scoring import score
from .sentences import Understanding, understand_all
from .spans import overlaps_any, protected_spans, sentence_span, sentence_syllable_span, sentence_word_span
from .speech import reply_level
from .validate import fill_message

MAX_TEXT = 5_000_000
__all__ = ["KIND_RANK", "MAX_FIX_ROUNDS", "Coach", "apply_edits", "choose_edits", "group_findings", "score"]
_SURROGATE = re.compile("[\ud800-\udfff]")

_ruleset_cache: dict[tuple[tuple[str, float], ...], RuleSet] = {}
_ruleset_lock = threading.Lock()


def _load_ruleset(paths: Sequence[Path]) -> RuleSet:
    """One compiled RuleSet per distinct set of pack files (and their modification times) per process."""
    key = tuple((str(p.resolve()), p.stat().st_mtime if p.exists() else 0.0) for p in paths)
    with _ruleset_lock:
        if key not in _ruleset_cache:
            _ruleset_cache[key] = load_packs(paths)
        return _ruleset_cache[key]


class Coach:
    """Checks and fixes replies with a fixed set of packs and settings. Thread-safe; reuse one instance."""

    def __init__(self, packs: Iterable[str | Path] | None = None, config: Config | None = None) -> None:
        self.config = config or Config()
        names = list(packs) if packs is not None else self.config.packs
        paths = resolve_pack_paths(names)
        paths += resolve_pack_paths(self.config.extra_packs) if self.config.extra_packs else []
        self.ruleset = _load_ruleset(paths)
        self._severity = self._check_names(self.config.severity)
        self.plan = Plan(
            self.ruleset, self._active(), self.config.thresholds, frozenset(self.config.acts_as_refusal)
        )

    # -- settings -------------------------------------------------------------------------------------
    def known_names(self) -> set[str]:
        """Every rule id, pack name and category that settings, markers and columns may name."""
        rules = self.ruleset.rules
        return {r.id for r in rules} | {r.pack for r in rules} | set(CATEGORIES)

    def _check_names(self, severity: dict[str, str]) -> dict[str, str]:
        known = self.known_names()
        for name in [*self.config.select, *self.config.ignore, *severity]:
            if name not in known:
                raise UnknownNameError("rule, pack or category", name, known)
        rule_ids = {r.id for r in self.ruleset.rules}
        for name in self.config.thresholds:
            if name not in rule_ids:
                raise UnknownNameError("rule", name, rule_ids)
        return dict(severity)

    def _active(self) -> list[bool]:
        select, ignore = set(self.config.select), set(self.config.ignore)

        def wanted(rule_id: str, pack: str, category: str) -> bool:
            names = {rule_id, pack, category}
            return (not select or bool(names & select)) and not names & ignore

        return [wanted(r.id, r.pack, r.rule.category) for r in self.ruleset.rules]

    def severity_of(self, rule_id: str, pack: str, category: str, default: str) -> str:
        for name in (rule_id, pack, category):
            if name in self._severity:
                return self._severity[name]
        return default

    # -- checking -------------------------------------------------------------------------------------
    def check(self, text: str, ignore: Iterable[str] = ()) -> Report:
        """Check one reply. `ignore` names rules, packs or categories left out for this reply only (a
        suppression marker): they are dropped before findings are grouped, so the next rule of a group leads."""
        _require_str(text)
        return self._report(analyze(text), frozenset(ignore))

    def check_many(self, texts: Iterable[str]) -> Iterator[Report]:
        """Reports in input order; texts stream through Kiwi's workers, so memory stays flat on endless input.

        An item that `check` would refuse (not a str, too long, a lone surrogate) does not stop the stream:
        its Report carries `error` and no findings.
        """
        errors: deque[tuple[str, str] | None] = deque()

        def checked(items: Iterable[object]) -> Iterator[str]:
            for number, item in enumerate(items):
                try:
                    _require_str(item)
                except (TypeError, ValueError) as exc:
                    text = item if isinstance(item, str) else ""
                    errors.append((text, f"item {number}: {exc}"))
                    yield ""  # analysed as nothing; keeps the results in step with the items
                    continue
                errors.append(None)
                yield item  # type: ignore[misc]

        for number, analysis in enumerate(analyze_many(checked(texts))):
            error = errors.popleft()
            if error is not None:
                yield _error_report(*error)
                continue
            try:
                yield self._report(analysis)
            except Exception as exc:  # a bug on one item must not cost the rest of a long batch
                yield _error_report(analysis.text, f"item {number}: internal error ({type(exc).__name__}: {exc});"
                                    " please report it with this text")

    def _report(self, analysis: Analysis, ignore: frozenset[str] = frozenset(),
                suggest: bool | frozenset[str] = True) -> Report:
        understandings = understand_all(analysis.sentences)
        findings = self._findings(analysis, understandings, ignore, suggest)
        return Report(
            text=analysis.text,
            findings=findings,
            speech_level=reply_level(s.level for s in analysis.sentences),  # type: ignore[arg-type]
            scores=score(findings),
            sentences=[sentence_info(u) for u in understandings] if suggest is True else [],
        )

    def _trial(self, text: str, suggest_rules: frozenset[str] = frozenset()) -> Report:
        """The fixer's re-check of an edit: the same findings (rule, span, severity, group), with suggestions
        and messages only in the sentences where one of `suggest_rules` is found. Most trials are rejected,
        and the suggestions of every finding were most of a fix's time."""
        return self._report(analyze(text), suggest=suggest_rules)

    def _findings(
        self, analysis: Analysis, understandings: Sequence[Understanding], ignore: frozenset[str] = frozenset(),
        suggest: bool | frozenset[str] = True,
    ) -> list[Finding]:
        """`suggest`: True for every finding's suggestions and message, or the rule ids whose sentences get
        them (a group's members share a sentence, so a group is built whole or without suggestions)."""
        text = analysis.text
        protected = protected_spans(text)
        findings: dict[tuple[str, int, int], Finding] = {}
        order: dict[tuple[str, int, int], tuple[int, int, int]] = {}  # key -> (kind rank, rule number, sentence)
        as_refusal = self.plan.acts_as_refusal
        hits = find_hits(self.plan, analysis, understandings)
        if suggest is not True:
            hits = list(hits)
            wanted = {h.sentence for h in hits if self.ruleset.rules[h.rule_index].id in suggest}
        for hit in hits:
            compiled = self.ruleset.rules[hit.rule_index]
            if ignore and (compiled.id in ignore or compiled.pack in ignore or compiled.rule.category in ignore):
                continue
            start, end = _hit_span(compiled.rule.kind, hit, analysis)
            if end <= start or overlaps_any(start, end, protected):
                continue
            if isinstance(compiled.rule, PatternRule) and not _written_as(compiled.rule, text[start:end]):
                continue
            key = (compiled.id, start, end)
            if key in findings:
                continue
            understanding = understandings[hit.sentence] if hit.sentence is not None else None
            full = suggest is True or hit.sentence in wanted
            suggestions = [
                s
                for s in suggestions_for(compiled, hit, analysis, understanding, as_refusal)
                if not overlaps_any(s.start, s.end, protected)
            ] if full else []
            rule = compiled.rule
            findings[key] = Finding(
                rule_id=rule.id,
                pack=compiled.pack,
                category=rule.category,
                severity=self.severity_of(rule.id, compiled.pack, rule.category, rule.severity),  # type: ignore[arg-type]
                start=start,
                end=end,
                text=text[start:end],
                message=_message(rule.message, hit, analysis, text[start:end]) if full else "",
                suggestions=suggestions,
            )
            sentence = hit.sentence if hit.sentence is not None else -1
            order[key] = (KIND_RANK.get(rule.kind, len(KIND_RANK)), hit.rule_index, sentence)
        return group_findings(findings, order)

    # -- fixing ---------------------------------------------------------------------------------------
    def fix(self, text: str, unsafe: bool = False, inputs: dict[str, str] | None = None) -> FixResult:
        """Apply suggestions and re-check until nothing more passes (see `fixer`).

        Safe edits go first, many per round. Only when none is left do unsafe ones (with `unsafe`) apply,
        one per sentence per round. A template (a suggestion with `inputs`) is applied only when `inputs`
        gives every one of its slots; otherwise it stays in `remaining`. Fix never writes `{…}` itself.
        """
        return fix_text(self.check, text, unsafe=unsafe, inputs=inputs, trial=self._trial)


# One finding per problem span: findings that overlap in one sentence and share a family (or flag the very
# same span) are one problem. The primary is the most specific rule: pattern over require over lexicon over
# metric, then the longer span, then severity.
KIND_RANK = {"pattern": 0, "require": 1, "lexicon": 2, "metric": 3}
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"positive", "alternative", "cushion", "policy", "empathy", "blame"}),  # a refusal's wording
    frozenset({"request", "cushion", "tone"}),  # a directive to the customer
    frozenset({"tone", "honorific", "spelling"}),  # the form of a word
    frozenset({"easy", "simple", "spelling"}),  # word choice
    frozenset({"short"}),
)


def _related(a: Finding, b: Finding) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    if not (a.start < b.end and b.start < a.end):
        return False
    return a.category == b.category or any(a.category in f and b.category in f for f in FAMILIES)


def group_findings(
    findings: dict[tuple[str, int, int], Finding], order: dict[tuple[str, int, int], tuple[int, int, int]]
) -> list[Finding]:
    """One Finding per problem span: the primary with the others' rule ids in `also`, every member's
    suggestions (primary's first, duplicates dropped) and the group's highest severity."""
    keys = list(findings)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_sentence: dict[int, list[int]] = {}
    for i, key in enumerate(keys):
        by_sentence.setdefault(order[key][2], []).append(i)
    for members in by_sentence.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if _related(findings[keys[i]], findings[keys[j]]):
                    parent[root(i)] = root(j)
    groups: dict[int, list[tuple[str, int, int]]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(root(i), []).append(key)
    out = []
    for members in groups.values():
        if len(members) == 1:
            out.append(findings[members[0]])
            continue

        def rank(key: tuple[str, int, int]) -> tuple[int, int, int, int]:
            f = findings[key]
            return (order[key][0], f.start - f.end, -SEVERITY_RANK[f.severity], order[key][1])

        members.sort(key=rank)
        primary = findings[members[0]]
        others = [findings[k] for k in members[1:]]
        also = list(dict.fromkeys(f.rule_id for f in others if f.rule_id != primary.rule_id))
        # a dismissive or blaming clause whose rule offers a model sentence is not fixed by another rule's ending
        # swap ('그건 매장에 가서 물어봐요' still sends the customer away): that swap is no longer a sure, safe fix
        content = primary.category in MODEL_SENTENCE_CATEGORIES and any(
            is_model_sentence(sg, primary.start, primary.end) for sg in primary.suggestions)
        suggestions: dict[tuple[str, int, int], Suggestion] = {}
        for f in (primary, *others):
            for sg in f.suggestions:
                if content and f is not primary and sg.applicability == "safe":
                    sg = sg.model_copy(update={"applicability": "unsafe"})
                suggestions.setdefault((sg.replacement, sg.start, sg.end), sg)
        severity = max((primary, *others), key=lambda f: SEVERITY_RANK[f.severity]).severity
        out.append(
            primary.model_copy(update={"also": also, "suggestions": list(suggestions.values()), "severity": severity})
        )
    return sorted(_no_sure_swap_under_a_model(out), key=lambda f: (f.start, f.end, f.rule_id))


def _no_sure_swap_under_a_model(findings: list[Finding]) -> list[Finding]:
    """A safe ending swap inside a clause that another finding replaces with a model sentence ('다른 분들도 다
    똑같이 기다리세요' -> '… 잠시만 기다려 주시겠어요?') leaves the dismissive words in place: offered, not sure."""
    models = [(sg.start, sg.end) for f in findings if f.category in MODEL_SENTENCE_CATEGORIES
              for sg in f.suggestions if is_model_sentence(sg, f.start, f.end)]
    if not models:
        return findings
    out = []
    for f in findings:
        covered = [sg for sg in f.suggestions if sg.applicability == "safe" and f.category not in
                   MODEL_SENTENCE_CATEGORIES and any(a <= sg.start and sg.end <= b for a, b in models)]
        if covered:
            f = f.model_copy(update={"suggestions": [
                sg.model_copy(update={"applicability": "unsafe"}) if sg in covered else sg for sg in f.suggestions]})
        out.append(f)
    return out




def sentence_info(u: Understanding) -> SentenceInfo:
    """The public view of a sentence's Understanding (built without re-validation: the values are ours)."""
    clauses = [
        trusted(ClauseInfo, {
            "start": c.start, "end": c.end, "relation": c.relation, "subject": c.subject,
            "subject_class": c.subject_class, "negative": c.negative,
        })
        for c in u.clauses
    ]
    quoted = [trusted(SpanInfo, {"start": a, "end": b}) for a, b in u.quoted]
    return trusted(SentenceInfo, {
        "start": u.start, "end": u.end, "act": u.act, "clauses": clauses, "quoted": quoted,
        "alternative": u.alternative,
    })


def _hit_span(kind: str, hit: Hit, analysis: Analysis) -> tuple[int, int]:
    if hit.sentence is None:  # the reply: from the first sentence's start to the last one's end
        sentences = analysis.sentences
        return (sentence_span(sentences[0])[0], sentence_span(sentences[-1])[1]) if sentences else (0, 0)
    sentence = analysis.sentences[hit.sentence]
    if kind == "metric":
        return sentence_span(sentence)
    if kind == "lexicon":
        return sentence_syllable_span(sentence, hit.first, hit.last)
    return sentence_word_span(sentence, hit.first, hit.last)


def _message(template: str, hit: Hit, analysis: Analysis, flagged: str) -> str:
    values = {**hit.variables, "text": flagged}
    if hit.sentence is not None:
        sentence = analysis.sentences[hit.sentence]
        for name, (first, last) in hit.captures.items():
            start, end = sentence_syllable_span(sentence, first, last)
            values[name] = analysis.text[start:end]
    return fix_after_quotes(fill_message(template, values))


def _written_as(rule: PatternRule, flagged: str) -> bool:
    """A rule with `written` fires only where the text spells one of those strings."""
    return not rule.written or any(piece in flagged for piece in rule.written)


def _require_str(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"cs_coach checks str, not {type(text).__name__}")
    if len(text) > MAX_TEXT:
        raise ValueError(f"text is {len(text):,} characters; the limit is {MAX_TEXT:,} (split it into replies)")
    reject_surrogates(text)


def _error_report(text: str, error: str) -> Report:
    """The Report of an item check_many could not check: no findings, the reason in `error`.

    Lone surrogates in its text become U+FFFD (same length, so the error's position still points there):
    the Report must serialize to JSON, which cannot hold them.
    """
    text = _SURROGATE.sub("\ufffd", text)
    return Report(text=text, findings=[], speech_level="none", scores=score([]), error=error)
