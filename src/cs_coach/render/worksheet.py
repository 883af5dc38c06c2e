"""Exercise worksheets for trainers: Markdown or self-contained HTML, with an answer key at the end."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from jinja2 import Environment, PackageLoader, select_autoescape

from ..labels import category_label
from ..trainer import Exercise


def render_worksheet(exercises: Sequence[Exercise], title: str = "CS 응대 문장 고쳐 쓰기",
                     fmt: Literal["md", "html"] = "md") -> str:
    env = Environment(loader=PackageLoader("cs_coach", "render/templates"),
                      autoescape=select_autoescape(enabled_extensions=("html.j2",)),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["category"] = category_label
    return env.get_template(f"worksheet.{fmt}.j2").render(title=title, exercises=exercises)
