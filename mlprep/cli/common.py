"""What every command module shares: the error wording, `fail`, and the common options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.errors import InvalidValue, MlprepError

BankOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--bank", metavar="FILE", help="Extra bank file or folder (repeatable); loaded with the built-in banks."),
]
SectionOpt = Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only this section id (repeatable).")]

def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


# The flag each library parameter is set with, and the command that lists its valid values.
FLAGS = {"section": "--section", "tag": "--tag", "difficulty": "--difficulty", "minutes": "--minutes",
         "bank": "--bank", "type": "--type", "id": "--id", "kind": "--kind"}
LISTINGS = {"tags": "mlprep content tags", "sections": "mlprep content list", "topics": "mlprep learn"}


def describe_error(exc: MlprepError) -> str:
    """The one-paragraph message for a library error, in the CLI's words."""
    if isinstance(exc, InvalidValue):
        text = exc.describe(FLAGS.get(exc.param, exc.param))
        if exc.see and not exc.suggestions and exc.see in LISTINGS:
            text += f" See `{LISTINGS[exc.see]}`."
        return text
    return str(exc)


def fail(message: str, code: int = 1) -> typer.Exit:
    ui.err_console.print(f"[bold red]Error:[/] {_escape(message)}", soft_wrap=True)
    return typer.Exit(code)


def stdin_closed() -> bool:
    """True when there is no standard input at all (`mlprep quiz <&-`): nothing can ever be typed."""
    import sys

    stream = sys.stdin
    if stream is None or stream.closed:
        return True
    import io
    import os

    try:
        fd = stream.fileno()
    except io.UnsupportedOperation:  # a replaced stdin without a file descriptor (tests): it can be read
        return False
    except (OSError, ValueError):
        return True
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def require_input(command: str, alternative: str = "") -> None:
    """Fail with one clear message when stdin is closed, before anything starts."""
    if stdin_closed():
        raise fail(f"no input: stdin is closed, so `{command}` cannot read what you type; run it in a terminal"
                   + (f", or {alternative}" if alternative else "") + ". Nothing was changed.")


def confirm(question: str, command: str, flag: str = "--yes") -> bool:
    """Ask a yes/no question; with no stdin, or at the end of input, fail (nothing changed) naming the flag
    that skips the question."""
    require_input(command, f"add {flag} to skip the question")
    try:
        return typer.confirm(question, default=False)
    except (typer.Abort, EOFError, RuntimeError):
        raise fail(f"no answer to the question (stdin reached its end, or Ctrl-C), so nothing was changed. "
                   f"Run `{command}` in a terminal, or add {flag} to skip the question.") from None
