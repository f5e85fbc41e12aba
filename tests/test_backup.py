"""Backup, restore and reset: the store round-trips through JSON, bad files fail cleanly, nothing is lost."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from mlprep.cli.app import app
from mlprep.drills.catalogue import load_drills
from mlprep.progress import stats as stats
from mlprep.questions.bank import load_bank
from mlprep.srs.scheduler import Rating, make_scheduler, review
from mlprep.store import backup as backup
from mlprep.store.db import MIGRATIONS, Store

runner = CliRunner()
T0 = datetime(2026, 3, 2, 8, 30, tzinfo=timezone.utc)
NOW = T0 + timedelta(days=20)
TZ = ZoneInfo("Europe/Paris")


def make_history(store: Store) -> dict[str, str]:
    """Reviews of real questions over three weeks (one lapse), a drill review, attempt, hint and a setting.

    Returns the ids used: lapsed (Good, Good, Again on Review), learning (one Good), wrong (one Again).
    """
    bank = load_bank()
    by_type = {}
    for q in bank.questions.values():
        if not q.parametric:
            by_type.setdefault(q.type, q)
    lapsed, learning, wrong = by_type["flashcard"], by_type["mcq"], by_type["code_output"]
    sched = make_scheduler(enable_fuzzing=False)
    session = store.start_session("quiz", {"limit": 20})

    def rev(q, rating, at, correct):
        review(store, sched, item_id=q.id, rating=rating, now=at, correct=correct, response_ms=4200,
               session_id=session, section=q.section)

    rev(lapsed, Rating.Good, T0, None)
    rev(lapsed, Rating.Good, T0 + timedelta(minutes=15), None)
    rev(lapsed, Rating.Again, T0 + timedelta(days=9), None)
    rev(learning, Rating.Good, T0 + timedelta(days=1), True)
    rev(wrong, Rating.Again, T0 + timedelta(days=2), False)
    store.end_session(session, {"limit": 20, "answered": 5})
    review(store, sched, item_id="drill:knn", rating=Rating.Good, now=T0 + timedelta(days=3), correct=True,
           response_ms=None, session_id=None, section="from-scratch", kind="drill")
    store.record_attempt(slug="knn", passed=True, tests_passed=8, tests_total=8, duration_ms=1234, hints_used=1,
                         status="passed", slow_factor=1.5, details={"failures": []})
    store.set_hints_shown("knn", 1)
    store.mark_drill_started("knn", T0 + timedelta(days=3, minutes=-12))
    store.set_setting("desired_retention", "0.85")
    return {"lapsed": lapsed.id, "learning": learning.id, "wrong": wrong.id}


def figures(store: Store) -> dict:
    return stats.compute(store, load_bank(), NOW, TZ, drills=load_drills(strict=False))


def rows(store: Store) -> dict:
    return backup.dump(store)["tables"]


def every_table(store: Store) -> dict:
    """All rows of every table, derived ones included (not the migration bookkeeping)."""
    names = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                                            "('migrations', 'sqlite_sequence') ORDER BY name")]
    return {n: sorted(tuple(r) for r in store.db.execute(f"SELECT * FROM {n}")) for n in names}


def switch_home(monkeypatch, tmp_path: Path, name: str) -> Path:
    home = tmp_path / name
    monkeypatch.setenv("MLPREP_HOME", str(home))
    return home


@pytest.fixture
def saved(tmp_path):
    """A history in the default home and its backup file: (path, stats, table rows)."""
    with Store() as store:
        make_history(store)
        path = tmp_path / "progress.json"
        backup.write_backup(store, path)
        return path, figures(store), rows(store), every_table(store)


# ---------------------------------------------------------------- round trip

def test_backup_file_has_every_table_and_the_metadata(saved):
    path, _, table_rows, _ = saved
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["kind"] == "mlprep-backup" and doc["format_version"] == backup.FORMAT_VERSION
    assert doc["migrations"] == [name for name, _ in MIGRATIONS]
    assert doc["mlprep_version"] and datetime.fromisoformat(doc["created_at"]).tzinfo is not None
    assert set(doc["tables"]) == {"cards", "reviews", "sessions", "drill_attempts", "drill_hints", "drill_started",
                                  "settings", "card_marks"}
    assert len(doc["tables"]["reviews"]) == 6 and doc["tables"]["reviews"][0]["id"] == 1
    assert doc["tables"] == table_rows
    assert not list(path.parent.glob(".*.tmp")), "the temporary file is renamed into place"


def test_restore_into_an_empty_home_gives_identical_stats_and_rows(saved, tmp_path, monkeypatch):
    path, before_stats, before_rows, before_all = saved
    switch_home(monkeypatch, tmp_path, "other")
    result = runner.invoke(app, ["restore", str(path)])
    assert result.exit_code == 0, result.output
    assert "Restored 6 reviews, 4 cards, 1 session, 1 drill attempt, 1 setting" in result.output
    with Store() as store:
        assert rows(store) == before_rows
        assert every_table(store) == before_all  # derived tables (aggregates) rebuilt alike
        assert figures(store) == before_stats
        sessions = {r["id"] for r in store.sessions()}
        assert {r["session_id"] for r in store.reviews() if r["kind"] == "question"} <= sessions
        assert store.get_setting("desired_retention") == "0.85"
        assert store.hints_shown("knn") == 1
        # The restore rebuilt the aggregates in bulk; the triggers are back for the next review.
        review(store, make_scheduler(enable_fuzzing=False), item_id="drill:knn", rating=Rating.Good,
               now=T0 + timedelta(days=30), correct=True, response_ms=None, session_id=None,
               section="from-scratch", kind="drill")
        assert store.db.execute("SELECT reviews FROM item_totals WHERE item_id = 'drill:knn'").fetchone()[0] == 2


def test_round_trip_through_the_library_keeps_figures(saved, tmp_path, monkeypatch):
    path, before_stats, _, _ = saved
    switch_home(monkeypatch, tmp_path, "lib")
    with Store() as store:
        result = backup.restore(store, path)
        assert result.counts["reviews"] == 6 and result.safety_backup is None
        assert figures(store) == before_stats
        # the restored store keeps working: new reviews get fresh ids after the restored ones
        make_history(store)
        assert max(r["id"] for r in store.reviews()) == 12


def test_a_backup_from_an_older_schema_is_upgraded(saved, tmp_path, monkeypatch):
    path, before_stats, before_rows, _ = saved
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["migrations"] = ["m001_initial"]
    doc["format_version"] = 1
    del doc["tables"]["drill_started"], doc["tables"]["card_marks"]
    for r in doc["tables"]["cards"]:
        del r["stability"], r["last_review"]
    for r in doc["tables"]["reviews"]:
        del r["state_before"]
    for r in doc["tables"]["drill_hints"]:
        del r["shown_at"]
    switch_home(monkeypatch, tmp_path, "old")
    with Store() as store:
        backup.restore(store, doc)
        now_rows = rows(store)
        assert now_rows["reviews"] == before_rows["reviews"]  # state_before recomputed by the migration
        assert [r["stability"] for r in now_rows["cards"]] == pytest.approx(
            [r["stability"] for r in before_rows["cards"]])
        assert figures(store)["totals"] == before_stats["totals"]


# ---------------------------------------------------------------- refusing to overwrite

def test_restore_refuses_a_store_with_progress_unless_forced(saved, mlprep_home):
    path, _, before_rows, _ = saved
    with Store() as store:
        review(store, make_scheduler(enable_fuzzing=False), item_id="extra-question", rating=Rating.Good,
               now=NOW, correct=True, response_ms=1000, session_id=None, section=None)
        current = rows(store)

    refused = runner.invoke(app, ["restore", str(path)])
    assert refused.exit_code == 1
    assert "--force" in refused.output and str(path) in refused.output and "Traceback" not in refused.output
    with Store() as store:
        assert rows(store) == current
    assert not (mlprep_home / "backups").exists()

    forced = runner.invoke(app, ["restore", str(path), "--force"])
    assert forced.exit_code == 0, forced.output
    safety = list((mlprep_home / "backups").glob("mlprep-*.json"))
    assert len(safety) == 1 and str(safety[0]) in forced.output.replace("\n", "")
    assert json.loads(safety[0].read_text(encoding="utf-8"))["tables"] == current
    with Store() as store:
        assert rows(store) == before_rows


def test_settings_alone_do_not_block_a_restore(saved, tmp_path, monkeypatch):
    path, _, before_rows, _ = saved
    switch_home(monkeypatch, tmp_path, "fresh")
    with Store() as store:
        store.set_setting("timezone", "UTC")
    assert runner.invoke(app, ["restore", str(path)]).exit_code == 0
    with Store() as store:
        assert rows(store) == before_rows  # restore replaces everything, settings included


def test_an_error_while_replacing_leaves_the_store_untouched(saved, monkeypatch):
    path, _, _, _ = saved
    with Store() as store:
        store.set_setting("desired_retention", "0.95")
        current = rows(store)
        real = backup._columns

        def failing(db, table):
            if table == "reviews" and db is store.db:
                raise RuntimeError("disk on fire")
            return real(db, table)

        monkeypatch.setattr(backup, "_columns", failing)
        with pytest.raises(RuntimeError):
            backup.restore(store, path, force=True)
        monkeypatch.setattr(backup, "_columns", real)
        assert rows(store) == current


# ---------------------------------------------------------------- invalid files

def _edit(doc: dict, change: str) -> object:
    if change == "not-an-object":
        return [1, 2, 3]
    if change == "no-kind":
        del doc["kind"]
    elif change == "newer-format":
        doc["format_version"] = backup.FORMAT_VERSION + 1
    elif change == "newer-schema":
        doc["migrations"].append("m099_future")
    elif change == "missing-table":
        del doc["tables"]["sessions"]
    elif change == "missing-column":
        del doc["tables"]["reviews"][2]["rating"]
    elif change == "wrong-type":
        doc["tables"]["cards"][0]["due"] = "tomorrow"
    elif change == "dangling-session":
        doc["tables"]["reviews"][0]["session_id"] = 99
    elif change == "null-required":
        doc["tables"]["drill_attempts"][0]["status"] = None
    elif change == "bad-time":
        doc["tables"]["reviews"][1]["reviewed_at"] = "yesterday"
    elif change == "bad-card-json":
        doc["tables"]["cards"][0]["card_json"] = "{not json"
    elif change == "not-a-card":
        doc["tables"]["cards"][0]["card_json"] = json.dumps({"state": 2})
    elif change == "bad-rating":
        doc["tables"]["reviews"][0]["rating"] = 7
    return doc


@pytest.mark.parametrize(("change", "expected"), [
    ("not-an-object", "not an mlprep backup"),
    ("no-kind", "not an mlprep backup"),
    ("newer-format", f"format_version {backup.FORMAT_VERSION + 1}"),
    ("newer-schema", "m099_future"),
    ("missing-table", "table 'sessions' is missing"),
    ("missing-column", "table 'reviews', row 3 is missing the column 'rating'"),
    ("wrong-type", "column 'due' should be a number"),
    ("dangling-session", "session_id is not a session"),
    ("null-required", "NOT NULL"),
    ("bad-time", "table 'reviews', row 2: column 'reviewed_at' should be an ISO 8601 time"),
    ("bad-card-json", "table 'cards', row 1: column 'card_json' should be a JSON object"),
    ("not-a-card", "column 'card_json' should be an fsrs card"),
    ("bad-rating", "column 'rating' should be a rating from 1 (Again) to 4 (Easy)"),
])
def test_invalid_backups_give_one_clean_message(saved, change, expected):
    path, _, before_rows, _ = saved
    bad = path.with_name(f"bad-{change}.json")
    bad.write_text(json.dumps(_edit(json.loads(path.read_text(encoding="utf-8")), change)), encoding="utf-8")
    result = runner.invoke(app, ["restore", str(bad), "--force"])
    assert result.exit_code == 1
    assert expected in result.output and str(bad) in result.output.replace("\n", "")
    assert "Traceback" not in result.output
    with Store() as store:
        assert rows(store) == before_rows


@pytest.mark.parametrize(("content", "expected"), [
    ('{"kind": "mlprep-backup",\n "tables": {,}}', "not valid JSON (line 2, column 13"),
    ("", "not valid JSON (line 1, column 1"),
    (b"\xff\xfe\x00binary", "not a text file"),
    ('{"kind": "mlprep-questions", "format_version": 1, "questions": []}', "question export"),
])
def test_unreadable_files_name_the_file_and_the_problem(tmp_path, content, expected):
    bad = tmp_path / "broken.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["restore", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert expected in result.output and str(bad) in result.output.replace("\n", "")


def test_missing_file_and_folder(tmp_path):
    missing = runner.invoke(app, ["restore", str(tmp_path / "nope.json")])
    assert missing.exit_code == 1 and "no such file" in missing.output and "nope.json" in missing.output
    folder = runner.invoke(app, ["restore", str(tmp_path)])
    assert folder.exit_code == 1 and "is a folder" in folder.output


def test_backup_command_writes_a_restorable_file(tmp_path):
    with Store() as store:
        make_history(store)
    target = tmp_path / "out" / "b.json"
    result = runner.invoke(app, ["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert "6 reviews" in result.output and "mlprep restore" in result.output
    assert backup.validate(target)["reviews"] == 6
    into_folder = runner.invoke(app, ["backup", str(tmp_path)])
    assert into_folder.exit_code == 0 and len(list(tmp_path.glob("mlprep-*.json"))) == 1


def test_auto_backup_path_is_in_the_data_home_and_never_reused(mlprep_home):
    first = backup.auto_backup_path(T0)
    assert first == mlprep_home / "backups" / "mlprep-20260302T083000000000Z.json"
    first.parent.mkdir(parents=True)
    first.write_text("{}")
    assert backup.auto_backup_path(T0) != first


# ---------------------------------------------------------------- reset

def test_reset_answer_no_keeps_everything(mlprep_home):
    with Store() as store:
        make_history(store)
        current = rows(store)
    result = runner.invoke(app, ["reset"], input="n\n")
    assert result.exit_code == 0 and "Delete all progress" in result.output and "Nothing changed" in result.output
    with Store() as store:
        assert rows(store) == current
    assert not (mlprep_home / "backups").exists()


def test_reset_answer_yes_backs_up_then_empties(mlprep_home):
    with Store() as store:
        make_history(store)
        current = rows(store)
    result = runner.invoke(app, ["reset"], input="y\n")
    assert result.exit_code == 0, result.output
    made = list((mlprep_home / "backups").glob("mlprep-*.json"))
    assert len(made) == 1 and str(made[0]) in result.output.replace("\n", "")
    assert json.loads(made[0].read_text(encoding="utf-8"))["tables"] == current
    with Store() as store:
        assert all(n == 0 for t, n in backup.counts(store).items() if t != "settings")
        assert not any(v for t, v in every_table(store).items() if t != "settings")
        assert store.get_setting("desired_retention") == "0.85"  # settings are configuration: kept
        assert store.schema_version == len(MIGRATIONS)
        # the printed way back works
        backup.restore(store, made[0])
        assert rows(store) == current


def test_reset_yes_flag_and_empty_store():
    assert "Nothing to delete" in runner.invoke(app, ["reset"]).output
    with Store() as store:
        make_history(store)
    result = runner.invoke(app, ["reset", "-y"])
    assert result.exit_code == 0 and "Deleted 6 reviews" in result.output
    with Store() as store:
        assert not backup.has_progress(store)
