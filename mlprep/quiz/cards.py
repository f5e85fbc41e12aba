"""Managing cards as Anki does: suspend, bury, flag and a personal note, for questions and drills.

A card is named by its question id, or by a drill as `drill:<slug>` (a bare slug works too when no
question has that id); `--tag` and `--section` select every question (and drill) that has the tag or is in
the section. Unknown names raise `InvalidValue` with close matches. The marks live in the store's
`card_marks` table (migration m004), so they need no review yet and survive backups and resets.

- suspended: out of every selection (quiz, mock, due drills), `today`, the forecast, until unsuspended;
- buried: out of them until the start of the next local day (the user's time zone);
- flagged: picked by `mlprep quiz --flagged`;
- note: shown with the answer in the quiz.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from mlprep import clock
from mlprep.errors import InvalidValue, MlprepError
from mlprep.questions.bank import Bank
from mlprep.rules import DRILL_PREFIX, NOTE_MAX_CHARS
from mlprep.store.db import Store


def kind_of(item_id: str) -> str:
    return "drill" if item_id.startswith(DRILL_PREFIX) else "question"


@dataclass
class Selection:
    ids: list[str]   # store ids (questions, and drill:<slug>)
    what: str        # how it was chosen, for messages: "question adam-bias", "tag 'adam'"


def _close(value: str, candidates: Sequence[str]) -> list[str]:
    return difflib.get_close_matches(value, list(candidates), n=3, cutoff=0.6)


def resolve_id(bank: Bank, drills: Mapping[str, object], item_id: str) -> str:
    """The store id of a question or drill named by the user; InvalidValue with close matches."""
    if item_id in bank.questions:
        return item_id
    slug = item_id[len(DRILL_PREFIX):] if item_id.startswith(DRILL_PREFIX) else item_id
    if slug in drills:
        return DRILL_PREFIX + slug
    names = list(bank.questions) + [DRILL_PREFIX + s for s in drills]
    close = _close(item_id, names) or _close(slug, list(drills))
    raise InvalidValue("id", item_id, "no question or drill has this id (drills are drill:NAME).",
                       suggestions=close)


def select(bank: Bank, drills: Mapping[str, object], item_id: str | None = None,
           tags: Sequence[str] = (), sections: Sequence[str] = ()) -> Selection:
    """The cards named by exactly one of: an id, tags, sections."""
    given = sum(bool(x) for x in (item_id, tags, sections))
    if given != 1:
        raise MlprepError("give one card id, or --tag, or --section (one of them).")
    if item_id:
        sid = resolve_id(bank, drills, item_id)
        return Selection([sid], f"{kind_of(sid)} {sid.removeprefix(DRILL_PREFIX)}")
    if tags:
        known = sorted({t for q in bank.questions.values() for t in q.tags}
                       | {t for d in drills.values() for t in getattr(d, "tags", ())})
        for t in tags:
            if t not in known:
                raise InvalidValue("tag", t, "no question or drill has this tag.", suggestions=_close(t, known),
                                   see="tags")
        ids = [q.id for q in bank.questions.values() if set(q.tags) & set(tags)]
        ids += [DRILL_PREFIX + s for s, d in drills.items() if set(getattr(d, "tags", ())) & set(tags)]
        return Selection(ids, f"tag{'s' * (len(tags) > 1)} {', '.join(repr(t) for t in tags)}")
    for s in sections:
        if s not in bank.sections:
            raise InvalidValue("section", s, f"no such section. Sections: {', '.join(bank.sections)}.",
                               suggestions=_close(s, list(bank.sections)))
    ids = [q.id for q in bank.questions.values() if q.section in sections]
    ids += [DRILL_PREFIX + s for s, d in drills.items() if getattr(d, "section", None) in sections]
    return Selection(ids, f"section{'s' * (len(sections) > 1)} {', '.join(sections)}")


def suspend(store: Store, ids: Sequence[str], suspended: bool = True) -> int:
    """Suspend (or unsuspend) cards; returns how many changed."""
    return store.set_suspended(list(ids), kind_of, suspended)


def end_of_burial(now: datetime, tz: tzinfo) -> datetime:
    """A card buried at `now` comes back at the start of the next local day."""
    return clock.start_of_day(clock.local_date(now, tz) + timedelta(days=1), tz)


def bury(store: Store, ids: Sequence[str], now: datetime, tz: tzinfo) -> datetime:
    """Hide cards until tomorrow (local day); returns when they come back."""
    until = end_of_burial(now, tz)
    store.set_buried_until(list(ids), kind_of, until)
    return until


def unbury(store: Store, ids: Sequence[str]) -> int:
    return store.set_buried_until(list(ids), kind_of, None)


def set_flag(store: Store, ids: Sequence[str], flagged: bool = True) -> int:
    return store.set_flagged(list(ids), kind_of, flagged)


def is_flagged(store: Store, item_id: str) -> bool:
    row = store.card_mark(item_id)
    return bool(row and row["flagged"])


def toggle_flag(store: Store, item_id: str) -> bool:
    """Flag an unflagged card, unflag a flagged one; returns the new state."""
    flagged = not is_flagged(store, item_id)
    set_flag(store, [item_id], flagged)
    return flagged


def is_hidden(store: Store, item_id: str, now: datetime) -> bool:
    row = store.card_mark(item_id)
    return bool(row and (row["suspended"] or (row["buried_until"] or 0) > now.timestamp()))


def note(store: Store, item_id: str) -> str | None:
    row = store.card_mark(item_id)
    return row["note"] if row else None


def set_note(store: Store, item_id: str, text: str | None) -> str | None:
    """Save (or, with None or blank text, clear) a card's note; returns what is stored."""
    text = None if text is None or not text.strip() else text.strip()
    if text is not None and len(text) > NOTE_MAX_CHARS:
        raise InvalidValue("note", text[:40] + "…", f"a note is at most {NOTE_MAX_CHARS} characters "
                           f"(this one has {len(text)}).")
    store.set_note(item_id, kind_of(item_id), text)
    return text


__all__ = ["Selection", "bury", "end_of_burial", "is_flagged", "is_hidden", "kind_of", "note", "resolve_id",
           "select", "set_flag", "set_note", "suspend", "toggle_flag", "unbury"]
