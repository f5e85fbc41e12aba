"""Fitting FSRS parameters to the user's own review log, with the optimizer Anki uses (fsrs-rs).

`fsrs-rs-python` (the Rust fsrs-rs bindings, an optional extra: `pip install ".[optimize]"`) fits the
21 FSRS-6 parameters; the `fsrs` package that schedules takes the same 21 (an FSRS-5 vector of 19 is
extended by `mlprep.settings.to_fsrs_parameters`, and values are clipped to fsrs's ranges).

How a fit is made and judged:
- The log of question reviews is grouped per card; each card's history becomes one training item
  per review on a later local day (the user's time zone), as fsrs-rs expects: the ratings so far
  and the days between them.
- Items are ordered by the time of their last review; the latest `OPTIMIZE_HOLDOUT` share (20%) is held
  out, the fit sees only the rest. Both the default and the fitted parameters are then scored on the
  held-out items: log loss and RMSE over bins (fsrs-rs `evaluate`, as Anki reports them).
- Fewer than `MIN_OPTIMIZE_REVIEWS` reviews: refused, saying how many more are needed.
- The fitted parameters are kept only when they predict the held-out reviews better (lower log
  loss); they are stored in the settings (`FSRS_PARAMETERS_KEY`, so backups carry them) and
  `srs.scheduler.scheduler_for` uses them from then on. `reset` returns to fsrs's defaults.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

from mlprep import settings
from mlprep.errors import MlprepError
from mlprep.rules import FSRS_PARAMETERS_KEY, MIN_OPTIMIZE_REVIEWS, OPTIMIZE_HOLDOUT
from mlprep.store.db import Store, iso, utcnow

INSTALL = 'pip install ".[optimize]"'


class OptimizeError(MlprepError):
    """The optimizer is not installed, or there is too little history to fit."""


def _fsrs_rs() -> Any:
    try:
        import fsrs_rs_python
    except ImportError:
        raise OptimizeError("mlprep optimize needs the fsrs-rs optimizer (the one Anki uses), which is not "
                            f"installed. Install it with: {INSTALL} (from a clone of mlprep), or "
                            "pip install fsrs-rs-python.") from None
    return fsrs_rs_python


@dataclass
class Evaluation:
    log_loss: float
    rmse_bins: float


@dataclass
class Result:
    parameters: tuple[float, ...]     # fitted, in fsrs's 21-value form
    default: Evaluation               # the default parameters on the held-out reviews
    fitted: Evaluation                # the fitted parameters on the held-out reviews
    reviews: int                      # question reviews in the log
    cards: int                        # questions with reviews
    train_items: int
    test_items: int
    seconds: float                    # time spent fitting
    saved: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def improved(self) -> bool:
        return self.fitted.log_loss < self.default.log_loss


Review = tuple[datetime, int]  # (UTC time, rating 1-4)


def histories_from_store(store: Store) -> dict[str, list[Review]]:
    """Every question's reviews in time order."""
    out: dict[str, list[Review]] = {}
    for item_id, at, rating in store.review_history("question"):
        out.setdefault(item_id, []).append((datetime.fromisoformat(at), int(rating)))
    for reviews in out.values():
        reviews.sort()
    return out


def build_items(histories: dict[str, list[Review]], tz: tzinfo) -> list[tuple[datetime, Any]]:
    """(time of the last review, FSRSItem) for each review of a card on a later local day than the one
    before it: the training examples fsrs-rs takes (same-day steps stay inside the histories)."""
    rs = _fsrs_rs()
    items: list[tuple[datetime, Any]] = []
    for reviews in histories.values():
        reviews = sorted(reviews)
        so_far: list[Any] = []
        last_day = None
        for at, rating in reviews:
            day = at.astimezone(tz).date()
            delta = 0 if last_day is None else (day - last_day).days
            so_far.append(rs.FSRSReview(rating, delta))
            if last_day is not None and delta > 0:
                item = rs.FSRSItem(list(so_far))
                if item.long_term_review_cnt() > 0:
                    items.append((at, item))
            last_day = day
    items.sort(key=lambda x: x[0])
    return items


def split(items: list[tuple[datetime, Any]], holdout: float = OPTIMIZE_HOLDOUT) -> tuple[list[Any], list[Any]]:
    """The earliest (1 - holdout) share of the items, by time, to fit; the rest to test."""
    cut = max(1, min(len(items) - 1, round(len(items) * (1 - holdout))))
    return [i for _, i in items[:cut]], [i for _, i in items[cut:]]


def evaluate(parameters: Iterable[float], items: list[Any]) -> Evaluation:
    rs = _fsrs_rs()
    ev = rs.FSRS(list(parameters)).evaluate(items)
    return Evaluation(float(ev.log_loss), float(ev.rmse_bins))


def default_parameters() -> tuple[float, ...]:
    from fsrs import Scheduler

    return tuple(Scheduler().parameters)


def fit(histories: dict[str, list[Review]], tz: tzinfo = timezone.utc, *, holdout: float = OPTIMIZE_HOLDOUT,
        min_reviews: int = MIN_OPTIMIZE_REVIEWS) -> Result:
    """Fit parameters to review histories and score default vs fitted on the held-out share."""
    rs = _fsrs_rs()
    n_reviews = sum(len(v) for v in histories.values())
    if n_reviews < min_reviews:
        raise OptimizeError(f"mlprep optimize needs at least {min_reviews} question reviews to fit parameters "
                            f"that beat the defaults; you have {n_reviews}, so {min_reviews - n_reviews} more. "
                            "Until then the defaults (fitted to millions of Anki reviews) are the better guess.")
    items = build_items(histories, tz)
    if len(items) < 2:
        raise OptimizeError(f"your {n_reviews} reviews hold no review on a later day than the one before it, so "
                            "there is nothing to learn how memory decays from; review over a few more days first.")
    train, test = split(items, holdout)
    default = default_parameters()
    started = time.perf_counter()
    raw = rs.FSRS(list(default)).compute_parameters(train, enable_short_term=True)
    seconds = time.perf_counter() - started
    fitted = settings.clip_parameters(raw)
    return Result(fitted, evaluate(default, test), evaluate(fitted, test), n_reviews, len(histories), len(train),
                  len(test), seconds)


def optimize(store: Store, tz: tzinfo, *, save: bool = True, now: datetime | None = None,
             min_reviews: int = MIN_OPTIMIZE_REVIEWS) -> Result:
    """Fit to the store's question reviews; when the fit beats the defaults on held-out reviews (and
    `save`), store it so the scheduler uses it from then on."""
    result = fit(histories_from_store(store), tz, min_reviews=min_reviews)
    result.extra["had_fit"] = store.get_setting(FSRS_PARAMETERS_KEY) is not None
    if save and result.improved:
        store.set_setting(FSRS_PARAMETERS_KEY, json.dumps({
            "parameters": list(result.parameters),
            "fitted_at": iso(now or utcnow()),
            "reviews": result.reviews,
            "held_out": result.test_items,
            "log_loss": {"default": result.default.log_loss, "fitted": result.fitted.log_loss},
            "rmse_bins": {"default": result.default.rmse_bins, "fitted": result.fitted.rmse_bins},
        }))
        result.saved = True
    return result


def stored(store: Store) -> dict[str, Any] | None:
    """What `optimize` stored (parameters, when, on how many reviews, the scores), or None."""
    raw = store.get_setting(FSRS_PARAMETERS_KEY)
    if raw is None:
        return None
    try:
        settings.parse_parameters(raw)
        doc = json.loads(raw)
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def reset(store: Store) -> bool:
    """Forget fitted parameters (back to fsrs's defaults); True when there were some."""
    had = store.get_setting(FSRS_PARAMETERS_KEY) is not None
    store.delete_setting(FSRS_PARAMETERS_KEY)
    return had


__all__ = ["INSTALL", "Evaluation", "OptimizeError", "Result", "build_items", "evaluate", "fit",
           "histories_from_store", "optimize", "reset", "split", "stored"]
