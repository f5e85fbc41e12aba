"""`mlprep drill`: the catalogue, a task, grading, hints, the solution, --watch (one sitting service)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import fail
from mlprep.rules import DRILL_PREFIX, WATCH_POLL_SECONDS


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
    import signal
    import time

    from mlprep.sandbox import grader

    ui.console.print(f"Watching [bold]{target}[/]: save the file to regrade; Ctrl-C to stop.")
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
                ui.console.rule(f"[dim]{time.strftime('%H:%M:%S')}[/]", align="left")
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
