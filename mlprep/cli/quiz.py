"""The interactive quiz loop: renders questions and feedback with Rich, reads answers.

Presentation only; deciding, checking and storing happen in `mlprep.quiz.session`. Input is line-based so
it works the same in a terminal and with piped stdin (scripts, tests). Ctrl-C and Ctrl-D end the
session cleanly: everything already answered is saved, and the summary is printed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from fsrs import Rating
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mlprep.cli.console import console
from mlprep.questions.model import LETTERS, Shown, is_valid_response
from mlprep.quiz.session import Feedback, QuizSession, Summary
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
  [cyan]?[/] this help   [cyan]s[/] skip   [cyan]q[/] quit (progress is saved after every answer)
  after the feedback: [cyan]Enter[/] next · [cyan]u[/] undo that answer · [cyan]1-4[/] change the rating\
"""

Reader = Callable[[str], str]


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
    console.rule(head, align="left", style="dim")
    console.print(Markdown(shown.prompt))
    if q.type == "code_output":
        from rich.syntax import Syntax  # pygments is only loaded for code questions

        console.print(Syntax(q.code, q.language, theme="ansi_dark", line_numbers=False, word_wrap=True))
    if q.choices:
        for i, choice in enumerate(shown.choices):
            console.print(Text.assemble((f"  {LETTERS[i]}) ", "bold cyan"), choice))
        if q.type == "multi":
            console.print("[dim]  Select all that apply (e.g. a,c).[/]")
    if q.type == "truefalse":
        console.print("[dim]  True or false?[/]")


def _answer_prompt(shown: Shown) -> str:
    q = shown.question
    hint = {"mcq": f"A-{LETTERS[len(shown.choices) - 1]}", "multi": "letters, comma-separated",
            "truefalse": "t/f", "numeric": "a number", "short": "a word or two",
            "code_output": "what it prints"}[q.type]
    unit = f" ({q.unit})" if q.type == "numeric" and q.unit else ""
    return f"[bold]›[/] [dim]{hint}{unit} · ? help[/] "


def _read_answer(shown: Shown, reader: Reader) -> str | None:
    """Read an answer; returns None for skip; raises EndSession for quit."""
    q = shown.question
    multiline = q.type == "code_output" and "\n" in q.answer[0]
    if multiline:
        console.print("[dim]  Several lines: type them one by one, then an empty line.[/]")
    while True:
        text = _read(_answer_prompt(shown), reader)
        cmd = text.strip().lower()
        if cmd == "?":
            console.print(Panel(HELP, title="help", expand=False))
            continue
        if cmd == "q":
            raise EndSession
        if cmd == "s":
            return None
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
            console.print(f"[yellow]{problem}[/]")
            continue
        return text


def render_feedback(fb: Feedback, shown: Shown) -> None:
    q = shown.question
    if fb.correct is None or q.type == "flashcard":
        title = Text(f"Rated {RATING_NAMES[int(fb.rating)]}", style="bold")
    elif fb.correct:
        title = Text("✓ Correct" + (f" ({fb.note})" if fb.note else ""), style="bold green")
    else:
        title = Text("✗ Not quite", style="bold red")
    body = Table.grid(padding=(0, 1))
    if q.type != "flashcard":
        body.add_row(Text("Answer:", style="bold"), Text(fb.expected))
    body.add_row(Text("Why:", style="bold"), Markdown(fb.explanation))
    body.add_row(Text("Next:", style="bold"),
                 Text(f"{fb.interval} ({RATING_NAMES[int(fb.rating)]})", style="dim"))
    console.print(Panel(body, title=title, title_align="left",
                        border_style="green" if fb.correct else "red" if fb.correct is False else "blue"))


def _after_feedback(session: QuizSession, shown: Shown, fb: Feedback, reader: Reader) -> str:
    """Returns 'next' or 'undo'. Raises EndSession on quit."""
    can_rerate = shown.question.type != "flashcard"
    keys = "Enter next · u undo" + (" · 1-4 change rating" if can_rerate else "") + " · q quit"
    while True:
        text = _read(f"[dim]{keys}[/] ", reader).strip().lower()
        if text == "":
            return "next"
        if text == "q":
            raise EndSession
        if text == "u":
            session.undo_last()
            console.print("[yellow]Undone: that answer is forgotten and the card is back as it was.[/]")
            return "undo"
        if text == "?":
            console.print(Panel(HELP, title="help", expand=False))
            continue
        if can_rerate and text in ("1", "2", "3", "4"):
            new = session.rerate(Rating(int(text)))
            console.print(f"[cyan]Rated {RATING_NAMES[int(text)]}: next review {new.interval}.[/]")
            return "next"
        console.print("[yellow]Press Enter for the next question, u to undo, "
                      + ("1-4 to change the rating, " if can_rerate else "") + "or q to quit.[/]")


def _flashcard(session: QuizSession, shown: Shown, reader: Reader, started: float) -> Feedback | None:
    while True:
        text = _read("[dim]Enter to reveal the answer · s skip · q quit[/] ", reader).strip().lower()
        if text == "q":
            raise EndSession
        if text == "s":
            return None
        if text == "?":
            console.print(Panel(HELP, title="help", expand=False))
            continue
        break
    console.print(Panel(Markdown(str(shown.question.answer)), title="Answer", title_align="left",
                        border_style="blue"))
    while True:
        text = _read("[bold]How well did you know it?[/] [dim]1 Again · 2 Hard · 3 Good · 4 Easy[/] ",
                     reader).strip().lower()
        if text in ("1", "2", "3", "4"):
            return session.self_rate(shown, Rating(int(text)), time.monotonic() - started)
        if text == "q":
            raise EndSession
        console.print("[yellow]Type 1, 2, 3 or 4.[/]")


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
            shown = session.show(q)
            render_question(shown, i + 1, len(questions), q.id not in known and q.id not in requeued)
            started = time.monotonic()
            if q.type == "flashcard":
                fb = _flashcard(session, shown, reader, started)
            else:
                text = _read_answer(shown, reader)
                fb = None if text is None else session.answer(shown, text, time.monotonic() - started)
            if fb is None:
                session.skip()
                console.print("[dim]Skipped.[/]")
                i += 1
                continue
            render_feedback(fb, shown)
            if _after_feedback(session, shown, fb, reader) == "undo":
                continue  # ask the same question again
            last = session.answered[-1] if session.answered else None
            if last is not None and last.question.id == q.id and last.rating == Rating.Again \
                    and q.id not in requeued and _room_for_another_look(session, questions[i + 1:], known, seen_cap):
                requeued.add(q.id)
                questions.append(q)
                console.print("[dim]It comes back once more at the end of this session.[/]")
            i += 1
    except EndSession:
        session.stopped = True
        console.print("\n[dim]Session ended. Everything you answered is saved.[/]")
    summary = session.finish()
    render_summary(summary)
    return summary


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
    console.print(f"Score [bold]{s.correct}/{s.answered}[/] ({pct}) · time {mins}m {secs:02d}s"
                  + (f" · skipped {s.skipped}" if s.skipped else ""))
    if s.per_section:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("section")
        table.add_column("right", justify="right")
        for title, n, c in s.per_section.values():
            table.add_row(escape(title), f"{c}/{n}")
        console.print(table)
    console.print(f"Due by the end of tomorrow: [bold]{s.due_tomorrow}[/]")


def render_remaining(s: Summary, plan) -> None:
    """After a session: how many due reviews still wait, and the daily cap."""
    if not s.due_now:
        return
    msg = f"[bold]{s.due_now}[/] due question{'s remain' if s.due_now != 1 else ' remains'}"
    if plan.max_reviews is not None:
        left = max(0, plan.max_reviews - plan.reviews_today - s.reviews_of_seen)
        msg += f"; today's review cap ({plan.max_reviews}, --max-reviews) leaves {left} more for today"
        if left == 0:
            msg += ", the rest come back tomorrow, most-forgotten first"
    console.print(msg + ".")


def render_nothing(store, bank, filters, plan, now, *, leeches: bool, pacing, new_given: bool) -> None:
    """Why there is nothing to ask, and when there will be."""
    from mlprep import clock
    from mlprep.srs.scheduler import describe_interval

    tz = clock.user_zone(store.get_setting("timezone"))
    if leeches:
        console.print("[green]No leeches:[/] no question" + (" matching these filters" if filters.sections or
                      filters.tags or filters.difficulty else "") + " has been forgotten 8 times or more.")
        return
    if plan.capped:
        console.print(f"[green]Today's review cap is reached[/] ({plan.max_reviews} reviews, --max-reviews). "
                      f"{plan.due_total} due questions wait for tomorrow, most-forgotten first; raise "
                      "[bold]--max-reviews[/] to go on today.")
        return
    if pacing is not None and not new_given and pacing.unseen and pacing.remaining_today == 0:
        console.print(f"[green]Today's plan is done:[/] {pacing.quota} new questions a day until your interview "
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
            if opening.backup is not None:
                console.print(f"[dim]Write it again from memory: the file is the starter again; your previous "
                              f"solution is in {opening.backup}.[/]")
            console.print(f"Your file: [bold]{path}[/]\n[dim]Edit it, then press Enter to grade (s to skip, q to "
                          "stop).[/]")
            while True:
                choice = _read("grade> ", reader).strip().lower()
                if choice in ("q", "quit"):
                    raise EndSession
                if choice in ("s", "skip"):
                    break
                outcome = sitting.grade_attempt(store, d, path)
                cli_drill.render_verdict(outcome.verdict, outcome.hint)
                cli_drill.render_schedule(outcome.review)
                if outcome.verdict.ok:
                    break
                if outcome.verdict.graded and outcome.verdict.kind != "not_implemented":
                    cli_drill.render_related(d, bank, store)
                console.print("[dim]Fix it and press Enter to grade again (s to skip, q to stop).[/]")
    except EndSession:
        console.print("[dim]Stopped. Drill attempts so far are saved.[/]")
