"""Hidden tests for `linear_svm`. w and b are compared with rtol=1e-7, atol=1e-9.

Training is deterministic (zeros start, full batch, fixed learning rate), so the reference's (w, b)
after a given number of epochs is the one right answer. Random data are continuous, so no margin
lands within rounding error of 1 except where a test builds it on purpose (exact binary fractions).
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-7, 1e-9


def run(solution, X, y, **kwargs):
    got = call(solution.linear_svm, X, y, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (w, b).", got=got)
    w = as_array(got[0], what="w it returned was")
    if w.shape != (np.shape(X)[1],):
        fail(f"w has shape {w.shape}; expected (d,) = ({np.shape(X)[1]},).", got=got[0])
    if np.size(got[1]) != 1:
        fail(f"b has shape {np.shape(got[1])}; expected a single number.", got=got[1])
    return w, float(np.asarray(got[1], dtype=float).ravel()[0])


def check(solution, reference, X, y, **kwargs):
    exp_w, exp_b = reference.linear_svm(np.copy(X), np.copy(y), **kwargs)
    w, b = run(solution, X, y, **kwargs)
    epochs = kwargs.get("epochs", 100)
    assert_close(w, exp_w, rtol=RTOL, atol=ATOL, what=f"w after {epochs} epoch(s)")
    assert_close(b, exp_b, rtol=RTOL, atol=ATOL, what=f"b after {epochs} epoch(s)", scalar=True)
    return w, b


def data(seed, n=60, d=3, gap=1.0, noise=1.0, offset=0.0):
    rng = np.random.default_rng(seed)
    y = np.where(rng.random(n) < 0.6, 1, -1)
    y[:2] = [1, -1]
    direction = rng.normal(size=d)
    direction /= np.linalg.norm(direction)
    X = noise * rng.normal(size=(n, d)) + gap * y[:, None] * direction + offset
    return X, y


EXAMPLE_X = np.array([[1.0, 2.0], [3.0, 1.0], [-2.0, 0.0], [-1.0, -2.0]])
EXAMPLE_Y = np.array([1, 1, -1, 1])


def test_worked_example(solution, reference):
    """The example from the task: 2 epochs, the third point sits exactly on the margin at epoch 2."""
    check(solution, reference, EXAMPLE_X, EXAMPLE_Y, lam=0.1, lr=0.5, epochs=2)


def test_first_epoch_from_zeros(solution, reference):
    """Epoch 1: every margin is 0, so every point violates; b moves by lr · mean(y)."""
    check(solution, reference, EXAMPLE_X, EXAMPLE_Y, lam=0.1, lr=0.5, epochs=1)


def test_zero_epochs(solution, reference):
    """epochs = 0 returns w = 0 and b = 0."""
    check(solution, reference, EXAMPLE_X, EXAMPLE_Y, lam=0.1, lr=0.5, epochs=0)


def test_epoch_by_epoch(solution, reference):
    """Every epoch from 1 to 12 agrees with the reference (one full-batch step each)."""
    X, y = data(1, n=40, d=2, gap=0.5)
    for epochs in range(1, 13):
        check(solution, reference, X, y, lam=0.05, lr=0.3, epochs=epochs)


def test_margin_exactly_one_is_not_a_violation(solution, reference):
    """x = ±1 with lr = 1: after one epoch both margins are exactly 1, so the hinge term stops pushing."""
    X, y = np.array([[1.0], [-1.0]]), np.array([1, -1])
    for epochs in (2, 5):
        check(solution, reference, X, y, lam=0.0, lr=1.0, epochs=epochs)
    check(solution, reference, X, y, lam=0.5, lr=1.0, epochs=3)


def test_bias_is_not_regularised(solution, reference):
    """Mostly positive labels and a large lam: the bias must not be shrunk by lam · b."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(30, 2))
    y = np.where(rng.random(30) < 0.85, 1, -1)
    check(solution, reference, X, y, lam=2.0, lr=0.2, epochs=30)


def test_mean_not_sum(solution, reference):
    """n = 500: the hinge subgradient is averaged over the samples, not summed."""
    X, y = data(4, n=500, d=4, gap=0.3)
    check(solution, reference, X, y, lam=0.01, lr=0.1, epochs=20)


def test_regulariser_gradient(solution, reference):
    """Well-separated data with a large lam: after the first steps the shrinkage lam · w dominates."""
    X, y = data(5, n=50, d=2, gap=4.0, noise=0.3)
    check(solution, reference, X, y, lam=1.0, lr=0.1, epochs=40)


def test_separable_data_reaches_full_training_accuracy(solution, reference):
    """Linearly separable blobs, small lam: sign(X w + b) equals y on every training point."""
    X, y = data(6, n=80, d=2, gap=3.0, noise=0.5)
    w, b = check(solution, reference, X, y, lam=0.001, lr=0.1, epochs=300)
    pred = np.where(X @ w + b >= 0, 1, -1)
    if not np.array_equal(pred, y):
        fail(f"after 300 epochs on separable data {int((pred != y).sum())} training point(s) are still "
             "misclassified.", got=(w, b))


@pytest.mark.parametrize("seed", range(5))
def test_random_problems(solution, reference, seed):
    """Seeded random overlapping data with several lam, lr, epochs and dimensions."""
    rng = np.random.default_rng(20 + seed)
    X, y = data(30 + seed, n=int(rng.integers(5, 200)), d=int(rng.integers(1, 8)), gap=float(rng.uniform(0, 2)))
    check(solution, reference, X, y, lam=float(rng.choice([0.0, 0.01, 0.1, 1.0])),
          lr=float(rng.choice([0.01, 0.1, 0.5])), epochs=int(rng.integers(1, 60)))


def test_badly_scaled_features(solution, reference):
    """Features around 100 with spread 5: same update rule, no normalisation inside."""
    X, y = data(7, n=60, d=3, gap=2.0, noise=5.0, offset=100.0)
    check(solution, reference, X, y, lam=0.01, lr=0.001, epochs=25)


def test_integer_lists(solution, reference):
    """Plain lists of integers for X and y are accepted; w is still a float array."""
    check(solution, reference, [[1, 2], [2, 3], [-1, -1], [-2, 0], [0, 1]], [1, 1, -1, -1, 1],
          lam=0.1, lr=0.25, epochs=7)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked on every call)."""
    X, y = data(9)
    check(solution, reference, X, y, lam=0.01, lr=0.1, epochs=10)


def speed_case():
    X, y = data(0, n=2000, d=20, gap=0.5)
    return {"function": "linear_svm", "args": (X, y), "kwargs": {"lam": 0.01, "lr": 0.1, "epochs": 200}}
