"""Hidden tests for `dropout` (inverted dropout). Graded by properties, since the random
generator may differ from the reference's:

- structure: out and mask have x's shape, mask is 0/1, and out == x * mask / (1 - p)
  (RTOL=1e-12, ATOL=1e-12);
- keep rate: on N >= 100,000 elements the kept fraction is within SIGMAS=6 standard deviations
  sqrt(p (1 - p) / N) of 1 - p (a correct solution fails this with probability ~1e-9);
- reproducibility: same seed, same mask; different seeds or seed=None, different masks;
- evaluation mode and p = 0: the identity and a mask of ones.
"""

import numpy as np
import pytest

from mlprep.drillkit import call, fail

RTOL, ATOL = 1e-12, 1e-12
SIGMAS = 6.0


def run(solution, x, p, **kwargs):
    """Call dropout; check the tuple, the shapes, the 0/1 mask and out == x * mask / (1 - p)."""
    got = call(solution.dropout, x, p, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a tuple (out, mask), got {type(got).__name__}"
             + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "") + ".", got=got)
    out = np.asarray(got[0], dtype=float)
    mask = np.asarray(got[1])
    for name, arr in (("out", out), ("mask", mask)):
        if arr.shape != x.shape:
            fail(f"{name} has shape {arr.shape}; expected the shape of x, {x.shape} (one independent "
                 "keep/drop decision per element).", got=arr)
    mask = mask.astype(float)
    if not np.isin(mask, [0.0, 1.0]).all():
        bad = mask[~np.isin(mask, [0.0, 1.0])][0]
        fail(f"the mask contains {bad:g}; it must hold 1 (kept) or 0 (dropped) only, not the scaled "
             "values.", got=got[1])
    training = kwargs.get("training", True)
    if not training and not (mask == 1).all():
        fail("in evaluation mode (training=False) the mask must be all ones: nothing is dropped.", got=got[1])
    if training and p > 0 and x.ndim == 2 and min(x.shape) >= 100:
        check_independent(mask)
    x = np.asarray(x, dtype=float)
    expected = x * mask / (1 - p) if training else x
    wrong = ~np.isclose(out, expected, rtol=RTOL, atol=ATOL)
    if wrong.any():
        idx = tuple(int(i) for i in np.argwhere(wrong)[0])
        if training:
            state = "kept" if mask[idx] else "dropped"
            rule = (f"kept elements are divided by 1 - p = {1 - p:g}, dropped ones are 0" if p
                    else "with p = 0 the output equals x")
            why = f"x is {x[idx]:g} and your mask says {state}, so out should be {expected[idx]:g} ({rule})"
        else:
            why = f"evaluation mode is the identity, so out should equal x = {x[idx]:g}"
        fail(f"at index {idx}, {why}; got {out[idx]:g}.", expected=expected, got=out)
    return out, mask


def check_independent(mask):
    if (mask == mask[:1, :]).all():
        fail("every row has the same mask: whole feature columns are dropped together. Draw a mask "
             "of the full shape of x.", got=mask)
    if (mask == mask[:, :1]).all():
        fail("every column has the same mask: whole samples are dropped together. Draw a mask of "
             "the full shape of x.", got=mask)


def check_keep_rate(mask, p):
    n = mask.size
    rate = float(mask.mean())
    tol = SIGMAS * np.sqrt(p * (1 - p) / n)
    if abs(rate - (1 - p)) > tol:
        fail(f"kept {rate:.2%} of {n} elements with p={p}; expected about {1 - p:.0%} (between "
             f"{1 - p - tol:.2%} and {1 - p + tol:.2%}). p is the probability of DROPPING an element.",
             expected=1 - p, got=rate)


def test_worked_example(solution, reference):
    """The example from the task: ones((2, 4)) with p=0.5 gives entries 0 or 2 and a 0/1 mask."""
    run(solution, np.ones((2, 4)), 0.5, seed=0)


@pytest.mark.parametrize("p", [0.2, 0.5, 0.8])
def test_kept_values_are_rescaled(solution, reference, p):
    """Kept elements equal x / (1 - p), dropped ones 0 (random x of both signs)."""
    x = np.random.default_rng(1).normal(size=(50, 40))
    run(solution, x, p, training=True, seed=3)


@pytest.mark.parametrize("p", [0.1, 0.3, 0.8])
def test_keep_rate(solution, reference, p):
    """About a fraction 1 - p of the elements survive (p is the DROP probability)."""
    _, mask = run(solution, np.ones((400, 500)), p, seed=11)
    check_keep_rate(mask, p)


def test_expected_value_is_preserved(solution, reference):
    """On average the output equals the input: mean(out) ≈ mean(x) for x = 1."""
    p = 0.3
    out, _ = run(solution, np.ones((400, 500)), p, seed=5)
    n = out.size
    tol = SIGMAS * np.sqrt(p / (1 - p) / n)  # std of the mean of x * Bernoulli(1-p) / (1-p)
    if abs(out.mean() - 1.0) > tol:
        fail(f"mean(out) is {out.mean():.4f} for an input of ones and p={p}; expected about 1 (within "
             f"{tol:.4f}). Survivors must be divided by 1 - p during training.", expected=1.0, got=out.mean())


def test_eval_mode_is_identity(solution, reference):
    """training=False: out equals x (no dropping, no rescaling) and the mask is all ones."""
    x = np.random.default_rng(2).normal(size=(6, 5))
    run(solution, x, 0.5, training=False)


def test_eval_mode_with_seed(solution, reference):
    """training=False ignores p and seed: still the identity with a mask of ones."""
    x = np.arange(-6.0, 6.0).reshape(3, 4)
    run(solution, x, 0.8, training=False, seed=7)


def test_p_zero_is_identity(solution, reference):
    """p = 0 during training keeps everything: out equals x, mask all ones."""
    x = np.random.default_rng(3).normal(size=(20, 10))
    out, mask = run(solution, x, 0.0, seed=1)
    if not (mask == 1).all():
        fail("with p=0 nothing may be dropped, but the mask contains zeros.", got=mask)


def test_same_seed_same_mask(solution, reference):
    """Two calls with the same seed give the same mask and output."""
    x = np.random.default_rng(4).normal(size=(30, 20))
    out1, mask1 = run(solution, x, 0.4, seed=42)
    out2, mask2 = run(solution, x, 0.4, seed=42)
    if not np.array_equal(mask1, mask2):
        fail("two calls with seed=42 returned different masks; draw from np.random.default_rng(seed) "
             "so that a seed reproduces the mask.", got=mask2)


def test_different_seeds_differ(solution, reference):
    """Different seeds give different masks."""
    x = np.ones((100, 100))
    _, mask1 = run(solution, x, 0.5, seed=1)
    _, mask2 = run(solution, x, 0.5, seed=2)
    if np.array_equal(mask1, mask2):
        fail("seed=1 and seed=2 gave the same mask; the seed must drive the random draws.", got=mask2)


def test_seed_none_is_random(solution, reference):
    """seed=None draws fresh randomness: two calls give different masks."""
    x = np.ones((100, 100))
    _, mask1 = run(solution, x, 0.5)
    _, mask2 = run(solution, x, 0.5)
    if np.array_equal(mask1, mask2):
        fail("two calls with seed=None gave the same mask; without a seed every call must drop a "
             "different random set.", got=mask2)


def test_elements_dropped_independently(solution, reference):
    """Each element gets its own decision: the mask is not shared along rows or columns."""
    x = np.ones((300, 200))
    _, mask = run(solution, x, 0.5, seed=9)
    check_independent(mask)


def test_3d_input(solution, reference):
    """A 3-D batch of activations keeps its shape."""
    x = np.random.default_rng(6).normal(size=(4, 5, 6))
    run(solution, x, 0.25, seed=0)


def test_integer_input(solution, reference):
    """Integer activations give float outputs x / (1 - p)."""
    run(solution, np.arange(1, 41).reshape(8, 5), 0.6, seed=0)


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    run(solution, np.random.default_rng(7).normal(size=(10, 10)), 0.5, seed=1)


def speed_case():
    return {"function": "dropout", "args": (np.random.default_rng(0).normal(size=(200, 250)), 0.3),
            "kwargs": {"seed": 0}}
