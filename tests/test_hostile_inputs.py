"""Hostile input never crashes mlprep (issue 11): closed stdin, a damaged or full or read-only or locked
database, a newer schema, tampered backups, absurd time zones and numbers, two sessions on one home.

Every case asserts what the user sees (a one-paragraph message naming the culprit, no traceback, the exit
code) and that the progress already saved is still there.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep.cli import quiz as cli_quiz
from mlprep.cli.app import app
from mlprep.questions import bank as banklib
from mlprep.quiz import session as quizlib
from mlprep.srs import scheduler as sched
from mlprep.store import backup
from mlprep.store import db as dblib
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
LONG_ZONE = "Europe/" + "A" * 5000


def history(store: Store, n: int = 5, ids: list[str] | None = None) -> list[str]:
    """n reviews (real question ids unless given) in one session, plus a setting; returns the ids."""
    if ids is None:
        ids = sorted(banklib.load_bank().questions)[:n]
    s = sched.make_scheduler(enable_fuzzing=False)
    sid = store.start_session("quiz")
    for i, qid in enumerate(ids):
        sched.review(store, s, item_id=qid, rating=Rating.Good, now=T0 + timedelta(minutes=i), correct=True,
                     response_ms=1000, session_id=sid, section="maths")
    store.end_session(sid, {"answered": len(ids)})
    store.set_setting("desired_retention", "0.85")
    return ids


def saved_rows(path: Path | None = None) -> dict:
    with Store(path) as store:
        return backup.dump(store)["tables"]


def clean(result, *needles: str, code: int = 1) -> str:
    """The CLI failed (or not) cleanly: exit code, no traceback, every needle in the (unwrapped) output."""
    out = result.output
    assert result.exit_code == code, out
    assert "Traceback" not in out, out
    assert result.exception is None or isinstance(result.exception, SystemExit), out
    flat = " ".join(out.split())
    for needle in needles:
        assert " ".join(needle.split()) in flat, (needle, out)
    return flat


def tf_bank(tmp_path: Path, n: int = 4) -> banklib.Bank:
    path = write_bank(tmp_path / "tf.yaml", [question(f"tf{i}", "truefalse") for i in range(n)], section="tf",
                      title="True or false", order=1)
    bank, problems = banklib.check_files([path])
    assert not problems
    return bank


def scripted(lines: list[str], hook=None):
    """A quiz reader that answers from `lines`; `hook(prompt, n)` runs before the nth read (another terminal)."""
    state = {"n": 0}

    def read(prompt: str) -> str:
        state["n"] += 1
        if hook is not None:
            hook(prompt, state["n"])
        if not lines:
            raise EOFError
        return lines.pop(0)

    return read


# ---------------------------------------------------------------- 1. closed stdin and end of input

def _mlprep(args: list[str], *, closed: bool) -> subprocess.CompletedProcess:
    """Run the real `mlprep` with stdin closed (`<&-`) or at its end (`</dev/null`)."""
    def close_stdin() -> None:
        os.close(0)

    return subprocess.run([sys.executable, "-m", "mlprep", *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, preexec_fn=close_stdin if closed else None, env=os.environ.copy())


@pytest.mark.parametrize("args", [["quiz"], ["mock", "-m", "5"], ["reset"], ["drill", "knn", "--reset"]],
                         ids=["quiz", "mock", "reset", "drill-reset"])
def test_closed_stdin_is_a_message_and_changes_nothing(args, mlprep_home):
    with Store() as store:
        history(store)
    before = saved_rows()
    done = _mlprep(args, closed=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "no input: stdin is closed" in done.stderr and f"mlprep {args[0]}" in done.stderr
    assert saved_rows() == before


def test_end_of_input_ends_a_quiz_with_its_summary(mlprep_home):
    done = _mlprep(["quiz", "-n", "2"], closed=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "Session ended" in done.stdout and "Session summary" in done.stdout


@pytest.mark.parametrize("args", [["reset"], ["drill", "knn", "--reset"]], ids=["reset", "drill-reset"])
def test_end_of_input_at_a_confirmation_changes_nothing(args, mlprep_home, tmp_path):
    with Store() as store:
        history(store)
    before = saved_rows()
    target = tmp_path / "workspace" / "knn.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# my work\n")
    done = _mlprep(args, closed=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "no answer to the question" in done.stderr and "--yes" in done.stderr
    assert saved_rows() == before and target.read_text() == "# my work\n"
    assert not (mlprep_home / "backups").exists()


# ---------------------------------------------------------------- 2. a damaged database page

def damaged_home(mlprep_home: Path) -> tuple[Path, Path]:
    """A store of 300 reviews with a backup, then garbage written over pages in the middle of the file."""
    with Store() as store:
        history(store, ids=[f"question-{i:04d}" for i in range(300)])
        latest = backup.auto_backup_path()
        backup.write_backup(store, latest)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = mlprep_home / "mlprep.sqlite3"
    size = db.stat().st_size
    with db.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 4096)
    return db, latest


def test_a_damaged_page_is_explained_by_every_store_operation(mlprep_home):
    db, latest = damaged_home(mlprep_home)
    store = Store(db)
    failures = []
    for op in (lambda: backup.dump(store), lambda: backup.reset(store), lambda: store.reviews(),
               lambda: store.card_rows(), lambda: store.due_ids(T0 + timedelta(days=400))):
        try:
            op()
        except dblib.StoreDamaged as exc:
            failures.append(str(exc))
        except sqlite3.Error as exc:  # pragma: no cover - the failure this test guards against
            pytest.fail(f"raw SQLite error escaped the store: {exc!r}")
    store.close()
    assert failures, "the garbage must hit at least one operation"
    message = failures[0]
    assert str(db) in message and "PRAGMA quick_check:" in message and "quick_check: ok" not in message
    assert str(latest) in message and "--force" in message and "cp " in message
    assert "move it aside" not in message


def test_damaged_database_commands_fail_cleanly_and_restore_keeps_the_damaged_file(mlprep_home):
    db, latest = damaged_home(mlprep_home)
    damaged_bytes = db.read_bytes()
    failed = 0
    for args in (["today"], ["stats"], ["quiz", "-n", "1"], ["backup", str(mlprep_home / "b.json")], ["reset", "-y"]):
        result = runner.invoke(app, args, input="")
        assert "Traceback" not in result.output and not isinstance(result.exception, sqlite3.Error), result.output
        if result.exit_code:
            failed += 1
            clean(result, str(db), "is damaged", "PRAGMA quick_check", f"mlprep restore {latest} --force")
    assert failed, "reset at least reads every page"
    assert db.read_bytes()[:4096] == damaged_bytes[:4096]  # nothing rewrote the damaged file
    result = runner.invoke(app, ["restore", str(latest), "--force"])
    clean(result, "Restored 300 reviews", "The damaged database was kept as", code=0)
    kept = list(mlprep_home.glob("mlprep.sqlite3.damaged-*"))
    assert len([p for p in kept if not p.name.endswith(("-wal", "-shm"))]) == 1
    with Store() as store:
        assert store.review_count() == 300 and store.get_setting("desired_retention") == "0.85"


def test_an_sqlite_error_raised_outside_the_store_is_still_explained(monkeypatch, mlprep_home):
    from mlprep.progress import stats

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(stats, "compute", broken)
    result = runner.invoke(app, ["stats"])
    clean(result, str(mlprep_home / "mlprep.sqlite3"), "could not grow: the disk is full")


# ---------------------------------------------------------------- 3. a full disk mid-quiz

def full_store(path: Path) -> Store:
    """A store that cannot grow: its page limit is its current size (SQLite answers SQLITE_FULL)."""
    store = Store(path)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    return store


def test_a_full_disk_mid_quiz_says_the_answer_was_not_saved_and_keeps_the_rest(tmp_path, mlprep_home, capsys):
    bank = tf_bank(tmp_path)
    path = mlprep_home / "mlprep.sqlite3"
    store = full_store(path)
    session = quizlib.QuizSession(store, bank, sched.make_scheduler(enable_fuzzing=False))
    s = sched.make_scheduler(enable_fuzzing=False)
    saved = 0
    with pytest.raises(dblib.StoreFull):  # fill the last page with answers like the quiz's own
        for i in range(10_000):
            sched.review(store, s, item_id="tf0", rating=Rating.Good, now=T0 + timedelta(hours=i), correct=True,
                         response_ms=1000, session_id=session.session_id, section="tf")
            saved += 1
    summary = cli_quiz.run(session, [bank.questions["tf0"], bank.questions["tf1"]], {"tf0"},
                           reader=scripted(["t", "", "t", ""]))
    out = " ".join(capsys.readouterr().out.split())
    assert "That answer was not saved:" in out and "disk is full" in out and str(path) in out
    assert "Session ended; the answers before it are saved." in out and "Session summary" in out
    assert session.stopped and summary.answered == 0
    store.close()
    with Store(path) as fresh:
        assert fresh.review_count() == saved  # every earlier answer is intact


def test_a_full_disk_message_from_the_cli(mlprep_home, monkeypatch):
    with Store() as store:
        history(store)
        doc = backup.dump(store)
    before = saved_rows()
    for i in range(400):  # a restore far bigger than the room left
        doc["tables"]["cards"].append(dict(doc["tables"]["cards"][0], item_id=f"extra-{i:04d}"))
    target = mlprep_home / "big.json"
    target.write_text(json.dumps(doc))
    real_init = Store.__init__

    def init(self, path=None):
        real_init(self, path)
        self.db.execute(f"PRAGMA max_page_count = {self.db.execute('PRAGMA page_count').fetchone()[0]}")

    monkeypatch.setattr(Store, "__init__", init)
    result = runner.invoke(app, ["restore", str(target), "--force"])
    flat = clean(result, "could not grow: the disk is full", "This change was not saved")
    assert "damaged" not in flat and "move it aside" not in flat
    monkeypatch.setattr(Store, "__init__", real_init)
    assert saved_rows() == before


def test_a_full_disk_mid_mock_keeps_the_report_and_every_earlier_answer(mlprep_home, monkeypatch):
    real_init = Store.__init__

    def init(self, path=None):
        real_init(self, path)
        self.db.execute(f"PRAGMA max_page_count = {self.db.execute('PRAGMA page_count').fetchone()[0]}")

    monkeypatch.setattr(Store, "__init__", init)
    ids = sorted(banklib.load_bank().questions)
    s = sched.make_scheduler(enable_fuzzing=False)
    saved = 0
    with Store() as store:
        sid = store.start_session("quiz")
        with pytest.raises(dblib.StoreFull):
            for i in range(10_000):
                sched.review(store, s, item_id=ids[i % len(ids)], rating=Rating.Good, now=T0 + timedelta(minutes=i),
                             correct=True, response_ms=1000, session_id=sid, section="maths")
                saved += 1
    result = runner.invoke(app, ["mock", "-m", "5", "--seed", "1"], input="1\nt\n" * 40)
    # The disk was full before the first answer: nothing could be answered, so no report is kept.
    clean(result, "That answer was not saved:", "disk is full", "Mock stopped; the answers before it are saved.",
          "left out of your history", code=0)
    monkeypatch.setattr(Store, "__init__", real_init)
    with Store() as store:
        assert store.review_count() == saved


# ---------------------------------------------------------------- 4. read-only, locked, full: said as such

def test_read_only_database_is_not_called_damaged(tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite3"
    with Store(path) as store:
        history(store, ids=["q1"])
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as info:
        con.execute("INSERT INTO settings VALUES ('k', 'v')")
    con.close()
    monkeypatch.setattr(dblib.os, "access", lambda p, mode: mode != os.W_OK)  # as a non-root user sees it
    err = dblib.diagnose(path, info.value)
    assert isinstance(err, dblib.StoreReadOnly)
    text = str(err)
    assert "read-only" in text and str(path) in text and "intact" in text
    assert "damaged" not in text and "move" not in text


def test_a_folder_where_the_database_should_be_is_named(tmp_path):
    path = tmp_path / "db.sqlite3"
    path.mkdir()
    with pytest.raises(dblib.StoreReadOnly) as info:
        Store(path)
    assert f"{path} is a folder" in str(info.value) and "damaged" not in str(info.value)


def test_a_locked_database_says_locked(tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite3"
    with Store(path) as store:
        history(store, ids=["q1"])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(dblib, "BUSY_TIMEOUT_SECONDS", 0)
    try:
        with pytest.raises(dblib.StoreLocked) as info:
            with Store(path) as store:
                store.set_setting("timezone", "UTC")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked by another program" in str(info.value) and "Nothing was changed" in str(info.value)
    with Store(path) as store:
        assert store.review_count() == 1


def test_a_full_database_is_said_full_in_the_library(tmp_path):
    store = full_store(tmp_path / "db.sqlite3")
    s = sched.make_scheduler(enable_fuzzing=False)
    with pytest.raises(dblib.StoreFull) as info:
        for i in range(10_000):
            sched.review(store, s, item_id=f"q{i}", rating=Rating.Good, now=T0, correct=True, response_ms=1,
                         session_id=None, section="x")
    assert "disk is full" in str(info.value) and "damaged" not in str(info.value)
    assert not store.db.in_transaction  # rolled back, the connection still works
    assert store.review_count() == i
    store.close()


# ---------------------------------------------------------------- 5. a newer schema

def test_a_database_from_a_newer_mlprep_is_refused_before_any_write(mlprep_home):
    with Store() as store:
        history(store)
        store.db.execute("INSERT INTO migrations VALUES ('m099_future', '2030-01-01T00:00:00+00:00')")
    db = mlprep_home / "mlprep.sqlite3"
    raw = sqlite3.connect(db)
    snapshot = [list(raw.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ("reviews", "cards", "settings")]
    raw.close()
    for args in (["today"], ["config", "set", "timezone", "UTC"], ["quiz", "-n", "1"], ["reset", "-y"]):
        result = runner.invoke(app, args, input="")
        clean(result, "was written by a newer mlprep (schema m099_future", "Upgrade mlprep")
    raw = sqlite3.connect(db)
    assert [list(raw.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ("reviews", "cards", "settings")] == snapshot
    raw.close()


def test_known_migrations_are_not_newer(tmp_path):
    Store(tmp_path / "db").close()
    with Store(tmp_path / "db") as store:  # every name in MIGRATIONS (H8's m004 included) is known
        assert store.schema_version == len(dblib.MIGRATIONS)


# ---------------------------------------------------------------- 6. tampered backups

TAMPERED = {
    # name: (table, row index, column, value or a function of the row, expected words)
    "due-1e300": ("cards", 0, "due", 1e300, "column 'due' should be a time in epoch seconds"),
    "last-review-1e300": ("cards", 0, "last_review", 1e300, "column 'last_review' should be a time in epoch"),
    "negative-stability": ("cards", 0, "stability", -3.5, "column 'stability' should be a stability"),
    "card-json-negative-stability": ("cards", 0, "card_json", lambda r: json.dumps(
        dict(json.loads(r["card_json"]), stability=-1.0)), "column 'card_json' should be an fsrs card with a valid 'stability'"),
    "card-json-due-year-9999": ("cards", 0, "card_json", lambda r: json.dumps(
        dict(json.loads(r["card_json"]), due="9999-12-31T00:00:00+00:00")), "'due' is a UTC time between 1970 and 3000"),
    "huge-integer": ("reviews", 1, "response_ms", 2 ** 70, "column 'response_ms' is an integer too large"),
    "huge-row-id": ("sessions", 0, "id", 2 ** 63 - 1, "column 'id' should be a row id"),
    "negative-duration": ("drill_attempts", 0, "duration_ms", -5, "column 'duration_ms' should be a duration"),
    "string-for-number": ("drill_attempts", 0, "tests_passed", "ten", "column 'tests_passed' should be an integer"),
    "number-for-string": ("reviews", 0, "item_id", 42, "column 'item_id' should be text"),
    "list-for-number": ("cards", 0, "state", [2], "column 'state' should be an integer"),
    "bool-for-integer": ("reviews", 0, "correct", True, "column 'correct' should be an integer"),
    "nan": ("cards", 0, "stability", float("nan"), "column 'stability' should be a finite number"),
    "time-year-9999": ("reviews", 0, "reviewed_at", "9999-01-01T00:00:00+00:00", "should be a time between 1970 and 3000"),
    "malformed-mock-report": ("sessions", 1, "meta_json", json.dumps({"format_version": 2, "started_at": "x"}),
                              "column 'meta_json' should be a mock report whose 'started_at'"),
    "mock-report-sections": ("sessions", 1, "meta_json", lambda r: json.dumps(
        dict(json.loads(r["meta_json"]), sections="all of them")), "whose 'sections' is a list"),
    "setting-long-timezone": ("settings", None, "timezone", LONG_ZONE,
                              "row 2: the setting 'timezone' should be an IANA time zone"),
    "setting-unknown-timezone": ("settings", None, "timezone", "Mars/Olympus_Mons",
                                 "row 2: the setting 'timezone' should be an IANA time zone"),
    "setting-retention": ("settings", 0, "value", "2.5",
                          "row 1: the setting 'desired_retention' should be a number between 0.70 and 0.99"),
    "setting-interview": ("settings", None, "interview_date", "9999-12-31",
                          "the setting 'interview_date' should be a date between 1970 and 3000"),
    "long-item-id": ("cards", 0, "item_id", "q" * 5000, "should be at most 500 characters"),
}


@pytest.fixture
def good_backup(mlprep_home, tmp_path):
    """A store with history and a finished mock report, and its backup file."""
    with Store() as store:
        history(store)
        store.record_attempt(slug="knn", passed=True, tests_passed=8, tests_total=8, duration_ms=1000, hints_used=0,
                             status="passed", slow_factor=1.0)
        mock = store.start_session("mock")
        store.end_session(mock, {"format_version": 2, "session_id": mock, "started_at": dblib.iso(T0),
                                 "minutes_planned": 30, "minutes_used": 12.5, "correct": 1, "answered": 2,
                                 "percent": 50.0, "sections": [{"id": "maths", "title": "Maths", "correct": 1,
                                                                "answered": 2, "percent": 50.0, "asked": 2}],
                                 "drill": None, "questions": [], "wrong": [], "time": {}, "review": {}})
        path = tmp_path / "good.json"
        backup.write_backup(store, path)
    return path


@pytest.mark.parametrize("case", sorted(TAMPERED))
def test_tampered_backups_are_refused_naming_table_row_and_field(case, good_backup, tmp_path):
    table, index, column, value, expected = TAMPERED[case]
    doc = json.loads(good_backup.read_text())
    if index is None:  # a setting row added to the backup
        doc["tables"]["settings"].append({"key": column, "value": value})
    else:
        row = doc["tables"][table][index]
        row[column] = value(row) if callable(value) else value
    bad = tmp_path / f"bad-{case}.json"
    bad.write_text(json.dumps(doc))  # NaN is written as the JSON extension Python reads back
    before = saved_rows()
    result = runner.invoke(app, ["restore", str(bad), "--force"])
    flat = clean(result, expected, str(bad), f"table '{table}', row ")
    assert len(flat) < 600, "one short paragraph, however long the bad value"
    assert saved_rows() == before


def test_a_store_with_a_malformed_mock_report_still_shows_the_history(good_backup):
    with Store() as store:
        bad = store.start_session("mock")
        store.end_session(bad, {"format_version": 2, "started_at": "not a time", "sections": 7})
    result = runner.invoke(app, ["mock", "--history"])
    clean(result, "1 mock interview(s)", code=0)


# ---------------------------------------------------------------- 7. time zones and numbers

def test_a_huge_tz_variable_falls_back_to_utc_with_one_warning(monkeypatch):
    monkeypatch.setenv("TZ", LONG_ZONE)
    result = runner.invoke(app, ["today"])
    flat = clean(result, "Warning: the TZ environment variable", "using UTC", code=0)
    assert flat.count("Warning:") == 1 and len(flat.split("Warning:")[1].split("mlprep config set")[0]) < 200


def test_a_huge_stored_timezone_falls_back_to_utc_with_one_warning(mlprep_home):
    with Store() as store:
        history(store)
        store.set_setting("timezone", LONG_ZONE)  # e.g. restored by an older mlprep
    for args in (["stats"], ["quiz", "-n", "1"], ["mock", "--history"]):
        result = runner.invoke(app, args, input="q\n")
        flat = clean(result, "Warning: the timezone setting", "(5007 characters) is not a time zone", code=0)
        assert flat.count("Warning:") == 1


def test_config_set_refuses_a_huge_timezone_in_one_short_line(mlprep_home):
    result = runner.invoke(app, ["config", "set", "timezone", LONG_ZONE])
    flat = clean(result, "timezone: unknown time zone", "(5007 characters)")
    assert len(flat) < 300
    with Store() as store:
        assert store.get_setting("timezone") is None


@pytest.mark.parametrize("value", ["-0.9", "-1e999", "1e400", "nan"])
def test_config_set_explains_negative_and_absurd_retention(value, mlprep_home):
    result = runner.invoke(app, ["config", "set", "desired_retention", value])
    clean(result, "desired_retention", "from 0.70 to 0.99")
    assert "No such option" not in result.output


@pytest.mark.parametrize("minutes", ["100000000000", "0", "601", "-5"])
def test_mock_minutes_are_bounded(minutes):
    result = runner.invoke(app, ["mock", "--minutes", minutes], input="")
    assert result.exit_code == 2 and "Traceback" not in result.output and "--minutes" in result.output


@pytest.mark.parametrize("args", [["-n", str(10 ** 30)], ["--new", str(10 ** 30)], ["--max-reviews", str(10 ** 30)],
                                  ["--seed", str(10 ** 30)], ["-d", str(10 ** 30)]],
                         ids=["limit", "new", "max-reviews", "seed", "difficulty"])
def test_huge_quiz_numbers_never_overflow(args):
    result = runner.invoke(app, ["quiz", *args], input="")
    assert "Traceback" not in result.output and not isinstance(result.exception, OverflowError), result.output
    assert result.exit_code in (0, 1)
    if args[0] == "-d":
        clean(result, "--difficulty")


def test_a_far_interview_date_does_not_overflow():
    result = runner.invoke(app, ["plan", "--interview", "9999-12-31"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "9999" in result.output


# ---------------------------------------------------------------- 8. two sessions on one home

def test_undo_never_reverts_a_card_reviewed_elsewhere_since(tmp_path):
    path = tmp_path / "db.sqlite3"
    bank = tf_bank(tmp_path)
    mine, other = Store(path), Store(path)
    session = quizlib.QuizSession(mine, bank, sched.make_scheduler(enable_fuzzing=False))
    shown = session.show(bank.questions["tf0"])
    session.answer(shown, "t", 3.0)
    sched.review(other, sched.make_scheduler(enable_fuzzing=False), item_id="tf0", rating=Rating.Again,
                 now=datetime.now(timezone.utc) + timedelta(minutes=1), correct=False, response_ms=1,
                 session_id=None, section="tf")
    theirs = other.card_json("tf0")
    with pytest.raises(dblib.ChangedElsewhere, match="reviewed elsewhere since .*; not undone"):
        session.undo_last()
    assert mine.card_json("tf0") == theirs and mine.review_count() == 2
    assert len(session.answered) == 1  # still undoable later if nothing else changes
    mine.close()
    other.close()


def test_undo_in_the_quiz_screen_says_not_undone(tmp_path, capsys):
    path = tmp_path / "db.sqlite3"
    bank = tf_bank(tmp_path)
    mine, other = Store(path), Store(path)
    session = quizlib.QuizSession(mine, bank, sched.make_scheduler(enable_fuzzing=False))

    def elsewhere(prompt: str, n: int) -> None:
        if n == 2:  # after the answer, before "u": another terminal reviews the same card
            sched.review(other, sched.make_scheduler(enable_fuzzing=False), item_id="tf0", rating=Rating.Good,
                         now=datetime.now(timezone.utc) + timedelta(minutes=1), correct=True, response_ms=1,
                         session_id=None, section="tf")

    cli_quiz.run(session, [bank.questions["tf0"]], set(), reader=scripted(["t", "u"], elsewhere))
    out = " ".join(capsys.readouterr().out.split())
    assert "Not undone: the card tf0 was reviewed elsewhere since" in out and "Session summary" in out
    assert mine.review_count() == 2
    mine.close()
    other.close()


def test_a_reset_in_another_terminal_does_not_lose_the_next_answer(tmp_path, capsys):
    path = tmp_path / "db.sqlite3"
    bank = tf_bank(tmp_path)
    mine, other = Store(path), Store(path)
    session = quizlib.QuizSession(mine, bank, sched.make_scheduler(enable_fuzzing=False))

    def reset_elsewhere(prompt: str, n: int) -> None:
        if n == 3:  # after the first answer and its feedback
            backup.reset(other)

    summary = cli_quiz.run(session, [bank.questions["tf0"], bank.questions["tf1"]], set(),
                           reader=scripted(["t", "", "t", ""], reset_elsewhere))
    out = " ".join(capsys.readouterr().out.split())
    assert "FOREIGN KEY" not in out and "Traceback" not in out
    assert "Your progress was reset by another mlprep while this session was open" in out
    assert summary.answered == 1 and summary.session_id != 1
    rows = mine.reviews()
    assert [r["item_id"] for r in rows] == ["tf1"] and rows[0]["session_id"] == summary.session_id
    assert mine.sessions()[-1]["ended_at"] is not None
    mine.close()
    other.close()


def test_a_session_whose_row_vanished_mid_write_is_renewed(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = Store(path)
    sid = store.start_session("quiz")
    store.db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
    with pytest.raises(dblib.SessionGone):
        sched.review(store, sched.make_scheduler(), item_id="q", rating=Rating.Good, now=T0, correct=True,
                     response_ms=1, session_id=sid, section=None)
    assert store.review_count() == 0 and store.card_json("q") is None
    store.close()
