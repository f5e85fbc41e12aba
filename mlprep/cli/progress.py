"""`mlprep stats`, `mlprep today` and `mlprep plan`: progress, what to do today, the interview plan.

The figures come from `mlprep.progress.stats.compute` (pandas); this module renders them. The commands'
options are declared in `cli.py`, which imports this module only when one of them runs.
"""

from __future__ import annotations

from typing import Any

from mlprep.cli.common import plural
from mlprep.rules import NEW_PER_SESSION

BLOCKS = " ▁▂▃▄▅▆▇█"
HEAT = "·░▒▓█"
HEAT_STYLES = ("grey35", "green4", "green3", "green1", "bold bright_green")


def show_stats(section: list[str] | None, as_json: bool, parts: frozenset[str] = frozenset()) -> None:
    """`parts`: what to show beyond the one-screen summary: "sections", "calendar", or "all"."""
    figures = _figures(section)
    if as_json:
        from mlprep.progress.stats import to_json

        print(to_json(figures))
        return
    render_stats(figures, parts)


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
        free = 0  # the first column a label may use: labels never touch or overwrite each other
        for w in range(weeks):
            m = (first + timedelta(weeks=w)).month
            if m != prev:
                name = (first + timedelta(weeks=w)).strftime("%b")
                if w >= free and w + len(name) <= weeks:
                    labels[w:w + len(name)] = list(name)
                    free = w + len(name) + 1
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

def _flow(units: list[str], width: int, first: str = "", indent: str = "  ") -> list[str]:
    """Markup `units` joined with " · " into lines of at most `width` cells (after the label `first`,
    then `indent`); a unit is never split."""
    from rich.text import Text

    def cells(markup: str) -> int:
        return Text.from_markup(markup).cell_len

    lines: list[str] = []
    line, start = first, cells(first)
    used = start
    for unit in units:
        n = cells(unit)
        sep = 3 if used > start else 0
        if used + sep + n > width and (used > start or (not lines and first.strip())):
            lines.append(line.rstrip())
            line, start, sep = indent, len(indent), 0
            used = start
        line += (" · " if sep else "") + unit
        used += sep + n
    lines.append(line)
    return lines


def _section_table(rows: list[dict[str, Any]], totals: dict[str, Any] | None, iv: Any, width: int):
    """Sections with short headers that are never cut; on a narrow terminal columns are left out, not
    squeezed (the mastery bar first, then recall on the interview day, recall now, right in 30 days)."""
    from rich.table import Table

    from mlprep.cli.common import _escape as escape

    every = [*rows, *([totals] if totals else [])]
    name_w = max([len("section"), *(len(r["id"]) for r in every)])
    seen_w = max([4, *(len(f"{r['seen']}/{r['total']}") for r in every)])
    cols = [("seen", seen_w), ("due", max([3, *(len(str(r["due"])) for r in every)])), ("mastery", 7)]
    optional = [("right", 5, 1), ("recall", 6, 2)] + ([("on day", 6, 3)] if iv else []) + [("", 10, 99)]

    def total(cs: list[tuple[str, int]]) -> int:
        return name_w + sum(w for _, w in cs) + 2 * len(cs)

    for head, w, at in optional:
        if total(cols) + w + 2 <= width:
            cols.insert(min(at, len(cols)), (head, w))
    table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("section", no_wrap=True, min_width=name_w)
    for head, w in cols:
        table.add_column(head, justify="right" if head else "left", no_wrap=True, min_width=w)

    def cells(row: dict[str, Any]) -> list[str]:
        values = {"seen": f"{row['seen']}/{row['total']}", "right": _pct(row["accuracy_30d"]),
                  "recall": _pct(row["retrievability"]), "due": str(row["due"]) if row["due"] else "·",
                  "on day": _pct(row.get("predicted_retrievability")), "mastery": _pct(row["mastery"]),
                  "": f"[green]{_mastery_bar(row['mastery'], 10)}[/]"}
        return [escape(row["id"]), *(values[h] for h, _ in cols)]

    for row in rows:
        table.add_row(*cells(row))
    if totals is not None:
        table.add_row(*cells(totals), style="bold")
    return table


STATS_LEGEND = ("right: answers right in the last 30 days · recall: fsrs's probability that you remember a seen "
                "question now (it counts whole days, so today's cards show 100%) · on day: recall predicted on the "
                "interview day · mastery: the expected share of the section you would recall now (unseen count as 0)")


def render_stats(f: dict[str, Any], parts: frozenset[str] = frozenset()) -> None:
    """By default one 80x24 screen: today, the cards, the weakest sections, the weakest tags, the forecast
    and the drills. `parts` adds "sections" (every section), "calendar" (forecast chart and activity
    calendar), or "all" (both and the leeches)."""
    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    con = ui.console
    width = con.width
    every = "all" in parts
    show_sections = every or "sections" in parts
    show_calendar = every or "calendar" in parts

    def say(lines: list[str]) -> None:
        for line in lines:
            con.print(line, no_wrap=True, overflow="ignore", crop=False)

    t = f["today"]
    scope = f" · sections: {', '.join(escape(s) for s in f['sections_filter'])}" if f["sections_filter"] else ""
    say(_flow([f"{_day(t['date'])}: [bold]{t['reviews']}[/] review{'s' * (t['reviews'] != 1)}",
               f"{_pct(t['accuracy'])} right", f"{_duration(t['seconds'])} answering",
               f"streak [bold]{t['streak']}[/] day{'s' * (t['streak'] != 1)} (longest {t['longest_streak']})"
               + scope], width, first="[bold]Today[/] "))
    iv = f["interview"]
    if iv:
        say(_flow([f"{_day(iv['date'])}, in {iv['days_left']} day{'s' * (iv['days_left'] != 1)}",
                   f"{iv['daily_new_quota']} new a day", f"{iv['unseen']} unseen",
                   f"predicted recall on the day {_pct(iv['predicted_retrievability'])} of what you have seen",
                   f"{_pct(iv['predicted_mastery'])} of everything"], width, first="[bold]Interview[/] "))
    c, tot = f["cards"], f["totals"]
    leeches = f["leeches"]
    say(_flow([f"{tot['total']}: {c['new']} new", f"{c['learning']} learning", f"{c['review']} review",
               f"{c['relearning']} relearning", f"[bold]{tot['due']}[/] due now",
               f"{len(leeches)} leech{'es' * (len(leeches) != 1)}"], width, first="[bold]Questions[/] "))

    rows = f["sections"]
    if show_sections:
        con.print()
        con.print(_section_table(rows, f["totals"], iv, width))
        con.print(f"[dim]{STATS_LEGEND}[/]")
    elif rows:
        weakest = sorted(rows, key=lambda r: (r["mastery"], r["id"]))[:5]
        con.print()
        say(_flow([f"[dim](of {len(rows)})[/]", "[dim]all: mlprep stats --sections[/]"], width,
                  first="[bold]Weakest sections[/] "))
        con.print(_section_table(weakest, f["totals"] if len(rows) > 1 else None, iv, width))

    weak = f["weakest_tags"][:6]
    if weak:
        say(_flow([f"[yellow]{escape(w['tag'])}[/] {_pct(w['accuracy_30d'])}/{_pct(w['retrievability'])}"
                   for w in weak] + ["[dim]→ mlprep quiz --weak[/]"], width,
                  first="[bold]Weakest tags[/] [dim](right/recall)[/] "))
    if every and leeches:
        say(_flow([f"{escape(x['id'])} ({x['lapses']}×)" for x in leeches] + ["[dim]→ mlprep quiz --leeches[/]"],
                  width, first="[bold]Leeches[/] "))

    fc = f["forecast"]
    if show_calendar:
        from rich.table import Table

        con.print()
        chart, cal = forecast_chart(fc), activity_calendar(f["activity"])
        if width >= 3 * len(fc) + 4 + 30:
            grid = Table.grid(padding=(0, 4))
            grid.add_column(no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_row("[bold]Due in the next 14 days[/]", "[bold]Activity, last 26 weeks[/]")
            grid.add_row(chart, cal)
            con.print(grid)
        else:
            con.print("[bold]Due in the next 14 days[/]")
            con.print(chart, no_wrap=True, overflow="ignore", crop=False)
            con.print("[bold]Activity, last 26 weeks[/]")
            con.print(cal, no_wrap=True, overflow="ignore", crop=False)
    else:
        week = sum(x["total"] for x in fc[1:7])
        rest = sum(x["total"] for x in fc[7:])
        spark = "".join(BLOCKS[min(8, max(1, round(8 * x["total"] / max(1, max(y["total"] for y in fc[1:]) or 1))))]
                        if x["total"] else "·" for x in fc[1:])
        say(_flow([f"today {fc[0]['total']}", f"next 6 days {week}", f"the week after {rest}",
                   f"[cyan]{spark}[/]"], width, first="[bold]Due[/] "))

    d = f["drills"]
    if d["total"]:
        say(_flow([f"{d['passed']} passed", f"{d['attempted']} attempted", f"{d['total']} in all",
                   f"hints used {d['hints_used']}"]
                  + ([f"due: {', '.join(escape(x) for x in d['due'])}"] if d["due"] else []),
                  width, first="[bold]Drills[/] "))
        if every:
            parts_ = []
            for r in d["sections"]:
                part = f"{escape(r['id'])} [green]{r['passed']}[/]/{r['attempted']}/{r['total']}"
                if r["not_vectorized"]:
                    part += f" [yellow]({r['not_vectorized']} slow)[/]"
                parts_.append(part)
            say(_flow(parts_, width, first="  [dim]passed/tried/all:[/] "))
            if d["not_vectorized"]:
                say(_flow([escape(x) for x in d["not_vectorized"]], width,
                          first="  [dim]correct but not vectorized:[/] "))
    if not every:
        more = [x for x, shown in (("--sections", show_sections), ("--calendar", show_calendar)) if not shown]
        con.print(f"[dim]More: mlprep stats {' · '.join([*more, '--all'])}[/]")


# ---------------------------------------------------------------- today

def render_today(f: dict[str, Any], cap_left: int | None = None) -> None:
    from mlprep.cli import console as ui
    from mlprep.cli.common import _escape as escape

    con = ui.console
    t = f["today"]
    con.print(f"[bold]{_day(t['date'], '%A %d %B %Y')}[/]")
    if t["studied_today"]:
        con.print(f"Done today: [bold]{t['reviews']}[/] review{'s' * (t['reviews'] != 1)}, {_pct(t['accuracy'])} right, "
                  f"{_duration(t['seconds'])} answering. "
                  f"Streak: [bold]{t['streak']}[/] day{'s' * (t['streak'] != 1)}.")
    elif t["streak"]:
        con.print(f"Streak: [bold]{t['streak']}[/] day{'s' * (t['streak'] != 1)}: study today to keep it.")
    else:
        con.print("No streak running: answer a few questions to start one.")
    due_q = f["totals"]["due"]
    by_section = [f"{escape(s['id'])} {s['due']}" for s in f["sections"] if s["due"]]
    for line in _flow(by_section, con.width, first=f"Questions due now: [bold]{due_q}[/]"
                      + (": " if by_section else "")):  # "section n" is never split
        con.print(line, no_wrap=True, overflow="ignore", crop=False)
    if cap_left is not None and due_q > cap_left:
        con.print(f"[yellow]Today's review cap leaves {cap_left} of them for today[/] (the most-forgotten first; "
                  "the rest wait for tomorrow, or raise [bold]mlprep quiz --max-reviews[/]).")
        if cap_left == 0:
            due_q = 0  # nothing more to review today
    iv = f["interview"]
    if iv:
        left = max(0, iv["daily_new_quota"] - iv["new_today"])
        con.print(f"New questions: [bold]{left}[/] of today's {iv['daily_new_quota']} left "
                  f"({iv['new_today']} done; interview {_day(iv['date'])}, in {iv['days_left']} "
                  f"day{'s' * (iv['days_left'] != 1)}; {iv['unseen']} unseen)")
    else:
        new = f["marks"]["new_available"]
        con.print(f"New questions available: {new}" + (f" (a session adds up to {NEW_PER_SESSION})" if new else ""))
    drills = f["drills"]["due"]
    if drills:
        con.print(f"Drills due: [bold]{len(drills)}[/]: " + ", ".join(f"[cyan]{escape(s)}[/]" for s in drills))
    weak = f["weakest_tags"][:3]
    if weak:
        con.print("Weakest tags: " + ", ".join(f"[yellow]{escape(w['tag'])}[/]" for w in weak))
    if due_q or drills or (iv and iv["daily_new_quota"] > iv["new_today"]) or (not iv and f["marks"]["new_available"]):
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
    con.print(f"· {plural(iv['unseen'], 'question')} unseen, {iv['seen_once']} seen once. Daily quota: "
              f"[bold]{iv['daily_new_quota']}[/] new question{'s' * (iv['daily_new_quota'] != 1)} a day "
              f"({iv['new_today']} done today), so each is seen at least twice before the day.")
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
