"""The fix loop: apply suggestions, re-check, and keep only the edits that made the reply better.

An applied edit is rolled back when the re-check shows that it
(a) did not remove the finding it targets, (b) brought a new finding (a hint of severity info aside, when the
edit removed its own warning), (c) changed its sentence's speech level
(raised to polite speech aside), (d) dropped a content word outside the flagged words, or
(e) left a sentence with a second concessive (죄송하지만 … 어렵겠지만) or a repeated sentence.

Every accepted round lowers the warnings and errors, or else the hints, so the loop ends; and it ends only
when no candidate edit passes, which is a property of the text alone, so fix(fix(x)) == fix(x). (A fixed round
cap would break that on replies with many findings: the second fix would go on where the cap stopped the first.
The cap on single-edit trials in a round, MAX_LONE_TRIALS, does not: which edits a round tries depends only on
the text.)

Templates (suggestions with `inputs`) are applied only with the caller's values for every slot; findings
inside the caller's own words do not count as new.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from .analyze import Sentence, analyze
from .content import content_kept, content_units
from .inflect import fill_slots
from .models import CATEGORIES, SEVERITY_RANK, Finding, FixResult, Report, Suggestion
from .rewrite import NPI_ADVERBS, retort_before

MAX_FIX_ROUNDS = 32  # rounds a reply may take beyond its findings (see fix_text)
LOCAL_TRIAL_FROM = 4  # with this many findings to fix, each edit is first tried on its own sentences
# Single edits tried on the whole reply in a round where no run of first choices passed. Each costs a whole
# re-check: untried, a 20,000-character reply whose edits pass on their own sentences but not on the whole reply
# spent minutes per round. A reply has far fewer candidates; the stop is still a function of the text alone.
MAX_LONE_TRIALS = 24
# Rules of these categories may replace a whole clause with a model sentence (its words may go, not others').
MODEL_SENTENCE_CATEGORIES = frozenset({"blame", "tone", "empathy"})
_POLITE = frozenset({"hapsyo", "haeyo"})


@dataclass(frozen=True)
class _Candidate:
    finding: Finding
    suggestion: Suggestion  # templates already filled
    own_words: tuple[tuple[int, int], ...] = ()  # where the caller's values sit inside the replacement


@dataclass(frozen=True)
class _Context:
    check: Callable[[str], Report]
    unsafe: bool  # this phase may apply unsafe suggestions
    values: Mapping[str, str]
    # the same findings, with suggestions only in the sentences of the rules given: judges an edit
    trial: Callable[[str, frozenset[str]], Report] | None = None

    def judge(self, text: str, suggest_rules: frozenset[str] = frozenset()) -> Report:
        return self.trial(text, suggest_rules) if self.trial else self.check(text)


def fix_text(check: Callable[[str], Report], text: str, unsafe: bool = False,
             inputs: Mapping[str, str] | None = None,
             trial: Callable[[str, frozenset[str]], Report] | None = None) -> FixResult:
    """Apply suggestions round by round until no candidate passes the re-check (see the module doc).

    `trial(text, rules)`, when given, re-checks an edit under trial: it must find what `check` finds (rule, span,
    severity, group), with `check`'s suggestions in the sentences where `rules` are found and none elsewhere;
    only the text a round keeps is checked in full."""
    values = {k: v for k, v in (inputs or {}).items() if v and v.strip()}
    applied: list[Suggestion] = []
    report = check(text)
    rounds = 0
    # A guard, not a stop (a fixed cap left fix(fix(x)) != fix(x) on long replies): every round lowers the
    # warnings and errors, or the hints when those stay, and each edit brings at most a hint or two.
    bound = MAX_FIX_ROUNDS + 2 * sum(_counts(report.findings).values())
    while rounds < bound:
        step = _round(_Context(check, False, values, trial), report)
        if step is None and unsafe:
            starts = [s.start for s in analyze(report.text).sentences]
            step = _round(_Context(check, True, values, trial), report, starts)
        if step is None:
            break
        done, report = step
        rounds += 1
        applied.extend(done)
    return FixResult(text=report.text, applied=applied, remaining=report.findings, iterations=rounds)


def _order(f: Finding) -> tuple[int, bool, int]:
    inserts_only = all(s.start == s.end for s in f.suggestions) if f.suggestions else True
    return (-SEVERITY_RANK[f.severity], inserts_only, f.start)


# A sentence that keeps blaming or dismissive words no suggestion can take away is not polished around them (the
# trainer reads '… 고객님 잘못으로 파손된 건 보상이 어렵습니다. 대신 …' as rude still): the agent rewrites it whole.
# Spelling is fixed anyway (it is never a matter of tone).
_WORDING = frozenset(CATEGORIES) - {"spelling"}
_CONTENT_PROBLEMS = frozenset({"blame", "tone", "empathy"})


def _stuck_sentences(findings: Sequence[Finding], sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences holding a blaming, dismissive or unkind finding that has no suggestion at all."""
    stuck = [f for f in findings if f.category in _CONTENT_PROBLEMS and not f.suggestions and f.severity != "info"]
    return [(a, b) for a, b in sentences if any(a <= f.start < b for f in stuck)]


def _candidates(findings: Sequence[Finding], ctx: _Context,
                sentences: Sequence[tuple[int, int]] = ()) -> list[list[_Candidate]]:
    """Per finding (most severe first, replacements before insertions), the suggestions fix may apply."""
    out = []
    stuck = _stuck_sentences(findings, sentences)
    for finding in sorted(findings, key=_order):
        options = []
        for s in finding.suggestions:
            if s.applicability == "unsafe" and not ctx.unsafe:
                continue
            if finding.category in _WORDING and any(a <= s.start <= b for a, b in stuck):
                continue  # polishing the rest of a sentence that still blames or dismisses: rudeness left in place
            if s.inputs:
                if not ctx.unsafe or any(i.name not in ctx.values for i in s.inputs):
                    continue  # a template waits for the agent's words: it stays in `remaining`
                filled, spans = fill_slots(s.replacement, {i.name: ctx.values[i.name] for i in s.inputs})
                s = s.model_copy(update={"replacement": filled, "inputs": []})
                options.append(_Candidate(finding, s, tuple(spans)))
            else:
                options.append(_Candidate(finding, s))
        if options:
            out.append(options)
    return out


def _first_choice(candidates: list[list[_Candidate]], sentence_starts: Sequence[int] | None = None) -> list[_Candidate]:
    """Each finding's first suggestion that clashes with none chosen before (one per sentence with starts)."""
    chosen: list[_Candidate] = []
    used: set[int] = set()
    for options in candidates:
        for c in options:
            if any(edits_clash(c.suggestion, o.suggestion) for o in chosen):
                continue
            if sentence_starts is not None:
                number = bisect_right(sentence_starts, c.suggestion.start) - 1
                if number in used:
                    continue
                used.add(number)
            chosen.append(c)
            break
    return chosen


def _round(ctx: _Context, report: Report,
           sentence_starts: Sequence[int] | None = None) -> tuple[list[Suggestion], Report] | None:
    """One round: every finding's first suggestion that does not clash, applied together when the re-check
    passes for all of them; else the longest leading run of them that passes (one bad edit among many does
    not cost a round per finding); else the first single edit that passes; None when nothing passes."""
    candidates = _candidates(report.findings, ctx, [(x.start, x.end) for x in report.sentences])
    if len(candidates) >= LOCAL_TRIAL_FROM:
        # one whole-reply trial of every first choice before hundreds of window trials: when they all pass
        # together (a long reply of many plain fixes) the window filter would only cost time
        together = _first_choice(candidates, sentence_starts)
        passed = _try(ctx, report, together) if together else None
        if passed is not None:
            return passed
        candidates = _locally_passing(ctx, report, candidates)
    first = _first_choice(candidates, sentence_starts)
    if not first:
        return None
    passed = _longest_passing_prefix(ctx, report, first)
    if passed is not None:
        return passed
    lone = (c for options in candidates for c in options)
    for c in islice(lone, MAX_LONE_TRIALS):
        alone = _try(ctx, report, [c])
        if alone is not None:
            return alone
    return None


def _longest_passing_prefix(ctx: _Context, report: Report,
                            first: list[_Candidate]) -> tuple[list[Suggestion], Report] | None:
    """All of `first` when they pass together, else the longest passing first-k found by bisection: log(n) whole
    re-checks where trying halves, then quarters, … cost up to 2n on a long reply (minutes on 80,000 characters).
    Any passing set is a valid round, so a k found where passing is not monotone in k is still right."""
    whole = _try(ctx, report, first)
    if whole is not None:
        return whole
    best = None
    lo, hi = 1, len(first) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        passed = _try(ctx, report, first[:mid])
        if passed is None:
            hi = mid - 1
        else:
            best, lo = passed, mid + 1
    return best


def _locally_passing(ctx: _Context, report: Report, candidates: list[list[_Candidate]]) -> list[list[_Candidate]]:
    """The candidates whose edit passes on its own sentences (with one neighbour each side).

    A long reply with hundreds of findings would otherwise cost a whole-reply re-check per edit tried; a window
    re-check is cheap (its sentences are cached), and whatever it lets through is still re-checked on the whole
    reply. The filter is a function of the text alone, so fix(fix(x)) == fix(x) still holds."""
    sentences = analyze(report.text).sentences
    starts = [x.start for x in sentences]
    kept = []
    for options in candidates:
        passing = [c for c in options if _passes_in_window(ctx, report.text, sentences, starts, c)]
        if passing:
            kept.append(passing)
    return kept


def _passes_in_window(ctx: _Context, text: str, sentences: Sequence[Sentence], starts: Sequence[int],
                      c: _Candidate) -> bool:
    s, f = c.suggestion, c.finding
    if not sentences:
        return True
    first = max(bisect_right(starts, min(s.start, f.start)) - 2, 0)
    last = min(bisect_right(starts, max(s.end, f.end) - 1) + 1, len(sentences))
    lo, hi = sentences[first].start, sentences[max(last - 1, first)].end
    if not (lo <= min(s.start, f.start) and max(s.end, f.end) <= hi) or 2 * (hi - lo) > len(text):
        return True  # not local: decided on the whole reply
    window = ctx.judge(text[lo:hi])
    if not any(w.rule_id == f.rule_id for w in window.findings):
        return True  # the rule needs more context than the window: decided on the whole reply
    moved = _Candidate(
        f.model_copy(update={"start": f.start - lo, "end": f.end - lo}),
        s.model_copy(update={"start": s.start - lo, "end": s.end - lo}),
        c.own_words,
    )
    return _try(ctx, window, [moved], keep=False) is not None


def _try(ctx: _Context, report: Report, chosen: list[_Candidate],
         keep: bool = True) -> tuple[list[Suggestion], Report] | None:
    """The applied suggestions and the re-checked report when the edits pass every test of the module doc
    (`keep`: the report in full, with suggestions, as the next round starts from it).

    An edit that brings a new finding may still pass together with the fixes of what it brought (an order made
    a request gets its cushion in the same step), when the result has nothing new."""
    step = _step(ctx.judge, report, chosen)
    if step is None:
        return None
    after, counts = step
    before = _counts(report.findings)
    done = [c.suggestion for c in chosen]
    over = _unresolved(before, counts, chosen, _hints(report, after, chosen, before, counts))
    if not over:
        return done, ctx.check(after.text) if keep and ctx.trial else after
    # a second step may fix what the first left or brought (the rest of a long sentence split once)
    if ctx.trial:  # the suggestions of what is left over are the second step's candidates
        after = ctx.judge(after.text, frozenset(over))
    follow = _first_choice(_candidates([f for f in after.findings if _counts([f]).keys() & over], ctx))
    second = _step(ctx.judge, after, follow) if follow else None
    if second is None:
        return None  # (a) the target is still there, or (b) a new finding
    final, counts = second
    if _unresolved(before, counts, chosen, _hints(report, final, chosen, before, counts)):
        return None
    return done + [c.suggestion for c in follow], ctx.check(final.text) if keep and ctx.trial else final


def _hints(report: Report, after: Report, chosen: Sequence[_Candidate], before: Counter[str],
           counts: Counter[str]) -> frozenset[str]:
    """Rules of severity info that an edit may bring: a hint says the text may stay as it is ('잠시만 기다려
    주시겠어요?' is the model request, even if a number of minutes would be kinder). Only when every edit removed
    its own (warning or error) finding, so the warnings and errors still strictly decrease and the loop ends."""
    if any(c.finding.severity == "info" or counts[c.finding.rule_id] >= before[c.finding.rule_id] for c in chosen):
        return frozenset()
    severities: dict[str, set[str]] = {}
    for f in [*report.findings, *after.findings]:
        severities.setdefault(f.rule_id, set()).add(f.severity)
    return frozenset(r for r, s in severities.items() if s == {"info"})


def _unresolved(before: Counter[str], after: Counter[str], chosen: Sequence[_Candidate],
                hints: frozenset[str] = frozenset()) -> set[str]:
    """Rule ids that block an edit: (b) any rule flagged more often than before (hints aside, see `_hints`), and
    (a) the rules of each edit's problem span (its finding's rule and the rules grouped with it in `also`) when
    none of them went."""
    blocked = {r for r in after if after[r] > before[r] and r not in hints}
    for c in chosen:
        group = {c.finding.rule_id, *c.finding.also}
        if sum(after[r] for r in group) >= sum(before[r] for r in group):
            blocked |= group
    return blocked


def _step(
    check: Callable[[str], Report], report: Report, chosen: list[_Candidate]
) -> tuple[Report, Counter[str]] | None:
    """Apply the edits and re-check: the new report and its finding counts (without findings inside the
    caller's own words), or None when an edit changed a speech level, lost content or broke grammar."""
    chosen = sorted(chosen, key=lambda c: (c.suggestion.start, c.suggestion.end))
    new_text = apply_edits(report.text, [c.suggestion for c in chosen])
    if new_text == report.text:
        return None
    old_sentences = analyze(report.text).sentences
    new_sentences = analyze(new_text).sentences
    old_starts, new_starts = [x.start for x in old_sentences], [x.start for x in new_sentences]
    # the sentences each group of edits touches, before and after, and where the caller's words sit in the new text
    own: list[tuple[int, int]] = []
    shift = 0
    for old, group in _by_sentences(chosen, old_sentences, old_starts):
        lo = min(old[0].start, group[0].suggestion.start) if old else group[0].suggestion.start
        hi = max([c.suggestion.end for c in group] + [x.end for x in old])
        before_group = shift
        may_go: list[tuple[int, int]] = []
        for c in group:
            s = c.suggestion
            start = s.start + shift
            own.extend((start + a, start + b) for a, b in c.own_words)
            shift += len(s.replacement) - (s.end - s.start)
            may_go.append((c.finding.start, c.finding.end))
            may_go.extend(_retorts(old, s))  # '아까 말씀드렸잖아요, …': the reproach goes with the calm answer
            may_go.extend((m.start, m.end) for x in old for m in x.morphs  # 절대 goes with the negation it stressed
                          if m.form in NPI_ADVERBS and s.start <= m.start < s.end)
            if c.finding.category in MODEL_SENTENCE_CATEGORIES:
                may_go.append((s.start, s.end))  # a model sentence for the whole blaming or dismissive clause
        last = group[-1].suggestion
        new = _around(new_sentences, new_starts, lo + before_group,
                      max(hi + shift, last.start + before_group + len(last.replacement)))
        if not any(_level_kept(old, new, c.finding.category, inserted=c.suggestion.start == c.suggestion.end)
                   for c in group):
            return None  # (c)
        if content_kept(content_units(old, report.text), content_units(new, new_text, any_tag=True), may_go)[1]:
            return None  # (d)
        if _more_concessives(old, new):
            return None  # (e)
    if _stutters_or_repeats(old_sentences, new_sentences, report.text, new_text):
        return None  # (e)
    after = check(new_text)
    return after, _counts(f for f in after.findings if not _inside_any(f, own))


def _retorts(sentences: Sequence[Sentence], s: Suggestion) -> list[tuple[int, int]]:
    """The reproaching clauses a suggestion takes away with it ('아까 말씀드렸잖아요, ' before the answer)."""
    out = []
    for sentence in sentences:
        if s.start <= sentence.start < s.end or sentence.start <= s.start < sentence.end:
            first = next((i for i, m in enumerate(sentence.morphs) if m.start >= s.end), None)
            span = retort_before(sentence.morphs, first) if first else None
            if span is not None and s.start <= span[0]:
                out.append(span)
    return out


def _by_sentences(chosen: Sequence[_Candidate], sentences: Sequence[Sentence],
                  starts: Sequence[int]) -> list[tuple[list[Sentence], list[_Candidate]]]:
    """The edits (sorted by position) grouped by the sentences they touch: edits inside one sentence are judged
    together, so one edit's flagged word is not counted as content another edit lost."""
    groups: list[tuple[list[Sentence], list[_Candidate]]] = []
    for c in chosen:
        touched = _around(sentences, starts, c.suggestion.start, c.suggestion.end)
        if groups and touched and groups[-1][0] and touched[0].start < groups[-1][0][-1].end:
            sentences_so_far, members = groups[-1]
            sentences_so_far.extend(x for x in touched if x.start >= sentences_so_far[-1].end)
            members.append(c)
        else:
            groups.append((list(touched), [c]))
    return groups


def _counts(findings) -> Counter[str]:
    counts: Counter[str] = Counter()
    for f in findings:
        counts[f.rule_id] += 1
        for other in f.also:
            counts[other] += 1
    return counts


def _inside_any(f: Finding, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= f.start and f.end <= b for a, b in spans)


def _around(sentences: Sequence[Sentence], starts: Sequence[int], start: int, end: int) -> list[Sentence]:
    """The sentences an edit of [start, end) touches (for an insertion: the one it ends or starts);
    `starts` are the sentences' starts, for bisection."""
    lo = max(bisect_right(starts, start) - 1, 0)
    hi = bisect_left(starts, end)
    hit = [s for s in sentences[lo:hi] if s.start < end and start < s.end]
    if not hit:
        hit = [s for s in sentences[max(lo - 1, 0) : lo + 2] if s.start <= start <= s.end]
    return hit


def _level_kept(old: Sequence[Sentence], new: Sequence[Sentence], category: str, inserted: bool = False) -> bool:
    """Same level, or raised: 반말 (and 하오체) made polite; a tone rule may also choose 합쇼체 over a curt 해요체
    fragment (거스름돈이요 -> 거스름돈입니다), and an added sentence may be in the other polite level (합쇼체 and
    해요체 alternate in service talk: '재고가 없습니다. 들어오면 알려 드릴까요?'), as the trainer's grading accepts."""
    before = {s.level for s in old} - {"none"}
    after = {s.level for s in new} - {"none"}
    if not before or after <= before:
        return True
    if not after <= _POLITE:
        return False
    return before == {"banmal"} or ((category == "tone" or inserted) and before <= _POLITE)


def _more_concessives(old: Sequence[Sentence], new: Sequence[Sentence]) -> bool:
    """A second concessive in one sentence (죄송하지만 … 어렵겠지만) that was not there before."""
    def concessive(sentences: Sequence[Sentence]) -> int:
        return max((sum(1 for m in s.morphs if m.tag == "EC" and m.form == "지만") for s in sentences), default=0)

    return concessive(new) >= 2 and concessive(new) > concessive(old)


def _stutters_or_repeats(old: Sequence[Sentence], new: Sequence[Sentence], old_text: str, new_text: str) -> bool:
    """Whole-reply checks, once per step: an ending left behind a rewrite (드릴게요요), or the same sentence
    twice anywhere in the reply (an alternative appended again after another edit)."""
    if len(_STUTTER.findall(new_text)) > len(_STUTTER.findall(old_text)):
        return True
    return _repeats(new, new_text) > _repeats(old, old_text)


_STUTTER = re.compile(r"(요|다|죠|까|니다|세요)\1(?![가-힣])")


_SPACE = re.compile(r"\s+")


def _repeats(sentences: Sequence[Sentence], text: str) -> int:
    said = [_SPACE.sub("", text[s.start : s.end]) for s in sentences]
    return len(said) - len(set(said))


def choose_edits(
    findings: Sequence[Finding], unsafe: bool, sentence_starts: Sequence[int] | None = None
) -> list[Suggestion]:
    """The first applicable suggestion of each finding, skipping any that overlaps one already chosen
    (findings by severity, then replacements before insertions, then position; with `sentence_starts`,
    at most one edit per sentence). Templates are never chosen: they need the agent's words."""
    ctx = _Context(check=_no_check, unsafe=unsafe, values={})  # no values: every template is left out
    chosen = _first_choice(_candidates(findings, ctx), sentence_starts)
    return sorted((c.suggestion for c in chosen), key=lambda s: (s.start, s.end))


def _no_check(text: str) -> Report:
    raise AssertionError("choosing edits never re-checks")


def edits_clash(a: Suggestion, b: Suggestion) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash only when at the same point or inside
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Sequence[Suggestion]) -> str:
    pieces = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[pos : edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)
