"""CSV and TSV files: one row per reply, the reply in one column, optional id and ignore columns.

Rows are located by the csv reader's own record boundaries: the reader is fed the file one physical line
at a time (``\\n``, ``\\r\\n`` and a bare ``\\r`` all end a line, as they do for the reader), and the characters
it consumed before returning a row are that row's extent. Counting lines separately disagreed with the
reader on ``\\r`` inside quoted cells and duplicated rows on ``--write``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .locate import LineIndex
from .model import HANGUL, IGNORE_NAMES, TEXT_NAMES, Document, InputError, Options, Record
from .suppress import split_names


def read_rows(content: str, delimiter: str) -> tuple[list[list[str]], list[tuple[int, int]]]:
    """Every row with the span of its raw text in `content` (line terminator excluded)."""
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for line in io.StringIO(content, newline=""):
            consumed += len(line)
            yield line

    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for row in csv.reader(lines(), delimiter=delimiter):
        rows.append(row)
        spans.append((start, _without_terminator(content, start, consumed)))
        start = consumed
    return rows, spans


def _without_terminator(content: str, lo: int, hi: int) -> int:
    """The end of a row's raw text before its one line terminator (\\r\\n, \\r or \\n)."""
    if hi - lo >= 2 and content[hi - 2 : hi] == "\r\n":
        return hi - 2
    if hi > lo and content[hi - 1] in "\r\n":
        return hi - 1
    return hi


def cell_offset(content: str, lo: int, hi: int, column: int, value: str, delimiter: str) -> int | None:
    """Offset of cell `column` of the row at content[lo:hi] when its value is written there verbatim.

    None when the raw cell differs from its value (doubled quotes, text after a closing quote): then the
    row is re-encoded instead of spliced.
    """
    pos = lo
    for index in range(column + 1):
        if pos > hi:
            return None
        if pos < hi and content[pos] == '"':
            close = pos + 1
            while True:
                close = content.find('"', close, hi)
                if close == -1:
                    return None
                if close + 1 < hi and content[close + 1] == '"':
                    close += 2
                    continue
                break
            start, end, after = pos + 1, close, close + 1
        else:
            after = content.find(delimiter, pos, hi)
            after = hi if after == -1 else after
            start, end = pos, after
        if index == column:
            return start if content[start:end] == value and (after == hi or content[after] == delimiter) else None
        if after < hi and content[after] != delimiter:
            return None
        pos = after + 1
    return None


def load_csv(doc: Document, options: Options, delimiter: str) -> None:
    """Records for every row with text in the reply column, each located where the csv reader found it."""
    doc._csv_delimiter = delimiter
    try:
        rows, spans = read_rows(doc.content, delimiter)
    except csv.Error as exc:
        raise InputError(f"{doc.name}: not valid CSV: {exc}") from exc
    doc._csv_rows = rows
    if not rows:
        return
    header = rows[0]
    body = list(enumerate(rows[1:], start=1))
    column = _pick(header, options.column, [r for _, r in body[:200]], doc.name, "column", "--column")
    col = header.index(column)
    doc._csv_column = col
    id_col = _optional(header, options.id_column, doc.name, "--id-column")
    ignore_col = _optional(header, options.ignore_column, doc.name, "--ignore-column")
    lines = LineIndex(doc.content, universal=True)
    for number, row in body:
        if col >= len(row) or not row[col].strip():
            continue
        text = row[col]
        lo, hi = spans[number]
        offset = cell_offset(doc.content, lo, hi, col, text, delimiter)
        line, column_no = lines.position(offset if offset is not None else lo)
        if offset is None:
            column_no = 1
        rid = row[id_col] if id_col is not None and id_col < len(row) and row[id_col] else f"row {number + 1}"
        ignore = split_names(row[ignore_col]) if ignore_col is not None and ignore_col < len(row) else frozenset()

        def setter(value: str, row: list[str] = row, col: int = col) -> None:
            row[col] = value

        doc.records.append(Record(text, doc.name, line, rid, column_no, offset, len(doc.records), ignore))
        doc._setters.append(setter)
        doc._row_numbers.append(number)
        doc._spans.append((lo, hi, False))


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
    korean = [h for i, h in enumerate(header) if any(i < len(r) and HANGUL.search(r[i]) for r in rows)]
    if len(korean) == 1:
        return korean[0]
    raise InputError(
        f"{name}: cannot tell which {what} holds the replies ({', '.join(header)}); name it with {flag} NAME"
    )


def _optional(header: list[str], wanted: str | None, name: str, flag: str) -> int | None:
    """Index of the id or ignore column: the one named, else a conventional name, else None."""
    if wanted is None:
        lowered = [h.strip().lower() for h in header]
        defaults = ("id",) if flag == "--id-column" else IGNORE_NAMES
        return next((lowered.index(name) for name in defaults if name in lowered), None)
    if wanted not in header:
        raise InputError(f"{name}: no column {wanted!r} ({flag}); columns: {', '.join(header)}")
    return header.index(wanted)
