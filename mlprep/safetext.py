"""Text from untrusted files (banks, drills, a submission's output) made safe to show in a terminal.

A shared bank is data: it must not be able to move the cursor, retitle the window, write the clipboard
(OSC 52), hide a hyperlink (OSC 8), clear the screen, or reorder what is shown (bidi overrides, the
"Trojan Source" trick). `unsafe_chars` finds the code points that can do any of that; loading a bank
refuses them, and the CLI's consoles pass every printed segment through `sanitize` as well, so nothing
from a bank reaches the terminal raw even if a check is bypassed. `clip` keeps error messages short
when they quote an offending value.

Unsafe: the C0 controls except tab and newline (ESC, BEL, BS, CR, ...), DEL, the C1 controls (CSI
U+009B and OSC U+009D are single-character escape introducers on some terminals), the bidirectional
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F,
U+061C), and the line and paragraph separators U+2028 and U+2029.
"""

from __future__ import annotations

import re

_UNSAFE_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
UNSAFE = _UNSAFE  # the compiled pattern, for callers that escape matches their own way (JSON)
NAMES = {0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI", 0x9D: "OSC",
         0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x2028: "LINE SEPARATOR",
         0x2029: "PARAGRAPH SEPARATOR"}


def unsafe_chars(text: str) -> list[tuple[int, str]]:
    """(index, character) of every terminal-unsafe code point in `text`, in order."""
    return [(m.start(), m.group()) for m in _UNSAFE.finditer(text)]


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def describe_char(ch: str) -> str:
    """`U+001B (ESC)`: how an error message names a character."""
    code = ord(ch)
    name = NAMES.get(code)
    if name is None:
        kind = "control character" if code < 0x20 or 0x7F <= code <= 0x9F else "bidi/layout character"
        return f"U+{code:04X} ({kind})"
    return f"U+{code:04X} ({name})"


def _visible(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def sanitize(text: str) -> str:
    """`text` with every unsafe code point written out visibly (ESC becomes the four characters `\\x1b`)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _visible(m.group()), text)


def json_safe(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every unsafe code point as a `\\uXXXX`
    escape: the same document once decoded, and safe to print (JSON escapes only the C0 controls itself)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clip(value: object, limit: int = 60) -> str:
    """A short, safe rendering of a value for an error message: its repr for non-strings, cut to `limit`
    characters with an ellipsis and a note of the full length."""
    text = value if isinstance(value, str) else _safe_repr(value, limit)
    text = sanitize(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def _safe_repr(value: object, limit: int) -> str:
    """A bounded repr: `reprlib` stops at a few items and levels, so a huge or self-referencing
    structure is never walked."""
    import reprlib

    r = reprlib.Repr()
    r.maxstring = r.maxother = max(limit, 12)
    r.maxlist = r.maxtuple = r.maxdict = r.maxset = 6
    r.maxlevel = 3
    try:
        return r.repr(value)
    except Exception:  # a hostile object's repr must not break an error message
        return f"<{type(value).__name__}>"


def quote(value: object, limit: int = 60) -> str:
    """`clip` in quotes, for messages like `answer 'x' is not among the choices`."""
    return repr(clip(value, limit)) if isinstance(value, str) else clip(value, limit)
