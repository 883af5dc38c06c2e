"""The bounded pack loader reads what PyYAML's safe loader reads, and fails only with a YAML or limit error."""

from __future__ import annotations

import contextlib

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_coach import packyaml

scalars = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=30)


@given(documents)
def test_same_data_as_the_safe_loader(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    assert packyaml.load(text.encode("utf-8")).data == yaml.safe_load(text)


@settings(max_examples=300)
@given(st.text(alphabet="[]{}:,-&*!|>'\"# \nab가1", max_size=80))
def test_any_text_loads_or_is_a_yaml_or_limit_error(text: str) -> None:
    with contextlib.suppress(yaml.YAMLError, packyaml.LimitError):
        packyaml.load(text.encode("utf-8"))


def test_locations_are_one_based_line_and_column() -> None:
    document = packyaml.load(b"pack: p\nrules:\n  - id: a\n    message: m\n")
    assert document.locate(["rules", 0, "message"]) == (4, 5)
    assert document.locate(["rules", 0, "pattern", "message"]) == (4, 5)  # a union branch name is skipped
    assert document.locate(["rules", 7]) == (2, 1)  # past the end: the deepest node that exists (rules:)
