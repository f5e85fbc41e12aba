"""Hidden tests for `fit_ols`.

The answer is unique (full rank, or the minimum-norm rule of the centred problem on rank-deficient
data), so (coef, intercept) are compared with the reference: RTOL = 1e-6, ATOL = 1e-8 (QR, SVD,
lstsq and pinv differ only by rounding). On the ill-conditioned data (nearly collinear columns,
cond(Xc) about 2e6, y exactly linear in X) the coefficients must also be within ILL_ATOL = 1e-7 of
the true ones: stable methods are off by ~1e-10, inv(XᵀX) by ~1e-3.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-6, 1e-8
ILL_ATOL = 1e-7


def unpack(got, d):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (coef, intercept), got {short_repr(got)}.", got=got)
    coef = np.asarray(got[0], dtype=float)
    if coef.shape != (d,):
        fail(f"coef has shape {coef.shape}; expected ({d},), one coefficient per column of X.", got=got)
    if np.ndim(got[1]) != 0 and np.size(got[1]) != 1:
        fail(f"the intercept must be a single number, got shape {np.shape(got[1])}.", got=got)
    return coef, float(np.asarray(got[1], dtype=float).reshape(-1)[0])


def check(solution, reference, X, y, note="", **kwargs):
    ec, eb = reference.fit_ols(np.copy(X), np.copy(y), **kwargs)
    coef, b = unpack(call(solution.fit_ols, X, y, **kwargs), np.shape(X)[1])
    assert_close(coef, ec, rtol=RTOL, atol=ATOL, what=f"coef{note}")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what=f"the intercept{note}", scalar=True)
    return coef, b


def random_problem(seed, n, d, intercept=3.0, noise=0.5):
    rng = np.random.default_rng(seed)
    X = rng.normal(rng.normal(0, 3, size=d), rng.uniform(0.5, 3, size=d), size=(n, d))
    y = X @ rng.normal(size=d) + intercept + rng.normal(0, noise, size=n)
    return X, y


def ill_conditioned(seed, gap):
    """x2 = x1 + gap * noise: nearly collinear columns with non-zero means; y exactly linear."""
    rng = np.random.default_rng(seed)
    n = 60
    x1 = rng.normal(size=n)
    X = np.column_stack([x1, x1 + gap * rng.normal(size=n), rng.normal(size=n)]) + np.array([2.0, -1.0, 0.5])
    w = np.array([1.0, 2.0, -1.0])
    return X, X @ w + 3.0, w


def test_worked_example(solution, reference):
    """The example from the task: y = 2·x1 + x2 + 1 exactly, with and without an intercept."""
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]])
    y = np.array([2.0, 3.0, 7.0, 8.0])
    coef, b = check(solution, reference, X, y)
    assert_close(coef, [2.0, 1.0], rtol=0, atol=1e-9, what="coef (y = 2·x1 + x2 + 1)")
    assert_close(b, 1.0, rtol=0, atol=1e-9, what="the intercept (y = 2·x1 + x2 + 1)", scalar=True)
    check(solution, reference, X, y, note=" (fit_intercept=False)", fit_intercept=False)


def test_recovers_an_exact_linear_model(solution, reference):
    """Noise-free data: the true coefficients and intercept (-7.5) come back."""
    X, _ = random_problem(1, 40, 4)
    w = np.array([0.5, -2.0, 3.0, 1.25])
    coef, b = check(solution, reference, X, X @ w - 7.5)
    assert_close(coef, w, rtol=0, atol=1e-9, what="coef (the data are exactly linear)")
    assert_close(b, -7.5, rtol=0, atol=1e-9, what="the intercept (the data are exactly linear)", scalar=True)


@pytest.mark.parametrize("seed,n,d", [(2, 50, 3), (3, 12, 1), (4, 200, 6), (5, 9, 8)])
def test_random_problems(solution, reference, seed, n, d):
    """Seeded noisy data of several shapes (including d close to n)."""
    X, y = random_problem(seed, n, d)
    check(solution, reference, X, y)


def test_residuals_are_orthogonal(solution, reference):
    """At the optimum the residuals sum to 0 and are orthogonal to every column (first-order conditions)."""
    X, y = random_problem(6, 80, 3, intercept=20.0)
    coef, b = check(solution, reference, X, y)
    r = y - X @ coef - b
    scale = np.abs(X).max() * np.abs(y).max() * len(y)
    if abs(r.sum()) > 1e-9 * scale or np.abs(X.T @ r).max() > 1e-9 * scale:
        fail(f"the residuals are not orthogonal to the data: sum(r) = {r.sum():.3g}, Xᵀr = {short_repr(X.T @ r)} "
             "(both must be 0 at the least-squares optimum).")


def test_intercept_with_offset_features(solution, reference):
    """Features with means far from 0 (around 50) and a true intercept of 10: the intercept needs
    both X and y centred (or a column of ones), not only y."""
    rng = np.random.default_rng(7)
    X = rng.normal(50.0, 2.0, size=(30, 2))
    y = X @ np.array([1.5, -0.5]) + 10.0 + rng.normal(0, 0.1, size=30)
    check(solution, reference, X, y)


def test_without_intercept(solution, reference):
    """fit_intercept=False: the plane goes through the origin and the intercept is 0.0."""
    X, y = random_problem(8, 35, 3, intercept=4.0)
    coef, b = check(solution, reference, X, y, note=" (fit_intercept=False)", fit_intercept=False)
    if b != 0.0:
        fail(f"with fit_intercept=False the intercept must be 0.0, got {b!r}.", got=b)


@pytest.mark.parametrize("seed,gap", [(9, 1e-6), (10, 1e-7)])
def test_ill_conditioned_nearly_collinear(solution, reference, seed, gap):
    """x2 = x1 + tiny noise (cond(Xc) ≈ 1e6-1e7): an orthogonal factorisation keeps ~9 digits,
    inv(XᵀX) or solve(XᵀX, Xᵀy) (cond²) loses nearly all of them."""
    X, y, w = ill_conditioned(seed, gap)
    coef, b = check(solution, reference, X, y, note=" (nearly collinear columns)")
    assert_close(coef, w, rtol=0, atol=ILL_ATOL, what="coef (y is exactly 1·x1 + 2·x2 − 1·x3 + 3; do not form XᵀX, "
                 "it squares the condition number)")
    assert_close(b, 3.0, rtol=0, atol=ILL_ATOL, what="the intercept (exactly 3)", scalar=True)


def test_duplicated_column_minimum_norm(solution, reference):
    """Columns 0 and 2 identical: XᵀX is singular; the minimum-norm solution splits the weight equally."""
    X, y = random_problem(11, 20, 2)
    X = np.column_stack([X[:, 0], X[:, 1], X[:, 0]])
    coef, _ = check(solution, reference, X, y, note=" (columns 0 and 2 are identical: return the minimum-norm "
                                                     "solution)")
    assert_close(coef[0], coef[2], rtol=1e-9, atol=1e-12, what="coef[0] (identical columns 0 and 2 share the weight "
                 "equally in the minimum-norm solution)", scalar=True)


def test_linearly_dependent_columns_minimum_norm(solution, reference):
    """x3 = x1 + x2 (XᵀX singular up to rounding): the minimum-norm least-squares solution."""
    X, y = random_problem(12, 25, 2)
    X = np.column_stack([X, X[:, 0] + X[:, 1]])
    check(solution, reference, X, y, note=" (column 2 = column 0 + column 1: return the minimum-norm solution)")


def test_constant_column_gets_zero_weight(solution, reference):
    """A constant column is 0 after centring: coefficient 0, the intercept absorbs it (the intercept is not
    part of the minimum norm)."""
    X, y = random_problem(13, 30, 2)
    X = np.column_stack([X[:, 0], np.full(30, 4.0), X[:, 1]])
    coef, _ = check(solution, reference, X, y, note=" (column 1 is constant)")
    assert_close(coef[1], 0.0, rtol=0, atol=ATOL, what="coef[1] (column 1 is constant)", scalar=True)


def test_more_features_than_samples(solution, reference):
    """d > n: infinitely many exact fits; the minimum-norm one, with and without an intercept."""
    X, y = random_problem(14, 5, 8)
    check(solution, reference, X, y, note=" (d > n: minimum-norm solution)")
    check(solution, reference, X, y, note=" (d > n, fit_intercept=False)", fit_intercept=False)


def test_rank_deficient_without_intercept(solution, reference):
    """fit_intercept=False with a duplicated column: the minimum-norm solution on the raw X."""
    X, y = random_problem(15, 20, 2, intercept=0.0)
    X = np.column_stack([X, X[:, 1]])
    check(solution, reference, X, y, note=" (fit_intercept=False, columns 1 and 2 identical)", fit_intercept=False)


def test_single_sample(solution, reference):
    """n = 1 with an intercept: the centred data are 0, so coef = 0 and intercept = y[0]."""
    check(solution, reference, np.array([[2.0, -1.0, 3.0]]), np.array([5.0]))


def test_large_offset_features(solution, reference):
    """Features near 1e6 with a spread of about 1: centring (or an orthogonal factorisation) keeps the digits."""
    rng = np.random.default_rng(16)
    X = rng.normal(size=(50, 2)) + 1e6
    y = (X - 1e6) @ np.array([2.0, -3.0]) + 1.0 + rng.normal(0, 0.01, size=50)
    check(solution, reference, X, y)


def test_integer_and_list_input(solution, reference):
    """Python lists of integers are treated as floats."""
    X = [[1, 0], [2, 1], [3, 5], [4, 2], [0, 3]]
    y = [3, 5, 12, 9, 4]
    check(solution, reference, X, y)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked by the grader on every call)."""
    X, y = random_problem(17, 15, 3)
    check(solution, reference, X, y)
    check(solution, reference, X, y, fit_intercept=False)


def speed_case():
    # The loop centres one sample at a time (5,000 Python steps, about 20 ms); the reference's lstsq
    # on the (5000, 3) design takes about half a millisecond (the loop is about 40x slower here).
    X, y = random_problem(0, 5_000, 3)
    return {"function": "fit_ols", "args": (X, y), "kwargs": {}}
