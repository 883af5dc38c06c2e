"""Find and load rule packs (built-in and user files) into a RuleSet, through the disk cache.

Every problem a pack can have is found here, at load time, and reported all at once with file, rule
and field: a RuleSet that loads never fails during a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from . import cache
from .compiler import CompiledRule, RuleSet, compile_phrase, compile_rule
from .schema import Pack
from .validate import PackError, Problem

__all__ = ["CompiledRule", "PackError", "Problem", "RuleSet", "UnknownNameError", "builtin_packs", "compile_phrase",
           "load_packs", "resolve_pack_paths"]


class UnknownNameError(KeyError):
    """An unknown pack, rule or category name; the message lists what exists."""

    def __init__(self, kind: str, name: str, available: Iterable[str]) -> None:
        self.name = name
        self.available = sorted(available)
        super().__init__(f"unknown {kind} {name!r}; available: {', '.join(self.available)}")

    def __str__(self) -> str:
        return str(self.args[0])


def builtin_dir() -> Path:
    """Built-in packs: inside the installed package, or the repository's top-level rules/ in a checkout."""
    packaged = resources.files("cs_coach") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_packs() -> dict[str, Path]:
    return {path.stem: path for path in sorted(builtin_dir().glob("*.yaml"))}


def resolve_pack_paths(names: Iterable[str | Path] | None) -> list[Path]:
    available = builtin_packs()
    if names is None:
        return list(available.values())
    paths: list[Path] = []
    for name in names:
        text = str(name)
        if text in available:
            paths.append(available[text])
        elif text.endswith((".yaml", ".yml")) or Path(text).exists():
            paths.append(Path(text))
        else:
            raise UnknownNameError("pack", text, available)
    return paths


def load_packs(paths: Sequence[Path], use_cache: bool = True) -> RuleSet:
    """Validate and compile the packs, all problems at once; a pack set compiled before comes from the
    disk cache (cache.py), which skips YAML, validation and Kiwi."""
    contents = {path: _read_bytes(path) for path in paths}
    key = None
    if use_cache and all(isinstance(c, bytes) for c in contents.values()):
        key = cache.fingerprint((str(path), contents[path]) for path in paths)  # type: ignore[misc]
        cached = cache.load(key, RuleSet)
        if cached is not None:
            return cached
    ruleset = _compile_packs(paths, contents)
    if key is not None:
        cache.store(key, ruleset)
    return ruleset


def _read_bytes(path: Path) -> bytes | OSError:
    try:
        return path.read_bytes()
    except OSError as exc:
        return exc


def _compile_packs(paths: Sequence[Path], contents: dict[Path, bytes | OSError]) -> RuleSet:
    problems: list[Problem] = []
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    for path in paths:
        pack = _read_pack(path, contents[path], problems)
        if pack is None:
            continue
        for rule in pack.rules:
            where = str(path)
            if rule.id in seen:
                problems.append(Problem(where, rule.id, "id", f"duplicate rule id (also in {seen[rule.id]})"))
                continue
            seen[rule.id] = where
            result = compile_rule(rule, pack.pack, where, problems)
            if result is not None:
                compiled.append(result)
    if problems:
        raise PackError(problems)
    return RuleSet(compiled)


def _yaml_load(text: str) -> object:
    """libyaml when available (10x faster); on an error, the pure-Python parser words the message.
    PyYAML is imported here: a warm start (packs from the disk cache) never needs it."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def _read_pack(path: Path, content: bytes | OSError, problems: list[Problem]) -> Pack | None:
    import yaml

    where = str(path)
    try:
        if isinstance(content, OSError):
            raise content
        data = _yaml_load(content.decode("utf-8"))
    except FileNotFoundError:
        problems.append(Problem(where, "", "", "file not found"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(where, "", "", f"cannot read: {exc}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(where, "", "", f"invalid YAML: {exc}".replace("\n", " ")))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(where, "", "", "a pack is a mapping with 'pack', 'description' and 'rules'"))
        return None
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        rules = data.get("rules") if isinstance(data.get("rules"), list) else []
        for error in exc.errors():
            loc = list(error["loc"])
            rule_id = ""
            if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
                raw = rules[loc[1]] if loc[1] < len(rules) else None
                rule_id = str(raw.get("id", f"#{loc[1]}")) if isinstance(raw, dict) else f"#{loc[1]}"
                loc = loc[2:]
                if loc and loc[0] in ("pattern", "lexicon", "metric", "require"):
                    loc = loc[1:]  # the discriminator's branch name says nothing to a pack author
            problems.append(Problem(where, rule_id, ".".join(map(str, loc)), error["msg"]))
        return None


