"""The probabilistic-models drill references agree with scikit-learn / SciPy on random inputs inside
their contracts (test-only: the drills themselves never import these libraries).

- gaussian-naive-bayes vs sklearn.naive_bayes.GaussianNB (var_smoothing, biased variances, priors);
- multinomial-naive-bayes vs sklearn.naive_bayes.MultinomialNB (alpha, fit_prior=True);
- linear-svm-subgradient: scikit-learn has no full-batch subgradient trainer, so each step of the
  reference is checked against w ← w − lr·∇J(w, b) with ∇J from scipy.optimize.approx_fprime (finite
  differences of the objective; random data keep every margin away from the hinge point).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




def blobs(rng, n, d, C, offset=0.0):
    centers = rng.normal(0, 2, (C, d))
    y = rng.integers(0, C, n)
    y[:C] = np.arange(C)
    X = centers[y] + rng.uniform(0.3, 2.0, (C, d))[y] * rng.normal(size=(n, d)) + offset
    return X, y


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_gaussian_nb_matches_sklearn(seed):
    naive_bayes = pytest.importorskip("sklearn.naive_bayes")
    ref = load("gaussian-naive-bayes")
    rng = np.random.default_rng(seed)
    n, d, C = int(rng.integers(10, 200)), int(rng.integers(1, 30)), int(rng.integers(2, 6))
    X, y = blobs(rng, n, d, C, offset=float(rng.choice([0.0, 50.0])))
    labels_map = rng.choice(100, C, replace=False)
    y = labels_map[y]
    X_test = X[rng.integers(0, n, 40)] + rng.normal(0, 1.5, (40, d))
    vs = float(rng.choice([1e-9, 1e-3, 0.1]))
    model = naive_bayes.GaussianNB(var_smoothing=vs).fit(X, y)
    labels, logp = ref.gaussian_nb(X, y, X_test, var_smoothing=vs)
    np.testing.assert_allclose(logp, model.predict_log_proba(X_test), rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(labels, model.predict(X_test))


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_multinomial_nb_matches_sklearn(seed):
    naive_bayes = pytest.importorskip("sklearn.naive_bayes")
    ref = load("multinomial-naive-bayes")
    rng = np.random.default_rng(1000 + seed)
    n, d, C = int(rng.integers(5, 150)), int(rng.integers(2, 200)), int(rng.integers(2, 6))
    theta = rng.dirichlet(np.full(d, 0.5), size=C)
    y = rng.integers(0, C, n)
    y[:C] = np.arange(C)
    X = np.array([rng.multinomial(int(rng.integers(0, 80)), theta[c]) for c in y])
    X_test = np.array([rng.multinomial(int(rng.integers(0, 80)), theta[rng.integers(C)]) for _ in range(30)])
    alpha = float(rng.choice([0.01, 0.3, 1.0, 4.0]))
    model = naive_bayes.MultinomialNB(alpha=alpha).fit(X, y)
    labels, logp = ref.multinomial_nb(X, y, X_test, alpha=alpha)
    np.testing.assert_allclose(logp, model.predict_log_proba(X_test), rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(labels, model.predict(X_test))


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_linear_svm_step_is_a_gradient_step_of_the_objective(seed):
    optimize = pytest.importorskip("scipy.optimize")
    ref = load("linear-svm-subgradient")
    rng = np.random.default_rng(2000 + seed)
    n, d = int(rng.integers(5, 100)), int(rng.integers(1, 6))
    X = rng.normal(size=(n, d)) + rng.normal(size=d)
    y = np.where(rng.random(n) < 0.5, 1.0, -1.0)
    lam, lr = float(rng.choice([0.0, 0.05, 0.5])), float(rng.choice([0.05, 0.2]))
    epochs = int(rng.integers(1, 15))

    def objective(theta):
        w, b = theta[:-1], theta[-1]
        return lam / 2 * w @ w + np.mean(np.maximum(0.0, 1.0 - y * (X @ w + b)))

    w0, b0 = ref.linear_svm(X, y, lam=lam, lr=lr, epochs=epochs)
    w1, b1 = ref.linear_svm(X, y, lam=lam, lr=lr, epochs=epochs + 1)
    theta = np.append(w0, b0)
    assert np.min(np.abs(y * (X @ w0 + b0) - 1.0)) > 1e-6  # differentiable here
    grad = optimize.approx_fprime(theta, objective, 1e-9)
    np.testing.assert_allclose(np.append(w1, b1), theta - lr * grad, rtol=1e-5, atol=1e-6)
