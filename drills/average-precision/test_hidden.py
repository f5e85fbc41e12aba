"""Hidden tests for `average_precision`. Tolerance: rtol=1e-9, atol=1e-12 (sums of ratios of counts).

Greedy matching by decreasing score (ties: lower index first) to the best unmatched ground truth of
the same image with IoU >= threshold; AP is the all-points area under the precision envelope.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-12

EXAMPLE_GT = np.array([[0, 0, 10, 10], [20, 20, 30, 30], [0, 0, 10, 10]], dtype=float)
EXAMPLE_GT_IMAGES = np.array([0, 0, 1])
EXAMPLE_PRED = np.array([[0, 0, 10, 10], [0, 0, 10, 9], [50, 50, 60, 60], [1, 0, 10, 10], [20, 20, 30, 29]], dtype=float)
EXAMPLE_SCORES = np.array([0.95, 0.9, 0.8, 0.7, 0.6])
EXAMPLE_IMAGES = np.array([0, 0, 1, 1, 0])


def check(solution, reference, pb, ps, pi, gb, gi, t=0.5):
    expected = reference.average_precision(np.copy(pb), np.copy(ps), np.copy(pi), np.copy(gb), np.copy(gi), t)
    got = call(solution.average_precision, pb, ps, pi, gb, gi, iou_threshold=t)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="AP")
    return expected


def scene(rng, n_images, max_gt=6, jitter=1.0, dup=0.3, fp=3):
    pb, pi, gb, gi = [], [], [], []
    for image in range(n_images):
        n = int(rng.integers(0, max_gt + 1))
        xy = rng.uniform(0, 100, (n, 2))
        boxes = np.hstack([xy, xy + rng.uniform(5, 20, (n, 2))])
        gb.append(boxes)
        gi += [image * 7 + 3] * n  # non-contiguous image ids
        for box in boxes:
            for _ in range(1 + int(rng.random() < dup) + int(rng.random() < dup)):
                if rng.random() < 0.85:
                    p = box + rng.normal(0, jitter, 4)
                    p[2:] = np.maximum(p[2:], p[:2])
                    pb.append(p)
                    pi.append(image * 7 + 3)
        for _ in range(int(rng.integers(0, fp + 1))):
            xy = rng.uniform(0, 100, 2)
            pb.append(np.concatenate([xy, xy + rng.uniform(5, 20, 2)]))
            pi.append(image * 7 + 3)
    pb = np.array(pb).reshape(-1, 4)
    perm = rng.permutation(len(pb))
    return pb[perm], rng.random(len(pb)), np.array(pi, dtype=int)[perm], np.vstack(gb), np.array(gi, dtype=int)


def test_worked_example(solution, reference):
    """The example from the task: AP = 1/3 + 1/3 * 0.6 + 1/3 * 0.6 = 0.7333 (with the envelope)."""
    ap = check(solution, reference, EXAMPLE_PRED, EXAMPLE_SCORES, EXAMPLE_IMAGES, EXAMPLE_GT, EXAMPLE_GT_IMAGES)
    assert abs(ap - 11 / 15) < 1e-12


def test_worked_example_shuffled(solution, reference):
    """The same predictions in another input order: the visit order comes from the scores."""
    perm = np.array([3, 0, 4, 1, 2])
    check(solution, reference, EXAMPLE_PRED[perm], EXAMPLE_SCORES[perm], EXAMPLE_IMAGES[perm], EXAMPLE_GT,
          EXAMPLE_GT_IMAGES)


def test_precision_envelope(solution, reference):
    """FP, TP, TP on 2 ground truths: precisions 0, 1/2, 2/3; the envelope lifts the first TP to 2/3."""
    gb = np.array([[0, 0, 10, 10], [20, 0, 30, 10]], dtype=float)
    pb = np.array([[50, 50, 60, 60], [0, 0, 10, 10], [20, 0, 30, 10]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.8, 0.7]), np.zeros(3, int), gb, np.zeros(2, int))


def test_duplicate_detection_is_false_positive(solution, reference):
    """Three detections of one object: one TP, two FPs (a ground truth is matched once)."""
    gb = np.array([[0, 0, 10, 10], [40, 40, 50, 50]], dtype=float)
    pb = np.array([[0, 0, 10, 10], [0.5, 0, 10, 10], [0, 0.5, 10, 10], [40, 40, 50, 50]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.8, 0.7, 0.6]), np.zeros(4, int), gb, np.zeros(2, int))


def test_best_unmatched_ground_truth(solution, reference):
    """The best ground truth is taken; the next prediction may then match the second-best one
    (threshold 0.6: prediction 0 goes to ground truth 1, prediction 1 to ground truth 0)."""
    gb = np.array([[0, 0, 10, 10], [2, 0, 12, 10]], dtype=float)
    pb = np.array([[1.5, 0, 11.5, 10], [-1, 0, 9, 10]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.8]), np.zeros(2, int), gb, np.zeros(2, int), 0.6)


def test_best_ground_truth_taken_falls_back_to_next(solution, reference):
    """When the highest-IoU ground truth is already matched, an unmatched one with IoU >= threshold
    still makes a true positive."""
    gb = np.array([[0, 0, 10, 10], [1, 0, 11, 10]], dtype=float)
    pb = np.array([[0, 0, 10, 10], [0.4, 0, 10.4, 10]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.8]), np.zeros(2, int), gb, np.zeros(2, int))


def test_iou_equal_to_threshold_matches(solution, reference):
    """IoU exactly 0.5 at threshold 0.5 is a match (>=)."""
    gb = np.array([[0, 0, 1, 1], [5, 5, 6, 6]], dtype=float)
    pb = np.array([[0, 0, 2, 1], [5, 5, 6, 6]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.3]), np.zeros(2, int), gb, np.zeros(2, int))


def test_ground_truth_of_another_image_is_not_matched(solution, reference):
    """A prediction over a ground truth of another image is a false positive."""
    gb = np.array([[0, 0, 10, 10], [0, 0, 10, 10]], dtype=float)
    pb = np.array([[0, 0, 10, 10], [0, 0, 10, 10]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.8]), np.array([5, 5]), gb, np.array([5, 9]))


def test_missed_ground_truths_lower_recall(solution, reference):
    """Ground truths in an image without predictions still count in the recall denominator."""
    gb = np.array([[0, 0, 10, 10], [0, 0, 10, 10], [20, 20, 30, 30]], dtype=float)
    pb = np.array([[0, 0, 10, 10], [30, 30, 40, 40]], dtype=float)
    check(solution, reference, pb, np.array([0.5, 0.9]), np.array([0, 0]), gb, np.array([0, 1, 1]))


def test_equal_scores_lower_index_first(solution, reference):
    """Equal scores: the lower index is visited first (here the FP, then the TP: AP 0.5)."""
    gb = np.array([[0, 0, 10, 10]], dtype=float)
    pb = np.array([[50, 50, 60, 60], [0, 0, 10, 10]], dtype=float)
    check(solution, reference, pb, np.array([0.7, 0.7]), np.zeros(2, int), gb, np.zeros(1, int))
    check(solution, reference, pb[::-1].copy(), np.array([0.7, 0.7]), np.zeros(2, int), gb, np.zeros(1, int))


def test_edge_cases_give_zero(solution, reference):
    """No ground truth, no prediction, or only false positives: AP 0.0."""
    gb = np.array([[0, 0, 10, 10]], dtype=float)
    pb = np.array([[50, 50, 60, 60]], dtype=float)
    check(solution, reference, pb, np.array([0.9]), np.zeros(1, int), np.zeros((0, 4)), np.zeros(0, int))
    check(solution, reference, np.zeros((0, 4)), np.zeros(0), np.zeros(0, int), gb, np.zeros(1, int))
    check(solution, reference, pb, np.array([0.9]), np.zeros(1, int), gb, np.zeros(1, int))


def test_single_prediction_single_ground_truth(solution, reference):
    """One prediction that matches the only ground truth: AP 1.0; one that misses: 0.0."""
    gb = np.array([[2, 2, 6, 8]], dtype=float)
    check(solution, reference, np.array([[2, 2, 6, 7.5]]), np.array([0.3]), np.zeros(1, int), gb, np.zeros(1, int))
    check(solution, reference, np.array([[2, 2, 3, 3]]), np.array([0.3]), np.zeros(1, int), gb, np.zeros(1, int))


def test_zero_area_boxes_never_match(solution, reference):
    """A zero-area prediction on a zero-area ground truth has IoU 0 (union 0), so it is an FP."""
    gb = np.array([[1, 1, 1, 1], [0, 0, 4, 4]], dtype=float)
    pb = np.array([[1, 1, 1, 1], [0, 0, 4, 4]], dtype=float)
    check(solution, reference, pb, np.array([0.9, 0.8]), np.zeros(2, int), gb, np.zeros(2, int))


def test_normalised_coordinates(solution, reference):
    """Boxes in [0, 1] coordinates (areas far below 1): the same matching as in pixels."""
    rng = np.random.default_rng(23)
    pb, ps, pi, gb, gi = scene(rng, 4, jitter=1.5, dup=0.4, fp=4)
    check(solution, reference, pb / 150.0, ps, pi, gb / 150.0, gi)


def test_perfect_detector_scores_one(solution, reference):
    """Every object found once, every prediction right: AP 1.0."""
    rng = np.random.default_rng(3)
    pb, ps, pi, gb, gi = scene(rng, 4, jitter=0.0, dup=0.0, fp=0)
    gb, gi = pb.copy(), pi.copy()
    check(solution, reference, pb, ps, pi, gb, gi)


@pytest.mark.parametrize("seed", range(5))
def test_random_scenes(solution, reference, seed):
    """Seeded scenes: several images, duplicates, misses and false positives, thresholds 0.5, 0.75."""
    rng = np.random.default_rng(seed)
    pb, ps, pi, gb, gi = scene(rng, int(rng.integers(1, 8)), jitter=float(rng.uniform(0.5, 3)))
    check(solution, reference, pb, ps, pi, gb, gi, 0.5)
    check(solution, reference, pb, ps, pi, gb, gi, 0.75)


def test_rounded_scores_with_ties(solution, reference):
    """Scores rounded to one decimal (many ties): ties are visited lower index first."""
    rng = np.random.default_rng(17)
    pb, ps, pi, gb, gi = scene(rng, 5, jitter=2.0, dup=0.5)
    check(solution, reference, pb, np.round(ps, 1), pi, gb, gi)


def test_list_inputs(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, EXAMPLE_PRED.tolist(), EXAMPLE_SCORES.tolist(), EXAMPLE_IMAGES.tolist(),
          EXAMPLE_GT.tolist(), EXAMPLE_GT_IMAGES.tolist())


def speed_case():
    rng = np.random.default_rng(0)
    pb, ps, pi, gb, gi = scene(rng, 12, max_gt=300, jitter=1.0, dup=0.5, fp=40)  # 3,365 predictions
    return {"function": "average_precision", "args": (pb, ps, pi, gb, gi, 0.75)}
