"""The `mlprep` command: parses arguments, calls the library, renders with Rich.

No logic lives here beyond wiring and presentation; heavy modules are imported inside the
commands that need them so that `mlprep --help` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer
import typer.core

from mlprep.cli import console as ui
from mlprep.cli.common import HelpGroup, _escape, describe_error, use_help_classes
from mlprep.errors import MlprepError, MlprepWarning


class _Group(HelpGroup):
    """Root command group: turns every MlprepError into one clean message and exit code 1."""

    def invoke(self, ctx):
        import warnings

        with warnings.catch_warnings():
            original = warnings.showwarning
            shown: set[str] = set()  # each warning once per command

            def show(message, category, filename, lineno, file=None, line=None) -> None:
                if not issubclass(category, MlprepWarning):
                    original(message, category, filename, lineno, file, line)
                elif str(message) not in shown:
                    shown.add(str(message))
                    ui.err_console.print(f"[yellow]Warning:[/] {_escape(str(message))}", soft_wrap=not ui.err_console.is_terminal)

            warnings.showwarning = show
            warnings.simplefilter("always", MlprepWarning)
            try:
                return super().invoke(ctx)
            except MlprepError as exc:
                ui.err_console.print(f"[bold red]Error:[/] {_escape(describe_error(exc))}", soft_wrap=not ui.err_console.is_terminal)
                raise typer.Exit(1) from None
            except Exception as exc:
                if type(exc).__module__ != "sqlite3":  # a store error no Store method explained (safety net)
                    raise
                from mlprep import paths
                from mlprep.store.db import diagnose

                message = describe_error(diagnose(paths.db_path(), exc))
                ui.err_console.print(f"[bold red]Error:[/] {_escape(message)}", soft_wrap=not ui.err_console.is_terminal)
                raise typer.Exit(1) from None


app = typer.Typer(
    name="mlprep",
    cls=_Group,
    help="Get ready for machine-learning interviews: spaced-repetition quizzes, graded NumPy drills, progress.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: keeps `mlprep --help` from loading Rich
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context,
          version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False) -> None:
    """Get ready for machine-learning interviews: quizzes, drills, progress."""
    if version:
        from mlprep import __version__

        ui.console.print(f"mlprep {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())



# ---------------------------------------------------------------- every command group registers the same way
from mlprep.cli.commands import (  # noqa: E402
    cards,
    config,
    content,
    data,
    drill,
    learn,
    mock,
    optimize,
    progress,
    quiz,
    report,
)

for _module in (quiz, drill, learn, config, progress, mock, report, data, content, cards, optimize):
    _module.register(app)
use_help_classes(app)


def main() -> None:
    """Entry point of the `mlprep` console script."""
    app()
