"""A bounded local load test of the service (127.0.0.1 only). Figures only, no asserts.

    python benchmarks/load.py [--requests 4000] [--threads 8] [--slow 50] [--seconds 300]

Starts `cs-coach serve`'s app with uvicorn in a subprocess on a free local port, waits for /health, then
sends a fixed number of requests from a few keep-alive client threads: mostly ordinary traffic (/check,
/check_many of 10, /fix, /rules) made from this file's own reply templates, mixed with the hostile requests
of issue 12 that must be refused cleanly (oversized and chunked bodies → 413, text/plain → 415,
`"unsafe": "yes"` and lone surrogates → 422). Every response is compared with the status it should have;
anything else, or a dropped connection, is an error. Then `--slow` connections send half a body and stall:
each must get 408 and be closed by the server's body deadline.

Printed: requests/s, p50/p99 latency of the ordinary requests, errors by kind, and the server's RSS at
start (after warm-up), at each quarter and at the end. The target: 0 errors and flat memory.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import select
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]

# Our own reply pieces (no corpus text): a greeting, a body and a closing, slots filled at random.
OPENINGS = ["안녕하세요, 고객님.", "네, 확인해 드릴게요.", "문의 주셔서 감사합니다.", "기다려 주셔서 감사합니다.", ""]
BODIES = [
    "주문하신 {item}은 내일까지 출고될 예정입니다.",
    "그건 규정상 안 됩니다.",
    "{item} 교환은 지금 해 드릴 수 없어요.",
    "금일 중으로 {item} 배송 처리하겠습니다.",
    "잠시만 기다리세요.",
    "재고가 없어서 {item} 주문이 어렵습니다.",
    "확인하고 세 시까지 다시 연락드릴게요.",
    "주문하신 {item} 나오셨습니다.",
    "그건 거기 가서 물어봐.",
    "불편을 드려 죄송합니다. {item} 사진을 보내 주시겠어요?",
]
ITEMS = ["운동화", "무선 이어폰", "겨울 외투", "전기 주전자", "책상 의자"]
CLOSINGS = ["감사합니다.", "좋은 하루 보내세요!", "더 궁금하신 점 있으시면 말씀해 주세요.", ""]


def reply(rng: random.Random) -> str:
    body = rng.choice(BODIES).format(item=rng.choice(ITEMS))
    return " ".join(p for p in (rng.choice(OPENINGS), body, rng.choice(CLOSINGS)) if p)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_server(port: int, body_timeout: float) -> subprocess.Popen:
    code = (
        "import uvicorn\n"
        "from cs_coach.server.app import create_app\n"
        f"uvicorn.run(create_app(body_timeout={body_timeout}), host={HOST!r}, port={port}, log_level='warning',"
        " limit_concurrency=200, timeout_keep_alive=5)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    server = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read() if server.stderr else ''}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server did not answer /health within 120 s")


Request = tuple[str, str, bytes, dict[str, str], int]  # kind, path, body, headers, expected status
JSON = {"content-type": "application/json"}


def make_request(rng: random.Random) -> Request:
    roll = rng.random()
    if roll < 0.55:
        return "check", "/check", json.dumps({"text": reply(rng)}).encode(), JSON, 200
    if roll < 0.70:
        texts = [reply(rng) for _ in range(10)]
        return "check_many", "/check_many", json.dumps({"texts": texts}).encode(), JSON, 200
    if roll < 0.82:
        body = {"text": reply(rng), "unsafe": rng.random() < 0.5}
        return "fix", "/fix", json.dumps(body).encode(), JSON, 200
    if roll < 0.85:
        return "rules", "/rules", b"", {}, 200
    if roll < 0.88:
        return "hostile:text/plain", "/check", reply(rng).encode(), {"content-type": "text/plain"}, 415
    if roll < 0.91:
        body = {"text": reply(rng), "unsafe": "yes"}
        return "hostile:strict", "/fix", json.dumps(body).encode(), JSON, 422
    if roll < 0.94:
        text = reply(rng)
        cut = rng.randrange(len(text) + 1)
        body = json.dumps({"text": text[:cut] + "\ud800" + text[cut:]}).encode()  # ascii JSON: \\ud800
        return "hostile:surrogate", "/check", body, JSON, 422
    if roll < 0.97:
        return "hostile:content-length", "/check", b"", JSON, 413  # sent by oversize()
    return "hostile:chunked", "/check", b"", JSON, 413  # sent by oversize()


def oversize(port: int, chunked: bool, total: int = 3_000_000, chunk: int = 65_536) -> int:
    """Send a body bigger than the limit (chunked, or with its true content-length) on a raw socket, reading
    as soon as the server answers (it refuses without reading the rest); the status it answered (0: none)."""
    sock = socket.create_connection((HOST, port), timeout=10)
    answer = b""
    framing = "transfer-encoding: chunked" if chunked else f"content-length: {total}"
    try:
        sock.sendall(f"POST /check HTTP/1.1\r\nHost: {HOST}\r\ncontent-type: application/json\r\n"
                     f"{framing}\r\n\r\n".encode())
        sent = 0
        piece = b'{"text": "' + b"a" * (chunk - 10)
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece)
            except OSError:
                break
            sent += len(piece)
            piece = b"a" * chunk
        sock.settimeout(10)
        try:
            while b"\r\n" not in answer:
                data = sock.recv(4096)
                if not data:
                    break
                answer += data
        except OSError:
            pass
    finally:
        sock.close()
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


class Client:
    """One keep-alive connection, reopened when the server closes it (as it does after refusing a body)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn: http.client.HTTPConnection | None = None

    def send(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> int:
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body or None, headers=headers)
                response = self.conn.getresponse()
                response.read()
                if response.will_close:
                    self.conn.close()
                    self.conn = None
                return response.status
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        return 0


def run_load(port: int, total: int, threads: int, seconds: float, pid: int, seed: int) -> dict:
    lock = threading.Lock()
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    done = {"n": 0}
    rss_marks: list[tuple[int, float]] = []
    marks = {total * k // 4 for k in (1, 2, 3)}
    stop_at = time.monotonic() + seconds

    def worker(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        client = Client(port)
        while time.monotonic() < stop_at:
            with lock:
                if done["n"] >= total:
                    return
                done["n"] += 1
                count = done["n"]
            kind, path, body, headers, expected = make_request(rng)
            start = time.perf_counter()
            try:
                if kind in ("hostile:chunked", "hostile:content-length"):
                    status = oversize(port, chunked=kind == "hostile:chunked")
                else:
                    status = client.send("GET" if kind == "rules" else "POST", path, body, headers)
            except OSError as exc:
                status, kind_error = 0, f"{kind}: {type(exc).__name__}"
            else:
                kind_error = f"{kind}: got {status}, expected {expected}" if status != expected else ""
            elapsed = time.perf_counter() - start
            with lock:
                kinds[kind] += 1
                if kind_error:
                    errors[kind_error] += 1
                elif not kind.startswith("hostile"):
                    latencies.append(elapsed)
                if count in marks:
                    rss_marks.append((count, rss_mb(pid)))

    start = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    wall = time.perf_counter() - start
    return {"wall": wall, "done": done["n"], "latencies": latencies, "errors": errors, "kinds": kinds,
            "rss_marks": sorted(rss_marks)}


def slow_bodies(port: int, count: int, body_timeout: float) -> tuple[Counter[str], float]:
    """`count` connections that send half a body and stall: what each got, and when the last was closed."""
    socks = []
    head = (f"POST /check HTTP/1.1\r\nHost: {HOST}\r\ncontent-type: application/json\r\n"
            "content-length: 1000\r\n\r\n").encode()
    for _ in range(count):
        sock = socket.create_connection((HOST, port), timeout=body_timeout + 30)
        sock.sendall(head + b'{"text": "' + b"a" * 100)
        socks.append(sock)
    outcomes: Counter[str] = Counter()
    start = time.perf_counter()
    for sock in socks:
        try:
            answer = sock.recv(4096)
            status = answer.split(b" ", 2)[1].decode() if answer else "closed"
            rest = sock.recv(4096) if answer else b""
            while rest:
                rest = sock.recv(4096)
            outcomes[f"{status}, then closed"] += 1
        except OSError as exc:
            outcomes[type(exc).__name__] += 1
        finally:
            sock.close()
    return outcomes, time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=4_000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=300.0, help="stop sending after this long")
    parser.add_argument("--slow", type=int, default=50, help="stalled-body connections (0: skip)")
    parser.add_argument("--body-timeout", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    port = free_port()
    server = start_server(port, args.body_timeout)
    try:
        warm = Client(port)
        rng = random.Random(args.seed)
        for _ in range(50):
            warm.send("POST", "/check", json.dumps({"text": reply(rng)}).encode(), JSON)
        rss_start = rss_mb(server.pid)
        result = run_load(port, args.requests, args.threads, args.seconds, server.pid, args.seed)
        rss_end = rss_mb(server.pid)
        lat = result["latencies"]
        print(f"server 127.0.0.1:{port} (pid {server.pid}), {args.threads} client threads, seed {args.seed}")
        print(f"requests: {result['done']} in {result['wall']:.1f} s = {result['done'] / result['wall']:.1f} req/s")
        print("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(result["kinds"].items())))
        if lat:
            print(f"ordinary requests: p50 {pct(lat, 0.5) * 1000:.1f} ms, p99 {pct(lat, 0.99) * 1000:.1f} ms, "
                  f"mean {statistics.fmean(lat) * 1000:.1f} ms (n={len(lat)})")
        print(f"errors: {sum(result['errors'].values())}")
        for kind, n in result["errors"].most_common():
            print(f"  {n} × {kind}")
        marks = ", ".join(f"after {n}: {mb:.0f} MB" for n, mb in result["rss_marks"])
        print(f"server RSS: start {rss_start:.0f} MB, {marks}, end {rss_end:.0f} MB "
              f"(growth {rss_end - rss_start:+.0f} MB)")
        if args.slow:
            outcomes, waited = slow_bodies(port, args.slow, args.body_timeout)
            print(f"slow bodies: {args.slow} stalled connections → "
                  + ", ".join(f"{n} × {k}" for k, n in outcomes.items())
                  + f"; all closed {waited:.1f} s after the last was opened (deadline {args.body_timeout:g} s)")
            print(f"server RSS after the slow bodies: {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

