"""Behaviour cases per category (see core.py for the template language); `all_cases()` is the whole suite."""

from __future__ import annotations

from . import (
    alternative,
    blame,
    clean,
    cushion,
    easy,
    empathy,
    honorific,
    policy,
    positive,
    request,
    short,
    simple,
    tone,
)
from .core import Case

MODULES = {m.__name__.rsplit(".", 1)[-1]: m for m in (positive, short, easy, simple, honorific, request, tone, policy,
                                                       blame, empathy, cushion, alternative)}
CATEGORIES = tuple(MODULES)


def all_cases() -> list[Case]:
    """Every case, deduplicated by id (the same text can be produced by two templates), in a stable order."""
    seen: dict[str, Case] = {}
    for module in MODULES.values():
        for case in module.cases():
            seen.setdefault(case.id, case)
    for case in clean.cases(CATEGORIES):
        seen.setdefault(case.id, case)
    return list(seen.values())
