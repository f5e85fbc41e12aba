"""`mlprep mock`: a timed mock interview, and `mlprep mock --history`.

Presentation only: choosing, checking, storing and the report live in `mlprep.quiz.mock`; the command's
options are declared in `cli.py`, which imports this module only when the command runs.

The clock: one clock, the time left, drawn where it overwrites nothing: in each question's header and
in the answer prompt under it (the same value: the header's time is what the first prompt shows; a
prompt shown again, after `?` or an answer that is not valid, shows the time then). Nothing is drawn
asynchronously, so no copy of it is left in the scrollback and no text under the cursor is touched.
When the time is up while an answer is being typed, a daemon thread sends SIGINT to the main thread (a
real signal, so a blocking `input()` returns at once; `_thread.interrupt_main()` alone only raises at
the next bytecode, i.e. after the user presses Enter) and the loop treats that interrupt as "time's up"
because the countdown's `expired` flag is set; a Ctrl-C typed by the user leaves it unset and ends
the mock early. Either way everything answered so far is kept, and the answer in progress is not
counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MOCK_HELP = """\
[bold]Mock interview[/]: answer as in an interview; nothing is marked until the end.
  mcq a letter (b) · multi letters (a,c) · true/false t or f
  numeric 0.75, 3/4, 75% · short a word or two
  code: what it prints (several lines: end with an empty line)
  [cyan]s[/] skip this question · [cyan]q[/] stop now (Ctrl-C too); what you answered is kept\
"""


class TimeUp(Exception):
    """The mock's time ran out (not a KeyboardInterrupt, so the quiz reader does not swallow it)."""


class Countdown:
    """Knows whether the time is up; on a terminal, interrupts an input still pending at the deadline.

    `shown` is the clock text of the question header just drawn: the next prompt repeats it, so the
    header and the prompt under it never disagree."""

    def __init__(self, session: Any, live: bool):
        import threading

        self.session = session
        self.live = live
        self.expired = False
        self.armed = False  # True while the main thread waits for a line of input
        self.shown: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        import threading

        if self.live:
            self._thread = threading.Thread(target=self._run, name="mlprep-mock-countdown", daemon=True)
            self._thread.start()

    def check(self) -> bool:
        if not self.expired and self.session.expired():
            self.expired = True
        return self.expired

    def stamp(self) -> str:
        """The time left as the header shows it; the next prompt shows the same text."""
        self.shown = clock_text(self.session.time_left())
        return self.shown

    def prompt_clock(self) -> str:
        shown, self.shown = self.shown, None
        return shown or clock_text(self.session.time_left())

    def _run(self) -> None:
        while True:
            left = self.session.time_left()
            if left <= 0:
                self.expired = True
                if self.armed:
                    self._interrupt()
                return
            if self._stop.wait(min(1.0, left)):
                return

    @staticmethod
    def _interrupt() -> None:
        import signal
        import threading

        try:
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # type: ignore[arg-type]
        except (AttributeError, ValueError, OSError):  # no pthread_kill (Windows)
            import _thread

            _thread.interrupt_main()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)


def clock_text(seconds: float) -> str:
    import math

    s = max(0, math.ceil(seconds))
    return f"{s // 60:02d}:{s % 60:02d}"


def _timed_reader(countdown: Countdown, base: Any) -> Any:
    """A reader that raises TimeUp when the time has run out (before or during the read)."""

    def read(prompt: str) -> str:
        while True:
            if countdown.check():
                raise TimeUp
            countdown.armed = True
            try:
                text = base(f"[bold]⏱ {countdown.prompt_clock()}[/] {prompt}")
            except KeyboardInterrupt:
                countdown.armed = False
                if countdown.expired:
                    raise TimeUp from None
                raise
            countdown.armed = False
            if text.strip() == "?":
                from mlprep.cli.quiz import show_help

                show_help(MOCK_HELP)
                continue
            return text

    return read


def _render_question(shown: Any, index: int, total: int, is_new: bool, left: str) -> None:
    """The quiz's question view, with the time left (`left`, as `clock_text` words it) in its header."""
    import dataclasses

    from mlprep.cli.quiz import render_question

    q = shown.question
    # render_question prints the section title in the header; the time left goes first, so a long
    # title that gets cut never hides it.
    labelled = dataclasses.replace(q, section_title=f"⏱ {left} left  ·  {q.section_title}")
    render_question(dataclasses.replace(shown, question=labelled), index, total, is_new)


def _run_drill(session: Any, drill: Any, reader: Any) -> None:
    from mlprep.cli import console as ui
    from mlprep.cli import drill as cli_drill
    from mlprep.cli.common import _escape as escape

    ui.console.rule(f"[bold]Drill[/] · ⏱ {clock_text(session.time_left())} left", align="left", style="dim")
    cli_drill.render_task(drill)
    opening = session.start_drill(drill)  # an interview starts from a blank page
    path = opening.path
    if opening.backup is not None:
        ui.console.print(f"[dim]Starting from the starter: your earlier file is kept as "
                         f"{escape(str(opening.backup))}.[/]")
    ui.console.print(f"{'Created' if opening.created or opening.backup else 'Your file'}: [bold]{escape(str(path))}[/]")
    ui.console.print("Edit it in your editor, save, then press [bold]Enter[/] here to hand it in "
                     "(graded once; the result comes at the end). [cyan]s[/] skips the drill.")
    warned = False
    while True:
        if _hand_in(session, drill, path, reader, warned):
            return
        warned = True


def _hand_in(session: Any, drill: Any, path: Any, reader: Any, warned: bool) -> bool:
    """Read one hand-in (Enter), skip (s) or stop (q) and act on it: True when the drill is done with
    (graded or skipped), False when the grading run itself broke (nothing was recorded: hand it in again)."""
    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape
    from mlprep.cli.quiz import EndSession, _read
    from mlprep.drills import catalogue as drilllib

    while True:
        text = _read("[bold]›[/] [dim]Enter hand in · s skip · q stop[/] ", reader).strip().lower()
        if text == "s":
            session.skip_drill()
            ui.console.print("[dim]Drill skipped.[/]")
            return True
        if text == "q":
            raise EndSession
        if text:
            ui.console.print("[yellow]Press Enter to hand in your file, s to skip the drill, or q to stop.[/]")
            continue
        if not warned and not drilllib.differs_from_starter(drill, path):
            warned = True
            ui.console.print(f"[yellow]{escape(str(path))} is still the starter file. Edit it first, or press Enter "
                             "again to hand it in as it is.[/]")
            continue
        break
    ui.console.print("[dim]Grading…[/]")
    outcome = session.grade_drill(path)
    if not outcome.verdict.graded:  # not a verdict on the code: say so now, and let it be handed in again
        ui.console.print(f"[yellow]{escape(outcome.verdict.headline)}[/]")
        ui.console.print("Press [bold]Enter[/] to hand it in again, [cyan]s[/] to skip the drill.")
        return False
    ui.console.print("[dim]Handed in. You will see the result at the end.[/]")
    return True


def _run(session: Any, known: set[str], countdown: Countdown) -> str:
    """Drill first (if any), then the questions; returns how the mock ended: time | quit | done."""
    from mlprep.cli import console as ui
    from mlprep.cli import quiz as cli_quiz
    from mlprep.errors import StoreError

    reader = _timed_reader(countdown, cli_quiz.default_reader)
    questions = session.questions
    try:
        if session.drill is not None:
            _run_drill(session, session.drill, reader)
        for i, q in enumerate(questions):
            if countdown.check():
                raise TimeUp
            shown = cli_quiz.show_or_warn(session, q)
            if shown is None:
                continue
            _render_question(shown, i + 1, len(questions), q.id not in known, countdown.stamp())
            text = cli_quiz._read_answer(shown, reader)
            if text is None:
                session.skip(shown)
                ui.console.print("[dim]Skipped.[/]")
                continue
            if session.answer(shown, text) is None:
                raise TimeUp
            ui.console.print("[dim]Noted.[/]")
        return "done"
    except TimeUp:
        ui.console.print("\n[bold yellow]⏰ Time's up![/] The answer in progress is not counted.")
        return "time"
    except StoreError as exc:  # the answer could not be saved (full disk, read-only, reset elsewhere...)
        from mlprep.cli.common import _escape as escape

        ui.console.print(f"\n[bold red]That answer was not saved:[/] {escape(str(exc))}\n[dim]Mock stopped; the "
                         "answers before it are saved.[/]", soft_wrap=True)
        return "quit"
    except (cli_quiz.EndSession, KeyboardInterrupt):
        if countdown.expired:
            ui.console.print("\n[bold yellow]⏰ Time's up![/] The answer in progress is not counted.")
            return "time"
        ui.console.print("\n[dim]Mock stopped. Everything you answered is saved.[/]")
        return "quit"


# ---------------------------------------------------------------- rendering

def _mmss(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = int(round(seconds))
    return f"{s // 60}m {s % 60:02d}s" if s >= 60 else f"{s} s"


def _pct(p: float | None) -> str:
    return "—" if p is None else f"{p:.0f}%"


ENDED = {"time": "time ran out", "quit": "stopped early", "done": "all questions done"}
STATUS = {"correct": ("✓", "green"), "wrong": ("✗", "red"), "skipped": ("–", "yellow"),
          "unanswered": ("·", "dim")}


def render_report(report: dict[str, Any], outcome: Any = None) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape
    from mlprep.cli.common import markdown

    c = ui.console
    c.print()
    c.rule("[bold]Mock interview report[/]", align="left")
    used = _mmss(report["minutes_used"] * 60)
    c.print(f"Score [bold]{report['correct']}/{report['answered']}[/] ({_pct(report['percent'])}) · "
            f"time {used} of {report['minutes_planned']}m · {ENDED.get(report['ended_by'], report['ended_by'])}"
            + (f" · unanswered {report['unanswered']}" if report["unanswered"] else ""))

    if report["sections"]:
        table = Table(title="Score per section", title_justify="left", header_style="bold", box=None,
                      padding=(0, 2))
        table.add_column("section")
        table.add_column("right", justify="right")
        table.add_column("%", justify="right")
        table.add_column("asked", justify="right", style="dim")
        for row in report["sections"]:
            table.add_row(escape(row["title"]), f"{row['correct']}/{row['answered']}", _pct(row["percent"]),
                          str(row["asked"]))
        c.print(table)

    t = report["time"]
    if report["questions"]:
        slow = ", ".join(f"{escape(s['id'])} ({_mmss(s['seconds'])})" for s in t["slowest"])
        c.print(f"\n[bold]Time per question[/]: mean {_mmss(t['mean_seconds'])}"
                + (f" · slowest: {slow}" if slow else ""))
        per = Table(header_style="bold", box=None, padding=(0, 2))
        per.add_column("#", justify="right", style="dim")
        per.add_column("question", no_wrap=True)
        per.add_column("section", style="dim", overflow="fold")
        per.add_column("", width=1)
        per.add_column("time", justify="right")
        for q in report["questions"]:
            mark, style = STATUS.get(q["status"], ("?", "dim"))
            per.add_row(str(q["n"]), escape(q["id"]), escape(q["section"]), Text(mark, style=style),
                        _mmss(q["seconds"]))
        c.print(per)

    d = report.get("drill")
    if d:
        c.print()
        label = {"passed": "[green]passed[/]", "failed": "[red]not passed[/]", "skipped": "[yellow]skipped[/]",
                 "not_graded": "[yellow]not handed in[/]" + (" before the time ran out" if report["ended_by"] == "time"
                                                             else "")}.get(d["status"], d["status"])
        c.print(f"[bold]Drill[/] {escape(d['title'])} ([cyan]{escape(d['slug'])}[/]): {label}"
                + (f" · {_mmss(d['seconds'])}" if d.get("seconds") is not None else ""))
        if outcome is not None:
            from mlprep.cli import drill as cli_drill

            cli_drill.render_verdict(outcome.verdict)
            cli_drill.render_schedule(outcome.review)
        elif d.get("headline"):
            c.print(f"[dim]{escape(d['headline'])}[/]")

    if report["wrong"]:
        c.print()
        c.rule(f"[bold]Wrong answers ({len(report['wrong'])})[/]", align="left", style="dim")
        for w in report["wrong"]:
            body = Table.grid(padding=(0, 1))
            body.add_row(Text("Question:", style="bold"), markdown(w["prompt"]))
            if w.get("code"):
                from rich.syntax import Syntax

                body.add_row("", Syntax(w["code"], w.get("language") or "python", theme="ansi_dark", word_wrap=True))
            body.add_row(Text("You said:", style="bold"), Text(w["response"] or "—"))
            body.add_row(Text("Answer:", style="bold"), Text(w["expected"], style="green"))
            if w.get("note"):
                body.add_row(Text("Yours:", style="bold"), Text(w["note"], style="yellow"))
            if w.get("explanation"):
                body.add_row(Text("Why:", style="bold"), markdown(w["explanation"]))
            c.print(Panel(body, title=escape(w["id"]), title_align="left", border_style="red"))

    review = report["review"]
    commands = review_commands(review)
    if review["tags"] or commands:
        c.print()
        c.print("[bold]What to review[/]")
        if review["tags"]:
            c.print("  weakest tags in this mock: " + ", ".join(
                f"[cyan]{escape(x['tag'])}[/] ({x['missed']}/{x['asked']} missed)" for x in review["tags"]))
        for cmd in commands:
            c.print(f"  [bold]{escape(cmd)}[/]")
    elif report["answered"]:
        c.print("\n[green]No wrong answers.[/]")
    c.print("\n[dim]Saved. Your answers count as reviews. Past mocks: mlprep mock --history[/]")


def review_commands(review: dict[str, Any]) -> list[str]:
    """The commands that practise what a mock found weak (reports saved before format 2 stored them)."""
    if "commands" in review:
        return list(review["commands"])
    out = []
    if review.get("tags"):
        out.append("mlprep quiz " + " ".join(f"--tag {w['tag']}" for w in review["tags"]))
    if review.get("sections"):
        out.append("mlprep quiz " + " ".join(f"--section {s}" for s in review["sections"]))
    out += [f"mlprep drill {slug}" for slug in review.get("drills", [])]
    return out


def render_history(reports: list[dict[str, Any]], tz: Any = None) -> None:
    from datetime import datetime

    from rich.table import Table

    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    if not reports:
        ui.console.print("No mock interviews yet. Start one with [bold]mlprep mock[/].")
        return
    table = Table(title=f"{len(reports)} mock interview(s), newest first", title_justify="left",
                  header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("minutes", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("per section")
    table.add_column("drill")
    for r in reports:
        when = datetime.fromisoformat(r["started_at"]).astimezone(tz).strftime("%Y-%m-%d %H:%M")
        minutes = f"{r['minutes_used']:.0f}/{r['minutes_planned']}"
        score = f"{r['correct']}/{r['answered']} {_pct(r['percent'])}"
        per = " · ".join(f"{s['id']} {s['correct']}/{s['answered']}" for s in r["sections"])
        d = r.get("drill")
        mark = {"passed": "✓", "failed": "✗"}.get(d["status"], "–") if d else ""
        drill = f"{d['slug']} {mark}" if d else ""
        table.add_row(when, minutes, score, escape(per), escape(drill))
    ui.console.print(table)


# ---------------------------------------------------------------- the command

def run(minutes: int, drill: bool, drill_name: str | None, sections: list[str], seed: int | None,
          history: bool, as_json: bool, bank: list[Path]) -> None:
    import json
    import random
    import sys

    from mlprep.cli import console as ui
    from mlprep.cli.common import load_bank as load_bank_warned
    from mlprep.errors import MlprepError
    from mlprep.quiz import mock as mocklib
    from mlprep.store.db import Store, utcnow

    if as_json and not history:
        raise MlprepError("--json goes with --history (the mock itself is interactive): "
                          "mlprep mock --history --json")
    if history:
        from mlprep import clock

        with Store() as store:
            past = mocklib.history(store)
            tz = clock.user_zone(store.get_setting("timezone"))
        if as_json:
            from mlprep.safetext import json_safe

            print(json_safe(json.dumps(past, indent=2, ensure_ascii=False)))
        else:
            render_history(past, tz)
        return

    from mlprep.cli.common import require_input
    from mlprep.quiz.session import Filters
    from mlprep.srs.scheduler import scheduler_for

    require_input("mlprep mock", "pipe your answers into it")
    loaded = load_bank_warned(bank)
    Filters(sections=sections).validate(loaded)
    with Store() as store:
        now = utcnow()
        chosen = None
        if drill_name or drill:
            from mlprep.drills import catalogue as drilllib

            all_drills = drilllib.load_drills(strict=False)
            if drill_name:
                from mlprep.cli.common import fail
                from mlprep.errors import DrillError

                try:
                    chosen = drilllib.find_drill(drill_name, all_drills)
                except DrillError as exc:  # a usage error, as in `mlprep drill NAME`
                    raise fail(f"--drill-name: {exc}", 2) from None
            else:
                chosen = mocklib.choose_drill(store, all_drills, loaded, now, sections=sections, minutes=minutes)
                if chosen is None and sections and not any(d.section in sections for d in all_drills.values()):
                    ui.console.print(f"[dim]No drill to include: no drill in {', '.join(sections)}.[/]")
                elif chosen is None:
                    ui.console.print("[dim]No drill to include: every drill here is passed and none is due. "
                                     "Name one with --drill-name.[/]")
        plan = mocklib.plan_mock(loaded, store, now, minutes=minutes, sections=sections, seed=seed,
                                 reserve_seconds=mocklib.drill_reserve_seconds(chosen, minutes))
        if not plan.questions and chosen is None:
            raise MlprepError("no question can be asked in a mock here (flashcards are not used in mocks); "
                              "try without --section.")
        known = store.known_ids()
        session = mocklib.MockSession(store, loaded, scheduler_for(store), plan.questions, minutes,
                                      rng=random.Random(seed), seed=seed, sections=sections)
        session.drill = chosen
        _header(minutes, len(plan.questions), chosen)
        countdown = Countdown(session, live=sys.stdout.isatty())
        countdown.start()
        try:
            ended_by = _run(session, known, countdown)
        finally:
            countdown.stop()
        report = session.finish(ended_by)
        if not session.saved:
            ui.console.print("Nothing was answered, so this mock is left out of your history "
                             "(mlprep mock --history). Start another with [bold]mlprep mock[/].")
            return
        render_report(report, session.drill_outcome)
        if session.quiz.unsaved:
            from mlprep.cli.common import _escape as escape

            ui.console.print(f"[yellow]This report was not saved: {escape(session.quiz.unsaved)}[/]", soft_wrap=True)


def _header(minutes: int, n: int, drill: Any) -> None:
    from rich.panel import Panel

    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    parts = [f"[bold]{minutes} minute{'s' * (minutes != 1)}[/] · up to {n} questions from across the sections, more from your weak ones"]
    if drill is not None:
        parts.append(f"First a drill: [cyan]{escape(drill.slug)}[/] ({escape(drill.title)}); its time counts too.")
    parts.append("No feedback until the end: every answer is saved as a review and marked in the report.")
    parts.append("[cyan]s[/] skip a question · [cyan]q[/] stop early (Ctrl-C also stops and keeps what you "
                 "answered) · [cyan]?[/] help")
    parts.append("When the time runs out, the answer you are typing is not counted.")
    ui.console.print(Panel("\n".join(parts), title="Mock interview", title_align="left", border_style="cyan"))
