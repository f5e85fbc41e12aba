import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    vals, vecs = np.linalg.eigh(X.T @ X / (len(X) - 1))
    order = np.argsort(vals)[::-1]
    components = vecs[:, order[:n_components]].T
    ratio = vals[order[:n_components]] / vals.sum()
    return components, ratio, X @ components.T
