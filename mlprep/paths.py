"""Where things live: the built-in content, the user's data home, the drill workspace.

`MLPREP_HOME` overrides the whole data location (database, user banks, caches); otherwise the
platformdirs user data dir is used. `MLPREP_WORKSPACE` overrides where drill files are written.
"""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _builtin(name: str) -> Path:
    # In a wheel, content/ and drills/ are force-included as mlprep/_data/<name>;
    # in a source checkout (editable install, tests) they sit at the repository's top level.
    packaged = _PKG / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PKG.parent / name


def content_dir() -> Path:
    """The folder of built-in question banks."""
    return _builtin("content")


def drills_dir() -> Path:
    """The folder of built-in drills."""
    return _builtin("drills")


def data_home() -> Path:
    """The user's data folder (created on demand by the callers that write to it)."""
    env = os.environ.get("MLPREP_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("mlprep", appauthor=False))


def db_path() -> Path:
    return data_home() / "mlprep.sqlite3"


def user_banks_dir() -> Path:
    """Folder for the user's own YAML banks; every *.yaml file in it is loaded with the built-ins."""
    return data_home() / "banks"


def cache_dir() -> Path:
    """Validated-bank cache; `MLPREP_CACHE` overrides it (tests share one)."""
    env = os.environ.get("MLPREP_CACHE")
    return Path(env).expanduser() if env else data_home() / "cache"


def workspace_dir() -> Path:
    """Where `mlprep drill` writes the user's solution files."""
    env = os.environ.get("MLPREP_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return Path.home() / "mlprep" / "drills"
