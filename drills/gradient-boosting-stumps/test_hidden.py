"""Hidden tests for `gbm_fit` and `gbm_predict`.

Models are compared stump by stump (features exactly; thresholds and leaf values rtol=1e-7,
atol=1e-9), predictions with rtol=1e-7, atol=1e-9. `gbm_predict` is also tested on the reference's
models, so a fit bug and a predict bug are reported separately.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-7, 1e-9


def check_fit(solution, reference, X, y, n_rounds, **kwargs):
    expected = reference.gbm_fit(np.copy(X), np.copy(y), n_rounds, **kwargs)
    got = call(solution.gbm_fit, X, y, n_rounds, **kwargs)
    if not isinstance(got, dict) or not {"init", "learning_rate", "stumps"} <= set(got):
        fail("return a dict with the keys 'init', 'learning_rate' and 'stumps'.", got=got)
    assert_close(got["init"], expected["init"], rtol=RTOL, atol=ATOL, what="model['init']", scalar=True)
    assert_close(got["learning_rate"], expected["learning_rate"], rtol=RTOL, atol=ATOL,
                 what="model['learning_rate']", scalar=True)
    stumps = got["stumps"]
    if not hasattr(stumps, "__len__") or len(stumps) != len(expected["stumps"]):
        fail(f"expected {len(expected['stumps'])} stumps, got {len(stumps) if hasattr(stumps, '__len__') else stumps}.")
    for r, (g, e) in enumerate(zip(stumps, expected["stumps"])):
        if not hasattr(g, "__len__") or len(g) != 4:
            fail(f"stump {r} is {g!r}; each stump is a tuple (feature, threshold, left_value, right_value).")
        if int(g[0]) != e[0]:
            fail(f"round {r}: expected a split on feature {e[0]} at {e[1]:.6g} (leaves {e[2]:.6g}, {e[3]:.6g}), "
                 f"got feature {g[0]} at {g[1]}.", expected=e, got=g)
        assert_close(g[1], e[1], rtol=RTOL, atol=ATOL, what=f"the threshold of round {r}", scalar=True)
        assert_close(np.array(g[2:4], dtype=float), np.array(e[2:4]), rtol=RTOL, atol=ATOL,
                     what=f"the (left, right) leaf values of round {r}")
    return expected


def check_predict(solution, reference, model, X):
    expected = reference.gbm_predict(model, np.copy(X))
    got = call(solution.gbm_predict, model, X)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="the predictions")


def data(seed, n=60, d=3, noise=0.3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = np.sin(2 * X[:, 0]) + X[:, -1] ** 2 + noise * rng.normal(size=n)
    return X, y


EX_X = np.array([[1.0], [2.0], [3.0], [4.0]])
EX_Y = np.array([1.0, 2.0, 6.0, 7.0])


def test_worked_example_fit(solution, reference):
    """The example from the task: init 4, stumps (0, 2.5, -2.5, 2.5) and (0, 2.5, -1.25, 1.25)."""
    check_fit(solution, reference, EX_X, EX_Y, 2, learning_rate=0.5)


def test_worked_example_predict(solution, reference):
    """The example's model predicts [2.125, 2.125, 5.875, 5.875]."""
    check_predict(solution, reference, reference.gbm_fit(EX_X, EX_Y, 2, learning_rate=0.5), EX_X)


def test_zero_rounds_is_the_mean(solution, reference):
    """n_rounds=0: no stumps, every prediction is mean(y)."""
    X, y = data(1)
    model = check_fit(solution, reference, X, y, 0)
    check_predict(solution, reference, model, X)


def test_second_stump_fits_the_residuals(solution, reference):
    """Round 2 is fitted to y - F after round 1 (not to y)."""
    X, y = data(2)
    check_fit(solution, reference, X, y, 2, learning_rate=0.3)


def test_default_learning_rate(solution, reference):
    """learning_rate defaults to 0.1."""
    X, y = data(3)
    check_fit(solution, reference, X, y, 5)


@pytest.mark.parametrize("lr", [1.0, 0.05])
def test_learning_rate_shrinks_each_stump(solution, reference, lr):
    """The learning rate scales each stump's contribution during fitting (so later residuals change)."""
    X, y = data(4)
    model = check_fit(solution, reference, X, y, 8, learning_rate=lr)
    check_predict(solution, reference, model, X)


@pytest.mark.parametrize("seed", range(5))
def test_random_data(solution, reference, seed):
    """Seeded data, 1-5 features, 3-40 rounds, several learning rates; predictions on new points."""
    rng = np.random.default_rng(seed)
    X, y = data(30 + seed, n=int(rng.integers(10, 150)), d=int(rng.integers(1, 6)))
    model = check_fit(solution, reference, X, y, int(rng.integers(3, 41)),
                      learning_rate=float(rng.choice([0.05, 0.1, 0.5, 1.0])))
    check_predict(solution, reference, model, rng.normal(size=(40, X.shape[1])))


def test_predict_with_reference_models(solution, reference):
    """gbm_predict on a hand-made model: x[j] <= threshold takes the left value; learning rate applied."""
    model = {"init": 1.5, "learning_rate": 0.2, "stumps": [(0, 0.0, -1.0, 2.0), (1, 0.5, 3.0, -4.0), (0, 1.0, 0.5, 0.25)]}
    X = np.array([[0.0, 0.5], [0.1, 0.6], [-1.0, 2.0], [1.0, -3.0], [2.0, 0.0]])
    check_predict(solution, reference, model, X)


def test_split_minimises_total_sse(solution, reference):
    """The SSE of both sides is summed (a tiny side with zero variance does not win by itself)."""
    X = np.arange(8.0)[:, None]
    y = np.array([5.0, 0.0, 1.0, 0.0, 1.0, 9.0, 10.0, 9.5])
    check_fit(solution, reference, X, y, 3, learning_rate=1.0)


def test_ties_go_to_first_feature_and_smallest_threshold(solution, reference):
    """Identical columns -> feature 0; mirror-symmetric residuals -> the smaller threshold."""
    X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]])
    check_fit(solution, reference, X, np.array([0.0, 4.0, 4.0, 0.0]), 3, learning_rate=0.5)


def test_thresholds_are_midpoints_between_distinct_values(solution, reference):
    """Repeated x values are never split apart; thresholds are midpoints (here 1.5 or 4.0, not 1 or 2)."""
    X = np.array([[0.0], [0.0], [1.0], [1.0], [2.0], [6.0]])
    check_fit(solution, reference, X, np.array([1.0, 3.0, 0.0, 0.5, 7.0, 8.0]), 3, learning_rate=0.5)


def test_large_offset_targets(solution, reference):
    """y around 1e6: the mean is removed first, the stumps fit the small residuals accurately."""
    X, y = data(5)
    model = check_fit(solution, reference, X, 1e6 + y, 6, learning_rate=0.5)
    check_predict(solution, reference, model, X)


def test_integer_and_list_inputs(solution, reference):
    """Integer X and y given as lists."""
    rng = np.random.default_rng(6)
    X = rng.integers(0, 8, size=(25, 2))
    y = 3 * X[:, 0] - X[:, 1] + rng.integers(-2, 3, 25)
    check_fit(solution, reference, X.tolist(), y.tolist(), 4, learning_rate=0.5)


def test_training_error_decreases(solution, reference):
    """With learning_rate < 1 every round lowers the training MSE (a sanity check of the residual fit)."""
    X, y = data(7)
    mses = []
    for rounds in (0, 1, 5, 20):
        model = call(solution.gbm_fit, X, y, rounds, learning_rate=0.3)
        pred = np.asarray(call(solution.gbm_predict, model, X), dtype=float)
        mses.append(float(np.mean((y - pred) ** 2)))
    if not all(a > b for a, b in zip(mses, mses[1:])):
        fail(f"training MSE after 0, 1, 5, 20 rounds: {np.round(mses, 5).tolist()}; it should decrease.")


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked on every call)."""
    X, y = data(8)
    check_fit(solution, reference, X, y, 3)


def speed_case():
    X, y = data(0, n=1500, d=4)
    return {"function": "gbm_fit", "args": (X, y, 10), "kwargs": {"learning_rate": 0.3}}
