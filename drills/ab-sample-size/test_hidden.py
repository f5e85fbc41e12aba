"""Hidden tests for `sample_size` and `norm_ppf`. norm_ppf: atol=1e-9, rtol=0 against the reference.
sample_size: the exact reference integer (inputs whose raw n is within 1e-4 of an integer are
avoided, since there the ceiling depends on rounding noise), and it must be an int."""

import math

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

PPF_ATOL = 1e-9


def raw_n(reference, p1, mde, alpha=0.05, power=0.8, relative=False):
    """The unrounded n (the reference's formula), to skip draws that sit on an integer."""
    p2 = p1 * (1 + mde) if relative else p1 + mde
    pb = (p1 + p2) / 2
    za, zb = reference.norm_ppf(1 - alpha / 2), reference.norm_ppf(power)
    return (za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2


def check_n(solution, reference, p1, mde, **kwargs):
    expected = reference.sample_size(p1, mde, **kwargs)
    got = call(solution.sample_size, p1, mde, **kwargs)
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, np.integer)):
        fail(f"returned {got!r} ({type(got).__name__}); return the sample size as an int (math.ceil of n).",
             expected=expected, got=got)
    if int(got) != expected:
        fail(f"expected {expected} users per group, got {got}.", expected=expected, got=got)
    return int(got)


def check_ppf(solution, reference, p):
    expected = reference.norm_ppf(p)
    got = call(solution.norm_ppf, p)
    assert_close(as_array(got), expected, rtol=0.0, atol=PPF_ATOL, scalar=True)


def expect_value_error(fn, *args, **kwargs):
    try:
        call(fn, *args, **kwargs)
    except ValueError:
        return
    fail("returned a result; raise ValueError for these arguments.")


def test_worked_example(solution, reference):
    """The example from the task: 10% -> 12% at alpha 0.05, power 0.8 needs 3841 per group."""
    check_n(solution, reference, 0.10, 0.02)


def test_relative_lift(solution, reference):
    """relative=True: mde=0.10 means 10% -> 11% (14751 per group)."""
    check_n(solution, reference, 0.10, 0.10, relative=True)
    check_n(solution, reference, 0.30, -0.05, relative=True)


def test_alpha_and_power(solution, reference):
    """Other alpha and power values (z at 1 - alpha/2 for a two-sided test, z at the power)."""
    check_n(solution, reference, 0.05, 0.01, alpha=0.01, power=0.9)
    check_n(solution, reference, 0.20, 0.03, alpha=0.10, power=0.95)
    check_n(solution, reference, 0.50, 0.05, alpha=0.2, power=0.55)


def test_low_power_below_one_half(solution, reference):
    """power < 0.5 makes z_beta negative; the formula still applies."""
    check_n(solution, reference, 0.10, 0.02, power=0.3)


def test_negative_mde_mirrors_positive(solution, reference):
    """10% -> 12% and 12% -> 10% need the same n (the formula is symmetric in p1 and p2)."""
    up = check_n(solution, reference, 0.10, 0.02)
    down = check_n(solution, reference, 0.12, -0.02)
    if up != down:
        fail(f"10% -> 12% gave {up} but 12% -> 10% gave {down}; they should be equal.")


def test_more_power_or_smaller_alpha_needs_more_users(solution, reference):
    """n grows with the power and as alpha shrinks."""
    ns = [check_n(solution, reference, 0.08, 0.015, power=pw) for pw in (0.7, 0.8, 0.9)]
    ms = [check_n(solution, reference, 0.08, 0.015, alpha=a) for a in (0.1, 0.05, 0.01)]
    if not (ns[0] < ns[1] < ns[2] and ms[0] < ms[1] < ms[2]):
        fail(f"n should increase with power ({ns}) and as alpha decreases ({ms}).")


@pytest.mark.parametrize("seed", range(4))
def test_random_designs(solution, reference, seed):
    """Seeded random baselines, lifts, alphas and powers, absolute and relative."""
    rng = np.random.default_rng(seed)
    done = 0
    while done < 12:
        p1 = float(rng.uniform(0.01, 0.9))
        relative = bool(rng.integers(0, 2))
        mde = float(rng.uniform(0.05, 0.5) if relative else rng.uniform(0.005, 0.08)) * rng.choice([-1, 1])
        alpha, power = float(rng.uniform(0.005, 0.2)), float(rng.uniform(0.6, 0.99))
        p2 = p1 * (1 + mde) if relative else p1 + mde
        if not 0 < p2 < 1:
            continue
        n = raw_n(reference, p1, mde, alpha, power, relative)
        if abs(n - round(n)) < 1e-4:
            continue
        check_n(solution, reference, p1, mde, alpha=alpha, power=power, relative=relative)
        done += 1


@pytest.mark.parametrize("args", [(0.0, 0.01), (1.0, -0.01), (0.1, 0.0), (0.95, 0.06), (0.03, -0.05),
                                  (0.95, 0.05), (0.05, -0.05), (0.5, 1.5, 0.05, 0.8, True),
                                  (0.1, 0.02, 0.0), (0.1, 0.02, 1.0), (0.1, 0.02, 0.05, 0.0),
                                  (0.1, 0.02, 0.05, 1.0)])
def test_invalid_design_raises(solution, reference, args):
    """Rates outside (0, 1), mde = 0, alpha or power outside (0, 1) raise ValueError."""
    expect_value_error(solution.sample_size, *args)


def test_ppf_known_values(solution, reference):
    """Φ⁻¹ at 0.5, 0.8, 0.975 and 0.995 (0, 0.8416, 1.96, 2.5758)."""
    for p in (0.5, 0.8, 0.975, 0.995):
        check_ppf(solution, reference, p)


@pytest.mark.parametrize("p", [1e-300, 1e-100, 1e-10, 1e-5, 0.001, 0.02, 0.03, 0.2, 0.97, 0.999, 1 - 1e-10,
                               1 - 1e-15])
def test_ppf_tails_and_region_boundaries(solution, reference, p):
    """Deep tails and both sides of Acklam's switch point (0.02425): error below 1e-9."""
    check_ppf(solution, reference, p)


def test_ppf_random_grid(solution, reference):
    """Seeded random p on a log scale in both halves: error below 1e-9."""
    rng = np.random.default_rng(11)
    for e in rng.uniform(-12, np.log10(0.5), size=25):
        check_ppf(solution, reference, float(10 ** e))
        check_ppf(solution, reference, float(1 - 10 ** e))


def test_ppf_symmetry(solution, reference):
    """Φ⁻¹(1 − p) = −Φ⁻¹(p)."""
    for p in (0.01, 0.1, 0.3):
        a, b = float(call(solution.norm_ppf, p)), float(call(solution.norm_ppf, 1 - p))
        if abs(a + b) > 2 * PPF_ATOL:
            fail(f"norm_ppf({p}) = {a} but norm_ppf({1 - p}) = {b}; they should be opposite.")


@pytest.mark.parametrize("p", [0.0, 1.0, -0.5, 1.5])
def test_ppf_outside_unit_interval_raises(solution, reference, p):
    """p outside (0, 1) raises ValueError."""
    expect_value_error(solution.norm_ppf, p)
