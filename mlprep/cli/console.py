"""The two Rich consoles of the app: `console` for output, `err_console` for errors.

They are created on first use (module `__getattr__`), so importing this module costs nothing and
`mlprep --help` never loads Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    console: Console
    err_console: Console


def __getattr__(name: str) -> Any:
    if name in ("console", "err_console"):
        from rich.console import Console

        globals()["console"] = Console(highlight=False)
        globals()["err_console"] = Console(stderr=True, highlight=False)
        return globals()[name]
    raise AttributeError(name)
