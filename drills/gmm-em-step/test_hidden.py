"""Hidden tests for `em_step`. Every output is compared with the reference with rtol=1e-6, atol=1e-9."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-6, 1e-9
NAMES = ("weights", "means", "covs")


def run(solution, X, weights, means, covs, **kwargs):
    got = call(solution.em_step, X, weights, means, covs, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 4:
        fail(f"returned {type(got).__name__}; return a tuple (weights, means, covs, log_likelihood).", got=got)
    return got


def check(solution, reference, X, weights, means, covs, **kwargs):
    expected = reference.em_step(np.copy(X), np.copy(weights), np.copy(means), np.copy(covs), **kwargs)
    got = run(solution, X, weights, means, covs, **kwargs)
    assert_close(got[3], expected[3], rtol=RTOL, atol=ATOL, scalar=True,
                 what="log_likelihood (of the input parameters, summed over the samples)")
    for name, g, e in zip(NAMES, got[:3], expected[:3]):
        assert_close(g, e, rtol=RTOL, atol=ATOL, what=f"new {name}")
    return got


def mixture(seed, K, d, n=120, sep=4.0, offset=0.0):
    """Data from K Gaussians, and rough starting parameters (perturbed truth) for an EM step."""
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, sep, (K, d))
    A = rng.normal(size=(K, d, d)) * 0.5 + np.eye(d)
    z = rng.integers(0, K, n)
    X = centers[z] + np.einsum("nij,nj->ni", A[z], rng.normal(size=(n, d))) + offset
    weights = rng.dirichlet(np.full(K, 3.0))
    means = centers + rng.normal(0, 1.0, (K, d)) + offset
    B = rng.normal(size=(K, d, d)) * 0.3
    covs = np.eye(d) * rng.uniform(0.5, 2.0, (K, 1, 1)) + B @ B.transpose(0, 2, 1)
    return X, weights, means, covs


EX = (np.array([[0.0], [1.0], [3.0], [4.0]]), np.array([0.5, 0.5]), np.array([[0.0], [4.0]]),
      np.array([[[1.0]], [[1.0]]]))


def test_worked_example(solution, reference):
    """The example from the task (d = 1, reg = 0): log-likelihood -7.411372."""
    check(solution, reference, *EX, reg=0.0)


def test_two_dimensional_full_covariances(solution, reference):
    """2-D data with correlated (non-diagonal) input covariances."""
    X = np.array([[0.0, 0.0], [1.0, 0.5], [0.0, 1.0], [4.0, 4.0], [5.0, 4.5], [4.0, 5.0], [2.5, 2.0]])
    covs = np.array([[[1.0, 0.3], [0.3, 0.5]], [[2.0, -0.4], [-0.4, 1.0]]])
    check(solution, reference, X, np.array([0.3, 0.7]), np.array([[0.0, 0.0], [5.0, 5.0]]), covs, reg=0.0)


def test_unequal_weights_matter(solution, reference):
    """Mixing weights 0.9 / 0.1 shift the responsibilities of the points in between."""
    X = np.linspace(-1, 3, 9)[:, None]
    check(solution, reference, X, np.array([0.9, 0.1]), np.array([[0.0], [2.0]]), np.array([[[1.0]], [[1.0]]]))


@pytest.mark.parametrize("reg", [0.0, 1e-6, 0.1])
def test_reg_is_added_to_the_diagonal(solution, reference, reg):
    """reg is added to the diagonal of every new covariance (after the M-step)."""
    X, w, m, c = mixture(1, 2, 3)
    check(solution, reference, X, w, m, c, reg=reg)


def test_log_likelihood_is_of_the_input_parameters(solution, reference):
    """Starting far from the optimum: the returned value is the log-likelihood BEFORE the update."""
    X, w, m, c = mixture(2, 3, 2)
    check(solution, reference, X, w, m + 2.0, c * 3.0, reg=1e-6)


def test_repeated_steps_never_decrease_the_log_likelihood(solution, reference):
    """Ten chained steps with reg = 0: each agrees with the reference, and the log-likelihood never drops."""
    X, w, m, c = mixture(3, 3, 2, n=150, sep=2.5)
    lls = []
    for step in range(10):
        got = check(solution, reference, X, w, m, c, reg=0.0)
        w, m, c = (np.asarray(g, dtype=float) for g in got[:3])
        lls.append(float(np.asarray(got[3])))
    drops = [i for i in range(1, len(lls)) if lls[i] < lls[i - 1] - 1e-9 * abs(lls[i - 1])]
    if drops:
        fail(f"the log-likelihood decreased at step {drops[0]}: {lls[drops[0] - 1]:.6f} -> {lls[drops[0]]:.6f}.")


def test_point_far_from_every_component(solution, reference):
    """A point ~1000 standard deviations away: its densities underflow, its log-densities do not."""
    X, w, m, c = mixture(4, 2, 2, n=40)
    X = np.vstack([X, [[1000.0, -1200.0]]])
    check(solution, reference, X, w, m, c)


@pytest.mark.parametrize("offset", [1e4, 1e6])
def test_data_far_from_the_origin(solution, reference, offset):
    """Data around 1e4-1e6 with spread ~1: covariances from centred data stay accurate."""
    X, w, m, c = mixture(5, 2, 2, offset=offset)
    check(solution, reference, X, w, m, c)


def test_degenerate_data_on_a_line(solution, reference):
    """2-D points on a line: the new covariances are singular without reg; reg = 1e-3 keeps them PD."""
    t = np.linspace(-2, 2, 30)
    X = np.column_stack([t, 2 * t + 1])
    got = check(solution, reference, X, np.array([0.5, 0.5]), np.array([[-1.0, -1.0], [1.0, 3.0]]),
                np.array([np.eye(2), np.eye(2)]), reg=1e-3)
    if np.min(np.linalg.eigvalsh(np.asarray(got[2], dtype=float))) <= 0:
        fail("a new covariance is not positive definite; add reg to its diagonal.")


def test_single_component(solution, reference):
    """K = 1: the new mean is the data mean, the new covariance the biased data covariance (+ reg)."""
    rng = np.random.default_rng(6)
    X = rng.normal(size=(25, 3)) @ rng.normal(size=(3, 3))
    check(solution, reference, X, np.array([1.0]), np.zeros((1, 3)), np.eye(3)[None], reg=1e-4)


@pytest.mark.parametrize("seed", range(5))
def test_random_mixtures(solution, reference, seed):
    """Seeded random mixtures with 2-4 components in 1-4 dimensions."""
    rng = np.random.default_rng(30 + seed)
    X, w, m, c = mixture(40 + seed, int(rng.integers(2, 5)), int(rng.integers(1, 5)), n=int(rng.integers(20, 200)))
    check(solution, reference, X, w, m, c, reg=float(rng.choice([0.0, 1e-6, 1e-2])))


def test_lists_are_accepted(solution, reference):
    """Plain nested lists for every argument."""
    X, w, m, c = EX
    check(solution, reference, X.tolist(), w.tolist(), m.tolist(), c.tolist(), reg=1e-6)


def test_inputs_not_modified(solution, reference):
    """X, weights, means and covs are left untouched (checked on every call)."""
    X, w, m, c = mixture(9, 2, 2)
    check(solution, reference, X, w, m, c)


def speed_case():
    X, w, m, c = mixture(0, 4, 3, n=10000)
    return {"function": "em_step", "args": (X, w, m, c)}
