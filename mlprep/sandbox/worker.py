"""The worker process that runs a user's drill submission (`python -m mlprep.sandbox.worker`).

It is the only process that executes user code. It limits its own memory and CPU, redirects its
stdout/stderr to a capture file, blocks forbidden imports, imports the submission, then serves
calls from the grading process over a pipe (see `drill_wire`): call a function, call a method of
an object it returned, read an attribute, time a call. Every exception the user's code raises
(including SystemExit, MemoryError, RecursionError) is caught and reported as data; if the code
kills the process (os._exit, a signal), the grading process sees the pipe close and says so.
"""

from __future__ import annotations

import copy
import importlib.abc
import importlib.util
import os
import sys
import time
import traceback
import types
from typing import Any

from mlprep.sandbox import wire as wire

FORBIDDEN_PREFIX = "mlprep: importing"


class _Blocker(importlib.abc.MetaPathFinder):
    def __init__(self, forbidden: set[str]):
        self.forbidden = forbidden

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        top = fullname.split(".")[0]
        if top in self.forbidden:
            raise ImportError(f"{FORBIDDEN_PREFIX} '{top}' is not allowed in this drill: implement it with "
                              "NumPy from scratch")
        return None


def _limit_resources(memory_mb: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # not on Linux/macOS: no limits
        return
    for lim, value in ((getattr(resource, "RLIMIT_AS", None), memory_mb * 1024 * 1024),
                       (getattr(resource, "RLIMIT_CPU", None), cpu_seconds),
                       (getattr(resource, "RLIMIT_FSIZE", None), 64 * 1024 * 1024)):
        if lim is None or value <= 0:
            continue
        try:
            resource.setrlimit(lim, (value, value))
        except (ValueError, OSError):
            pass


def _where(exc: BaseException, submission: str) -> tuple[int | None, str]:
    """Line number and a short trace of the frames inside the submission."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.abspath(f.filename) == submission]
    if isinstance(exc, SyntaxError) and exc.filename and os.path.abspath(exc.filename) == submission:
        return exc.lineno, f"line {exc.lineno}: {(exc.text or '').strip()}"
    if not frames:
        return None, ""
    lines = [f"line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames[-3:]]
    return frames[-1].lineno, "\n".join(lines)


def _kind(exc: BaseException) -> str:
    if isinstance(exc, NotImplementedError):
        return "not_implemented"
    if isinstance(exc, ImportError) and str(exc).startswith(FORBIDDEN_PREFIX):
        return "forbidden_import"
    if isinstance(exc, SystemExit):
        return "exit"
    if isinstance(exc, MemoryError):
        return "memory"
    if isinstance(exc, RecursionError):
        return "recursion"
    return "exception"


def _error(exc: BaseException, submission: str) -> tuple:
    line, where = _where(exc, submission)
    message = str(exc)
    if isinstance(exc, SystemExit):
        message = f"exit code {exc.code!r}"
    return ("error", _kind(exc), type(exc).__name__, message[:2000], line, where)


def _snapshot(value: Any) -> Any:
    try:
        return copy.deepcopy(value)
    except Exception:
        return None


def _same(a: Any, b: Any) -> bool:
    try:
        import numpy as np

        if isinstance(a, np.ndarray):
            return (isinstance(b, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype
                    and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")))
        if hasattr(a, "equals") and type(a).__module__.startswith("pandas"):
            return bool(a.equals(b)) and list(getattr(a, "columns", [])) == list(getattr(b, "columns", []))
        if isinstance(a, (list, dict, tuple)):
            if type(a) is not type(b) or len(a) != len(b):
                return False
            if isinstance(a, dict) and isinstance(b, dict):
                return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
            return all(_same(x, y) for x, y in zip(a, b))
        return bool(a == b) if not isinstance(a, float) or a == a else b != b
    except Exception:
        return True


def per_call_time(fn: Any, args: Any, kwargs: Any, repeat: int = 5, budget: float = 5.0,
                  min_time: float = 0.02) -> tuple[float, float]:
    """Best time per call over `repeat` rounds; each round calls `fn` until `min_time` has passed,
    so fast functions are timed over many calls. Stops early once `budget` seconds are spent.
    Returns (best seconds per call, seconds spent). Also used for the reference, for a fair ratio."""
    best, spent = float("inf"), 0.0
    for _ in range(repeat):
        calls, start = 0, time.perf_counter()
        while True:
            fn(*args, **kwargs)
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time or spent + elapsed > budget:
                break
        best, spent = min(best, elapsed / calls), spent + elapsed
        if spent > budget:
            break
    return best, spent


def _param_name(fn: Any, index: int) -> Any:
    """The name of the positional parameter at `index` (or the index if it cannot be known)."""
    import inspect

    try:
        params = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        return params[index].name if index < len(params) else index
    except (TypeError, ValueError):
        return index


class Worker:
    def __init__(self, submission: str):
        self.submission = submission
        self.module: types.ModuleType | None = None
        self.objects: dict[int, Any] = {}
        self.next_id = 1

    def handle(self, obj: Any) -> int:
        oid = self.next_id
        self.next_id += 1
        self.objects[oid] = obj
        return oid

    def target(self, spec: tuple) -> Any:
        kind = spec[0]
        if kind == "attr":
            return getattr(self.module, spec[1])
        obj = self.objects[spec[1]]
        return getattr(obj, spec[2]) if kind == "method" else obj

    def result(self, value: Any) -> Any:
        if isinstance(value, types.GeneratorType) or (
                hasattr(value, "__next__") and hasattr(value, "__iter__") and not hasattr(value, "shape")):
            value = list(value)
        return wire.encode(value, self.handle)

    def serve(self, request: tuple) -> tuple:
        op = request[0]
        if op == "call":
            _, spec, args, kwargs, check_mutation = request
            fn = self.target(spec)
            args, kwargs = wire.decode(args), wire.decode(kwargs)
            before = [_snapshot(a) for a in args], {k: _snapshot(v) for k, v in kwargs.items()}
            start = time.perf_counter()
            value = fn(*args, **kwargs)
            elapsed = time.perf_counter() - start
            mutated: list = []
            if check_mutation:
                mutated = [_param_name(fn, i) for i, (a, b) in enumerate(zip(args, before[0]))
                           if b is not None and not _same(b, a)]
                mutated += [k for k, v in kwargs.items() if before[1][k] is not None and not _same(before[1][k], v)]
            return ("ok", self.result(value), mutated, elapsed)
        if op == "getattr":
            return ("ok", self.result(getattr(self.objects[request[1]], request[2])), [], 0.0)
        if op == "time":
            _, spec, args, kwargs, repeat, budget = request
            fn = self.target(spec)
            args, kwargs = wire.decode(args), wire.decode(kwargs)
            best, spent = per_call_time(fn, args, kwargs, repeat, budget)
            return ("ok", best, [], spent)
        if op == "release":
            self.objects.pop(request[1], None)
            return ("ok", None, [], 0.0)
        raise ValueError(f"unknown request {op!r}")


def _wait_for_arguments(argv: list[str]) -> list[str] | None:
    """Pre-started (`--wait IN OUT`, by mlprep.sandbox.launch): import NumPy now, then read the real
    arguments as the first message on the request pipe. None if the grader gave up before sending them."""
    import tempfile

    import numpy  # noqa: F401

    from mlprep.sandbox import confine

    confine.confine_worker(tempfile.gettempdir())
    with os.fdopen(int(argv[1]), "rb", buffering=0, closefd=False) as channel:
        try:
            message = wire.recv(channel)
        except (EOFError, OSError, wire.WireError):
            return None
    return [argv[1], argv[2], *(str(a) for a in message[1])]


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--wait":
        waited = _wait_for_arguments(argv)
        if waited is None:
            return 0
        argv = waited
    in_fd, out_fd = int(argv[0]), int(argv[1])
    submission, capture = os.path.abspath(argv[2]), argv[3]
    forbidden = {m for m in argv[4].split(",") if m}
    memory_mb, cpu_seconds = int(argv[5]), int(argv[6])
    channel_in = os.fdopen(in_fd, "rb", buffering=0)
    channel_out = os.fdopen(out_fd, "wb", buffering=0)
    # User output goes to the capture file, never to the channel.
    fd = os.open(capture, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
    import tempfile

    import numpy  # noqa: F401 - warm the import before limits and user code

    from mlprep.sandbox import confine

    # Writes only under the private grading folder (our TMPDIR and cwd), where the OS allows it.
    confine.confine_worker(tempfile.gettempdir())
    _limit_resources(memory_mb, cpu_seconds)
    sys.meta_path.insert(0, _Blocker(forbidden))
    sys.path.insert(0, os.path.dirname(submission))
    worker = Worker(submission)
    try:
        spec = importlib.util.spec_from_file_location("submission", submission)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["submission"] = module
        spec.loader.exec_module(module)
        worker.module = module
    except BaseException as exc:  # noqa: BLE001 - every failure of user code is a verdict
        wire.send(channel_out, ("import_error",) + _error(exc, submission)[1:])
        return 0
    names = sorted(n for n, v in vars(module).items() if callable(v) and not n.startswith("_"))
    wire.send(channel_out, ("ready", names))
    while True:
        try:
            request = wire.recv(channel_in)
        except EOFError:
            return 0
        try:
            reply = worker.serve(request)
        except BaseException as exc:  # noqa: BLE001
            reply = _error(exc, submission)
        try:
            wire.send(channel_out, reply)
        except wire.WireError as exc:
            wire.send(channel_out, ("error", "unsendable", "TypeError", str(exc), None, ""))
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable value
            wire.send(channel_out, ("error", "unsendable", type(exc).__name__, str(exc)[:500], None, ""))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
