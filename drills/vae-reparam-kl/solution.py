"""VAE building blocks: the reparameterization trick and the KL divergence to a standard normal."""

import numpy as np


def reparameterize(mu, log_var, eps):
    """z = mu + sigma * eps with sigma = exp(log_var / 2): a sample of N(mu, sigma^2) that is
    differentiable in mu and log_var, because the randomness lives in eps ~ N(0, I)."""
    return mu + np.exp(0.5 * log_var) * eps


def gaussian_kl(mu, log_var):
    """KL(N(mu, diag(exp(log_var))) || N(0, I)) per sample: shape (n,), summed over the latent dims.

    Closed form per dimension: 0.5 * (sigma^2 + mu^2 - 1 - log sigma^2).
    """
    return 0.5 * np.sum(np.exp(log_var) + mu ** 2 - 1 - log_var, axis=1)
