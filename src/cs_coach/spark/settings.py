"""What a Spark worker needs to build the driver's Coach: settings as JSON and user packs as text.

Built-in packs ship inside the wheel, so they travel by name. A user pack given by path exists only on
the driver's disk: its YAML travels with the task and each worker writes it once into a private folder
named by the content's hash, so every worker compiles exactly the files the driver validated.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..engine import Coach
from ..packs import builtin_packs, resolve_pack_paths


@dataclass(frozen=True)
class ShippedSettings:
    """A picklable recipe for a Coach: the Config as JSON, user pack files as (file name, text)."""

    config_json: str
    packs: tuple[str, ...] | None  # built-in names or keys of `files`; None = every built-in pack
    extra_packs: tuple[str, ...]
    files: tuple[tuple[str, str, str], ...]  # (key, file name, YAML text)

    @property
    def key(self) -> str:
        digest = hashlib.sha256(repr((self.config_json, self.packs, self.extra_packs, self.files)).encode())
        return digest.hexdigest()[:16]


def ship(packs: Iterable[str | Path] | None, config: Config | None) -> ShippedSettings:
    """Resolve packs on the driver (unknown names and unreadable files fail here, not on a worker)."""
    config = config or Config()
    names = list(packs) if packs is not None else config.packs
    files: dict[str, tuple[str, str]] = {}

    def carry(entries: Iterable[str | Path] | None) -> tuple[str, ...] | None:
        if entries is None:
            return None
        builtin = builtin_packs()
        out: list[str] = []
        for entry, path in zip(entries, resolve_pack_paths(list(entries)), strict=True):
            if str(entry) in builtin:
                out.append(str(entry))
                continue
            text = path.read_text(encoding="utf-8")
            key = hashlib.sha256(text.encode()).hexdigest()[:16]
            files[key] = (path.name, text)
            out.append(key)
        return tuple(out)

    chosen = carry([str(n) for n in names] if names is not None else None)
    extra = carry(list(config.extra_packs)) or ()
    plain = config.model_copy(update={"packs": None, "extra_packs": []})
    return ShippedSettings(
        config_json=plain.model_dump_json(),
        packs=chosen,
        extra_packs=extra,
        files=tuple((key, name, text) for key, (name, text) in sorted(files.items())),
    )


_coaches: dict[str, Coach] = {}
_lock = threading.Lock()


def coach_for(settings: ShippedSettings) -> Coach:
    """One Coach per settings per Python worker process, built on first use and kept (Kiwi loads once)."""
    coach = _coaches.get(settings.key)
    if coach is None:
        with _lock:
            coach = _coaches.get(settings.key)
            if coach is None:
                coach = _coaches[settings.key] = _build(settings)
    return coach


def _build(settings: ShippedSettings) -> Coach:
    folder = Path(tempfile.gettempdir()) / f"cs-coach-packs-{os.getuid()}-{settings.key}"
    paths: dict[str, str] = {}
    for key, name, text in settings.files:
        target = folder / key / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial = target.with_suffix(target.suffix + f".{os.getpid()}.tmp")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, target)
        paths[key] = str(target)

    def local(entries: tuple[str, ...] | None) -> list[str] | None:
        return None if entries is None else [paths.get(entry, entry) for entry in entries]

    config = Config.model_validate_json(settings.config_json)
    config = config.model_copy(update={"extra_packs": local(settings.extra_packs) or []})
    return Coach(packs=local(settings.packs), config=config)
