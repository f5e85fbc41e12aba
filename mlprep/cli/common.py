"""What every command module shares: the error wording, `fail`, and the common options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mlprep.cli import console as ui
from mlprep.errors import InvalidValue, MlprepError

BankOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--bank", metavar="FILE", help="Extra bank file or folder (repeatable); loaded with the built-in banks."),
]
SectionOpt = Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only this section id (repeatable).")]

def _escape(text: object) -> str:
    """Text from a bank (or any file or program) made safe to put inside Rich markup: its `[`...`]` are
    escaped, so `[/]` or `[s]` print as typed, and terminal-unsafe characters are written out visibly."""
    from rich.markup import escape

    from mlprep.safetext import sanitize

    return escape(sanitize(str(text)))


def plain(text: object, style: str = "") -> Any:
    """A Rich `Text` of bank text: never parsed as markup, unsafe characters written out visibly."""
    from rich.text import Text

    from mlprep.safetext import sanitize

    return Text(sanitize(str(text)), style=style)


def markdown(text: str) -> Any:
    """Bank Markdown for the terminal: links show their target, `text (url)`, never as hidden OSC 8
    hyperlinks, and unsafe characters are written out visibly."""
    from rich.markdown import Markdown

    from mlprep.safetext import sanitize

    return Markdown(sanitize(text), hyperlinks=False)


def load_bank(extra: Any = ()) -> Any:
    """The banks, as `mlprep.questions.bank.load_bank` loads them, with one warning line on stderr for each
    file of the user's banks folder that was left out because it is broken (the others are used)."""
    from mlprep.questions import bank as banklib

    loaded = banklib.load_bank(list(extra or []))
    for p in loaded.skipped:
        loc = p.file if p.line is None else f"{p.file}:{p.line}"
        ui.err_console.print(f"[yellow]Warning:[/] skipped your bank {_escape(loc)}: {_escape(p.message)} "
                             f"(`mlprep content lint {_escape(p.file)}` lists its problems).", soft_wrap=True)
    return loaded


# The flag each library parameter is set with, and the command that lists its valid values.
FLAGS = {"section": "--section", "tag": "--tag", "difficulty": "--difficulty", "minutes": "--minutes",
         "bank": "--bank"}
LISTINGS = {"tags": "mlprep content tags", "sections": "mlprep content list"}


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
