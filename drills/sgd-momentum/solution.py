"""SGD with (heavy-ball) momentum, in the PyTorch convention."""


def momentum_step(params, grads, velocities, lr=0.01, beta=0.9):
    """One momentum step: v_new = beta * v + g, then p_new = p - lr * v_new, for each parameter.

    Returns (new_params, new_velocities) as lists of new arrays; the inputs are not modified.
    """
    # The velocity is a decaying sum of past gradients: beta = 0.9 remembers ~10 steps.
    new_velocities = [beta * v + g for v, g in zip(velocities, grads)]
    # The parameter moves along the updated velocity (it already includes this step's gradient).
    new_params = [p - lr * v for p, v in zip(params, new_velocities)]
    return new_params, new_velocities
