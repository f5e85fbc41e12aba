"""End to end: the installed `mlprep` command in a pseudo-terminal, used as a person would."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from mlprep.store.db import Store
from tests.helpers import question, write_bank

pexpect = pytest.importorskip("pexpect")


def mlprep_command() -> str:
    local = Path(sys.executable).parent / "mlprep"
    found = str(local) if local.exists() else shutil.which("mlprep")
    if not found:
        pytest.skip("the mlprep console script is not installed")
    return found


def spawn(args: list[str], home: Path, workspace: Path | None = None):  # type: ignore[no-untyped-def]
    env = dict(os.environ, MLPREP_HOME=str(home), TERM="xterm", COLUMNS="100", LINES="40")
    env.pop("NO_COLOR", None)
    if workspace is not None:
        env["MLPREP_WORKSPACE"] = str(workspace)
    return pexpect.spawn(mlprep_command(), args, env=env, encoding="utf-8", timeout=60, dimensions=(40, 100))


def test_answer_two_questions_then_ctrl_c_keeps_both_reviews(tmp_path, mlprep_home):
    bank = write_bank(tmp_path / "pty.yaml", [question("pty-1", "truefalse", prompt="Is the sky blue?"),
                                              question("pty-2", "mcq", prompt="Pick the right one", shuffle=False),
                                              question("pty-3", "truefalse", prompt="Third question?")],
                      section="pty", title="PTY")
    child = spawn(["quiz", "--bank", str(bank), "--section", "pty"], mlprep_home)
    child.expect("Is the sky blue")
    child.expect("t/f")
    child.sendline("t")
    child.expect("Correct")
    child.expect("Enter next")
    child.sendline("")
    child.expect("Pick the right one")
    child.expect("A-B")
    child.sendline("a")
    child.expect("Correct")
    child.expect("Enter next")
    child.sendintr()  # Ctrl-C
    child.expect("Session summary")
    child.expect(r"Score\S*\s+\S*2/2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store(mlprep_home / "mlprep.sqlite3") as store:
        ids = [r["item_id"] for r in store.reviews()]
    assert ids == ["pty-1", "pty-2"]


def test_ctrl_d_at_the_answer_prompt_ends_cleanly(tmp_path, mlprep_home):
    bank = write_bank(tmp_path / "pty.yaml", [question("pty-1", "numeric", prompt="How much is half?")],
                      section="pty", title="PTY")
    child = spawn(["quiz", "--bank", str(bank), "--section", "pty"], mlprep_home)
    child.expect("How much is half")
    child.expect("a number")
    child.sendeof()
    child.expect("Session summary")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_drill_round_trip_in_a_terminal(tmp_path, mlprep_home):
    workspace = tmp_path / "ws"
    child = spawn(["drill", "mse"], mlprep_home, workspace)
    child.expect("Mean squared error")
    child.expect("Created")
    child.expect(pexpect.EOF)
    target = workspace / "mse.py"
    assert target.exists()
    target.write_text("import numpy as np\n\n\ndef mse(y_true, y_pred):\n"
                      "    d = np.asarray(y_true, float) - np.asarray(y_pred, float)\n"
                      "    return float((d * d).mean())\n", encoding="utf-8")
    child = spawn(["drill", "mse", "--check"], mlprep_home, workspace)
    child.expect("tests passed", timeout=120)
    child.expect("Well done")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_watch_regrades_on_save_until_ctrl_c(tmp_path, mlprep_home):
    workspace = tmp_path / "ws"
    child = spawn(["drill", "relu", "--watch"], mlprep_home, workspace)
    child.expect("Watching")
    child.expect("still raises", timeout=120)  # the starter is graded first: not implemented
    (workspace / "relu.py").write_text("import numpy as np\n\n\ndef relu(x):\n    return np.maximum(x, 0)\n",
                                       encoding="utf-8")
    child.expect("Well done", timeout=120)
    child.sendintr()
    child.expect("Stopped watching")
    child.expect(pexpect.EOF)
    child.close()
    with Store(mlprep_home / "mlprep.sqlite3") as store:
        assert [a["passed"] for a in store.attempts("relu")] == [0, 1]


def test_quiz_card_keys_in_a_terminal(tmp_path, mlprep_home):
    bank = write_bank(tmp_path / "keys.yaml", [question("key-1", "truefalse", prompt="First key question?"),
                                               question("key-2", "truefalse", prompt="Second key question?")],
                      section="keys", title="Keys")
    child = spawn(["quiz", "--bank", str(bank), "--section", "keys"], mlprep_home)
    child.expect("First key question")
    child.expect("t/f")
    child.sendline("t")
    child.expect("Enter next")
    child.sendline("n")
    child.expect("note")
    child.sendline("Mind the sign")
    child.expect("Note saved")
    child.sendline("f")
    child.expect("Flagged")
    child.sendline("x")
    child.expect("Suspended")
    child.sendline("")
    child.expect("Second key question")
    child.sendintr()
    child.expect("Session summary")
    child.expect(pexpect.EOF)
    child.close()
    with Store(mlprep_home / "mlprep.sqlite3") as store:
        mark = store.card_mark("key-1")
    assert mark["note"] == "Mind the sign" and mark["flagged"] == 1 and mark["suspended"] == 1
