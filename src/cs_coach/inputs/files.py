"""Files to Documents: decoding with the right encoding, searching folders, and choosing a reader by suffix."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..engine import MAX_TEXT
from .jsonfile import load_json, load_jsonl
from .model import Document, InputError, Options
from .suppress import apply_ignore_markers
from .table import load_csv
from .text import from_stdin, from_text, load_text

SUFFIXES = {".txt": "text", ".md": "text", ".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".json": "json"}


SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".ods", ".numbers"}
OFFICE_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (xlsx, docx, ods) and OLE2 (xls, doc)
# C0 control characters that plain text does not contain (tab, newlines, form feed and ESC are allowed).
_CONTROL = frozenset(map(chr, range(32))) - set("\t\n\r\x0b\x0c\x1b")


def read_text(path: Path, encoding: str = "utf-8") -> tuple[str, bool]:
    """Exact file content (no newline translation, so offsets and \\r\\n survive) and whether it had a BOM.

    Spreadsheets and other binary files are refused with what to do instead, never read as text.
    """
    if path.suffix.lower() in SPREADSHEETS:
        raise InputError(f"{path}: a spreadsheet file cannot be read; save it as CSV (UTF-8) and check the .csv")
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    if data.startswith(OFFICE_MAGIC):
        raise InputError(f"{path}: an Office or zip file, not text; save the replies as CSV (UTF-8) and check that")
    bom = data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("_", "-") in {"utf-8", "utf8", "utf-8-sig"}
    try:
        text = data.decode("utf-8-sig" if bom else encoding)
    except UnicodeDecodeError as exc:
        hint = " (Korean Excel files are often cp949: try --encoding cp949)" if encoding.startswith("utf") else ""
        raise InputError(f"{path}: not {encoding} text ({exc.reason} at byte {exc.start}){hint}") from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    _refuse_binary(path, text)
    return text, bom


def _refuse_binary(path: Path, text: str) -> None:
    """A NUL, or control characters in more than 1 in 100 characters, means a binary file, not replies."""
    if "\x00" in text:
        raise InputError(f"{path}: not a text file (NUL character at position {text.index(chr(0))})")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls and controls * 100 > len(text):
        raise InputError(f"{path}: not a text file ({controls:,} control characters in {len(text):,})")


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
        load_text(doc)
    elif kind == "csv":
        load_csv(doc, options, "\t" if path.suffix.lower() == ".tsv" else ",")
    elif kind == "jsonl":
        load_jsonl(doc, options)
    else:
        load_json(doc, options)
    apply_ignore_markers(doc)
    return doc


def gather(paths: Sequence[str], texts: Sequence[str], options: Options, warn: Callable[[str], None]) -> list[Document]:
    """Every input read up front, so that a bad file stops the run (exit 2) before any output.

    `texts` come first, then `paths` in order ('-' is stdin; stdin when nothing is given). A file found in a
    folder that cannot be read is skipped with a warning; a file named directly is an error.
    """
    docs: list[Document] = []
    docs.extend(from_text(text, f"<text-{i + 1}>") for i, text in enumerate(texts))
    names = list(paths) or ([] if texts else ["-"])
    files: list[Path] = []
    for name in names:
        if name == "-":
            docs.append(from_stdin(sys.stdin.read()))
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or folder")
        for child, found in expand([path]):
            if child in files:
                continue
            files.append(child)
            try:
                docs.append(load(child, options))
            except InputError as exc:
                if not found:
                    raise
                warn(f"skipped {exc}")
    limit = min(options.max_chars, MAX_TEXT)
    for doc in docs:
        for record in doc.records:
            if len(record.text) > limit:
                where = f"{record.source}:{record.line} ({record.id})"
                raise InputError(
                    f"{where}: reply of {len(record.text):,} characters is longer than the limit of {limit:,}; "
                    "split it, or raise the limit with --max-chars or max-chars in cs-coach.toml"
                )
    if not any(doc.records for doc in docs):
        warn("no replies found in " + ", ".join(names or ["the given text"]))
    return docs
