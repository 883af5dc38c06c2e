"""HTML in Zendesk macros: masked to same-length text for checking, and fixes mapped back onto the markup."""

from __future__ import annotations

import difflib
import re
from html.parser import HTMLParser

_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "blockquote", "hr", "section", "article", "header", "footer", "pre", "dd", "dt"})
_HIDDEN = frozenset({"script", "style", "template"})  # their content is not reply text


class _Markup(HTMLParser):
    """Records where every tag, comment, declaration and hidden element sits, as the stdlib parser reads them
    (quoted attribute values may hold '>' or '<'; a regex over the raw text got those wrong).

    The parser's `parse_*` methods return where each construct ends; `getpos` is not precise enough.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.spans: list[tuple[int, int, bool]] = []  # (start, end, is a block break)
        self.base = 0  # rawdata is cut after feed(): offsets seen in close() are relative to what was left
        self._hidden: tuple[str, int] | None = None

    def parse_starttag(self, i: int) -> int:
        end = super().parse_starttag(i)
        if end > i:
            tag = (self.lasttag or "").lower()
            self.spans.append((self.base + i, self.base + end, tag in _BLOCK))
            if tag in _HIDDEN and self._hidden is None:
                self._hidden = (tag, self.base + end)
        return end

    def parse_endtag(self, i: int) -> int:
        end = super().parse_endtag(i)
        if end > i:
            tag = self.rawdata[i + 2 : end - 1].strip().split(None, 1)[0].lower() if end - i > 3 else ""
            if self._hidden is not None and tag == self._hidden[0]:
                self.spans.append((self._hidden[1], self.base + i, False))
                self._hidden = None
            self.spans.append((self.base + i, self.base + end, tag in _BLOCK))
        return end

    def _construct(self, method: str, i: int, *args: object) -> int:
        end = getattr(super(), method)(i, *args)
        if end > i:
            self.spans.append((self.base + i, self.base + end, False))
        return end

    def parse_comment(self, i: int, report: bool = True) -> int:
        return self._construct("parse_comment", i, report)

    def parse_bogus_comment(self, i: int, report: bool = True) -> int:
        return self._construct("parse_bogus_comment", i, report)

    def parse_html_declaration(self, i: int) -> int:
        return self._construct("parse_html_declaration", i)

    def parse_pi(self, i: int) -> int:
        return self._construct("parse_pi", i)


def mask_html(html: str) -> str:
    """HTML with tags, comments and entities blanked out, same length: offsets into it are offsets into the markup.

    Block tags become a newline (so paragraphs split into sentences); inline tags, comments and entities become
    spaces; the content of script and style elements is blanked too.
    """
    parser = _Markup()
    parser.feed(html)
    parser.base = len(html) - len(parser.rawdata)
    parser.close()
    chars = list(html)
    covered = [False] * len(html)
    for start, end, block in parser.spans:
        for k in range(start, min(end, len(html))):
            chars[k] = " " if not (block and k == start) else "\n"
            covered[k] = True
    for match in _ENTITY.finditer(html):
        if not any(covered[match.start() : match.end()]):
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


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
