"""Hidden tests for `two_proportion_z_test`. Tolerance: z and p each with rtol=1e-9, atol=1e-300
(relative even for tiny p-values, which is where 1 - cdf fails)."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-300


def check(solution, reference, xa, na, xb, nb, **kwargs):
    expected = reference.two_proportion_z_test(xa, na, xb, nb, **kwargs)
    got = call(solution.two_proportion_z_test, xa, na, xb, nb, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (z, p_value).", expected=expected, got=got)
    assert_close(as_array(got[0]), expected[0], rtol=RTOL, atol=ATOL, scalar=True, what="z")
    assert_close(as_array(got[1]), expected[1], rtol=RTOL, atol=ATOL, scalar=True, what="p_value")
    return got


def expect_value_error(solution, *args, **kwargs):
    try:
        call(solution.two_proportion_z_test, *args, **kwargs)
    except ValueError:
        return
    fail("returned a result; raise ValueError for these arguments.")


@pytest.mark.parametrize("alternative", ["two-sided", "larger", "smaller"])
def test_worked_example(solution, reference, alternative):
    """The example from the task: 200/2000 vs 250/2000, z = 2.50196, for each alternative."""
    check(solution, reference, 200, 2000, 250, 2000, alternative=alternative)


def test_default_is_two_sided(solution, reference):
    """Without `alternative` the p-value is two-sided (twice the upper tail of |z|)."""
    check(solution, reference, 200, 2000, 250, 2000)


def test_negative_z_two_sided(solution, reference):
    """B converts less than A: z < 0 and the two-sided p uses |z| (it must stay <= 1)."""
    check(solution, reference, 250, 2000, 200, 2000)
    check(solution, reference, 250, 2000, 200, 2000, alternative="two-sided")


@pytest.mark.parametrize("alternative", ["larger", "smaller"])
def test_one_sided_directions_with_negative_z(solution, reference, alternative):
    """'larger' is H1: p_b > p_a, 'smaller' is H1: p_b < p_a; checked with B worse than A."""
    check(solution, reference, 130, 1000, 100, 1000, alternative=alternative)


def test_unequal_group_sizes(solution, reference):
    """n_a != n_b: the pooled SE weights both 1/n terms with the pooled rate (not the Wald SE)."""
    check(solution, reference, 30, 200, 520, 5000)
    check(solution, reference, 12, 40, 900, 2000, alternative="smaller")


@pytest.mark.parametrize("alternative", ["two-sided", "larger"])
def test_far_tail_is_accurate(solution, reference, alternative):
    """|z| from 8.6 to 13: p from 1e-17 to 1e-39, compared relatively (use erfc, not 1 - cdf)."""
    check(solution, reference, 500, 10000, 800, 10000, alternative=alternative)
    check(solution, reference, 100, 10000, 300, 10000, alternative=alternative)
    check(solution, reference, 10, 10000, 200, 10000, alternative=alternative)


def test_equal_rates_give_z_zero(solution, reference):
    """Identical rates: z = 0, two-sided p = 1, one-sided p = 0.5."""
    check(solution, reference, 50, 500, 100, 1000)
    check(solution, reference, 50, 500, 100, 1000, alternative="larger")


@pytest.mark.parametrize("counts", [(0, 100, 0, 80), (100, 100, 80, 80)])
@pytest.mark.parametrize("alternative", ["two-sided", "larger", "smaller"])
def test_degenerate_pooled_rate(solution, reference, counts, alternative):
    """Nobody (or everybody) converted: the SE is 0, so (0.0, 1.0) for every alternative."""
    check(solution, reference, *counts, alternative=alternative)


def test_one_group_all_converted(solution, reference):
    """One group at 0% and the other at 100% is not degenerate: the pooled rate is in (0, 1)."""
    check(solution, reference, 0, 10, 10, 10)
    check(solution, reference, 0, 1, 1, 1, alternative="larger")


def test_numpy_integer_counts(solution, reference):
    """NumPy integer counts work like Python ints."""
    check(solution, reference, np.int64(37), np.int64(400), np.int64(58), np.int64(410))


@pytest.mark.parametrize("seed", range(4))
def test_random_experiments(solution, reference, seed):
    """Seeded random experiments of many sizes and rates, all three alternatives."""
    rng = np.random.default_rng(seed)
    for _ in range(10):
        na, nb = (int(v) for v in rng.integers(1, 50_000, size=2))
        pa, pb = rng.uniform(0.001, 0.999, size=2)
        xa, xb = int(rng.binomial(na, pa)), int(rng.binomial(nb, pb))
        for alternative in ("two-sided", "larger", "smaller"):
            check(solution, reference, xa, na, xb, nb, alternative=alternative)


@pytest.mark.parametrize("args", [(5, 0, 3, 10), (3, 10, 2, 0), (11, 10, 3, 10), (3, 10, 12, 10),
                                  (-1, 10, 3, 10), (3, 10, -2, 10), (0, -5, 0, 10),
                                  (0, 0, 3, 10)])
def test_invalid_counts_raise(solution, reference, args):
    """n <= 0, or successes outside [0, n], raises ValueError."""
    expect_value_error(solution, *args)


def test_unknown_alternative_raises(solution, reference):
    """An alternative other than two-sided / larger / smaller raises ValueError."""
    expect_value_error(solution, 10, 100, 20, 100, alternative="greater-than")
