"""The trees-ensembles drill references agree with scikit-learn on random inputs inside their
contracts (test-only: the drills themselves never import these libraries).

- gini-best-split vs DecisionTreeClassifier(max_depth=1) on one feature: the root impurity (Gini, and
  entropy in bits), the best threshold and its impurity decrease.
- decision-tree-classifier vs DecisionTreeClassifier predictions (scikit-learn breaks ties between
  features at random, so only fits whose predictions do not depend on its random_state are compared).
- random-forest without bootstrap and with all features vs RandomForestClassifier(bootstrap=False,
  max_features=None): every tree is the same CART tree.
- adaboost-stumps vs AdaBoostClassifier (SAMME, the only algorithm in scikit-learn >= 1.6) driving the
  reference's own weighted-error stump: the same stumps, estimator_weights_ = 2·alpha, the same votes.
  (Its default DecisionTreeClassifier(max_depth=1) picks stumps by weighted Gini, not weighted error.)
- gradient-boosting-stumps vs GradientBoostingRegressor(max_depth=1): every stump's partition of the
  training samples and leaf values, and the predictions (its default friedman_mse criterion ranks the
  splits of a single node exactly like the SSE).

scikit-learn works in float32 for X, so features are drawn as float32-representable numbers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def classification_data(rng, n, d, k=2):
    X = f32(rng.normal(size=(n, d)) * rng.uniform(0.5, 3, d))
    score = X @ rng.normal(size=d) + rng.normal(size=n) * rng.uniform(0.3, 2)
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, k + 1)[1:-1]))
    return X, y


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_best_split_matches_sklearn_root_split(seed, criterion):
    tree = pytest.importorskip("sklearn.tree")
    ref = load("gini-best-split")
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 200))
    X, y = classification_data(rng, n, 1, k=int(rng.integers(2, 5)))
    if seed % 3 == 0:
        X = f32(np.round(X, 1))  # repeated values
    clf = tree.DecisionTreeClassifier(max_depth=1, criterion=criterion, random_state=0).fit(X, y)
    t = clf.tree_
    impurity = ref.gini(y) if criterion == "gini" else ref.entropy(y)
    assert np.isclose(impurity, t.impurity[0], rtol=1e-9, atol=1e-12)
    threshold, gain = ref.best_split(X[:, 0], y, criterion=criterion)
    assert t.node_count == 3  # the data are never pure nor constant
    sk_gain = t.impurity[0] - (t.n_node_samples[1] * t.impurity[1] + t.n_node_samples[2] * t.impurity[2]) / n
    assert np.isclose(gain, sk_gain, rtol=1e-9, atol=1e-12)
    # The threshold is compared when the best gain is unique (scikit-learn ranks by a proxy).
    values = np.unique(X[:, 0])
    cands = (values[:-1] + values[1:]) / 2
    imp = ref.gini if criterion == "gini" else ref.entropy
    gains = np.array([imp(y) - (np.sum(X[:, 0] <= c) * imp(y[X[:, 0] <= c])
                                + np.sum(X[:, 0] > c) * imp(y[X[:, 0] > c])) / n for c in cands])
    if np.sum(gains >= gains.max() - 1e-9) == 1:
        assert np.isclose(threshold, t.threshold[0], rtol=1e-12, atol=1e-12)


def _stable_sklearn_predictions(make, X, y, X_test):
    """scikit-learn predictions when they do not depend on random_state (no random tie-break), else None."""
    preds = [make(rs).fit(X, y).predict(X_test) for rs in range(5)]
    return preds[0] if all(np.array_equal(p, preds[0]) for p in preds) else None


@pytest.mark.content
def test_decision_tree_matches_sklearn():
    tree = pytest.importorskip("sklearn.tree")
    ref = load("decision-tree-classifier")
    compared = 0
    for seed in range(80):
        rng = np.random.default_rng(seed)
        n, d = int(rng.integers(40, 250)), int(rng.integers(1, 6))
        X, y = classification_data(rng, n, d, k=int(rng.integers(2, 4)))
        X_test = f32(rng.normal(size=(80, d)) * X.std(axis=0))
        depth = [1, 2, 3, 4, None][seed % 5]
        mss = [2, 2, 10, 30][seed % 4]
        expected = _stable_sklearn_predictions(
            lambda rs: tree.DecisionTreeClassifier(max_depth=depth, min_samples_split=mss, random_state=rs),
            X, y, X_test)
        if expected is None:
            continue
        got = ref.fit_predict_tree(X, y, X_test, max_depth=depth, min_samples_split=mss)
        assert np.array_equal(got, expected), (seed, depth, mss)
        compared += 1
    assert compared >= 50


@pytest.mark.content
def test_random_forest_without_randomness_matches_sklearn():
    ensemble = pytest.importorskip("sklearn.ensemble")
    ref = load("random-forest")
    compared = 0
    for seed in range(80):
        rng = np.random.default_rng(1000 + seed)
        n, d = int(rng.integers(40, 200)), int(rng.integers(1, 5))
        X, y = classification_data(rng, n, d, k=int(rng.integers(2, 4)))
        X_test = f32(rng.normal(size=(60, d)) * X.std(axis=0))
        depth = [1, 2, 3][seed % 3]
        expected = _stable_sklearn_predictions(
            lambda rs: ensemble.RandomForestClassifier(n_estimators=3, bootstrap=False, max_features=None,
                                                       max_depth=depth, random_state=rs), X, y, X_test)
        if expected is None:
            continue
        got = ref.random_forest_predict(X, y, X_test, n_trees=3, max_depth=depth, bootstrap=False, seed=seed)
        assert np.array_equal(got, expected), (seed, depth)
        compared += 1
    assert compared >= 50


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_adaboost_matches_sklearn_samme(seed):
    ensemble = pytest.importorskip("sklearn.ensemble")
    base = pytest.importorskip("sklearn.base")
    ref = load("adaboost-stumps")

    class WeightedErrorStump(base.ClassifierMixin, base.BaseEstimator):
        """The reference's stump search as a scikit-learn weak learner."""

        def fit(self, X, y, sample_weight=None):
            self.classes_ = np.array([-1, 1])
            self.stump_ = ref._best_stump(np.asarray(X, float), np.asarray(y, float), np.asarray(sample_weight))
            return self

        def predict(self, X):
            return ref._stump_predict(np.asarray(X, float), *self.stump_[:3])

    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(20, 150)), int(rng.integers(1, 5))
    X = f32(rng.normal(size=(n, d)))
    y = np.where(X[:, 0] + 0.5 * X[:, -1] ** 2 - 0.4 + rng.normal(0, 0.6, n) > 0, 1, -1)
    y[:2] = [1, -1]  # both classes, and no perfect stump (the noise makes one very unlikely)
    rounds = int(rng.integers(1, 25))
    clf = ensemble.AdaBoostClassifier(WeightedErrorStump(), n_estimators=rounds).fit(X, y)
    model = ref.adaboost_fit(X, y, rounds)
    assert len(clf.estimators_) == rounds  # no early stop: no stump was perfect
    for est, (j, t, p, alpha) in zip(clf.estimators_, model):
        assert est.stump_[0] == j and est.stump_[2] == p and np.isclose(est.stump_[1], t, rtol=1e-12)
    np.testing.assert_allclose(clf.estimator_weights_, 2 * np.array([m[3] for m in model]), rtol=1e-7, atol=1e-9)
    X_test = f32(rng.normal(size=(100, d)))
    score = sum(a * ref._stump_predict(X_test, j, t, p) for j, t, p, a in model)
    keep = np.abs(score) > 1e-9  # scikit-learn maps a zero score to -1, the drill to +1
    assert np.array_equal(ref.adaboost_predict(model, X_test)[keep], clf.predict(X_test)[keep])


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_gradient_boosting_matches_sklearn(seed):
    ensemble = pytest.importorskip("sklearn.ensemble")
    ref = load("gradient-boosting-stumps")
    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(10, 200)), int(rng.integers(1, 5))
    X = f32(rng.normal(size=(n, d)))
    y = np.sin(2 * X[:, 0]) + X[:, -1] ** 2 + rng.normal(0, 0.3, n) + rng.normal(0, 10)
    rounds = int(rng.integers(1, 40))
    lr = float(rng.choice([0.05, 0.1, 0.5, 1.0]))
    X_test = f32(rng.normal(size=(60, d)))
    fits = [ensemble.GradientBoostingRegressor(n_estimators=rounds, learning_rate=lr, max_depth=1,
                                               loss="squared_error", subsample=1.0, random_state=rs).fit(X, y)
            for rs in range(3)]
    model = ref.gbm_fit(X, y, rounds, learning_rate=lr)
    # Two features can isolate the same training samples (an exact tie, which scikit-learn breaks by
    # its random feature order or by rounding): so every stump is compared by the partition of the
    # training samples it makes and by its leaf values, and the predictions on the training points.
    for est, (j, t, left, right) in zip(fits[0].estimators_[:, 0], model["stumps"]):
        tr = est.tree_
        sk_left, our_left = X[:, tr.feature[0]] <= tr.threshold[0], X[:, j] <= t
        if np.array_equal(sk_left, ~our_left):  # the same two groups, mirrored (one point low on
            left, right = right, left            # one feature and high on the other)
        else:
            assert np.array_equal(sk_left, our_left)
        np.testing.assert_allclose(tr.value[1:, 0, 0], [left, right], rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(ref.gbm_predict(model, X), fits[0].predict(X), rtol=1e-7, atol=1e-9)
    preds = [f.predict(X_test) for f in fits]
    if all(np.allclose(p, preds[0], rtol=1e-12, atol=1e-12) for p in preds) and all(
            est.tree_.feature[0] == j for est, (j, *_rest) in zip(fits[0].estimators_[:, 0], model["stumps"])):
        np.testing.assert_allclose(ref.gbm_predict(model, X_test), preds[0], rtol=1e-7, atol=1e-9)
