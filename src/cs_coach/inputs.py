"""Reading reply libraries into records: one reply each, with where it came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class InputError(ValueError):
    """A file that cannot be read as replies: missing, undecodable, or without the named column."""


@dataclass(frozen=True)
class Record:
    """One reply. `line` is 1-based where the reply starts in its file; `id` names it for reports."""

    text: str
    source: str
    line: int = 1
    id: str = ""


def paragraphs(text: str, source: str) -> Iterator[Record]:
    """One reply per blank-line-separated paragraph, with its starting line."""
    pos = 0
    number = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            line = text.count("\n", 0, pos + lead) + 1
            number += 1
            yield Record(chunk.strip(), source, line, f"{source}#{number}")
        if match:
            pos = match.end()


def read_text_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def read_path(path: Path) -> Iterator[Record]:
    """Replies from a file or, recursively, a folder of .txt/.md files."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.suffix.lower() in {".txt", ".md"} and child.is_file():
                yield from read_path(child)
        return
    yield from paragraphs(read_text_file(path), str(path))
