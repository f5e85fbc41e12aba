"""The experimentation drills' references agree with the libraries that compute the same thing.

Test-only checks (the drills themselves never import SciPy or statsmodels): the two-proportion
z-test against statsmodels' proportions_ztest (when installed) and SciPy's chi-square test of a 2x2
table and normal distribution; the percentile bootstrap against scipy.stats.bootstrap (statistical
agreement: different random draws); the A/B sample size and its inverse normal CDF against
scipy.stats.norm.ppf and statsmodels' NormalIndPower (when installed).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




def experiments(seed: int, count: int):
    """Random A/B counts inside the contract, with a pooled rate strictly between 0 and 1."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        na, nb = (int(v) for v in rng.integers(5, 20_000, size=2))
        pa, pb = rng.uniform(0.01, 0.99, size=2)
        xa, xb = int(rng.binomial(na, pa)), int(rng.binomial(nb, pb))
        if 0 < xa + xb < na + nb:
            out.append((xa, na, xb, nb))
    return out


# ---------------------------------------------------------------- two-proportion z-test

@pytest.mark.content
def test_z_test_matches_statsmodels_proportions_ztest():
    proportion = pytest.importorskip("statsmodels.stats.proportion")
    ref = load("two-proportion-z-test")
    for xa, na, xb, nb in experiments(0, 60):
        for alternative in ("two-sided", "larger", "smaller"):
            z, p = ref.two_proportion_z_test(xa, na, xb, nb, alternative=alternative)
            # statsmodels tests count[0] - count[1]; 'larger' means the first proportion is larger.
            z_sm, p_sm = proportion.proportions_ztest([xb, xa], [nb, na], alternative=alternative)
            assert math.isclose(z, z_sm, rel_tol=1e-9, abs_tol=1e-12), (xa, na, xb, nb)
            assert math.isclose(p, p_sm, rel_tol=1e-7, abs_tol=1e-300), (xa, na, xb, nb, alternative)


@pytest.mark.content
def test_z_test_two_sided_matches_scipy_chi_square():
    """z² is Pearson's chi-square of the 2x2 table (no continuity correction), with the same p."""
    stats = pytest.importorskip("scipy.stats")
    ref = load("two-proportion-z-test")
    for xa, na, xb, nb in experiments(1, 60):
        z, p = ref.two_proportion_z_test(xa, na, xb, nb)
        table = np.array([[xa, na - xa], [xb, nb - xb]])
        chi2, p_chi2, dof, _ = stats.chi2_contingency(table, correction=False)
        assert dof == 1
        assert math.isclose(z * z, chi2, rel_tol=1e-9, abs_tol=1e-12), (xa, na, xb, nb)
        assert math.isclose(p, p_chi2, rel_tol=1e-7, abs_tol=1e-300), (xa, na, xb, nb)


@pytest.mark.content
def test_z_test_one_sided_matches_scipy_normal_tails():
    """'larger' is the upper tail of z, 'smaller' the lower tail, as scipy.stats.norm computes them."""
    stats = pytest.importorskip("scipy.stats")
    ref = load("two-proportion-z-test")
    for xa, na, xb, nb in experiments(2, 60):
        z, p_larger = ref.two_proportion_z_test(xa, na, xb, nb, alternative="larger")
        _, p_smaller = ref.two_proportion_z_test(xa, na, xb, nb, alternative="smaller")
        assert math.isclose(p_larger, stats.norm.sf(z), rel_tol=1e-9, abs_tol=1e-300)
        assert math.isclose(p_smaller, stats.norm.cdf(z), rel_tol=1e-9, abs_tol=1e-300)


# ---------------------------------------------------------------- percentile bootstrap

@pytest.mark.content
@pytest.mark.parametrize("stat", ["mean", "median"])
def test_bootstrap_agrees_with_scipy_percentile_bootstrap(stat):
    """Same method, different random draws: both ends agree within a small share of the width."""
    stats = pytest.importorskip("scipy.stats")
    ref = load("bootstrap-ci")
    fn = np.mean if stat == "mean" else np.median
    rng = np.random.default_rng(3)
    for i in range(50):
        x = rng.gamma(2.0, 2.0, size=int(rng.integers(30, 200)))
        alpha = float(rng.choice([0.05, 0.1, 0.2]))
        low, high = ref.bootstrap_ci(x, stat=stat, n_boot=10_000, alpha=alpha, seed=i)
        res = stats.bootstrap((x,), fn, method="percentile", n_resamples=10_000, confidence_level=1 - alpha,
                              rng=np.random.default_rng(1000 + i))
        lo_sp, hi_sp = res.confidence_interval.low, res.confidence_interval.high
        width = hi_sp - lo_sp
        tol = (0.06 if stat == "mean" else 0.25) * width
        assert abs(low - lo_sp) <= tol and abs(high - hi_sp) <= tol, (i, (low, high), (lo_sp, hi_sp))


# ---------------------------------------------------------------- A/B sample size

def designs(seed: int, count: int):
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        p1 = float(rng.uniform(0.01, 0.9))
        mde = float(rng.uniform(0.005, 0.1)) * float(rng.choice([-1, 1]))
        alpha, power = float(rng.uniform(0.005, 0.2)), float(rng.uniform(0.5, 0.99))
        if 0 < p1 + mde < 1:
            out.append((p1, mde, alpha, power))
    return out


@pytest.mark.content
def test_norm_ppf_matches_scipy():
    stats = pytest.importorskip("scipy.stats")
    ref = load("ab-sample-size")
    rng = np.random.default_rng(4)
    ps = np.concatenate([10.0 ** rng.uniform(-300, np.log10(0.5), 40), rng.uniform(0.0, 1.0, 40),
                         1.0 - 10.0 ** rng.uniform(-15, -1, 20)])
    for p in ps:
        if 0.0 < p < 1.0:
            assert abs(ref.norm_ppf(float(p)) - stats.norm.ppf(p)) <= 1e-9, p


@pytest.mark.content
def test_sample_size_matches_formula_with_scipy_quantiles():
    stats = pytest.importorskip("scipy.stats")
    ref = load("ab-sample-size")
    checked = 0
    for p1, mde, alpha, power in designs(5, 80):
        p2 = p1 + mde
        pb = (p1 + p2) / 2
        n = (stats.norm.ppf(1 - alpha / 2) * math.sqrt(2 * pb * (1 - pb))
             + stats.norm.ppf(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / mde ** 2
        if abs(n - round(n)) < 1e-6:
            continue  # the ceiling of a value this close to an integer depends on rounding noise
        got = ref.sample_size(p1, mde, alpha=alpha, power=power)
        assert isinstance(got, int) and got == math.ceil(n), (p1, mde, alpha, power, got, n)
        checked += 1
    assert checked >= 50


@pytest.mark.content
def test_sample_size_close_to_statsmodels_normal_ind_power():
    """statsmodels sizes the test on Cohen's h (arcsine scale), a slightly different approximation:
    the two agree within 10% for moderate rates."""
    power_mod = pytest.importorskip("statsmodels.stats.power")
    proportion = pytest.importorskip("statsmodels.stats.proportion")
    ref = load("ab-sample-size")
    for p1, mde, alpha, power in designs(6, 60):
        if not 0.05 <= p1 + mde <= 0.9 or p1 < 0.05:
            continue
        h = proportion.proportion_effectsize(p1 + mde, p1)
        n_sm = power_mod.NormalIndPower().solve_power(effect_size=abs(h), alpha=alpha, power=power, ratio=1.0,
                                                      alternative="two-sided")
        got = ref.sample_size(p1, mde, alpha=alpha, power=power)
        assert abs(got - n_sm) <= 0.1 * n_sm + 2, (p1, mde, alpha, power, got, n_sm)
