import numpy as np

EPS = 1e-12


def bce(p, y):
    p = np.clip(p, EPS, 1 - EPS)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def discriminator_loss(d_real, d_fake):
    d_real, d_fake = np.ravel(d_real).astype(float), np.ravel(d_fake).astype(float)
    p = np.concatenate([d_real, d_fake])
    y = np.concatenate([np.ones_like(d_real), np.zeros_like(d_fake)])
    return bce(p, y)  # one mean over both batches


def generator_loss(d_fake, non_saturating=True):
    d_fake = np.ravel(d_fake).astype(float)
    if non_saturating:
        return bce(d_fake, np.ones_like(d_fake))
    return -bce(d_fake, np.zeros_like(d_fake))
