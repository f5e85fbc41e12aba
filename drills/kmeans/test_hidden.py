"""Hidden tests for `kmeans`.

K-Means has no unique answer (it depends on the initialisation), so the tests check properties:
- shapes and label range;
- a Lloyd fixed point: each point's label is its nearest returned centroid (distances within
  1e-9 · (1 + d²) + 1e-15 · max|X| of the minimum, so ties may go either way), and each non-empty
  cluster's centroid equals the mean of its points (rtol=1e-6, atol=1e-9 + 8 eps |mean of X|, on
  data centred by their mean);
- on well-separated blobs, the partition equals the true one up to a permutation of labels;
- the same seed gives the same result; every centroid is finite (empty clusters handled).
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, call, fail, same_partition

RTOL, ATOL = 1e-6, 1e-9


def run(solution, X, k, **kwargs):
    got = call(solution.kmeans, X, k, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (centroids, labels).", got=got)
    centroids = as_array(got[0], what="the centroids it returned were")
    labels = as_array(got[1], what="the labels it returned were")
    n, d = np.shape(X)
    if centroids.shape != (k, d):
        fail(f"centroids have shape {centroids.shape}; expected (k, d) = {(k, d)}.")
    if labels.shape != (n,):
        fail(f"labels have shape {labels.shape}; expected (n,) = {(n,)}.")
    if not np.all(np.isfinite(centroids)):
        bad = int(np.argwhere(~np.isfinite(centroids).all(axis=1))[0][0])
        fail(f"centroid {bad} is {centroids[bad]} — an empty cluster? Keep its previous centroid instead of "
             "taking the mean of no points.")
    if not np.all(labels == np.round(labels)) or labels.min() < 0 or labels.max() >= k:
        fail(f"labels must be integers in 0..{k - 1}; got values from {labels.min()} to {labels.max()}.")
    return centroids, labels.astype(int)


def assert_fixed_point(X, centroids, labels):
    X = np.asarray(X, dtype=float)
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    own = d2[np.arange(len(X)), labels]
    # 1e-9 relative slack for ties, plus the float64 rounding of centroids far from 0 (~eps * |X|).
    worse = own > d2.min(axis=1) + 1e-9 * (1 + d2.min(axis=1)) + 1e-15 * np.abs(X).max()
    if worse.any():
        i = int(np.argmax(worse))
        fail(f"point {i} ({X[i]}) is labelled {labels[i]}, but centroid {int(d2[i].argmin())} is nearer "
             f"(squared distances {own[i]:.6g} vs {d2[i].min():.6g}). Labels must be the nearest returned "
             "centroid (Euclidean), and the algorithm must iterate to convergence.")
    for j in range(len(centroids)):
        members = X[labels == j]
        # Compared relative to the data's spread (centred), plus the rounding of the offset itself.
        c = X.mean(axis=0)
        if len(members) and not np.allclose(centroids[j] - c, members.mean(axis=0) - c, rtol=RTOL,
                                            atol=ATOL + 8 * np.finfo(float).eps * np.abs(c).max()):
            fail(f"centroid {j} is {np.round(centroids[j], 6)}, but the mean of its {len(members)} points is "
                 f"{np.round(members.mean(axis=0), 6)}. Each centroid must be the mean of its points "
                 "(iterate until the assignments stop changing).",
                 expected=members.mean(axis=0), got=centroids[j])


def blobs(seed, k, d=2, n_per=30, spread=0.4, distance=12.0):
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(k, d))
    centers *= distance / max(np.min(np.linalg.norm(centers[:, None] - centers[None], axis=2)
                                     + np.eye(k) * 1e9), 1e-9)
    y = np.repeat(np.arange(k), n_per)
    X = centers[y] + rng.normal(scale=spread, size=(k * n_per, d))
    order = rng.permutation(len(X))
    return X[order], y[order]


def test_worked_example(solution, reference):
    """The example from the task: two obvious pairs."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 10.0], [10.0, 11.0]])
    centroids, labels = run(solution, X, 2, seed=0)
    if not same_partition(labels, [0, 0, 1, 1]):
        fail(f"expected the two pairs [0,1] and [2,3] as clusters, got labels {labels}.", got=labels)
    assert_fixed_point(X, centroids, labels)


@pytest.mark.parametrize("seed", range(4))
def test_two_separated_blobs_are_found(solution, reference, seed):
    """Two far-apart blobs: the partition equals the true one (labels up to permutation)."""
    X, y = blobs(seed, 2)
    centroids, labels = run(solution, X, 2, seed=seed)
    if not same_partition(labels, y):
        fail("the two well-separated blobs were not recovered (labels compared up to permutation).",
             expected=y, got=labels)
    assert_fixed_point(X, centroids, labels)


@pytest.mark.parametrize("seed,k,d", [(0, 3, 2), (1, 4, 3), (2, 5, 2), (3, 3, 5)])
def test_result_is_a_lloyd_fixed_point(solution, reference, seed, k, d):
    """On blob data with several k and d: nearest-centroid labels and mean centroids."""
    X, _ = blobs(10 + seed, k, d=d, spread=1.5, distance=5.0)
    centroids, labels = run(solution, X, k, seed=seed)
    assert_fixed_point(X, centroids, labels)


def test_uniform_random_data(solution, reference):
    """No cluster structure at all: still a fixed point."""
    X = np.random.default_rng(42).uniform(size=(120, 2))
    centroids, labels = run(solution, X, 4, seed=1)
    assert_fixed_point(X, centroids, labels)


def test_k_equals_one(solution, reference):
    """k = 1: one centroid at the mean of all points."""
    X = np.random.default_rng(3).normal(size=(25, 3))
    centroids, labels = run(solution, X, 1, seed=0)
    assert_fixed_point(X, centroids, labels)


def test_k_equals_n(solution, reference):
    """k = n: every point is its own cluster."""
    X = np.array([[0.0, 0.0], [5.0, 0.0], [0.0, 7.0]])
    centroids, labels = run(solution, X, 3, seed=0)
    if len(set(labels.tolist())) != 3:
        fail(f"with k = n = 3 distinct points every point is its own cluster; got labels {labels}.", got=labels)
    assert_fixed_point(X, centroids, labels)


def test_duplicate_points_and_empty_clusters(solution, reference):
    """Only two distinct points but k = 3: a cluster must end up empty, without NaN."""
    X = np.array([[1.0, 1.0]] * 5 + [[9.0, 9.0]] * 5)
    for seed in range(3):
        centroids, labels = run(solution, X, 3, seed=seed)
        assert_fixed_point(X, centroids, labels)


def test_integer_input(solution, reference):
    """Integer X: centroids are float means, not truncated."""
    X = np.array([[0, 0], [1, 0], [0, 1], [20, 20], [21, 20], [20, 22]])
    centroids, labels = run(solution, X, 2, seed=0)
    if not same_partition(labels, [0, 0, 0, 1, 1, 1]):
        fail(f"expected the clusters {{0,1,2}} and {{3,4,5}}, got labels {labels}.", got=labels)
    assert_fixed_point(X, centroids, labels)


def test_one_dimensional(solution, reference):
    """d = 1 works (shape (n, 1))."""
    X = np.array([[1.0], [1.5], [2.0], [10.0], [10.5], [30.0], [31.0]])
    centroids, labels = run(solution, X, 3, seed=2)
    assert_fixed_point(X, centroids, labels)


def test_few_iterations_still_consistent(solution, reference):
    """With max_iters=1 the labels still belong to the returned centroids (nearest)."""
    X, _ = blobs(7, 4, spread=2.0, distance=4.0)
    centroids, labels = run(solution, X, 4, max_iters=1, seed=0)
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    own = d2[np.arange(len(X)), labels]
    if np.any(own > d2.min(axis=1) + 1e-9 * (1 + d2.min(axis=1))):
        fail("with max_iters=1 some labels are not the nearest returned centroid: assign the points again "
             "after the last update before returning.")


def test_same_seed_same_result(solution, reference):
    """Reproducible: the same seed gives the same centroids and labels."""
    X, _ = blobs(5, 4, spread=2.0, distance=4.0)
    c1, l1 = run(solution, X, 4, seed=123)
    c2, l2 = run(solution, X, 4, seed=123)
    if not (np.allclose(c1, c2) and np.array_equal(l1, l2)):
        fail("two calls with seed=123 gave different results; create the generator with "
             "np.random.default_rng(seed) and use only it.")


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset_small_spread(solution, reference, offset):
    """Data near 1e6, 1e7, 1e8 with a spread of about 1: still a Lloyd fixed point (distances from
    the differences; the expanded form ||x||² - 2x·c + ||c||² cancels there)."""
    X = np.random.default_rng(int(np.log10(offset))).uniform(size=(150, 2)) + offset
    centroids, labels = run(solution, X, 4, seed=1)
    assert_fixed_point(X, centroids, labels)


def test_input_not_modified(solution, reference):
    """X is left untouched (checked by the grader on every call)."""
    X, _ = blobs(9, 3)
    run(solution, X, 3, seed=0)


def speed_case():
    # 1,800 points in 3-D, k = 2: the reference's (n, k, d) temporary stays under 128 KB (larger ones
    # are fresh memory, page-faulted on every call) and takes about 2 ms of CPU; assigning one point at
    # a time in a Python loop is about 40x as long.
    X, _ = blobs(0, 2, d=3, n_per=900, spread=1.0, distance=4.0)
    return {"function": "kmeans", "args": (X, 2), "kwargs": {"seed": 0}}
