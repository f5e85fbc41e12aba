"""Timed mock interviews: choosing the questions, timing the answers, the report. No terminal I/O.

A mock mixes objectively checked questions (every type but `flashcard`, which needs a self-rating
and so feedback) from every section, weighted toward weak sections, and optionally one drill.
Nothing is shown as right or wrong until the end; every answer is still an fsrs review, committed
immediately (the session is a `QuizSession` of kind 'mock'), so a mock feeds the schedule like a
quiz does.

Choosing (`plan_mock`)
- Section weight = 1.5 - skill, where skill = 0.7 * smoothed 30-day accuracy ((correct+1)/(answers+2))
  + 0.3 * mastery (see `stats.compute`). A section never seen has skill 0.35 ("weak-ish"). Weights
  lie in [0.5, 1.5], so every section can appear, and a weak one about three times as often as a
  mastered one.
- Each pick draws a section by weight and a target difficulty (1, 2, 3 with weights 1, 2, 1), then
  takes the remaining question of that section nearest the difficulty with the highest priority:
  weak tags (1 - the weakest tag's strength), low retrievability (1 - r), due now (+0.5), plus a
  seeded jitter so two mocks differ. No question is picked twice.
- Picks continue until their estimated answering time covers 1.5 x the time available, so a fast
  candidate does not run out; the mock ends when the time is up or the list is exhausted.
Everything random comes from `random.Random(seed)`: the same seed and the same store give the same mock.

The report (`MockSession.finish`) is a JSON-ready dict saved in the session row (`meta_json`), and
`history(store)` returns the saved reports, newest first.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from fsrs import Scheduler

from mlprep.drills.catalogue import Drill
from mlprep.errors import InvalidValue, MlprepError, StoreError
from mlprep.questions.bank import Bank
from mlprep.questions.model import OBJECTIVE_TYPES, Question, Shown
from mlprep.quiz.session import QuizSession
from mlprep.rules import DRILL_PREFIX, MOCK_MAX_MINUTES
from mlprep.store.backup import mock_report_problem
from mlprep.store.db import Store, iso, utcnow

FORMAT_VERSION = 2  # 2: `review` holds tags, sections and drills; the CLI words the commands
KIND = "mock"
DEFAULT_MINUTES = 30
UNSEEN_SKILL = 0.35
ACCURACY_SHARE = 0.7
UNSEEN_TAG_STRENGTH = 0.55
DIFFICULTY_WEIGHTS = {1: 1, 2: 2, 3: 1}
OVERPLAN = 1.5
# Rough seconds to answer a question of each type at difficulty 2 (scaled by DIFFICULTY_PACE).
EST_SECONDS = {"truefalse": 25, "mcq": 45, "multi": 60, "numeric": 75, "short": 40, "code_output": 60}
DIFFICULTY_PACE = {1: 0.75, 2: 1.0, 3: 1.4}
REVIEW_TAGS = 4
WEAK_SECTION_SHARE = 0.6  # a section scored below this (with 2+ answers) is suggested for review


# ---------------------------------------------------------------- choosing

def estimated_seconds(q: Question) -> float:
    return EST_SECONDS.get(q.type, 60) * DIFFICULTY_PACE.get(q.difficulty, 1.0)


def section_skill(row: dict[str, Any]) -> float:
    """0 (weak) .. 1 (strong) from one `stats.compute()["sections"]` row."""
    if not row.get("seen"):
        return UNSEEN_SKILL
    smoothed = (row.get("correct_30d", 0) + 1) / (row.get("answered_30d", 0) + 2)
    return ACCURACY_SHARE * smoothed + (1 - ACCURACY_SHARE) * float(row.get("mastery") or 0.0)


def section_weights(store: Store, bank: Bank, now: datetime, sections: Sequence[str] = ()) -> dict[str, float]:
    """Sampling weight of every section in scope (higher = weaker = asked more often)."""
    from mlprep.progress import stats as stats

    rows = {r["id"]: r for r in stats.compute(store, bank, now, timezone.utc)["sections"]}
    return {sid: round(1.5 - section_skill(rows.get(sid, {})), 4)
            for sid in bank.sections if not sections or sid in sections}


def _question_state(store: Store, now: datetime) -> tuple[dict[str, float], set[str]]:
    """Retrievability now of every question with a card, and the ids due now."""
    from mlprep.srs.scheduler import memory_scheduler, retrievabilities

    return retrievabilities(store, memory_scheduler(store), now), {i for i, _ in store.due_ids(now)}


@dataclass
class MockPlan:
    questions: list[Question]
    weights: dict[str, float]  # section id -> sampling weight
    budget_seconds: float  # time for the questions (the mock's time minus the drill's share)
    estimated_seconds: float  # estimated answering time of the whole list


def plan_mock(bank: Bank, store: Store, now: datetime, *, minutes: int = DEFAULT_MINUTES,
              sections: Sequence[str] = (), seed: int | None = None, rng: random.Random | None = None,
              reserve_seconds: float = 0.0) -> MockPlan:
    """Choose the mock's questions (see the module docstring). `reserve_seconds`: time kept for a drill."""
    from mlprep.progress import stats as stats

    rng = rng or random.Random(seed)
    weights = section_weights(store, bank, now, sections)
    pools: dict[str, list[Question]] = {}
    hidden = store.hidden_ids(now)  # suspended or buried cards are not asked
    for q in bank.questions.values():
        if q.type in OBJECTIVE_TYPES and q.section in weights and q.id not in hidden:
            pools.setdefault(q.section, []).append(q)
    strength = stats.tag_strength(store, bank, now)
    r_now, due = _question_state(store, now)
    priority: dict[str, float] = {}
    for sid in sorted(pools):
        for q in sorted(pools[sid], key=lambda x: x.id):
            weakest = min((strength.get(t, UNSEEN_TAG_STRENGTH) for t in q.tags), default=UNSEEN_TAG_STRENGTH)
            priority[q.id] = ((1 - weakest) + (1 - r_now.get(q.id, 0.0)) + 0.5 * (q.id in due)
                              + 0.6 * rng.random())
    budget = max(60.0, minutes * 60.0 - reserve_seconds)
    target = budget * OVERPLAN
    chosen: list[Question] = []
    total = 0.0
    levels = sorted(DIFFICULTY_WEIGHTS)
    while pools and (total < target or len(chosen) < 3):
        sids = sorted(pools)
        sid = rng.choices(sids, weights=[weights[s] for s in sids])[0]
        level = rng.choices(levels, weights=[DIFFICULTY_WEIGHTS[d] for d in levels])[0]
        pool = pools[sid]
        best = max(pool, key=lambda q: (-abs(q.difficulty - level), priority[q.id], q.id))
        pool.remove(best)
        if not pool:
            del pools[sid]
        chosen.append(best)
        total += estimated_seconds(best)
    return MockPlan(chosen, weights, budget, round(total, 1))


def choose_drill(store: Store, drills: dict[str, Drill], bank: Bank, now: datetime, *,
                 sections: Sequence[str] = (), minutes: int = DEFAULT_MINUTES) -> Drill | None:
    """A due drill (most overdue first); else a drill never passed from the weakest section
    (easiest first). None when every drill in scope is passed and none is due."""
    from mlprep.drills.schedule import FAST_MINUTES, due_drills

    hidden = store.hidden_ids(now)  # suspended or buried drills are not chosen
    scope = {s: d for s, d in drills.items() if (not sections or d.section in sections)
             and DRILL_PREFIX + s not in hidden}
    due = due_drills(store, scope, now)
    if due:
        return due[0]
    summary = store.drill_summary()
    open_ = [d for d in scope.values() if not summary.get(d.slug, {}).get("passed")]
    if not open_:
        return None
    weights = section_weights(store, bank, now)
    fits = [d for d in open_ if FAST_MINUTES.get(d.difficulty, 20) <= max(10, minutes // 2)] or open_
    fits.sort(key=lambda d: (-weights.get(d.section, 1.5 - UNSEEN_SKILL), d.difficulty, d.order, d.slug))
    return fits[0]


def drill_reserve_seconds(drill: Drill | None, minutes: int) -> float:
    """Time kept for the drill: its 'fast' time, at most half the mock."""
    if drill is None:
        return 0.0
    from mlprep.drills.schedule import FAST_MINUTES

    return min(FAST_MINUTES.get(drill.difficulty, 20) * 60.0, minutes * 30.0)


# ---------------------------------------------------------------- the session

@dataclass
class MockAnswer:
    """One question of the mock as it went."""

    question: Question
    shown: Shown
    status: str  # correct | wrong | skipped | unanswered (time ran out or the mock stopped while answering)
    seconds: float
    response: str = ""
    expected: str = ""
    note: str = ""  # for a wrong answer: the choices missed or extra, the first output line that differs

    @property
    def correct(self) -> bool | None:
        return {"correct": True, "wrong": False}.get(self.status)


@dataclass
class MockSession:
    """A running mock. `clock` is injectable for tests; every answer is reviewed and committed at once."""

    store: Store
    bank: Bank
    scheduler: Scheduler
    questions: list[Question]
    minutes: int = DEFAULT_MINUTES
    rng: random.Random = field(default_factory=random.Random)
    clock: Callable[[], datetime] = utcnow
    seed: int | None = None
    sections: Sequence[str] = ()
    drill: Drill | None = None

    def __post_init__(self) -> None:
        if self.minutes < 1:
            raise InvalidValue("minutes", self.minutes, "a mock lasts at least 1 minute.")
        if self.minutes > MOCK_MAX_MINUTES:
            raise InvalidValue("minutes", self.minutes, f"a mock lasts at most {MOCK_MAX_MINUTES} minutes.")
        self.quiz = QuizSession(self.store, self.bank, self.scheduler, rng=self.rng, clock=self.clock, kind=KIND)
        self.started = self.quiz.started
        self.deadline = self.started + timedelta(minutes=self.minutes)
        self.records: list[MockAnswer] = []
        self.drill_outcome: Any = None  # drill_schedule.Outcome once graded
        self.drill_status: str | None = None  # passed | failed | skipped | not_graded
        self.drill_seconds: float | None = None
        self._drill_started: datetime | None = None
        self._current: tuple[Shown, datetime] | None = None
        self.report: dict[str, Any] | None = None
        self.saved = False  # finish() saved the report in the history

    @property
    def session_id(self) -> int:
        """The session row (a new one if a reset elsewhere removed the first; see QuizSession)."""
        return self.quiz.session_id

    # ---- time
    def time_left(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, (self.deadline - self.clock()).total_seconds())

    def expired(self) -> bool:
        return self.clock() >= self.deadline

    # ---- questions
    def show(self, q: Question) -> Shown:
        """Prepare a question (fresh parameters, shuffled choices) and start its timer."""
        self._close_current()
        shown = self.quiz.show(q)
        self._current = (shown, self.clock())
        return shown

    def _elapsed(self, shown: Shown) -> float:
        if self._current is not None and self._current[0] is shown:
            return max(0.0, (self.clock() - self._current[1]).total_seconds())
        return 0.0

    def answer(self, shown: Shown, response: str, seconds: float | None = None) -> MockAnswer | None:
        """Check, rate and review the answer (committed now), without telling whether it was right.

        Returns None, and counts nothing, when the time ran out before the answer came in.
        """
        if seconds is None:
            seconds = self._elapsed(shown)
        if self.expired():
            self._close_current()
            return None
        fb = self.quiz.answer(shown, response, seconds)
        rec = MockAnswer(shown.question, shown, "correct" if fb.correct else "wrong", round(seconds, 1),
                         response, fb.expected, fb.note if not fb.correct else "")
        self.records.append(rec)
        self._current = None
        return rec

    def skip(self, shown: Shown) -> MockAnswer:
        """The candidate passes on this question: not a review, not counted as wrong."""
        rec = MockAnswer(shown.question, shown, "skipped", round(self._elapsed(shown), 1),
                         expected=shown.expected_text())
        self.quiz.skip()
        self.records.append(rec)
        self._current = None
        return rec

    def _close_current(self) -> None:
        """The question on screen when the time ran out (or the mock stopped) is unanswered."""
        if self._current is None:
            return
        shown, _ = self._current
        self.records.append(MockAnswer(shown.question, shown, "unanswered", round(self._elapsed(shown), 1),
                                       expected=shown.expected_text()))
        self._current = None

    # ---- the drill
    def start_drill(self, drill: Drill, directory: Any = None) -> Any:
        """The drill's task is on screen: open it as an interview (from the starter; the user's earlier
        file is kept) and start its clock (a fast first pass is rated Easy). Returns the `Opening`."""
        from mlprep.drills import sitting

        self.drill = drill
        self._drill_started = self.clock()
        return sitting.open_task(self.store, drill, directory=directory, mode="interview", now=self._drill_started)

    def _drill_time(self) -> float | None:
        if self._drill_started is None:
            return None
        return round((self.clock() - self._drill_started).total_seconds(), 1)

    def grade_drill(self, path: Any) -> Any:
        """Grade the drill file once (a real subprocess), review its card, record the attempt. A grading
        run that broke (`verdict.graded` False) records nothing and leaves the drill to be handed in again."""
        from mlprep.drills import sitting

        if self.drill is None:
            raise MlprepError("this mock has no drill")
        self.drill_seconds = self._drill_time()
        if not self.store.session_exists(self.session_id):  # reset elsewhere: the attempt goes in a new session
            self.quiz._renew_session()
        outcome = sitting.grade_attempt(self.store, self.drill, path, scheduler=self.scheduler,
                                        now=self.clock(), session_id=self.session_id)
        if not outcome.verdict.graded:  # the grading run broke: nothing was recorded, and it is no result
            return outcome              # of the mock either (the file can be handed in again)
        self.drill_outcome = outcome
        self.drill_status = "passed" if outcome.verdict.ok else "failed"
        return outcome

    def skip_drill(self, status: str = "skipped") -> None:
        """The drill was skipped ('skipped') or the time ran out before it was graded ('not_graded')."""
        self.drill_seconds = self._drill_time()
        self.drill_status = status

    # ---- the report
    def finish(self, ended_by: str | None = None) -> dict[str, Any]:
        """Build the report, save it in the session row, and return it (idempotent)."""
        if self.report is not None:
            return self.report
        self._close_current()
        if self.drill is not None and self.drill_status is None:
            self.skip_drill("not_graded")
        ended = self.clock()
        if ended_by is None:
            ended_by = "time" if ended >= self.deadline else "done"
        self.report = build_report(self, ended, ended_by)
        self.saved = (any(r.status != "unanswered" for r in self.records)
                      or self.drill_status in ("passed", "failed", "skipped"))
        # A mock left before anything was answered or graded is not a mock: it is not kept in the history.
        try:
            if not self.store.session_exists(self.session_id):  # reset elsewhere: keep the report anyway
                self.quiz._renew_session()
                self.report["session_id"] = self.session_id
            self.store.end_session(self.session_id, self.report if self.saved else None)
        except StoreError as exc:  # the answers are saved already; only the report is not
            self.quiz.unsaved = str(exc)
            self.saved = False
        return self.report


def _pct(correct: int, answered: int) -> float | None:
    return round(100.0 * correct / answered, 1) if answered else None


def build_report(m: MockSession, ended: datetime, ended_by: str) -> dict[str, Any]:
    recs = m.records
    answered = [r for r in recs if r.status in ("correct", "wrong")]
    correct = sum(r.status == "correct" for r in answered)
    titles = {sid: s.title for sid, s in m.bank.sections.items()}

    per: dict[str, dict[str, Any]] = {}
    for r in recs:
        sid = r.question.section
        row = per.setdefault(sid, {"id": sid, "title": titles.get(sid, r.question.section_title), "asked": 0,
                                   "answered": 0, "correct": 0, "percent": None})
        row["asked"] += 1
        row["answered"] += r.status in ("correct", "wrong")
        row["correct"] += r.status == "correct"
    order = {sid: i for i, sid in enumerate(m.bank.sections)}
    sections = sorted(per.values(), key=lambda x: (order.get(x["id"], len(order)), x["id"]))
    for row in sections:
        row["percent"] = _pct(row["correct"], row["answered"])

    times = [r.seconds for r in answered]
    slowest = sorted(answered, key=lambda r: (-r.seconds, r.question.id))[:3]

    # What to review: the tags missed in this mock (wrong or passed over), weakest first.
    tag_n: dict[str, int] = {}
    tag_miss: dict[str, int] = {}
    for r in recs:
        if r.status == "unanswered":
            continue
        for t in r.question.tags:
            tag_n[t] = tag_n.get(t, 0) + 1
            tag_miss[t] = tag_miss.get(t, 0) + (r.status in ("wrong", "skipped"))
    weak = sorted((t for t in tag_n if tag_miss[t]), key=lambda t: (-tag_miss[t] / tag_n[t], -tag_miss[t], t))
    weak_tags = [{"tag": t, "asked": tag_n[t], "missed": tag_miss[t]} for t in weak[:REVIEW_TAGS]]
    weak_sections = [row["id"] for row in sections if row["answered"] >= 2
                     and row["correct"] / row["answered"] < WEAK_SECTION_SHARE]
    drills_to_redo: list[str] = []  # the report says what to review; the CLI words it as commands

    drill = None
    if m.drill is not None:
        d = m.drill
        drill = {"slug": d.slug, "title": d.title, "section": d.section, "difficulty": d.difficulty,
                 "status": m.drill_status, "seconds": m.drill_seconds, "kind": None, "headline": None,
                 "tests_passed": None, "tests_total": None, "rating": None, "first_failure": None}
        o = m.drill_outcome
        if o is not None:
            v = o.verdict
            ff = v.first_failure
            drill.update(kind=v.kind, headline=v.headline, tests_passed=v.passed, tests_total=v.total,
                         rating=(int(o.review.rating) if o.review is not None and o.review.rating is not None
                                 else None),
                         first_failure=(ff.message if ff is not None else None))
        if m.drill_status != "passed":
            drills_to_redo.append(d.slug)

    used = max(0.0, (ended - m.started).total_seconds())
    return {
        "format_version": FORMAT_VERSION,
        "session_id": m.session_id,
        "started_at": iso(m.started),
        "ended_at": iso(ended),
        "ended_by": ended_by,  # time | quit | done
        "minutes_planned": m.minutes,
        "minutes_used": round(used / 60, 2),
        "seed": m.seed,
        "sections_filter": list(m.sections),
        "planned": len(m.questions),
        "asked": len(recs),
        "answered": len(answered),
        "correct": correct,
        "percent": _pct(correct, len(answered)),
        "unanswered": sum(r.status in ("skipped", "unanswered") for r in recs),
        "sections": sections,
        "time": {
            "mean_seconds": round(sum(times) / len(times), 1) if times else None,
            "total_seconds": round(sum(times), 1),
            "slowest": [{"id": r.question.id, "section": r.question.section, "seconds": r.seconds}
                        for r in slowest],
        },
        "questions": [{"n": i + 1, "id": r.question.id, "section": r.question.section, "type": r.question.type,
                       "difficulty": r.question.difficulty, "tags": list(r.question.tags), "status": r.status,
                       "correct": r.correct, "seconds": r.seconds} for i, r in enumerate(recs)],
        "wrong": [{"id": r.question.id, "section": r.question.section, "prompt": r.shown.prompt, "code": r.question.code or None,
                   "language": r.question.language, "note": r.note,
                   "response": r.response, "expected": r.expected, "explanation": r.shown.explanation,
                   "tags": list(r.question.tags)} for r in recs if r.status == "wrong"],
        "review": {"tags": weak_tags, "sections": weak_sections, "drills": drills_to_redo},
        "drill": drill,
    }


# ---------------------------------------------------------------- history

def history(store: Store) -> list[dict[str, Any]]:
    """Every saved mock report, newest first (mocks that never finished, or whose report is malformed, are
    left out)."""
    out = []
    for row in reversed(store.sessions(KIND)):
        try:
            meta = json.loads(row["meta_json"] or "{}")
        except ValueError:
            continue
        if isinstance(meta, dict) and meta.get("format_version") and mock_report_problem(meta) is None:
            out.append(meta)
    return out


__all__ = ["MockPlan", "MockSession", "MockAnswer", "plan_mock", "choose_drill", "section_weights",
           "drill_reserve_seconds", "history", "build_report", "FORMAT_VERSION"]
