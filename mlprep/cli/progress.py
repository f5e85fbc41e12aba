"""`mlprep stats`, `mlprep today` and `mlprep plan`: progress, what to do today, the interview plan.

The figures come from `mlprep.progress.stats.compute` (pandas); this module renders them. The commands'
options are declared in `cli.py`, which imports this module only when one of them runs.
"""

from __future__ import annotations

from typing import Any

from mlprep.rules import NEW_PER_SESSION

BLOCKS = " ▁▂▃▄▅▆▇█"
HEAT = "·░▒▓█"
HEAT_STYLES = ("grey35", "green4", "green3", "green1", "bold bright_green")


def show_stats(section: list[str] | None, as_json: bool) -> None:
    figures = _figures(section)
    if as_json:
        from mlprep.progress.stats import to_json

        print(to_json(figures))
        return
    render_stats(figures)


def show_today() -> None:
    from mlprep import clock
    from mlprep.quiz.session import reviews_today
    from mlprep.rules import MAX_REVIEWS_PER_DAY as MAX_REVIEWS
    from mlprep.store.db import Store, utcnow

    figures = _figures(None)
    with Store() as store:
        done = reviews_today(store, utcnow(), clock.user_zone(store.get_setting("timezone")))
    render_today(figures, cap_left=max(0, MAX_REVIEWS - done))


def run_plan(interview: str | None, clear: bool) -> None:
    """`mlprep plan`: store or clear the interview date, then show the plan."""
    from mlprep import clock
    from mlprep.errors import MlprepError
    from mlprep.srs import plan as planlib
    from mlprep.store.db import Store, utcnow

    if interview and clear:
        raise MlprepError("--interview and --clear contradict each other; use one.")
    with Store() as store:
        if clear:
            planlib.set_interview(store, None)
            from mlprep.cli import console as ui

            ui.console.print("Interview date cleared: intervals and new questions follow the usual schedule.")
            return
        if interview:
            try:
                day = clock.parse_day(interview)
            except ValueError as exc:
                raise MlprepError(f"--interview: {exc}.") from None
            tz = clock.user_zone(store.get_setting("timezone"))
            left = planlib.days_left(day, utcnow(), tz)
            if left <= 0:
                raise MlprepError(f"--interview {day.isoformat()}: that is "
                                  f"{'today' if left == 0 else 'in the past'}; give a future date.")
            planlib.set_interview(store, day)
            moved = planlib.pull_in(store, day, utcnow(), tz)
            if moved:
                from mlprep.cli import console as ui

                ui.console.print(f"Moved {moved} review{'s' * (moved != 1)} that were due after the interview into "
                                 "the days before it.")
        stored = planlib.interview_date(store)
    figures = _figures(None)
    if figures["interview"] is None:
        from mlprep.cli import console as ui

        if stored is not None:
            ui.console.print(f"Your interview on {stored.isoformat()} has passed, so the plan no longer applies. "
                             "Set the next one with [bold]mlprep plan --interview YYYY-MM-DD[/], or forget it with "
                             "[bold]--clear[/].")
        else:
            ui.console.print("No interview date set. Plan one with [bold]mlprep plan --interview YYYY-MM-DD[/]: "
                             "intervals then stop at the day before it, and new questions are paced so every "
                             "one is seen at least twice before it.")
        return
    render_plan(figures, saved=bool(interview))


def _figures(section: list[str] | None) -> dict[str, Any]:
    from mlprep import clock
    from mlprep.cli.common import load_bank as load_bank_warned
    from mlprep.drills.catalogue import load_drills
    from mlprep.progress import stats as stats
    from mlprep.quiz.session import Filters
    from mlprep.srs import plan as planlib
    from mlprep.store.db import Store, utcnow

    bank = load_bank_warned()
    if section:
        Filters(sections=section).validate(bank)
    with Store() as store:
        now = utcnow()
        tz = clock.user_zone(store.get_setting("timezone"))
        interview = planlib.active_interview(store, now, tz)
        return stats.compute(store, bank, now, tz, drills=load_drills(strict=False), sections=section,
                             interview=interview)


# ---------------------------------------------------------------- rendering helpers

def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def _duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}h {m:02d}m" if h else f"{m}m {s:02d}s"


def _bar(fraction: float, width: int = 12) -> str:
    fraction = min(1.0, max(0.0, fraction))
    full = int(fraction * width)
    rest = fraction * width - full
    partial = " ▏▎▍▌▋▊▉"[int(rest * 8)] if full < width else ""
    return ("█" * full + partial).ljust(width, "░" if full == 0 and not partial.strip() else " ")


def _mastery_bar(fraction: float, width: int = 12) -> str:
    fraction = min(1.0, max(0.0, fraction))
    full = round(fraction * width)
    return "█" * full + "░" * (width - full)


def _day(iso_day: str, fmt: str = "%a %d %b") -> str:
    from datetime import date

    return date.fromisoformat(iso_day).strftime(fmt)


def forecast_chart(forecast: list[dict[str, Any]], height: int = 5):
    """A vertical bar chart of due cards per day (block characters, 3 columns a day)."""
    from rich.text import Text

    peak = max((f["total"] for f in forecast), default=0)
    text = Text()
    for row in range(height, 0, -1):
        for f in forecast:
            level = 0 if not peak else f["total"] * height * 8 / peak - (row - 1) * 8
            ch = BLOCKS[int(min(8, max(0, level)))] if f["total"] else " "
            if row == 1 and f["total"] and ch == " ":
                ch = BLOCKS[1]
            text.append(f" {ch * 2}", style="cyan")
        text.append("\n")
    for f in forecast:
        text.append(f"{f['total']:>3}", style="bold" if f["total"] else "dim")
    text.append("\n")
    for f in forecast:
        text.append(f"{_day(f['date'], '%d'):>3}", style="dim")
    return text


def activity_calendar(activity: list[dict[str, Any]]):
    """A weeks × weekdays heatmap (Monday first), like a contribution graph."""
    from datetime import date

    from rich.text import Text

    counts = sorted({a["reviews"] for a in activity if a["reviews"]})

    def level(n: int) -> int:
        if not n:
            return 0
        if len(counts) < 4:
            return 1 + min(3, counts.index(n) * 3 // max(1, len(counts) - 1)) if len(counts) > 1 else 2
        rank = sum(c <= n for c in counts) / len(counts)
        return 1 + min(3, int(rank * 4 - 1e-9))

    first = date.fromisoformat(activity[0]["date"]) if activity else None
    grid: dict[tuple[int, int], int] = {}
    for a in activity:
        d = date.fromisoformat(a["date"])
        assert first is not None
        grid[((d - first).days // 7, d.weekday())] = a["reviews"]
    weeks = max((w for w, _ in grid), default=0) + 1
    text = Text()
    # month labels over the weeks where a month starts
    labels = [" "] * (weeks * 1)
    if first is not None:
        from datetime import timedelta

        prev = None
        for w in range(weeks):
            m = (first + timedelta(weeks=w)).month
            if m != prev:
                name = (first + timedelta(weeks=w)).strftime("%b")
                for i, ch in enumerate(name):
                    if w + i < weeks:
                        labels[w + i] = ch
                prev = m
    text.append("    " + "".join(labels) + "\n", style="dim")
    for wd, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        text.append(f"{name:<4}", style="dim")
        for w in range(weeks):
            if (w, wd) not in grid:
                text.append(" ")
                continue
            lv = level(grid[(w, wd)])
            text.append(HEAT[lv], style=HEAT_STYLES[lv])
        text.append("\n")
    text.append("    less " + "".join(HEAT) + " more", style="dim")
    return text


# ---------------------------------------------------------------- stats

def render_stats(f: dict[str, Any]) -> None:
    from rich import box
    from rich.table import Table

    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    con = ui.console
    t = f["today"]
    streak = f"streak [bold]{t['streak']}[/] day{'s' * (t['streak'] != 1)} (longest {t['longest_streak']})"
    scope = f" · sections: {escape(', '.join(f['sections_filter']))}" if f["sections_filter"] else ""
    con.print(f"[bold]Today[/] {_day(t['date'])}: [bold]{t['reviews']}[/] review{'s' * (t['reviews'] != 1)}, "
              f"{_pct(t['accuracy'])} right, {_duration(t['seconds'])} · {streak}{scope}")
    iv = f["interview"]
    if iv:
        con.print(f"[bold]Interview[/] {_day(iv['date'])} (in {iv['days_left']} day{'s' * (iv['days_left'] != 1)}): "
                  f"{iv['daily_new_quota']} new a day, {iv['unseen']} unseen · predicted recall on the day "
                  f"{_pct(iv['predicted_retrievability'])} of what you have seen, {_pct(iv['predicted_mastery'])} "
                  "of everything")

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, title_justify="left")
    table.add_column("section", no_wrap=True)
    table.add_column("seen", justify="right", no_wrap=True)
    table.add_column("acc 30d", justify="right", no_wrap=True)
    table.add_column("recall", justify="right", no_wrap=True)
    table.add_column("due", justify="right", no_wrap=True)
    if iv:
        table.add_column("recall on the day", justify="right", no_wrap=True)
    table.add_column("mastery", no_wrap=True)
    for row in [*f["sections"], None, f["totals"]]:
        if row is None:
            table.add_section()
            continue
        cells = [escape(row["id"]), f"{row['seen']}/{row['total']}", _pct(row["accuracy_30d"]),
                 _pct(row["retrievability"]), str(row["due"]) if row["due"] else "·"]
        if iv:
            cells.append(_pct(row.get("predicted_retrievability")))
        cells.append(f"[green]{_mastery_bar(row['mastery'])}[/] {_pct(row['mastery'])}")
        table.add_row(*cells, style="bold" if row["id"] == "all" else None)
    con.print(table)
    con.print("[dim]recall: fsrs's probability that you remember a seen question now (it counts whole days, so "
              "today's cards show 100%) · mastery: the expected share of the section you would recall now (unseen "
              "count as 0)[/]")

    weak = f["weakest_tags"][:6]
    if weak:
        con.print("[bold]Weakest tags[/] [dim](right in 30 days / recall)[/] " + ", ".join(
            f"[yellow]{escape(w['tag'])}[/] {_pct(w['accuracy_30d'])}/{_pct(w['retrievability'])}"
            for w in weak) + "  [dim]→ mlprep quiz --weak[/]", soft_wrap=False)
    c = f["cards"]
    leeches = f["leeches"]
    line = (f"[bold]Cards[/] new {c['new']} · learning {c['learning']} · review {c['review']} · "
            f"relearning {c['relearning']} · leeches {len(leeches)}")
    if leeches:
        shown = ", ".join(f"{escape(x['id'])} ({x['lapses']}×)" for x in leeches[:5])
        line += f": {shown}{' …' if len(leeches) > 5 else ''} [dim]→ mlprep quiz --leeches[/]"
    con.print(line)

    grid = Table.grid(padding=(0, 4))
    grid.add_column()
    grid.add_column()
    grid.add_row("[bold]Due in the next 14 days[/]", "[bold]Activity, last 26 weeks[/]")
    grid.add_row(forecast_chart(f["forecast"]), activity_calendar(f["activity"]))
    con.print(grid)

    d = f["drills"]
    if d["total"]:
        con.print(f"[bold]Drills[/] {d['passed']} passed / {d['attempted']} attempted / {d['total']} · hints used "
                  f"{d['hints_used']}" + (f" · due: {escape(', '.join(d['due']))}" if d["due"] else ""))
        parts = []
        for r in d["sections"]:
            part = f"{escape(r['id'])} [green]{r['passed']}[/]/{r['attempted']}/{r['total']}"
            if r["not_vectorized"]:
                part += f" [yellow]({r['not_vectorized']} slow)[/]"
            parts.append(part)
        con.print("  [dim]passed/tried/all:[/] " + " · ".join(parts))
        if d["not_vectorized"]:
            con.print(f"[dim]Correct but not vectorized: {escape(', '.join(d['not_vectorized']))}[/]")


# ---------------------------------------------------------------- today

def render_today(f: dict[str, Any], cap_left: int | None = None) -> None:
    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    con = ui.console
    t = f["today"]
    con.print(f"[bold]{_day(t['date'], '%A %d %B %Y')}[/]")
    if t["studied_today"]:
        con.print(f"Done today: [bold]{t['reviews']}[/] reviews, {_pct(t['accuracy'])} right, {_duration(t['seconds'])}. "
                  f"Streak: [bold]{t['streak']}[/] day{'s' * (t['streak'] != 1)}.")
    elif t["streak"]:
        con.print(f"Streak: [bold]{t['streak']}[/] day{'s' * (t['streak'] != 1)}: study today to keep it.")
    else:
        con.print("No streak running: answer a few questions to start one.")
    due_q = f["totals"]["due"]
    by_section = [f"{escape(s['id'])} {s['due']}" for s in f["sections"] if s["due"]]
    con.print(f"Questions due now: [bold]{due_q}[/]" + (f" ({', '.join(by_section)})" if by_section else ""))
    if cap_left is not None and due_q > cap_left:
        con.print(f"[yellow]Today's review cap leaves {cap_left} of them for today[/] (the most-forgotten first; "
                  "the rest wait for tomorrow, or raise [bold]mlprep quiz --max-reviews[/]).")
        if cap_left == 0:
            due_q = 0  # nothing more to review today
    iv = f["interview"]
    if iv:
        left = max(0, iv["daily_new_quota"] - iv["new_today"])
        con.print(f"New questions today: [bold]{left}[/] of the daily quota of {iv['daily_new_quota']} "
                  f"(interview {_day(iv['date'])}, in {iv['days_left']} day{'s' * (iv['days_left'] != 1)}; "
                  f"{iv['unseen']} unseen)")
    else:
        new = f["cards"]["new"]
        con.print(f"New questions available: {new}" + (f" (a session adds up to {NEW_PER_SESSION})" if new else ""))
    drills = f["drills"]["due"]
    if drills:
        con.print(f"Drills due: [bold]{len(drills)}[/]: " + ", ".join(f"[cyan]{escape(s)}[/]" for s in drills))
    weak = f["weakest_tags"][:3]
    if weak:
        con.print("Weakest tags: " + ", ".join(f"[yellow]{escape(w['tag'])}[/]" for w in weak))
    if due_q or drills or (iv and iv["daily_new_quota"] > iv["new_today"]) or (not iv and f["cards"]["new"]):
        con.print("Start with: [bold]mlprep quiz" + (" --with-drills" if drills else "") + "[/]")
    else:
        con.print("[green]All done for today.[/] Practise more with [bold]mlprep quiz --weak[/] or "
                  "[bold]mlprep drill[/].")


# ---------------------------------------------------------------- plan

def render_plan(f: dict[str, Any], saved: bool) -> None:
    from rich import box
    from rich.table import Table

    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    con = ui.console
    iv = f["interview"]
    if saved:
        con.print(f"[green]Saved:[/] interview on {_day(iv['date'], '%A %d %B %Y')}.")
    if iv["days_left"] == 0:
        con.print(f"[bold]Your interview is today.[/] Good luck! Predicted recall of what you have seen: "
                  f"{_pct(iv['predicted_retrievability'])}. A light review of the weakest tags helps more than new "
                  "questions now: [bold]mlprep quiz --weak --new 0[/].")
        return
    con.print(f"[bold]Interview[/] {_day(iv['date'], '%A %d %B %Y')}: in {iv['days_left']} "
              f"day{'s' * (iv['days_left'] != 1)}.")
    if iv["max_interval_days"]:
        con.print(f"· Reviews are scheduled at most {iv['max_interval_days']} day{'s' * (iv['max_interval_days'] != 1)} "
                  "ahead, so every card comes back before the interview.")
    con.print(f"· {iv['unseen']} questions unseen, {iv['seen_once']} seen once. Daily quota: [bold]{iv['daily_new_quota']}[/] "
              f"new questions a day ({iv['new_today']} done today), so each is seen at least twice before the day.")
    if iv["daily_new_quota"] > 60:
        con.print("[yellow]That is a heavy quota: focus on the sections that matter most (mlprep quiz --section ID), and accept that some questions stay unseen.[/]")
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, title="Predicted recall on the interview day "
                  "(with no more study)", title_justify="left")
    table.add_column("section", no_wrap=True)
    table.add_column("seen", justify="right")
    table.add_column("recall of seen", justify="right")
    table.add_column("of whole section", justify="right")
    for row in [*f["sections"], f["totals"]]:
        table.add_row(escape(row["id"]), f"{row['seen']}/{row['total']}", _pct(row["predicted_retrievability"]),
                      _pct(row["predicted_mastery"]), style="bold" if row["id"] == "all" else None)
    con.print(table)
    con.print("[dim]Each day: mlprep today · mlprep quiz --with-drills. Clear the date with mlprep plan --clear.[/]")
