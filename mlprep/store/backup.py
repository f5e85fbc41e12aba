"""Backups of the whole progress store as one JSON document, and restoring or resetting it.

A backup holds every data table (`store.DATA_TABLES`) row by row, as objects keyed by column
name, with the row ids kept (reviews still point at their sessions after a restore), plus
`format_version`, the names of the schema migrations the rows were written under, the time it was
made and the mlprep version. Neither the `migrations` table nor derived tables are copied: the
store being restored into has its own, and its triggers rebuild the aggregates.

Restoring validates the whole file before touching the store: it is loaded into a scratch
in-memory database built with the backup's own migrations (so SQLite checks NOT NULL, unique keys
and review→session links), then the newer migrations run on it, which upgrades a backup made by an
older mlprep. Only then is the store replaced, in one transaction: either everything is restored or
nothing changes. A store that already holds progress is only replaced with `force=True`.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mlprep import __version__, paths, settings
from mlprep.errors import MlprepError
from mlprep.fsutil import write_text_atomic
from mlprep.rules import NOTE_MAX_CHARS
from mlprep.store.db import AGGREGATE_TRIGGERS, DATA_TABLES, DERIVED_TABLES, MIGRATIONS, Store, iso, utcnow

# 2: adds the `card_marks` table (migration m004: suspended, buried, flagged, notes) and the fitted FSRS
# parameters among the settings. Version 1 files (written before m004) still restore: their migration
# list says which tables they hold, and the newer migrations run on them.
FORMAT_VERSION = 2
KIND = "mlprep-backup"
# The user's data, in insert order: sessions before the reviews that point at them (deletes go in
# reverse). Derived tables (review aggregates) are not copied: the store's triggers rebuild them.
TABLES = DATA_TABLES
# DERIVED_TABLES (aggregates kept by triggers on `reviews`) are emptied before the reviews are
# deleted, so the delete triggers find nothing to update (5x faster); the insert triggers rebuild
# them as reviews are restored.
# Tables whose rows mean "this store has progress" (settings alone do not).
PROGRESS_TABLES = ("cards", "reviews", "drill_attempts")


class BackupError(MlprepError):
    """A backup file is missing, unreadable or not a valid mlprep backup."""


@dataclass
class RestoreResult:
    counts: dict[str, int]  # rows restored per table
    created_at: str | None  # when the backup was made
    mlprep_version: str | None  # the mlprep that made it
    safety_backup: Path | None = None  # where the replaced progress was saved (force over existing data)
    replaced: dict[str, int] = field(default_factory=dict)  # rows that were in the store before


# ---------------------------------------------------------------- writing

def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def _tables_present(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def counts(store: Store) -> dict[str, int]:
    """Rows per data table."""
    with store.guard():
        present = _tables_present(store.db)
        return {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] if t in present else 0
                for t in TABLES}


def has_progress(store: Store) -> bool:
    """True when the store holds cards, reviews or drill attempts."""
    with store.guard():
        return any(store.db.execute(f"SELECT EXISTS(SELECT 1 FROM {t})").fetchone()[0] for t in PROGRESS_TABLES)


def dump(store: Store, now: datetime | None = None) -> dict[str, Any]:
    """The whole store as a JSON-ready dict, read in one snapshot (a consistent view even while
    another mlprep process is writing)."""
    db = store.db
    with store.guard():
        db.execute("BEGIN")
        try:
            migrations = [r[0] for r in db.execute("SELECT name FROM migrations ORDER BY rowid")]
            tables: dict[str, list[dict[str, Any]]] = {}
            for table in TABLES:
                cols = _columns(db, table)
                cur = db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {cols[0]}")  # id or key
                tables[table] = [dict(zip(cols, tuple(row))) for row in cur]
        finally:
            if db.in_transaction:
                db.execute("COMMIT")
    return {
        "kind": KIND,
        "format_version": FORMAT_VERSION,
        "mlprep_version": __version__,
        "created_at": iso(now or utcnow()),
        "migrations": migrations,
        "tables": tables,
    }


def write_json_atomic(path: Path, doc: Any, what: str = "file") -> None:
    """Write JSON to `path` through a temporary file in the same folder and a rename, so a crash
    or a full disk never leaves a half-written file in its place."""
    path = Path(path)
    try:
        write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise MlprepError(f"cannot write the {what} {path}: {exc.strerror or exc}. Choose a writable "
                          "location.") from None


def write_backup(store: Store, path: Path, now: datetime | None = None) -> dict[str, int]:
    """Write a backup of the whole store to `path` (atomically); returns rows per table."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise MlprepError(f"{path} is a folder; give a file name for the backup, e.g. {path / 'mlprep-backup.json'}.")
    doc = dump(store, now)
    write_json_atomic(path, doc, "backup")
    return {t: len(rows) for t, rows in doc["tables"].items()}


def auto_backup_path(now: datetime | None = None) -> Path:
    """`<data home>/backups/mlprep-<UTC timestamp>.json`, for the backups made before a reset or a
    forced restore (never an existing file)."""
    stamp = (now or utcnow()).strftime("%Y%m%dT%H%M%S%fZ")
    folder = paths.data_home() / "backups"
    path = folder / f"mlprep-{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"mlprep-{stamp}-{n}.json"
    return path


# ---------------------------------------------------------------- reading and validating

def read_backup(path: Path) -> dict[str, Any]:
    """Parse a backup file; errors name the file and say what is wrong (not its contents' shape:
    see `validate`)."""
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file. Give a file written by `mlprep backup`.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is a folder; give a backup file written by `mlprep backup`.") from None
    except UnicodeDecodeError:
        raise BackupError(f"{path} is not a text file (not UTF-8), so not an mlprep backup; give a file "
                          "written by `mlprep backup`.") from None
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}.") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise BackupError(f"{path} nests its JSON too deeply to be an mlprep backup; give a file written by "
                          "`mlprep backup`.") from None
    except json.JSONDecodeError as exc:
        raise BackupError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                          "it is not a complete backup written by `mlprep backup`.") from None


_KINDS = {"REAL": (int, float), "INTEGER": (int,), "TEXT": (str,)}
INT64 = (-(1 << 63), (1 << 63) - 1)  # what SQLite can store as an INTEGER
# Stored times (ISO text and epoch seconds) lie between 1970 and 3000: later ones overflow date arithmetic.
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(3000, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Field:
    """What one column of a backed-up row may hold (beyond its SQL type): a range, a set of values,
    a text length. `what` words the rule for the message."""

    lo: float | None = None
    hi: float | None = None
    choices: tuple[Any, ...] = ()
    max_len: int | None = None
    what: str = ""

    def problem(self, value: Any) -> str | None:
        if value is None:
            return None
        if self.choices and value not in self.choices:
            return f"should be {self.what or 'one of ' + ', '.join(map(str, self.choices))}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if (self.lo is not None and value < self.lo) or (self.hi is not None and value > self.hi):
                return f"should be {self.what or f'between {self.lo} and {self.hi}'}"
        if isinstance(value, str) and self.max_len is not None and len(value) > self.max_len:
            return f"should be at most {self.max_len} characters (it has {len(value)})"
        return None


ROW_ID = Field(1, 1 << 53, what="a row id from 1 to 2^53")
EPOCH = Field(EARLIEST.timestamp(), LATEST.timestamp(), what="a time in epoch seconds between 1970 and 3000")
ITEM = Field(max_len=500)
NAME = Field(max_len=200)
FLAG = Field(choices=(0, 1), what="0 or 1")
COUNT = Field(0, 1_000_000, what="a count from 0 to 1,000,000")
MILLIS = Field(0, 10 * 366 * 86400 * 1000, what="a duration from 0 to 10 years in milliseconds")
# Per table, the rule of each column (columns not listed, e.g. added by a later migration, get the
# generic checks: their SQL type, integers that fit SQLite, finite numbers).
SCHEMA: dict[str, dict[str, Field]] = {
    "settings": {"key": NAME, "value": Field(max_len=100_000)},
    "sessions": {"id": ROW_ID, "kind": NAME},
    "cards": {"item_id": ITEM, "kind": NAME,
              "state": Field(choices=(1, 2, 3), what="an fsrs state (1 learning, 2 review, 3 relearning)"),
              "due": EPOCH, "last_review": EPOCH,
              "stability": Field(0.0001, 1e6, what="a stability from 0.0001 to 1,000,000 days")},
    "reviews": {"id": ROW_ID, "item_id": ITEM, "kind": NAME,
                "rating": Field(choices=(1, 2, 3, 4), what="a rating from 1 (Again) to 4 (Easy)"),
                "correct": FLAG, "response_ms": MILLIS, "session_id": ROW_ID, "section": ITEM,
                "state_before": Field(choices=(0, 1, 2, 3), what="an fsrs state (1 learning, 2 review, "
                                      "3 relearning; 0 new before a review)")},
    "drill_attempts": {"id": ROW_ID, "slug": NAME, "passed": FLAG, "tests_passed": COUNT, "tests_total": COUNT,
                       "duration_ms": MILLIS, "hints_used": COUNT, "status": NAME,
                       "slow_factor": Field(0, 1e9, what="a factor from 0 to 1e9")},
    "drill_hints": {"slug": NAME, "shown": COUNT},
    "drill_started": {"slug": NAME},
}


def _show(value: Any) -> str:
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_value(label: str, table: str, i: int, col: str, decl: str, value: Any) -> None:
    allowed = _KINDS.get(decl.upper())
    if value is None:
        return
    if allowed is not None and (isinstance(value, bool) or not isinstance(value, allowed)):
        want = {"REAL": "a number", "INTEGER": "an integer", "TEXT": "text"}[decl.upper()]
        raise BackupError(f"{label}: table {table!r}, row {i + 1}: column {col!r} should be {want}, "
                          f"got {_show(value)}.")
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise BackupError(f"{label}: table {table!r}, row {i + 1}: column {col!r} should be a number or text, "
                          f"got {_show(value)}.")
    problem = _generic_problem(value) or _meaning_problem(col, value)
    rule = SCHEMA.get(table, {}).get(col)
    if problem is None and rule is not None:
        problem = rule.problem(value)
    if problem:
        raise BackupError(f"{label}: table {table!r}, row {i + 1}: column {col!r} {problem}, got "
                          f"{_show(value)}. The file was edited or damaged; restore an untouched backup.")


def _generic_problem(value: Any) -> str | None:
    if isinstance(value, int) and not INT64[0] <= value <= INT64[1]:
        return "is an integer too large for the database"
    if isinstance(value, float) and not math.isfinite(value):
        return "should be a finite number"
    return None


# Columns whose text must mean something: UTC times, and JSON that fsrs and mlprep read back.
TIME_COLUMNS = {"reviewed_at", "started_at", "ended_at", "attempted_at", "updated_at", "shown_at"}
FLAG_COLUMNS = {"suspended", "flagged"}
JSON_OBJECT_COLUMNS = {"log_json", "meta_json", "details_json"}
CARD_COLUMNS = {"card_json", "card_before"}


def _time_problem(value: Any) -> str | None:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return "should be an ISO 8601 time such as 2026-11-25T09:00:00.000000+00:00"
    if moment.tzinfo is None:
        return "should be a time with its UTC offset (+00:00)"
    if not EARLIEST <= moment < LATEST:
        return "should be a time between 1970 and 3000"
    return None


def _card_problem(card: dict[str, Any]) -> str | None:
    """Why an fsrs card dict would break scheduling later (None when it is fine)."""
    from fsrs import Card

    try:
        Card.from_dict(card)  # type: ignore[arg-type]  # validated by from_dict itself
    except Exception:  # fsrs raises KeyError, ValueError, TypeError... for a malformed card
        return "should be an fsrs card (Card.to_dict())"
    for key in ("due", "last_review"):
        if card.get(key) is not None and (not isinstance(card[key], str) or _time_problem(card[key])):
            return f"should be an fsrs card whose {key!r} is a UTC time between 1970 and 3000"
    rules = {"state": Field(choices=(1, 2, 3)), "step": Field(0, 1000), "stability": Field(0.0001, 1e6),
             "difficulty": Field(1, 10)}
    for key, rule in rules.items():
        value = card.get(key)
        if value is None and key != "state":
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or _generic_problem(value) \
                or rule.problem(value):
            return f"should be an fsrs card with a valid {key!r} (got {_show(value)})"
    return None


def _meaning_problem(col: str, value: Any) -> str | None:
    """Why a stored value would break mlprep later (None when it is fine)."""
    if col in TIME_COLUMNS:
        return _time_problem(value)
    if col in JSON_OBJECT_COLUMNS or col in CARD_COLUMNS:
        try:
            parsed = json.loads(value)
        except (TypeError, ValueError, RecursionError):
            return "should be a JSON object"
        if not isinstance(parsed, dict):
            return "should be a JSON object"
        if col in CARD_COLUMNS:
            return _card_problem(parsed)
        if col == "meta_json" and parsed.get("format_version") is not None:
            return mock_report_problem(parsed)
    if col in FLAG_COLUMNS and value not in (0, 1):
        return "should be 0 or 1"
    if col == "buried_until" and not math.isfinite(value):
        return "should be a time in epoch seconds"
    if col == "note" and len(value) > NOTE_MAX_CHARS:
        return f"should be at most {NOTE_MAX_CHARS} characters"
    if col in ("rating",) and value not in (1, 2, 3, 4):
        return "should be a rating from 1 (Again) to 4 (Easy)"
    if col in ("state", "state_before") and value not in (0, 1, 2, 3):
        return "should be an fsrs state (1 learning, 2 review, 3 relearning; 0 new before a review)"
    return None


def _num(value: Any, lo: float, hi: float, *, integer: bool = False, optional: bool = False) -> bool:
    if value is None:
        return optional
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
        return False
    return math.isfinite(value) and lo <= value <= hi


def mock_report_problem(report: Any) -> str | None:
    """Why a saved mock report (a session's meta_json with a format_version) would break `mlprep mock
    --history`, the stats or the HTML report (None when it is fine)."""
    if not isinstance(report, dict):
        return "should be a mock report (a JSON object)"
    started = report.get("started_at")
    if not isinstance(started, str) or _time_problem(started):
        return "should be a mock report whose 'started_at' is a UTC time between 1970 and 3000"
    numbers = {"format_version": (1, 1000, True, False), "minutes_planned": (0, 1e6, False, False),
               "minutes_used": (0, 1e6, False, False), "correct": (0, 1e6, True, False),
               "answered": (0, 1e6, True, False), "percent": (0, 100, False, True),
               "unanswered": (0, 1e6, True, True), "asked": (0, 1e6, True, True)}
    for key, (lo, hi, integer, optional) in numbers.items():
        if key in report or not optional:
            if not _num(report.get(key), lo, hi, integer=integer, optional=optional):
                return f"should be a mock report whose {key!r} is a number from {lo:g} to {hi:g}"
    sections = report.get("sections", [])
    if not isinstance(sections, list) or not all(
            isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("title", ""), str)
            and _num(r.get("correct"), 0, 1e6, integer=True) and _num(r.get("answered"), 0, 1e6, integer=True)
            and _num(r.get("percent"), 0, 100, optional=True) for r in sections):
        return "should be a mock report whose 'sections' is a list of {id, title, correct, answered, percent}"
    for key in ("questions", "wrong"):
        items = report.get(key, [])
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            return f"should be a mock report whose {key!r} is a list of objects"
    drill = report.get("drill")
    if drill is not None and not (isinstance(drill, dict) and isinstance(drill.get("slug"), str)
                                  and isinstance(drill.get("title", ""), str)
                                  and isinstance(drill.get("status"), (str, type(None)))):
        return "should be a mock report whose 'drill' is null or an object with a slug and a status"
    for key in ("time", "review"):
        if key in report and not isinstance(report[key], dict):
            return f"should be a mock report whose {key!r} is an object"
    return None


def setting_problem(key: str, value: str) -> str | None:
    """Why a stored setting's value would be wrong (None when fine or when the key is not one mlprep checks)."""
    from mlprep import clock

    if key == "desired_retention":
        try:
            ok = 0.7 <= float(value) <= 0.99
        except (ValueError, OverflowError):
            ok = False
        return None if ok else "should be a number between 0.70 and 0.99"
    if key == "timezone" and value:
        try:
            clock.zone(value)
        except ValueError:
            return "should be an IANA time zone name such as Europe/Paris"
    if key == "interview_date" and value:
        try:
            day = clock.parse_day(value)
        except ValueError:
            return "should be a date written YYYY-MM-DD"
        if not EARLIEST.date() <= day < LATEST.date():
            return "should be a date between 1970 and 3000"
    return None


def _scratch(doc: dict[str, Any], label: str) -> sqlite3.Connection:
    """Validate a parsed backup and load it into an in-memory database at the current schema."""
    if not isinstance(doc, dict) or doc.get("kind") != KIND or "tables" not in doc:
        hint = ""
        if isinstance(doc, dict) and doc.get("kind") == "mlprep-questions":
            hint = " It is a question export (`mlprep export`), which holds no restorable history."
        raise BackupError(f"{label} is not an mlprep backup (expected a JSON object with \"kind\": \"{KIND}\" "
                          f"and \"tables\").{hint} Give a file written by `mlprep backup`.")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError(f"{label}: \"format_version\" should be a positive integer, got {json.dumps(version)}.")
    if version > FORMAT_VERSION:
        raise BackupError(f"{label} has format_version {version}, but this mlprep ({__version__}) reads backups up "
                          f"to format_version {FORMAT_VERSION}. Upgrade mlprep to restore it.")
    known = [name for name, _ in MIGRATIONS]
    migrations = doc.get("migrations")
    if not isinstance(migrations, list) or not all(isinstance(m, str) for m in migrations):
        raise BackupError(f"{label}: \"migrations\" should be a list of migration names.")
    unknown = [m for m in migrations if m not in known]
    if unknown:
        raise BackupError(f"{label} was written by a newer mlprep (its database has migration {unknown[0]!r}, "
                          f"unknown to mlprep {__version__}). Upgrade mlprep to restore it.")
    if migrations != known[:len(migrations)]:
        raise BackupError(f"{label}: \"migrations\" should list the schema migrations in order "
                          f"({', '.join(known)}), got {', '.join(migrations) or 'none'}.")
    tables = doc["tables"]
    if not isinstance(tables, dict):
        raise BackupError(f"{label}: \"tables\" should be an object of table name → list of rows.")

    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    steps = dict(MIGRATIONS)
    for name in migrations:
        steps[name](db)
    for trigger in AGGREGATE_TRIGGERS:  # the scratch copy needs no aggregates: skip the per-row work
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    expected = [t for t in TABLES if t in _tables_present(db)]
    missing = [t for t in expected if t not in tables]
    if missing:
        raise BackupError(f"{label}: table {missing[0]!r} is missing (a backup has the tables "
                          f"{', '.join(expected)}). The file is incomplete or was edited.")
    extra = sorted(set(tables) - set(expected))
    if extra:
        raise BackupError(f"{label}: unknown table {extra[0]!r} (a backup has the tables {', '.join(expected)}).")
    for table in expected:
        rows = tables[table]
        if not isinstance(rows, list):
            raise BackupError(f"{label}: table {table!r} should be a list of rows.")
        info = list(db.execute(f"PRAGMA table_info({table})"))
        cols = [r[1] for r in info]
        decls = {r[1]: r[2] for r in info}
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise BackupError(f"{label}: table {table!r}, row {i + 1} should be an object of column → value.")
            absent = [c for c in cols if c not in row]
            if absent:
                raise BackupError(f"{label}: table {table!r}, row {i + 1} is missing the column {absent[0]!r}.")
            unknown_cols = [c for c in row if c not in decls]
            if unknown_cols:
                raise BackupError(f"{label}: table {table!r}, row {i + 1} has an unknown column {unknown_cols[0]!r}.")
            for c in cols:
                _check_value(label, table, i, c, decls[c], row[c])
            if table == "settings" and isinstance(row.get("key"), str) and isinstance(row.get("value"), str):
                problem = setting_problem(row["key"], row["value"]) or (
                    settings.problem(row["key"], row["value"]) if row["key"] != "timezone" else None)
                if problem:
                    raise BackupError(f"{label}: table 'settings', row {i + 1}: the setting {row['key']!r} "
                                      f"{problem}, got {_show(row['value'])}. The file was edited or damaged; "
                                      "restore an untouched backup.")
            try:
                db.execute(sql, [row[c] for c in cols])
            except sqlite3.IntegrityError as exc:
                raise BackupError(f"{label}: table {table!r}, row {i + 1} is invalid ({_integrity(exc, table)}).") from None
            except (sqlite3.Error, OverflowError) as exc:  # a value SQLite cannot hold
                raise BackupError(f"{label}: table {table!r}, row {i + 1} cannot be stored ({exc}).") from None
    for _name, step in MIGRATIONS[len(migrations):]:
        step(db)
    return db


def _integrity(exc: sqlite3.IntegrityError, table: str) -> str:
    text = str(exc)
    if "FOREIGN KEY" in text and table == "reviews":
        return "its session_id is not a session in the backup"
    if "UNIQUE" in text:
        return f"duplicate key: {text.split(': ', 1)[-1]}"
    return text


def validate(source: Path | dict[str, Any]) -> dict[str, int]:
    """Check a backup file (or parsed document) without restoring it; returns rows per table."""
    doc, label = _load(source)
    db = _scratch(doc, label)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


def _load(source: Path | str | dict[str, Any]) -> tuple[dict[str, Any], str]:
    if isinstance(source, dict):
        return source, "the backup"
    path = Path(source).expanduser()
    return read_backup(path), str(path)


# ---------------------------------------------------------------- restoring and resetting

def restore(store: Store, source: Path | str | dict[str, Any], force: bool = False,
            safety_backup: Path | None = None) -> RestoreResult:
    """Replace the store's contents with a backup (a file path or a parsed document).

    Refuses (BackupError) when the store already has progress, unless `force`; then, if
    `safety_backup` is given, the current contents are written there first. The replacement is one
    transaction: on any error the store is left exactly as it was.
    """
    doc, label = _load(source)
    scratch = _scratch(doc, label)
    try:
        before = counts(store)
        if has_progress(store):
            if not force:
                raise BackupError(
                    f"the progress store already has {before['reviews']} review(s), {before['cards']} card(s) and "
                    f"{before['drill_attempts']} drill attempt(s); restoring {label} would replace them. Use --force "
                    "to replace them (your current progress is backed up first), or restore into an empty data "
                    "home (MLPREP_HOME).")
            if safety_backup is not None:
                write_backup(store, safety_backup)
        restored: dict[str, int] = {}
        try:
            with store.guard(), store.transaction() as db, store.bulk_reviews():
                _wipe(db)
                for table in TABLES:
                    cols = _columns(db, table)
                    rows = scratch.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid")
                    cur = db.executemany(
                        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
                    restored[table] = cur.rowcount
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, OverflowError) as exc:  # rolled back
            raise BackupError(f"{label} could not be restored ({exc}); your progress is unchanged. The file was "
                              "probably edited or damaged; restore an untouched backup.") from None
    finally:
        scratch.close()
    return RestoreResult(restored, doc.get("created_at"), doc.get("mlprep_version"),
                         safety_backup if force and any(before[t] for t in PROGRESS_TABLES) else None, before)


# What `reset` keeps: settings are configuration (time zone, retention, interview date), not progress;
# card marks are the user's own decisions and notes about cards (suspended, flagged, notes), not progress.
KEPT_BY_RESET = ("settings", "card_marks")


def reset(store: Store) -> dict[str, int]:
    """Delete all progress in one transaction: every data table but the settings (the schema and its
    migrations stay too); returns the rows deleted per table."""
    deleted = {t: n for t, n in counts(store).items() if t not in KEPT_BY_RESET}
    with store.guard(), store.transaction() as db, store.bulk_reviews():
        _wipe(db, keep=KEPT_BY_RESET)
    return deleted


def _wipe(db: sqlite3.Connection, keep: tuple[str, ...] = ()) -> None:
    """Delete every data row (inside the caller's transaction), except in the tables `keep`."""
    present = _tables_present(db)
    for table in (*DERIVED_TABLES, *reversed(TABLES)):
        if table in present and table not in keep:
            db.execute(f"DELETE FROM {table}")


__all__ = ["FORMAT_VERSION", "TABLES", "BackupError", "RestoreResult", "auto_backup_path", "counts", "dump",
           "has_progress", "read_backup", "reset", "restore", "validate", "write_backup", "write_json_atomic"]
