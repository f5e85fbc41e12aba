"""One EM iteration for a Gaussian mixture with full covariances, from scratch with NumPy."""

import numpy as np


def em_step(X, weights, means, covs, reg=1e-6):
    """One E-step and one M-step.

    X: (n, d) floats; weights: (K,) mixing weights summing to 1; means: (K, d); covs: (K, d, d)
    symmetric positive definite; reg >= 0.
    Returns (new_weights (K,), new_means (K, d), new_covs (K, d, d), log_likelihood float), where
    log_likelihood = sum_i log sum_k weights[k] N(x_i | means[k], covs[k]) of the INPUT parameters.
    """
    # TODO: E-step in log space: log_joint[i, k] = log weights[k] + log N(x_i | means[k], covs[k])
    # TODO: log p(x_i) = logsumexp over k (subtract the row max); log_likelihood = sum_i log p(x_i)
    # TODO: responsibilities r = exp(log_joint - log p(x)[:, None])
    # TODO: M-step: Nk = r.sum(0); weights = Nk / n; means = r.T @ X / Nk
    # TODO:         covs[k] = sum_i r[i, k] (x_i - new_mean_k)(x_i - new_mean_k)^T / Nk[k] + reg * I
    raise NotImplementedError
