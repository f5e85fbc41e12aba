import numpy as np


def mf_sgd_epoch(P, Q, b_user, b_item, mu, ratings, lr, reg):
    """Visit the (user, item, rating) triples in order and update the parameters after each one.

    Prediction: mu + b_user[u] + b_item[i] + P[u] @ Q[i]; error e = r - prediction.
    Returns new arrays (P, Q, b_user, b_item) and the RMSE of the errors measured before each update.
    """
    P = np.array(P, dtype=float)  # copies: the caller's arrays are left alone
    Q = np.array(Q, dtype=float)
    b_user = np.array(b_user, dtype=float)
    b_item = np.array(b_item, dtype=float)
    triples = np.asarray(ratings, dtype=float).reshape(-1, 3)
    errors = np.empty(len(triples))
    # SGD is sequential: each update changes the parameters the next triple sees.
    for t, (u, i, r) in enumerate(triples):
        u, i = int(u), int(i)
        e = r - (mu + b_user[u] + b_item[i] + P[u] @ Q[i])
        errors[t] = e
        b_user[u] += lr * (e - reg * b_user[u])
        b_item[i] += lr * (e - reg * b_item[i])
        p_old = P[u].copy()  # q_i's gradient uses p_u from before this step
        P[u] += lr * (e * Q[i] - reg * P[u])
        Q[i] += lr * (e * p_old - reg * Q[i])
    rmse = float(np.mean(errors ** 2))
    return P, Q, b_user, b_item, rmse
