"""Hidden tests for `ridge_fit`.

The solution is unique (lam > 0, or lam = 0 with the minimum-norm rule), so (w, b) are compared
with the reference: RTOL = 1e-6, ATOL = 1e-8 (different but exact linear-algebra routes — solve,
lstsq, Cholesky, SVD, the augmented system — differ only by rounding on these well-conditioned
data). Checks against np.linalg.lstsq use the same tolerances.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-6, 1e-8


def unpack(got):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (w, b), got {short_repr(got)}.", got=got)
    return got


def check(solution, reference, X, y, lam, note=""):
    ew, eb = reference.ridge_fit(np.copy(X), np.copy(y), lam)
    w, b = unpack(call(solution.ridge_fit, X, y, lam))
    assert_close(w, ew, rtol=RTOL, atol=ATOL, what=f"w{note}")
    assert_close(b, eb, rtol=RTOL, atol=ATOL, what=f"b{note}", scalar=True)
    return np.asarray(w, dtype=float), float(np.asarray(b, dtype=float).reshape(-1)[0])


def random_problem(seed, n, d, offset=3.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(rng.normal(0, 2, size=d), rng.uniform(0.5, 3, size=d), size=(n, d))
    y = X @ rng.normal(size=d) + offset + rng.normal(0, 0.5, size=n)
    return X, y


def test_worked_example(solution, reference):
    """The example from the task: y = 2x + 1, lam = 1 gives w = [5/3], b = 1.5."""
    check(solution, reference, np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([1.0, 3.0, 5.0, 7.0]), 1.0)


def test_lam_zero_is_least_squares(solution, reference):
    """lam = 0 on full-rank data equals ordinary least squares with an intercept."""
    X, y = random_problem(1, 30, 3)
    w, b = check(solution, reference, X, y, 0.0)
    coef = np.linalg.lstsq(np.hstack([X, np.ones((30, 1))]), y, rcond=None)[0]
    assert_close(w, coef[:-1], rtol=RTOL, atol=ATOL, what="w (compared with np.linalg.lstsq)")


@pytest.mark.parametrize("seed,n,d,lam", [(2, 50, 4, 0.5), (3, 20, 2, 10.0), (4, 100, 6, 1000.0),
                                          (5, 15, 5, 3.0), (6, 8, 1, 0.1)])
def test_random_problems(solution, reference, seed, n, d, lam):
    """Seeded random data of several shapes and penalties."""
    X, y = random_problem(seed, n, d)
    check(solution, reference, X, y, lam)


def test_intercept_is_not_penalized(solution, reference):
    """A huge lam shrinks w to ~0 but not b: b tends to mean(y) (here about 100)."""
    X, y = random_problem(7, 40, 3, offset=100.0)
    w, b = check(solution, reference, X, y, 1e6)
    assert_close(b, y.mean(), rtol=0, atol=0.5, what="b (with lam = 1e6 the intercept must stay near mean(y))",
                 scalar=True)


def test_centering_matters(solution, reference):
    """Features with large means: w must come from centered data, not raw X."""
    rng = np.random.default_rng(8)
    X = rng.normal(50.0, 1.0, size=(25, 2))
    y = X @ np.array([2.0, -1.0]) + 5.0 + rng.normal(0, 0.1, size=25)
    check(solution, reference, X, y, 2.0)


def test_more_features_than_samples(solution, reference):
    """d > n: XᵀX is singular, but XᵀX + lam·I is not (lam > 0)."""
    X, y = random_problem(9, 5, 8)
    check(solution, reference, X, y, 0.7)


def test_duplicated_column_with_penalty(solution, reference):
    """Two identical columns share their weight equally when lam > 0."""
    X, y = random_problem(10, 20, 2)
    X = np.column_stack([X[:, 0], X[:, 0], X[:, 1]])
    w, _ = check(solution, reference, X, y, 1.0)
    assert_close(w[0], w[1], rtol=RTOL, atol=ATOL, what="w[0] (identical columns 0 and 1 get the same weight)",
                 scalar=True)


def test_lam_zero_duplicated_column_minimum_norm(solution, reference):
    """lam = 0 with identical columns: XᵀX is singular; the minimum-norm solution is expected."""
    X, y = random_problem(11, 20, 2)
    X = np.column_stack([X[:, 0], X[:, 1], X[:, 0]])
    check(solution, reference, X, y, 0.0, note=" (lam = 0 and columns 0 and 2 are identical, so XᵀX is singular: "
                                                "return the minimum-norm least-squares solution)")


def test_lam_zero_linearly_dependent_columns(solution, reference):
    """lam = 0 with x3 = x1 + x2: the minimum-norm least-squares solution."""
    X, y = random_problem(12, 25, 2)
    X = np.column_stack([X, X[:, 0] + X[:, 1]])
    check(solution, reference, X, y, 0.0, note=" (lam = 0 and column 2 = column 0 + column 1: return the "
                                                "minimum-norm least-squares solution)")


def test_constant_column_gets_zero_weight(solution, reference):
    """A zero-variance feature carries no information: its weight is 0 (lam > 0)."""
    X, y = random_problem(13, 30, 2)
    X = np.column_stack([X[:, 0], np.full(30, 4.0), X[:, 1]])
    w, _ = check(solution, reference, X, y, 0.5)
    assert_close(w[1], 0.0, rtol=0, atol=ATOL, what="w[1] (column 1 is constant)", scalar=True)


def test_larger_lambda_shrinks_more(solution, reference):
    """||w|| decreases as lam grows (and matches the reference at each lam)."""
    X, y = random_problem(14, 30, 4)
    norms = [np.linalg.norm(check(solution, reference, X, y, lam)[0]) for lam in (0.0, 1.0, 10.0, 100.0)]
    if not all(a > c for a, c in zip(norms, norms[1:])):
        fail(f"||w|| for lam = 0, 1, 10, 100 is {np.round(norms, 4)}; it must decrease as lam grows.")


def test_single_sample(solution, reference):
    """n = 1: centered data are all zero, so w = 0 and b = y[0]."""
    check(solution, reference, np.array([[2.0, -1.0, 0.5]]), np.array([3.0]), 1.0)


def test_integer_inputs_and_lambda(solution, reference):
    """Integer X, y and lam are treated as floats."""
    X = np.array([[1, 2], [2, 0], [3, 5], [4, 1], [5, 3]])
    check(solution, reference, X, np.array([3, 1, 9, 4, 7]), 2)


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]], [1.0, 2.0, 6.0, 5.0], 0.5)


def test_inputs_not_modified(solution, reference):
    """Centering must not change the caller's X and y (checked by the grader on every call)."""
    X, y = random_problem(15, 12, 3)
    check(solution, reference, X, y, 1.0)

