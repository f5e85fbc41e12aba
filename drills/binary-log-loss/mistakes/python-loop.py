import math


def binary_log_loss(y_true, p, eps=1e-15):
    total = 0.0
    for y, q in zip(y_true, p):
        q = min(max(float(q), eps), 1 - eps)
        total += y * math.log(q) + (1 - y) * math.log(1 - q)
    return -total / len(y_true)
