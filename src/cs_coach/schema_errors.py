"""Pydantic's errors on a pack, as Problems a pack author can act on: rule id, field path, line:column and
a "did you mean" for a misspelt key."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .packyaml import Document
from .schema import Pack
from .validate import Problem

_RULE_KINDS = ("pattern", "lexicon", "metric", "require")


def problems_from_errors(where: str, document: Document, errors: Iterable[ErrorDetails]) -> list[Problem]:
    data = document.data if isinstance(document.data, dict) else {}
    rules = data.get("rules") if isinstance(data.get("rules"), list) else []
    out = []
    for error in errors:
        raw_loc = list(error["loc"])
        loc = raw_loc
        rule_id = ""
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            raw = rules[loc[1]] if loc[1] < len(rules) else None
            rule_id = str(raw.get("id", f"#{loc[1]}")) if isinstance(raw, dict) else f"#{loc[1]}"
            loc = loc[2:]
            if loc and loc[0] in _RULE_KINDS:
                loc = loc[1:]  # the discriminator's branch name says nothing to a pack author
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden" and raw_loc:
            message = _unknown_key_message(str(raw_loc[-1]), _allowed_keys(raw_loc[:-1]))
        position = document.locate(raw_loc)
        line, column = position if position else (None, None)
        out.append(Problem(where, rule_id, ".".join(map(str, loc)), message, line, column))
    return out


def _unknown_key_message(key: str, allowed: Sequence[str]) -> str:
    if not allowed:
        return f"unknown field {key!r}"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field {key!r}; did you mean {close[0]!r}?"
    return f"unknown field {key!r}; allowed: {', '.join(allowed)}"


def _allowed_keys(loc: Sequence[str | int]) -> list[str]:
    """Field names of the model that `loc` (a pydantic location inside a Pack) points into."""
    current: Any = Pack
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current, None)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any, part: str | int | None) -> Any:
    """Strip Annotated and Optional; pick a union member by pydantic's branch name when `part` is one."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(members) == 1:
                tp = members[0]
                continue
            return members
        return tp


def _branch_name(tp: Any) -> set[str]:
    names = {getattr(tp, "__name__", ""), str(tp).replace("typing.", "")}
    if isinstance(tp, type) and issubclass(tp, BaseModel) and "kind" in tp.model_fields:
        names.update(str(a) for a in typing.get_args(tp.model_fields["kind"].annotation))
    return names


def _step(tp: Any, part: str | int) -> Any:
    tp = _unwrap(tp, part)
    if isinstance(tp, list):  # a union: pydantic names the branch in the location
        return next((member for member in tp if str(part) in _branch_name(member)), None)
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(str(part))
        return None if field is None else field.annotation
    if origin is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict:
        return typing.get_args(tp)[1]
    return None
