"""One drill sitting, whoever starts it: `mlprep drill`, `quiz --with-drills` and `mock` all call these.

A sitting is: open the task (write the starter if there is no file; put the starter back, keeping the old
file, when the drill is due for review or when an interview must start from a blank page; start the
"passed fast" clock only when the user faces the untouched starter), grade attempts (a review of the
drill's card, an attempt record, the next hint after a failure), and hints asked for.

The rules themselves live in `mlprep.drills.schedule` (ratings) and `mlprep.rules` (the clock's minutes);
this module is the only place that sequences them, so the three flows cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from mlprep.drills import catalogue
from mlprep.drills.catalogue import Drill
from mlprep.drills.schedule import Outcome, grade_and_record, hints_this_attempt, refresh_if_due
from mlprep.store.db import Store, utcnow

Mode = Literal["study", "interview"]


@dataclass
class Opening:
    """What opening a task did."""

    path: Path
    created: bool              # the file did not exist and now holds the starter
    backup: Path | None        # the user's previous file, when the starter was put back
    reason: str | None         # why the starter was put back: "due" (write it from memory) or "interview"
    clock_started: bool        # the user now faces the untouched starter: a fast first pass can earn Easy


def open_task(store: Store, drill: Drill, *, file: Path | None = None, directory: Path | None = None,
              mode: Mode = "study", restore_if_due: bool = True, now: datetime | None = None) -> Opening:
    """Prepare the file the user will edit. `file` is the user's own path (never replaced or created).

    `restore_if_due=False` when the user asked to grade the file as it is (`--check`, `--watch`)."""
    now = now or utcnow()
    backup, reason = None, None
    if file is not None:
        path, created = file, False
    else:
        path, created = catalogue.scaffold(drill, directory)
        if not created and mode == "interview" and catalogue.differs_from_starter(drill, path):
            backup, reason = catalogue.reset(drill, path), "interview"
        elif not created and restore_if_due:
            backup = refresh_if_due(store, drill, path, now)
            reason = "due" if backup is not None else None
    fresh = created or backup is not None or not catalogue.differs_from_starter(drill, path)
    if fresh:
        store.mark_drill_started(drill.slug, now)
    return Opening(path, created, backup, reason, fresh)


def grade_attempt(store: Store, drill: Drill, path: Path, **kwargs) -> Outcome:
    """Grade the file and record it (see `schedule.grade_and_record` for the rating rules).

    When the grading run itself broke (`outcome.verdict.graded` is False) nothing is recorded: no
    review, no attempt, no hint; the verdict's headline says so."""
    return grade_and_record(store, drill, path, **kwargs)


@dataclass
class Hint:
    number: int
    of: int
    text: str
    new: bool  # False when every hint was already shown


def next_hint(store: Store, drill: Drill) -> Hint | None:
    """Show the next hint of this attempt; None if the drill has none.

    Numbering restarts after each review. Only a hint asked for during the graded attempt counts for
    its rating (`schedule.hint_in_attempt`): one read after solving leaves the next review alone.
    Asking again once every hint is shown re-shows them, and that counts as asking too."""
    if not drill.hints:
        return None
    shown = hints_this_attempt(store, drill)
    if shown >= len(drill.hints):
        store.set_hints_shown(drill.slug, len(drill.hints))  # read again now: the time counts
        return Hint(len(drill.hints), len(drill.hints), drill.hints[-1], new=False)
    store.set_hints_shown(drill.slug, shown + 1)
    return Hint(shown + 1, len(drill.hints), drill.hints[shown], new=True)
