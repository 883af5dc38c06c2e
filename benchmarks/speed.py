"""Speed, measured against Kiwi itself: figures only, never asserts (the machine is shared and noisy).

    python benchmarks/speed.py [--limit N] [--chat N] [--stream 200000] [--repeat 3] [--skip-stream]

Corpus: the real agent turns of ../shared/eval_data, de-duplicated so that no sentence occurs twice (each
input is seen once per pass: cold), for every throughput figure; short chat replies made from this file's
own templates (they repeat sentences) only for the re-check and stream figures. Figures:

- plain `Kiwi(num_workers=1, load_multi_dict=False).tokenize(text)`, one reply per call (the baseline), vs
  `Coach.check` with caches cleared before each pass, wall and CPU time, interleaved, best of --repeat; the
  project's own Kiwi on its own chunks is a second line;
- `check_many` (Kiwi workers, batched) vs a plain 2-worker Kiwi's own list call, and vs one worker;
- per-reply p50/p99 latency of `check`;
- re-check latency of a draft after one sentence changed (and after nothing changed);
- the cost of 10x the rules (synthetic packs written to a temp dir: copies of the built-in rules whose
  matchers start with a new word, so they index under new anchors);
- cold start of `cs-coach check -t ...` in a subprocess vs Kiwi's own load in a subprocess, with a cold and
  a warm compiled-pack cache;
- peak RSS, and RSS along an endless `check_many` stream (a lazy generator of 200k replies).
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import yaml

SHARED = Path(__file__).resolve().parents[2] / "shared"
TURNS = "eval_data/hgtods_manual_agent_turns.jsonl"
VOCAB = "eval_data/nikl_2003_learning_vocab_grades.tsv"

# Our own chat-style pieces (not from any corpus): greeting + body + closing, with slots filled at random.
GREETINGS = ["안녕하세요, 고객님.", "네, 고객님~", "문의 남겨 주셔서 감사합니다.", "기다려 주셔서 감사해요!", "",
             "고객님 안녕하세요 😊"]
BODIES = [
    "주문하신 {item}은 {n}일 안에 출고될 예정입니다.",
    "그 부분은 규정상 안 됩니다.",
    "{item} 교환은 지금 할 수 없어요.",
    "금일 중으로 {item} 배송 처리해 드리겠습니다.",
    "잠시만 기다리세요.",
    "재고가 없어서 {item} 주문은 어렵습니다.",
    "확인해 보고 {n}시까지 다시 연락드릴게요.",
    "주문하신 {item} 나오셨습니다.",
    "빠른 시일 내에 답변드리겠습니다.",
    "제가 아까 다 말씀드렸잖아요.",
    "{name} 고객님 계정은 {n}분 뒤에 다시 로그인해 보시겠어요?",
    "결제 취소는 영업일 기준 {n}일 정도 걸립니다.",
    "그건 거기 가서 물어봐.",
    "불편을 드려 정말 죄송합니다. {item} 상태를 사진으로 보내 주시겠어요?",
    "안타깝게도 해당 쿠폰은 {item}에 쓸 수 없습니다.",
    "모르겠는데요, 매장에 문의하세요.",
    "{item} 수령하시면 익일까지 연락 주세요.",
    "번거로우시겠지만 주소를 한 번 더 확인해 주시겠어요?",
    "{n}만 원이세요.",
    "{item} 환불은 어렵지만 대신 {n}% 할인 쿠폰을 바로 드릴 수 있습니다.",
]
CLOSINGS = ["감사합니다.", "좋은 하루 보내세요!", "더 궁금하신 점 있으시면 말씀해 주세요.", "",
            "이용해 주셔서 감사합니다 🙏"]
ITEMS = ["운동화", "노트북 거치대", "텀블러", "블루투스 이어폰", "겨울 코트", "유아용 카시트", "전기포트", "캠핑 의자",
         "무선 충전기", "요가 매트", "가습기", "책상 조명"]
NAMES = ["김민지", "이서준", "박하은", "최도윤", "정예린", "강지호"]


def chat_reply(rng: random.Random) -> str:
    fill = {"item": rng.choice(ITEMS), "n": rng.randint(1, 30), "name": rng.choice(NAMES)}
    parts = [rng.choice(GREETINGS)] + [rng.choice(BODIES).format(**fill) for _ in range(rng.randint(1, 3))]
    parts.append(rng.choice(CLOSINGS))
    return " ".join(p for p in parts if p)


def chat_stream(count: int, seed: int = 7) -> Iterator[str]:
    """A lazy generator: nothing is kept, so memory can only grow inside cs_coach."""
    rng = random.Random(seed)
    for _ in range(count):
        yield chat_reply(rng)


def load_unique_turns(shared: Path, limit: int | None) -> list[str]:
    """The real agent turns, de-duplicated so that no sentence occurs twice: a cold pass sees each input once.

    Turns are kept in file order; a turn is dropped when it repeats a whole earlier turn or any sentence
    (split at . ! ? and line breaks) of a turn already kept, so no per-sentence cache can hit in a pass.
    """
    with open(shared / TURNS, encoding="utf-8") as handle:
        turns = [json.loads(line)["text"] for line in handle if line.strip()]
    seen: set[str] = set()
    kept: list[str] = []
    for turn in dict.fromkeys(turns):
        sentences = {s.strip() for s in _SENTENCE_END.split(turn) if s.strip()}
        if sentences & seen:
            continue
        seen |= sentences
        kept.append(turn)
    return kept[:limit] if limit else kept


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def load_chat(count: int) -> list[str]:
    """Generated chat replies built from a few templates: they repeat sentences, so they serve only the
    cache, re-check and stream figures, never the cold ones."""
    return list(chat_stream(count, seed=11))


# -- helpers ---------------------------------------------------------------------------------------------
def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def best_of(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeat))


def clear_caches(coach=None) -> None:
    """Cold figures: forget analyses, joins and per-sentence matching results."""
    from cs_coach import analyze

    clear = getattr(analyze, "clear_caches", None)
    if clear is not None:
        clear()
    else:  # the first version had only the chunk LRU
        analyze._cache._data.clear()
    plan_clear = getattr(getattr(coach, "plan", None), "clear_cache", None)
    if plan_clear is not None:
        plan_clear()


def line(label: str, value: str) -> None:
    print(f"  {label:<58} {value}")


# -- parts -----------------------------------------------------------------------------------------------
def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU of all threads) seconds: CPU time is steadier on a shared host; wall is what users wait."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


_plain: dict[int, object] = {}


def plain_kiwi(workers: int = 1):
    """The baseline: a plain `Kiwi(num_workers=N, load_multi_dict=False)` of its own, no cs_coach code."""
    if workers not in _plain:
        from kiwipiepy import Kiwi

        _plain[workers] = Kiwi(num_workers=workers, load_multi_dict=False)
        _plain[workers].tokenize("워밍업 문장입니다.")
    return _plain[workers]


def plain_kiwi_time(replies: Sequence[str]) -> tuple[float, float]:
    """Plain Kiwi, one reply per `tokenize(text)` call: what an app that only analysed the text would pay."""
    kiwi = plain_kiwi(1)

    def run() -> None:
        for reply in replies:
            kiwi.tokenize(reply)

    return _timed(run)


def raw_kiwi_time(replies: Sequence[str], as_check: bool = False) -> tuple[float, float]:
    """Kiwi alone on the chunks cs_coach makes: one chunk per call, or (as_check) a reply's chunks in one
    list call, which is what `check` does when a reply has several new chunks."""
    from cs_coach.analyze import get_kiwi, split_chunks

    kiwi = get_kiwi()
    chunks = [[c for _, c in split_chunks(r)] for r in replies]

    def run() -> None:
        for reply_chunks in chunks:
            if as_check and len(reply_chunks) > 1:
                for _ in kiwi.tokenize(reply_chunks):
                    pass
            else:
                for chunk in reply_chunks:
                    kiwi.tokenize(chunk)

    return _timed(run)


def check_time(coach, replies: Sequence[str], latencies: list[float] | None = None, prepared: bool = False) -> float:
    """Wall seconds of `check` over replies, cold (caches cleared and a full collection first, unless
    `prepared`: the caller did that outside its own clock)."""
    if not prepared:
        clear_caches(coach)
        gc.collect()
    total = 0.0
    for reply in replies:
        start = time.perf_counter()
        coach.check(reply)
        took = time.perf_counter() - start
        total += took
        if latencies is not None:
            latencies.append(took)
    return total


def kiwi_batch_time(replies: Sequence[str]) -> float:
    """Kiwi's own list call on a plain 2-worker Kiwi: the batch speed check_many should reach."""
    kiwi = plain_kiwi(2)
    start = time.perf_counter()
    for _ in kiwi.tokenize(list(replies)):
        pass
    return time.perf_counter() - start


def check_many_time(coach, replies: Sequence[str]) -> float:
    clear_caches(coach)
    gc.collect()
    start = time.perf_counter()
    for _ in coach.check_many(iter(replies)):
        pass
    return time.perf_counter() - start


def part_speed(coach, replies: Sequence[str], repeat: int) -> dict[str, float]:
    print(f"\n== check vs plain Kiwi, cold: {len(replies):,} unique real agent turns "
          f"({sum(map(len, replies)):,} chars), no sentence twice, caches cleared before each pass ==")
    plain_kiwi_time(replies[:200])  # warm every path on a slice
    raw_kiwi_time(replies[:200])
    check_time(coach, replies[:200])
    best: dict[str, tuple[float, float]] = {}
    latencies: list[float] = []
    for _ in range(repeat):  # interleaved, best of each: the host's noise hits all of them alike
        for name, run in (
            ("plain", lambda: plain_kiwi_time(replies)),
            ("kiwi", lambda: raw_kiwi_time(replies)),
            ("check", lambda: _timed_check(coach, replies, latencies)),
        ):
            wall, cpu = run()
            old = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(old[0], wall), min(old[1], cpu))
    n = len(replies)
    for name, label in (("plain", "plain Kiwi(num_workers=1).tokenize(text), one reply per call"),
                        ("kiwi", "cs_coach's own Kiwi on cs_coach's chunks, one chunk per call"),
                        ("check", "Coach.check, one reply per call (sentence layer + grouping incl.)")):
        wall, cpu = best[name]
        line(label, f"{wall:.2f} s wall ({n / wall:,.0f} replies/s), {cpu:.2f} s CPU")
    line("ratio check / plain Kiwi (target <= 1.25, then 1.10): wall, CPU",
         f"{best['check'][0] / best['plain'][0]:.3f}, {best['check'][1] / best['plain'][1]:.3f}")
    line("ratio check / cs_coach's own Kiwi on its chunks: wall, CPU",
         f"{best['check'][0] / best['kiwi'][0]:.3f}, {best['check'][1] / best['kiwi'][1]:.3f}")
    line("per-reply latency p50 / p99 (all runs)", f"{ms(pct(latencies, 0.5))} / {ms(pct(latencies, 0.99))}")
    _python_share(coach, replies, best["kiwi"][1])
    return {"kiwi": best["plain"][0], "check": best["check"][0]}


def _timed_check(coach, replies: Sequence[str], latencies: list[float]) -> tuple[float, float]:
    clear_caches(coach)
    gc.collect()  # ~0.1 s of CPU with Kiwi and the packs loaded: not part of checking, so outside the clock
    cpu = time.process_time()
    wall = check_time(coach, replies, latencies, prepared=True)
    return wall, time.process_time() - cpu


def _python_share(coach, replies: Sequence[str], kiwi_cpu: float) -> None:
    """What cs_coach adds after Kiwi: token conversion, then matching + findings, per sentence."""
    from cs_coach import analyze as analyze_module
    from cs_coach.analyze import get_kiwi, split_chunks

    kiwi = get_kiwi()
    chunks = [c for r in replies for _, c in split_chunks(r)]
    tokens = [kiwi.tokenize(c) for c in chunks]
    start = time.process_time()
    for chunk, token_lists in zip(chunks, tokens, strict=True):
        analyze_module._to_sentences(chunk, token_lists)
    convert = time.process_time() - start
    clear_caches(coach)
    analyses = [analyze_module.analyze(r) for r in replies]
    sentences = sum(len(a.sentences) for a in analyses)
    clear_caches(coach)
    start = time.process_time()
    for analysis in analyses:
        coach._report(analysis)
    report = time.process_time() - start
    line(f"per sentence ({sentences:,}): Kiwi CPU / token conversion / matching+findings",
         f"{ms(kiwi_cpu / sentences)} / {ms(convert / sentences)} / {ms(report / sentences)}")


def part_many(coach, replies: Sequence[str], repeat: int, serial_check_s: float, shared: Path) -> None:
    workers = os.environ.get("CS_COACH_WORKERS", "default")
    print(f"\n== check_many (CS_COACH_WORKERS={workers}) ==")
    kiwi_s = many_s = float("inf")
    for _ in range(repeat):  # interleaved, best of each
        kiwi_s = min(kiwi_s, kiwi_batch_time(replies))
        many_s = min(many_s, check_many_time(coach, replies))
    line("plain Kiwi(num_workers=2).tokenize(list of replies)",
         f"{kiwi_s:.2f} s ({len(replies) / kiwi_s:,.0f} replies/s)")
    line("check_many, caches cleared", f"{many_s:.2f} s ({len(replies) / many_s:,.0f} replies/s)")
    line("ratio check_many / Kiwi list call (target <= 1.05)", f"{many_s / kiwi_s:.3f}")
    line("speed-up check_many vs serial check (target >= 1.8)", f"{serial_check_s / many_s:.2f}x")
    from cs_coach.analyze import get_kiwi

    line("Kiwi workers by default here", f"{get_kiwi().num_workers} ({os.cpu_count()} CPUs)")
    by_workers = {n: _workers_figure(n, len(replies), shared) for n in (1, 2)}
    for n, took in by_workers.items():
        if took:
            line(f"check_many with {n} Kiwi worker(s) (subprocess, best of {repeat})", f"{took:.2f} s")
    if by_workers[1] and by_workers[2]:
        line("speed-up 2 workers vs 1 worker", f"{by_workers[1] / by_workers[2]:.2f}x")


def _workers_figure(workers: int, count: int, shared: Path) -> float | None:
    """check_many's best time in a fresh process whose Kiwi has `workers` threads (a Kiwi's are fixed)."""
    env = {**os.environ, "CS_COACH_WORKERS": str(workers)}
    args = [sys.executable, __file__, "--only-many", "--replies", str(count), "--shared", str(shared)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(f"  !! one-worker subprocess failed: {done.stderr[-600:]}")
        return None


def part_recheck(coach, replies: Sequence[str]) -> None:
    from cs_coach.analyze import get_kiwi, split_chunks

    print("\n== re-check a draft being typed ==")
    drafts = [r for r in replies if len(split_chunks(r)) >= 3][:400]
    kiwi = get_kiwi()
    changed, unchanged, kiwi_only = [], [], []
    for number, draft in enumerate(drafts):
        coach.check(draft)
        chunks = split_chunks(draft)
        offset, chunk = chunks[len(chunks) // 2]
        cut = chunk.find(" ")
        cut = cut if cut > 0 else len(chunk) // 2
        edited_chunk = chunk[:cut] + (" 꼭" if number % 2 else " 바로") + chunk[cut:]
        edited = draft[:offset] + edited_chunk + draft[offset + len(chunk):]
        start = time.perf_counter()
        coach.check(draft)
        unchanged.append(time.perf_counter() - start)
        start = time.perf_counter()
        coach.check(edited)
        changed.append(time.perf_counter() - start)
        start = time.perf_counter()
        kiwi.tokenize(edited_chunk + " ")  # a new string: Kiwi has no cache to hit
        kiwi_only.append(time.perf_counter() - start)
    line(f"drafts of 3+ sentences: {len(drafts)}", "")
    line("re-check, nothing changed: p50 / p99", f"{ms(pct(unchanged, 0.5))} / {ms(pct(unchanged, 0.99))}")
    line("re-check, one sentence changed: p50 / p99 (target p99 <= 1.5 ms)",
         f"{ms(pct(changed, 0.5))} / {ms(pct(changed, 0.99))}")
    line("  of which Kiwi alone on the changed sentence: p50 / p99",
         f"{ms(pct(kiwi_only, 0.5))} / {ms(pct(kiwi_only, 0.99))}")


def synth_packs(dest: Path, shared: Path, avoid: str, copies: int = 9) -> list[Path]:
    """Copies of every built-in rule with new ids, so that the extra rules cost matching, not findings.

    Pattern/require matchers start with a new noun (real words from the NIKL list: some occur in the
    replies, so some copies become candidates and fail further on, as real rules do); lexicon entries get
    nouns that do not occur in `avoid` (the measured text); metric copies get a limit they never reach
    (each would otherwise repeat the original's findings, which measures findings, not rules).
    """
    from cs_coach.packs import builtin_packs

    with open(shared / VOCAB, encoding="utf-8") as handle:
        rows = [row.split("\t") for row in handle.read().splitlines()[1:]]
    nouns = sorted({"".join(ch for ch in r[1] if not ch.isdigit()) for r in rows if len(r) > 2 and r[2] == "명사"})
    random.Random(3).shuffle(nouns)
    pool = iter(nouns * 20)
    absent = iter([n for n in nouns if n not in avoid] * 40)
    paths = []
    for name, path in builtin_packs().items():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for k in range(copies):
            new = copy.deepcopy(data)
            new["pack"] = f"{data['pack']}-x{k}"
            for rule in new.get("rules", []):
                rule["id"] = f"{rule['id']}-x{k}"
                for key in ("match", "trigger"):
                    if key in rule:
                        rule[key] = [_prefixed(m, next(pool)) for m in rule[key]]
                for entry in rule.get("entries", []) or []:
                    entry["word"] = next(absent)
                if rule.get("kind") == "metric" and isinstance(rule.get("max"), int | float):
                    rule["max"] = rule["max"] * 1000 + 1000
            out = dest / f"{name}-x{k}.yaml"
            out.write_text(yaml.safe_dump(new, allow_unicode=True, sort_keys=False), encoding="utf-8")
            paths.append(out)
    return paths


def _prefixed(matcher: dict, noun: str) -> dict:
    matcher = dict(matcher)
    if "phrase" in matcher:
        matcher["phrase"] = f"{noun} {matcher['phrase']}"
    elif "pattern" in matcher:
        matcher["pattern"] = [{"form": noun, "tag": "NNG"}, *matcher["pattern"]]
    return matcher


def part_rules(coach, replies: Sequence[str], shared: Path, repeat: int) -> None:
    import cs_coach
    from cs_coach.analyze import analyze
    from cs_coach.packs import builtin_packs

    print("\n== 10x the rules ==")
    with tempfile.TemporaryDirectory() as tmp:
        extra = synth_packs(Path(tmp), shared, "\n".join(replies))
        start = time.perf_counter()
        big = cs_coach.Coach(packs=[*builtin_packs().values(), *extra])
        load_s = time.perf_counter() - start
    line("rules: built-in / 10x",
         f"{len(coach.ruleset.rules)} / {len(big.ruleset.rules)} (10x compiled in {load_s:.2f} s)")
    sample = list(replies[:1500])
    base_s = big_s = float("inf")
    for _ in range(repeat):  # interleaved: the machine's noise hits both alike
        base_s = min(base_s, check_time(coach, sample))
        big_s = min(big_s, check_time(big, sample))
    line("check, caches cleared: built-in / 10x", f"{base_s:.2f} s / {big_s:.2f} s")
    line("10x rules slower by (target <= 5%)", f"{(big_s / base_s - 1) * 100:+.1f}%")
    found = [sum(len(c.check(r).findings) for r in sample[:300]) for c in (coach, big)]
    line("findings on the first 300 replies: built-in / 10x", f"{found[0]} / {found[1]}")
    analyses = [analyze(r) for r in sample]
    match_base = match_big = float("inf")
    for _ in range(repeat):
        match_base = min(match_base, _report_time(coach, analyses))
        match_big = min(match_big, _report_time(big, analyses))
    line("matching + findings only (analysis done): built-in / 10x",
         f"{ms(match_base / len(sample))} / {ms(match_big / len(sample))} per reply")
    sentences = sum(len(a.sentences) for a in analyses)
    line("matching + findings per sentence (built-in packs)", ms(match_base / sentences))


def _report_time(coach, analyses) -> float:
    clear_caches(coach)
    start = time.perf_counter()
    for analysis in analyses:
        coach._report(analysis)
    return time.perf_counter() - start


# Starts the child and reports its own peak RSS. A child spawned straight from this process would not
# do: fork copies this process's pages and vfork/posix_spawn shares them until exec, and either way the
# child's ru_maxrss would count this process's ~500 MB. This small middle process is ~10 MB.
_SPAWNER = """
import os, sys, time
args = sys.argv[1:]
with open(os.devnull, "wb") as null:
    start = time.perf_counter()
    pid = os.posix_spawn(args[0], args, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), 1)])
    _, status, usage = os.wait4(pid, 0)
    took = time.perf_counter() - start
print(took, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _child(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, peak RSS (MB) and exit code of a subprocess; a crash is printed, not hidden."""
    done = subprocess.run([sys.executable, "-c", _SPAWNER, *args], env=env, capture_output=True, text=True,
                          check=False)
    try:
        took, rss_kb, code = done.stdout.split()
    except ValueError:
        print(f"  !! could not start {args[:3]}: {done.stderr[-600:]}")
        return float("nan"), float("nan"), -1
    if "Traceback" in done.stderr or int(code) not in (0, 1):
        print(f"  !! {' '.join(args[:3])} failed (exit {code}): {done.stderr[-600:]}")
    return float(took), int(rss_kb) / 1024, int(code)


def part_cold(runs: int = 5) -> None:
    print("\n== cold start (subprocesses) ==")
    # What the `cs-coach` script runs, started the same way as the Kiwi baseline (no pyenv/asdf shim).
    cli = [sys.executable, "-c", "import sys; from cs_coach.cli import main; sys.argv[0] = 'cs-coach'; main()"]
    reply = "환불은 규정상 안 됩니다. 확인해 보고 다시 연락드릴게요."
    kiwi_code = ("from kiwipiepy import Kiwi; k = Kiwi(num_workers=2, load_multi_dict=False); "
                 f"k.tokenize({reply!r}, split_sents=True)")
    # Bytecode: pip compiles .pyc when it installs a wheel, so an installed cs_coach (like kiwipiepy and
    # pydantic here) does not compile its source at start. A source checkout run with
    # PYTHONDONTWRITEBYTECODE=1 does, at every start: both are shown, the first is the one to compare.
    bytecode = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    no_bytecode = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**bytecode, "XDG_CACHE_HOME": tmp}
        _child([sys.executable, "-c", "import cs_coach.cli"], env)  # writes the .pyc files a wheel install has
        python = [_child([sys.executable, "-c", "pass"], env)[0] for _ in range(runs)]
        kiwi = [_child([sys.executable, "-c", kiwi_code], env) for _ in range(runs)]
        cold = _child([*cli, "check", "-t", reply], env)
        warm = [_child([*cli, "check", "-t", reply], env) for _ in range(runs)]
        imports = [_child([sys.executable, "-c", "import cs_coach.cli"], env)[0] for _ in range(runs)]
        source_env = {**no_bytecode, "XDG_CACHE_HOME": tmp}
        from_source = [_child([*cli, "check", "-t", reply], source_env) for _ in range(runs)]
    kiwi_s = statistics.median(k[0] for k in kiwi)
    warm_s = statistics.median(w[0] for w in warm)
    source_s = statistics.median(w[0] for w in from_source)
    line("python -c pass", f"{statistics.median(python):.2f} s")
    line("Kiwi load + one tokenize (python -c)", f"{kiwi_s:.2f} s, peak RSS {max(k[1] for k in kiwi):.0f} MB")
    line("import cs_coach.cli (bytecode cached)", f"{statistics.median(imports):.2f} s")
    line("cs-coach check -t, empty pack cache", f"{cold[0]:.2f} s (exit {cold[2]})")
    line("cs-coach check -t, warm pack cache (median)", f"{warm_s:.2f} s, peak RSS {max(w[1] for w in warm):.0f} MB")
    line("cs-coach check over Kiwi load (target <= +0.20 s)", f"{warm_s - kiwi_s:+.2f} s")
    line("  same, PYTHONDONTWRITEBYTECODE=1 (source compiled)", f"{source_s - kiwi_s:+.2f} s")


def part_stream(coach, count: int) -> None:
    print(f"\n== check_many over a lazy generator of {count:,} chat replies ==")
    marks = {count * k // 8 for k in range(1, 9)}
    samples = []
    start = time.perf_counter()
    findings = 0
    for number, report in enumerate(coach.check_many(chat_stream(count, seed=5)), 1):
        findings += len(report.findings)
        if number in marks:
            samples.append((number, rss_mb()))
    took = time.perf_counter() - start
    line("replies/s", f"{count / took:,.0f} ({took:.1f} s, {findings:,} findings)")
    line("RSS along the stream (MB)", ", ".join(f"{n // 1000}k:{mb:.0f}" for n, mb in samples))
    line("RSS growth first -> last mark", f"{samples[-1][1] - samples[0][1]:+.1f} MB")


def _busy(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - start


def machine_scaling() -> str:
    """How much two processes get done next to one on this host right now (2.0 = two free cores)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        one = min(pool.submit(_busy, 0).result() for _ in range(2))
        two = max(pool.map(_busy, range(2)))
    return f"{2 * one / two:.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N agent turns")
    parser.add_argument("--chat", type=int, default=2000, help="how many generated chat replies to add")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the throughput figures")
    parser.add_argument("--stream", type=int, default=200_000)
    parser.add_argument("--skip-stream", action="store_true")
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument("--only-cold", action="store_true", help="just the cold-start figures")
    parser.add_argument("--only-many", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--replies", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.only_cold:
        part_cold()
        return
    import cs_coach

    replies = load_unique_turns(args.shared, args.limit)
    chat = load_chat(args.chat)
    if args.replies:
        replies = replies[: args.replies]
    coach = cs_coach.Coach()
    if args.only_many:
        check_many_time(coach, replies[:200])
        print(best_of(args.repeat, lambda: check_many_time(coach, replies)))
        return
    print(f"cs_coach {cs_coach.__version__}, {len(coach.ruleset.rules)} rules, {os.cpu_count()} CPUs, "
          f"RSS after load {rss_mb():.0f} MB; host check: 2 busy processes do {machine_scaling()} the work of one")
    figures = part_speed(coach, replies, args.repeat)
    part_many(coach, replies, args.repeat, figures["check"], args.shared)
    part_recheck(coach, replies + chat)
    part_rules(coach, replies, args.shared, args.repeat)
    if not args.skip_cold:
        part_cold()
    if not args.skip_stream:
        part_stream(coach, args.stream)
    print(f"\npeak RSS of this process: {peak_mb():.0f} MB (current {rss_mb():.0f} MB)")


if __name__ == "__main__":
    main()
