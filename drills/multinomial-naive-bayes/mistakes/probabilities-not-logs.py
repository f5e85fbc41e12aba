import numpy as np


def multinomial_nb(X_train, y_train, X_test, alpha=1.0):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    classes = np.unique(y_train)
    prior = np.array([np.mean(y_train == c) for c in classes])
    N = np.array([X_train[y_train == c].sum(0) for c in classes])
    theta = (N + alpha) / (N + alpha).sum(1, keepdims=True)
    joint = prior * np.prod(theta[None, :, :] ** X_test[:, None, :], axis=2)
    with np.errstate(all='ignore'):
        post = joint / joint.sum(1, keepdims=True)
        return classes[post.argmax(1)], np.log(post)
