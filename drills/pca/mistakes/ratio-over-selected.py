import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(Xc, rowvar=False))
    order = np.argsort(vals)[::-1][:n_components]
    components = vecs[:, order].T
    ratio = vals[order] / vals[order].sum()
    return components, ratio, Xc @ components.T
