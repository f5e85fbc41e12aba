"""Independent oracles for the numeric questions of content/17-time-series.yaml.

Variances and autocorrelations come from truncated MA(infinity) weights or explicit covariance
matrices, smoothing results from running the recursions on arrays, fold counts from generating the
folds, baselines and metrics from NumPy arrays.
"""

from __future__ import annotations

import numpy as np


def _random_walk_variance(t, sigma):
    # y_t = 1' eps with Cov(eps) = sigma^2 I
    ones = np.ones(t)
    return float(ones @ (sigma ** 2 * np.eye(t)) @ ones)


def _ma_weights(phi, n=4000):
    return phi ** np.arange(n)


def _ar1_acf(phi, k):
    psi = _ma_weights(phi)
    return float((psi[:-k] * psi[k:]).sum() / (psi * psi).sum())


def _ar1_variance(phi, sigma):
    psi = _ma_weights(phi)
    return float(sigma ** 2 * (psi * psi).sum())


def _seasonal_adjust(y, s):
    return float(np.exp(np.log(y) - np.log(s)))


def _folds(n, n0, h, g):
    count = 0
    end = n0
    while True:
        test = np.arange(end + g, end + g + h)
        if test[-1] >= n:
            return count
        count += 1
        end += h


def _drift(y1, yt, t, h):
    slope, intercept = np.polyfit([1.0, float(t)], [float(y1), float(yt)], 1)
    return float(slope * (t + h) + intercept)


def _ses_level(l0, y1, y2, alpha):
    level = l0
    for y in (y1, y2):
        level = level + alpha * (y - level)      # error-correction form
    return float(level)


def _ses_weight(alpha, k):
    # impulse response: a series that is 1 at t - k and 0 elsewhere, starting from level 0
    series = np.zeros(k + 1)
    series[0] = 1.0
    level = 0.0
    for y in series:
        level = level + alpha * (y - level)
    return float(level)


def _mape(a1, a2, a3, f1, f2, f3):
    a = np.array([a1, a2, a3], dtype=float)
    f = np.array([f1, f2, f3], dtype=float)
    return float(np.mean(np.abs((a - f) / a)) * 100)


def _mase(y1, y2, y3, y4, y5, mae):
    y = np.array([y1, y2, y3, y4, y5], dtype=float)
    naive_errors = y[1:] - y[:-1]
    return float(mae / np.mean(np.abs(naive_errors)))


ORACLES = {
    "time-series-random-walk-param-01": _random_walk_variance,
    "time-series-ar1-acf-param-01": _ar1_acf,
    "time-series-ar1-variance-param-01": _ar1_variance,
    "time-series-seasonal-adjust-param-01": _seasonal_adjust,
    "time-series-folds-param-01": _folds,
    "time-series-drift-param-01": _drift,
    "time-series-ses-param-01": _ses_level,
    "time-series-ses-weights-param-01": _ses_weight,
    "time-series-mape-param-01": _mape,
    "time-series-mase-param-01": _mase,
}
