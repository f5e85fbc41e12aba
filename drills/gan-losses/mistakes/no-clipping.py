import numpy as np


def discriminator_loss(d_real, d_fake):
    d_real, d_fake = np.asarray(d_real, dtype=float), np.asarray(d_fake, dtype=float)
    return -np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake))


def generator_loss(d_fake, non_saturating=True):
    d_fake = np.asarray(d_fake, dtype=float)
    if non_saturating:
        return -np.mean(np.log(d_fake))
    return np.mean(np.log(1 - d_fake))
