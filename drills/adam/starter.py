"""Adam, from scratch with NumPy."""

import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step at step number t (t = 1 on the first step), element-wise for each parameter:

        m_new = beta1 * m + (1 - beta1) * g
        v_new = beta2 * v + (1 - beta2) * g**2
        m_hat = m_new / (1 - beta1**t);  v_hat = v_new / (1 - beta2**t)
        p_new = p - lr * m_hat / (sqrt(v_hat) + eps)

    params, grads, m, v: lists of float arrays; entry i of each has the same shape.
    Returns (new_params, new_m, new_v): three lists of NEW arrays, with the UNcorrected moments.
    Must not modify the inputs.
    """
    # TODO: update the first and second moments
    # TODO: bias-correct them (t starts at 1)
    # TODO: step each parameter (eps after the square root)
    # TODO: return (new_params, new_m, new_v)
    raise NotImplementedError
