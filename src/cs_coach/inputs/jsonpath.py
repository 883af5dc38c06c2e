"""Dotted paths into JSON records (`message.body`, `items.0.text`): reading, setting, and choosing the reply field."""

from __future__ import annotations

from typing import Any

from .model import HANGUL, ID_NAMES, IGNORE_NAMES, TEXT_NAMES, InputError
from .suppress import split_names

MISSING = object()
"""What `lookup` returns when the path does not exist (None is a valid JSON value)."""


def lookup(obj: Any, path: str) -> Any:
    """The value at a dotted path; list items by (possibly negative) index; MISSING when absent."""
    for part in path.split("."):
        if isinstance(obj, dict) and part in obj:
            obj = obj[part]
        elif isinstance(obj, list) and part.lstrip("-").isdigit() and -len(obj) <= int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return MISSING
    return obj


def setter_for(obj: Any, path: str) -> Any:
    """A function that puts a new string at the dotted path (for re-serializing a fixed record)."""
    *parents, last = path.split(".")
    holder = obj
    for part in parents:
        holder = holder[int(part)] if isinstance(holder, list) else holder[part]
    key: Any = int(last) if isinstance(holder, list) else last

    def set_value(value: str) -> None:
        holder[key] = value

    return set_value


def pick_field(wanted: str | None, objects: list[Any], name: str) -> str:
    """The reply field: the one named, else reply/text/content/body, else the only field with Korean text."""
    if wanted is not None:
        if objects and all(lookup(o, wanted) is MISSING for o in objects):
            raise InputError(f"{name}: no field {wanted!r} in any record; fields: {', '.join(field_paths(objects))}")
        return wanted
    fields = field_paths(objects)
    lowered = {f.lower(): f for f in fields}
    for candidate in TEXT_NAMES:
        if candidate in lowered:
            return lowered[candidate]
    korean = [f for f in fields if any(isinstance(v := lookup(o, f), str) and HANGUL.search(v) for o in objects)]
    if len(korean) == 1:
        return korean[0]
    raise InputError(
        f"{name}: cannot tell which field holds the replies ({', '.join(fields) or 'no fields'}); "
        "name it with --field PATH (dotted, e.g. message.body)"
    )


def field_paths(objects: list[Any]) -> list[str]:
    """Dotted paths of string leaves, in first-seen order."""
    seen: dict[str, None] = {}

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, f"{prefix}{key}.")
        elif isinstance(value, str):
            seen.setdefault(prefix[:-1], None)

    for obj in objects:
        walk(obj, "")
    return list(seen)


def record_id(obj: Any, id_field: str | None, fallback: str) -> str:
    """The record's id from --id-field or a conventional field, else `fallback`."""
    for name in [id_field] if id_field else ID_NAMES[:3]:
        value = lookup(obj, name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
            return str(value)
    return fallback


def ignore_field(obj: Any, name: str | None) -> frozenset[str]:
    """Rules the record's ignore field lists (a list, or a comma/space separated string)."""
    if name:
        value = lookup(obj, name)
    else:
        value = next((obj[n] for n in IGNORE_NAMES if isinstance(obj, dict) and n in obj), None)
    if isinstance(value, list):
        return frozenset(str(v).strip() for v in value if str(v).strip())
    return split_names(value) if isinstance(value, str) else frozenset()
