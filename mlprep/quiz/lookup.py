"""Looking questions up by id: `mlprep show ID` and `mlprep quiz --id ID`.

`find_questions` resolves ids (unknown ones raise with close matches); `record` gathers what
`mlprep show` prints about one question: its review history and its schedule now.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from fsrs import Card, Scheduler

from mlprep.errors import InvalidValue
from mlprep.questions.bank import Bank
from mlprep.questions.model import Question
from mlprep.store.db import Store

STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


def close_ids(bank: Bank, qid: str, n: int = 3) -> list[str]:
    ids = sorted(bank.questions)
    close = difflib.get_close_matches(qid, ids, n=n, cutoff=0.6)
    return close or [i for i in ids if qid and qid.lower() in i.lower()][:n]


def find_questions(bank: Bank, ids: Sequence[str]) -> list[Question]:
    """The questions with these ids, in the given order (repeats dropped). Raises InvalidValue (param
    "id") naming every unknown id, with close matches of the first."""
    unknown = [i for i in ids if i not in bank.questions]
    if unknown:
        listed = ", ".join(repr(i) for i in unknown)
        raise InvalidValue("id", unknown[0], ("no question has this id." if len(unknown) == 1 else
                                              f"no question has this id (unknown ids: {listed}).")
                           + " Find ids with `mlprep search WORDS`.", suggestions=close_ids(bank, unknown[0]))
    return [bank.questions[i] for i in dict.fromkeys(ids)]


@dataclass(frozen=True)
class ReviewEntry:
    at: datetime
    rating: int
    correct: bool | None
    response_ms: int | None
    kind: str  # the session kind ("quiz", "mock", ...) or "" when unknown


@dataclass(frozen=True)
class Record:
    """One question's history and schedule, as of `now`."""

    question: Question
    reviews: tuple[ReviewEntry, ...]
    state: str  # "new", "learning", "review" or "relearning"
    due: datetime | None
    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    recall: float | None  # fsrs retrievability now (None for a new question)


def record(store: Store, scheduler: Scheduler, q: Question, now: datetime) -> Record:
    kinds = {s["id"]: s["kind"] for s in store.sessions()}
    entries = tuple(ReviewEntry(datetime.fromisoformat(r["reviewed_at"]), int(r["rating"]),
                                None if r["correct"] is None else bool(r["correct"]), r["response_ms"],
                                kinds.get(r["session_id"], ""))
                    for r in store.reviews(q.id))
    raw = store.card_json(q.id)
    if raw is None:
        return Record(q, entries, "new", None, None, None, None, None)
    card = Card.from_dict(json.loads(raw))
    recall = float(scheduler.get_card_retrievability(card, now.astimezone(timezone.utc)))
    return Record(q, entries, STATE_NAMES.get(int(card.state), str(card.state)), card.due, card.stability,
                  card.difficulty, card.last_review, recall)
