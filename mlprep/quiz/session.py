"""Quiz sessions: choosing what to ask, and recording answers. No terminal I/O here.

`select_questions` orders the session: due cards first (most overdue first), then new cards
interleaved across sections (easier first within a section). `QuizSession` shows questions,
checks answers, rates them (automatically, or by the user in manual mode; "don't know" is Again),
previews what each rating would schedule and commits exactly that (each review committed before the
next question), supports a one-step rating override and undo, and produces the summary.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from fsrs import Rating, Scheduler

from mlprep import clock
from mlprep.errors import InvalidValue, MlprepError, StoreError
from mlprep.questions.bank import Bank
from mlprep.questions.model import TYPES, Question, Shown, check, instantiate
from mlprep.quiz import cards
from mlprep.rules import LEECH_LAPSES, NEW_PER_SESSION, SESSION_LIMIT
from mlprep.srs import scheduler as sched
from mlprep.store.db import SessionGone, Store, utcnow


@dataclass
class Filters:
    sections: Sequence[str] = ()
    tags: Sequence[str] = ()
    difficulty: Sequence[int] = ()
    types: Sequence[str] = ()  # question formats (model.TYPES)

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
        bad_t = [t for t in self.types if t not in TYPES]
        if bad_t:
            import difflib

            raise InvalidValue("type", bad_t[0], f"no such question type. Types: {', '.join(TYPES)}.",
                               suggestions=difflib.get_close_matches(bad_t[0], TYPES, n=2))

    def match(self, q: Question) -> bool:
        return ((not self.sections or q.section in self.sections)
                and (not self.tags or any(t in q.tags for t in self.tags))
                and (not self.difficulty or q.difficulty in self.difficulty)
                and (not self.types or q.type in self.types))


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
    new_held: int = 0  # new cards left out because the cap holds reviews back (and --new was not given)

    @property
    def cap_left(self) -> int | None:
        return None if self.max_reviews is None else max(0, self.max_reviews - self.reviews_today)


def reviews_today(store: Store, now: datetime, tz: tzinfo) -> int:
    """Reviews of already-seen questions since local midnight (what the daily cap counts)."""
    return store.question_reviews_since(clock.start_of_day(clock.local_date(now, tz), tz), first_sight=False)


def new_left_today(store: Store, now: datetime, tz: tzinfo) -> int:
    """New questions still allowed today by the `new_per_day` setting (first sightings since local midnight)."""
    from mlprep import settings

    per_day = settings.value_or_default("new_per_day", store.get_setting("new_per_day"))
    seen = store.question_reviews_since(clock.start_of_day(clock.local_date(now, tz), tz), first_sight=True)
    return max(0, per_day - seen)


def lowest_retrievability_first(store: Store, questions: list[Question], now: datetime,
                                scheduler: Scheduler | None = None) -> list[Question]:
    """Most-forgotten first: sort by fsrs retrievability now (stable for ties)."""
    scheduler = scheduler or sched.memory_scheduler(store)
    r = sched.retrievabilities(store, scheduler, now)
    return sorted(questions, key=lambda q: r.get(q.id, 0.0))


def leech_ids(store: Store, min_lapses: int = LEECH_LAPSES) -> dict[str, int]:
    """Question ids forgotten (Again on a Review-state card) at least `min_lapses` times."""
    return store.lapses_at_least(min_lapses)


def select_questions(bank: Bank, store: Store, now: datetime, filters: Filters | None = None, *,
                     limit: int = SESSION_LIMIT, new_limit: int = NEW_PER_SESSION, review_only: bool = False,
                     max_reviews: int | None = None, tz: tzinfo | None = None, weak: bool = False,
                     leeches: bool = False, scheduler: Scheduler | None = None, flagged: bool = False,
                     new_when_capped: bool = False) -> Plan:
    """Order a session of at most `limit` questions.

    Normal: due cards (most overdue first), then new ones interleaved across sections, at most
    `new_limit` and only in the room the reviews leave within `limit`. With a daily cap
    (`max_reviews`), at most that many reviews of seen cards a day; when more is due than fits in this
    session, the cards with the lowest retrievability come first, so a backlog is worked down over days
    with the most-forgotten first. While the cap holds due reviews back, no new cards are added (as
    Anki's review limit also limits new cards) unless `new_when_capped` (the user asked for `--new`):
    asking for at most 8 reviews gives a short session, not 8 reviews and a pile of new questions.
    `weak`: questions of the weakest tags first (due, then seen, then new). `leeches`: only leeches,
    most-forgotten first. `flagged`: only flagged cards, due first, then seen (most-forgotten first),
    then new. Suspended cards, and cards buried until after `now`, are never chosen.
    """
    filters = filters or Filters()
    tz = tz or clock.user_zone(store.get_setting("timezone"))
    due_rows = store.due_ids(now)
    known = store.known_ids()
    hidden = store.hidden_ids(now)
    matching = {q.id: q for q in bank.questions.values() if filters.match(q) and q.id not in hidden}
    if flagged:
        marked = store.flagged_ids()
        matching = {i: q for i, q in matching.items() if i in marked}
    due = [matching[i] for i, _ in due_rows if i in matching]
    new = [q for q in matching.values() if q.id not in known]
    done = reviews_today(store, now, tz) if max_reviews is not None else 0
    allowance = len(due) if max_reviews is None else max(0, max_reviews - done)
    if leeches:  # leeches are seen questions: their reviews count toward the cap
        ids = leech_ids(store)
        chosen = lowest_retrievability_first(store, [q for i, q in matching.items() if i in ids], now, scheduler)
        return Plan(chosen[:min(limit, allowance)], len(due), len(new), done, max_reviews,
                    max(0, len(chosen) - allowance))
    if flagged:
        due_ids = {q.id for q in due}
        seen = lowest_retrievability_first(store, [q for i, q in matching.items() if i in known and i not in due_ids],
                                           now, scheduler)
        if len(due) > min(limit, allowance):
            due = lowest_retrievability_first(store, due, now, scheduler)
        pool = (due + seen)[:allowance] + new[:new_limit]
        return Plan(pool[:limit], len(due), len(new), done, max_reviews, max(0, len(due) + len(seen) - allowance))
    if weak:
        from mlprep.progress.stats import tag_strength

        strength = tag_strength(store, bank, now)
        due_ids = {q.id for q in due}

        def weakness(q: Question) -> tuple:
            scores = [strength[t] for t in q.tags if t in strength]
            return (min(scores) if scores else 2.0, q.id not in due_ids, q.id not in known)

        # Seen questions (due or not: an early review is a review too) share the daily cap.
        seen = sorted(due + [q for q in matching.values() if q.id in known and q.id not in due_ids], key=weakness)
        capped = max(0, len(due) - allowance)
        seen = seen[:min(allowance, limit)]
        new_room = min(new_limit, limit - len(seen))
        held = 0
        if capped and not new_when_capped:
            held, new_room = min(len(new), max(0, new_room)), 0
        pool = sorted(seen + new[:max(0, new_room)], key=weakness)
        pool = [q for q in pool if weakness(q)[0] < 2.0] or pool
        return Plan(pool[:limit], len(due), len(new), done, max_reviews, capped, held)
    if len(due) > min(limit, allowance):
        due = lowest_retrievability_first(store, due, now, scheduler)
    capped = max(0, len(due) - allowance)
    due = due[:allowance]
    order = {sid: n for n, sid in enumerate(bank.sections)}
    new.sort(key=lambda q: (order.get(q.section, 0), q.difficulty))
    new = interleave(new)
    chosen = due[:limit]
    held = 0
    if not review_only:
        room = max(0, min(new_limit, limit - len(chosen)))
        if capped and not new_when_capped:
            held, room = min(room, len(new)), 0
        chosen += new[:room]
    return Plan(chosen, len(due) + capped, len(new), done, max_reviews, capped, held)


@dataclass
class Feedback:
    correct: bool | None
    rating: Rating
    expected: str
    explanation: str
    due: datetime
    interval: str
    note: str = ""
    options: dict[Rating, str] = field(default_factory=dict)  # what each rating schedules (short intervals)
    capped: bool = False  # the answer had been seen this session: at most Good
    personal_note: str | None = None  # the user's own note on the card (`mlprep note`)


@dataclass
class Pending:
    """A checked answer not yet committed: what it would be rated and what each rating would schedule."""

    shown: Shown
    response: str
    correct: bool | None
    suggested: Rating
    seconds: float
    preview: sched.Preview
    note: str = ""
    max_rating: Rating = Rating.Easy  # Good once the answer has been seen in this session (after undo)
    was_new: bool = False

    @property
    def options(self) -> dict[Rating, str]:
        return self.preview.intervals()


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
    pending: Pending | None = None


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


DONT_KNOW = "(don't know)"  # the response recorded for the "don't know" key


@dataclass
class QuizSession:
    """One quiz session. Rating rules (FSRS is only as good as the ratings it gets):

    - a wrong answer, or "don't know", is Again; a right one Good, or Easy when quick, except on a card's
      first showing (a quick guess proves nothing) and once its answer has been seen in this session;
    - once an answer has been seen (after undo, or on the second look at a wrong answer), that question is
      rated at most Good, whoever picks the rating;
    - `manual=True` (setting `rating = manual`): the user picks 1-4 after seeing the answer (`commit`).
    """

    store: Store
    bank: Bank
    scheduler: Scheduler
    rng: random.Random = field(default_factory=random.Random)
    clock: Callable[[], datetime] = utcnow
    kind: str = "quiz"
    scope: set[str] | None = None  # the ids the session draws from (filters), for the due counts at the end
    tz: tzinfo | None = None  # the user's zone for "due by the end of tomorrow" (default: the system's)
    manual: bool = False  # the user rates every answer (setting `rating = manual`)

    def __post_init__(self) -> None:
        self.started = self.clock()
        self.session_id = self.store.start_session(self.kind)
        self.answered: list[Answered] = []
        self.skipped = 0
        self.stopped = False  # the user quit before the end (the CLI then skips what would follow)
        self.notice = ""  # something the CLI should say once after the next answer (see _renew_session)
        self.unsaved = ""  # why the session's end could not be saved (finish), if it could not
        self.revealed: set[str] = set()  # questions whose answer has been shown in this session

    def show(self, q: Question) -> Shown:
        return instantiate(q, self.rng)

    def _renew_session(self) -> None:
        """The session row is gone (progress reset by another mlprep while this one was open): the
        answers before the reset went with it; later answers are saved in a new session."""
        old = self.session_id
        self.session_id = self.store.start_session(self.kind, {"replaces_session": old})
        self.answered.clear()
        self.notice = ("Your progress was reset by another mlprep while this session was open, so the answers "
                       "before it are gone with the reset; this answer and the next ones are saved in a new session.")

    def _pending(self, shown: Shown, response: str, correct: bool | None, suggested: Rating, seconds: float,
                 note: str = "", was_new: bool | None = None) -> Pending:
        q = shown.question
        if was_new is None:
            was_new = self.store.card_json(q.id) is None
        preview = sched.preview(self.store, self.scheduler, q.id, self.clock(), int(seconds * 1000))
        cap = Rating.Good if q.id in self.revealed else Rating.Easy
        return Pending(shown, response, correct, min(suggested, cap), seconds, preview, note, cap, was_new)

    def grade(self, shown: Shown, response: str, seconds: float) -> Pending:
        """Check an objective answer and suggest a rating (wrong→Again, right→Good/Easy); commits nothing."""
        verdict = check(shown, response)
        q = shown.question
        was_new = self.store.card_json(q.id) is None
        allow_easy = not was_new and q.id not in self.revealed
        rating = sched.rating_for(verdict.correct, seconds, q.type, allow_easy=allow_easy)
        return self._pending(shown, response, verdict.correct, rating, seconds, verdict.note, was_new)

    def preview_flashcard(self, shown: Shown, seconds: float) -> Pending:
        """A flashcard whose answer is revealed: the user rates it (Again counts as not recalled)."""
        return self._pending(shown, "", None, Rating.Good, seconds)

    def commit(self, pending: Pending, rating: Rating | None = None) -> Feedback:
        """Review the card with the chosen rating (default: the suggested one), at most `max_rating`."""
        chosen = Rating(min(int(rating if rating is not None else pending.suggested), int(pending.max_rating)))
        correct = (chosen != Rating.Again) if pending.shown.question.type == "flashcard" else pending.correct
        return self._record(pending, correct, chosen)

    def _record(self, p: Pending, correct: bool | None, rating: Rating) -> Feedback:
        q = p.shown.question
        now = p.preview.at
        if not self.store.session_exists(self.session_id):
            self._renew_session()

        def save() -> sched.ReviewResult:
            return sched.review(self.store, self.scheduler, item_id=q.id, rating=rating, now=now,
                                correct=correct, response_ms=int(p.seconds * 1000), session_id=self.session_id,
                                section=q.section, preview=p.preview)

        try:
            result = save()
        except SessionGone:  # reset between the check and the write: once more, in a new session
            self._renew_session()
            result = save()
        self.answered.append(Answered(q, p.shown, p.response, correct, rating, p.seconds, result.review_id,
                                      p.was_new, p))
        self.revealed.add(q.id)
        return Feedback(correct, rating, p.shown.expected_text(), p.shown.explanation, result.card.due,
                        sched.describe_interval(result.card.due, now), p.note, p.options,
                        p.max_rating < Rating.Easy, personal_note=cards.note(self.store, q.id))

    def answer(self, shown: Shown, response: str, seconds: float) -> Feedback:
        """Check an objective answer, rate it (wrong→Again, right→Good/Easy) and review the card."""
        return self.commit(self.grade(shown, response, seconds))

    def dont_know(self, shown: Shown, seconds: float) -> Feedback:
        """The user does not know: reveal the answer and rate Again (any question type, nothing to guess)."""
        pending = self._pending(shown, DONT_KNOW, False, Rating.Again, seconds)
        return self._record(pending, False, Rating.Again)

    def self_rate(self, shown: Shown, rating: Rating, seconds: float) -> Feedback:
        """Flashcards: the user's own rating (Again counts as not recalled)."""
        return self.commit(self.preview_flashcard(shown, seconds), rating)

    def undo_last(self) -> Answered:
        """Forget the last answer: its card goes back to the state before it. The answer has been seen,
        so asked again in this session the question is rated at most Good."""
        if not self.answered:
            raise MlprepError("nothing to undo")
        last = self.answered[-1]
        sched.undo(self.store, last.review_id)  # ChangedElsewhere (nothing undone) if reviewed elsewhere since
        self.answered.pop()
        return last

    def rerate(self, rating: Rating) -> Feedback:
        """Replace the rating of the last answer (e.g. Good → Hard) and reschedule from before it, exactly
        as the options shown promised (at most Good when the answer had been seen before)."""
        last = self.undo_last()
        if last.pending is None:
            raise MlprepError("that answer cannot be re-rated")
        chosen = Rating(min(int(rating), int(last.pending.max_rating)))
        correct = (chosen != Rating.Again) if last.question.type == "flashcard" else last.correct
        return self._record(last.pending, correct, chosen)

    def skip(self) -> None:
        self.skipped += 1

    # ---------------------------------------------------------------- card actions (quiz keys x b f n)
    def suspend(self, item_id: str) -> None:
        """Suspend a card: it leaves this session's second look and every later selection."""
        cards.suspend(self.store, [item_id], True)

    def bury(self, item_id: str) -> datetime:
        """Bury a card until the start of tomorrow (the user's zone); returns when it comes back."""
        return cards.bury(self.store, [item_id], self.clock(), self.tz or clock.system_zone())

    def toggle_flag(self, item_id: str) -> bool:
        return cards.toggle_flag(self.store, item_id)

    def set_note(self, item_id: str, text: str | None) -> str | None:
        return cards.set_note(self.store, item_id, text)

    def note(self, item_id: str) -> str | None:
        return cards.note(self.store, item_id)

    def is_hidden(self, item_id: str) -> bool:
        """Suspended, or buried past now (then a wrong answer does not come back in this session)."""
        return cards.is_hidden(self.store, item_id, self.clock())

    def finish(self) -> Summary:
        now = self.clock()
        per: dict[str, tuple[str, int, int]] = {}
        for a in self.answered:
            title, n, c = per.get(a.question.section, (a.question.section_title, 0, 0))
            per[a.question.section] = (title, n + 1, c + bool(a.correct))
        tz = self.tz or clock.system_zone()
        end_of_tomorrow = clock.end_of_day(clock.local_date(now, tz) + timedelta(days=1), tz)
        ids = self.scope if self.scope is not None else set(self.bank.questions)
        next_due = None
        due_tomorrow = due_now = 0
        try:  # the answers are saved already: a store that fails now costs only the closing figures
            due_tomorrow = sum(1 for i, _ in self.store.due_ids(end_of_tomorrow) if i in ids)
            due_now = sum(1 for i, _ in self.store.due_ids(now) if i in ids)
            next_due = self.store.next_due(ids=ids)
            self.store.end_session(self.session_id, {
                "answered": len(self.answered), "correct": sum(bool(a.correct) for a in self.answered),
                "skipped": self.skipped})
        except StoreError as exc:
            self.unsaved = str(exc)
        return Summary(len(self.answered), sum(bool(a.correct) for a in self.answered), self.skipped,
                       sum(a.seconds for a in self.answered), per, due_tomorrow,  # as `today` sums them
                       next_due, self.session_id, due_now,
                       sum(not a.was_new for a in self.answered))
