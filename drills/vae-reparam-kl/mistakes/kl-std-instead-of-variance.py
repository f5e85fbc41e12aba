import numpy as np


def reparameterize(mu, log_var, eps):
    return mu + np.exp(0.5 * log_var) * eps


def gaussian_kl(mu, log_var):
    sigma = np.exp(0.5 * log_var)
    return 0.5 * np.sum(sigma + mu ** 2 - 1 - log_var, axis=1)  # sigma where sigma**2 belongs
