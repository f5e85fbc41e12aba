"""Hidden tests for `logistic_regression_fit` and `predict_proba`.

Gradient descent from zero is deterministic, so (w, b) are compared with the reference after the
same number of epochs: RTOL = 1e-6, ATOL = 1e-9. `predict_proba` is compared RELATIVELY: RTOL = 1e-9,
ATOL = 1e-100 (so a tiny probability such as sigmoid(-40) = 4.2e-18 must keep its digits: clipping
the logits at ±30 or the probabilities at 1e-15 fails).
Accuracy on noisy blobs must be at least MIN_ACCURACY = 0.9.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-6, 1e-9
P_RTOL, P_ATOL = 1e-9, 1e-100
MIN_ACCURACY = 0.9


def unpack(got):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (w, b), got {short_repr(got)}.", got=got)
    return got


def check_fit(solution, reference, X, y, **kwargs):
    ew, eb = reference.logistic_regression_fit(np.copy(X), np.copy(y), **kwargs)
    w, b = unpack(call(solution.logistic_regression_fit, X, y, **kwargs))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what="w")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what="b", scalar=True)
    return np.asarray(w, dtype=float), float(np.asarray(b, dtype=float).reshape(-1)[0])


def check_proba(solution, reference, X, w, b):
    expected = reference.predict_proba(np.copy(X), np.copy(w), b)
    got = call(solution.predict_proba, X, w, b)
    assert_close(got, expected, rtol=P_RTOL, atol=P_ATOL, what="probabilities")
    return got


def blobs(seed, n=80, d=2, sep=3.0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.5).astype(int)
    direction = rng.normal(size=d)
    direction /= np.linalg.norm(direction)
    X = rng.normal(size=(n, d)) + np.outer(2 * y - 1, direction) * sep / 2 + rng.normal(0, 2, size=d)
    return X, y


def test_worked_example(solution, reference):
    """The example from the task: one epoch gives w = [0.05], b = 0."""
    check_fit(solution, reference, np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 1, 1]), lr=0.1, epochs=1)


def test_worked_example_trained(solution, reference):
    """The task's data after 1000 epochs with lr = 1.0 (w ≈ [7.349], b ≈ -10.782)."""
    check_fit(solution, reference, np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 1, 1]), lr=1.0,
              epochs=1000)


def test_default_arguments(solution, reference):
    """Called without lr and epochs: the defaults lr=0.1, epochs=1000."""
    X, y = blobs(1, n=30)
    ew, eb = reference.logistic_regression_fit(X.copy(), y.copy())
    w, b = unpack(call(solution.logistic_regression_fit, X, y))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what="w")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what="b", scalar=True)


@pytest.mark.parametrize("seed,n,d,lr,epochs", [(2, 40, 1, 0.5, 3), (3, 100, 3, 0.1, 200), (4, 25, 5, 0.3, 50),
                                                (5, 60, 2, 1.0, 500)])
def test_random_trajectories(solution, reference, seed, n, d, lr, epochs):
    """Seeded random blobs of several shapes: same (w, b) as the reference after the same epochs."""
    X, y = blobs(seed, n, d, sep=1.5)
    check_fit(solution, reference, X, y, lr=lr, epochs=epochs)


def test_zero_epochs_returns_the_start(solution, reference):
    """epochs = 0: w = zeros(d), b = 0."""
    check_fit(solution, reference, np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0, 1]), lr=0.1, epochs=0)


def test_accuracy_on_noisy_blobs(solution, reference):
    """Two overlapping blobs: the fitted model classifies at least 90% of the points correctly."""
    X, y = blobs(6, n=200, d=2, sep=4.0)
    w, b = check_fit(solution, reference, X, y, lr=0.5, epochs=300)
    accuracy = float(np.mean((reference.predict_proba(X, w, b) >= 0.5) == y))
    if accuracy < MIN_ACCURACY:
        fail(f"the fitted model classifies only {accuracy:.0%} of the training points correctly "
             f"(at least {MIN_ACCURACY:.0%} expected).", got=(w, b))


def test_large_logits_during_training(solution, reference):
    """Features in the hundreds make |x·w + b| huge after one step: the sigmoid must not overflow to NaN."""
    X = np.array([[300.0, -200.0], [-250.0, 400.0], [500.0, 100.0], [-100.0, -600.0]])
    check_fit(solution, reference, X, np.array([1, 0, 1, 0]), lr=1.0, epochs=3)


def test_boolean_labels(solution, reference):
    """Labels given as booleans are treated as 0/1."""
    X, y = blobs(7, n=30)
    check_fit(solution, reference, X, y.astype(bool), lr=0.2, epochs=40)


def test_integer_features(solution, reference):
    """Integer X is treated as floats."""
    X = np.array([[1, 2], [2, 1], [3, 4], [4, 2], [5, 5], [0, 1]])
    check_fit(solution, reference, X, np.array([0, 0, 1, 0, 1, 0]), lr=0.05, epochs=100)


def test_single_sample(solution, reference):
    """n = 1: the mean over one sample."""
    check_fit(solution, reference, np.array([[2.0, -1.0]]), np.array([1]), lr=0.5, epochs=10)


def test_predict_proba_worked_example(solution, reference):
    """predict_proba([[0], [1], [2], [3]], [2.0], -3.0) = sigmoid([-3, -1, 1, 3])."""
    check_proba(solution, reference, np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([2.0]), -3.0)


@pytest.mark.parametrize("seed", range(3))
def test_predict_proba_random(solution, reference, seed):
    """Seeded random X, w and b: probabilities of shape (n,)."""
    rng = np.random.default_rng(20 + seed)
    n, d = int(rng.integers(1, 30)), int(rng.integers(1, 6))
    check_proba(solution, reference, rng.normal(size=(n, d)), rng.normal(size=d) * 3, float(rng.normal()))


def test_predict_proba_extreme_logits(solution, reference):
    """Logits of ±1000 and ±40: exactly 0/1 in float64 or tiny, never NaN or clipped."""
    X = np.array([[1000.0], [-1000.0], [40.0], [-40.0], [0.0]])
    got = check_proba(solution, reference, X, np.array([1.0]), 0.0)
    if np.any(np.asarray(got) < 0) or np.any(np.asarray(got) > 1):
        fail("probabilities must lie in [0, 1].", got=got)


def test_predict_proba_tiny_probabilities_keep_their_digits(solution, reference):
    """Logits -35 ... -700 (and +35 ... +700): sigmoid(-40) = 4.2e-18 and sigmoid(-700) = 9.9e-305 are
    compared relatively (rtol 1e-9), so clipping the logits at ±30 or the probabilities at 1e-15 fails."""
    z = np.array([-35.0, -40.0, -60.0, -100.0, -300.0, -700.0, 35.0, 100.0, 700.0])
    got = check_proba(solution, reference, z[:, None], np.array([1.0]), 0.0)
    check_proba(solution, reference, np.array([[-20.0, -10.0], [7.0, -40.0]]), np.array([1.5, 2.0]), -3.0)
    if np.any(np.asarray(got) <= 0):
        fail("sigmoid of a logit of -700 is 9.9e-305, not 0: do not clip the logits or the probabilities.",
             got=got)


def test_predict_proba_integer_inputs(solution, reference):
    """Integer X and w are treated as floats."""
    check_proba(solution, reference, np.array([[1, 2], [0, -1], [3, 3]]), np.array([1, -1]), 0)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked by the grader on every call)."""
    X, y = blobs(8, n=12)
    check_fit(solution, reference, X, y, lr=0.1, epochs=20)


def speed_case():
    X, y = blobs(0, n=2000, d=10)
    return {"function": "logistic_regression_fit", "args": (X, y), "kwargs": {"lr": 0.1, "epochs": 100}}
