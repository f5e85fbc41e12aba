"""Hidden tests for `perceptron_fit`.

The online perceptron is deterministic (samples in their given order, no shuffling), so (w, b) are
compared with the reference after the same epochs: RTOL = 1e-9, ATOL = 1e-12 (most cases use small
integers or halves, where the arithmetic is exact). On linearly separable data, the returned
(w, b) must also classify every training point correctly: y_i (w·x_i + b) > 0.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-9, 1e-12


def unpack(got):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (w, b), got {short_repr(got)}.", got=got)
    w, b = got
    return np.asarray(w, dtype=float), np.asarray(b, dtype=float)


def check(solution, reference, X, y, **kwargs):
    ew, eb = reference.perceptron_fit(np.copy(X), np.copy(y), **kwargs)
    w, b = unpack(call(solution.perceptron_fit, X, y, **kwargs))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what="w")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what="b", scalar=True)
    return w, float(b.reshape(-1)[0])


def separable(seed, n=40, d=2, margin=0.5, integer=True):
    """Points with |w*·x + b*| >= margin, labelled by the sign of w*·x + b*."""
    rng = np.random.default_rng(seed)
    w_true, b_true = rng.normal(size=d), rng.normal()
    X = []
    while len(X) < n:
        x = rng.integers(-6, 7, size=d).astype(float) if integer else rng.normal(0, 3, size=d)
        if abs(x @ w_true + b_true) >= margin:
            X.append(x)
    X = np.array(X)
    return X, np.where(X @ w_true + b_true > 0, 1, -1)


def test_worked_example(solution, reference):
    """The example from the task: one epoch gives w = [0.5, -1], b = 2."""
    X = np.array([[1.0, 1.0], [-1.0, -1.0], [-0.5, -2.0]])
    check(solution, reference, X, np.array([1, -1, 1]), epochs=1)


def test_worked_example_two_epochs(solution, reference):
    """The example from the task: two epochs give w = [1.5, 0], b = 1."""
    X = np.array([[1.0, 1.0], [-1.0, -1.0], [-0.5, -2.0]])
    check(solution, reference, X, np.array([1, -1, 1]), epochs=2)


def test_zero_activation_counts_as_a_mistake(solution, reference):
    """A point with w·x + b = 0 exactly is updated (y·(w·x + b) <= 0), including the very first one."""
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0]])  # the third point lies on the boundary after two steps
    check(solution, reference, X, np.array([1, -1, -1]), epochs=1)


def test_default_arguments(solution, reference):
    """Called with X and y only: epochs = 10, lr = 1.0."""
    X, y = separable(1, n=30)
    ew, eb = reference.perceptron_fit(X.copy(), y.copy())
    w, b = unpack(call(solution.perceptron_fit, X, y))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what="w")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what="b", scalar=True)


@pytest.mark.parametrize("seed,n,d,epochs", [(2, 20, 2, 1), (3, 50, 3, 3), (4, 15, 5, 10), (5, 80, 2, 25)])
def test_random_trajectories(solution, reference, seed, n, d, epochs):
    """Seeded random (not necessarily separable) data: the same (w, b) as the reference."""
    rng = np.random.default_rng(seed)
    X = rng.integers(-5, 6, size=(n, d)).astype(float)
    y = rng.choice([-1, 1], size=n)
    y[0] = 1
    check(solution, reference, X, y, epochs=epochs)


@pytest.mark.parametrize("seed,d", [(6, 2), (7, 4)])
def test_separates_separable_data(solution, reference, seed, d):
    """Linearly separable data with a margin: after enough epochs every point is on its correct side."""
    X, y = separable(seed, n=60, d=d)
    w, b = check(solution, reference, X, y, epochs=100)
    margins = y * (X @ w + b)
    if np.any(margins <= 0):
        i = int(np.argmin(margins))
        fail(f"the data are linearly separable, but point {i} (x = {short_repr(X[i])}, y = {y[i]}) is still on the "
             f"wrong side: y·(w·x + b) = {margins[i]:.6g}.", got=(w, b))


def test_sample_order_is_kept(solution, reference):
    """No shuffling: reversing the order of the samples gives a different, specific result."""
    X, y = separable(8, n=12)
    check(solution, reference, X, y, epochs=2)
    check(solution, reference, X[::-1].copy(), y[::-1].copy(), epochs=2)


def test_learning_rate(solution, reference):
    """lr scales every update (lr = 0.5 and lr = 3)."""
    X, y = separable(9, n=25, integer=False)
    check(solution, reference, X, y, epochs=5, lr=0.5)
    check(solution, reference, X, y, epochs=5, lr=3.0)


def test_non_separable_data_runs_exactly_epochs(solution, reference):
    """XOR-like data are not separable: training runs exactly `epochs` passes and stops."""
    X = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
    check(solution, reference, X, np.array([1, 1, -1, -1]), epochs=7)


def test_zero_epochs_returns_the_start(solution, reference):
    """epochs = 0: w = zeros(d), b = 0."""
    check(solution, reference, np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1, -1]), epochs=0)


def test_single_sample(solution, reference):
    """n = 1: one update in the first epoch, then none."""
    check(solution, reference, np.array([[2.0, -3.0, 1.0]]), np.array([-1]), epochs=4)


def test_float_labels_and_integer_features(solution, reference):
    """Labels given as floats -1.0/+1.0 and integer X work the same."""
    X, y = separable(10, n=20)
    check(solution, reference, X.astype(int), y.astype(float), epochs=5)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked by the grader on every call)."""
    X, y = separable(11, n=10)
    check(solution, reference, X, y, epochs=3)


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 2000))
    return {"function": "perceptron_fit", "args": (X, rng.choice([-1, 1], size=300)), "kwargs": {"epochs": 5}}
