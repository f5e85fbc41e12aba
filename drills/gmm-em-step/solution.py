"""One EM iteration for a Gaussian mixture with full covariances, in log space."""

import numpy as np


def _log_gaussians(X, means, covs):
    """log N(x_i | μ_k, Σ_k) for every point and component, shape (n, K), via Cholesky factors."""
    n, d = X.shape
    out = np.empty((n, len(means)))
    for k, (mu, cov) in enumerate(zip(means, covs)):  # a loop over the K components, not the samples
        L = np.linalg.cholesky(cov)
        z = np.linalg.solve(L, (X - mu).T)  # (d, n): L z = x − μ, so ||z||² is the Mahalanobis distance
        log_det = 2 * np.log(np.diag(L)).sum()
        out[:, k] = -0.5 * (d * np.log(2 * np.pi) + log_det + (z ** 2).sum(axis=0))
    return out


def em_step(X, weights, means, covs, reg=1e-6):
    """One E-step and one M-step from (weights (K,), means (K, d), covs (K, d, d)).

    Returns (new_weights, new_means, new_covs, log_likelihood), where log_likelihood is
    Σ_i log Σ_k π_k N(x_i | μ_k, Σ_k) of the INPUT parameters, and reg is added to the diagonal
    of every new covariance.
    """
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covs = np.asarray(covs, dtype=float)
    n, d = X.shape
    # E-step in log space: log π_k + log N(x_i | k), normalised per point with log-sum-exp.
    log_joint = np.log(weights) + _log_gaussians(X, means, covs)  # (n, K)
    m = log_joint.max(axis=1, keepdims=True)
    log_px = m[:, 0] + np.log(np.exp(log_joint - m).sum(axis=1))  # log p(x_i), shape (n,)
    resp = np.exp(log_joint - log_px[:, None])  # responsibilities, rows sum to 1
    # M-step: responsibility-weighted counts, means and covariances around the NEW means.
    nk = resp.sum(axis=0)  # (K,)
    new_weights = nk / n
    new_means = (resp.T @ X) / nk[:, None]
    diff = X[None, :, :] - new_means[:, None, :]  # (K, n, d)
    new_covs = np.einsum("nk,kni,knj->kij", resp, diff, diff) / nk[:, None, None]
    new_covs = new_covs + reg * np.eye(d)
    return new_weights, new_means, new_covs, float(log_px.sum())
