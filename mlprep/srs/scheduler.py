"""Spaced repetition with the `fsrs` package (the scheduler Anki uses).

mlprep does not schedule by hand: it maps an answer to an fsrs `Rating`, asks
`fsrs.Scheduler.review_card` for the next card state, and stores cards and logs through fsrs's own
`to_dict`/`from_dict`. A question with no stored card is *new* (fsrs 6 has no New state).
Undo is mlprep's own: the card JSON from before a review is kept with the log entry.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, ReviewLog, Scheduler, State

from mlprep.errors import MlprepError
from mlprep.store.db import Store

DEFAULT_RETENTION = 0.9
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
# An objective answer given faster than this (seconds) is rated Easy instead of Good.
FAST_SECONDS = {"truefalse": 6.0, "mcq": 10.0, "multi": 15.0, "numeric": 20.0, "short": 12.0,
                "code_output": 20.0}


def rating_for(correct: bool, seconds: float, qtype: str, *, allow_easy: bool = True) -> Rating:
    """Wrong → Again; right → Good, or Easy when answered quickly and `allow_easy` (the quiz refuses
    it on a card's first showing and once the answer has been seen, where speed proves nothing)."""
    if not correct:
        return Rating.Again
    return Rating.Easy if allow_easy and seconds <= FAST_SECONDS.get(qtype, 10.0) else Rating.Good


def is_due(card: Card, now: datetime) -> bool:
    """The one rule for "due": the card's due time has come (`Store.due_ids`, `today` and the drill
    sitting all count a card as due exactly when this holds)."""
    return card.due <= now


def card_id_for(item_id: str) -> int:
    """A stable integer id for fsrs, derived from the question id."""
    return zlib.crc32(item_id.encode())


def new_card(item_id: str, now: datetime) -> Card:
    return Card(card_id=card_id_for(item_id), due=now)


def load_card(card_json: str | None, item_id: str, now: datetime) -> Card:
    return Card.from_dict(json.loads(card_json)) if card_json else new_card(item_id, now)


# Drills have no (re)learning steps: with fsrs's default minutes-long steps, even a first-time pass
# would ask for the whole drill again 10 minutes later. A failed drill comes back the next day.
DRILL_STEPS: tuple[timedelta, ...] = ()


def make_scheduler(desired_retention: float = DEFAULT_RETENTION, maximum_interval: int = 36500,
                   enable_fuzzing: bool = True, kind: str = "question", *,
                   learning_steps: tuple[timedelta, ...] | None = None,
                   relearning_steps: tuple[timedelta, ...] | None = None,
                   parameters: tuple[float, ...] | None = None) -> Scheduler:
    """An fsrs Scheduler. Steps and parameters left None are fsrs's defaults; drills never have steps."""
    if not 0.7 <= desired_retention <= 0.99:
        raise MlprepError(f"desired retention {desired_retention} is out of range; use a value between 0.70 "
                          "and 0.99 (0.90 is the usual choice).")
    options: dict[str, object] = {}
    if kind == "drill":
        options.update(learning_steps=DRILL_STEPS, relearning_steps=DRILL_STEPS)
    else:
        if learning_steps is not None:
            options["learning_steps"] = learning_steps
        if relearning_steps is not None:
            options["relearning_steps"] = relearning_steps
    if parameters is not None:
        options["parameters"] = parameters
    return Scheduler(desired_retention=desired_retention, maximum_interval=max(1, maximum_interval),
                     enable_fuzzing=enable_fuzzing, **options)  # type: ignore[arg-type]


def fitted_parameters(store: Store) -> tuple[float, ...] | None:
    """The parameters `mlprep optimize` fitted to this user's reviews (None: fsrs's defaults)."""
    from mlprep import settings
    from mlprep.rules import FSRS_PARAMETERS_KEY

    raw = store.get_setting(FSRS_PARAMETERS_KEY)
    if raw is None:
        return None
    try:
        return settings.parse_parameters(raw)
    except ValueError:
        return None


def memory_parameters(store: Store) -> tuple[float, ...]:
    """The parameters of the memory model for retrievability figures: fitted ones, else fsrs's defaults."""
    return fitted_parameters(store) or tuple(Scheduler().parameters)


def memory_scheduler(store: Store) -> Scheduler:
    """A scheduler only for retrievability (stats, export, mock, most-forgotten-first ordering)."""
    return Scheduler(parameters=memory_parameters(store))


def scheduler_for(store: Store, enable_fuzzing: bool = True, now: datetime | None = None,
                  kind: str = "question") -> Scheduler:
    """The scheduler configured by the user's settings: desired retention, learning and relearning
    steps, maximum interval (shortened, with an interview date ahead, so every card is due before
    the interview) and the parameters fitted by `mlprep optimize`."""
    from mlprep import clock, settings
    from mlprep.srs import plan as plan

    def value(key: str):  # noqa: ANN202 - each setting parses to its own type
        return settings.value_or_default(key, store.get_setting(key))

    cap = plan.max_interval(plan.interview_date(store), now or datetime.now(timezone.utc),
                            clock.user_zone(store.get_setting("timezone")))
    longest = value("maximum_interval")
    return make_scheduler(value("desired_retention"), maximum_interval=min(cap or longest, longest),
                          enable_fuzzing=enable_fuzzing, kind=kind, learning_steps=value("learning_steps"),
                          relearning_steps=value("relearning_steps"), parameters=fitted_parameters(store))


def retrievabilities(store: Store, scheduler: Scheduler, at: datetime, kind: str = "question") -> dict[str, float]:
    """fsrs retrievability at `at` of every card of a kind, from the stored stability and last review."""
    out = {}
    for item_id, stability, last in store.memory_rows(kind):
        if stability is None or last is None:
            out[item_id] = 0.0
            continue
        card = Card(card_id=1, state=State.Review, stability=stability,
                    last_review=datetime.fromtimestamp(last, timezone.utc), due=at)
        out[item_id] = float(scheduler.get_card_retrievability(card, at))
    return out


@dataclass
class ReviewResult:
    review_id: int
    item_id: str
    rating: Rating
    card: Card
    correct: bool | None


@dataclass
class Preview:
    """What each rating would do to an item's card at one moment, computed without committing.

    `review(..., preview=p)` commits exactly the outcome shown (fuzz included), as long as the stored
    card is still the one the preview started from."""

    item_id: str
    at: datetime
    before: str | None
    outcomes: dict[Rating, tuple[Card, ReviewLog]]

    def due(self, rating: Rating) -> datetime:
        return self.outcomes[rating][0].due

    def intervals(self) -> dict[Rating, str]:
        return {r: short_interval(self.due(r), self.at) for r in self.outcomes}


def preview(store: Store, scheduler: Scheduler, item_id: str, now: datetime,
            response_ms: int | None = None) -> Preview:
    """The card after each of the four ratings, from the stored card, committing nothing."""
    now = now.astimezone(timezone.utc)
    before = store.card_json(item_id)
    card = load_card(before, item_id, now)
    outcomes = {r: scheduler.review_card(card, r, review_datetime=now, review_duration=response_ms)
                for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)}
    return Preview(item_id, now, before, outcomes)


def review(store: Store, scheduler: Scheduler, *, item_id: str, rating: Rating, now: datetime,
           correct: bool | None, response_ms: int | None, session_id: int | None,
           section: str | None, kind: str = "question", preview: Preview | None = None) -> ReviewResult:
    """Review one item and commit the new card and the log entry before returning.

    With a `preview` of this item taken from the card now stored, its outcome for `rating` is committed
    (what the user was shown); otherwise fsrs computes it now."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware UTC")
    now = now.astimezone(timezone.utc)
    before = store.card_json(item_id)
    if preview is not None and preview.item_id == item_id and preview.before == before:
        card, log = preview.outcomes[Rating(rating)]
    else:
        card = load_card(before, item_id, now)
        card, log = scheduler.review_card(card, rating, review_datetime=now, review_duration=response_ms)
    review_id = store.record_review(item_id=item_id, kind=kind, card_after=card.to_dict(), card_before=before,
                                    log=log.to_dict(), correct=correct, response_ms=response_ms,
                                    session_id=session_id, section=section)
    return ReviewResult(review_id, item_id, rating, card, correct)


def undo(store: Store, review_id: int) -> None:
    """Restore the card to its state before that review and forget the review."""
    store.undo_review(review_id)


def short_interval(due: datetime, now: datetime) -> str:
    """A compact interval, as Anki shows above its rating buttons: '<1m', '10m', '5h', '4d', '3mo', '1.2y'."""
    secs = (due - now).total_seconds()
    if secs < 60:
        return "<1m"
    if secs < 3600:
        return f"{round(secs / 60)}m"
    if secs < 86400 - 1800:
        return f"{round(secs / 3600)}h"
    d = max(1, round(secs / 86400))
    if d < 60:
        return f"{d}d"
    if d < 730:
        return f"{round(d / 30)}mo"
    return f"{d / 365:.1f}y"


def describe_interval(due: datetime, now: datetime) -> str:
    """'in 10 minutes', 'in 4 days', 'tomorrow'..."""
    delta = due - now
    secs = delta.total_seconds()
    if secs < 60:
        return "in under a minute"
    if secs < 3600:
        m = round(secs / 60)
        return f"in {m} minute{'s' * (m != 1)}"
    if secs < 86400 - 1800:  # 23.5 hours and more read as "tomorrow"
        h = round(secs / 3600)
        return f"in {h} hour{'s' * (h != 1)}"
    d = round(secs / 86400)
    if d == 1:
        return "tomorrow"
    if d < 60:
        return f"in {d} days"
    if d < 730:
        return f"in {round(d / 30)} months"
    return f"in {d / 365:.1f} years"


__all__ = ["Card", "Preview", "Rating", "Scheduler", "State", "rating_for", "review", "preview", "undo",
           "make_scheduler", "scheduler_for", "fitted_parameters", "memory_parameters", "memory_scheduler",
           "describe_interval", "short_interval", "load_card", "is_due"]
