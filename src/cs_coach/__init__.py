"""cs_coach: coach Korean customer-service replies.

    import cs_coach
    report = cs_coach.check("환불은 규정상 안 됩니다.")
    fixed = cs_coach.fix("커피 나오셨습니다.")
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from .config import Config
from .engine import Coach
from .models import CATEGORIES, Finding, FixResult, Report, Scores, SlotInput, Suggestion, json_schemas
from .packs import PackError, UnknownNameError

__all__ = [
    "CATEGORIES",
    "Coach",
    "Config",
    "Finding",
    "FixResult",
    "PackError",
    "Report",
    "Scores",
    "SlotInput",
    "Suggestion",
    "UnknownNameError",
    "check",
    "check_many",
    "default_coach",
    "fix",
    "json_schemas",
]
__version__ = "0.1.0"

_default: Coach | None = None
_default_lock = threading.Lock()


def default_coach() -> Coach:
    """The shared Coach with the built-in packs and default settings."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Coach()
    return _default


def check(text: str) -> Report:
    return default_coach().check(text)


def check_many(texts: Iterable[str]) -> Iterator[Report]:
    return default_coach().check_many(texts)


def fix(text: str, unsafe: bool = False, inputs: dict[str, str] | None = None) -> FixResult:
    return default_coach().fix(text, unsafe=unsafe, inputs=inputs)
