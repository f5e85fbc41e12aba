def momentum_step(params, grads, velocities, lr=0.01, beta=0.9):
    for p, g, v in zip(params, grads, velocities):
        v *= beta
        v += g
        p -= lr * v
    return params, velocities
