"""GAN losses from the discriminator's probabilities (binary cross-entropy), safe near 0 and 1."""

import numpy as np

EPS = 1e-12


def _clip(p):
    # Keep probabilities inside [EPS, 1 - EPS] so that log(p) and log(1 - p) stay finite.
    return np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)


def discriminator_loss(d_real, d_fake):
    """BCE of the discriminator: real samples labelled 1, generated samples labelled 0."""
    return -np.mean(np.log(_clip(d_real))) - np.mean(np.log(1 - _clip(d_fake)))


def generator_loss(d_fake, non_saturating=True):
    """Non-saturating: -mean(log D(G(z))). Saturating (the original minimax form): mean(log(1 - D(G(z))))."""
    d_fake = _clip(d_fake)
    if non_saturating:
        return -np.mean(np.log(d_fake))
    return np.mean(np.log(1 - d_fake))
