"""The README's commands stay true: every `mlprep ...` example names real commands and options, and
the first two commands are what a new user and CI run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main

from mlprep.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def bash_lines() -> list[str]:
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line:
                lines.append(line)
    return lines


def mlprep_commands() -> list[list[str]]:
    out = []
    for line in bash_lines():
        for part in line.split("&&"):
            words = shlex.split(part.strip())
            if words and words[0] == "mlprep":
                out.append(words[1:])
    return out


def test_readme_starts_with_install_and_run_then_install_and_test():
    blocks = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    assert blocks[0].strip() == "pip install . && mlprep quiz"
    test_command = blocks[1].strip()
    assert test_command.startswith('pip install ".[test]" && ')
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci, ".ci/run must run exactly the README's test command"


@pytest.mark.parametrize("words", mlprep_commands(), ids=lambda w: " ".join(w) or "mlprep")
def test_readme_command_exists(words):
    command = typer.main.get_command(app)
    rest = list(words)
    while rest and not rest[0].startswith("-") and hasattr(command, "commands") and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    assert not hasattr(command, "commands") or not rest or rest[0].startswith("-"), f"unknown command in {words}"
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    for w in rest:
        if w.startswith("-") and w != "-":
            assert w.split("=")[0] in known, f"`mlprep {' '.join(words)}`: {w} is not an option of that command"
