"""Grading a drill submission: static checks, then the hidden suite in a separate process.

`grade(drill, path)` never raises for a broken submission: syntax errors, forbidden imports,
import failures, `NotImplementedError`, wrong answers, crashes, `sys.exit`/`os._exit`, infinite
loops, memory bombs and floods of output all come back as a `Verdict`. The verdict is built from
the JSON-lines results file written by `mlprep.sandbox.plugin` in the grading process, never from
anything the user's code prints.
"""

from __future__ import annotations

import ast
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
from mlprep.sandbox import results as results_file

if TYPE_CHECKING:
    from mlprep.drills.catalogue import Drill  # attributes only: the sandbox never builds one

SLOW_FACTOR = 10.0
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

def _environment(drill: Drill, submission: Path, results: Path, time_limit: float) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "MLPREP_DRILL_"))}
    pkg_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = pkg_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update({
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",  # only pytest's own plugins and ours: isolated and fast
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "MLPREP_DRILL_SUBMISSION": str(submission), "MLPREP_DRILL_REFERENCE": str(drill.solution),
        "MLPREP_DRILL_RESULTS": str(results), "MLPREP_DRILL_FORBIDDEN": ",".join(drill.forbidden_imports),
        "MLPREP_DRILL_TIME_LIMIT": str(time_limit), "MLPREP_DRILL_MEMORY_MB": str(drill.memory_mb),
        "MLPREP_DRILL_ALLOW_MUTATION": "1" if drill.allow_input_mutation else "0",
    })
    return env


def pytest_command(test_file: Path, workdir: Path) -> list[str]:
    ini = workdir / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    return [sys.executable, "-m", "pytest", str(test_file), "-p", "mlprep.sandbox.plugin", "-c", str(ini),
            "--rootdir", str(workdir), "--import-mode=importlib", "-p", "no:cacheprovider", "-q",
            "--tb=no", "--no-header", "-o", "console_output_style=classic", "-W", "ignore::DeprecationWarning"]


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
    if verdict is not None:
        verdict.slug = drill.slug
        verdict.seconds = time.monotonic() - started
        return verdict
    limit = time_limit or drill.time_limit
    run = _run_suite(drill, path, limit)
    if run[0].ended and not run[0].complete:
        # Events numbered before the end are missing or unreadable: never grade a partial file.
        # A fresh run (new process, new key, new file) settles it; a second loss is reported as such.
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


def _run_suite(drill: Drill, path: Path, limit: float) -> tuple[results_file.Results, bool, int | None, str]:
    """One pytest run of the hidden suite in a fresh temporary folder: (results, timed out, exit code, log)."""
    with tempfile.TemporaryDirectory(prefix="mlprep-grade-") as tmp:
        workdir = Path(tmp)
        results = workdir / "results.jsonl"
        results.touch()
        # Read back through a descriptor opened now: deleting or replacing the file by name cannot lose it.
        results_fd = os.open(results, os.O_RDONLY)
        env = _environment(drill, path.resolve(), results, limit)
        log = workdir / "pytest.log"
        key = secrets.token_hex(32).encode()
        key_r, key_w = os.pipe()
        os.write(key_w, key)
        os.close(key_w)
        env["MLPREP_DRILL_KEY_FD"] = str(key_r)
        with log.open("wb") as out:
            try:
                proc = subprocess.Popen(pytest_command(drill.tests, workdir), cwd=workdir, env=env,
                                        stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                        pass_fds=(key_r,), start_new_session=True)
            finally:
                os.close(key_r)
            try:
                proc.wait(timeout=limit + STARTUP_SLACK)
                timed_out = False
            except subprocess.TimeoutExpired:
                _kill_group(proc)
                timed_out = True
        try:
            res = results_file.read(results_fd, key)
        finally:
            os.close(results_fd)
        pytest_log = log.read_text(encoding="utf-8", errors="replace")[-3000:]
    return res, timed_out, proc.returncode, pytest_log


def _kill_group(proc: subprocess.Popen) -> None:
    import signal

    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        proc.kill()
    proc.wait()


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
