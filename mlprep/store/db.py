"""The progress store: one SQLite file, versioned by numbered migrations.

Tables
- `cards`: the FSRS card of each question (or drill) id, as fsrs's own `Card.to_dict()` JSON, plus
  `due` (epoch seconds, indexed) so due look-ups need no JSON parsing.
- `reviews`: the review log: item id, kind, UTC time, rating, correct, response time, session id,
  the fsrs `ReviewLog.to_dict()` JSON and the card JSON from *before* the review (for undo).
- `sessions`: one row per quiz/mock session.
- `drill_attempts`, `drill_hints`: drill grading history and hints shown.
- `settings`: small key/value settings (desired retention, interview date, fitted FSRS parameters...).
- `card_marks`: what the user decided about a card, questions and drills alike, reviewed or not:
  suspended, buried until (epoch seconds), flagged, and a personal note.

Rows are never deleted when a question leaves the banks: history is keyed by id. The database is in
WAL mode with a busy timeout, and every write commits immediately.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mlprep import paths
from mlprep.errors import StoreError

BUSY_TIMEOUT_SECONDS = 10  # how long a write waits for another process's lock before giving up


# ---------------------------------------------------------------- what went wrong, in the user's words

class StoreDamaged(StoreError):
    """The database file is damaged (SQLite reports corruption and `PRAGMA quick_check` confirms it)."""


class StoreFull(StoreError):
    """The disk (or the database's size limit) is full: the change was not saved."""


class StoreReadOnly(StoreError):
    """The database or its folder cannot be written (permissions, read-only file system)."""


class StoreLocked(StoreError):
    """Another process held a lock on the database for longer than the busy timeout."""


class StoreTooNew(StoreError):
    """The database was written by a newer mlprep (migrations this one does not know)."""


class SessionGone(StoreError):
    """The session a review points at is no longer in the store (progress was reset elsewhere)."""


class ChangedElsewhere(StoreError):
    """A card changed (another session reviewed it) after the review an undo would revert."""


def quick_check(path: Path, lines: int = 3) -> list[str]:
    """The first lines of `PRAGMA quick_check` on a fresh read-only connection (["ok"] when sound);
    the error itself when SQLite cannot even read the file."""
    try:
        con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            found = [line.strip() for r in con.execute(f"PRAGMA quick_check({int(lines)})")
                     for line in str(r[0]).splitlines()]
            found = [line for line in found if line and not line.startswith("***")]  # "*** in database main ***"
            return found[:lines] or ["ok"]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return [str(exc)]


def latest_backup(folder: Path) -> Path | None:
    """The newest `*.json` file in `folder` (a data home's `backups`), or None."""
    try:
        found = [p for p in Path(folder).glob("*.json") if p.is_file()]
        return max(found, key=lambda p: p.stat().st_mtime) if found else None
    except OSError:
        return None


def _restore_advice(path: Path) -> str:
    folder = path.parent / "backups"
    latest = latest_backup(folder)
    keep = f"Keep a copy of the damaged file first (cp {path} {path}.damaged), never delete it"
    if latest is None:
        return (f"There is no backup in {folder}. {keep}: `sqlite3 {path} .recover` may rescue most of it. "
                f"If you have a backup elsewhere, `mlprep restore FILE --force` replaces the damaged "
                "database with it (and keeps the damaged one beside it).")
    made = datetime.fromtimestamp(latest.stat().st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"{keep}; then restore your latest backup ({made}): mlprep restore {latest} --force "
            "(it keeps the damaged database beside the restored one).")


def _write_problem(path: Path) -> str:
    """Why SQLite may not write `path`: the file, its folder, or the file system."""
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder, not a database file"
    if path.exists() and not os.access(path, os.R_OK):
        return f"{path} cannot be read (permission denied)"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only (permission denied for writing)"
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    if not os.access(folder, os.W_OK):
        return (f"its folder {folder} is read-only (SQLite writes its -wal and -shm files beside the "
                "database, even to read it)")
    return "the file system is read-only or the file is locked against writing"


def diagnose(path: Path, exc: sqlite3.Error) -> StoreError:
    """Turn an SQLite error on the progress database at `path` into a message that says what is
    actually wrong (full, read-only, locked, damaged) and what to do, without pointing the user at
    their only copy unless damage is confirmed."""
    path = Path(path)
    text = str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    lowered = text.lower()
    if primary == 13 or "database or disk is full" in lowered:  # SQLITE_FULL
        free = ""
        try:
            import shutil

            free = f"; {shutil.disk_usage(path.parent).free // (1 << 20)} MB are free on that disk"
        except OSError:
            pass
        return StoreFull(f"the progress database {path} could not grow: the disk is full or the database reached "
                         f"its size limit (SQLite: {text}{free}). This change was not saved; everything saved "
                         "before it is intact. Free some space and run the command again.")
    if primary in (5, 6) or "database is locked" in lowered or "database table is locked" in lowered:
        return StoreLocked(f"the progress database {path} is locked by another program (another mlprep, or a "
                           f"sqlite3 shell) and stayed locked for over {BUSY_TIMEOUT_SECONDS} s (SQLite: {text}). "
                           "Nothing was changed; close the other program and run the command again.")
    if primary in (3, 8, 14, 23) or "readonly" in lowered or "unable to open" in lowered:
        return StoreReadOnly(f"cannot use the progress database {path}: {_write_problem(path)} (SQLite: {text}). "
                             "Your progress in it is intact. Make it writable (e.g. chmod u+w on the file and "
                             "its folder), or set MLPREP_HOME to a writable folder.")
    check = quick_check(path)
    sound = check == ["ok"]
    if primary in (11, 26) or "malformed" in lowered or "not a database" in lowered or not sound:
        if sound:
            return StoreError(f"SQLite reported {text!r} on the progress database {path}, but PRAGMA quick_check "
                              "finds no damage now; run the command again. If it comes back, make a backup "
                              "(mlprep backup FILE) while you still can.")
        return StoreDamaged(f"the progress database {path} is damaged (SQLite: {text}; PRAGMA quick_check: "
                            f"{'; '.join(check)}). {_restore_advice(path)}")
    if primary == 10:  # SQLITE_IOERR, not explained by a full disk
        return StoreError(f"the disk failed while reading or writing the progress database {path} (SQLite: "
                          f"{text}); PRAGMA quick_check finds no damage. Check that the disk is still there "
                          "and healthy, then run the command again.")
    return StoreError(f"the progress database {path} gave an unexpected error (SQLite: {text}); PRAGMA "
                      "quick_check finds no damage. Run the command again; if it persists, back up your progress "
                      "(mlprep backup FILE) and report it.")


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm files) to `<name>.damaged-<UTC stamp>` beside it,
    so a fresh one can be created without losing the old file. Returns the new path."""
    path = Path(path)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE cards (
            item_id    TEXT PRIMARY KEY,
            kind       TEXT NOT NULL DEFAULT 'question',
            card_json  TEXT NOT NULL,
            state      INTEGER NOT NULL,
            due        REAL NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX cards_due ON cards(due);
        CREATE TABLE sessions (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            kind        TEXT NOT NULL DEFAULT 'quiz',
            started_at  TEXT NOT NULL,
            ended_at    TEXT,
            meta_json   TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE reviews (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id      TEXT NOT NULL,
            kind         TEXT NOT NULL DEFAULT 'question',
            reviewed_at  TEXT NOT NULL,
            rating       INTEGER NOT NULL,
            correct      INTEGER,
            response_ms  INTEGER,
            session_id   INTEGER REFERENCES sessions(id),
            section      TEXT,
            log_json     TEXT NOT NULL,
            card_before  TEXT
        );
        CREATE INDEX reviews_item ON reviews(item_id);
        CREATE INDEX reviews_time ON reviews(reviewed_at);
        CREATE TABLE drill_attempts (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            slug          TEXT NOT NULL,
            attempted_at  TEXT NOT NULL,
            passed        INTEGER NOT NULL,
            tests_passed  INTEGER NOT NULL,
            tests_total   INTEGER NOT NULL,
            duration_ms   INTEGER NOT NULL,
            hints_used    INTEGER NOT NULL DEFAULT 0,
            status        TEXT NOT NULL,
            slow_factor   REAL,
            details_json  TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX drill_attempts_slug ON drill_attempts(slug);
        CREATE TABLE drill_hints (
            slug   TEXT PRIMARY KEY,
            shown  INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE settings (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        );
        """
    )


def _m002_progress_columns(db: sqlite3.Connection) -> None:
    """Columns that let stats aggregate in SQL without parsing JSON, and drill-sitting bookkeeping.

    - `cards.stability`, `cards.last_review` (epoch seconds): retrievability without `Card.from_dict`.
    - `reviews.state_before`: the fsrs state before the review (0 = new), so lapses (Again on a
      Review-state card, as Anki counts them) are one SUM.
    - `drill_hints.shown_at`: when the last hint was shown (a pass after it is rated Hard).
    - `drill_started`: when the user last opened a drill's task (a fast first pass is rated Easy).
    """
    _script(
        db,
        """
        ALTER TABLE cards ADD COLUMN stability REAL;
        ALTER TABLE cards ADD COLUMN last_review REAL;
        UPDATE cards SET stability = json_extract(card_json, '$.stability'),
                         last_review = (julianday(json_extract(card_json, '$.last_review')) - 2440587.5) * 86400.0;
        ALTER TABLE reviews ADD COLUMN state_before INTEGER;
        UPDATE reviews SET state_before = COALESCE(json_extract(card_before, '$.state'), 0);
        ALTER TABLE drill_hints ADD COLUMN shown_at TEXT;
        CREATE TABLE drill_started (
            slug        TEXT PRIMARY KEY,
            started_at  TEXT NOT NULL
        );
        CREATE INDEX sessions_kind ON sessions(kind)
        """
    )


# Ids hidden from selection at a moment (one parameter: epoch seconds).
_HIDDEN = "SELECT item_id FROM card_marks WHERE suspended = 1 OR buried_until > ?"

# The 15-minute bucket of a review: epoch seconds // 900.
BUCKET = "CAST(strftime('%s', substr({t}.reviewed_at, 1, 19)) AS INTEGER) / 900"


def _m003_review_aggregates(db: sqlite3.Connection) -> None:
    """Aggregates of the review log kept up to date by triggers, so stats never scan the whole log.

    - `review_buckets`: per 15-minute bucket (epoch seconds // 900; every time zone's offset is a
      multiple of 15 minutes, so each bucket lies in one local day), kind and section: reviews, answers, correct
      answers, milliseconds, and reviews of Review-state cards with how many were recalled.
    - `item_totals`: per item: reviews, lapses (Again on a Review-state card), first and last review.
    - index `reviews_recent` covers the last-30-days accuracy query, so it never reads log rows.
    Both are derived data: rebuilt from `reviews` here, never backed up.
    """
    _script(
        db,
        """
        CREATE TABLE review_buckets (
            bucket     INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            section    TEXT NOT NULL,
            reviews    INTEGER NOT NULL,
            answered   INTEGER NOT NULL,
            correct    INTEGER NOT NULL,
            ms         INTEGER NOT NULL,
            recall_n   INTEGER NOT NULL,
            recall_ok  INTEGER NOT NULL,
            PRIMARY KEY (bucket, kind, section)
        );
        CREATE TABLE item_totals (
            item_id   TEXT PRIMARY KEY,
            kind      TEXT NOT NULL,
            reviews   INTEGER NOT NULL,
            lapses    INTEGER NOT NULL,
            first_at  TEXT NOT NULL,
            last_at   TEXT NOT NULL
        );
        CREATE INDEX reviews_recent ON reviews(reviewed_at, item_id, correct)
        """
    )
    rebuild_aggregates(db)
    create_aggregate_triggers(db)


def rebuild_aggregates(db: sqlite3.Connection) -> None:
    """Recompute `review_buckets` and `item_totals` from `reviews` (inside the caller's transaction)."""
    _script(
        db,
        f"""
        DELETE FROM review_buckets;
        DELETE FROM item_totals;
        INSERT INTO review_buckets
            SELECT {BUCKET.format(t="reviews")}, kind, COALESCE(section, ''), COUNT(*), COUNT(correct),
                   COALESCE(SUM(correct), 0), COALESCE(SUM(response_ms), 0), SUM(state_before = 2),
                   SUM(state_before = 2 AND rating > 1)
            FROM reviews GROUP BY 1, 2, 3;
        INSERT INTO item_totals
            SELECT item_id, MIN(kind), COUNT(*), SUM(rating = 1 AND state_before = 2), MIN(reviewed_at), MAX(reviewed_at)
            FROM reviews GROUP BY item_id
        """
    )


AGGREGATE_TRIGGERS = ("reviews_aggregate_insert", "reviews_aggregate_delete")


def create_aggregate_triggers(db: sqlite3.Connection) -> None:
    """The triggers that keep the aggregates in step with every insert and delete of a review.

    A trigger body holds several statements, so each trigger is executed whole."""
    new, old = BUCKET.format(t="NEW"), BUCKET.format(t="OLD")
    db.execute(
        f"""
        CREATE TRIGGER reviews_aggregate_insert AFTER INSERT ON reviews BEGIN
            INSERT INTO review_buckets VALUES ({new}, NEW.kind, COALESCE(NEW.section, ''), 1,
                NEW.correct IS NOT NULL, COALESCE(NEW.correct, 0), COALESCE(NEW.response_ms, 0),
                NEW.state_before = 2, NEW.state_before = 2 AND NEW.rating > 1)
            ON CONFLICT (bucket, kind, section) DO UPDATE SET reviews = reviews + 1,
                answered = answered + excluded.answered, correct = correct + excluded.correct,
                ms = ms + excluded.ms, recall_n = recall_n + excluded.recall_n,
                recall_ok = recall_ok + excluded.recall_ok;
            INSERT INTO item_totals VALUES (NEW.item_id, NEW.kind, 1, NEW.rating = 1 AND NEW.state_before = 2,
                NEW.reviewed_at, NEW.reviewed_at)
            ON CONFLICT (item_id) DO UPDATE SET reviews = reviews + 1, lapses = lapses + excluded.lapses,
                first_at = MIN(first_at, excluded.first_at), last_at = MAX(last_at, excluded.last_at);
        END
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER reviews_aggregate_delete AFTER DELETE ON reviews BEGIN
            UPDATE review_buckets SET reviews = reviews - 1, answered = answered - (OLD.correct IS NOT NULL),
                correct = correct - COALESCE(OLD.correct, 0), ms = ms - COALESCE(OLD.response_ms, 0),
                recall_n = recall_n - (OLD.state_before = 2),
                recall_ok = recall_ok - (OLD.state_before = 2 AND OLD.rating > 1)
            WHERE bucket = {old} AND kind = OLD.kind AND section = COALESCE(OLD.section, '');
            DELETE FROM review_buckets WHERE bucket = {old} AND kind = OLD.kind
                AND section = COALESCE(OLD.section, '') AND reviews <= 0;
            UPDATE item_totals SET reviews = reviews - 1, lapses = lapses - (OLD.rating = 1 AND OLD.state_before = 2),
                first_at = COALESCE((SELECT MIN(reviewed_at) FROM reviews WHERE item_id = OLD.item_id), first_at),
                last_at = COALESCE((SELECT MAX(reviewed_at) FROM reviews WHERE item_id = OLD.item_id), last_at)
            WHERE item_id = OLD.item_id;
            DELETE FROM item_totals WHERE item_id = OLD.item_id AND reviews <= 0;
        END
        """
    )


def _m004_card_management(db: sqlite3.Connection) -> None:
    """Per-card decisions of the user (Anki's suspend, bury, flag and note), keyed by item id so they
    work for questions and drills, and for cards never reviewed (no `cards` row yet).

    - `suspended`: 1 keeps the card out of every selection, count and forecast until unsuspended.
    - `buried_until`: epoch seconds (the start of the next local day when buried); hidden before it.
    - `flagged`: 1 for `mlprep quiz --flagged`.
    - `note`: the user's own text, shown with the answer (NULL: none).
    """
    _script(
        db,
        """
        CREATE TABLE card_marks (
            item_id       TEXT PRIMARY KEY,
            kind          TEXT NOT NULL DEFAULT 'question',
            suspended     INTEGER NOT NULL DEFAULT 0,
            buried_until  REAL,
            flagged       INTEGER NOT NULL DEFAULT 0,
            note          TEXT,
            updated_at    TEXT NOT NULL
        )
        """
    )


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("m001_initial", _m001_initial),
    ("m002_progress_columns", _m002_progress_columns),
    ("m003_review_aggregates", _m003_review_aggregates),
    ("m004_card_management", _m004_card_management),
]

# Tables that hold the user's data (backed up and restored); the rest are derived or bookkeeping.
DATA_TABLES = ("settings", "sessions", "cards", "reviews", "drill_attempts", "drill_hints", "drill_started",
               "card_marks")
# Tables rebuilt from `reviews` by triggers (migration m003): never backed up.
DERIVED_TABLES = ("review_buckets", "item_totals")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(dt: datetime) -> str:
    """Fixed-width ISO 8601 UTC text, so stored times sort as strings."""
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


@dataclass
class ReviewRow:
    id: int
    item_id: str
    rating: int
    correct: bool | None
    card_before: str | None


class Store:
    """A connection to the progress database, migrated to the latest schema on open."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else paths.db_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
            self._refuse_newer()  # before anything could write to a schema this mlprep does not know
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.migrate()
        except sqlite3.Error as exc:
            if getattr(self, "db", None) is not None:
                self.db.close()
            raise diagnose(self.path, exc) from None
        except StoreError:
            self.db.close()
            raise
        except OSError as exc:
            raise StoreError(f"cannot create the data folder {self.path.parent}: {exc}. Set MLPREP_HOME "
                             "to a writable folder.") from None

    # ------------------------------------------------------------ plumbing
    def _refuse_newer(self) -> None:
        """StoreTooNew when the database lists migrations that are not in MIGRATIONS (a newer mlprep's)."""
        if self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone() is None:
            return
        known = [name for name, _ in MIGRATIONS]
        unknown = sorted({r[0] for r in self.db.execute("SELECT name FROM migrations")} - set(known))
        if unknown:
            raise StoreTooNew(
                f"this progress database ({self.path}) was written by a newer mlprep (schema {unknown[-1]}, unknown "
                f"to this mlprep, which knows up to {known[-1]}). Upgrade mlprep (pip install -U mlprep) to use "
                "it; nothing was changed, and this mlprep will not write to it.")

    def migrate(self) -> list[str]:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        self._refuse_newer()
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                fn(self.db)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, iso(utcnow())))
            applied.append(name)
        return applied

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0]

    def failure(self, exc: sqlite3.Error) -> StoreError:
        """The StoreError that explains an SQLite error on this store."""
        return diagnose(self.path, exc)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Run raw SQL on this store (store/backup.py): SQLite errors become a StoreError that says
        what is wrong (full, read-only, locked, damaged). Constraint errors pass through: the caller
        words them (they come from the data it writes, not from the database file)."""
        try:
            yield
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as exc:
            raise self.failure(exc) from None

    def _rollback(self) -> None:
        # SQLite rolls some failed transactions back by itself (a full disk, I/O errors): a second
        # ROLLBACK would raise and hide the real error.
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.failure(exc) from None
        try:
            yield self.db
        except BaseException:
            self._rollback()
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self.failure(exc) from None

    @contextmanager
    def bulk_reviews(self) -> Iterator[None]:
        """Inside a transaction: write many reviews without per-row triggers, then rebuild the
        aggregates once (restore and reset: minutes become seconds). A rollback restores the triggers."""
        for name in AGGREGATE_TRIGGERS:
            self.db.execute(f"DROP TRIGGER IF EXISTS {name}")
        yield
        rebuild_aggregates(self.db)
        create_aggregate_triggers(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ cards
    def card_json(self, item_id: str) -> str | None:
        row = self.db.execute("SELECT card_json FROM cards WHERE item_id = ?", (item_id,)).fetchone()
        return row[0] if row else None

    def known_ids(self, kind: str = "question") -> set[str]:
        """Ids that have a card (i.e. have been reviewed at least once)."""
        return {r[0] for r in self.db.execute("SELECT item_id FROM cards WHERE kind = ?", (kind,))}

    def due_ids(self, now: datetime, kind: str = "question") -> list[tuple[str, float]]:
        """Ids of cards due at `now`, most overdue first; suspended cards and cards buried past `now`
        are not due."""
        rows = self.db.execute(
            "SELECT item_id, due FROM cards WHERE kind = ? AND due <= ? AND item_id NOT IN "
            f"({_HIDDEN}) ORDER BY due", (kind, now.timestamp(), now.timestamp()))
        return [(r[0], r[1]) for r in rows]

    def next_due(self, kind: str = "question", ids: set[str] | None = None) -> datetime | None:
        """When the next card (of `ids`) comes up: suspended cards never do, buried ones after the burial."""
        rows = self.db.execute(
            "SELECT c.item_id, MAX(c.due, COALESCE(m.buried_until, c.due)) AS at FROM cards c "
            "LEFT JOIN card_marks m ON m.item_id = c.item_id WHERE c.kind = ? AND COALESCE(m.suspended, 0) = 0 "
            "ORDER BY at", (kind,))
        for item_id, due in rows:
            if ids is None or item_id in ids:
                return datetime.fromtimestamp(due, timezone.utc)
        return None

    # ------------------------------------------------------------ card marks (suspend, bury, flag, note)
    def _mark(self, item_ids: list[str], kind_of: Callable[[str], str], column: str, value: Any) -> int:
        """Set one mark column on many cards (creating their rows); returns how many changed."""
        changed = 0
        with self.transaction():
            for item_id in item_ids:
                row = self.db.execute(f"SELECT {column} FROM card_marks WHERE item_id = ?", (item_id,)).fetchone()
                if row is not None and row[0] == value:
                    continue
                self.db.execute(
                    f"INSERT INTO card_marks (item_id, kind, {column}, updated_at) VALUES (?, ?, ?, ?) "
                    f"ON CONFLICT(item_id) DO UPDATE SET {column} = excluded.{column}, "
                    "updated_at = excluded.updated_at", (item_id, kind_of(item_id), value, iso(utcnow())))
                changed += 1
        return changed

    def set_suspended(self, item_ids: list[str], kind_of: Callable[[str], str], suspended: bool) -> int:
        return self._mark(item_ids, kind_of, "suspended", int(suspended))

    def set_flagged(self, item_ids: list[str], kind_of: Callable[[str], str], flagged: bool) -> int:
        return self._mark(item_ids, kind_of, "flagged", int(flagged))

    def set_buried_until(self, item_ids: list[str], kind_of: Callable[[str], str], until: datetime | None) -> int:
        return self._mark(item_ids, kind_of, "buried_until", None if until is None else until.timestamp())

    def set_note(self, item_id: str, kind: str, note: str | None) -> None:
        self._mark([item_id], lambda _: kind, "note", note)

    def card_mark(self, item_id: str) -> sqlite3.Row | None:
        """The marks row of one card (item_id, kind, suspended, buried_until, flagged, note), or None."""
        return self.db.execute("SELECT * FROM card_marks WHERE item_id = ?", (item_id,)).fetchone()

    def card_marks(self) -> dict[str, sqlite3.Row]:
        return {r["item_id"]: r for r in self.db.execute("SELECT * FROM card_marks")}

    def hidden_ids(self, now: datetime) -> set[str]:
        """Ids kept out of selection at `now`: suspended, or buried until after `now`."""
        return {r[0] for r in self.db.execute(_HIDDEN, (now.timestamp(),))}

    def suspended_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT item_id FROM card_marks WHERE suspended = 1")}

    def flagged_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT item_id FROM card_marks WHERE flagged = 1")}

    def _put_card(self, item_id: str, kind: str, card: Mapping[str, Any]) -> None:
        due = datetime.fromisoformat(card["due"]).timestamp()
        last = datetime.fromisoformat(card["last_review"]).timestamp() if card.get("last_review") else None
        self.db.execute(
            "INSERT INTO cards (item_id, kind, card_json, state, due, updated_at, stability, last_review) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(item_id) DO UPDATE SET card_json = excluded.card_json, state = excluded.state, "
            "due = excluded.due, updated_at = excluded.updated_at, stability = excluded.stability, "
            "last_review = excluded.last_review",
            (item_id, kind, json.dumps(card), card["state"], due, iso(utcnow()), card.get("stability"), last))

    def move_due(self, moves: list[tuple[str, datetime]]) -> None:
        """Set new due times for cards (fsrs card JSON and the `due` column), in one transaction."""
        with self.transaction():
            for item_id, due in moves:
                row = self.db.execute("SELECT kind, card_json FROM cards WHERE item_id = ?", (item_id,)).fetchone()
                if row is None:
                    continue
                card = json.loads(row["card_json"])
                card["due"] = due.astimezone(timezone.utc).isoformat()
                self._put_card(item_id, row["kind"], card)

    # ------------------------------------------------------------ reviews
    def record_review(self, *, item_id: str, kind: str, card_after: Mapping[str, Any], card_before: str | None,
                      log: Mapping[str, Any], correct: bool | None, response_ms: int | None,
                      session_id: int | None, section: str | None) -> int:
        """Store the new card state and the review log entry in one committed transaction.

        SessionGone when `session_id` is no longer in the store (a reset in another mlprep); nothing
        is written then."""
        with self.transaction():
            if session_id is not None and self.db.execute("SELECT 1 FROM sessions WHERE id = ?",
                                                          (session_id,)).fetchone() is None:
                raise SessionGone(f"session {session_id} is no longer in the progress store {self.path} "
                                  "(it was reset or restored by another mlprep); this answer was not saved.")
            self._put_card(item_id, kind, card_after)
            cur = self.db.execute(
                "INSERT INTO reviews (item_id, kind, reviewed_at, rating, correct, response_ms, session_id, "
                "section, log_json, card_before, state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item_id, kind, iso(datetime.fromisoformat(log["review_datetime"])), log["rating"],
                 None if correct is None else int(correct), response_ms, session_id, section,
                 json.dumps(log), card_before, json.loads(card_before)["state"] if card_before else 0))
            return int(cur.lastrowid or 0)

    def undo_review(self, review_id: int) -> ReviewRow:
        """Delete one review and restore the card to its state before it (or to 'new').

        Only the card's latest review can be undone, and only while the card is as that review left
        it: if another session reviewed (or changed) it since, ChangedElsewhere and nothing changes."""
        with self.transaction():
            row = self.db.execute("SELECT id, item_id, kind, rating, correct, card_before, log_json FROM reviews "
                                  "WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                raise ChangedElsewhere(f"review {review_id} is no longer in the progress store (it was reset, "
                                       "restored or undone elsewhere); nothing was undone.")
            later = self.db.execute("SELECT COUNT(*) FROM reviews WHERE item_id = ? AND id > ?",
                                    (row["item_id"], review_id)).fetchone()[0]
            card = self.db.execute("SELECT last_review FROM cards WHERE item_id = ?", (row["item_id"],)).fetchone()
            try:
                when = datetime.fromisoformat(json.loads(row["log_json"])["review_datetime"]).timestamp()
            except (ValueError, KeyError, TypeError):
                when = None
            moved = card is None or (when is not None and card["last_review"] is not None
                                     and abs(card["last_review"] - when) > 1e-3)
            if later or moved:
                raise ChangedElsewhere(f"the card {row['item_id']} was reviewed elsewhere since (another mlprep "
                                       "session); not undone, so that review is kept.")
            self.db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            if row["card_before"] is None:
                self.db.execute("DELETE FROM cards WHERE item_id = ?", (row["item_id"],))
            else:
                self._put_card(row["item_id"], row["kind"], json.loads(row["card_before"]))
        return ReviewRow(row["id"], row["item_id"], row["rating"],
                         None if row["correct"] is None else bool(row["correct"]), row["card_before"])

    def reviews(self, item_id: str | None = None) -> list[sqlite3.Row]:
        if item_id is None:
            return list(self.db.execute("SELECT * FROM reviews ORDER BY id"))
        return list(self.db.execute("SELECT * FROM reviews WHERE item_id = ? ORDER BY id", (item_id,)))

    def question_reviews_since(self, moment: datetime, *, first_sight: bool) -> int:
        """Reviews of questions since `moment`: first sightings of new questions, or reviews of seen ones."""
        return self.db.execute(
            f"SELECT COUNT(*) FROM reviews WHERE kind = 'question' AND state_before {'=' if first_sight else '!='} 0 "
            "AND reviewed_at >= ?", (iso(moment),)).fetchone()[0]

    def review_history(self, kind: str = "question") -> list[tuple[str, str, int]]:
        """(item_id, reviewed_at, rating) of every review of a kind, in log order (the optimizer's input).

        Read as plain tuples in rowid order: a full scan, no sort, no Row objects (100,000 reviews in well
        under a second)."""
        cur = self.db.cursor()
        cur.row_factory = None
        return cur.execute("SELECT item_id, reviewed_at, rating FROM reviews WHERE kind = ?", (kind,)).fetchall()

    def review_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]

    # ------------------------------------------------------------ sessions
    def start_session(self, kind: str = "quiz", meta: dict[str, Any] | None = None) -> int:
        cur = self.db.execute("INSERT INTO sessions (kind, started_at, meta_json) VALUES (?, ?, ?)",
                              (kind, iso(utcnow()), json.dumps(meta or {})))
        return int(cur.lastrowid or 0)

    def session_exists(self, session_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is not None

    def end_session(self, session_id: int, meta: dict[str, Any] | None = None) -> None:
        if meta is None:
            self.db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (iso(utcnow()), session_id))
        else:
            self.db.execute("UPDATE sessions SET ended_at = ?, meta_json = ? WHERE id = ?",
                            (iso(utcnow()), json.dumps(meta), session_id))

    # ------------------------------------------------------------ settings
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, value))

    # ------------------------------------------------------------ drills
    def record_attempt(self, *, slug: str, passed: bool, tests_passed: int, tests_total: int,
                       duration_ms: int, hints_used: int, status: str, slow_factor: float | None,
                       details: dict[str, Any] | None = None, when: datetime | None = None) -> int:
        cur = self.db.execute(
            "INSERT INTO drill_attempts (slug, attempted_at, passed, tests_passed, tests_total, duration_ms, "
            "hints_used, status, slow_factor, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (slug, iso(when or utcnow()), int(passed), tests_passed, tests_total, duration_ms, hints_used, status,
             slow_factor, json.dumps(details or {})))
        return int(cur.lastrowid or 0)

    def attempts(self, slug: str | None = None) -> list[sqlite3.Row]:
        if slug is None:
            return list(self.db.execute("SELECT * FROM drill_attempts ORDER BY id"))
        return list(self.db.execute("SELECT * FROM drill_attempts WHERE slug = ? ORDER BY id", (slug,)))

    def drill_summary(self) -> dict[str, dict[str, Any]]:
        """Per drill: attempts, passed (ever), best tests passed/total, first attempt time, and slow: passed
        only by solutions flagged as not vectorized (a later vectorized pass clears it)."""
        out: dict[str, dict[str, Any]] = {}
        for r in self.db.execute("SELECT slug, COUNT(*) AS attempts, MAX(passed) AS passed, MIN(attempted_at) AS first, "
                                 "MAX(passed = 1 AND status = 'slow') AND NOT MAX(passed = 1 AND status != 'slow') AS slow "
                                 "FROM drill_attempts GROUP BY slug"):
            out[r["slug"]] = {"attempts": r["attempts"], "passed": bool(r["passed"]), "first": r["first"],
                              "slow": bool(r["slow"])}
        for r in self.db.execute("SELECT slug, tests_passed, tests_total FROM drill_attempts "
                                 "ORDER BY CAST(tests_passed AS REAL) / MAX(tests_total, 1) DESC, id"):
            entry = out[r["slug"]]
            entry.setdefault("best_passed", r["tests_passed"])
            entry.setdefault("best_total", r["tests_total"])
        return out

    def hints_shown(self, slug: str) -> int:
        row = self.db.execute("SELECT shown FROM drill_hints WHERE slug = ?", (slug,)).fetchone()
        return row[0] if row else 0

    def set_hints_shown(self, slug: str, n: int) -> None:
        self.db.execute("INSERT INTO drill_hints (slug, shown, shown_at) VALUES (?, ?, ?) ON CONFLICT(slug) "
                        "DO UPDATE SET shown = excluded.shown, shown_at = excluded.shown_at", (slug, n, iso(utcnow())))

    def hint_shown_at(self, slug: str) -> datetime | None:
        row = self.db.execute("SELECT shown_at FROM drill_hints WHERE slug = ?", (slug,)).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def mark_drill_started(self, slug: str, when: datetime | None = None) -> None:
        """Remember when the user opened a drill's task (the start of a sitting)."""
        self.db.execute("INSERT INTO drill_started VALUES (?, ?) ON CONFLICT(slug) DO UPDATE SET "
                        "started_at = excluded.started_at", (slug, iso(when or utcnow())))

    def drill_started_at(self, slug: str) -> datetime | None:
        row = self.db.execute("SELECT started_at FROM drill_started WHERE slug = ?", (slug,)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def sessions(self, kind: str | None = None) -> list[sqlite3.Row]:
        if kind is None:
            return list(self.db.execute("SELECT * FROM sessions ORDER BY id"))
        return list(self.db.execute("SELECT * FROM sessions WHERE kind = ? ORDER BY id", (kind,)))

    # ------------------------------------------------------------ read models (stats, plan, export, drills)
    def review_bucket_range(self) -> tuple[int | None, int | None]:
        """First and last 15-minute bucket of the review aggregates (None, None when empty)."""
        first, last = self.db.execute("SELECT MIN(bucket), MAX(bucket) FROM review_buckets").fetchone()
        return first, last

    def review_day_sums(self, segments: list[tuple[int, int]], bucket_seconds: int) -> list[tuple]:
        """Per local day, kind and section: reviews, answered, correct, ms, recall_n, recall_ok.

        `segments` are (first bucket, UTC offset in seconds) pairs in bucket order, as
        `progress.stats.offset_segments` computes them; each bucket is shifted by its segment's offset.
        """
        case = " ".join(f"WHEN bucket < {int(start)} THEN {int(off)}"
                        for (start, _), (_, off) in zip(segments[1:], segments))
        shift = f"(CASE {case} ELSE {int(segments[-1][1])} END)" if case else str(int(segments[-1][1]))
        return self.db.execute(
            f"SELECT (bucket * {int(bucket_seconds)} + {shift}) / 86400 AS day, kind, section, SUM(reviews), "
            "SUM(answered), SUM(correct), SUM(ms), SUM(recall_n), SUM(recall_ok) FROM review_buckets "
            "GROUP BY day, kind, section").fetchall()

    def item_totals(self, kind: str | None = None) -> list[tuple]:
        """(item_id, kind, reviews, lapses, first_at) per reviewed item, trigger-maintained."""
        if kind is None:
            return self.db.execute("SELECT item_id, kind, reviews, lapses, first_at FROM item_totals").fetchall()
        return self.db.execute("SELECT item_id, kind, reviews, lapses, first_at FROM item_totals WHERE kind = ?",
                               (kind,)).fetchall()

    def answers_since(self, moment: datetime) -> list[tuple]:
        """(item_id, answered, correct) over the reviews since `moment` (covering index)."""
        return self.db.execute(
            "SELECT item_id, COUNT(correct), COALESCE(SUM(correct), 0) FROM reviews INDEXED BY reviews_recent "
            "WHERE reviewed_at >= ? GROUP BY item_id", (iso(moment),)).fetchall()

    def card_rows(self, kind: str | None = None) -> list[tuple]:
        """(item_id, kind, state, due, stability, last_review) of every card, or of one kind."""
        if kind is None:
            return self.db.execute("SELECT item_id, kind, state, due, stability, last_review FROM cards").fetchall()
        return self.db.execute("SELECT item_id, kind, state, due, stability, last_review FROM cards WHERE kind = ?",
                               (kind,)).fetchall()

    def hint_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT slug, shown FROM drill_hints")}

    def question_review_totals(self) -> dict[str, tuple[int, int, int]]:
        """Per question: (reviews, lapses, correct answers) from the whole log."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute(
            "SELECT item_id, COUNT(*), COALESCE(SUM(state_before = 2 AND rating = 1), 0), COALESCE(SUM(correct), 0) "
            "FROM reviews WHERE kind = 'question' GROUP BY item_id")}

    def lapses_at_least(self, min_lapses: int) -> dict[str, int]:
        rows = self.db.execute("SELECT item_id, lapses FROM item_totals WHERE kind = 'question' AND lapses >= ?",
                               (min_lapses,))
        return {r[0]: r[1] for r in rows}

    def due_times(self, kind: str) -> dict[str, float]:
        """item_id -> due (POSIX seconds) for every card of a kind."""
        return {r[0]: r[1] for r in self.db.execute("SELECT item_id, due FROM cards WHERE kind = ?", (kind,))}

    def delete_setting(self, key: str) -> None:
        self.db.execute("DELETE FROM settings WHERE key = ?", (key,))

    def ids_due_after(self, moment: datetime) -> list[str]:
        """Ids of cards due after `moment`, soonest first."""
        return [r[0] for r in self.db.execute("SELECT item_id FROM cards WHERE due > ? ORDER BY due, item_id",
                                              (moment.timestamp(),))]

    def question_review_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT item_id, reviews FROM item_totals WHERE kind = 'question'")}

    def memory_rows(self, kind: str) -> list[tuple[str, float | None, float | None]]:
        """(item_id, stability, last_review) of every card of a kind."""
        return self.db.execute("SELECT item_id, stability, last_review FROM cards WHERE kind = ?", (kind,)).fetchall()

    def last_rating(self, item_id: str) -> int | None:
        row = self.db.execute("SELECT rating FROM reviews WHERE item_id = ? ORDER BY id DESC LIMIT 1",
                              (item_id,)).fetchone()
        return None if row is None else row[0]

    def attempts_since(self, slug: str, since: str) -> int:
        """Graded attempts at a drill after the ISO time `since` ('' for all)."""
        return self.db.execute("SELECT COUNT(*) FROM drill_attempts WHERE slug = ? AND attempted_at > ?",
                               (slug, since)).fetchone()[0]


def _guard_method(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def guarded(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise self.failure(exc) from None
    return guarded


# Every public Store method runs its SQL under the same guard: an SQLite error anywhere (a damaged
# page met by one query, a full disk on one write) is explained, never a traceback.
_UNGUARDED = {"transaction", "bulk_reviews", "guard", "failure", "close", "migrate"}
for _name, _fn in list(vars(Store).items()):
    if callable(_fn) and not _name.startswith("_") and _name not in _UNGUARDED:
        setattr(Store, _name, _guard_method(_fn))
