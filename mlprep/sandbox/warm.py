"""The worker process started ahead of time, and the one way a worker process is started.

`mlprep.sandbox.launch` pre-starts the tests' worker in the pytest process, so it imports NumPy while
pytest starts; the plugin's `Worker.start` takes it with `take_worker` (sending its real arguments as the
first message), and every later start (after a crash or timeout) is a fresh process. A pre-started worker
has run no user code and is used once. Imports nothing from mlprep but the wire format.
"""

from __future__ import annotations

import os
import sys

# (Popen, request pipe, reply pipe, alarm fd) of a worker waiting for its arguments
_prestarted: list[tuple] = []


def spawn(args: list[str] | None) -> tuple:
    """Start a worker process: (Popen, request stream, reply stream, alarm fd); OSError if it cannot start.
    `args` (submission, capture file, forbidden, memory, CPU) go on its command line; None starts it
    waiting for them (`take_worker` sends them)."""
    import subprocess
    import tempfile

    req_r, req_w = os.pipe()
    rep_r, rep_w = os.pipe()
    alarm_r, alarm_w = os.pipe()  # the forbidden-import alarm (see worker._guard_imports)
    argv = [sys.executable, "-m", "mlprep.sandbox.worker", *(["--wait"] if args is None else []),
            str(req_r), str(rep_w), str(alarm_w), *(args or [])]
    try:
        proc = subprocess.Popen(argv, pass_fds=(req_r, rep_w, alarm_w), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir(),
                                start_new_session=True)
    except OSError:
        for fd in (req_w, rep_r, alarm_r):
            os.close(fd)
        raise
    finally:
        for fd in (req_r, rep_w, alarm_w):
            os.close(fd)
    return proc, os.fdopen(req_w, "wb", buffering=0), os.fdopen(rep_r, "rb", buffering=0), alarm_r


def prestart_worker() -> None:
    """Start the tests' worker now (it imports NumPy meanwhile); the plugin takes it (`take_worker`)."""
    try:
        _prestarted.append(spawn(None))
    except OSError:
        pass  # the plugin starts one when it needs it (and reports it if that fails too)


def take_worker(args: list[str]) -> tuple | None:
    """The pre-started worker, given its arguments (the file, capture file, forbidden, memory, CPU):
    (process, request stream, reply stream, alarm fd), or None (none was started, or it is gone). Once."""
    if not _prestarted:
        return None
    warm = _prestarted.pop()
    proc, to_worker, from_worker, alarm = warm
    if proc.poll() is None:
        from mlprep.sandbox import wire

        try:
            wire.send(to_worker, ("start", list(args)))
            return warm
        except OSError:
            pass
    to_worker.close()
    from_worker.close()
    os.close(alarm)
    return None
