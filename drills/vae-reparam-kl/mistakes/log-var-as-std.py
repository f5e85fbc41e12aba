import numpy as np


def reparameterize(mu, log_var, eps):
    return mu + log_var * eps  # log_var used as if it were the standard deviation


def gaussian_kl(mu, log_var):
    return -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)
