"""CSV and TSV files: one row per reply, the reply in one column, optional id and ignore columns."""

from __future__ import annotations

import csv
import io

from .locate import LineIndex
from .model import HANGUL, IGNORE_NAMES, TEXT_NAMES, Document, InputError, Options, Record
from .suppress import split_names


def load_csv(doc: Document, options: Options, delimiter: str) -> None:
    """Records for every row with text in the reply column, located by the row's physical lines."""
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
    starts = _row_lines(doc.content, delimiter)
    body = list(enumerate(rows[1:], start=1))
    column = _pick(header, options.column, [r for _, r in body[:200]], doc.name, "column", "--column")
    col = header.index(column)
    doc._csv_column = col
    id_col = _optional(header, options.id_column, doc.name, "--id-column")
    ignore_col = _optional(header, options.ignore_column, doc.name, "--ignore-column")
    lines = LineIndex(doc.content)
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
        ignore = split_names(row[ignore_col]) if ignore_col is not None and ignore_col < len(row) else frozenset()

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


def _row_lines(content: str, delimiter: str) -> list[tuple[int, int]]:
    """First and last physical line (1-based) of every row, header included."""
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    spans = []
    previous = 0
    for _ in reader:
        spans.append((previous + 1, reader.line_num))
        previous = reader.line_num
    return spans


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
