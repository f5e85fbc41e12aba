"""GAN discriminator and generator losses, from scratch with NumPy."""

import numpy as np

EPS = 1e-12


def discriminator_loss(d_real, d_fake):
    """-mean(log d_real) - mean(log(1 - d_fake)), probabilities clipped to [EPS, 1 - EPS].

    d_real, d_fake: array-likes of probabilities (any shapes, possibly different sizes).
    Returns a single number. Must not modify the inputs.
    """
    # TODO: clip both inputs to [EPS, 1 - EPS]
    # TODO: real samples should be classified 1, fake samples 0: sum the two mean BCE terms
    raise NotImplementedError


def generator_loss(d_fake, non_saturating=True):
    """Non-saturating: -mean(log d_fake). Saturating (non_saturating=False): mean(log(1 - d_fake)).

    d_fake: array-like of probabilities, clipped to [EPS, 1 - EPS]. Returns a single number.
    """
    # TODO: clip, then return the loss selected by non_saturating
    raise NotImplementedError
