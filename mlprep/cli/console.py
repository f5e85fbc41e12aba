"""The two Rich consoles of the app: `console` for output, `err_console` for errors.

They are created on first use (module `__getattr__`), so importing this module costs nothing and
`mlprep --help` never loads Rich.

Both consoles carry a render hook that passes every printed text segment through
`mlprep.safetext.sanitize` and drops hyperlink styles: whatever a renderer forgets, text from a bank
(or a submission's output) can never reach the terminal as an escape sequence or a hidden OSC 8 link.
Banks with such characters are refused at load; this is the second line of defence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    console: Console
    err_console: Console


def _sanitizing_hook() -> Any:
    from rich.console import RenderHook
    from rich.segment import Segment

    from mlprep.safetext import has_unsafe, sanitize

    class _Sanitized:
        def __init__(self, renderable: Any):
            self.renderable = renderable

        def __rich_console__(self, console: Any, options: Any) -> Any:
            for seg in console.render(self.renderable, options):
                if seg.control:  # Rich's own cursor movements (never bank text)
                    yield seg
                    continue
                text, style = seg.text, seg.style
                if has_unsafe(text):
                    text = sanitize(text)
                if style is not None and style.link:
                    style = style.update_link(None)
                yield Segment(text, style) if (text is not seg.text or style is not seg.style) else seg

    class SanitizingHook(RenderHook):
        def process_renderables(self, renderables: list) -> list:
            return [_Sanitized(r) for r in renderables]

    return SanitizingHook()


def __getattr__(name: str) -> Any:
    if name in ("console", "err_console"):
        from rich.console import Console

        hook = _sanitizing_hook()
        out, err = Console(highlight=False), Console(stderr=True, highlight=False)
        out.push_render_hook(hook)
        err.push_render_hook(hook)
        globals()["console"] = out
        globals()["err_console"] = err
        return globals()[name]
    raise AttributeError(name)
