"""Adam: momentum on the gradient, RMSprop scaling, and bias correction of both moments."""

import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step at step number t (t = 1 first); returns (new_params, new_m, new_v)."""
    new_m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(m, grads)]
    new_v = [beta2 * vi + (1 - beta2) * g ** 2 for vi, g in zip(v, grads)]
    # The moments start at 0, so after t steps they carry only a (1 - beta**t) share of the weight:
    # dividing by it removes the bias towards 0 (this matters most for the first steps).
    m_corr, v_corr = 1 - beta1 ** t, 1 - beta2 ** t
    new_params = [p - lr * (mi / m_corr) / (np.sqrt(vi / v_corr) + eps)
                  for p, mi, vi in zip(params, new_m, new_v)]
    # The state keeps the UNcorrected moments; the correction is recomputed from t at every step.
    return new_params, new_m, new_v
