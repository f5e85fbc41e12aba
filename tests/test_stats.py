"""`mlprep stats` figures on a hand-built review log with known answers."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler
from typer.testing import CliRunner

from mlprep import clock
from mlprep.cli.app import app
from mlprep.drills.catalogue import load_drills
from mlprep.progress import stats as stats
from mlprep.questions import bank as banklib
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store, iso
from tests.helpers import question, write_bank

runner = CliRunner()
NY = clock.zone("America/New_York")  # UTC-5 in November
UTC = clock.zone("UTC")
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York
SNAPSHOT = Path(__file__).parent / "data" / "stats_keys.json"


def small_bank(tmp_path):
    a = write_bank(tmp_path / "a.yaml", [question(f"a{i}", "truefalse", tags=["strong", "shared"]) for i in range(4)],
                   section="alpha", title="Alpha", order=1)
    b = write_bank(tmp_path / "b.yaml", [question(f"b{i}", "truefalse", tags=["weak", "shared"]) for i in range(4)],
                   section="beta", title="Beta", order=2)
    bank, problems = banklib.check_files([a, b])
    assert not problems
    return bank


def ny(y, mo, d, h, mi=0):
    """A New York wall-clock time as an aware UTC datetime."""
    return datetime(y, mo, d, h, mi, tzinfo=NY).astimezone(timezone.utc)


def answer(store, item, when, correct=True, ms=4000, section=None):
    rating = Rating.Good if correct else Rating.Again
    return sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id=item, rating=rating, now=when,
                        correct=correct, response_ms=ms, session_id=None, section=section or
                        ("alpha" if item.startswith("a") else "beta"))


def build_history(store):
    """Active New York days: Nov 1-5 (a 5-day run), then Nov 22 23:50 and Nov 23 00:10 (one UTC day,
    two local days), Nov 24 and today Nov 25 (three answers, two right)."""
    for day in range(1, 6):
        answer(store, "a0", ny(2026, 11, day, 12))
    answer(store, "a1", ny(2026, 11, 22, 23, 50))
    answer(store, "a2", ny(2026, 11, 23, 0, 10))
    answer(store, "b0", ny(2026, 11, 24, 8), correct=False)
    answer(store, "a3", ny(2026, 11, 25, 8), ms=3000)
    answer(store, "b1", ny(2026, 11, 25, 8, 5), ms=5000)
    answer(store, "b2", ny(2026, 11, 25, 8, 10), correct=False, ms=2000)


def test_streaks_count_local_days_across_midnight(tmp_path):
    bank = small_bank(tmp_path)
    with Store() as store:
        build_history(store)
        f = stats.compute(store, bank, NOW, NY)
        assert (f["today"]["streak"], f["today"]["longest_streak"]) == (4, 5)
        # In UTC, 23:50 and 00:10 New York time fall on the same day: the run is one day shorter.
        assert stats.compute(store, bank, NOW, UTC)["today"]["streak"] == 3
        # Next morning, before studying, the streak still counts through yesterday.
        tomorrow = stats.compute(store, bank, ny(2026, 11, 26, 7), NY)["today"]
        assert tomorrow["streak"] == 4 and not tomorrow["studied_today"] and tomorrow["reviews"] == 0
        # Two days without study break it.
        assert stats.compute(store, bank, ny(2026, 11, 27, 7), NY)["today"]["streak"] == 0


def test_streak_function_edge_cases():
    d = datetime(2026, 11, 25).date()
    assert stats.streaks([], d) == (0, 0)
    assert stats.streaks([d], d) == (1, 1)
    assert stats.streaks([d - timedelta(days=1)], d) == (1, 1)
    assert stats.streaks([d - timedelta(days=2)], d) == (0, 1)


def test_today_accuracy_time_and_sections(tmp_path):
    bank = small_bank(tmp_path)
    with Store() as store:
        build_history(store)
        f = stats.compute(store, bank, NOW, NY)
    t = f["today"]
    assert (t["date"], t["reviews"], t["answered"], t["correct"]) == ("2026-11-25", 3, 3, 2)
    assert t["accuracy"] == pytest.approx(2 / 3, abs=1e-4) and t["seconds"] == 10.0
    alpha, beta = f["sections"]
    assert (alpha["id"], alpha["seen"], alpha["total"], alpha["answered_30d"], alpha["correct_30d"]) == \
        ("alpha", 4, 4, 8, 8)
    assert (beta["seen"], beta["answered_30d"], beta["correct_30d"]) == (3, 3, 1)
    assert beta["accuracy_30d"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["totals"]["seen"] == 7 and f["cards"]["new"] == 1
    assert sum(f["cards"].values()) == 8


def test_retrievability_and_mastery_match_fsrs(tmp_path):
    bank = small_bank(tmp_path)
    scheduler = Scheduler()
    with Store() as store:
        build_history(store)
        f = stats.compute(store, bank, NOW, NY)
        raw = {q: store.card_json(q) for q in bank.questions}
    rs = {q: scheduler.get_card_retrievability(Card.from_dict(json.loads(c)), NOW) if c else 0.0
          for q, c in raw.items()}
    beta_seen = [rs[q] for q in ("b0", "b1", "b2")]
    assert f["sections"][1]["retrievability"] == pytest.approx(sum(beta_seen) / 3, abs=1e-4)
    assert f["sections"][1]["mastery"] == pytest.approx(sum(beta_seen) / 4, abs=1e-4)  # b3 unseen counts 0
    assert f["totals"]["mastery"] == pytest.approx(sum(rs.values()) / 8, abs=1e-4)


def test_vectorised_retrievability_equals_fsrs():
    scheduler = Scheduler()
    rng = random.Random(3)
    cards = [Card(card_id=i, state=2, stability=rng.uniform(0.1, 300), difficulty=5.0,
                  last_review=NOW - timedelta(days=rng.uniform(0, 400))) for i in range(200)]
    at = NOW + timedelta(days=3, hours=5)
    got = stats.retrievability([c.stability for c in cards], [c.last_review.timestamp() for c in cards], at,
                               scheduler.parameters)
    want = [scheduler.get_card_retrievability(c, at) for c in cards]
    assert got == pytest.approx(want, abs=1e-12)
    assert stats.retrievability([float("nan")], [float("nan")], at, scheduler.parameters)[0] == 0


def test_weakest_tags_first(tmp_path):
    bank = small_bank(tmp_path)
    with Store() as store:
        build_history(store)
        f = stats.compute(store, bank, NOW, NY, min_tag_answers=1)
        few = stats.compute(store, bank, NOW, NY)
    assert few["weakest_tags"] == [w for w in f["weakest_tags"] if w["answers"] >= 5]  # 'weak' has 1 answer
    assert "weak" not in {w["tag"] for w in few["weakest_tags"]}
    tags = [w["tag"] for w in f["weakest_tags"]]
    assert tags[0] == "weak" and tags[-1] == "strong" and set(tags) == {"weak", "strong", "shared"}
    assert f["weakest_tags"][0]["accuracy_30d"] == pytest.approx(1 / 3, abs=1e-4)


def crafted_card(due: datetime, state: int = 2, stability: float = 10.0) -> dict:
    return {"card_id": 1, "state": state, "step": None, "stability": stability, "difficulty": 5.0,
            "due": due.isoformat(), "last_review": (due - timedelta(days=5)).isoformat()}


def put(store, item, card, when, rating=3, before=None, section="alpha"):
    log = {"card_id": 1, "rating": rating, "review_datetime": when.isoformat(), "review_duration": None}
    store.record_review(item_id=item, kind="question", card_after=card, card_before=json.dumps(before) if before else None,
                        log=log, correct=rating > 1, response_ms=1000, session_id=None, section=section)


def test_forecast_by_local_day_with_overdue_today(tmp_path):
    bank = small_bank(tmp_path)
    with Store() as store:
        put(store, "a0", crafted_card(ny(2026, 11, 20, 9)), ny(2026, 11, 15, 9))  # overdue → today
        put(store, "a1", crafted_card(ny(2026, 11, 25, 23, 30)), ny(2026, 11, 20, 9))  # late tonight → today
        put(store, "a2", crafted_card(ny(2026, 11, 26, 0, 30)), ny(2026, 11, 20, 9))  # just after midnight
        put(store, "b0", crafted_card(ny(2026, 12, 8, 12)), ny(2026, 11, 20, 9), section="beta")  # day 13
        put(store, "b1", crafted_card(ny(2026, 12, 9, 12)), ny(2026, 11, 20, 9), section="beta")  # day 14: outside
        f = stats.compute(store, bank, NOW, NY)
    fc = f["forecast"]
    assert len(fc) == 14 and fc[0]["date"] == "2026-11-25" and fc[13]["date"] == "2026-12-08"
    assert [d["questions"] for d in fc] == [2, 1] + [0] * 11 + [1]
    assert f["totals"]["due"] == 1  # only the overdue one is due right now


def test_leeches_count_lapses_of_review_cards(tmp_path):
    bank = small_bank(tmp_path)
    review_state = crafted_card(NOW - timedelta(days=1))
    with Store() as store:
        for i in range(8):
            put(store, "a0", crafted_card(NOW + timedelta(days=1), state=3), NOW - timedelta(days=20 - i), rating=1,
                before=review_state)
        for i in range(7):
            put(store, "a1", crafted_card(NOW + timedelta(days=1), state=3), NOW - timedelta(days=20 - i), rating=1,
                before=review_state)
        # Agains on a card still learning are not lapses.
        for i in range(9):
            put(store, "a2", crafted_card(NOW + timedelta(days=1), state=1), NOW - timedelta(days=20 - i), rating=1,
                before=crafted_card(NOW, state=1))
        f = stats.compute(store, bank, NOW, NY)
    assert f["leeches"] == [{"id": "a0", "section": "alpha", "lapses": 8}]
    assert f["cards"]["relearning"] == 2 and f["cards"]["learning"] == 1


def test_activity_calendar_covers_26_weeks_monday_first(tmp_path):
    bank = small_bank(tmp_path)
    with Store() as store:
        build_history(store)
        f = stats.compute(store, bank, NOW, NY)
    days = f["activity"]
    first = datetime.fromisoformat(days[0]["date"]).date()
    assert first.weekday() == 0 and days[-1]["date"] == "2026-11-25"
    assert 25 * 7 < len(days) <= 26 * 7
    by_day = {d["date"]: d["reviews"] for d in days}
    assert by_day["2026-11-22"] == 1 and by_day["2026-11-23"] == 1 and by_day["2026-11-25"] == 3
    assert sum(by_day.values()) == 11


def test_section_filter_narrows_everything(tmp_path):
    bank = small_bank(tmp_path)
    with Store() as store:
        build_history(store)
        f = stats.compute(store, bank, NOW, NY, sections=["beta"], min_tag_answers=1)
    assert [s["id"] for s in f["sections"]] == ["beta"] and f["totals"]["total"] == 4
    assert f["today"]["reviews"] == 2 and f["today"]["streak"] == 2  # beta: Nov 24 and 25
    assert {w["tag"] for w in f["weakest_tags"]} == {"weak", "shared"}


def key_shape(value):
    if isinstance(value, dict):
        return {k: key_shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [key_shape(value[0])] if value else []
    return type(value).__name__ if value is not None else "null"


def test_json_keys_snapshot(tmp_path):
    """`stats --json` keys are a documented interface: changing them must be deliberate."""
    bank = small_bank(tmp_path)
    from mlprep.drills.catalogue import load_drills

    with Store() as store:
        build_history(store)
        for i in range(8):
            put(store, "b3", crafted_card(NOW + timedelta(days=1), state=3), NOW - timedelta(days=20 - i), rating=1,
                before=crafted_card(NOW - timedelta(days=1)), section="beta")
        f = stats.compute(store, bank, NOW, NY, drills=load_drills(), interview=datetime(2026, 12, 15).date())
    shape = {k: sorted(v) if isinstance(v, dict) else v for k, v in _keys(f).items()}
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert shape == snapshot, "stats JSON keys changed: update docs/stats-json.md and tests/data/stats_keys.json"
    documented = (Path(__file__).parent.parent / "docs" / "stats-json.md").read_text(encoding="utf-8")
    for key in _all_keys(f):
        assert f"`{key}`" in documented, f"docs/stats-json.md does not document {key!r}"


def _keys(f: dict) -> dict:
    """Top-level key → the key set of its value (dicts, lists of dicts) or its type."""
    out = {}
    for k, v in f.items():
        if isinstance(v, dict):
            out[k] = {kk: _keys(vv) if isinstance(vv, dict) else None for kk, vv in v.items()}
            out[k] = {kk: (sorted(vv) if isinstance(vv, dict) else None) for kk, vv in out[k].items()}
            if k == "drills":
                out[k]["sections"] = sorted(v["sections"][0])
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            out[k] = sorted(v[0])
        else:
            out[k] = type(v).__name__
    return out


def _all_keys(f, acc=None) -> set[str]:
    acc = set() if acc is None else acc
    if isinstance(f, dict):
        for k, v in f.items():
            acc.add(k)
            _all_keys(v, acc)
    elif isinstance(f, list) and f:
        _all_keys(f[0], acc)
    return acc


def test_aggregates_survive_migration_from_m001(tmp_path):
    """An m001 database upgrades: the new columns and aggregates are backfilled from the log."""
    import sqlite3

    from mlprep.store import db as storelib

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    db.execute("BEGIN")
    storelib._m001_initial(db)
    db.execute("INSERT INTO migrations VALUES ('m001_initial', 'x')")
    db.execute("COMMIT")
    card = crafted_card(NOW + timedelta(days=3))
    db.execute("INSERT INTO cards (item_id, kind, card_json, state, due, updated_at) VALUES (?, 'question', ?, 2, ?, ?)",
               ("a0", json.dumps(card), (NOW + timedelta(days=3)).timestamp(), iso(NOW)))
    for i, (rating, before) in enumerate([(3, None), (1, card), (3, card)]):
        db.execute("INSERT INTO reviews (item_id, kind, reviewed_at, rating, correct, response_ms, section, log_json, "
                   "card_before) VALUES ('a0', 'question', ?, ?, ?, 1000, 'alpha', '{}', ?)",
                   (iso(NOW - timedelta(days=3 - i)), rating, int(rating > 1), json.dumps(before) if before else None))
    db.close()
    with Store(path) as store:
        assert store.schema_version == len(storelib.MIGRATIONS)
        row = store.db.execute("SELECT stability, last_review FROM cards").fetchone()
        assert row[0] == 10.0 and row[1] == pytest.approx((NOW - timedelta(days=2)).timestamp())
        assert [r[0] for r in store.db.execute("SELECT state_before FROM reviews ORDER BY id")] == [0, 2, 2]
        assert tuple(store.db.execute("SELECT reviews, lapses FROM item_totals").fetchone()) == (3, 1)
        assert tuple(store.db.execute("SELECT SUM(reviews), SUM(correct), SUM(recall_n), SUM(recall_ok) "
                                      "FROM review_buckets").fetchone()) == (3, 2, 2, 1)


def test_cli_stats_renders_one_screen_and_json(tmp_path):
    with Store() as store:
        q = next(iter(banklib.load_bank().questions.values()))
        answer(store, q.id, datetime.now(timezone.utc) - timedelta(minutes=5), section=q.section)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0, result.output
    for text in ("Today", "streak 1 day", "Weakest sections", "1106 new", "Due today",
                 f"Drills 0 passed · 0 attempted · {len(load_drills())} in all", "--calendar"):
        assert text in result.output
    assert "Weakest tags" not in result.output  # one answer is too few to rank a tag
    full = runner.invoke(app, ["stats", "--all"])
    for text in ("Due in the next 14 days", "Activity, last 26 weeks", "passed/tried/all", "recall: fsrs"):
        assert text in full.output
    assert "Activity" in runner.invoke(app, ["stats", "--calendar"]).output
    assert "recall: fsrs" in runner.invoke(app, ["stats", "--sections"]).output
    data = json.loads(runner.invoke(app, ["stats", "--json"]).output)
    assert data["today"]["reviews"] == 1 and data["format_version"] == 1
    assert runner.invoke(app, ["stats", "--json", "--section", q.section]).exit_code == 0
    bad = runner.invoke(app, ["stats", "--section", "nope"])
    assert bad.exit_code == 1 and "--section 'nope'" in bad.output and "Traceback" not in bad.output


def test_cli_today_lists_due_questions(tmp_path):
    with Store() as store:
        q = next(iter(banklib.load_bank().questions.values()))
        answer(store, q.id, datetime.now(timezone.utc) - timedelta(days=30), correct=False, section=q.section)
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 0, result.output
    assert "Questions due now: 1" in result.output and "mlprep quiz" in result.output


@pytest.mark.parametrize("zone_name", ["America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe",
                                       "Pacific/Chatham", "UTC"])
def test_local_days_match_per_review_conversion_across_dst(zone_name):
    """Days summed in SQL from 15-minute buckets equal converting every review's time in Python."""
    from collections import Counter

    tz = clock.zone(zone_name)
    rng = random.Random(zone_name)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    times = [start + timedelta(seconds=rng.randrange(0, 730 * 86400)) for _ in range(1500)]
    # Reviews right at every DST change of the zone, where a wrong bucket shift would show.
    times += [start + timedelta(days=d, minutes=m) for d in range(0, 730, 3) for m in (0, 14, 15, 29, 30, 44)][:600]
    with Store() as store:
        for i, t in enumerate(times):
            put(store, f"q{i % 40}", crafted_card(t + timedelta(days=1)), t, section="alpha" if i % 2 else "beta")
        days = stats.daily(stats.load_days(store, tz))
    want = Counter(t.astimezone(tz).date() for t in times)
    assert {d: int(n) for d, n in days["reviews"].items()} == dict(want)
