"""The grader against stored fixtures: each submission in tests/fixtures/submissions has an expected
verdict in tests/fixtures/expected (status, kind, tests passed, a phrase of the message). They cover
every class of broken submission: syntax error, empty file, import errors, NotImplementedError,
wrong values/types/shapes, NaN, None, infinite loop, memory bomb, sys.exit, os._exit, floods of
output, input mutation, forbidden imports (static and dynamic), forged results, monkeypatching.

Hostile ones try to switch off the checks that run beside them (the import guard, the mutation and
timing helpers), hide their work's CPU time in processes outside the worker's session or stop
themselves (SIGSTOP) when timed, return
values that cannot cross to the grader, break the grading run itself (kill the grading process,
delete or truncate its results file), are saved as `.txt`, look for the user's
data, write outside their folder, tamper with the reference or leave processes behind
(tests/test_sandbox_isolation.py checks what they leave)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills.catalogue import load_drill
from mlprep.errors import DrillError
from mlprep.sandbox.confine import protection
from mlprep.sandbox.grader import grade

FIXTURES = Path(__file__).parent / "fixtures"
DRILL, _problems = load_drill(FIXTURES / "drills" / "double")
SUBMISSIONS = {p.stem: p for p in (FIXTURES / "submissions").iterdir() if p.suffix in (".py", ".txt")}
CASES = sorted(SUBMISSIONS)


def test_every_submission_has_an_expectation():
    assert not _problems
    assert CASES == sorted(p.stem for p in (FIXTURES / "expected").glob("*.json"))


@pytest.mark.parametrize("case", CASES)
def test_verdict_matches_fixture(case):
    expected = json.loads((FIXTURES / "expected" / f"{case}.json").read_text())
    if "confined" in expected and protection().confined:  # Landlock stops what it tries: an ordinary verdict
        expected = {**expected, **expected["confined"]}
    if expected.get("requires") == "landlock" and not protection().confined:
        pytest.skip(f"needs Landlock write confinement: {protection().summary}")
    if "raises" in expected:  # the grader could not run: no verdict, an error naming why
        with pytest.raises(DrillError, match=expected["raises"]):
            grade(DRILL, SUBMISSIONS[case])
        return
    v = grade(DRILL, SUBMISSIONS[case])
    text = " | ".join([v.headline] + [t.message for t in v.tests])
    assert (v.status, v.kind) == (expected["status"], expected["kind"]), text
    assert v.passed == expected["passed"], text
    assert expected["message_contains"] in text


def test_verdict_is_plain_data():
    v = grade(DRILL, FIXTURES / "submissions" / "wrong-value.py")
    data = v.to_dict()
    assert data["tests"][0]["call"] == "double([1. 2.])"
    assert data["tests"][0]["expected"] == "[2. 4.]" and data["tests"][0]["got"] == "[3. 4.]"
    assert data["tests"][0]["max_abs_error"] == 1.0
    json.dumps(data)


@pytest.mark.parametrize("case,code", [("syntax-error", 1), ("os-exit", 1), ("correct", 0), ("correct-as-text", 0),
                                       ("wrong-value", 1), ("kills-parent", 3)])
def test_cli_check_exits_cleanly(case, code, monkeypatch, tmp_path):
    # run the real CLI on the fixture drill through a drills folder that holds only it
    monkeypatch.setattr("mlprep.paths.drills_dir", lambda: FIXTURES / "drills")
    if case == "kills-parent" and protection().confined:
        code = 1  # Landlock refuses the signal: the call raises PermissionError, an ordinary failed test
    result = CliRunner().invoke(app, ["drill", "double", "--check", "--file", str(SUBMISSIONS[case])])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", ["kills-parent", "truncates-results", "results-lost"])
def test_a_broken_grading_run_records_nothing(case, monkeypatch):
    """The submission killed the grading process or truncated its results (or the results were lost):
    not a review, not an attempt, no hint used, exit status 3, and the screen says nothing was recorded."""
    from mlprep.sandbox import grader as graderlib
    from mlprep.sandbox import results as results_file
    from mlprep.store.db import Store

    monkeypatch.setattr("mlprep.paths.drills_dir", lambda: FIXTURES / "drills")
    if case == "results-lost":  # what a broken run looks like from the trusted side, on any system
        monkeypatch.setattr(graderlib.results_file, "read", lambda *a, **k: results_file.Results())
        case = "correct"
    elif protection().confined:
        pytest.skip(f"Landlock stops {case} from breaking the run (its verdict is checked in the fixtures)")
    result = CliRunner().invoke(app, ["drill", "double", "--check", "--file", str(SUBMISSIONS[case])])
    assert result.exit_code == 3, result.output
    text = " ".join(result.output.split())
    assert "Grading did not finish" in text and "nothing was recorded" in text, result.output
    assert "Hint" not in result.output and "Scheduled" not in result.output
    with Store() as store:
        assert store.attempts("double") == []
        assert store.hints_shown("double") == 0
        assert store.card_json("drill:double") is None


def test_a_failure_that_deletes_its_results_file_is_still_recorded(monkeypatch):
    """Deleting the results file by name cannot turn a failed review into "nothing recorded"."""
    from mlprep.store.db import Store

    monkeypatch.setattr("mlprep.paths.drills_dir", lambda: FIXTURES / "drills")
    result = CliRunner().invoke(app, ["drill", "double", "--check", "--file", str(SUBMISSIONS["deletes-results"])])
    assert result.exit_code == 1, result.output
    with Store() as store:
        assert [a["passed"] for a in store.attempts("double")] == [0]
        assert store.card_json("drill:double") is not None  # a review (a failed check shows no hint by itself)


def test_dict_keys_cross_as_plain_values_or_are_refused_by_type():
    import numpy as np

    from mlprep.sandbox import wire

    sent = wire.encode({np.float64(1.5): 1, np.str_("a"): 2, (np.int64(3), "x"): 3})
    assert sent == {1.5: 1, "a": 2, (3, "x"): 3}
    assert all(type(k) in (float, str, tuple) for k in sent)
    wire.safe_loads(__import__("pickle").dumps(sent))  # the grading side can read it
    with pytest.raises(wire.WireError, match="a dict with frozenset keys"):
        wire.encode({frozenset([1]): 2})


def test_plain_equal_is_exact_and_nan_aware():
    import numpy as np

    from mlprep.sandbox import wire

    a = wire.encode((np.array([1.0, np.nan]), [float("nan"), 2], {"k": 1.0}))
    assert wire.plain_equal(a, wire.encode(wire.decode(a)))
    changed = wire.encode((np.array([1.0, 0.0]), [float("nan"), 2], {"k": 1.0}))
    assert not wire.plain_equal(a, changed)
    assert not wire.plain_equal(wire.encode([1]), wire.encode([1.0]))  # int became float


def test_an_oversized_message_is_refused_before_sending(monkeypatch):
    import io

    from mlprep.sandbox import wire

    monkeypatch.setattr(wire, "MAX_MESSAGE", 1000)
    out = io.BytesIO()
    with pytest.raises(wire.WireError, match="more than"):
        wire.send(out, ("ok", "x" * 5000, None))
    assert out.getvalue() == b""


def test_results_are_read_through_a_descriptor_even_after_the_file_is_deleted(tmp_path):
    import os

    from mlprep.sandbox import results as results_file

    path = tmp_path / "results.jsonl"
    path.touch()
    fd = os.open(path, os.O_RDONLY)
    writer = results_file.Writer(str(path), b"k")
    writer.emit({"event": "collected", "total": 1})
    path.unlink()
    writer.emit({"event": "end", "passed": 0, "failed": 0})
    writer.close()
    try:
        res = results_file.read(fd, b"k")
    finally:
        os.close(fd)
    assert res.complete and [e["event"] for e in res.events] == ["collected", "end"]


def test_output_is_read_back_even_after_its_file_is_replaced():
    """The worker's output file lives in a folder the worker can write: deleting it, or putting a FIFO in
    its place, neither loses what was printed nor blocks the trusted side."""
    v = grade(DRILL, SUBMISSIONS["swaps-output-file"])
    assert v.tests[0].output.strip() == "look at me"


def test_a_fifo_in_place_of_the_output_file_does_not_block(tmp_path):
    import os
    import threading
    from types import SimpleNamespace

    from mlprep.sandbox.plugin import Worker

    cfg = SimpleNamespace(submission=str(tmp_path / "s.py"), time_limit=5.0, memory_mb=512, forbidden="",
                          allow_mutation=False, supervisor=None)
    worker = Worker(cfg)  # type: ignore[arg-type]
    with open(worker.capture.name, "ab") as fh:
        fh.write(b"printed\n")
    os.unlink(worker.capture.name)
    os.mkfifo(worker.capture.name)
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(worker.output_since_last()), daemon=True)
    reader.start()
    reader.join(5)
    assert out == ["printed\n"]
    worker.remove_capture()
    assert not os.path.exists(worker.capture.name)
