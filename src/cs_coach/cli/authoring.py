"""Commands for rule authors: `rules`, `explain`, `tokens` and `pack test`."""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
from pathlib import Path
from typing import Annotated

import typer

from .. import CATEGORIES, Coach
from ..sentences import Understanding
from .common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    ConfigOpt,
    PackOpt,
    UsageError,
    fail,
    load_settings,
    make_coach,
    usage_errors,
)


def rules(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    config_path: ConfigOpt = None,
    pack: PackOpt = None,
) -> None:
    """List the active rules: id, category, severity, pack and message."""
    with usage_errors():
        if category is not None and category not in CATEGORIES:
            raise UsageError(f"unknown category {category!r}; categories: {', '.join(CATEGORIES)}")
        _, catalogue = make_coach(load_settings(config_path, [], None, None, pack))
    shown = [r for r in catalogue.values() if category is None or r.category == category]
    width = max((len(r.id) for r in shown), default=10)
    for r in sorted(shown, key=lambda r: (r.category, r.id)):
        typer.echo(f"{r.id:<{width}}  {r.category:<11} {r.severity:<7} {r.pack:<12} {r.message}")
    typer.echo(f"{len(shown)} rules", err=True)


def explain(
    rule: Annotated[str, typer.Argument(help="A rule id (e.g. an-doeda), or Korean text to see how it is read.")],
    config_path: ConfigOpt = None,
    pack: PackOpt = None,
) -> None:
    """Show a rule (why it matters, examples, fixes), or for a text: each sentence's act, clauses, subjects and
    quoted spans, the findings, and the matches that a rule's `when:` or a quotation silenced."""
    with usage_errors():
        coach = Coach(config=load_settings(config_path, [], None, None, pack))
    by_id = {c.rule.id: c for c in coach.ruleset.rules}
    if rule not in by_id and _looks_like_text(rule):
        _explain_text(coach, rule)
        return
    if rule not in by_id:
        close = difflib.get_close_matches(rule, list(by_id), n=5, cutoff=0.5)
        hint = f"; did you mean: {', '.join(close)}" if close else "; see `cs-coach rules`"
        raise fail(f"unknown rule {rule!r}{hint}")
    compiled = by_id[rule]
    r = compiled.rule
    typer.echo(f"{r.id}  ({compiled.pack} · {r.category} · {r.severity} · {r.kind})")
    typer.echo(f"\n{re.sub(r'{[a-z_][a-z0-9_]*}', '…', r.message)}\n\n{r.why}")
    if r.when is not None:
        typer.echo(f"\n조건 (when): {_condition_text(r.when)}")
    if r.suggest:
        typer.echo("\n고치는 방법:")
        for s in r.suggest:
            what = s.description or _describe(s)
            only = f" [{_condition_text(s.sentence)}]" if s.sentence is not None else ""
            typer.echo(f"  - {what} ({'안전' if s.applicability == 'safe' else '뜻이 바뀔 수 있음'}){only}")
    typer.echo("\n예:")
    for example in r.examples:
        if example.bad is not None:
            typer.echo(f"  ✗ {example.bad}")
            if example.fix is not None:
                typer.echo(f"    → {example.fix}")
            if example.unsafe_fix is not None:
                typer.echo(f"    → {example.unsafe_fix} (--unsafe)")
        else:
            typer.echo(f"  ✓ {example.good}")


def _looks_like_text(value: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in value) or " " in value.strip()


def _condition_text(condition: object) -> str:
    data = condition.model_dump(exclude_none=True)  # type: ignore[attr-defined]
    return ", ".join(f"{key}={value}" for key, value in data.items())


def understanding_lines(text: str, u: Understanding) -> list[str]:
    """A sentence as the sentence layer reads it: act, clauses (relation, subject and class), quoted spans."""
    lines = [f"  act: {u.act} · alternative: {'yes' if u.alternative else 'no'}"]
    for c in u.clauses:
        subject = f"{c.subject} ({c.subject_class})" if c.subject else f"(elided: {c.subject_class})"
        parts = [f"  clause [{c.start}-{c.end}] {text[c.start : c.end]}", f"subject {subject}"]
        if c.relation:
            parts.append(f"→ {c.relation}")
        if c.negative:
            parts.append("negative")
        lines.append(" · ".join(parts))
    lines.extend(f"  quoted [{a}-{b}] {text[a:b]}" for a, b in u.quoted)
    return lines


def _explain_text(coach: Coach, text: str) -> None:
    from ..analyze import analyze
    from ..checks import find_hits
    from ..sentences import understand_all, why_not
    from ..spans import word_span

    analysis = analyze(text)
    understandings = understand_all(analysis.sentences)
    report = coach.check(text)
    for sentence, u in zip(analysis.sentences, understandings, strict=True):
        typer.echo(f"[{sentence.start}-{sentence.end}] {sentence.level}: {text[sentence.start : sentence.end]}")
        for line in understanding_lines(text, u):
            typer.echo(line)
    typer.echo("\nfindings:" if report.findings else "\nno findings")
    for f in report.findings:
        also = f" (also: {', '.join(f.also)})" if f.also else ""
        typer.echo(f"  [{f.start}-{f.end}] {f.category}/{f.rule_id}{also} '{f.text}': {f.message}")
    # what the sentence layer silenced: match again without `when:` and without quoted spans
    plan = copy.copy(coach.plan)
    plan.conditions = {}
    bare = [dataclasses.replace(u, quoted=()) for u in understandings]
    silenced = []
    for hit in find_hits(plan, analysis, bare):
        if hit.sentence is None:
            continue
        if hit.rule_index not in coach.plan.conditions and not understandings[hit.sentence].quoted:
            continue
        compiled = coach.ruleset.rules[hit.rule_index]
        u = understandings[hit.sentence]
        morphs = analysis.sentences[hit.sentence].morphs
        reasons = []
        condition = coach.plan.conditions.get(hit.rule_index)
        if condition is not None:
            reasons += why_not(condition, u, hit.first, coach.plan.acts_as_refusal)
        if hit.rule_index not in coach.plan.whole_sentence and hit.last > hit.first:
            start, end = morphs[hit.first].start, max(m.end for m in morphs[hit.first : hit.last])
            if any(start < b and a < end for a, b in u.quoted):
                reasons.append("inside a quoted span")
        if reasons:
            start, end = word_span(morphs, hit.first, hit.last)
            silenced.append(f"  {compiled.id} '{text[start:end]}': {'; '.join(reasons)}")
    if silenced:
        typer.echo("\nsilenced by the sentence layer:")
        for line in dict.fromkeys(silenced):
            typer.echo(line)


def _describe(suggest: object) -> str:
    """A fix without its own description, named by what it does."""
    for name in ("replace", "prefix", "append"):
        value = getattr(suggest, name, None)
        if isinstance(value, str):
            return f"{name}: {value}"
        if isinstance(value, dict):
            return f"{name}: " + " / ".join(value.values())
    return "morpheme edit"


def tokens(text: Annotated[str, typer.Argument(help="Korean text to analyse.")]) -> None:
    """Print Kiwi's sentences and morphemes (form/tag@start-end): what rule patterns match against; then how the
    sentence layer reads each sentence (act, clauses with relation and subject class, quoted spans)."""
    from ..analyze import analyze
    from ..sentences import understand_all

    analysis = analyze(text)
    for sentence, u in zip(analysis.sentences, understand_all(analysis.sentences), strict=True):
        typer.echo(f"[{sentence.start}-{sentence.end}] {sentence.level}: {text[sentence.start : sentence.end]}")
        typer.echo("  " + " ".join(f"{m.form}/{m.tag}@{m.start}-{m.end}" for m in sentence.morphs))
        for line in understanding_lines(text, u):
            typer.echo(line)


def pack_test(files: Annotated[list[Path], typer.Argument(help="Pack files (YAML) to test.")]) -> None:
    """Run every example embedded in the packs; print failures; exit 1 when any fails."""
    from ..examples import cases, run_case
    from ..packs import load_packs

    with usage_errors():
        for path in files:
            if not path.is_file():
                raise UsageError(f"{path}: no such pack file")
        ruleset = load_packs(files)
    names = tuple(str(p) for p in files)
    failed = total = 0
    for case in cases(ruleset):
        total += 1
        problems = run_case(case, names)
        if problems:
            failed += 1
            typer.echo(f"FAIL {case.name}: {case.text}")
            for problem in problems:
                typer.echo(f"    {problem}")
    typer.echo(f"{total} examples, {total - failed} passed, {failed} failed")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)
