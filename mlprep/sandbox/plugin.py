"""The pytest plugin that runs a hidden drill suite (`pytest -p mlprep.sandbox.plugin`).

It runs in the grading process, which never executes user code: the `solution` fixture is a proxy
whose functions run in a worker process (`drill_worker`) with memory and CPU limits. The plugin
writes results as JSON lines to the file named by MLPREP_DRILL_RESULTS, one event per test (name,
status, message, structured details, truncated output), flushed as it goes, so a crash or timeout
still leaves every finished result readable. The verdict is built from this file only, never from
anything printed.

Configuration comes from environment variables set by `mlprep.sandbox.grader` (read, then removed):
MLPREP_DRILL_SUBMISSION, MLPREP_DRILL_REFERENCE, MLPREP_DRILL_RESULTS, MLPREP_DRILL_FORBIDDEN,
MLPREP_DRILL_TIME_LIMIT, MLPREP_DRILL_MEMORY_MB, MLPREP_DRILL_ALLOW_MUTATION, MLPREP_DRILL_SLOW_FACTOR.
"""

from __future__ import annotations

import builtins
import importlib.machinery
import importlib.util
import math
import os
import select
import struct
import subprocess
import tempfile
import time
from typing import Any

import pytest

from mlprep.sandbox import confine
from mlprep.sandbox import results as results_file
from mlprep.sandbox import wire as wire

OUTPUT_LIMIT = 2000
SPEED_ROUNDS = 3             # at most this many timed rounds of the user's code (after a first round of one call)
SPEED_REFERENCE_ROUNDS = 2   # timed rounds of the reference (after a warm-up call that sets their length)
SPEED_ROUND_SECONDS = 0.02   # CPU seconds one round of the reference takes: sets how many calls a round makes
SPEED_CLEAR = 3.0            # a factor this many times past the verdict's threshold needs no further round
SPEED_USER_SECONDS = 2.0     # no further round once the user's code has used this much CPU in the speed check
SPEED_WALL_SECONDS = 15.0    # the whole speed check's wall time, however busy the machine
STOPPED_POLL_SECONDS = 0.25  # how often a wait for the worker checks that it has not stopped itself
SPEED_COARSE_SECONDS = 0.3   # a round in which other processes ran (timed in clock ticks) counts from this long


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


def _stopped(pid: int) -> bool:
    """Whether the process is stopped (by SIGSTOP and the like, or traced): it cannot reply until resumed."""
    fields = confine.proc_stat(pid)
    return fields is not None and fields[0] in ("T", "t")


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
        self.slow_factor = float(env.pop("MLPREP_DRILL_SLOW_FACTOR", "10"))  # the verdict's "not vectorized"
        # Benchmarks only: import the submission into this process (no isolation, no limits).
        self.inprocess = env.pop("MLPREP_DRILL_INPROCESS", "0") == "1"
        # The grading tree's top (mlprep.sandbox.launch, a child subreaper): every process the
        # submission starts stays below it, even one that left the worker's session.
        self.supervisor = int(env.pop("MLPREP_DRILL_SUPERVISOR", "0") or 0) or None


class Worker:
    """One worker process running the submission; restarted after a crash or timeout.

    Everything that decides a verdict is read here, on the trusted side: the worker's exit status
    and memory map (forbidden imports), the kernel's CPU accounting of its process (speed), and the
    arguments' state it reports back, compared with what was sent (input mutation)."""

    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.file = cfg.submission
        self.forbidden = cfg.forbidden
        self.proc: subprocess.Popen | None = None
        self.used = 0.0  # seconds of the time budget spent in user code
        self.capture = tempfile.NamedTemporaryFile(prefix="mlprep-out-", suffix=".txt", delete=False)
        # Read back through this descriptor, never by name: the file is in a folder the worker can
        # write, and a FIFO or symlink put in its place must not block or redirect this process.
        self.capture_fd = os.dup(self.capture.fileno())
        self.capture.close()
        self.read_pos = 0
        self.pending = b""
        self.names: list[str] = []
        self.import_error: SubmissionFailure | None = None
        self.timed_out = False
        self.stopped = False  # the last wait ended because the worker is stopped (SIGSTOP), not on time
        names = frozenset(m for m in self.forbidden.split(",") if m)
        from mlprep.sandbox.worker import package_dirs

        self.forbidden_dirs = package_dirs(names) if names else {}

    # ------------------------------------------------------------------ process
    def start(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        self._close_channels()
        cpu = int(self.cfg.time_limit) + 10
        from mlprep.sandbox import warm as prestarted

        args = [self.file, self.capture.name, self.forbidden, str(self.cfg.memory_mb), str(cpu)]
        # pre-started by the grading launcher (NumPy already imported), else a fresh process
        warm = prestarted.take_worker(args) or prestarted.spawn(args)
        self.proc, self.to_worker, self.from_worker, self.alarm = warm
        os.set_blocking(self.alarm, False)
        self.ready_sent = False
        self.staged: tuple = ()
        self.pending = b""

    def _ensure_ready(self) -> None:
        if self.import_error is not None:
            raise self.import_error
        self.start()
        if not self.ready_sent:
            try:
                first = self._receive(max(5.0, self.cfg.time_limit), "importing your file")
            except SubmissionFailure as exc:
                if exc.kind == "forbidden_import":  # at import time: every test would fail the same way
                    self.import_error = exc
                raise
            self.ready_sent = True
            if first[0] == "import_error" and len(first) == 6:
                _, kind, type_name, message, line, where = first
                self.import_error = SubmissionFailure(
                    kind if kind != "exception" else "import_error",
                    f"importing your file raised {type_name}: {message}", line=line, where=where)
                raise self.import_error
            if first[0] != "ready" or not isinstance(first[1], list):
                self.kill()
                raise SubmissionFailure("crash", "your code sent an unexpected reply while importing your file.")
            self.names = [n for n in first[1] if isinstance(n, str)]

    def _close_channels(self) -> None:
        """Close the pipes to a worker that has ended (a restarted worker gets new ones)."""
        for name in ("to_worker", "from_worker"):
            stream = self.__dict__.pop(name, None)
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        alarm = self.__dict__.pop("alarm", None)
        if alarm is not None:
            try:
                os.close(alarm)
            except OSError:
                pass

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, 9)
            except OSError:
                self.proc.kill()
            self.proc.wait()
        self.proc = None

    def _read_message(self, deadline: float) -> bytes | None:
        """One framed message from the worker, or None when `deadline` (monotonic) passes first or the
        worker is found stopped (SIGSTOP: it cannot reply; `self.stopped` says which). Raises EOFError
        when the worker closed the pipe (it died) and wire.WireError on a bad frame."""
        fd = self.from_worker.fileno()
        self.stopped = False
        data, self.pending = self.pending, b""  # what an earlier call read of this message
        need = 8 if len(data) < 8 else 8 + struct.unpack("!Q", data[:8])[0]
        size = None if len(data) < 8 else need - 8
        while len(data) < need:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], min(left, STOPPED_POLL_SECONDS))[0]:
                self.stopped = left > 0 and self.proc is not None and _stopped(self.proc.pid)
                if left > STOPPED_POLL_SECONDS and not self.stopped:
                    continue
                self.pending = data
                return None
            chunk = os.read(fd, min(need - len(data), 1 << 20))
            if not chunk:
                raise EOFError("the worker closed the channel")
            data += chunk
            if size is None and len(data) >= 8:
                (size,) = struct.unpack("!Q", data[:8])
                if size > wire.MAX_MESSAGE:
                    raise wire.WireError(f"a message of {size:,} bytes (more than {wire.MAX_MESSAGE >> 20} MB)")
                need = 8 + size
        return data[8:]

    def _receive(self, timeout: float, doing: str, call: str = "") -> Any:
        start = time.monotonic()
        try:
            data = self._read_message(start + max(0.0, timeout))
            if data is None and self.stopped:
                self.used += time.monotonic() - start
                self.kill()
                raise SubmissionFailure("crash", f"stopped its own process (SIGSTOP or the like) while {doing}; "
                                        "a function must return its result.", call=call)
            if data is None:
                self.used += time.monotonic() - start
                self.kill()
                self.timed_out = True
                raise SubmissionFailure(
                    "timeout", f"did not finish within the time limit ({self.cfg.time_limit:g} s) while "
                    f"{doing}: an infinite loop, or a loop that never converges?", call=call)
            reply = wire.safe_loads(data)
            if not isinstance(reply, tuple) or not reply or not isinstance(reply[0], str):
                raise wire.WireError(f"a {type(reply).__name__} instead of a reply")
        except (EOFError, OSError):
            self.used += time.monotonic() - start
            raise self._died(doing, call) from None
        except SubmissionFailure:
            raise
        except Exception as exc:  # noqa: BLE001 - an unreadable reply (refused pickle, bad frame...)
            self.used += time.monotonic() - start
            self.kill()
            raise SubmissionFailure("unsendable", f"your code sent back something the grader cannot read "
                                    f"while {doing} ({exc}).", call=call) from None
        self.used += time.monotonic() - start
        self.check_memory_map(doing, call)
        return reply

    def _died(self, doing: str, call: str) -> SubmissionFailure:
        """What the worker's exit status (read from the kernel) says about its end."""
        code = None
        if self.proc is not None:
            try:
                code = self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:  # closed its pipe but still running: end it
                self.kill()
        self.proc = None
        if code == wire.FORBIDDEN_EXIT:
            return self._forbidden(self._alarm_name(), doing, call)
        if code is not None and code < 0:
            sig = -code
            kind, why = {9: ("memory", "was killed (out of memory or CPU time)"),
                         24: ("timeout", "used up its CPU time limit"),
                         25: ("output", "printed more than 64 MB of output"),
                         11: ("crash", "crashed with a segmentation fault")}.get(
                sig, ("crash", f"was killed by signal {sig}"))
        else:
            kind, why = "exit", f"ended the process (exit code {code}; os._exit() or a crash)"
        return SubmissionFailure(kind, f"your code {why} while {doing}.", call=call)

    def _alarm_name(self) -> str:
        try:
            raw = os.read(self.alarm, 200).decode("ascii", "replace").split("\n")[0].strip()
        except OSError:
            raw = ""
        return raw if raw.replace("_", "").isalnum() else ""

    def _forbidden(self, name: str, doing: str, call: str) -> SubmissionFailure:
        what = f"'{name}'" if name else "a package this drill forbids"
        where = "importing your file: " if doing == "importing your file" else ""
        return SubmissionFailure("forbidden_import", f"{where}importing {what} is not allowed in this drill: "
                                 "implement it from scratch with NumPy.", call=call)

    def check_memory_map(self, doing: str, call: str = "") -> None:
        """Fail when a forbidden package's compiled code is mapped into the worker, however it got there.
        (A search of the map's bytes for each folder, in a space-separated path column: after every reply,
        so it must be cheap.)"""
        if not self.forbidden_dirs or self.proc is None:
            return
        try:
            with open(f"/proc/{self.proc.pid}/maps", "rb") as fh:
                maps = fh.read()
        except OSError:
            return
        for folder, name in self.forbidden_dirs.items():
            if b" " + os.fsencode(folder) in maps:
                self.kill()
                raise self._forbidden(name, doing, call)

    def cpu_counters(self, session: bool = True) -> tuple[int | None, int, int]:
        """Read from the kernel: (ns on CPU of the worker's threads, from schedstat, or None; clock ticks
        of the worker's own user+system time; clock ticks of every other process the submission may
        have started), the last two 0 with session=False.

        The other processes are the worker's descendants, every other process in its session, and,
        under the grading tree's top (a child subreaper, which adopts what leaves its parent), every
        process but this one and its own children: each with what it has reaped (cutime), and what the
        top has reaped, read last (a process reaped during the scan is counted twice, never lost). So
        work handed to a child, to a daemon that called setsid, or to a process since gone is counted."""
        if self.proc is None:
            return None, 0, 0
        pid = self.proc.pid
        ns: int | None = 0
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/schedstat", encoding="ascii") as fh:
                    ns += int(fh.read().split()[0])  # type: ignore[operator]
        except (OSError, ValueError, IndexError):
            ns = None
        if not session:
            return ns, 0, 0
        # pid -> (parent, session, [utime, stime, cutime, cstime]), from one pass over /proc
        table = {p: (int(f[1]), int(f[3]), [int(t) for t in f[11:15]]) for p, f in confine.proc_table().items()}
        me, top = os.getpid(), self.cfg.supervisor
        children: dict[int, list[int]] = {}
        for child, (parent, _sid, _t) in table.items():
            children.setdefault(parent, []).append(child)
        # The worker, every process in its session, the top's other children, and all their descendants.
        todo = [pid, *(p for p, (_parent, sid, _t) in table.items() if sid == pid)]
        if top is not None:
            todo += [c for c in children.get(top, []) if c != me]
        counted: set[int] = set()
        while todo:
            p = todo.pop()
            if p not in counted and p != me:
                counted.add(p)
                todo.extend(children.get(p, []))
        own = sum(table[pid][2][:2]) if pid in table else 0
        others = sum(sum(table[p][2]) for p in counted if p in table) - own
        if top is not None:
            fields = confine.proc_stat(top)
            if fields is not None:
                others += int(fields[13]) + int(fields[14])
        return ns, own, others

    def stage(self, name: str, args: Any, kwargs: Any) -> None:
        """Send the speed check's input (wire-encoded `args`, `kwargs`) for `repeat` calls of `name`, once."""
        self._ensure_ready()
        if self.staged != (name, id(args), id(kwargs)):
            self.request(("stage", ("attr", name), args, kwargs), "preparing a larger input", budget=False)
            self.staged = (name, id(args), id(kwargs))

    def repeat(self, name: str, args: Any, kwargs: Any, n: int, cpu_limit: float,
               deadline: float | None = None) -> tuple[float, bool, float]:
        """(CPU seconds the submission spent calling `name` exactly `n` times, measured by the kernel;
        whether it finished; how much of that ran outside the worker's threads). It is stopped once the
        worker has used `cpu_limit` CPU seconds, or at `deadline` (monotonic; default: ten times
        `cpu_limit`, at least 10 s, of wall time); what it used until then (or, when that is less, the
        wall time it was given) is returned, a lower bound.
        Raises SubmissionFailure when the code fails or ends the process.

        The worker's threads are timed to the nanosecond (schedstat); other processes only in clock
        ticks (a hundredth of a second each), so when any ran, the caller must time longer rounds."""
        self._ensure_ready()
        self.stage(name, args, kwargs)
        doing = "timing your function on a larger input"
        clk = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        before = self.cpu_counters()

        def used(now: tuple[int | None, int, int]) -> tuple[float, float]:
            if now[0] is not None and before[0] is not None:
                own = (now[0] - before[0]) / 1e9
            else:
                own = (now[1] - before[1]) / clk
            outside = max(0, now[2] - before[2]) / clk
            return max(own, 0.0) + outside, outside

        try:
            wire.send(self.to_worker, ("repeat", n))
        except OSError:
            raise self._died(doing, "") from None
        start = time.monotonic()
        wall_cap = start + max(10.0, 10 * cpu_limit) if deadline is None else deadline
        data = None
        try:
            while True:
                data = self._read_message(min(wall_cap, time.monotonic() + 0.05))
                if data is not None or time.monotonic() >= wall_cap or self.stopped:
                    break
                ns = self.cpu_counters(session=False)[0]
                if (used(self.cpu_counters())[0] if ns is None or before[0] is None else (ns - before[0]) / 1e9) > cpu_limit:
                    break
        except (EOFError, OSError):
            raise self._died(doing, "") from None
        spent, outside = used(self.cpu_counters())
        elapsed = time.monotonic() - start
        self.used += elapsed
        if data is None:
            self.kill()
            # Out of wall time, not CPU time: it slept, blocked or stopped itself (SIGSTOP) instead of
            # returning. Code that never returns is not fast: what it cost is at least the time it had
            # (a stopped process would never return: all of it).
            spent = max(spent, wall_cap - start if self.stopped else elapsed)
            self.stopped = False
        else:
            reply = wire.safe_loads(data)
            if not isinstance(reply, tuple) or reply[:1] != ("ok",):
                raise SubmissionFailure("exception", f"your code failed while {doing}.")
            self.check_memory_map(doing)
        return spent, data is not None, outside

    # ------------------------------------------------------------------ requests
    def request(self, message: tuple, doing: str, call: str = "", budget: bool = True) -> Any:
        """Send one request and return the reply. `budget=False` (the speed check's preparation): not
        bounded by what is left of the tests' time limit, only by the limit itself."""
        if self.timed_out:
            raise SubmissionFailure("timeout", "not run: an earlier test used up the time limit.", call=call)
        self._ensure_ready()
        remaining = self.cfg.time_limit - self.used if budget else self.cfg.time_limit
        if remaining <= 0:
            self.timed_out = True
            raise SubmissionFailure("timeout", "not run: the time limit was used up by earlier tests.", call=call)
        try:
            wire.send(self.to_worker, message)
        except (BrokenPipeError, OSError):
            raise self._died(doing, call) from None
        reply = self._receive(remaining, doing, call)
        if reply[0] == "error" and len(reply) == 6:
            _, kind, type_name, message_text, line, where = reply
            message_text = str(message_text)
            if kind == "not_implemented":
                raise NotImplementedError(message_text or "not implemented yet")
            if kind == "unsendable":
                raise SubmissionFailure("unsendable", f"it returned {message_text}.", call=call)
            if kind == "exception" and type_name in _BUILTIN_EXCEPTIONS and type_name != "AssertionError":
                exc = _BUILTIN_EXCEPTIONS[type_name](f"{message_text}")
                detail = SubmissionFailure(kind, f"raised {type_name}: {message_text}", call=call, line=line,
                                           where=where)
                exc.mlprep_detail = detail  # type: ignore[attr-defined]
                raise exc
            if kind not in ("exception", "exit", "memory", "recursion"):
                kind = "exception"
            raise SubmissionFailure(kind, f"raised {type_name}: {message_text}" if kind != "exit" else
                                    f"called sys.exit() ({message_text}) while {doing}; return a value instead",
                                    call=call, line=line, where=where)
        if reply[0] != "ok" or len(reply) != 3:
            self.kill()
            raise SubmissionFailure("crash", f"your code sent an unexpected reply while {doing}.", call=call)
        return reply

    def remove_capture(self) -> None:
        """Close and delete the file the worker's output went to (the end of grading)."""
        for undo in (lambda: os.close(self.capture_fd), lambda: os.unlink(self.capture.name)):
            try:
                undo()
            except OSError:
                pass

    def output_since_last(self) -> str:
        try:
            data = os.pread(self.capture_fd, OUTPUT_LIMIT + 1, self.read_pos)
            end = max(os.fstat(self.capture_fd).st_size, self.read_pos + len(data))
        except OSError:
            return ""
        skipped = end - self.read_pos - len(data)
        self.read_pos = end
        text = data[:OUTPUT_LIMIT].decode("utf-8", "replace")
        if len(data) > OUTPUT_LIMIT or skipped > 0:
            text += f"\n... ({end - self.read_pos + len(data) + max(skipped, 0):,} more bytes of output cut)"
        return text


def _mutated(sent: Any, reported: Any) -> list:
    """Which arguments the call changed: the encoding of what was sent (decoded and encoded again, as
    the worker does) against the encoding the worker reported after the call. Positions or names."""
    args, kwargs = sent
    after_args, after_kwargs, names = reported
    if isinstance(after_args, tuple) and after_args[:1] == ("__unsendable__",):
        return [f"{len(args[1])} argument(s), now holding something that cannot be sent back"]
    baseline_args, baseline_kwargs = wire.encode(wire.decode(args)), wire.encode(wire.decode(kwargs))
    got_args = after_args[1] if isinstance(after_args, tuple) and len(after_args) == 2 else []
    names = names if isinstance(names, list) else []
    out: list = []
    for i, before in enumerate(baseline_args[1]):
        if i >= len(got_args) or not wire.plain_equal(before, got_args[i]):
            out.append(names[i] if i < len(names) and isinstance(names[i], str) else i)
    after_kwargs = after_kwargs if isinstance(after_kwargs, dict) else {}
    out += [k for k, v in baseline_kwargs.items() if k not in after_kwargs or not wire.plain_equal(v, after_kwargs[k])]
    return out


class RemoteCallable:
    def __init__(self, worker: Worker, spec: tuple, name: str):
        self._worker, self._spec, self.__name__ = worker, spec, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from mlprep.drillkit import GradingFailure, describe_call

        desc = describe_call(self.__name__, args, kwargs)
        check = not self._worker.cfg.allow_mutation
        sent = (wire.encode(args), wire.encode(kwargs))
        reply = self._worker.request(("call", self._spec, sent[0], sent[1], check), "running it", desc)
        _, value, reported = reply
        if check:
            if not (isinstance(reported, tuple) and len(reported) == 3):
                raise SubmissionFailure("crash", "your code did not report its arguments back.", call=desc)
            mutated = _mutated(sent, reported)
            if mutated:
                names = ", ".join(m if isinstance(m, str) and " " in m else
                                  f"argument {m + 1}" if isinstance(m, int) else f"`{m}`" for m in mutated)
                raise GradingFailure(f"Called {desc}: it modified its input ({names}) in place. Interviewers "
                                     "check this: work on a copy (e.g. `X = X.copy()` or `X.astype(float)`) "
                                     "instead of changing the caller's data.", call=desc)
        try:
            return wire.decode(value, lambda oid, tname: RemoteObject(self._worker, oid, str(tname)))
        except Exception as exc:  # noqa: BLE001 - plain data that does not decode
            raise SubmissionFailure("unsendable", f"it returned something the grader cannot read ({exc}).",
                                    call=desc) from None

    def __repr__(self) -> str:
        return f"<your {self.__name__}>"


class RemoteObject:
    """An object created by the user's code (e.g. a fitted scaler), living in the worker."""

    def __init__(self, worker: Worker, oid: int, type_name: str):
        object.__setattr__(self, "_worker", worker)
        object.__setattr__(self, "_oid", oid)
        object.__setattr__(self, "_type_name", type_name)

    @property
    def mlprep_type_name(self) -> str:
        """The type of the object in the worker (`function`, `KMeans`...), for failure messages."""
        return str(self._type_name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        worker = self._worker
        _, value, _ = worker.request(("getattr", self._oid, name), f"reading .{name}")
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

def _cpu_per_call(fn: Any, args: Any, kwargs: Any, calls: int) -> float:
    """CPU seconds per call of `fn` over exactly `calls` calls, from the kernel's accounting of this
    thread (`CLOCK_THREAD_CPUTIME_ID`): other threads, other processes and a busy machine do not count."""
    start = time.thread_time()
    i = 0
    while i < calls:
        fn(*args, **kwargs)
        i += 1
    return max(time.thread_time() - start, 1e-9) / calls


class SpeedCheck:
    """The speed check: the user's function against the reference on the suite's `speed_case()`,
    reported only if every test passes.

    Both are measured in CPU time from the kernel's accounting, for a number of calls this process
    chooses: never from a clock the user's code can replace, and hardly moved by load on the machine.
    The reference is timed from collection on, while the tests run (during `--watch`, while you edit),
    in a copy of this process forked for it (trusted code only: NumPy and the reference already
    imported, no user code, nothing to start): a warm-up call, which also sets how many calls make a
    round of about `SPEED_ROUND_SECONDS` of CPU, then `SPEED_REFERENCE_ROUNDS` rounds, the best round
    per call counting, by the CPU time of its thread. After the last test, `measure` times the user's
    code in the tests' worker (`Worker.repeat`: schedstat and clock ticks of the worker's processes): a
    short first round (a tenth of the reference's, at least one call: a loop hundreds of times slower
    shows at once), then rounds as long as the reference's, until the best round is within the
    verdict's threshold (final, since more rounds can only lower it; after the short round only when
    clearly within) or clearly beyond it.

    Code timed beside other work reads a little slower, so the reference timed during the tests may
    read slower than it is, and slow code look faster. That matters only when the factor is not clearly
    within the threshold: then the reference is timed once more here, the machine otherwise idle, before
    the user's next round, and the best of all its rounds counts."""

    def __init__(self, cfg: Config, speed_case: Any, reference: Any):
        """`reference()` loads the trusted reference module (in this process)."""
        self.slow_factor = cfg.slow_factor
        self.timer: tuple[int, int] | None = None  # (pid, read end of its pipe) of the reference's timer
        try:
            case = speed_case()
            self.name = str(case["function"])
            self.args = wire.encode(tuple(case.get("args", ())))
            self.kwargs = wire.encode(dict(case.get("kwargs", {})))
            self.fn = getattr(reference(), self.name)
        except Exception:  # noqa: BLE001 - no case to time: no verdict on speed
            return
        if not hasattr(os, "fork"):
            return
        r, w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return
        if pid == 0:  # the timer: trusted code only, gone as soon as it has written its figures
            try:
                os.close(r)
                call = self._reference_call()
                first = _cpu_per_call(*call, 1)  # warms up; an upper bound of a call's cost sets a round's length
                calls = max(1, min(100_000, math.ceil(SPEED_ROUND_SECONDS / first)))
                best = min(_cpu_per_call(*call, calls) for _ in range(SPEED_REFERENCE_ROUNDS))
                os.write(w, f"{best!r} {calls}".encode("ascii"))
            finally:
                os._exit(0)
        os.close(w)
        self.timer = (pid, r)

    def _reference_call(self) -> tuple[Any, Any, Any]:
        """The reference function and the input the worker gets (decoded from what is sent to it)."""
        return self.fn, wire.decode(self.args), wire.decode(self.kwargs)

    def _reference_figures(self, deadline: float) -> tuple[float, int] | None:
        """(the reference's best CPU seconds per call, calls per round) from its timer, or None."""
        if self.timer is None:
            return None
        fd = self.timer[1]
        data = b""
        while time.monotonic() < deadline and select.select([fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
            chunk = os.read(fd, 256)
            if not chunk:
                break
            data += chunk
        self.stop()
        try:
            best, calls = data.decode("ascii").split()
            return float(best), int(calls)
        except (UnicodeDecodeError, ValueError):
            return None

    def measure(self, worker: Worker) -> dict[str, Any] | None:
        """Time the user's code in `worker` against the reference: the "speed" event, or None when there
        is no verdict on speed (the reference could not be timed, or the user's code failed)."""
        deadline = time.monotonic() + SPEED_WALL_SECONDS
        timed = self._reference_figures(deadline)
        if timed is None:
            return None
        best_ref, calls = timed
        quiet = False  # whether the reference has been timed again with the machine otherwise idle
        best_user, user_total, user_calls = float("inf"), 0.0, max(1, calls // 10)
        coarse = False  # whether the user's code ran in processes other than the worker
        rough = 0.0  # the most per call seen in rounds too short to count (a lower bound)
        for n in range(SPEED_ROUNDS + 1):
            try:
                spent, finished, outside = worker.repeat(self.name, self.args, self.kwargs, user_calls,
                                                         cpu_limit=max(0.5, 50 * user_calls * best_ref),
                                                         deadline=deadline)
            except SubmissionFailure:
                break
            user_total += spent
            if outside > 0:  # it ran in other processes too, timed only in clock ticks
                coarse = True
                if spent < SPEED_COARSE_SECONDS:  # too short to count at that resolution: a longer round
                    rough = max(rough, spent / user_calls)
                    if not finished or user_total > SPEED_USER_SECONDS or time.monotonic() > deadline:
                        break
                    user_calls = max(2 * user_calls, math.ceil(user_calls * SPEED_COARSE_SECONDS / max(spent, 0.005)))
                    continue
            best_user = min(best_user, spent / user_calls)
            factor = best_user / max(best_ref, 1e-9)
            if factor <= self.slow_factor / SPEED_CLEAR and not coarse:
                break  # clearly fast enough, and final: noise only makes code look slower
            if not quiet:
                quiet = True
                try:
                    best_ref = min(best_ref, _cpu_per_call(*self._reference_call(), calls))
                except Exception:  # noqa: BLE001 - the reference could not be timed: no verdict on speed
                    return None
                factor = best_user / max(best_ref, 1e-9)
            if factor <= self.slow_factor and n > 0:
                break  # fast enough, and final: more rounds only lower the best
            if not finished or (factor > self.slow_factor * SPEED_CLEAR and spent > SPEED_ROUND_SECONDS):
                break  # clearly not vectorized (beyond a first call's warm-up): no need to time it again
            if user_total > SPEED_USER_SECONDS or time.monotonic() > deadline:
                break  # enough: a slow function is not timed for ever
            user_calls = max(user_calls, calls)
        if best_user == float("inf"):
            if not rough:
                return None
            best_user = rough
        return {"event": "speed", "function": self.name, "reference_s": best_ref, "user_s": best_user,
                "factor": best_user / max(best_ref, 1e-9)}

    def stop(self) -> None:
        """End the reference's timer (if still running) and reap it."""
        timer, self.timer = self.timer, None
        if timer is None:
            return
        pid, fd = timer
        os.close(fd)
        try:
            os.kill(pid, 9)
        except OSError:
            pass
        try:
            os.waitpid(pid, 0)
        except OSError:
            pass


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
        self._reference: Any = None
        self.speed: SpeedCheck | None = None
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
        self.emit({"event": "collected", "total": len(items)})
        case = next((m.speed_case for m in seen if hasattr(m, "speed_case")), None)
        if case is not None and self.cfg.reference and self.cfg.submission and not self.cfg.inprocess:
            self.speed = SpeedCheck(self.cfg, case, self._load_reference)  # its timer starts now

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
        speed, self.speed = self.speed, None
        try:
            if speed is not None and self.failed == 0 and self.passed > 0:
                event = speed.measure(self.worker)
                if event is not None:
                    self.emit(event)
        finally:
            self.emit({"event": "end", "passed": self.passed, "failed": self.failed,
                       "time_used": round(self.worker.used, 3)})
            if speed is not None:
                speed.stop()
            self.worker.kill()
            self.worker.remove_capture()
            self.out.close()

    def _load_reference(self) -> Any:
        if self._reference is None:
            self._reference = _import_path(self.cfg.reference, "reference_solution")
        return self._reference


def _import_path(path: str, name: str) -> Any:
    """Import a file by path as Python source, whatever its name ends with (`.py`, `.txt`...)."""
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    if spec is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
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
