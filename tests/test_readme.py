"""The README's rule-pack example is a real pack whose examples pass."""

from __future__ import annotations

import re
from pathlib import Path

from cs_coach.examples import cases, run_case
from cs_coach.packs import load_packs

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_pack_example_loads_and_its_examples_pass(tmp_path: Path) -> None:
    block = re.search(r"```yaml\n(pack: .*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "README lost its pack example"
    path = tmp_path / "readme_pack.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    examples = list(cases(load_packs([path])))
    assert {c.kind for c in examples} == {"bad", "good"}
    for case in examples:
        assert not run_case(case, (str(path),)), case.name
