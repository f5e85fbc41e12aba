"""The SQLite progress store: migrations, WAL, reviews, undo, history that outlives questions."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

from fsrs import Rating

from mlprep.srs import scheduler as sched
from mlprep.store.db import MIGRATIONS, Store

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def test_new_store_is_migrated_and_in_wal_mode(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"cards", "reviews", "sessions", "drill_attempts", "settings", "migrations"} <= tables
    store.close()


def test_migrations_run_once(tmp_path):
    Store(tmp_path / "db").close()
    store = Store(tmp_path / "db")
    assert store.migrate() == []
    store.close()


def test_default_location_follows_mlprep_home(mlprep_home):
    with Store() as store:
        assert store.path == mlprep_home / "mlprep.sqlite3"
    assert (mlprep_home / "mlprep.sqlite3").exists()


def test_review_is_committed_and_visible_to_another_connection(tmp_path):
    path = tmp_path / "db"
    store = Store(path)
    scheduler = sched.make_scheduler(enable_fuzzing=False)
    sched.review(store, scheduler, item_id="q1", rating=Rating.Good, now=NOW, correct=True, response_ms=1200,
                 session_id=None, section="s")
    other = sqlite3.connect(path)
    row = other.execute("SELECT item_id, rating, correct, response_ms, section FROM reviews").fetchone()
    assert row == ("q1", 3, 1, 1200, "s")
    card = json.loads(other.execute("SELECT card_json FROM cards WHERE item_id='q1'").fetchone()[0])
    assert card["state"] in (1, 2) and card["last_review"].startswith("2026-11-25")
    other.close()
    store.close()


def test_undo_restores_previous_card_and_removes_log(tmp_path):
    store = Store(tmp_path / "db")
    scheduler = sched.make_scheduler(enable_fuzzing=False)
    first = sched.review(store, scheduler, item_id="q1", rating=Rating.Good, now=NOW, correct=True,
                         response_ms=1000, session_id=None, section="s")
    before = store.card_json("q1")
    second = sched.review(store, scheduler, item_id="q1", rating=Rating.Again, now=NOW + timedelta(days=3),
                          correct=False, response_ms=1000, session_id=None, section="s")
    assert store.card_json("q1") != before
    sched.undo(store, second.review_id)
    assert store.card_json("q1") == before
    assert [r["id"] for r in store.reviews()] == [first.review_id]
    sched.undo(store, first.review_id)
    assert store.card_json("q1") is None  # back to new
    assert store.review_count() == 0
    store.close()


def test_history_is_kept_for_questions_no_longer_in_the_banks(tmp_path):
    store = Store(tmp_path / "db")
    scheduler = sched.make_scheduler(enable_fuzzing=False)
    sched.review(store, scheduler, item_id="removed-question", rating=Rating.Good, now=NOW, correct=True,
                 response_ms=1, session_id=None, section="s")
    store.close()
    store = Store(tmp_path / "db")
    assert store.card_json("removed-question") is not None
    assert len(store.reviews("removed-question")) == 1
    store.close()


def test_settings_and_drill_attempts(tmp_path):
    store = Store(tmp_path / "db")
    store.set_setting("desired_retention", "0.85")
    assert store.get_setting("desired_retention") == "0.85"
    store.record_attempt(slug="mse", passed=False, tests_passed=3, tests_total=10, duration_ms=900, hints_used=1,
                         status="failed", slow_factor=None)
    store.record_attempt(slug="mse", passed=True, tests_passed=10, tests_total=10, duration_ms=800, hints_used=1,
                         status="passed", slow_factor=1.2)
    summary = store.drill_summary()["mse"]
    assert summary["attempts"] == 2 and summary["passed"] and summary["best_passed"] == 10
    store.set_hints_shown("mse", 2)
    assert store.hints_shown("mse") == 2
    store.close()


def test_damaged_database_is_a_clean_error(tmp_path):
    import pytest

    from mlprep.errors import StoreError

    path = tmp_path / "db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert str(path) in str(info.value)


def test_a_store_at_m003_upgrades_to_card_marks(tmp_path):
    import sqlite3

    from mlprep.store import db as dbmod

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, step in dbmod.MIGRATIONS[:3]:
        step(old)
        old.execute("INSERT INTO migrations VALUES (?, '2026-01-01T00:00:00.000000+00:00')", (name,))
    old.close()
    with dbmod.Store(path) as store:
        assert store.schema_version == len(dbmod.MIGRATIONS)
        assert store.set_suspended(["q1"], lambda _: "question", True) == 1
        assert store.suspended_ids() == {"q1"}
