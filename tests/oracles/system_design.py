"""Independent oracles for the numeric questions of content/22-system-design.yaml.

Each quantity is recomputed another way: capacity by simulating per-second traffic and packing it
into servers, storage by summing per-day volumes, PSI from expanded samples histogrammed with NumPy,
break-even thresholds by scanning expected costs on a fine grid or solving with bisection.
"""

from __future__ import annotations

import numpy as np


def _qps(dau, req, peak, per):
    daily = dau * 10**6 * req
    peak_qps = daily * peak / (24 * 60 * 60)
    servers = 0
    while servers * per < peak_qps - 1e-9:
        servers += 1
    return servers


def _storage(users, events, size, days):
    per_day = np.full(days, float(users) * 1e6 * events * size)
    return float(per_day.sum() / 1e12)


def _psi(e1, e2, e3, a1, a2, a3):
    expected = np.repeat([0, 1, 2], [e1, e2, e3])
    actual = np.repeat([0, 1, 2], [a1, a2, a3])
    e = np.bincount(expected, minlength=3) / expected.size
    a = np.bincount(actual, minlength=3) / actual.size
    # symmetrised KL divergence: KL(a || e) + KL(e || a)
    return float(np.sum(a * np.log(a / e)) + np.sum(e * np.log(e / a)))


def _bisect(f, lo, hi):
    # root of an increasing function f on [lo, hi]
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _fraud_threshold(amount, friction):
    # expected cost of allowing minus that of blocking, as a function of the fraud probability
    return _bisect(lambda p: p * amount - (1 - p) * friction, 0.0, 1.0)


def _ecpm_gap(bid, ctr, bias):
    impressions = 1000
    true_value = impressions * ctr * bid
    predicted_value = impressions * (ctr * bias) * bid
    return predicted_value - true_value


def _notify(uplift, value, pdis, cost):
    outcomes = np.array([value, -cost])
    probs = np.array([uplift, pdis])
    return float(outcomes @ probs)


def _newsvendor(price, cost, salvage):
    underage = price - cost
    overage = cost - salvage
    # the optimal quantile q satisfies P(D > Q) * underage = P(D <= Q) * overage
    return _bisect(lambda q: q * overage - (1 - q) * underage, 0.0, 1.0)


ORACLES = {
    "system-design-method-qps-param-01": _qps,
    "system-design-method-storage-param-01": _storage,
    "system-design-method-psi-param-01": _psi,
    "system-design-fraud-threshold-param-01": _fraud_threshold,
    "system-design-ads-ecpm-param-01": _ecpm_gap,
    "system-design-notify-value-param-01": _notify,
    "system-design-demand-newsvendor-param-01": _newsvendor,
}
