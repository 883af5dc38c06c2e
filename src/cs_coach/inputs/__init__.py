"""Reading reply libraries into records, and writing fixed replies back.

Formats: .txt/.md (one reply per blank-line-separated paragraph), .csv/.tsv (one column), .jsonl/.json (one
field, dotted path), and Zendesk macro exports (the comment action of each macro). Every record knows where
its text sits in the file: when the text appears verbatim there (`offset`), a finding's str offsets map to
exact file lines and columns and a fix is spliced in place; otherwise the record's line is reported and a fix
re-serializes the record. Only `suppress` knows about findings; nothing here knows about rules.

Modules: `model` (Record, Document and its write-back), `files` (decoding, folders, `load`, `gather`), `text`,
`table`, `jsonfile` + `jsonpath`, `zendesk` + `markup` (the readers), `locate` (offsets to lines and columns),
`suppress` (ignore markers and columns), `writing` (atomic file writes).
"""

from __future__ import annotations

from .files import SUFFIXES, expand, gather, load, read_text
from .markup import mask_html
from .model import ID_NAMES, IGNORE_NAMES, TEXT_NAMES, Document, InputError, Options, Record
from .suppress import IGNORE_ALL, ignore_markers, suppress
from .text import from_stdin, from_text, paragraphs
from .writing import WriteError, write_atomic

__all__ = [
    "ID_NAMES",
    "IGNORE_ALL",
    "IGNORE_NAMES",
    "SUFFIXES",
    "TEXT_NAMES",
    "Document",
    "InputError",
    "Options",
    "Record",
    "WriteError",
    "expand",
    "from_stdin",
    "from_text",
    "gather",
    "ignore_markers",
    "load",
    "mask_html",
    "paragraphs",
    "read_text",
    "suppress",
    "write_atomic",
]
