"""The grading process tree's top (`python -m mlprep.sandbox.launch`), started by the grader.

    grader (the CLI)
      └─ supervisor: this module's `main` — child subreaper, never runs tests or user code
           └─ pytest process: imports pytest, NumPy, the plugin and the suite, then waits for "go"
                └─ worker (started by the plugin): imports and runs the submission
                     └─ whatever the submission starts (setsid, double forks: all adopted by the supervisor)

The pytest process gets its settings as soon as it starts (one JSON line on stdin: the plugin's settings,
the pytest arguments, the results key), imports and collects the hidden suite, then waits for the line
"go", which the grader sends once the submission's copy is in place. So the grader can start a run ahead
of time (`mlprep drill --watch` does while you edit) and grading begins the moment "go" arrives. Nothing
about the user's data, workspace or settings is in any of these processes' environment or command line;
the supervisor and pytest are non-dumpable, so no other process of the user can read their memory (the
key) or environment through /proc or ptrace.

When pytest ends — or the grader sends SIGTERM (time limit, Ctrl-C) — the supervisor kills every
process still below it and exits with pytest's status (a signal death is passed on as the same signal).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from typing import BinaryIO

from mlprep.sandbox import confine, warm


class _Stop(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _Stop(signum)


def _warm_pytest() -> None:
    """Import pytest's built-in plugins now (pytest.main would import them after "go")."""
    import importlib

    from _pytest.config import default_plugins

    for name in default_plugins:
        try:
            importlib.import_module(f"_pytest.{name}")
        except Exception:  # noqa: BLE001 - a plugin this pytest lacks is simply not warmed
            pass


class _Gate:
    """Holds the run after collection (the suite is imported, the worker warm) until "go" arrives: the
    submission's copy is then in place and the worker, started on the first test, imports it."""

    def __init__(self, channel: BinaryIO):
        self.channel = channel

    def pytest_runtestloop(self, session: object) -> None:
        line = self.channel.readline()
        self.channel.close()
        if line.strip() != b"go":
            os._exit(0)  # cancelled (the grader closed the pipe): nothing ran


def _pytest_process(supervisor: int | None) -> None:
    """The forked child: read the settings, warm up, run pytest (which waits for "go"). Never returns.
    `supervisor`: the pid of the process tree's top (the plugin counts the CPU time of every process in
    the tree but this one), or None when there is none."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # only the grader decides when grading stops
    confine.set_parent_death_signal(signal.SIGKILL)
    code = 3
    try:
        # The grader's pipe, moved off stdin (pytest captures stdin; the worker must never see it).
        channel = os.fdopen(os.dup(0), "rb")
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        line = channel.readline()  # the settings, sent as soon as we start
        if not line.strip():
            os._exit(0)  # the grader cancelled this run before it began
        setup = json.loads(line)
        warm.prestart_worker()  # the tests' worker imports NumPy meanwhile
        import numpy  # noqa: F401 - the hidden suite and reference need it: import before "go"
        import pytest

        import mlprep.drillkit  # noqa: F401
        import mlprep.sandbox.plugin  # noqa: F401

        _warm_pytest()
        key_r, key_w = os.pipe()
        os.write(key_w, setup["key"].encode("ascii"))
        os.close(key_w)
        os.environ.update({str(k): str(v) for k, v in setup["env"].items()})
        os.environ["MLPREP_DRILL_KEY_FD"] = str(key_r)
        if supervisor is not None:
            os.environ["MLPREP_DRILL_SUPERVISOR"] = str(supervisor)
        code = int(pytest.main([str(a) for a in setup["args"]], plugins=[_Gate(channel)]))
    except BaseException as exc:  # noqa: BLE001 - reported through the exit code and the log
        print(f"mlprep grading process: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _remove_grading_folder() -> None:
    """Delete the private grading folder we run in (`<folder>/work` is our working directory)."""
    import shutil
    import stat

    folder = os.path.dirname(os.getcwd())
    if not os.path.basename(folder).startswith("mlprep-grade-"):
        return
    for root, dirs, _files in os.walk(folder):
        for d in [root, *(os.path.join(root, d) for d in dirs)]:
            try:
                os.chmod(d, stat.S_IRWXU)
            except OSError:
                pass
    os.chdir("/")
    shutil.rmtree(folder, ignore_errors=True)


def _trusted_path() -> None:
    """`python -m` puts the working directory first on sys.path, and ours is the grading folder's
    `work/`, which the worker can write: a module planted there (named like a standard-library one)
    would run in this process or pytest's, with the key and no limits, at the next import of that
    name. Nothing is imported from there: it leaves sys.path before the submission can run."""
    here = os.path.realpath(os.getcwd())
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and os.path.realpath(p) != here]
    sys.path_importer_cache.clear()


def main() -> int:
    _trusted_path()
    parent = os.getppid()
    confine.set_parent_death_signal(signal.SIGTERM)  # the grader died: clean up and go
    if os.getppid() != parent:
        return 1
    confine.set_dumpable(False)
    confine.set_subreaper()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not hasattr(os, "fork"):  # no fork (not POSIX): run pytest here, without a supervisor
        _pytest_process(None)
    supervisor = os.getpid()
    child = os.fork()
    if child == 0:
        _pytest_process(supervisor)
    status: int | None = None
    stopped: int | None = None
    try:
        while status is None:
            try:
                pid, st = os.wait()
            except ChildProcessError:
                break
            if pid == child:
                status = st
    except _Stop as exc:
        stopped = int(exc.args[0])
    finally:
        for sig in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        # Everything below us goes: the pytest process if still running, the worker, and every process
        # the submission started (adopted by us when their parents died, if we are a subreaper).
        confine.kill_descendants()  # without a subreaper (macOS) only processes still linked by parent are found
    if stopped is not None:
        if os.getppid() != parent:  # the grader died (we got its death signal): nobody else will clean up
            _remove_grading_folder()
        return 128 + int(stopped)
    if status is None:
        return 3
    if os.WIFSIGNALED(status):
        died = os.WTERMSIG(status)
        signal.signal(died, signal.SIG_DFL)
        os.kill(os.getpid(), died)
    return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # nothing left to clean up: skip the interpreter's teardown
