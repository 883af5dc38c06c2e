"""Fuzz cs_coach with seeded Korean CS text mixed with noise, across processes, and check its invariants.

    python benchmarks/fuzz.py --count 1000000 --seed 1 --processes 2

Every input is a pure function of (seed, index), so any failure is reproduced by `--only INDEX`. Inputs are
built from short Korean CS replies (our own, plus every example sentence in the built-in packs) joined with
any newline convention and any Unicode space, then mutated: NFD Hangul, compatibility jamo, combining marks,
lone surrogates, noncharacters (U+10FFFF), control bytes, typos (되/돼, 안/않, dropped or doubled syllables),
long repetitions, and once in every 100,000 inputs a text of 100,000 characters.

Invariants, for every input x:
- no crash: `check` returns a Report, or raises the documented ValueError (lone surrogate, naming its position);
- spans: every finding, suggestion and sentence lies inside x, and `finding.text == x[start:end]`;
- determinism: checking again with every cache cleared gives the same Report;
- `check_many` over a batch gives exactly the Reports of `check` (an error Report where `check` raises);
- fix converges: fix(fix(x).text).text == fix(x).text, for safe fixes and for unsafe ones.

Prints the count, the throughput, and each kind of failure with a minimized reproducer (delta debugging);
exits 1 when anything failed. Never a timed assertion: the figures are printed, not judged.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import signal
import sys
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# Short replies a CS agent might write (our own wording), good and bad, in every speech level.
OWN_REPLIES = (
    "안녕하세요, 고객님. 문의하신 주문은 오늘 발송될 예정입니다.",
    "환불은 규정상 안 됩니다.",
    "그건 저희가 해 드릴 수 없어요.",
    "잠시만 기다리세요.",
    "주소 다시 보내세요.",
    "금일 중으로 처리해 드리겠습니다.",
    "익일 수령 가능하십니다.",
    "커피 나오셨습니다.",
    "해당 상품은 품절이십니다.",
    "제가 분명히 말씀드렸잖아요.",
    "고객님이 잘못 입력하셔서 그런 거예요.",
    "빠른 시일 내에 연락드릴께요.",
    "몰라요. 거기 가서 물어봐.",
    "불편을 드려 죄송합니다. 바로 확인해 보겠습니다.",
    "안타깝게도 교환은 불가능합니다.",
    "배송 지연으로 불편을 드려 정말 죄송합니다. 내일 오전까지 도착하도록 조치하겠습니다.",
    "결제 취소는 영업일 기준 3일 안에 완료됩니다.",
    "비밀번호를 바꾸시려면 설정 → 계정 → 보안 메뉴로 들어가 주세요.",
    "네, 확인해 보고 바로 알려 드릴게요!",
    "안되요. 다시 해보세요 ㅠㅠ",
    "그거 제 담당 아니라서 몰라요",
    "번거로우시겠지만 영수증 사진을 한 장 보내 주시겠어요?",
    "쿠폰은 중복 사용이 안 되고 한 주문에 하나만 쓸 수 있고 기간이 지나면 자동으로 사라지고 다시 발급되지 않습니다.",
    "문의 주셔서 감사합니다 😊 좋은 하루 보내세요.",
    "{고객명}님, 주문번호 {주문번호} 확인했습니다. 02-123-4567로 연락 주세요.",
    "자세한 내용은 https://example.com/help 에서 보실 수 있어요.",
    "수령 후 7일 이내에 반품 신청이 가능합니다.",
    "내규상 개인 정보는 알려 드릴 수 없습니다.",
    "기다려.",
    "열 고 하고하고",
    "가서 물어봐 제품",
)
# Every character str.isspace() accepts (Kiwi and our splitting must treat them all alike).
SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
NEWLINES = ("\n", "\r\n", "\r", "\r\r\n", "\n\n", "\r\n\r\n", "\n\r")
ODD = (
    "\u200b", "\u200d", "\ufeff", "\u00ad", "\ufffd", "\ufffe", "\uffff", "\U0010ffff", "\U000e0001", "\U0001f600",
    "\U0001f469\u200d\U0001f4bb", "\x00", "\x01", "\x1b", "\x7f", "\u202e", "\u0301", "ㅠㅠ", "ㅋㅋㅋ", "~~", "...",
    "…", "!?", "\"", "'", "「", "」", "(", ")", "[", "]", "{", "}", "<b>", "&amp;", "\\", "%", "#", "*",
)
COMBINING = "\u0300\u0301\u0302\u0303\u0308\u0323\u0332\u20d0\u20e3\u1ab0\u302e\u3099"
TYPOS = (
    ("돼", "되"), ("되", "돼"), ("안 ", "않"), ("게요", "께요"), ("습니다", "읍니다"), ("며칠", "몇일"), ("했", "햇"),
)
HUGE = 100_000
HUGE_EVERY = 100_000  # a 100,000-character text costs about a minute of checks and fixes
_SLOT = re.compile(r"\{[^{}\n]{1,40}\}")


def seed_texts() -> list[str]:
    """Our own replies plus every example sentence of the built-in packs (bad ones unmarked)."""
    from cs_coach.engine import Coach
    from cs_coach.examples import cases

    texts = list(OWN_REPLIES)
    texts += sorted({case.text for case in cases(Coach().ruleset)})
    return texts


@dataclass
class Generator:
    """Inputs as a pure function of (seed, index)."""

    seed: int
    texts: Sequence[str]

    def make(self, index: int) -> str:
        rng = random.Random(self.seed * 1_000_003 + index)
        if index % HUGE_EVERY == HUGE_EVERY // 10:  # one in the CI slice, ten in a million
            return self._huge(rng)
        parts = [rng.choice(self.texts) for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 5)))]
        text = parts[0]
        for part in parts[1:]:
            text += rng.choice((" ", rng.choice(NEWLINES), rng.choice(SPACES), ""))
            text += part
        for _ in range(rng.choice((0, 1, 1, 2, 3, 5))):
            text = rng.choice(MUTATIONS)(rng, text)
        return text

    def _huge(self, rng: random.Random) -> str:
        pieces: list[str] = []
        size = 0
        while size < HUGE:
            piece = rng.choice(self.texts)
            if rng.random() < 0.3:
                piece = rng.choice(MUTATIONS)(rng, piece)
            pieces.append(piece + rng.choice((" ", "\n", "\r\n", "", rng.choice(SPACES))))
            size += len(pieces[-1])
        return "".join(pieces)[:HUGE]


def _at(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = _at(rng, text)
    return text[:i] + piece + text[i:]


def _nfd(rng: random.Random, text: str) -> str:
    i, j = sorted((_at(rng, text), _at(rng, text)))
    return text[:i] + unicodedata.normalize("NFD", text[i:j]) + text[j:]


def _compat_jamo(rng: random.Random, text: str) -> str:
    """One Hangul syllable written as compatibility jamo (각 -> ㄱㅏㄱ)."""
    spots = [i for i, ch in enumerate(text) if "\uac00" <= ch <= "\ud7a3"]
    if not spots:
        return text
    i = rng.choice(spots)
    code = ord(text[i]) - 0xAC00
    lead, vowel, tail = code // 588, (code % 588) // 28, code % 28
    jamo = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[lead] + "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"[vowel]
    if tail:
        jamo += " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"[tail]
    return text[:i] + jamo + text[i + 1 :]


def _combining(rng: random.Random, text: str) -> str:
    return _insert(rng, text, "".join(rng.choice(COMBINING) for _ in range(rng.randint(1, 3))))


def _surrogate(rng: random.Random, text: str) -> str:
    return _insert(rng, text, chr(rng.randint(0xD800, 0xDFFF)))


def _space(rng: random.Random, text: str) -> str:
    """Every space of the text, or one, becomes another Unicode space."""
    if rng.random() < 0.5:
        return text.replace(" ", rng.choice(SPACES))
    return _insert(rng, text, rng.choice(SPACES) * rng.randint(1, 3))


def _newlines(rng: random.Random, text: str) -> str:
    return "".join(rng.choice(NEWLINES) if ch == " " and rng.random() < 0.3 else ch for ch in text)


def _odd(rng: random.Random, text: str) -> str:
    return _insert(rng, text, rng.choice(ODD))


def _typo(rng: random.Random, text: str) -> str:
    old, new = rng.choice(TYPOS)
    if old in text:
        return text.replace(old, new, 1)
    if not text:
        return text
    i = rng.randrange(len(text))
    return text[:i] + (text[i] * 2 if rng.random() < 0.5 else "") + text[i + 1 :]


def _repeat(rng: random.Random, text: str) -> str:
    i, j = sorted((_at(rng, text), _at(rng, text)))
    return text[:j] + text[i:j] * rng.randint(2, 30) + text[j:]


def _cut(rng: random.Random, text: str) -> str:
    i, j = sorted((_at(rng, text), _at(rng, text)))
    return text[:i] + text[j:]


def _random_chars(rng: random.Random, text: str) -> str:
    piece = "".join(chr(rng.choice((rng.randint(0, 0x2FF), rng.randint(0x1100, 0x11FF), rng.randint(0xAC00, 0xD7A3),
                                    rng.randint(0x3130, 0x318F), rng.randint(0, 0x10FFFF))))
                    for _ in range(rng.randint(1, 8)))
    return _insert(rng, text, piece)


MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    _nfd, _compat_jamo, _combining, _surrogate, _space, _space, _newlines, _odd, _odd, _typo, _typo, _repeat, _cut,
    _random_chars,
)


# -- invariants ---------------------------------------------------------------------------------------------
class Invariants:
    """The checks, on one Coach per process."""

    def __init__(self) -> None:
        from cs_coach.engine import Coach

        self.coach = Coach()

    def clear(self) -> None:
        from cs_coach.analyze import clear_caches

        clear_caches()
        self.coach.plan.clear_cache()

    def check(self, text: str) -> tuple[object | None, str | None]:
        """(report, None), or (None, failure) when check raised something other than the documented error."""
        try:
            return self.coach.check(text), None
        except ValueError as exc:
            surrogate = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
            if surrogate is not None and f"surrogate U+{ord(text[surrogate]):04X} at position {surrogate}" in str(exc):
                return None, None
            return None, "crash: " + _describe(exc)
        except Exception as exc:
            return None, "crash: " + _describe(exc)

    def failures(
        self, text: str, batch_report: object | None = None, cold: bool = False, fixes: str = "safe unsafe"
    ) -> list[str]:
        """Every invariant `text` breaks (kind: detail); `fixes` names the fix modes whose convergence is checked."""
        report, crash = self.check(text)
        if crash:
            return [crash]
        problems: list[str] = []
        if batch_report is not None and _dump(batch_report) != (_dump(report) if report else _error_dump(text)):
            problems.append("check_many: differs from check")
        if report is None:
            return problems
        problems += _span_problems(text, report)
        if cold:
            self.clear()
            again, crash = self.check(text)
            if crash or _dump(again) != _dump(report):
                problems.append("determinism: a cold re-check differs" + (f" ({crash})" if crash else ""))
        # fix starts from check(x): with nothing applicable it returns x unchanged, so there is nothing to converge.
        kinds = {s.applicability for f in report.findings for s in f.suggestions}  # type: ignore[attr-defined]
        if "safe" in kinds and "safe" in fixes.split():
            problems += self._converges(text, False)
        if kinds and "unsafe" in fixes.split():
            problems += self._converges(text, True)
        return problems

    def _converges(self, text: str, unsafe: bool) -> list[str]:
        kind = "unsafe" if unsafe else "safe"
        try:
            once = self.coach.fix(text, unsafe=unsafe)
            problems = [f"fix-{kind}: {p}" for p in _span_problems(once.text, _remaining(once))]
            twice = self.coach.fix(once.text, unsafe=unsafe)
        except Exception as exc:
            return [f"crash: fix({kind}) " + _describe(exc)]
        if twice.text != once.text:
            problems.append(f"fix-{kind}: not converged (fix changed its own output)")
        if not Counter(_SLOT.findall(once.text)) <= Counter(_SLOT.findall(text)):
            problems.append(f"fix-{kind}: wrote a template slot {{...}} into the text")
        return problems


class _Fixed:
    def __init__(self, text: str, findings: list) -> None:
        self.text, self.findings = text, findings


def _remaining(result: object) -> _Fixed:
    return _Fixed(result.text, result.remaining)  # type: ignore[attr-defined]


def _span_problems(text: str, report: object) -> list[str]:
    problems = []
    n = len(text)
    for f in report.findings:  # type: ignore[attr-defined]
        if not (0 <= f.start <= f.end <= n) or text[f.start : f.end] != f.text:
            problems.append(f"span: finding {f.rule_id} {f.start}-{f.end} not its text")
        for s in f.suggestions:
            if not (0 <= s.start <= s.end <= n):
                problems.append(f"span: suggestion of {f.rule_id} {s.start}-{s.end} out of bounds")
    for s in getattr(report, "sentences", None) or ():
        if not (0 <= s.start <= s.end <= n):
            problems.append(f"span: sentence {s.start}-{s.end} out of bounds")
    return problems


def _dump(report: object) -> str:
    return report.model_dump_json()  # type: ignore[attr-defined]


def _error_dump(text: str) -> str:
    return "<check raised>"


def _describe(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return f"{type(exc).__name__}{where}: {str(exc)[:120]}"


def kind_of(problem: str) -> str:
    """The failure's kind, for grouping and for minimizing to the same failure (crash site included)."""
    head = problem.split(":", 1)[0]
    if head == "crash":  # the exception type and where it was raised
        return "crash: " + problem.split(": ", 2)[1] if problem.count(": ") >= 2 else problem
    return head if head != "fix-safe" and head != "fix-unsafe" else problem


MINIMIZE_SECONDS = 60.0  # a long input whose every try runs the fix loop can take hours to minimize fully


def minimize(text: str, still_fails: Callable[[str], bool], budget: int = 1500,
             seconds: float = MINIMIZE_SECONDS) -> str:
    """Delta debugging: drop chunks, then single characters, while the failure persists (bounded in tries
    and in time: the smallest failing text found so far is returned)."""
    tries = 0
    deadline = time.monotonic() + seconds
    size = max(1, len(text) // 2)
    while size >= 1 and tries < budget and time.monotonic() < deadline:
        i, shrunk = 0, False
        while i < len(text) and tries < budget and time.monotonic() < deadline:
            candidate = text[:i] + text[i + size :]
            tries += 1
            if candidate != text and still_fails(candidate):
                text, shrunk = candidate, True
            else:
                i += size
        if not shrunk:
            size //= 2
    return text


# -- running --------------------------------------------------------------------------------------------------
_worker: tuple[Generator, Invariants, int] | None = None
SLOW_INPUT_SECONDS = 60.0  # an input whose checks take longer is printed (fix on huge texts is super-linear)
_seen: Counter[str] = Counter()  # failures per kind in this process: only the first few are minimized


def _init(seed: int, cold_every: int) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool and prints the summary
    os.environ.setdefault("CS_COACH_WORKERS", "1")
    _worker = (Generator(seed, seed_texts()), Invariants(), cold_every)


def run_range(bounds: tuple[int, int], minimize_first: int = 2) -> tuple[int, list[tuple[str, int, str, str]]]:
    """Check inputs [lo, hi): their count and failures (kind, index, minimized text, detail)."""
    assert _worker is not None
    generator, inv, cold_every = _worker
    lo, hi = bounds
    found: list[tuple[str, int, str, str]] = []
    seen = _seen
    texts = [generator.make(i) for i in range(lo, hi)]
    try:
        batch = list(inv.coach.check_many(texts))
    except Exception as exc:
        found.append(("check_many: aborted the stream", lo, "", _describe(exc)))
        batch = [None] * len(texts)
    for index, text, batch_report in zip(range(lo, hi), texts, batch, strict=True):
        if batch_report is not None and getattr(batch_report, "error", None):
            batch_report = None if _error_matches(inv, text) else batch_report
        started = time.perf_counter()
        problems = inv.failures(text, batch_report, cold=index % cold_every == 0)
        took = time.perf_counter() - started
        if took >= SLOW_INPUT_SECONDS:  # not a failure (timing is noisy), but where a run's hours go
            print(f"  slow input #{index}: {took:,.0f} s for {len(text):,} characters", file=sys.stderr, flush=True)
        for problem in problems:
            kind = kind_of(problem)
            seen[kind] += 1
            print(f"  failure at input #{index}: {problem}", file=sys.stderr, flush=True)
            small = text
            if seen[kind] <= minimize_first and kind != "check_many":
                small = minimize(text, _same_failure(inv, kind))
            found.append((kind, index, small, problem))
    return hi - lo, found


def _same_failure(inv: Invariants, kind: str) -> Callable[[str], bool]:
    """Whether a smaller text still fails in the same way (running only the invariant that failed)."""
    cold = kind == "determinism"
    fixes = "unsafe" if kind.startswith("fix-unsafe") else "safe" if kind.startswith("fix-safe") else ""
    if kind.startswith("crash: fix("):
        fixes = "safe unsafe"
    return lambda t: any(kind_of(p) == kind for p in inv.failures(t, cold=cold, fixes=fixes))


def _error_matches(inv: Invariants, text: str) -> bool:
    """An error Report from check_many is right exactly when check raises the documented error."""
    report, crash = inv.check(text)
    return report is None and crash is None


def chunks(count: int, start: int, size: int) -> Iterator[tuple[int, int]]:
    for lo in range(start, start + count, size):
        yield lo, min(lo + size, start + count)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000, help="inputs to check (default 20,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first input index")
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--batch", type=int, default=200, help="inputs per check_many call and per work item")
    parser.add_argument("--cold-every", type=int, default=10, help="re-check every Nth input with caches cleared")
    parser.add_argument("--only", type=int, help="check just this input index and print it")
    parser.add_argument("--show", type=int, default=3, help="reproducers printed per kind of failure")
    args = parser.parse_args(argv)
    if args.only is not None:
        _init(args.seed, 1)
        assert _worker is not None
        text = _worker[0].make(args.only)
        print(repr(text) if len(text) < 2000 else f"<{len(text)} chars>")
        problems = _worker[1].failures(text, cold=True)
        print("\n".join(problems) or "no failure")
        return 1 if problems else 0
    # Stopping early still prints the summary: SIGINT (ignored by background jobs, so set here) and SIGTERM.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    started = time.perf_counter()
    done = 0
    failures: list[tuple[str, int, str, str]] = []
    work = chunks(args.count, args.start, args.batch)
    report_every = max(args.count // 50, args.batch)
    next_report = report_every
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(args.processes, _init, (args.seed, args.cold_every)) if args.processes > 1 else None
    if pool is None:
        _init(args.seed, args.cold_every)
    results = pool.imap_unordered(run_range, work) if pool is not None else map(run_range, work)
    try:
        for n, found in results:
            done += n
            failures += found
            if done >= next_report:
                next_report += report_every
                _progress(done, args.count, failures, started)
    except KeyboardInterrupt:
        print("interrupted: the figures below cover the inputs checked so far", file=sys.stderr)
    finally:
        if pool is not None:
            pool.terminate()
    elapsed = time.perf_counter() - started
    print(f"fuzz: {done:,} inputs checked (seed {args.seed}, start {args.start}) in {elapsed:,.0f} s "
          f"({done / max(elapsed, 1e-9):,.0f} inputs/s, {args.processes} processes)")
    print(f"failures: {len(failures):,}")
    by_kind: dict[str, list[tuple[str, int, str, str]]] = {}
    for failure in sorted(failures, key=lambda f: f[1]):
        by_kind.setdefault(failure[0], []).append(failure)
    for kind, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        print(f"\n[{len(items):,}] {kind}")
        shown = [item for item in items if item[2] != _original(args.seed, item[1])] or items
        for _, index, small, detail in shown[: args.show]:
            print(f"  input #{index}: {detail}")
            print(f"    minimized: {small!r}" if len(small) < 400 else f"    minimized: <{len(small)} chars>")
    return 1 if failures else 0


def _original(seed: int, index: int) -> str | None:
    """The input as generated (so the summary can prefer failures that were minimized)."""
    return _worker[0].make(index) if _worker is not None else None


def _progress(done: int, count: int, failures: list[tuple[str, int, str, str]], started: float) -> None:
    rate = done / max(time.perf_counter() - started, 1e-9)
    kinds = Counter(f[0] for f in failures)
    summary = "; ".join(f"{n} {k}" for k, n in kinds.most_common(4))
    print(f"  {done:,}/{count:,} ({rate:,.0f}/s, {len(failures):,} failures{': ' + summary if summary else ''})",
          file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
