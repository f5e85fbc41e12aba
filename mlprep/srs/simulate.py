"""A simulated learner with known memory parameters, for testing and benchmarking `srs.optimize`.

Cards are scheduled by an fsrs Scheduler with the *default* parameters (as a real user's are before
optimizing), while whether each review is recalled is drawn from the retrievability under the
learner's *true* parameters. A fit to the resulting log should therefore move from the defaults
toward the true parameters and predict held-out reviews better.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

# Ratings of a recalled card (Hard, Good, Easy) and of a first sight (Again, Hard, Good, Easy).
RECALLED_WEIGHTS = (0.15, 0.75, 0.10)
FIRST_WEIGHTS = (0.25, 0.15, 0.50, 0.10)
# A learner whose memory lasts longer than fsrs's defaults assume (w0-w3: initial stabilities).
TRUE_PARAMETERS = (1.0, 3.0, 9.0, 20.0, 6.4133, 0.8334, 3.0194, 0.001, 2.3, 0.1666, 0.796, 1.4835, 0.0614,
                   0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542)


def simulate(true_parameters: tuple[float, ...] = TRUE_PARAMETERS, *, cards: int = 300, days: int = 120,
             new_per_day: int = 10, seed: int = 0, start: datetime | None = None,
             max_reviews: int | None = None) -> list[tuple[str, datetime, int]]:
    """(card id, UTC time, rating) of every review, in time order."""
    rng = random.Random(seed)
    start = start or datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
    scheduler = Scheduler(enable_fuzzing=False)
    truth = Scheduler(parameters=true_parameters, enable_fuzzing=False)
    end = start + timedelta(days=days)
    log: list[tuple[str, datetime, int]] = []
    for n in range(cards):
        introduced = start + timedelta(days=n // max(1, new_per_day), minutes=n % max(1, new_per_day))
        if introduced >= end:
            break
        card, true_card = Card(card_id=n + 1, due=introduced), Card(card_id=n + 1, due=introduced)
        at = introduced
        first = True
        while at < end:
            if first:
                rating = Rating(rng.choices((1, 2, 3, 4), weights=FIRST_WEIGHTS)[0])
                first = False
            else:
                recalled = rng.random() < truth.get_card_retrievability(true_card, at)
                rating = Rating(rng.choices((2, 3, 4), weights=RECALLED_WEIGHTS)[0]) if recalled else Rating.Again
            card, _ = scheduler.review_card(card, rating, review_datetime=at)
            true_card, _ = truth.review_card(true_card, rating, review_datetime=at)
            log.append((f"q{n}", at, int(rating)))
            at = max(card.due, at + timedelta(minutes=1))
    log.sort(key=lambda r: r[1])
    return log[:max_reviews] if max_reviews is not None else log


def histories(log: list[tuple[str, datetime, int]]) -> dict[str, list[tuple[datetime, int]]]:
    """The log grouped per card, as `srs.optimize.fit` takes it."""
    out: dict[str, list[tuple[datetime, int]]] = {}
    for item_id, at, rating in log:
        out.setdefault(item_id, []).append((at, rating))
    return out


__all__ = ["TRUE_PARAMETERS", "histories", "simulate"]
