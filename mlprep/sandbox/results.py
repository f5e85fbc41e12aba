"""The results file of a grading run: the one module that writes it (the plugin) and reads it (the grader).

The contract is documented in docs/results-format.md. In short: JSON lines, each
`{"v": 2, "e": BODY, "sig": HMAC}` where BODY is the JSON text of one event (pure ASCII) and HMAC is
HMAC-SHA256 of BODY under a one-time key the grader hands to the plugin through a pipe. Every event
carries `seq` (0, 1, 2, ...); the `end` event says how many events came before it. A reader can
therefore tell a complete run from one whose lines were lost, cut short or forged, and never takes an
incomplete file for "no tests ran".

Imports nothing from mlprep: it runs in the grading process beside user code's proxy.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from typing import Any

VERSION = 2  # 2: `speed` times are CPU seconds per call, measured by the trusted side
EVENTS = ("collected", "start", "test", "speed", "end")


def sign(key: bytes, body: str) -> str:
    """HMAC-SHA256 (hex) of one event body."""
    return hmac.new(key, body.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def _plain(value: Any) -> Any:
    """A JSON-safe copy: str keys, finite-or-named floats, everything else as its str()."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


class Writer:
    """Appends signed, numbered events to the results file with one `os.write` per line."""

    def __init__(self, path: str, key: bytes):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600) if path else None
        self.key = key
        self.seq = 0

    def emit(self, event: dict[str, Any]) -> None:
        if self.fd is None:
            return
        event = dict(event, seq=self.seq)
        if event.get("event") == "end":
            event["events"] = self.seq
        try:
            body = json.dumps(event, default=str, sort_keys=True, ensure_ascii=True)
        except (TypeError, ValueError):  # odd keys or values: never lose the event, carry it as text
            body = json.dumps(_plain(event), sort_keys=True, ensure_ascii=True)
        line = (json.dumps({"v": VERSION, "e": body, "sig": sign(self.key, body)}) + "\n").encode("ascii")
        self.seq += 1
        view = memoryview(line)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@dataclass
class Results:
    events: list[dict[str, Any]] = field(default_factory=list)
    forged: int = 0        # lines whose signature does not match (written by something else)
    unreadable: int = 0    # lines that are not JSON, or cut short
    ended: bool = False

    @property
    def complete(self) -> bool:
        """Every event up to and including `end` arrived, in order, exactly once."""
        if not self.ended:
            return False
        seqs = [e.get("seq") for e in self.events]
        end = self.events[-1] if self.events and self.events[-1].get("event") == "end" else None
        return end is not None and seqs == list(range(len(seqs))) and end.get("events") == len(seqs) - 1

    @property
    def lost(self) -> int:
        """How many events numbered before the last one received are missing."""
        if not self.events:
            return 0
        top = max(int(e.get("seq", 0)) for e in self.events)
        return top + 1 - len({e.get("seq") for e in self.events})


def read(path: str | os.PathLike[str] | int, key: bytes) -> Results:
    """Parse a results file (a path, or a descriptor open on it: read from the start, left open),
    keeping only correctly signed events of this format version."""
    out = Results()
    try:
        if isinstance(path, int):
            with os.fdopen(os.dup(path), "rb") as raw:
                raw.seek(0)
                lines = raw.read().decode("ascii", "replace").splitlines(keepends=True)
        else:
            with open(path, encoding="ascii", errors="replace") as fh:
                lines = fh.readlines()
    except OSError:
        return out
    for line in lines:
        try:
            wrapper = json.loads(line)
            body = wrapper["e"]
            if wrapper.get("v") != VERSION or not isinstance(body, str):
                out.unreadable += 1
                continue
            if not hmac.compare_digest(sign(key, body), str(wrapper.get("sig", ""))):
                out.forged += 1
                continue
            event = json.loads(body)
            if not isinstance(event, dict) or event.get("event") not in EVENTS:
                out.unreadable += 1
                continue
        except (ValueError, KeyError, TypeError, AttributeError):  # JSON and Unicode errors included
            out.unreadable += 1
            continue
        out.events.append(event)
        if event.get("event") == "end":
            out.ended = True
    return out
