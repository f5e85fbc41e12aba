"""`mlprep drill`: the catalogue, a task, grading, hints, the solution, --watch (one sitting service).

Exit status (see README, Drill): 0 every test passed, 1 some failed (or another error), 2 a usage
error (unknown drill, --file that does not exist, a bad option), 3 the grader could not run (the
grading run broke, or the drill itself has problems): nothing was recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mlprep.cli import console as ui
from mlprep.cli.common import fail
from mlprep.rules import DRILL_PREFIX

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_GRADED = 0, 1, 2, 3


def drill(
    slug: Annotated[Optional[str], typer.Argument(help="Drill name, e.g. knn. Omit to list all drills.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Grade now; exit 0 if every test passes, 1 if not, 3 if the grader could not run.")] = False,
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

    _check_usage(slug, {"--check": check, "--watch": watch, "--hint": hint, "--solution": solution,
                        "--reset": reset, "--file": file is not None, "--edit": edit}, force=force, yes=yes)
    drills_found, drill_problems = drilllib.check_drills()
    all_drills = dict(sorted(drills_found.items(), key=lambda kv: (kv[1].order, kv[0])))
    if drill_problems:
        broken = sorted({p.where.split(":")[0] for p in drill_problems})
        if slug in broken:
            raise fail(f"the drill {slug!r} has problems: " + "; ".join(str(p) for p in drill_problems
                                                                         if p.where.split(":")[0] == slug),
                       EXIT_NOT_GRADED)
        ui.err_console.print(f"[yellow]Skipping {len(broken)} drill(s) with problems ({', '.join(broken)}); "
                             "`mlprep content lint` shows why.[/]")
    if slug is None:
        from mlprep.questions import bank as banklib

        titles = {s.id: s.title for s in banklib.load_bank().sections.values()}
        with Store() as store:
            due = {i.removeprefix(DRILL_PREFIX): d for i, d in store.due_times("drill").items()}
            cli_drill.render_list(all_drills, store.drill_summary(), titles, due)
        return
    from mlprep.errors import DrillError

    try:
        d = drilllib.find_drill(slug, all_drills)
    except DrillError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
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
            raise fail(f"--file {target}: no such file.", EXIT_USAGE)
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
            raise typer.Exit(EXIT_PASSED if verdict.ok else EXIT_FAILED if verdict.graded else EXIT_NOT_GRADED)
        cli_drill.render_task(d)
        if opening.clock_started:
            verb = "Created" if created else "Your file"
            ui.console.print(f"{verb}: [bold]{target}[/]\nEdit it, then run [bold]mlprep drill {d.slug} --check[/] "
                             f"(or [bold]--watch[/] to regrade on every save; [bold]--hint[/] for a hint).")
            return
        # Showing a task never grades: only --check (and --watch saves) are attempts.
        ui.console.print(f"Your file: [bold]{target}[/]\nRun [bold]mlprep drill {d.slug} --check[/] to grade it "
                         "([bold]--watch[/] regrades on every save; [bold]--hint[/] for a hint).")


def _check_usage(slug: str | None, flags: dict[str, bool], *, force: bool, yes: bool) -> None:
    """Options that cannot go together (or need a drill name) are a usage error: exit status 2."""
    given = [name for name, on in flags.items() if on]
    if slug is None and given:
        raise fail(f"{given[0]} needs a drill name, e.g. `mlprep drill knn {given[0]}`.", EXIT_USAGE)
    actions = [name for name in ("--check", "--watch", "--hint", "--solution", "--reset") if flags[name]]
    if len(actions) > 1:
        raise fail(f"{actions[0]} and {actions[1]} cannot be used together; choose one.", EXIT_USAGE)
    if force and not flags["--solution"]:
        raise fail("--force only goes with --solution.", EXIT_USAGE)
    if yes and not flags["--reset"]:
        raise fail("--yes only goes with --reset.", EXIT_USAGE)


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
    if not outcome.verdict.ok and outcome.verdict.graded and outcome.verdict.kind != "not_implemented":
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



def register(app: typer.Typer) -> None:
    app.command()(drill)
