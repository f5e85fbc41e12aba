"""`mlprep drill` as a user drives it: list, scaffold, grade, hints, solution, reset, errors."""

from __future__ import annotations

from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.store.db import Store

runner = CliRunner()

CORRECT_MSE = ("import numpy as np\n\n\ndef mse(y_true, y_pred):\n"
               "    return float(np.mean((np.asarray(y_true, float) - np.asarray(y_pred, float)) ** 2))\n")
WRONG_MSE = ("import numpy as np\n\n\ndef mse(y_true, y_pred):\n"
             "    return float(np.mean(np.abs(np.asarray(y_true, float) - np.asarray(y_pred, float))))\n")


def test_list_shows_sections_and_status(mlprep_home):
    result = runner.invoke(app, ["drill"])
    assert result.exit_code == 0
    for slug in ("mse", "relu", "knn", "kmeans"):
        assert slug in result.output
    assert "new" in result.output


def test_scaffold_then_grade_then_pass(mlprep_home, tmp_path):
    ws = tmp_path / "workspace"
    first = runner.invoke(app, ["drill", "mse"])
    assert first.exit_code == 0 and "Created" in first.output and "Mean squared error" in first.output
    target = ws / "mse.py"
    assert "NotImplementedError" in target.read_text()
    # unchanged starter: shows the task again, does not grade
    again = runner.invoke(app, ["drill", "mse"])
    assert again.exit_code == 0 and "Your file" in again.output
    target.write_text(WRONG_MSE)
    shown = runner.invoke(app, ["drill", "mse"])  # showing a task never grades, even a changed file
    assert shown.exit_code == 0 and "--check" in shown.output and "Hint" not in shown.output
    with Store() as store:
        assert store.attempts("mse") == []
    wrong = runner.invoke(app, ["drill", "mse", "--check"])
    assert wrong.exit_code == 1
    assert "First failing input  mse(y_true=[1. 2.], y_pred=[1. 4.])" in wrong.output
    assert "Expected             2.0" in wrong.output and "Got                  1.0" in wrong.output
    assert "Hint 1/3" not in wrong.output and "--hint" in wrong.output  # a failure never shows a hint itself
    target.write_text(CORRECT_MSE)
    ok = runner.invoke(app, ["drill", "mse", "--check"])
    assert ok.exit_code == 0 and "Well done" in ok.output
    with Store() as store:
        attempts = store.attempts("mse")
    assert [a["passed"] for a in attempts] == [0, 1]
    assert attempts[1]["hints_used"] == 0 and attempts[1]["tests_passed"] == attempts[1]["tests_total"]
    listing = runner.invoke(app, ["drill"])
    assert "passed" in listing.output


def test_check_with_file_and_dir_options(mlprep_home, tmp_path):
    f = tmp_path / "elsewhere.py"
    f.write_text(CORRECT_MSE)
    assert runner.invoke(app, ["drill", "mse", "--check", "--file", str(f)]).exit_code == 0
    d = tmp_path / "mydir"
    result = runner.invoke(app, ["drill", "relu", "--dir", str(d)])
    assert result.exit_code == 0 and (d / "relu.py").exists()
    missing = runner.invoke(app, ["drill", "mse", "--check", "--file", str(tmp_path / "nope.py")])
    assert missing.exit_code == 2 and "no such file" in missing.output  # a usage error


def test_hints_are_shown_in_order_and_recorded(mlprep_home):
    outputs = [runner.invoke(app, ["drill", "knn", "--hint"]).output for _ in range(4)]
    assert "Hint 1/3" in outputs[0] and "Hint 2/3" in outputs[1] and "Hint 3/3" in outputs[2]
    assert "last hint" in outputs[3]
    with Store() as store:
        assert store.hints_shown("knn") == 3


def test_solution_needs_an_attempt_or_force(mlprep_home, tmp_path):
    refused = runner.invoke(app, ["drill", "relu", "--solution"])
    assert refused.exit_code == 1 and "--force" in refused.output
    forced = runner.invoke(app, ["drill", "relu", "--solution", "--force"])
    assert forced.exit_code == 0 and "np.maximum" in forced.output


def test_reset_keeps_a_backup(mlprep_home, tmp_path):
    runner.invoke(app, ["drill", "mse"])
    target = tmp_path / "workspace" / "mse.py"
    target.write_text(WRONG_MSE)
    declined = runner.invoke(app, ["drill", "mse", "--reset"], input="n\n")
    assert "Nothing changed" in declined.output and target.read_text() == WRONG_MSE
    done = runner.invoke(app, ["drill", "mse", "--reset", "--yes"])
    assert done.exit_code == 0
    assert "NotImplementedError" in target.read_text()
    assert (tmp_path / "workspace" / "mse.py.bak").read_text() == WRONG_MSE


def test_unknown_slug_suggests_close_matches(mlprep_home):
    result = runner.invoke(app, ["drill", "kmaens"])
    assert result.exit_code == 2  # a usage error
    assert "no drill called 'kmaens'" in result.output and "kmeans" in result.output


def test_edit_without_editor_is_a_clean_error(mlprep_home, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    result = runner.invoke(app, ["drill", "mse", "--edit"])
    assert result.exit_code == 1 and "$EDITOR" in result.output


def test_edit_opens_the_editor(mlprep_home, monkeypatch, tmp_path):
    log = tmp_path / "edited.txt"
    monkeypatch.setenv("EDITOR", f"sh -c 'echo \"$0\" > {log}'")
    result = runner.invoke(app, ["drill", "mse", "--edit"])
    assert result.exit_code == 0
    assert log.read_text().strip().endswith("mse.py")


def test_usage_errors_exit_2(mlprep_home):
    """mlprep's own usage errors exit 2, like Click's (an unknown option)."""
    cases = {("drill", "--check"): "--check needs a drill name",
             ("drill", "mse", "--check", "--hint"): "--check and --hint cannot be used together",
             ("drill", "mse", "--force"): "--force only goes with --solution",
             ("drill", "mse", "--yes"): "--yes only goes with --reset",
             ("drill", "nosuchdrill", "--check"): "no drill called 'nosuchdrill'"}
    for args, message in cases.items():
        result = runner.invoke(app, list(args))
        assert result.exit_code == 2 and message in result.output, (args, result.output)
    assert runner.invoke(app, ["drill", "mse", "--no-such-option"]).exit_code == 2
    with Store() as store:
        assert store.attempts("mse") == [] and store.hints_shown("mse") == 0
