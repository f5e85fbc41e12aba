"""The `mlprep` command: parses arguments, calls the library, renders with Rich.

No logic lives here beyond wiring and presentation; heavy modules are imported inside the
commands that need them so that `mlprep --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from mlprep import console as ui
from mlprep.errors import MlprepError

class _Group(typer.core.TyperGroup):
    """Root command group: turns every MlprepError into one clean message and exit code 1."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except MlprepError as exc:
            ui.err_console.print(f"[bold red]Error:[/] {_escape(str(exc))}", soft_wrap=True)
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
content_app = typer.Typer(help="Inspect and validate question banks.", no_args_is_help=True)
app.add_typer(content_app, name="content")
config_app = typer.Typer(help="Show or change settings (desired retention...).", no_args_is_help=True)
app.add_typer(config_app, name="config")

BankOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--bank", help="Extra bank file or folder (repeatable); loaded with the built-in banks."),
]


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def fail(message: str, code: int = 1) -> typer.Exit:
    ui.err_console.print(f"[bold red]Error:[/] {_escape(message)}", soft_wrap=True)
    return typer.Exit(code)


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


# ---------------------------------------------------------------- quiz

@app.command()
def quiz(
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", help="Only this section id (repeatable).")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", "-t", help="Only questions with this tag (repeatable).")] = None,
    difficulty: Annotated[Optional[list[int]], typer.Option("--difficulty", "-d", help="Only this difficulty: 1 junior, 2 mid, 3 senior (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Questions in this session.")] = 20,
    new: Annotated[int, typer.Option("--new", min=0, help="At most this many new (never seen) questions.")] = 10,
    review_only: Annotated[bool, typer.Option("--review-only", help="Only questions that are due; no new ones.")] = False,
    bank: BankOpt = None,
    seed: Annotated[Optional[int], typer.Option("--seed", help="Seed for parameters and choice order (reproducible sessions).")] = None,
) -> None:
    """Answer spaced-repetition questions: due ones first, then new ones."""
    import random

    from mlprep import bank as banklib
    from mlprep import cli_quiz
    from mlprep import quiz as quizlib
    from mlprep.scheduler import describe_interval, scheduler_for
    from mlprep.store import Store, utcnow

    loaded = banklib.load_bank(bank or [])
    filters = quizlib.Filters(section or [], tag or [], difficulty or [])
    filters.validate(loaded)
    with Store() as store:
        now = utcnow()
        plan = quizlib.select_questions(loaded, store, now, filters, limit=limit, new_limit=new,
                                        review_only=review_only)
        if not plan.questions:
            nxt = store.next_due(ids={q.id for q in loaded.questions.values() if filters.match(q)})
            if nxt is None:
                ui.console.print("Nothing to review and no new questions match. Try without filters, or "
                              "raise [bold]--new[/].")
            else:
                ui.console.print(f"[green]All caught up![/] Nothing is due. The next card is due "
                              f"{describe_interval(nxt, now)} ({nxt.astimezone():%a %d %b %H:%M}).")
            return
        known = store.known_ids()
        session = quizlib.QuizSession(store, loaded, scheduler_for(store), rng=random.Random(seed))
        due_n = sum(q.id in known for q in plan.questions)
        ui.console.print(f"[bold]{len(plan.questions)}[/] questions: {due_n} due, "
                      f"{len(plan.questions) - due_n} new. Type [cyan]?[/] for help, [cyan]q[/] to stop.")
        cli_quiz.run(session, plan.questions, known)


# ---------------------------------------------------------------- where / config

SETTINGS = {
    "desired_retention": ("0.9", "Target probability of recalling a card when it comes due (0.70-0.99)."),
}


@app.command()
def where() -> None:
    """Show where mlprep keeps its data, banks and drill files."""
    from rich.table import Table

    from mlprep import paths

    table = Table.grid(padding=(0, 2))
    for label, path in (("data home", paths.data_home()), ("database", paths.db_path()),
                        ("your banks", paths.user_banks_dir()), ("drill workspace", paths.workspace_dir()),
                        ("built-in banks", paths.content_dir()), ("built-in drills", paths.drills_dir())):
        table.add_row(label, str(path))
    ui.console.print(table)
    ui.console.print("[dim]MLPREP_HOME moves the data home; MLPREP_WORKSPACE moves the drill workspace.[/]")


@config_app.command("get")
def config_get(key: Annotated[Optional[str], typer.Argument(help="Setting name; omit to list all.")] = None) -> None:
    """Show settings."""
    from mlprep.store import Store

    keys = [key] if key else list(SETTINGS)
    _check_setting(keys[0])
    with Store() as store:
        for k in keys:
            ui.console.print(f"{k} = {store.get_setting(k, SETTINGS[k][0])}  [dim]# {SETTINGS[k][1]}[/]")


@config_app.command("set")
def config_set(key: Annotated[str, typer.Argument(help="Setting name.")],
               value: Annotated[str, typer.Argument(help="New value.")]) -> None:
    """Change a setting, e.g. `mlprep config set desired_retention 0.85`."""
    from mlprep.scheduler import make_scheduler
    from mlprep.store import Store

    _check_setting(key)
    if key == "desired_retention":
        try:
            make_scheduler(float(value))
        except ValueError:
            raise fail(f"desired_retention {value!r}: give a number between 0.70 and 0.99.") from None
    with Store() as store:
        store.set_setting(key, value)
    ui.console.print(f"{key} = {value}")


def _check_setting(key: str) -> None:
    if key not in SETTINGS:
        raise fail(f"unknown setting {key!r}. Settings: {', '.join(SETTINGS)}.")


# ---------------------------------------------------------------- content

@content_app.command("lint")
def content_lint(
    paths_: Annotated[Optional[list[Path]], typer.Argument(
        metavar="[PATHS]...", help="Bank files or folders (default: built-in and user banks).")] = None,
) -> None:
    """Validate bank files and report every problem (exit 1 if any)."""
    from mlprep import bank as banklib

    if paths_:
        missing = [p for p in paths_ if not p.exists()]
        if missing:
            raise fail(f"{missing[0]}: no such file or folder.")
        files = banklib.bank_files(paths_, builtin=False, user=False)
    else:
        files = banklib.bank_files()
    loaded, problems = banklib.check_files(files, use_cache=False)
    for p in problems:
        ui.console.print(str(p), soft_wrap=True, markup=False)
    if problems:
        ui.err_console.print(f"[bold red]{len(problems)} problem(s)[/] in {len(files)} file(s).")
        raise typer.Exit(1)
    ui.console.print(f"[green]✓[/] {len(files)} file(s), {len(loaded.questions)} questions, no problems.")


@content_app.command("list")
def content_list(
    bank: BankOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show sections with question counts by type and difficulty."""
    from mlprep import bank as banklib
    from mlprep.questions import TYPES

    loaded = banklib.load_bank(bank or [])
    rows = []
    for sec in loaded.sections.values():
        qs = loaded.in_section(sec.id)
        rows.append({
            "id": sec.id, "title": sec.title, "questions": len(qs),
            "by_type": {t: sum(q.type == t for q in qs) for t in TYPES},
            "by_difficulty": {str(d): sum(q.difficulty == d for q in qs) for d in (1, 2, 3)},
            "parametric": sum(q.parametric for q in qs),
        })
    if as_json:
        print(json.dumps({"sections": rows, "total": len(loaded.questions)}, indent=2))
        return
    from rich.table import Table

    table = Table(title=f"{len(loaded.questions)} questions in {len(rows)} sections", title_justify="left")
    table.add_column("section")
    table.add_column("title")
    table.add_column("total", justify="right")
    for t in TYPES:
        table.add_column(t.replace("code_output", "code").replace("truefalse", "t/f"), justify="right")
    table.add_column("d1/d2/d3", justify="right")
    table.add_column("param", justify="right")
    for r in rows:
        d = r["by_difficulty"]
        table.add_row(r["id"], r["title"], str(r["questions"]), *(str(r["by_type"][t]) for t in TYPES),
                      f"{d['1']}/{d['2']}/{d['3']}", str(r["parametric"]))
    ui.console.print(table)


def main() -> None:
    """Entry point of the `mlprep` console script."""
    app()
