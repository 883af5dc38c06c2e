"""Plain replies: .txt/.md files and stdin (one reply per blank-line-separated paragraph), and --text strings."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from .locate import LineIndex
from .model import Document, Record
from .suppress import apply_ignore_markers

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")


def paragraphs(text: str, source: str) -> Iterator[Record]:
    """One reply per blank-line-separated paragraph, located exactly in `text`."""
    lines = LineIndex(text)
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


def load_text(doc: Document) -> None:
    """Paragraphs of a .txt/.md file; in Markdown, headings and other furniture are skipped."""
    records = paragraphs(doc.content, str(doc.path))
    markdown = doc.path.suffix.lower() == ".md"
    doc.records = [r for r in records if not (markdown and _markdown_furniture(r.text))]
    doc.records = [dataclasses.replace(r, index=i) for i, r in enumerate(doc.records)]


def _markdown_furniture(paragraph: str) -> bool:
    """Headings, code fences, rules and lone comments in .md files are not replies."""
    head = paragraph.lstrip()
    return head.startswith(("#", "```", "~~~", "---", "***")) or (head.startswith("<!--") and head.endswith("-->"))


def from_stdin(text: str) -> Document:
    """Replies piped in: paragraphs, like a .txt file."""
    doc = Document(Path("<stdin>"), "text", text)
    doc.records = list(paragraphs(text, "<stdin>"))
    apply_ignore_markers(doc)
    return doc


def from_text(text: str, name: str) -> Document:
    """One reply given as a string (the whole string, blank lines included)."""
    doc = Document(Path(name), "text", text)
    if text.strip():
        doc.records = [Record(text, name, 1, "#1", 1, 0, 0)]
    apply_ignore_markers(doc)
    return doc
