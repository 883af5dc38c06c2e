"""Kiwi's part-of-speech tags, as a pack may name them.

From Kiwi's documented tag set (Sejong-based, plus Kiwi's own). Since 0.12 Kiwi may add `-R`/`-I`
(regular/irregular conjugation) to VV, VA, VX and XSA; cs_coach strips them when it reads Kiwi's output
(analyze.py), so a pack names the stripped tag and a suffixed one is an error that says so.
"""

from __future__ import annotations

import difflib

KIWI_TAGS: frozenset[str] = frozenset((
    "NNG", "NNP", "NNB", "NR", "NP",  # 체언
    "VV", "VA", "VX", "VCP", "VCN",  # 용언
    "MM", "MAG", "MAJ", "IC",  # 관형사, 부사, 감탄사
    "JKS", "JKC", "JKG", "JKO", "JKB", "JKV", "JKQ", "JX", "JC",  # 조사
    "EP", "EF", "EC", "ETN", "ETM",  # 어미
    "XPN", "XSN", "XSV", "XSA", "XSM", "XR",  # 접두사, 접미사, 어근
    "SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SB", "SL", "SH", "SN", "UN",  # 부호, 외국어, 분석 불능
    "W_URL", "W_EMAIL", "W_HASHTAG", "W_MENTION", "W_SERIAL", "W_EMOJI",  # 웹
    "Z_CODA", "Z_SIOT",  # 덧붙은 받침, 사이시옷
    "USER0", "USER1", "USER2", "USER3", "USER4",  # 사용자 정의
))
"""Tags a morpheme can carry in cs_coach (irregular suffixes already stripped)."""

IRREGULAR_TAGS: frozenset[str] = frozenset(f"{base}-{mark}" for base in ("VV", "VA", "VX", "XSA") for mark in "RI")
"""Kiwi's suffixed forms, which cs_coach never shows: VV-I is read as VV."""

ORDERED_TAGS: tuple[str, ...] = tuple(sorted(KIWI_TAGS))
"""The tag set in a fixed order, for expanding a tag regex into the tags it matches."""


def tag_problem(tag: str) -> str | None:
    """Why `tag` is not a tag a pack can match, or None when it is one."""
    if tag in KIWI_TAGS:
        return None
    if tag in IRREGULAR_TAGS:
        base = tag.split("-", 1)[0]
        return f"{tag!r}: cs_coach strips Kiwi's irregular suffix (-R/-I), so write {base!r}"
    close = difflib.get_close_matches(tag.upper(), ORDERED_TAGS, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown Kiwi tag {tag!r}{hint}"
