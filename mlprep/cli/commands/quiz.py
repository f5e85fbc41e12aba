"""`mlprep quiz`: options parsed here; the session runs in `mlprep.quiz`, the screen in `mlprep.cli.quiz`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import BankOpt, fail
from mlprep.cli.common import load_bank as load_bank_warned
from mlprep.rules import LEECH_LAPSES, MAX_REVIEWS_PER_DAY, NEW_PER_SESSION, SESSION_LIMIT

# ---------------------------------------------------------------- quiz

def quiz(
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", help="Only this section id (repeatable).")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", "-t", help="Only questions with this tag (repeatable).")] = None,
    difficulty: Annotated[Optional[list[int]], typer.Option("--difficulty", "-d", help="Only this difficulty: 1 junior, 2 mid, 3 senior (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Questions in this session.")] = SESSION_LIMIT,
    new: Annotated[Optional[int], typer.Option("--new", min=0, help=f"At most this many new (never seen) questions. Default {NEW_PER_SESSION}, or what is left of the daily quota of an interview plan.", show_default=False)] = None,
    review_only: Annotated[bool, typer.Option("--review-only", help="Only questions that are due; no new ones.")] = False,
    weak: Annotated[bool, typer.Option("--weak", help="Questions from your weakest tags first.")] = False,
    leeches: Annotated[bool, typer.Option("--leeches", help=f"Only leeches: questions forgotten {LEECH_LAPSES} times or more.")] = False,
    max_reviews: Annotated[int, typer.Option("--max-reviews", min=0, help="Daily cap on reviews of seen questions; past it, the most-forgotten come first on later days.")] = MAX_REVIEWS_PER_DAY,
    with_drills: Annotated[bool, typer.Option("--with-drills", help="After the questions, the drills that are due.")] = False,
    bank: BankOpt = None,
    seed: Annotated[Optional[int], typer.Option("--seed", help="Seed for parameters and choice order (reproducible sessions).")] = None,
) -> None:
    """Answer spaced-repetition questions: due ones first, then new ones."""
    import random

    from mlprep import clock
    from mlprep.cli import quiz as cli_quiz
    from mlprep.quiz import session as quizlib
    from mlprep.srs import plan as planlib
    from mlprep.srs.scheduler import scheduler_for
    from mlprep.store.db import Store, utcnow

    if weak and leeches:
        raise fail("--weak and --leeches choose questions in different ways; use one of them.")
    loaded = load_bank_warned(bank or [])
    filters = quizlib.Filters(section or [], tag or [], difficulty or [])
    filters.validate(loaded)
    with Store() as store:
        now = utcnow()
        tz = clock.user_zone(store.get_setting("timezone"))
        pacing = None
        interview = planlib.interview_date(store)
        if interview is not None and planlib.days_left(interview, now, tz) > 0:
            pacing = planlib.pacing(store, set(loaded.questions), interview, now, tz)
        new_limit = new if new is not None else (pacing.remaining_today if pacing else NEW_PER_SESSION)
        plan = quizlib.select_questions(loaded, store, now, filters, limit=limit, new_limit=new_limit,
                                        review_only=review_only, max_reviews=max_reviews, tz=tz, weak=weak,
                                        leeches=leeches)
        drills_due = cli_quiz.due_drills(store, now) if with_drills else []
        if not plan.questions and not drills_due:
            cli_quiz.render_nothing(store, loaded, filters, plan, now, leeches=leeches, pacing=pacing,
                                    new_given=new is not None)
            return
        known = store.known_ids()
        session = quizlib.QuizSession(store, loaded, scheduler_for(store, now=now), rng=random.Random(seed),
                                      scope={q.id for q in loaded.questions.values() if filters.match(q)}, tz=tz)
        if plan.questions:
            due_n = sum(q.id in known for q in plan.questions)
            ui.console.print(f"[bold]{len(plan.questions)}[/] question{'s' * (len(plan.questions) != 1)}: {due_n} "
                             f"{'seen' if weak or leeches else 'due'}, {len(plan.questions) - due_n} new. "
                             "Type [cyan]?[/] for help, [cyan]q[/] to stop.")
            if plan.capped:
                ui.console.print(f"[yellow]{plan.due_total} reviews are due and {plan.cap_left} are left of today's "
                                 f"cap of {plan.max_reviews} (--max-reviews): the most-forgotten come first, the rest "
                                 "wait for tomorrow.[/]")
            summary = cli_quiz.run(session, plan.questions, known, seen_cap=plan.cap_left)
            cli_quiz.render_remaining(summary, plan)
        if drills_due and not session.stopped:
            cli_quiz.run_drills(store, drills_due, loaded)

# ---------------------------------------------------------------- drill


def register(app: typer.Typer) -> None:
    app.command()(quiz)
