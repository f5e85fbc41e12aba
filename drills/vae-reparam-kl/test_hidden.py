"""Hidden tests for `reparameterize` and `gaussian_kl`. Tolerance: RTOL=1e-9, ATOL=1e-12 (closed
forms in float64, only the order of operations may differ); RTOL_F32=1e-5, ATOL_F32=1e-6 for
float32 inputs, which a solution may keep in float32."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-12
RTOL_F32, ATOL_F32 = 1e-5, 1e-6

EX_MU = np.array([[0.0, 1.0]])
EX_LOG_VAR = np.array([[0.0, np.log(4.0)]])
EX_EPS = np.array([[1.0, -0.5]])


def check_z(solution, reference, mu, log_var, eps, rtol=RTOL, atol=ATOL):
    expected = reference.reparameterize(mu.copy(), log_var.copy(), eps.copy())
    got = call(solution.reparameterize, mu, log_var, eps)
    assert_close(got, expected, rtol=rtol, atol=atol, what="z")


def check_kl(solution, reference, mu, log_var, rtol=RTOL, atol=ATOL):
    expected = reference.gaussian_kl(mu.copy(), log_var.copy())
    got = call(solution.gaussian_kl, mu, log_var)
    assert_close(got, expected, rtol=rtol, atol=atol, what="the per-sample KL")


def rand_params(rng, n, latent):
    return rng.normal(size=(n, latent)) * 1.5, rng.normal(size=(n, latent)) * 1.5


# ---------------------------------------------------------------- reparameterize

def test_reparameterize_worked_example(solution, reference):
    """The example from the task: z = [[1, 0]]."""
    check_z(solution, reference, EX_MU, EX_LOG_VAR, EX_EPS)


def test_reparameterize_zero_noise_gives_mu(solution, reference):
    """eps = 0: z is exactly mu."""
    rng = np.random.default_rng(1)
    mu, log_var = rand_params(rng, 3, 4)
    check_z(solution, reference, mu, log_var, np.zeros((3, 4)))


def test_reparameterize_unit_variance(solution, reference):
    """log_var = 0 (sigma = 1): z = mu + eps."""
    rng = np.random.default_rng(2)
    check_z(solution, reference, rng.normal(size=(4, 2)), np.zeros((4, 2)), rng.normal(size=(4, 2)))


def test_reparameterize_small_and_large_variances(solution, reference):
    """log_var from -6 to 6: sigma = exp(log_var / 2) from 0.05 to 20."""
    log_var = np.array([[-6.0, -2.0, 0.5], [2.0, 4.0, 6.0]])
    check_z(solution, reference, np.array([[1.0, -1.0, 0.0], [0.5, 2.0, -3.0]]), log_var, np.full((2, 3), 1.3))


@pytest.mark.parametrize("seed", range(3))
def test_reparameterize_random(solution, reference, seed):
    """Seeded random batches of several sizes."""
    rng = np.random.default_rng(10 + seed)
    n, latent = (int(v) for v in rng.integers(1, 9, size=2))
    mu, log_var = rand_params(rng, n, latent)
    check_z(solution, reference, mu, log_var, rng.standard_normal((n, latent)))


def test_reparameterize_inputs_not_modified(solution, reference):
    """mu, log_var and eps are left untouched, e.g. no log_var *= 0.5 (checked on every call)."""
    rng = np.random.default_rng(3)
    mu, log_var = rand_params(rng, 2, 3)
    check_z(solution, reference, mu, log_var, rng.standard_normal((2, 3)))


# ---------------------------------------------------------------- gaussian_kl

def test_kl_worked_example(solution, reference):
    """The example from the task: KL = [0.5 * (4 - log 4)] = [1.306853]."""
    check_kl(solution, reference, EX_MU, EX_LOG_VAR)


def test_kl_of_standard_normal_is_zero(solution, reference):
    """mu = 0, log_var = 0: the posterior is the prior, KL = 0 for every sample."""
    check_kl(solution, reference, np.zeros((3, 5)), np.zeros((3, 5)))


def test_kl_mean_only(solution, reference):
    """log_var = 0: KL = 0.5 * sum(mu^2) per sample."""
    check_kl(solution, reference, np.array([[1.0, -2.0, 0.5], [3.0, 0.0, 0.0]]), np.zeros((2, 3)))


def test_kl_variance_only(solution, reference):
    """mu = 0: KL = 0.5 * sum(sigma^2 - 1 - log sigma^2), positive for sigma != 1."""
    check_kl(solution, reference, np.zeros((2, 3)), np.array([[-3.0, -0.5, 0.0], [0.7, 2.0, 5.0]]))


def test_kl_one_value_per_sample(solution, reference):
    """Shape (n,): summed over the latent dimensions, not over the batch."""
    rng = np.random.default_rng(4)
    check_kl(solution, reference, *rand_params(rng, 6, 3))


def test_kl_single_sample(solution, reference):
    """n = 1 gives shape (1,)."""
    check_kl(solution, reference, np.array([[0.3, -0.7, 1.2, 0.0]]), np.array([[0.1, -1.0, 0.4, 2.0]]))


def test_kl_single_latent_dimension(solution, reference):
    """latent = 1 gives shape (n,)."""
    check_kl(solution, reference, np.array([[0.5], [-1.0], [2.0]]), np.array([[0.2], [-0.3], [1.0]]))


def test_kl_integer_inputs(solution, reference):
    """Integer mu and log_var give the float result."""
    check_kl(solution, reference, np.array([[1, 0], [-2, 1]]), np.array([[0, 1], [-1, 2]]))



def test_float32_inputs(solution, reference):
    """float32 mu, log_var and eps work for both functions (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(5)
    mu, log_var = (a.astype(np.float32) for a in rand_params(rng, 4, 3))
    eps = rng.standard_normal((4, 3)).astype(np.float32)
    check_z(solution, reference, mu, log_var, eps, rtol=RTOL_F32, atol=ATOL_F32)
    check_kl(solution, reference, mu, log_var, rtol=RTOL_F32, atol=ATOL_F32)


@pytest.mark.parametrize("seed", range(3))
def test_kl_random(solution, reference, seed):
    """Seeded random batches of several sizes."""
    rng = np.random.default_rng(20 + seed)
    n, latent = (int(v) for v in rng.integers(1, 12, size=2))
    check_kl(solution, reference, *rand_params(rng, n, latent))


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "gaussian_kl", "args": rand_params(rng, 20_000, 16)}
