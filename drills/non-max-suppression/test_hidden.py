"""Hidden tests for `nms`. The kept indices are compared exactly (same order: decreasing score).

Suppression needs IoU strictly greater than the threshold; equal scores are visited lower index
first; IoU is 0 when the union is 0.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_equal, call, fail


def check(solution, reference, boxes, scores, iou_threshold):
    expected = reference.nms(np.copy(boxes), np.copy(scores), iou_threshold)
    got = call(solution.nms, boxes, scores, iou_threshold)
    arr = as_array(got)
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        fail(f"returned values of dtype {arr.dtype}; return integer indices.", expected=expected, got=got)
    assert_equal(arr.reshape(-1) if arr.ndim else arr, expected, what="kept indices")


def clusters(rng, n_objects, per_object, jitter):
    centers = rng.uniform(0, 100, (n_objects, 2))
    sizes = rng.uniform(5, 20, (n_objects, 2))
    base = np.hstack([centers, centers + sizes])
    boxes = np.repeat(base, per_object, axis=0) + rng.normal(0, jitter, (n_objects * per_object, 4))
    boxes[:, 2:] = np.maximum(boxes[:, 2:], boxes[:, :2])
    return boxes, rng.random(len(boxes))


def test_worked_example(solution, reference):
    """The example from the task: visit 3, 0, 1, 2 and keep [3, 2]."""
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30], [0, 0, 10, 9]], dtype=float)
    check(solution, reference, boxes, np.array([0.9, 0.8, 0.7, 0.95]), 0.5)


def test_iou_equal_to_threshold_is_kept(solution, reference):
    """IoU exactly 0.5 with threshold 0.5: not suppressed (strictly greater is required)."""
    boxes = np.array([[0.0, 0.0, 2.0, 1.0], [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 2.0]])
    check(solution, reference, boxes, np.array([0.9, 0.8, 0.7]), 0.5)


def test_threshold_zero_keeps_touching_boxes(solution, reference):
    """Threshold 0: boxes that only touch (IoU 0) are kept, any real overlap is suppressed."""
    boxes = np.array([[0.0, 0.0, 1.0, 1.0], [1.0, 0.0, 2.0, 1.0], [0.5, 0.5, 1.5, 1.5], [1.0, 1.0, 2.0, 2.0]])
    check(solution, reference, boxes, np.array([0.9, 0.8, 0.7, 0.6]), 0.0)


def test_visits_by_score_not_by_index(solution, reference):
    """The highest-scored box of a cluster survives even when it comes last in the input."""
    boxes = np.array([[0.0, 0.0, 10.0, 10.0], [0.5, 0.5, 10.5, 10.5], [1.0, 0.0, 11.0, 10.0]])
    check(solution, reference, boxes, np.array([0.2, 0.5, 0.9]), 0.5)


def test_output_in_decreasing_score_order(solution, reference):
    """Disjoint boxes are all kept, listed by decreasing score (not by index)."""
    boxes = np.array([[0, 0, 1, 1], [5, 5, 6, 6], [10, 10, 11, 11], [20, 0, 21, 1]], dtype=float)
    check(solution, reference, boxes, np.array([0.1, 0.7, 0.3, 0.9]), 0.5)


def test_equal_scores_lower_index_first(solution, reference):
    """Identical boxes with equal scores: the lower index is kept; equal-score disjoint boxes are
    listed lower index first."""
    boxes = np.array([[0, 0, 4, 4], [0, 0, 4, 4], [10, 10, 12, 12], [0, 0, 4, 4], [20, 20, 22, 22]], dtype=float)
    check(solution, reference, boxes, np.array([0.5, 0.8, 0.8, 0.8, 0.5]), 0.3)


def test_suppressed_box_does_not_suppress(solution, reference):
    """A overlaps B and B overlaps C, but A does not overlap C: greedy keeps A and C, because B was
    suppressed and therefore cannot remove C."""
    boxes = np.array([[0.0, 0.0, 10.0, 10.0], [4.0, 0.0, 14.0, 10.0], [8.0, 0.0, 18.0, 10.0]])
    check(solution, reference, boxes, np.array([0.9, 0.8, 0.7]), 0.3)


def test_disjoint_boxes_do_not_suppress(solution, reference):
    """Boxes apart along both axes have IoU 0 (the intersection sides are clamped at 0)."""
    boxes = np.array([[0.0, 0.0, 1.0, 1.0], [2.0, 2.0, 3.0, 3.0], [-3.0, -3.0, -1.5, -1.5]])
    check(solution, reference, boxes, np.array([0.9, 0.8, 0.7]), 0.5)


def test_zero_area_boxes(solution, reference):
    """Zero-area boxes have IoU 0 with everything: they are never suppressed and suppress nothing."""
    boxes = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 0.0, 2.0]])
    check(solution, reference, boxes, np.array([0.9, 0.8, 0.7, 0.6]), 0.1)


def test_threshold_one_keeps_everything(solution, reference):
    """IoU never exceeds 1, so threshold 1.0 keeps every box (even duplicates), by score."""
    boxes = np.array([[0, 0, 2, 2], [0, 0, 2, 2], [1, 1, 3, 3]], dtype=float)
    check(solution, reference, boxes, np.array([0.3, 0.6, 0.5]), 1.0)


def test_empty_input(solution, reference):
    """No boxes: an empty integer array."""
    check(solution, reference, np.zeros((0, 4)), np.zeros(0), 0.5)


def test_single_box(solution, reference):
    """One box is always kept: [0]."""
    check(solution, reference, np.array([[1.0, 2.0, 3.0, 4.0]]), np.array([0.4]), 0.5)


@pytest.mark.parametrize("seed", range(5))
def test_random_clusters(solution, reference, seed):
    """Seeded clusters of jittered boxes around several objects, at several thresholds."""
    rng = np.random.default_rng(seed)
    boxes, scores = clusters(rng, int(rng.integers(2, 8)), int(rng.integers(2, 12)), float(rng.uniform(0.5, 4)))
    for t in (0.3, 0.5, 0.7):
        check(solution, reference, boxes, scores, t)


def test_list_and_integer_inputs(solution, reference):
    """Integer coordinates in plain lists are accepted."""
    boxes = [[0, 0, 10, 10], [2, 2, 12, 12], [1, 0, 10, 10], [30, 30, 40, 45]]
    check(solution, reference, boxes, [0.6, 0.9, 0.75, 0.1], 0.6)


def test_normalised_coordinates(solution, reference):
    """Boxes in normalised [0, 1] coordinates (areas far below 1) are suppressed as usual."""
    rng = np.random.default_rng(42)
    boxes, scores = clusters(rng, 4, 6, 1.5)
    check(solution, reference, boxes / 200.0, scores, 0.5)


def speed_case():
    rng = np.random.default_rng(0)
    xy = rng.uniform(0, 1000, (2000, 2))
    boxes = np.hstack([xy, xy + rng.uniform(1, 15, (2000, 2))])
    return {"function": "nms", "args": (boxes, rng.random(2000), 0.5)}
