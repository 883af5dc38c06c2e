"""Find and load rule packs (built-in and user files) into a RuleSet, through the disk cache.

Every problem a pack can have is found here, at load time, and reported all at once with file, rule
and field: a RuleSet that loads never fails during a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from . import cache, packyaml
from .compiler import CompiledRule, RuleSet, compile_phrase, compile_rule
from .packyaml import Document
from .schema import RULE, Pack, Rule
from .schema_errors import problems_from_errors
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
        cached = cache.load(key)
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
        where = str(path)
        document = _read_document(where, contents[path], problems)
        if document is None:
            continue
        pack_name, rules = _validate(where, document, problems)
        for index, rule in rules:
            if rule.id in seen:
                problems.append(_located(Problem(where, rule.id, "id", f"duplicate rule id (also in {seen[rule.id]})"),
                                         document, ("rules", index)))
                continue
            seen[rule.id] = where
            start = len(problems)
            result = compile_rule(rule, pack_name, where, problems)
            problems[start:] = [_located(p, document, ("rules", index)) for p in problems[start:]]
            if result is not None:
                compiled.append(result)
    if problems:
        raise PackError(problems)
    return RuleSet(compiled)


def _located(problem: Problem, document: Document, prefix: tuple[str | int, ...]) -> Problem:
    """The problem with the line:column of its field (rules.3 + match.0.pattern) in the file."""
    path = [*prefix, *(int(p) if p.isdigit() else p for p in problem.field.split(".") if p)]
    position = document.locate(path)
    return problem if position is None else replace(problem, line=position[0], column=position[1])


def _read_document(where: str, content: bytes | OSError, problems: list[Problem]) -> Document | None:
    import yaml

    try:
        if isinstance(content, OSError):
            raise content
        return packyaml.load(content)
    except FileNotFoundError:
        problems.append(Problem(where, "", "", "file not found"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(where, "", "", f"cannot read: {exc}"))
    except packyaml.LimitError as exc:
        rule, field = _rule_and_field(exc.path, exc.root)
        rule = exc.rule_id or rule
        problems.append(Problem(where, rule, field, f"refused: {exc}", exc.line, exc.column))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        problems.append(Problem(where, "", "", f"invalid YAML: {exc}".replace("\n", " "), line, column))
    return None


def _rule_and_field(path: Sequence[str | int], root: object) -> tuple[str, str]:
    """A YAML path (rules, 3, match, 0 ...) as the rule (its id when the file could be composed, else #3)
    and the field inside it, the way every other problem names them."""
    if len(path) < 2 or path[0] != "rules" or not isinstance(path[1], int):
        return "", ".".join(map(str, path))
    rule = f"#{path[1]}"
    rules = _mapping_value(root, "rules")
    items = getattr(rules, "value", None)
    if isinstance(items, list) and path[1] < len(items):
        rule_id = _mapping_value(items[path[1]], "id")
        if isinstance(getattr(rule_id, "value", None), str):
            rule = rule_id.value  # type: ignore[union-attr]
    return rule, ".".join(map(str, path[2:]))


def _mapping_value(node: object, key: str) -> object:
    pairs = getattr(node, "value", None)
    if not isinstance(pairs, list):
        return None
    return next((v for k, v in pairs if isinstance(k, object) and getattr(k, "value", None) == key), None)


def _validate(where: str, document: Document, problems: list[Problem]) -> tuple[str, list[tuple[int, Rule]]]:
    """The pack's name and its valid rules (with their index in the file). Schema errors of some rules do
    not hide the other rules: those are still returned, so their compile problems are reported too."""
    data = document.data
    if not isinstance(data, dict):
        problems.append(Problem(where, "", "", "a pack is a mapping with 'pack', 'description' and 'rules'", 1, 1))
        return "", []
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from_errors(where, document, exc.errors()))
    else:
        return pack.pack, list(enumerate(pack.rules))
    valid: list[tuple[int, Rule]] = []
    raw_rules = data.get("rules")
    for index, raw in enumerate(raw_rules if isinstance(raw_rules, list) else []):
        try:
            valid.append((index, RULE.validate_python(raw)))
        except ValidationError:
            continue  # already reported through the whole pack's errors
    return str(data.get("pack", "")), valid
