import numpy as np


def mf_sgd_epoch(P, Q, b_user, b_item, mu, ratings, lr, reg):
    P = np.array(P, dtype=float)
    Q = np.array(Q, dtype=float)
    b_user = np.array(b_user, dtype=float)
    b_item = np.array(b_item, dtype=float)
    t = np.asarray(ratings, dtype=float).reshape(-1, 3)
    u, i, r = t[:, 0].astype(int), t[:, 1].astype(int), t[:, 2]
    e = r - (mu + b_user[u] + b_item[i] + np.sum(P[u] * Q[i], axis=1))
    # one vectorized step with every error computed from the initial parameters
    gbu = np.zeros_like(b_user)
    gbi = np.zeros_like(b_item)
    gP = np.zeros_like(P)
    gQ = np.zeros_like(Q)
    np.add.at(gbu, u, e - reg * b_user[u])
    np.add.at(gbi, i, e - reg * b_item[i])
    np.add.at(gP, u, e[:, None] * Q[i] - reg * P[u])
    np.add.at(gQ, i, e[:, None] * P[u] - reg * Q[i])
    return P + lr * gP, Q + lr * gQ, b_user + lr * gbu, b_item + lr * gbi, float(np.sqrt(np.mean(e ** 2)))
