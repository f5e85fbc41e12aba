import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    # Stable, but then clipped "to keep log(p) finite": sigmoid(-40) = 4.2e-18 comes back as 1e-15.
    return np.clip(np.exp(-np.logaddexp(0.0, -x)), 1e-15, 1 - 1e-15)
