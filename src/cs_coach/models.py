"""Output models: what a check returns. Plain data, JSON-serializable, with a published JSON Schema."""

from __future__ import annotations

from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Category = Literal[
    "positive",
    "short",
    "easy",
    "simple",
    "honorific",
    "request",
    "tone",
    "policy",
    "blame",
    "empathy",
    "cushion",
    "alternative",
    "spelling",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

SpeechLevel = Literal["hapsyo", "haeyo", "banmal", "mixed", "none"]
# The sentence layer's vocabulary (sentences.py computes it; rules' `when:` names it).
Act = Literal[
    "refusal", "bad_news", "limitation", "consequence", "prohibition", "instruction", "request",
    "apology", "thanks", "question", "greeting", "closing", "promise", "statement",
]
Relation = Literal["contrast", "condition", "cause", "sequence"]
SubjectClass = Literal["person", "customer", "agent", "thing", "product", "third_party"]
# What the negated predicate of a negative sentence is about: knowing or confirming (알 수 없다, 확인이 어렵다),
# getting in touch (통화가 어렵다), an attempt the agent can make again (연결, 조회, 결제), or any other action.
PredicateClass = Literal["knowledge", "contact", "attempt", "action", "experience"]
Applicability = Literal["safe", "unsafe"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SlotInput(_Frozen):
    """Something only the agent knows (the real alternative, the reason, a number), asked for in Korean."""

    name: str
    prompt: str


class Suggestion(_Frozen):
    """One rewrite of `original[start:end]`. `safe` keeps the meaning; `unsafe` changes it (opt-in).

    With `inputs`, the replacement is a template: each `{name}` is filled with what the agent supplies
    (`Coach.fix(..., inputs={name: text})`); fix never applies it without them.
    """

    replacement: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    applicability: Applicability
    description: str = ""
    inputs: list[SlotInput] = Field(default_factory=list)


class Finding(_Frozen):
    """One problem, located by Python str offsets into the exact input."""

    rule_id: str
    pack: str
    category: Category
    severity: Severity
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    message: str
    suggestions: list[Suggestion] = Field(default_factory=list)
    also: list[str] = Field(default_factory=list)
    """Other rules that flagged the same problem span (one finding per span; the primary is this rule)."""


class ClauseInfo(_Frozen):
    """A clause: its span, its relation to the next clause, and the subject of its predicate."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    relation: Relation | None = None
    subject: str | None = None
    subject_class: SubjectClass
    negative: bool = False


class SpanInfo(_Frozen):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SentenceInfo(_Frozen):
    """What a sentence does (act), its clauses and the spans that are not the agent's own words."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    act: Act
    clauses: list[ClauseInfo]
    quoted: list[SpanInfo] = Field(default_factory=list)
    alternative: bool = False
    """Something that can be done follows the sentence's negative (in it or in the next sentence)."""


class Scores(_Frozen):
    """0–100 per category and overall, higher is better: a contact-center QA scorecard.

    Each category is a scorecard item worth some of the 100 points (positive 12; request, tone, blame 10;
    honorific, policy, empathy, alternative 8; cushion 6; short, easy, simple, spelling 5). A finding
    deducts a share of its item's points by severity (error 1.0, warning 0.5, info 0.2), and an item
    never loses more than its points. ``overall`` = 100 − all deductions; a category's score is its
    item's remaining share × 100. One warning in `positive` scores 94, three warnings in three
    categories about 84 (`cs_coach.scoring` has the formula and the weights).
    """

    overall: int = Field(ge=0, le=100)
    categories: dict[str, int]


class Report(_Frozen):
    """The result of checking one reply.

    `error` is set (and `findings` empty) when `check_many` met an item it could not check, so that one bad
    item never aborts a stream: the message says why (a lone surrogate and its position, a text too long,
    not a str). `check` raises the same problem as an exception instead.
    """

    text: str
    findings: list[Finding]
    speech_level: SpeechLevel
    scores: Scores
    sentences: list[SentenceInfo] = Field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.findings and self.error is None

    def by_category(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.category, []).append(finding)
        return grouped


class FixResult(_Frozen):
    """The text after applying suggestions, what was applied, and what is still there."""

    text: str
    applied: list[Suggestion]
    remaining: list[Finding]
    iterations: int = 0


_set = object.__setattr__
_M = TypeVar("_M", bound=BaseModel)


def trusted(cls: type[_M], values: dict[str, object]) -> _M:
    """A model from values the engine made itself, every field given and already valid, without validation.

    Why not `model_construct`: it re-walks the fields for defaults and costs more than validating (measured
    ~22 µs vs ~5 µs here for a ClauseInfo), and every sentence of every report builds a few of these. The
    result is the same object pydantic builds (tests compare them); `values` must name every field.
    """
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def json_schemas() -> dict[str, dict]:
    """The JSON Schemas of every public output model, for clients in other languages."""
    models = (Report, Finding, Suggestion, SlotInput, FixResult, SentenceInfo)
    return {model.__name__: model.model_json_schema() for model in models}
