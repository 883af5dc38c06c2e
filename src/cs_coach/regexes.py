"""Regexes written in packs, run so that no pack can make a check hang.

A backtracking engine (Python's `re`) can take exponential time on a pattern like `(a+)+$` and holds the
GIL meanwhile, freezing every thread of the service. So:

- `form` and `lemma` regexes run on RE2 (google-re2), whose matching time is linear in the text. RE2 has
  no lookaround and no backreferences: a leading lookahead (`(?!(고객|손님)$).+`, "any form but these") is
  split off and run as a second RE2 test; any other lookaround or a backreference is rejected at load,
  with the rule and field named. RE2's
  `\\w`, `\\d`, `\\s` and `\\b` are ASCII-only: write `[가-힣]` or `\\p{Hangul}` for Korean.
- `tag` regexes are expanded at load into the Kiwi tags they match (a finite set), so lookarounds such as
  `(?!S).*` stay allowed there; the expansion runs with a time budget (the `regex` module's timeout), and
  a check compares tags as literals.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from .tags import ORDERED_TAGS

MAX_PATTERN_CHARS = 1_000
TAG_BUDGET_SECONDS = 0.25
"""CPU time (of the loading thread) allowed to test one tag regex against the whole tag set at load."""
WALL_CAP_SECONDS = 30.0
"""However loaded the host, a tag regex is given up after this much wall time."""


class TextRegex(Protocol):
    """What the matcher needs of a compiled pattern (an RE2 object)."""

    pattern: str

    def fullmatch(self, text: str) -> object | None: ...


def _length_problem(pattern: str) -> str | None:
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"regex is {len(pattern):,} characters; the limit is {MAX_PATTERN_CHARS:,}"
    return None


@dataclass(frozen=True)
class GuardedRegex:
    """`(?!A)B` or `(?=A)B` at the start of a pattern, run as two RE2 tests: B matches the whole text and
    A does not (does) match at its start. Exactly Python's meaning of a leading lookahead, in linear time."""

    pattern: str
    body: Any
    guards: tuple[tuple[bool, Any], ...]  # (A must match?, A)

    def fullmatch(self, text: str) -> object | None:
        found = self.body.fullmatch(text)
        if found is None:
            return None
        for positive, guard in self.guards:
            if (guard.match(text) is not None) != positive:
                return None
        return found


@lru_cache(maxsize=1024)
def compile_text_regex(pattern: str) -> TextRegex:
    """An RE2 pattern for morpheme forms or lemmas; ValueError (saying why) when RE2 cannot run it.

    Leading lookaheads, the usual way to write "any form but these" (`(?!(고객|손님)$).+`), are split off
    and run as RE2 tests of their own; a lookaround anywhere else, or a backreference, is refused."""
    problem = _length_problem(pattern)
    if problem:
        raise ValueError(problem)
    guards: list[tuple[bool, Any]] = []
    body = pattern
    while body.startswith(("(?!", "(?=")):
        end = _group_end(body)
        if end is None:
            break
        guards.append((body[2] == "=", _re2(body[3:end], pattern)))
        body = body[end + 1 :]
    compiled = _re2(body, pattern)
    return GuardedRegex(pattern, compiled, tuple(guards)) if guards else compiled


def _re2(source: str, pattern: str) -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print its own copy of the error on stderr
    try:
        return re2.compile(source, options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ""
        if "perl operator" in reason or "escape" in reason:
            hint = (" (patterns run on RE2, in linear time: no backreferences, and a lookahead only at the very"
                    " start, as in (?!(고객|손님)$).+)")
        raise ValueError(f"regex {pattern!r} cannot run on RE2: {reason}{hint}") from None


def _group_end(pattern: str) -> int | None:
    """Index of the parenthesis closing the group that opens `pattern`, or None when unbalanced."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1  # a ']' right after '[' or '[^' is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


@lru_cache(maxsize=1024)
def tags_matching(pattern: str) -> frozenset[str]:
    """The Kiwi tags `pattern` fully matches (Python regex syntax, lookarounds allowed). ValueError when the
    pattern is invalid, too slow on the tag set, or matches no tag at all (it could never match)."""
    import regex

    problem = _length_problem(pattern)
    if problem:
        raise ValueError(problem)
    try:
        compiled = regex.compile(pattern)
    except regex.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    budget = _Budget(time.thread_time() + TAG_BUDGET_SECONDS, time.monotonic() + WALL_CAP_SECONDS)
    found = [tag for tag in ORDERED_TAGS if _fullmatch_in_budget(compiled, pattern, tag, budget)]
    if not found:
        raise ValueError(f"regex {pattern!r} matches no Kiwi tag, so the step could never match")
    return frozenset(found)


class _Budget(NamedTuple):
    cpu_deadline: float  # time.thread_time()
    wall_deadline: float  # time.monotonic()


def _fullmatch_in_budget(compiled: Any, pattern: str, tag: str, budget: _Budget) -> bool:
    """Does the pattern fully match the tag, while the whole tag set stays within TAG_BUDGET_SECONDS of this
    thread's CPU time?

    The budget is CPU time, not wall time: on a loaded host (a test suite, a JVM starting) the thread can be
    preempted for longer than the budget, and a built-in pack must not fail to load because of that. The regex
    module's timeout is wall time, so a timeout that used less CPU than the budget is tried again, until the
    CPU budget or WALL_CAP_SECONDS is spent."""
    while True:
        left = budget.cpu_deadline - time.thread_time()
        if left <= 0 or time.monotonic() >= budget.wall_deadline:
            raise ValueError(f"regex {pattern!r} is too slow (catastrophic backtracking?)")
        try:
            return compiled.fullmatch(tag, timeout=left) is not None
        except TimeoutError:
            continue  # wall time ran out: CPU or preemption? the loop's first line tells
