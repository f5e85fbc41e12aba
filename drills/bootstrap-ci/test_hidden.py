"""Hidden tests for `bootstrap_ci`. The resampling is fixed by the contract
(`rng.integers(0, n, size=(n_boot, n))` from `np.random.default_rng(seed)`, np.quantile default
method), so both ends are compared with the reference with rtol=1e-9, atol=1e-12. Properties are
checked too: low <= high, constant samples, and ~95% coverage of the true mean on normal data."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12


def interval(solution, x, **kwargs):
    got = call(solution.bootstrap_ci, x, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (low, high).", got=got)
    low, high = (float(as_array(v, what="an end of the interval was")) for v in got)
    return low, high


def check(solution, reference, x, **kwargs):
    expected = reference.bootstrap_ci(np.copy(x), **kwargs)
    got = interval(solution, x, **kwargs)
    assert_close(got[0], expected[0], rtol=RTOL, atol=ATOL, scalar=True, what="low")
    assert_close(got[1], expected[1], rtol=RTOL, atol=ATOL, scalar=True, what="high")
    return got


def expect_value_error(solution, x, **kwargs):
    try:
        call(solution.bootstrap_ci, x, **kwargs)
    except ValueError:
        return
    fail("returned a result; raise ValueError for these arguments.")


EXAMPLE = np.array([2.0, 4.0, 4.0, 5.0, 7.0, 9.0])


def test_worked_example_mean(solution, reference):
    """The example from the task: the 95% interval of the mean of [2, 4, 4, 5, 7, 9] is (3.5, 7.0)."""
    check(solution, reference, EXAMPLE)


def test_worked_example_median(solution, reference):
    """The example from the task with stat='median': (3.0, 8.0)."""
    check(solution, reference, EXAMPLE, stat="median")


def test_small_n_boot_example(solution, reference):
    """n_boot=5, seed=1 from the task: the quantiles interpolate between the five resample means."""
    check(solution, reference, EXAMPLE, n_boot=5, seed=1)


@pytest.mark.parametrize("seed", range(4))
def test_random_samples_mean(solution, reference, seed):
    """Seeded random samples of several sizes, alphas and seeds: the mean."""
    rng = np.random.default_rng(seed)
    x = rng.exponential(scale=3.0, size=int(rng.integers(2, 150)))
    check(solution, reference, x, n_boot=int(rng.integers(200, 3000)), alpha=float(rng.uniform(0.01, 0.3)),
          seed=int(rng.integers(0, 1000)))


@pytest.mark.parametrize("seed", range(3))
def test_random_samples_median(solution, reference, seed):
    """Seeded random samples, even and odd n: the median of every resample."""
    rng = np.random.default_rng(100 + seed)
    x = rng.normal(size=int(rng.integers(2, 80)) * 2 + seed % 2)
    check(solution, reference, x, stat="median", n_boot=2000, alpha=0.1, seed=seed)


def test_alpha_changes_the_width(solution, reference):
    """alpha=0.01 gives a wider interval than alpha=0.2, each equal to the reference."""
    x = np.random.default_rng(7).normal(10.0, 2.0, size=60)
    wide = check(solution, reference, x, alpha=0.01, n_boot=4000)
    narrow = check(solution, reference, x, alpha=0.2, n_boot=4000)
    if not (wide[0] < narrow[0] < narrow[1] < wide[1]):
        fail(f"the 99% interval {wide} should contain the 80% interval {narrow}.")


def test_seed_is_used(solution, reference):
    """Different seeds give different (reference-equal) intervals."""
    x = np.random.default_rng(8).normal(size=30)
    check(solution, reference, x, n_boot=500, seed=3)
    check(solution, reference, x, n_boot=500, seed=4)


def test_one_resample(solution, reference):
    """n_boot = 1 is allowed: both ends are the statistic of the single resample."""
    check(solution, reference, EXAMPLE, n_boot=1, seed=2)


def test_single_value(solution, reference):
    """n = 1: every resample is that value, so the interval is (x0, x0)."""
    check(solution, reference, np.array([4.25]))


def test_constant_sample(solution, reference):
    """A constant sample gives a zero-width interval at the constant."""
    low, high = check(solution, reference, np.full(25, -3.5), n_boot=500)
    if low != high:
        fail(f"a constant sample should give low == high == -3.5, got ({low}, {high}).")


def test_large_offset(solution, reference):
    """Values near 1e9 with small spread: the interval is still exact."""
    x = 1e9 + np.random.default_rng(9).normal(size=40)
    check(solution, reference, x, n_boot=2000)


def test_integer_list_input(solution, reference):
    """A plain list of integers is accepted (means are fractional)."""
    check(solution, reference, [3, 1, 4, 1, 5, 9, 2, 6], n_boot=3000, seed=5)


def test_coverage_on_normal_data(solution, reference):
    """On 300 normal samples (n = 40) the 95% interval covers the true mean 88%-99% of the time."""
    rng = np.random.default_rng(2024)
    hits = 0
    for i in range(300):
        x = rng.normal(5.0, 2.0, size=40)
        low, high = interval(solution, x, n_boot=1000, seed=i)
        if low > high:
            fail(f"got low = {low} > high = {high}; return (low, high) in that order.")
        hits += low <= 5.0 <= high
    if not 0.88 <= hits / 300 <= 0.99:
        fail(f"the 95% interval covered the true mean in {hits} of 300 samples ({hits / 300:.0%}); expected "
             "about 95%. Check the resampling (with replacement) and the quantile levels alpha/2, 1 - alpha/2.")


@pytest.mark.parametrize("name,value", [("stat", "mode"), ("alpha", 0.0), ("alpha", 1.0), ("alpha", -0.1),
                                        ("n_boot", 0)])
def test_invalid_arguments_raise(solution, reference, name, value):
    """Unknown stat, alpha outside (0, 1) or n_boot < 1 raise ValueError."""
    expect_value_error(solution, EXAMPLE, **{name: value})


@pytest.mark.parametrize("x", [np.array([]), np.ones((3, 2))], ids=["empty", "2-D"])
def test_invalid_x_raises(solution, reference, x):
    """An empty or 2-D x raises ValueError."""
    expect_value_error(solution, x)


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    check(solution, reference, np.array([5.0, 1.0, 3.0, 2.0, 8.0]), n_boot=300)


def speed_case():
    x = np.random.default_rng(0).normal(size=20)
    return {"function": "bootstrap_ci", "args": (x,), "kwargs": {"n_boot": 200_000}}
