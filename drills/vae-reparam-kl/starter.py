"""VAE reparameterization trick and Gaussian KL term, from scratch with NumPy."""

import numpy as np


def reparameterize(mu, log_var, eps):
    """z = mu + sigma * eps with sigma = exp(0.5 * log_var).

    mu, log_var, eps: (n, latent) arrays (eps is the given standard normal noise). Returns (n, latent).
    Must not modify the inputs.
    """
    # TODO: turn the log-variance into a standard deviation
    # TODO: shift and scale the noise
    raise NotImplementedError


def gaussian_kl(mu, log_var):
    """KL(N(mu, diag(exp(log_var))) || N(0, I)) for each sample, summed over the latent dimensions.

    mu, log_var: (n, latent) arrays. Returns an array of shape (n,). Must not modify the inputs.
    """
    # TODO: per-dimension KL: 0.5 * (exp(log_var) + mu**2 - 1 - log_var)
    # TODO: sum over the latent axis only
    raise NotImplementedError
