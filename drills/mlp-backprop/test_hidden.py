"""Hidden tests for `mlp_forward` and `mlp_backward`.

- Probabilities are compared with the reference: P_RTOL = 1e-9, P_ATOL = 1e-12.
- Gradients (computed by your mlp_backward from *your* forward cache) are compared with the
  reference: G_RTOL = 1e-7, G_ATOL = 1e-10, and with central finite differences of the mean
  cross-entropy (step FD_EPS = 1e-6): FD_RTOL = 1e-4, FD_ATOL = 1e-7. The finite-difference data
  keep every pre-activation at least 1e-3 away from the ReLU kink.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

P_RTOL, P_ATOL = 1e-9, 1e-12
G_RTOL, G_ATOL = 1e-7, 1e-10
FD_EPS, FD_RTOL, FD_ATOL = 1e-6, 1e-4, 1e-7
KEYS = ("W1", "b1", "W2", "b2")


def make_params(rng, d, h, c, scale=1.0):
    return {"W1": rng.normal(0, scale, (d, h)), "b1": rng.normal(0, 0.5, h),
            "W2": rng.normal(0, scale, (h, c)), "b2": rng.normal(0, 0.5, c)}


def make_problem(seed, n, d, h, c, scale=1.0):
    rng = np.random.default_rng(seed)
    params = make_params(rng, d, h, c, scale)
    X = rng.normal(size=(n, d))
    Y = np.eye(c)[rng.integers(0, c, n)]
    return X, Y, params


def copy_params(params):
    return {k: np.array(v, copy=True) for k, v in params.items()}


def forward(solution, X, params):
    got = call(solution.mlp_forward, X, params)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a pair (probs, cache), got {short_repr(got)}.", got=got)
    return got


def check_forward(solution, reference, X, params):
    expected, _ = reference.mlp_forward(np.copy(X), copy_params(params))
    probs, cache = forward(solution, X, params)
    assert_close(probs, expected, rtol=P_RTOL, atol=P_ATOL, what="probs")
    return probs, cache


def backward(solution, X, Y, params):
    """Run the user's forward then backward (with the user's own cache); return the grads dict."""
    _, cache = forward(solution, X, params)
    grads = call(solution.mlp_backward, X, Y, params, cache)
    if not isinstance(grads, dict) or set(grads) != set(KEYS):
        keys = sorted(grads) if isinstance(grads, dict) else type(grads).__name__
        fail(f"expected a dict with keys W1, b1, W2, b2; got {keys}.", got=grads)
    return grads


def check_backward(solution, reference, X, Y, params):
    _, ref_cache = reference.mlp_forward(np.copy(X), copy_params(params))
    expected = reference.mlp_backward(np.copy(X), np.copy(Y), copy_params(params), ref_cache)
    grads = backward(solution, X, Y, params)
    for k in KEYS:
        assert_close(grads[k], expected[k], rtol=G_RTOL, atol=G_ATOL, what=f"grads['{k}']")
    return grads


def mean_cross_entropy(reference, X, Y, params):
    probs, _ = reference.mlp_forward(X, params)
    return -np.mean(np.sum(Y * np.log(probs), axis=1))


def numerical_gradient(reference, X, Y, params, key):
    grad = np.zeros_like(params[key])
    for idx in np.ndindex(grad.shape):
        plus, minus = copy_params(params), copy_params(params)
        plus[key][idx] += FD_EPS
        minus[key][idx] -= FD_EPS
        grad[idx] = (mean_cross_entropy(reference, X, Y, plus)
                     - mean_cross_entropy(reference, X, Y, minus)) / (2 * FD_EPS)
    return grad


def worked_example():
    X = np.array([[1.0, -1.0], [0.5, 2.0]])
    params = {"W1": np.array([[1.0, -1.0], [0.5, 1.0]]), "b1": np.array([0.0, 0.5]),
              "W2": np.array([[1.0, -1.0], [-1.0, 2.0]]), "b2": np.array([0.0, 0.0])}
    return X, np.array([[1.0, 0.0], [0.0, 1.0]]), params


def test_worked_example_forward(solution, reference):
    """The example from the task: probs = [[0.7311, 0.2689], [0.0474, 0.9526]]."""
    X, _, params = worked_example()
    check_forward(solution, reference, X, params)


def test_worked_example_backward(solution, reference):
    """The example from the task: the four gradients."""
    X, Y, params = worked_example()
    check_backward(solution, reference, X, Y, params)


@pytest.mark.parametrize("seed,n,d,h,c", [(0, 6, 3, 5, 4), (1, 1, 4, 3, 2), (2, 20, 2, 8, 3), (3, 9, 5, 4, 6)])
def test_forward_random(solution, reference, seed, n, d, h, c):
    """Seeded random shapes (d, h, c all different): probabilities of shape (n, c) with rows summing to 1."""
    X, _, params = make_problem(seed, n, d, h, c)
    probs, _ = check_forward(solution, reference, X, params)
    assert_close(np.sum(probs, axis=1), np.ones(n), rtol=0, atol=1e-12, what="the row sums of probs")


def test_forward_large_logits(solution, reference):
    """Logits in the thousands, and rows of very different scale: no overflow, no NaN."""
    rng = np.random.default_rng(4)
    params = make_params(rng, 3, 4, 3, scale=30.0)
    X = np.vstack([rng.normal(0, 20, (2, 3)), -rng.normal(0, 20, (2, 3)), np.zeros((1, 3))])
    check_forward(solution, reference, X, params)


@pytest.mark.parametrize("seed,n,d,h,c", [(5, 7, 3, 5, 4), (6, 12, 4, 6, 3), (7, 5, 2, 3, 5)])
def test_backward_matches_reference(solution, reference, seed, n, d, h, c):
    """Seeded random shapes: every gradient equals the reference's (same shapes as the parameters)."""
    X, Y, params = make_problem(seed, n, d, h, c)
    check_backward(solution, reference, X, Y, params)


@pytest.mark.parametrize("seed,n,d,h,c", [(8, 5, 3, 4, 3), (9, 8, 2, 5, 4)])
def test_backward_matches_finite_differences(solution, reference, seed, n, d, h, c):
    """Every gradient entry equals the central finite difference of the mean cross-entropy."""
    X, Y, params = make_problem(seed, n, d, h, c)
    grads = backward(solution, X, Y, params)
    for k in KEYS:
        assert_close(grads[k], numerical_gradient(reference, X, Y, params, k), rtol=FD_RTOL, atol=FD_ATOL,
                     what=f"grads['{k}'] (compared with finite differences of the mean cross-entropy)")


def test_gradient_is_a_batch_mean(solution, reference):
    """Duplicating every sample leaves the mean loss, hence the gradients, unchanged (divide by n)."""
    X, Y, params = make_problem(10, 4, 3, 5, 3)
    expected = check_backward(solution, reference, X, Y, params)
    doubled = backward(solution, np.vstack([X, X]), np.vstack([Y, Y]), params)
    for k in KEYS:
        assert_close(doubled[k], expected[k], rtol=G_RTOL, atol=G_ATOL,
                     what=f"grads['{k}'] for the batch repeated twice (a mean must not change)")


def test_relu_derivative_is_zero_at_zero(solution, reference):
    """A pre-activation exactly 0 passes no gradient (ReLU'(0) = 0, the task's convention)."""
    X, Y, params = make_problem(11, 4, 3, 4, 3)
    X[1] = 0.0
    params["b1"][[0, 2]] = 0.0  # so Z1[1, 0] = Z1[1, 2] = 0 exactly
    check_backward(solution, reference, X, Y, params)


def test_dead_hidden_unit(solution, reference):
    """A hidden unit that is negative for every sample gets zero gradients for its weights."""
    X, Y, params = make_problem(12, 6, 3, 4, 3)
    params["b1"][1] = -100.0
    grads = check_backward(solution, reference, X, Y, params)
    assert_close(np.asarray(grads["W1"])[:, 1], np.zeros(3), rtol=0, atol=0,
                 what="grads['W1'][:, 1] (hidden unit 1 is never active)")


def test_single_sample(solution, reference):
    """n = 1: the mean over one sample."""
    X, Y, params = make_problem(13, 1, 4, 3, 5)
    check_backward(solution, reference, X, Y, params)


def test_large_logits_backward(solution, reference):
    """Large logits: the gradients stay finite (probs - Y is bounded)."""
    X, Y, params = make_problem(14, 5, 3, 4, 3, scale=30.0)
    check_backward(solution, reference, X, Y, params)


def test_integer_inputs(solution, reference):
    """Integer X is treated as floats."""
    rng = np.random.default_rng(15)
    params = make_params(rng, 3, 4, 2)
    X = rng.integers(-3, 4, size=(5, 3))
    check_forward(solution, reference, X, params)
    check_backward(solution, reference, X, np.eye(2)[[0, 1, 1, 0, 1]], params)


def test_inputs_not_modified(solution, reference):
    """X, Y, params and the cache are left untouched (checked by the grader on every call)."""
    X, Y, params = make_problem(16, 6, 3, 5, 4)
    check_backward(solution, reference, X, Y, params)


def speed_case():
    rng = np.random.default_rng(0)
    # Many samples through a narrow network: the per-sample loop pays Python's cost 10,000 times while
    # the reference does a few cheap matrix products (the loop is 35 to 90 times slower here).
    return {"function": "mlp_forward", "args": (rng.normal(size=(10000, 10)), make_params(rng, 10, 8, 4))}
