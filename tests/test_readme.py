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


# ------------------------------------------------------------------ the package's own strings

PKG = ROOT / "mlprep"
_STOP = re.compile(r"[`\[\]'\"(),;:·|\n]|\.\s|\.$")


def package_commands() -> list[tuple[str, list[str]]]:
    """Every `mlprep ...` command written in a string of the package (f-string fields read as one word)."""
    import ast

    found = []
    for path in sorted(PKG.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "ARG" for v in node.values)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            else:
                continue
            for m in re.finditer(r"(?<![\w./-])mlprep ((?:[a-z-]+ ?)[^\n]*)", text):
                rest = _STOP.split(m.group(1), maxsplit=1)[0]
                words = re.sub(r"\[/?[a-z ]*\]", " ", rest).split()
                if words:
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", words))
    return found


def _check(words: list[str]) -> str | None:
    command = typer.main.get_command(app)
    if words[0] not in command.commands:
        return None if not words[0].islower() or len(words) == 1 else "prose"  # prose ("mlprep is ...")
    rest = list(words)
    while rest and hasattr(command, "commands") and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    if hasattr(command, "commands"):
        return f"`{' '.join(words)}`: {rest[0] if rest else '(nothing)'} is not a subcommand" if rest else None
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    for w in rest:
        if w.startswith("-") and len(w) > 1 and not w[1:2].isdigit() and w.split("=")[0] not in known:
            return f"`mlprep {' '.join(words)}`: {w} is not an option of that command"
    return None


PACKAGE_COMMANDS = package_commands()


def test_the_package_names_some_commands():
    assert len(PACKAGE_COMMANDS) > 10


@pytest.mark.parametrize("where,words", PACKAGE_COMMANDS, ids=[w for w, _ in PACKAGE_COMMANDS])
def test_every_command_the_package_prints_exists(where, words):
    problem = _check(words)
    assert problem in (None, "prose"), f"{where}: {problem}"
