import numpy as np

EPS = 1e-12


def discriminator_loss(d_real, d_fake):
    d_real = np.clip(np.asarray(d_real, dtype=float), EPS, 1 - EPS)
    d_fake = np.clip(np.asarray(d_fake, dtype=float), EPS, 1 - EPS)
    return -np.mean(np.log(1 - d_real)) - np.mean(np.log(d_fake))  # real labelled 0, fake labelled 1


def generator_loss(d_fake, non_saturating=True):
    d_fake = np.clip(np.asarray(d_fake, dtype=float), EPS, 1 - EPS)
    if non_saturating:
        return -np.mean(np.log(d_fake))
    return np.mean(np.log(1 - d_fake))
