"""End to end in a pseudo-terminal: `mlprep learn` in the real pager (less), and the quiz's `l` and `p` keys."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from mlprep.store.db import Store
from tests.test_e2e_pty import mlprep_command
from tests.test_learn import widget_bank

pexpect = pytest.importorskip("pexpect")


def spawn(args: list[str], home: Path, **env_extra: str):  # type: ignore[no-untyped-def]
    env = dict(os.environ, MLPREP_HOME=str(home), TERM="xterm", COLUMNS="80", LINES="24", **env_extra)
    for name in ("NO_COLOR", "PAGER", "LESS"):
        if name not in env_extra:
            env.pop(name, None)
    return pexpect.spawn(mlprep_command(), args, env=env, encoding="utf-8", timeout=60, dimensions=(24, 80))


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_learn_opens_the_notes_in_less_with_colours_and_q_returns(mlprep_home):
    child = spawn(["learn", "optimizers"], mlprep_home)
    child.expect("Gradient descent and optimizers")  # the title, rendered by Rich Markdown
    before = child.before + child.after
    child.expect("Gradient descent and the learning rate")
    assert "\x1b[" in before + child.before  # styled: less -R passes the colours through
    assert "## " not in child.before  # headings are rendered, not raw Markdown
    child.send("q")  # leave less (it waits: the notes are longer than one screen)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_learn_uses_pager_from_the_environment(mlprep_home, tmp_path):
    out = tmp_path / "paged.txt"
    child = spawn(["learn", "bias-correction"], mlprep_home, PAGER=f"{sys.executable} -c \"import sys; "
                  f"open({str(out)!r}, 'w').write(sys.stdin.read())\"")
    child.expect(pexpect.EOF)
    child.close()
    text = out.read_text()
    assert "Adam and its bias correction" in text and "\x1b[" in text and "mastery: bias-correction 0%" in text


def test_quiz_l_and_p_keys_in_a_terminal(mlprep_home, tmp_path):
    folder = widget_bank(tmp_path)
    child = spawn(["quiz", "--bank", str(folder), "--id", "w-gear", "--id", "w-spring"], mlprep_home, PAGER="cat")
    child.expect("Which gear")
    child.expect("A-B")
    child.sendline("b")  # wrong
    child.expect("Not quite")
    child.expect("l learn")
    child.sendline("l")
    child.expect("Sprockets mesh with")
    child.expect("Back to the quiz")
    child.expect("l learn")  # the same keys again: nothing was rated twice
    child.sendline("")
    child.expect("Does a spring store energy")
    child.expect("t/f")
    child.sendline("p")
    child.expect("Previous question")
    child.expect("You:")
    child.expect("wrong")
    child.expect("Does a spring store energy")  # back at the current question
    child.expect("t/f")
    child.sendline("t")
    child.expect("Correct")
    child.expect("Enter next")
    child.sendline("q")
    child.expect("Session summary")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store(mlprep_home / "mlprep.sqlite3") as store:
        assert [r["item_id"] for r in store.reviews()] == ["w-gear", "w-spring"]
