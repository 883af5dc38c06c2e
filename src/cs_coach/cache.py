"""Compiled rule sets cached on disk, so a warm start skips YAML parsing, validation and phrase compilation.

Compiling `phrase:` matchers and lexicon entries calls Kiwi, which would otherwise make every start wait
for Kiwi's 1-2 s load before the first pack is ready. The cache key is a hash of everything that decides
the compiled result: the pack files (path and content), the cs_coach and kiwipiepy versions, and the
source of the modules that validate and compile packs (a development checkout changes them without a
version bump). A file holds a magic line, the SHA-256 of its payload and the payload: the rule set as
plain JSON (rulecodec.py), which cannot run code when read. A file that does not verify or decode to a
rule set is deleted and rebuilt, never trusted.

Where: $CS_COACH_CACHE_DIR, else $XDG_CACHE_HOME/cs_coach, else ~/.cache/cs_coach (created private,
0700). CS_COACH_NO_CACHE=1 turns it off. A directory owned by another user or writable by everyone is
not used (one warning per process): whoever can write there could plant rules. A directory that cannot
be written is skipped silently: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .compiler import RuleSet

FORMAT = b"cs_coach-ruleset-json-v3\n"
KEEP_FILES = 32  # old entries beyond this many are pruned, newest kept
# Modules whose source decides what a compiled RuleSet contains.
_COMPILER_MODULES = (
    "packs.py", "compiler.py", "validate.py", "match.py", "schema.py",
    "analyze.py", "metrics.py", "speech.py", "cache.py", "rulecodec.py", "regexes.py", "tags.py",
    "packyaml.py", "schema_errors.py",
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
    digest.update(f"{__version__}|{kiwi_version}|{sys.version_info[:2]}".encode())
    digest.update(_CODE_DIGEST)
    for name, content in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(len(content).to_bytes(8, "little"))
        digest.update(content)
    return digest.hexdigest()[:40]


def _entry(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"ruleset-{key}.json"


_warned: set[str] = set()


def _refuse(folder: Path, reason: str) -> None:
    """Warn once per process and directory: the cache is off, checking goes on (only slower to start)."""
    if str(folder) not in _warned:
        _warned.add(str(folder))
        warnings.warn(f"cs_coach: not using the pack cache {folder}: {reason}", RuntimeWarning, stacklevel=4)


def _usable(folder: Path, create: bool) -> bool:
    """The directory exists (or was created private) and is ours and not world-writable: anyone who can
    write there could plant a rule set, so another user's or a shared directory is not used."""
    try:
        if create and not folder.exists():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False  # absent (nothing cached yet) or unreachable: silently no cache
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        _refuse(folder, f"it belongs to another user (uid {info.st_uid})")
        return False
    if info.st_mode & stat.S_IWOTH:
        _refuse(folder, "it is world-writable")
        return False
    return True


def load(key: str) -> RuleSet | None:
    """The cached rule set, or None when absent, unusable, corrupt or unreadable (a bad file is removed)."""
    from . import rulecodec

    path = _entry(key)
    if path is None or not _usable(path.parent, create=False):
        return None
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                return None  # not written by us: leave it, do not trust it
            blob = handle.read()
    except OSError:
        return None
    header = len(FORMAT) + 32
    payload = blob[header:]
    if blob[: len(FORMAT)] == FORMAT and blob[len(FORMAT) : header] == hashlib.sha256(payload).digest():
        try:
            return rulecodec.load(json.loads(payload))
        except (ValueError, RecursionError):  # bad JSON or not a rule set: rebuild
            pass
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def store(key: str, ruleset: RuleSet) -> bool:
    """Write atomically (temp file + rename); False, silently, when the cache cannot be written."""
    from . import rulecodec

    path = _entry(key)
    if path is None:
        return False
    try:
        payload = json.dumps(rulecodec.dump(ruleset), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except Exception:  # a rule set the codec cannot describe is simply not cached (loading goes on)
        return False
    if not _usable(path.parent, create=True):
        return False
    try:
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
    for old in folder.glob("ruleset-*.pickle"):  # written by versions before the JSON format: never read
        with contextlib.suppress(OSError):
            old.unlink()
    entries = sorted(folder.glob("ruleset-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_FILES:]:
        with contextlib.suppress(OSError):
            old.unlink()
