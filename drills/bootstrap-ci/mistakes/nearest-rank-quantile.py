import numpy as np


def bootstrap_ci(x, stat="mean", n_boot=10000, alpha=0.05, seed=0):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or stat not in ("mean", "median") or not 0 < alpha < 1 or n_boot < 1:
        raise ValueError("bad arguments")
    n = x.size
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(n_boot, n))
    fn = np.mean if stat == "mean" else np.median
    stats = fn(x[idx], axis=1)
    low, high = np.quantile(stats, [alpha / 2, 1 - alpha / 2], method="inverted_cdf")
    return float(low), float(high)
