"""`mlprep mock`: options here; the session in `mlprep.quiz.mock`, the screen in `mlprep.cli.mock`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mlprep.cli.common import BankOpt, SectionOpt
from mlprep.rules import MOCK_MAX_MINUTES


def mock(
    minutes: Annotated[int, typer.Option("--minutes", "-m", min=1, max=MOCK_MAX_MINUTES, metavar="N", help="Length of the mock in minutes.")] = 30,
    drill: Annotated[bool, typer.Option("--drill", help="Include one drill: a due one, else one not yet passed from your weakest section.")] = False,
    drill_name: Annotated[Optional[str], typer.Option("--drill-name", metavar="NAME", help="Include this drill, e.g. knn.")] = None,
    section: SectionOpt = None,
    seed: Annotated[Optional[int], typer.Option("--seed", metavar="N", help="Seed for the choice of questions (reproducible mocks).")] = None,
    history: Annotated[bool, typer.Option("--history", help="Show your past mocks instead.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --history: print JSON.")] = False,
    bank: BankOpt = None,
) -> None:
    """Take a timed mock interview: questions from every section, weighted toward your weak ones, no
    feedback until the end, then a report. Answers count as reviews."""
    from mlprep.cli import mock as cli_mock

    cli_mock.run(minutes, drill, drill_name, section or [], seed, history, as_json, bank or [])


def register(app: typer.Typer) -> None:
    app.command()(mock)
