"""Compiled rule sets cached on disk, so a warm start skips YAML parsing, validation and phrase compilation.

Compiling `phrase:` matchers and lexicon entries calls Kiwi, which would otherwise make every start wait
for Kiwi's 1-2 s load before the first pack is ready. The cache key is a hash of everything that decides
the compiled result: the pack files (path and content), the cs_coach and kiwipiepy versions, and the
source of the modules that validate and compile packs (a development checkout changes them without a
version bump). A file holds a magic line, the SHA-256 of its payload and the pickled payload; anything
that does not verify or unpickle to the expected type is deleted and rebuilt, never trusted.

Where: $CS_COACH_CACHE_DIR, else $XDG_CACHE_HOME/cs_coach, else ~/.cache/cs_coach. CS_COACH_NO_CACHE=1
turns it off. A directory that cannot be written is skipped silently: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FORMAT = b"cs_coach-ruleset-v1\n"
KEEP_FILES = 32  # old entries beyond this many are pruned, newest kept
# Modules whose source decides what a compiled RuleSet contains.
_COMPILER_MODULES = (
    "packs.py", "compiler.py", "validate.py", "match.py", "schema.py",
    "analyze.py", "metrics.py", "speech.py", "cache.py",
)


def cache_dir() -> Path | None:
    if os.environ.get("CS_COACH_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("CS_COACH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cs_coach"


def _code_digest() -> bytes:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _COMPILER_MODULES:
        with contextlib.suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.digest()


# Read once, when the package is imported (packs imports this module before its compiler modules load):
# a long-running process must key its entries by the code it runs, not by files edited since it started.
_CODE_DIGEST = _code_digest()


def fingerprint(sources: Iterable[tuple[str, bytes]]) -> str:
    """Hash of pack (path, content) pairs plus versions and compiler source: the cache key."""
    from . import __version__

    try:
        import kiwipiepy

        kiwi_version = str(getattr(kiwipiepy, "__version__", "?"))
    except ImportError:  # pragma: no cover - kiwipiepy is a dependency
        kiwi_version = "none"
    digest = hashlib.sha256()
    digest.update(FORMAT)
    digest.update(f"{__version__}|{kiwi_version}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    digest.update(_CODE_DIGEST)
    for name, content in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(len(content).to_bytes(8, "little"))
        digest.update(content)
    return digest.hexdigest()[:40]


def _entry(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"ruleset-{key}.pickle"


def load(key: str, expected: type[T]) -> T | None:
    """The cached object, or None when absent, corrupt, unreadable or of another type (then removed)."""
    path = _entry(key)
    if path is None:
        return None
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    header = len(FORMAT) + 32
    payload = blob[header:]
    if blob[: len(FORMAT)] == FORMAT and blob[len(FORMAT) : header] == hashlib.sha256(payload).digest():
        try:
            value = pickle.loads(payload)
        except Exception:  # any unpickling failure means: rebuild
            value = None
        if isinstance(value, expected):
            return value
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def store(key: str, value: object) -> bool:
    """Write atomically (temp file + rename); False, silently, when the cache cannot be written."""
    path = _entry(key)
    if path is None:
        return False
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable rule set is simply not cached
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".ruleset-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(FORMAT + hashlib.sha256(payload).digest() + payload)
            os.replace(temp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        with contextlib.suppress(OSError):
            _prune(path.parent)
    except OSError:
        return False
    return True


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("ruleset-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_FILES:]:
        with contextlib.suppress(OSError):
            old.unlink()
