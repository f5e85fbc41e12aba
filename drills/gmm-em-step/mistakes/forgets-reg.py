import numpy as np


def _logpdf(X, mu, cov):
    d = X.shape[1]
    diff = X - mu
    maha = np.einsum("ni,ij,nj->n", diff, np.linalg.inv(cov), diff)
    return -0.5 * (d * np.log(2 * np.pi) + np.linalg.slogdet(cov)[1] + maha)


def em_step(X, weights, means, covs, reg=1e-6):
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covs = np.asarray(covs, dtype=float)
    n, d = X.shape
    K = len(weights)
    lj = np.log(weights) + np.column_stack([_logpdf(X, means[k], covs[k]) for k in range(K)])
    mx = lj.max(1, keepdims=True)
    lpx = mx[:, 0] + np.log(np.exp(lj - mx).sum(1))
    r = np.exp(lj - lpx[:, None])
    nk = r.sum(0)
    m2 = r.T @ X / nk[:, None]
    c2 = np.array([(r[:, k, None] * (X - m2[k])).T @ (X - m2[k]) / nk[k] for k in range(K)])
    return nk / n, m2, c2, float(lpx.sum())
