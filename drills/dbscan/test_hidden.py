"""Hidden tests for `dbscan`. Labels are compared exactly with the reference.

The rules in the task fix every label (cluster numbers by lowest core index, border points to the
smallest cluster number among their core neighbours). Hand-made cases use exact binary fractions
where a distance equals eps; random data have no distance within rounding error of eps.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_equal, call, fail


def check(solution, reference, X, eps, min_samples):
    expected = reference.dbscan(np.copy(X), eps, min_samples)
    got = call(solution.dbscan, X, eps, min_samples=min_samples)
    arr = as_array(got)
    if arr.shape == expected.shape and arr.size and not np.all(arr == np.round(arr)):
        fail("returned non-integer labels; return integers (-1 for noise, clusters 0, 1, ...).", got=got)
    assert_equal(got, expected, what="labels")
    return arr


def col(values):
    return np.asarray(values, dtype=float)[:, None]


def blobs(seed, k, d=2, n_per=40, spread=0.3, noise=10):
    rng = np.random.default_rng(seed)
    centers = rng.uniform(-6, 6, (k, d))
    X = np.vstack([centers[rng.integers(0, k, k * n_per)] + spread * rng.normal(size=(k * n_per, d)),
                   rng.uniform(-8, 8, (noise, d))])
    return X[rng.permutation(len(X))]


def test_worked_example(solution, reference):
    """The example from the task: two clusters, a border point between them, a border point, noise."""
    X = col([0, 2.5, 2.75, 3, 3.25, 0.25, 0.5, 0.75, 1.625, 4.125, 9])
    check(solution, reference, X, 1.0, 4)


def test_distance_equal_to_eps_is_a_neighbour(solution, reference):
    """Points exactly eps apart (0.5 steps, eps = 0.5) are neighbours: <=, not <."""
    check(solution, reference, col([0, 0.5, 1.0, 1.5, 5.0, 5.5]), 0.5, 3)


def test_point_counts_itself(solution, reference):
    """A group of exactly min_samples points within eps: each has min_samples neighbours counting itself."""
    check(solution, reference, np.array([[0.0, 0.0], [0.1, 0.0], [0.0, 0.1], [5.0, 5.0], [5.1, 5.0]]), 0.3, 3)


def test_min_samples_one_every_point_is_core(solution, reference):
    """min_samples = 1: no noise; isolated points are clusters of their own, numbered by index."""
    check(solution, reference, col([3.0, 0.0, 10.0, 0.2, 20.0]), 0.5, 1)


def test_border_points_are_labelled(solution, reference):
    """Border points (non-core, within eps of a core point) join the cluster, not the noise."""
    X = np.array([[0.0, 0.0], [0.2, 0.0], [0.0, 0.2], [0.2, 0.2], [0.9, 0.1], [-0.7, 0.0], [3.0, 3.0]])
    check(solution, reference, X, 0.75, 4)


def test_border_points_do_not_expand_clusters(solution, reference):
    """A chain core - border - non-core: the point beyond the border point stays noise."""
    X = col([0, 0.125, 0.25, 0.375, 1.3125, 2.125, 2.375])  # 1.3125 is a border point; 2.125 and 2.375 noise
    check(solution, reference, X, 1.0, 4)


def test_border_between_clusters_takes_the_smaller_number(solution, reference):
    """A border point nearer to (and with a lower-index core neighbour in) cluster 1 still gets cluster 0."""
    # 2.125 (index 10): 1.125 from core 1.0 (cluster 0), 0.875 from core 3.0 (index 1, cluster 1).
    X = col([0, 3.0, 3.25, 3.5, 3.75, 4.0, 0.25, 0.5, 0.75, 1.0, 2.125])
    check(solution, reference, X, 1.25, 5)


def test_cluster_numbering_follows_first_core_index(solution, reference):
    """Cluster numbers follow the lowest core index, not the position in space or the first point seen."""
    X = col([9.0, 5.0, 5.1, 5.2, 0.0, 0.1, 0.2, 9.1, 9.2, 5.9])  # index 0 is core of the cluster at 9
    check(solution, reference, X, 0.5, 3)


def test_all_noise(solution, reference):
    """Points farther than eps apart with min_samples = 2: every label is -1."""
    check(solution, reference, col([0.0, 2.0, 4.0, 6.0]), 1.0, 2)


def test_long_chain_is_one_cluster(solution, reference):
    """200 core points in a chain: density-reachability spans the whole chain (expansion must iterate)."""
    X = np.column_stack([np.arange(200) * 0.5, np.zeros(200)])
    X = X[np.random.default_rng(1).permutation(200)]
    check(solution, reference, X, 0.6, 3)


@pytest.mark.parametrize("seed", range(5))
def test_random_blobs(solution, reference, seed):
    """Seeded random blobs plus uniform noise, 2-5 clusters in 1-3 dimensions."""
    rng = np.random.default_rng(40 + seed)
    X = blobs(50 + seed, int(rng.integers(2, 6)), d=int(rng.integers(1, 4)))
    check(solution, reference, X, float(rng.uniform(0.2, 0.8)), int(rng.integers(3, 8)))


def test_large_offset(solution, reference):
    """Blobs around 1e6: distances come from differences, the labels do not change."""
    X = blobs(7, 3)
    check(solution, reference, X + 1e6, 0.5, 5)


def test_integer_lists(solution, reference):
    """Plain lists of integer coordinates are accepted."""
    check(solution, reference, [[0, 0], [0, 1], [1, 0], [1, 1], [5, 5], [5, 6], [9, 9]], 1, 3)


def test_inputs_not_modified(solution, reference):
    """X is left untouched (checked on every call)."""
    check(solution, reference, blobs(9, 2), 0.5, 4)


def speed_case():
    X = blobs(0, 4, d=2, n_per=200, spread=0.4, noise=50)
    return {"function": "dbscan", "args": (X, 0.3), "kwargs": {"min_samples": 5}}
