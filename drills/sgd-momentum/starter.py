"""SGD with momentum, from scratch with NumPy."""

import numpy as np


def momentum_step(params, grads, velocities, lr=0.01, beta=0.9):
    """One momentum step: v_new = beta * v + g, then p_new = p - lr * v_new, for each parameter.

    params, grads, velocities: lists of float arrays; entry i of each has the same shape.
    Returns (new_params, new_velocities): two lists of NEW arrays. Must not modify the inputs.
    """
    # TODO: compute each new velocity from the old velocity and the gradient
    # TODO: move each parameter along its NEW velocity, scaled by lr
    # TODO: return (new_params, new_velocities) without changing the input arrays
    raise NotImplementedError
