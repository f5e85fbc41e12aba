"""The grading sandbox against hostile submissions, graded for real by a separate grading process.

A driver process stands in for the `mlprep` CLI: its environment holds MLPREP_HOME / MLPREP_WORKSPACE /
MLPREP_CACHE (and its command line the data home's path, which contains "mlprep-home-marker") exactly as a
user's shell would pass them. It sets up a real store, bank cache and workspace file, then grades the
hostile file against a copy of the fixture drill. The tests check the verdict, that the store, the bank
cache, the workspace, the drill's reference and tests are byte-identical afterwards, and that no process
the submission started is still alive.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlprep.sandbox import confine
from mlprep.sandbox.grader import sandbox_environment

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
LINUX = sys.platform.startswith("linux")
needs_landlock = pytest.mark.skipif(not confine.protection().confined,
                                    reason=f"no write confinement here: {confine.protection().summary}")

DRIVER = r"""
import json, sys
from pathlib import Path
phase, drills, submission = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if phase == "setup":
    from mlprep.questions.bank import load_bank
    from mlprep.store.db import Store
    with Store() as store:
        store.set_setting("timezone", "Europe/Paris")
    load_bank()  # writes the bank cache
    from mlprep.drills.catalogue import check_drills
    check_drills(drills)  # and the drill catalogue cache
else:
    from mlprep.drills.catalogue import load_drill
    from mlprep.errors import DrillError
    from mlprep.sandbox.grader import grade
    drill, problems = load_drill(drills / "double")
    assert not problems, problems
    try:
        print(json.dumps(grade(drill, submission).to_dict()))
    except DrillError as exc:
        print(json.dumps({"error": str(exc)}))
"""


@pytest.fixture
def world(tmp_path):
    """A user's data home, cache, workspace and installed drills, all in tmp (a broken sandbox hurts nothing)."""
    home = tmp_path / "mlprep-home-marker"
    drills = tmp_path / "installed-drills"
    shutil.copytree(FIXTURES / "drills", drills)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "knn.py").write_text("# the user's own work\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPREP")}
    env.update(MLPREP_HOME=str(home), MLPREP_CACHE=str(home / "cache"), MLPREP_WORKSPACE=str(workspace),
               PYTHONPATH=str(ROOT))

    def run(phase: str, submission: Path) -> dict:
        out = subprocess.run([sys.executable, "-c", DRIVER, phase, str(drills), str(submission), str(home)],
                             env=env, capture_output=True, text=True, timeout=180)
        assert out.returncode == 0, out.stderr[-3000:]
        return json.loads(out.stdout.strip().splitlines()[-1]) if phase == "grade" else {}

    run("setup", FIXTURES / "submissions" / "correct.py")
    assert (home / "mlprep.sqlite3").is_file() and list((home / "cache").glob("bank-*.json"))
    return {"home": home, "drills": drills, "workspace": workspace, "run": run, "tmp": tmp_path}


def snapshot(*roots: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for root in roots for p in sorted(root.rglob("*"))
            if p.is_file()}


def survivors(verdict: dict) -> list[int]:
    pids = []
    for test in verdict["tests"]:
        for line in test["output"].splitlines():
            if line.startswith("survivor pid "):
                pids.append(int(line.split()[-1]))
    return pids


def alive(pid: int) -> bool:
    """The same test the supervisor uses: a zombie or a gone process is not alive."""
    from mlprep.sandbox.confine import _alive

    return _alive(pid)


def grade_hostile(world, case: str, targets: list[Path] | None = None) -> dict:
    source = (FIXTURES / "submissions" / f"{case}.py").read_text()
    if targets is not None:
        source = source.replace("TARGETS = []", f"TARGETS = {[str(t) for t in targets]!r}")
    submission = world["workspace"] / f"{case}.py"
    submission.write_text(source)
    before = snapshot(world["home"], world["drills"], world["workspace"])
    verdict = world["run"]("grade", submission)
    assert snapshot(world["home"], world["drills"], world["workspace"]) == before
    return verdict


@pytest.mark.parametrize("case", ["reads-environment", "setsid-survivor", "double-fork-survivor"])
def test_hostile_submission_is_graded_and_changes_nothing(world, case):
    verdict = grade_hostile(world, case)
    assert (verdict["status"], verdict["kind"], verdict["passed"]) == ("passed", "passed", 4), verdict
    if "survivor" in case:
        pids = survivors(verdict)
        assert pids, "the fixture printed no pid"
        assert not [p for p in pids if alive(p)], "a process started by the submission outlived grading"


@pytest.mark.skipif(not LINUX, reason="/proc exists on Linux only")
def test_no_ancestor_reveals_the_data_home(world):
    """Neither the environment (non-dumpable grading processes and CLI) nor, with Landlock, the command
    lines of the processes above the worker give the data home away."""
    verdict = grade_hostile(world, "reads-parent-environ")
    output = verdict["tests"][0]["output"]
    if confine.protection().confined:
        assert verdict["status"] == "passed", output
    else:  # without Landlock command lines stay readable; environments must not be
        assert "environ" not in output.split("leaks:", 1)[-1], output


@needs_landlock
def test_writes_outside_the_grading_folder_are_refused(world):
    home, drills = world["home"], world["drills"]
    targets = [home / "mlprep.sqlite3", *sorted((home / "cache").glob("*.json")), home / "new-file.txt",
               world["workspace"] / "knn.py", drills / "double" / "solution.py", drills / "double" / "test_hidden.py",
               drills / "hashes.json"]
    verdict = grade_hostile(world, "writes-outside", targets)
    assert verdict["status"] == "passed", verdict["tests"][0]["output"]
    assert "wrote: []" in verdict["tests"][0]["output"]
    assert not (home / "new-file.txt").exists()


def test_tampering_with_the_reference_copy_gives_no_verdict(world):
    verdict = grade_hostile(world, "tampers-with-reference")
    assert "was changed while it was being graded" in verdict["error"]


def test_a_modified_installed_reference_is_refused_before_grading(world):
    solution = world["drills"] / "double" / "solution.py"
    solution.write_text(solution.read_text().replace("2 * np", "3 * np"))
    verdict = world["run"]("grade", FIXTURES / "submissions" / "wrong-value.py")
    assert "were modified since mlprep was installed" in verdict["error"]
    assert "solution.py does not match" in verdict["error"]


def test_the_grading_environment_is_minimal(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_HOME", str(tmp_path / "secret"))
    monkeypatch.setenv("MLPREP_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setenv("SOME_TOKEN", "secret")
    env = sandbox_environment(tmp_path / "private")
    assert not [k for k in env if k.startswith("MLPREP")]
    assert "SOME_TOKEN" not in env and str(tmp_path / "secret") not in "".join(env.values())
    assert env["HOME"] == env["TMPDIR"] == str(tmp_path / "private")
    assert "PATH" in env


def test_no_grading_folder_is_left_behind(tmp_path, monkeypatch):
    from mlprep.drills.catalogue import load_drill
    from mlprep.sandbox.grader import grade

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    drill, _ = load_drill(FIXTURES / "drills" / "double")
    assert grade(drill, FIXTURES / "submissions" / "writes-outside.py").total == 4
    assert not list(tmp_path.glob("mlprep-grade-*"))


def test_interrupted_grading_stops_every_process(tmp_path):
    """Ctrl-C (KeyboardInterrupt in the grader) while the submission runs: the whole tree is gone at once."""
    from mlprep.drills.catalogue import load_drill
    from mlprep.sandbox.grader import GradingRun

    drill, _ = load_drill(FIXTURES / "drills" / "double")
    submission = tmp_path / "loop.py"
    submission.write_text("import os, time\nCHILD = os.fork()\nwhile True:\n    time.sleep(0.1)\n")
    run = GradingRun(drill, 60)
    pid = run.proc.pid
    import signal
    import threading

    timer = threading.Timer(3.0, lambda: signal.pthread_kill(threading.main_thread().ident, signal.SIGINT))
    timer.start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            run.run(submission)
    finally:
        timer.cancel()
        below = confine.descendants(pid)
        run.close()
    assert time.monotonic() - started < 3.0 + 1.5
    assert not [p for p in below if alive(p)] and not alive(pid)
    assert not run.dir.exists()


# ------------------------------------------------------------------ confinement itself

@needs_landlock
def test_landlock_allows_writes_only_in_the_given_folder(tmp_path):
    allowed, outside = tmp_path / "allowed", tmp_path / "outside"
    allowed.mkdir()
    outside.mkdir()
    code = f"""
import os, json
from mlprep.sandbox import confine
abi = confine.confine_writes([{str(allowed)!r}])
res = {{"abi": abi}}
def attempt(name, fn):
    try:
        fn(); res[name] = "ok"
    except OSError as exc:
        res[name] = exc.errno
attempt("inside", lambda: open({str(allowed / 'f')!r}, "w").write("x"))
attempt("outside", lambda: open({str(outside / 'f')!r}, "w").write("x"))
attempt("mkdir_outside", lambda: os.mkdir({str(outside / 'd')!r}))
attempt("devnull", lambda: open(os.devnull, "w").write("x"))
attempt("read_outside", lambda: open({str(FIXTURES / 'submissions' / 'correct.py')!r}).read())
attempt("parent_environ", lambda: open(f"/proc/{{os.getppid()}}/environ", "rb").read())
attempt("own_status", lambda: open("/proc/self/status").read())
print(json.dumps(res))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    res = json.loads(out.stdout)
    assert res["abi"] >= 1
    assert res["inside"] == "ok" and res["devnull"] == "ok" and res["read_outside"] == "ok" and res["own_status"] == "ok"
    assert res["outside"] == errno.EACCES and res["mkdir_outside"] == errno.EACCES
    assert res["parent_environ"] == errno.EACCES
    assert not (outside / "f").exists()


def test_without_landlock_confinement_falls_back_cleanly(monkeypatch):
    for err, phrase in ((errno.ENOSYS, "kernel too old"), (errno.EOPNOTSUPP, "switched off"),
                        (errno.EPERM, "blocked")):
        monkeypatch.setattr(confine, "landlock_abi", lambda err=err: (0, err))
        monkeypatch.setattr(confine.sys, "platform", "linux")
        p = confine.protection()
        assert not p.confined and p.summary.startswith("not available") and phrase in p.summary
        assert confine.confine_writes(["/tmp"]) == 0  # nothing applied, nothing raised
    monkeypatch.setattr(confine.sys, "platform", "darwin")
    assert "macOS" in confine.protection().summary


def test_a_failing_ruleset_leaves_the_process_unconfined(monkeypatch):
    monkeypatch.setattr(confine, "landlock_abi", lambda: (3, 0))

    def refuse(dirs, abi):
        raise OSError(errno.EINVAL, "refused")

    monkeypatch.setattr(confine, "_restrict", refuse)
    assert confine.confine_writes(["/tmp"]) == 0


def test_where_names_the_protection():
    from typer.testing import CliRunner

    from mlprep.cli.app import app

    result = CliRunner().invoke(app, ["where"])
    assert result.exit_code == 0
    assert "grading sandbox" in result.output
    words = " ".join(result.output.split())
    assert ("writes confined to the grading folder" in words) == confine.protection().confined


# ------------------------------------------------------------------ caches never run code

class _RunsCode:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_the_bank_cache_is_json_and_a_tampered_one_is_rebuilt(tmp_path):
    import pickle

    from mlprep.questions import bank
    from tests.helpers import question, write_bank

    path = write_bank(tmp_path / "b.yaml", [question("q1"), question("q2", "multi"), question("q3", "short")])
    questions, section, problems = bank.load_file(path)
    assert not problems
    cache = bank._cache_path(path)
    assert cache.suffix == ".json"
    plain = json.loads(cache.read_text(encoding="utf-8"))
    assert bank.load_file(path)[0] == questions  # from the cache, tuples and all
    marker = tmp_path / "code-ran"
    cache.write_bytes(pickle.dumps(_RunsCode(marker)))  # what a pickle cache would have executed
    assert bank.load_file(path)[0] == questions and not marker.exists()
    plain["cols"]["type"] = {"all": "evil"}
    cache.write_text(json.dumps(plain), encoding="utf-8")
    assert bank.load_file(path)[0] == questions  # rejected and rebuilt
    assert json.loads(cache.read_text(encoding="utf-8"))["cols"]["type"] != {"all": "evil"}


def test_the_drill_catalogue_cache_is_json(tmp_path):
    from mlprep.drills.catalogue import check_drills

    drills, problems = check_drills(FIXTURES / "drills")
    again, again_problems = check_drills(FIXTURES / "drills")
    assert again == drills and again_problems == problems
    from mlprep import paths

    caches = list(paths.cache_dir().glob("drills-*"))
    assert caches and all(c.suffix == ".json" for c in caches)
    for c in caches:
        json.loads(c.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ --watch and Ctrl-C

def test_ctrl_c_in_watch_stops_every_grading_process(tmp_path, mlprep_home):
    """`mlprep drill mse --watch` in a terminal: a save is graded (by the pre-started run), Ctrl-C ends the
    command with a short message, and no process it started is left (the next pre-started run included)."""
    pexpect = pytest.importorskip("pexpect")
    from tests.test_e2e_pty import spawn

    workspace = tmp_path / "ws"
    workspace.mkdir()
    target = workspace / "mse.py"
    target.write_text((ROOT / "drills" / "mse" / "starter.py").read_text())
    child = spawn(["drill", "mse", "--watch"], mlprep_home, workspace)
    child.expect("still raises", timeout=120)
    time.sleep(1.0)
    target.write_text((ROOT / "drills" / "mse" / "solution.py").read_text())
    child.expect("16/16 tests passed", timeout=120)
    time.sleep(0.5)
    below = confine.descendants(child.pid)
    assert below, "--watch should hold a pre-started grading run"
    child.sendintr()
    child.expect("Stopped watching", timeout=30)
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 0
    deadline = time.monotonic() + 5
    while [p for p in below if alive(p)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in below if alive(p)]
    assert "Traceback" not in (child.before or "")


@pytest.mark.skipif(not LINUX, reason="the parent-death signal (prctl) is Linux only")
def test_a_grader_killed_outright_leaves_no_process_or_folder(tmp_path):
    """SIGKILL to the CLI while a grading run waits (as --watch holds one): the supervisor gets its parent's
    death signal, kills everything below it and removes the private folder."""
    code = (f"import sys, time\nsys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom mlprep.drills.catalogue import load_drill\n"
            "from mlprep.sandbox.grader import GradingRun\n"
            f"run = GradingRun(load_drill(Path({str(FIXTURES / 'drills' / 'double')!r}))[0])\n"
            "print(run.dir, run.proc.pid, flush=True)\ntime.sleep(120)\n")
    driver = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert driver.stdout is not None
    folder, supervisor = driver.stdout.readline().split()
    time.sleep(1.0)
    below = confine.descendants(int(supervisor))
    driver.kill()
    driver.wait()
    deadline = time.monotonic() + 10
    while (Path(folder).exists() or alive(int(supervisor))) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(folder).exists()
    assert not alive(int(supervisor)) and not [p for p in below if alive(p)]
