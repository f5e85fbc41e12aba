"""The interview plan: a date that caps intervals and paces new questions.

With an interview date set (the `interview_date` setting, `mlprep plan --interview YYYY-MM-DD`):
- the scheduler's maximum interval stops at the day before the interview, so every card comes back
  at least once more before it (a review on the eve can only come back on the day itself); cards
  already scheduled past that day are pulled in when the date is set, spread over the days left
  (`pull_in`), so they come back too;
- new questions are paced: the unseen ones are spread over the days left but the last (which is kept
  for second looks), so every question is seen at least twice before the interview. That is the
  daily new-question quota, shown by `mlprep plan` and `mlprep today` and used by `mlprep quiz`.
Once the interview day has passed the plan no longer applies (the date stays until cleared).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from mlprep import clock
from mlprep.store.db import Store

SETTING = "interview_date"


def interview_date(store: Store) -> date | None:
    raw = store.get_setting(SETTING)
    if not raw:
        return None
    try:
        return clock.parse_day(raw)
    except ValueError:
        return None


def active_interview(store: Store, now: datetime, tz: tzinfo) -> date | None:
    """The interview date while it is today or ahead; None without one or once it has passed."""
    day = interview_date(store)
    return day if day is not None and days_left(day, now, tz) >= 0 else None


def set_interview(store: Store, day: date | None) -> None:
    if day is None:
        store.delete_setting(SETTING)
    else:
        store.set_setting(SETTING, day.isoformat())


def days_left(interview: date, now: datetime, tz: tzinfo) -> int:
    """Whole local days from today to the interview day (0 on the day itself)."""
    return (interview - clock.local_date(now, tz)).days


def max_interval(interview: date | None, now: datetime, tz: tzinfo) -> int | None:
    """The cap, in days, on a new interval: due no later than the day before the interview.

    None when there is no plan or the interview is today or past (nothing left to cap).
    """
    if interview is None:
        return None
    left = days_left(interview, now, tz)
    if left <= 0:
        return None
    return max(1, left - 1)


def pull_in(store: Store, interview: date, now: datetime, tz: tzinfo) -> int:
    """Move cards due after the day before the interview into the days left before it.

    They are spread evenly, in their due order, from tomorrow to the eve (at 06:00 local time), or
    made due now when the interview is tomorrow. Returns how many cards moved.
    """
    left = days_left(interview, now, tz)
    if left <= 0:
        return 0
    eve_end = clock.end_of_day(interview - timedelta(days=1), tz)
    ids = store.ids_due_after(eve_end)
    if not ids:
        return 0
    today = clock.local_date(now, tz)
    span = left - 1  # tomorrow .. the eve
    moves = []
    for n, item_id in enumerate(ids):
        if span <= 0:
            moves.append((item_id, now))
            continue
        day = today + timedelta(days=1 + n * span // len(ids))
        moves.append((item_id, clock.start_of_day(day, tz) + timedelta(hours=6)))
    store.move_due(moves)
    return len(moves)


@dataclass
class Pacing:
    interview: date
    days_left: int
    unseen: int  # questions never answered
    seen_once: int  # answered exactly once
    new_today: int  # new questions already introduced today
    quota: int  # new questions per day to see every question at least twice before the interview

    @property
    def remaining_today(self) -> int:
        return max(0, self.quota - self.new_today)

    @property
    def on_track(self) -> bool:
        return self.unseen == 0 or self.days_left > 1


def pacing(store: Store, question_ids: set[str], interview: date, now: datetime, tz: tzinfo) -> Pacing:
    left = days_left(interview, now, tz)
    question_ids = question_ids - store.suspended_ids()  # suspended questions are not part of the plan
    counts = store.question_review_counts()
    seen = {i for i in counts if i in question_ids}
    unseen = len(question_ids) - len(seen)
    seen_once = sum(1 for i in seen if counts[i] == 1)
    start = clock.start_of_day(clock.local_date(now, tz), tz)
    new_today = store.question_reviews_since(start, first_sight=True)
    # Unseen questions still to introduce, spread over the days before the last one (kept for second
    # looks). Questions already introduced today count toward today's share.
    days_for_new = max(1, left - 1) if left > 0 else 1
    quota = math.ceil((unseen + new_today) / days_for_new) if unseen else new_today
    return Pacing(interview, left, unseen, seen_once, new_today, quota)
