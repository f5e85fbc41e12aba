"""Scheduling with fsrs: ratings from answers, intervals, undo, retention."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating

from mlprep.errors import MlprepError
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


def test_rating_from_answer():
    assert sched.rating_for(False, 2.0, "mcq") == Rating.Again
    assert sched.rating_for(True, 2.0, "mcq") == Rating.Easy
    assert sched.rating_for(True, 60.0, "mcq") == Rating.Good


def test_right_answer_is_due_later_than_wrong_answer(tmp_path):
    store = Store(tmp_path / "db")
    s = sched.make_scheduler(enable_fuzzing=False)
    right = sched.review(store, s, item_id="right", rating=Rating.Good, now=NOW, correct=True, response_ms=5000,
                         session_id=None, section="x")
    wrong = sched.review(store, s, item_id="wrong", rating=Rating.Again, now=NOW, correct=False, response_ms=5000,
                         session_id=None, section="x")
    assert right.card.due > wrong.card.due
    due_now = [i for i, _ in store.due_ids(NOW + timedelta(minutes=5))]
    assert due_now == ["wrong"]
    store.close()


def test_repeated_success_grows_the_interval(tmp_path):
    store = Store(tmp_path / "db")
    s = sched.make_scheduler(enable_fuzzing=False)
    t = NOW
    gaps = []
    for _ in range(5):
        r = sched.review(store, s, item_id="q", rating=Rating.Good, now=t, correct=True, response_ms=4000,
                         session_id=None, section="x")
        gaps.append(r.card.due - t)
        t = r.card.due
    assert gaps[-1] > gaps[1] > timedelta(0)
    store.close()


def test_higher_retention_gives_shorter_intervals(tmp_path):
    def interval(retention: float) -> timedelta:
        store = Store(tmp_path / f"db{retention}")
        s = sched.make_scheduler(retention, enable_fuzzing=False)
        t = NOW
        for _ in range(3):
            r = sched.review(store, s, item_id="q", rating=Rating.Good, now=t, correct=True, response_ms=1,
                             session_id=None, section="x")
            t = r.card.due
        store.close()
        return r.card.due - NOW

    assert interval(0.95) < interval(0.8)


def test_retention_setting_is_used_and_validated(tmp_path):
    store = Store(tmp_path / "db")
    store.set_setting("desired_retention", "0.8")
    assert sched.scheduler_for(store).desired_retention == 0.8
    with pytest.raises(MlprepError):
        sched.make_scheduler(1.5)
    store.close()


def test_naive_datetimes_are_refused(tmp_path):
    store = Store(tmp_path / "db")
    with pytest.raises(ValueError):
        sched.review(store, sched.make_scheduler(), item_id="q", rating=Rating.Good, now=datetime(2026, 1, 1),
                     correct=True, response_ms=1, session_id=None, section="x")
    store.close()


@pytest.mark.parametrize("delta,text", [(timedelta(seconds=30), "in under a minute"),
                                        (timedelta(minutes=10), "in 10 minutes"),
                                        (timedelta(hours=5), "in 5 hours"), (timedelta(days=1), "tomorrow"),
                                        (timedelta(days=4), "in 4 days"), (timedelta(days=90), "in 3 months")])
def test_describe_interval(delta, text):
    assert sched.describe_interval(NOW + delta, NOW) == text
