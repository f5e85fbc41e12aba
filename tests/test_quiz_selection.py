"""Quiz selection and caps: the daily review cap (lowest retrievability first), reviews today in the user's
time zone, --leeches, --weak, what the CLI says about what remains, and the trigger-kept aggregates
(`item_totals`, `review_buckets`) staying equal to the review log through undos."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, Scheduler
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.progress.stats import tag_strength
from mlprep.questions import bank as banklib
from mlprep.quiz import session as quizlib
from mlprep.srs import scheduler as sched
from mlprep.store.db import BUCKET, Store, utcnow
from tests.helpers import question, write_bank

runner = CliRunner()
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York
NY = ZoneInfo("America/New_York")
UTC = timezone.utc


@pytest.fixture
def s():
    return sched.make_scheduler(enable_fuzzing=False)


def make_bank(tmp_path, ids, section="cap", **fields):
    path = write_bank(tmp_path / f"{section}.yaml", [question(i, "truefalse", **fields) for i in ids], section=section)
    bank, problems = banklib.check_files([path])
    assert not problems
    return bank, path


def rev(store, s, qid, rating, at, correct=None, section="cap", kind="question"):
    return sched.review(store, s, item_id=qid, rating=rating, now=at,
                        correct=(rating != Rating.Again) if correct is None else correct,
                        response_ms=3000, session_id=None, section=section, kind=kind)


def make_lapses(store, s, qid, n, start, section="cap"):
    """Good, Good (into Review), then n times Again (a lapse) + Good (back into Review)."""
    t = start
    rev(store, s, qid, Rating.Good, t, section=section)
    rev(store, s, qid, Rating.Good, t + timedelta(minutes=20), section=section)
    for _ in range(n):
        t += timedelta(days=1)
        rev(store, s, qid, Rating.Again, t, section=section)
        rev(store, s, qid, Rating.Good, t + timedelta(minutes=15), section=section)


def flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the daily cap

def thirty_due(store, s, bank):
    """30 due cards with different retrievability: first ratings and ages differ, some reached Review."""
    for i, qid in enumerate(bank.questions):
        at = NOW - timedelta(days=1 + i, hours=i % 5)
        rev(store, s, qid, [Rating.Again, Rating.Hard, Rating.Good][i % 3], at)
        if i % 4 == 0:
            rev(store, s, qid, Rating.Good, at + timedelta(minutes=30))
    assert len(store.due_ids(NOW)) == 30


def test_cap_keeps_the_lowest_retrievability(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, [f"q{i:02d}" for i in range(30)])
    with Store() as store:
        thirty_due(store, s, bank)
        fresh = Scheduler()
        r = {qid: fresh.get_card_retrievability(Card.from_dict(json.loads(store.card_json(qid))), NOW)
             for qid in bank.questions}
        assert len(set(r.values())) == 30
        plan = quizlib.select_questions(bank, store, NOW, max_reviews=10, tz=UTC)
        most_overdue = [i for i, _ in store.due_ids(NOW)][:10]
    expected = sorted(r, key=r.get)[:10]
    assert [q.id for q in plan.questions] == expected
    assert plan.capped == 20 and plan.due_total == 30 and plan.new_total == 0
    assert plan.reviews_today == 0 and plan.cap_left == 10 and plan.max_reviews == 10
    assert set(expected) != set(most_overdue)  # the most overdue are not the most forgotten here


def test_lowest_retrievability_first_ranks_unseen_first(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, ["old", "recent", "unseen"])
    with Store() as store:
        rev(store, s, "old", Rating.Good, NOW - timedelta(days=20))
        rev(store, s, "recent", Rating.Good, NOW - timedelta(days=1))
        qs = [bank.questions[i] for i in ("recent", "unseen", "old")]
        assert [q.id for q in quizlib.lowest_retrievability_first(store, qs, NOW)] == ["unseen", "old", "recent"]


def test_when_everything_fits_most_overdue_first(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, ["a", "b", "c"])
    with Store() as store:
        for qid, days in (("a", 2), ("b", 9), ("c", 5)):
            rev(store, s, qid, Rating.Again, NOW - timedelta(days=days))
        plan = quizlib.select_questions(bank, store, NOW, max_reviews=10, tz=UTC)
    assert [q.id for q in plan.questions] == ["b", "c", "a"] and plan.capped == 0 and plan.cap_left == 10


def test_no_cap(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, [f"q{i:02d}" for i in range(30)])
    with Store() as store:
        thirty_due(store, s, bank)
        plan = quizlib.select_questions(bank, store, NOW, tz=UTC)
    assert len(plan.questions) == 20 and plan.capped == 0 and plan.cap_left is None and plan.due_total == 30


def reviews_today_history(store, s):
    """10 cards seen ten days ago (all due), then reviews around New York's midnight."""
    for i in range(10):
        rev(store, s, f"q{i}", Rating.Again, NOW - timedelta(days=10))
    rev(store, s, "q0", Rating.Again, datetime(2026, 11, 25, 4, 30, tzinfo=UTC))  # 23:30 yesterday in New York
    rev(store, s, "q1", Rating.Again, datetime(2026, 11, 25, 5, 30, tzinfo=UTC))  # 00:30 today in New York
    rev(store, s, "q2", Rating.Again, datetime(2026, 11, 25, 14, 0, tzinfo=UTC))
    # a first sight is not a review of a seen card
    rev(store, s, "fresh", Rating.Good, datetime(2026, 11, 25, 14, 30, tzinfo=UTC))
    rev(store, s, "drill:relu", Rating.Again, datetime(2026, 11, 25, 14, 40, tzinfo=UTC), kind="drill")


def test_reviews_today_counts_the_local_day(tmp_path, mlprep_home, s):
    with Store() as store:
        reviews_today_history(store, s)
        assert quizlib.reviews_today(store, NOW, NY) == 2  # 23:30 yesterday does not count
        assert quizlib.reviews_today(store, NOW, UTC) == 3  # in UTC, 04:30 is today
        assert quizlib.reviews_today(store, NOW + timedelta(days=1), NY) == 0


def test_reviews_done_today_reduce_the_allowance(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, [f"q{i}" for i in range(10)])
    with Store() as store:
        reviews_today_history(store, s)
        assert len(store.due_ids(NOW)) == 10 + 1  # and the drill, which a question plan ignores
        plan = quizlib.select_questions(bank, store, NOW, max_reviews=5, tz=NY)
        assert plan.reviews_today == 2 and plan.cap_left == 3
        assert len(plan.questions) == 3 and plan.capped == 7 and plan.due_total == 10
        utc_plan = quizlib.select_questions(bank, store, NOW, max_reviews=5, tz=UTC)
        assert utc_plan.reviews_today == 3 and len(utc_plan.questions) == 2
        full = quizlib.select_questions(bank, store, NOW, max_reviews=2, tz=NY)
        assert full.questions == [] and full.cap_left == 0 and full.capped == 10


def test_cap_reached_still_allows_new_questions(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, ["seen", "new1", "new2"])
    with Store() as store:
        rev(store, s, "seen", Rating.Again, NOW - timedelta(days=3))
        plan = quizlib.select_questions(bank, store, NOW, max_reviews=0, tz=UTC)
        assert [q.id for q in plan.questions] == ["new1", "new2"] and plan.capped == 1
        assert quizlib.select_questions(bank, store, NOW, max_reviews=0, tz=UTC, review_only=True).questions == []


def seed_due(path_ids, days=3):
    """Each id seen (and forgotten) `days` ago: due now. Time zone UTC so 'today' is predictable."""
    s = sched.make_scheduler(enable_fuzzing=False)
    with Store() as store:
        store.set_setting("timezone", "UTC")
        for qid in path_ids:
            rev(store, s, qid, Rating.Again, utcnow() - timedelta(days=days))


def earlier_today() -> datetime:
    now = utcnow()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + (now - midnight) / 2


def test_cli_cap_reached_says_so_and_asks_nothing(tmp_path, mlprep_home):
    ids = [f"c{i}" for i in range(4)]
    _, path = make_bank(tmp_path, ids, section="capped")
    seed_due(ids + ["elsewhere0", "elsewhere1"])
    with Store() as store:  # two reviews of seen cards already today (of questions outside this session)
        s = sched.make_scheduler(enable_fuzzing=False)
        for qid in ("elsewhere0", "elsewhere1"):
            rev(store, s, qid, Rating.Good, earlier_today(), section="other")
        n = store.review_count()
    args = ["quiz", "--bank", str(path), "--section", "capped", "--max-reviews"]
    result = runner.invoke(app, [*args, "2"], input="t\n\n")
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "Today's review cap is reached (2 reviews, --max-reviews)" in out
    assert "4 due questions wait for tomorrow" in out
    assert "Prompt" not in out and "Session summary" not in out
    with Store() as store:
        assert store.review_count() == n
    # one more allowed: exactly one question is asked
    result = runner.invoke(app, [*args, "3"], input="t\n\n")
    out = flat(result.output)
    assert result.exit_code == 0, result.output
    assert "4 reviews are due and 1 is left of today's cap of 3" in out and "Score 1/1" in out
    assert "3 due questions remain; today's review cap (3, --max-reviews) leaves 0 more for today, the rest come " \
           "back tomorrow" in out


def test_cli_session_says_how_many_due_remain(tmp_path, mlprep_home):
    ids = [f"r{i}" for i in range(5)]
    _, path = make_bank(tmp_path, ids, section="remain")
    seed_due(ids)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "remain", "--limit", "2"],
                           input="t\n\nt\n\n")
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "Score 2/2" in out
    assert "3 due questions remain; today's review cap (100, --max-reviews) leaves 98 more for today." in out
    # quitting right away: the three are still due
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "remain"], input="q\n")
    assert "3 due questions remain" in flat(result.output)


def test_cli_session_that_clears_everything_says_nothing_remains(tmp_path, mlprep_home):
    _, path = make_bank(tmp_path, ["only"], section="clear")
    seed_due(["only"])
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "clear"], input="t\n\n")
    assert result.exit_code == 0, result.output
    assert "remain" not in result.output


def test_summary_counts_due_now_and_reviews_of_seen(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, ["seen", "seen2", "new"])
    with Store() as store:
        for qid in ("seen", "seen2"):
            rev(store, s, qid, Rating.Again, NOW - timedelta(days=2))
        session = quizlib.QuizSession(store, bank, s, rng=random.Random(0), clock=lambda: NOW)
        session.answer(session.show(bank.questions["seen"]), "t", seconds=30)
        session.answer(session.show(bank.questions["new"]), "t", seconds=30)
        summary = session.finish()
    assert summary.reviews_of_seen == 1 and summary.due_now == 1 and summary.answered == 2


# ---------------------------------------------------------------- leeches

def test_leeches_are_eight_lapses_or_more(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, ["leech", "seven", "steady", "unseen"])
    with Store() as store:
        make_lapses(store, s, "leech", 8, NOW - timedelta(days=30))
        make_lapses(store, s, "seven", 7, NOW - timedelta(days=30))
        make_lapses(store, s, "steady", 0, NOW - timedelta(days=30))
        totals = {r["item_id"]: r["lapses"] for r in store.db.execute("SELECT item_id, lapses FROM item_totals")}
        assert totals == {"leech": 8, "seven": 7, "steady": 0}
        assert quizlib.leech_ids(store) == {"leech": 8}
        assert quizlib.leech_ids(store, min_lapses=7) == {"leech": 8, "seven": 7}
        plan = quizlib.select_questions(bank, store, NOW, leeches=True, tz=UTC)
    assert [q.id for q in plan.questions] == ["leech"]


def test_again_on_a_learning_card_is_not_a_lapse(tmp_path, mlprep_home, s):
    with Store() as store:
        for i in range(10):
            rev(store, s, "learner", Rating.Again, NOW - timedelta(days=20 - i))
        assert quizlib.leech_ids(store) == {}
        assert store.db.execute("SELECT lapses FROM item_totals WHERE item_id = 'learner'").fetchone()[0] == 0


def test_cli_leeches(tmp_path, mlprep_home):
    _, path = make_bank(tmp_path, ["leech", "seven"], section="leechy")
    none = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "leechy", "--leeches"])
    assert none.exit_code == 0, none.output
    assert "No leeches" in none.output and "8 times" in none.output
    with Store() as store:
        s = sched.make_scheduler(enable_fuzzing=False)
        make_lapses(store, s, "leech", 8, utcnow() - timedelta(days=40), section="leechy")
        make_lapses(store, s, "seven", 7, utcnow() - timedelta(days=40), section="leechy")
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "leechy", "--leeches"], input="t\n\n")
    assert result.exit_code == 0, result.output
    assert "Prompt leech?" in result.output and "Prompt seven?" not in result.output
    assert "Score 1/1" in result.output


# ---------------------------------------------------------------- weak tags

def weak_bank(tmp_path):
    qs = [question(f"w{i}", "truefalse", tags=["wobbly"]) for i in range(3)]
    qs += [question(f"s{i}", "truefalse", tags=["solid"]) for i in range(3)]
    path = write_bank(tmp_path / "weak.yaml", qs, section="weak")
    bank, problems = banklib.check_files([path])
    assert not problems
    return bank, path


def weak_history(store, s, now):
    for day in (6, 4, 2):
        for qid in ("w0", "w1"):
            rev(store, s, qid, Rating.Again, now - timedelta(days=day), section="weak")
        for qid in ("s0", "s1"):
            rev(store, s, qid, Rating.Good, now - timedelta(days=day), section="weak")


def test_weak_puts_the_weakest_tag_first(tmp_path, mlprep_home, s):
    bank, _ = weak_bank(tmp_path)
    with Store() as store:
        weak_history(store, s, NOW)
        strength = tag_strength(store, bank, NOW)
        assert strength["wobbly"] < strength["solid"]
        plan = quizlib.select_questions(bank, store, NOW, weak=True, tz=UTC, max_reviews=100)
    ids = [q.id for q in plan.questions]
    assert set(ids[:3]) == {"w0", "w1", "w2"}
    assert set(ids[:2]) == {"w0", "w1"}  # within the tag: due before new
    assert set(ids) == {q for q in bank.questions}


def test_cli_weak_asks_the_weak_tag_first(tmp_path, mlprep_home):
    bank, path = weak_bank(tmp_path)
    with Store() as store:
        store.set_setting("timezone", "UTC")
        weak_history(store, sched.make_scheduler(enable_fuzzing=False), utcnow())
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "weak", "--weak"], input="q\n")
    assert result.exit_code == 0, result.output
    first = result.output.index("Prompt ")
    assert result.output[first:first + 9] in ("Prompt w0", "Prompt w1")


def test_cli_weak_and_leeches_together_is_a_clean_error(mlprep_home):
    result = runner.invoke(app, ["quiz", "--weak", "--leeches"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "Error:" in result.output and "--weak" in result.output and "--leeches" in result.output
    assert "Traceback" not in result.output


def test_weak_respects_the_daily_cap(tmp_path, mlprep_home, s):
    bank, _ = weak_bank(tmp_path)
    with Store() as store:
        weak_history(store, s, NOW)  # w0, w1 due (forgotten); s0, s1 seen and not due
        plan = quizlib.select_questions(bank, store, NOW, weak=True, tz=UTC, max_reviews=0)
        known = store.known_ids()
    seen_asked = [q.id for q in plan.questions if q.id in known]
    assert plan.cap_left == 0 and plan.capped == 2
    assert len(seen_asked) <= plan.cap_left, seen_asked


# ---------------------------------------------------------------- aggregates through undo

ITEM_TOTALS = ("SELECT item_id, MIN(kind), COUNT(*), SUM(rating = 1 AND state_before = 2), MIN(reviewed_at), "
               "MAX(reviewed_at) FROM reviews GROUP BY item_id ORDER BY item_id")
BUCKETS = (f"SELECT {BUCKET.format(t='reviews')} AS b, kind, COALESCE(section, ''), COUNT(*), COUNT(correct), "
           "COALESCE(SUM(correct), 0), COALESCE(SUM(response_ms), 0), SUM(state_before = 2), "
           "SUM(state_before = 2 AND rating > 1) FROM reviews GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")


def aggregates_match(store) -> None:
    expected_items = [tuple(r) for r in store.db.execute(ITEM_TOTALS)]
    got_items = [tuple(r) for r in store.db.execute(
        "SELECT item_id, kind, reviews, lapses, first_at, last_at FROM item_totals ORDER BY item_id")]
    assert got_items == expected_items
    expected_buckets = [tuple(r) for r in store.db.execute(BUCKETS)]
    got_buckets = [tuple(r) for r in store.db.execute(
        "SELECT bucket, kind, section, reviews, answered, correct, ms, recall_n, recall_ok FROM review_buckets "
        "ORDER BY 1, 2, 3")]
    assert got_buckets == expected_buckets


def test_undo_keeps_the_aggregates_equal_to_the_log(mlprep_home, s):
    rng = random.Random(20261125)
    items = [("u0", "question"), ("u1", "question"), ("u2", "question"), ("drill:relu", "drill")]
    t = NOW - timedelta(days=200)
    live: list[int] = []
    lapses_seen = undos = 0
    with Store() as store:
        for _ in range(250):
            if live and rng.random() < 0.3:
                rid = live.pop() if rng.random() < 0.7 else live.pop(rng.randrange(len(live)))
                store.undo_review(rid)
                undos += 1
            else:
                t += timedelta(minutes=rng.choice([1, 7, 14, 90, 1500, 6000]))
                qid, kind = rng.choice(items)
                res = sched.review(store, s, item_id=qid, rating=Rating(rng.choice([1, 1, 2, 3, 3, 4])), now=t,
                                   correct=rng.choice([True, False, None]), response_ms=rng.choice([None, 800, 4200]),
                                   session_id=None, section=rng.choice(["a", "b", None]), kind=kind)
                live.append(res.review_id)
            aggregates_match(store)
            most = store.db.execute("SELECT COALESCE(MAX(lapses), 0) FROM item_totals").fetchone()[0]
            lapses_seen = max(lapses_seen, most)
        while live:  # undo everything: both tables empty again
            store.undo_review(live.pop())
        aggregates_match(store)
        assert store.db.execute("SELECT COUNT(*) FROM item_totals").fetchone()[0] == 0
        assert store.db.execute("SELECT COUNT(*) FROM review_buckets").fetchone()[0] == 0
    assert lapses_seen >= 2 and undos >= 40  # the sequence really exercised lapses and undos


def test_quiz_session_undo_and_rerate_keep_item_totals(tmp_path, mlprep_home, s):
    bank, _ = make_bank(tmp_path, ["x"])
    with Store() as store:
        make_lapses(store, s, "x", 1, NOW - timedelta(days=30))
        session = quizlib.QuizSession(store, bank, s, rng=random.Random(0), clock=lambda: NOW)
        session.answer(session.show(bank.questions["x"]), "f", seconds=3)  # Again on a Review card: a lapse
        assert quizlib.leech_ids(store, min_lapses=2) == {"x": 2}
        session.rerate(Rating.Hard)
        assert quizlib.leech_ids(store, min_lapses=1) == {"x": 1}
        session.undo_last()
        aggregates_match(store)
        row = store.db.execute("SELECT reviews, lapses FROM item_totals WHERE item_id = 'x'").fetchone()
        assert tuple(row) == (4, 1)


@pytest.mark.parametrize(("cap", "answers"), [(3, 3), (5, 5), (100, 6)])
def test_second_looks_at_wrong_answers_stay_within_the_cap(tmp_path, mlprep_home, cap, answers):
    ids = [f"w{i}" for i in range(3)]
    _, path = make_bank(tmp_path, ids, section="again")
    seed_due(ids)
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "again", "--max-reviews", str(cap)],
                           input="f\n\n" * 8)
    assert result.exit_code == 0, result.output
    assert f"Score 0/{answers}" in flat(result.output)
    with Store() as store:
        assert quizlib.reviews_today(store, utcnow(), ZoneInfo("UTC")) == answers


def test_quitting_the_questions_skips_the_drills(tmp_path, mlprep_home):
    from mlprep.drills import schedule as ds
    from mlprep.drills.catalogue import load_drills

    ids = ["d0"]
    _, path = make_bank(tmp_path, ids, section="drl")
    seed_due(ids)
    with Store() as store:
        ds.review_attempt(store, sched.make_scheduler(enable_fuzzing=False, kind="drill"), load_drills()["relu"],
                          False, utcnow() - timedelta(days=3))
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "drl", "--with-drills"], input="q\n")
    assert result.exit_code == 0, result.output
    assert "Session ended" in result.output and "drill" not in result.output.lower().split("session summary")[-1]


def test_today_says_when_the_cap_holds_reviews_back(tmp_path, mlprep_home):
    bank = banklib.load_bank()
    qs = list(bank.questions.values())[:3]
    seed_due([q.id for q in qs])
    with Store() as store:
        before = json.dumps({"card_id": 1, "state": 2, "step": None, "stability": 5.0, "difficulty": 5.0,
                             "due": utcnow().isoformat(), "last_review": utcnow().isoformat()})
        card = json.loads(before) | {"due": (utcnow() + timedelta(days=3)).isoformat()}
        for i in range(99):  # 99 reviews of seen questions today: one left of the default cap of 100
            log = {"card_id": 1, "rating": 3, "review_datetime": earlier_today().isoformat(), "review_duration": 1}
            store.record_review(item_id=f"elsewhere{i}", kind="question", card_after=card, card_before=before,
                                log=log, correct=True, response_ms=1, session_id=None, section="other")
    out = flat(runner.invoke(app, ["today"]).output)
    assert "Questions due now: 3" in out and "Today's review cap leaves 1 of them for today" in out
