"""The on-disk cache of compiled packs: same result as compiling, skips Kiwi when warm, never trusts a bad file,
never runs code from it, and never uses a directory that someone else can write."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import warnings
from pathlib import Path

import pytest

from cs_coach import Coach, cache, compiler, packs, rulecodec
from cs_coach.analyze import analyze
from cs_coach.checks import Plan, find_hits
from cs_coach.packs import RuleSet, load_packs

PACK = """
pack: cache-test
description: 캐시 시험용 규칙
rules:
  - id: cache-jeonhwa
    kind: pattern
    category: tone
    severity: warning
    message: "'{text}' 대신 채팅 상담을 안내해 주세요."
    why: 전화 상담은 종료되었습니다.
    match:
      - phrase: 전화 상담
    examples:
      - bad: "[[전화 상담]]으로 문의해 주세요."
      - good: "채팅 상담으로 문의해 주세요."
  - id: cache-geumil
    kind: lexicon
    category: easy
    severity: info
    message: "'{word}'보다 '{replacement}'가 쉽습니다."
    why: 어려운 한자어는 고객이 다시 묻게 만듭니다.
    entries:
      - {word: 금일, pos: noun, replace: [오늘]}
    examples:
      - bad: "[[금일]] 보내 드립니다."
        fix: "오늘 보내 드립니다."
      - good: "오늘 보내 드립니다."
"""


@pytest.fixture(autouse=True)
def _fresh_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_warned", set())


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CS_COACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CS_COACH_NO_CACHE", raising=False)
    path = tmp_path / "team.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("ruleset-*.json"))


def _signature(ruleset: RuleSet) -> list[tuple]:
    return [(r.id, r.pack, r.file, r.rule, r.match, r.unless, r.needs, r.lexicon) for r in ruleset.rules]


def _hits(ruleset: RuleSet, text: str) -> list[tuple]:
    plan = Plan(ruleset, [True] * len(ruleset.rules))
    return [(h.rule_index, h.sentence, h.first, h.last) for h in find_hits(plan, analyze(text))]


def test_cached_ruleset_is_the_compiled_one(pack: Path, tmp_path: Path) -> None:
    fresh = load_packs([pack], use_cache=False)
    first = load_packs([pack])
    assert len(_entries(tmp_path)) == 1
    warm = load_packs([pack])
    assert _signature(fresh) == _signature(first) == _signature(warm)
    assert warm.index.by_key == fresh.index.by_key
    text = "금일 중 전화상담으로 연락드리겠습니다. 전화 상담은 9시부터예요."
    assert _hits(warm, text) == _hits(fresh, text) != []


def test_warm_load_skips_phrase_compilation(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_packs([pack])

    def no_kiwi(phrase: str) -> list:
        raise AssertionError(f"phrase {phrase!r} compiled again on a warm start")

    monkeypatch.setattr(compiler, "tokenize_phrase", no_kiwi)
    assert [r.id for r in load_packs([pack]).rules] == ["cache-jeonhwa", "cache-geumil"]


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "wrong-type"])
def test_a_corrupt_cache_file_is_rebuilt(pack: Path, tmp_path: Path, damage: str) -> None:
    expected = _signature(load_packs([pack]))
    (entry,) = _entries(tmp_path)
    blob = entry.read_bytes()
    if damage == "flip":
        entry.write_bytes(blob[:-40] + bytes(b ^ 0xFF for b in blob[-40:]))
    elif damage == "truncate":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # a well-formed file (valid checksum) holding JSON that is not a rule set
        _plant(entry, b'{"format": "cs_coach-ruleset-json-1", "rules": [{"rule": {"id": 3}}]}')
    assert _signature(load_packs([pack])) == expected
    (rebuilt,) = _entries(tmp_path)
    assert cache.load(rebuilt.stem.removeprefix("ruleset-")) is not None


def _plant(entry: Path, payload: bytes) -> None:
    """Write a file the way the cache does (magic line, SHA-256, payload): only its content is hostile."""
    entry.write_bytes(cache.FORMAT + hashlib.sha256(payload).digest() + payload)


class _Boom:
    def __reduce__(self) -> tuple:
        return (Path.write_text, (Path(os.environ["CS_COACH_CACHE_DIR"]) / "pwned", "ran"))


def test_planted_pickle_never_runs(pack: Path, tmp_path: Path) -> None:
    """A pickle that writes a file when unpickled, planted as the entry (and as an old-style .pickle entry)."""
    load_packs([pack])
    (entry,) = _entries(tmp_path)
    payload = pickle.dumps(_Boom())
    _plant(entry, payload)
    (entry.parent / (entry.stem + ".pickle")).write_bytes(payload)
    assert [r.id for r in load_packs([pack]).rules] == ["cache-jeonhwa", "cache-geumil"]
    assert not (tmp_path / "cache" / "pwned").exists()
    assert cache.load(entry.stem.removeprefix("ruleset-")) is not None  # rebuilt as JSON


def test_planted_regex_in_the_cache_still_runs_on_re2(pack: Path, tmp_path: Path) -> None:
    load_packs([pack])
    (entry,) = _entries(tmp_path)
    data = json.loads(entry.read_bytes()[len(cache.FORMAT) + 32 :])
    first_step = data["rules"][0]["match"][0][1][0]  # steps are stored once, in a table, by index
    data["steps"][first_step][0] = [["form", None, "(.)\\1"]]  # a backreference: not RE2
    _plant(entry, json.dumps(data).encode())
    key = entry.stem.removeprefix("ruleset-")
    assert cache.load(key) is None and not entry.exists()


@pytest.mark.parametrize("index", [-1, 10**6, 1.0, "0", True])
def test_a_table_index_out_of_range_is_corrupt_not_wrapped(pack: Path, tmp_path: Path, index: object) -> None:
    load_packs([pack])
    (entry,) = _entries(tmp_path)
    data = json.loads(entry.read_bytes()[len(cache.FORMAT) + 32 :])
    data["rules"][0]["match"][0][1][0] = index  # -1 would silently pick the last step
    _plant(entry, json.dumps(data).encode())
    assert cache.load(entry.stem.removeprefix("ruleset-")) is None and not entry.exists()


def test_a_cache_directory_others_can_write_is_not_used(pack: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)  # world-writable: anyone could plant a rule set
    with pytest.warns(RuntimeWarning, match="world-writable"):
        load_packs([pack])
    assert _entries(tmp_path) == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # warned once per process, not on every load
        assert [r.id for r in load_packs([pack]).rules] == ["cache-jeonhwa", "cache-geumil"]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_cache_directory_of_another_user_is_not_used(pack: Path, tmp_path: Path) -> None:
    load_packs([pack])
    (entry,) = _entries(tmp_path)
    os.chown(tmp_path / "cache", 65534, 65534)
    with pytest.warns(RuntimeWarning, match="another user"):
        assert cache.load(entry.stem.removeprefix("ruleset-")) is None
    assert entry.exists()  # refused, not touched


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_an_entry_of_another_user_is_not_trusted(pack: Path, tmp_path: Path) -> None:
    load_packs([pack])
    (entry,) = _entries(tmp_path)
    os.chown(entry, 65534, 65534)
    assert cache.load(entry.stem.removeprefix("ruleset-")) is None


def test_the_cache_directory_is_created_private(pack: Path, tmp_path: Path) -> None:
    load_packs([pack])
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700


def test_changed_pack_content_invalidates(pack: Path, tmp_path: Path) -> None:
    load_packs([pack])
    pack.write_text(PACK.replace("채팅 상담을 안내해", "게시판 문의를 안내해"), encoding="utf-8")
    changed = load_packs([pack])
    assert "게시판 문의" in changed.rules[0].rule.message
    assert len(_entries(tmp_path)) == 2


def test_the_same_content_at_another_path_is_another_entry(pack: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(PACK, encoding="utf-8")
    assert load_packs([copy]).rules[0].file == str(copy)
    assert load_packs([pack]).rules[0].file == str(pack)


def test_an_unwritable_cache_is_skipped_silently(pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CS_COACH_CACHE_DIR", str(blocker / "cs_coach"))
    assert [r.id for r in load_packs([pack]).rules] == ["cache-jeonhwa", "cache-geumil"]
    assert [r.id for r in load_packs([pack]).rules] == ["cache-jeonhwa", "cache-geumil"]


def test_xdg_cache_home_and_opt_out(pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CS_COACH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "cs_coach"
    load_packs([pack])
    assert len(list((tmp_path / "xdg" / "cs_coach").glob("ruleset-*.json"))) == 1
    monkeypatch.setenv("CS_COACH_NO_CACHE", "1")
    assert cache.cache_dir() is None
    pack.write_text(PACK.replace("전화 상담", "전화 문의"), encoding="utf-8")
    load_packs([pack])
    assert len(list((tmp_path / "xdg" / "cs_coach").glob("ruleset-*.json"))) == 1


def test_bad_packs_are_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS_COACH_CACHE_DIR", str(tmp_path / "cache"))
    broken = tmp_path / "broken.yaml"
    broken.write_text(PACK.replace("category: tone", "category: loud"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(packs.PackError):
            Coach(packs=[broken])
    assert _entries(tmp_path) == []


def test_every_builtin_pack_round_trips_through_the_cache_format() -> None:
    """All the shapes the built-in packs use (lexicon senses, guards, regexes, groups) survive JSON."""
    fresh = load_packs(list(packs.builtin_packs().values()), use_cache=False)
    again = rulecodec.load(json.loads(json.dumps(rulecodec.dump(fresh))))
    assert _signature(again) == _signature(fresh)
    assert again.index.by_key == fresh.index.by_key and again.needs_index.by_key == fresh.needs_index.by_key


def test_a_rule_set_the_codec_cannot_describe_is_not_cached(pack: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ruleset: RuleSet) -> dict:
        raise ValueError("new shape")

    monkeypatch.setattr(rulecodec, "dump", broken)
    assert [r.id for r in load_packs([pack]).rules] == ["cache-jeonhwa", "cache-geumil"]
    assert _entries(tmp_path) == []
