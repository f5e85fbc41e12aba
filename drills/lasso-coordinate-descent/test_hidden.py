"""Hidden tests for `lasso_cd`.

Cyclic coordinate descent is deterministic, so after a given number of sweeps w is compared with
the reference: RTOL = 1e-7, ATOL = 1e-10. Converged solutions are also checked directly:
- the KKT optimality conditions, with g = Xᵀ(y − Xw)/n: g_j = lam·sign(w_j) where w_j ≠ 0 and
  |g_j| <= lam where w_j = 0, within KKT_TOL = 1e-6;
- the objective is no larger than the reference's (+ OBJ_TOL = 1e-9);
- coefficients the reference sets to zero must be exactly 0.0 (soft-thresholding gives exact zeros).
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, assert_equal, as_array, call, fail

RTOL, ATOL = 1e-7, 1e-10
KKT_TOL = 1e-6
OBJ_TOL = 1e-9


def objective(X, y, w, lam):
    return float(np.sum((y - X @ w) ** 2) / (2 * len(y)) + lam * np.abs(w).sum())


def run(solution, X, y, lam, n_iters=None):
    kwargs = {} if n_iters is None else {"n_iters": n_iters}
    got = call(solution.lasso_cd, X, y, lam, **kwargs)
    w = as_array(got).astype(float)
    if w.shape != (np.shape(X)[1],):
        fail(f"expected w of shape ({np.shape(X)[1]},), got shape {w.shape}.", got=got)
    return w


def check(solution, reference, X, y, lam, n_iters=100, note=""):
    expected = reference.lasso_cd(np.copy(X), np.copy(y), lam, n_iters=n_iters)
    w = run(solution, X, y, lam, n_iters)
    assert_close(w, expected, rtol=RTOL, atol=ATOL, what=f"w{note}")
    return w


def check_kkt(w, X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    g = X.T @ (y - X @ w) / len(y)
    for j in range(len(w)):
        if w[j] != 0 and abs(g[j] - lam * np.sign(w[j])) > KKT_TOL:
            fail(f"w is not optimal: w[{j}] = {w[j]:.6g} is non-zero, so the optimality (KKT) condition requires "
                 f"X[:, {j}]ᵀ(y − Xw)/n = lam·sign(w[{j}]) = {lam * np.sign(w[j]):.6g}, but it is {g[j]:.6g}.",
                 got=w)
        if w[j] == 0 and abs(g[j]) > lam + KKT_TOL:
            fail(f"w is not optimal: w[{j}] = 0, but |X[:, {j}]ᵀ(y − Xw)/n| = {abs(g[j]):.6g} > lam = {lam:.6g}, "
                 f"so moving w[{j}] away from 0 would lower the objective.", got=w)


def correlated_problem(seed, n=60, d=8, rho=0.5, noise=0.5):
    rng = np.random.default_rng(seed)
    L = np.linalg.cholesky(rho * np.ones((d, d)) + (1 - rho) * np.eye(d))
    X = rng.normal(size=(n, d)) @ L.T
    w_true = np.zeros(d)
    w_true[: d // 2] = rng.choice([-1, 1], size=d // 2) * rng.uniform(0.5, 3, size=d // 2)
    y = X @ w_true + rng.normal(0, noise, size=n)
    return X, y


def lam_max(X, y):
    """The smallest lam for which w = 0 is optimal."""
    return float(np.abs(X.T @ y).max() / len(y))


def test_worked_example(solution, reference):
    """The example from the task: lasso_cd(X, y, 0.5) = [2, 0] (an exact zero)."""
    X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    y = np.array([3.0, 1.0, -3.0, -1.0])
    w = check(solution, reference, X, y, 0.5)
    assert_equal(w == 0, [False, True], what="the zero pattern (w == 0)")


@pytest.mark.parametrize("n_iters", [1, 2, 5])
def test_first_sweeps_match_cyclic_order(solution, reference, n_iters):
    """After 1, 2 and 5 sweeps w equals the reference: coordinates in order, each using the latest others."""
    X, y = correlated_problem(1, n=30, d=5, rho=0.7)
    X[:, 3] = np.where(X[:, 3] > 0, 1.0, -1.0)  # a ±1 column: ||X_3||²/n is exactly 1
    check(solution, reference, X, y, 0.1, n_iters=n_iters, note=f" after {n_iters} sweep(s)")


@pytest.mark.parametrize("seed,frac", [(0, 0.01), (1, 0.1), (2, 0.3), (3, 0.6)])
def test_converged_solution_is_optimal(solution, reference, seed, frac):
    """With enough sweeps the KKT conditions hold, the objective matches and zeros are exact."""
    X, y = correlated_problem(seed)
    lam = frac * lam_max(X, y)
    expected = reference.lasso_cd(X.copy(), y.copy(), lam, n_iters=300)
    w = run(solution, X, y, lam, 300)
    check_kkt(w, X, y, lam)
    got_obj, ref_obj = objective(X, y, w, lam), objective(X, y, expected, lam)
    if got_obj > ref_obj + OBJ_TOL:
        fail(f"the objective (1/2n)||y − Xw||² + lam·||w||₁ is {got_obj:.10g}, but the optimum is {ref_obj:.10g}.",
             got=w, expected=expected)
    assert_equal(w == 0, expected == 0, what="the zero pattern (w == 0; soft-thresholding gives exact zeros)")
    assert_close(w, expected, rtol=1e-6, atol=1e-8, what="w")


@pytest.mark.parametrize("factor", [1.0, 5.0])
def test_large_lambda_gives_exact_zeros(solution, reference, factor):
    """lam >= max|Xᵀy|/n: w = 0 is optimal and every coefficient must be exactly 0.0."""
    X, y = correlated_problem(4)
    lam = factor * lam_max(X, y)
    w = run(solution, X, y, lam, 50)
    assert_equal(w, np.zeros(X.shape[1]), what="w (every coefficient must be exactly 0.0)")


def test_lambda_zero_is_least_squares(solution, reference):
    """lam = 0 converges to the least-squares solution (no intercept)."""
    X, y = correlated_problem(5, n=80, d=4, rho=0.3)
    w = check(solution, reference, X, y, 0.0, n_iters=200)
    assert_close(w, np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-6, atol=1e-8,
                 what="w (with lam = 0, compared with np.linalg.lstsq)")


def test_negative_coefficients(solution, reference):
    """Features negatively correlated with y get negative weights (the sign of rho is kept)."""
    rng = np.random.default_rng(6)
    X = rng.normal(size=(50, 3))
    y = X @ np.array([-2.0, 0.1, 1.0]) + rng.normal(0, 0.2, size=50)
    check(solution, reference, X, y, 0.3)


def test_all_zero_feature(solution, reference):
    """An all-zero column gets weight exactly 0 (no division by zero, no NaN)."""
    X, y = correlated_problem(7, n=40, d=4)
    X[:, 2] = 0.0
    w = check(solution, reference, X, y, 0.05)
    assert_equal(w[2], 0.0, what="w[2] (column 2 is all zeros)")


def test_single_feature(solution, reference):
    """d = 1: one soft-thresholding step gives the exact answer."""
    X = np.array([[1.0], [2.0], [-1.0], [0.5]])
    y = np.array([2.0, 3.0, -1.0, 1.0])
    check(solution, reference, X, y, 0.4, n_iters=3)


def test_default_n_iters(solution, reference):
    """Called without n_iters: the default n_iters = 100."""
    X, y = correlated_problem(8, n=25, d=6, rho=0.9)
    expected = reference.lasso_cd(X.copy(), y.copy(), 0.05)
    w = run(solution, X, y, 0.05)
    assert_close(w, expected, rtol=RTOL, atol=ATOL, what="w")


def test_integer_inputs(solution, reference):
    """Integer X and y are treated as floats."""
    X = np.array([[1, 2, 0], [2, 0, 1], [0, 1, 3], [3, 1, 1], [1, 1, 1]])
    check(solution, reference, X, np.array([4, 3, 2, 7, 3]), 0.2)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched: keep the residual in a copy (checked on every call)."""
    X, y = correlated_problem(9, n=20, d=3)
    check(solution, reference, X, y, 0.1, n_iters=10)


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(1000, 50))
    y = X @ rng.normal(size=50) + rng.normal(size=1000)
    return {"function": "lasso_cd", "args": (X, y, 0.01), "kwargs": {"n_iters": 20}}
