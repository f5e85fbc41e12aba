"""Independent oracles for the numeric questions of the `preprocessing` section.

Each function rebuilds the situation the question describes (a small dataset with the stated
statistics, a DataFrame, a covariance matrix...) and computes the answer from it with NumPy /
pandas, rather than re-typing the YAML expression.
"""

from __future__ import annotations

import numpy as np


def _quartile_data(q1, q3, med=None):
    """Five sorted points whose np.percentile 25/50/75 (linear) are exactly q1, med, q3."""
    if med is None:
        med = (q1 + q3) / 2
    data = np.array([q1 - 1.0, q1, med, q3, q3 + 1.0])
    assert np.all(np.diff(data) > 0)
    return data


def _fences(q1, q3):
    data = _quartile_data(q1, q3)
    p25, p75 = np.percentile(data, [25, 75])
    iqr = p75 - p25
    return p25 - 1.5 * iqr, p75 + 1.5 * iqr


def imputation_variance(n, m, v):
    rng = np.random.default_rng(0)
    z = rng.standard_normal(n)
    z = (z - z.mean()) / z.std()
    observed = 3.0 + np.sqrt(v) * z               # population variance exactly v
    completed = np.concatenate([observed, np.full(m, observed.mean())])
    return completed.var()


def iqr_upper(q1, q3):
    return _fences(q1, q3)[1]


def iqr_lower(q1, q3):
    return _fences(q1, q3)[0]


def winsorize(q1, q3, x):
    lo, hi = _fences(q1, q3)
    return float(np.clip(x, lo, hi))


def z_score(mu, sd, x):
    train = np.array([mu - sd, mu + sd])          # mean mu, population std sd
    return (x - train.mean()) / train.std()


def log_transform(x):
    return float(np.log1p(x))


def min_max(xmin, xmax, x):
    a = np.array([xmin, x, xmax], dtype=float)
    scaled = (a - a.min()) / (a.max() - a.min())
    return scaled[1]


def min_max_outside(xmin, xmax, x):
    # the fitted scaler is the straight line through (xmin, 0) and (xmax, 1), not clipped
    slope, intercept = np.polyfit([xmin, xmax], [0.0, 1.0], 1)
    return slope * x + intercept


def robust_scale(q1, med, q3, x):
    data = _quartile_data(q1, q3, med)
    p25, p50, p75 = np.percentile(data, [25, 50, 75])
    return (x - p50) / (p75 - p25)


def one_hot_columns(n_num, k1, k2, drop_first):
    import pandas as pd

    rows = max(k1, k2)
    df = pd.DataFrame({f"num{i}": np.arange(rows) for i in range(n_num)})
    df["city"] = [f"c{i % k1}" for i in range(rows)]
    df["device"] = [f"d{i % k2}" for i in range(rows)]
    out = pd.get_dummies(df, columns=["city", "device"], drop_first=(drop_first == "True"))
    return out.shape[1]


def smote_second_feature(a1, a2, b1, b2, lam):
    x = np.array([a1, a2])
    nn = np.array([b1, b2])
    new = (1 - lam) * x + lam * nn
    return new[1]


def class_weight(n_pos, n_neg):
    y = np.array([1] * n_pos + [0] * n_neg)
    counts = np.bincount(y)
    weights = len(y) / (len(counts) * counts)
    return weights[1]


def pca_ratio(l1, l2, l3, l4):
    rng = np.random.default_rng(7)
    q, _ = np.linalg.qr(rng.standard_normal((4, 4)))       # random orthogonal basis
    cov = q @ np.diag([l1, l2, l3, l4]) @ q.T
    eig = np.sort(np.linalg.eigvalsh(cov))[::-1]
    return eig[:2].sum() / eig.sum()



def _lognormal_mean(mu, s):
    # E[exp(Z)] for Z ~ N(mu, s²) by numerical integration of exp(z)·pdf(z) on a fine grid
    z = np.linspace(mu - 14 * s, mu + 14 * s, 400_001)
    pdf = np.exp(-0.5 * ((z - mu) / s) ** 2) / (s * np.sqrt(2 * np.pi))
    return float(np.trapezoid(np.exp(z) * pdf, z))


ORACLES = {
    "preprocessing-imputation-variance-param-01": imputation_variance,
    "preprocessing-iqr-upper-param-01": iqr_upper,
    "preprocessing-iqr-lower-param-01": iqr_lower,
    "preprocessing-winsorization-param-01": winsorize,
    "preprocessing-z-score-param-01": z_score,
    "preprocessing-log-transform-param-01": log_transform,
    "preprocessing-min-max-param-01": min_max,
    "preprocessing-min-max-param-02": min_max_outside,
    "preprocessing-robust-scaling-param-01": robust_scale,
    "preprocessing-one-hot-param-01": one_hot_columns,
    "preprocessing-smote-param-01": smote_second_feature,
    "preprocessing-class-weight-param-01": class_weight,
    "preprocessing-pca-param-01": pca_ratio,
    "preprocessing-lognormal-mean-param-01": _lognormal_mean,
}
