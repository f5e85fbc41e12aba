"""The references of the pre-existing drills agree with scikit-learn / SciPy / NumPy / pandas on
random inputs inside their contracts (test-only: the drills themselves never import these libraries).
Every check runs on 50 seeded random inputs (one parametrized test case per seed).

Covered (reference -> library):
- mse, rmse, mae, r2-score -> sklearn.metrics mean_squared_error / root_mean_squared_error /
  mean_absolute_error / r2_score (r2: non-constant targets, and constants that are exact in float64,
  where sklearn's force_finite convention coincides with the drill's exact-constant rule);
- accuracy, confusion-matrix, macro-f1, precision-recall-f1, roc-auc (curve with
  drop_intermediate=False, and the AUC) -> sklearn.metrics;
- binary-log-loss, categorical-cross-entropy, gan-losses -> sklearn.metrics.log_loss on
  probabilities away from the clipping thresholds (the default eps conventions differ), and for the
  two log losses also on exact 0s / 1s with the reference's eps set to sklearn's machine epsilon;
- sigmoid, logistic-regression.predict_proba -> scipy.special.expit; softmax -> scipy.special.softmax;
- standard-scaler -> StandardScaler; min-max-scaler -> MinMaxScaler; simple-imputer -> SimpleImputer;
  knn-imputation -> KNNImputer (on inputs where the two rules coincide, see the test);
- one-hot-label-encoding -> LabelEncoder / OneHotEncoder; get-dummies -> OneHotEncoder;
- pca -> sklearn PCA (components up to sign); kfold-indices (unshuffled) -> KFold;
- ridge-closed-form -> sklearn Ridge; lasso-coordinate-descent (converged) -> sklearn Lasso;
  linreg-batch-gd (converged) -> sklearn LinearRegression; logistic-regression.fit (converged) ->
  sklearn LogisticRegression(C=inf);
- vae-reparam-kl.gaussian_kl -> KL integrated numerically with scipy.integrate.quad;
- knn -> KNeighborsClassifier; knn-regression -> KNeighborsRegressor (brute force, no distance ties);
- kmeans -> sklearn KMeans(algorithm="lloyd") from the same initial centroids;
- zscore-anomaly, outlier-flags.zscore_outliers -> scipy.stats.zscore; outlier-flags.iqr_outliers ->
  pandas Series.quantile; winsorize -> pandas quantile + clip, and scipy.stats.mstats.winsorize where
  the two definitions coincide;
- clean-and-impute (fill values) -> SimpleImputer(median / most_frequent);
- groupby-aggregate, merge-tables -> an independent NumPy computation (the references are themselves
  the pandas calls, so pandas would only be compared with itself);
- conv2d -> scipy.signal.correlate2d; maxpool2d -> scipy.ndimage.maximum_filter.

Skipped (no library computes the same thing, or the randomness cannot be matched):
- relu, leaky-relu, tanh-derivative, flatten, dense-layer, batchnorm-forward, positional-encoding,
  vae-reparam-kl.reparameterize: element-wise / closed-form formulas with no library function (the
  "library" version would be the same NumPy expression as the reference);
- attention, multi-head-attention, rnn-forward, lstm-cell, mlp-backprop, inverted-dropout: need a
  deep-learning framework (none is installed; dropout is random anyway);
- gd-step, sgd-momentum, rmsprop, adam, gradient-clipping, early-stopping, perceptron,
  linreg-minibatch-sgd: optimizer / training-loop steps whose exact update rules (fixed learning rate,
  sample order, epochs) no library reproduces step by step (only the converged batch-GD fits of
  linreg-batch-gd and logistic-regression are compared, above);
- kmeans-plus-plus, smote, random-resampling, train-test-split, weight-init, kfold-indices with
  shuffle=True: random draws that no library makes with the same generator calls;
- missing-value-report, top-k-frequent: the reference is the library call itself (pandas isnull,
  collections.Counter.most_common): nothing independent to compare with (for clean-and-impute only
  the fill values are compared, with SimpleImputer; its dedup / column-drop steps are pandas calls);
- reverse-string: plain Python, no library equivalent.
"""

from __future__ import annotations

import functools
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.helpers import load_reference

ROOT = Path(__file__).resolve().parent.parent
SEEDS = range(50)

# Library-side warnings on legitimate inputs (a single label present, an undefined per-class score that
# zero_division=0 resolves) are not failures of the references.
pytestmark = [
    pytest.mark.filterwarnings("ignore:A single label was found:UserWarning"),
    pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning"),
]


@functools.cache
def load(slug: str):
    return load_reference(slug)


def rng_for(seed: int, salt: int) -> np.random.Generator:
    return np.random.default_rng(1000 * salt + seed)


def any_shape(rng):
    return tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4))))


# --------------------------------------------------------------------------- regression metrics
# Exact formulas: float64 rounding only, so rtol 1e-9 / atol 1e-12 (the drills' own tolerances).


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_regression_metrics_match_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    rng = rng_for(seed, 1)
    shape = any_shape(rng)
    y = rng.normal(rng.normal(0, 10), rng.uniform(0.1, 5), size=shape)
    p = y + rng.normal(rng.normal(0, 1), rng.uniform(0.01, 3), size=shape)
    # sklearn wants 1-D or 2-D; the drills average over all elements, so flatten for sklearn.
    yf, pf = y.ravel(), p.ravel()
    np.testing.assert_allclose(load("mse").mse(y, p), metrics.mean_squared_error(yf, pf), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(load("rmse").rmse(y, p), metrics.root_mean_squared_error(yf, pf), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(load("mae").mae(y, p), metrics.mean_absolute_error(yf, pf), rtol=1e-9, atol=1e-12)
    # Integer (incl. unsigned) inputs: the drills convert to float; so does sklearn.
    yi = rng.integers(0, 256, size=shape).astype(np.uint8)
    pi = rng.integers(0, 256, size=shape).astype(np.uint8)
    yif, pif = yi.ravel().astype(float), pi.ravel().astype(float)
    np.testing.assert_allclose(load("mse").mse(yi, pi), metrics.mean_squared_error(yif, pif), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(load("mae").mae(yi, pi), metrics.mean_absolute_error(yif, pif), rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_r2_matches_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("r2-score")
    rng = rng_for(seed, 2)
    n = int(rng.integers(2, 100))
    y = rng.normal(rng.normal(0, 10), rng.uniform(0.1, 5), size=n)
    # Good, useless and worse-than-the-mean predictions (R² can be negative).
    p = y * rng.uniform(-1, 2) + rng.normal(0, rng.uniform(0.01, 10), size=n)
    np.testing.assert_allclose(ref.r2_score(y, p), metrics.r2_score(y, p), rtol=1e-9, atol=1e-12)
    # Constant targets: the drill decides "constant" exactly while sklearn tests SS_tot == 0; they
    # coincide when the constant's mean is exact in float64 (small integers), so only those here.
    c = np.full(n, float(rng.integers(-50, 50)))
    assert ref.r2_score(c, c) == metrics.r2_score(c, c) == 1.0
    off = c + rng.normal(size=n)
    assert ref.r2_score(c, off) == metrics.r2_score(c, off) == 0.0


# --------------------------------------------------------------------------- classification metrics
# Ratios of counts: rtol 1e-9 / atol 1e-12; counts and label predictions are compared exactly.


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_accuracy_matches_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("accuracy")
    rng = rng_for(seed, 3)
    n = int(rng.integers(1, 200))
    labels = rng.choice([-1, 0, 3, 7, 11], size=int(rng.integers(1, 6)), replace=False)
    yt, yp = rng.choice(labels, n), rng.choice(labels, n)
    np.testing.assert_allclose(ref.accuracy(yt, yp), metrics.accuracy_score(yt, yp), rtol=1e-9, atol=1e-12)
    words = np.array(["cat", "dog", "emu"])
    st, sp = list(rng.choice(words, n)), list(rng.choice(words, n))
    np.testing.assert_allclose(ref.accuracy(st, sp), metrics.accuracy_score(st, sp), rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_confusion_matrix_and_macro_f1_match_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    rng = rng_for(seed, 4)
    n, k = int(rng.integers(1, 200)), int(rng.integers(1, 8))
    yt, yp = rng.integers(0, k, n), rng.integers(0, k, n)
    yp = np.where(rng.random(n) < 0.5, yt, yp)  # better than chance, so the diagonal is not tiny
    extra = int(rng.integers(0, 3))  # classes that never occur get zero rows / columns (and F1 = 0)
    labels = list(range(k + extra))
    np.testing.assert_array_equal(
        load("confusion-matrix").confusion_matrix(yt, yp, n_classes=k + extra),
        metrics.confusion_matrix(yt, yp, labels=labels),
    )
    inferred = list(range(max(yt.max(), yp.max()) + 1))  # n_classes=None: largest label in either + 1
    np.testing.assert_array_equal(
        load("confusion-matrix").confusion_matrix(yt, yp), metrics.confusion_matrix(yt, yp, labels=inferred)
    )
    macro_f1 = load("macro-f1").macro_f1
    np.testing.assert_allclose(
        macro_f1(yt, yp, n_classes=k + extra),
        metrics.f1_score(yt, yp, average="macro", labels=labels, zero_division=0),
        rtol=1e-9, atol=1e-12,
    )
    np.testing.assert_allclose(
        macro_f1(yt, yp), metrics.f1_score(yt, yp, average="macro", labels=inferred, zero_division=0),
        rtol=1e-9, atol=1e-12,
    )


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_precision_recall_f1_match_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("precision-recall-f1")
    rng = rng_for(seed, 5)
    n = int(rng.integers(1, 100))
    # Some draws have no predicted / no actual positive: the zero_division=0 conventions must agree.
    yt = (rng.random(n) < rng.choice([0.0, 0.3, 0.7, 1.0])).astype(int)
    yp = (rng.random(n) < rng.choice([0.0, 0.3, 0.7, 1.0])).astype(int)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p, r, f, _ = metrics.precision_recall_fscore_support(
            yt, yp, average="binary", pos_label=1, labels=[0, 1], zero_division=0
        )
    got = ref.precision_recall_f1(yt, yp)
    np.testing.assert_allclose(got, [p, r, f], rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_roc_curve_and_auc_match_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("roc-auc")
    rng = rng_for(seed, 6)
    n = int(rng.integers(2, 200))
    y = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(int)
    y[0], y[1] = 0, 1  # at least one of each class
    # Half the draws use rounded scores (many ties, one point per tied group), half continuous logits.
    s = rng.normal(y * rng.uniform(0, 2), 1.0)
    if seed % 2:
        s = np.round(s, 1)
    fpr, tpr, thr = ref.roc_curve(y, s)
    sk_fpr, sk_tpr, sk_thr = metrics.roc_curve(y, s, drop_intermediate=False)  # keep every point
    np.testing.assert_allclose(fpr, sk_fpr, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(tpr, sk_tpr, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(thr, sk_thr, rtol=1e-9, atol=1e-12)  # np.inf first in both
    np.testing.assert_allclose(ref.roc_auc(y, s), metrics.roc_auc_score(y, s), rtol=1e-9, atol=1e-12)


# --------------------------------------------------------------------------- log losses
# Exact formulas: rtol 1e-9, atol 1e-12. The clipping conventions differ (the drills clip at their eps
# argument, sklearn at the dtype's machine epsilon), so the probabilities are drawn in [1e-6, 1 - 1e-6],
# where neither clips; the clipping itself is graded by the drills' own tests.


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_binary_log_loss_matches_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("binary-log-loss")
    rng = rng_for(seed, 7)
    n = int(rng.integers(1, 200))
    y = (rng.random(n) < 0.5).astype(int)
    p = np.clip(rng.beta(0.5, 0.5, n), 1e-6, 1 - 1e-6)
    # labels=[0, 1]: sklearn needs them when y happens to hold a single class.
    expected = metrics.log_loss(y, p, labels=[0, 1])
    np.testing.assert_allclose(ref.binary_log_loss(y, p), expected, rtol=1e-9, atol=1e-12)
    # With exact 0s and 1s, the clipping decides: sklearn clips at float64's machine epsilon, so pass that
    # eps to the reference. 1 - eps is exact for this eps, so log(1 - clip(p)) and sklearn's log(clip(1 - p))
    # coincide and rtol 1e-9 still applies.
    q = np.where(rng.random(n) < 0.3, rng.integers(0, 2, n).astype(float), p)
    eps = np.finfo(np.float64).eps
    np.testing.assert_allclose(ref.binary_log_loss(y, q, eps=eps), metrics.log_loss(y, q, labels=[0, 1]),
                               rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_categorical_cross_entropy_matches_sklearn(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    special = pytest.importorskip("scipy.special")
    ref = load("categorical-cross-entropy")
    rng = rng_for(seed, 8)
    n, k = int(rng.integers(1, 100)), int(rng.integers(2, 8))
    P = special.softmax(rng.normal(0, 2, (n, k)), axis=1)  # rows sum to 1, entries >> eps
    c = rng.integers(0, k, n)
    Y = np.eye(k)[c]
    expected = metrics.log_loss(c, P, labels=list(range(k)))
    np.testing.assert_allclose(ref.categorical_cross_entropy(Y, P), expected, rtol=1e-9, atol=1e-12)
    # Exact zeros (also on the true class) and exact ones: with the reference's eps set to sklearn's
    # machine epsilon both clip a zero to eps; sklearn also clips 1 to 1 - eps (log ≈ -2.2e-16, within atol).
    Z = np.where(rng.random((n, k)) < 0.3, 0.0, P)
    Z[rng.random(n) < 0.2] = 0.0
    Z[np.arange(n), rng.integers(0, k, n)] += 1e-300  # keep every row non-zero before renormalizing
    Z = Z / Z.sum(axis=1, keepdims=True)
    eps = np.finfo(np.float64).eps
    np.testing.assert_allclose(ref.categorical_cross_entropy(Y, Z, eps=eps),
                               metrics.log_loss(c, Z, labels=list(range(k))), rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_gan_losses_match_sklearn_log_loss(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("gan-losses")
    rng = rng_for(seed, 9)
    d_real = np.clip(rng.beta(2, 1, int(rng.integers(1, 60))), 1e-6, 1 - 1e-6)
    d_fake = np.clip(rng.beta(1, 2, int(rng.integers(1, 60))), 1e-6, 1 - 1e-6)
    ones, zeros = np.ones(len(d_real), int), np.zeros(len(d_fake), int)
    # L_D = BCE(real labelled 1) + BCE(fake labelled 0), each averaged over its own batch.
    expected_d = metrics.log_loss(ones, d_real, labels=[0, 1]) + metrics.log_loss(zeros, d_fake, labels=[0, 1])
    np.testing.assert_allclose(ref.discriminator_loss(d_real, d_fake), expected_d, rtol=1e-9, atol=1e-12)
    # Non-saturating L_G = BCE(fake labelled 1); the minimax form is minus BCE(fake labelled 0).
    ones_f = np.ones(len(d_fake), int)
    np.testing.assert_allclose(
        ref.generator_loss(d_fake), metrics.log_loss(ones_f, d_fake, labels=[0, 1]), rtol=1e-9, atol=1e-12
    )
    np.testing.assert_allclose(
        ref.generator_loss(d_fake, non_saturating=False), -metrics.log_loss(zeros, d_fake, labels=[0, 1]),
        rtol=1e-9, atol=1e-12,
    )


# --------------------------------------------------------------------------- activations


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_and_predict_proba_match_scipy_expit(seed):
    special = pytest.importorskip("scipy.special")
    rng = rng_for(seed, 10)
    x = rng.normal(0, rng.choice([1, 30, 300]), size=any_shape(rng))  # includes huge logits
    expected = special.expit(x)
    # Relative comparison (rtol 1e-12, the drill's tolerance): tiny values keep their digits;
    # atol 1e-100 because results below 1e-100 may be returned as 0.
    np.testing.assert_allclose(load("sigmoid").sigmoid(x), expected, rtol=1e-12, atol=1e-100)
    X = rng.normal(0, 3, (int(rng.integers(1, 30)), int(rng.integers(1, 5))))
    w, b = rng.normal(0, 5, X.shape[1]), float(rng.normal(0, 5))
    np.testing.assert_allclose(
        load("logistic-regression").predict_proba(X, w, b), special.expit(X @ w + b), rtol=1e-12, atol=1e-100
    )


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_matches_scipy(seed):
    special = pytest.importorskip("scipy.special")
    ref = load("softmax")
    rng = rng_for(seed, 11)
    shape = any_shape(rng)
    x = rng.normal(rng.choice([0, 1000, -1000]), rng.choice([1, 10]), size=shape)
    axis = int(rng.integers(-len(shape), len(shape)))
    # Mask some logits with -inf, keeping at least one finite entry per slice along the axis.
    mask = rng.random(shape) < 0.3
    first = [slice(None)] * len(shape)
    first[axis] = 0
    mask[tuple(first)] = False
    x = np.where(mask, -np.inf, x)
    # The same max-shifted formula: rtol 1e-9 (the drill's tolerance), atol 1e-100 (tiny values relative).
    np.testing.assert_allclose(ref.softmax(x, axis=axis), special.softmax(x, axis=axis), rtol=1e-9, atol=1e-100)


# --------------------------------------------------------------------------- preprocessing


def columns_with_constants(rng, n, d):
    X = rng.normal(rng.normal(0, 10, d), rng.uniform(0.1, 5, d), size=(n, d))
    const = rng.random(d) < 0.25
    # Constants, including ones whose float64 mean is off by an ulp (0.1, 1/3).
    X[:, const] = rng.choice([0.0, 2.0, 0.1, 1 / 3], size=int(const.sum()))
    return X


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_standard_scaler_matches_sklearn(seed):
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    ref = load("standard-scaler")
    rng = rng_for(seed, 12)
    n, d = int(rng.integers(1, 60)), int(rng.integers(1, 6))
    X = columns_with_constants(rng, n, d)
    X_test = rng.normal(0, 10, (int(rng.integers(1, 20)), d))
    scaler = preprocessing.StandardScaler().fit(X)
    mean, std = ref.standard_scaler_fit(X)
    # rtol 1e-7, atol 1e-9 (the drill's tolerance; one-pass vs two-pass variance differ by rounding).
    # sklearn's var_ of a constant column may be ~1e-33 rather than exactly 0; both then scale by 1.
    np.testing.assert_allclose(mean, scaler.mean_, rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(std, np.sqrt(scaler.var_), rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(ref.standard_scaler_transform(X, mean, std), scaler.transform(X), rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(
        ref.standard_scaler_transform(X_test, mean, std), scaler.transform(X_test), rtol=1e-7, atol=1e-9
    )


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_min_max_scaler_matches_sklearn(seed):
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    ref = load("min-max-scaler")
    rng = rng_for(seed, 13)
    n, d = int(rng.integers(1, 60)), int(rng.integers(1, 6))
    X = columns_with_constants(rng, n, d)
    X_new = rng.normal(0, 20, (int(rng.integers(1, 20)), d))  # outside the training range: no clipping
    low = float(rng.choice([0, -1, 2]))
    feature_range = (low, low + float(rng.choice([1, 2, 3])))
    scaler = preprocessing.MinMaxScaler(feature_range=feature_range, clip=False).fit(X)
    lo, hi = ref.minmax_fit(X)
    np.testing.assert_array_equal(lo, scaler.data_min_)  # minima / maxima are exact
    np.testing.assert_array_equal(hi, scaler.data_max_)
    # sklearn precomputes X·scale + min (a different rounding): rtol 1e-9, atol 1e-12 on data near 0.
    np.testing.assert_allclose(
        ref.minmax_transform(X, lo, hi, feature_range), scaler.transform(X), rtol=1e-9, atol=1e-12
    )
    np.testing.assert_allclose(
        ref.minmax_transform(X_new, lo, hi, feature_range), scaler.transform(X_new), rtol=1e-9, atol=1e-12
    )


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_simple_imputer_matches_sklearn(seed):
    impute = pytest.importorskip("sklearn.impute")
    ref = load("simple-imputer")
    rng = rng_for(seed, 14)
    n, d = int(rng.integers(1, 40)), int(rng.integers(1, 5))
    # Few distinct values so that most_frequent has real (and tied) modes.
    X = rng.integers(-3, 4, (n, d)).astype(float) + rng.choice([0.0, 0.5], size=(n, d))
    X[rng.random((n, d)) < 0.3] = np.nan
    X[:, rng.random(d) < 0.15] = np.nan  # columns with no observed value are filled with 0
    X_test = rng.normal(0, 3, (int(rng.integers(1, 10)), d))
    X_test[rng.random(X_test.shape) < 0.5] = np.nan
    for strategy in ("mean", "median", "most_frequent"):
        # keep_empty_features=True: an all-NaN training column is kept and filled with 0, as in the drill;
        # sklearn's most_frequent also breaks ties towards the smallest value.
        imp = impute.SimpleImputer(strategy=strategy, keep_empty_features=True).fit(X)
        # Means may be summed in another order: rtol 1e-9, atol 1e-12; medians and modes are exact.
        np.testing.assert_allclose(ref.impute(X, strategy), imp.transform(X), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(ref.impute(X_test, strategy, fit_X=X), imp.transform(X_test), rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_knn_imputation_matches_sklearn_knn_imputer(seed):
    impute = pytest.importorskip("sklearn.impute")
    ref = load("knn-imputation")
    rng = rng_for(seed, 15)
    n, d = int(rng.integers(3, 40)), int(rng.integers(2, 6))
    X = rng.normal(rng.normal(0, 5, d), rng.uniform(0.5, 3, d), size=(n, d))
    # KNNImputer also takes donors among incomplete rows that observe the column and rescales the
    # nan-Euclidean distance by d / (#observed coordinates). The rules coincide when every missing value
    # lies in ONE column j: the rows observing j are then exactly the complete rows, and every donor
    # shares the same observed coordinates with the row, so the rescaling is one constant per row and
    # does not change the neighbour order. Continuous data: no distance ties at the k-th neighbour.
    j = int(rng.integers(d))
    rows = rng.choice(n, size=int(rng.integers(1, n)), replace=False)  # at least one complete row stays
    X[rows, j] = np.nan
    k = int(rng.integers(1, 8))  # may exceed the number of donors: both then use all of them
    expected = impute.KNNImputer(n_neighbors=k).fit_transform(X)
    np.testing.assert_allclose(ref.knn_impute(X, k=k), expected, rtol=1e-9, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_label_and_one_hot_encoding_match_sklearn(seed):
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    ref = load("one-hot-label-encoding")
    rng = rng_for(seed, 16)
    n = int(rng.integers(1, 60))
    if seed % 2:
        values = list(rng.choice(["red", "green", "blue", "Blue", "teal", "a"], n))
    else:
        values = [int(v) for v in rng.choice([10, 3, 7, -2, 100], n)]
    codes, classes = ref.label_encode(values)
    enc = preprocessing.LabelEncoder().fit(values)
    np.testing.assert_array_equal(np.asarray(classes), enc.classes_)
    np.testing.assert_array_equal(codes, enc.transform(values))
    n_classes = int(np.max(codes)) + 1 + int(rng.integers(0, 3))
    onehot = preprocessing.OneHotEncoder(categories=[list(range(n_classes))], sparse_output=False)
    expected = onehot.fit_transform(np.asarray(codes).reshape(-1, 1))
    np.testing.assert_array_equal(ref.one_hot(codes, n_classes=n_classes), expected)
    np.testing.assert_array_equal(
        ref.one_hot(codes), expected[:, : int(np.max(codes)) + 1]  # n_classes=None: max(codes) + 1 columns
    )


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_get_dummies_matches_sklearn_one_hot_encoder(seed):
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    ref = load("get-dummies")
    rng = rng_for(seed, 17)
    n = int(rng.integers(1, 40))
    color = list(rng.choice(["red", "blue", "green", None], n))
    rooms = [int(v) for v in rng.choice([1, 2, 10, 3], n)]
    df = pd.DataFrame({"color": color, "price": rng.normal(10, 2, n), "rooms": rooms, "id": np.arange(n)},
                      index=rng.permutation(n) + 100)
    columns = [c for c in ("rooms", "color") if rng.random() < 0.8]  # possibly empty, in any order
    out = ref.one_hot_columns(df, columns)
    rest = [c for c in df.columns if c not in columns]
    expected_names = list(rest)
    for col in columns:
        observed = df[col].dropna()
        cats = sorted(observed.unique().tolist())  # numbers numerically, strings alphabetically
        # OneHotEncoder with explicit sorted categories; missing values (handle_unknown="ignore") -> all 0.
        enc = preprocessing.OneHotEncoder(categories=[cats], handle_unknown="ignore", sparse_output=False)
        enc.fit(observed.to_numpy(dtype=object).reshape(-1, 1))
        filled = df[col].astype(object).where(df[col].notna(), "__missing__")
        block = enc.transform(filled.to_numpy(dtype=object).reshape(-1, 1))
        names = [f"{col}_{v}" for v in cats]
        expected_names += names
        np.testing.assert_array_equal(out[names].to_numpy(), block)
        assert all(pd.api.types.is_integer_dtype(out[name]) for name in names)
    assert list(out.columns) == expected_names
    assert list(out.index) == list(df.index)
    pd.testing.assert_frame_equal(out[rest], df[rest])


# --------------------------------------------------------------------------- unsupervised / model selection


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_pca_matches_sklearn_up_to_sign(seed):
    decomposition = pytest.importorskip("sklearn.decomposition")
    ref = load("pca")
    rng = rng_for(seed, 18)
    n, d = int(rng.integers(5, 80)), int(rng.integers(2, 7))
    # Clearly distinct variances along a random rotation (no ties among the kept components).
    scales = np.sort(rng.uniform(0.5, 1.5, d))[::-1] * 2.0 ** -np.arange(d)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = (rng.normal(size=(n, d)) * scales) @ Q.T + rng.normal(0, 10, d)
    m = int(rng.integers(1, min(n - 1, d) + 1))
    comps, ratio, proj = ref.pca(X, m)
    model = decomposition.PCA(n_components=m, svd_solver="full").fit(X)
    signs = np.sign(np.sum(comps * model.components_, axis=1))  # eigenvectors are defined up to sign
    # eigh of the covariance vs SVD of the data: rtol 1e-6, atol 1e-8 (well-separated variances).
    np.testing.assert_allclose(comps * signs[:, None], model.components_, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ratio, model.explained_variance_ratio_, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(proj * signs, model.transform(X), rtol=1e-6, atol=1e-8)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_kfold_indices_match_sklearn_kfold(seed):
    model_selection = pytest.importorskip("sklearn.model_selection")
    ref = load("kfold-indices")
    rng = rng_for(seed, 19)
    n = int(rng.integers(2, 100))
    k = int(rng.integers(2, n + 1))
    # Unshuffled folds only: shuffle=True draws from a different generator than sklearn's RandomState.
    got = ref.kfold_indices(n, k)
    expected = list(model_selection.KFold(n_splits=k).split(np.zeros(n)))
    assert len(got) == len(expected) == k
    for (train, val), (sk_train, sk_val) in zip(got, expected):
        np.testing.assert_array_equal(np.sort(train), sk_train)  # exact sets
        np.testing.assert_array_equal(np.sort(val), sk_val)


def blobs(rng, k, d, n_per, spread=0.3):
    centres = rng.normal(0, 10, (k, d))
    X = np.concatenate([c + rng.normal(0, spread, (n_per, d)) for c in centres])
    return X[rng.permutation(len(X))]


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_kmeans_matches_sklearn_lloyd_from_the_same_start(seed):
    cluster = pytest.importorskip("sklearn.cluster")
    ref = load("kmeans")
    rng = rng_for(seed, 20)
    k, d = int(rng.integers(1, 5)), int(rng.integers(1, 4))
    X = blobs(rng, k, d, int(rng.integers(5, 30)), spread=rng.uniform(0.3, 3))
    # The contract only says "k distinct rows drawn with default_rng(seed)"; the reference draws them with
    # rng.choice(n, k, replace=False), and the test replays that draw (an implementation detail of the
    # reference, not of the contract) so that sklearn starts from the same centroids. Lloyd's algorithm
    # is then deterministic: after one iteration, and at convergence, both must agree.
    init = X[np.random.default_rng(seed).choice(len(X), size=k, replace=False)]
    for iters in (1, 100):
        centroids, labels = ref.kmeans(X, k, max_iters=iters, seed=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ConvergenceWarning for max_iter=1
            model = cluster.KMeans(n_clusters=k, init=init, n_init=1, max_iter=iters, tol=0,
                                   algorithm="lloyd").fit(X)
        counts = np.bincount(labels, minlength=k)
        if counts.min() == 0:
            continue  # an empty cluster: sklearn relocates it to a far point, the drill keeps it (both allowed)
        # Means of the same points, summed in another order: rtol 1e-9, atol 1e-9; labels exact.
        np.testing.assert_array_equal(labels, model.labels_)
        np.testing.assert_allclose(centroids, model.cluster_centers_, rtol=1e-9, atol=1e-9)


# --------------------------------------------------------------------------- linear models


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_ridge_matches_sklearn(seed):
    linear_model = pytest.importorskip("sklearn.linear_model")
    ref = load("ridge-closed-form")
    rng = rng_for(seed, 21)
    n, d = int(rng.integers(2, 80)), int(rng.integers(1, 8))  # includes d > n
    X = rng.normal(rng.normal(0, 3, d), rng.uniform(0.3, 3, d), (n, d))
    if d > 1 and seed % 3 == 0:
        X[:, -1] = X[:, 0]  # a duplicated column: lam > 0 keeps the system invertible
    y = X @ rng.normal(size=d) + rng.normal(0, 5) + rng.normal(0, 0.5, n)
    lam = float(rng.choice([1e-3, 0.1, 1.0, 10.0, 100.0]))
    # Same objective: sum of squares + lam·||w||², intercept not penalized (sklearn centres the data).
    model = linear_model.Ridge(alpha=lam, fit_intercept=True, solver="cholesky").fit(X, y)
    w, b = ref.ridge_fit(X, y, lam)
    # rtol 1e-6, atol 1e-8: the drill's tolerance (solvers differ only by rounding).
    np.testing.assert_allclose(w, model.coef_, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(b, model.intercept_, rtol=1e-6, atol=1e-8)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_lasso_converged_matches_sklearn(seed):
    linear_model = pytest.importorskip("sklearn.linear_model")
    ref = load("lasso-coordinate-descent")
    rng = rng_for(seed, 22)
    n, d = int(rng.integers(10, 80)), int(rng.integers(1, 8))
    X = rng.normal(0, rng.uniform(0.5, 2, d), (n, d))
    w_true = rng.normal(0, 2, d) * (rng.random(d) < 0.6)
    y = X @ w_true + rng.normal(0, 0.5, n)
    lam_max = np.max(np.abs(X.T @ y)) / n
    lam = float(lam_max * rng.uniform(0.01, 1.2))  # includes lam >= lam_max (the zero vector)
    # sklearn's Lasso minimizes the same objective (1/2n)||y - Xw||² + alpha·||w||₁ (no intercept here),
    # also by cyclic coordinate descent; both are run to convergence.
    model = linear_model.Lasso(alpha=lam, fit_intercept=False, tol=1e-14, max_iter=100_000).fit(X, y)
    w = ref.lasso_cd(X, y, lam, n_iters=500)
    # Converged optima: atol 1e-7 on the coefficients; the zero pattern must agree exactly.
    np.testing.assert_allclose(w, model.coef_, rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(w == 0, model.coef_ == 0)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_linreg_batch_gd_converges_to_sklearn_linear_regression(seed):
    linear_model = pytest.importorskip("sklearn.linear_model")
    ref = load("linreg-batch-gd")
    rng = rng_for(seed, 23)
    n, d = int(rng.integers(20, 100)), int(rng.integers(1, 4))
    # Standardized-ish, well-conditioned features, so that plain GD (lr 0.5) converges quickly.
    X = rng.normal(0, 1, (n, d))
    X = (X - X.mean(0)) / X.std(0) + rng.normal(0, 0.3, d)
    y = X @ rng.normal(0, 3, d) + rng.normal(0, 5) + rng.normal(0, 1, n)
    model = linear_model.LinearRegression().fit(X, y)
    w, b = ref.linreg_gd(X, y, lr=0.5, epochs=3000)
    # Fixed-step GD only approaches the least-squares optimum: rtol 1e-6, atol 1e-8 after 3000 epochs.
    np.testing.assert_allclose(w, model.coef_, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(b, model.intercept_, rtol=1e-6, atol=1e-8)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_logistic_regression_gd_converges_to_sklearn_unpenalized_fit(seed):
    linear_model = pytest.importorskip("sklearn.linear_model")
    ref = load("logistic-regression")
    rng = rng_for(seed, 34)
    n, d = int(rng.integers(50, 150)), int(rng.integers(1, 4))
    X = rng.normal(0, 1, (n, d))
    # Labels drawn from a logistic model (never separable in practice, so a finite optimum exists).
    y = (rng.random(n) < 1 / (1 + np.exp(-(X @ rng.normal(0, 1, d) + rng.normal(0, 0.5))))).astype(int)
    if y.min() == y.max():
        y[0] = 1 - y[0]
    # C = inf: no penalty, the same mean binary cross-entropy; lbfgs run to a tight tolerance.
    model = linear_model.LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    w, b = ref.logistic_regression_fit(X, y, lr=1.0, epochs=3000)
    # Fixed-step GD only approaches the optimum (within ~1e-7 here after 3000 epochs): atol 1e-5.
    np.testing.assert_allclose(w, model.coef_[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(b, model.intercept_[0], rtol=1e-5, atol=1e-5)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_gaussian_kl_matches_scipy_numerical_integration(seed):
    integrate = pytest.importorskip("scipy.integrate")
    ref = load("vae-reparam-kl")
    rng = rng_for(seed, 35)
    n, latent = int(rng.integers(1, 3)), int(rng.integers(1, 3))
    mu = rng.uniform(-2, 2, (n, latent))
    log_var = rng.uniform(-2, 2, (n, latent))
    expected = np.zeros(n)
    for i in range(n):
        for j in range(latent):
            m, var = float(mu[i, j]), math.exp(float(log_var[i, j]))
            sd = math.sqrt(var)

            def integrand(t, m=m, var=var):
                # q(t) · (log q(t) − log p(t)) for q = N(m, var) and the prior p = N(0, 1).
                log_q = -0.5 * (t - m) ** 2 / var - 0.5 * math.log(2 * math.pi * var)
                log_p = -0.5 * t * t - 0.5 * math.log(2 * math.pi)
                return math.exp(log_q) * (log_q - log_p)

            # KL(q || N(0, 1)) = ∫ q (log q − log p), integrated numerically over ±12σ (tails < 1e-30).
            val, _ = integrate.quad(integrand, m - 12 * sd, m + 12 * sd, epsabs=1e-13, epsrel=1e-12)
            expected[i] += val
    # Quadrature error ~1e-10: rtol 1e-7, atol 1e-9.
    np.testing.assert_allclose(ref.gaussian_kl(mu, log_var), expected, rtol=1e-7, atol=1e-9)


# --------------------------------------------------------------------------- nearest neighbours


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_knn_classifier_matches_sklearn(seed):
    neighbors = pytest.importorskip("sklearn.neighbors")
    ref = load("knn")
    rng = rng_for(seed, 24)
    n, d = int(rng.integers(1, 60)), int(rng.integers(1, 4))
    X_train = rng.normal(0, 3, (n, d))  # continuous: no distance ties at the k-th neighbour
    y_train = rng.choice([0, 4, 7, 9], n)  # non-contiguous labels
    X_test = rng.normal(0, 3, (int(rng.integers(1, 30)), d))
    k = int(rng.integers(1, n + 1))
    # Vote ties: both pick the smallest label (sklearn takes the first maximum over sorted classes_).
    model = neighbors.KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X_train, y_train)
    np.testing.assert_array_equal(ref.knn_predict(X_train, y_train, X_test, k=k), model.predict(X_test))


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_knn_regression_matches_sklearn(seed):
    neighbors = pytest.importorskip("sklearn.neighbors")
    ref = load("knn-regression")
    rng = rng_for(seed, 25)
    n, d = int(rng.integers(1, 60)), int(rng.integers(1, 4))
    X_train = rng.normal(0, 3, (n, d))
    y_train = rng.normal(0, 10, n) if seed % 2 else rng.integers(-5, 6, n)
    X_test = rng.normal(0, 3, (int(rng.integers(1, 30)), d))
    k = int(rng.integers(1, n + 1))
    model = neighbors.KNeighborsRegressor(n_neighbors=k, algorithm="brute").fit(X_train, y_train)
    # A mean of k targets: rtol 1e-9, atol 1e-12.
    np.testing.assert_allclose(ref.knn_regress(X_train, y_train, X_test, k=k), model.predict(X_test),
                               rtol=1e-9, atol=1e-12)


# --------------------------------------------------------------------------- outliers / winsorizing


def keep_away_from(z, threshold, margin=1e-6):
    """True when no |z| is within `margin` of the threshold (any correct formula then gives the same flags)."""
    z = np.abs(z[np.isfinite(z)])
    return not np.any(np.abs(z - threshold) < margin)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_zscore_flags_match_scipy_zscore(seed):
    stats = pytest.importorskip("scipy.stats")
    rng = rng_for(seed, 26)
    n, d = int(rng.integers(2, 60)), int(rng.integers(1, 5))
    X = rng.standard_t(3, (n, d)) * rng.uniform(0.5, 5, d) + rng.normal(0, 10, d)
    # Exactly representable constant columns: scipy gives nan z-scores there (flags False), like the
    # drill's zero-variance rule. (Near-constant columns such as 0.1 repeated differ by design: scipy
    # returns ±1-ish z-scores from an ulp-sized std, the drill decides "constant" exactly.)
    X[:, rng.random(d) < 0.2] = float(rng.integers(-5, 5))
    threshold = float(rng.uniform(0.5, 3.5))
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # scipy's precision-loss warning on constant columns
        z = stats.zscore(X, axis=0, ddof=0)
    if not keep_away_from(z, threshold):
        pytest.skip("a z-score lies within 1e-6 of the threshold (rounding could decide)")
    expected = np.abs(np.nan_to_num(z, nan=0.0)) > threshold
    np.testing.assert_array_equal(load("zscore-anomaly").zscore_anomalies(X, threshold), expected)
    np.testing.assert_array_equal(load("outlier-flags").zscore_outliers(X[:, 0], threshold), expected[:, 0])


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_iqr_flags_match_pandas_quantile(seed):
    ref = load("outlier-flags")
    rng = rng_for(seed, 27)
    n = int(rng.integers(1, 80))
    x = rng.standard_t(2, n) * rng.uniform(0.5, 5) + rng.normal(0, 10)
    k = float(rng.choice([0.0, 0.5, 1.5, 3.0]))
    s = pd.Series(x)
    q1, q3 = s.quantile(0.25), s.quantile(0.75)  # pandas' default is also linear interpolation
    iqr = q3 - q1
    lo, hi = q1 - k * iqr, q3 + k * iqr
    # Random continuous data: skip the rare draw with a point within 1e-9 of a fence.
    # (A point exactly on a fence, e.g. n = 1 where IQR = 0 and both fences equal the point, is compared.)
    near = (np.isclose(x, lo, rtol=0, atol=1e-9) & (x != lo)) | (np.isclose(x, hi, rtol=0, atol=1e-9) & (x != hi))
    if np.any(near):
        pytest.skip("a point lies within 1e-9 of a fence")
    np.testing.assert_array_equal(ref.iqr_outliers(x, k), ((s < lo) | (s > hi)).to_numpy())


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_winsorize_matches_pandas_quantile_clip(seed):
    ref = load("winsorize")
    rng = rng_for(seed, 28)
    n, d = int(rng.integers(1, 60)), int(rng.integers(1, 4))
    X = rng.standard_t(2, (n, d)) * 5
    lower = float(rng.uniform(0, 50))
    upper = float(rng.uniform(lower, 100))
    df = pd.DataFrame(X)
    # pandas computes the percentiles with its own linear interpolation; rtol 1e-12, atol 1e-12.
    expected = df.clip(lower=df.quantile(lower / 100), upper=df.quantile(upper / 100), axis=1).to_numpy()
    np.testing.assert_allclose(ref.winsorize(X, lower, upper), expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ref.winsorize(X[:, 0], lower, upper), expected[:, 0], rtol=1e-12, atol=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_winsorize_matches_scipy_mstats_where_definitions_coincide(seed):
    mstats = pytest.importorskip("scipy.stats.mstats")
    ref = load("winsorize")
    rng = rng_for(seed, 29)
    # scipy caps at order statistics (no interpolation): with limits (a/20, b/20) it keeps sorted[int(n·a/20)]
    # and sorted[n - int(n·b/20) - 1]. For n = 20m + 1 and percents 5a, 100 - 5b those are exactly the
    # order statistics at positions a·m and (20 - b)·m that np.percentile's linear interpolation lands on.
    m = int(rng.integers(1, 5))
    n = 20 * m + 1
    a = int(rng.integers(0, 10))
    b = int(rng.integers(0, 10))
    x = rng.normal(0, 5, n)
    expected = np.asarray(mstats.winsorize(x, limits=(a / 20, b / 20)))
    np.testing.assert_allclose(ref.winsorize(x, 5 * a, 100 - 5 * b), expected, rtol=1e-12, atol=1e-12)


# --------------------------------------------------------------------------- pandas drills
# The references ARE the pandas calls (groupby/agg, merge), so they are checked against an independent
# NumPy computation instead. Sums / means: rtol 1e-9, atol 1e-9 (the drills' tolerance).


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_groupby_aggregate_matches_numpy(seed):
    ref = load("groupby-aggregate")
    rng = rng_for(seed, 30)
    n = int(rng.integers(1, 60))
    keys = rng.choice(["b", "a", "c", "dd", None], n) if seed % 2 else rng.choice([3, 1, 10, 2], n)
    score = rng.normal(0, 10, n)
    score[rng.random(n) < 0.3] = np.nan
    df = pd.DataFrame({"key": keys, "score": score, "other": np.arange(n)})
    out = ref.summarize(df, "key", "score")
    present = [k for k in keys if k is not None]
    expected_keys = sorted(set(present))
    assert list(out.index) == expected_keys
    assert list(out.columns) == ["count", "mean", "min", "max"]
    for key in expected_keys:
        vals = score[np.array([k == key for k in keys])]
        vals = vals[~np.isnan(vals)]
        row = out.loc[key]
        assert row["count"] == len(vals)
        if len(vals):
            np.testing.assert_allclose([row["mean"], row["min"], row["max"]],
                                       [np.mean(vals), np.min(vals), np.max(vals)], rtol=1e-9, atol=1e-9)
        else:
            assert np.isnan(row["mean"]) and np.isnan(row["min"]) and np.isnan(row["max"])


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_merge_tables_matches_numpy(seed):
    ref = load("merge-tables")
    rng = rng_for(seed, 31)
    n, m = int(rng.integers(1, 20)), int(rng.integers(0, 60))
    ids = rng.permutation(np.arange(1, 40))[:n]
    customers = pd.DataFrame({"customer_id": ids, "name": [f"c{i}" if i % 3 else None for i in ids]},
                             index=rng.permutation(n) + 7)
    orders = pd.DataFrame({"order_id": np.arange(m), "customer_id": rng.integers(1, 45, m),
                           "amount": rng.normal(20, 30, m)})
    out = ref.merge_orders(customers, orders)
    order = np.argsort(ids)
    counts = np.zeros(46)
    totals = np.zeros(46)
    np.add.at(counts, orders["customer_id"].to_numpy(), 1)
    np.add.at(totals, orders["customer_id"].to_numpy(), orders["amount"].to_numpy())
    assert list(out.columns) == ["customer_id", "name", "n_orders", "total"]
    np.testing.assert_array_equal(out["customer_id"].to_numpy(), ids[order])
    assert list(out["name"]) == list(customers["name"].to_numpy()[order])
    np.testing.assert_allclose(out["n_orders"].to_numpy(dtype=float), counts[ids[order]], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(out["total"].to_numpy(dtype=float), totals[ids[order]], rtol=1e-9, atol=1e-9)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_clean_and_impute_fill_values_match_sklearn_simple_imputer(seed):
    impute = pytest.importorskip("sklearn.impute")
    ref = load("clean-and-impute")
    rng = rng_for(seed, 36)
    n = int(rng.integers(1, 30))
    df = pd.DataFrame({
        "age": rng.choice([20.0, 30.0, 45.0, 50.0, np.nan], n),
        "city": rng.choice(np.array(["Rome", "Oslo", "Lima", None], dtype=object), n),
        "tip": np.where(rng.random(n) < rng.uniform(0.2, 0.9), np.nan, rng.integers(0, 5, n).astype(float)),
        "n": rng.integers(0, 3, n),
    })
    out = ref.clean_and_impute(df)
    # Steps 1-2 (dedup, >50% missing columns) are checked only through the resulting shape; the fill
    # values of step 3 are compared with SimpleImputer: median for numeric columns, most_frequent for
    # text (sklearn breaks ties towards the smallest value, like Series.mode().iloc[0]).
    dedup = df.drop_duplicates()
    kept = [c for c in df.columns if dedup[c].isna().to_numpy().sum() <= len(dedup) / 2]
    assert list(out.columns) == kept
    assert list(out.index) == list(dedup.index)
    for col in kept:
        if pd.api.types.is_numeric_dtype(dedup[col]):
            values = dedup[col].to_numpy(dtype=float).reshape(-1, 1)
            imp = impute.SimpleImputer(strategy="median", keep_empty_features=True)
            expected = imp.fit_transform(values)[:, 0]
            np.testing.assert_allclose(out[col].to_numpy(dtype=float), expected, rtol=1e-9, atol=1e-12)
        else:
            values = dedup[col].to_numpy(dtype=object)
            values = np.where(pd.isna(values), np.nan, values).astype(object).reshape(-1, 1)
            imp = impute.SimpleImputer(strategy="most_frequent", missing_values=np.nan)
            expected = imp.fit_transform(values)[:, 0]
            assert list(out[col]) == list(expected)


# --------------------------------------------------------------------------- convolution / pooling


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_conv2d_matches_scipy_correlate2d(seed):
    signal = pytest.importorskip("scipy.signal")
    ref = load("conv2d")
    rng = rng_for(seed, 32)
    N, C_in, C_out = int(rng.integers(1, 3)), int(rng.integers(1, 4)), int(rng.integers(1, 4))
    H, W = int(rng.integers(1, 9)), int(rng.integers(1, 9))
    P, S = int(rng.integers(0, 3)), int(rng.integers(1, 4))
    KH = int(rng.integers(1, H + 2 * P + 1))
    KW = int(rng.integers(1, W + 2 * P + 1))
    x = rng.normal(size=(N, C_in, H, W))
    w = rng.normal(size=(C_out, C_in, KH, KW))
    b = rng.normal(size=C_out)
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    expected = np.empty((N, C_out, (H + 2 * P - KH) // S + 1, (W + 2 * P - KW) // S + 1))
    for n in range(N):
        for o in range(C_out):
            # Cross-correlation (kernel not flipped), summed over input channels, then strided.
            full = sum(signal.correlate2d(xp[n, c], w[o, c], mode="valid") for c in range(C_in))
            expected[n, o] = full[::S, ::S] + b[o]
    # Sums of products in another order: rtol 1e-7, atol 1e-9 (the drill's tolerance).
    np.testing.assert_allclose(ref.conv2d(x, w, b, stride=S, padding=P), expected, rtol=1e-7, atol=1e-9)


@pytest.mark.content
@pytest.mark.parametrize("seed", SEEDS)
def test_maxpool2d_matches_scipy_maximum_filter(seed):
    ndimage = pytest.importorskip("scipy.ndimage")
    ref = load("maxpool2d")
    rng = rng_for(seed, 33)
    N, C = int(rng.integers(1, 3)), int(rng.integers(1, 4))
    H, W = int(rng.integers(1, 10)), int(rng.integers(1, 10))
    size = int(rng.integers(1, min(H, W) + 1))
    stride = int(rng.integers(1, 4))
    x = rng.normal(0, 5, (N, C, H, W)) if seed % 2 else rng.integers(-9, 10, (N, C, H, W))
    # maximum_filter's window at index i spans i - size//2 ... i - size//2 + size - 1, so the pooling window
    # starting at i·stride is the filter's value at i·stride + size//2 (per feature map: size 1 on N, C).
    mf = ndimage.maximum_filter(x, size=(1, 1, size, size), mode="nearest")
    h_out, w_out = (H - size) // stride + 1, (W - size) // stride + 1
    rows = np.arange(h_out) * stride + size // 2
    cols = np.arange(w_out) * stride + size // 2
    expected = mf[:, :, rows][:, :, :, cols]
    np.testing.assert_array_equal(ref.maxpool2d(x, size=size, stride=stride), expected)  # exact: a max
