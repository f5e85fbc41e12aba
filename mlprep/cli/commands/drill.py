"""`mlprep drill`: the catalogue, a task, grading, hints, the solution, --watch (one sitting service).

Exit status (see README, Drill): 0 every test passed, 1 some failed (or another error), 2 a usage
error (unknown drill, --file that does not exist, a bad option), 3 the grader could not run (the
grading run broke, or the drill itself has problems): nothing was recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import _escape, confirm, fail
from mlprep.cli.common import load_bank as load_bank_warned
from mlprep.rules import DRILL_PREFIX, WATCH_POLL_SECONDS

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_GRADED = 0, 1, 2, 3
ACTIONS = ("--check", "--watch", "--hint", "--solution", "--reset")  # what `mlprep drill NAME` does: one at a time


def drill(
    slug: Annotated[Optional[str], typer.Argument(metavar="NAME", help="Drill name, e.g. knn. Omit to list all drills.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Grade now; exit 0 if every test passes, 1 if not, 3 if the grader could not run.")] = False,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", metavar="FILE", help="Use this file instead of the workspace file (--check, --watch, --run).")] = None,
    directory: Annotated[Optional[Path], typer.Option("--dir", metavar="FOLDER", help="Workspace folder for drill files (default ~/mlprep/drills or $MLPREP_WORKSPACE).")] = None,
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Regrade every time the file is saved, until Ctrl-C.")] = False,
    hint: Annotated[bool, typer.Option("--hint", help="Show the next hint.")] = False,
    solution: Annotated[bool, typer.Option("--solution", help="Show the reference solution (after a graded attempt).")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --solution: show it even before any attempt.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="With --solution: show how your file differs from the reference solution.")] = False,
    reset: Annotated[bool, typer.Option("--reset", help="Restore the starter file (the old one is kept as .bak).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (with --reset).")] = False,
    edit: Annotated[bool, typer.Option("--edit", "-e", help="Open the file in $EDITOR first.")] = False,
    run: Annotated[bool, typer.Option("--run", help="Run your file on the task's example beside the reference; not graded.")] = False,
    run_input: Annotated[Optional[str], typer.Option("--input", metavar="ARGS", help='With --run: your own arguments, e.g. "X=np.array([[1, 2], [3, 4]]), k=2" (np is NumPy).', show_default=False)] = None,
    section: Annotated[Optional[list[str]], typer.Option("--section", "-s", metavar="SECTION", help="List only the drills of this section (repeatable).")] = None,
    status: Annotated[Optional[str], typer.Option("--status", metavar="todo|passed|due", help="List only the drills not passed yet (todo), passed, or due for review now.", show_default=False)] = None,
) -> None:
    """Implement an ML algorithm in NumPy and get it graded by a hidden test suite."""
    from mlprep.cli import drill as cli_drill
    from mlprep.drills import catalogue as drilllib
    from mlprep.drills import sitting
    from mlprep.store.db import Store, utcnow

    chosen = dict(zip(ACTIONS, (check, watch, hint, solution, reset)))
    _check_usage(slug, {**chosen, "--solution": solution or diff, "--file": file is not None, "--edit": edit},
                 force=force, yes=yes)
    drills_found, drill_problems = drilllib.check_drills()
    all_drills = dict(sorted(drills_found.items(), key=lambda kv: (kv[1].order, kv[0])))
    if drill_problems:
        broken = sorted({p.where.split(":")[0] for p in drill_problems})
        if slug in broken:
            raise fail(f"the drill {slug!r} has problems: " + "; ".join(str(p) for p in drill_problems
                                                                         if p.where.split(":")[0] == slug),
                       EXIT_NOT_GRADED)
        ui.err_console.print(f"[yellow]Skipping {len(broken)} drill(s) with problems ({_escape(', '.join(broken))}); "
                             "`mlprep content lint` shows why.[/]")
    if slug is not None and (section or status):
        raise fail("--section and --status choose what `mlprep drill` lists; give them without a drill name.", EXIT_USAGE)
    if status is not None and status not in cli_drill.STATUSES:
        raise fail(f"--status {status!r}: use one of {', '.join(cli_drill.STATUSES)}.", EXIT_USAGE)
    if slug is None:

        titles = {s.id: s.title for s in load_bank_warned().sections.values()}
        known = list(dict.fromkeys([*titles, *(d.section for d in all_drills.values())]))
        for sec in section or []:
            if sec not in known:
                raise fail(f"--section {sec!r}: no such section. Sections: {', '.join(known)}.", EXIT_USAGE)
        with Store() as store:
            hidden = store.hidden_ids(utcnow())  # suspended or buried drills are not listed as due
            due = {i.removeprefix(DRILL_PREFIX): d for i, d in store.due_times("drill").items() if i not in hidden}
            cli_drill.render_list(all_drills, store.drill_summary(), titles, due, sections=section or None,
                                  only=status)
        return
    if slug == "next":
        given = [name for name, on in {**chosen, "--file": file is not None,
                                       "--run": run or run_input is not None}.items() if on]
        choice = _next_choice(all_drills)
        if given:
            example = choice.drill.slug if choice is not None else "knn"
            raise fail(f"`mlprep drill next` picks a drill and opens it; {given[0]} needs the drill's name: "
                       f"`mlprep drill {example} {given[0]}`.", EXIT_USAGE)
        if choice is None:
            return
        from mlprep.cli.common import _escape as escape

        ui.console.print(f"[bold]Next: {escape(choice.drill.slug)}[/] ({escape(choice.drill.title)}) — "
                         f"{escape(choice.why)}.")
        slug = choice.drill.slug
    from mlprep.errors import DrillError

    try:
        d = drilllib.find_drill(slug, all_drills)
    except DrillError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    target = file.expanduser() if file else drilllib.workspace_file(d, directory)
    if run or run_input is not None:
        others = [name for name, on in chosen.items() if on]
        if others:
            raise fail(f"--run only runs your file; use {others[0]} on its own.", EXIT_USAGE)
        _run(d, target, run_input)
        return
    with Store() as store:
        if hint:
            _show_hint(store, d)
            return
        if solution or diff:
            if not force and not store.attempts(d.slug):
                raise fail(f"grade an attempt first (mlprep drill {d.slug} --check), or add --force to see "
                           "the reference solution now.")
            if diff:
                if not target.is_file():
                    raise fail(f"--diff: {target} does not exist; start the drill with `mlprep drill {d.slug}`.")
                cli_drill.render_diff(d, target, drilllib.solution_diff(d, target))
            else:
                cli_drill.render_solution(d)
            return
        if reset:
            if not yes and not confirm(f"Replace {target} with the starter file?", f"mlprep drill {d.slug} --reset"):
                ui.console.print("Nothing changed.")
                return
            backup = drilllib.reset(d, target)
            ui.console.print(f"Restored the starter in {target}" + (f" (old file kept as {backup})" if backup else "") + ".")
            return
        if file is not None and not target.is_file():
            raise fail(f"--file {target}: no such file.", EXIT_USAGE)
        opening = sitting.open_task(store, d, file=target if file is not None else None, directory=directory,
                                    restore_if_due=not (check or watch))
        target, created = opening.path, opening.created
        due_notice = None
        if opening.reason == "due":
            backup = opening.backup

            def due_notice() -> None:
                ui.console.print(f"[bold magenta]{d.slug} is due for review:[/] write it again from memory. Your "
                                 "file is the starter again; your previous solution is kept in")
                ui.console.print(f"  {_escape(str(backup))}", soft_wrap=True)  # a path is never folded

            if check or watch:
                due_notice()
        if edit:
            _open_editor(target)
        if watch:
            _watch(store, d, target)
            return
        if check:
            verdict = _grade_and_record(store, d, target)
            raise typer.Exit(EXIT_PASSED if verdict.ok else EXIT_FAILED if verdict.graded else EXIT_NOT_GRADED)
        cli_drill.render_task(d)
        own_note = store.card_mark(DRILL_PREFIX + d.slug)
        if own_note is not None and own_note["note"]:
            ui.console.print(f"[bold]Your note:[/] [italic]{_escape(own_note['note'])}[/]", soft_wrap=True)
        if opening.clock_started:
            verb = "Created" if created else "Your file"
            ui.console.print(f"{verb}: [bold]{_escape(str(target))}[/]", soft_wrap=True)  # a path is never folded
            ui.console.print(f"Edit it, then run [bold]mlprep drill {d.slug} --check[/] (or [bold]--watch[/] to "
                             "regrade on every save; [bold]--hint[/] for a hint).")
            if due_notice is not None:
                due_notice()  # last, so it is what the user sees under the task
            return
        # Showing a task never grades: only --check (and --watch saves) are attempts.
        ui.console.print(f"Your file: [bold]{_escape(str(target))}[/]", soft_wrap=True)
        ui.console.print(f"Run [bold]mlprep drill {d.slug} --check[/] to grade it ([bold]--watch[/] regrades on "
                         "every save; [bold]--hint[/] for a hint).")


def _next_choice(all_drills: dict):
    """`mlprep drill next`: which drill comes next and why (due first, then the first not passed)."""
    from mlprep.drills import schedule as drill_schedule
    from mlprep.questions import bank as banklib
    from mlprep.store.db import Store, utcnow

    sections = list(banklib.load_bank().sections)
    with Store() as store:
        now = utcnow()
        choice = drill_schedule.next_drill(store, all_drills, now, sections)
        if choice is None:
            nxt = store.next_due(kind="drill")
            when = ""
            if nxt is not None:
                from mlprep.srs.scheduler import describe_interval

                when = f" The next review comes {describe_interval(nxt, now)}."
            ui.console.print(f"[green]Every drill is passed and none is due.[/]{when} Practise any of them with "
                             "[bold]mlprep drill <name>[/] (the list: [bold]mlprep drill[/]).")
    return choice


def _run(d, target: Path, text: str | None) -> None:
    """`--run`: the user's file and the reference on one input, side by side; nothing is recorded."""
    from mlprep.cli import drill as cli_drill
    from mlprep.sandbox import runner

    if not target.is_file():
        raise fail(f"{target}: no such file. Run `mlprep drill {d.slug}` to create it from the starter"
                   + (", or give --file." if target.name == f"{d.slug}.py" else "."), EXIT_USAGE)
    call = runner.parse_call(d, text) if text is not None else runner.example_call(d)
    with ui.console.status("Running your code and the reference…"):
        result = runner.run(d, target, call)
    cli_drill.render_run(d, result)


def _check_usage(slug: str | None, flags: dict[str, bool], *, force: bool, yes: bool) -> None:
    """Options that cannot go together (or need a drill name) are a usage error: exit status 2."""
    given = [name for name, on in flags.items() if on]
    if slug is None and given:
        raise fail(f"{given[0]} needs a drill name, e.g. `mlprep drill knn {given[0]}`.", EXIT_USAGE)
    actions = [name for name in ACTIONS if flags[name]]
    if len(actions) > 1:
        raise fail(f"{actions[0]} and {actions[1]} cannot be used together; choose one.", EXIT_USAGE)
    if force and not flags["--solution"]:
        raise fail("--force only goes with --solution.", EXIT_USAGE)
    if yes and not flags["--reset"]:
        raise fail("--yes only goes with --reset.", EXIT_USAGE)


def _show_hint(store, d) -> None:
    from rich.panel import Panel

    from mlprep.cli.common import markdown
    from mlprep.drills import sitting

    hint = sitting.next_hint(store, d)
    if hint is None:
        ui.console.print("This drill has no hints.")
        return
    if not hint.new:
        ui.console.print(f"[dim]That was the last hint ({hint.of} of {hint.of}). All hints:[/]")
        for i, h in enumerate(d.hints, 1):
            ui.console.print(Panel(markdown(h), title=f"Hint {i}/{len(d.hints)}", title_align="left"))
        return
    ui.console.print(Panel(markdown(hint.text), title=f"Hint {hint.number}/{hint.of}", title_align="left",
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
    cli_drill.render_verdict(outcome.verdict, None, solved_after)
    cli_drill.render_schedule(outcome.review)
    if outcome.verdict.graded:
        cli_drill.render_hint_offer(d, outcome)
    if not outcome.verdict.ok and outcome.verdict.graded and outcome.verdict.kind != "not_implemented":

        cli_drill.render_related(d, load_bank_warned(), store)
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
    import signal
    import time

    from mlprep.sandbox import grader

    ui.console.print(f"Watching [bold]{_escape(str(target))}[/]: save the file to regrade; Ctrl-C to stop.")
    last = None
    _interrupt_on(signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM))  # a closed terminal or `kill` cleans up like Ctrl-C
    try:
        while True:
            try:
                stamp = target.stat().st_mtime_ns
            except OSError:
                stamp = None
            if stamp is not None and stamp != last:
                last = stamp
                if ui.console.is_terminal:  # the new verdict replaces the old one, as rustlings does
                    ui.console.clear()
                    ui.console.print(f"Watching [bold]{_escape(str(target))}[/]: save the file to regrade; "
                                     "Ctrl-C to stop.")
                ui.console.rule(f"[dim]graded at {time.strftime('%H:%M:%S')}[/]", align="left")
                verdict = _grade_and_record(store, d, target)
                if verdict.ok:
                    ui.console.print("[dim]Keep editing to improve it, or Ctrl-C to stop.[/]")
            # The next grade's processes start now, while you edit: a save is graded by a warm, unused one.
            grader.prestart(d)
            time.sleep(WATCH_POLL_SECONDS)
    except KeyboardInterrupt:
        grader.discard_prestarted()  # everything grading started is gone before we say so
        try:
            ui.console.print("\nStopped watching.")
        except OSError:  # the terminal is gone
            pass
    finally:
        grader.discard_prestarted()


def _interrupt_on(*signals) -> None:
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    for sig in signals:
        try:
            signal.signal(sig, interrupt)
        except (ValueError, OSError):  # not the main thread (tests): leave it
            pass


# ---------------------------------------------------------------- where / config



def register(app: typer.Typer) -> None:
    app.command()(drill)
