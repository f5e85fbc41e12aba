"""The pytest plugin that runs a hidden drill suite (`pytest -p mlprep.sandbox.plugin`).

It runs in the grading process, which never executes user code: the `solution` fixture is a proxy
whose functions run in a worker process (`drill_worker`) with memory and CPU limits. The plugin
writes results as JSON lines to the file named by MLPREP_DRILL_RESULTS, one event per test (name,
status, message, structured details, truncated output), flushed as it goes, so a crash or timeout
still leaves every finished result readable. The verdict is built from this file only, never from
anything printed.

Configuration comes from environment variables set by `mlprep.sandbox.grader` (read, then removed):
MLPREP_DRILL_SUBMISSION, MLPREP_DRILL_REFERENCE, MLPREP_DRILL_RESULTS, MLPREP_DRILL_FORBIDDEN,
MLPREP_DRILL_TIME_LIMIT, MLPREP_DRILL_MEMORY_MB, MLPREP_DRILL_ALLOW_MUTATION.
"""

from __future__ import annotations

import builtins
import importlib.util
import os
import select
import subprocess
import sys
import tempfile
import time
from typing import Any

import pytest

from mlprep.sandbox import results as results_file
from mlprep.sandbox import wire as wire

OUTPUT_LIMIT = 2000


def _read_key() -> bytes:
    """The signing key, read once from the pipe named by MLPREP_DRILL_KEY_FD (absent when run by hand).
    The pipe is closed after reading, and the worker never inherits it."""
    fd = os.environ.pop("MLPREP_DRILL_KEY_FD", "")
    if not fd.isdigit():
        return b""
    try:
        with os.fdopen(int(fd), "rb") as fh:
            return fh.read(256).strip()
    except OSError:
        return b""


class SubmissionFailure(Exception):
    """The user's code failed in a way that is not a wrong answer (exception, crash, timeout...)."""

    def __init__(self, kind: str, message: str, *, call: str = "", line: int | None = None, where: str = ""):
        super().__init__(message)
        self.kind, self.call, self.line, self.where = kind, call, line, where


_BUILTIN_EXCEPTIONS = {name: obj for name, obj in vars(builtins).items()
                       if isinstance(obj, type) and issubclass(obj, Exception)}


class Config:
    def __init__(self) -> None:
        env = os.environ
        self.submission = os.path.abspath(env.pop("MLPREP_DRILL_SUBMISSION", ""))
        self.reference = env.pop("MLPREP_DRILL_REFERENCE", "")
        self.results = env.pop("MLPREP_DRILL_RESULTS", "")
        self.forbidden = env.pop("MLPREP_DRILL_FORBIDDEN", "")  # always set by the grader (drill.yaml or its default)
        self.time_limit = float(env.pop("MLPREP_DRILL_TIME_LIMIT", "20"))
        self.memory_mb = int(env.pop("MLPREP_DRILL_MEMORY_MB", "2048"))
        self.allow_mutation = env.pop("MLPREP_DRILL_ALLOW_MUTATION", "0") == "1"
        # Benchmarks only: import the submission into this process (no isolation, no limits).
        self.inprocess = env.pop("MLPREP_DRILL_INPROCESS", "0") == "1"


class Worker:
    """One worker process running the submission; restarted after a crash or timeout."""

    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.proc: subprocess.Popen | None = None
        self.used = 0.0  # seconds of the time budget spent in user code
        self.capture = tempfile.NamedTemporaryFile(prefix="mlprep-out-", suffix=".txt", delete=False)
        self.capture.close()
        self.read_pos = 0
        self.names: list[str] = []
        self.import_error: SubmissionFailure | None = None
        self.timed_out = False

    # ------------------------------------------------------------------ process
    def start(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        cpu = int(self.cfg.time_limit) + 10
        from mlprep.sandbox import warm as prestarted

        warm = prestarted.take_worker([self.cfg.submission, self.capture.name, self.cfg.forbidden,
                                   str(self.cfg.memory_mb), str(cpu)])
        if warm is not None:  # pre-started by the grading launcher, NumPy already imported
            self.proc, self.to_worker, self.from_worker = warm
            self.ready_sent = False
            return
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlprep.sandbox.worker", str(req_r), str(rep_w), self.cfg.submission,
             self.capture.name, self.cfg.forbidden, str(self.cfg.memory_mb), str(cpu)],
            pass_fds=(req_r, rep_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir(), start_new_session=True)
        os.close(req_r)
        os.close(rep_w)
        self.to_worker = os.fdopen(req_w, "wb", buffering=0)
        self.from_worker = os.fdopen(rep_r, "rb", buffering=0)
        self.ready_sent = False

    def _ensure_ready(self) -> None:
        if self.import_error is not None:
            raise self.import_error
        self.start()
        if not self.ready_sent:
            first = self._receive(max(5.0, self.cfg.time_limit), "importing your file")
            self.ready_sent = True
            if first[0] == "import_error":
                _, kind, type_name, message, line, where = first
                self.import_error = SubmissionFailure(
                    kind if kind != "exception" else "import_error",
                    f"importing your file raised {type_name}: {message}", line=line, where=where)
                raise self.import_error
            self.names = list(first[1])

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, 9)
            except OSError:
                self.proc.kill()
            self.proc.wait()
        self.proc = None

    def _receive(self, timeout: float, doing: str, call: str = "") -> Any:
        start = time.monotonic()
        ready, _, _ = select.select([self.from_worker], [], [], max(0.0, timeout))
        if not ready:
            self.used += time.monotonic() - start
            self.kill()
            self.timed_out = True
            raise SubmissionFailure(
                "timeout", f"did not finish within the time limit ({self.cfg.time_limit:g} s) while "
                f"{doing}: an infinite loop, or a loop that never converges?", call=call)
        try:
            reply = wire.recv(self.from_worker)
        except (EOFError, OSError, wire.WireError, Exception) as exc:
            self.used += time.monotonic() - start
            code = self.proc.wait() if self.proc is not None else None
            self.proc = None
            if code is not None and code < 0:
                sig = -code
                kind, why = {9: ("memory", "was killed (out of memory or CPU time)"),
                             24: ("timeout", "used up its CPU time limit"),
                             25: ("output", "printed more than 64 MB of output"),
                             11: ("crash", "crashed with a segmentation fault")}.get(
                    sig, ("crash", f"was killed by signal {sig}"))
            else:
                kind, why = "exit", f"ended the process (exit code {code}; os._exit() or a crash)"
            if isinstance(exc, wire.WireError) or (not isinstance(exc, (EOFError, OSError)) and code is None):
                kind, why = "crash", f"sent something unreadable back ({exc})"
            raise SubmissionFailure(kind, f"your code {why} while {doing}.", call=call) from None
        self.used += time.monotonic() - start
        return reply

    # ------------------------------------------------------------------ requests
    def request(self, message: tuple, doing: str, call: str = "") -> Any:
        if self.timed_out:
            raise SubmissionFailure("timeout", "not run: an earlier test used up the time limit.", call=call)
        self._ensure_ready()
        remaining = self.cfg.time_limit - self.used
        if remaining <= 0:
            self.timed_out = True
            raise SubmissionFailure("timeout", "not run: the time limit was used up by earlier tests.", call=call)
        try:
            wire.send(self.to_worker, message)
        except (BrokenPipeError, OSError):
            self.proc = None
            raise SubmissionFailure("exit", f"your code ended the process before {doing}.", call=call) from None
        reply = self._receive(remaining, doing, call)
        if reply[0] == "error":
            _, kind, type_name, message_text, line, where = reply
            if kind == "not_implemented":
                raise NotImplementedError(message_text or "not implemented yet")
            if kind == "exception" and type_name in _BUILTIN_EXCEPTIONS and type_name != "AssertionError":
                exc = _BUILTIN_EXCEPTIONS[type_name](f"{message_text}")
                detail = SubmissionFailure(kind, f"raised {type_name}: {message_text}", call=call, line=line,
                                           where=where)
                exc.mlprep_detail = detail  # type: ignore[attr-defined]
                raise exc
            raise SubmissionFailure(kind, f"raised {type_name}: {message_text}" if kind != "exit" else
                                    f"called sys.exit() ({message_text}) while {doing}; return a value instead",
                                    call=call, line=line, where=where)
        return reply

    def output_since_last(self) -> str:
        try:
            with open(self.capture.name, "rb") as fh:
                fh.seek(self.read_pos)
                data = fh.read(OUTPUT_LIMIT + 1)
                fh.seek(0, 2)
                end = fh.tell()
        except OSError:
            return ""
        skipped = end - self.read_pos - len(data)
        self.read_pos = end
        text = data[:OUTPUT_LIMIT].decode("utf-8", "replace")
        if len(data) > OUTPUT_LIMIT or skipped > 0:
            text += f"\n... ({end - self.read_pos + len(data) + max(skipped, 0):,} more bytes of output cut)"
        return text


class RemoteCallable:
    def __init__(self, worker: Worker, spec: tuple, name: str):
        self._worker, self._spec, self.__name__ = worker, spec, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from mlprep.drillkit import GradingFailure, describe_call

        desc = describe_call(self.__name__, args, kwargs)
        reply = self._worker.request(
            ("call", self._spec, wire.encode(args), wire.encode(kwargs), not self._worker.cfg.allow_mutation),
            "running it", desc)
        _, value, mutated, _elapsed = reply
        if mutated:
            names = ", ".join(f"argument {m + 1}" if isinstance(m, int) else f"`{m}`" for m in mutated)
            raise GradingFailure(f"Called {desc}: it modified its input ({names}) in place. Interviewers "
                                 "check this: work on a copy (e.g. `X = X.copy()` or `X.astype(float)`) "
                                 "instead of changing the caller's data.", call=desc)
        return wire.decode(value, lambda oid, tname: RemoteObject(self._worker, oid, tname))

    def __repr__(self) -> str:
        return f"<your {self.__name__}>"


class RemoteObject:
    """An object created by the user's code (e.g. a fitted scaler), living in the worker."""

    def __init__(self, worker: Worker, oid: int, type_name: str):
        object.__setattr__(self, "_worker", worker)
        object.__setattr__(self, "_oid", oid)
        object.__setattr__(self, "_type_name", type_name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        worker = self._worker
        _, value, _, _ = worker.request(("getattr", self._oid, name), f"reading .{name}")
        if isinstance(value, tuple) and value and value[0] == "__handle__":
            return RemoteCallable(worker, ("method", self._oid, name), f"{self._type_name}.{name}")
        return wire.decode(value, lambda oid, tname: RemoteObject(worker, oid, tname))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return RemoteCallable(self._worker, ("handle", self._oid), self._type_name)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<your {self._type_name} object>"


class RemoteModule:
    """The user's module: attribute access gives proxies to functions/classes in the worker."""

    def __init__(self, worker: Worker):
        self._worker = worker

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        self._worker._ensure_ready()
        if name not in self._worker.names:
            raise SubmissionFailure("missing", f"your file does not define `{name}`; keep the function "
                                    "names and signatures from the starter file.")
        return RemoteCallable(self._worker, ("attr", name), name)


# ---------------------------------------------------------------------- pytest hooks

class Plugin:
    def __init__(self) -> None:
        self.cfg = Config()
        self.worker = Worker(self.cfg)
        # The grader sends a one-time key through a pipe; every result line is signed with it, so a
        # submission that finds the results file cannot add lines the grader would believe.
        self.key = _read_key()
        self.out = results_file.Writer(self.cfg.results, self.key)
        self.failed = 0
        self.passed = 0
        self.modules: list[Any] = []
        self._reference: Any = None
        if self.cfg.submission and os.path.exists(self.cfg.submission) and not self.cfg.inprocess:
            self.worker.start()  # start early: the worker imports numpy while pytest collects

    def emit(self, event: dict[str, Any]) -> None:
        self.out.emit(event)

    @pytest.fixture(scope="session")
    def solution(self) -> Any:
        if self.cfg.inprocess:
            return _import_path(self.cfg.submission, "submission")
        return RemoteModule(self.worker)

    @pytest.fixture(scope="session")
    def reference(self) -> Any:
        return self._load_reference()

    def pytest_collection_modifyitems(self, items: list[Any]) -> None:
        seen = []
        for item in items:
            mod = getattr(item, "module", None)
            if mod is not None and mod not in seen:
                seen.append(mod)
        self.modules = seen
        self.emit({"event": "collected", "total": len(items)})

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
        outcome = yield
        report = outcome.get_result()
        fn = getattr(item, "function", None)
        report.mlprep_doc = ((fn.__doc__ or "").strip().split("\n")[0]) if fn is not None else ""
        if call.excinfo is not None:
            report.mlprep_exc = call.excinfo.value

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.when != "call" and not (report.failed or report.skipped):
            return
        if report.when == "teardown" and not report.failed:
            return
        event: dict[str, Any] = {"event": "test", "name": report.nodeid.split("::", 1)[-1],
                                 "doc": getattr(report, "mlprep_doc", ""), "status": report.outcome}
        exc = getattr(report, "mlprep_exc", None)
        if report.failed:
            self.failed += 1
            event.update(describe_failure(exc, report))
        elif report.passed:
            self.passed += 1
        elif report.skipped:
            event["message"] = str(getattr(exc, "msg", "")) if exc else ""
        event["output"] = self.worker.output_since_last()
        self.emit(event)

    def pytest_runtest_logstart(self, nodeid: str, location: Any) -> None:
        self.emit({"event": "start", "name": nodeid.split("::", 1)[-1]})

    def pytest_sessionfinish(self, session: Any, exitstatus: int) -> None:
        try:
            if self.failed == 0 and self.passed > 0 and self.cfg.submission and not self.cfg.inprocess:
                self.speed_check()
        finally:
            self.emit({"event": "end", "passed": self.passed, "failed": self.failed,
                       "time_used": round(self.worker.used, 3)})
            self.worker.kill()
            try:
                os.unlink(self.worker.capture.name)
            except OSError:
                pass
            self.out.close()

    def speed_check(self) -> None:
        case = None
        for mod in self.modules:
            if hasattr(mod, "speed_case"):
                case = mod.speed_case()
                break
        if case is None:
            return
        name, args, kwargs = case["function"], tuple(case.get("args", ())), dict(case.get("kwargs", {}))
        from mlprep.sandbox.worker import per_call_time

        # Rounds alternate between the reference (here) and the user's code (in the worker), so a
        # burst of load on the machine slows both alike; each side keeps its best round.
        ref_fn = getattr(self._load_reference(), name)
        sent_args, sent_kwargs = wire.encode(args), wire.encode(kwargs)
        best_ref = best_user = float("inf")
        for _ in range(3):
            best_ref = min(best_ref, per_call_time(ref_fn, args, kwargs, repeat=1, budget=0.1)[0])
            try:
                reply = self.worker.request(("time", ("attr", name), sent_args, sent_kwargs, 1, max(0.3, 15 * best_ref)),
                                            "timing your function on a larger input")
                best_user = min(best_user, float(reply[1]))
            except SubmissionFailure as exc:
                if exc.kind != "timeout":
                    return
                best_user = self.cfg.time_limit
                break
            if best_user > 30 * best_ref:
                break  # clearly not vectorized: no need to time it again
        self.emit({"event": "speed", "function": name, "reference_s": best_ref, "user_s": best_user,
                   "factor": best_user / max(best_ref, 1e-9)})

    def _load_reference(self) -> Any:
        if self._reference is None:
            self._reference = _import_path(self.cfg.reference, "reference_solution")
        return self._reference


def _import_path(path: str, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def describe_failure(exc: Any, report: Any) -> dict[str, Any]:
    """Turn a test's exception into the structured fields of a result event."""
    from mlprep.drillkit import GradingFailure

    detail = getattr(exc, "mlprep_detail", None)
    if isinstance(exc, GradingFailure):
        return {"kind": "wrong", "message": str(exc), "call": exc.call, "expected": exc.expected,
                "got": exc.got, "max_abs_error": exc.max_abs_error}
    if isinstance(exc, SubmissionFailure):
        return {"kind": exc.kind, "message": (f"Called {exc.call}: " if exc.call else "") + str(exc),
                "call": exc.call, "line": exc.line, "where": exc.where}
    if isinstance(exc, NotImplementedError):
        return {"kind": "not_implemented", "message": "not implemented yet (the function still raises "
                "NotImplementedError)"}
    if detail is not None:
        return {"kind": "exception", "message": (f"Called {detail.call}: " if detail.call else "") + str(detail),
                "call": detail.call, "line": detail.line, "where": detail.where}
    if isinstance(exc, AssertionError):
        text = str(exc).split("\n")[0] or "assertion failed"
        return {"kind": "wrong", "message": text}
    text = f"{type(exc).__name__}: {exc}" if exc is not None else str(report.longreprtext).strip().split("\n")[-1]
    return {"kind": "error", "message": text[:1000]}


def pytest_configure(config: Any) -> None:
    config.pluginmanager.register(Plugin(), "mlprep_drill")
