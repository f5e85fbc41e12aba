"""The HTML progress report: one self-contained page with tables and plots. No terminal I/O here.

`write_report()` computes the figures of `mlprep stats` (`stats.compute`) and the per-day history
(`stats.history`) and writes the page `build_html()` renders from them. The page needs no network:
CSS is inline and every plot is an SVG embedded as a `data:` URI, drawn with matplotlib's object API
(`matplotlib.figure.Figure`, no pyplot, no global backend). Every number a plot shows is also in a
table or a caption, so the page reads without the pictures and prints on paper.

matplotlib is the optional extra `report` (`pip install ".[report]"` from a clone); without it the report
raises `MlprepError` with that instruction before computing anything.
"""

from __future__ import annotations

import base64
import html
import io
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from mlprep.errors import MlprepError
from mlprep.fsutil import write_text_atomic
from mlprep.rules import LEECH_LAPSES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from mlprep.questions.bank import Bank
    from mlprep.store.db import Store

MISSING_MATPLOTLIB = ("mlprep report draws its plots with matplotlib, which is not installed. "
                      "Install it from your clone of mlprep with: pip install \".[report]\"")
REVIEW_DAYS = 90  # the reviews-per-day plot shows at most this many days
ROLLING_DAYS = 7
TOP_TAGS = 10
WIDTH_IN = 9.0  # plot width in inches (SVG: 648 pt); the page scales it to the column

# Colour-blind friendly (Okabe-Ito) and legible in grey when printed.
BLUE, ORANGE, GREEN, GREY, LIGHT = "#0072B2", "#E69F00", "#009E73", "#777777", "#e3e3e3"
CALENDAR_COLOURS = ["#ebedf0", "#c6e5d9", "#7cc5a8", "#2f9e78", "#0b6b4f"]

_RC = {
    "svg.hashsalt": "mlprep-report",  # stable clip-path ids: the same data gives the same SVG
    "svg.fonttype": "none",  # text stays text (small files, crisp in print); the browser picks the font
    "font.family": "sans-serif",
    "font.size": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "legend.frameon": False,
    "figure.dpi": 100,
}

# The plots, in page order: (key, heading).
PLOTS = (
    ("retention", "Retention and accuracy over time"),
    ("reviews", "Reviews per day"),
    ("mastery", "Mastery per section"),
    ("calendar", "Activity, last 26 weeks"),
    ("forecast", "Due in the next 14 days"),
    ("drills", "Drill progress"),
)


# ---------------------------------------------------------------- matplotlib, optional

def _config_dir() -> None:
    """Point matplotlib at a writable config/cache folder when the home one is not writable.

    (Otherwise it makes a temporary one on every run and logs a warning about it.)
    """
    if "MPLCONFIGDIR" in os.environ or "matplotlib" in sys.modules:
        return
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "matplotlib"
    probe = home
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if os.access(probe, os.W_OK):
        return
    from mlprep import paths

    target = paths.cache_dir() / "matplotlib"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        target = Path(tempfile.gettempdir()) / f"mlprep-matplotlib-{os.getuid() if hasattr(os, 'getuid') else 0}"
        target.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(target)


def require_matplotlib() -> None:
    """Raise MlprepError with the install instruction when matplotlib cannot be imported."""
    _config_dir()
    try:
        import matplotlib  # noqa: F401
        import matplotlib.figure  # noqa: F401
    except ImportError:
        raise MlprepError(MISSING_MATPLOTLIB) from None


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        yield


def _new_figure(height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH_IN, height), layout="constrained")


def _svg(fig: Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue().decode("utf-8")


# ---------------------------------------------------------------- small helpers

def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _pct(x: float | None, nd: int = 0) -> str:
    return "—" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{100 * x:.{nd}f}%"


def _plot_text(text: str) -> str:
    """Bank text as a matplotlib label: a `$` would start mathtext (and a stray one fails the whole plot)."""
    return text.replace("$", r"\$")


def _short(title: str, n: int = 30) -> str:
    """A section title for a plot label: the part before the colon, at most n characters."""
    head = title.split(":")[0].strip() or title
    return head if len(head) <= n else head[: n - 1].rstrip() + "…"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _zone(name: str) -> tuple[tzinfo, str]:
    """The zone the figures were computed in, and its label (UTC when the name is not an IANA one)."""
    from mlprep import clock

    try:
        return clock.zone(name), name
    except ValueError:
        return timezone.utc, "UTC"


def _minutes(seconds: float) -> str:
    if 0 < seconds < 60:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def _daily(history: pd.DataFrame, end: date) -> pd.DataFrame:
    """The history on every calendar day from its first day to `end`; days without reviews are 0/NaN."""
    cols = ["reviews", "answered", "correct", "recall_n", "recall_ok"]
    h = history[cols].astype(float)
    h.index = pd.DatetimeIndex(pd.to_datetime(list(history.index)))
    first = min(h.index.min(), pd.Timestamp(end))
    last = max(h.index.max(), pd.Timestamp(end))
    h = h.reindex(pd.date_range(first, last, freq="D"), fill_value=0.0)
    return h


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    return (num / den.where(den > 0)).astype(float)


def _date_axis(ax: Any) -> None:
    from matplotlib import dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _percent_axis(ax: Any, axis: str = "y") -> None:
    from matplotlib.ticker import PercentFormatter

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(PercentFormatter(1.0, decimals=0))


# ---------------------------------------------------------------- the plots

def plot_retention(history: pd.DataFrame, today: date) -> Figure | None:
    """Daily retention and accuracy (points) with their 7-day rolling values (lines); gaps stay gaps."""
    if history.empty:
        return None
    h = _daily(history, today)
    x = h.index.to_numpy()
    fig = _new_figure(3.0)
    ax = fig.add_subplot()
    series = [
        ("Retention (Review cards recalled)", BLUE, "o", h["recall_ok"], h["recall_n"]),
        ("Accuracy (answers correct)", ORANGE, "s", h["correct"], h["answered"]),
    ]
    for label, colour, marker, num, den in series:
        daily = _ratio(num, den)
        rolling = _ratio(num.rolling(ROLLING_DAYS, min_periods=1).sum(), den.rolling(ROLLING_DAYS, min_periods=1).sum())
        ax.plot(x, daily.to_numpy(), marker, color=colour, ms=3, alpha=0.45, lw=0, label=f"{label}, per day")
        ax.plot(x, rolling.to_numpy(), "-", color=colour, lw=2, label=f"{label}, {ROLLING_DAYS}-day")
    ax.set_ylim(-0.02, 1.05)
    _percent_axis(ax)
    ax.grid(axis="y", color=LIGHT, lw=0.8)
    ax.set_axisbelow(True)
    if len(x) == 1:
        ax.set_xlim(x[0] - np.timedelta64(3, "D"), x[0] + np.timedelta64(3, "D"))
    _date_axis(ax)
    fig.legend(loc="outside upper left", ncols=2, fontsize=8)
    return fig


def plot_reviews(history: pd.DataFrame, today: date) -> Figure | None:
    """Reviews per day over the last 90 days (at least two weeks), answered correctly in a darker shade."""
    if history.empty:
        return None
    h = _daily(history, today)
    start = max(pd.Timestamp(today) - pd.Timedelta(days=REVIEW_DAYS - 1),
                min(h.index.min(), pd.Timestamp(today) - pd.Timedelta(days=13)))
    h = h.reindex(pd.date_range(start, pd.Timestamp(today), freq="D"), fill_value=0.0)
    x = h.index.to_numpy()
    fig = _new_figure(2.6)
    ax = fig.add_subplot()
    ax.bar(x, h["reviews"].to_numpy(), width=0.85, color=BLUE, alpha=0.35, label="reviews")
    ax.bar(x, h["correct"].to_numpy(), width=0.85, color=BLUE, label="of which answered correctly")
    ax.set_ylabel("reviews")
    ax.grid(axis="y", color=LIGHT, lw=0.8)
    ax.set_axisbelow(True)
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    _date_axis(ax)
    fig.legend(loc="outside upper left", ncols=2, fontsize=8)
    return fig


def plot_mastery(figures: dict[str, Any]) -> Figure | None:
    """Per section: mastery (bar), the mean recall of the seen cards (tick), and at the interview (outline)."""
    rows = figures["sections"]
    if not rows:
        return None
    fig = _new_figure(0.8 + 0.3 * len(rows))
    ax = fig.add_subplot()
    y = np.arange(len(rows))
    mastery = np.array([r["mastery"] or 0.0 for r in rows])
    ax.barh(y, np.ones(len(rows)), color=LIGHT, height=0.7)
    ax.barh(y, mastery, color=GREEN, height=0.7, label="mastery now")
    if figures.get("interview"):
        pred = np.array([r.get("predicted_mastery") or 0.0 for r in rows])
        ax.barh(y, pred, fill=False, edgecolor="#333333", lw=1, ls="--", height=0.7, label="mastery at the interview")
    for yi, r, m in zip(y, rows, mastery):
        ax.text(1.01, float(yi), f"{100 * m:.0f}%  ({r['seen']}/{r['total']} seen)", va="center", fontsize=8)
    ax.set_yticks(y, [_plot_text(_short(r["title"])) for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.25)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    _percent_axis(ax, "x")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    if figures.get("interview"):
        fig.legend(loc="outside upper left", ncols=2, fontsize=8)
    return fig


def calendar_grid(activity: list[dict[str, Any]]) -> tuple[np.ndarray, list[date]]:
    """Reviews as a 7 × weeks grid (rows Monday..Sunday, columns weeks; NaN after the last day)."""
    if not activity:
        return np.full((7, 0), np.nan), []
    first = date.fromisoformat(activity[0]["date"])
    weeks = (len(activity) + first.weekday() + 6) // 7
    grid = np.full((7, weeks), np.nan)
    for i, a in enumerate(activity):
        pos = i + first.weekday()
        grid[pos % 7, pos // 7] = a["reviews"]
    mondays = [first - timedelta(days=first.weekday()) + timedelta(weeks=w) for w in range(weeks)]
    return grid, mondays


def _levels(grid: np.ndarray) -> np.ndarray:
    """0 for no reviews, 1..4 by quartile of the active days (as GitHub's contribution graph)."""
    out = np.where(np.isnan(grid), np.nan, 0.0)
    positive = grid[np.isfinite(grid) & (grid > 0)]
    if positive.size:
        cuts = np.quantile(positive, [0.25, 0.5, 0.75])
        active = np.isfinite(grid) & (grid > 0)
        out[active] = 1 + np.searchsorted(cuts, grid[active], side="left").clip(0, 3)
    return out


def plot_calendar(figures: dict[str, Any]) -> Figure | None:
    """The activity calendar: one square per day, weeks left to right, Monday at the top."""
    grid, mondays = calendar_grid(figures["activity"])
    if not mondays or not np.nansum(grid):
        return None
    from matplotlib.colors import ListedColormap

    cmap = ListedColormap(CALENDAR_COLOURS).with_extremes(bad="white")
    fig = _new_figure(2.0)
    ax = fig.add_subplot()
    ax.imshow(np.ma.masked_invalid(_levels(grid)), cmap=cmap, vmin=-0.5, vmax=4.5, aspect="equal",
              interpolation="nearest")
    # white gaps between the squares
    ax.set_xticks(np.arange(-0.5, len(mondays), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, 7, 1), minor=True)
    ax.grid(which="minor", color="white", lw=2)
    ax.tick_params(which="both", length=0)
    ax.set_yticks([0, 2, 4, 6], ["Mon", "Wed", "Fri", "Sun"])
    months = [(i, m.strftime("%b")) for i, m in enumerate(mondays) if i == 0 or m.month != mondays[i - 1].month]
    ax.set_xticks([i for i, _ in months], [name for _, name in months])
    ax.xaxis.tick_top()
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def plot_forecast(figures: dict[str, Any]) -> Figure | None:
    """Questions and drills due on each of the next 14 days, stacked (today includes the overdue ones)."""
    rows = figures["forecast"]
    if not rows or not sum(r["total"] for r in rows):
        return None
    q = np.array([r["questions"] for r in rows])
    d = np.array([r["drills"] for r in rows])
    x = np.arange(len(rows))
    fig = _new_figure(2.6)
    ax = fig.add_subplot()
    ax.bar(x, q, color=BLUE, width=0.7, label="questions")
    ax.bar(x, d, bottom=q, color=ORANGE, width=0.7, label="drills")
    for xi, total in zip(x, q + d):
        if total:
            ax.text(float(xi), total, str(int(total)), ha="center", va="bottom", fontsize=8)
    days = [date.fromisoformat(r["date"]) for r in rows]
    ax.set_xticks(x, ["today"] + [f"{d_:%a}\n{d_.day}" for d_ in days[1:]])
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    ax.set_ylabel("due")
    ax.margins(y=0.15)
    fig.legend(loc="outside upper left", ncols=2, fontsize=8)
    return fig


def plot_drills(figures: dict[str, Any]) -> Figure | None:
    """Per section: drills passed, attempted and in the catalogue, as overlaid bars."""
    rows = figures["drills"]["sections"]
    if not rows:
        return None
    fig = _new_figure(0.8 + 0.3 * len(rows))
    ax = fig.add_subplot()
    y = np.arange(len(rows))
    total = np.array([r["total"] for r in rows])
    attempted = np.array([r["attempted"] for r in rows])
    passed = np.array([r["passed"] for r in rows])
    ax.barh(y, total, color=LIGHT, height=0.7, label="in the catalogue")
    ax.barh(y, attempted, color=GREEN, alpha=0.45, height=0.7, label="attempted")
    ax.barh(y, passed, color=GREEN, height=0.7, label="passed")
    for yi, p, a, t in zip(y, passed, attempted, total):
        ax.text(t + 0.15, float(yi), f"{p} passed / {a} tried / {t}", va="center", fontsize=8)
    ax.set_yticks(y, [_plot_text(_short(r["title"])) for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, max(int(total.max()), 1) * 1.45)
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.legend(loc="outside upper left", ncols=3, fontsize=8)
    return fig


def draw_plots(figures: dict[str, Any], history: pd.DataFrame) -> dict[str, str | None]:
    """Every plot as SVG text (None where there is nothing to draw), keyed as in PLOTS."""
    require_matplotlib()
    today = date.fromisoformat(figures["today"]["date"])
    makers = {
        "retention": lambda: plot_retention(history, today),
        "reviews": lambda: plot_reviews(history, today),
        "mastery": lambda: plot_mastery(figures),
        "calendar": lambda: plot_calendar(figures),
        "forecast": lambda: plot_forecast(figures),
        "drills": lambda: plot_drills(figures),
    }
    out: dict[str, str | None] = {}
    with _style():
        for key, make in makers.items():
            fig = make()
            out[key] = None if fig is None else _svg(fig)
    return out


# ---------------------------------------------------------------- the page

CSS = """
:root { --ink: #1d2329; --muted: #5b6670; --line: #d8dde2; --accent: #0072B2; --bg: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p { margin: .4rem 0; }
.muted, figcaption, caption { color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .6rem; margin: 1rem 0; }
.tile { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .7rem; background: var(--bg); }
.tile b { display: block; font-size: 1.45rem; line-height: 1.2; }
.tile span { color: var(--muted); font-size: .85rem; }
.note { border-left: 4px solid var(--accent); background: var(--bg); padding: .5rem .8rem; margin: 1rem 0; }
.empty { color: var(--muted); font-style: italic; border: 1px dashed var(--line); padding: 1rem; text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
caption { text-align: left; font-size: .85rem; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--line); font-weight: 600; }
tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
figure { margin: 1rem 0 1.5rem; }
figure img { display: block; width: 100%; height: auto; }
figcaption { font-size: .85rem; margin-top: .3rem; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 2rem; }
ol, ul { padding-left: 1.4rem; margin: .3rem 0; }
li { margin: .15rem 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print {
  @page { margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  figure, table, .tiles, .note, li { break-inside: avoid; }
  .tile { background: none; }
}
"""


def _tile(value: str, label: str) -> str:
    return f'<div class="tile"><b>{_e(value)}</b><span>{_e(label)}</span></div>'


def _header(figures: dict[str, Any], history: pd.DataFrame) -> str:
    t = figures["today"]
    tz, tz_label = _zone(figures["timezone"])
    generated = datetime.fromisoformat(figures["generated_at"]).astimezone(tz)
    scope = figures.get("sections_filter") or []
    scope_txt = f" · sections: {', '.join(scope)}" if scope else ""
    out = [
        "<header>",
        "<h1>mlprep progress report</h1>",
        f'<p class="meta">Generated <time datetime="{_e(figures["generated_at"])}">'
        f"{_e(generated.strftime('%A %d %B %Y, %H:%M'))}</time> ({_e(tz_label)}){_e(scope_txt)}</p>",
    ]
    tiles = [
        _tile(f"{t['streak']} day" + ("" if t["streak"] == 1 else "s"), f"streak (longest {t['longest_streak']})"),
        _tile(str(t["reviews"]), "reviews today"),
        _tile(_pct(t["accuracy"]), f"accuracy today ({t['correct']}/{t['answered']})" if t["answered"]
              else "accuracy today"),
        _tile(_minutes(t["seconds"]), "studied today"),
        _tile(_pct(figures["totals"]["mastery"]), "mastery, all sections"),
        _tile(str(figures["totals"]["due"] + len(figures["drills"]["due"])), "due now (questions + drills)"),
    ]
    iv = figures.get("interview")
    if iv:
        left = iv["days_left"]
        when = ("today" if left == 0 else f"in {_plural(left, 'day')}" if left > 0
                else f"{_plural(-left, 'day')} ago")
        tiles.insert(0, _tile(when if left >= 0 else "passed", f"interview {iv['date']}"))
    out.append('<div class="tiles">' + "".join(tiles) + "</div>")
    if iv:
        if iv["days_left"] >= 0:
            out.append(
                f'<p class="note">Interview on <b>{_e(iv["date"])}</b> ({_e(when)}): predicted mastery on the day '
                f"<b>{_e(_pct(iv['predicted_mastery']))}</b> at the current pace; {_e(_plural(iv['unseen'], 'question'))} "
                f"not seen yet, {_e(iv['daily_new_quota'])} new a day to see them all in time.</p>")
        else:
            out.append(f'<p class="note">The interview on <b>{_e(iv["date"])}</b> has passed; the plan no longer '
                       "applies.</p>")
    if history.empty or not int(history["reviews"].sum()):
        out.append('<p class="note"><b>No reviews yet.</b> Run <code>mlprep quiz</code> to answer your first '
                   "questions; this report fills in as you go.</p>")
    out.append("</header>")
    return "\n".join(out)


def _section_table(figures: dict[str, Any]) -> str:
    drills = {r["id"]: r for r in figures["drills"]["sections"]}
    iv = bool(figures.get("interview"))
    head = ["Section", "Questions", "Seen", "Due now", "Mastery", "Recall of seen", "Accuracy (30 d)", "Drills passed"]
    if iv:
        head.insert(5, "Mastery at interview")

    def row(r: dict[str, Any], cell: str = "td") -> str:
        d = drills.get(r["id"])
        if r["id"] == "all":
            dtxt = f"{figures['drills']['passed']}/{figures['drills']['total']}"
        else:
            dtxt = f"{d['passed']}/{d['total']}" if d else "—"
        acc = _pct(r["accuracy_30d"])
        if r["answered_30d"]:
            acc += f" ({r['correct_30d']}/{r['answered_30d']})"
        cells = [_e(r["title"]), str(r["total"]), str(r["seen"]), str(r["due"]), _pct(r["mastery"]),
                 _pct(r["retrievability"]), _e(acc), dtxt]
        if iv:
            cells.insert(5, _pct(r.get("predicted_mastery")))
        first = f'<th scope="row">{cells[0]}</th>' if cell == "th" else f"<td>{cells[0]}</td>"
        return "<tr>" + first + "".join(f"<td>{c}</td>" for c in cells[1:]) + "</tr>"

    body = "\n".join(row(r, "th") for r in figures["sections"])
    return ("<table><caption>Mastery is the share of the section you would recall now (unseen questions count "
            "as 0); recall is fsrs's predicted recall of the questions seen.</caption>\n<thead><tr>"
            + "".join(f'<th scope="col">{_e(h)}</th>' for h in head) + "</tr></thead>\n<tbody>\n" + body
            + "\n</tbody>\n<tfoot>" + row(figures["totals"]) + "</tfoot></table>")


def _cards_line(figures: dict[str, Any]) -> str:
    c = figures["cards"]
    return (f"<p>Questions by state: {c['new']} new, {c['learning']} learning, {c['review']} in review, "
            f"{c['relearning']} relearning.</p>")


def _lists(figures: dict[str, Any]) -> str:
    tags = figures["weakest_tags"][:TOP_TAGS]
    if tags:
        items = []
        for t in tags:
            acc = (f"accuracy {_pct(t['accuracy_30d'])} of {t['answered_30d']}" if t["answered_30d"]
                   else "no answers in 30 days")
            items.append(f"<li><b>{_e(t['tag'])}</b> — strength {_pct(t['strength'])} ({_e(acc)}, recall "
                         f"{_pct(t['retrievability'])}, {t['seen']}/{t['questions']} seen)</li>")
        tag_html = "<ol>" + "".join(items) + "</ol>"
    else:
        tag_html = '<p class="muted">No tag has a reviewed question yet.</p>'
    titles = {r["id"]: r["title"] for r in figures["sections"]}
    leeches = figures["leeches"]
    if leeches:
        leech_html = "<ul>" + "".join(
            f"<li><code>{_e(x['id'])}</code> ({_e(_short(titles.get(x['section'], x['section']), 40))}) — "
            f"{_plural(x['lapses'], 'lapse')}</li>" for x in leeches) + "</ul>"
    else:
        leech_html = f'<p class="muted">None: no question has been forgotten {LEECH_LAPSES} times.</p>'
    return ('<div class="cols"><div><h3 id="weakest-tags">Weakest tags</h3>'
            '<p class="muted">Lowest strength first (mean of smoothed 30-day accuracy and recall).</p>' + tag_html
            + f'</div><div><h3 id="leeches">Leeches</h3><p class="muted">Questions forgotten {LEECH_LAPSES} times or more: '
            "rewrite them in your own words or split them.</p>" + leech_html + "</div></div>")


def _captions(figures: dict[str, Any], history: pd.DataFrame) -> dict[str, str]:
    """A sentence per plot with its main numbers (the text alternative to the picture)."""
    today = figures["today"]
    caps: dict[str, str] = {}
    if not history.empty:
        h = history.astype(float)
        days = int((h["reviews"] > 0).sum())
        recall_n, answered = h["recall_n"].sum(), h["answered"].sum()
        first = min(history.index)
        ret = (f"retention {_pct(h['recall_ok'].sum() / recall_n)} of {int(recall_n)} reviews of cards in the "
               "Review state" if recall_n else "no card has reached the Review state yet, so no retention")
        acc = (f"accuracy {_pct(h['correct'].sum() / answered)} of {int(answered)} checked answers" if answered
               else "no checked answers")
        caps["retention"] = (f"Since {first:%d %b %Y}: {ret}; {acc}. Points are days; lines are "
                             f"{ROLLING_DAYS}-day totals, broken where a week has no data.")
        recent = h[h.index >= date.fromisoformat(today["date"]) - timedelta(days=REVIEW_DAYS - 1)]
        caps["reviews"] = (f"{int(h['reviews'].sum())} reviews on {_plural(days, 'day')} in all; "
                           f"{int(recent['reviews'].sum())} in the last {REVIEW_DAYS} days, at most "
                           f"{int(recent['reviews'].max()) if len(recent) else 0} in a day.")
    rows = sorted(figures["sections"], key=lambda r: r["mastery"] or 0)
    if rows and rows[0]["mastery"] == rows[-1]["mastery"]:
        caps["mastery"] = f"Every section at {_pct(rows[0]['mastery'])} mastery."
    elif rows:
        caps["mastery"] = (f"Overall mastery {_pct(figures['totals']['mastery'])}; weakest section "
                           f"{rows[0]['title']} ({_pct(rows[0]['mastery'])}), strongest {rows[-1]['title']} "
                           f"({_pct(rows[-1]['mastery'])}).")
    act = figures["activity"]
    active = [a for a in act if a["reviews"]]
    if active:
        best = max(active, key=lambda a: a["reviews"])
        caps["calendar"] = (f"{_plural(len(active), 'active day')} of {len(act)}, {sum(a['reviews'] for a in act)} "
                            f"reviews; busiest {best['date']} with {best['reviews']}. Darker squares mean more "
                            f"reviews (quartiles of the active days); Monday is the top row.")
    fc = figures["forecast"]
    if fc:
        busiest = max(fc, key=lambda r: r["total"])
        caps["forecast"] = (f"{sum(r['questions'] for r in fc)} questions and {sum(r['drills'] for r in fc)} drills "
                            f"due over 14 days ({fc[0]['total']} today, overdue included); busiest "
                            f"{busiest['date']} with {busiest['total']}.")
    dr = figures["drills"]
    if dr["total"]:
        caps["drills"] = (f"{dr['passed']} of {dr['total']} drills passed, {dr['attempted']} attempted; "
                          f"{len(dr['due'])} due for review now.")
    return caps


_EMPTY = {
    "retention": "No reviews yet.",
    "reviews": "No reviews yet.",
    "mastery": "No sections to show.",
    "calendar": "No reviews in the last 26 weeks.",
    "forecast": "Nothing is due in the next 14 days.",
    "drills": "No drills in the catalogue.",
}


def _figure(key: str, title: str, svg: str | None, caption: str | None) -> str:
    if svg is None:
        return f'<p class="empty" data-plot="{key}">{_e(_EMPTY[key])}</p>'
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = caption or title
    cap = f"<figcaption>{_e(caption)}</figcaption>" if caption else ""
    return (f'<figure id="plot-{key}"><img src="data:image/svg+xml;base64,{data}" alt="{_e(title)}: {_e(alt)}">'
            f"{cap}</figure>")


def build_html(figures: dict[str, Any], history: pd.DataFrame, plots: dict[str, str | None] | None = None) -> str:
    """The whole report page from `stats.compute()`'s figures and `stats.history()`'s per-day frame.

    `plots` (SVG text per PLOTS key) is drawn with matplotlib when not given.
    """
    if plots is None:
        plots = draw_plots(figures, history)
    caps = _captions(figures, history)
    titles = dict(PLOTS)
    from mlprep import __version__

    def fig(key: str) -> str:
        return _figure(key, titles[key], plots.get(key), caps.get(key))

    dr = figures["drills"]
    drill_notes = []
    if dr["due"]:
        drill_notes.append("Due for review: " + ", ".join(f"<code>{_e(s)}</code>" for s in dr["due"]) + ".")
    if dr["not_vectorized"]:
        drill_notes.append("Passed but slower than the reference (loops to vectorize): "
                           + ", ".join(f"<code>{_e(s)}</code>" for s in dr["not_vectorized"]) + ".")
    if dr["hints_used"]:
        drill_notes.append(f"{_plural(dr['hints_used'], 'hint')} shown so far.")
    drill_rows = "".join(
        f'<tr><th scope="row">{_e(r["title"])}</th><td>{r["passed"]}</td><td>{r["attempted"]}</td>'
        f"<td>{r['total']}</td><td>{r['hints_used']}</td></tr>" for r in dr["sections"])
    drill_table = (
        '<table><thead><tr><th scope="col">Section</th><th scope="col">Passed</th><th scope="col">Attempted</th>'
        f'<th scope="col">Drills</th><th scope="col">Hints shown</th></tr></thead><tbody>{drill_rows}</tbody>'
        f"<tfoot><tr><td>All drills</td><td>{dr['passed']}</td><td>{dr['attempted']}</td><td>{dr['total']}</td>"
        f"<td>{dr['hints_used']}</td></tr></tfoot></table>") if dr["sections"] else ""

    generated = figures["today"]["date"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="mlprep {_e(__version__)}">',
        f"<title>mlprep progress report, {_e(generated)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(figures, history),
        "<main>",
        '<section id="sections"><h2>Sections</h2>',
        _section_table(figures),
        _cards_line(figures),
        f"<h3>{_e(titles['mastery'])}</h3>",
        fig("mastery"),
        _lists(figures),
        "</section>",
        '<section id="history"><h2>History</h2>',
        f"<h3>{_e(titles['retention'])}</h3>",
        fig("retention"),
        f"<h3>{_e(titles['reviews'])}</h3>",
        fig("reviews"),
        f"<h3>{_e(titles['calendar'])}</h3>",
        fig("calendar"),
        "</section>",
        '<section id="forecast"><h2>Forecast</h2>',
        f"<h3>{_e(titles['forecast'])}</h3>",
        fig("forecast"),
        "</section>",
        '<section id="drills"><h2>Drills</h2>',
        drill_table,
        "".join(f"<p>{n}</p>" for n in drill_notes),
        f"<h3>{_e(titles['drills'])}</h3>",
        fig("drills"),
        "</section>",
        "</main>",
        f"<footer>mlprep {_e(__version__)} · days are local days in {_e(figures['timezone'])} · "
        "regenerate with <code>mlprep report</code></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


# ---------------------------------------------------------------- writing the file

_FROM_STORE: Any = object()


def write_report(store: Store, bank: Bank, drills: dict, path: Path | str, now: datetime, tz: tzinfo, *,
                 sections: Sequence[str] | None = None, interview: date | None = _FROM_STORE) -> Path:
    """Compute the figures, render the page and write it to `path` (a folder gets `report.html`).

    `interview` defaults to the date set with `mlprep plan`; `sections` narrows the report to them.
    """
    require_matplotlib()
    from mlprep.progress import stats as stats
    from mlprep.srs import plan as plan

    chosen = list(dict.fromkeys(sections or []))
    unknown = [s for s in chosen if s not in bank.sections]
    if unknown:
        raise MlprepError(f"unknown section {unknown[0]!r}; the sections are: {', '.join(bank.sections)}.")
    if interview is _FROM_STORE:
        interview = plan.active_interview(store, now, tz)
    frames = stats.load_frames(store, now, tz)
    figures = stats.compute(store, bank, now, tz, drills=drills, sections=chosen or None, interview=interview,
                            frames=frames)
    if chosen:  # the history of those sections only, as compute() narrows its activity figures
        frames = replace(frames, days=frames.days[frames.days["section"].isin(chosen)])
    page = build_html(figures, stats.history(store, tz, frames=frames))

    target = Path(path).expanduser()
    if target.is_dir():
        target = target / "report.html"
    try:
        write_text_atomic(target, page)
    except OSError as exc:
        raise MlprepError(f"cannot write the report to {target}: {exc.strerror or exc}. Choose another file "
                          "with -o.") from None
    return target
