"""HTML in Zendesk macros: masked to same-length text for checking, and fixes mapped back onto the markup."""

from __future__ import annotations

import difflib
import re

_HTML_TAG = re.compile(r"<[^<>]*>|&[a-zA-Z]+;|&#[0-9]+;|&#x[0-9a-fA-F]+;")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote)\b", re.I)


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


def unmask(raw: str, masked: str, fixed: str) -> str | None:
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
