"""The interview plan: interval cap, pacing of new questions, predictions, and the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep import clock
from mlprep.cli.app import app
from mlprep.progress import stats as stats
from mlprep.questions import bank as banklib
from mlprep.srs import plan as planlib
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
PARIS = clock.zone("Europe/Paris")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
INTERVIEW = date(2026, 12, 15)


def test_interval_cap_keeps_every_card_due_before_the_interview():
    assert planlib.max_interval(INTERVIEW, NOW, PARIS) == 19  # 20 days left, due by the day before
    assert planlib.max_interval(None, NOW, PARIS) is None
    assert planlib.max_interval(date(2026, 11, 26), NOW, PARIS) == 1
    assert planlib.max_interval(date(2026, 11, 25), NOW, PARIS) is None  # the day itself: nothing to cap
    with Store() as store:
        planlib.set_interview(store, INTERVIEW)
        store.set_setting("timezone", "Europe/Paris")
        t = NOW
        reviews = 0
        while t.astimezone(PARIS).date() < INTERVIEW:  # Easy every time: uncapped, intervals grow to months
            reviews += 1
            scheduler = sched.scheduler_for(store, enable_fuzzing=False, now=t)
            card = sched.review(store, scheduler, item_id="q", rating=Rating.Easy, now=t, correct=True,
                                response_ms=1000, session_id=None, section="s").card
            due_day = card.due.astimezone(PARIS).date()
            # Due before the interview; a review on its eve can only come back on the day itself.
            assert due_day < INTERVIEW or (due_day == INTERVIEW and t.astimezone(PARIS).date() == date(2026, 12, 14))
            t = max(card.due, t + timedelta(hours=1))
        assert reviews >= 3
        # Without a plan the same history schedules far past the interview.
        planlib.set_interview(store, None)
        card = sched.review(store, sched.scheduler_for(store, enable_fuzzing=False, now=t), item_id="q",
                            rating=Rating.Easy, now=t, correct=True, response_ms=1000, session_id=None,
                            section="s").card
        assert card.due.astimezone(PARIS).date() > INTERVIEW


def test_pacing_quota_sees_every_question_twice(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question(f"q{i:02d}", "truefalse") for i in range(40)])
    bank, _ = banklib.check_files([path])
    ids = set(bank.questions)
    with Store() as store:
        p = planlib.pacing(store, ids, INTERVIEW, NOW, PARIS)
        # 40 unseen over the 19 days before the last one: ceil(40 / 19) = 3 a day.
        assert (p.days_left, p.unseen, p.new_today, p.quota, p.remaining_today) == (20, 40, 0, 3, 3)
        scheduler = sched.make_scheduler(enable_fuzzing=False)
        for i in range(2):
            sched.review(store, scheduler, item_id=f"q{i:02d}", rating=Rating.Good, now=NOW + timedelta(minutes=i),
                         correct=True, response_ms=1000, session_id=None, section="sec")
        later = NOW + timedelta(hours=1)
        p = planlib.pacing(store, ids, INTERVIEW, later, PARIS)
        # Today's quota does not move as questions are introduced; two of the three are done.
        assert (p.unseen, p.seen_once, p.new_today, p.quota, p.remaining_today) == (38, 2, 2, 3, 1)
        # A second look at a question is not a new question.
        sched.review(store, scheduler, item_id="q00", rating=Rating.Good, now=later, correct=True,
                     response_ms=1000, session_id=None, section="sec")
        p = planlib.pacing(store, ids, INTERVIEW, later, PARIS)
        assert (p.seen_once, p.new_today) == (1, 2)
        # The day before the interview, everything left must come today.
        p = planlib.pacing(store, ids, INTERVIEW, datetime(2026, 12, 14, 9, tzinfo=timezone.utc), PARIS)
        assert p.quota == 38 and p.days_left == 1


def test_quiz_uses_the_quota_for_new_questions(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [question(f"q{i:02d}", "truefalse") for i in range(40)])
    bank = banklib.load_bank([path])
    with Store() as store:
        now = datetime.now(timezone.utc)
        day = (now + timedelta(days=60)).date()
        store.set_setting("interview_date", day.isoformat())
        quota = planlib.pacing(store, set(bank.questions), day, now, clock.user_zone(None)).quota
    assert 5 <= quota < 40  # (540 built-in + 40) questions over about 59 days
    result = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "sec", "--limit", "100"], input="q\n")
    assert result.exit_code == 0, result.output
    assert f"0 due, {quota} new" in result.output
    explicit = runner.invoke(app, ["quiz", "--bank", str(path), "--section", "sec", "--new", "2"], input="q\n")
    assert "0 due, 2 new" in explicit.output


def test_stats_predicts_retrievability_on_the_interview_day():
    bank = banklib.load_bank()
    qid = next(iter(bank.questions))
    with Store() as store:
        result = sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id=qid, rating=Rating.Good,
                              now=NOW, correct=True, response_ms=1000, session_id=None,
                              section=bank.questions[qid].section)
        f = stats.compute(store, bank, NOW, PARIS, interview=INTERVIEW)
    at = datetime(2026, 12, 15, 9, tzinfo=PARIS)
    want = sched.Scheduler().get_card_retrievability(result.card, at)
    section = next(s for s in f["sections"] if s["id"] == bank.questions[qid].section)
    assert section["predicted_retrievability"] == pytest.approx(want, abs=1e-4)
    assert section["predicted_mastery"] == pytest.approx(want / section["total"], abs=1e-4)
    assert f["interview"]["days_left"] == 20 and f["interview"]["max_interval_days"] == 19


def test_cli_plan_round_trip():
    day = (datetime.now(timezone.utc) + timedelta(days=30)).date()
    result = runner.invoke(app, ["plan", "--interview", day.isoformat()])
    assert result.exit_code == 0, result.output
    assert "Saved: interview on" in result.output and "Daily quota" in result.output
    assert "Predicted recall on the interview day" in result.output
    shown = runner.invoke(app, ["plan"])
    assert "Saved" not in shown.output and "Daily quota" in shown.output
    data = json.loads(runner.invoke(app, ["stats", "--json"]).output)
    assert data["interview"]["date"] == day.isoformat() and data["interview"]["daily_new_quota"] > 0
    assert "Interview" in runner.invoke(app, ["stats"]).output
    quota = data["interview"]["daily_new_quota"]
    assert f"New questions: {quota} of today's {quota} left (0 done;" in runner.invoke(app, ["today"]).output
    cleared = runner.invoke(app, ["plan", "--clear"])
    assert cleared.exit_code == 0 and "cleared" in cleared.output
    assert "No interview date set" in runner.invoke(app, ["plan"]).output



@pytest.mark.parametrize("value, message", [
    ("15/12/2026", "write it as YYYY-MM-DD"),
    ("2020-01-01", "in the past"),
])
def test_cli_plan_rejects_bad_dates(value, message):
    result = runner.invoke(app, ["plan", "--interview", value])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    with Store() as store:
        assert planlib.interview_date(store) is None


def test_cli_config_timezone_is_validated():
    bad = runner.invoke(app, ["config", "set", "timezone", "Mars/Olympus"])
    assert bad.exit_code == 1 and "unknown time zone" in bad.output
    assert runner.invoke(app, ["config", "set", "timezone", "Asia/Kolkata"]).exit_code == 0
    assert "Asia/Kolkata" in runner.invoke(app, ["stats", "--json"]).output


def test_a_past_interview_no_longer_applies():
    with Store() as store:
        store.set_setting("interview_date", "2020-01-01")
        assert planlib.active_interview(store, NOW, PARIS) is None
        assert sched.scheduler_for(store, now=NOW).maximum_interval == 36500
    assert json.loads(runner.invoke(app, ["stats", "--json"]).output)["interview"] is None
    assert "2020-01-01 has passed" in runner.invoke(app, ["plan"]).output


def test_on_the_interview_day_the_plan_says_so():
    today = datetime.now(timezone.utc).astimezone(clock.user_zone(None)).date()
    with Store() as store:
        store.set_setting("interview_date", today.isoformat())
    out = runner.invoke(app, ["plan"]).output
    assert "Your interview is today" in out and "quota" not in out



def test_setting_the_date_pulls_in_cards_due_after_it():
    now = datetime.now(timezone.utc)
    tz = clock.user_zone(None)
    interview = (now.astimezone(tz) + timedelta(days=10)).date()
    with Store() as store:
        for i, days in enumerate((3, 30, 60, 90, 400)):
            card = {"card_id": i, "state": 2, "step": None, "stability": float(days), "difficulty": 5.0,
                    "due": (now + timedelta(days=days)).isoformat(), "last_review": now.isoformat()}
            log = {"card_id": i, "rating": 3, "review_datetime": now.isoformat(), "review_duration": None}
            store.record_review(item_id=f"q{i}", kind="question", card_after=card, card_before=None, log=log,
                                correct=True, response_ms=1, session_id=None, section="s")
    result = runner.invoke(app, ["plan", "--interview", interview.isoformat()])
    assert result.exit_code == 0, result.output
    assert "Moved 4 reviews that were due after the interview" in result.output
    with Store() as store:
        dues = {r[0]: datetime.fromtimestamp(r[1], timezone.utc) for r in store.db.execute("SELECT item_id, due FROM cards")}
        cards = {i: sched.load_card(store.card_json(i), i, now) for i in dues}
    assert (dues["q0"] - now).days == 3  # already before the interview: untouched
    eve = interview - timedelta(days=1)
    moved = sorted(d.astimezone(tz).date() for i, d in dues.items() if i != "q0")
    assert all(now.astimezone(tz).date() < d <= eve for d in moved) and len(set(moved)) == 4  # spread out
    assert all(cards[i].due == dues[i] for i in dues)  # the fsrs card and the index agree
