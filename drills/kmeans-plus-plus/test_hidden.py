"""Hidden tests for `kmeans_pp_init`.

The draws are random, so no exact centroids are compared. Every call is checked for: shape (k, d);
every returned row is a row of X (to within 1e-12); the k rows are distinct points. Reproducibility
is checked by calling twice with the same seed. The distribution is checked statistically over
hundreds of seeds against exact probabilities enumerated from the D^2 rule, with a tolerance of
Z=4.5 binomial standard deviations (a correct sampler fails with probability below 1e-5, while
uniform, distance-proportional or farthest-point choices are off by many deviations).
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, call, fail, last_call, short_repr

ROW_TOL = 1e-12
Z = 4.5


def checked_call(solution, X, k, seed, points=None, desc=None):
    """Call the solution and check the properties every answer must have. Returns the index of each
    returned centroid into `points` (the distinct rows of X). The statistical tests pass `points` and
    a precomputed call description `desc` to keep hundreds of calls cheap."""
    if desc is None:
        got = call(solution.kmeans_pp_init, X, k, seed=seed)
        desc = last_call()
    else:
        got = solution.kmeans_pp_init(X, k, seed=seed)
        desc = f"{desc}, seed={seed})"
    arr = as_array(got, call=desc)
    n, d = X.shape
    if arr.shape != (k, d):
        fail(f"expected an array of shape ({k}, {d}) (k centroids of dimension d), got shape {arr.shape}.",
             call=desc, got=got)
    if points is None:
        points = distinct_rows(X)
    match = np.all(np.abs(arr[:, None, :] - points[None, :, :]) <= ROW_TOL * (1 + np.abs(points)), axis=2)
    for i in range(k):
        if not match[i].any():
            fail(f"row {i} of the result, {short_repr(arr[i])}, is not a row of X: k-means++ chooses data "
                 "points as centroids.", call=desc, got=got)
    ids = match.argmax(axis=1)
    if len(set(ids.tolist())) < k:
        i = next(j for j in range(k) if ids[j] in ids[:j])
        fail(f"the same point {short_repr(points[ids[i]])} was chosen twice (rows {list(ids).index(ids[i])} "
             f"and {i}). A chosen point is at distance 0 from a centroid, so its D^2 probability is 0.",
             call=desc, got=got)
    return ids


def distinct_rows(X):
    return np.unique(np.asarray(X, dtype=float), axis=0)


def many_draws(solution, X, k, runs):
    """The centroid indices (into distinct_rows(X)) drawn with seeds 0 .. runs - 1."""
    points = distinct_rows(X)
    desc = f"kmeans_pp_init({short_repr(X)}, {k}"
    return points, [checked_call(solution, X, k, seed, points, desc) for seed in range(runs)]


def sequence_probabilities(X, k):
    """Exact probability of every ordered sequence of k distinct row indices under k-means++."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    sq = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    out = {}

    def walk(seq, prob):
        if len(seq) == k:
            out[tuple(seq)] = prob
            return
        w = sq[seq].min(axis=0) if seq else np.ones(n)
        for i in np.flatnonzero(w > 0):
            walk(seq + [int(i)], prob * w[i] / w.sum())

    walk([], 1.0)
    return out


def check_frequency(hits, runs, p, event, alternatives, X, k):
    tol = Z * np.sqrt(p * (1 - p) / runs)
    freq = hits / runs
    if abs(freq - p) > tol:
        fail(f"over {runs} seeds, {event} in {freq:.1%} of the runs; D^2 sampling gives {p:.1%} "
             f"(tolerance ±{tol:.1%}; {alternatives}).", call=f"kmeans_pp_init({short_repr(X)}, {k}, "
             f"seed=0..{runs - 1})", expected=round(p, 4), got=round(freq, 4))


def line():
    """The task's example: 8 close points on a line and one far point, shape (9, 1)."""
    return np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [17.0]])


def test_worked_example(solution, reference):
    """The example from the task with seed 0: a (2, 1) array of two distinct rows of X."""
    checked_call(solution, line(), 2, 0)


def test_first_centroid_is_uniform(solution, reference):
    """Over 180 seeds every point is the first centroid about equally often (not always X[0])."""
    runs, X = 180, line()
    _, draws = many_draws(solution, X, 2, runs)
    counts = np.bincount([ids[0] for ids in draws], minlength=len(X))
    p = 1 / len(X)
    tol = Z * np.sqrt(runs * p * (1 - p))
    worst = int(np.argmax(np.abs(counts - runs * p)))
    if abs(counts[worst] - runs * p) > tol:
        fail(f"over {runs} seeds the first centroid (row 0 of the result) was {short_repr(X[worst])} in "
             f"{counts[worst]} runs; a uniform first choice gives {runs * p:.0f} ± {tol:.0f} for each of the "
             f"{len(X)} points (counts per point: {counts.tolist()}).", call=f"kmeans_pp_init({short_repr(X)}, 2, "
             f"seed=0..{runs - 1})", got=counts.tolist())


def test_far_point_follows_d2_probability(solution, reference):
    """1-D points 0..7 and an outlier at 17, k = 2: the outlier is picked with its exact D^2 probability."""
    runs, X = 240, line()
    p = sum(prob for seq, prob in sequence_probabilities(X, 2).items() if 8 in seq)
    points, draws = many_draws(solution, X, 2, runs)
    hits = sum(bool(np.any(points[ids, 0] == 17.0)) for ids in draws)
    check_frequency(hits, runs, p, "the far point [17.] was among the 2 centroids", "uniform sampling gives "
                    "22.2%, sampling by D instead of D^2 46.3%, always the farthest point 100%", X, 2)


def test_spreads_over_clusters(solution, reference):
    """Three 2-D clusters, k = 3: one centroid per cluster with the exact D^2 probability (nearest-centroid D)."""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [6.0, 0.0], [6.0, 1.0], [3.0, 8.0]])
    cluster = np.array([0, 0, 0, 1, 1, 2])
    runs = 150
    p = sum(prob for seq, prob in sequence_probabilities(X, 3).items() if len(set(cluster[list(seq)])) == 3)
    points, draws = many_draws(solution, X, 3, runs)
    cluster_of_point = cluster[[int(np.flatnonzero((X == pt).all(axis=1))[0]) for pt in points]]
    hits = sum(len(set(cluster_of_point[ids])) == 3 for ids in draws)
    check_frequency(hits, runs, p, "the 3 centroids fell in 3 different clusters", "uniform sampling gives "
                    "30%, sampling by D instead of D^2 74%, D^2 to the last centroid only 46%", X, 3)


def test_duplicate_points_never_chosen_twice(solution, reference):
    """X holds only 3 distinct points, each repeated 4 times; k = 3 must return exactly those 3 points."""
    base = np.array([[0.0, 0.0], [4.0, 1.0], [1.0, 5.0]])
    X = base[np.random.default_rng(0).permutation(np.repeat(np.arange(3), 4))]
    many_draws(solution, X, 3, 40)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_k_equals_n_returns_every_row(solution, reference, seed):
    """k = n: every row of X is chosen exactly once (in some order)."""
    X = np.random.default_rng(50 + seed).normal(size=(6, 2))
    checked_call(solution, X, 6, seed)


def test_k_one(solution, reference):
    """k = 1: a (1, d) array holding one row of X."""
    X = np.random.default_rng(3).normal(size=(10, 4))
    checked_call(solution, X, 1, 5)


def test_same_seed_same_centroids(solution, reference):
    """Calling twice with the same seed gives the same centroids."""
    X = np.random.default_rng(4).normal(size=(40, 3))
    for seed in (0, 7, 123):
        first = as_array(call(solution.kmeans_pp_init, X, 4, seed=seed))
        second = as_array(call(solution.kmeans_pp_init, X, 4, seed=seed))
        if first.shape != second.shape or not np.array_equal(first, second):
            fail(f"two calls with seed={seed} returned different centroids: use "
                 "np.random.default_rng(seed) so that a seed reproduces the same draws.",
                 expected=first, got=second)


def test_different_seeds_give_different_draws(solution, reference):
    """Seeds 0..9 do not all give the same centroids (the seed is used, not a fixed one)."""
    X = np.random.default_rng(5).normal(size=(40, 2))
    results = {as_array(call(solution.kmeans_pp_init, X, 3, seed=s)).tobytes() for s in range(10)}
    if len(results) == 1:
        fail("seeds 0 to 9 all returned the same centroids: the seed argument must drive the random "
             "generator (np.random.default_rng(seed)).")


def test_integer_input(solution, reference):
    """Integer X works; the centroids are its rows."""
    X = np.array([[0, 0], [1, 2], [10, 10], [11, 9], [-5, 7]])
    for seed in range(5):
        checked_call(solution, X, 3, seed)


@pytest.mark.parametrize("seed", range(3))
def test_random_datasets(solution, reference, seed):
    """Seeded random datasets of several sizes and dimensions."""
    rng = np.random.default_rng(600 + seed)
    n, d = int(rng.integers(8, 60)), int(rng.integers(1, 6))
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 20)
    for s in range(5):
        checked_call(solution, X, int(rng.integers(2, min(n, 8))), s)


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset_small_spread(solution, reference, offset):
    """The line example shrunk to a spread of 1.7 and moved to 1e6, 1e7, 1e8: the far point still
    follows its exact D^2 probability (distances from the differences; ||x||² - 2x·c + ||c||²
    cancels there and gives wrong, even negative, weights)."""
    runs, X = 240, line() * 0.1 + offset
    p = sum(prob for seq, prob in sequence_probabilities(X, 2).items() if 8 in seq)
    points, draws = many_draws(solution, X, 2, runs)
    hits = sum(bool(np.any(points[ids, 0] == X[8, 0])) for ids in draws)
    check_frequency(hits, runs, p, f"the far point [{X[8, 0]!r}] was among the 2 centroids",
                    "distances computed in expanded form lose every digit this far from 0", X, 2)


def test_input_not_modified(solution, reference):
    """X is left untouched (checked on every call)."""
    checked_call(solution, np.random.default_rng(6).normal(size=(12, 2)), 4, 0)


def speed_case():
    X = np.random.default_rng(0).normal(size=(10_000, 8))
    return {"function": "kmeans_pp_init", "args": (X, 20), "kwargs": {"seed": 0}}
