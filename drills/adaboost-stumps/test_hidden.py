"""Hidden tests for `adaboost_fit` and `adaboost_predict`.

Models are compared stump by stump: feature and polarity exactly, threshold rtol=1e-9 atol=1e-12,
alpha rtol=1e-7 atol=1e-9; predictions exactly. `adaboost_predict` is also tested on models built by
the reference, so a fit bug and a predict bug are reported separately.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, assert_equal, call, fail


def check_fit(solution, reference, X, y, n_rounds):
    expected = reference.adaboost_fit(np.copy(X), np.copy(y), n_rounds)
    got = call(solution.adaboost_fit, X, y, n_rounds)
    if not isinstance(got, (list, tuple)) or len(got) != len(expected):
        fail(f"expected a list of {len(expected)} stumps (feature, threshold, polarity, alpha), got "
             f"{type(got).__name__} of length {len(got) if hasattr(got, '__len__') else '?'}.", got=got)
    for r, (g, e) in enumerate(zip(got, expected)):
        if not hasattr(g, "__len__") or len(g) != 4:
            fail(f"stump {r} is {g!r}; each stump must be a tuple (feature, threshold, polarity, alpha).")
        if int(g[0]) != e[0] or int(g[2]) != e[2]:
            fail(f"round {r}: expected the stump on feature {e[0]} with polarity {e[2]:+d} (threshold {e[1]:.6g}, "
                 f"alpha {e[3]:.6g}), got feature {g[0]}, polarity {g[2]} (threshold {g[1]}, alpha {g[3]}).",
                 expected=e, got=g)
        assert_close(g[1], e[1], rtol=1e-9, atol=1e-12, what=f"the threshold of round {r}", scalar=True)
        assert_close(g[3], e[3], rtol=1e-7, atol=1e-9, what=f"the alpha of round {r}", scalar=True)
    return expected


def check_predict(solution, reference, model, X):
    expected = reference.adaboost_predict(model, np.copy(X))
    got = call(solution.adaboost_predict, model, X)
    assert_equal(got, expected, what="predictions")


def data(seed, n=60, d=3, flip=0.15):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = np.where(X[:, 0] + 0.7 * X[:, -1] ** 2 - 0.5 > 0, 1, -1)
    y[rng.random(n) < flip] *= -1
    return X, y


EX_X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
EX_Y = np.array([1, 1, -1, -1, 1])


def test_worked_example_fit(solution, reference):
    """The example from the task: (0, 2.5, -1, ½ln4), (0, 4.5, +1, ½ln3), (0, 2.5, -1, ...)."""
    check_fit(solution, reference, EX_X, EX_Y, 3)


def test_worked_example_predict(solution, reference):
    """The example's model predicts [1, 1, -1, -1, -1] on the training points."""
    model = reference.adaboost_fit(EX_X, EX_Y, 3)
    check_predict(solution, reference, model, EX_X)


def test_first_round_alpha(solution, reference):
    """One round: alpha = ½·ln((1 − ε)/ε) with ε the weighted error of the best stump."""
    X, y = data(1)
    check_fit(solution, reference, X, y, 1)


@pytest.mark.parametrize("seed", range(5))
def test_random_data_many_rounds(solution, reference, seed):
    """Seeded noisy data, 1-5 features, 5-25 rounds: every stump and alpha along the way."""
    rng = np.random.default_rng(seed)
    X, y = data(20 + seed, n=int(rng.integers(20, 120)), d=int(rng.integers(1, 6)))
    model = check_fit(solution, reference, X, y, int(rng.integers(5, 26)))
    check_predict(solution, reference, model, rng.normal(size=(50, X.shape[1])))


def test_predict_with_reference_models(solution, reference):
    """adaboost_predict on reference models: sign of the alpha-weighted votes; x == threshold counts as below."""
    X, y = data(3, d=4)
    model = reference.adaboost_fit(X, y, 12)
    check_predict(solution, reference, model, np.random.default_rng(0).normal(size=(80, 4)))
    check_predict(solution, reference, [(1, 0.3, -1, 0.8), (0, -0.2, 1, 0.5), (2, 0.0, 1, 0.25)],
                  np.vstack([np.random.default_rng(1).normal(size=(40, 4)), [[0.0, 0.3, 0.0, 0.0], [-0.2, 0.3, 0.0, 0.0]]]))


def test_predict_zero_score_is_positive(solution, reference):
    """Two opposite stumps with equal alpha cancel: a score of 0 is predicted +1."""
    check_predict(solution, reference, [(0, 0.0, 1, 0.5), (0, 0.0, -1, 0.5)], np.array([[-1.0], [1.0]]))


def test_negative_polarity(solution, reference):
    """Positives below the threshold: the best stump has polarity -1."""
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    check_fit(solution, reference, X, np.array([1, 1, 1, -1, -1, 1]), 4)


def test_perfect_stump_is_clipped(solution, reference):
    """A stump with zero error: ε is clipped to 1e-10, alpha ≈ 11.51 stays finite, the weights too."""
    X = np.array([[0.0, 5.0], [1.0, 3.0], [2.0, 4.0], [3.0, 1.0]])
    y = np.array([-1, -1, 1, 1])
    model = check_fit(solution, reference, X, y, 3)
    check_predict(solution, reference, model, X)


def test_ties_feature_threshold_polarity(solution, reference):
    """Ties: identical columns -> feature 0; equal errors -> smallest threshold, then polarity +1."""
    X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]])
    check_fit(solution, reference, X, np.array([-1, 1, 1, -1]), 3)
    check_fit(solution, reference, np.array([[1.0], [2.0]]), np.array([1, 1]), 2)


def test_thresholds_are_midpoints_between_distinct_values(solution, reference):
    """Repeated values are never split apart; thresholds are midpoints of distinct neighbours."""
    X = np.array([[0.0], [0.0], [1.0], [1.0], [4.0], [10.0]])
    check_fit(solution, reference, X, np.array([1, -1, -1, -1, 1, 1]), 5)


def test_integer_and_list_inputs(solution, reference):
    """Integer X given as lists."""
    rng = np.random.default_rng(4)
    X = rng.integers(0, 10, size=(30, 2))
    y = np.where(X[:, 0] + rng.integers(-3, 4, 30) > 4, 1, -1)
    check_fit(solution, reference, X.tolist(), y.tolist(), 6)


def test_zero_one_labels_raise(solution, reference):
    """Labels 0/1 instead of -1/+1 raise ValueError."""
    with pytest.raises(ValueError):
        call(solution.adaboost_fit, np.array([[0.0], [1.0], [2.0]]), np.array([0, 1, 1]), 2)


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked on every call)."""
    X, y = data(5)
    check_fit(solution, reference, X, y, 4)


def speed_case():
    X, y = data(0, n=1500, d=4)
    return {"function": "adaboost_fit", "args": (X, y, 10)}
