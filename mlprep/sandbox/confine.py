"""Operating-system protections for grading: write confinement, process lifetime, process-tree cleanup.

Used by the worker (`confine_worker`, before it imports the user's code), by the grading supervisor
(`mlprep.sandbox.launch`: child subreaper, kill every descendant at the end) and by `mlprep where`
(`protection`, which says what this machine offers).

- **Landlock** (Linux 5.13+, no root needed): after `landlock_restrict_self` the process and all its
  children can create, write, truncate, rename or delete files only under the folders given (the
  worker's private grading folder) and write only to /dev/null, /dev/zero and /dev/full. Reading stays
  allowed everywhere. With ABI 6+ the process also cannot signal, ptrace or read `/proc/<pid>/environ`
  of processes outside its domain (ptrace and /proc/<pid> reads are scoped by every ABI).
  Called through `ctypes` with the raw syscall numbers (444-446, the same on every architecture
  Python runs on with Linux); a kernel without Landlock, a container's seccomp filter, or another OS
  gives a clean "not available" and nothing else changes.
- **prctl**: PR_SET_NO_NEW_PRIVS (required by Landlock), PR_SET_CHILD_SUBREAPER (orphans of the
  submission, even after `setsid` or a double fork, become children of the supervisor, which kills
  them), PR_SET_PDEATHSIG (a grading process dies with its parent), PR_SET_DUMPABLE=0 (no other
  process of the user can read this one's memory or environment through /proc or ptrace).

Imports nothing from mlprep: it runs in the worker beside user code.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import time
from dataclasses import dataclass
from typing import Any

# ------------------------------------------------------------------ Landlock constants (linux/landlock.h)
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1 << 0
_RULE_PATH_BENEATH = 1
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_REMOVE_DIR = 1 << 4
_FS_REMOVE_FILE = 1 << 5
_FS_MAKE_CHAR = 1 << 6
_FS_MAKE_DIR = 1 << 7
_FS_MAKE_REG = 1 << 8
_FS_MAKE_SOCK = 1 << 9
_FS_MAKE_FIFO = 1 << 10
_FS_MAKE_BLOCK = 1 << 11
_FS_MAKE_SYM = 1 << 12
_FS_REFER = 1 << 13      # ABI 2
_FS_TRUNCATE = 1 << 14   # ABI 3
_FILE_RIGHTS = (1 << 0) | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | (1 << 15)  # + EXECUTE, IOCTL_DEV
_SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
_SCOPE_SIGNAL = 1 << 1                # ABI 6

_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_NO_NEW_PRIVS = 38

WRITABLE_DEVICES = ("/dev/null", "/dev/zero", "/dev/full")
# Readable in /proc besides the process's own /proc/<pid>: system-wide figures, never other processes.
PROC_READABLE = ("cpuinfo", "meminfo", "stat", "loadavg", "uptime", "version", "filesystems", "sys")
_ARCHES = {"x86_64", "amd64", "aarch64", "arm64", "armv7l", "armv8l", "i686", "i386", "riscv64", "ppc64le",
           "s390x", "loongarch64"}


@dataclass(frozen=True)
class Protection:
    """What write confinement this machine gives a submission."""

    landlock_abi: int  # 0: not available
    summary: str       # one line for `mlprep where`

    @property
    def confined(self) -> bool:
        return self.landlock_abi > 0


def _libc():  # noqa: ANN202 - a ctypes CDLL
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    libc.prctl.restype = ctypes.c_int
    return libc


def _prctl(option: int, arg: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return _libc().prctl(ctypes.c_int(option), ctypes.c_ulong(arg), ctypes.c_ulong(0), ctypes.c_ulong(0),
                             ctypes.c_ulong(0)) == 0
    except (OSError, AttributeError):
        return False


def landlock_abi() -> tuple[int, int]:
    """(ABI version, 0) when Landlock is available, else (0, errno) explaining why not."""
    if not sys.platform.startswith("linux"):
        return 0, errno.ENOSYS
    import platform

    if platform.machine().lower() not in _ARCHES:
        return 0, errno.ENOSYS
    try:
        import ctypes

        libc = _libc()
        abi = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0),
                           ctypes.c_uint32(_CREATE_RULESET_VERSION))
        if abi < 0:
            return 0, ctypes.get_errno() or errno.ENOSYS
        return int(abi), 0
    except (OSError, AttributeError):
        return 0, errno.ENOSYS


def protection() -> Protection:
    """Probe (without restricting anything) what confinement grading will get on this machine."""
    abi, err = landlock_abi()
    if abi:
        reach = "/proc and signals" if abi >= 6 else "/proc"
        return Protection(abi, f"Landlock ABI {abi}: writes confined to the grading folder; other processes' "
                               f"{reach} out of reach")
    if sys.platform == "darwin":
        why = "macOS has no Landlock"
    elif not sys.platform.startswith("linux"):
        why = f"no Landlock on {sys.platform}"
    elif err == errno.EOPNOTSUPP:
        why = "Landlock is built into this kernel but switched off (add landlock to the lsm= boot option)"
    elif err == errno.EPERM:
        why = "the Landlock system calls are blocked (a container's seccomp filter?)"
    else:
        import platform

        why = (f"kernel too old or built without Landlock (Linux {platform.release()}; Landlock needs 5.13+), "
               "or a container's seccomp filter hides it")
    return Protection(0, f"not available: {why}. Writes are not confined; see docs/sandbox.md")


def _restrict(writable_dirs: list[str], abi: int) -> None:
    """Apply a Landlock ruleset; raises OSError on failure (the process is then unchanged)."""
    import ctypes

    class RulesetAttr(ctypes.Structure):
        _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                    ("scoped", ctypes.c_uint64)]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    libc = _libc()
    make = (_FS_MAKE_CHAR | _FS_MAKE_DIR | _FS_MAKE_REG | _FS_MAKE_SOCK | _FS_MAKE_FIFO | _FS_MAKE_BLOCK
            | _FS_MAKE_SYM)
    handled = _FS_WRITE_FILE | _FS_REMOVE_DIR | _FS_REMOVE_FILE | make
    if abi >= 2:
        handled |= _FS_REFER
    if abi >= 3:
        handled |= _FS_TRUNCATE
    # In the grading folder: ordinary files and folders only (no FIFOs, devices, sockets or symlinks).
    in_dir = handled & ~(_FS_MAKE_CHAR | _FS_MAKE_SOCK | _FS_MAKE_FIFO | _FS_MAKE_BLOCK | _FS_MAKE_SYM)
    on_device = handled & (_FS_WRITE_FILE | _FS_TRUNCATE)
    # Reading is allowed everywhere except other processes' /proc entries (their environment and command
    # line would tell where the user's data and workspace are).
    read = _FS_READ_FILE | _FS_READ_DIR
    handled |= read
    in_dir |= read
    on_device |= _FS_READ_FILE
    read_roots = [os.path.join("/", n) for n in sorted(os.listdir("/")) if n != "proc"]
    read_roots += [f"/proc/{os.getpid()}"] + [f"/proc/{n}" for n in PROC_READABLE]
    attr = RulesetAttr(handled, 0, (_SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL) if abi >= 6 else 0)
    size = ctypes.sizeof(RulesetAttr) if abi >= 6 else 8  # no network rights handled: 8 bytes is enough below 6
    ruleset = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(size),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"landlock_create_ruleset: {os.strerror(err)}")
    try:
        rules = [(d, read) for d in read_roots] + [(d, in_dir) for d in writable_dirs]
        rules += [(d, on_device) for d in WRITABLE_DEVICES]
        for path, access in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # e.g. no /dev/full in a minimal container
            try:
                if not stat.S_ISDIR(os.fstat(fd).st_mode):
                    access &= _FILE_RIGHTS  # directory rights on a file are an error
                rule = PathBeneath(access, fd)
                if libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset),
                                ctypes.c_int(_RULE_PATH_BENEATH), ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
                    err = ctypes.get_errno()
                    raise OSError(err, f"landlock_add_rule({path}): {os.strerror(err)}")
            finally:
                os.close(fd)
        if not _prctl(_PR_SET_NO_NEW_PRIVS, 1):
            raise OSError(errno.EPERM, "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.syscall(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_restrict_self: {os.strerror(err)}")
    finally:
        os.close(ruleset)


def confine_writes(writable_dirs: list[str]) -> int:
    """Allow this process (and its children) to write only under `writable_dirs` and to /dev/null.

    Returns the Landlock ABI applied, or 0 when confinement is not available here (never raises)."""
    abi, _ = landlock_abi()
    if not abi:
        return 0
    try:
        _restrict([os.path.realpath(d) for d in writable_dirs], abi)
    except (OSError, AttributeError, ValueError):
        return 0
    return abi


_worker_abi: int | None = None


def confine_worker(writable_dir: str) -> int:
    """Everything the worker does to itself before it imports the user's code (once per process: a
    pre-started worker does it while it waits, so its grade starts sooner)."""
    global _worker_abi
    if _worker_abi is None:
        set_parent_death_signal(signal.SIGKILL)
        _worker_abi = confine_writes([writable_dir])
    return _worker_abi


def set_subreaper() -> bool:
    """Orphaned descendants (after setsid, double forks) become our children instead of init's."""
    return _prctl(_PR_SET_CHILD_SUBREAPER, 1)


def set_parent_death_signal(sig: int) -> bool:
    return _prctl(_PR_SET_PDEATHSIG, int(sig))


def dumpable() -> bool:
    """Whether this process is dumpable (readable through /proc and ptrace by the same user)."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        return _libc().prctl(3, 0, 0, 0, 0) == 1  # PR_GET_DUMPABLE
    except (OSError, AttributeError):
        return True


def set_dumpable(on: bool) -> bool:
    """Off: other processes of the same user cannot ptrace this one or read its /proc memory/environ."""
    return _prctl(_PR_SET_DUMPABLE, 1 if on else 0)


# ------------------------------------------------------------------ process trees

def proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state, ppid, pgrp, session, ..., utime at
    11, stime, cutime, cstime), or None (gone, or no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def proc_table() -> dict[int, list[str]]:
    """pid -> `proc_stat` fields of every process we can see, from one pass over /proc (empty without)."""
    try:
        names = [int(e) for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return {}
    table = {}
    for pid in names:
        fields = proc_stat(pid)
        if fields is not None and len(fields) > 14:
            table[pid] = fields
    return table


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process we can see (from /proc, else from `ps`)."""
    out: dict[int, int] = {}
    if os.path.isdir("/proc/self"):
        return {pid: int(fields[1]) for pid, fields in proc_table().items()}
    import subprocess

    try:
        text = subprocess.run(["ps", "-axo", "pid=,ppid="], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
            out[int(parts[0])] = int(parts[1])
    return out


def descendants(root: int) -> list[int]:
    """Every living process whose parent chain leads to `root` (children first, then theirs)."""
    children: dict[int, list[int]] = {}
    for pid, ppid in _parents().items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child != root and child not in out:
                out.append(child)
                todo.append(child)
    return out


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_descendants(root: int | None = None, timeout: float = 2.0, groups: tuple[int, ...] = ()) -> int:
    """SIGKILL every descendant of `root` (default: this process) until none is left; reap the ones that
    become our children. `groups`: process groups to kill too (the fallback where the tree cannot be
    walked). Returns how many processes were killed."""
    root = os.getpid() if root is None else root
    killed: set[int] = set()
    for pgid in groups:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except OSError:
            pass
    deadline = time.monotonic() + timeout
    while True:
        found = [p for p in descendants(root) if _alive(p)]
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        if root == os.getpid():
            _reap()
        if not found or time.monotonic() > deadline:
            return len(killed)
        time.sleep(0.005)


def wait_process(proc: Any, timeout: float) -> int:
    """`proc.wait(timeout)` (a `subprocess.Popen`) without its polling, which sleeps up to 50 ms between
    looks: on Linux the wait is a `select` on a pidfd, which wakes the moment the process ends."""
    import subprocess

    if proc.returncode is not None:
        return int(proc.returncode)
    try:
        fd = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):  # not Linux 5.3+, or the process has already been reaped
        return int(proc.wait(timeout))
    try:
        import select

        if not select.select([fd], [], [], max(0.0, timeout))[0]:
            raise subprocess.TimeoutExpired(proc.args, timeout)
    finally:
        os.close(fd)
    return int(proc.wait())


def _alive(pid: int) -> bool:
    """False for a zombie (already dead, waiting to be reaped) or a process that is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
        return stat[stat.rindex(b")") + 2:][:1] not in (b"Z", b"X")
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        try:
            os.kill(pid, 0)
            return True
        except OSError:
            return False
