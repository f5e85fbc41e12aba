"""`mlprep drill next` (the next drill on a sensible path) and `mlprep drill SLUG --run` (run the user's file on
one input beside the reference, in the sandbox, recording nothing): as a user drives them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills import catalogue as drilllib
from mlprep.drills import schedule as ds
from mlprep.errors import DrillError
from mlprep.questions import bank as banklib
from mlprep.sandbox import runner as runlib
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store, utcnow

cli = CliRunner()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def catalogue():
    return drilllib.load_drills()


def path_order(catalogue) -> list[str]:
    """The teaching path: sections in the bank's order, then each drill's `order`, then its name."""
    sections = list(banklib.load_bank().sections)
    rank = {s: i for i, s in enumerate(sections)}
    return [d.slug for d in sorted(catalogue.values(), key=lambda d: (rank.get(d.section, 99), d.order, d.slug))]


def record_pass(slug: str) -> None:
    with Store() as store:
        store.record_attempt(slug=slug, passed=True, tests_passed=5, tests_total=5, duration_ms=10, hints_used=0,
                             status="passed", slow_factor=1.0)


# ---------------------------------------------------------------- drill next

def test_next_with_no_history_is_the_first_drill_on_the_path_scaffolded_like_drill_slug(catalogue, tmp_path):
    first = path_order(catalogue)[0]
    result = cli.invoke(app, ["drill", "next"])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert f"Next: {first}" in out and "not tried yet" in out
    assert "Created" in out and f"mlprep drill {first} --check" in out  # the same screen as `mlprep drill SLUG`
    target = tmp_path / "workspace" / f"{first}.py"
    assert target.read_text() == catalogue[first].starter.read_text()
    with Store() as store:
        assert store.drill_started_at(first) is not None  # the same open_task: the "fast" clock started
        assert store.attempts() == []  # showing never grades


def test_next_skips_passed_drills_and_says_when_one_was_attempted(catalogue):
    order = path_order(catalogue)
    record_pass(order[0])
    with Store() as store:
        store.record_attempt(slug=order[1], passed=False, tests_passed=1, tests_total=5, duration_ms=10,
                             hints_used=0, status="failed", slow_factor=None)
    out = flat(cli.invoke(app, ["drill", "next"]).output)
    assert f"Next: {order[1]}" in out and "attempted 1 time, not passed yet" in out


def test_next_puts_the_most_overdue_due_drill_first(catalogue):
    s = sched.make_scheduler(enable_fuzzing=False, kind="drill")
    with Store() as store:
        ds.review_attempt(store, s, catalogue["relu"], False, utcnow() - timedelta(days=4))
        ds.review_attempt(store, s, catalogue["knn"], False, utcnow() - timedelta(days=2))
        choice = ds.next_drill(store, catalogue, utcnow(), list(banklib.load_bank().sections))
    assert choice.drill.slug == "relu" and choice.due
    out = flat(cli.invoke(app, ["drill", "next"]).output)
    assert "Next: relu" in out and "due for review" in out and "the most overdue" in out and "1 more due" in out


def test_next_when_everything_is_passed_and_nothing_due(catalogue):
    for slug in catalogue:
        record_pass(slug)
    with Store() as store:
        assert ds.next_drill(store, catalogue, utcnow(), []) is None
    result = cli.invoke(app, ["drill", "next"])
    assert result.exit_code == 0 and "Every drill is passed and none is due" in result.output


def test_next_with_an_action_option_is_refused_naming_the_drill(catalogue):
    first = path_order(catalogue)[0]
    result = cli.invoke(app, ["drill", "next", "--check"])
    assert result.exit_code == 2  # a usage error
    assert f"mlprep drill {first} --check" in flat(result.output)


def test_no_drill_may_be_named_next(catalogue, tmp_path):
    assert "next" not in catalogue
    folder = tmp_path / "drills" / "next"
    shutil.copytree(catalogue["relu"].folder, folder)
    drill, problems = drilllib.load_drill(folder)
    assert drill is None and "reserved" in problems[0].message
    result = cli.invoke(app, ["content", "lint", str(folder)])
    assert result.exit_code == 1 and "reserved" in flat(result.output)


def test_a_drill_example_must_call_an_entry_point(catalogue, tmp_path):
    folder = tmp_path / "drills" / "relu2"
    shutil.copytree(catalogue["relu"].folder, folder)
    meta = folder / "drill.yaml"
    meta.write_text(meta.read_text() + 'example: "print(1)"\n')
    drill, problems = drilllib.load_drill(folder)
    assert any("example" in p.where for p in problems)
    meta.write_text(meta.read_text().replace('example: "print(1)"', 'example: "relu(np.array([-1.0, 2.0]))"'))
    drill, problems = drilllib.load_drill(folder)
    assert not problems and drill.example == "relu(np.array([-1.0, 2.0]))"
    call = runlib.example_call(drill)
    assert (call.function, call.arguments, call.source) == ("relu", "np.array([-1.0, 2.0])", "example")


# ---------------------------------------------------------------- --run

def put(catalogue, slug: str, text: str) -> None:
    target = drilllib.workspace_file(catalogue[slug])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def test_parse_input_never_evaluates_and_picks_the_entry_point(catalogue):
    knn = catalogue["knn"]
    call = runlib.parse_call(knn, "X_train=np.zeros((2, 2)), y_train=np.array([0, 1]), X_test=np.ones((1, 2)), k=1")
    assert call.function == "knn_predict" and call.built is None and call.arguments.startswith("X_train=")
    call = runlib.parse_call(knn, "knn_predict(np.zeros((2, 2)), np.array([0, 1]), np.ones((1, 2)), k=1)")
    assert call.function == "knn_predict" and call.arguments == "np.zeros((2, 2)), np.array([0, 1]), np.ones((1, 2)), k=1"
    with pytest.raises(DrillError, match="not a Python argument list"):
        runlib.parse_call(knn, "X=[1, 2")
    with pytest.raises(DrillError, match="empty"):
        runlib.parse_call(knn, "  ")


def test_run_on_the_hidden_suites_first_case_shows_both_results_and_records_nothing(catalogue):
    put(catalogue, "mse", catalogue["mse"].solution.read_text())
    result = cli.invoke(app, ["drill", "mse", "--run"])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "on the first case of the hidden tests (not graded)" in out
    assert "Call: mse(" in out and "Your result" in out and "Reference" in out
    assert "Same result as the reference" in out
    with Store() as store:
        assert store.attempts() == [] and store.reviews() == [] and store.hints_shown("mse") == 0
        assert store.drill_started_at("mse") is None


def test_run_with_input_shows_a_wrong_result_beside_the_reference(catalogue):
    put(catalogue, "mse", "import numpy as np\n\ndef mse(y_true, y_pred):\n    print('debugging', len(y_true))\n"
                          "    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))\n")
    result = cli.invoke(app, ["drill", "mse", "--run", "--input", "y_true=np.array([1.0, 2.0, 3.0]), y_pred=[1, 2, 5]"])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "on your input" in out and "Call: mse(y_true=[1. 2. 3.], y_pred=[1, 2, 5])" in out
    assert "0.6666666666666666" in out and "1.3333333333333333" in out  # yours, then the reference's
    assert "Printed:" in out and "debugging 3" in out and "Different from the reference" in out
    with Store() as store:
        assert store.attempts() == []


def test_run_reports_errors_of_the_file_and_of_the_input(catalogue):
    put(catalogue, "mse", "def mse(y_true, y_pred):\n    return (\n")
    out = flat(cli.invoke(app, ["drill", "mse", "--run"]).output)
    assert "Your result: error" in out and "Syntax error on line 2" in out and "Reference" in out
    put(catalogue, "mse", "import numpy as np\n\ndef mse(y_true, y_pred):\n    return 1 / 0\n")
    out = flat(cli.invoke(app, ["drill", "mse", "--run", "--input", "[1.0], [2.0]"]).output)
    assert "raised ZeroDivisionError" in out
    bad = cli.invoke(app, ["drill", "mse", "--run", "--input", "np.array(undefined_name)"])
    assert bad.exit_code == 1 and "could not be built" in flat(bad.output) and "NameError" in bad.output
    wrong = cli.invoke(app, ["drill", "mse", "--run", "--input", "[1.0, 2.0], [1.0, 2.0, 3.0]"])
    assert "The reference fails on this input too" in flat(wrong.output)


def test_run_keeps_the_sandbox_limits(catalogue):
    put(catalogue, "relu", "import numpy as np\n\ndef relu(x):\n    while True:\n        pass\n")
    with Store():
        pass
    drill = catalogue["relu"]
    quick = drilllib.Drill(**{**drill.__dict__, "time_limit": 3.0})
    result = runlib.run(quick, drilllib.workspace_file(drill), runlib.parse_call(quick, "np.array([-1.0, 2.0])"))
    assert not result.yours.ok and "time limit" in result.yours.text
    assert result.reference.ok and "2." in result.reference.text
    put(catalogue, "relu", "import sklearn\n\ndef relu(x):\n    return x\n")
    result = runlib.run(drill, drilllib.workspace_file(drill), runlib.parse_call(drill, "np.array([-1.0])"))
    assert not result.yours.ok and "forbids" in result.yours.text


def test_run_without_a_file_says_how_to_create_it(catalogue):
    result = cli.invoke(app, ["drill", "knn", "--run"])
    assert result.exit_code == 2 and "mlprep drill knn" in flat(result.output)


def test_run_and_next_through_the_installed_command(catalogue, tmp_path, mlprep_home):
    env = {**os.environ, "MLPREP_HOME": str(mlprep_home), "MLPREP_WORKSPACE": str(tmp_path / "workspace"),
           "NO_COLOR": "1", "COLUMNS": "80"}
    put(catalogue, "relu", catalogue["relu"].solution.read_text())
    done = subprocess.run([sys.executable, "-m", "mlprep", "drill", "relu", "--run", "--input",
                           "np.array([-1.0, 0.5])"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Same result as the reference" in done.stdout and "[0. , 0.5]" in done.stdout
    nxt = subprocess.run([sys.executable, "-m", "mlprep", "drill", "next"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert nxt.returncode == 0, nxt.stderr
    first = path_order(catalogue)[0]
    assert f"Next: {first}" in nxt.stdout and (tmp_path / "workspace" / f"{first}.py").exists()


def test_the_call_shown_names_positional_arguments_from_the_signature(catalogue):
    knn = catalogue["knn"]
    result = runlib.run(knn, knn.solution, runlib.parse_call(knn, "np.eye(2), np.array([0, 1]), np.ones((1, 2)), k=1"))
    assert result.described == "knn_predict(X_train=[[1. 0.] [0. 1.]], y_train=[0 1], X_test=[[1. 1.]], k=1)"
    assert result.same is True and result.yours.text == "[0]"
