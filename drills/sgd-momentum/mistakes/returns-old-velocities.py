def momentum_step(params, grads, velocities, lr=0.01, beta=0.9):
    new_params = []
    for p, g, v in zip(params, grads, velocities):
        v_new = beta * v + g
        new_params.append(p - lr * v_new)
    return new_params, velocities
