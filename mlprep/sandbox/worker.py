"""The worker process that runs a user's drill submission (`python -m mlprep.sandbox.worker`).

It is the only process that executes user code. It limits its own memory and CPU, redirects its
stdout/stderr to a capture file, installs the forbidden-import guard, imports the submission, then
serves calls from the grading process over a pipe (see `wire`): call a function, call a method of
an object it returned, read an attribute, run a call a given number of times. Every exception the
user's code raises (including SystemExit, MemoryError, RecursionError) is caught and reported as data;
if the code kills the process (os._exit, a signal), the grading process sees the pipe close and says so.

Nothing this process reports decides a verdict on its own, because the user's code runs here and can
rewrite anything here. The grading side (`plugin`) compares the returned values with the reference,
compares the arguments it sent with the state reported back after the call (input mutation), reads
the CPU time of this process from the kernel (speed), and reads this process's exit status and memory
map (forbidden imports). The forbidden-import guard is an audit hook (`sys.addaudithook`), installed
before the user's code runs; audit hooks cannot be removed. On the import (or the opening of a file) of
a forbidden package it writes the package's name to a pipe only the grading side reads and ends the
process with `wire.FORBIDDEN_EXIT`. The code that serves requests captures what it uses before the
submission is imported, so replacing module attributes (`time.perf_counter`, this module's helpers,
`builtins`) changes nothing the grading side relies on.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import inspect
import os
import sys
import traceback
import types
from typing import Any

from mlprep.sandbox import wire as wire

MAX_ITEMS = 1_000_000  # a returned generator is turned into a list of at most this many items


def package_dirs(names: set[str] | frozenset[str]) -> dict[str, str]:
    """The folders of the installed packages called `names` (real paths, ending with "/"), found
    without importing them: {folder: package}. Vendored libraries (`<name>.libs`) count too."""
    found: dict[str, str] = {}
    for name in names:
        try:
            spec = importlib.machinery.PathFinder.find_spec(name, sys.path)
        except (ImportError, ValueError, OSError):
            spec = None
        places = list(spec.submodule_search_locations or []) if spec is not None else []
        if spec is not None and spec.origin and not places:
            places = [spec.origin]  # a single-file module
        for place in places:
            real = os.path.realpath(place)
            found[real if not os.path.isdir(real) else real.rstrip("/") + "/"] = name
            libs = os.path.join(os.path.dirname(real.rstrip("/")), f"{name}.libs")
            if os.path.isdir(libs):
                found[libs + "/"] = name
    return found


def _guard_imports(forbidden: frozenset[str], dirs: dict[str, str], alarm_fd: int) -> None:
    """Install the audit hook that ends the process on an import of a forbidden package.

    Everything the hook calls is bound here, before user code runs: rebinding `os.write`, `str`
    or `builtins` afterwards does not reach it."""
    _write, _exit, _getcwd, _fspath = os.write, os._exit, os.getcwd, os.fspath
    _str, _bytes, _type, _tuple, _int = str, bytes, type, tuple, int
    prefixes = _tuple(dirs)
    lookup = dict(dirs)
    code = wire.FORBIDDEN_EXIT

    def alarm(name: str) -> None:
        try:
            _write(alarm_fd, name.encode("ascii", "replace")[:100] + b"\n")
        finally:
            _exit(code)

    def normal(path: str) -> str:
        if not path.startswith("/"):
            path = _getcwd() + "/" + path
        parts: list[str] = []
        for part in path.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part and part != ".":
                parts.append(part)
        return "/" + "/".join(parts)

    def hook(event: str, args: tuple) -> None:
        name: Any
        path: Any
        if event == "import":
            name = args[0] if args else None
            if _type(name) is _str:
                top = name.partition(".")[0]
                if top in forbidden:
                    alarm(top)
        elif event == "open" and prefixes:
            path = args[0] if args else None
            try:
                if _type(path) is not _str and _type(path) is not _bytes and _type(path) is not _int:
                    path = _fspath(path)
                if _type(path) is _bytes:
                    path = path.decode("utf-8", "replace")
                if _type(path) is not _str:
                    return
                full = normal(path)
            except Exception:  # noqa: BLE001 - an odd path is the open's problem, not ours
                return
            for prefix in prefixes:
                if full.startswith(prefix) or full + "/" == prefix or full == prefix:
                    alarm(lookup[prefix])

    sys.addaudithook(hook)


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


def _param_name(fn: Any, index: int) -> Any:
    """The name of the positional parameter at `index` (or the index if it cannot be known)."""
    try:
        params = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        return params[index].name if index < len(params) else index
    except (TypeError, ValueError):
        return index


class Worker:
    """Serves the grading process's requests. Replies are ("ok", value, extra) or an ("error", ...) tuple.

    - ("call", target, args, kwargs, report_args): call it; `extra` is None, or with report_args the
      arguments' state after the call and the positional parameters' names, for the grading side to
      compare with what it sent.
    - ("getattr", oid, name): an attribute of an object the user's code returned.
    - ("stage", target, args, kwargs): decode the arguments of a call to time, and keep them.
    - ("repeat", n): make the staged call exactly n times; the grading side times it from the
      kernel's CPU accounting of this process.
    - ("release", oid): forget an object.
    """

    def __init__(self, submission: str):
        self.submission = submission
        self.module: types.ModuleType | None = None
        self.objects: dict[int, Any] = {}
        self.next_id = 1
        self.staged: tuple = (None, (), {})

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
            items = []
            for item in value:
                items.append(item)
                if len(items) > MAX_ITEMS:
                    raise wire.WireError(f"a {wire.type_name(value)} that yields more than {MAX_ITEMS:,} items; "
                                         "return a list or an array")
            value = items
        return wire.encode(value, self.handle)

    def serve(self, request: tuple) -> tuple:
        op = request[0]
        if op == "call":
            _, spec, args, kwargs, report_args = request
            fn = self.target(spec)
            args, kwargs = wire.decode(args), wire.decode(kwargs)
            value = fn(*args, **kwargs)
            extra = None
            if report_args:
                names = [_param_name(fn, i) for i in range(len(args))]
                try:
                    extra = (wire.encode(args), wire.encode(kwargs), names)
                except (wire.WireError, RecursionError, TypeError) as exc:
                    extra = (("__unsendable__", str(exc)[:300]), None, names)
            return ("ok", _reply_value(self, value), extra)
        if op == "getattr":
            return ("ok", _reply_value(self, getattr(self.objects[request[1]], request[2])), None)
        if op == "stage":
            _, spec, args, kwargs = request
            self.staged = (self.target(spec), wire.decode(args), wire.decode(kwargs))
            return ("ok", None, None)
        if op == "repeat":
            n = request[1]
            fn, args, kwargs = self.staged
            i = 0
            while i < n:  # no names the user's code could rebind (range, time...): n calls, exactly
                fn(*args, **kwargs)
                i += 1
            return ("ok", None, None)
        if op == "release":
            self.objects.pop(request[1], None)
            return ("ok", None, None)
        raise ValueError(f"unknown request {op!r}")


class Unsendable(Exception):
    """A returned value that cannot cross to the grading process (the reason names its type)."""


def _reply_value(worker: Worker, value: Any) -> Any:
    try:
        return worker.result(value)
    except (wire.WireError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, wire.WireError) else f"a {wire.type_name(value)} nested too deeply"
        raise Unsendable(reason) from None


def _isolated() -> Any:
    """A private copy of this module (and of `wire`) to serve requests with.

    The copies are not in sys.modules; their builtins are a private snapshot, and every module they
    import is a frozen snapshot taken now, before the user's code runs. Rebinding `builtins.len`,
    `numpy.frombuffer`, `pickle.dumps` or `mlprep.sandbox.wire.encode` therefore does not change how
    requests are served or how arguments are reported back."""
    import builtins

    real_import = builtins.__import__
    frozen: dict[str, Any] = {}

    def snapshot(module: Any) -> Any:
        name = getattr(module, "__name__", None)
        if not isinstance(module, types.ModuleType) or name is None:
            return module
        if name not in frozen:
            frozen[name] = types.SimpleNamespace(**vars(module))
        return frozen[name]

    private_wire: Any = None

    def private_import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
        if name.startswith("mlprep.sandbox") and private_wire is not None:
            return types.SimpleNamespace(wire=private_wire)
        return snapshot(real_import(name, globals, locals, fromlist, level))

    private_builtins = dict(vars(builtins), __import__=private_import)

    def load(name: str, path: str) -> Any:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        module.__dict__["__builtins__"] = private_builtins
        spec.loader.exec_module(module)
        return module

    import numpy

    for preload in (numpy, inspect, traceback, os, types, sys):
        snapshot(preload)
    private_wire = load("mlprep_private_wire", wire.__file__)
    return load("mlprep_private_worker", __file__)


_confined = False  # Landlock is applied once: at the wait of a pre-started worker, else at start


def _confine() -> None:
    global _confined
    if not _confined:
        import tempfile

        from mlprep.sandbox import confine

        confine.confine_worker(tempfile.gettempdir())  # writes only under the private grading folder
        _confined = True


def _wait_for_arguments(argv: list[str]) -> list[str] | None:
    """Pre-started (`--wait IN OUT ALARM`, by mlprep.sandbox.launch): import NumPy now, then read the real
    arguments as the first message on the request pipe. None if the grader gave up before sending them."""
    import numpy  # noqa: F401

    _confine()
    with os.fdopen(int(argv[1]), "rb", buffering=0, closefd=False) as channel:
        try:
            message = wire.recv(channel)
        except (EOFError, OSError, wire.WireError):
            return None
    return [argv[1], argv[2], argv[3], *(str(a) for a in message[1])]


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--wait":
        waited = _wait_for_arguments(argv)
        if waited is None:
            return 0
        argv = waited
    in_fd, out_fd, alarm_fd = int(argv[0]), int(argv[1]), int(argv[2])
    submission, capture = os.path.abspath(argv[3]), argv[4]
    forbidden = frozenset(m for m in argv[5].split(",") if m)
    memory_mb, cpu_seconds = int(argv[6]), int(argv[7])
    channel_in = os.fdopen(in_fd, "rb", buffering=0)
    channel_out = os.fdopen(out_fd, "wb", buffering=0)
    # User output goes to the capture file, never to the channel.
    fd = os.open(capture, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
    import numpy  # noqa: F401 - warm the import before limits and user code

    _confine()  # writes only under the private grading folder (our TMPDIR and cwd), where the OS allows it
    _limit_resources(memory_mb, cpu_seconds)
    # Bound now, before the user's code can rebind them.
    private = _isolated()
    send, recv, error, serve = private.wire.send, private.wire.recv, private._error, private.Worker.serve
    unsendable, base_exception, eof = private.Unsendable, BaseException, EOFError
    _guard_imports(forbidden, package_dirs(forbidden), alarm_fd)
    sys.path.insert(0, os.path.dirname(submission))
    worker = private.Worker(submission)
    try:
        # By path, with an explicit source loader: the file is Python whatever its name ends with.
        loader = importlib.machinery.SourceFileLoader("submission", submission)
        spec = importlib.util.spec_from_file_location("submission", submission, loader=loader)
        if spec is None:
            raise ImportError(f"cannot load {submission}")
        module = importlib.util.module_from_spec(spec)
        sys.modules["submission"] = module
        loader.exec_module(module)
        worker.module = module
    except BaseException as exc:  # noqa: BLE001 - every failure of user code is a verdict
        send(channel_out, ("import_error",) + error(exc, submission)[1:])
        return 0
    names = sorted(n for n, v in vars(module).items() if callable(v) and not n.startswith("_"))
    send(channel_out, ("ready", names))
    while True:
        try:
            request = recv(channel_in)
        except eof:
            return 0
        try:
            reply = serve(worker, request)
        except unsendable as exc:
            reply = ("error", "unsendable", "", str(exc), None, "")
        except base_exception as exc:  # noqa: BLE001
            reply = error(exc, submission)
        try:
            send(channel_out, reply)
        except base_exception as exc:  # noqa: BLE001 - e.g. a message too large
            send(channel_out, ("error", "unsendable", "", str(exc)[:500], None, ""))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
