"""Hidden tests for `linreg_sgd`.

SGD depends on the shuffle, so apart from the deterministic cases (batch_size >= n, identical
rows, n = 1) the suite checks properties, never one particular shuffle; any valid use of a seeded
NumPy generator passes:
- batch_size >= n equals batch gradient descent (RTOL = 1e-6, ATOL = 1e-9 vs the reference);
- after one epoch the result is what *some* shuffle gives (ORDER_TOL = 1e-7, all n! orders are tried);
- a fresh shuffle every epoch (over SEEDS_ORDER = 30 seeds, at least one run must change the order);
- the same seed reproduces the result exactly (REPRO_ATOL = 1e-12), different seeds differ;
- noise-free data are fitted exactly (EXACT_ATOL = 1e-6), noisy well-conditioned data end within
  LS_ATOL = 0.1 of the least-squares solution (the SGD noise is ~0.03 at the step sizes used).
"""

import itertools

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-6, 1e-9
ORDER_TOL = 1e-7
SEEDS_ORDER = 30
REPRO_ATOL = 1e-12
EXACT_ATOL = 1e-6
LS_ATOL = 0.1


def unpack(got):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (w, b), got {short_repr(got)}.", got=got)
    w, b = got
    return np.asarray(w, dtype=float), float(np.asarray(b, dtype=float).reshape(-1)[0])


def fit(solution, X, y, lr, epochs, batch_size, seed=None):
    got = call(solution.linreg_sgd, X, y, lr=lr, epochs=epochs, batch_size=batch_size, seed=seed)
    w, b = unpack(got)
    if w.shape != (np.shape(X)[1],):
        fail(f"expected w of shape ({np.shape(X)[1]},), got shape {w.shape}.", got=got)
    return w, b


def check_against_reference(solution, reference, X, y, lr, epochs, batch_size, seed=0, note=""):
    ew, eb = reference.linreg_sgd(np.copy(X), np.copy(y), lr, epochs, batch_size, seed=seed)
    w, b = fit(solution, X, y, lr, epochs, batch_size, seed)
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what=f"w{note}")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what=f"b{note}", scalar=True)


def run_in_order(X, y, lr, batch_size, orders):
    """Mini-batch SGD visiting the samples in the given explicit order(s), one order per epoch."""
    w, b = np.zeros(X.shape[1]), 0.0
    for order in orders:
        for start in range(0, len(X), batch_size):
            idx = np.asarray(order[start:start + batch_size])
            r = X[idx] @ w + b - y[idx]
            w, b = w - lr * X[idx].T @ r / len(idx), b - lr * r.mean()
    return np.r_[w, b]


def matching_order(result, outcomes):
    """Index of the outcome equal to result (None if there is none)."""
    for i, out in enumerate(outcomes):
        if np.allclose(result, out, rtol=ORDER_TOL, atol=ORDER_TOL):
            return i
    return None


def least_squares(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    return coef[:-1], coef[-1]


def noisy_data(seed, n=100):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    y = X @ np.array([1.5, -2.0, 0.5]) + 4.0 + rng.normal(0, 0.3, size=n)
    return X, y


def test_worked_example(solution, reference):
    """The example from the task: batch_size = n = 3, one epoch gives w = [0.9333], b = 0.4."""
    check_against_reference(solution, reference, np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]),
                            lr=0.1, epochs=1, batch_size=3)


@pytest.mark.parametrize("seed,n,d,extra", [(0, 12, 2, 0), (1, 30, 4, 0), (2, 7, 1, 5)])
def test_full_batch_is_batch_gradient_descent(solution, reference, seed, n, d, extra):
    """batch_size >= n: one full-batch step per epoch, the same result as batch gradient descent."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + 2.0 + rng.normal(0, 0.2, size=n)
    check_against_reference(solution, reference, X, y, lr=0.1, epochs=25, batch_size=n + extra, seed=seed,
                            note=f" (batch_size={n + extra} >= n={n}, so this must equal batch gradient descent)")


@pytest.mark.parametrize("n,batch_size", [(10, 3), (10, 5), (9, 4), (5, 1), (6, 6)])
def test_one_step_per_batch_including_the_last_smaller_one(solution, reference, n, batch_size):
    """Identical rows make the order irrelevant: ceil(n / batch_size) steps per epoch, each a batch mean."""
    X = np.tile([[1.0, -0.5]], (n, 1))
    y = np.full(n, 2.0)
    steps = -(-n // batch_size)
    check_against_reference(solution, reference, X, y, lr=0.05, epochs=3, batch_size=batch_size,
                            note=f" (all rows are identical, so only the number of steps matters: {steps} per epoch "
                                 f"for n={n}, batch_size={batch_size})")


@pytest.mark.parametrize("n,batch_size", [(3, 2), (4, 3), (4, 1), (5, 2)])
def test_one_epoch_visits_every_sample_once(solution, reference, n, batch_size):
    """After one epoch the result is what some shuffle of the n samples gives (every sample once)."""
    rng = np.random.default_rng(50 + n + batch_size)
    X = rng.normal(size=(n, 2))
    y = rng.normal(size=n) * 3
    outcomes = [run_in_order(X, y, 0.3, batch_size, [perm]) for perm in itertools.permutations(range(n))]
    for seed in range(6):
        w, b = fit(solution, X, y, 0.3, 1, batch_size, seed)
        if matching_order(np.r_[w, b], outcomes) is None:
            fail(f"with seed={seed} the result (w={short_repr(w)}, b={b:.6g}) is not what any order of the {n} "
                 f"samples gives after one epoch. An epoch must visit every sample exactly once, in batches of "
                 f"{batch_size} (the last one smaller), each step using the mean gradient of its batch.")


def test_reshuffles_every_epoch(solution, reference):
    """Over many seeds, some runs must visit the samples in a different order in epoch 2 than in epoch 1."""
    X = np.array([[1.0], [2.0]])
    y = np.array([1.0, -1.0])
    orders = [(a, b) for a in [(0, 1), (1, 0)] for b in [(0, 1), (1, 0)]]
    outcomes = [run_in_order(X, y, 0.3, 1, pair) for pair in orders]
    changed = 0
    for seed in range(SEEDS_ORDER):
        w, b = fit(solution, X, y, 0.3, 2, 1, seed)
        k = matching_order(np.r_[w, b], outcomes)
        if k is None:
            fail(f"with seed={seed}, two epochs of batch_size=1 on 2 samples gave (w={short_repr(w)}, b={b:.6g}), "
                 "which no pair of shuffles produces: each epoch must visit both samples once.")
        changed += orders[k][0] != orders[k][1]
    if changed == 0:
        fail(f"over seeds 0..{SEEDS_ORDER - 1}, every run visited the samples in the same order in both epochs. "
             "Draw a new permutation at the start of every epoch, not once before training.")


def test_same_seed_same_result(solution, reference):
    """Two calls with the same seed give identical parameters."""
    X, y = noisy_data(1, n=30)
    w1, b1 = fit(solution, X, y, 0.02, 3, 4, 123)
    w2, b2 = fit(solution, X, y, 0.02, 3, 4, 123)
    assert_close(w2, w1, rtol=0, atol=REPRO_ATOL, what="w on a second call with the same seed=123")
    assert_close(b2, b1, rtol=0, atol=REPRO_ATOL, what="b on a second call with the same seed=123", scalar=True)


def test_different_seeds_give_different_shuffles(solution, reference):
    """seed=1 and seed=2 shuffle differently, so small-batch results differ."""
    X, y = noisy_data(2, n=30)
    w1, b1 = fit(solution, X, y, 0.05, 1, 1, 1)
    w2, b2 = fit(solution, X, y, 0.05, 1, 1, 2)
    if np.allclose(np.r_[w1, b1], np.r_[w2, b2], rtol=1e-12, atol=1e-12):
        fail("seed=1 and seed=2 gave exactly the same result with batch_size=1: the data are not shuffled "
             "(or the seed is not used to shuffle).", got=(w1, b1))


@pytest.mark.parametrize("batch_size,lr,epochs", [(1, 0.05, 40), (4, 0.1, 100), (7, 0.2, 60)])
def test_noise_free_data_are_fitted_exactly(solution, reference, batch_size, lr, epochs):
    """y = Xw + b exactly: every batch gradient vanishes at the truth, so SGD converges to it."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(20, 3))
    y = X @ np.array([1.0, -0.5, 2.0]) - 1.0
    w, b = fit(solution, X, y, lr, epochs, batch_size, 0)
    assert_close(w, [1.0, -0.5, 2.0], rtol=0, atol=EXACT_ATOL, what="w (the data are exactly y = Xw - 1)")
    assert_close(b, -1.0, rtol=0, atol=EXACT_ATOL, what="b (the data are exactly y = Xw - 1)", scalar=True)


@pytest.mark.parametrize("batch_size,lr,epochs,seed,n", [(1, 0.02, 15, 0, 60), (8, 0.05, 40, 1, 100),
                                                         (25, 0.1, 60, 2, 100)])
def test_close_to_least_squares(solution, reference, batch_size, lr, epochs, seed, n):
    """Noisy, well-conditioned data: small-batch SGD ends close to the least-squares solution."""
    X, y = noisy_data(10 + seed, n)
    w, b = fit(solution, X, y, lr, epochs, batch_size, seed)
    ls_w, ls_b = least_squares(X, y)
    assert_close(w, ls_w, rtol=0, atol=LS_ATOL, what="w (compared with the least-squares solution)")
    assert_close(b, ls_b, rtol=0, atol=LS_ATOL, what="b (compared with the least-squares intercept)", scalar=True)


def test_seed_none_works(solution, reference):
    """seed=None (the default) is allowed and still converges."""
    X, y = noisy_data(5)
    got = call(solution.linreg_sgd, X, y, 0.05, 40, 8)
    w, b = unpack(got)
    ls_w, ls_b = least_squares(X, y)
    assert_close(w, ls_w, rtol=0, atol=LS_ATOL, what="w (compared with the least-squares solution)")
    assert_close(b, ls_b, rtol=0, atol=LS_ATOL, what="b (compared with the least-squares intercept)", scalar=True)


def test_zero_epochs_returns_the_start(solution, reference):
    """epochs = 0: w = zeros(d), b = 0."""
    check_against_reference(solution, reference, np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, -1.0]),
                            lr=0.1, epochs=0, batch_size=1)


def test_single_sample(solution, reference):
    """n = 1 with batch_size = 1: deterministic, one step per epoch."""
    check_against_reference(solution, reference, np.array([[2.0, -1.0]]), np.array([3.0]), lr=0.05, epochs=10,
                            batch_size=1)


def test_integer_inputs(solution, reference):
    """Integer X and y are treated as floats (full batch, so the result is deterministic)."""
    X = np.array([[1, 0], [0, 1], [1, 1], [2, 1]])
    check_against_reference(solution, reference, X, np.array([1, 2, 4, 5]), lr=0.1, epochs=30, batch_size=4)


def test_inputs_not_modified(solution, reference):
    """Shuffling must not reorder the caller's X and y (checked by the grader on every call)."""
    X, y = noisy_data(7, n=12)
    fit(solution, X, y, 0.05, 2, 3, 0)


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20000, 3))
    y = X @ rng.normal(size=3) + rng.normal(size=20000)
    return {"function": "linreg_sgd", "args": (X, y), "kwargs": {"lr": 0.01, "epochs": 1, "batch_size": 1000, "seed": 0}}
