"""The unsupervised drill references agree with scikit-learn on random inputs inside their contracts
(test-only: the drills themselves never import scikit-learn).

- silhouette-score vs sklearn.metrics.silhouette_score (Euclidean; singletons score 0). Data stay near
  the origin here: scikit-learn's pairwise distances use the expanded ||a||² − 2a·b + ||b||² form,
  which the drill's large-offset tests deliberately avoid;
- dbscan vs sklearn.cluster.DBSCAN: the labels are equal exactly (same cluster numbering by lowest
  core index, and border points go to the first cluster grown, i.e. the smallest number);
- gmm-em-step vs sklearn.mixture.GaussianMixture(max_iter=1) started from the given weights, means and
  precisions: one EM iteration gives the same parameters, and n · lower_bound_ is the log-likelihood
  of the input parameters.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




def blobs(rng, n, d, k, spread):
    centers = rng.normal(0, 3, (k, d))
    y = rng.integers(0, k, n)
    return centers[y] + spread * rng.normal(size=(n, d)), y


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_silhouette_matches_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("silhouette-score")
    rng = np.random.default_rng(seed)
    n, d, k = int(rng.integers(6, 150)), int(rng.integers(1, 6)), int(rng.integers(2, 6))
    X, y = blobs(rng, n, d, k, float(rng.uniform(0.3, 3.0)))
    y = np.where(rng.random(n) < 0.15, rng.integers(0, k + 2, n), y)  # some noise, maybe singletons
    if not 2 <= len(np.unique(y)) <= n - 1:
        y[:2] = [0, 1]
    assert ref.silhouette_score(X, y) == pytest.approx(metrics.silhouette_score(X, y), rel=1e-9, abs=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_dbscan_matches_sklearn(seed):
    cluster = pytest.importorskip("sklearn.cluster")
    ref = load("dbscan")
    rng = np.random.default_rng(500 + seed)
    n, d, k = int(rng.integers(5, 300)), int(rng.integers(1, 4)), int(rng.integers(1, 6))
    X, _ = blobs(rng, n, d, k, float(rng.uniform(0.2, 1.0)))
    X = np.vstack([X, rng.uniform(-8, 8, (int(rng.integers(0, 20)), d))])
    eps, min_samples = float(rng.uniform(0.1, 1.5)), int(rng.integers(1, 10))
    expected = cluster.DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_
    np.testing.assert_array_equal(ref.dbscan(X, eps, min_samples), expected)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_em_step_matches_sklearn_gaussian_mixture(seed):
    mixture = pytest.importorskip("sklearn.mixture")
    exceptions = pytest.importorskip("sklearn.exceptions")
    ref = load("gmm-em-step")
    rng = np.random.default_rng(900 + seed)
    n, d, K = int(rng.integers(20, 300)), int(rng.integers(1, 5)), int(rng.integers(1, 5))
    X, _ = blobs(rng, n, d, K, float(rng.uniform(0.5, 2.0)))
    weights = rng.dirichlet(np.full(K, 2.0))
    means = X[rng.choice(n, K, replace=False)] + rng.normal(0, 0.5, (K, d))
    B = rng.normal(size=(K, d, d)) * 0.4
    covs = np.eye(d) * rng.uniform(0.5, 3.0, (K, 1, 1)) + B @ B.transpose(0, 2, 1)
    reg = float(rng.choice([1e-6, 1e-3, 0.1]))
    gm = mixture.GaussianMixture(n_components=K, covariance_type="full", max_iter=1, reg_covar=reg,
                                 weights_init=weights, means_init=means, precisions_init=np.linalg.inv(covs))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", exceptions.ConvergenceWarning)
        gm.fit(X)
    w2, m2, c2, ll = ref.em_step(X, weights, means, covs, reg=reg)
    np.testing.assert_allclose(w2, gm.weights_, rtol=1e-8, atol=1e-12)
    np.testing.assert_allclose(m2, gm.means_, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(c2, gm.covariances_, rtol=1e-7, atol=1e-10)
    assert ll == pytest.approx(n * gm.lower_bound_, rel=1e-9)
