"""User settings: which packs and rules run, severities, thresholds. Read from TOML by `load_config`."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .models import Act, Severity

CONFIG_FILES = ("cs-coach.toml", "pyproject.toml")


class Config(BaseModel):
    """`select`/`ignore` take rule ids, pack names or categories; `thresholds` override a metric's `max`;
    `acts_as_refusal` opts other acts (limitation, consequence …) into the rules written for refusals."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    packs: list[str] | None = None
    extra_packs: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    fail_on: Literal["error", "warning", "info", "none"] = "warning"
    """Findings at or above this severity make `cs-coach check` exit 1; "none" never does."""
    max_chars: int = Field(default=20_000, ge=1, le=5_000_000)
    """Longest reply the CLI reads (characters); a longer one stops the run before any output."""
    acts_as_refusal: list[Act] = Field(default_factory=list)
    """Acts that rules' `when: {act: [refusal]}` also accept (e.g. ["limitation"] to coach limitations too)."""


class ConfigError(ValueError):
    pass


def find_config(start: Path) -> Path | None:
    """The nearest cs-coach.toml, or pyproject.toml with a [tool.cs-coach] table, from `start` upward."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "cs-coach" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


def load_config(path: Path) -> Config:
    """Read settings; pack paths in the file are taken relative to the file's folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    where = "[tool.cs-coach] " if path.name == "pyproject.toml" else ""
    table = data.get("tool", {}).get("cs-coach", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where or 'the file '}must be a table of settings")
    spelled = {key.replace("-", "_"): key for key in table}  # errors name keys as the file spells them
    table = {key.replace("-", "_"): value for key, value in table.items()}
    for key in ("packs", "extra_packs"):
        if isinstance(table.get(key), list):
            table[key] = [_relative(path.parent, str(p)) for p in table[key]]
    try:
        return Config.model_validate(table)
    except ValidationError as exc:
        problems = "; ".join(_problem(e, spelled) for e in exc.errors())
        raise ConfigError(f"{path}: {where}{problems}") from exc


def _problem(error: dict, spelled: dict[str, str]) -> str:
    """One validation error with the key as written in the file, and a suggestion for an unknown key."""
    loc = [str(part) for part in error["loc"]]
    if loc:
        loc[0] = spelled.get(loc[0], loc[0])
    name = ".".join(loc)
    if error["type"] == "extra_forbidden":
        keys = [k.replace("_", "-") for k in Config.model_fields]
        close = difflib.get_close_matches(loc[0].replace("_", "-"), keys, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; settings: {', '.join(keys)}"
        return f"{name}: unknown setting{hint}"
    return f"{name}: {error['msg']}"


def _relative(folder: Path, name: str) -> str:
    return str(folder / name) if name.endswith((".yaml", ".yml")) else name
