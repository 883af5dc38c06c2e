"""Input models of a rule pack: strict, extra fields forbidden, so that every mistake is caught at load time.

A pack is one YAML file: metadata plus rules. Rule kinds (pattern, lexicon, metric, require) live in code;
rules are data. `pack_json_schema()` publishes the format for editors.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationInfo, field_validator, model_validator

from .models import Act, Applicability, Category, PredicateClass, Relation, Severity, SpeechLevel, SubjectClass
from .regexes import compile_text_regex, tags_matching
from .tags import KIWI_TAGS, tag_problem

_ID = r"^[a-z0-9][a-z0-9-]*$"


FROM_CACHE = "cs_coach.from_cache"
"""Validation context key set by the disk cache: its rules passed every check when they were compiled, and
the compiled steps carry their own regexes, so the regex checks of a pack file are not repeated."""


def _from_cache(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get(FROM_CACHE))


class _Strict(BaseModel):
    # defer_build: a model's validator is built on its first use, not at import. Checking never validates a
    # Pack (the compiled pack cache is read through RULE below), so a start from a warm cache builds one
    # validator for the rule union instead of one per model (measured: import + Coach() ~20-40 ms less CPU).
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Regex(_Strict):
    regex: str


Value = str | list[str] | Regex


MAX_ALTERNATIVES = 256
# Template syntax shared by validation and rewriting: a conjugation slot {capture|어/EC+주/VX} and a
# morpheme list written as form/TAG joined by +.
TEMPLATE_SLOT = re.compile(r"\{([^{}|]*)\|([^{}]*)\}")
MORPHEME_LIST = re.compile(r"^[^/+\s]+/[A-Z]+(?:\+[^/+\s]+/[A-Z]+)*$")


class Spec(_Strict):
    """One morpheme position. Omitted fields match anything; `op` is a quantifier or `!` (must not match).

    `any` makes the spec a group instead: one of several spec sequences (with `op: "?"`, or none of them).
    Groups are expanded into plain patterns at load time; with YAML anchors one group serves many rules.
    """

    form: Value | None = None
    lemma: Value | None = None
    tag: Value | None = None
    op: Literal["?", "*", "+", "!"] | None = None
    name: Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*$")] | None = None
    any: list[list[Spec]] | None = None

    @field_validator("form", "lemma")
    @classmethod
    def _text_regex(cls, value: Value | None, info: ValidationInfo) -> Value | None:
        if isinstance(value, Regex) and not _from_cache(info):
            compile_text_regex(value.regex)  # raises ValueError when RE2 cannot run it
        return value

    @field_validator("tag")
    @classmethod
    def _known_tags(cls, value: Value | None, info: ValidationInfo) -> Value | None:
        if isinstance(value, Regex):
            if not _from_cache(info):
                tags_matching(value.regex)  # raises when it is invalid, too slow or matches no tag
        elif isinstance(value, str):
            problem = tag_problem(value)
            if problem:
                raise ValueError(problem)
        elif value is not None and not KIWI_TAGS.issuperset(value):
            raise ValueError("; ".join(p for p in map(tag_problem, value) if p))
        return value

    @model_validator(mode="after")
    def _group(self) -> Spec:
        if self.any is not None:
            if any(v is not None for v in (self.form, self.lemma, self.tag, self.name)):
                raise ValueError("a group ('any') takes no form, lemma, tag or name: put them on its specs")
            if self.op not in (None, "?"):
                raise ValueError("a group ('any') takes only op '?'")
            if not self.any or not all(self.any):
                raise ValueError("'any' needs one or more non-empty spec lists")
        return self


def count_expansions(specs: list[Spec], cap: int = MAX_ALTERNATIVES) -> int:
    """How many plain sequences `expand_groups` would build, counted without building them (stops past cap)."""
    total = 1
    for spec in specs:
        if spec.any is None:
            continue
        options = int(spec.op == "?")
        for alternative in spec.any:
            options += count_expansions(alternative, cap)
            if options > cap:
                return cap + 1
        total *= options
        if total > cap:
            return cap + 1
    return total


def expand_groups(specs: list[Spec]) -> list[list[Spec]]:
    """Every plain spec sequence a pattern with `any` groups stands for (the cross product, in order).
    The count is checked first: nested groups must not build a huge list before the cap is seen."""
    if count_expansions(specs) > MAX_ALTERNATIVES:
        raise ValueError(f"'any' groups expand to more than {MAX_ALTERNATIVES} patterns; split the rule")
    sequences: list[list[Spec]] = [[]]
    for spec in specs:
        if spec.any is None:
            options = [[spec]]
        else:
            options = [seq for alternative in spec.any for seq in expand_groups(alternative)]
            if spec.op == "?":
                options.append([])
        sequences = [head + tail for head in sequences for tail in options]
        if len(sequences) > MAX_ALTERNATIVES:
            raise ValueError(f"'any' groups expand to more than {MAX_ALTERNATIVES} patterns; split the rule")
    return sequences


class Matcher(_Strict):
    """Either plain Korean (`phrase`, compiled through Kiwi: every spacing and conjugation matches) or specs."""

    phrase: str | None = None
    pattern: list[Spec] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Matcher:
        if (self.phrase is None) == (self.pattern is None):
            raise ValueError("give exactly one of 'phrase' or 'pattern'")
        if self.pattern is not None and not self.pattern:
            raise ValueError("'pattern' needs at least one spec")
        if self.pattern is not None and count_expansions(self.pattern) > MAX_ALTERNATIVES:
            raise ValueError(f"'any' groups expand to more than {MAX_ALTERNATIVES} patterns; split the rule")
        if self.phrase is not None and not self.phrase.strip():
            raise ValueError("'phrase' is empty")
        return self


ByLevel = dict[SpeechLevel, str]


class Condition(_Strict):
    """Where a rule (or one suggestion) applies, read from the sentence layer (sentences.py).

    `act`/`not_act` test the sentence's act; `subject`/`not_subject` and `relation` the clause where the match
    starts; `alternative` whether something that can be done follows the negative (아론슨 order); `predicate` the
    class of the negated predicate. All given
    fields must hold. A Config setting `acts_as_refusal` makes those acts count as refusal here.
    """

    act: list[Act] | None = None
    not_act: list[Act] | None = None
    subject: list[SubjectClass] | None = None
    not_subject: list[SubjectClass] | None = None
    relation: list[Relation] | None = None
    not_relation: list[Relation] | None = None
    """The match's clause must not lead into the next one this way: not_relation [condition] keeps an apology
    off a hypothetical ('케이블이 파손된 경우 …')."""
    alternative: bool | None = None
    predicate: list[PredicateClass] | None = None
    """The class of the sentence's negated predicate (knowledge, contact, attempt, action, experience): the next
    step a rewrite offers depends on it (알 수 없습니다 -> 확인되는 대로 연락드리기)."""
    not_predicate: list[PredicateClass] | None = None
    """The sentence's negated predicate must not be of these classes: not_predicate [experience] keeps a refusal
    rule off the customer's own hardship told back to them (택배를 못 받으셨다니, 이용하지 못하셔서)."""

    @model_validator(mode="after")
    def _something(self) -> Condition:
        values = [self.act, self.not_act, self.subject, self.not_subject, self.relation, self.not_relation,
                  self.predicate, self.not_predicate]
        if all(v is None for v in values) and self.alternative is None:
            raise ValueError(
                "an empty condition: give act, not_act, subject, not_subject, relation, not_relation, predicate, "
                "not_predicate or alternative"
            )
        if any(v is not None and not v for v in values):
            raise ValueError("a condition's list is empty")
        for positive, negative, name in ((self.act, self.not_act, "act"), (self.subject, self.not_subject, "subject"),
                                         (self.relation, self.not_relation, "relation"),
                                         (self.predicate, self.not_predicate, "predicate")):
            if positive and negative and set(positive) & set(negative):
                raise ValueError(f"{sorted(set(positive) & set(negative))} both in {name} and not_{name}")
        return self


class Edit(_Strict):
    """Morpheme edits on the flagged words, re-conjugated by Kiwi: drop captures, or swap them.

    A swap value is a dictionary word (받다) or explicit morphemes joined by + (이/VCP+에요/EF).
    """

    drop: list[str] = Field(default_factory=list)
    swap: dict[str, str] = Field(default_factory=dict)


class Suggest(_Strict):
    """A rewrite of the match (or of `target`, a capture): literal text by speech level, or morpheme edits.

    `replace` rewrites the whole 어절 of the match (or of `target`), particles included: to change one
    morpheme and keep the rest of its word (and its particle), use `edit` instead.
    `replace` may use `{capture}` placeholders and `{placeholder}` text the agent must fill in (kept as is).
    `prefix` adds words before the sentence (a cushion phrase), `append` adds a sentence after it.
    """

    replace: str | ByLevel | None = None
    edit: Edit | None = None
    split: bool = False
    """Cut the sentence in two at the clause ending nearest its middle (-고, -는데, -지만 …), closing the
    first half in the sentence's speech level and opening the second with a linking word (그런데, 하지만 …)."""
    prefix: str | ByLevel | None = None
    append: str | ByLevel | None = None
    target: str | None = None
    when: str | None = None
    """Offer it only when this capture took part in the match (an optional step that was present)."""
    final_punct: str | None = None
    """Set the sentence's closing punctuation when the rewrite reaches its end: '?' for a request."""
    at_end: bool = False
    """Offer it only when the target is the sentence's last word (an ending replaced by a full clause)."""
    sentence: Condition | None = None
    """Offer it only in sentences that meet this condition (e.g. {act: [refusal]})."""
    applicability: Applicability = "unsafe"
    description: str = ""
    inputs: dict[str, Annotated[str, Field(min_length=1)]] = Field(default_factory=dict)
    """Korean prompts for the slots the agent fills ({대안}: "대신 해 드릴 수 있는 일").

    Common slots have defaults (rewrite.DEFAULT_PROMPTS); a number slot's prompt names its unit ({N}분)."""

    @model_validator(mode="after")
    def _has_action(self) -> Suggest:
        actions = [self.replace, self.edit, self.prefix, self.append]
        if sum(a is not None for a in actions) == 0 and not self.split:
            raise ValueError("give one of 'replace', 'edit', 'prefix', 'append' or 'split'")
        if self.split and any(a is not None for a in actions):
            raise ValueError("'split' stands alone")
        if self.replace is not None and self.edit is not None:
            raise ValueError("'replace' and 'edit' cannot be combined")
        return self


class Example(_Strict):
    """`bad` marks each expected span with [[...]]; `fix` is the text after safe fixes; `good` stays silent."""

    bad: str | None = None
    good: str | None = None
    fix: str | None = None
    unsafe_fix: str | None = None

    @model_validator(mode="after")
    def _bad_or_good(self) -> Example:
        if (self.bad is None) == (self.good is None):
            raise ValueError("give exactly one of 'bad' or 'good'")
        if self.good is not None and (self.fix is not None or self.unsafe_fix is not None):
            raise ValueError("'fix' belongs to a 'bad' example")
        if self.bad is not None and "[[" not in self.bad:
            raise ValueError("a 'bad' example marks the flagged span with [[...]]")
        return self


class _RuleBase(_Strict):
    id: Annotated[str, Field(pattern=_ID)]
    category: Category
    severity: Severity
    message: Annotated[str, Field(min_length=1)]
    why: Annotated[str, Field(min_length=1)]
    suggest: list[Suggest] = Field(default_factory=list)
    examples: list[Example]
    levels: list[SpeechLevel] | None = None
    """Only sentences of these speech levels are checked (None: all)."""
    when: Condition | None = None
    """Only where the sentence layer says so: act, subject class, relation, alternative (see Condition)."""


class PatternRule(_RuleBase):
    kind: Literal["pattern"]
    match: Annotated[list[Matcher], Field(min_length=1)]
    unless: list[Matcher] = Field(default_factory=list)
    written: list[Annotated[str, Field(min_length=1)]] | None = None
    """Only when the flagged words, as written, contain one of these strings: for spelling slips that Kiwi
    reads as the intended morphemes (됬 is analysed as 되+었, exactly like 됐)."""
    flag: str | None = None
    """Capture whose span is reported (default: the whole match)."""


LexiconStrategy = Literal["substitute", "gloss", "keep"]
LexiconRisk = Literal["low", "meaning", "homonym", "name"]
_GLOSSABLE = ("noun", "expression")


class LexiconEntry(_Strict):
    """A word to avoid, with what to do about it and how sure the rewrite can be.

    `strategy`: substitute (`replace` lists the plain words), gloss (keep the word the customer must find as
    written and add `replace[0]` after it in brackets: SKU(상품 번호)), or keep (flag it, offer no rewrite).
    `risk`: low (one sense in a reply, the plain word means the same), meaning (the plain word is close but
    not the same), homonym (the word has another sense: 차주 borrower / next week), name (it is often part
    of a product, app or menu name). Only a low-risk entry's rewrite is safe; an explicit
    `applicability: safe` on any other risk is rejected.
    `context` / `not_context`: sense guards, words (any conjugation, as in `word`) that must / must not
    occur in the same sentence for the entry to apply.
    """

    word: Annotated[str, Field(min_length=1)]
    pos: Literal["noun", "verb", "adjective", "adverb", "determiner", "expression"]
    replace: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    strategy: LexiconStrategy = "substitute"
    risk: LexiconRisk = "low"
    context: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    not_context: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    applicability: Applicability = "safe"
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> LexiconEntry:
        if self.strategy == "substitute" and not self.replace:
            raise ValueError("strategy 'substitute' needs at least one word in 'replace'")
        if self.strategy == "gloss":
            if len(self.replace) != 1:
                raise ValueError("strategy 'gloss' needs exactly one explanation in 'replace'")
            if self.pos not in _GLOSSABLE:
                raise ValueError(f"strategy 'gloss' is for pos {' or '.join(_GLOSSABLE)}, not {self.pos!r}")
        if self.strategy == "keep" and self.replace:
            raise ValueError("strategy 'keep' offers no rewrite: leave 'replace' empty")
        if self.risk != "low" and self.applicability == "safe" and "applicability" in self.model_fields_set:
            raise ValueError(f"risk {self.risk!r} never gets a safe rewrite: drop 'applicability: safe'")
        if self.risk == "homonym" and not (self.context or self.not_context):
            raise ValueError("risk 'homonym' needs a sense guard: 'context' or 'not_context' words")
        both = sorted(set(self.context) & set(self.not_context))
        if both:
            raise ValueError(f"{', '.join(both)} in both 'context' and 'not_context'")
        return self

    @property
    def safe(self) -> bool:
        """Its rewrite keeps the meaning wherever the entry applies (the sense guards have passed)."""
        return self.applicability == "safe" and self.risk == "low" and self.strategy != "keep"


class LexiconRule(_RuleBase):
    kind: Literal["lexicon"]
    entries: Annotated[list[LexiconEntry], Field(min_length=1)]
    unless: list[Matcher] = Field(default_factory=list)


class MetricRule(_RuleBase):
    kind: Literal["metric"]
    measure: str
    max: float
    params: dict[str, list[str] | str | float | int] = Field(default_factory=dict)


class RequireRule(_RuleBase):
    kind: Literal["require"]
    trigger: Annotated[list[Matcher], Field(min_length=1)]
    needs: Annotated[list[Matcher], Field(min_length=1)]
    unless: list[Matcher] = Field(default_factory=list)
    scope: Literal["sentence", "nearby", "reply"] = "reply"
    """Where a `needs` match excuses a trigger: its own sentence, that sentence and its neighbours (a number
    given in the next sentence answers a vague '곧'), or anywhere in the reply (then one finding per reply)."""
    flag: str | None = None


Rule = Annotated[PatternRule | LexiconRule | MetricRule | RequireRule, Field(discriminator="kind")]
RULE: TypeAdapter[Rule] = TypeAdapter(Rule)  # one validator for a single rule, shared by packs and the cache


class Pack(_Strict):
    pack: Annotated[str, Field(pattern=_ID)]
    description: Annotated[str, Field(min_length=1)]
    version: int = 1
    rules: Annotated[list[Rule], Field(min_length=1)]


def pack_json_schema() -> dict:
    """JSON Schema of a pack file, for editor validation (yaml-language-server and friends)."""
    schema = Pack.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cs_coach rule pack"
    return schema


if __name__ == "__main__":  # python -m cs_coach.schema > src/cs_coach/pack.schema.json
    import json

    print(json.dumps(pack_json_schema(), ensure_ascii=False, indent=2))
