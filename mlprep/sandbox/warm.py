"""The grading process's pre-started worker: started before pytest so it imports NumPy meanwhile.

`mlprep.sandbox.launch` calls `prestart_worker` first thing in the pytest process; the plugin's first
`Worker.start` takes it with `take_worker` (sending its real arguments as the first message), and every
later start (after a crash or timeout) is a fresh process. The worker has run no user code until then.
Imports nothing from mlprep but the wire format.
"""

from __future__ import annotations

import os
import sys

_prestarted: tuple | None = None  # (Popen, request pipe, reply pipe, alarm fd) of a worker waiting for its arguments


def prestart_worker() -> None:
    """Start the worker now (it imports NumPy while pytest starts); the plugin takes it (`take_worker`)."""
    global _prestarted
    import subprocess
    import tempfile

    req_r, req_w = os.pipe()
    rep_r, rep_w = os.pipe()
    alarm_r, alarm_w = os.pipe()  # the forbidden-import alarm (see worker._guard_imports)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "mlprep.sandbox.worker", "--wait", str(req_r), str(rep_w),
                                 str(alarm_w)],
                                pass_fds=(req_r, rep_w, alarm_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir(), start_new_session=True)
    except OSError:
        for fd in (req_r, req_w, rep_r, rep_w, alarm_r, alarm_w):
            os.close(fd)
        return
    os.close(req_r)
    os.close(rep_w)
    os.close(alarm_w)
    _prestarted = (proc, os.fdopen(req_w, "wb", buffering=0), os.fdopen(rep_r, "rb", buffering=0), alarm_r)


def take_worker(args: list[str]) -> tuple | None:
    """The pre-started worker, given its arguments (submission, capture file, forbidden, memory, CPU):
    (process, request stream, reply stream, alarm fd), or None (none was started, or it is gone). Once only."""
    global _prestarted
    warm, _prestarted = _prestarted, None
    if warm is None:
        return None
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
