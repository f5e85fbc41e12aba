"""Files written whole or not at all: a temporary file in the same folder, then a rename.

A crash, a full disk or Ctrl-C never leaves a half-written report, export, backup or cache in place.
Errors are raised as `OSError`; callers word them for the user.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def atomic_write(path: Path | str, write_to: Callable[[Path], object], *, fsync: bool = True) -> None:
    """Create `path` by calling `write_to(tmp)` on a temporary sibling, then renaming it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_to(tmp)
        if fsync:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write UTF-8 text atomically (newlines as given)."""
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    atomic_write(path, write)
