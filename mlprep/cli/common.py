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
