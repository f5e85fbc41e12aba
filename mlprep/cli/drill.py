"""Rendering for `mlprep drill`: the drill list, the task, and the verdict table."""

from __future__ import annotations

from typing import Any

from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from mlprep.cli.console import console
from mlprep.drills.catalogue import Drill
from mlprep.sandbox.grader import Verdict

DOTS = {1: "●○○", 2: "●●○", 3: "●●●"}
MAX_ROWS = 12


def render_list(drills: dict[str, Drill], status: dict[str, dict], section_titles: dict[str, str],
                due: dict[str, float] | None = None) -> None:
    """The catalogue by section: status, best score and, for drills on the schedule, the next review."""
    from datetime import datetime, timezone

    from mlprep.srs.scheduler import describe_interval

    due = due or {}
    now = datetime.now(timezone.utc)
    by_section: dict[str, list[Drill]] = {}
    for d in drills.values():
        by_section.setdefault(d.section, []).append(d)
    order = list(section_titles)
    passed = sum(1 for s in status.values() if s.get("passed"))
    table = Table(title=f"{len(drills)} drills · {passed} passed", title_justify="left", show_lines=False)
    table.add_column("drill", style="bold")
    table.add_column("title")
    table.add_column("level", style="yellow")
    table.add_column("status")
    table.add_column("best", justify="right")
    table.add_column("review")
    for sec in sorted(by_section, key=lambda s: order.index(s) if s in order else len(order)):
        table.add_row(Text(section_titles.get(sec, sec), style="cyan"), "", "", "", "", "")
        for d in by_section[sec]:
            st = status.get(d.slug, {})
            if st.get("passed"):
                label = Text("passed" + (" (slow)" if st.get("slow") else ""), style="green")
            elif st.get("attempts"):
                label = Text("attempted", style="yellow")
            else:
                label = Text("new", style="dim")
            best = f"{st['best_passed']}/{st['best_total']}" if st.get("attempts") else ""
            when = due.get(d.slug)
            if when is None:
                review = Text("")
            elif when <= now.timestamp():
                review = Text("due now", style="bold magenta")
            else:
                review = Text(describe_interval(datetime.fromtimestamp(when, timezone.utc), now), style="dim")
            table.add_row(f"  {d.slug}", d.title, DOTS[d.difficulty], label, best, review)
    console.print(table)
    console.print("[dim]Start one with [bold]mlprep drill <name>[/bold]; grade with --check.[/]")


def render_task(drill: Drill) -> None:
    console.print(Panel(Markdown(drill.task), title=f"[bold]{escape(drill.title)}[/]  {DOTS[drill.difficulty]}",
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
        console.print(Panel(Markdown(text), title=f"Hint {n}/{total}", title_align="left", border_style="yellow"))


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
    table = Table(show_header=False, expand=True, box=None, padding=(0, 1))
    table.add_column("", width=1)
    table.add_column("test", ratio=2)
    table.add_column("result", ratio=5)
    failed_rows = 0
    for t, count in _group(v.tests):
        name = (t.doc or t.name) + (f" (×{count})" if count > 1 else "")
        if t.status == "passed":
            table.add_row(Text("✓", style="green"), Text(name, style="dim"), Text("passed", style="dim"))
        elif t.status == "skipped":
            table.add_row(Text("-", style="dim"), Text(name, style="dim"), Text(t.message or "skipped", style="dim"))
        else:
            failed_rows += 1
            if failed_rows > MAX_ROWS:
                continue
            msg = Text(t.message or "failed")
            if t.where:
                msg.append(f"\n{t.where}", style="dim")
            if t.output:
                out = t.output.strip().splitlines()
                msg.append("\nyour output: " + " ⏎ ".join(out[:3]) + (" …" if len(out) > 3 else ""), style="dim")
            table.add_row(Text("✗", style="red"), Text(name), msg)
    if failed_rows > MAX_ROWS:
        table.add_row("", Text(f"… {failed_rows - MAX_ROWS} more failures", style="dim"), "")
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
    console.print(Panel(Syntax(drill.solution.read_text(encoding="utf-8"), "python", theme="ansi_dark",
                               line_numbers=True), title=f"Reference solution: {drill.slug}", title_align="left"))


def render_schedule(review) -> None:
    """One line on what the attempt did to the drill's review schedule."""
    from datetime import datetime, timezone

    from mlprep.srs.scheduler import RATING_NAMES, describe_interval

    if review is None:
        return
    if review.rating is None:
        console.print(f"[dim]Practice: this drill is not due yet, so its schedule is unchanged "
                      f"(next review {describe_interval(review.due, datetime.now(timezone.utc))}).[/]")
        return
    console.print(f"[dim]Scheduled as {RATING_NAMES[int(review.rating)]} ({review.reason}); next review "
                  f"{describe_interval(review.due, datetime.now(timezone.utc))}.[/]")


def render_related(drill, bank, store) -> None:
    """After a failure: the concept questions that share the drill's tags."""
    from mlprep.drills.schedule import related_questions, shared_tags

    related = related_questions(bank, drill, store)
    if not related:
        return
    tags = shared_tags(bank, drill)[:3]
    console.print("Related questions to review: " + ", ".join(f"[cyan]{q.id}[/]" for q in related))
    console.print(f"[dim]Quiz them with: mlprep quiz {' '.join('--tag ' + t for t in tags)}[/]")
