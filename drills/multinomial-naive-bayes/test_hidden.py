"""Hidden tests for `multinomial_nb`. Labels are compared exactly; log_proba with rtol=1e-6, atol=1e-6.

Counts are drawn at random from per-class word distributions; ties between classes do not occur.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, assert_equal, call, fail

RTOL, ATOL = 1e-6, 1e-6


def check(solution, reference, X_train, y_train, X_test, **kwargs):
    exp_labels, exp_logp = reference.multinomial_nb(np.copy(X_train), np.copy(y_train), np.copy(X_test), **kwargs)
    got = call(solution.multinomial_nb, X_train, y_train, X_test, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (labels, log_proba).", got=got)
    assert_close(got[1], exp_logp, rtol=RTOL, atol=ATOL, what="log_proba")
    assert_equal(got[0], exp_labels, what="labels")
    return as_array(got[1])


def corpus(seed, n_classes, d, n=60, length=30, m=25, weights=None, sparse=0.0):
    """Documents drawn from a multinomial per class; `sparse` zeroes a share of each class's vocabulary."""
    rng = np.random.default_rng(seed)
    theta = rng.dirichlet(np.ones(d) * 0.7, size=n_classes)
    if sparse:
        theta = theta * (rng.random((n_classes, d)) > sparse) + 1e-12
        theta /= theta.sum(axis=1, keepdims=True)
    p = None if weights is None else np.asarray(weights) / np.sum(weights)
    y = rng.choice(n_classes, size=n, p=p)
    y[:n_classes] = np.arange(n_classes)
    lengths = rng.integers(1, 2 * length, n)
    X = np.array([rng.multinomial(L, theta[c]) for L, c in zip(lengths, y)])
    X_test = np.array([rng.multinomial(int(rng.integers(1, 2 * length)), theta[rng.integers(n_classes)])
                       for _ in range(m)])
    return X, y, X_test


def test_worked_example(solution, reference):
    """The example from the task: posteriors [2/3, 1/3] and [1/9, 8/9]."""
    check(solution, reference, np.array([[2, 1, 0], [1, 0, 0], [0, 1, 3]]), np.array([0, 0, 1]),
          np.array([[1, 0, 1], [0, 0, 2]]))


def test_denominator_is_smoothed(solution, reference):
    """Classes with different totals: the denominator is N_c + alpha * d, so theta sums to 1."""
    X = np.array([[5, 0, 0, 0], [3, 1, 0, 0], [0, 0, 1, 0], [0, 1, 0, 1]])
    check(solution, reference, X, np.array([0, 0, 1, 1]), np.array([[1, 1, 0, 0], [0, 0, 2, 1], [1, 0, 0, 1]]))


def test_unseen_feature_in_a_class(solution, reference):
    """A test document uses a word never seen in one class: smoothing keeps its probability > 0."""
    X = np.array([[3, 2, 0], [4, 1, 0], [0, 1, 5]])
    check(solution, reference, X, np.array([0, 0, 1]), np.array([[1, 0, 1], [0, 0, 1], [2, 2, 1]]))


@pytest.mark.parametrize("alpha", [0.01, 0.5, 2.0, 5.0])
def test_alpha_is_used(solution, reference, alpha):
    """alpha other than 1 (Lidstone smoothing) changes every theta."""
    X, y, X_test = corpus(3, 3, 12, sparse=0.4)
    check(solution, reference, X, y, X_test, alpha=alpha)


def test_class_prior_is_used(solution, reference):
    """Unbalanced classes (8 documents vs 2): log P(c) matters, short test documents feel it most."""
    X = np.array([[1, 1, 0]] * 4 + [[2, 0, 1]] * 4 + [[0, 1, 1], [1, 0, 2]])
    check(solution, reference, X, np.array([0] * 8 + [1] * 2), np.array([[0, 1, 0], [1, 0, 1], [0, 0, 1]]))


def test_counts_not_document_frequency(solution, reference):
    """Counts above 1: N_cj sums the counts (a word 10 times counts 10 times)."""
    X = np.array([[10, 1, 0], [1, 1, 1], [1, 4, 6], [0, 1, 1]])
    check(solution, reference, X, np.array([0, 0, 1, 1]), np.array([[1, 1, 0], [0, 1, 3], [2, 0, 1]]))


def test_empty_test_document_gets_the_prior(solution, reference):
    """A test row of zeros: the posterior equals the prior."""
    X, y, _ = corpus(4, 3, 6, weights=[5, 2, 1])
    check(solution, reference, X, y, np.zeros((2, 6), dtype=int))


def test_long_documents_no_underflow(solution, reference):
    """Documents of ~20000 words over 1000 features: products of probabilities underflow, logs do not."""
    X, y, X_test = corpus(5, 3, 1000, n=30, length=10000, m=10)
    logp = check(solution, reference, X, y, X_test)
    if not np.all(np.isfinite(logp)):
        fail("log_proba has non-finite values on long documents; stay in log space and use log-sum-exp.")


def test_probabilities_sum_to_one(solution, reference):
    """exp(log_proba) sums to 1 in every row."""
    X, y, X_test = corpus(6, 4, 8, length=5)
    logp = check(solution, reference, X, y, X_test)
    if not np.allclose(np.exp(logp).sum(axis=1), 1.0, atol=1e-9):
        fail("exp(log_proba) rows do not sum to 1: subtract the log-sum-exp of the joint log-likelihoods.")


def test_non_contiguous_labels(solution, reference):
    """Labels -1, 4 and 10 are returned as they are; columns follow the sorted classes."""
    X, y, X_test = corpus(7, 3, 10)
    check(solution, reference, X, np.array([10, -1, 4])[y], X_test)


@pytest.mark.parametrize("seed", range(5))
def test_random_corpora(solution, reference, seed):
    """Seeded random corpora: 2-5 classes, 3-40 features, unequal class sizes, several alphas."""
    rng = np.random.default_rng(70 + seed)
    C, d = int(rng.integers(2, 6)), int(rng.integers(3, 41))
    X, y, X_test = corpus(80 + seed, C, d, n=int(rng.integers(10, 120)), weights=rng.uniform(0.2, 1, C),
                          sparse=0.3)
    check(solution, reference, X, y, X_test, alpha=float(rng.choice([0.1, 1.0, 3.0])))


def test_float_counts_and_lists(solution, reference):
    """Plain lists, and float counts (e.g. tf-idf-like weights), are accepted."""
    check(solution, reference, [[1.5, 0.0, 2.0], [0.5, 1.0, 0.0], [0.0, 3.0, 1.0]], [1, 1, 2],
          [[1.0, 1.0, 1.0], [0.0, 2.5, 0.0]])


def test_inputs_not_modified(solution, reference):
    """X_train, y_train and X_test are left untouched (checked on every call)."""
    X, y, X_test = corpus(9, 2, 5)
    check(solution, reference, X, y, X_test)


def speed_case():
    X, y, X_test = corpus(0, 4, 500, n=500, m=2000)
    return {"function": "multinomial_nb", "args": (X, y, X_test)}
