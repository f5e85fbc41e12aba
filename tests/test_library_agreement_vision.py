"""The vision drill references agree with independent implementations on random inputs inside their
contracts (test-only: the drills themselves import nothing but NumPy).

torchvision is not installed, so box-iou and non-max-suppression are checked against second
implementations written here in a different way:

- box-iou vs pure-Python interval arithmetic (overlap of [x1, x2] and [y1, y2] per pair) and, for
  integer boxes, vs counting the unit cells of a rasterised grid covered by each box;
- non-max-suppression vs a pure-Python transcription of torchvision.ops.nms (sort by score, ties by
  lower index, keep a box unless an already kept box overlaps it with IoU > threshold);
- average-precision vs sklearn.metrics.average_precision_score in the only case where the two
  definitions coincide: one image, every ground truth matched by exactly one prediction, and the
  precision at successive true positives non-increasing (then the monotone envelope changes
  nothing). In general (a precision that rises again after a false positive) the interpolated AP is
  larger than scikit-learn's step-wise AP; that inequality is checked too.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




def random_boxes(rng, n, scale=10.0, max_size=5.0):
    xy = rng.uniform(0, scale, (n, 2))
    wh = rng.uniform(0, max_size, (n, 2)) * (rng.random((n, 1)) > 0.05)  # a few zero-area boxes
    return np.hstack([xy, xy + wh])


def interval_overlap(lo1, hi1, lo2, hi2):
    return max(0.0, min(hi1, hi2) - max(lo1, lo2))


def iou_pure_python(box1, box2):
    inter = interval_overlap(box1[0], box1[2], box2[0], box2[2]) * interval_overlap(box1[1], box1[3], box2[1], box2[3])
    union = (box1[2] - box1[0]) * (box1[3] - box1[1]) + (box2[2] - box2[0]) * (box2[3] - box2[1]) - inter
    return inter / union if union > 0 else 0.0


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_box_iou_matches_interval_arithmetic(seed):
    ref = load("box-iou")
    rng = np.random.default_rng(seed)
    a = random_boxes(rng, int(rng.integers(1, 25)))
    b = random_boxes(rng, int(rng.integers(1, 25)))
    expected = np.array([[iou_pure_python(p, q) for q in b.tolist()] for p in a.tolist()])
    np.testing.assert_allclose(ref.box_iou(a, b), expected, rtol=1e-12, atol=1e-14)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_box_iou_matches_raster_count_on_integer_boxes(seed):
    ref = load("box-iou")
    rng = np.random.default_rng(1000 + seed)
    n, m, size = int(rng.integers(1, 8)), int(rng.integers(1, 8)), 16
    a = np.sort(rng.integers(0, size + 1, (n, 2, 2)), axis=1).transpose(0, 2, 1).reshape(n, 4)
    b = np.sort(rng.integers(0, size + 1, (m, 2, 2)), axis=1).transpose(0, 2, 1).reshape(m, 4)

    def mask(box):  # unit cell (i, j) covers [i, i+1] x [j, j+1]
        grid = np.zeros((size, size), dtype=bool)
        grid[box[0]:box[2], box[1]:box[3]] = True
        return grid

    expected = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            ma, mb = mask(a[i]), mask(b[j])
            union = (ma | mb).sum()
            expected[i, j] = (ma & mb).sum() / union if union else 0.0
    np.testing.assert_allclose(ref.box_iou(a, b), expected, rtol=1e-12, atol=1e-14)


def nms_pure_python(boxes, scores, threshold):
    """A transcription of torchvision.ops.nms (greedy, strict >, stable order by decreasing score)."""
    boxes, scores = boxes.tolist(), scores.tolist()
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    keep = []
    for i in order:
        if all(iou_pure_python(boxes[i], boxes[j]) <= threshold for j in keep):
            keep.append(i)
    return keep


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_nms_matches_pure_python_greedy(seed):
    ref = load("non-max-suppression")
    rng = np.random.default_rng(2000 + seed)
    n_obj, per = int(rng.integers(1, 6)), int(rng.integers(1, 10))
    centers = rng.uniform(0, 50, (n_obj, 2))
    base = np.hstack([centers, centers + rng.uniform(3, 15, (n_obj, 2))])
    boxes = np.repeat(base, per, axis=0) + rng.normal(0, 2.0, (n_obj * per, 4))
    boxes[:, 2:] = np.maximum(boxes[:, 2:], boxes[:, :2])
    scores = np.round(rng.random(len(boxes)), 1)  # rounded: many equal scores
    threshold = float(rng.choice([0.0, 0.3, 0.5, 0.7]))
    kept = ref.nms(boxes, scores, threshold)
    assert kept.tolist() == nms_pure_python(boxes, scores, threshold)


def one_image_perfect_matching(rng, n_gt, n_fp):
    """n_gt disjoint ground truths, each detected exactly once (an exact copy), plus n_fp false
    positives far from every ground truth; distinct scores. Returns the AP inputs and is_tp by rank."""
    gt = np.array([[20.0 * i, 0.0, 20.0 * i + 10.0, 10.0] for i in range(n_gt)])
    fp = np.array([[20.0 * i, 50.0, 20.0 * i + 10.0, 60.0] for i in range(n_fp)]).reshape(-1, 4)
    boxes = np.vstack([gt, fp])
    is_tp = np.r_[np.ones(n_gt, bool), np.zeros(n_fp, bool)]
    perm = rng.permutation(len(boxes))
    boxes, is_tp = boxes[perm], is_tp[perm]
    scores = rng.permutation(len(boxes)) / len(boxes) + 0.01  # distinct
    return boxes, scores, gt, is_tp


def precision_at_true_positives(scores, is_tp):
    hits = is_tp[np.argsort(-scores)]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return precision[hits]


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_average_precision_matches_sklearn_when_envelope_is_inactive(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("average-precision")
    rng = np.random.default_rng(3000 + seed)
    while True:  # resample until the precision at successive true positives never rises
        boxes, scores, gt, is_tp = one_image_perfect_matching(rng, int(rng.integers(1, 8)), int(rng.integers(0, 8)))
        if np.all(np.diff(precision_at_true_positives(scores, is_tp)) <= 0):
            break
    ours = ref.average_precision(boxes, scores, np.zeros(len(boxes), int), gt, np.zeros(len(gt), int), 0.5)
    assert ours == pytest.approx(metrics.average_precision_score(is_tp, scores), rel=1e-12, abs=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_average_precision_is_at_least_sklearn_step_ap(seed):
    """The envelope only raises precisions: interpolated AP >= scikit-learn's AP, with equality
    exactly when the precision at successive true positives is non-increasing."""
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("average-precision")
    rng = np.random.default_rng(4000 + seed)
    boxes, scores, gt, is_tp = one_image_perfect_matching(rng, int(rng.integers(1, 10)), int(rng.integers(1, 10)))
    ours = ref.average_precision(boxes, scores, np.zeros(len(boxes), int), gt, np.zeros(len(gt), int), 0.5)
    theirs = metrics.average_precision_score(is_tp, scores)
    assert ours >= theirs - 1e-12
    inactive = np.all(np.diff(precision_at_true_positives(scores, is_tp)) <= 0)
    assert (abs(ours - theirs) < 1e-12) == bool(inactive)
