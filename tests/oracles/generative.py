"""Independent oracles for the numeric questions of the `generative` section.

Each function recomputes the answer from the definition with NumPy, written separately from the
YAML expression (e.g. KL as a Gauss-Hermite quadrature of E_p[log p - log q], perplexity via the
geometric mean, FID from 1x1 covariance matrices), so a wrong expression in the bank cannot agree
with its oracle by accident.
"""

from __future__ import annotations

import numpy as np


def _log_normal_pdf(x, mu, sigma):
    return -0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma * np.sqrt(2 * np.pi))


def _kl_by_quadrature(m1, s1, m2, s2):
    # KL(P || Q) = E_{x~P}[log p(x) - log q(x)], evaluated from the two log-densities with
    # Gauss-Hermite quadrature (probabilists' weight exp(-t^2/2), x = m1 + s1*t). The integrand is a
    # polynomial of degree 2 in t, so 20 nodes integrate it exactly; no closed form is used.
    t, w = np.polynomial.hermite_e.hermegauss(20)
    x = m1 + s1 * t
    integrand = _log_normal_pdf(x, m1, s1) - _log_normal_pdf(x, m2, s2)
    return float(np.sum(w * integrand) / np.sqrt(2 * np.pi))


def gan_equilibrium():
    d = np.full(1000, 0.5)  # optimal discriminator outputs on real and on fake samples
    return float(np.mean(np.log(d)) + np.mean(np.log(1 - d)))


def gan_dloss(dr, df):
    # binary cross-entropy summed over one real (label 1) and one fake (label 0) example
    y = np.array([1.0, 0.0])
    p = np.array([dr, df])
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


def vae_reparam(mu, sigma, eps):
    return float(np.array(mu) + np.array(sigma) * np.array(eps))


def vae_kl_standard(mu, sigma):
    return _kl_by_quadrature(mu, sigma, 0.0, 1.0)


def kl_two_gaussians(m1, s1, m2, s2):
    return _kl_by_quadrature(m1, s1, m2, s2)


def temperature_softmax(a, b, c, t):
    z = np.array([a, b, c]) / t
    e = np.exp(z - z.max())
    return float((e / e.sum())[0])


def perplexity(p1, p2, p3):
    probs = np.array([p1, p2, p3])
    return float(np.prod(1.0 / probs) ** (1.0 / len(probs)))


def fid_1d(mr, sr, mg, sg):
    # general FID formula on 1x1 mean vectors / covariance matrices; sqrt of the PSD product via eigh
    mu_r, mu_g = np.array([mr]), np.array([mg])
    cov_r, cov_g = np.array([[sr * sr]]), np.array([[sg * sg]])
    prod = cov_r @ cov_g
    w, v = np.linalg.eigh(prod)
    sqrt_prod = v @ np.diag(np.sqrt(np.clip(w, 0, None))) @ v.T
    return float(np.sum((mu_r - mu_g) ** 2) + np.trace(cov_r + cov_g - 2 * sqrt_prod))


def lora_params(d, k, r):
    b = np.zeros((d, r))
    a = np.zeros((r, k))
    return float(b.size + a.size)


ORACLES = {
    "generative-gan-equilibrium-01": gan_equilibrium,
    "generative-gan-dloss-param-01": gan_dloss,
    "generative-vae-reparam-param-01": vae_reparam,
    "generative-vae-kl-param-01": vae_kl_standard,
    "generative-vae-kl-param-02": kl_two_gaussians,
    "generative-sampling-temperature-param-01": temperature_softmax,
    "generative-perplexity-param-01": perplexity,
    "generative-eval-fid-param-01": fid_1d,
    "generative-lora-param-01": lora_params,
}
