"""Rendering for `mlprep drill`: the drill list, the task, and the verdict table."""

from __future__ import annotations

from typing import Any

from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from mlprep.cli.common import _escape as escape
from mlprep.cli.common import markdown
from mlprep.cli.console import console
from mlprep.drills.catalogue import Drill
from mlprep.sandbox.grader import Verdict

DOTS = {1: "●○○", 2: "●●○", 3: "●●●"}
MAX_ROWS = 12


STATUSES = ("todo", "passed", "due")


def list_rows(drills: dict[str, Drill], status: dict[str, dict], due: dict[str, float], now: float, *,
              sections: list[str] | None = None, only: str | None = None) -> list[Drill]:
    """The drills `render_list` shows: in `sections` (all when empty) and, with `only`, those to do
    (not passed yet), passed, or due for review now."""
    out = []
    for d in drills.values():
        if sections and d.section not in sections:
            continue
        st = status.get(d.slug, {})
        if only == "todo" and st.get("passed"):
            continue
        if only == "passed" and not st.get("passed"):
            continue
        if only == "due" and not (d.slug in due and due[d.slug] <= now):
            continue
        out.append(d)
    return out


def render_list(drills: dict[str, Drill], status: dict[str, dict], section_titles: dict[str, str],
                due: dict[str, float] | None = None, *, sections: list[str] | None = None,
                only: str | None = None) -> None:
    """The catalogue by section, one line per drill: name (never cut), level, status, best score, next
    review, then the title in whatever width is left (cut with … or left out on a narrow terminal)."""
    from datetime import datetime, timezone

    from mlprep.srs.scheduler import describe_interval

    due = due or {}
    now = datetime.now(timezone.utc)
    shown = list_rows(drills, status, due, now.timestamp(), sections=sections, only=only)
    passed = sum(1 for s in drills if status.get(s, {}).get("passed"))
    due_now = sum(1 for s in drills if s in due and due[s] <= now.timestamp())
    head = f"{len(drills)} drills · {passed} passed · {due_now} due"
    if len(shown) != len(drills):
        head += f" · showing {len(shown)}"
    console.print(Text(head, style="bold"))
    if not shown:
        console.print("No drill matches. Try without --status or --section.")
        return
    by_section: dict[str, list[Drill]] = {}
    for d in shown:
        by_section.setdefault(d.section, []).append(d)
    order = list(section_titles)
    rows: list[tuple[Drill, Text, Text]] = []
    for d in shown:
        st = status.get(d.slug, {})
        if st.get("passed"):
            label = Text("passed" + (" slow" if st.get("slow") else ""), style="green")
        elif st.get("attempts"):
            label = Text(f"tried {st['best_passed']}/{st['best_total']}", style="yellow")
        else:
            label = Text("new", style="dim")
        when = due.get(d.slug)
        if when is None:
            review = Text("")
        elif when <= now.timestamp():
            review = Text("due now", style="bold magenta")
        else:
            review = Text(describe_interval(datetime.fromtimestamp(when, timezone.utc), now), style="dim")
        rows.append((d, label, review))
    name_w = max(len(d.slug) for d in shown)
    label_w = max(len(lb) for _, lb, _ in rows)
    review_w = max(len(r) for _, _, r in rows)
    fixed = 2 + name_w + 2 + 3 + 2 + label_w + (2 + review_w if review_w else 0)
    title_w = console.width - fixed - 2
    line_of = {d.slug: (lb, r) for d, lb, r in rows}
    for sec in sorted(by_section, key=lambda s: order.index(s) if s in order else len(order)):
        title = section_titles.get(sec, sec)
        room = console.width - len(sec) - 4  # the section id (what --section takes) is never cut
        header = Text(sec, style="bold cyan")
        if title != sec and room >= 8:
            header.append(" · " + (title if len(title) <= room else title[:room - 1].rstrip() + "…"), style="cyan")
        console.print(header, no_wrap=True, overflow="ignore", crop=False)
        for d in by_section[sec]:
            label, review = line_of[d.slug]
            line = Text("  ")
            line.append(d.slug.ljust(name_w), style="bold")
            line.append("  ")
            line.append(DOTS[d.difficulty], style="yellow")
            line.append("  ")
            line.append_text(label)
            line.append(" " * (label_w - len(label)))
            if review_w:
                line.append("  ")
                line.append_text(review)
                line.append(" " * (review_w - len(review)))
            if title_w >= 12:
                t = d.title if len(d.title) <= title_w else d.title[:title_w - 1].rstrip() + "…"
                line.append("  ")
                line.append(t, style="dim")
            line.rstrip()
            console.print(line, no_wrap=True, overflow="ignore", crop=False)
    console.print(Text("Start one with: mlprep drill NAME (a unique start of the name is enough); "
                       "filter with --section S or --status todo|passed|due.", style="dim"))


def render_task(drill: Drill) -> None:
    console.print(Panel(markdown(drill.task), title=f"[bold]{escape(drill.title)}[/]  {DOTS[drill.difficulty]}",
                        title_align="left", border_style="cyan"))


def render_verdict(v: Verdict, hint: tuple[int, int, str] | None = None, solved_after: str | None = None) -> None:
    if not v.graded or (v.kind in ("syntax_error", "forbidden_import", "import_error", "error") and not v.tests):
        body = Text(v.headline, style="bold red")
        parts: list = [body]
        detail = v.detail if v.graded else "\n".join(v.detail.strip().splitlines()[-4:])  # the log's last lines
        if detail:
            parts.append(Text(detail, style="dim"))
        from rich.console import Group

        title = "✗ Not graded" if v.graded else "✗ Grading did not finish"
        console.print(Panel(Group(*parts), title=title, title_align="left", border_style="red"))
    else:
        _render_tests(v)
    if v.ok:
        msg = "[bold green]✓ Well done![/] " + escape(v.headline)
        if v.kind == "slow":
            msg = ("[bold yellow]✓ Correct, but not vectorized[/] — "
                   f"{v.slow_factor:.0f}× slower than the reference solution on a larger input. Interviewers will "
                   "ask you to replace the Python loops with array operations.")
        console.print(msg)
        extra = f"Graded in {v.seconds:.1f} s" + (f"; solved {solved_after} after you started." if solved_after else ".")
        console.print(f"[dim]{extra}[/]")
    if hint is not None and not v.ok:
        n, total, text = hint
        console.print(Panel(markdown(text), title=f"Hint {n}/{total}", title_align="left", border_style="yellow"))


def _group(tests: list) -> list[tuple[Any, int]]:
    """Collapse consecutive passed tests with the same description (parametrized cases)."""
    out: list[tuple[Any, int]] = []
    for t in tests:
        if out and t.status == "passed" and out[-1][0].status == "passed" and (out[-1][0].doc or out[-1][0].name) == (t.doc or t.name):
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((t, 1))
    return out


def _render_tests(v: Verdict) -> None:
    status = "[green]" if v.ok else "[red]"
    title = f"{status}{v.passed}/{v.total} tests passed[/]"
    if v.kind == "not_implemented":
        console.print(Panel("Every test reaches a function that still raises [bold]NotImplementedError[/].\n"
                            "Replace the `raise NotImplementedError` and the `# TODO`s in your file with your code.",
                            title=title, title_align="left", border_style="yellow"))
        return
    # One line per test, its description given the whole width; a failure's message goes under it,
    # indented (a side-by-side column left descriptions ~20 characters and 18 tests took ~60 lines).
    table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
    table.add_column("", width=1, no_wrap=True)
    table.add_column("test")
    failed_rows = 0
    for t, count in _group(v.tests):
        name = (t.doc or t.name) + (f" (×{count})" if count > 1 else "")
        if t.status == "passed":
            table.add_row(Text("✓", style="green"), Text(name, style="dim"))
        elif t.status == "skipped":
            table.add_row(Text("-", style="dim"), Text(f"{name}: {t.message or 'skipped'}", style="dim"))
        else:
            failed_rows += 1
            if failed_rows > MAX_ROWS:
                continue
            body = Text(name, style="bold")
            body.append("\n" + (t.message or "failed"), style="")
            if t.where:
                body.append(f"\n{t.where}", style="dim")
            if t.output:
                out = t.output.strip().splitlines()
                body.append("\nyour output: " + " ⏎ ".join(out[:3]) + (" …" if len(out) > 3 else ""), style="dim")
            table.add_row(Text("✗", style="red"), body)
    if failed_rows > MAX_ROWS:
        table.add_row("", Text(f"… {failed_rows - MAX_ROWS} more failures", style="dim"))
    console.print(Panel(table, title=title, title_align="left", border_style="green" if v.ok else "red"))
    first = v.first_failure
    if first is not None and not v.ok:
        grid = Table.grid(padding=(0, 2))
        if first.call:
            grid.add_row("[bold]First failing input[/]", escape(first.call))
        if first.expected is not None:
            grid.add_row("[bold]Expected[/]", escape(str(first.expected)))
        if first.got is not None:
            grid.add_row("[bold]Got[/]", escape(str(first.got)))
        if first.max_abs_error is not None:
            grid.add_row("[bold]Max abs error[/]", f"{first.max_abs_error:.3g}")
        if first.line:
            grid.add_row("[bold]Your line[/]", str(first.line))
        if grid.row_count:
            console.print(grid)


def render_solution(drill: Drill) -> None:
    """The reference solution, never cut: on a terminal syntax-highlighted in a pager (long lines
    scroll sideways in `less -RS`), plain text when piped (so it can be saved)."""
    from mlprep.drills.catalogue import solution_text

    code = solution_text(drill)
    if not console.is_terminal:
        console.file.write(code if code.endswith("\n") else code + "\n")
        return
    syntax = Syntax(code, "python", theme="ansi_dark", line_numbers=True, word_wrap=False)
    title = Text(f"Reference solution: {drill.slug}", style="bold")
    width = max([console.width, *(len(line) + 8 for line in code.splitlines())])
    page([title, syntax], width)


def render_diff(drill: Drill, path, lines: list[str]) -> None:
    """The user's file beside the reference: a unified diff, coloured on a terminal, plain when piped."""
    if not lines:
        console.print(f"{escape(str(path))} is the same as the reference solution.", soft_wrap=not console.is_terminal)
        return
    if not console.is_terminal:
        console.file.write("\n".join(lines) + "\n")
        return
    styled = Text()
    for line in lines:
        style = ("bold" if line.startswith(("---", "+++")) else "green" if line.startswith("+")
                 else "red" if line.startswith("-") else "cyan" if line.startswith("@@") else "")
        styled.append(line + "\n", style=style)
    legend = Text("- your file   + the reference solution", style="dim")
    width = max([console.width, *(len(line) + 1 for line in lines)])
    page([legend, styled], width)


def page(renderables: list, width: int) -> None:
    """Show renderables in the pager ($PAGER, else `less -RS`: colours kept, long lines scroll
    sideways), rendered at `width` so no line is cut; straight to the terminal when there is no pager."""
    import io
    import os
    import shutil
    import subprocess

    from rich.console import Console

    command = os.environ.get("PAGER") or ("less -RS" if shutil.which("less") else "")
    if not command:
        for r in renderables:
            if isinstance(r, Syntax):
                r.word_wrap = True  # long lines wrap instead of being cut
            console.print(r)
        return
    out = Console(width=width, force_terminal=True, color_system=console.color_system or None,  # type: ignore[arg-type]
                  no_color=console.no_color, highlight=False, record=False, file=io.StringIO())
    with out.capture() as captured:
        for r in renderables:
            out.print(r, crop=False)
    import shlex

    try:
        env = dict(os.environ)
        env.setdefault("LESS", "-RS")  # a $PAGER of plain `less` keeps the colours and scrolls sideways
        proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
        assert proc.stdin is not None
        try:
            proc.stdin.write(captured.get().encode("utf-8", "replace"))
            proc.stdin.close()
        except BrokenPipeError:  # the user quit the pager early
            pass
        proc.wait()
    except OSError:
        console.file.write(captured.get())


def render_schedule(review) -> None:
    """One line on what the attempt did to the drill's review schedule."""
    from datetime import datetime, timezone

    from mlprep.srs.scheduler import RATING_NAMES, describe_interval

    if review is None:
        return
    now = datetime.now(timezone.utc)
    if review.rating is None:  # the reason says why: not due yet, or a file unchanged since the last review
        reason = escape(review.reason[0].upper() + review.reason[1:])
        when = "it is due now" if review.due is not None and review.due <= now else \
            f"next review {describe_interval(review.due, now)}" if review.due is not None else ""
        console.print(f"[dim]{reason}" + (f" ({when})" if when else "") + ".[/]")
        return
    console.print(f"[dim]Scheduled as {RATING_NAMES[int(review.rating)]} ({review.reason}); next review "
                  f"{describe_interval(review.due, now)}.[/]")


def render_hint_offer(drill: Drill, outcome) -> None:
    """After a failed attempt: where the next hint is (never shown by itself, so it is not counted)."""
    if outcome.verdict.ok or outcome.verdict.kind == "not_implemented" or not outcome.hints_left:
        return
    console.print(f"[dim]Stuck? [bold]mlprep drill {drill.slug} --hint[/bold] shows a hint "
                  f"({outcome.hints_left} left; a pass after a hint is rated Hard).[/]")


def render_related(drill, bank, store) -> None:
    """After a failure: the notes to read and the concept questions that share the drill's tags."""
    from mlprep.drills.schedule import related_questions, shared_tags
    from mlprep.questions.topics import load_notes

    note = load_notes(bank).for_tags(drill.tags, drill.section)
    if note is not None:
        console.print(f"Read the notes: [bold]mlprep learn {escape(note.name)}[/] ({escape(note.title)})")
    related = related_questions(bank, drill, store)
    if not related:
        return
    tags = shared_tags(bank, drill)[:3]
    console.print("Related questions to review: " + ", ".join(f"[cyan]{escape(q.id)}[/]" for q in related))
    console.print(f"[dim]Quiz them with: mlprep quiz {escape(' '.join('--tag ' + t for t in tags))}[/]")


def render_run(drill: Drill, result) -> None:
    """`--run`: the call, your result beside the reference's, what your code printed. Not a grade."""
    from rich.console import Group

    source = {"input": "your input", "example": "the task's example",
              "hidden": "the first case of the hidden tests"}[result.call.source]
    console.print(Text.assemble(("Run ", "bold"), (drill.slug, "bold cyan"), (f" on {source} (not graded)", "dim")))
    console.print(Text.assemble(("Call: ", "bold"), result.described))
    for title, side, style in (("Your result", result.yours, "cyan"), ("Reference", result.reference, "blue")):
        parts: list = [Text(side.text, style="" if side.ok else "red")]
        if side.note:
            parts.append(Text(f"Note: {side.note}.", style="yellow"))
        if side.output.strip():
            parts.append(Text("Printed:\n" + side.output.rstrip(), style="dim"))
        label = title if side.ok else f"{title}: error"
        console.print(Panel(Group(*parts), title=label, title_align="left", border_style=style if side.ok else "red"))
    if result.same is True:
        console.print("[green]Same result as the reference on this input.[/] [dim]Not a grade: "
                      f"mlprep drill {drill.slug} --check runs the hidden tests.[/]")
    elif result.same is False:
        console.print("[yellow]Different from the reference on this input.[/] [dim]Nothing is recorded; "
                      f"mlprep drill {drill.slug} --check grades it.[/]")
    elif not result.reference.ok:
        console.print("[yellow]The reference fails on this input too: check the arguments against the task.[/]")
