"""Quiz sessions: choosing what to ask, and recording answers. No terminal I/O here.

`select_questions` orders the session: due cards first (most overdue first), then new cards
interleaved across sections (easier first within a section). `QuizSession` shows questions,
checks answers, rates them, reviews them with fsrs (each review committed before the next
question), supports a one-step rating override and undo, and produces the summary.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from fsrs import Rating, Scheduler

from mlprep import clock
from mlprep.errors import InvalidValue, MlprepError
from mlprep.questions.bank import Bank
from mlprep.questions.model import Question, Shown, check, instantiate
from mlprep.rules import LEECH_LAPSES, NEW_PER_SESSION, SESSION_LIMIT
from mlprep.srs import scheduler as sched
from mlprep.store.db import Store, utcnow


@dataclass
class Filters:
    sections: Sequence[str] = ()
    tags: Sequence[str] = ()
    difficulty: Sequence[int] = ()

    def validate(self, bank: Bank) -> None:
        unknown = [s for s in self.sections if s not in bank.sections]
        if unknown:
            raise InvalidValue("section", unknown[0], f"no such section. Sections: {', '.join(bank.sections)}.")
        known_tags = {t for q in bank.questions.values() for t in q.tags}
        bad = [t for t in self.tags if t not in known_tags]
        if bad:
            import difflib

            close = difflib.get_close_matches(bad[0], sorted(known_tags), n=3)
            raise InvalidValue("tag", bad[0], "no question has this tag.", suggestions=close, see="tags")
        bad_d = [d for d in self.difficulty if d not in (1, 2, 3)]
        if bad_d:
            raise InvalidValue("difficulty", bad_d[0], "use 1 (junior), 2 (mid) or 3 (senior).")

    def match(self, q: Question) -> bool:
        return ((not self.sections or q.section in self.sections)
                and (not self.tags or any(t in q.tags for t in self.tags))
                and (not self.difficulty or q.difficulty in self.difficulty))


def interleave(questions: Iterable[Question]) -> list[Question]:
    """Round-robin across sections, keeping each section's own order."""
    by_section: OrderedDict[str, list[Question]] = OrderedDict()
    for q in questions:
        by_section.setdefault(q.section, []).append(q)
    queues = [list(reversed(v)) for v in by_section.values()]
    out: list[Question] = []
    while queues:
        for queue in list(queues):
            out.append(queue.pop())
            if not queue:
                queues.remove(queue)
    return out


@dataclass
class Plan:
    questions: list[Question]
    due_total: int  # due cards matching the filters (before the limit)
    new_total: int
    reviews_today: int = 0  # reviews of seen cards already done today
    max_reviews: int | None = None  # the daily cap on reviews of seen cards
    capped: int = 0  # due cards held back by the daily cap

    @property
    def cap_left(self) -> int | None:
        return None if self.max_reviews is None else max(0, self.max_reviews - self.reviews_today)


def reviews_today(store: Store, now: datetime, tz: tzinfo) -> int:
    """Reviews of already-seen questions since local midnight (what the daily cap counts)."""
    return store.question_reviews_since(clock.start_of_day(clock.local_date(now, tz), tz), first_sight=False)


def lowest_retrievability_first(store: Store, questions: list[Question], now: datetime,
                                scheduler: Scheduler | None = None) -> list[Question]:
    """Most-forgotten first: sort by fsrs retrievability now (stable for ties)."""
    scheduler = scheduler or Scheduler()
    r = sched.retrievabilities(store, scheduler, now)
    return sorted(questions, key=lambda q: r.get(q.id, 0.0))


def leech_ids(store: Store, min_lapses: int = LEECH_LAPSES) -> dict[str, int]:
    """Question ids forgotten (Again on a Review-state card) at least `min_lapses` times."""
    return store.lapses_at_least(min_lapses)


def select_questions(bank: Bank, store: Store, now: datetime, filters: Filters | None = None, *,
                     limit: int = SESSION_LIMIT, new_limit: int = NEW_PER_SESSION, review_only: bool = False,
                     max_reviews: int | None = None, tz: tzinfo | None = None, weak: bool = False,
                     leeches: bool = False, scheduler: Scheduler | None = None) -> Plan:
    """Order a session.

    Normal: due cards (most overdue first), then new ones interleaved across sections. With a daily
    cap (`max_reviews`), at most that many reviews of seen cards a day; when more is due than fits
    in this session, the cards with the lowest retrievability come first, so a backlog is worked
    down over days with the most-forgotten first.
    `weak`: questions of the weakest tags first (due, then seen, then new). `leeches`: only leeches,
    most-forgotten first.
    """
    filters = filters or Filters()
    tz = tz or clock.user_zone(store.get_setting("timezone"))
    due_rows = store.due_ids(now)
    known = store.known_ids()
    matching = {q.id: q for q in bank.questions.values() if filters.match(q)}
    due = [matching[i] for i, _ in due_rows if i in matching]
    new = [q for q in matching.values() if q.id not in known]
    done = reviews_today(store, now, tz) if max_reviews is not None else 0
    allowance = len(due) if max_reviews is None else max(0, max_reviews - done)
    if leeches:  # leeches are seen questions: their reviews count toward the cap
        ids = leech_ids(store)
        chosen = lowest_retrievability_first(store, [q for i, q in matching.items() if i in ids], now, scheduler)
        return Plan(chosen[:min(limit, allowance)], len(due), len(new), done, max_reviews,
                    max(0, len(chosen) - allowance))
    if weak:
        from mlprep.progress.stats import tag_strength

        strength = tag_strength(store, bank, now)
        due_ids = {q.id for q in due}

        def weakness(q: Question) -> tuple:
            scores = [strength[t] for t in q.tags if t in strength]
            return (min(scores) if scores else 2.0, q.id not in due_ids, q.id not in known)

        # Seen questions (due or not: an early review is a review too) share the daily cap.
        seen = sorted(due + [q for q in matching.values() if q.id in known and q.id not in due_ids], key=weakness)
        pool = sorted(seen[:allowance] + new[:new_limit], key=weakness)
        pool = [q for q in pool if weakness(q)[0] < 2.0] or pool
        return Plan(pool[:limit], len(due), len(new), done, max_reviews, max(0, len(due) - allowance))
    if len(due) > min(limit, allowance):
        due = lowest_retrievability_first(store, due, now, scheduler)
    capped = max(0, len(due) - allowance)
    due = due[:allowance]
    order = {sid: n for n, sid in enumerate(bank.sections)}
    new.sort(key=lambda q: (order.get(q.section, 0), q.difficulty))
    new = interleave(new)
    chosen = due[:limit]
    if not review_only:
        chosen += new[: max(0, min(new_limit, limit - len(chosen)))]
    return Plan(chosen, len(due) + capped, len(new), done, max_reviews, capped)


@dataclass
class Feedback:
    correct: bool | None
    rating: Rating
    expected: str
    explanation: str
    due: datetime
    interval: str
    note: str = ""


@dataclass
class Answered:
    question: Question
    shown: Shown
    response: str
    correct: bool | None
    rating: Rating
    seconds: float
    review_id: int
    was_new: bool = False


@dataclass
class Summary:
    answered: int
    correct: int
    skipped: int
    seconds: float  # time spent answering: the sum of the recorded response times, as `today` and `stats` count it
    per_section: dict[str, tuple[str, int, int]]  # id -> (title, answered, correct)
    due_tomorrow: int
    next_due: datetime | None
    session_id: int
    due_now: int = 0  # due questions still waiting when the session ended
    reviews_of_seen: int = 0  # answers to questions seen before (what the daily cap counts)


@dataclass
class QuizSession:
    store: Store
    bank: Bank
    scheduler: Scheduler
    rng: random.Random = field(default_factory=random.Random)
    clock: Callable[[], datetime] = utcnow
    kind: str = "quiz"
    scope: set[str] | None = None  # the ids the session draws from (filters), for the due counts at the end
    tz: tzinfo | None = None  # the user's zone for "due by the end of tomorrow" (default: the system's)

    def __post_init__(self) -> None:
        self.started = self.clock()
        self.session_id = self.store.start_session(self.kind)
        self.answered: list[Answered] = []
        self.skipped = 0
        self.stopped = False  # the user quit before the end (the CLI then skips what would follow)

    def show(self, q: Question) -> Shown:
        return instantiate(q, self.rng)

    def _record(self, shown: Shown, response: str, correct: bool | None, rating: Rating,
                seconds: float) -> Feedback:
        q = shown.question
        now = self.clock()
        was_new = self.store.card_json(q.id) is None
        result = sched.review(self.store, self.scheduler, item_id=q.id, rating=rating, now=now,
                              correct=correct, response_ms=int(seconds * 1000), session_id=self.session_id,
                              section=q.section)
        self.answered.append(Answered(q, shown, response, correct, rating, seconds, result.review_id, was_new))
        return Feedback(correct, rating, shown.expected_text(), shown.explanation, result.card.due,
                        sched.describe_interval(result.card.due, now))

    def answer(self, shown: Shown, response: str, seconds: float) -> Feedback:
        """Check an objective answer, rate it (wrong→Again, right→Good/Easy) and review the card."""
        verdict = check(shown, response)
        rating = sched.rating_for(verdict.correct, seconds, shown.question.type)
        fb = self._record(shown, response, verdict.correct, rating, seconds)
        fb.note = verdict.note
        return fb

    def self_rate(self, shown: Shown, rating: Rating, seconds: float) -> Feedback:
        """Flashcards: the user's own rating (Again counts as not recalled)."""
        return self._record(shown, "", rating != Rating.Again, rating, seconds)

    def undo_last(self) -> Answered:
        """Forget the last answer: its card goes back to the state before it."""
        if not self.answered:
            raise MlprepError("nothing to undo")
        last = self.answered.pop()
        sched.undo(self.store, last.review_id)
        return last

    def rerate(self, rating: Rating) -> Feedback:
        """Replace the rating of the last answer (e.g. Good → Hard) and reschedule from before it."""
        last = self.undo_last()
        fb = self._record(last.shown, last.response, last.correct, rating, last.seconds)
        return fb

    def skip(self) -> None:
        self.skipped += 1

    def finish(self) -> Summary:
        now = self.clock()
        per: dict[str, tuple[str, int, int]] = {}
        for a in self.answered:
            title, n, c = per.get(a.question.section, (a.question.section_title, 0, 0))
            per[a.question.section] = (title, n + 1, c + bool(a.correct))
        tz = self.tz or clock.system_zone()
        end_of_tomorrow = clock.end_of_day(clock.local_date(now, tz) + timedelta(days=1), tz)
        ids = self.scope if self.scope is not None else set(self.bank.questions)
        due_tomorrow = sum(1 for i, _ in self.store.due_ids(end_of_tomorrow) if i in ids)
        due_now = sum(1 for i, _ in self.store.due_ids(now) if i in ids)
        self.store.end_session(self.session_id, {
            "answered": len(self.answered), "correct": sum(bool(a.correct) for a in self.answered),
            "skipped": self.skipped})
        return Summary(len(self.answered), sum(bool(a.correct) for a in self.answered), self.skipped,
                       sum(a.seconds for a in self.answered), per, due_tomorrow,  # as `today` sums them
                       self.store.next_due(ids=ids), self.session_id, due_now,
                       sum(not a.was_new for a in self.answered))
