def gd_step(params, grads, lr):
    for p, g in zip(params, grads):
        p -= lr * g
    return params
