"""Hidden tests for `pca`.

Components are compared up to sign: each returned row is multiplied by the sign of its dot product
with the reference component, and the same sign is applied to the matching column of X_projected
(so the projection must use the same sign as the component). Tolerances: RTOL=1e-6, ATOL=1e-8
(eigh of the covariance and the SVD of the centered data agree to ~1e-12 on these well-separated
spectra).
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-6, 1e-8


def check(solution, reference, X, n_components):
    exp_comp, exp_ratio, exp_proj = reference.pca(X.copy(), n_components)
    got = call(solution.pca, X, n_components)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, dict) or not hasattr(got, "__len__") or len(got) != 3:
        fail("expected a tuple of three arrays (components, explained_variance_ratio, X_projected).", got=got)
    n, d = X.shape
    comp = as_array(got[0], what="components:")
    if comp.shape != (n_components, d):
        fail(f"expected components of shape ({n_components}, {d}) (one principal axis of dimension d per "
             f"row), got shape {comp.shape}.", got=got[0])
    # v and -v are the same axis: align each returned row with the reference before comparing.
    signs = np.where(np.sum(comp * exp_comp, axis=1) < 0, -1.0, 1.0)
    assert_close(comp * signs[:, None], exp_comp, rtol=RTOL, atol=ATOL,
                 what="components (each row's sign aligned with the expected one)")
    assert_close(got[1], exp_ratio, rtol=RTOL, atol=ATOL, what="explained_variance_ratio")
    proj = as_array(got[2], what="X_projected:")
    if proj.shape != (n, n_components):
        fail(f"expected X_projected of shape ({n}, {n_components}), got shape {proj.shape}.", got=got[2])
    assert_close(proj * signs[None, :], exp_proj, rtol=RTOL, atol=ATOL,
                 what="X_projected (columns signed like the components)")


def make_data(rng, n, d, offset=0.0):
    """Gaussian data with clearly distinct variances along random orthogonal axes."""
    scales = 3.0 * 0.6 ** np.arange(d)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return (rng.normal(size=(n, d)) * scales) @ Q.T + offset


def test_worked_example(solution, reference):
    """The example from the task: the x axis carries 80% of the variance."""
    check(solution, reference, np.array([[2.0, 0.0], [0.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]]), 1)


def test_diagonal_direction(solution, reference):
    """Points spread along the diagonal: the first component is [1, 1] / sqrt(2)."""
    t = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
    X = np.column_stack([t, t]) + np.array([[0.1, -0.1], [-0.2, 0.2], [0.0, 0.0], [0.3, -0.3], [-0.1, 0.1]])
    check(solution, reference, X, 2)


def test_data_far_from_the_origin_is_centered(solution, reference):
    """Columns with means of 100 and -50: PCA describes the spread around the mean, not the mean."""
    rng = np.random.default_rng(1)
    check(solution, reference, make_data(rng, 40, 3, offset=np.array([100.0, -50.0, 20.0])), 2)


def test_sorted_by_decreasing_variance(solution, reference):
    """Column variances increase left to right: component 0 must be the LAST axis (largest variance)."""
    rng = np.random.default_rng(2)
    X = rng.normal(size=(50, 4)) * np.array([0.5, 1.0, 2.0, 4.0])
    check(solution, reference, X, 3)


def test_all_components_ratios_sum_to_one(solution, reference):
    """n_components = d: every direction is kept and the ratios sum to 1."""
    rng = np.random.default_rng(3)
    check(solution, reference, make_data(rng, 30, 4), 4)


def test_ratio_over_total_variance(solution, reference):
    """n_components < d: each ratio is over the TOTAL variance, so they sum to less than 1."""
    rng = np.random.default_rng(4)
    check(solution, reference, make_data(rng, 60, 5), 2)


def test_more_features_than_samples(solution, reference):
    """n = 6 samples in d = 10 dimensions (rank 5): the covariance is (d, d), not (n, n)."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(6, 10)) * (2.0 * 0.5 ** np.arange(10))
    check(solution, reference, X, 3)


def test_two_samples(solution, reference):
    """n = 2: one direction (the line through the two points) carries all the variance."""
    check(solution, reference, np.array([[1.0, 2.0, 3.0], [3.0, 1.0, 4.0]]), 1)


def test_integer_input(solution, reference):
    """Integer X works like floats."""
    X = np.array([[1, 2], [3, 3], [4, 6], [6, 7], [8, 8], [9, 12]])
    check(solution, reference, X, 2)


@pytest.mark.parametrize("seed", range(4))
def test_random_datasets(solution, reference, seed):
    """Seeded random data of several shapes, offsets and numbers of components."""
    rng = np.random.default_rng(700 + seed)
    n, d = int(rng.integers(15, 80)), int(rng.integers(2, 8))
    X = make_data(rng, n, d, offset=rng.normal(0, 10, size=d))
    check(solution, reference, X, int(rng.integers(1, d + 1)))


def test_input_not_modified(solution, reference):
    """X is left untouched: center a copy, not the caller's array (checked on every call)."""
    check(solution, reference, make_data(np.random.default_rng(6), 20, 3, offset=5.0), 2)


def speed_case():
    X = make_data(np.random.default_rng(0), 5000, 30, offset=1.0)
    return {"function": "pca", "args": (X, 5)}
