"""`mlprep optimize`: fit the FSRS parameters to your own reviews (fsrs-rs, the optimizer Anki uses).

The fit and its evaluation live in `mlprep.srs.optimize`; this module prints the comparison.
"""

from __future__ import annotations

from typing import Annotated

import typer


def optimize(
    reset: Annotated[bool, typer.Option("--reset", help="Forget the fitted parameters: back to fsrs's defaults.")] = False,
) -> None:
    """Fit the scheduler's memory model to your review history; the scheduler then uses it."""
    from rich.table import Table

    from mlprep import clock
    from mlprep.cli import console as ui
    from mlprep.rules import OPTIMIZE_HOLDOUT
    from mlprep.srs import optimize as optlib
    from mlprep.store.db import Store

    with Store() as store:
        if reset:
            had = optlib.reset(store)
            ui.console.print("Back to fsrs's default parameters." if had else
                             "The scheduler already uses fsrs's default parameters.")
            return
        ui.console.print("Fitting FSRS parameters to your reviews…", style="dim")
        result = optlib.optimize(store, clock.user_zone(store.get_setting("timezone")))
    held = round(OPTIMIZE_HOLDOUT * 100)
    ui.console.print(f"{result.reviews:,} reviews of {result.cards:,} questions. Of the reviews a day or more "
                     f"after the one before, the earliest {100 - held}% ({result.train_items:,}) were fitted in "
                     f"{result.seconds:.1f} s and the latest {held}% ({result.test_items:,}) held out to test:",
                     markup=False, highlight=False)
    table = Table(box=None, padding=(0, 2), header_style="bold")
    table.add_column("held-out reviews")
    table.add_column("log loss", justify="right")
    table.add_column("RMSE (bins)", justify="right")
    table.add_row("default parameters", f"{result.default.log_loss:.4f}", f"{result.default.rmse_bins:.4f}")
    table.add_row("fitted parameters", f"{result.fitted.log_loss:.4f}", f"{result.fitted.rmse_bins:.4f}")
    ui.console.print(table)
    ui.console.print("[dim]Lower is better: log loss scores each predicted recall, RMSE compares predicted and "
                     "actual recall rates.[/]")
    if result.saved:
        ui.console.print("[green]Saved:[/] the scheduler uses the fitted parameters from now on "
                         "([bold]mlprep optimize --reset[/] returns to the defaults).")
    else:
        kept = "your earlier fit" if result.extra.get("had_fit") else "the default parameters"
        ui.console.print(f"[yellow]Not saved:[/] the fitted parameters do not predict your held-out reviews better "
                         f"than the defaults, so the scheduler keeps {kept}. Try again after more reviews.")


def register(app: typer.Typer) -> None:
    app.command()(optimize)
