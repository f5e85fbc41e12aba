import math
from collections import Counter

import numpy as np


def impute(X, strategy="mean", fit_X=None):
    if strategy not in ("mean", "median", "most_frequent"):
        raise ValueError(strategy)
    rows = np.asarray(X, dtype=float).tolist()
    fit_rows = rows if fit_X is None else np.asarray(fit_X, dtype=float).tolist()
    d = len(rows[0])
    stats = []
    for j in range(d):
        obs = [r[j] for r in fit_rows if not math.isnan(r[j])]
        if not obs:
            stats.append(0.0)
        elif strategy == "mean":
            stats.append(sum(obs) / len(obs))
        elif strategy == "median":
            obs.sort()
            m = len(obs) // 2
            stats.append(obs[m] if len(obs) % 2 else (obs[m - 1] + obs[m]) / 2)
        else:
            counts = Counter(obs)
            best = max(counts.values())
            stats.append(min(v for v, c in counts.items() if c == best))
    out = []
    for r in rows:
        out.append([stats[j] if math.isnan(v) else v for j, v in enumerate(r)])
    return np.array(out)
