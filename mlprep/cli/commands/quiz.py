"""`mlprep quiz`: options parsed here; the session runs in `mlprep.quiz`, the screen in `mlprep.cli.quiz`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import BankOpt, fail, require_input
from mlprep.cli.common import load_bank as load_bank_warned
from mlprep.questions.model import TYPES
from mlprep.rules import LEECH_LAPSES, MAX_REVIEWS_PER_DAY, NEW_PER_SESSION, SESSION_LIMIT

# ---------------------------------------------------------------- quiz

def quiz(
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only this section id (repeatable).")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", "-t", metavar="TAG", help="Only questions with this tag (repeatable).")] = None,
    difficulty: Annotated[Optional[list[int]], typer.Option("--difficulty", "-d", metavar="1|2|3", help="Only this difficulty: 1 junior, 2 mid, 3 senior (repeatable).")] = None,
    qtype: Annotated[Optional[list[str]], typer.Option("--type", metavar="TYPE", help=f"Only this format: {', '.join(TYPES)} (repeatable).")] = None,
    ids: Annotated[Optional[list[str]], typer.Option("--id", metavar="ID", help="Exactly these questions, in this order (repeatable; `mlprep search` finds ids).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="Questions in this session.")] = SESSION_LIMIT,
    new: Annotated[Optional[int], typer.Option("--new", min=0, metavar="N", help=f"At most this many new (never seen) questions. Default {NEW_PER_SESSION}, or what is left of the daily quota of an interview plan.", show_default=False)] = None,
    review_only: Annotated[bool, typer.Option("--review-only", help="Only questions that are due; no new ones.")] = False,
    weak: Annotated[bool, typer.Option("--weak", help="Questions from your weakest tags first.")] = False,
    leeches: Annotated[bool, typer.Option("--leeches", help=f"Only leeches: questions forgotten {LEECH_LAPSES} times or more.")] = False,
    max_reviews: Annotated[int, typer.Option("--max-reviews", min=0, metavar="N", help="Daily cap on reviews of seen questions; past it, the most-forgotten come first on later days.")] = MAX_REVIEWS_PER_DAY,
    flagged: Annotated[bool, typer.Option("--flagged", help="Only flagged cards (`mlprep flag ID`), due ones first.")] = False,
    with_drills: Annotated[bool, typer.Option("--with-drills", help="After the questions, the drills that are due.")] = False,
    bank: BankOpt = None,
    seed: Annotated[Optional[int], typer.Option("--seed", metavar="N", help="Seed for parameters and choice order (reproducible sessions).")] = None,
) -> None:
    """Answer spaced-repetition questions: due ones first, then new ones."""
    import random

    from mlprep import clock
    from mlprep.cli import quiz as cli_quiz
    from mlprep.quiz import session as quizlib
    from mlprep.srs import plan as planlib
    from mlprep.srs.scheduler import scheduler_for
    from mlprep.store.db import Store, utcnow

    chosen_by = [name for name, on in (("--weak", weak), ("--leeches", leeches), ("--flagged", flagged)) if on]
    if len(chosen_by) > 1:
        raise fail(f"{' and '.join(chosen_by)} choose questions in different ways; use one of them.")
    if ids:
        others = [flag for flag, given in (("--section", section), ("--tag", tag), ("--difficulty", difficulty),
                                           ("--type", qtype), ("--weak", weak), ("--leeches", leeches),
                                           ("--flagged", flagged), ("--review-only", review_only)) if given]
        if others:
            raise fail(f"--id picks the questions itself; drop {', '.join(others)} (or drop --id).")
    require_input("mlprep quiz", "pipe your answers into it")
    loaded = load_bank_warned(bank or [])
    filters = quizlib.Filters(section or [], tag or [], difficulty or [], qtype or [])
    filters.validate(loaded)
    chosen = None
    if ids:
        from mlprep.quiz.lookup import find_questions

        chosen = find_questions(loaded, ids)
    with Store() as store:
        now = utcnow()
        tz = clock.user_zone(store.get_setting("timezone"))
        pacing = None
        interview = planlib.interview_date(store)
        if interview is not None and planlib.days_left(interview, now, tz) > 0:
            pacing = planlib.pacing(store, set(loaded.questions), interview, now, tz)
        daily_left = quizlib.new_left_today(store, now, tz)
        new_limit = new if new is not None else (pacing.remaining_today if pacing else min(NEW_PER_SESSION, daily_left))
        if chosen is not None:
            plan = quizlib.Plan(chosen, 0, 0)
        else:
            plan = quizlib.select_questions(loaded, store, now, filters, limit=limit, new_limit=new_limit,
                                            review_only=review_only, max_reviews=max_reviews, tz=tz, weak=weak,
                                            leeches=leeches, flagged=flagged, new_when_capped=new is not None)
        drills_due = cli_quiz.due_drills(store, now) if with_drills else []
        if not plan.questions and not drills_due:
            if flagged:
                ui.console.print("No flagged card to ask" + (" matching these filters" if section or tag or difficulty
                                 else "") + ". Flag one with [bold]mlprep flag ID[/] (or [bold]f[/] after an answer).")
                return
            if new is None and pacing is None and daily_left == 0 and plan.new_total and not review_only:
                ui.console.print("[green]Today's new questions are done[/] (new_per_day, `mlprep config list`) and "
                                 "nothing is due. Add [bold]--new N[/] to see more today.")
                return
            cli_quiz.render_nothing(store, loaded, filters, plan, now, leeches=leeches, pacing=pacing,
                                    new_given=new is not None, review_only=review_only)
            return
        known = store.known_ids()
        scope = {q.id for q in chosen} if chosen is not None else {
            q.id for q in loaded.questions.values() if filters.match(q)}
        session = quizlib.QuizSession(store, loaded, scheduler_for(store, now=now), rng=random.Random(seed),
                                      scope=scope, tz=tz, manual=store.get_setting("rating", "auto") == "manual")
        if plan.questions:
            due_n = sum(q.id in known for q in plan.questions)
            ui.console.print(f"[bold]{len(plan.questions)}[/] question{'s' * (len(plan.questions) != 1)}: {due_n} "
                             f"{'seen' if weak or leeches or flagged or ids else 'due'}, {len(plan.questions) - due_n} new. "
                             "Type [cyan]?[/] for help, [cyan]q[/] to stop.")
            if plan.capped:
                ui.console.print(cli_quiz.cap_message(plan))
            summary = cli_quiz.run(session, plan.questions, known, seen_cap=plan.cap_left)
            cli_quiz.render_remaining(summary, plan)
        if drills_due and not session.stopped:
            cli_quiz.run_drills(store, drills_due, loaded)

# ---------------------------------------------------------------- drill


def register(app: typer.Typer) -> None:
    app.command()(quiz)
