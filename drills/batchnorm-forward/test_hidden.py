"""Hidden tests for `batchnorm_forward`. Tolerances: RTOL=1e-9, ATOL=1e-12 (float64 rounding only)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
NAMES = ("out", "new_running_mean", "new_running_var")


def run(solution, X, gamma, beta, rm, rv, **kwargs):
    got = call(solution.batchnorm_forward, X, gamma, beta, rm, rv, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"expected a tuple (out, new_running_mean, new_running_var), got {type(got).__name__}"
             + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "") + ".", got=got)
    return got


def check(solution, reference, X, gamma, beta, rm, rv, **kwargs):
    expected = reference.batchnorm_forward(X.copy(), gamma.copy(), beta.copy(), rm.copy(), rv.copy(), **kwargs)
    got = run(solution, X, gamma, beta, rm, rv, **kwargs)
    for name, g, e in zip(NAMES, got, expected):
        assert_close(g, e, rtol=RTOL, atol=ATOL, what=name)
    return got


def random_case(seed, n, d):
    rng = np.random.default_rng(seed)
    X = rng.normal(rng.uniform(-3, 3, d), rng.uniform(0.5, 4, d), size=(n, d))
    return (X, rng.uniform(0.5, 2.0, d), rng.normal(size=d), rng.normal(size=d), rng.uniform(0.5, 3.0, d))


EX = (np.array([[1.0, 2.0], [3.0, 6.0]]), np.ones(2), np.zeros(2), np.zeros(2), np.ones(2))


def test_worked_example_training(solution, reference):
    """The example from the task in training mode."""
    check(solution, reference, *EX, training=True)


def test_worked_example_eval(solution, reference):
    """The example from the task in evaluation mode (running statistics, returned unchanged)."""
    check(solution, reference, *EX, training=False)


@pytest.mark.parametrize("shape", [(8, 5), (3, 7), (64, 2), (2, 1)])
def test_training_random(solution, reference, shape):
    """Training mode on seeded batches (n, d), with random gamma, beta and running statistics."""
    check(solution, reference, *random_case(sum(shape), *shape))


@pytest.mark.parametrize("shape", [(8, 5), (1, 4), (5, 5)])
def test_eval_random(solution, reference, shape):
    """Evaluation mode uses the running statistics, including a single sample (n = 1)."""
    check(solution, reference, *random_case(10 + sum(shape), *shape), training=False)


def test_eval_returns_running_stats_unchanged(solution, reference):
    """In evaluation mode the returned running statistics equal the ones passed in."""
    X, g, b, rm, rv = random_case(3, 6, 3)
    got = run(solution, X, g, b, rm, rv, training=False)
    assert_close(got[1], rm, rtol=0, atol=0, what="new_running_mean (must be unchanged in eval)")
    assert_close(got[2], rv, rtol=0, atol=0, what="new_running_var (must be unchanged in eval)")


def test_square_batch(solution, reference):
    """n = d: the statistics must still be taken over the batch (axis 0), per feature."""
    check(solution, reference, *random_case(4, 4, 4))


def test_biased_variance(solution, reference):
    """The variance divides by n (ddof=0), visible with a small batch of 3."""
    X = np.array([[0.0, 10.0], [3.0, 10.5], [6.0, 12.0]])
    check(solution, reference, X, np.ones(2), np.zeros(2), np.zeros(2), np.ones(2))


def test_constant_feature_gives_beta(solution, reference):
    """A feature with zero batch variance maps to beta (eps keeps it finite, no nan)."""
    X = np.array([[5.0, 1.0], [5.0, 2.0], [5.0, 4.0]])
    check(solution, reference, X, np.array([2.0, 1.0]), np.array([0.7, -0.3]), np.zeros(2), np.ones(2))


def test_tiny_variance_eps_inside_sqrt(solution, reference):
    """A feature whose variance is comparable to eps: eps must be inside the square root."""
    X = np.array([[0.0, 1.0], [0.004, -1.0], [0.01, 0.5], [0.002, 2.0]])
    check(solution, reference, X, np.ones(2), np.zeros(2), np.zeros(2), np.ones(2))


@pytest.mark.parametrize("eps", [1e-3, 0.5])
def test_custom_eps(solution, reference, eps):
    """The eps argument is used (in training and in evaluation)."""
    case = random_case(5, 6, 3)
    check(solution, reference, *case, eps=eps)
    check(solution, reference, *case, training=False, eps=eps)


@pytest.mark.parametrize("momentum", [0.0, 0.7, 0.99])
def test_custom_momentum(solution, reference, momentum):
    """The momentum argument weights the OLD running value: momentum = 0 keeps only the batch."""
    check(solution, reference, *random_case(6, 5, 4), momentum=momentum)


def test_several_training_steps_then_eval(solution, reference):
    """Three training batches chained through the returned running stats, then evaluation."""
    rng = np.random.default_rng(7)
    d = 3
    gamma, beta = np.array([1.5, 0.5, 1.0]), np.array([0.0, 1.0, -1.0])
    rm, rv = np.zeros(d), np.ones(d)
    for _ in range(3):
        X = rng.normal([1.0, -2.0, 5.0], [2.0, 0.5, 3.0], size=(10, d))
        _, rm, rv = check(solution, reference, X, gamma, beta, rm, rv, momentum=0.8)
        rm, rv = np.asarray(rm, dtype=float), np.asarray(rv, dtype=float)
    check(solution, reference, rng.normal(size=(4, d)), gamma, beta, rm, rv, training=False)


def test_integer_input(solution, reference):
    """An integer batch works (float results)."""
    X = np.array([[1, 2, 3], [4, 0, 3], [7, 5, 3], [0, 1, 3]])
    check(solution, reference, X, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3))


def test_running_arrays_not_modified(solution, reference):
    """running_mean and running_var are not updated in place (the grader checks every argument)."""
    check(solution, reference, *random_case(8, 6, 3))


def speed_case():
    X, g, b, rm, rv = random_case(0, 5_000, 20)
    return {"function": "batchnorm_forward", "args": (X, g, b, rm, rv)}
