import numpy as np


def reparameterize(mu, log_var, eps):
    log_var *= 0.5  # log sigma, computed in place: the caller's log_var is halved
    return mu + np.exp(log_var) * eps


def gaussian_kl(mu, log_var):
    return -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)
