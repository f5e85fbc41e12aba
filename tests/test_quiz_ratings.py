"""Honest quiz ratings (FSRS is only as good as the ratings it gets): no auto-Easy on a first showing or
once the answer has been seen, manual rating, the "don't know" key, and the options that show what each
rating would schedule (exactly what is then committed)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.cli.quiz import options_lines
from mlprep.questions import bank as banklib
from mlprep.quiz import session as quizlib
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
SEVEN = ["mcq", "multi", "truefalse", "numeric", "short", "flashcard", "code_output"]
RIGHT = {"mcq": "a", "multi": "a,c", "truefalse": "t", "numeric": "0.5", "short": "gradient descent",
         "code_output": "2"}


def bank_of(tmp_path, *ids, qtype="truefalse"):
    path = write_bank(tmp_path / "r.yaml", [question(i, qtype) for i in ids], section="r", title="R")
    bank, problems = banklib.check_files([path])
    assert not problems
    return bank, path


def session(store, bank, fuzz=False, **kw):
    t = {"now": NOW}
    s = quizlib.QuizSession(store, bank, sched.make_scheduler(enable_fuzzing=fuzz), rng=random.Random(0),
                            clock=lambda: t["now"], **kw)
    return s, t


def test_a_quick_right_answer_on_a_first_showing_is_good_not_easy(tmp_path, mlprep_home):
    bank, _ = bank_of(tmp_path, "q1")
    with Store() as store:
        s, t = session(store, bank)
        fb = s.answer(s.show(bank.questions["q1"]), "t", seconds=0.5)
        assert fb.correct and fb.rating == Rating.Good
        # a later session: the card is seen, the answer not shown in this session: quick is Easy
        t["now"] = fb.due + timedelta(minutes=1)
        s2, _ = session(store, bank)
        s2.clock = lambda: t["now"]
        assert s2.answer(s2.show(bank.questions["q1"]), "t", seconds=0.5).rating == Rating.Easy


def test_after_undo_the_answer_is_seen_so_at_most_good(tmp_path, mlprep_home):
    bank, _ = bank_of(tmp_path, "q1")
    with Store() as store:
        sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id="q1", rating=Rating.Good,
                     now=NOW - timedelta(days=30), correct=True, response_ms=1000, session_id=None, section="r")
        s, _ = session(store, bank)
        shown = s.show(bank.questions["q1"])
        assert s.answer(shown, "f", seconds=3).rating == Rating.Again  # wrong: the answer is now shown
        s.undo_last()
        fb = s.answer(s.show(bank.questions["q1"]), "t", seconds=0.5)  # quick, and right this time
        assert fb.rating == Rating.Good and fb.capped
        assert s.rerate(Rating.Easy).rating == Rating.Good  # not even by hand
        assert s.rerate(Rating.Hard).rating == Rating.Hard
        assert [r["rating"] for r in store.reviews("q1")][-1] == Rating.Hard


def test_rerating_on_the_first_showing_can_still_pick_easy(tmp_path, mlprep_home):
    bank, _ = bank_of(tmp_path, "q1")
    with Store() as store:
        s, _ = session(store, bank)
        s.answer(s.show(bank.questions["q1"]), "t", seconds=0.5)
        assert s.rerate(Rating.Easy).rating == Rating.Easy  # the user's own call, not a quick guess


def test_the_second_look_at_a_wrong_answer_is_at_most_good(tmp_path, mlprep_home):
    bank, _ = bank_of(tmp_path, "q1")
    with Store() as store:
        s, t = session(store, bank)
        s.answer(s.show(bank.questions["q1"]), "f", seconds=2)
        t["now"] = NOW + timedelta(minutes=5)
        assert s.answer(s.show(bank.questions["q1"]), "t", seconds=0.5).rating == Rating.Good


@pytest.mark.parametrize("fuzz", [False, True])
def test_the_options_shown_are_what_each_rating_commits(tmp_path, mlprep_home, fuzz):
    bank, _ = bank_of(tmp_path, "q1")
    with Store() as store:
        sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id="q1", rating=Rating.Good,
                     now=NOW - timedelta(days=40), correct=True, response_ms=1000, session_id=None, section="r")
        sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id="q1", rating=Rating.Good,
                     now=NOW - timedelta(days=39), correct=True, response_ms=1000, session_id=None, section="r")
        s, _ = session(store, bank, fuzz=fuzz)
        pending = s.grade(s.show(bank.questions["q1"]), "t", seconds=30)
        assert pending.suggested == Rating.Good and store.review_count() == 2  # nothing committed yet
        options = pending.options
        assert set(options) == set(Rating) and options[Rating.Again] in ("<1m", "1m", "10m")
        for r in (Rating.Hard, Rating.Easy, Rating.Good):
            fb = s.commit(pending, r) if r == Rating.Hard else s.rerate(r)
            assert fb.rating == r and fb.due == pending.preview.due(r)
            assert sched.short_interval(fb.due, NOW) == options[r]


def test_manual_mode_commits_the_users_rating(tmp_path, mlprep_home):
    bank, _ = bank_of(tmp_path, "q1", "q2")
    with Store() as store:
        s, _ = session(store, bank, manual=True)
        pending = s.grade(s.show(bank.questions["q1"]), "f", seconds=2)
        assert pending.correct is False and pending.suggested == Rating.Again
        fb = s.commit(pending, Rating.Hard)  # a typo the user knows was right: their call
        assert fb.rating == Rating.Hard
        row = store.reviews("q1")[0]
        assert row["rating"] == Rating.Hard and row["correct"] == 0


@pytest.mark.parametrize("qtype", SEVEN)
def test_dont_know_reveals_the_answer_and_rates_again(tmp_path, mlprep_home, qtype):
    bank, _ = bank_of(tmp_path, "q1", qtype=qtype)
    with Store() as store:
        s, _ = session(store, bank)
        fb = s.dont_know(s.show(bank.questions["q1"]), seconds=1)
        assert fb.rating == Rating.Again and fb.correct is False and fb.expected
        row = store.reviews("q1")[0]
        assert row["rating"] == Rating.Again and row["correct"] == 0


def test_options_lines_fit_and_wrap_between_options():
    options = {Rating.Again: "<1m", Rating.Hard: "2d", Rating.Good: "4d", Rating.Easy: "9d"}
    assert options_lines(options, 80) == ["1 Again <1m · 2 Hard 2d · 3 Good 4d · 4 Easy 9d"]
    narrow = options_lines(options, 30)
    assert narrow == ["1 Again <1m · 2 Hard 2d", "3 Good 4d · 4 Easy 9d"]
    capped = options_lines(options, 79, Rating.Good)
    assert all(len(line) <= 79 for line in capped) and "4 Easy" not in " ".join(capped)
    assert "at most Good" in " ".join(capped)


# ---------------------------------------------------------------- through the CLI

def seven_bank(tmp_path):
    qs = [question(f"q-{t}", t, shuffle=False) if t in ("mcq", "multi") else question(f"q-{t}", t) for t in SEVEN]
    return write_bank(tmp_path / "seven.yaml", qs, section="seven", title="Seven types")


def test_cli_dont_know_key_for_every_type(tmp_path, mlprep_home):
    path = seven_bank(tmp_path)
    # every question: "!" then Enter; the seven come back once more at the end: quit there
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "seven"], input="!\n\n" * 7 + "q\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Don't know") == 7
    assert "The back." in result.output  # a flashcard's answer is shown too
    with Store() as store:
        rows = store.reviews()
    assert len(rows) == 7 and {r["rating"] for r in rows} == {1} and {r["correct"] for r in rows} == {0}
    from mlprep.cli.quiz import HELP

    assert "[cyan]![/] don't know" in HELP and "config set rating manual" in HELP


def test_cli_shows_what_each_rating_would_schedule(tmp_path, mlprep_home):
    _, path = bank_of(tmp_path, "q1")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "r"], input="t\n\n")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("1 Again"))
    assert "2 Hard" in line and "3 Good" in line and "4 Easy" in line and len(line) <= 80


def test_cli_manual_rating_mode(tmp_path, mlprep_home):
    bad = runner.invoke(app, ["config", "set", "rating", "sometimes"])
    assert bad.exit_code == 1 and "auto, manual" in bad.output
    assert runner.invoke(app, ["config", "set", "rating", "manual"]).exit_code == 0
    _, path = bank_of(tmp_path, "q1", "q2")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "r"], input="t\n9\n2\nt\n4\n")
    assert result.exit_code == 0, result.output
    assert "Rate it:" in result.output and "Type 1 (Again)" in result.output
    assert "Rated Hard" in result.output and "Rated Easy" in result.output
    with Store() as store:
        assert [r["rating"] for r in store.reviews()] == [2, 4]
    assert runner.invoke(app, ["config", "set", "rating", "auto"]).exit_code == 0
    with Store() as store:
        assert store.get_setting("rating") == "auto"


def test_cli_undo_then_quick_reanswer_is_good(tmp_path, mlprep_home):
    _, path = bank_of(tmp_path, "q1")
    with Store() as store:
        sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id="q1", rating=Rating.Good,
                     now=datetime.now(timezone.utc) - timedelta(days=30), correct=True, response_ms=1000,
                     session_id=None, section="r")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "r"], input="f\nu\nt\n4\n")
    assert result.exit_code == 0, result.output
    assert "at most Good" in result.output and "Rated Good" in result.output
    with Store() as store:
        assert [r["rating"] for r in store.reviews("q1")] == [3, 3]


def test_cli_manual_mode_keeps_the_card_keys(tmp_path, mlprep_home):
    """In manual mode the rating prompt is the last step, so the card keys work there too."""
    assert runner.invoke(app, ["config", "set", "rating", "manual"]).exit_code == 0
    _, path = bank_of(tmp_path, "q1", "q2")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "r"], input="t\nf\nx\n3\nq\n")
    assert result.exit_code == 0, result.output
    assert "Flagged" in result.output and "Suspended" in result.output and "Rated Good" in result.output
    with Store() as store:
        mark = store.card_mark("q1")
        assert mark["flagged"] == 1 and mark["suspended"] == 1
        assert [r["rating"] for r in store.reviews()] == [3]
