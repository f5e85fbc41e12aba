"""Drills on the review schedule: how a graded attempt becomes an fsrs review (or practice), the
related questions a failure points to, and the CLI around it (`drill --check`, `quiz --with-drills`, `today`)."""

from __future__ import annotations

import itertools
import json
import shutil
from datetime import datetime, timedelta

import pytest
from fsrs import Rating, State
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills import catalogue as drilllib
from mlprep.drills import schedule as ds
from mlprep.questions import bank as banklib
from mlprep.sandbox.grader import Verdict
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store, utcnow
from tests.helpers import question, write_bank

runner = CliRunner()
RELU = "drill:relu"


@pytest.fixture(scope="module")
def catalogue():
    return drilllib.load_drills()


@pytest.fixture
def relu(catalogue):
    return catalogue["relu"]


@pytest.fixture
def s():
    return sched.make_scheduler(enable_fuzzing=False, kind="drill")


def drill_reviews(store: Store, slug: str = "relu") -> list:
    return store.reviews(ds.item_id(slug))


def card(store: Store, slug: str = "relu"):
    return sched.load_card(store.card_json(ds.item_id(slug)), ds.item_id(slug), utcnow())


def make_review_card(store: Store, s, drill, at: datetime) -> None:
    """Two Good reviews: the drill's card in the Review state, due some days later."""
    for minutes in (0, 20):
        sched.review(store, s, item_id=ds.item_id(drill.slug), rating=Rating.Good, now=at + timedelta(minutes=minutes),
                     correct=True, response_ms=None, session_id=None, section=drill.section, kind="drill")
    assert card(store, drill.slug).state == State.Review


# ---------------------------------------------------------------- the rating table

@pytest.mark.parametrize("passed,hinted,first,fast", list(itertools.product([False, True], repeat=4)))
def test_rating_table(passed, hinted, first, fast):
    got = ds.rating_for(passed, hinted, first, fast)
    if not passed:
        assert got == Rating.Again  # a failure is Again whatever else happened
    elif hinted:
        assert got == Rating.Hard  # a hint beats speed
    elif first and fast:
        assert got == Rating.Easy
    else:
        assert got == Rating.Good


def test_item_ids_and_fast_windows():
    assert ds.item_id("relu") == "drill:relu"
    assert ds.FAST_MINUTES[1] < ds.FAST_MINUTES[2] < ds.FAST_MINUTES[3]


# ---------------------------------------------------------------- review_attempt: review or practice

def test_new_drill_failing_is_one_again_review_of_kind_drill(mlprep_home, relu, s):
    t = utcnow()
    with Store() as store:
        r = ds.review_attempt(store, s, relu, False, t)
        assert r.rating == Rating.Again and r.reason == "not passed yet" and r.due > t
        rows = drill_reviews(store)
        assert len(rows) == 1
        row = rows[0]
        assert (row["kind"], row["section"], row["rating"], row["correct"]) == ("drill", relu.section, 1, 0)
        assert row["state_before"] == 0 and row["card_before"] is None
        assert store.known_ids("drill") == {RELU} and store.known_ids("question") == set()
        stored = json.loads(store.card_json(RELU))
        # Drills have no minutes-long learning steps: a failed drill comes back the next day.
        assert stored["state"] == State.Review and datetime.fromisoformat(stored["due"]) == r.due
        assert r.due - t >= timedelta(days=1)


def test_failing_again_before_due_is_practice(mlprep_home, relu, s):
    t = utcnow()
    with Store() as store:
        first = ds.review_attempt(store, s, relu, False, t)
        before = store.card_json(RELU)
        again = ds.review_attempt(store, s, relu, False, t + timedelta(seconds=20))
        assert again.rating is None and again.reason.startswith("practice")
        assert again.due == first.due
        assert len(drill_reviews(store)) == 1 and store.card_json(RELU) == before


def test_passing_right_after_a_failure_is_reviewed(mlprep_home, relu, s):
    t = utcnow()
    with Store() as store:
        first = ds.review_attempt(store, s, relu, False, t)
        at = t + timedelta(seconds=20)
        assert at < first.due
        r = ds.review_attempt(store, s, relu, True, at)
        assert r.rating == Rating.Good and r.due > first.due
        assert [x["rating"] for x in drill_reviews(store)] == [1, 3]


def test_passing_right_after_a_lapse_is_reviewed(mlprep_home, relu, s):
    t0 = utcnow() - timedelta(days=10)
    with Store() as store:
        make_review_card(store, s, relu, t0)
        due = card(store).due
        lapse = ds.review_attempt(store, s, relu, False, due + timedelta(hours=1))
        assert lapse.rating == Rating.Again and card(store).state == State.Review
        assert drill_reviews(store)[-1]["state_before"] == State.Review  # a lapse, as stats count them
        at = due + timedelta(hours=1, minutes=2)
        assert at < lapse.due  # not due yet: still reviewed, since it finishes the failed sitting
        r = ds.review_attempt(store, s, relu, True, at)
        assert r.rating == Rating.Good and card(store).state == State.Review
        assert len(drill_reviews(store)) == 4
        # back in Review and not due: a failure now is practice
        assert ds.review_attempt(store, s, relu, False, at + timedelta(seconds=5)).rating is None
        assert len(drill_reviews(store)) == 4


def test_not_due_review_card_pass_and_fail_are_practice(mlprep_home, relu, s):
    t0 = utcnow() - timedelta(hours=1)
    with Store() as store:
        make_review_card(store, s, relu, t0)
        before = store.card_json(RELU)
        due = card(store).due
        for passed in (True, False):
            r = ds.review_attempt(store, s, relu, passed, utcnow())
            assert r.rating is None and r.due == due and "not due" in r.reason
        assert len(drill_reviews(store)) == 2 and store.card_json(RELU) == before
        # once due, the same pass is a review that pushes the card further out
        r = ds.review_attempt(store, s, relu, True, due + timedelta(minutes=1))
        assert r.rating == Rating.Good and r.due > due + timedelta(days=1)


def test_hint_shown_since_the_last_review_makes_a_pass_hard(mlprep_home, relu, s):
    now = utcnow()
    with Store() as store:
        ds.review_attempt(store, s, relu, False, now - timedelta(hours=1))  # due again after a minute
        store.set_hints_shown("relu", 1)  # shown now: after that review
        store.mark_drill_started("relu", now)  # first attempt and fast: a hint still wins
        r = ds.review_attempt(store, s, relu, True, now + timedelta(minutes=1))
        assert r.rating == Rating.Hard and r.reason == "passed after a hint"


def test_hint_shown_on_a_new_drill_makes_its_first_pass_hard(mlprep_home, relu, s):
    with Store() as store:
        store.set_hints_shown("relu", 1)
        r = ds.review_attempt(store, s, relu, True, utcnow() + timedelta(seconds=1))
        assert r.rating == Rating.Hard


def test_hint_shown_before_the_last_review_does_not_make_a_pass_hard(mlprep_home, relu, s):
    with Store() as store:
        store.set_hints_shown("relu", 1)
        shown = store.hint_shown_at("relu")
        first = ds.review_attempt(store, s, relu, False, shown + timedelta(minutes=1))
        assert first.rating == Rating.Again
        r = ds.review_attempt(store, s, relu, True, first.due + timedelta(minutes=1))
        assert r.rating == Rating.Good and r.reason == "passed"


def test_iterating_on_a_failing_drill_in_one_sitting_is_one_again(mlprep_home, relu, s):
    t = utcnow()
    with Store() as store:
        store.mark_drill_started("relu", t - timedelta(minutes=1))
        for minutes in (0, 2, 5, 9, 14):  # edit, regrade, still wrong...
            ds.review_attempt(store, s, relu, False, t + timedelta(minutes=minutes))
        assert [r["rating"] for r in drill_reviews(store)] == [1]


def test_fast_first_pass_is_easy(mlprep_home, relu, s):
    now = utcnow()
    window = timedelta(minutes=ds.FAST_MINUTES[relu.difficulty])
    with Store() as store:
        store.mark_drill_started("relu", now - window)  # exactly at the limit still counts as fast
        r = ds.review_attempt(store, s, relu, True, now)
        assert r.rating == Rating.Easy and r.reason == "passed fast on the first attempt"
        assert card(store).state == State.Review


def test_slow_first_pass_is_good(mlprep_home, relu, s):
    now = utcnow()
    window = timedelta(minutes=ds.FAST_MINUTES[relu.difficulty])
    with Store() as store:
        store.mark_drill_started("relu", now - window - timedelta(seconds=1))
        assert ds.review_attempt(store, s, relu, True, now).rating == Rating.Good


def test_pass_without_a_started_time_is_good(mlprep_home, relu, s):
    with Store() as store:
        assert ds.review_attempt(store, s, relu, True, utcnow()).rating == Rating.Good


def test_fast_pass_that_is_not_the_first_attempt_is_good(mlprep_home, relu, s):
    with Store() as store:
        store.record_attempt(slug="relu", passed=False, tests_passed=3, tests_total=13, duration_ms=900,
                             hints_used=0, status="failed", slow_factor=None)
        now = utcnow() + timedelta(seconds=1)
        store.mark_drill_started("relu", now - timedelta(minutes=1))
        assert ds.review_attempt(store, s, relu, True, now).rating == Rating.Good


def test_fast_window_depends_on_difficulty(mlprep_home, catalogue, s):
    hard = next(d for d in catalogue.values() if d.difficulty == 3)
    now = utcnow()
    with Store() as store:
        store.mark_drill_started(hard.slug, now - timedelta(minutes=ds.FAST_MINUTES[1] + 5))
        assert ds.review_attempt(store, s, hard, True, now).rating == Rating.Easy


def test_due_drills_most_overdue_first_and_never_attempted_are_not_due(mlprep_home, catalogue, s):
    now = utcnow()
    with Store() as store:
        for slug, ago in (("mse", 1), ("relu", 3), ("knn", 2)):
            ds.review_attempt(store, s, catalogue[slug], False, now - timedelta(days=ago))
        ds.review_attempt(store, s, catalogue["kmeans"], True, now)  # reviewed, not due
        assert [d.slug for d in ds.due_drills(store, catalogue, now)] == ["relu", "knn", "mse"]
        assert ds.card_summary(store, "relu")["state"] == State.Review
        assert ds.card_summary(store, "sigmoid") is None


# ---------------------------------------------------------------- grade_and_record (grading faked: fast)

def fake_verdict(ok: bool, kind: str | None = None) -> Verdict:
    kind = kind or ("passed" if ok else "failed")
    return Verdict(slug="relu", file="relu.py", status="passed" if ok else "failed", kind=kind, headline=kind,
                   passed=13 if ok else 2, total=13, seconds=0.5)


@pytest.fixture
def fake_grade(monkeypatch):
    """Make `grade` return the verdicts pushed onto the list, in order."""
    queue: list[Verdict] = []
    monkeypatch.setattr("mlprep.sandbox.grader.grade", lambda drill, path: queue.pop(0))
    return queue


def test_grade_and_record_failure_reviews_records_and_shows_no_hint(mlprep_home, relu, s, fake_grade, tmp_path):
    fake_grade += [fake_verdict(False), fake_verdict(True)]
    with Store() as store:
        out = ds.grade_and_record(store, relu, tmp_path / "relu.py", s)
        assert out.review.rating == Rating.Again and out.hints_left == len(relu.hints)
        assert store.hints_shown("relu") == 0 and store.hint_shown_at("relu") is None  # no hint consumed
        assert [(a["passed"], a["hints_used"]) for a in store.attempts("relu")] == [(0, 0)]
        # no hint was asked for: the pass that finishes the failed sitting is Good, and says when it was solved
        out = ds.grade_and_record(store, relu, tmp_path / "relu.py", s, now=utcnow() + timedelta(seconds=1))
        assert out.review.rating == Rating.Good and out.hints_left == 0
        assert out.solved_after == datetime.fromisoformat(store.attempts("relu")[0]["attempted_at"])
        assert [r["rating"] for r in drill_reviews(store)] == [1, 3]


def test_a_hint_asked_for_after_a_failed_review_makes_the_pass_hard(mlprep_home, relu, s, fake_grade, tmp_path):
    from mlprep.drills import sitting

    fake_grade += [fake_verdict(False), fake_verdict(True)]
    with Store() as store:
        ds.grade_and_record(store, relu, tmp_path / "relu.py", s, now=utcnow() - timedelta(minutes=5))
        hint = sitting.next_hint(store, relu)
        assert hint.number == 1 and hint.new
        out = ds.grade_and_record(store, relu, tmp_path / "relu.py", s, now=utcnow() + timedelta(seconds=1))
        assert out.review.rating == Rating.Hard and out.review.reason == "passed after a hint"
        assert store.attempts("relu")[-1]["hints_used"] == 1


def test_grade_and_record_untouched_starter_is_not_a_review(mlprep_home, relu, s, fake_grade, tmp_path):
    fake_grade.append(fake_verdict(False, "not_implemented"))
    with Store() as store:
        out = ds.grade_and_record(store, relu, tmp_path / "relu.py", s)
        assert out.review is None and out.hints_left == len(relu.hints)
        assert drill_reviews(store) == [] and store.hints_shown("relu") == 0
        assert len(store.attempts("relu")) == 1


def test_fast_first_pass_of_a_due_drill_after_an_earlier_review_is_easy(mlprep_home, relu, s, fake_grade, tmp_path):
    fake_grade += [fake_verdict(True), fake_verdict(True)]
    with Store() as store:
        first = ds.grade_and_record(store, relu, tmp_path / "relu.py", s)  # never started: Good
        assert first.review.rating == Rating.Good
        later = first.review.due + timedelta(minutes=5)  # due again; the user opens the task and solves it fast
        store.mark_drill_started("relu", later - timedelta(minutes=2))
        second = ds.grade_and_record(store, relu, tmp_path / "relu.py", s, now=later)
        assert second.review.rating == Rating.Easy


# ---------------------------------------------------------------- related questions

def test_related_questions_most_shared_tags_first_then_least_known(mlprep_home, relu, s, tmp_path):
    path = write_bank(tmp_path / "rel.yaml", [
        question("one-tag-seen", tags=["relu"]),
        question("both-tags", tags=["relu", "activation-function"]),
        question("unrelated", tags=["svm"]),
        question("one-tag-new", tags=["activation-function", "other"]),
    ], section="rel")
    bank, problems = banklib.check_files([path])
    assert not problems
    with Store() as store:
        sched.review(store, s, item_id="one-tag-seen", rating=Rating.Good, now=utcnow(), correct=True,
                     response_ms=1000, session_id=None, section="rel")
        got = [q.id for q in ds.related_questions(bank, relu, store)]
        assert got == ["both-tags", "one-tag-new", "one-tag-seen"]
        assert [q.id for q in ds.related_questions(bank, relu, store, limit=1)] == ["both-tags"]
    assert ds.shared_tags(bank, relu) == ["relu", "activation-function"]


def test_every_builtin_drill_has_related_questions(catalogue):
    bank = banklib.load_bank()
    thin = {}
    for slug, drill in catalogue.items():
        n = sum(1 for q in bank.questions.values() if set(drill.tags) & set(q.tags))
        if n < 3 or len(ds.related_questions(bank, drill)) < 3 or not ds.shared_tags(bank, drill):
            thin[slug] = n
    assert not thin, f"drills sharing tags with fewer than 3 questions: {thin}"


# ---------------------------------------------------------------- through the CLI, with real grading

def workspace_copy(drill, source) -> None:
    target = drilllib.workspace_file(drill)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)


def test_cli_check_pass_is_scheduled(mlprep_home, relu):
    workspace_copy(relu, relu.solution)
    result = runner.invoke(app, ["drill", "relu", "--check"])
    assert result.exit_code == 0, result.output
    assert "Scheduled as Good" in result.output and "next review" in result.output
    assert "Related questions" not in result.output
    with Store() as store:
        rows = drill_reviews(store)
        assert [(r["kind"], r["rating"], r["correct"]) for r in rows] == [("drill", 3, 1)]
        assert len(store.attempts("relu")) == 1


def test_cli_check_failure_is_again_and_points_to_related_questions(mlprep_home, relu):
    workspace_copy(relu, relu.mistake_file("absolute-value"))
    result = runner.invoke(app, ["drill", "relu", "--check"])
    assert result.exit_code == 1, result.output
    assert "Scheduled as Again" in result.output and "Hint 1/" not in result.output
    assert "mlprep drill relu --hint" in " ".join(result.output.split())
    assert "Related questions" in result.output and "mlprep quiz --tag relu" in result.output
    with Store() as store:
        assert [(r["kind"], r["rating"], r["correct"]) for r in drill_reviews(store)] == [("drill", 1, 0)]


def test_cli_drill_grading_an_edited_file_does_not_restart_the_clock(mlprep_home, relu):
    workspace_copy(relu, relu.solution)
    with Store() as store:  # the task was opened two hours ago; the user worked on the file since
        store.mark_drill_started("relu", utcnow() - timedelta(hours=2))
    result = runner.invoke(app, ["drill", "relu", "--check"])
    assert result.exit_code == 0, result.output
    assert "Scheduled as Good" in result.output


def make_drill_due(slug: str = "relu") -> None:
    """A failed review a day ago: the drill's card is due now."""
    drill = drilllib.load_drills()[slug]
    with Store() as store:
        store.set_setting("timezone", "UTC")
        ds.review_attempt(store, sched.make_scheduler(enable_fuzzing=False), drill, False,
                          utcnow() - timedelta(days=1))


def test_quiz_with_drills_grades_a_due_drill_on_enter(mlprep_home, relu):
    make_drill_due()
    workspace_copy(relu, relu.solution)
    result = runner.invoke(app, ["quiz", "--review-only", "--with-drills"], input="\n")
    assert result.exit_code == 0, result.output
    assert "1 drill due" in result.output and "Well done" in result.output
    assert "Scheduled as" in result.output
    with Store() as store:
        rows = drill_reviews(store)
        assert len(rows) == 2 and rows[-1]["correct"] == 1
        # The file already held a solution when the quiz opened the drill: the "fast" clock starts only at
        # the untouched starter (one rule for drill, quiz and mock), so this pass is Good, not Easy.
        assert rows[-1]["rating"] == Rating.Good
        assert card(store).due > utcnow()
        assert ds.due_drills(store, drilllib.load_drills(), utcnow()) == []


def test_quiz_with_drills_skip_and_quit_leave_the_drill_due(mlprep_home, relu):
    make_drill_due()
    make_drill_due("mse")
    with Store() as store:
        before = store.card_json(RELU)
    result = runner.invoke(app, ["quiz", "--review-only", "--with-drills"], input="s\nq\n")
    assert result.exit_code == 0, result.output
    assert "2 drills due" in result.output and "Stopped" in result.output
    assert "Well done" not in result.output
    with Store() as store:
        assert store.attempts() == [] and store.card_json(RELU) == before
        assert len(ds.due_drills(store, drilllib.load_drills(), utcnow())) == 2
    assert drilllib.workspace_file(relu).exists()  # the starter was written for the user to edit


def test_quiz_with_drills_untouched_starter_is_not_a_failure(mlprep_home, relu):
    make_drill_due()
    result = runner.invoke(app, ["quiz", "--review-only", "--with-drills"], input="\nq\n")
    assert result.exit_code == 0, result.output
    assert "NotImplementedError" in result.output
    with Store() as store:
        assert len(drill_reviews(store)) == 1  # grading the starter is not a review
    assert "Related questions" not in result.output


def test_quiz_without_with_drills_ignores_due_drills(mlprep_home):
    make_drill_due()
    result = runner.invoke(app, ["quiz", "--review-only"])
    assert result.exit_code == 0, result.output
    assert "drill" not in result.output.lower()


def test_today_lists_the_due_drill(mlprep_home):
    make_drill_due()
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 0, result.output
    assert "Drills due: 1: relu" in result.output and "--with-drills" in result.output


# ---------------------------------------------------------------- a due drill is written again

def test_grading_a_file_untouched_since_the_last_review_is_practice(mlprep_home, relu, s, fake_grade, tmp_path):
    import os

    fake_grade += [fake_verdict(True), fake_verdict(True), fake_verdict(True)]
    target = tmp_path / "relu.py"
    shutil.copy(relu.solution, target)
    with Store() as store:
        first = ds.grade_and_record(store, relu, target, s)
        assert first.review.rating is not None
        later = first.review.due + timedelta(days=1)  # due again, and the file is the old solution
        stale = ds.grade_and_record(store, relu, target, s, now=later)
        assert stale.review.rating is None and "has not changed since" in stale.review.reason
        os.utime(target, (later.timestamp(), later.timestamp()))  # written again
        again = ds.grade_and_record(store, relu, target, s, now=later + timedelta(minutes=5))
        assert again.review.rating is not None


def test_a_due_drill_starts_again_from_the_starter(mlprep_home, relu, s):
    target = drilllib.workspace_file(relu)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(relu.solution, target)
    import os

    written = (utcnow() - timedelta(days=41)).timestamp()  # solved 41 days ago, reviewed the next day
    os.utime(target, (written, written))
    with Store() as store:
        ds.review_attempt(store, s, relu, True, utcnow() - timedelta(days=40), file_changed_at=None)
        assert card(store).due < utcnow()
    result = runner.invoke(app, ["drill", "relu"])
    assert result.exit_code == 0, result.output
    assert "relu is due for review" in " ".join(result.output.split())
    assert not drilllib.differs_from_starter(relu, target)
    assert target.with_suffix(".py.bak").read_text(encoding="utf-8") == relu.solution.read_text(encoding="utf-8")
    # The new file is the user's work: opening the task again does not reset it.
    target.write_text(relu.solution.read_text(encoding="utf-8") + "\n# rewritten\n", encoding="utf-8")
    again = runner.invoke(app, ["drill", "relu"])
    assert "due for review" not in again.output and "# rewritten" in target.read_text(encoding="utf-8")


def test_not_due_drills_keep_their_file(mlprep_home, relu, s):
    target = drilllib.workspace_file(relu)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(relu.solution, target)
    with Store() as store:
        ds.review_attempt(store, s, relu, True, utcnow() - timedelta(minutes=1))
        assert ds.refresh_if_due(store, relu, target, utcnow()) is None
    assert drilllib.differs_from_starter(relu, target)


def test_a_vectorized_pass_clears_the_not_vectorized_flag(mlprep_home):
    with Store() as store:
        kw = dict(tests_passed=5, tests_total=5, duration_ms=10, hints_used=0)
        store.record_attempt(slug="relu", passed=True, status="slow", slow_factor=30.0, **kw)
        assert store.drill_summary()["relu"]["slow"]
        store.record_attempt(slug="relu", passed=True, status="passed", slow_factor=1.1, **kw)
        assert not store.drill_summary()["relu"]["slow"]


# ---------------------------------------------------------------- honest drill ratings (issue 13)

def test_a_slow_pass_is_hard_at_best_with_a_short_interval(mlprep_home, relu, s):
    from mlprep.rules import SLOW_PASS_MAX_DAYS

    now = utcnow()
    with Store() as store:
        store.mark_drill_started("relu", now - timedelta(minutes=1))  # first attempt and fast: still not Easy
        r = ds.review_attempt(store, s, relu, True, now, slow=True)
        assert r.rating == Rating.Hard and "not vectorized" in r.reason
        assert r.due - now <= timedelta(days=SLOW_PASS_MAX_DAYS)
    for hinted, first, fast in itertools.product([False, True], repeat=3):
        assert ds.rating_for(True, hinted, first, fast, slow=True) == Rating.Hard
    assert ds.rating_for(False, False, True, True, slow=True) == Rating.Again


def test_a_slow_pass_of_a_well_known_drill_still_comes_back_soon(mlprep_home, relu, s, fake_grade, tmp_path):
    from mlprep.rules import SLOW_PASS_MAX_DAYS

    t0 = utcnow() - timedelta(days=200)
    with Store() as store:
        make_review_card(store, s, relu, t0)
        for _ in range(3):  # a long streak of Good reviews: the next interval would be months
            due = card(store).due
            sched.review(store, s, item_id=RELU, rating=Rating.Good, now=due, correct=True, response_ms=None,
                         session_id=None, section=relu.section, kind="drill")
        due = card(store).due
        fake_grade.append(fake_verdict(True, "slow"))
        target = tmp_path / "relu.py"
        target.write_text("x = 1\n")
        out = ds.grade_and_record(store, relu, target, s, now=max(due, utcnow()) + timedelta(minutes=1))
        assert out.review.rating == Rating.Hard
        assert out.review.due - max(due, utcnow()) <= timedelta(days=SLOW_PASS_MAX_DAYS, minutes=1)


def test_a_hint_read_after_solving_does_not_make_the_next_review_hard(mlprep_home, relu, s):
    from mlprep.drills import sitting

    with Store() as store:
        passed = ds.review_attempt(store, s, relu, True, utcnow() - timedelta(days=5))
        assert passed.rating == Rating.Good and passed.due < utcnow()
        store.set_hints_shown("relu", 0)
        # read just after the pass, while the drill was not due: practice, not part of the next attempt
        with store.db:
            store.db.execute("UPDATE drill_hints SET shown = 1, shown_at = ? WHERE slug = 'relu'",
                             ((utcnow() - timedelta(days=5) + timedelta(minutes=1)).isoformat(),))
        assert ds.hints_this_attempt(store, relu) == 0  # not part of the attempt that is open now
        r = ds.review_attempt(store, s, relu, True, utcnow())
        assert r.rating in (Rating.Good, Rating.Easy) and r.reason != "passed after a hint"
        # after that review the numbering restarts at hint 1
        assert sitting.next_hint(store, relu).number == 1


def test_a_hint_asked_for_while_due_makes_the_pass_hard(mlprep_home, relu, s):
    from mlprep.drills import sitting

    with Store() as store:
        ds.review_attempt(store, s, relu, True, utcnow() - timedelta(days=5))
        hint = sitting.next_hint(store, relu)  # the drill is due now: this hint is part of the attempt
        assert hint.number == 1
        r = ds.review_attempt(store, s, relu, True, utcnow() + timedelta(seconds=1))
        assert r.rating == Rating.Hard


def test_reading_every_hint_again_still_counts(mlprep_home, relu, s):
    from mlprep.drills import sitting

    with Store() as store:
        for _ in relu.hints:
            sitting.next_hint(store, relu)
        again = sitting.next_hint(store, relu)
        assert not again.new
        assert ds.hint_in_attempt(store.hint_shown_at("relu"), None, None)


def test_check_of_a_due_drill_with_an_unchanged_file_says_why_it_is_practice(mlprep_home, relu):
    import os

    target = drilllib.workspace_file(relu)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(relu.solution, target)
    old = (utcnow() - timedelta(days=41)).timestamp()
    os.utime(target, (old, old))
    with Store() as store:
        store.set_setting("timezone", "UTC")
        ds.review_attempt(store, sched.make_scheduler(enable_fuzzing=False, kind="drill"), relu, True,
                          utcnow() - timedelta(days=40))
    today = runner.invoke(app, ["today"])
    assert "Drills due: 1: relu" in today.output
    result = runner.invoke(app, ["drill", "relu", "--check"])
    text = " ".join(result.output.split())
    assert "not due yet" not in text
    assert "has not changed since the drill's last review" in text and "it is due now" in text
    with Store() as store:
        assert len(drill_reviews(store)) == 1  # practice: the review schedule is unchanged


def test_hints_read_while_practising_do_not_carry_into_the_due_attempt(mlprep_home, relu, s):
    from mlprep.drills import sitting

    with Store() as store:
        ds.review_attempt(store, s, relu, True, utcnow() - timedelta(days=5))
        with store.db:  # hints 1 and 2 read the day after that pass, before the drill came due
            store.db.execute("INSERT INTO drill_hints (slug, shown, shown_at) VALUES ('relu', 2, ?)",
                             ((utcnow() - timedelta(days=4)).isoformat(),))
        assert ds.hints_this_attempt(store, relu) == 0  # due now: a new attempt, its hints start at 1
        assert sitting.next_hint(store, relu).number == 1


def test_quiz_with_drills_failure_offers_the_hint_without_showing_it(mlprep_home, relu):
    make_drill_due()
    workspace_copy(relu, relu.mistake_file("absolute-value"))
    result = runner.invoke(app, ["quiz", "--review-only", "--with-drills"], input="\ns\n")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Scheduled as Again" in text and "Hint 1/" not in text and "mlprep drill relu --hint" in text
    with Store() as store:
        assert store.hints_shown("relu") == 0
