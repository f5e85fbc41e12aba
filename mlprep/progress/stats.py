"""Progress figures, computed with pandas from the store. No terminal I/O here.

`compute()` returns one plain dict (the `mlprep stats --json` document, keys documented in
`docs/stats-json.md`); the CLI and the HTML report render it. The review log is never scanned whole:
triggers keep per-15-minute and per-item aggregates (store migration m003), and only the last 30
days are read row by row, so a million reviews cost what a few thousand aggregate rows cost.
pandas joins the aggregates with the banks (sections, tags) and the drills.

Definitions
- Days are the user's local days (see `clock.py`). The streak counts consecutive days with at least
  one review, ending today, or yesterday while today has none yet.
- Accuracy counts objectively checked answers (and flashcards not rated Again) over the last 30 days.
- Retrievability is fsrs's predicted probability of recall now, (1 + F·t/S)^D with t in whole days
  since the last review, exactly as `fsrs.Scheduler.get_card_retrievability`; it is 0 for unseen cards.
- Mastery of a section is the sum of its questions' retrievability over the number of questions:
  the share of the section you would be expected to recall right now.
- A lapse is an Again on a card in the Review state (as Anki counts them); a leech has ≥ 8 lapses.
- A tag's strength is the mean of its smoothed 30-day accuracy ((correct+1)/(answers+2)) and its
  seen cards' mean retrievability; the weakest tags are those with the lowest strength, among tags
  answered at least `rules.WEAK_TAG_MIN_ANSWERS` times.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

import numpy as np
import pandas as pd

from mlprep import clock
from mlprep.questions.bank import Bank
from mlprep.rules import DRILL_PREFIX
from mlprep.store.db import Store, iso

FORMAT_VERSION = 1
from mlprep.rules import LEECH_LAPSES, WEAK_TAG_MIN_ANSWERS  # noqa: E402  (re-exported for the renderers)

FORECAST_DAYS = 14
CALENDAR_WEEKS = 26
ACCURACY_DAYS = 30
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


# ---------------------------------------------------------------- retrievability

def decay_factor(parameters: Any) -> tuple[float, float]:
    decay = -float(parameters[20])
    return decay, 0.9 ** (1 / decay) - 1


def retrievability(stability: Any, last_review: Any, at: datetime, parameters: Any) -> np.ndarray:
    """Vectorised fsrs retrievability: arrays of stability and last review (epoch seconds).

    NaN stability (never reviewed) gives 0, as fsrs does for a card without a last review.
    """
    decay, factor = decay_factor(parameters)
    s = np.asarray(stability, dtype=float)
    last = np.asarray(last_review, dtype=float)
    elapsed = np.maximum(0, np.floor((at.timestamp() - last) / 86400.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (1 + factor * elapsed / s) ** decay
    return np.where(np.isnan(s) | np.isnan(last), 0.0, r)


# ---------------------------------------------------------------- loading

@dataclass
class Frames:
    """The aggregates stats are computed from (also used by the HTML report)."""

    days: pd.DataFrame  # per local day, kind, section: reviews, answered, correct, ms, recall_n, recall_ok
    items: pd.DataFrame  # per item: reviews, lapses, answered_30d, correct_30d, first_at
    cards: pd.DataFrame  # per card: item_id, kind, state, due, stability, last_review


DAY_COLUMNS = ["date", "kind", "section", "reviews", "answered", "correct", "ms", "recall_n", "recall_ok"]
BUCKET = 900  # seconds in a review_buckets bucket


def offset_segments(first: int, last: int, tz: tzinfo) -> list[tuple[int, int]]:
    """[(first bucket, UTC offset in seconds)] of the zone's offset changes over buckets first..last.

    Every zone's offset is a multiple of 15 minutes and changes at most a few times a year, so the
    offset is sampled daily and each change is located to its bucket by bisection.
    """
    def offset(bucket: int) -> int:
        moment = datetime.fromtimestamp(bucket * BUCKET, timezone.utc)
        return int(moment.astimezone(tz).utcoffset().total_seconds())  # type: ignore[union-attr]

    segments = [(first, offset(first))]
    step = 86400 // BUCKET
    b = first
    while b < last:
        nxt = min(last, b + step)
        if offset(nxt) != segments[-1][1]:
            lo, hi = b, nxt  # offset(lo) == current, offset(hi) differs
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset(mid) == segments[-1][1]:
                    lo = mid
                else:
                    hi = mid
            segments.append((hi, offset(hi)))
        b = nxt
    return segments


def load_days(store: Store, tz: tzinfo) -> pd.DataFrame:
    """Reviews per local day, kind and section, summed in SQL from the 15-minute buckets."""
    first, last = store.review_bucket_range()
    if first is None or last is None:
        return pd.DataFrame(columns=DAY_COLUMNS)
    rows = store.review_day_sums(offset_segments(first, last, tz), BUCKET)
    days = pd.DataFrame.from_records(rows, columns=DAY_COLUMNS)
    epoch = date(1970, 1, 1)
    days["date"] = [epoch + timedelta(days=int(n)) for n in days["date"]]
    return days


def load_items(store: Store, now: datetime) -> pd.DataFrame:
    """Per item: reviews, lapses, first review (trigger-maintained) and the last 30 days' answers."""
    totals = pd.DataFrame.from_records(store.item_totals(),
                                       columns=["item_id", "kind", "reviews", "lapses", "first_at"])
    recent = pd.DataFrame.from_records(store.answers_since(now - timedelta(days=ACCURACY_DAYS)),
                                       columns=["item_id", "answered_30d", "correct_30d"])
    return totals.merge(recent, on="item_id", how="left").fillna({"answered_30d": 0, "correct_30d": 0})


def load_cards(store: Store) -> pd.DataFrame:
    return pd.DataFrame.from_records(
        store.card_rows(),
        columns=["item_id", "kind", "state", "due", "stability", "last_review"])


def load_frames(store: Store, now: datetime, tz: tzinfo) -> Frames:
    """Read the trigger-maintained aggregates (see store migration m003) and the last 30 days."""
    return Frames(load_days(store, tz), load_items(store, now), load_cards(store))


def daily(days: pd.DataFrame) -> pd.DataFrame:
    """Per local day: reviews, answered, correct, ms, recall_n, recall_ok (index: date)."""
    cols = ["reviews", "answered", "correct", "ms", "recall_n", "recall_ok"]
    if days.empty:
        return pd.DataFrame(columns=cols, dtype="int64").rename_axis("date")
    return days.groupby("date")[cols].sum()


# ---------------------------------------------------------------- figures

def streaks(days: list[date] | set[date], today: date) -> tuple[int, int]:
    """(current streak, longest streak) from the set of local days with activity."""
    active = set(days)
    if not active:
        return 0, 0
    longest = run = 0
    prev = None
    for d in sorted(active):
        run = run + 1 if prev is not None and (d - prev).days == 1 else 1
        longest = max(longest, run)
        prev = d
    current = 0
    d = today if today in active else today - timedelta(days=1)
    while d in active:
        current += 1
        d -= timedelta(days=1)
    return current, longest


def _ratio(num: float, den: float) -> float | None:
    return None if not den else round(float(num) / float(den), 4)


def _round(x: Any, nd: int = 4) -> float | None:
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return None
    return round(float(x), nd)


def compute(store: Store, bank: Bank, now: datetime, tz: tzinfo, *, drills: dict | None = None,
            sections: list[str] | None = None, interview: date | None = None, parameters: Any = None,
            frames: Frames | None = None, min_tag_answers: int = WEAK_TAG_MIN_ANSWERS) -> dict[str, Any]:
    """Every figure of `mlprep stats`, as a JSON-ready dict."""
    if parameters is None:
        from mlprep.srs.scheduler import memory_parameters

        parameters = memory_parameters(store)
    now = now.astimezone(timezone.utc)
    today = clock.local_date(now, tz)
    frames = frames or load_frames(store, now, tz)
    section_ids = [s for s in bank.sections if not sections or s in sections]

    q = question_frame(bank, frames.items, frames.cards, now, parameters, section_ids)
    cards = frames.cards
    marks = store.card_marks()
    q["due"] = scheduled_due(q, marks)
    q["due_now"] = q["seen"] & (q["due"] <= now.timestamp())
    if interview is not None:
        at = clock.start_of_day(interview, tz) + timedelta(hours=9)
        q["r_interview"] = retrievability(q["stability"], q["last_review"], at, parameters)

    # ---- review activity (narrowed to the sections' items when --section is given)
    days = frames.days
    if sections:
        days = days[days["section"].isin(sections)]
    per_day = daily(days)
    active_days = [d for d, n in per_day["reviews"].items() if n > 0]
    current, longest = streaks(active_days, today)
    t = per_day.loc[today] if today in per_day.index else None
    today_fig = {
        "date": today.isoformat(),
        "reviews": int(t["reviews"]) if t is not None else 0,
        "answered": int(t["answered"]) if t is not None else 0,
        "correct": int(t["correct"]) if t is not None else 0,
        "accuracy": _ratio(t["correct"], t["answered"]) if t is not None else None,
        "seconds": round(float(t["ms"]) / 1000, 1) if t is not None else 0.0,
        "streak": current,
        "longest_streak": longest,
        "studied_today": t is not None and int(t["reviews"]) > 0,
    }

    # ---- per section
    def section_row(g: pd.DataFrame, sid: str, title: str) -> dict[str, Any]:
        seen = g[g["seen"]]
        row = {
            "id": sid, "title": title, "total": int(len(g)), "seen": int(len(seen)),
            "answered_30d": int(g["answered_30d"].sum()), "correct_30d": int(g["correct_30d"].sum()),
            "accuracy_30d": _ratio(g["correct_30d"].sum(), g["answered_30d"].sum()),
            "retrievability": _round(seen["r"].mean()) if len(seen) else None,
            "due": int(g["due_now"].sum()),
            "mastery": _round(g["r"].sum() / len(g)) if len(g) else 0.0,
        }
        if interview is not None:
            row["predicted_retrievability"] = _round(seen["r_interview"].mean()) if len(seen) else None
            row["predicted_mastery"] = _round(g["r_interview"].sum() / len(g)) if len(g) else 0.0
        return row

    groups = {sid: g for sid, g in q.groupby("section", sort=False)}
    empty = q.iloc[0:0]
    section_rows = [section_row(groups.get(sid, empty), sid, bank.sections[sid].title) for sid in section_ids]
    totals = section_row(q, "all", "All sections")

    # ---- tags, weakest first
    tags = _tag_table(q, min_tag_answers)
    weakest = [
        {"tag": r.tag, "questions": int(r.questions), "seen": int(r.seen), "answers": int(r.answers),
         "answered_30d": int(r.answered_30d),
         "accuracy_30d": _ratio(r.correct_30d, r.answered_30d), "retrievability": _round(r.r_seen),
         "strength": _round(r.strength)}
        for r in tags.itertuples()
    ]

    # ---- card states and leeches
    states = q["state"].map(STATE_NAMES).fillna("new").value_counts()
    card_states = {name: int(states.get(name, 0)) for name in ("new", "learning", "review", "relearning")}
    suspended = q["item_id"].map(lambda i: bool(i in marks and marks[i]["suspended"])).astype(bool)
    buried = q["item_id"].map(lambda i: bool(i in marks and not marks[i]["suspended"]
                                             and (marks[i]["buried_until"] or 0) > now.timestamp())).astype(bool)
    marked = {"suspended": int(suspended.sum()), "buried": int(buried.sum()),
              "new_available": int((~q["seen"] & ~suspended & ~buried).sum())}
    leech = q[q["lapses"] >= LEECH_LAPSES].sort_values(["lapses", "item_id"], ascending=[False, True])
    leeches = [{"id": i, "section": sec, "lapses": int(n)}
               for i, sec, n in zip(leech["item_id"].tolist(), leech["section"].tolist(), leech["lapses"].tolist())]

    # ---- forecast: cards due on each of the next 14 local days (today includes overdue)
    drill_ids = {DRILL_PREFIX + s for s, d in (drills or {}).items() if not sections or d.section in sections}
    dcards = cards[(cards["kind"] == "drill") & cards["item_id"].isin(drill_ids)]
    dcards = dcards.assign(due=scheduled_due(dcards, marks))
    forecast = _forecast(q.loc[q["seen"], "due"].dropna(), dcards["due"].dropna(), today, tz)

    # ---- activity calendar: 26 weeks of Monday-first weeks ending with this week
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=CALENDAR_WEEKS - 1)
    activity = [{"date": (first + timedelta(days=i)).isoformat(),
                 "reviews": int(per_day["reviews"].get(first + timedelta(days=i), 0))}
                for i in range((today - first).days + 1)]

    result: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "generated_at": iso(now),
        "timezone": str(tz),
        "sections_filter": list(sections or []),
        "today": today_fig,
        "totals": totals,
        "sections": section_rows,
        "weakest_tags": weakest,
        "cards": card_states,
        "marks": marked,
        "leeches": leeches,
        "forecast": forecast,
        "activity": activity,
        "drills": _drill_figures(store, drills or {}, bank, sections, dcards, now),
        "interview": None,
    }
    if interview is not None:
        from mlprep.srs import plan as plan

        p = plan.pacing(store, set(q["item_id"]), interview, now, tz)
        result["interview"] = {
            "date": interview.isoformat(), "days_left": p.days_left, "unseen": p.unseen, "seen_once": p.seen_once,
            "new_today": p.new_today, "daily_new_quota": p.quota,
            "max_interval_days": plan.max_interval(interview, now, tz),
            "predicted_retrievability": totals["predicted_retrievability"],
            "predicted_mastery": totals["predicted_mastery"],
        }
    return result


def _tag_table(q: pd.DataFrame, min_answers: int = WEAK_TAG_MIN_ANSWERS) -> pd.DataFrame:
    """One row per tag with at least one seen question and `min_answers` answers (reviews of its
    questions, ever), weakest first: one or two answers say too little to rank a tag at 0% or 100%."""
    cols = ["tag", "questions", "seen", "answers", "answered_30d", "correct_30d", "r_seen", "strength"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    ex = q[["item_id", "tags", "seen", "r", "reviews", "answered_30d", "correct_30d"]].explode("tags")
    ex = ex.dropna(subset=["tags"]).rename(columns={"tags": "tag"})
    ex["r_seen"] = ex["r"].where(ex["seen"])
    g = ex.groupby("tag").agg(questions=("item_id", "size"), seen=("seen", "sum"), answers=("reviews", "sum"),
                              answered_30d=("answered_30d", "sum"), correct_30d=("correct_30d", "sum"),
                              r_seen=("r_seen", "mean")).reset_index()
    g = g[(g["seen"] > 0) & (g["answers"] >= min_answers)].copy()
    smoothed = (g["correct_30d"] + 1) / (g["answered_30d"] + 2)
    g["strength"] = (smoothed + g["r_seen"].fillna(0)) / 2
    return g.sort_values(["strength", "tag"]).reset_index(drop=True)[cols]


def question_frame(bank: Bank, items: pd.DataFrame, cards: pd.DataFrame, now: datetime, parameters: Any,
                   section_ids: list[str] | None = None) -> pd.DataFrame:
    """One row per question (of `section_ids`, default all) joined with its card and review aggregates:
    item_id, section, tags, type, state, due, stability, last_review, reviews, lapses, answered_30d,
    correct_30d, seen, r (retrievability now)."""
    scope = set(section_ids) if section_ids is not None else None
    qs = pd.DataFrame.from_records(
        [(q.id, q.section, q.tags, q.type) for q in bank.questions.values() if scope is None or q.section in scope],
        columns=["item_id", "section", "tags", "type"])
    qcards = cards[cards["kind"] == "question"]
    q = qs.merge(qcards[["item_id", "state", "due", "stability", "last_review"]], on="item_id", how="left")
    q = q.merge(items[["item_id", "reviews", "lapses", "answered_30d", "correct_30d"]], on="item_id", how="left")
    for col in ("reviews", "lapses", "answered_30d", "correct_30d"):
        q[col] = q[col].fillna(0).astype("int64")
    q["seen"] = q["state"].notna()
    q["r"] = retrievability(q["stability"], q["last_review"], now, parameters)
    return q


def tag_strength(store: Store, bank: Bank, now: datetime) -> dict[str, float]:
    """Strength of every tag with a seen question (lower = weaker); used by `quiz --weak` and mock."""
    from mlprep.srs.scheduler import memory_parameters

    q = question_frame(bank, load_items(store, now), load_cards(store), now, memory_parameters(store))
    t = _tag_table(q)
    if t.empty:  # early on no tag has enough answers: rank what there is rather than nothing
        t = _tag_table(q, min_answers=1)
    return dict(zip(t["tag"], t["strength"].astype(float)))


def scheduled_due(frame: pd.DataFrame, marks: dict[str, Any]) -> pd.Series:
    """When each card (rows with item_id, due) next comes up: NaN when suspended, no earlier than the
    end of its burial when buried (`mlprep suspend`, `mlprep bury`)."""
    due = frame["due"].astype("float64").copy()
    if not marks or frame.empty:
        return due
    suspended = frame["item_id"].map(lambda i: bool(marks[i]["suspended"]) if i in marks else False).astype(bool)
    buried = frame["item_id"].map(lambda i: marks[i]["buried_until"] if i in marks else None).astype("float64")
    due = due.where(~(buried > due), buried)
    return due.mask(suspended)


def _forecast(question_due: pd.Series, drill_due: pd.Series, today: date, tz: tzinfo) -> list[dict[str, Any]]:
    ends = [clock.end_of_day(today + timedelta(days=i), tz).timestamp() for i in range(FORECAST_DAYS)]
    edges = [-np.inf, *ends]
    out = []
    qc = np.histogram(question_due.to_numpy(dtype=float), bins=edges)[0] if len(question_due) else [0] * FORECAST_DAYS
    dc = np.histogram(drill_due.to_numpy(dtype=float), bins=edges)[0] if len(drill_due) else [0] * FORECAST_DAYS
    for i in range(FORECAST_DAYS):
        out.append({"date": (today + timedelta(days=i)).isoformat(), "questions": int(qc[i]), "drills": int(dc[i]),
                    "total": int(qc[i]) + int(dc[i])})
    return out


def _drill_figures(store: Store, drills: dict, bank: Bank, sections: list[str] | None, dcards: pd.DataFrame,
                   now: datetime) -> dict[str, Any]:
    summary = store.drill_summary()
    hints = store.hint_counts()
    scope = {s: d for s, d in drills.items() if not sections or d.section in sections}
    order = {sid: i for i, sid in enumerate(bank.sections)}
    rows: dict[str, dict[str, Any]] = {}
    for slug, d in scope.items():
        row = rows.setdefault(d.section, {
            "id": d.section, "title": bank.sections[d.section].title if d.section in bank.sections else d.section,
            "total": 0, "attempted": 0, "passed": 0, "not_vectorized": 0, "hints_used": 0})
        s = summary.get(slug)
        row["total"] += 1
        row["attempted"] += bool(s)
        row["passed"] += bool(s and s["passed"])
        row["not_vectorized"] += bool(s and s["slow"])
        row["hints_used"] += int(hints.get(slug, 0))
    section_rows = sorted(rows.values(), key=lambda r: (order.get(r["id"], 99), r["id"]))
    due = dcards[dcards["due"] <= now.timestamp()]["item_id"].str.removeprefix(DRILL_PREFIX).tolist()
    return {
        "total": len(scope),
        "attempted": sum(r["attempted"] for r in section_rows),
        "passed": sum(r["passed"] for r in section_rows),
        "hints_used": sum(r["hints_used"] for r in section_rows),
        "not_vectorized": sorted(s for s in scope if summary.get(s, {}).get("slow")),
        "due": sorted(due),
        "sections": section_rows,
    }


def history(store: Store, tz: tzinfo, frames: Frames | None = None, now: datetime | None = None) -> pd.DataFrame:
    """Per local day: reviews, accuracy and true retention (share of Review-state cards recalled)."""
    frames = frames or load_frames(store, now or datetime.now(timezone.utc), tz)
    d = daily(frames.days)
    if d.empty:
        return d.assign(accuracy=pd.Series(dtype=float), retention=pd.Series(dtype=float))
    d = d.astype(float)
    d["accuracy"] = (d["correct"] / d["answered"]).where(d["answered"] > 0)
    d["retention"] = (d["recall_ok"] / d["recall_n"]).where(d["recall_n"] > 0)
    return d.sort_index()


def to_json(figures: dict[str, Any]) -> str:
    from mlprep.safetext import json_safe

    return json_safe(json.dumps(figures, indent=2, ensure_ascii=False))


def mastery(store: Store, bank: Bank, now: datetime, parameters: Any = None) -> tuple[dict[str, float], dict[str, float]]:
    """Mastery (the mean retrievability now of all questions, unseen ones counting 0) per section and
    per tag, as `compute` defines it for sections; used by `mlprep learn`."""
    if parameters is None:
        from fsrs import Scheduler

        parameters = Scheduler().parameters
    q = question_frame(bank, load_items(store, now), load_cards(store), now, parameters)
    if q.empty:
        return {}, {}
    by_section = {str(k): float(v) for k, v in q.groupby("section")["r"].mean().items()}
    ex = q[["tags", "r"]].explode("tags").dropna(subset=["tags"])
    by_tag = {str(k): float(v) for k, v in ex.groupby("tags")["r"].mean().items()}
    return by_section, by_tag
