"""The one drill-sitting service (`mlprep.drills.sitting`) that `drill`, `quiz --with-drills` and `mock` share:
what opening a task does to the user's file and to the "passed fast" clock, and how hints are counted."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta

import pytest

from mlprep.drills import catalogue as drilllib
from mlprep.drills import schedule as ds
from mlprep.drills import sitting
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store, utcnow


@pytest.fixture
def relu():
    return drilllib.load_drills()["relu"]


def test_a_new_task_writes_the_starter_and_starts_the_clock(relu):
    with Store() as store:
        o = sitting.open_task(store, relu)
        assert o.created and o.clock_started and o.backup is None
        assert o.path.read_text() == relu.starter.read_text()
        assert store.drill_started_at("relu") is not None


def test_a_file_with_work_in_it_keeps_its_content_and_the_clock_stays(relu):
    with Store() as store:
        path = sitting.open_task(store, relu).path
        started = store.drill_started_at("relu")
        path.write_text(relu.solution.read_text())
        for _ in range(2):
            o = sitting.open_task(store, relu, now=utcnow() + timedelta(hours=1))
            assert not o.created and not o.clock_started and o.backup is None and o.reason is None
        assert path.read_text() == relu.solution.read_text()
        assert store.drill_started_at("relu") == started


def _due_with_an_old_file(store, relu):
    path, _ = drilllib.scaffold(relu)
    shutil.copy(relu.solution, path)
    old = (utcnow() - timedelta(days=3)).timestamp()
    os.utime(path, (old, old))  # untouched since the review below
    ds.review_attempt(store, sched.make_scheduler(enable_fuzzing=False, kind="drill"), relu, False,
                      utcnow() - timedelta(days=2))
    return path


def test_a_due_drill_starts_from_the_starter_and_keeps_the_old_file(relu):
    with Store() as store:
        path = _due_with_an_old_file(store, relu)
        o = sitting.open_task(store, relu)
        assert o.reason == "due" and o.clock_started and o.backup is not None
        assert path.read_text() == relu.starter.read_text()
        assert o.backup.read_text() == relu.solution.read_text()


def test_check_and_watch_grade_the_file_as_it_is_even_when_due(relu):
    with Store() as store:
        path = _due_with_an_old_file(store, relu)
        o = sitting.open_task(store, relu, restore_if_due=False)
        assert o.backup is None and path.read_text() == relu.solution.read_text()


def test_an_interview_always_starts_from_a_blank_page(relu):
    with Store() as store:
        path, _ = drilllib.scaffold(relu)
        path.write_text(relu.solution.read_text())
        o = sitting.open_task(store, relu, mode="interview")
        assert o.reason == "interview" and o.clock_started
        assert path.read_text() == relu.starter.read_text() and o.backup.read_text() == relu.solution.read_text()


def test_the_users_own_file_is_never_replaced(relu, tmp_path):
    mine = tmp_path / "mine.py"
    mine.write_text(relu.solution.read_text())
    with Store() as store:
        o = sitting.open_task(store, relu, file=mine, mode="interview")
        assert o.path == mine and o.backup is None and mine.read_text() == relu.solution.read_text()


def test_hints_are_counted_once_each_and_the_last_repeats(relu):
    with Store() as store:
        seen = [sitting.next_hint(store, relu) for _ in range(len(relu.hints) + 1)]
        assert [h.number for h in seen[:-1]] == list(range(1, len(relu.hints) + 1))
        assert all(h.new for h in seen[:-1]) and not seen[-1].new
        assert store.hints_shown("relu") == len(relu.hints)
