"""Reading reply libraries into records, and writing fixed replies back.

Formats: .txt/.md (one reply per blank-line-separated paragraph), .csv/.tsv (one column), .jsonl/.json (one
field, dotted path), and Zendesk macro exports (the comment action of each macro). Every record knows where
its text sits in the file: when the text appears verbatim there (`offset`), a finding's str offsets map to
exact file lines and columns and a fix is spliced in place; otherwise the record's line is reported and a fix
re-serializes the record. Nothing here knows about rules or findings.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import difflib
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
TEXT_NAMES = ("reply", "text", "content", "body")
ID_NAMES = ("id", "key", "macro_id", "name", "title")
IGNORE_NAMES = ("cs_coach_ignore", "cs-coach-ignore")
SUFFIXES = {".txt": "text", ".md": "text", ".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".json": "json"}
_MARKER = re.compile(r"cs-coach:\s*ignore\b[ \t]*([A-Za-z0-9_,\- \t]*)")
_RULE_NAME = re.compile(r"^(\*|[A-Za-z0-9][A-Za-z0-9_-]*)$")
_HTML_TAG = re.compile(r"<[^<>]*>|&[a-zA-Z]+;|&#[0-9]+;|&#x[0-9a-fA-F]+;")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote)\b", re.I)


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
        newlines = before.count("\n")
        if not newlines:
            return self.line, self.column + offset
        return self.line + newlines, offset - before.rfind("\n")


@dataclass
class Options:
    """How to read tabular and JSON inputs; None means detect."""

    column: str | None = None
    id_column: str | None = None
    ignore_column: str | None = None
    encoding: str = "utf-8"


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
        return raw is None or _unmask(raw, self.records[index].text, new) is not None

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
                new_raw = _unmask(raw, record.text, new)
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
        if self.kind == "csv":
            assert self._csv_rows is not None
            row = list(self._csv_rows[self._row_numbers[index]])
            row[self._csv_column] = new
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=self._csv_delimiter, lineterminator="").writerow(row)
            return buffer.getvalue()
        return json.dumps(new, ensure_ascii=ascii_only)

    def _splice_safe(self, offset: int, new: str) -> bool:
        if self.kind == "text":
            return True
        if self.kind == "csv":
            quoted = offset > 0 and self.content[offset - 1] == '"'
            specials = '"' if quoted else f'"\r\n{self._csv_delimiter}'
            return not any(ch in new for ch in specials)
        return json.dumps(new, ensure_ascii=False)[1:-1] == new

    def _rebuild(self, changed: Mapping[int, str]) -> str:
        for i, new in changed.items():
            raw = self._raw[i] if self._raw else None
            if raw is not None:
                unmasked = _unmask(raw, self.records[i].text, new)
                if unmasked is None:
                    raise InputError(f"{self.name}: record {self.records[i].id}: a fix would cut through HTML markup")
                new = unmasked
            self._setters[i](new)
        if self.kind == "csv":
            assert self._csv_rows is not None
            buffer = io.StringIO()
            newline = "\r\n" if "\r\n" in self.content else "\n"
            csv.writer(buffer, delimiter=self._csv_delimiter, lineterminator=newline).writerows(self._csv_rows)
            return buffer.getvalue()
        if self.kind == "jsonl":
            lines = self.content.splitlines(keepends=True)
            for i in changed:
                number = self.records[i].line - 1
                ending = lines[number][len(lines[number].rstrip("\r\n")) :]
                lines[number] = json.dumps(self._tree[number], ensure_ascii=False) + ending
            return "".join(lines)
        indent = 2 if "\n" in self.content.strip() else None
        return json.dumps(self._tree, ensure_ascii=False, indent=indent) + ("\n" if self.content.endswith("\n") else "")


# -- reading --------------------------------------------------------------------------------------------
def read_text(path: Path, encoding: str = "utf-8") -> tuple[str, bool]:
    """Exact file content (no newline translation, so offsets and \\r\\n survive) and whether it had a BOM."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    bom = data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("_", "-") in {"utf-8", "utf8", "utf-8-sig"}
    try:
        text = data.decode("utf-8-sig" if bom else encoding)
    except UnicodeDecodeError as exc:
        hint = " (Korean Excel files are often cp949: try --encoding cp949)" if encoding.startswith("utf") else ""
        raise InputError(f"{path}: not {encoding} text ({exc.reason} at byte {exc.start}){hint}") from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    return text, bom


def paragraphs(text: str, source: str) -> Iterator[Record]:
    """One reply per blank-line-separated paragraph, located exactly in `text`."""
    lines = _LineIndex(text)
    pos = 0
    number = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            offset = pos + (len(chunk) - len(chunk.lstrip()))
            line, column = lines.position(offset)
            yield Record(stripped, source, line, f"#{number + 1}", column, offset, number)
            number += 1
        if match:
            pos = match.end()


def expand(paths: Sequence[Path]) -> Iterator[tuple[Path, bool]]:
    """Files to read: given files as they are, folders searched for supported files (flagged as found)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in SUFFIXES:
                    yield child, True
        else:
            yield path, False


def load(path: Path, options: Options | None = None) -> Document:
    """Read one file into a Document; the format comes from the suffix (unknown suffixes read as text)."""
    options = options or Options()
    content, bom = read_text(path, options.encoding)
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    doc = Document(path, kind, content, bom)
    if kind == "text":
        records = paragraphs(content, str(path))
        markdown = path.suffix.lower() == ".md"
        doc.records = [r for r in records if not (markdown and _markdown_furniture(r.text))]
        doc.records = [dataclasses.replace(r, index=i) for i, r in enumerate(doc.records)]
    elif kind == "csv":
        _load_csv(doc, options, "\t" if path.suffix.lower() == ".tsv" else ",")
    elif kind == "jsonl":
        _load_jsonl(doc, options)
    else:
        _load_json(doc, options)
    _apply_ignore_markers(doc)
    return doc


def _markdown_furniture(paragraph: str) -> bool:
    """Headings, code fences, rules and lone comments in .md files are not replies."""
    head = paragraph.lstrip()
    return head.startswith(("#", "```", "~~~", "---", "***")) or (head.startswith("<!--") and head.endswith("-->"))


def from_stdin(text: str) -> Document:
    doc = Document(Path("<stdin>"), "text", text)
    doc.records = list(paragraphs(text, "<stdin>"))
    _apply_ignore_markers(doc)
    return doc


def from_text(text: str, name: str) -> Document:
    """One reply given as a string (the whole string, blank lines included)."""
    doc = Document(Path(name), "text", text)
    if text.strip():
        doc.records = [Record(text, name, 1, "#1", 1, 0, 0)]
    _apply_ignore_markers(doc)
    return doc


def _load_csv(doc: Document, options: Options, delimiter: str) -> None:
    doc._csv_delimiter = delimiter
    try:
        reader = csv.reader(io.StringIO(doc.content, newline=""), delimiter=delimiter)
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"{doc.name}: not valid CSV: {exc}") from exc
    doc._csv_rows = rows
    if not rows:
        return
    header = rows[0]
    # Line where each row starts: re-read counting physical lines, since quoted cells may span lines.
    starts = _csv_row_lines(doc.content, delimiter)
    body = list(enumerate(rows[1:], start=1))
    column = _pick(header, options.column, [r for _, r in body[:200]], doc.name, "column", "--column")
    col = header.index(column)
    doc._csv_column = col
    id_col = _optional(header, options.id_column, doc.name, "--id-column")
    ignore_col = _optional(header, options.ignore_column, doc.name, "--ignore-column")
    lines = _LineIndex(doc.content)
    for number, row in body:
        if col >= len(row) or not row[col].strip():
            continue
        text = row[col]
        first, last = starts[number]
        lo, hi = lines.start_of(first), lines.start_of(last + 1)
        found = _find_cell(doc.content, text, lo, hi, delimiter)
        offset = found if found != -1 else None
        line, column_no = lines.position(found) if found != -1 else (first, 1)
        rid = row[id_col] if id_col is not None and id_col < len(row) and row[id_col] else f"row {number + 1}"
        ignore = _names(row[ignore_col]) if ignore_col is not None and ignore_col < len(row) else frozenset()

        def setter(value: str, row: list[str] = row, col: int = col) -> None:
            row[col] = value

        doc.records.append(Record(text, doc.name, line, rid, column_no, offset, len(doc.records), ignore))
        doc._setters.append(setter)
        doc._row_numbers.append(number)
        row_text = doc.content[lo:hi]
        doc._spans.append((lo, lo + len(row_text.rstrip("\r\n")), False))


def _find_cell(content: str, text: str, lo: int, hi: int, delimiter: str) -> int:
    """Offset of a cell written verbatim between `lo` and `hi`, bounded by delimiters, quotes or line ends."""
    before, after = {delimiter, '"', "\n"}, {delimiter, '"', "\r", "\n"}
    found = content.find(text, lo, hi)
    while found != -1:
        end = found + len(text)
        if (found == lo or content[found - 1] in before) and (end >= len(content) or content[end] in after):
            return found
        found = content.find(text, found + 1, hi)
    return -1


def _csv_row_lines(content: str, delimiter: str) -> list[tuple[int, int]]:
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    spans = []
    previous = 0
    for _ in reader:
        spans.append((previous + 1, reader.line_num))
        previous = reader.line_num
    return spans


def _load_jsonl(doc: Document, options: Options) -> None:
    doc._tree = []
    lines = doc.content.splitlines(keepends=True)
    objects = []
    line_index = _LineIndex(doc.content)
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
    path = _pick_field(options.column, [o for _, o in objects[:200]], doc.name)
    for number, obj in objects:
        value = _get(obj, path)
        if not isinstance(value, str) or not value.strip():
            continue
        base = line_index.start_of(number)
        offset, _, _, span = _locate_json_string(
            doc.content, value, base, line_index, key=path.rsplit(".", 1)[-1], hi=base + len(lines[number - 1])
        )
        line, column = line_index.position(offset) if offset is not None else (number, 1)
        doc._spans.append(span)
        doc.records.append(
            Record(value, doc.name, line, _record_id(obj, options.id_column, f"line {number}"), column, offset,
                   len(doc.records), _ignore_field(obj, options.ignore_column))
        )
        doc._setters.append(_setter(obj, path))


def _load_json(doc: Document, options: Options) -> None:
    try:
        tree = json.loads(doc.content)
    except json.JSONDecodeError as exc:
        raise InputError(f"{doc.name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    doc._tree = tree
    macros = tree.get("macros") if isinstance(tree, dict) else None
    if isinstance(tree, dict) and isinstance(tree.get("macro"), dict):
        macros = [tree["macro"]]
    if isinstance(tree, list) and tree and all(isinstance(m, dict) and "actions" in m for m in tree):
        macros = tree  # a bare array of macros, as some export tools write it
    if isinstance(macros, list) and options.column is None:
        doc.kind = "zendesk"
        _load_zendesk(doc, macros)
        return
    items = _json_items(tree, doc.name)
    path = _pick_field(options.column, items[:200], doc.name)
    lines = _LineIndex(doc.content)
    cursor = 0
    for number, obj in enumerate(items, start=1):
        value = _get(obj, path)
        if not isinstance(value, str) or not value.strip():
            continue
        offset, cursor, line, span = _locate_json_string(doc.content, value, cursor, lines, key=path.rsplit(".", 1)[-1])
        column = lines.position(offset)[1] if offset is not None else 1
        doc._spans.append(span)
        doc.records.append(
            Record(value, doc.name, line, _record_id(obj, options.id_column, f"item {number}"), column, offset,
                   len(doc.records), _ignore_field(obj, options.ignore_column))
        )
        doc._setters.append(_setter(obj, path))


def _load_zendesk(doc: Document, macros: list[Any]) -> None:
    """Zendesk macros: {"macros": [{"id", "title", "actions": [{"field": "comment_value[_html]", "value"}]}]}."""
    lines = _LineIndex(doc.content)
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
            offset, cursor, line, span = _locate_json_string(doc.content, value, cursor, lines, key=key_name)
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


def mask_html(html: str) -> str:
    """HTML with tags and entities blanked out, same length: offsets into it are offsets into the markup.

    Block tags become a newline (so paragraphs split into sentences); inline tags and entities become spaces.
    """

    def blank(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("&"):
            return " " * len(token)
        return ("\n" + " " * (len(token) - 1)) if _BLOCK_TAG.match(token) else " " * len(token)

    return _HTML_TAG.sub(blank, html)


def _unmask(raw: str, masked: str, fixed: str) -> str | None:
    """Apply the changes from `masked` to `fixed` onto `raw`; None when a change touches markup."""
    out, pos = [], 0
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, masked, fixed, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if raw[a0:a1] != masked[a0:a1]:
            return None
        out.append(raw[pos:a0])
        out.append(fixed[b0:b1])
        pos = a1
    out.append(raw[pos:])
    return "".join(out)


# -- helpers ----------------------------------------------------------------------------------------------
class _LineIndex:
    """Line starts of a text, for offset -> (line, column) and line -> offset."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def start_of(self, line: int) -> int:
        return self.starts[line - 1] if line - 1 < len(self.starts) else self.length


def _pick(header: list[str], wanted: str | None, rows: list[list[str]], name: str, what: str, flag: str) -> str:
    """The text column: the one named, else reply/text/content/body, else the only column with Korean text."""
    if wanted is not None:
        if wanted not in header:
            raise InputError(f"{name}: no {what} {wanted!r}; {what}s: {', '.join(header)}")
        return wanted
    lowered = {h.strip().lower(): h for h in header}
    for candidate in TEXT_NAMES:
        if candidate in lowered:
            return lowered[candidate]
    korean = [h for i, h in enumerate(header) if any(i < len(r) and _HANGUL.search(r[i]) for r in rows)]
    if len(korean) == 1:
        return korean[0]
    raise InputError(
        f"{name}: cannot tell which {what} holds the replies ({', '.join(header)}); name it with {flag} NAME"
    )


def _optional(header: list[str], wanted: str | None, name: str, flag: str) -> int | None:
    if wanted is None:
        lowered = [h.strip().lower() for h in header]
        defaults = ("id",) if flag == "--id-column" else IGNORE_NAMES
        return next((lowered.index(name) for name in defaults if name in lowered), None)
    if wanted not in header:
        raise InputError(f"{name}: no column {wanted!r} ({flag}); columns: {', '.join(header)}")
    return header.index(wanted)


def _pick_field(wanted: str | None, objects: list[Any], name: str) -> str:
    if wanted is not None:
        if objects and all(_get(o, wanted) is _MISSING for o in objects):
            raise InputError(f"{name}: no field {wanted!r} in any record; fields: {', '.join(_fields(objects))}")
        return wanted
    fields = _fields(objects)
    lowered = {f.lower(): f for f in fields}
    for candidate in TEXT_NAMES:
        if candidate in lowered:
            return lowered[candidate]
    korean = [f for f in fields if any(isinstance(v := _get(o, f), str) and _HANGUL.search(v) for o in objects)]
    if len(korean) == 1:
        return korean[0]
    raise InputError(
        f"{name}: cannot tell which field holds the replies ({', '.join(fields) or 'no fields'}); "
        "name it with --field PATH (dotted, e.g. message.body)"
    )


def _fields(objects: list[Any]) -> list[str]:
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


_MISSING = object()


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(obj, dict) and part in obj:
            obj = obj[part]
        elif isinstance(obj, list) and part.lstrip("-").isdigit() and -len(obj) <= int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return _MISSING
    return obj


def _setter(obj: Any, path: str) -> Any:
    *parents, last = path.split(".")
    holder = obj
    for part in parents:
        holder = holder[int(part)] if isinstance(holder, list) else holder[part]
    key: Any = int(last) if isinstance(holder, list) else last

    def set_value(value: str) -> None:
        holder[key] = value

    return set_value


def _json_items(tree: Any, name: str) -> list[Any]:
    if isinstance(tree, list):
        return tree
    if isinstance(tree, dict):
        lists = [v for v in tree.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
        if len(lists) == 1:
            return lists[0]
        return [tree]
    raise InputError(f"{name}: expected a JSON array or object of replies")


def _record_id(obj: Any, id_field: str | None, fallback: str) -> str:
    for name in [id_field] if id_field else ID_NAMES[:3]:
        value = _get(obj, name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
            return str(value)
    return fallback


def _ignore_field(obj: Any, name: str | None) -> frozenset[str]:
    if name:
        value = _get(obj, name)
    else:
        value = next((obj[n] for n in IGNORE_NAMES if isinstance(obj, dict) and n in obj), None)
    if isinstance(value, list):
        return frozenset(str(v).strip() for v in value if str(v).strip())
    return _names(value) if isinstance(value, str) else frozenset()


def _names(value: str) -> frozenset[str]:
    return frozenset(n.strip() for n in re.split(r"[,\s]+", value) if n.strip())


def _locate_json_string(
    content: str, value: str, cursor: int, lines: _LineIndex, key: str | None = None, hi: int | None = None
) -> tuple[int | None, int, int, tuple[int, int, bool] | None]:
    """Find the next JSON string literal holding `value` (after `"key":` when the key is known).

    Returns the verbatim offset of the value (None when the literal has escapes), the new search cursor, the
    line of the literal, and the literal's span with whether it was written ASCII-only (\\uXXXX escapes).
    """
    hi = len(content) if hi is None else hi
    for encoded in dict.fromkeys((json.dumps(value, ensure_ascii=False), json.dumps(value))):
        if key is not None and not key.lstrip("-").isdigit():
            pattern = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:\s*" + re.escape(encoded))
            match = pattern.search(content, cursor, hi)
            found = match.end() - len(encoded) if match else -1
        else:
            found = content.find(encoded, cursor, hi)
        if found != -1:
            exact = found + 1 if encoded[1:-1] == value else None
            ascii_only = encoded != json.dumps(value, ensure_ascii=False)
            end = found + len(encoded)
            return exact, end, lines.position(found)[0], (found, end, ascii_only)
    return None, cursor, lines.position(min(cursor, len(content)))[0] if content else 1, None


def ignore_markers(text: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """Rules named by `cs-coach: ignore RULE[,RULE]` markers in a reply ("*" when none is named), and their spans."""
    names: set[str] = set()
    spans = []
    for match in _MARKER.finditer(text):
        listed = frozenset(n for n in _names(match.group(1)) if _RULE_NAME.match(n))
        names |= listed or {"*"}
        spans.append((match.start(), match.end()))
    return frozenset(names), spans


def _apply_ignore_markers(doc: Document) -> None:
    for i, record in enumerate(doc.records):
        names, _ = ignore_markers(record.text)
        if names:
            doc.records[i] = dataclasses.replace(record, ignore=record.ignore | names)
