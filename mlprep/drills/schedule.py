"""Drills on the review schedule: every drill is also an fsrs card (id `drill:<slug>`, kind 'drill').

Drills have no minutes-long learning steps (`scheduler.DRILL_STEPS`): a fail comes back the next day,
a pass in days.

A graded attempt becomes a review when the drill is new or due, or when it passes right after a
failed review (the same sitting, finished):
- fails → Again;
- passes with a correct but not vectorized solution ("slow") → Hard at best, with an interval of at
  most `SLOW_PASS_MAX_DAYS` days;
- passes after a hint asked for during this attempt (`hint_in_attempt`) → Hard;
- passes on the first attempt since the last review, within the drill's fast time
  (`FAST_MINUTES` by difficulty, counted from when its task was opened) and without a hint → Easy;
- passes otherwise → Good.
Attempts on a drill that is not due are practice: recorded as attempts, not reviews, so iterating
on a file does not stack up Agains. "Due" is one rule (`scheduler.is_due`), the one `today`, the
drill list and `quiz --with-drills` use. A failed drill also points to the concept questions that share
its tags (`related_questions`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating, Scheduler

from mlprep.srs import scheduler as sched
from mlprep.questions.bank import Bank
from mlprep.drills.catalogue import Drill
from mlprep.questions.model import Question
from mlprep.store.db import Store, iso

from mlprep.sandbox.grader import Verdict
from mlprep.rules import DRILL_PREFIX, FAST_MINUTES, SLOW_PASS_MAX_DAYS  # noqa: E402


def item_id(slug: str) -> str:
    return DRILL_PREFIX + slug


@dataclass
class DrillReview:
    rating: Rating | None  # None: practice, not a review
    due: datetime | None
    reason: str


def rating_for(passed: bool, hinted: bool, first_attempt: bool, fast: bool, slow: bool = False) -> Rating:
    if not passed:
        return Rating.Again
    if hinted or slow:
        return Rating.Hard
    if first_attempt and fast:
        return Rating.Easy
    return Rating.Good


STALE = ("practice: this file has not changed since the drill's last review, so it cannot show what you "
         "remember; write it again (mlprep drill {slug} --reset) to review it")
NOT_DUE = "practice: not due yet, so the schedule is unchanged"


def hint_in_attempt(shown_at: datetime | None, card, last_rating: int | None) -> bool:
    """Whether the last hint was asked for during the current graded attempt.

    The attempt runs from when the drill's next graded attempt became a review (a new drill; a drill
    that is due; right after a failed review) until that review. A hint read after solving, while the
    drill is not due (practice), is not part of the next review: it does not make tomorrow's rewrite Hard.
    """
    if shown_at is None:
        return False
    if card is None or card.last_review is None:
        return True
    if shown_at <= card.last_review:
        return False
    return last_rating == Rating.Again or shown_at >= card.due


def hints_this_attempt(store: Store, drill: Drill, now: datetime | None = None) -> int:
    """How many hints were shown in the current attempt: the count restarts at each review, and hints read
    while practising (not due) do not carry over into the attempt that starts when the drill comes due."""
    from mlprep.store.db import utcnow

    shown_at = store.hint_shown_at(drill.slug)
    if shown_at is None:
        return 0
    iid = item_id(drill.slug)
    raw = store.card_json(iid)
    if raw:
        now = now or utcnow()
        card = sched.load_card(raw, iid, now)
        if card.last_review is not None and shown_at <= card.last_review:
            return 0
        last_rating = store.last_rating(iid)
        attempt_open = last_rating == Rating.Again or sched.is_due(card, now)
        if attempt_open and not hint_in_attempt(shown_at, card, last_rating):
            return 0
    return store.hints_shown(drill.slug)


def review_attempt(store: Store, scheduler: Scheduler, drill: Drill, passed: bool, now: datetime,
                   session_id: int | None = None, file_changed_at: datetime | None = None,
                   slow: bool = False) -> DrillReview:
    """Turn one graded attempt into a drill review (or practice). Call before recording the attempt.

    `file_changed_at`: when the graded file was last modified; a file untouched since the last review
    (the solution written back then) is practice, not recall. `slow`: it passed but is not vectorized.
    """
    iid = item_id(drill.slug)
    before = store.card_json(iid)
    card = sched.load_card(before, iid, now) if before else None
    if card is not None and card.last_review is not None and file_changed_at is not None \
            and file_changed_at <= card.last_review:
        return DrillReview(None, card.due, STALE.format(slug=drill.slug))
    last_rating = store.last_rating(iid) if card is not None else None
    if card is not None and not sched.is_due(card, now):
        if not (passed and last_rating == Rating.Again):
            return DrillReview(None, card.due, NOT_DUE)
    last = card.last_review if card is not None else None
    hinted = hint_in_attempt(store.hint_shown_at(drill.slug), card, last_rating)
    since = iso(last) if last else ""
    earlier = store.attempts_since(drill.slug, since)
    started = store.drill_started_at(drill.slug)
    fast = started is not None and (now - started).total_seconds() <= 60 * FAST_MINUTES.get(drill.difficulty, 20)
    rating = rating_for(passed, hinted, earlier == 0, fast, slow)
    reason = {Rating.Again: "not passed yet", Rating.Hard: "passed after a hint",
              Rating.Easy: "passed fast on the first attempt", Rating.Good: "passed"}[rating]
    if passed and slow:
        reason = "passed, but not vectorized" + (" and after a hint" if hinted else "")
        import copy

        scheduler = copy.copy(scheduler)  # fsrs caps every interval at maximum_interval (days)
        scheduler.maximum_interval = max(1, min(scheduler.maximum_interval, SLOW_PASS_MAX_DAYS))
    result = sched.review(store, scheduler, item_id=iid, rating=rating, now=now, correct=passed,
                          response_ms=None, session_id=session_id, section=drill.section, kind="drill")
    return DrillReview(rating, result.card.due, reason)


def due_drills(store: Store, drills: dict[str, Drill], now: datetime) -> list[Drill]:
    """Drills whose card is due, most overdue first (drills never attempted are not 'due')."""
    rows = store.due_ids(now, kind="drill")
    return [drills[i[len(DRILL_PREFIX):]] for i, _ in rows if i[len(DRILL_PREFIX):] in drills]


@dataclass
class NextDrill:
    drill: Drill
    why: str
    due: bool  # chosen because it is due for review


def next_drill(store: Store, drills: dict[str, Drill], now: datetime,
               section_order: list[str] | None = None) -> NextDrill | None:
    """The next drill on a sensible path (`mlprep drill next`): the most overdue due drill, else the first
    drill never passed in catalogue order (sections in `section_order`, then each drill's `order`).
    None when every drill is passed and none is due."""
    due = due_drills(store, drills, now)
    if due:
        d = due[0]
        card = sched.load_card(store.card_json(item_id(d.slug)), item_id(d.slug), now)
        late = (now - card.due).total_seconds()
        hours, days = round(late / 3600), round(late / 86400)
        since = (f"{days} day{'s' * (days != 1)} overdue" if late >= 86400 - 1800 else
                 f"{hours} hour{'s' * (hours != 1)} overdue" if late >= 1800 else "")
        more = f"; {len(due) - 1} more due after it" if len(due) > 1 else ""
        why = "due for review" + (f" ({since})" if since else "")
        return NextDrill(d, why + (", the most overdue" if len(due) > 1 else "") + more, True)
    order = {sid: n for n, sid in enumerate(section_order or [])}
    summary = store.drill_summary()
    path = sorted(drills.values(), key=lambda d: (order.get(d.section, len(order)), d.order, d.slug))
    for d in path:
        st = summary.get(d.slug)
        if st and st["passed"]:
            continue
        tried = st["attempts"] if st else 0
        state = f"attempted {tried} time{'s' * (tried != 1)}, not passed yet" if tried else "not tried yet"
        return NextDrill(d, f"the first drill you have not passed, in catalogue order ({state})", False)
    return None


def related_questions(bank: Bank, drill: Drill, store: Store | None = None, limit: int = 5) -> list[Question]:
    """Concept questions sharing the drill's tags: most shared tags first, then least known."""
    tags = set(drill.tags)
    scored = [(len(tags & set(q.tags)), q) for q in bank.questions.values()]
    scored = [(n, q) for n, q in scored if n]
    known: dict[str, float] = {}
    if store is not None and scored:
        known = {r[0]: r[1] or 0.0 for r in store.memory_rows("question")}
    scored.sort(key=lambda nq: (-nq[0], known.get(nq[1].id, -1.0), nq[1].difficulty, nq[1].id))
    return [q for _, q in scored[:limit]]


def shared_tags(bank: Bank, drill: Drill) -> list[str]:
    """The drill's tags that some question also has, for `mlprep quiz --tag ...`."""
    qtags = {t for q in bank.questions.values() for t in q.tags}
    return [t for t in drill.tags if t in qtags]


def card_summary(store: Store, slug: str) -> dict | None:
    raw = store.card_json(item_id(slug))
    return json.loads(raw) if raw else None


def _modified(path) -> datetime | None:
    from datetime import timezone
    from pathlib import Path

    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime, timezone.utc)
    except OSError:
        return None


def refresh_if_due(store: Store, drill: Drill, path, now: datetime):
    """A due drill whose file is still the solution from its last review starts again from the starter.

    Returns the backup of the old file (`<name>.py.bak`), or None when nothing changed."""
    from mlprep.drills.catalogue import differs_from_starter, reset

    raw = store.card_json(item_id(drill.slug))
    if not raw or not path.exists() or not differs_from_starter(drill, path):
        return None
    card = sched.load_card(raw, item_id(drill.slug), now)
    changed = _modified(path)
    if not sched.is_due(card, now) or card.last_review is None or changed is None or changed > card.last_review:
        return None
    backup = reset(drill, path)
    store.mark_drill_started(drill.slug, now)
    return backup


@dataclass
class Outcome:
    """One graded attempt: the verdict, the schedule change, and the hints still unread in this attempt.

    A failed attempt never shows a hint by itself: hints are read only when asked for (`--hint`)."""

    verdict: Verdict
    review: DrillReview | None
    solved_after: datetime | None  # first attempt time, when this is the first pass
    hints_left: int = 0  # hints not yet shown in this attempt (0 when passed or the drill has none)


def grade_and_record(store: Store, drill: Drill, path, scheduler: Scheduler | None = None,
                     now: datetime | None = None, session_id: int | None = None) -> Outcome:
    """Grade a file, review the drill's card and record the attempt (a failure shows no hint by itself).

    A grading run that broke (`not verdict.graded`: the grading process died, its results were lost)
    says nothing about the code: it records nothing at all, and uses up no hint."""
    from mlprep.sandbox.grader import grade
    from mlprep.store.db import utcnow

    verdict = grade(drill, path)
    if not verdict.graded:
        return Outcome(verdict, None, None)
    now = now or utcnow()
    hints_used = hints_this_attempt(store, drill, now)
    review = None
    if verdict.kind != "not_implemented":  # an untouched starter is not an attempt at recall
        scheduler = scheduler or sched.scheduler_for(store, now=now, kind="drill")
        review = review_attempt(store, scheduler, drill, verdict.ok, now, session_id, _modified(path),
                                slow=verdict.kind == "slow")
    solved_after = None
    if verdict.ok:
        summary = store.drill_summary().get(drill.slug)
        if summary and not summary["passed"] and summary.get("first"):
            solved_after = datetime.fromisoformat(summary["first"])
    store.record_attempt(slug=drill.slug, passed=verdict.ok, tests_passed=verdict.passed,
                         tests_total=verdict.total, duration_ms=int(verdict.seconds * 1000), hints_used=hints_used,
                         status=verdict.kind, slow_factor=verdict.slow_factor,
                         details={"first_failure": (verdict.first_failure.message if verdict.first_failure else None)},
                         when=now)
    hints_left = 0 if verdict.ok else max(0, len(drill.hints) - hints_used)
    return Outcome(verdict, review, solved_after, hints_left)
