"""Hidden tests for `silhouette_score`. Tolerance: rtol=1e-7, atol=1e-9."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-7, 1e-9


def check(solution, reference, X, labels):
    expected = reference.silhouette_score(np.copy(X), np.copy(labels))
    got = call(solution.silhouette_score, X, labels)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True)
    return got


def expect_value_error(solution, X, labels):
    try:
        got = call(solution.silhouette_score, X, labels)
    except ValueError:
        return
    fail(f"returned {got!r}; with {len(set(np.asarray(labels).tolist()))} distinct label(s) for {len(X)} points "
         "raise ValueError (the number of labels must be in 2..n-1).")


def blobs(seed, k, d=2, n=60, spread=1.0, offset=0.0):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 3, (k, d))
    y = rng.integers(0, k, n)
    y[:k] = np.arange(k)
    return centers[y] + spread * rng.normal(size=(n, d)) + offset, y


def test_worked_example(solution, reference):
    """The example from the task: 0.522987 (with a singleton cluster)."""
    check(solution, reference, np.array([[0.0], [1.0], [4.0], [6.0], [20.0]]), np.array([0, 0, 1, 1, 2]))


def test_own_cluster_mean_excludes_the_point(solution, reference):
    """Clusters of 2 and 3 points: a(i) divides by n_i - 1 (the zero self-distance is not a neighbour)."""
    check(solution, reference, np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 0.0], [6.0, 1.0], [7.0, 0.0]]),
          np.array([0, 0, 1, 1, 1]))


def test_b_is_the_nearest_other_cluster(solution, reference):
    """Three clusters, one far away: b(i) is the nearest cluster's mean, not the mean over all others."""
    X = np.array([[0.0], [1.0], [3.0], [4.0], [100.0], [101.0]])
    check(solution, reference, X, np.array([0, 0, 1, 1, 2, 2]))


def test_singleton_clusters_score_zero(solution, reference):
    """Several singletons (s = 0 each) among larger clusters."""
    X = np.array([[0.0, 0.0], [0.5, 0.2], [10.0, 10.0], [3.0, 3.0], [3.3, 2.9], [3.1, 3.4], [-6.0, 2.0]])
    check(solution, reference, X, np.array([0, 0, 1, 2, 2, 2, 3]))


def test_n_minus_one_labels(solution, reference):
    """k = n - 1: one pair and the rest singletons (allowed)."""
    check(solution, reference, np.array([[0.0], [0.5], [3.0], [7.0]]), np.array([1, 1, 2, 3]))


@pytest.mark.parametrize("labels", [[0, 0, 0, 0], [0, 1, 2, 3], [7, 7, 7, 7]])
def test_invalid_label_count_raises(solution, reference, labels):
    """One label, or one label per point, raises ValueError."""
    expect_value_error(solution, np.array([[0.0], [1.0], [2.0], [4.0]]), np.array(labels))


def test_negative_score(solution, reference):
    """A bad clustering (interleaved labels) gives a negative score."""
    X = np.array([[0.0], [0.1], [5.0], [5.1], [10.0], [10.1]])
    got = check(solution, reference, X, np.array([0, 1, 0, 1, 0, 1]))
    if not float(np.asarray(got)) < 0:
        fail(f"an interleaved labelling should score below 0, got {got}.")


def test_identical_points_in_different_clusters(solution, reference):
    """All distances 0: a = b = 0 gives s = 0, not nan."""
    check(solution, reference, np.zeros((4, 2)), np.array([0, 0, 1, 1]))


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset(solution, reference, offset):
    """Points around 1e6-1e8 with spread ~1: distances must come from differences (no cancellation)."""
    X, y = blobs(3, 3, d=3, n=40, spread=1.0)
    check(solution, reference, X + offset, y)


def test_scale_invariance(solution, reference):
    """Scaling X by 1e-3 (all distances below 1) leaves the score unchanged."""
    X, y = blobs(6, 3, spread=1.5)
    big = check(solution, reference, X, y)
    small = check(solution, reference, X * 1e-3, y)
    if not np.isclose(float(np.asarray(big)), float(np.asarray(small)), rtol=1e-7, atol=1e-9):
        fail(f"the score changed from {big} to {small} when X was scaled by 1e-3; the silhouette is scale-invariant.")


def test_non_contiguous_labels(solution, reference):
    """Labels such as -1, 5 and 9 (not 0..k-1)."""
    X, y = blobs(4, 3)
    check(solution, reference, X, np.array([9, -1, 5])[y])


@pytest.mark.parametrize("seed", range(5))
def test_random_clusterings(solution, reference, seed):
    """Seeded random blobs with 2-6 clusters in 1-5 dimensions (some labels random, so scores vary)."""
    rng = np.random.default_rng(10 + seed)
    k, d = int(rng.integers(2, 7)), int(rng.integers(1, 6))
    X, y = blobs(20 + seed, k, d=d, n=int(rng.integers(k + 2, 150)), spread=float(rng.uniform(0.3, 3)))
    noisy = rng.random(len(y)) < 0.2
    y = np.where(noisy, rng.integers(0, k, len(y)), y)
    check(solution, reference, X, y)


def test_integer_lists(solution, reference):
    """Plain lists of integers are accepted."""
    check(solution, reference, [[0, 0], [1, 1], [0, 1], [8, 8], [9, 8], [8, 9]], [0, 0, 0, 1, 1, 1])


def test_inputs_not_modified(solution, reference):
    """X and labels are left untouched (checked on every call)."""
    X, y = blobs(5, 3)
    check(solution, reference, X, y)


def speed_case():
    X, y = blobs(0, 4, d=5, n=800)
    return {"function": "silhouette_score", "args": (X, y)}
