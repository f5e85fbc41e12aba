"""The time-series drills' references agree with the libraries that compute the same thing.

Test-only checks (the drills themselves never import scikit-learn, SciPy, pandas or statsmodels):
the expanding-window split against sklearn's TimeSeriesSplit (splits and errors); simple
exponential smoothing against statsmodels' SimpleExpSmoothing (when installed), pandas'
ewm(adjust=False) and scipy.signal.lfilter; the ACF against statsmodels' acf (when installed) and
an np.correlate implementation.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




# ---------------------------------------------------------------- expanding-window split

def sklearn_splits(model_selection, n, k, test_size, gap):
    try:
        return list(model_selection.TimeSeriesSplit(n_splits=k, test_size=test_size, gap=gap).split(np.zeros(n)))
    except ValueError:
        return None


def reference_splits(ref, n, k, test_size, gap):
    try:
        return ref.expanding_window_split(n, k, test_size=test_size, gap=gap)
    except ValueError:
        return None


@pytest.mark.content
def test_expanding_window_split_matches_time_series_split():
    """Over many (n_samples, n_splits, test_size, gap): the same splits, or both raise ValueError."""
    model_selection = pytest.importorskip("sklearn.model_selection")
    ref = load("expanding-window-split")
    rng = np.random.default_rng(0)
    valid = raised = 0
    cases = [(n, k, ts, gap) for n in (3, 4, 7, 10, 11, 25) for k in (2, 3, 5) for ts in (None, 1, 2, 4)
             for gap in (0, 1, 3)]
    cases += [(int(rng.integers(3, 400)), int(rng.integers(2, 15)), None if rng.random() < 0.4
               else int(rng.integers(1, 60)), int(rng.integers(0, 10))) for _ in range(300)]
    for n, k, ts, gap in cases:
        expected = sklearn_splits(model_selection, n, k, ts, gap)
        got = reference_splits(ref, n, k, ts, gap)
        if expected is None:
            assert got is None, (n, k, ts, gap)
            raised += 1
            continue
        assert got is not None and len(got) == len(expected), (n, k, ts, gap)
        for (tr, te), (etr, ete) in zip(got, expected):
            assert np.array_equal(tr, etr) and np.array_equal(te, ete), (n, k, ts, gap)
        valid += 1
    assert valid >= 50 and raised >= 10


# ---------------------------------------------------------------- simple exponential smoothing

def series(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    return np.cumsum(rng.normal(size=n)) + rng.normal(0, 20), float(rng.uniform(0.01, 1.0)), float(rng.normal(0, 5))


@pytest.mark.content
def test_ses_matches_statsmodels_simple_exp_smoothing():
    holtwinters = pytest.importorskip("statsmodels.tsa.holtwinters")
    ref = load("exponential-smoothing")
    for seed in range(50):
        y, alpha, l0 = series(seed)
        fitted, level = ref.ses(y, alpha, l0=l0)
        res = holtwinters.SimpleExpSmoothing(y, initialization_method="known", initial_level=l0).fit(
            smoothing_level=alpha, optimized=False)
        np.testing.assert_allclose(fitted, res.fittedvalues, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(level, res.level, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(level[-1], res.forecast(1)[0], rtol=1e-9, atol=1e-9)


@pytest.mark.content
def test_ses_level_matches_pandas_ewm_without_adjustment():
    """With l0=None the level is pandas' ewm(alpha, adjust=False).mean(), which starts at y[0]."""
    pd = pytest.importorskip("pandas")
    ref = load("exponential-smoothing")
    for seed in range(50):
        y, alpha, _ = series(100 + seed)
        fitted, level = ref.ses(y, alpha)
        ewm = pd.Series(y).ewm(alpha=alpha, adjust=False).mean().to_numpy()
        np.testing.assert_allclose(level, ewm, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(fitted[1:], ewm[:-1], rtol=1e-9, atol=1e-9)
        assert fitted[0] == y[0]


@pytest.mark.content
def test_ses_level_matches_scipy_lfilter_with_initial_level():
    """The level is the first-order IIR filter ℓ_t = α y_t + (1 − α) ℓ_(t−1), started from l0."""
    signal = pytest.importorskip("scipy.signal")
    ref = load("exponential-smoothing")
    for seed in range(50):
        y, alpha, l0 = series(200 + seed)
        fitted, level = ref.ses(y, alpha, l0=l0)
        filtered, _ = signal.lfilter([alpha], [1.0, -(1.0 - alpha)], y, zi=[(1.0 - alpha) * l0])
        np.testing.assert_allclose(level, filtered, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(fitted, np.concatenate(([l0], filtered[:-1])), rtol=1e-9, atol=1e-9)


# ---------------------------------------------------------------- autocorrelation

def ar_series(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 500))
    phi = float(rng.uniform(-0.9, 0.9))
    e = rng.normal(size=n)
    x = np.empty(n)
    x[0] = e[0]
    for t in range(1, n):
        x[t] = phi * x[t - 1] + e[t]
    return x + float(rng.choice([0.0, 1e3, 1e6])), int(rng.integers(0, n))


@pytest.mark.content
def test_acf_matches_statsmodels():
    stattools = pytest.importorskip("statsmodels.tsa.stattools")
    ref = load("autocorrelation")
    for seed in range(60):
        x, nlags = ar_series(seed)
        for fft in (False, True):
            expected = stattools.acf(x, nlags=nlags, adjusted=False, fft=fft)
            np.testing.assert_allclose(ref.acf(x, nlags), expected, rtol=1e-7, atol=1e-9)


@pytest.mark.content
def test_acf_matches_np_correlate():
    ref = load("autocorrelation")
    for seed in range(60):
        x, nlags = ar_series(100 + seed)
        d = x - x.mean()
        full = np.correlate(d, d, mode="full")
        expected = full[len(x) - 1: len(x) + nlags] / full[len(x) - 1]
        np.testing.assert_allclose(ref.acf(x, nlags), expected, rtol=1e-9, atol=1e-10)
