"""The from-scratch drill references agree with scikit-learn on random inputs inside their contracts
(test-only: the drills themselves never import these libraries).

- linreg-normal-equation vs sklearn.linear_model.LinearRegression (fit_intercept True and False;
  full-rank designs, and rank-deficient ones — duplicated / dependent columns, d > n — where both
  return the minimum-norm coefficients of the centred problem).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




def design(rng, n, d):
    return rng.normal(rng.normal(0, 5, d), rng.uniform(0.2, 4, d), size=(n, d))


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_ols_matches_sklearn_linear_regression(seed):
    linear_model = pytest.importorskip("sklearn.linear_model")
    ref = load("linreg-normal-equation")
    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(5, 200)), int(rng.integers(1, 8))
    n = max(n, d + 2)
    X = design(rng, n, d)
    y = X @ rng.normal(size=d) + rng.normal(0, 10) + rng.normal(0, rng.uniform(0.01, 3), n)
    for fit_intercept in (True, False):
        model = linear_model.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
        coef, intercept = ref.fit_ols(X, y, fit_intercept=fit_intercept)
        np.testing.assert_allclose(coef, model.coef_, rtol=1e-7, atol=1e-9)
        np.testing.assert_allclose(intercept, model.intercept_, rtol=1e-7, atol=1e-9)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_ols_minimum_norm_matches_sklearn_on_rank_deficient_designs(seed):
    linear_model = pytest.importorskip("sklearn.linear_model")
    ref = load("linreg-normal-equation")
    rng = np.random.default_rng(500 + seed)
    kind = seed % 3
    if kind == 0:  # a duplicated column
        X = design(rng, int(rng.integers(6, 60)), int(rng.integers(1, 5)))
        X = np.column_stack([X, X[:, int(rng.integers(X.shape[1]))]])
    elif kind == 1:  # a column that is a linear combination of two others
        X = design(rng, int(rng.integers(6, 60)), int(rng.integers(2, 5)))
        X = np.column_stack([X, X[:, 0] * 2.0 - X[:, 1]])
    else:  # more features than samples
        d = int(rng.integers(4, 12))
        X = design(rng, int(rng.integers(2, d)), d)
    y = X @ rng.normal(size=X.shape[1]) + rng.normal(0, 5) + rng.normal(0, 0.5, len(X))
    for fit_intercept in (True, False):
        model = linear_model.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
        coef, intercept = ref.fit_ols(X, y, fit_intercept=fit_intercept)
        np.testing.assert_allclose(coef, model.coef_, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(intercept, model.intercept_, rtol=1e-6, atol=1e-8)
