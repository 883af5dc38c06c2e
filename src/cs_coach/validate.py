"""Checks of a pack's rules beyond its schema: templates name real captures, examples are complete.

Every problem is collected as a Problem (file, rule, field, message); `PackError` reports them all at once.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .schema import MORPHEME_LIST, TEMPLATE_SLOT, LexiconRule, Rule, Suggest
from .tags import tag_problem

ReportProblem = Callable[[str, str], None]
"""Records one problem of the rule being compiled: (field, message)."""


@dataclass(frozen=True)
class Problem:
    """One problem of a pack: file, rule id, field path (match.0.pattern.2.tag) and, when the file could be
    parsed, the 1-based line and column it was written at."""

    file: str
    rule: str
    field: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        place = self.file + (f":{self.line}:{self.column}" if self.line is not None else "")
        where = place + (f" · rule {self.rule}" if self.rule else "") + (f" · {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class PackError(ValueError):
    """A pack (or several) could not be loaded; `problems` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in rule packs:\n{lines}")



def message_fields(template: str) -> list[str]:
    """The placeholders of a message, which may only be bare names: `{text}`, never `{text:>9}`, `{text!r}`,
    `{text.attr}` or `{text[0]}` (a format spec can build a huge string, raise, or reach attributes).
    ValueError says what is wrong."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"{{{name}}} is not a bare placeholder like {{text}} (no index, attribute or number)")
        if spec or conversion:
            raise ValueError(f"{{{name}}} takes no format spec or conversion ('{{{name}}}' only)")
        names.append(name)
    return names


def fill_message(template: str, values: Mapping[str, str]) -> str:
    """A message with its placeholders filled in; an unknown one is kept as written. Never str.format:
    a template is only literal text and bare names, so filling one cannot fail or run anything."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:  # only a pack that skipped validation gets here: show it as written
        return template
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is not None:
            value = values.get(name)
            if value is None or spec or conversion:
                out.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
            else:
                out.append(str(value))
    return "".join(out)


def check_suggest_templates(suggestion: Suggest, where: str, captures: set[str], report: ReportProblem) -> None:
    """`{capture|morphemes}` slots must name a capture and spell morphemes as form/TAG+form/TAG."""
    for field_name in ("replace", "prefix", "append"):
        value = getattr(suggestion, field_name)
        templates = [value] if isinstance(value, str) else list((value or {}).values())
        for template in templates:
            for name, tail in TEMPLATE_SLOT.findall(template):
                if name not in captures:
                    report(f"{where}.{field_name}", f"no capture named {name!r} in {{{name}|{tail}}}")
                if not MORPHEME_LIST.match(tail):
                    report(f"{where}.{field_name}", f"{tail!r} is not morphemes like 어/EC+주/VX")
                else:
                    _check_morpheme_tags(tail, f"{where}.{field_name}", report)
    for name, value in (suggestion.edit.swap if suggestion.edit else {}).items():
        if "/" in value and not MORPHEME_LIST.match(value):
            report(f"{where}.edit.swap.{name}", f"{value!r} is not morphemes like 에요/EF")
        elif "/" in value:
            _check_morpheme_tags(value, f"{where}.edit.swap.{name}", report)


def _check_morpheme_tags(morphemes: str, where: str, report: ReportProblem) -> None:
    for morpheme in morphemes.split("+"):
        problem = tag_problem(morpheme.rsplit("/", 1)[1])
        if problem:
            report(where, problem)


def check_templates(rule: Rule, captures: set[str], report: ReportProblem) -> None:
    allowed = captures | {"text"}
    texts: list[tuple[str, str]] = [("message", rule.message)]
    for number, suggestion in enumerate(rule.suggest):
        if suggestion.when and suggestion.when not in captures:
            report(f"suggest.{number}.when", f"no capture named {suggestion.when!r}")
        if suggestion.target and suggestion.target not in captures:
            report(f"suggest.{number}.target", f"no capture named {suggestion.target!r}")
        if suggestion.edit:
            for name in [*suggestion.edit.drop, *suggestion.edit.swap]:
                if name not in captures:
                    report(f"suggest.{number}.edit", f"no capture named {name!r}")
        check_suggest_templates(suggestion, f"suggest.{number}", captures, report)
    for field_name, template in texts:
        try:
            names = set(message_fields(template))
        except ValueError as exc:
            report(field_name, f"bad template: {exc}")
            continue
        for name in sorted(names - allowed):
            report(field_name, f"unknown placeholder {{{name}}}; known: {', '.join(sorted(allowed))}")


def check_examples(rule: Rule, report: ReportProblem) -> None:
    bad = [e for e in rule.examples if e.bad is not None]
    good = [e for e in rule.examples if e.good is not None]
    if not bad:
        report("examples", "needs at least one 'bad' example")
    if not good:
        report("examples", "needs at least one 'good' example")
    has_safe = any(s.applicability == "safe" for s in rule.suggest) or (
        isinstance(rule, LexiconRule) and any(e.safe for e in rule.entries)
    )
    for number, example in enumerate(rule.examples):
        if example.bad is not None and example.bad.count("[[") != example.bad.count("]]"):
            report(f"examples.{number}.bad", "unbalanced [[ ]] marks")
        if example.fix is not None and not has_safe:
            report(f"examples.{number}.fix", "an expected 'fix' needs a safe suggestion")
        if example.bad is not None and example.fix is None and has_safe:
            report(f"examples.{number}.fix", "the rule has a safe suggestion: give the expected 'fix'")
