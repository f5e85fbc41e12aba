import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(X))
    order = np.argsort(vals)[::-1]
    components = vecs[:, order[:n_components]].T
    ratio = vals[order[:n_components]] / vals.sum()
    return components, ratio, Xc @ components.T
