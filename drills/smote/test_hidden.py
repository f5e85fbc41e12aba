"""Hidden tests for `smote`. The samples are random, so properties are graded, never values:

- shape (n_new, d) and finite values;
- every sample lies on a segment from a minority point to one of its k nearest other minority
  points (k clamped to n - 1): distance to the nearest such segment <= TOL = 1e-6 * (1 + the
  data's spread around its mean) + 8 eps * |mean| (float32 arithmetic passes near 0; the
  large-offset test, points near 1e6-1e8 with a spread of 1, needs float64);
- at most 1% of the samples coincide with an original point (a correct SMOTE gives none);
- the positions along the segments are spread like U(0, 1) (mean 0.5 +- 0.06, std 0.25..0.33 over
  1500 samples: more than 6 standard errors of slack);
- with many samples, every valid segment is used (a miss has probability < 1e-12);
- the same seed gives the same samples, different seeds different samples.
Test data are continuous random points, so there are no distance ties between neighbours.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, call, fail, short_repr

REL_TOL = 1e-6


def valid_segments(X, k):
    """Directed pairs (i, j): j is one of the k nearest other points of i."""
    k = min(k, len(X) - 1)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    nearest = np.argsort(dist, axis=1)[:, :k]
    return np.repeat(np.arange(len(X)), k), nearest.ravel()


def synthesize(solution, X, n_new, k=None, seed=None):
    """Call the user's smote and check shape and finiteness; returns a float (n_new, d) array."""
    kwargs = {} if k is None else {"k": k}
    if seed is not None:
        kwargs["seed"] = seed
    got = call(solution.smote, X, n_new, **kwargs)
    S = as_array(got)
    if S.shape != (n_new, X.shape[1]):
        fail(f"expected an array of shape ({n_new}, {X.shape[1]}) (only the n_new synthetic samples), "
             f"got shape {S.shape}.", got=got)
    S = S.astype(float)
    if not np.all(np.isfinite(S)):
        fail("returned NaN or inf values.", got=got)
    return S


def on_segments(X, S, k):
    """For every sample: distance to the nearest valid segment, its index and the position t on it."""
    a_idx, b_idx = valid_segments(X, k)
    A, B = X[a_idx], X[b_idx]
    AB = B - A
    rel = S[:, None, :] - A[None, :, :]  # (m, P, d)
    t = np.clip((rel * AB[None]).sum(-1) / (AB * AB).sum(-1)[None], 0.0, 1.0)  # (m, P)
    dist = np.linalg.norm(rel - t[..., None] * AB[None], axis=-1)
    best = dist.argmin(axis=1)
    rows = np.arange(len(S))
    return dist[rows, best], a_idx, b_idx, best, t[rows, best], dist, t


def check_properties(solution, X, n_new, k=None, seed=0, coverage=False, spread=False):
    X = np.asarray(X, dtype=float)
    k_eff = 5 if k is None else k
    S = synthesize(solution, X, n_new, k=k, seed=seed)
    if n_new == 0:
        return S
    # Geometry on centred copies, so that data far from 0 (1e8 + a spread of 1) are checked at the
    # scale of their spread; the tolerance adds the float64 rounding of the offset itself.
    centre = X.mean(axis=0)
    tol = REL_TOL * (1.0 + np.abs(X - centre).max()) + 8 * np.finfo(float).eps * np.abs(centre).max()
    X, S = X - centre, S - centre
    d_best, a_idx, b_idx, best, t_best, dist, t_all = on_segments(X, S, k_eff)
    off = np.flatnonzero(d_best > tol)
    if off.size:
        i = int(off[0])
        a, b = int(a_idx[best[i]]), int(b_idx[best[i]])
        fail(f"{off.size} of {n_new} samples are not on a segment between a minority point and one of its "
             f"{min(k_eff, len(X) - 1)} nearest neighbours; e.g. sample {i} = {short_repr(S[i])} is "
             f"{d_best[i]:.3g} away from the nearest such segment (X[{a}] -> X[{b}]). Each sample must be "
             "x + u * (x_nn - x) with a single u in [0, 1].", got=S[i])
    copies = int(np.sum(np.linalg.norm(S[:, None, :] - X[None, :, :], axis=-1).min(axis=1) <= tol))
    if copies > max(1, n_new // 100):
        fail(f"{copies} of {n_new} samples are exact copies of original minority points; SMOTE interpolates "
             "(u ~ U(0, 1)) and a point is never its own neighbour.")
    if spread:
        # Only samples on a segment valid in one direction tell which end was x (mutual neighbours
        # are ambiguous: u and 1 - u); their position along it must look like U(0, 1).
        only = (dist <= tol).sum(axis=1) == 1
        t_known = t_all[np.arange(n_new), dist.argmin(axis=1)][only]
        mean, std = float(t_known.mean()), float(t_known.std())
        if not (0.44 <= mean <= 0.56 and 0.25 <= std <= 0.33):
            fail(f"the positions u of the samples along their segments (from x towards x_nn) have mean "
                 f"{mean:.3f} and std {std:.3f}; u ~ U(0, 1) gives mean 0.5 and std 0.289. Draw u uniformly "
                 "in [0, 1], one per sample.")
    if coverage:
        used = (dist <= tol) & (t_all > 0.02) & (t_all < 0.98)  # (m, P): sample strictly inside segment
        hit = used.any(axis=0)
        # A segment counts as used if it or its reverse was hit.
        key = {}
        for p, (a, b) in enumerate(zip(a_idx.tolist(), b_idx.tolist())):
            key.setdefault(frozenset((a, b)), []).append(p)
        for pair, ps in key.items():
            if not hit[ps].any():
                a, b = sorted(pair)
                fail(f"in {n_new} samples, no sample lies on the segment X[{a}] -> X[{b}], although X[{b}] is "
                     f"one of the {min(k_eff, len(X) - 1)} nearest neighbours of X[{a}] (or the reverse). Pick "
                     "the base point among all n minority points and the partner among all k neighbours.")
    return S


def blob(seed, n, d, scale=1.0):
    return np.random.default_rng(seed).normal(0.0, scale, (n, d))


def test_worked_example(solution, reference):
    """The example from the task: k=1, samples on the three nearest-neighbour segments."""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [9.0, 9.0]])
    check_properties(solution, X, 3, k=1, seed=0)
    check_properties(solution, X, 400, k=1, seed=1, coverage=True)


@pytest.mark.parametrize("seed,n,d,k", [(0, 30, 3, 5), (1, 12, 2, 3), (2, 50, 6, 4), (3, 8, 2, 1)])
def test_samples_on_neighbour_segments(solution, reference, seed, n, d, k):
    """Every sample lies between a minority point and one of its k nearest neighbours."""
    check_properties(solution, blob(seed, n, d, scale=3.0), 300, k=k, seed=seed)


def test_default_k_is_5(solution, reference):
    """Without k, the 5 nearest neighbours are used (the 6th nearest never)."""
    check_properties(solution, blob(4, 25, 3), 1500, seed=4, coverage=True)


def test_all_neighbours_and_all_points_used(solution, reference):
    """With many samples, every point-to-neighbour segment appears, including an isolated point's."""
    X = blob(5, 12, 2)
    X[0] = [15.0, -12.0]  # far away: nobody else has it as a neighbour
    X[-1] = [-14.0, 13.0]
    check_properties(solution, X, 1500, k=3, seed=5, coverage=True)


def test_uniform_position_along_segment(solution, reference):
    """u ~ U(0, 1): samples spread evenly along the segments, not only near one end or the middle."""
    check_properties(solution, blob(6, 20, 3), 3000, k=4, seed=6, spread=True)


def test_k_larger_than_n_minus_1(solution, reference):
    """k > n - 1 is clamped to n - 1: with 3 points, both other points are neighbours."""
    X = np.array([[0.0, 0.0], [4.0, 1.0], [1.0, 5.0]])
    check_properties(solution, X, 400, k=5, seed=7, coverage=True)


def test_two_minority_points(solution, reference):
    """n = 2: every sample lies on the segment between the two points."""
    check_properties(solution, np.array([[1.0, 2.0, 3.0], [3.0, 2.0, -1.0]]), 200, k=5, seed=8, coverage=True)


def test_integer_features(solution, reference):
    """Integer features are interpolated in floating point (samples are not rounded)."""
    X = np.array([[0, 0], [10, 1], [1, 11], [12, 13], [5, 20]])
    check_properties(solution, X, 300, k=2, seed=9, coverage=True)


def test_zero_new_samples(solution, reference):
    """n_new = 0 gives an empty (0, d) array."""
    check_properties(solution, blob(10, 6, 4), 0, k=2, seed=10)


def test_same_seed_same_samples(solution, reference):
    """The same seed reproduces the same samples."""
    X = blob(11, 15, 3)
    a = synthesize(solution, X, 50, k=3, seed=123)
    b = synthesize(solution, X, 50, k=3, seed=123)
    if not np.array_equal(a, b):
        fail("two calls with seed=123 returned different samples; draw every random number from "
             "np.random.default_rng(seed).")


def test_different_seeds_different_samples(solution, reference):
    """Different seeds (and seed=None) give different samples."""
    X = blob(12, 15, 3)
    runs = [synthesize(solution, X, 20, k=3, seed=s) for s in range(3)]
    if any(np.array_equal(runs[i], runs[j]) for i in range(3) for j in range(i + 1, 3)):
        fail("different seeds returned the same samples; seed the generator with `seed`.")
    if np.array_equal(synthesize(solution, X, 20, k=3), synthesize(solution, X, 20, k=3)):
        fail("two calls with seed=None returned the same samples; without a seed use fresh randomness.")


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset_small_spread(solution, reference, offset):
    """Points near 1e6, 1e7, 1e8 with a spread of about 1: samples lie on the same nearest-neighbour
    segments as near 0 (distances from the differences; the expanded form cancels there)."""
    X = blob(int(np.log10(offset)), 60, 2) + offset
    check_properties(solution, X, 600, k=2, seed=14)


def test_input_not_modified(solution, reference):
    """X_minority is left untouched (checked by the grader on every call)."""
    check_properties(solution, blob(13, 7, 2), 30, k=2, seed=13)


def speed_case():
    return {"function": "smote", "args": (np.random.default_rng(0).normal(size=(200, 4)), 30_000),
            "kwargs": {"k": 5, "seed": 0}}
