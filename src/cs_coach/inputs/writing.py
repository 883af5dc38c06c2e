"""Writing fixed files, reports and worksheets in one step, so that a failed write never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteError(ValueError):
    """A file that cannot be written: text the encoding cannot hold, or an OS error. The original stays."""


def write_atomic(path: Path, content: str, encoding: str = "utf-8", bom: bool = False) -> None:
    """Replace a file in one step: temp file in the same folder, fsync, os.replace. On error the original stays.

    Creating the temp file fails as the OS says (FileNotFoundError for a missing folder); later failures and
    text the encoding cannot hold raise WriteError.
    """
    try:
        data = content.encode(encoding)
    except UnicodeEncodeError as exc:
        raise WriteError(f"{path}: the fixed text cannot be written as {encoding}: {exc.reason}") from exc
    if bom:
        data = b"\xef\xbb\xbf" + data
    folder = path.resolve().parent
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise


def _umask() -> int:
    """The process umask (reading it means setting it, so it is put straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
