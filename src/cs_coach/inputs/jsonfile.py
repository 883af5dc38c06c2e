"""JSON Lines and JSON files: one record per line or per array item, the reply in one (dotted-path) field.

A JSON file that holds Zendesk macros is handed to the Zendesk reader unless --field names a field.
"""

from __future__ import annotations

import json
from typing import Any

from .jsonpath import ignore_field, lookup, pick_field, record_id, setter_for
from .locate import LineIndex, jsonl_lines, locate_json_string
from .model import Document, InputError, Options, Record
from .zendesk import load_zendesk, macros_in


def load_jsonl(doc: Document, options: Options) -> None:
    """One object per line; each value is looked for only within its own line."""
    doc._tree = []
    lines = jsonl_lines(doc.content)
    objects = []
    line_index = LineIndex(doc.content)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            doc._tree.append(None)
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{doc.name}:{number}: not valid JSON: {exc.msg}") from exc
        doc._tree.append(obj)
        objects.append((number, obj))
    path = pick_field(options.column, [o for _, o in objects[:200]], doc.name)
    for number, obj in objects:
        value = lookup(obj, path)
        if not isinstance(value, str) or not value.strip():
            continue
        base = line_index.start_of(number)
        offset, _, _, span = locate_json_string(
            doc.content, value, base, line_index, key=path.rsplit(".", 1)[-1], hi=base + len(lines[number - 1])
        )
        line, column = line_index.position(offset) if offset is not None else (number, 1)
        doc._spans.append(span)
        doc.records.append(
            Record(value, doc.name, line, record_id(obj, options.id_column, f"line {number}"), column, offset,
                   len(doc.records), ignore_field(obj, options.ignore_column))
        )
        doc._setters.append(setter_for(obj, path))


def load_json(doc: Document, options: Options) -> None:
    """An array of objects (or an object holding one such array); values are found in file order."""
    try:
        tree = json.loads(doc.content)
    except json.JSONDecodeError as exc:
        raise InputError(f"{doc.name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    doc._tree = tree
    macros = macros_in(tree)
    if macros is not None and options.column is None:
        doc.kind = "zendesk"
        load_zendesk(doc, macros)
        return
    items = _json_items(tree, doc.name)
    path = pick_field(options.column, items[:200], doc.name)
    lines = LineIndex(doc.content)
    cursor = 0
    for number, obj in enumerate(items, start=1):
        value = lookup(obj, path)
        if not isinstance(value, str) or not value.strip():
            continue
        offset, cursor, line, span = locate_json_string(doc.content, value, cursor, lines, key=path.rsplit(".", 1)[-1])
        column = lines.position(offset)[1] if offset is not None else 1
        doc._spans.append(span)
        doc.records.append(
            Record(value, doc.name, line, record_id(obj, options.id_column, f"item {number}"), column, offset,
                   len(doc.records), ignore_field(obj, options.ignore_column))
        )
        doc._setters.append(setter_for(obj, path))


def _json_items(tree: Any, name: str) -> list[Any]:
    """The records: the array itself, the only array of objects in an object, or the object alone."""
    if isinstance(tree, list):
        return tree
    if isinstance(tree, dict):
        lists = [v for v in tree.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
        if len(lists) == 1:
            return lists[0]
        return [tree]
    raise InputError(f"{name}: expected a JSON array or object of replies")
