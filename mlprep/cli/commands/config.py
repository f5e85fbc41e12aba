"""`mlprep where` and `mlprep config get|set`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import fail
from mlprep.rules import SETTINGS

config_app = typer.Typer(help="Show or change settings (desired retention, time zone).", no_args_is_help=True)

def where() -> None:
    """Show where mlprep keeps its data, banks and drill files."""
    from rich.text import Text

    from mlprep import paths
    from mlprep.sandbox.confine import protection

    indent = 17  # the labels' column and the space after it
    for label, path in (("data home", paths.data_home()), ("database", paths.db_path()),
                        ("your banks", paths.user_banks_dir()), ("drill workspace", paths.workspace_dir()),
                        ("built-in banks", paths.content_dir()), ("built-in drills", paths.drills_dir())):
        # A path is never folded: a long one runs on (the terminal wraps it, and copying keeps it whole).
        ui.console.print(Text(label.ljust(indent)) + Text(str(path), style="bold"), soft_wrap=True)
    import textwrap

    # A long summary wraps on spaces under itself, not under the labels.
    lines = textwrap.wrap(protection().summary, width=max(20, ui.console.width - indent))
    ui.console.print(Text("grading sandbox".ljust(indent) + ("\n" + " " * indent).join(lines)), soft_wrap=True)
    ui.console.print("[dim]MLPREP_HOME moves the data home; MLPREP_WORKSPACE moves the drill workspace.[/]")


@config_app.command("list")
def config_list() -> None:
    """Every setting: its value, its default and what it does."""
    from rich.table import Table

    from mlprep.cli.common import _escape
    from mlprep.srs.scheduler import fitted_parameters
    from mlprep.store.db import Store

    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("setting", no_wrap=True)
    table.add_column("value", overflow="fold", max_width=16)
    table.add_column("default", overflow="fold", max_width=10)
    table.add_column("what it does", ratio=1)
    with Store() as store:
        for key, (default, description) in SETTINGS.items():
            value = store.get_setting(key, default) or ""
            table.add_row(key, _escape(repr(value) if value == "" or " " in value else value),
                          _escape(repr(default) if default == "" or " " in default else default), description)
        fitted = fitted_parameters(store)
    ui.console.print(table)
    ui.console.print("FSRS parameters: " + ("fitted to your reviews (`mlprep optimize --reset` returns to the "
                     "defaults)." if fitted else "fsrs's defaults (`mlprep optimize` fits them to your reviews)."),
                     markup=False, highlight=False)


@config_app.command("get")
def config_get(key: Annotated[Optional[str], typer.Argument(metavar="KEY", help="Setting name; omit to list all.")] = None) -> None:
    """Show settings."""
    from mlprep.store.db import Store

    keys = [key] if key else list(SETTINGS)
    _check_setting(keys[0])
    with Store() as store:
        for k in keys:
            ui.console.print(f"{k} = {store.get_setting(k, SETTINGS[k][0])}  [dim]# {SETTINGS[k][1]}[/]")


# A value may start with "-" (`config set desired_retention -0.9`): it is the value, not an option, so
# the range check below can explain it.
@config_app.command("set", context_settings={"ignore_unknown_options": True})
def config_set(key: Annotated[str, typer.Argument(help="Setting name.")],
               value: Annotated[str, typer.Argument(help="New value.")]) -> None:
    """Change a setting, e.g. `mlprep config set desired_retention 0.85`."""
    from mlprep import settings
    from mlprep.clock import shown_name
    from mlprep.store.db import Store

    _check_setting(key)
    value = value.strip()
    why = settings.problem(key, value)
    if why:
        # A time-zone problem names the zone itself; the others name the value here.
        raise fail(f"{key}: {why}." if key == "timezone" else f"{key} {shown_name(value)}: {why}.")
    if key in ("learning_steps", "relearning_steps"):
        value = settings.format_steps(settings.parse_steps(value))
    with Store() as store:
        store.set_setting(key, value)
    ui.console.print(f"{key} = {value}", markup=False)


def _check_setting(key: str) -> None:
    if key not in SETTINGS:
        import difflib

        from mlprep.clock import shown_name

        close = difflib.get_close_matches(key, list(SETTINGS), n=1)
        raise fail(f"unknown setting {shown_name(key)}." + (f" Did you mean {close[0]}?" if close else "")
                   + f" Settings: {', '.join(SETTINGS)} (`mlprep config list`).")


# ---------------------------------------------------------------- content


def register(app: typer.Typer) -> None:
    app.command()(where)
    app.add_typer(config_app, name="config")
