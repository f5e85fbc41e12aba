import numpy as np


def gd_step(params, grads, lr):
    new_params = []
    for p, g in zip(params, grads):
        flat_p, flat_g = p.ravel().tolist(), g.ravel().tolist()
        out = [pi - lr * gi for pi, gi in zip(flat_p, flat_g)]
        new_params.append(np.array(out, dtype=p.dtype).reshape(p.shape))
    return new_params
