def momentum_step(params, grads, velocities, lr=0.01, beta=0.9):
    new_velocities = [beta * v + (1 - beta) * g for v, g in zip(velocities, grads)]
    new_params = [p - lr * v for p, v in zip(params, new_velocities)]
    return new_params, new_velocities
