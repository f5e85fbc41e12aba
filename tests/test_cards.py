"""Card management: suspend, bury, flag and notes — in the store, in selection, in the CLI and the
quiz keys, through backup/restore, reset and export."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.errors import InvalidValue, MlprepError
from mlprep.progress import export as exportlib
from mlprep.progress import stats
from mlprep.questions import bank as banklib
from mlprep.quiz import cards
from mlprep.quiz import session as quizlib
from mlprep.srs import scheduler as sched
from mlprep.store import backup
from mlprep.store.db import MIGRATIONS, Store
from tests.helpers import question, write_bank

runner = CliRunner()
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
PARIS = ZoneInfo("Europe/Paris")


def small_bank(tmp_path):
    a = write_bank(tmp_path / "a.yaml", [question(f"a{i}", "truefalse", tags=["alpha-tag", f"t{i}"])
                                         for i in range(4)], section="alpha", title="Alpha", order=1)
    b = write_bank(tmp_path / "b.yaml", [question(f"b{i}", "truefalse", tags=["beta-tag"]) for i in range(3)],
                   section="beta", title="Beta", order=2)
    bank, problems = banklib.check_files([a, b])
    assert not problems
    return bank, [a, b]


def review(store, item_id, when, rating=Rating.Good):
    return sched.review(store, sched.make_scheduler(enable_fuzzing=False), item_id=item_id, rating=rating, now=when,
                        correct=rating != Rating.Again, response_ms=3000, session_id=None, section="alpha")


# ---------------------------------------------------------------- the store and the library

def test_migration_m004_is_the_latest_and_marks_start_empty(tmp_path):
    assert MIGRATIONS[-1][0] == "m004_card_management"
    with Store(tmp_path / "db") as store:
        assert store.card_marks() == {} and store.hidden_ids(NOW) == set() and store.flagged_ids() == set()


def test_selection_by_id_tag_and_section_with_close_matches(tmp_path):
    bank, _ = small_bank(tmp_path)
    drills = {"knn": type("D", (), {"tags": ("alpha-tag",), "section": "alpha"})()}
    assert cards.select(bank, drills, "a1").ids == ["a1"]
    assert cards.select(bank, drills, "drill:knn").ids == ["drill:knn"]
    assert cards.select(bank, drills, "knn").ids == ["drill:knn"]
    assert sorted(cards.select(bank, drills, tags=["alpha-tag"]).ids) == ["a0", "a1", "a2", "a3", "drill:knn"]
    assert sorted(cards.select(bank, drills, sections=["beta"]).ids) == ["b0", "b1", "b2"]
    with pytest.raises(InvalidValue) as unknown_id:
        cards.select(bank, drills, "a11")
    assert "a1" in unknown_id.value.suggestions
    with pytest.raises(InvalidValue) as unknown_tag:
        cards.select(bank, drills, tags=["alpha-tags"])
    assert unknown_tag.value.suggestions[0] == "alpha-tag"
    with pytest.raises(InvalidValue) as unknown_section:
        cards.select(bank, drills, sections=["betta"])
    assert unknown_section.value.suggestions == ["beta"]
    with pytest.raises(MlprepError):
        cards.select(bank, drills, "a1", tags=["alpha-tag"])


def test_suspended_and_buried_cards_are_never_selected_new_or_due(tmp_path):
    bank, _ = small_bank(tmp_path)
    with Store(tmp_path / "db") as store:
        for qid in ("a0", "a1", "b0"):
            review(store, qid, NOW - timedelta(days=30))
        assert cards.suspend(store, ["a0", "a2"]) == 2  # a due card and a never-reviewed one
        assert cards.suspend(store, ["a0"]) == 0  # already suspended
        until = cards.bury(store, ["a1", "b1"], NOW, PARIS)
        assert until == datetime(2026, 11, 26, 0, 0, tzinfo=PARIS)
        plan = quizlib.select_questions(bank, store, NOW, limit=50, new_limit=50, tz=PARIS)
        assert {q.id for q in plan.questions} == {"b0", "a3", "b2"}
        assert [i for i, _ in store.due_ids(NOW)] == ["b0"]
        # tomorrow (local day) the buried cards are back; the suspended ones stay out until unsuspended
        tomorrow = datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc)
        plan = quizlib.select_questions(bank, store, tomorrow, limit=50, new_limit=50, tz=PARIS)
        assert {q.id for q in plan.questions} == {"a1", "b0", "a3", "b1", "b2"}
        assert cards.suspend(store, ["a0", "a2"], False) == 2
        plan = quizlib.select_questions(bank, store, tomorrow, limit=50, new_limit=50, tz=PARIS)
        assert {"a0", "a2"} <= {q.id for q in plan.questions}


def test_today_counts_and_forecast_leave_out_suspended_and_push_buried(tmp_path):
    bank, _ = small_bank(tmp_path)
    with Store(tmp_path / "db") as store:
        for qid in ("a0", "a1", "b0"):
            review(store, qid, NOW - timedelta(days=30))
        before = stats.compute(store, bank, NOW, PARIS)
        assert before["totals"]["due"] == 3 and before["forecast"][0]["questions"] == 3
        cards.suspend(store, ["a0"])
        cards.bury(store, ["a1"], NOW, PARIS)
        after = stats.compute(store, bank, NOW, PARIS)
        assert after["totals"]["due"] == 1
        assert [d["questions"] for d in after["forecast"][:2]] == [1, 1]  # the buried one comes back tomorrow
        assert store.next_due(ids={"a0", "a1"}) == datetime(2026, 11, 26, 0, 0, tzinfo=PARIS)


def test_today_counts_neither_suspended_nor_buried_new_questions():
    bank = banklib.load_bank()
    first, second, third = list(bank.questions)[:3]
    with Store() as store:
        before = stats.compute(store, bank, NOW, PARIS)
        cards.suspend(store, [first, second])
        cards.bury(store, [third], datetime.now(timezone.utc), PARIS)
        after = stats.compute(store, bank, datetime.now(timezone.utc), PARIS)
    assert after["marks"]["suspended"] == 2 and after["marks"]["buried"] == 1
    assert after["marks"]["new_available"] == before["marks"]["new_available"] - 3
    out = runner.invoke(app, ["today"])
    assert out.exit_code == 0 and f"New questions available: {before['marks']['new_available'] - 3}" in out.output


def test_flagged_quiz_takes_only_flagged_cards_seen_and_new(tmp_path):
    bank, _ = small_bank(tmp_path)
    with Store(tmp_path / "db") as store:
        review(store, "a0", NOW - timedelta(days=30))
        review(store, "a1", NOW - timedelta(hours=1))  # seen, not due
        cards.set_flag(store, ["a0", "a1", "b2"])
        assert cards.toggle_flag(store, "b2") is False and cards.toggle_flag(store, "b2") is True
        plan = quizlib.select_questions(bank, store, NOW, limit=50, new_limit=50, tz=PARIS, flagged=True)
        assert [q.id for q in plan.questions] == ["a0", "a1", "b2"]  # due, then seen, then new
        cards.suspend(store, ["a1"])
        plan = quizlib.select_questions(bank, store, NOW, limit=50, new_limit=50, tz=PARIS, flagged=True)
        assert [q.id for q in plan.questions] == ["a0", "b2"]


def test_notes_are_saved_cleared_and_bounded(tmp_path):
    with Store(tmp_path / "db") as store:
        assert cards.note(store, "a0") is None
        assert cards.set_note(store, "a0", "  remember: bias, not variance  ") == "remember: bias, not variance"
        assert cards.note(store, "a0") == "remember: bias, not variance"
        assert cards.set_note(store, "a0", "") is None and cards.note(store, "a0") is None
        with pytest.raises(InvalidValue, match="at most"):
            cards.set_note(store, "a0", "x" * 5000)


def test_mock_never_asks_a_suspended_question(tmp_path):
    from mlprep.quiz import mock

    bank, _ = small_bank(tmp_path)
    with Store(tmp_path / "db") as store:
        cards.suspend(store, [q for q in bank.questions if q != "b1"])
        plan = mock.plan_mock(bank, store, NOW, minutes=10, seed=1)
        assert [q.id for q in plan.questions] == ["b1"]


# ---------------------------------------------------------------- backup, restore, reset, export

def test_marks_round_trip_through_backup_restore_and_survive_reset(tmp_path, monkeypatch):
    with Store(tmp_path / "one.db") as store:
        review(store, "a0", NOW)
        cards.suspend(store, ["a0", "drill:knn"])
        cards.bury(store, ["a1"], NOW, PARIS)
        cards.set_flag(store, ["b0"])
        cards.set_note(store, "b0", "écrit à la main ✓")
        doc = backup.dump(store)
        before = {k: dict(v) for k, v in store.card_marks().items()}
    assert doc["format_version"] == backup.FORMAT_VERSION == 2
    assert {r["item_id"] for r in doc["tables"]["card_marks"]} == {"a0", "drill:knn", "a1", "b0"}
    with Store(tmp_path / "two.db") as store:
        backup.restore(store, json.loads(json.dumps(doc)))
        assert {k: dict(v) for k, v in store.card_marks().items()} == before
        assert store.card_mark("drill:knn")["kind"] == "drill"
        backup.reset(store)
        assert store.review_count() == 0
        assert cards.note(store, "b0") == "écrit à la main ✓" and store.suspended_ids() == {"a0", "drill:knn"}


@pytest.mark.parametrize("column, value, expected", [
    ("suspended", 2, "should be 0 or 1"),
    ("flagged", "yes", "should be an integer"),
    ("buried_until", "tomorrow", "should be a number"),
    ("note", 5, "should be text"),
    ("note", "x" * 3000, "at most 2000 characters"),
])
def test_restore_refuses_bad_mark_values(tmp_path, column, value, expected):
    with Store(tmp_path / "one.db") as store:
        cards.set_flag(store, ["a0"])
        doc = backup.dump(store)
    doc["tables"]["card_marks"][0][column] = value
    with Store(tmp_path / "two.db") as store, pytest.raises(backup.BackupError, match=expected):
        backup.restore(store, doc)


def test_a_format_1_backup_without_marks_still_restores(tmp_path):
    with Store(tmp_path / "one.db") as store:
        review(store, "a0", NOW)
        doc = backup.dump(store)
    doc["format_version"] = 1
    doc["migrations"] = doc["migrations"][:3]
    del doc["tables"]["card_marks"]
    with Store(tmp_path / "two.db") as store:
        backup.restore(store, doc)
        assert store.review_count() == 1 and store.card_marks() == {}
        cards.suspend(store, ["a0"])
        assert store.due_ids(NOW + timedelta(days=400)) == []


def test_export_has_the_mark_columns(tmp_path):
    bank, _ = small_bank(tmp_path)
    with Store(tmp_path / "db") as store:
        cards.suspend(store, ["a0"])
        cards.bury(store, ["a1"], NOW, PARIS)
        cards.set_flag(store, ["a2"])
        cards.set_note(store, "a2", "a, \"quoted\"\nnote")
        rows = {r["id"]: r for r in exportlib.question_rows(bank, store, NOW)}
    assert rows["a0"]["suspended"] is True and rows["a3"]["suspended"] is False
    assert rows["a1"]["buried_until"].startswith("2026-11-25T23:00:00")
    assert rows["a2"]["flagged"] is True and rows["a2"]["note"] == "a, \"quoted\"\nnote"
    import csv
    import io

    parsed = {r["id"]: r for r in csv.DictReader(io.StringIO(exportlib.to_csv(list(rows.values()))))}
    assert parsed["a0"]["suspended"] == "1" and parsed["a2"]["flagged"] == "1"
    assert parsed["a2"]["note"] == "a, \"quoted\"\nnote" and parsed["a3"]["note"] == ""
    doc = json.loads(exportlib.to_json(list(rows.values()), NOW))
    assert {q["id"]: q["flagged"] for q in doc["questions"]}["a2"] is True


# ---------------------------------------------------------------- the commands

def test_suspend_unsuspend_commands_report_counts_and_errors(tmp_path):
    _, paths = small_bank(tmp_path)
    bank_args = ["--bank", str(paths[0]), "--bank", str(paths[1])]
    out = runner.invoke(app, ["suspend", "--tag", "alpha-tag", *bank_args])
    assert out.exit_code == 0, out.output
    assert "Suspended 4 cards" in out.output
    out = runner.invoke(app, ["suspend", "a1", *bank_args])
    assert out.exit_code == 0 and "already suspended" in out.output
    out = runner.invoke(app, ["unsuspend", "--section", "alpha", *bank_args])
    assert "Unsuspended 4 cards" in out.output
    out = runner.invoke(app, ["suspend", "a11", *bank_args])
    assert out.exit_code == 1 and "a11" in out.output and "Did you mean" in out.output and "a1" in out.output
    out = runner.invoke(app, ["suspend", "--tag", "alpha-tga", *bank_args])
    assert out.exit_code == 1 and "alpha-tag" in out.output
    out = runner.invoke(app, ["unsuspend", "--section", "alpah", *bank_args])
    assert out.exit_code == 1 and "Did you mean alpha" in out.output
    assert runner.invoke(app, ["suspend", *bank_args]).exit_code == 1


def test_bury_flag_note_commands(tmp_path):
    _, paths = small_bank(tmp_path)
    bank_args = ["--bank", str(paths[0])]
    runner.invoke(app, ["config", "set", "timezone", "Europe/Paris"])
    out = runner.invoke(app, ["bury", "a0", *bank_args])
    assert out.exit_code == 0 and "Buried question a0 until" in out.output and "00:00" in out.output
    out = runner.invoke(app, ["flag", "a1", *bank_args])
    assert "Flagged question a1" in out.output and "mlprep quiz --flagged" in out.output
    assert "already flagged" in runner.invoke(app, ["flag", "a1", *bank_args]).output
    assert "Unflagged" in runner.invoke(app, ["unflag", "a1", *bank_args]).output
    out = runner.invoke(app, ["note", "a2", "check the sign", *bank_args])
    assert out.exit_code == 0 and "Saved the note" in out.output
    assert runner.invoke(app, ["note", "a2", *bank_args]).output.strip() == "check the sign"
    assert "Deleted the note" in runner.invoke(app, ["note", "a2", "--clear", *bank_args]).output
    assert "has no note" in runner.invoke(app, ["note", "a2", *bank_args]).output
    assert runner.invoke(app, ["note", "a2", "x", "--clear", *bank_args]).exit_code == 1
    with Store() as store:
        assert store.hidden_ids(datetime.now(timezone.utc)) == {"a0"}


def test_quiz_keys_suspend_bury_flag_and_note(tmp_path):
    _, paths = small_bank(tmp_path)
    args = ["quiz", "--bank", str(paths[0]), "--section", "alpha", "--seed", "1"]
    # a0: answer wrong, then suspend (so it does not come back at the end), flag it, write a note
    script = "f\nx\nf\nn\nmy own hint\n\n" + "t\nb\n\n" + "q\n"
    out = runner.invoke(app, args, input=script)
    assert out.exit_code == 0, out.output
    assert "Suspended" in out.output and "Flagged" in out.output and "Note saved" in out.output
    assert "Buried until" in out.output and "comes back once more" not in out.output
    with Store() as store:
        first, second = [r["item_id"] for r in store.reviews()]
        assert store.suspended_ids() == {first} and store.flagged_ids() == {first}
        assert cards.note(store, first) == "my own hint"
        assert store.hidden_ids(datetime.now(timezone.utc)) == {first, second}
        cards.suspend(store, [first], False)
        cards.unbury(store, [first, second])
    # the note is shown with the answer; the help lists the card keys; --flagged picks the flagged card
    out = runner.invoke(app, [*args[:-2], "--flagged"], input="?\nt\n\nq\n")
    assert out.exit_code == 0, out.output
    assert "1 question" in out.output and "my own hint" in out.output and "x suspend" in out.output


def test_drill_cards_suspend_and_note(tmp_path):
    out = runner.invoke(app, ["note", "drill:knn", "use the squared-distance trick"])
    assert out.exit_code == 0 and "Saved the note on drill knn" in out.output
    out = runner.invoke(app, ["drill", "knn"])
    assert out.exit_code == 0 and "Your note: use the squared-distance trick" in out.output
    assert runner.invoke(app, ["suspend", "knn"]).exit_code == 0
    with Store() as store:
        review(store, "drill:knn", NOW - timedelta(days=60))  # long overdue
        assert store.due_ids(datetime.now(timezone.utc), kind="drill") == []
    out = runner.invoke(app, ["suspend", "drill:knnn"])
    assert out.exit_code == 1 and "drill:knn" in out.output


def test_an_interview_plan_does_not_pace_suspended_questions(tmp_path):
    from datetime import date

    from mlprep.srs import plan

    with Store(tmp_path / "db") as store:
        ids = {f"q{i}" for i in range(20)}
        before = plan.pacing(store, ids, date(2026, 12, 6), NOW, PARIS)
        cards.suspend(store, [f"q{i}" for i in range(10)])
        after = plan.pacing(store, ids, date(2026, 12, 6), NOW, PARIS)
    assert before.unseen == 20 and after.unseen == 10 and after.quota < before.quota
