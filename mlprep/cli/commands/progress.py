"""`mlprep stats`, `today` and `plan`: figures from `mlprep.progress`, rendered by `mlprep.cli.progress`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mlprep.cli.common import SectionOpt

# ---------------------------------------------------------------- progress, plan, mock
# Their rendering modules (cli_progress, cli_mock) are large; they are imported when a command runs.



def stats(
    section: SectionOpt = None,
    sections: Annotated[bool, typer.Option("--sections", help="Every section's figures, not only the weakest.")] = False,
    calendar: Annotated[bool, typer.Option("--calendar", help="The 14-day forecast chart and the 26-week activity calendar.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Everything: every section, the charts, leeches, drills by section.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (keys: docs/stats-json.md).")] = False,
) -> None:
    """Your progress on one screen: today, streaks, weakest sections and tags, forecast, drills."""
    from mlprep.cli import progress as cli_progress

    parts = {name for name, on in (("sections", sections), ("calendar", calendar), ("all", show_all)) if on}
    cli_progress.show_stats(section, as_json, frozenset(parts))


def today() -> None:
    """What is due today: questions and drills, the streak, the interview plan's quota."""
    from mlprep.cli import progress as cli_progress

    cli_progress.show_today()


def plan(
    interview: Annotated[Optional[str], typer.Option("--interview", metavar="YYYY-MM-DD", help="Interview date: caps intervals and paces new questions until then.", show_default=False)] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Forget the interview date.")] = False,
) -> None:
    """Plan for an interview date, or show the current plan."""
    from mlprep.cli import progress as cli_progress

    cli_progress.run_plan(interview, clear)


def register(app: typer.Typer) -> None:
    app.command()(stats)
    app.command()(today)
    app.command()(plan)
