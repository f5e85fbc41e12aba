"""Grading a drill submission: static checks, then the hidden suite in a separate process.

`grade(drill, path)` never raises for a broken submission: syntax errors, forbidden imports,
import failures, `NotImplementedError`, wrong answers, crashes, `sys.exit`/`os._exit`, infinite
loops, memory bombs and floods of output all come back as a `Verdict`. The verdict is built from
the JSON-lines results file written by `mlprep.sandbox.plugin` in the grading process, never from
anything the user's code prints.
"""

from __future__ import annotations

import ast
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlprep.errors import DrillError
from mlprep.rules import SLOW_FACTOR
from mlprep.sandbox import results as results_file

if TYPE_CHECKING:
    from mlprep.drills.catalogue import Drill  # attributes only: the sandbox never builds one

# The verdict kind of a grading run that did not finish (the grading process died or hung, its results
# were lost or tampered with, the suite could not start): not a verdict on the code, so callers record
# nothing (no review, no attempt, no hint) and the CLI exits with its own status.
GRADER_ERROR = "grader_error"
NOT_GRADED = "Grading did not finish: {why}; nothing was recorded. Run the check again{advice}."
STARTUP_SLACK = 40.0  # seconds for interpreter, pytest and numpy start-up on a slow machine


@dataclass
class TestResult:
    name: str
    status: str  # passed | failed | skipped
    doc: str = ""
    kind: str = ""  # wrong | not_implemented | timeout | exit | memory | crash | exception | ...
    message: str = ""
    call: str = ""
    expected: str | None = None
    got: str | None = None
    max_abs_error: float | None = None
    output: str = ""
    line: int | None = None
    where: str = ""


@dataclass
class Verdict:
    slug: str
    file: str
    status: str  # passed | failed | error (the grader could not run: kind GRADER_ERROR)
    kind: str  # passed | slow | syntax_error | forbidden_import | import_error | not_implemented | failed | grader_error | ...
    headline: str
    tests: list[TestResult] = field(default_factory=list)
    passed: int = 0
    total: int = 0
    seconds: float = 0.0
    slow_factor: float | None = None
    line: int | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "passed"

    @property
    def graded(self) -> bool:
        """False when the grading run itself broke: the verdict says nothing about the code."""
        return self.kind != GRADER_ERROR

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.status == "failed"), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------- static checks

def _syntax(source: str, path: Path) -> Verdict | None:
    try:
        compile(source, str(path), "exec", dont_inherit=True)
    except SyntaxError as exc:
        line = exc.lineno
        text = (exc.text or "").rstrip("\n")
        caret = " " * max((exc.offset or 1) - 1, 0) + "^" if text else ""
        detail = f"{line:>4} | {text}\n       {caret}" if text else ""
        return Verdict("", str(path), "failed", "syntax_error",
                       f"Syntax error on line {line}: {exc.msg}.", line=line, detail=detail)
    except ValueError as exc:  # e.g. null bytes
        return Verdict("", str(path), "failed", "syntax_error", f"The file is not valid Python source: {exc}.")
    return None


def forbidden_imports(source: str, forbidden: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, module) for each import of a forbidden top-level package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                "__import__", "import_module") and node.args and isinstance(node.args[0], ast.Constant):
            names = [str(node.args[0].value)]
        for n in names:
            top = n.split(".")[0]
            if top in forbidden:
                found.append((getattr(node, "lineno", 0), top))
    return found


# ---------------------------------------------------------------------- running the suite

# Passed on to the grading processes; nothing else of the user's environment is (no MLPREP_* setting, no
# paths to the data home or workspace: a submission must not learn where they are).
_KEEP_ENV = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "TZ", "SYSTEMROOT")


def sandbox_environment(private: Path) -> dict[str, str]:
    """The whole environment of the grading processes: what Python and NumPy need, a private HOME/TMPDIR."""
    env = {k: v for k, v in os.environ.items() if k in _KEEP_ENV or k.startswith("LC_")}
    env.setdefault("PATH", os.defpath)
    pkg_root = str(Path(__file__).resolve().parents[2])
    import site

    extra = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    user_site = site.getusersitepackages() if site.ENABLE_USER_SITE else ""
    if user_site and user_site in sys.path:  # a `pip install --user` keeps working with a private HOME
        extra.append(user_site)
    env.update({
        "PYTHONPATH": os.pathsep.join([pkg_root, *extra]), "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",  # only pytest's own plugins and ours: isolated and fast
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "HOME": str(private), "TMPDIR": str(private), "TMP": str(private), "TEMP": str(private),
    })
    return env


def _plugin_settings(drill: Drill, submission: Path, reference: Path, results: Path,
                     time_limit: float) -> dict[str, str]:
    """The plugin's configuration (set in the pytest process's memory on "go", never in its environ)."""
    return {
        "MLPREP_DRILL_SUBMISSION": str(submission), "MLPREP_DRILL_REFERENCE": str(reference),
        "MLPREP_DRILL_RESULTS": str(results), "MLPREP_DRILL_FORBIDDEN": ",".join(drill.forbidden_imports),
        "MLPREP_DRILL_TIME_LIMIT": str(time_limit), "MLPREP_DRILL_MEMORY_MB": str(drill.memory_mb),
        "MLPREP_DRILL_ALLOW_MUTATION": "1" if drill.allow_input_mutation else "0",
        "MLPREP_DRILL_SLOW_FACTOR": str(SLOW_FACTOR),
    }


def pytest_command(test_file: Path, workdir: Path) -> list[str]:
    """`python -m pytest ...` for a hidden suite (the grader runs the same arguments in its pytest process)."""
    return [sys.executable, "-m", "pytest", *pytest_args(test_file, workdir)]


def pytest_args(test_file: Path, workdir: Path) -> list[str]:
    ini = workdir / "pytest.ini"
    if not ini.exists():
        ini.write_text("[pytest]\n", encoding="utf-8")
    return [str(test_file), "-p", "mlprep.sandbox.plugin", "-c", str(ini),
            "--rootdir", str(workdir), "--import-mode=importlib", "-p", "no:cacheprovider", "-q",
            "--tb=no", "--no-header", "-o", "console_output_style=classic", "-W", "ignore::DeprecationWarning",
            # the launcher imports the plugin before "go" (warm start), so pytest cannot rewrite its asserts
            "-W", "ignore::pytest.PytestAssertRewriteWarning",
            *(a for name in UNUSED_PYTEST_PLUGINS for a in ("-p", f"no:{name}"))]


# pytest's built-in plugins a hidden suite never uses (no caplog, doctests, junit XML...); unraisableexception
# alone costs a few forced garbage collections on every run.
UNUSED_PYTEST_PLUGINS = ("unraisableexception", "threadexception", "logging", "junitxml", "doctest", "pastebin",
                         "stepwise", "setuponly", "setupplan", "legacypath")


def _remove_tree(path: Path) -> None:
    """Delete a grading folder, even what a submission made read-only inside it."""
    import shutil
    import stat

    def retry(func: Any, target: str, _exc: Any) -> None:
        try:
            os.chmod(os.path.dirname(target), stat.S_IRWXU)
            if os.path.isdir(target) and not os.path.islink(target):
                os.chmod(target, stat.S_IRWXU)
            func(target)
        except OSError:
            pass

    for root, dirs, _files in os.walk(path):
        for d in dirs:
            try:
                os.chmod(os.path.join(root, d), stat.S_IRWXU)
            except OSError:
                pass
    shutil.rmtree(path, onerror=retry)


class GradingRun:
    """One grading process tree in its own private folder, started (warm) before it is needed.

    The folder (mode 0700, removed by `close`) holds read-only copies of the drill's verified trusted files
    (`drill/`), the submission's copy (`submission/`), the results file, the pytest log, and `work/`: the
    grading processes' HOME, TMPDIR and working directory, the only place the worker may write. The
    process gets its settings at once and collects the hidden suite, then waits for "go" (sent once the
    submission's copy is in place); a run is used for exactly one grade, never again after user code ran."""

    def __init__(self, drill: Drill, limit: float | None = None):
        self.drill = drill
        self.limit = float(limit or drill.time_limit)
        self.folder = Path(drill.folder)
        self.dir = Path(tempfile.mkdtemp(prefix="mlprep-grade-"))
        self.proc: subprocess.Popen | None = None
        self.started = time.monotonic()
        try:
            self.work = self.dir / "work"
            self.work.mkdir(mode=0o700)
            self.results = self.dir / "results.jsonl"
            self.results.touch(mode=0o600)
            # Read back through a descriptor opened now: deleting or replacing the file by name cannot lose it.
            self.results_fd: int | None = os.open(self.results, os.O_RDONLY)
            (self.dir / "submission").mkdir(mode=0o700)
            self.submission = self.dir / "submission" / f"{drill.slug}.py"  # the copy graded, written before go
            self.args = pytest_args(self.dir / "drill" / "test_hidden.py", self.dir)
            self.trusted = self._copy_trusted()
            self.key = secrets.token_hex(32)
            self._log = (self.dir / "pytest.log").open("wb")
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mlprep.sandbox.launch"], cwd=self.work, env=sandbox_environment(self.work),
                stdin=subprocess.PIPE, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
            setup = {"env": _plugin_settings(drill, self.submission, self.dir / "drill" / "solution.py", self.results,
                                             self.limit), "args": self.args, "key": self.key}
            assert self.proc.stdin is not None
            try:
                self.proc.stdin.write((json.dumps(setup) + "\n").encode("utf-8"))
                self.proc.stdin.flush()
            except OSError:
                pass  # it died at once: `run` reports it from the exit code and the log
        except BaseException:
            self.close()
            raise

    def _copy_trusted(self) -> dict[Path, tuple[str, int, int]]:
        """Verified, read-only copies of the trusted files; path -> (sha256, inode, ctime) to check them by."""
        import stat

        from mlprep.sandbox import manifest

        files = manifest.verified(self.folder)
        target = self.dir / "drill"
        target.mkdir(mode=0o700)
        out = {}
        for name, data in files.items():
            path = target / name
            path.write_bytes(data)
            path.chmod(stat.S_IRUSR)
        target.chmod(stat.S_IRUSR | stat.S_IXUSR)
        (self.dir / "pytest.ini").chmod(stat.S_IRUSR)
        for path in [*(target / n for n in files), target, self.dir / "pytest.ini"]:
            st = path.stat()
            out[path] = (manifest.digest(path.read_bytes()) if path.is_file() else "", st.st_ino, st.st_ctime_ns)
        return out

    def _check_trusted(self, during: bool) -> None:
        """The copies are exactly as made: same content, same inode, never written or chmod-ed (ctime)."""
        from mlprep.sandbox import manifest

        for path, (sha, ino, ctime) in self.trusted.items():
            try:
                st = path.stat()
                same = st.st_ino == ino and st.st_ctime_ns == ctime and (
                    not sha or during or manifest.digest(path.read_bytes()) == sha)
            except OSError:
                same = False
            if not same:
                raise manifest.modified_error(self.drill.slug, path.name, self.folder.parent, during=True)

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def run(self, submission: Path) -> tuple[results_file.Results, bool, int | None, str]:
        """Grade `submission` in this (unused) run: (results, timed out, exit code, the pytest log's tail)."""
        assert self.proc is not None and self.proc.stdin is not None
        self.submission.write_bytes(submission.read_bytes())
        self._check_trusted(during=False)
        limit = self.limit
        from mlprep.sandbox import confine

        was_dumpable = confine.dumpable()
        confine.set_dumpable(False)  # no process of this user (the submission included) can read our memory
        timed_out = False
        try:
            try:
                self.proc.stdin.write(b"go\n")
                self.proc.stdin.close()
            except OSError:
                pass  # it died before "go": reported below from its exit code and log
            try:
                confine.wait_process(self.proc, limit + STARTUP_SLACK)
            except subprocess.TimeoutExpired:
                timed_out = True
                self.stop()
        except BaseException:  # Ctrl-C and the like: nothing may outlive grading
            self.stop()
            raise
        finally:
            if was_dumpable:
                confine.set_dumpable(True)
        self._check_trusted(during=True)
        res = results_file.read(self.results_fd if self.results_fd is not None else self.results,
                                self.key.encode("ascii"))
        self._log.close()
        log = (self.dir / "pytest.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        return res, timed_out, self.proc.returncode, log

    def stop(self) -> None:
        """End the whole process tree now: SIGTERM to the supervisor (it kills everything below it), then
        SIGKILL to its process group if it has not gone within a second."""
        import signal

        from mlprep.sandbox import confine

        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        try:
            proc.send_signal(signal.SIGTERM)
            confine.wait_process(proc, 1.0)
        except (OSError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (OSError, AttributeError):
                proc.kill()
            proc.wait()

    def close(self) -> None:
        import signal

        # A second Ctrl-C must not interrupt the cleanup half-way (and leave processes or files behind).
        masked = hasattr(signal, "pthread_sigmask") and _main_thread()
        if masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.stop()
            if self.proc is not None and self.proc.stdin is not None and not self.proc.stdin.closed:
                try:
                    self.proc.stdin.close()
                except OSError:
                    pass
            log = getattr(self, "_log", None)
            if log is not None:
                log.close()
            fd = getattr(self, "results_fd", None)
            if fd is not None:
                os.close(fd)
                self.results_fd = None
        finally:
            try:
                _remove_tree(self.dir)
            finally:
                if masked:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


_warm: GradingRun | None = None
_warm_failed = 0.0  # when a pre-started run last died unused: do not restart it in a tight loop
PRESTART_RETRY_SECONDS = 5.0


def _fits(run: GradingRun | None, drill: Drill, limit: float | None) -> bool:
    return (run is not None and run.alive and run.drill.slug == drill.slug and run.folder == Path(drill.folder)
            and run.limit == float(limit or drill.time_limit))


def prestart(drill: Drill) -> None:
    """Start the next grading process for `drill` now, so the next `grade` (a --watch save) begins warm."""
    global _warm, _warm_failed
    if _fits(_warm, drill, None):
        return
    if _warm is not None and not _warm.alive:
        _warm_failed = time.monotonic()
    discard_prestarted()
    if time.monotonic() - _warm_failed < PRESTART_RETRY_SECONDS:
        return
    try:
        _warm = GradingRun(drill)
    except (OSError, DrillError):
        _warm, _warm_failed = None, time.monotonic()  # the real grade reports it


def discard_prestarted() -> None:
    """Stop and remove a pre-started grading process (end of --watch)."""
    global _warm
    run, _warm = _warm, None
    if run is not None:
        run.close()


def _take_run(drill: Drill, limit: float | None) -> GradingRun:
    """The pre-started run if it fits this grade, else a new one."""
    global _warm
    run, _warm = _warm, None
    if run is not None and _fits(run, drill, limit):
        return run
    if run is not None:
        run.close()
    return GradingRun(drill, limit)


def _run_suite(drill: Drill, path: Path, limit: float) -> tuple[results_file.Results, bool, int | None, str]:
    """One run of the hidden suite in a fresh process tree and private folder."""
    run = GradingRun(drill, limit)
    try:
        return run.run(path)
    finally:
        run.close()


def grade(drill: Drill, path: Path, *, time_limit: float | None = None) -> Verdict:
    """Grade `path` against the drill's hidden suite and return the verdict."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise DrillError(f"{path}: no such file. Run `mlprep drill {drill.slug}` to create it.")
    started = time.monotonic()
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DrillError(f"cannot read {path}: {exc}") from None
    verdict = _syntax(source, path)
    if verdict is None:
        bad = forbidden_imports(source, drill.forbidden_imports)
        if bad:
            line, module = bad[0]
            verdict = Verdict("", str(path), "failed", "forbidden_import",
                              f"Line {line} imports `{module}`, which this drill forbids: implement it from "
                              "scratch with NumPy.", line=line)
    if verdict is not None:  # no process needed (a pre-started run stays warm for the next save)
        verdict.slug = drill.slug
        verdict.seconds = time.monotonic() - started
        return verdict
    limit = time_limit or drill.time_limit
    first = _take_run(drill, limit)  # checks the drill's files against their hashes
    try:
        run = first.run(path)
    finally:
        first.close()
    if run[0].ended and not run[0].complete:
        # Events numbered before the end are missing or unreadable: never grade a partial file.
        # A fresh run (new process, new key, new folder) settles it; a second loss is reported as such.
        run = _run_suite(drill, path, limit)
    res, timed_out, code, pytest_log = run
    if res.ended and not res.complete:
        verdict = not_graded(drill, path, f"the grader lost part of this run's results twice ({res.lost + res.unreadable} "
                             "of the events were missing or unreadable)", pytest_log)
    else:
        verdict = _verdict(drill, path, res.events, timed_out, code, pytest_log, limit)
    if res.forged:  # lines not signed with this run's key (written by some submission) are ignored
        verdict.detail = (verdict.detail + f"\n{res.forged} unsigned line(s) in the results were ignored.").strip()
    verdict.seconds = time.monotonic() - started
    return verdict


def not_graded(drill: Drill, path: Path, why: str, log: str = "", report: bool = False) -> Verdict:
    """The verdict of a grading run that broke (GRADER_ERROR): it records nothing."""
    advice = "; if it keeps happening, please report it" if report else ""
    return Verdict(drill.slug, str(path), "error", GRADER_ERROR, NOT_GRADED.format(why=why, advice=advice),
                   detail=log)


def _verdict(drill: Drill, path: Path, events: list[dict[str, Any]], timed_out: bool, code: int | None,
             log: str, limit: float) -> Verdict:
    tests: list[TestResult] = []
    started_names: list[str] = []
    speed: dict[str, Any] | None = None
    ended = False
    total = None
    fields = set(TestResult.__dataclass_fields__)
    for ev in events:
        kind = ev.get("event")
        if kind == "collected":
            total = int(ev.get("total", 0))
        elif kind == "start":
            started_names.append(ev.get("name", ""))
        elif kind == "test":
            status = {"passed": "passed", "failed": "failed", "skipped": "skipped"}.get(str(ev.get("status")), "failed")
            tests.append(TestResult(**{k: v for k, v in ev.items() if k in fields and k != "status"},
                                    status=status))
        elif kind == "speed":
            speed = ev
        elif kind == "end":
            ended = True
    v = Verdict(drill.slug, str(path), "failed", "failed", "")
    if ended and not tests:
        return not_graded(drill, path, "the hidden tests could not run (a problem with the drill, not your code)",
                          log, report=True)
    if not ended:
        # The plugin bounds every wait on the user's code, so a run without its `end` event means the
        # grading process itself died or hung: whatever the cause, it is not a verdict on the code.
        finished = {t.name for t in tests}
        running = next((n for n in started_names if n not in finished), None)
        during = f" during {running}" if running else ""
        if timed_out:
            why = f"the grading process stopped responding{during} (stopped after {limit + STARTUP_SLACK:g} s)"
        elif total is None and not tests:
            why = f"the hidden tests could not start (exit code {code})"
        else:
            why = f"the grading process ended unexpectedly{during} (exit code {code})"
        return not_graded(drill, path, why, log, report=total is None and not tests)
    v.tests = tests
    v.total = max(total or 0, len(tests))
    v.passed = sum(t.status == "passed" for t in tests)
    failures = [t for t in tests if t.status == "failed"]
    if not failures and v.passed == v.total and v.total > 0:
        v.status, v.kind = "passed", "passed"
        v.headline = f"All {v.total} tests passed."
        if speed is not None:
            v.slow_factor = float(speed.get("factor", 0.0))
            if v.slow_factor > SLOW_FACTOR:
                v.kind = "slow"
                v.headline += (f" Correct, but not vectorized ({v.slow_factor:.0f}× slower than the reference "
                               "solution on a larger input).")
        return v
    kinds = {t.kind for t in failures}
    first = failures[0] if failures else None
    import_fail = next((t for t in failures if t.kind in ("import_error", "forbidden_import")
                        and "importing your file" in t.message), None)
    if import_fail is not None:
        v.kind = "forbidden_import" if import_fail.kind == "forbidden_import" else "import_error"
        v.line = import_fail.line
        v.headline = f"Your file could not be imported: {import_fail.message.split(': ', 1)[-1]}"
        v.detail = import_fail.where
        v.tests = [import_fail]
    elif kinds == {"missing"} and first is not None:
        v.kind = "missing"
        v.headline = first.message[0].upper() + first.message[1:]
    elif kinds == {"not_implemented"}:
        v.kind = "not_implemented"
        v.headline = (f"Not implemented yet: {len(failures)} of {v.total} tests reach a function that still "
                      "raises NotImplementedError. Replace the `# TODO`s with your code.")
    elif first is not None and first.kind == "forbidden_import":
        v.kind = "forbidden_import"
        text = first.message.split("): ", 1)[-1] if first.message.startswith("Called ") else first.message
        v.headline = text[:1].upper() + text[1:]
    elif first is not None:
        v.kind = first.kind if first.kind in ("timeout", "memory", "exit", "crash", "output", "missing") else "failed"
        v.headline = f"{v.passed} of {v.total} tests passed."
    return v
