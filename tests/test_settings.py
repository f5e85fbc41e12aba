"""Scheduling settings (new_per_day, learning and relearning steps, maximum interval): validation with
clear errors, `config list`, and their effect on what the scheduler does."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep import settings
from mlprep.cli.app import app
from mlprep.questions import bank as banklib
from mlprep.quiz import session as quizlib
from mlprep.rules import SETTINGS
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("key, value, words", [
    ("new_per_day", "-1", "0 to 1000"),
    ("new_per_day", "many", "0 to 1000"),
    ("learning_steps", "1m 10", "'10' is not a step"),
    ("learning_steps", "0s", "out of range"),
    ("learning_steps", "1m " * 11, "at most 10 steps"),
    ("relearning_steps", "45d", "from 1s to 30d"),
    ("maximum_interval", "0", "1 to 36500"),
    ("maximum_interval", "1e9", "1 to 36500"),
    ("desired_retention", "0.5", "0.70 to 0.99"),
    ("timezone", "Mars/Olympus", "unknown time zone"),
])
def test_config_set_refuses_bad_values_naming_the_setting_and_the_range(key, value, words):
    out = runner.invoke(app, ["config", "set", "--", key, value])
    assert out.exit_code == 1
    assert key in out.output and words in out.output and "Traceback" not in out.output
    with Store() as store:
        assert store.get_setting(key) is None


def test_config_set_normalises_steps_and_list_shows_every_setting_in_80_columns():
    assert runner.invoke(app, ["config", "set", "learning_steps", "30s, 5m 1.5h"]).exit_code == 0
    assert runner.invoke(app, ["config", "set", "maximum_interval", "180"]).exit_code == 0
    with Store() as store:
        assert store.get_setting("learning_steps") == "30s 5m 90m"
    out = runner.invoke(app, ["config", "list"], env={"COLUMNS": "80"})
    assert out.exit_code == 0
    lines = out.output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for key, (default, description) in SETTINGS.items():
        row = next(line for line in lines if line.lstrip().startswith(key))
        assert description.split()[0] in row
    assert "'30s 5m 90m'" in out.output and "180" in out.output and "FSRS parameters: fsrs's defaults" in out.output
    out = runner.invoke(app, ["config", "set", "learning_step", "1m"])
    assert out.exit_code == 1 and "Did you mean learning_steps" in out.output


def test_parse_and_format_steps():
    assert settings.parse_steps("1m 10m") == (timedelta(minutes=1), timedelta(minutes=10))
    assert settings.parse_steps("") == ()
    assert settings.format_steps((timedelta(seconds=90), timedelta(days=2))) == "90s 2d"


def test_steps_and_maximum_interval_reach_the_scheduler(tmp_path):
    with Store(tmp_path / "db") as store:
        default = sched.scheduler_for(store, enable_fuzzing=False, now=NOW)
        assert default.learning_steps == (timedelta(minutes=1), timedelta(minutes=10))
        store.set_setting("learning_steps", "")
        store.set_setting("relearning_steps", "30m 2h")
        store.set_setting("maximum_interval", "7")
        s = sched.scheduler_for(store, enable_fuzzing=False, now=NOW)
        assert s.learning_steps == () and s.relearning_steps == (timedelta(minutes=30), timedelta(hours=2))
        assert s.maximum_interval == 7
        # no learning steps: a first Good goes straight to days; the cap holds after many reviews
        r = sched.review(store, s, item_id="q", rating=Rating.Good, now=NOW, correct=True, response_ms=1,
                         session_id=None, section=None)
        assert r.card.due - NOW >= timedelta(days=1)
        t = r.card.due
        for _ in range(6):
            r = sched.review(store, s, item_id="q", rating=Rating.Easy, now=t, correct=True, response_ms=1,
                             session_id=None, section=None)
            assert r.card.due - t <= timedelta(days=7)
            t = r.card.due
        # a lapse goes to the first relearning step
        r = sched.review(store, s, item_id="q", rating=Rating.Again, now=t, correct=False, response_ms=1,
                         session_id=None, section=None)
        assert r.card.due - t == timedelta(minutes=30)
        # drills keep no steps whatever the settings
        assert sched.scheduler_for(store, now=NOW, kind="drill").learning_steps == ()
        # a stored value that no longer parses falls back to the default instead of breaking the quiz
        store.set_setting("maximum_interval", "oops")
        assert sched.scheduler_for(store, now=NOW).maximum_interval == 36500


def test_new_per_day_caps_new_questions_across_sessions(tmp_path):
    path = write_bank(tmp_path / "n.yaml", [question(f"n{i}", "truefalse") for i in range(12)], section="nn")
    runner.invoke(app, ["config", "set", "new_per_day", "3"])
    first = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "nn"], input="t\n\n" * 5)
    assert first.exit_code == 0 and "3 questions: 0 due, 3 new" in first.output
    second = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "nn"], input="")
    assert "Today's new questions are done" in second.output and "--new N" in second.output
    more = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "nn", "--new", "2"], input="t\n\n" * 2)
    assert "2 questions: 0 due, 2 new" in more.output
    bank, _ = banklib.check_files([path])
    with Store() as store:
        assert quizlib.new_left_today(store, datetime.now(timezone.utc), timezone.utc) == 0
        store.set_setting("new_per_day", "10")
        assert quizlib.new_left_today(store, datetime.now(timezone.utc), timezone.utc) == 5
