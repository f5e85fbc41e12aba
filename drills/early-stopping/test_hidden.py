"""Hidden tests for `early_stopping`. Epoch indices are compared exactly.

Loss values in the hand-picked cases are exact binary fractions (0.5, 0.75, 0.625...), so the
comparison loss < best - min_delta has no rounding ambiguity at the boundaries tested.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_equal, call, fail, short_repr


def check(solution, reference, losses, patience, **kwargs):
    expected = reference.early_stopping(list(losses), patience, **kwargs)
    got = call(solution.early_stopping, losses, patience, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (best_epoch, stop_epoch), got {short_repr(got)}.", got=got)
    best, stop = got
    for name, value in (("best_epoch", best), ("stop_epoch", stop)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
            fail(f"{name} must be an integer epoch index, got {short_repr(value)} ({type(value).__name__}).", got=got)
    assert_equal((best, stop), tuple(expected), what="(best_epoch, stop_epoch)")


def test_worked_example(solution, reference):
    """The example from the task: [1.0, 0.8, 0.85, 0.9, 0.7], patience 2 -> (1, 3)."""
    check(solution, reference, [1.0, 0.8, 0.85, 0.9, 0.7], 2)


def test_never_triggered_stops_at_last_epoch(solution, reference):
    """A curve that keeps improving: stop_epoch is the last index, best_epoch too."""
    check(solution, reference, [1.0, 0.9, 0.8, 0.7, 0.6], 3)


def test_never_triggered_after_a_plateau(solution, reference):
    """Fewer than `patience` bad epochs at the end: run to the last epoch, best stays earlier."""
    check(solution, reference, [1.0, 0.5, 0.75, 0.625], 3)


def test_patience_one(solution, reference):
    """patience = 1 stops at the first epoch without improvement."""
    check(solution, reference, [1.0, 0.5, 0.25, 0.5, 0.125], 1)


def test_stop_epoch_is_where_patience_runs_out(solution, reference):
    """patience = 3: stop at the third consecutive epoch without improvement, not one later or earlier."""
    check(solution, reference, [2.0, 1.0, 1.5, 1.25, 1.125, 0.5, 0.25], 3)


def test_improvement_resets_the_counter(solution, reference):
    """Bad epochs before an improvement do not count towards patience afterwards."""
    check(solution, reference, [1.0, 1.5, 0.75, 1.0, 0.5, 0.625, 0.5625, 0.25, 0.375], 2)


def test_equal_loss_is_not_an_improvement(solution, reference):
    """A tie with the best loss is not an improvement (strictly less is required)."""
    check(solution, reference, [1.0, 0.5, 0.5, 0.5, 0.25], 2)


def test_compares_with_best_not_previous_epoch(solution, reference):
    """An epoch better than the previous one but not than the best is no improvement."""
    check(solution, reference, [0.5, 1.0, 0.875, 0.75, 0.625, 0.25], 4)


def test_best_epoch_ignores_losses_after_stopping(solution, reference):
    """A better loss after the stop is never seen: best_epoch is the best *before* stopping."""
    check(solution, reference, [1.0, 0.5, 0.75, 0.875, 0.125, 0.0625], 2)


def test_min_delta_small_improvements_do_not_count(solution, reference):
    """min_delta = 0.25: going from 1.0 to 0.875 is too small to count, 1.0 to 0.5 counts."""
    check(solution, reference, [1.0, 0.875, 0.8125, 0.5, 0.4375, 0.375], 3, min_delta=0.25)


def test_min_delta_keeps_the_best_unchanged(solution, reference):
    """Small improvements neither reset patience nor move best_epoch."""
    check(solution, reference, [1.0, 0.9375, 0.875, 0.8125, 0.25], 3, min_delta=0.125)


def test_min_delta_boundary(solution, reference):
    """An improvement of exactly min_delta is not enough (loss < best - min_delta is strict)."""
    check(solution, reference, [1.0, 0.75, 0.5, 0.4375], 1, min_delta=0.25)


def test_min_delta_default_is_zero(solution, reference):
    """Without min_delta any strict decrease is an improvement."""
    check(solution, reference, [1.0, 0.9990234375, 0.998046875, 0.999, 1.5], 2)


def test_nan_is_never_an_improvement(solution, reference):
    """A NaN loss (diverged epoch) counts as an epoch without improvement."""
    check(solution, reference, [1.0, 0.5, float("nan"), 0.25, float("nan"), float("nan"), 0.125], 2)


def test_single_epoch(solution, reference):
    """One epoch: (0, 0)."""
    check(solution, reference, [0.3], 5)


def test_best_is_first_epoch(solution, reference):
    """The loss only goes up: best_epoch = 0, stop after `patience` epochs."""
    check(solution, reference, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 4)


def test_numpy_array_input(solution, reference):
    """A NumPy array is accepted as the curve."""
    check(solution, reference, np.array([0.9, 0.7, 0.8, 0.6, 0.65, 0.7, 0.75]), 2)


@pytest.mark.parametrize("seed", range(6))
def test_random_noisy_curves(solution, reference, seed):
    """Seeded noisy training curves of several lengths, patiences and min_delta values."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    curve = 1.0 / (1 + 0.2 * np.arange(n)) + 0.002 * np.arange(n) + rng.normal(0, 0.03, size=n)
    min_delta = float(rng.choice([0.0, 0.001, 0.01]))
    check(solution, reference, curve.tolist(), int(rng.integers(1, 8)), min_delta=min_delta)


def test_input_not_modified(solution, reference):
    """The list of losses is left untouched (checked by the grader on every call)."""
    check(solution, reference, [0.5, 0.4, 0.45, 0.3, 0.35, 0.36], 2)
