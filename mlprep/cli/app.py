"""The `mlprep` command: parses arguments, calls the library, renders with Rich.

No logic lives here beyond wiring and presentation; heavy modules are imported inside the
commands that need them so that `mlprep --help` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
import typer.core

from mlprep.cli import console as ui
from mlprep.errors import InvalidValue, MlprepError


class _Group(typer.core.TyperGroup):
    """Root command group: turns every MlprepError into one clean message and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MlprepError as exc:
            ui.err_console.print(f"[bold red]Error:[/] {_escape(describe_error(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="mlprep",
    cls=_Group,
    help="Get ready for machine-learning interviews: spaced-repetition quizzes, graded NumPy drills, progress.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: keeps `mlprep --help` from loading Rich
    pretty_exceptions_enable=False,
)
content_app = typer.Typer(help="Inspect and validate question banks.", no_args_is_help=True)
app.add_typer(content_app, name="content")
config_app = typer.Typer(help="Show or change settings (desired retention...).", no_args_is_help=True)
app.add_typer(config_app, name="config")

from mlprep.rules import DRILL_PREFIX, LEECH_LAPSES, MAX_REVIEWS_PER_DAY, NEW_PER_SESSION, SESSION_LIMIT  # noqa: E402

BankOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--bank", help="Extra bank file or folder (repeatable); loaded with the built-in banks."),
]


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


# The flag each library parameter is set with, and the command that lists its valid values.
FLAGS = {"section": "--section", "tag": "--tag", "difficulty": "--difficulty", "minutes": "--minutes",
         "bank": "--bank"}
LISTINGS = {"tags": "mlprep content tags", "sections": "mlprep content list"}


def describe_error(exc: MlprepError) -> str:
    """The one-paragraph message for a library error, in the CLI's words."""
    if isinstance(exc, InvalidValue):
        text = exc.describe(FLAGS.get(exc.param, exc.param))
        if exc.see and not exc.suggestions and exc.see in LISTINGS:
            text += f" See `{LISTINGS[exc.see]}`."
        return text
    return str(exc)


def fail(message: str, code: int = 1) -> typer.Exit:
    ui.err_console.print(f"[bold red]Error:[/] {_escape(message)}", soft_wrap=True)
    return typer.Exit(code)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context,
          version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False) -> None:
    """Get ready for machine-learning interviews: quizzes, drills, progress."""
    if version:
        from mlprep import __version__

        ui.console.print(f"mlprep {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


# ---------------------------------------------------------------- quiz

@app.command()
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
    from mlprep.questions import bank as banklib
    from mlprep.quiz import session as quizlib
    from mlprep.srs import plan as planlib
    from mlprep.srs.scheduler import scheduler_for
    from mlprep.store.db import Store, utcnow

    if weak and leeches:
        raise fail("--weak and --leeches choose questions in different ways; use one of them.")
    loaded = banklib.load_bank(bank or [])
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

@app.command()
def drill(
    slug: Annotated[Optional[str], typer.Argument(help="Drill name, e.g. knn. Omit to list all drills.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Grade now; exit 0 if every test passes, 1 if not.")] = False,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Grade this file instead of the workspace file.")] = None,
    directory: Annotated[Optional[Path], typer.Option("--dir", help="Workspace folder for drill files (default ~/mlprep/drills or $MLPREP_WORKSPACE).")] = None,
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Regrade every time the file is saved, until Ctrl-C.")] = False,
    hint: Annotated[bool, typer.Option("--hint", help="Show the next hint.")] = False,
    solution: Annotated[bool, typer.Option("--solution", help="Show the reference solution (after a graded attempt).")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --solution: show it even before any attempt.")] = False,
    reset: Annotated[bool, typer.Option("--reset", help="Restore the starter file (the old one is kept as .bak).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (with --reset).")] = False,
    edit: Annotated[bool, typer.Option("--edit", "-e", help="Open the file in $EDITOR first.")] = False,
) -> None:
    """Implement an ML algorithm in NumPy and get it graded by a hidden test suite."""
    from mlprep.cli import drill as cli_drill
    from mlprep.drills import catalogue as drilllib
    from mlprep.drills import sitting
    from mlprep.store.db import Store

    drills_found, drill_problems = drilllib.check_drills()
    all_drills = dict(sorted(drills_found.items(), key=lambda kv: (kv[1].order, kv[0])))
    if drill_problems:
        broken = sorted({p.where.split(":")[0] for p in drill_problems})
        if slug in broken:
            raise fail(f"the drill {slug!r} has problems: " + "; ".join(str(p) for p in drill_problems
                                                                         if p.where.split(":")[0] == slug))
        ui.err_console.print(f"[yellow]Skipping {len(broken)} drill(s) with problems ({', '.join(broken)}); "
                             "`mlprep content lint` shows why.[/]")
    if slug is None:
        from mlprep.questions import bank as banklib

        titles = {s.id: s.title for s in banklib.load_bank().sections.values()}
        with Store() as store:
            due = {i.removeprefix(DRILL_PREFIX): d for i, d in store.due_times("drill").items()}
            cli_drill.render_list(all_drills, store.drill_summary(), titles, due)
        return
    d = drilllib.find_drill(slug, all_drills)
    target = file.expanduser() if file else drilllib.workspace_file(d, directory)
    with Store() as store:
        if hint:
            _show_hint(store, d)
            return
        if solution:
            if not force and not store.attempts(d.slug):
                raise fail(f"grade an attempt first (mlprep drill {d.slug} --check), or add --force to see "
                           "the reference solution now.")
            cli_drill.render_solution(d)
            return
        if reset:
            if not yes and not typer.confirm(f"Replace {target} with the starter file?", default=False):
                ui.console.print("Nothing changed.")
                return
            backup = drilllib.reset(d, target)
            ui.console.print(f"Restored the starter in {target}" + (f" (old file kept as {backup})" if backup else "") + ".")
            return
        if file is not None and not target.is_file():
            raise fail(f"--file {target}: no such file.")
        opening = sitting.open_task(store, d, file=target if file is not None else None, directory=directory,
                                    restore_if_due=not (check or watch))
        target, created = opening.path, opening.created
        if opening.reason == "due":
            ui.console.print(f"[bold magenta]{d.slug} is due for review:[/] write it again from memory. {target} "
                             f"is the starter again; your previous solution is in {opening.backup}.", soft_wrap=True)
        if edit:
            _open_editor(target)
        if watch:
            _watch(store, d, target)
            return
        if check:
            verdict = _grade_and_record(store, d, target)
            raise typer.Exit(0 if verdict.ok else 1)
        cli_drill.render_task(d)
        if opening.clock_started:
            verb = "Created" if created else "Your file"
            ui.console.print(f"{verb}: [bold]{target}[/]\nEdit it, then run [bold]mlprep drill {d.slug} --check[/] "
                             f"(or [bold]--watch[/] to regrade on every save; [bold]--hint[/] for a hint).")
            return
        # Showing a task never grades: only --check (and --watch saves) are attempts.
        ui.console.print(f"Your file: [bold]{target}[/]\nRun [bold]mlprep drill {d.slug} --check[/] to grade it "
                         "([bold]--watch[/] regrades on every save; [bold]--hint[/] for a hint).")


def _show_hint(store, d) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    from mlprep.drills import sitting

    hint = sitting.next_hint(store, d)
    if hint is None:
        ui.console.print("This drill has no hints.")
        return
    if not hint.new:
        ui.console.print(f"[dim]That was the last hint ({hint.of} of {hint.of}). All hints:[/]")
        for i, h in enumerate(d.hints, 1):
            ui.console.print(Panel(Markdown(h), title=f"Hint {i}/{len(d.hints)}", title_align="left"))
        return
    ui.console.print(Panel(Markdown(hint.text), title=f"Hint {hint.number}/{hint.of}", title_align="left",
                           border_style="yellow"))


def _grade_and_record(store, d, target: Path):
    from datetime import datetime

    from mlprep.cli import drill as cli_drill
    from mlprep.drills import sitting

    outcome = sitting.grade_attempt(store, d, target)
    solved_after = None
    if outcome.solved_after is not None:
        from mlprep.srs.scheduler import describe_interval

        first = outcome.solved_after
        solved_after = describe_interval(datetime.now(first.tzinfo), first).replace("in ", "", 1)
    cli_drill.render_verdict(outcome.verdict, outcome.hint, solved_after)
    cli_drill.render_schedule(outcome.review)
    if not outcome.verdict.ok and outcome.verdict.kind != "not_implemented":
        from mlprep.questions import bank as banklib

        cli_drill.render_related(d, banklib.load_bank(), store)
    return outcome.verdict


def _open_editor(target: Path) -> None:
    import os
    import shlex
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise fail("--edit: set $EDITOR (for example `export EDITOR=nano`) or open the file yourself: "
                   f"{target}")
    try:
        subprocess.call([*shlex.split(editor), str(target)])
    except OSError as exc:
        raise fail(f"--edit: could not start {editor!r}: {exc}") from None


def _watch(store, d, target: Path) -> None:
    import time

    ui.console.print(f"Watching [bold]{target}[/]: save the file to regrade; Ctrl-C to stop.")
    last = None
    try:
        while True:
            try:
                stamp = target.stat().st_mtime_ns
            except OSError:
                stamp = None
            if stamp is not None and stamp != last:
                last = stamp
                ui.console.rule(f"[dim]{time.strftime('%H:%M:%S')}[/]", align="left")
                verdict = _grade_and_record(store, d, target)
                if verdict.ok:
                    ui.console.print("[dim]Keep editing to improve it, or Ctrl-C to stop.[/]")
            time.sleep(0.5)
    except KeyboardInterrupt:
        ui.console.print("\nStopped watching.")


# ---------------------------------------------------------------- where / config

SETTINGS = {
    "desired_retention": ("0.9", "Target probability of recalling a card when it comes due (0.70-0.99)."),
    "timezone": ("", "IANA time zone for days and streaks, e.g. Europe/Paris (empty: the system's)."),
}


@app.command()
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

@content_app.command("lint")
def content_lint(
    paths_: Annotated[Optional[list[Path]], typer.Argument(
        metavar="[PATHS]...", help="Bank files, drill folders, or folders of them (default: everything built in, "
                                   "plus your banks).")] = None,
) -> None:
    """Validate question banks and drills; report every problem (exit 1 if any)."""
    from mlprep.drills import catalogue as drilllib
    from mlprep.questions import bank as banklib

    bank_paths: list[Path] = []
    drill_dirs: list[Path] = []
    if paths_:
        for p in paths_:
            if not p.exists():
                raise fail(f"{p}: no such file or folder.")
            if p.is_dir() and (p / "drill.yaml").exists():
                drill_dirs.append(p)
            elif p.is_dir() and drilllib.drill_folders(p):
                drill_dirs += drilllib.drill_folders(p)
            else:
                bank_paths.append(p)
        files = banklib.bank_files(bank_paths, builtin=False, user=False) if bank_paths else []
    else:
        files = banklib.bank_files()
        drill_dirs = drilllib.drill_folders()
    loaded, bank_problems = banklib.check_files(files, use_cache=False)
    problems: list = list(bank_problems)
    n_drills = 0
    for folder in drill_dirs:
        drill, probs = drilllib.load_drill(folder)
        problems += probs
        n_drills += drill is not None and not probs
    for p in problems:
        ui.console.print(str(p), soft_wrap=True, markup=False)
    what = f"{len(files)} bank file(s)" + (f" and {len(drill_dirs)} drill(s)" if drill_dirs else "")
    if problems:
        ui.err_console.print(f"[bold red]{len(problems)} problem(s)[/] in {what}.")
        raise typer.Exit(1)
    ui.console.print(f"[green]✓[/] {what}: {len(loaded.questions)} questions"
                     + (f", {n_drills} drills" if drill_dirs else "") + ", no problems.")


@content_app.command("tags")
def content_tags(
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="Only these sections (repeatable).")] = None,
    bank: BankOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """List the tags of every section with how many questions carry each (for quiz --tag)."""
    from mlprep.questions import bank as banklib
    from mlprep.quiz.session import Filters

    loaded = banklib.load_bank(bank or [])
    Filters(sections=section or ()).validate(loaded)
    table = banklib.tag_counts(loaded, tuple(section or ()))
    if as_json:
        print(json.dumps({"sections": table}, indent=2))
        return
    from rich.text import Text

    width = max(20, ui.console.width - 1)
    for sid, counts in table.items():
        ui.console.print(Text(f"{sid} ({len(counts)} tags)", style="bold"))
        line = " "
        for unit in (f"{t} {n}" for t, n in counts.items()):  # a tag and its count never split
            if len(line) + len(unit) + 3 > width and line.strip():
                ui.console.print(Text(line.rstrip(" ·")), no_wrap=True, overflow="ignore", crop=False)
                line = " "
            line += f" {unit} ·"
        ui.console.print(Text(line.rstrip(" ·")), no_wrap=True, overflow="ignore", crop=False)
    ui.console.print(Text("Practise one with: mlprep quiz --tag TAG", style="dim"))


@content_app.command("list")
def content_list(
    bank: BankOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show sections with question counts by type and difficulty."""
    from mlprep.questions import bank as banklib
    from mlprep.questions.model import TYPES

    loaded = banklib.load_bank(bank or [])
    rows: list[dict[str, Any]] = []
    for sec in loaded.sections.values():
        qs = loaded.in_section(sec.id)
        rows.append({
            "id": sec.id, "title": sec.title, "questions": len(qs),
            "by_type": {t: sum(q.type == t for q in qs) for t in TYPES},
            "by_difficulty": {str(d): sum(q.difficulty == d for q in qs) for d in (1, 2, 3)},
            "parametric": sum(q.parametric for q in qs),
        })
    if as_json:
        print(json.dumps({"sections": rows, "total": len(loaded.questions)}, indent=2))
        return
    from rich.table import Table

    short = {"mcq": "mcq", "multi": "mul", "truefalse": "t/f", "numeric": "num", "short": "txt",
             "flashcard": "card", "code_output": "code"}
    from rich import box

    table = Table(title=f"{len(loaded.questions)} questions in {len(rows)} sections", title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, collapse_padding=True)
    table.add_column("section", no_wrap=True)
    if ui.console.width >= 120:
        table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=40)
    table.add_column("all", justify="right", no_wrap=True)
    for t in TYPES:
        table.add_column(short[t], justify="right", no_wrap=True)
    table.add_column("d1/d2/d3", justify="right", no_wrap=True)
    table.add_column("par", justify="right", no_wrap=True)
    for r in rows:
        d = r["by_difficulty"]
        title = [r["title"]] if ui.console.width >= 120 else []
        table.add_row(r["id"], *title, str(r["questions"]), *(str(r["by_type"][t]) for t in TYPES),
                      f"{d['1']}/{d['2']}/{d['3']}", str(r["parametric"]))
    table.add_section()
    tot = {t: sum(r["by_type"][t] for r in rows) for t in TYPES}
    dsum = [sum(r["by_difficulty"][k] for r in rows) for k in ("1", "2", "3")]
    table.add_row("total", *([""] if ui.console.width >= 120 else []), str(len(loaded.questions)),
                  *(str(tot[t]) for t in TYPES), "/".join(map(str, dsum)), str(sum(r["parametric"] for r in rows)))
    ui.console.print(table)


# ---------------------------------------------------------------- progress, plan, mock
# Their rendering modules (cli_progress, cli_mock) are large; they are imported when a command runs.

SectionOpt = Annotated[Optional[list[str]], typer.Option("--section", "-s", help="Only this section id (repeatable).")]


@app.command()
def stats(
    section: SectionOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (keys: docs/stats-json.md).")] = False,
) -> None:
    """Your progress: today, streaks, sections, weakest tags, forecast, activity, drills."""
    from mlprep.cli import progress as cli_progress

    cli_progress.show_stats(section, as_json)


@app.command()
def today() -> None:
    """What is due today: questions and drills, the streak, the interview plan's quota."""
    from mlprep.cli import progress as cli_progress

    cli_progress.show_today()


@app.command()
def plan(
    interview: Annotated[Optional[str], typer.Option("--interview", metavar="YYYY-MM-DD", help="Interview date: caps intervals and paces new questions until then.", show_default=False)] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Forget the interview date.")] = False,
) -> None:
    """Plan for an interview date, or show the current plan."""
    from mlprep.cli import progress as cli_progress

    cli_progress.run_plan(interview, clear)


@app.command()
def mock(
    minutes: Annotated[int, typer.Option("--minutes", "-m", min=1, help="Length of the mock in minutes.")] = 30,
    drill: Annotated[bool, typer.Option("--drill", help="Include one drill: a due one, else one not yet passed from your weakest section.")] = False,
    drill_name: Annotated[Optional[str], typer.Option("--drill-name", metavar="NAME", help="Include this drill, e.g. knn.")] = None,
    section: SectionOpt = None,
    seed: Annotated[Optional[int], typer.Option("--seed", help="Seed for the choice of questions (reproducible mocks).")] = None,
    history: Annotated[bool, typer.Option("--history", help="Show your past mocks instead.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --history: print JSON.")] = False,
    bank: BankOpt = None,
) -> None:
    """Take a timed mock interview: questions from every section, weighted toward your weak ones, no
    feedback until the end, then a report. Answers count as reviews."""
    from mlprep.cli import mock as cli_mock

    cli_mock.run(minutes, drill, drill_name, section or [], seed, history, as_json, bank or [])


# ---------------------------------------------------------------- commands defined in their own modules
# Each module only imports typer at the top (heavy imports live inside the commands) and adds its
# commands with `register(app)`.
from mlprep.cli import data as cli_data  # noqa: E402
from mlprep.cli import report as cli_report  # noqa: E402

for _module in (cli_report, cli_data):
    _module.register(app)


def main() -> None:
    """Entry point of the `mlprep` console script."""
    app()
