"""CLI commands: see register()."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""

    @app.command()
    def report(
        output: Annotated[Optional[Path], typer.Option(
            "--output", "-o", metavar="FILE", help="Write the page to this file (default: report.html in the data "
            "folder shown by `mlprep where`).")] = None,
        open_: Annotated[bool, typer.Option("--open", help="Open the page in the web browser afterwards.")] = False,
        section: Annotated[Optional[list[str]], typer.Option(
            "--section", "-s", metavar="SECTION", help="Only this section id (repeatable).")] = None,
    ) -> None:
        """Write an HTML progress report (plots included, works offline and prints well)."""
        import time
        import webbrowser

        from mlprep import clock, paths
        from mlprep.cli import console as ui
        from mlprep.cli.common import load_bank as load_bank_warned
        from mlprep.drills import catalogue as drilllib
        from mlprep.progress import report as reportlib
        from mlprep.srs import plan as plan
        from mlprep.store.db import Store, utcnow

        reportlib.require_matplotlib()  # fail fast, before loading anything
        started = time.perf_counter()
        loaded = load_bank_warned()
        drills = drilllib.load_drills(strict=False)
        target = output if output is not None else paths.data_home() / "report.html"
        with Store() as store:
            tz = clock.user_zone(store.get_setting("timezone"))
            now = utcnow()
            written = reportlib.write_report(store, loaded, drills, target, now, tz, sections=section or None,
                                             interview=plan.active_interview(store, now, tz))
        ui.console.print(f"Wrote {written} ({time.perf_counter() - started:.1f} s).", soft_wrap=not ui.console.is_terminal,
                         markup=False)
        if open_ and not webbrowser.open(written.resolve().as_uri()):
            ui.err_console.print(f"Could not start a web browser; open {written.resolve().as_uri()} yourself.",
                                 soft_wrap=not ui.err_console.is_terminal, markup=False)
