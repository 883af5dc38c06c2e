"""User settings: which packs and rules run, severities, thresholds. Read from TOML by `load_config`."""

from __future__ import annotations

import tomllib
from pathlib import Path

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
    fail_on: Severity = "warning"
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
    table = data.get("tool", {}).get("cs-coach", {}) if path.name == "pyproject.toml" else data
    table = {key.replace("-", "_"): value for key, value in table.items()}
    for key in ("packs", "extra_packs"):
        if isinstance(table.get(key), list):
            table[key] = [_relative(path.parent, str(p)) for p in table[key]]
    try:
        return Config.model_validate(table)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{path}: {problems}") from exc


def _relative(folder: Path, name: str) -> str:
    return str(folder / name) if name.endswith((".yaml", ".yml")) else name
