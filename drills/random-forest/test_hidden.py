"""Hidden tests for `bootstrap_indices`, `majority_vote` and `random_forest_predict`.

Indices, votes and predictions are compared exactly. With max_features=None the forest is fully
determined by the seed (bootstrap rows from bootstrap_indices, deterministic CART trees), so it is
compared with the reference; with max_features < d only properties are checked.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_equal, call, fail


def data(seed, n=80, d=4, noise=0.8, m=60):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (X[:, 0] + 0.8 * X[:, 1] - 0.6 * X[:, 2] + noise * rng.normal(size=n) > 0).astype(int)
    return X, y, rng.normal(size=(m, d))


def forest(solution, *args, **kwargs):
    got = call(solution.random_forest_predict, *args, **kwargs)
    arr = as_array(got)
    m = len(args[2])
    if arr.shape != (m,):
        fail(f"expected predictions of shape ({m},), got shape {arr.shape}.", got=got)
    return arr


def check_forest(solution, reference, X, y, X_test, **kwargs):
    expected = reference.random_forest_predict(np.copy(X), np.copy(y), np.copy(X_test), **kwargs)
    assert_equal(forest(solution, X, y, X_test, **kwargs), expected, what="predictions")


def test_bootstrap_indices_worked_example(solution, reference):
    """bootstrap_indices(5, 2, seed=0) is [[4, 3, 2, 1, 1], [0, 0, 0, 0, 4]]."""
    got = call(solution.bootstrap_indices, 5, 2, seed=0)
    assert_equal(got, reference.bootstrap_indices(5, 2, seed=0), what="indices")


@pytest.mark.parametrize("n,n_trees,seed", [(1, 3, 1), (10, 1, 7), (50, 8, 123), (200, 25, 2024)])
def test_bootstrap_indices_exact(solution, reference, n, n_trees, seed):
    """Exactly default_rng(seed).integers(0, n, size=(n_trees, n)): with replacement, one generator."""
    got = call(solution.bootstrap_indices, n, n_trees, seed=seed)
    assert_equal(got, reference.bootstrap_indices(n, n_trees, seed=seed), what="indices")


def test_majority_vote_worked_example(solution, reference):
    """The example from the task: [[0,1,2],[1,1,2],[1,0,0],[0,2,1]] -> [0, 1, 2]."""
    P = np.array([[0, 1, 2], [1, 1, 2], [1, 0, 0], [0, 2, 1]])
    assert_equal(call(solution.majority_vote, P), reference.majority_vote(P.copy()), what="votes")


def test_majority_vote_ties_and_labels(solution, reference):
    """Ties go to the smallest label, including negative, non-contiguous and far-apart (1e9) labels."""
    for P in (np.array([[5, 7], [7, 5]]), np.array([[-3, 12], [12, -3], [12, 40]]),
              np.array([[9, 2, 4], [4, 9, 2], [2, 4, 9]]), np.array([[3, 3, 1]]),
              np.array([[0, 10 ** 9, 5], [10 ** 9, 0, 5], [10 ** 9, -10 ** 7, -10 ** 7]])):
        assert_equal(call(solution.majority_vote, P), reference.majority_vote(P.copy()), what="votes")


@pytest.mark.parametrize("seed", range(3))
def test_majority_vote_random(solution, reference, seed):
    """Seeded random votes of 1-30 trees over 2-6 labels."""
    rng = np.random.default_rng(seed)
    P = rng.integers(0, int(rng.integers(2, 7)), size=(int(rng.integers(1, 31)), 200)) * 3 - 4
    assert_equal(call(solution.majority_vote, P), reference.majority_vote(P.copy()), what="votes")


@pytest.mark.parametrize("max_depth", [1, 3, None])
def test_no_bootstrap_all_features_is_one_tree(solution, reference, max_depth):
    """bootstrap=False, max_features=None: every tree is the same CART tree, so 1 or 5 trees agree with it."""
    X, y, X_test = data(1)
    single = reference.random_forest_predict(X, y, X_test, n_trees=1, max_depth=max_depth, bootstrap=False)
    for n_trees in (1, 5):
        got = forest(solution, X, y, X_test, n_trees=n_trees, max_depth=max_depth, bootstrap=False, seed=0)
        assert_equal(got, single, what=f"predictions of {n_trees} identical trees")


@pytest.mark.parametrize("seed", range(4))
def test_bootstrap_forest_matches_reference(solution, reference, seed):
    """bootstrap=True, max_features=None: trees on the rows bootstrap_indices(n, n_trees, seed)[t], majority vote."""
    X, y, X_test = data(10 + seed, n=60)
    check_forest(solution, reference, X, y, X_test, n_trees=[1, 4, 7, 10][seed], max_depth=[None, 2, 4, None][seed],
                 seed=100 + seed)


def test_max_features_at_least_d_uses_all_features(solution, reference):
    """max_features = d (or more) is the same as None: no randomness in the trees."""
    X, y, X_test = data(3)
    check_forest(solution, reference, X, y, X_test, n_trees=3, max_depth=3, max_features=4, bootstrap=False, seed=5)
    check_forest(solution, reference, X, y, X_test, n_trees=6, max_depth=2, max_features=9, seed=6)


def test_multiclass_and_non_contiguous_labels(solution, reference):
    """Labels 2, 5, 9 (three classes) with bootstrap; lists accepted."""
    X, _, X_test = data(4, n=70)
    y = np.array([2, 5, 9])[np.digitize(X[:, 0] - X[:, 1], [-0.7, 0.7])]
    check_forest(solution, reference, X.tolist(), y.tolist(), X_test.tolist(), n_trees=5, max_depth=3, seed=11)


def test_depth_zero_predicts_the_majority(solution, reference):
    """max_depth=0 without bootstrap: every tree is one leaf with the majority label."""
    X, y, X_test = data(5)
    check_forest(solution, reference, X, y, X_test, n_trees=3, max_depth=0, bootstrap=False)


def test_each_split_uses_a_drawn_feature(solution, reference):
    """max_features=1, one depth-1 tree: it must be the best stump of a single feature."""
    X, y, X_test = data(6, d=3)
    stumps = [reference.random_forest_predict(X[:, [j]], y, X_test[:, [j]], n_trees=1, max_depth=1,
                                              bootstrap=False) for j in range(3)]
    used = set()
    for seed in range(8):
        got = forest(solution, X, y, X_test, n_trees=1, max_depth=1, max_features=1, bootstrap=False, seed=seed)
        match = [j for j in range(3) if np.array_equal(got, stumps[j])]
        if not match:
            fail(f"with max_features=1 (seed={seed}) the depth-1 tree is not the best split of any single "
                 "feature: search only the drawn feature at each node.", got=got)
        used.add(match[0])
    if len(used) < 2:
        fail(f"with max_features=1 the stump used feature {used.pop()} for all 8 seeds: draw the feature at "
             "random (from the seed) at every node.")


def test_feature_subsets_are_drawn_without_replacement(solution, reference):
    """max_features=2 of 3: the stump never uses the weakest feature (a pair always holds a better one)."""
    rng = np.random.default_rng(13)
    X = rng.normal(size=(40, 3))
    y = np.where(2 * X[:, 0] + X[:, 1] + 0.3 * rng.normal(size=40) > 0, 1, 0)
    X_test = rng.normal(size=(30, 3))
    single = [reference.random_forest_predict(X[:, [j]], y, X_test[:, [j]], n_trees=1, max_depth=1,
                                              bootstrap=False) for j in range(3)]
    pairs = [reference.random_forest_predict(X, y, X_test, n_trees=1, max_depth=1, bootstrap=False,
                                             max_features=2, seed=s) for s in range(40)]
    allowed = {tuple(p.tolist()) for p in pairs} | {tuple(single[0].tolist()), tuple(single[1].tolist())}
    for seed in range(40):
        got = forest(solution, X, y, X_test, n_trees=1, max_depth=1, max_features=2, bootstrap=False, seed=seed)
        if np.array_equal(got, single[2]) or tuple(got.tolist()) not in allowed:
            fail(f"with max_features=2 of 3 (seed={seed}) the stump split on the weakest feature, which only "
                 "happens if the same feature is drawn twice: draw the features without replacement.", got=got)


def test_integer_features_with_bootstrap(solution, reference):
    """Integer features (repeated values) with bootstrap duplicates: no split between equal values."""
    rng = np.random.default_rng(14)
    X = rng.integers(0, 4, size=(60, 3))
    y = ((X[:, 0] + X[:, 1] > 3) ^ (rng.random(60) < 0.2)).astype(int)
    check_forest(solution, reference, X, y, rng.integers(-1, 5, size=(40, 3)), n_trees=5, max_depth=4, seed=3)
    at_thresholds = np.array(np.meshgrid(*[[0.5, 1.5, 2.5]] * 3)).reshape(3, -1).T  # x <= t goes left
    check_forest(solution, reference, X, y, at_thresholds, n_trees=3, max_depth=2, seed=4)


def test_same_seed_same_forest(solution, reference):
    """Reproducible: the same seed gives the same predictions (bootstrap and feature draws)."""
    X, y, X_test = data(7)
    a = forest(solution, X, y, X_test, n_trees=8, max_depth=3, max_features=2, seed=42)
    b = forest(solution, X, y, X_test, n_trees=8, max_depth=3, max_features=2, seed=42)
    assert_equal(b, a, what="predictions of the second call with seed=42")


def test_different_seeds_give_different_forests(solution, reference):
    """max_features=1 and no bootstrap: the feature draws alone must make seeds differ."""
    X, y, X_test = data(8, noise=1.5)
    runs = {tuple(forest(solution, X, y, X_test, n_trees=1, max_depth=3, max_features=1, bootstrap=False,
                         seed=s).tolist()) for s in range(6)}
    if len(runs) < 2:
        fail("six different seeds gave identical forests with max_features=1: the feature subsets must be "
             "drawn from a generator seeded with `seed`.")


def test_accuracy_on_easy_data(solution, reference):
    """Two well-separated classes: 15 trees with max_features=2 classify >= 95% of test points."""
    rng = np.random.default_rng(9)
    y = rng.integers(0, 2, 200)
    X = rng.normal(size=(200, 4)) + 2.5 * (2 * y[:, None] - 1)
    y_test = rng.integers(0, 2, 100)
    X_test = rng.normal(size=(100, 4)) + 2.5 * (2 * y_test[:, None] - 1)
    got = forest(solution, X, y, X_test, n_trees=15, max_features=2, seed=0)
    acc = float(np.mean(got == y_test))
    if acc < 0.95:
        fail(f"accuracy {acc:.2f} on two well-separated blobs; expected >= 0.95.", got=got)


def test_inputs_not_modified(solution, reference):
    """X_train, y_train and X_test are left untouched (checked on every call)."""
    X, y, X_test = data(12, n=40)
    check_forest(solution, reference, X, y, X_test, n_trees=3, max_depth=2, seed=1)


def speed_case():
    P = np.random.default_rng(0).integers(0, 3, size=(5, 100000))
    return {"function": "majority_vote", "args": (P,)}
