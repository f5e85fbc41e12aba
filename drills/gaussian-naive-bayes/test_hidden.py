"""Hidden tests for `gaussian_nb`. Labels are compared exactly; log_proba with rtol=1e-6, atol=1e-6.

Test data avoid ties between classes (continuous random draws), so the predicted labels are unique.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, assert_equal, call, fail

RTOL, ATOL = 1e-6, 1e-6


def run(solution, X_train, y_train, X_test, **kwargs):
    got = call(solution.gaussian_nb, X_train, y_train, X_test, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (labels, log_proba).", got=got)
    return got


def check(solution, reference, X_train, y_train, X_test, **kwargs):
    exp_labels, exp_logp = reference.gaussian_nb(np.copy(X_train), np.copy(y_train), np.copy(X_test), **kwargs)
    labels, logp = run(solution, X_train, y_train, X_test, **kwargs)
    assert_close(logp, exp_logp, rtol=RTOL, atol=ATOL, what="log_proba")
    assert_equal(labels, exp_labels, what="labels")
    return as_array(logp)


def blobs(seed, n_classes, d, n=80, spread=1.0, offset=0.0, weights=None):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 2.0, (n_classes, d))
    scales = rng.uniform(0.5, 2.0, (n_classes, d)) * spread
    p = None if weights is None else np.asarray(weights) / np.sum(weights)
    y = rng.choice(n_classes, size=n, p=p)
    y[:n_classes] = np.arange(n_classes)  # every class present
    X = centers[y] + scales[y] * rng.normal(size=(n, d)) + offset
    X_test = centers[rng.integers(0, n_classes, 30)] + 2.0 * rng.normal(size=(30, d)) + offset
    return X, y, X_test


def test_worked_example(solution, reference):
    """The example from the task: two 1-D classes, test points 3 and 7."""
    check(solution, reference, np.array([[0.0], [2.0], [10.0], [12.0]]), np.array([0, 0, 1, 1]),
          np.array([[3.0], [7.0]]))


def test_variance_divides_by_class_size(solution, reference):
    """Small classes: the variance is the biased one (divide by n_c, not n_c - 1)."""
    X = np.array([[0.0, 1.0], [1.0, 3.0], [4.0, 0.0], [6.0, 1.0], [5.0, 3.0]])
    check(solution, reference, X, np.array([0, 0, 1, 1, 1]), np.array([[2.0, 2.0], [3.0, 1.0], [5.0, 0.5]]))


def test_class_prior_is_used(solution, reference):
    """Unbalanced, overlapping classes: log P(c) shifts the posteriors (9 points vs 3)."""
    rng = np.random.default_rng(4)
    X = np.vstack([rng.normal(0, 1, (9, 2)), rng.normal(0.8, 1, (3, 2))])
    y = np.array([0] * 9 + [1] * 3)
    check(solution, reference, X, y, rng.normal(0.4, 1, (10, 2)))


def test_constant_feature_inside_a_class(solution, reference):
    """A feature constant within one class: only the smoothing ε keeps its variance positive."""
    X = np.array([[0.0, 1.0], [2.0, 1.0], [10.0, 5.0], [12.0, 3.0], [11.0, 4.0]])
    check(solution, reference, X, np.array([0, 0, 1, 1, 1]), np.array([[3.0, 2.0], [7.0, 3.0], [1.0, 1.0]]))


@pytest.mark.parametrize("var_smoothing", [0.05, 0.5])
def test_smoothing_uses_largest_feature_variance(solution, reference, var_smoothing):
    """Large var_smoothing with features of very different scales: ε = var_smoothing · max_j Var(X[:, j])."""
    rng = np.random.default_rng(8)
    X = rng.normal(size=(40, 3)) * np.array([0.1, 1.0, 20.0])
    y = (X[:, 1] > 0).astype(int) + (X[:, 0] > 0.05)
    check(solution, reference, X, y, rng.normal(size=(12, 3)) * np.array([0.1, 1.0, 20.0]),
          var_smoothing=var_smoothing)


def test_thousand_features_no_underflow(solution, reference):
    """d = 1000: products of densities underflow to 0, sums of logs do not."""
    X, y, X_test = blobs(1, 3, 1000, n=60, spread=0.5)
    logp = check(solution, reference, X, y, X_test)
    if not np.all(np.isfinite(logp)):
        fail("log_proba contains non-finite values with 1000 features; stay in log space.")


def test_far_test_points_log_sum_exp(solution, reference):
    """Test points far from every class: all jll are about -1e6, the normalisation must subtract the max."""
    X, y, _ = blobs(2, 3, 5)
    X_test = np.array([[300.0, -250.0, 400.0, 100.0, -300.0], [-500.0, 500.0, 0.0, 0.0, 200.0]])
    check(solution, reference, X, y, X_test)


def test_probabilities_sum_to_one(solution, reference):
    """exp(log_proba) sums to 1 in every row (a normalised posterior, not a joint likelihood)."""
    X, y, X_test = blobs(3, 4, 3, spread=2.0)
    logp = check(solution, reference, X, y, X_test)
    sums = np.exp(logp).sum(axis=1)
    if not np.allclose(sums, 1.0, atol=1e-9):
        fail(f"exp(log_proba) rows sum to {sums[:3]}..., not 1.")


def test_non_contiguous_labels(solution, reference):
    """Labels 3, 7 and 9 are returned as they are; columns follow the sorted classes."""
    X, y, X_test = blobs(5, 3, 2)
    check(solution, reference, X, np.array([9, 3, 7])[y], X_test)


@pytest.mark.parametrize("seed", range(5))
def test_random_problems(solution, reference, seed):
    """Seeded random blobs with 2-5 classes, 1-8 features and unequal class sizes."""
    rng = np.random.default_rng(50 + seed)
    C, d = int(rng.integers(2, 6)), int(rng.integers(1, 9))
    X, y, X_test = blobs(60 + seed, C, d, n=int(rng.integers(20, 150)), spread=1.5,
                         weights=rng.uniform(0.2, 1.0, C))
    check(solution, reference, X, y, X_test)


def test_large_offset(solution, reference):
    """Features around 1e6 with spread ~1: variances must be computed around the means."""
    X, y, X_test = blobs(7, 2, 3, offset=1e6)
    check(solution, reference, X, y, X_test)


def test_single_class(solution, reference):
    """Only one class in y_train: every log P(c | x) is 0."""
    rng = np.random.default_rng(12)
    check(solution, reference, rng.normal(size=(6, 2)), np.array([4] * 6), rng.normal(size=(3, 2)))


def test_integer_lists(solution, reference):
    """Plain lists of integers are accepted."""
    check(solution, reference, [[1, 2], [2, 1], [3, 3], [8, 9], [9, 7], [7, 8]], [0, 0, 0, 1, 1, 1],
          [[2, 2], [8, 8], [5, 5]])


def test_inputs_not_modified(solution, reference):
    """X_train, y_train and X_test are left untouched (checked on every call)."""
    X, y, X_test = blobs(9, 3, 4)
    check(solution, reference, X, y, X_test)


# 500 test points, 5 classes, 20 features: the loop runs 50,000 times in Python, while the reference's
# (500, 5, 20) temporaries (400 KB) stay in cache (about 1 ms; the loop is about 50x slower)
def speed_case():
    X, y, _ = blobs(0, 5, 20, n=1000)
    X_test = np.random.default_rng(1).normal(size=(500, 20))
    return {"function": "gaussian_nb", "args": (X, y, X_test)}
