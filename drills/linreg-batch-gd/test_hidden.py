"""Hidden tests for `linreg_gd`.

The update rule is deterministic, so the parameters are compared with the reference's after the
same number of epochs: RTOL = 1e-6, ATOL = 1e-9 (float64 rounding of sums in a different order
only). Convergence tests compare with the least-squares solution (np.linalg.lstsq) within
LS_ATOL = 1e-6 after enough epochs on well-conditioned data.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-6, 1e-9
LS_ATOL = 1e-6


def unpack(got):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (w, b), got {short_repr(got)}.", got=got)
    return got


def check(solution, reference, X, y, **kwargs):
    ew, eb = reference.linreg_gd(np.copy(X), np.copy(y), **kwargs)
    w, b = unpack(call(solution.linreg_gd, X, y, **kwargs))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what="w")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what="b", scalar=True)
    return w, b


def safe_lr(X, fraction=0.9):
    """A step size below 2 / (largest eigenvalue of the Hessian), so gradient descent converges."""
    A = np.hstack([X, np.ones((len(X), 1))])
    return fraction * 2.0 / np.linalg.eigvalsh(A.T @ A / len(X)).max()


def least_squares(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    return coef[:-1], coef[-1]


def test_worked_example(solution, reference):
    """The example from the task: one epoch gives w = [0.9333], b = 0.4."""
    check(solution, reference, np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]), lr=0.1, epochs=1)


def test_two_epochs_simultaneous_step(solution, reference):
    """Two epochs on the task's data: the second step uses w and b from the first."""
    check(solution, reference, np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]), lr=0.1, epochs=2)


def test_intercept_uses_residuals_before_the_step(solution, reference):
    """Three steps on data with an offset: w and b must be updated from the same residuals."""
    X = np.array([[0.5, -1.0], [1.5, 2.0], [-2.0, 0.5], [1.0, 1.0]])
    y = np.array([3.0, 1.0, -2.0, 4.0])
    check(solution, reference, X, y, lr=0.2, epochs=3)


def test_default_arguments(solution, reference):
    """Called without lr and epochs: the defaults lr=0.01, epochs=1000."""
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([2.0, 4.0, 6.0])
    ew, eb = reference.linreg_gd(X.copy(), y.copy())
    w, b = unpack(call(solution.linreg_gd, X, y))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what="w")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what="b", scalar=True)


@pytest.mark.parametrize("seed,n,d,epochs", [(0, 20, 1, 5), (1, 50, 3, 40), (2, 8, 5, 200), (3, 100, 2, 1000)])
def test_random_trajectories(solution, reference, seed, n, d, epochs):
    """Seeded random data of several shapes: same parameters as the reference after the same epochs."""
    rng = np.random.default_rng(seed)
    X = rng.normal(1.0, 2.0, size=(n, d))
    y = X @ rng.normal(size=d) + rng.normal(3.0, 1.0) + rng.normal(0, 0.5, size=n)
    check(solution, reference, X, y, lr=float(safe_lr(X, 0.5)), epochs=epochs)


def test_zero_epochs_returns_the_start(solution, reference):
    """epochs = 0: no step is taken, w = zeros(d) and b = 0."""
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    check(solution, reference, X, np.array([1.0, -1.0]), lr=0.1, epochs=0)


def test_approaches_least_squares(solution, reference):
    """On well-conditioned data, enough epochs reach the least-squares solution (np.linalg.lstsq)."""
    rng = np.random.default_rng(10)
    X = rng.normal(size=(200, 3))
    y = X @ np.array([1.5, -2.0, 0.5]) + 4.0 + rng.normal(0, 0.3, size=200)
    w, b = check(solution, reference, X, y, lr=0.3, epochs=800)
    ls_w, ls_b = least_squares(X, y)
    assert_close(w, ls_w, rtol=0, atol=LS_ATOL, what="w (compared with the least-squares solution)")
    assert_close(b, ls_b, rtol=0, atol=LS_ATOL, what="b (compared with the least-squares intercept)", scalar=True)


def test_learns_the_intercept(solution, reference):
    """Data y = 2x + 10: the intercept must be learned too, not forced to 0."""
    X = np.linspace(-1, 1, 21)[:, None]
    y = 2.0 * X[:, 0] + 10.0
    w, b = check(solution, reference, X, y, lr=0.5, epochs=300)
    assert_close(b, 10.0, rtol=0, atol=LS_ATOL, what="b (the true intercept is 10)", scalar=True)


def test_single_sample(solution, reference):
    """n = 1: the mean over one sample."""
    check(solution, reference, np.array([[2.0, -1.0]]), np.array([3.0]), lr=0.05, epochs=10)


def test_more_features_than_samples(solution, reference):
    """d > n is fine for gradient descent: compare the trajectory."""
    rng = np.random.default_rng(4)
    X = rng.normal(size=(4, 6))
    y = rng.normal(size=4)
    check(solution, reference, X, y, lr=float(safe_lr(X, 0.5)), epochs=25)


def test_integer_inputs(solution, reference):
    """Integer X and y are treated as floats (no integer truncation)."""
    X = np.array([[1, 0], [0, 1], [1, 1], [2, 1]])
    y = np.array([1, 2, 4, 5])
    check(solution, reference, X, y, lr=0.1, epochs=50)


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], lr=0.1, epochs=30)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(8)
    X = rng.normal(size=(10, 2))
    check(solution, reference, X, rng.normal(size=10), lr=0.1, epochs=20)


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2000, 10))
    y = X @ rng.normal(size=10) + rng.normal(size=2000)
    return {"function": "linreg_gd", "args": (X, y), "kwargs": {"lr": 0.1, "epochs": 100}}
