"""Where a record sits in its file: str offsets to lines and columns, and JSON string literals in raw text."""

from __future__ import annotations

import bisect
import json
import re

_NEWLINE = re.compile("\n")
_ANY_NEWLINE = re.compile("\r\n|\r|\n")


class LineIndex:
    """Line starts of a text, for offset -> (line, column) and line -> offset.

    Lines end at \n; with `universal`, also at \r\n and a bare \r (as the csv reader counts them).
    """

    def __init__(self, text: str, universal: bool = False) -> None:
        pattern = _ANY_NEWLINE if universal else _NEWLINE
        self.starts = [0] + [m.end() for m in pattern.finditer(text)]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def start_of(self, line: int) -> int:
        return self.starts[line - 1] if line - 1 < len(self.starts) else self.length


def jsonl_lines(content: str) -> list[str]:
    """The lines of a JSON Lines file, each with its ending: split at \n only.

    Not str.splitlines(): that also splits at \x0b, \x0c, \x1c-\x1e, \x85, U+2028 and U+2029, which JSON
    allows unescaped inside a string, so one record would become two invalid lines.
    """
    return [m.group(0) for m in re.finditer("[^\n]*\n|[^\n]+$", content)]


def locate_json_string(
    content: str, value: str, cursor: int, lines: LineIndex, key: str | None = None, hi: int | None = None
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
