"""Hidden tests for `binary_log_loss`.

Tolerance: rtol=1e-9, atol=1e-12 in general (an exact formula, float64 rounding only);
rtol=1e-4 where the default eps=1e-15 is hit at the top end (1 - 1e-15 is not exact in float64,
so log(1 - clip(p)) and log(clip(1 - p)) differ in the 5th digit; both are accepted);
rtol=1e-5 for float32 inputs (a solution may compute in float32).
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
RTOL_TOP_CLIP = 1e-4
RTOL_FLOAT32 = 1e-5


def check(solution, reference, y_true, p, rtol=RTOL, **kwargs):
    expected = reference.binary_log_loss(np.copy(y_true), np.copy(p), **kwargs)
    got = call(solution.binary_log_loss, y_true, p, **kwargs)
    assert_close(got, expected, rtol=rtol, atol=ATOL, scalar=True, what="loss")


def test_worked_example(solution, reference):
    """The example from the task: -(log 0.8 + log 0.6) / 2."""
    check(solution, reference, np.array([1, 0]), np.array([0.8, 0.4]))


def test_worked_example_confident_mistake(solution, reference):
    """The example from the task with p = [1, 1]: the wrong one costs -log(eps), about 34.54."""
    check(solution, reference, np.array([1, 0]), np.array([1.0, 1.0]), rtol=RTOL_TOP_CLIP)


def test_zero_probability_on_a_positive(solution, reference):
    """p = 0 for a true 1 is clipped to eps: finite loss -log(eps), not inf."""
    check(solution, reference, np.array([1, 1, 0]), np.array([0.0, 0.7, 0.2]))


def test_exact_zero_one_correct_predictions(solution, reference):
    """Correct predictions of exactly 0 and 1 give a loss of about 0 (no 0 * log(0) = nan)."""
    check(solution, reference, np.array([1, 0, 1, 0]), np.array([1.0, 0.0, 1.0, 0.0]), rtol=RTOL_TOP_CLIP)


def test_negative_samples_count(solution, reference):
    """True 0s contribute -log(1 - p): a high p on a negative sample is costly."""
    check(solution, reference, np.array([0, 0, 1]), np.array([0.9, 0.6, 0.7]))


def test_custom_eps_lower_end(solution, reference):
    """eps=1e-3 is used for clipping: p = 0 on a positive costs -log(1e-3)."""
    check(solution, reference, np.array([1, 0, 1]), np.array([0.0, 0.25, 0.5]), eps=1e-3)


def test_custom_eps_upper_end(solution, reference):
    """eps=0.01: p = 0.999 and p = 1 on negatives are clipped to 0.99, p = 0.3 is left alone."""
    check(solution, reference, np.array([0, 0, 1, 0]), np.array([0.999, 1.0, 0.3, 0.5]), eps=0.01)


def test_custom_eps_leaves_inner_values(solution, reference):
    """A large eps=0.2 clips 0.05 up to 0.2 and 0.95 down to 0.8, and keeps 0.5 as it is."""
    check(solution, reference, np.array([1, 0, 1, 1]), np.array([0.05, 0.95, 0.5, 0.95]), eps=0.2)


def test_single_sample(solution, reference):
    """n = 1 (a mean over one sample, no division by n - 1)."""
    check(solution, reference, np.array([1]), np.array([0.25]))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [1, 0, 1, 1, 0], [0.9, 0.2, 0.6, 0.35, 0.5])


def test_float32_probabilities(solution, reference):
    """float32 probabilities work (tolerance rtol=1e-5)."""
    rng = np.random.default_rng(4)
    check(solution, reference, rng.integers(0, 2, 50), rng.uniform(0.01, 0.99, 50).astype(np.float32),
          rtol=RTOL_FLOAT32)


@pytest.mark.parametrize("seed", range(5))
def test_random_predictions(solution, reference, seed):
    """Seeded random labels and probabilities, several sizes, some of them exactly 0 or 1."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    y = rng.integers(0, 2, n)
    p = rng.uniform(0, 1, n)
    p[rng.random(n) < 0.05] = 0.0
    check(solution, reference, y, p, eps=1e-6)


def test_returns_a_number(solution, reference):
    """The result is a single number, not one loss per sample."""
    got = call(solution.binary_log_loss, np.array([1, 0, 1]), np.array([0.6, 0.3, 0.8]))
    if np.ndim(got) != 0:
        fail(f"returned an array of shape {np.shape(got)}; return the mean loss as a single float.", got=got)


def speed_case():
    rng = np.random.default_rng(0)
    n = 300_000
    return {"function": "binary_log_loss", "args": (rng.integers(0, 2, n), rng.uniform(0, 1, n))}
