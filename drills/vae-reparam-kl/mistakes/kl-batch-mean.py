import numpy as np


def reparameterize(mu, log_var, eps):
    return mu + np.exp(0.5 * log_var) * eps


def gaussian_kl(mu, log_var):
    # one number for the whole batch (what the training loss uses), not one per sample
    return -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var)) / mu.shape[0]
