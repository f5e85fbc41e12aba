"""One epoch of SGD for biased matrix factorization, from scratch with NumPy."""

import numpy as np


def mf_sgd_epoch(P, Q, b_user, b_item, mu, ratings, lr, reg):
    """Visit the (user, item, rating) triples in the given order, one SGD step per triple.

    P: (n_users, k) user factors; Q: (n_items, k) item factors; b_user: (n_users,); b_item:
    (n_items,); mu: the global mean (fixed); ratings: (n, 3) rows (user, item, rating).
    Prediction mu + b_user[u] + b_item[i] + P[u] @ Q[i]. Updates use the OLD p_u for q_i.
    Returns (P_new, Q_new, b_user_new, b_item_new, rmse) without modifying the inputs; rmse is
    computed from the errors measured before each update.
    """
    # TODO: copy the parameter arrays
    # TODO: for each triple in order: error, then update b_user[u], b_item[i], P[u], Q[i]
    # TODO: rmse of the recorded errors
    raise NotImplementedError
