"""Hostile banks in a real terminal: the installed `mlprep quiz --bank` in a pseudo-terminal never writes
an escape sequence that came from a bank (OSC 52 clipboard, OSC 0 title, CSI 2J/3J/H screen clears,
OSC 8 hidden hyperlinks, C1 CSI, bidi overrides).

The terminal is real (TERM=xterm, colours on), so Rich's own SGR colour codes are in the output; the
assertions look for the sequences only a bank could have produced.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import question, write_bank
from tests.test_e2e_pty import mlprep_command
from tests.test_hostile import CORPUS, PAYLOAD, plant

pexpect = pytest.importorskip("pexpect")

TERMINAL_CASES = ["osc52-clipboard", "title-change", "screen-clear", "hidden-hyperlink", "raw-escape", "c1-csi",
                  "bidi-override"]
FORBIDDEN = ("\x1b]", "\x1b[2J", "\x1b[3J", "\x1b[H", "\x9b", "\u202e", "\x07")


def run(args: list[str], home: Path, send: list[str] = ()) -> str:  # type: ignore[assignment]
    env = dict(os.environ, MLPREP_HOME=str(home), TERM="xterm", COLUMNS="100", LINES="40")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(mlprep_command(), args, env=env, encoding="utf-8", timeout=90, dimensions=(40, 100),
                          codec_errors="replace")
    for text in send:
        child.sendline(text)
    child.expect(pexpect.EOF)
    child.close()
    return child.before or ""


def assert_no_bank_escapes(output: str) -> None:
    for seq in FORBIDDEN:
        assert seq not in output, (seq, output[-2000:])


@pytest.mark.parametrize("case", TERMINAL_CASES)
def test_a_bank_with_terminal_escapes_is_refused_without_emitting_them(case, mlprep_home):
    out = run(["quiz", "--bank", str(CORPUS / f"{case}.yaml")], mlprep_home)
    flat = " ".join(out.split())  # the message wraps on spaces at the terminal's width
    assert "Error" in flat and f"{case}.yaml" in flat and "not allowed" in flat
    assert "Traceback" not in out
    assert_no_bank_escapes(out)


def test_escapes_that_get_past_loading_are_written_out_not_executed(tmp_path, mlprep_home):
    """A planted cache carries the payloads into the quiz: the console's sanitizer writes them out."""
    bank = write_bank(tmp_path / "evil.yaml", [question("pty-evil", "mcq", shuffle=False,
                                                        prompt="Pick one", explanation="Because.")],
                      section="evil", title="Evil")
    plant(bank, lambda q: replace(q, prompt=f"Pick one {PAYLOAD}", explanation=f"Because {PAYLOAD}",
                                  choices=tuple(f"{c} {PAYLOAD}" for c in q.choices))
          if hasattr(q, "prompt") else replace(q, title=f"Evil {PAYLOAD}"))
    out = run(["quiz", "--bank", str(bank), "--section", "evil"], mlprep_home, ["a", "", "q"])
    assert "Pick one" in out and "Session summary" in out
    assert "\\x1b]52;c;" in out  # visible, harmless
    assert_no_bank_escapes(out)
