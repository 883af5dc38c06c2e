"""Zendesk macro exports: one reply per comment action; HTML comments are masked so offsets stay exact."""

from __future__ import annotations

from typing import Any

from .locate import LineIndex, locate_json_string
from .markup import mask_html
from .model import Document, Record


def macros_in(tree: Any) -> list[Any] | None:
    """The macros of an export ({"macros": [...]}, {"macro": {...}} or a bare array of macros), else None."""
    macros = tree.get("macros") if isinstance(tree, dict) else None
    if isinstance(tree, dict) and isinstance(tree.get("macro"), dict):
        macros = [tree["macro"]]
    if isinstance(tree, list) and tree and all(isinstance(m, dict) and "actions" in m for m in tree):
        macros = tree  # a bare array of macros, as some export tools write it
    return macros if isinstance(macros, list) else None


def load_zendesk(doc: Document, macros: list[Any]) -> None:
    """Zendesk macros: {"macros": [{"id", "title", "actions": [{"field": "comment_value[_html]", "value"}]}]}."""
    lines = LineIndex(doc.content)
    cursor = 0
    for number, macro in enumerate(macros, start=1):
        if not isinstance(macro, dict):
            continue
        for action in macro.get("actions") or []:
            if not isinstance(action, dict) or action.get("field") not in ("comment_value", "comment_value_html"):
                continue
            value = action.get("value")
            holder: Any = action
            key: Any = "value"
            if isinstance(value, list):  # older exports: ["channel:all", "text"]
                strings = [i for i, v in enumerate(value) if isinstance(v, str)]
                if not strings:
                    continue
                holder, key = value, strings[-1]
                value = value[key]
            if not isinstance(value, str) or not value.strip():
                continue
            html = action["field"] == "comment_value_html"
            text = mask_html(value) if html else value
            key_name = "value" if holder is action else None
            offset, cursor, line, span = locate_json_string(doc.content, value, cursor, lines, key=key_name)
            column = lines.position(offset)[1] if offset is not None else 1
            doc._spans.append(span)
            title = str(macro.get("title", "")).strip()
            rid = f"macro {macro.get('id', number)}" + (f" ({title})" if title else "")
            layout = value if html else None
            doc.records.append(Record(text, doc.name, line, rid, column, offset, len(doc.records), layout=layout))
            doc._raw.append(layout)

            def setter(new: str, holder: Any = holder, key: Any = key) -> None:
                holder[key] = new

            doc._setters.append(setter)
    if doc._raw and all(r is None for r in doc._raw):
        doc._raw = []
