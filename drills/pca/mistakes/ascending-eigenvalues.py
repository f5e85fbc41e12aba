import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(Xc, rowvar=False))
    components = vecs[:, :n_components].T
    ratio = vals[:n_components] / vals.sum()
    return components, ratio, Xc @ components.T
