"""The interactive quiz loop: renders questions and feedback with Rich, reads answers.

Presentation only; deciding, checking and storing happen in `mlprep.quiz.session`. Input is line-based so
it works the same in a terminal and with piped stdin (scripts, tests). Ctrl-C and Ctrl-D end the
session cleanly: everything already answered is saved, and the summary is printed.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable

from fsrs import Rating
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mlprep.cli.common import _escape as escape
from mlprep.cli.common import inline_markdown, markdown, plural
from mlprep.cli.console import console
from mlprep.errors import MlprepError, StoreError
from mlprep.questions.model import LETTERS, Shown, is_valid_response
from mlprep.quiz.session import DONT_KNOW, Feedback, Pending, QuizSession, Summary
from mlprep.srs.scheduler import RATING_NAMES

HELP = """\
[bold]Answering[/]
  mcq        a letter or number: [cyan]b[/] or [cyan]2[/]
  multi      every right choice, comma-separated: [cyan]a,c[/]
  true/false [cyan]t[/] or [cyan]f[/]
  numeric    a number: [cyan]0.75[/], [cyan]3/4[/], [cyan]75%[/], [cyan]1e-3[/]
  short      a word or two; case, punctuation and small typos are forgiven
  code       what the snippet prints; for several lines, end with an empty line
  flashcard  Enter to reveal, then rate 1 Again · 2 Hard · 3 Good · 4 Easy
[bold]Keys[/] (type, then Enter)
  [cyan]?[/] this help   [cyan]s[/] skip   [cyan]![/] don't know (see the answer, rated Again)
  [cyan]q[/] quit (progress is saved after every answer)
  after the feedback: [cyan]Enter[/] next · [cyan]u[/] undo that answer · [cyan]1-4[/] change the rating
  [cyan]l[/] the study notes for the question · [cyan]p[/] the previous question again (read-only)
  on that card: [cyan]x[/] suspend · [cyan]b[/] bury until tomorrow · [cyan]f[/] flag · [cyan]n[/] note
[bold]Ratings[/] (the options show when the question would come back)
  auto    wrong is Again; right is Good, or Easy when quick on a seen card
          (never on a first showing); after an undo at most Good
  manual  you rate every answer 1-4 once you see it; turn it on with
          [cyan]mlprep config set rating manual[/] (off: [cyan]rating auto[/])\
"""
DONT_KNOW_KEY = "!"


def options_lines(options: dict, width: int, max_rating: Rating = Rating.Easy) -> list[str]:
    """'1 Again <1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d', wrapped between options to fit `width`."""
    parts = [f"{int(r)} {RATING_NAMES[int(r)]} {iv}" for r, iv in sorted(options.items(), key=lambda kv: int(kv[0]))
             if int(r) <= int(max_rating)]
    if int(max_rating) < 4:
        parts.append(f"(at most {RATING_NAMES[int(max_rating)]}: you have seen the answer)")
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def _print_options(options: dict, max_rating: Rating = Rating.Easy) -> None:
    for line in options_lines(options, max(20, min(console.width, 80) - 1), max_rating):
        console.print(Text(line, style="dim"))

Reader = Callable[[str], str]


def show_help(text: str = HELP) -> None:
    """The help text under a rule (no box: a box forces its width and wraps the lines badly)."""
    console.rule("[bold]help[/]", align="left", style="dim")
    console.print(text)


class EndSession(Exception):
    """The user quit (q, Ctrl-C or Ctrl-D)."""


def _read(prompt: str, reader: Reader) -> str:
    try:
        return reader(prompt)
    except (EOFError, KeyboardInterrupt):
        raise EndSession from None


def default_reader(prompt: str) -> str:
    """Read one line. On a terminal use Rich's input; with piped stdin, echo the line so a
    transcript reads like a real session."""
    if sys.stdin is None or sys.stdin.closed:  # no input at all: the same as its end
        raise EOFError
    if sys.stdin.isatty():
        return console.input(prompt)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    text = line.rstrip("\n")
    console.print(f"{prompt}{escape(text)}", soft_wrap=True)
    return text


def render_question(shown: Shown, index: int, total: int, is_new: bool) -> None:
    q = shown.question
    dots = "●" * q.difficulty + "○" * (3 - q.difficulty)
    head = Text.assemble((f"{index}/{total}", "bold"), "  ", (dots, "yellow"), "  ",
                         ("new" if is_new else "review", "dim"), "  ", (q.section_title, "cyan"))
    console.print()
    if head.cell_len + 6 <= console.width:
        console.rule(head, align="left", style="dim")
    else:  # a rule would cut a long section title: the header goes on its own lines under the rule
        console.rule(style="dim")
        console.print(head)
    console.print(markdown(shown.prompt))
    if q.type == "code_output":
        from rich.syntax import Syntax  # pygments is only loaded for code questions

        console.print(Syntax(q.code, q.language, theme="ansi_dark", line_numbers=False, word_wrap=True))
    if q.choices:
        choices = Table.grid()  # a choice that wraps stays indented under its own first word
        choices.add_column(no_wrap=True)
        choices.add_column()
        for i, choice in enumerate(shown.choices):
            choices.add_row(Text(f"  {LETTERS[i]}) ", style="bold cyan"), inline_markdown(choice))
        console.print(choices)
        if q.type == "multi":
            console.print("[dim]  Select all that apply (e.g. a,c).[/]")
    if q.type == "truefalse":
        console.print("[dim]  True or false?[/]")


def _answer_prompt(shown: Shown) -> str:
    q = shown.question
    hint = {"mcq": f"A-{LETTERS[len(shown.choices) - 1]}", "multi": "letters, comma-separated",
            "truefalse": "t/f", "numeric": "a number", "short": "a word or two",
            "code_output": "what it prints"}[q.type]
    unit = f" ({escape(q.unit)})" if q.type == "numeric" and q.unit else ""
    return f"[bold]›[/] [dim]{hint}{unit} · {DONT_KNOW_KEY} don't know · ? help[/] "


def _read_answer(shown: Shown, reader: Reader, previous: Callable[[], None] | None = None) -> str | None:
    """Read an answer; returns None for skip; raises EndSession for quit. `p` calls `previous`."""
    q = shown.question
    multiline = q.type == "code_output" and "\n" in q.answer[0]
    if multiline:
        console.print("[dim]  Several lines: type them one by one, then an empty line.[/]")
    while True:
        text = _read(_answer_prompt(shown), reader)
        cmd = text.strip().lower()
        if cmd == "?":
            show_help()
            continue
        if cmd == "q":
            raise EndSession
        if cmd == "s":
            return None
        if cmd == "p" and previous is not None:
            previous()
            continue
        if cmd == DONT_KNOW_KEY:
            return DONT_KNOW_KEY
        if multiline and cmd:
            lines = [text]
            while True:
                more = _read("[dim]…[/] ", reader)
                if not more.strip():
                    break
                lines.append(more)
            text = "\n".join(lines)
        problem = is_valid_response(shown, text)
        if problem:
            console.print(f"[yellow]{escape(problem)}[/]")
            continue
        return text


def render_feedback(fb: Feedback, shown: Shown, pending: bool = False, dont_know: bool = False) -> None:
    """The answer and why; `pending`: not rated yet (manual rating), so no "Next:" row."""
    q = shown.question
    if dont_know:
        title = Text("Don't know: here is the answer (rated Again)", style="bold red")
    elif pending and fb.correct is None:
        title = Text("Answer", style="bold")
    elif fb.correct is None or q.type == "flashcard":
        title = Text(f"Rated {RATING_NAMES[int(fb.rating)]}", style="bold")
    elif fb.correct:
        title = Text("✓ Correct" + (f" ({fb.note})" if fb.note else ""), style="bold green")
    else:
        title = Text("✗ Not quite", style="bold red")
    body = Table.grid(padding=(0, 1))
    if q.type != "flashcard":
        body.add_row(Text("Answer:", style="bold"), Text(fb.expected))
    elif dont_know:  # the back of the card was not revealed before
        body.add_row(Text("Answer:", style="bold"), markdown(str(q.answer)))
    if fb.correct is False and fb.note:  # which choices were missed or extra, the first line that differs
        body.add_row(Text("Yours:", style="bold"), Text(fb.note, style="yellow"))
    body.add_row(Text("Why:", style="bold"), markdown(fb.explanation))
    if not pending:
        body.add_row(Text("Next:", style="bold"),
                     Text(f"{fb.interval} ({RATING_NAMES[int(fb.rating)]})", style="dim"))
    if fb.personal_note:
        body.add_row(Text("Your note:", style="bold"), Text(fb.personal_note, style="italic"))
    console.print(Panel(body, title=title, title_align="left",
                        border_style="green" if fb.correct else "red" if fb.correct is False else "blue"))


def _after_feedback(session: QuizSession, shown: Shown, fb: Feedback, reader: Reader) -> str:
    """Returns 'next' or 'undo'. Raises EndSession on quit."""
    can_rerate = shown.question.type != "flashcard"
    keys = "Enter next · u undo" + (" · 1-4 change rating" if can_rerate else "") + " · ? more · q quit"
    keys += (" · l learn" if fb.correct is False else "") + (" · p previous" if len(session.answered) > 1 else "")
    if can_rerate and fb.options:
        _print_options(fb.options, Rating.Good if fb.capped else Rating.Easy)
    while True:
        text = _read(f"[dim]{keys}[/] ", reader).strip().lower()
        if text == "":
            return "next"
        if text in ("x", "b", "f", "n"):
            _card_action(session, shown, text, reader)
            continue
        if text == "q":
            raise EndSession
        if text == "l":
            _learn(session, shown)
            continue
        if text == "p":
            _previous(session, 2)
            continue
        if text == "u":
            try:
                session.undo_last()
            except MlprepError as exc:
                console.print(f"[yellow]Not undone: {escape(str(exc))}[/]", soft_wrap=True)
                return "next"
            console.print("[yellow]Undone: that answer is forgotten and the card is back as it was.[/]")
            return "undo"
        if text == "?":
            show_help()
            continue
        if can_rerate and text in ("1", "2", "3", "4"):
            kept = len(session.answered)
            try:
                new = session.rerate(Rating(int(text)))
            except MlprepError as exc:
                if len(session.answered) != kept:  # undone, but the new rating could not be saved: run() says so
                    raise
                console.print(f"[yellow]Rating not changed: {escape(str(exc))}[/]", soft_wrap=True)
                return "next"
            console.print(f"[cyan]Rated {RATING_NAMES[int(new.rating)]}: next review {new.interval}.[/]")
            return "next"
        console.print("[yellow]Press Enter for the next question, u to undo, "
                      + ("1-4 to change the rating, " if can_rerate else "")
                      + "x to suspend, b to bury, f to flag, n for a note, or q to quit.[/]")


def _card_action(session: QuizSession, shown: Shown, key: str, reader: Reader) -> None:
    """The quiz keys that act on the card just answered: x suspend, b bury, f flag toggle, n note."""
    qid = shown.question.id
    if key == "x":
        session.suspend(qid)
        console.print(f"[yellow]Suspended: it is not asked again until[/] mlprep unsuspend {escape(qid)}",
                      soft_wrap=True)
    elif key == "b":
        until = session.bury(qid)
        console.print(f"[yellow]Buried until {until.astimezone(session.tz):%a %d %b %H:%M}.[/]" if session.tz else
                      "[yellow]Buried until tomorrow.[/]")
    elif key == "f":
        on = session.toggle_flag(qid)
        console.print("[cyan]Flagged: pick flagged cards with[/] mlprep quiz --flagged" if on else "[cyan]Unflagged.[/]")
    else:
        current = session.note(qid)
        if current:
            console.print(Text.assemble(("Your note: ", "bold"), (current, "italic")))
        hint = "Enter keeps it, - deletes it" if current else "Enter for none"
        text = _read(f"[bold]note›[/] [dim]{hint}[/] ", reader).strip()
        if not text:
            console.print("[dim]Note unchanged.[/]")
        elif text == "-":
            session.set_note(qid, None)
            console.print("[cyan]Note deleted.[/]")
        else:
            try:
                session.set_note(qid, text)
            except MlprepError as exc:
                console.print(f"[yellow]{escape(str(exc))}[/]")
                return
            console.print("[cyan]Note saved: it is shown with the answer from now on.[/]")


def _learn(session: QuizSession, shown: Shown) -> None:
    """The `l` key: the notes topic for the question's tags (else its section) in the pager."""
    from mlprep.cli import learn as cli_learn

    page = cli_learn.note_for(session.bank, shown.question)
    if page is None:
        console.print("[yellow]No study notes cover this question's tags or section.[/]")
        return
    cli_learn.show_page(page, f"Notes for {shown.question.id} · later: mlprep learn {page.name}")
    console.print("[dim]Back to the quiz.[/]")


def _previous(session: QuizSession, back: int) -> None:
    """The `p` key: the question answered `back` answers ago, with its answer and why (no re-rating)."""
    if len(session.answered) < back:
        console.print("[yellow]There is no previous question in this session yet.[/]")
        return
    a = session.answered[-back]
    from mlprep.cli import learn as cli_learn

    cli_learn.render_previous(a)


def _previous_then_current(session: QuizSession, shown: Shown, index: int, total: int, is_new: bool) -> None:
    _previous(session, 1)
    render_question(shown, index, total, is_new)


def _flashcard(session: QuizSession, shown: Shown, reader: Reader, started: float) -> Feedback | None:
    while True:
        text = _read(f"[dim]Enter to reveal the answer · {DONT_KNOW_KEY} don't know · s skip · q quit[/] ", reader).strip().lower()
        if text == "q":
            raise EndSession
        if text == "p":
            _previous(session, 1)
            continue
        if text == "s":
            return None
        if text == "?":
            show_help()
            continue
        if text == DONT_KNOW_KEY:
            return session.dont_know(shown, time.monotonic() - started)
        break
    console.print(Panel(markdown(str(shown.question.answer)), title="Answer", title_align="left",
                        border_style="blue"))
    pending = session.preview_flashcard(shown, time.monotonic() - started)
    return _pick_rating(session, pending, reader, "How well did you know it?")


def _pick_rating(session: QuizSession, pending: Pending, reader: Reader, question: str) -> Feedback:
    """The user rates a revealed answer 1-4, seeing what each rating would schedule."""
    _print_options(pending.options, pending.max_rating)
    while True:
        text = _read(f"[bold]{question}[/] [dim]1-4 · ? help · q quit[/] ", reader).strip().lower()
        if text in ("1", "2", "3", "4"):
            return session.commit(pending, Rating(int(text)))
        if text == "q":
            raise EndSession
        if text == "?":
            show_help()
            continue
        if text in ("x", "b", "f", "n"):  # the card keys work before rating too (manual mode, flashcards)
            _card_action(session, pending.shown, text, reader)
            continue
        if text == "l":
            _learn(session, pending.shown)
            continue
        if text == "p":
            _previous(session, 1)
            continue
        console.print("[yellow]Type 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).[/]")


def _rate_manually(session: QuizSession, pending: Pending, reader: Reader) -> Feedback:
    """Manual rating: show the answer, then the user picks 1-4 (`mlprep config set rating manual`)."""
    shown = pending.shown
    preview = Feedback(pending.correct, pending.suggested, shown.expected_text(), shown.explanation,
                       pending.preview.due(pending.suggested), "", pending.note, pending.options)
    render_feedback(preview, shown, pending=True)
    fb = _pick_rating(session, pending, reader, "Rate it:")
    console.print(f"[cyan]Rated {RATING_NAMES[int(fb.rating)]}: next review {fb.interval}.[/]")
    return fb


def run(session: QuizSession, questions: list, known: set[str], reader: Reader = default_reader,
        seen_cap: int | None = None) -> Summary:
    """Ask every question in order until done or the user quits; always returns the summary.

    A question answered wrong (rated Again) comes back once more at the end of the session, as
    Anki's learning steps do, so it is practised while it is fresh, unless that second look would
    pass `seen_cap`, what is left of today's cap on reviews of seen questions.
    """
    questions = list(questions)
    requeued: set[str] = set()
    i = 0
    try:
        while i < len(questions):
            q = questions[i]
            if q.id in requeued and session.is_hidden(q.id):  # suspended or buried after the first look
                i += 1
                continue
            shown = show_or_warn(session, q)
            if shown is None:
                i += 1
                continue
            render_question(shown, i + 1, len(questions), q.id not in known and q.id not in requeued)
            started = time.monotonic()
            rated_on_screen = False  # manual rating: the rating prompt was the last step
            if q.type == "flashcard":
                fb = _flashcard(session, shown, reader, started)
            else:
                text = _read_answer(shown, reader, previous=functools.partial(
                    _previous_then_current, session, shown, i + 1, len(questions),
                    q.id not in known and q.id not in requeued))
                seconds = time.monotonic() - started
                if text is None:
                    fb = None
                elif text == DONT_KNOW_KEY:
                    fb = session.dont_know(shown, seconds)
                elif session.manual:
                    fb, rated_on_screen = _rate_manually(session, session.grade(shown, text, seconds), reader), True
                else:
                    fb = session.answer(shown, text, seconds)
            if fb is None:
                session.skip()
                console.print("[dim]Skipped.[/]")
                i += 1
                continue
            if not rated_on_screen:
                dont_know = bool(session.answered) and session.answered[-1].response == DONT_KNOW
                render_feedback(fb, shown, dont_know=dont_know)
            if session.notice:
                console.print(f"[yellow]{escape(session.notice)}[/]", soft_wrap=True)
                session.notice = ""
            if not rated_on_screen and _after_feedback(session, shown, fb, reader) == "undo":
                continue  # ask the same question again
            last = session.answered[-1] if session.answered else None
            if last is not None and last.question.id == q.id and last.rating == Rating.Again \
                    and q.id not in requeued and not session.is_hidden(q.id) and _room_for_another_look(session, questions[i + 1:], known, seen_cap):
                requeued.add(q.id)
                questions.append(q)
                console.print("[dim]It comes back once more at the end of this session.[/]")
            i += 1
    except (EndSession, KeyboardInterrupt):  # Ctrl-C between prompts too (while a screen is drawn)
        session.stopped = True
        console.print("\n[dim]Session ended. Everything you answered is saved.[/]")
    except StoreError as exc:  # the answer could not be saved (full disk, read-only, locked...)
        session.stopped = True
        console.print(f"\n[bold red]That answer was not saved:[/] {escape(str(exc))}\n[dim]Session ended; the "
                      "answers before it are saved.[/]", soft_wrap=True)
    summary = session.finish()
    render_summary(summary)
    if session.unsaved:
        console.print(f"[yellow]The end of this session was not recorded: {escape(session.unsaved)}[/]",
                      soft_wrap=True)
    return summary


def show_or_warn(session, q) -> Shown | None:
    """Prepare a question; when its parameters fail this time (a bank lint did not catch), warn in one
    line naming it and return None, so the session goes on with the next question."""
    from mlprep.questions.model import CannotShow

    try:
        return session.show(q)
    except CannotShow as exc:
        console.print(f"[yellow]Skipped {escape(q.id)}: it could not be shown ({escape(exc.reason)}). "
                      f"`mlprep content lint {escape(q.source)}` checks its bank.[/]", soft_wrap=True)
        return None


def _room_for_another_look(session: QuizSession, ahead: list, known: set[str], seen_cap: int | None) -> bool:
    """Whether one more review of a seen question still fits today's cap, counting those ahead."""
    if seen_cap is None:
        return True
    done = sum(not a.was_new for a in session.answered)
    return done + sum(1 for q in ahead if q.id in known or q.id in {a.question.id for a in session.answered}) < seen_cap


def render_summary(s: Summary) -> None:
    mins, secs = divmod(int(round(s.seconds)), 60)
    pct = f"{100 * s.correct / s.answered:.0f}%" if s.answered else "—"
    console.print()
    console.rule("[bold]Session summary[/]", align="left")
    console.print(f"Score [bold]{s.correct}/{s.answered}[/] ({pct}) · {mins}m {secs:02d}s answering"
                  + (f" · skipped {s.skipped}" if s.skipped else ""))
    if s.per_section:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("section")
        table.add_column("right", justify="right")
        for title, n, c in s.per_section.values():
            table.add_row(escape(title), f"{c}/{n}")
        console.print(table)
    console.print(f"Due by the end of tomorrow: [bold]{s.due_tomorrow}[/]")


def cap_message(plan) -> str:
    """Before a session whose daily cap holds due reviews back (`plan.capped` > 0): the true numbers."""
    left = plan.cap_left or 0
    msg = (f"[yellow]{plan.due_total} reviews are due; today's cap of {plan.max_reviews} (--max-reviews) "
           + (f"leaves {left} for today" if plan.reviews_today == 0 else
              f"leaves {left} after the {plan.reviews_today} done today")
           + f", most-forgotten first: {plan.capped} wait for tomorrow.")
    if plan.new_held:
        msg += " No new questions while reviews wait (add --new N for some)."
    return msg + "[/]"


def render_remaining(s: Summary, plan) -> None:
    """After a session: how many due reviews still wait; the daily cap only when it holds some back."""
    if not s.due_now:
        return
    msg = f"[bold]{s.due_now}[/] due question{'s remain' if s.due_now != 1 else ' remains'}"
    left = None if plan.max_reviews is None else max(0, plan.max_reviews - plan.reviews_today - s.reviews_of_seen)
    if left is not None and left < s.due_now:
        if left == 0:
            msg += (f"; today's review cap ({plan.max_reviews}, --max-reviews) is reached: they come back "
                    "tomorrow, most-forgotten first")
        else:
            msg += (f"; today's review cap ({plan.max_reviews}, --max-reviews) leaves {left} of them for today, "
                    "the rest come back tomorrow, most-forgotten first")
    else:
        msg += ": run [bold]mlprep quiz[/] again for them"
    console.print(msg + ".")


def render_nothing(store, bank, filters, plan, now, *, leeches: bool, pacing, new_given: bool,
                   review_only: bool = False) -> None:
    """Why there is nothing to ask, and when there will be."""
    from mlprep import clock
    from mlprep.srs.scheduler import describe_interval

    tz = clock.user_zone(store.get_setting("timezone"))
    if leeches:
        console.print("[green]No leeches:[/] no question" + (" matching these filters" if filters.sections or
                      filters.tags or filters.difficulty else "") + " has been forgotten 8 times or more.")
        return
    if plan.capped:
        console.print(f"[green]Today's review cap is reached[/] ({plural(plan.max_reviews, 'review')}, --max-reviews). "
                      f"{plural(plan.due_total, 'due question')} wait{'s' * (plan.due_total == 1)} for tomorrow, "
                      "most-forgotten first; raise [bold]--max-reviews[/] to go on today"
                      + (", or add [bold]--new N[/] for new questions." if plan.new_held else "."))
        return
    if review_only:  # new questions were not asked for: say when something is due
        nxt = store.next_due(ids={q.id for q in bank.questions.values() if filters.match(q)})
        if nxt is None:
            console.print("Nothing is due: no question here has been answered yet. Drop [bold]--review-only[/] "
                          "to start with new ones.")
        else:
            console.print(f"[green]All caught up![/] Nothing is due. The next card is due "
                          f"{describe_interval(nxt, now)} ({nxt.astimezone(tz):%a %d %b %H:%M}).")
        return
    if pacing is not None and not new_given and pacing.unseen and pacing.remaining_today == 0:
        console.print(f"[green]Today's plan is done:[/] {plural(pacing.quota, 'new question')} a day until your interview "
                      f"({pacing.unseen} still unseen). Add [bold]--new N[/] to see more today.")
        return
    nxt = store.next_due(ids={q.id for q in bank.questions.values() if filters.match(q)})
    if nxt is None:
        console.print("Nothing to review and no new questions match. Try without filters, or raise [bold]--new[/].")
    else:
        console.print(f"[green]All caught up![/] Nothing is due. The next card is due "
                      f"{describe_interval(nxt, now)} ({nxt.astimezone(tz):%a %d %b %H:%M}).")


def due_drills(store, now) -> list:
    from mlprep.drills import schedule as drill_schedule
    from mlprep.drills.catalogue import load_drills

    return drill_schedule.due_drills(store, load_drills(strict=False), now)


def run_drills(store, drills: list, bank, reader: Reader = default_reader) -> None:
    """Due drills, one by one: write the starter, let the user edit, grade on Enter."""
    from mlprep.cli import drill as cli_drill
    from mlprep.drills import sitting

    console.print()
    console.rule(f"[bold]{len(drills)} drill{'s' * (len(drills) != 1)} due[/]", align="left")
    try:
        for n, d in enumerate(drills, 1):
            opening = sitting.open_task(store, d)
            path = opening.path
            console.print(f"[bold]{n}/{len(drills)}[/]")
            cli_drill.render_task(d)
            console.print(f"Your file: [bold]{escape(str(path))}[/]", soft_wrap=True)  # a path is never folded
            console.print("[dim]Edit it, then press Enter to grade (s to skip, q to stop).[/]")
            if opening.backup is not None:  # last, right above the prompt, so it is not scrolled away
                console.print("[bold magenta]Write it again from memory:[/] the file is the starter again; your "
                              "previous solution is kept in")
                console.print(f"  {escape(str(opening.backup))}", soft_wrap=True)
            while True:
                choice = _read("grade> ", reader).strip().lower()
                if choice in ("q", "quit"):
                    raise EndSession
                if choice in ("s", "skip"):
                    break
                outcome = sitting.grade_attempt(store, d, path)
                cli_drill.render_verdict(outcome.verdict)
                cli_drill.render_schedule(outcome.review)
                cli_drill.render_hint_offer(d, outcome)
                if outcome.verdict.ok:
                    break
                if outcome.verdict.graded and outcome.verdict.kind != "not_implemented":
                    cli_drill.render_related(d, bank, store)
                console.print("[dim]Fix it and press Enter to grade again (s to skip, q to stop).[/]")
    except (EndSession, KeyboardInterrupt):
        console.print("[dim]Stopped. Drill attempts so far are saved.[/]")
