"""Hidden tests for `xavier_init` and `he_init`, graded statistically (the generator calls may
differ from the reference's, so exact values are never compared):

- shapes exactly; Xavier bounds exactly (|w| <= limit, with a relative slack of 1e-12);
- on layers of >= 100,000 weights: sample std within STD_RTOL=2% of the target (about 9 or more
  standard errors), |mean| below MEAN_SE=8 standard errors, and the fraction of weights in a
  range within FRAC_TOL=0.01 of its theoretical value (>= 7 standard errors);
- reproducibility: same seed -> identical matrices; different seeds or seed=None -> different.
A correct solution fails a statistical check with probability below 1e-12.
"""

import numpy as np
import pytest

from mlprep.drillkit import call, fail

STD_RTOL = 0.02
MEAN_SE = 8.0
FRAC_TOL = 0.01
FUNCTIONS = ("xavier_init", "he_init")


def draw(solution, name, n_in, n_out, **kwargs):
    got = call(getattr(solution, name), n_in, n_out, **kwargs)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    W = np.asarray(got, dtype=float)
    if W.shape != (n_in, n_out):
        extra = " (that is (n_out, n_in): the task wants one row per input feature)" if W.shape == (n_out, n_in) else ""
        fail(f"expected shape (n_in, n_out) = {(n_in, n_out)}, got {W.shape}{extra}.", got=got)
    if not np.isfinite(W).all():
        fail("the matrix contains nan or inf.", got=got)
    return W


def xavier_limit(n_in, n_out):
    return np.sqrt(6 / (n_in + n_out))


def he_std(n_in):
    return np.sqrt(2 / n_in)


def check_std(W, target, formula):
    s = float(W.std())
    if abs(s - target) > STD_RTOL * target:
        fail(f"the weights' standard deviation is {s:.5g}; expected {target:.5g} ± {STD_RTOL:.0%} "
             f"({formula}).", expected=target, got=s)


def check_mean(W, sd):
    m = float(W.mean())
    bound = MEAN_SE * sd / np.sqrt(W.size)
    if abs(m) > bound:
        fail(f"the weights' mean is {m:.3g}; expected about 0 (|mean| < {bound:.3g}).", expected=0.0, got=m)


def check_fraction(frac, target, what):
    if abs(frac - target) > FRAC_TOL:
        fail(f"{frac:.2%} of the weights are {what}; expected {target:.2%} ± {FRAC_TOL:.0%}.",
             expected=target, got=frac)


def check_bounds(W, limit):
    worst = float(np.abs(W).max())
    if worst > limit * (1 + 1e-12):
        fail(f"a weight of magnitude {worst:.5g} exceeds the Xavier limit sqrt(6 / (n_in + n_out)) = "
             f"{limit:.5g}; draw from the uniform U(-limit, limit).", expected=limit, got=worst)


# ---------------------------------------------------------------------------- Xavier

def test_xavier_worked_example(solution, reference):
    """The example from the task: xavier_init(2, 4, seed=0) has shape (2, 4) and entries in [-1, 1]."""
    check_bounds(draw(solution, "xavier_init", 2, 4, seed=0), 1.0)


@pytest.mark.parametrize("n_in,n_out", [(1, 1), (3, 7), (784, 10)])
def test_xavier_shape_and_bounds(solution, reference, n_in, n_out):
    """Shape (n_in, n_out) and all weights within ±sqrt(6 / (n_in + n_out)), small and odd layers."""
    check_bounds(draw(solution, "xavier_init", n_in, n_out, seed=1), xavier_limit(n_in, n_out))


@pytest.mark.parametrize("n_in,n_out", [(400, 600), (50, 3000), (3000, 50)])
def test_xavier_std(solution, reference, n_in, n_out):
    """Large layers: std ≈ sqrt(2 / (n_in + n_out)), using both fans (very unequal fans too)."""
    W = draw(solution, "xavier_init", n_in, n_out, seed=2)
    check_bounds(W, xavier_limit(n_in, n_out))
    check_std(W, np.sqrt(2 / (n_in + n_out)),
              "U(-limit, limit) with limit = sqrt(6 / (n_in + n_out)) has std limit / sqrt(3)")


def test_xavier_mean_is_zero(solution, reference):
    """The weights are centred on 0 (symmetric interval)."""
    W = draw(solution, "xavier_init", 400, 600, seed=3)
    check_mean(W, np.sqrt(2 / 1000))


def test_xavier_is_uniform_over_the_whole_range(solution, reference):
    """Uniform, not normal: half the weights have |w| < limit / 2 and the extremes reach the limit."""
    W = draw(solution, "xavier_init", 400, 600, seed=4)
    limit = xavier_limit(400, 600)
    check_fraction(float((np.abs(W) < limit / 2).mean()), 0.5, "within half the limit (|w| < limit / 2)")
    if np.abs(W).max() < 0.99 * limit:
        fail(f"the largest |w| is {np.abs(W).max():.5g}, far from the limit {limit:.5g}: the weights "
             "must fill the whole interval [-limit, limit].")


# ---------------------------------------------------------------------------- He

def test_he_worked_example(solution, reference):
    """The example from the task: he_init(500, 300, seed=0), mean ≈ 0, std ≈ sqrt(2 / 500)."""
    W = draw(solution, "he_init", 500, 300, seed=0)
    check_mean(W, he_std(500))
    check_std(W, he_std(500), "std = sqrt(2 / n_in), the square root of the variance 2 / n_in")


@pytest.mark.parametrize("n_in,n_out", [(1, 1), (3, 7), (1, 20)])
def test_he_shape(solution, reference, n_in, n_out):
    """Shape (n_in, n_out) for small and odd layers."""
    draw(solution, "he_init", n_in, n_out, seed=1)


@pytest.mark.parametrize("n_in,n_out", [(2000, 50), (50, 2000), (4, 25_000)])
def test_he_std_uses_fan_in(solution, reference, n_in, n_out):
    """Large layers: std ≈ sqrt(2 / n_in), the fan-in only (very unequal fans, tiny fan-in)."""
    W = draw(solution, "he_init", n_in, n_out, seed=2)
    check_std(W, he_std(n_in), "std = sqrt(2 / n_in): fan-in only, factor 2 for ReLU, square root of the variance")


def test_he_mean_is_zero(solution, reference):
    """The weights are centred on 0."""
    W = draw(solution, "he_init", 300, 400, seed=3)
    check_mean(W, he_std(300))


def test_he_is_normal(solution, reference):
    """Normal, not uniform or truncated: 68.27% within 1 std, 4.55% beyond 2 std."""
    W = draw(solution, "he_init", 300, 400, seed=4)
    z = np.abs(W) / he_std(300)
    check_fraction(float((z < 1).mean()), 0.6827, "within one standard deviation of 0")
    check_fraction(float((z > 2).mean()), 0.0455, "more than two standard deviations from 0")


# ---------------------------------------------------------------------------- both

@pytest.mark.parametrize("name", FUNCTIONS)
def test_same_seed_same_matrix(solution, reference, name):
    """Two calls with the same seed return the same matrix."""
    W1 = draw(solution, name, 30, 20, seed=42)
    W2 = draw(solution, name, 30, 20, seed=42)
    if not np.array_equal(W1, W2):
        fail("two calls with seed=42 returned different matrices; draw from np.random.default_rng(seed).", got=W2)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_different_seeds_differ(solution, reference, name):
    """Different seeds return different matrices."""
    W1 = draw(solution, name, 30, 20, seed=1)
    W2 = draw(solution, name, 30, 20, seed=2)
    if np.array_equal(W1, W2):
        fail("seed=1 and seed=2 returned the same matrix; the seed must drive the random draws.", got=W2)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_seed_none_is_random(solution, reference, name):
    """seed=None draws fresh randomness: two calls differ."""
    W1 = draw(solution, name, 30, 20)
    W2 = draw(solution, name, 30, 20)
    if np.array_equal(W1, W2):
        fail("two calls with seed=None returned the same matrix; without a seed each call must be random.", got=W2)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_weights_are_not_repeated(solution, reference, name):
    """Every weight is an independent draw: no repeated rows or columns."""
    W = draw(solution, name, 50, 40, seed=5)
    if len(np.unique(W)) < W.size:
        fail(f"only {len(np.unique(W))} distinct values among {W.size} weights; draw each weight independently.")


def speed_case():
    return {"function": "he_init", "args": (300, 200), "kwargs": {"seed": 0}}
