"""`mlprep where` and `mlprep config get|set`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import fail
from mlprep.rules import SETTINGS

config_app = typer.Typer(help="Show or change settings (desired retention...).", no_args_is_help=True)

def where() -> None:
    """Show where mlprep keeps its data, banks and drill files."""
    from rich.table import Table

    from mlprep import paths

    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for label, path in (("data home", paths.data_home()), ("database", paths.db_path()),
                        ("your banks", paths.user_banks_dir()), ("drill workspace", paths.workspace_dir()),
                        ("built-in banks", paths.content_dir()), ("built-in drills", paths.drills_dir())):
        table.add_row(label, str(path))
    from mlprep.sandbox.confine import protection

    table.add_row("grading sandbox", protection().summary)
    ui.console.print(table)
    ui.console.print("[dim]MLPREP_HOME moves the data home; MLPREP_WORKSPACE moves the drill workspace.[/]")


@config_app.command("get")
def config_get(key: Annotated[Optional[str], typer.Argument(help="Setting name; omit to list all.")] = None) -> None:
    """Show settings."""
    from mlprep.store.db import Store

    keys = [key] if key else list(SETTINGS)
    _check_setting(keys[0])
    with Store() as store:
        for k in keys:
            ui.console.print(f"{k} = {store.get_setting(k, SETTINGS[k][0])}  [dim]# {SETTINGS[k][1]}[/]")


@config_app.command("set")
def config_set(key: Annotated[str, typer.Argument(help="Setting name.")],
               value: Annotated[str, typer.Argument(help="New value.")]) -> None:
    """Change a setting, e.g. `mlprep config set desired_retention 0.85`."""
    from mlprep.srs.scheduler import make_scheduler
    from mlprep.store.db import Store

    _check_setting(key)
    if key == "desired_retention":
        try:
            make_scheduler(float(value))
        except ValueError:
            raise fail(f"desired_retention {value!r}: give a number between 0.70 and 0.99.") from None
    if key == "timezone" and value:
        from mlprep.clock import zone

        try:
            zone(value)
        except ValueError as exc:
            raise fail(f"timezone: {exc}.") from None
    with Store() as store:
        store.set_setting(key, value)
    ui.console.print(f"{key} = {value}")


def _check_setting(key: str) -> None:
    if key not in SETTINGS:
        raise fail(f"unknown setting {key!r}. Settings: {', '.join(SETTINGS)}.")


# ---------------------------------------------------------------- content


def register(app: typer.Typer) -> None:
    app.command()(where)
    app.add_typer(config_app, name="config")
