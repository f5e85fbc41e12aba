"""Vanilla gradient descent: step every parameter against its gradient."""


def gd_step(params, grads, lr):
    """Return the new parameters after one gradient descent step: p - lr * g for each pair.

    `p - lr * g` builds a new array, so the caller's params and grads are left untouched
    (`p -= lr * g` would overwrite them).
    """
    return [p - lr * g for p, g in zip(params, grads)]
