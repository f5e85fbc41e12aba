import numpy as np


def multinomial_nb(X_train, y_train, X_test, alpha=1.0):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    classes = np.unique(y_train)
    prior = np.array([np.mean(y_train == c) for c in classes])
    N = np.array([X_train[y_train == c].sum(0) for c in classes])
    log_theta = np.log(N + alpha) - np.log((N + alpha).sum(1, keepdims=True))
    jll = X_test @ log_theta.T
    m = jll.max(1, keepdims=True)
    return classes[jll.argmax(1)], jll - m - np.log(np.exp(jll - m).sum(1, keepdims=True))
