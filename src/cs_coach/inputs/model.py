"""The shapes every reader produces: a Record per reply, a Document per file, and the Document's write-back.

Write-back keeps untouched bytes as they were: a fix is spliced in place where the reply sits verbatim, else
only its CSV row or JSON string literal is re-encoded, and only as a last resort is the whole file rebuilt.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .locate import jsonl_lines
from .markup import unmask

# Names looked for when --column/--id-column/--ignore-column are not given.
TEXT_NAMES = ("reply", "text", "content", "body")
ID_NAMES = ("id", "key", "macro_id", "name", "title")
IGNORE_NAMES = ("cs_coach_ignore", "cs-coach-ignore")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LINE_BREAK = re.compile("\r\n|\r|\n")


class InputError(ValueError):
    """A file that cannot be read as replies: missing, undecodable, or without the named column or field."""


@dataclass(frozen=True)
class Record:
    """One reply and where it came from.

    `line`/`column` (1-based) locate the start of the reply in its file. `offset` is the str index of the
    reply's text in the file content when it appears there verbatim (then every offset inside the reply maps
    to an exact file position), else None. `ignore` holds rule ids/categories suppressed by an ignore column.
    """

    text: str
    source: str
    line: int = 1
    id: str = ""
    column: int = 1
    offset: int | None = None
    index: int = 0
    ignore: frozenset[str] = frozenset()
    layout: str | None = None
    """The text as written in the file when `text` differs but has the same length (masked HTML)."""

    @property
    def exact(self) -> bool:
        return self.offset is not None

    def position(self, offset: int) -> tuple[int, int]:
        """File line and column (1-based) of a str offset into the reply; the record's start when inexact."""
        if not self.exact:
            return self.line, self.column
        before = (self.layout or self.text)[:offset]
        breaks = list(_LINE_BREAK.finditer(before))
        if not breaks:
            return self.line, self.column + offset
        return self.line + len(breaks), offset - breaks[-1].end() + 1


@dataclass
class Options:
    """How to read tabular and JSON inputs; None means detect."""

    column: str | None = None
    id_column: str | None = None
    ignore_column: str | None = None
    encoding: str = "utf-8"
    max_chars: int = 20_000
    """Longest reply accepted (characters); a longer one is an InputError naming it."""


@dataclass
class Document:
    """One input file: its content, its records, and how to put fixed texts back."""

    path: Path
    kind: str  # text | csv | jsonl | json | zendesk
    content: str
    bom: bool = False
    records: list[Record] = field(default_factory=list)
    _setters: list[Any] = field(default_factory=list, repr=False)
    _raw: list[str | None] = field(default_factory=list, repr=False)
    _tree: Any = None
    _csv_rows: list[list[str]] | None = None
    _csv_delimiter: str = ","
    _csv_column: int = 0
    _row_numbers: list[int] = field(default_factory=list, repr=False)
    _spans: list[tuple[int, int, bool] | None] = field(default_factory=list, repr=False)
    """Per record: where its whole CSV row or JSON string literal sits in `content` (and whether it was ASCII-only)."""

    @property
    def name(self) -> str:
        return str(self.path)

    def can_write(self, index: int, new: str) -> bool:
        """Whether a fixed text can go back into the file (a fix of masked HTML must not touch the markup)."""
        raw = self._raw[index] if self._raw else None
        return raw is None or unmask(raw, self.records[index].text, new) is not None

    # -- writing back ---------------------------------------------------------------------------------
    def rewrite(self, fixed: Mapping[int, str]) -> str:
        """The file content with record `i`'s text replaced by `fixed[i]`; untouched bytes stay as they were."""
        changed = {i: t for i, t in fixed.items() if t != self.records[i].text}
        if not changed:
            return self.content
        edits: list[tuple[int, int, str]] = []
        for i, new in changed.items():
            record = self.records[i]
            raw = self._raw[i] if self._raw else None
            if raw is not None:  # masked HTML: map the fix back onto the raw markup
                new_raw = unmask(raw, record.text, new)
                if new_raw is None:
                    raise InputError(f"{self.name}: record {record.id}: a fix would cut through HTML markup")
                old, new = raw, new_raw
            else:
                old = record.text
            span = self._spans[i] if self._spans else None
            if record.offset is not None and self._splice_safe(record.offset, new):
                edits.append((record.offset, record.offset + len(old), new))
            elif span is not None:  # re-encode only this CSV row or this JSON string
                edits.append((span[0], span[1], self._encode(i, new, span[2])))
            else:
                return self._rebuild(changed)
        out, pos = [], 0
        for start, end, new in sorted(edits):
            out.append(self.content[pos:start])
            out.append(new)
            pos = end
        out.append(self.content[pos:])
        return "".join(out)

    def _encode(self, index: int, new: str, ascii_only: bool) -> str:
        """The record's CSV row or JSON string literal, re-encoded with the new text."""
        if self.kind == "csv":
            assert self._csv_rows is not None
            row = list(self._csv_rows[self._row_numbers[index]])
            row[self._csv_column] = new
            return encode_row(row, self._csv_delimiter)
        return json.dumps(new, ensure_ascii=ascii_only)

    def _splice_safe(self, offset: int, new: str) -> bool:
        """Whether the new text can replace the old verbatim without needing quotes or escapes."""
        if self.kind == "text":
            return True
        if self.kind == "csv":
            quoted = offset > 0 and self.content[offset - 1] == '"'
            specials = '"' if quoted else f'"\r\n{self._csv_delimiter}'
            return not any(ch in new for ch in specials)
        return json.dumps(new, ensure_ascii=False)[1:-1] == new

    def _rebuild(self, changed: Mapping[int, str]) -> str:
        """The whole file serialized again from the parsed rows or tree (JSONL: only the changed lines)."""
        for i, new in changed.items():
            raw = self._raw[i] if self._raw else None
            if raw is not None:
                unmasked = unmask(raw, self.records[i].text, new)
                if unmasked is None:
                    raise InputError(f"{self.name}: record {self.records[i].id}: a fix would cut through HTML markup")
                new = unmasked
            self._setters[i](new)
        if self.kind == "csv":
            assert self._csv_rows is not None
            newline = "\r\n" if "\r\n" in self.content else "\n"
            return "".join(encode_row(row, self._csv_delimiter) + newline for row in self._csv_rows)
        if self.kind == "jsonl":
            lines = jsonl_lines(self.content)
            for i in changed:
                number = self.records[i].line - 1
                ending = lines[number][len(lines[number].rstrip("\r\n")) :]
                lines[number] = json.dumps(self._tree[number], ensure_ascii=False) + ending
            return "".join(lines)
        indent = 2 if "\n" in self.content.strip() else None
        return json.dumps(self._tree, ensure_ascii=False, indent=indent) + ("\n" if self.content.endswith("\n") else "")


def encode_row(row: list[str], delimiter: str) -> str:
    """One CSV row without its line terminator; cells holding \r or \n are quoted.

    The csv writer quotes a line break only when it is part of its own lineterminator, so it writes with
    \r\n (both characters) and the terminator is cut off afterwards.
    """
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(row)
    return buffer.getvalue()[:-2]
