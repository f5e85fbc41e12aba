"""Independent oracles for the numeric questions of the `from-scratch` section.

Each function recomputes the answer with NumPy from the definition (arrays, np.linalg.norm,
np.argsort, a tanh-based sigmoid, ...) rather than re-typing the YAML expression.
"""

from __future__ import annotations

import numpy as np


def kmeans_centroid_x(x1, y1, x2, y2, x3, y3):
    pts = np.array([[x1, y1], [x2, y2], [x3, y3]], dtype=float)
    labels = np.zeros(3, dtype=int)
    return float(pts[labels == 0].mean(axis=0)[0])


def kmeanspp_probability(a, b, c):
    d = np.array([a, b, c], dtype=float)
    weights = d ** 2
    return float((weights / weights.sum())[0])


def euclidean(x1, y1, z1, x2, y2, z2):
    return float(np.linalg.norm(np.array([x1, y1, z1], float) - np.array([x2, y2, z2], float)))


def knn_regression(d1, d2, d3, d4, y1, y2, y3, y4):
    d = np.array([d1, d2, d3, d4], dtype=float)
    y = np.array([y1, y2, y3, y4], dtype=float)
    nearest = np.argsort(d, kind="stable")[:3]
    return float(y[nearest].mean())


def perceptron_w1(w1, w2, b, x1, x2, y, lr):
    w = np.array([w1, w2], dtype=float)
    x = np.array([x1, x2], dtype=float)
    y_hat = int(np.heaviside(w @ x + b, 1.0))
    w = w + lr * (y - y_hat) * x
    return float(w[0])


def gd_step(w, g, lr):
    weights = np.array([w], dtype=float)
    gradients = np.array([g], dtype=float)
    return float((weights - lr * gradients)[0])


def sigmoid(z):
    # sigma(z) = (1 + tanh(z / 2)) / 2, an identity independent of the 1 / (1 + e^-z) form
    return float(0.5 * (1.0 + np.tanh(z / 2.0)))


def softmax_first(a, b, c):
    z = np.array([a, b, c], dtype=float)
    log_probs = z - (z.max() + np.log(np.sum(np.exp(z - z.max()))))
    return float(np.exp(log_probs[0]))


def mse(y1, y2, y3, p1, p2, p3):
    y = np.array([y1, y2, y3], dtype=float)
    p = np.array([p1, p2, p3], dtype=float)
    err = y - p
    return float(err @ err / err.size)


def bce(y, p):
    probs = np.array([1.0 - p, p])  # [P(class 0), P(class 1)]
    return float(-np.log(probs[int(y)]))


ORACLES = {
    "from-scratch-kmeans-centroid-param-01": kmeans_centroid_x,
    "from-scratch-kmeanspp-param-01": kmeanspp_probability,
    "from-scratch-distance-param-01": euclidean,
    "from-scratch-knn-regression-param-01": knn_regression,
    "from-scratch-perceptron-update-param-01": perceptron_w1,
    "from-scratch-gd-param-01": gd_step,
    "from-scratch-sigmoid-param-01": sigmoid,
    "from-scratch-softmax-param-01": softmax_first,
    "from-scratch-mse-param-01": mse,
    "from-scratch-bce-param-01": bce,
}
